// libFuzzer target: config.toml with arbitrary bytes. Parsing either succeeds
// or throws ConfigError; every getter a command uses does the same; and
// changing a setting in a config that parses gives a config that parses,
// holds the new value and keeps the rest.
#include "core/errors.hpp"
#include "store/config.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace compassion;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    Config config;
    try {
        config = parse_config(text, "config.toml");
    } catch (const ConfigError&) {
        return 0;
    }
    try {
        (void)config.integer("practice.seconds_per_phrase", 8, 1, 600);
        (void)config.boolean("practice.bell", false);
        (void)config.text("practice.name", "");
        (void)config.text_list("practice.phrases", {}, 1, 100);
    } catch (const ConfigError&) {
    }
    const std::string edited = with_top_level_value(text, "items", "[\"changed\", \"twice\"]");
    Config again;
    try {
        again = parse_config(edited, "config.toml");
    } catch (const ConfigError&) {
        std::abort(); // the edit broke a config that was fine
    }
    if (again.items != std::vector<std::string>{"changed", "twice"} ||
        again.day_starts_at != config.day_starts_at || again.color != config.color)
        std::abort();
    return 0;
}
