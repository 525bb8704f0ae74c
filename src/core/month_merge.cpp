#include "core/month_merge.hpp"

#include "core/date.hpp"
#include "core/errors.hpp"
#include "core/month_reader.hpp"
#include "core/toml_parse.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace compassion {

namespace {

struct Line {
    std::string_view text; // without its newline
    std::size_t start = 0;
};

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        out.push_back(Line{text.substr(start, end - start), start});
        start = end + 1;
    }
    return out;
}

std::string_view trimmed_left(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    return s;
}

bool is_entry_header(std::string_view line) {
    return trimmed_left(line).substr(0, 9) == "[[entry]]";
}

bool is_blank(std::string_view line) {
    line = trimmed_left(line);
    return line.empty() || line == "\r";
}

struct Header {
    std::string id, kind, ref;
};

// The id, kind and ref of each table of the `entry` array, by the line its
// header is on. The fast reader gives lines for tables with a kind and a day;
// toml++ (which also names any error) for the rest.
std::map<unsigned, Header> headers_by_line(std::string_view text, const std::string& path,
                                           std::size_t& tables) {
    std::map<unsigned, Header> out;
    if (auto fast = read_month_fast(text); fast && fast->entries.size() == fast->array_size) {
        tables = fast->array_size;
        for (const auto& e : fast->entries) {
            Header h{e.id, e.kind, {}};
            for (const auto& [key, value] : e.fields)
                if (key == "ref")
                    if (auto* s = std::get_if<std::string>(&value))
                        h.ref = *s;
            out[e.line] = std::move(h);
        }
        return out;
    }
    toml::table doc = parse_toml_text(text, path);
    tables = 0;
    if (auto arr = doc["entry"].as_array()) {
        tables = arr->size();
        for (const auto& node : *arr)
            if (const toml::table* t = node.as_table())
                out[t->source().begin.line] =
                    Header{(*t)["id"].value_or(std::string{}), (*t)["kind"].value_or(std::string{}),
                           (*t)["ref"].value_or(std::string{})};
    }
    return out;
}

std::string block_text(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
    while (to > from + 1 && is_blank(lines[to - 1].text))
        --to;
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        out += lines[i].text;
        out += '\n';
    }
    return out;
}

std::set<std::string> taken_back(const MonthText& month) {
    std::set<std::string> out;
    for (const auto& b : month.blocks)
        if (b.kind == "forget" && !b.ref.empty())
            out.insert(b.ref);
    return out;
}

} // namespace

MonthText split_month(std::string_view text, const std::string& path) {
    std::size_t tables = 0;
    std::map<unsigned, Header> headers = headers_by_line(text, path, tables);
    std::vector<Line> lines = lines_of(text);
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (is_entry_header(lines[i].text))
            starts.push_back(i);
    if (starts.size() != tables)
        throw DataError(SourcePos{path, 0, 0},
                        "its [[entry]] lines do not match its records, so it cannot be merged "
                        "record by record");
    MonthText out;
    out.prelude =
        std::string(text.substr(0, starts.empty() ? text.size() : lines[starts[0]].start));
    for (std::size_t k = 0; k < starts.size(); ++k) {
        std::size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
        MonthBlock block;
        block.line = static_cast<unsigned>(starts[k] + 1);
        block.text = block_text(lines, starts[k], end);
        if (auto it = headers.find(block.line); it != headers.end()) {
            block.id = it->second.id;
            block.kind = it->second.kind;
            block.ref = it->second.ref;
        }
        out.blocks.push_back(std::move(block));
    }
    return out;
}

std::vector<MonthBlock> lacking_blocks(const MonthText& ours, const MonthText& theirs) {
    std::set<std::string> gone = taken_back(ours);
    gone.merge(taken_back(theirs));
    std::unordered_set<std::string> ids, texts;
    for (const auto& b : ours.blocks)
        (b.id.empty() ? texts : ids).insert(b.id.empty() ? b.text : b.id);
    std::vector<MonthBlock> out;
    for (const auto& b : theirs.blocks) {
        if (b.id.empty()) {
            if (texts.insert(b.text).second)
                out.push_back(b);
            continue;
        }
        if (gone.count(b.id) || !ids.insert(b.id).second)
            continue;
        out.push_back(b);
    }
    return out;
}

