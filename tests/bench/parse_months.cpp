// The parse floor: toml++ reading the given month files, one at a time, and
// visiting every [[entry]] and every value in it, as a reader of the journal must.
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <toml++/toml.h>

int main(int argc, char** argv) {
    std::size_t entries = 0;
    std::size_t values = 0;
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "parse_months: cannot read %s\n", argv[i]);
            return 66;
        }
        std::ostringstream text;
        text << in.rdbuf();
        try {
            const std::string source = text.str();
            toml::table doc = toml::parse(source, std::string_view{argv[i]});
            if (auto* arr = doc["entry"].as_array()) {
                for (const auto& node : *arr) {
                    if (const auto* table = node.as_table()) {
                        ++entries;
                        values += table->size();
                    }
                }
            }
        } catch (const toml::parse_error& e) {
            std::fprintf(stderr, "parse_months: %s: %s\n", argv[i],
                         std::string(e.description()).c_str());
            return 65;
        }
    }
    fmt::print("{} entries, {} values\n", entries, values);
    return 0;
}
