#pragma once

// The fast month reader's internals, shared by month_reader.cpp (the reading
// loop) and month_reader_values.cpp (strings, arrays, dates, integers).
#include "core/month_reader.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion::month_parse {

// One `[[entry]]` table while it is read: where it starts, its day, and the
// values an Entry can give. (Its keys are in Reader::keys_.)
struct Table {
    std::size_t start = 0; // where its header's line starts
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::optional<Date> day;
    EntryFields fields;
    std::optional<std::int64_t> at; // `at`, when it is an offset date-time
    std::int32_t at_offset = 0;     // its offset from UTC, in minutes
};

inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// What each byte may be, looked up rather than compared in the loops that
// cross most of a file: bare keys, strings and comments.
enum : std::uint8_t {
    key_char = 1,     // in a bare key
    string_char = 2,  // taken as it is inside a basic string
    comment_char = 4, // taken as it is inside a comment
};

inline constexpr std::array<std::uint8_t, 256> byte_classes = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0x20; c < 0x7F; ++c)
        t[static_cast<std::size_t>(c)] = string_char | comment_char;
    t['\t'] = string_char | comment_char;
    t['"'] = comment_char;
    t['\\'] = comment_char;
    for (int c = 0; c < 256; ++c)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '_' || c == '-')
            t[static_cast<std::size_t>(c)] |= key_char;
    return t;
}();

inline bool is(char c, std::uint8_t what) {
    return (byte_classes[static_cast<unsigned char>(c)] & what) != 0;
}

