#pragma once

#include "core/clock.hpp"
#include "store/filesystem.hpp"

#include <chrono>
#include <functional>

#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace compassion {

inline constexpr std::size_t max_items = 7;

// The user's settings from config.toml. The common ones are read and checked
// up front; commands read their own sections through the typed getters, which
// report a wrong value as `config.toml:line:col: …` (exit 78).
struct Config {
    std::string path;
    toml::table table;

    std::vector<std::string> items;
    int day_starts_at = 4;
    std::string color = "auto";

    // `dotted` is a key path such as "practice.seconds_per_phrase".
    std::int64_t integer(std::string_view dotted, std::int64_t fallback, std::int64_t min,
                         std::int64_t max) const;
    bool boolean(std::string_view dotted, bool fallback) const;
    std::string text(std::string_view dotted, std::string fallback) const;
    std::vector<std::string> text_list(std::string_view dotted, std::vector<std::string> fallback,
                                       std::size_t min_count, std::size_t max_count) const;
};

// The commented config.toml written on first use.
std::string_view config_template();

// Parses and checks config text; throws ConfigError (exit 78) naming path:line:col.
Config parse_config(const std::string& text, const std::string& path);

// The file config.toml really is: `path` itself, or, when it is a symbolic
// link (GNU stow keeps dotfiles so), the regular file it leads to, provided
// that file is the user's own (ConfigError otherwise). Edits go to it.
std::string config_target(FileSystem& fs, const std::string& path);

// Reads config.toml (through a link, see config_target), creating it from
// the template by the durable write, under the config lock, when it is
// missing. A config that others may read or write is made 0600 and `notice`
// says so. Temp files a crashed config write left are removed, under the
// lock, when it is free. A document that nests too deeply is refused like
// any malformed one (ConfigError, path:line:col).
Config load_config(FileSystem& fs, Clock& clock, const std::string& path,
                   std::chrono::milliseconds timeout, std::string* notice = nullptr);

// `text` with the top-level `key` set to `value_toml` (a TOML value, e.g. an
// array), leaving every other byte — comments, layout, other settings — as it was.
// A key that is not there yet is added before the first table.
std::string with_top_level_value(const std::string& text, std::string_view key,
                                 std::string_view value_toml);

// Replaces a config file (its target, when it is a link) by the durable
// write, 0600. UnconfirmedError when the new text is in place but the
// directory could not be flushed.
void write_config(FileSystem& fs, const std::string& path, const std::string& text);

// Changes config.toml under its own lock (.config.lock beside it), so two
// edits at the same moment cannot undo each other: `change` is given the text
// as it is now and returns the new text. Temp files a crashed edit left are
// removed first. Throws BusyError after `timeout`, NoInputError when the file
// is gone, and whatever `change` throws (the file is then unchanged);
// UnconfirmedError as write_config.
void update_config(FileSystem& fs, Clock& clock, const std::string& path,
                   std::chrono::milliseconds timeout,
                   const std::function<std::string(const std::string&)>& change);

// ["a", "b"] as TOML.
std::string toml_string_array(const std::vector<std::string>& values);

} // namespace compassion
