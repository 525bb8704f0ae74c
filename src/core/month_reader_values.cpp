#include "core/month_reader_parse.hpp"

namespace compassion::month_parse {

bool Reader::basic_string(std::string* out) {
    ++i_; // the opening quote
    while (true) {
        // Plain characters in one go.
        std::size_t run = i_;
        while (run < s_.size() && is(s_[run], string_char))
            ++run;
        if (out)
            out->append(s_.substr(i_, run - i_));
        i_ = run;
        if (i_ == s_.size())
            return false;
        auto c = static_cast<unsigned char>(s_[i_]);
        if (c == '"') {
            ++i_;
            return true;
        }
        if (c == '\\') {
            if (!escape(out))
                return false;
        } else if (c >= 0x80) {
            if (!utf8(out))
                return false;
        } else {
            return false; // a control character
        }
    }
}

bool Reader::escape(std::string* out) {
    ++i_; // the backslash
    if (i_ == s_.size())
        return false;
    char c = s_[i_++];
    char plain = '\0';
    switch (c) {
    case 'b':
        plain = '\b';
        break;
    case 't':
        plain = '\t';
        break;
    case 'n':
        plain = '\n';
        break;
    case 'f':
        plain = '\f';
        break;
    case 'r':
        plain = '\r';
        break;
    case '"':
        plain = '"';
        break;
    case '\\':
        plain = '\\';
        break;
    case 'u':
    case 'U': {
        const std::size_t digits = c == 'u' ? 4 : 8;
        if (s_.size() - i_ < digits)
            return false;
        std::uint32_t cp = 0;
        for (std::size_t k = 0; k < digits; ++k) {
            int v = hex_value(s_[i_ + k]);
            if (v < 0)
                return false;
            cp = cp * 16 + static_cast<std::uint32_t>(v);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i_ += digits;
        if (out)
            append_utf8(*out, cp);
        return true;
    }
    default:
        return false;
    }
    if (out)
        *out += plain;
    return true;
}

bool Reader::string_array(Table& table, std::string_view key) {
    ++i_; // [
    std::vector<std::string> list;
    skip_blanks();
    if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
    } else {
        while (true) {
            if (i_ == s_.size() || s_[i_] != '"')
                return false;
            if (!basic_string(keep_ ? &list.emplace_back() : nullptr))
                return false;
            skip_blanks();
            if (i_ == s_.size())
                return false;
            if (s_[i_] == ']') {
                ++i_;
                break;
            }
            if (s_[i_] != ',')
                return false;
            ++i_;
            skip_blanks();
        }
    }
    if (keep_)
        table.fields.emplace_back(std::string(key), FieldValue{std::move(list)});
    return true;
}

bool Reader::word(std::string_view w) {
    if (s_.compare(i_, w.size(), w) != 0)
        return false;
    i_ += w.size();
    return true;
}

bool Reader::boolean(Table& table, std::string_view key) {
    bool v = s_[i_] == 't';
    if (!word(v ? "true" : "false"))
        return false;
    if (keep_)
        table.fields.emplace_back(std::string(key), FieldValue{v});
    return true;
}

int Reader::digits(std::size_t n) {
    if (s_.size() - i_ < n)
        return -1;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!is_digit(s_[i_ + k]))
            return -1;
        v = v * 10 + (s_[i_ + k] - '0');
    }
    i_ += n;
    return v;
}

bool Reader::field(std::size_t n, int lo, int hi, char sep, int& v) {
    v = digits(n);
    if (v < lo || v > hi)
        return false;
    if (sep == '\0')
        return true;
    if (i_ == s_.size() || s_[i_] != sep)
        return false;
    ++i_;
    return true;
}

bool Reader::date_or_time(Table& table, std::string_view key) {
    int y = 0, m = 0, d = 0;
    if (!field(4, 0, 9999, '-', y) || !field(2, 1, 12, '-', m) || !field(2, 1, 31, '\0', d))
        return false;
    Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok())
        return false;
    if (i_ == s_.size() || s_[i_] != 'T') {
        if (key == "day")
            table.day = date;
        if (keep_)
            table.fields.emplace_back(std::string(key), FieldValue{date});
        return true;
    }
    ++i_;
    int hh = 0, mm = 0, ss = 0;
    if (!field(2, 0, 23, ':', hh) || !field(2, 0, 59, ':', mm) || !field(2, 0, 59, '\0', ss))
        return false;
    if (i_ == s_.size())
        return false;
    int offset = 0;
    if (s_[i_] == 'Z') {
        ++i_;
    } else if (s_[i_] == '+' || s_[i_] == '-') {
        int sign = s_[i_] == '-' ? -1 : 1;
        ++i_;
        int oh = 0, om = 0;
        if (!field(2, 0, 23, ':', oh) || !field(2, 0, 59, '\0', om))
            return false;
        offset = sign * (oh * 60 + om);
    } else {
        return false; // a local date-time or fractional seconds: not ours
    }
    // An offset date-time reads as absent through every getter; only
    // `at` is kept, as the entry's time.
    if (key == "at") {
        table.at = epoch_seconds(date, hh, mm, ss, offset);
        table.at_offset = offset;
    }
    return true;
}

bool Reader::integer(Table& table, std::string_view key) {
    bool negative = false;
    if (s_[i_] == '-') {
        negative = true;
        ++i_;
    }
    const std::size_t start = i_;
    while (i_ < s_.size() && is_digit(s_[i_]))
        ++i_;
    const std::size_t n = i_ - start;
    // 0, or no leading zero; at most 18 digits, so it cannot overflow.
    if (n == 0 || n > 18 || (s_[start] == '0' && (n > 1 || negative)))
        return false;
    std::int64_t v = 0;
    for (std::size_t k = start; k < i_; ++k)
        v = v * 10 + (s_[k] - '0');
    if (keep_)
        table.fields.emplace_back(std::string(key), FieldValue{negative ? -v : v});
    return true;
}
} // namespace compassion::month_parse
