#include "core/record.hpp"

#include "core/errors.hpp"

#include <fmt/format.h>
#include <sys/random.h>

namespace compassion {

Record& Record::set(std::string key, FieldValue value) {
    for (auto& [k, v] : fields) {
        if (k == key) {
            v = std::move(value);
            return *this;
        }
    }
    fields.emplace_back(std::move(key), std::move(value));
    return *this;
}

Record make_record(std::string kind, Date day, TimePoint now) {
    Record r;
    r.id = new_id();
    r.kind = std::move(kind);
    r.day = day;
    r.at = format_offset_datetime(now);
    return r;
}

bool is_plain_id(std::string_view id) {
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    return true;
}

std::string new_id() {
    static constexpr char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    unsigned char bytes[10];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw IoError(errno_message("cannot read random bytes for a record id", errno));
        }
        got += static_cast<std::size_t>(n);
    }
    std::string id;
    for (unsigned char b : bytes)
        id += alphabet[b % 32];
    return id;
}

std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20 || c == 0x7f)
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            else
                out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

std::string toml_value(const FieldValue& value) {
    struct Writer {
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(std::int64_t n) const { return std::to_string(n); }
        std::string operator()(const std::string& s) const { return toml_string(valid_utf8(s)); }
        std::string operator()(const Date& d) const { return format_date(d); }
        std::string operator()(const std::vector<std::string>& list) const {
            std::string out = "[";
            for (std::size_t i = 0; i < list.size(); ++i)
                out += (i ? ", " : "") + toml_string(valid_utf8(list[i]));
            return out + "]";
        }
    };
    return std::visit(Writer{}, value);
}

std::string to_toml(const Record& record) {
    // Every line but the id's ends in a comment naming the record, so no two
    // records share a line. A line-based union merge (git's merge=union) can
    // then only interleave whole records, never splice two into one.
    std::string tag;
    if (is_plain_id(record.id))
        tag = " # " + record.id;
    std::string out = "[[entry]]" + tag + "\n";
    out += "id = " + toml_string(record.id) + "\n";
    out += "kind = " + toml_string(record.kind) + tag + "\n";
    out += "day = " + format_date(record.day) + tag + "\n";
    out += "at = " + record.at + tag + "\n";
    for (const auto& [key, value] : record.fields) {
        out += key + " = " + toml_value(value) + tag + '\n';
    }
    return out;
}

std::string valid_utf8(std::string_view text, bool* replaced) {
    std::string out;
    out.reserve(text.size());
    bool any = false;
    std::size_t i = 0;
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07u;
        }
        bool ok = len > 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (cc & 0x3Fu);
        }
        // Reject overlong forms, surrogates and values past U+10FFFF.
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
                   (len == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
            ok = false;
        if (ok) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            any = true;
            ++i;
        }
    }
    if (replaced)
        *replaced = any;
    return out;
}

} // namespace compassion