inline int hex_value(char c) {
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Every method returns false as soon as the text leaves the subset; the
// reader is then abandoned and toml++ reads the file instead.
class Reader {
public:
    // `keep`: collect the entries; otherwise only check and count them.
    // `days`: keep only the entries of these days (every table is still
    // checked and counted).
    Reader(std::string_view s, bool keep, std::uint32_t first_line,
           std::optional<DaySpan> days = std::nullopt)
        : s_(s), line_(first_line), keep_(keep && !days), days_(days) {}

    std::optional<MonthEntries> read() {
        MonthEntries out;
        std::optional<Table> table;
        while (true) {
            skip_blanks();
            if (i_ == s_.size())
                break;
            char c = s_[i_];
            if (c == '\n') {
                next_line();
                continue;
            }
            if (c == '#') {
                if (!line_end())
                    return std::nullopt;
                continue;
            }
            if (c == '[') {
                constexpr std::string_view header = "[[entry]]";
                if (s_.compare(i_, header.size(), header) != 0)
                    return std::nullopt;
                if (table)
                    close(std::move(*table), line_start_, out);
                table.emplace();
                table->start = line_start_;
                if (keep_)
                    table->fields.reserve(12); // a record has about ten keys
                keys_.clear();
                table->line = line_;
                table->column = static_cast<std::uint32_t>(i_ - line_start_ + 1);
                ++out.array_size;
                i_ += header.size();
                if (!line_end())
                    return std::nullopt;
                continue;
            }
            // A key outside any [[entry]] belongs to the root table: not ours.
            if (!table || !key_value(*table))
                return std::nullopt;
        }
        if (table)
            close(std::move(*table), s_.size(), out);
        return out;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    std::size_t line_start_ = 0;
    std::uint32_t line_;
    bool keep_;
    std::optional<DaySpan> days_;
    std::vector<std::string_view> keys_; // of the table being read

    void next_line() {
        ++i_;
        ++line_;
        line_start_ = i_;
    }

    void skip_blanks() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t'))
            ++i_;
    }

    // Spaces, an optional comment, then a line feed or the end of the text.
    bool line_end() {
        skip_blanks();
        if (i_ < s_.size() && s_[i_] == '#') {
            ++i_;
            while (i_ < s_.size() && s_[i_] != '\n') {
                while (i_ < s_.size() && is(s_[i_], comment_char))
                    ++i_;
                if (i_ == s_.size() || s_[i_] == '\n')
                    break;
                if (static_cast<unsigned char>(s_[i_]) < 0x80 || !utf8(nullptr))
                    return false; // a control character, or not UTF-8
            }
        }
        if (i_ == s_.size())
            return true;
        if (s_[i_] != '\n')
            return false;
        next_line();
        return true;
    }

    // One well-formed UTF-8 sequence of two to four bytes at i_ (no overlong
    // forms, no surrogates, nothing past U+10FFFF), copied to `out` if given.
    bool utf8(std::string* out) {
        auto at = [&](std::size_t k) {
            return i_ + k < s_.size() ? static_cast<unsigned char>(s_[i_ + k]) : 0u;
        };
        unsigned lead = at(0);
        std::size_t len = 0;
        unsigned lo = 0x80;
        unsigned hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            len = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            len = 3;
            if (lead == 0xE0)
                lo = 0xA0;
            else if (lead == 0xED)
                hi = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            len = 4;
            if (lead == 0xF0)
                lo = 0x90;
            else if (lead == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (at(1) < lo || at(1) > hi)
            return false;
        for (std::size_t k = 2; k < len; ++k)
            if (at(k) < 0x80 || at(k) > 0xBF)
                return false;
        if (out)
            out->append(s_.substr(i_, len));
        i_ += len;
        return true;
    }

    bool key_value(Table& table) {
        const std::size_t start = i_;
        while (i_ < s_.size() && is(s_[i_], key_char))
            ++i_;
        std::string_view key = s_.substr(start, i_ - start);
        if (key.empty())
            return false;
        skip_blanks();
        if (i_ == s_.size() || s_[i_] != '=')
            return false;
        ++i_;
        skip_blanks();
        if (std::find(keys_.begin(), keys_.end(), key) != keys_.end())
            return false; // a key defined twice: not TOML
        keys_.push_back(key);
        if (!value(table, key))
            return false;
        return line_end();
    }

    bool value(Table& table, std::string_view key) {
        if (i_ == s_.size())
            return false;
        char c = s_[i_];
        if (c == '"') {
            if (!keep_)
                return basic_string(nullptr);
            std::string text;
            if (!basic_string(&text))
                return false;
            table.fields.emplace_back(std::string(key), FieldValue{std::move(text)});
            return true;
        }
        if (c == '[')
            return string_array(table, key);
        if (c == 't' || c == 'f')
            return boolean(table, key);
        if (i_ + 4 < s_.size() && s_[i_ + 4] == '-' && is_digit(c))
            return date_or_time(table, key);
        return integer(table, key);
    }

    // A basic string, its value appended to `out` when given.
    bool basic_string(std::string* out);

    bool escape(std::string* out);

    bool string_array(Table& table, std::string_view key);

    bool word(std::string_view w);

    bool boolean(Table& table, std::string_view key);

    // `n` digits at i_, as a number; -1 when they are not all digits.
    int digits(std::size_t n);

    // A number of `n` digits from `lo` to `hi`, then `sep` (unless it is 0).
    bool field(std::size_t n, int lo, int hi, char sep, int& v);

    // YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS followed by Z or ±HH:MM.
    bool date_or_time(Table& table, std::string_view key);

    bool integer(Table& table, std::string_view key);

    // A table read to its end (the text before `end`): kept when every entry
    // is, or read again with its values when its day is one of those wanted.
    void close(Table&& table, std::size_t end, MonthEntries& out) const {
        if (keep_) {
            finish(std::move(table), out);
            return;
        }
        if (!days_ || !table.day || *table.day < days_->first || *table.day > days_->last)
            return;
        Reader again(s_.substr(table.start, end - table.start), true, table.line);
        if (auto one = again.read()) // it was just checked: it reads
            for (auto& e : one->entries)
                out.entries.push_back(std::move(e));
    }

    // The entry as entry_from(toml::table) would read it; a table without a
    // string `kind` or a valid date `day` is kept in the file and ignored.
    static void finish(Table&& table, MonthEntries& out) {
        EntryValues e;
        bool has_kind = false;
        bool has_day = false;
        for (const auto& [k, v] : table.fields) {
            if (k == "kind") {
                if (auto* s = std::get_if<std::string>(&v)) {
                    e.kind = *s;
                    has_kind = true;
                }
            } else if (k == "day") {
                if (auto* d = std::get_if<Date>(&v)) {
                    e.day = *d;
                    has_day = true;
                }
            } else if (k == "id") {
                if (auto* s = std::get_if<std::string>(&v))
                    e.id = *s;
            }
        }
        if (!has_kind || !has_day)
            return;
        e.at_seconds = table.at.value_or(0);
        if (table.at)
            e.at_offset = table.at_offset;
        e.line = table.line;
        e.column = table.column;
        e.fields = std::move(table.fields);
        out.entries.push_back(std::move(e));
    }
};

} // namespace compassion::month_parse