std::string with_blocks(std::string text, const std::vector<MonthBlock>& blocks) {
    for (const auto& b : blocks) {
        if (!text.empty() && text.back() != '\n')
            text += '\n';
        if (!text.empty())
            text += '\n';
        text += b.text;
    }
    return text;
}

bool same_records(const MonthText& a, const MonthText& b) {
    if (a.blocks.size() != b.blocks.size() || a.prelude != b.prelude)
        return false;
    std::vector<std::string_view> x, y;
    for (const auto& block : a.blocks)
        x.push_back(block.text);
    for (const auto& block : b.blocks)
        y.push_back(block.text);
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
}

std::vector<std::pair<std::string, unsigned>> duplicate_ids(const MonthText& month) {
    std::vector<std::pair<std::string, unsigned>> out;
    std::unordered_set<std::string> seen;
    for (const auto& b : month.blocks)
        if (!b.id.empty() && !seen.insert(b.id).second)
            out.emplace_back(b.id, b.line);
    return out;
}

namespace {

enum class Marker { none, ours, base, split, theirs };

Marker marker_of(std::string_view line) {
    auto starts = [&](char c) {
        if (line.size() < 7 || line.find_first_not_of(c) < 7)
            return false;
        return line.size() == 7 || line[7] == ' ' || line[7] == '\r';
    };
    if (starts('<'))
        return Marker::ours;
    if (starts('|'))
        return Marker::base;
    if (starts('>'))
        return Marker::theirs;
    if (line == "=======" || line == "=======\r")
        return Marker::split;
    return Marker::none;
}

} // namespace

std::vector<unsigned> conflict_marker_lines(std::string_view text) {
    std::vector<unsigned> out;
    unsigned n = 0;
    bool inside = false;
    for (const auto& line : lines_of(text)) {
        ++n;
        Marker m = marker_of(line.text);
        // "=======" alone is only a marker inside a conflict.
        if (m == Marker::ours)
            inside = true;
        if (m == Marker::none || (m == Marker::split && !inside))
            continue;
        if (m == Marker::theirs)
            inside = false;
        out.push_back(n);
    }
    return out;
}

std::string without_conflict_markers(std::string_view text) {
    std::string out;
    enum class Where { outside, ours, base, theirs } where = Where::outside;
    for (const auto& line : lines_of(text)) {
        Marker m = marker_of(line.text);
        if (m == Marker::ours && where == Where::outside) {
            where = Where::ours;
            continue;
        }
        if (m == Marker::base && where == Where::ours) {
            where = Where::base;
            continue;
        }
        if (m == Marker::split && (where == Where::ours || where == Where::base)) {
            where = Where::theirs;
            continue;
        }
        if (m == Marker::theirs && where == Where::theirs) {
            where = Where::outside;
            continue;
        }
        if (where == Where::base)
            continue;
        out += line.text;
        out += '\n';
    }
    if (!text.empty() && text.back() != '\n' && !out.empty())
        out.pop_back();
    return out;
}

std::string conflict_copy_tool(std::string_view name) {
    if (name.size() <= 12 || name.substr(name.size() - 5) != ".toml" ||
        !parse_year_month(name.substr(0, 7)))
        return {};
    std::string_view rest = name.substr(7, name.size() - 12);
    if (rest.find(".sync-conflict-") == 0)
        return "Syncthing";
    // Nextcloud: "2026-11 (conflicted copy 2026-11-27 213000).toml"; Dropbox:
    // "2026-11 (Sam's conflicted copy 2026-11-27).toml" or "(conflicted copy)".
    if (rest.find(" (conflicted copy 20") == 0)
        return "Nextcloud";
    if (rest.find("conflicted copy") != std::string_view::npos)
        return "Dropbox";
    if (rest.find("_conflict-") == 0 || rest.find(" (conflict") == 0)
        return "Nextcloud";
    return "a sync tool";
}

} // namespace compassion
