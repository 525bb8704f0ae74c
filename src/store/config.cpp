#include "store/config.hpp"

#include "core/errors.hpp"
#include "core/items.hpp"
#include "core/nesting.hpp"
#include "core/record.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <unistd.h>

namespace compassion {

namespace {

constexpr std::string_view template_text =
    R"(# Settings for compassion. Edit freely: the tool keeps your comments and
# changes only the line it is asked to change. See `man 5 compassion`.

# The few things it takes for you to show up well for others, 1 to 7 of them.
# `compassion reflect showup` helps you choose; on the command line an item can
# be written in any case, with hyphens for spaces (time-outside).
items = ["sleep", "exercise", "meditation", "time outside"]

# The hour a new day begins (0-23). Until then, a check-in still counts for the
# day before, so logging at 1 a.m. lands on the evening it belongs to.
day_starts_at = 4

# Colour in reports and prompts: "auto" (only on a terminal), "always" or "never".
# NO_COLOR in the environment and --color on the command line win over this.
color = "auto"

# Someone you could talk to when things are heavy, in your own words. It is
# shown at the end of a reframe, and in a review after a run of hard days;
# without it, a supervisor, a therapist or a trusted colleague is suggested.
# support = "Talk to Sam, my supervisor; she said any time."

[practice]
# Loving-kindness: how long each phrase stays with you, in seconds, and how
# long a session lasts when you do not say (--minutes).
seconds_per_phrase = 8
minutes = 3
# Ring the terminal bell when a timed practice ends.
bell = false
# The phrases, shown one at a time and repeated: anywhere will do, even a
# queue, looking at the people around you. Write your own if these do not
# feel like yours (say "May I be safe.", "May I live with ease.").
phrases = [
    "May all beings be happy.",
    "May all beings find peace.",
]
# Widen the circle, if you like: each round then goes from yourself outward,
# saying circle_phrases for each circle in turn ({who} stands for the circle).
# circles = ["I", "someone I love", "someone I find difficult", "all beings"]
# circle_phrases = ["May {who} be safe.", "May {who} be happy."]
# Recall: how long a saved moment stays with you, in seconds. Quality: how
# long the pause after an exercise lasts.
recall_seconds = 30
exercise_seconds = 60

[review]
# A day counts as under-resourced when no more than this many items were done.
resourced_at_most = 1
# The gentle pointer to support appears when this many of the last 7 rated
# days were rated 2 or lower (1 to 7).
support_low_days = 5
)";

std::string key_path_text(std::string_view dotted) {
    return std::string(dotted);
}

SourcePos pos_of(const std::string& path, const toml::node& node) {
    return SourcePos{path, node.source().begin.line, node.source().begin.column};
}

} // namespace

std::string_view config_template() {
    return template_text;
}

std::int64_t Config::integer(std::string_view dotted, std::int64_t fallback, std::int64_t min,
                             std::int64_t max) const {
    toml::node_view node = table.at_path(dotted);
    if (!node)
        return fallback;
    if (!node.is_integer())
        throw ConfigError(pos_of(path, *node.node()),
                          fmt::format("{} should be a whole number", key_path_text(dotted)));
    std::int64_t v = node.as_integer()->get();
    if (v < min || v > max)
        throw ConfigError(
            pos_of(path, *node.node()),
            fmt::format("{} = {} is out of range ({} to {})", key_path_text(dotted), v, min, max));
    return v;
}

bool Config::boolean(std::string_view dotted, bool fallback) const {
    toml::node_view node = table.at_path(dotted);
    if (!node)
        return fallback;
    if (!node.is_boolean())
        throw ConfigError(pos_of(path, *node.node()),
                          fmt::format("{} should be true or false", key_path_text(dotted)));
    return node.as_boolean()->get();
}

std::string Config::text(std::string_view dotted, std::string fallback) const {
    toml::node_view node = table.at_path(dotted);
    if (!node)
        return fallback;
    if (!node.is_string())
        throw ConfigError(pos_of(path, *node.node()),
                          fmt::format("{} should be a quoted string", key_path_text(dotted)));
    return node.as_string()->get();
}

std::vector<std::string> Config::text_list(std::string_view dotted,
                                           std::vector<std::string> fallback, std::size_t min_count,
                                           std::size_t max_count) const {
    toml::node_view node = table.at_path(dotted);
    if (!node)
        return fallback;
    const toml::array* arr = node.as_array();
    if (!arr)
        throw ConfigError(pos_of(path, *node.node()),
                          fmt::format("{} should be a list of quoted strings, like [\"a\", \"b\"]",
                                      key_path_text(dotted)));
    std::vector<std::string> out;
    for (const auto& el : *arr) {
        if (!el.is_string())
            throw ConfigError(pos_of(path, el), fmt::format("{} should hold only quoted strings",
                                                            key_path_text(dotted)));
        out.push_back(el.as_string()->get());
    }
    if (out.size() < min_count || out.size() > max_count)
        throw ConfigError(pos_of(path, *node.node()),
                          fmt::format("{} should have {} to {} entries, not {}",
                                      key_path_text(dotted), min_count, max_count, out.size()));
    return out;
}

