#include "core/record_lines.hpp"

#include "core/errors.hpp"
#include "core/kinds/forget.hpp"
#include "core/toml_parse.hpp"

#include <algorithm>
#include <map>
#include <toml++/toml.h>

namespace compassion {

namespace {

// One line of a month file as the scanner sees it.
struct ScannedLine {
    std::size_t begin = 0, next = 0; // bytes [begin, next), the line ending included
    enum class Role { blank, comment, header, content } role = Role::blank;
    std::string header_key; // a header's key, spaces dropped: "entry", "entry.sub"
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

// Scans TOML just enough to tell table headers from key/value lines and from
// the lines inside a multi-line string or array, which belong to the value
// they continue. Whatever it gets wrong, the check in without_records() sees.
class LineScanner {
public:
    explicit LineScanner(std::string_view text) : text_(text) {}

    std::vector<ScannedLine> lines() {
        std::vector<ScannedLine> out;
        std::size_t at = 0;
        while (at < text_.size()) {
            std::size_t end = text_.find('\n', at);
            std::size_t next = end == text_.npos ? text_.size() : end + 1;
            out.push_back(scan(at, next));
            at = next;
        }
        return out;
    }

private:
    ScannedLine scan(std::size_t begin, std::size_t next) {
        ScannedLine line{begin, next, ScannedLine::Role::content, {}};
        std::size_t i = begin;
        if (!in_multiline_ && depth_ == 0) {
            if (begin == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF")
                i = 3;
            while (i < next && (is_space(text_[i]) || text_[i] == '\n'))
                ++i;
            if (i == next) {
                line.role = ScannedLine::Role::blank;
                return line;
            }
            if (text_[i] == '#') {
                line.role = ScannedLine::Role::comment;
                return line;
            }
            if (text_[i] == '[') {
                line.role = ScannedLine::Role::header;
                line.header_key = header_key(i, next);
                return line;
            }
        }
        values(i, next);
        return line;
    }

    // The key of a header line, without brackets and unquoted spaces.
    std::string header_key(std::size_t i, std::size_t next) const {
        std::string key;
        while (i < next && text_[i] == '[')
            ++i;
        char quote = 0;
        for (; i < next; ++i) {
            char c = text_[i];
            if (quote) {
                if (c == quote)
                    quote = 0;
                key += c;
            } else if (c == '"' || c == '\'') {
                quote = c;
                key += c;
            } else if (c == ']') {
                break;
            } else if (!is_space(c)) {
                key += c;
            }
        }
        return key;
    }

    // Follows strings, comments and array brackets through [i, next).
    void values(std::size_t i, std::size_t next) {
        while (i < next) {
            if (in_multiline_) {
                i = close_multiline(i, next);
                continue;
            }
            char c = text_[i];
            if (c == '#')
                return;
            if (c == '"' || c == '\'') {
                if (text_.substr(i, 3) == std::string(3, c)) {
                    in_multiline_ = c;
                    i += 3;
                } else {
                    i = close_string(i + 1, next, c);
                }
                continue;
            }
            if (c == '[')
                ++depth_;
            else if (c == ']' && depth_ > 0)
                --depth_;
            ++i;
        }
    }

    std::size_t close_string(std::size_t i, std::size_t next, char quote) const {
        for (; i < next; ++i) {
            if (quote == '"' && text_[i] == '\\')
                ++i;
            else if (text_[i] == quote)
                return i + 1;
        }
        return next;
    }

    std::size_t close_multiline(std::size_t i, std::size_t next) {
        const char quote = in_multiline_;
        for (; i < next; ++i) {
            if (quote == '"' && text_[i] == '\\') {
                ++i;
            } else if (text_.substr(i, 3) == std::string(3, quote)) {
                i += 3;
                // Up to two more quotes belong to the string: """a""""" ends last.
                for (int extra = 0; extra < 2 && i < next && text_[i] == quote; ++extra)
                    ++i;
                in_multiline_ = 0;
                return i;
            }
        }
        return next;
    }

    std::string_view text_;
    char in_multiline_ = 0; // the quote of an open multi-line string
    int depth_ = 0;         // open brackets of a value
};

// The id of each entry table, by the line its header is on (1-based).
std::map<std::size_t, std::string> entry_lines(const toml::table& doc) {
    std::map<std::size_t, std::string> out;
    if (auto entries = doc["entry"].as_array())
        for (const auto& node : *entries)
            if (auto table = node.as_table())
                out[table->source().begin.line] = (*table)["id"].value_or(std::string{});
    return out;
}

bool belongs_to_entry(std::string_view key) {
    return key.size() > 6 && key.substr(0, 6) == "entry.";
}

// Every kept entry (and everything outside the entries) reads back the same.
bool same_apart_from(toml::table before, toml::table after,
                     const std::unordered_set<std::string>& ids) {
    auto kept = [&](const toml::table& doc) {
        std::vector<const toml::table*> out;
        if (auto entries = doc["entry"].as_array())
            for (const auto& node : *entries) {
                auto table = node.as_table();
                if (!table)
                    return std::vector<const toml::table*>{nullptr};
                if (!ids.count((*table)["id"].value_or(std::string{})))
                    out.push_back(table);
            }
        return out;
    };
    auto a = kept(before), b = kept(after);
    if (a.size() != b.size() || std::find(a.begin(), a.end(), nullptr) != a.end())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (*a[i] != *b[i])
            return false;
    before.erase("entry");
    after.erase("entry");
    return before == after;
}

} // namespace

std::string without_records(std::string_view text, const std::unordered_set<std::string>& ids,
                            const std::string& path, std::vector<std::string>* removed) {
    const toml::table doc = parse_toml_text(text, path);
    const auto starts = entry_lines(doc);
    const auto lines = LineScanner(text).lines();

    std::vector<bool> drop(lines.size(), false);
    std::vector<std::string> found;
    std::optional<std::size_t> block; // the first line of the entry being removed
    std::size_t last = 0;             // its last key or value line so far
    auto close_block = [&] {
        if (!block)
            return;
        for (std::size_t i = *block; i <= last; ++i)
            drop[i] = true;
        // The blank line the writer put before it goes with it.
        if (*block > 0 && lines[*block - 1].role == ScannedLine::Role::blank)
            drop[*block - 1] = true;
        block.reset();
    };
    bool in_entry = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (line.role == ScannedLine::Role::header) {
            auto start = starts.find(i + 1);
            if (start != starts.end()) {
                close_block();
                in_entry = true;
                if (ids.count(start->second)) {
                    block = i;
                    last = i;
                    found.push_back(start->second);
                }
            } else if (in_entry && belongs_to_entry(line.header_key)) {
                if (block)
                    last = i;
            } else {
                close_block();
                in_entry = false;
            }
        } else if (line.role == ScannedLine::Role::content && block) {
            last = i;
        }
    }
    close_block();

    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!drop[i])
            out.append(text.substr(lines[i].begin, lines[i].next - lines[i].begin));

