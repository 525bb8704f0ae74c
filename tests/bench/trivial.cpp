// The start-up floor: a program that links the same libraries as compassion
// (CLI11, fmt, toml++), parses its arguments and prints one line or its help.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <toml++/toml.h>

int main(int argc, char** argv) {
    CLI::App app{"trivial - the start-up floor of the benchmark", "trivial"};
    std::string name = "world";
    app.add_option("--name", name, "Who to greet");
    CLI11_PARSE(app, argc, argv);
    // Touch toml++ so its shared library is really loaded, as in compassion.
    toml::table doc = toml::parse("greeting = \"hello\"");
    fmt::print("{}, {}\n", doc["greeting"].value_or(std::string_view{"hi"}), name);
    return 0;
}