Config parse_config(const std::string& text, const std::string& path) {
    Config config;
    config.path = path;
    if (auto deep = too_deep(text))
        throw ConfigError(SourcePos{path, deep->line, deep->column},
                          fmt::format("keys or values nest more than {} levels deep here; "
                                      "compassion reads no deeper",
                                      max_toml_nesting));
    try {
        config.table = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw ConfigError(SourcePos{path, e.source().begin.line, e.source().begin.column},
                          std::string(e.description()));
    }
    config.items = config.text_list("items", {"sleep", "exercise", "meditation", "time outside"}, 1,
                                    max_items);
    std::vector<std::string> seen;
    const toml::node* items_node = config.table.get("items");
    for (const auto& item : config.items) {
        SourcePos pos = items_node ? pos_of(path, *items_node) : SourcePos{path, 0, 0};
        std::string norm = normalize_name(item);
        if (norm.empty())
            throw ConfigError(pos, "items: an item needs a name");
        if (item.find(',') != std::string::npos)
            throw ConfigError(pos, fmt::format("items: \"{}\" has a comma, which the command line "
                                               "uses to separate items",
                                               item));
        if (std::find(seen.begin(), seen.end(), norm) != seen.end())
            throw ConfigError(pos, fmt::format("items: \"{}\" is listed twice", item));
        seen.push_back(norm);
    }
    config.day_starts_at = static_cast<int>(config.integer("day_starts_at", 4, 0, 23));
    config.color = config.text("color", "auto");
    if (config.color != "auto" && config.color != "always" && config.color != "never")
        throw ConfigError(pos_of(path, *config.table.get("color")),
                          "color should be \"auto\", \"always\" or \"never\"");
    return config;
}

namespace {

// Byte offset of a 1-based line and column (columns count characters).
std::size_t offset_of(const std::string& text, toml::source_position pos) {
    // toml++ does not count a leading byte-order mark as a column.
    std::size_t offset = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    for (unsigned line = 1; line < pos.line && offset < text.size(); ++line) {
        std::size_t nl = text.find('\n', offset);
        offset = nl == std::string::npos ? text.size() : nl + 1;
    }
    for (unsigned col = 1; col < pos.column && offset < text.size(); ++col) {
        ++offset;
        while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
            ++offset;
    }
    return offset;
}

} // namespace

namespace {

// Whether `candidate` is `original` with exactly `key` set to `value`.
bool is_same_but(const std::string& candidate, toml::table original, std::string_view key,
                 const toml::node& value) {
    toml::parse_result parsed = toml::parse(candidate);
#if !TOML_EXCEPTIONS
    if (!parsed)
        return false;
#endif
    toml::table doc = std::move(parsed);
    const toml::node* now = doc.get(key);
    if (!now || toml::node_view<const toml::node>{now} != toml::node_view<const toml::node>{&value})
        return false;
    doc.erase(key);
    original.erase(key);
    return doc == original;
}

} // namespace

std::string with_top_level_value(const std::string& text, std::string_view key,
                                 std::string_view value_toml) {
    if (auto deep = too_deep(text))
        throw ConfigError(SourcePos{"config.toml", deep->line, deep->column},
                          "keys or values nest too deeply here to change it safely");
    toml::table doc = toml::parse(text);
    toml::table wanted = toml::parse("value = " + std::string(value_toml));
    const toml::node& value = *wanted.get("value");
    auto checked = [&](std::string candidate) -> std::optional<std::string> {
        try {
            if (is_same_but(candidate, doc, key, value))
                return candidate;
        } catch (const toml::parse_error&) {
        }
        return std::nullopt;
    };
    if (const toml::node* node = doc.get(key)) {
        std::size_t begin = offset_of(text, node->source().begin);
        std::size_t end = offset_of(text, node->source().end);
        if (auto out = checked(text.substr(0, begin) + std::string(value_toml) + text.substr(end)))
            return *out;
        throw ConfigError(
            SourcePos{"config.toml", node->source().begin.line, node->source().begin.column},
            fmt::format("{} cannot be changed here without changing something "
                        "else; please edit it by hand",
                        key));
    }
    std::string line = std::string(key) + " = " + std::string(value_toml) + "\n";
    // Before the first [table] header, so the key stays at the top level and
    // near the other settings. A line that only looks like a header (inside a
    // multi-line string or array) fails the check, and the key goes first.
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t first = text.find_first_not_of(" \t", pos);
        if (first != std::string::npos && first < text.size() && text[first] == '[') {
            if (auto out = checked(text.substr(0, pos) + line + "\n" + text.substr(pos)))
                return *out;
            break;
        }
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) {
            std::string out = text;
            if (!out.empty() && out.back() != '\n')
                out += '\n';
            if (auto checked_out = checked(out + line))
                return *checked_out;
            break;
        }
        pos = nl + 1;
    }
    if (text.empty())
        return line;
    // The very start of a document is always at the top level (after a BOM).
    std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    if (auto out = checked(text.substr(0, start) + line + text.substr(start)))
        return *out;
    throw ConfigError(SourcePos{"config.toml", 1, 1},
                      fmt::format("{} cannot be added without changing something else; please "
                                  "edit it by hand",
                                  key));
}

std::string toml_string_array(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + toml_string(values[i]);
    return out + "]";
}

} // namespace compassion