    // Each id asked for must be gone, and nothing else changed.
    std::size_t asked_present = 0;
    for (const auto& [line, id] : starts)
        if (ids.count(id))
            ++asked_present;
    if (found.size() != asked_present ||
        !same_apart_from(doc, parse_toml_text(out, path + " (as it would be)"), ids))
        throw DataError(SourcePos{path, 0, 0},
                        "the lines of a record to forget cannot be told apart from the rest "
                        "with certainty; the file is left as it is");
    if (removed) {
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        *removed = std::move(found);
    }
    return out;
}

std::vector<std::string> forgotten_but_present(std::string_view text, const std::string& path) {
    // A tombstone's kind, as the tool writes it or as a hand would.
    const std::string basic = "\"" + std::string(forget_kind) + "\"";
    const std::string literal = "'" + std::string(forget_kind) + "'";
    if (text.find(basic) == text.npos && text.find(literal) == text.npos)
        return {};
    const toml::table doc = parse_toml_text(text, path);
    std::unordered_set<std::string> forgotten;
    const toml::array* entries = doc["entry"].as_array();
    if (!entries)
        return {};
    for (const auto& node : *entries)
        if (auto table = node.as_table())
            if ((*table)["kind"].value_or(std::string{}) == forget_kind)
                if (auto ref = (*table)["ref"].value<std::string>(); ref && !ref->empty())
                    forgotten.insert(*ref);
    std::vector<std::string> out;
    for (const auto& node : *entries)
        if (auto table = node.as_table()) {
            auto id = (*table)["id"].value_or(std::string{});
            if (forgotten.count(id) && (*table)["kind"].value_or(std::string{}) != forget_kind &&
                std::find(out.begin(), out.end(), id) == out.end())
                out.push_back(id);
        }
    return out;
}

} // namespace compassion
