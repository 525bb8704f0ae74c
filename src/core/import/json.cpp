#include "core/import/json.hpp"

#include "core/record.hpp"
#include "core/utf8.hpp"

#include <charconv>

namespace compassion {

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& [k, v] : members)
        if (k == key)
            return &v;
    return nullptr;
}

std::optional<std::int64_t> JsonValue::integer() const {
    if (type != Type::number)
        return std::nullopt;
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return v;
}

namespace {

class Parser {
public:
    Parser(std::string_view s, JsonError& error) : s_(s), error_(error) {}

    std::optional<JsonValue> document() {
        JsonValue v;
        space();
        if (!value(v, 0))
            return std::nullopt;
        space();
        if (i_ != s_.size())
            return fail("more text after the value");
        return v;
    }

private:
    std::nullopt_t fail(std::string why) {
        std::uint32_t line = 1, column = 1;
        for (std::size_t k = 0; k < i_ && k < s_.size(); ++k) {
            if (s_[k] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        error_ = JsonError{line, column, std::move(why)};
        return std::nullopt;
    }

    void space() {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) {
            if (s_[i_] == '\n')
                ++line_;
            ++i_;
        }
    }

    bool word(std::string_view w) {
        if (s_.substr(i_, w.size()) != w)
            return false;
        i_ += w.size();
        return true;
    }

    bool value(JsonValue& v, int depth) {
        if (depth > 64)
            return (fail("nested too deeply"), false);
        if (i_ >= s_.size())
            return (fail("the text ends where a value should be"), false);
        v.line = line_;
        char c = s_[i_];
        if (c == '{')
            return object(v, depth);
        if (c == '[')
            return array(v, depth);
        if (c == '"') {
            v.type = JsonValue::Type::string;
            return string(v.text);
        }
        if (word("true") || word("false")) {
            v.type = JsonValue::Type::boolean;
            v.boolean = c == 't';
            return true;
        }
        if (word("null"))
            return true;
        if (c == '-' || (c >= '0' && c <= '9'))
            return number(v);
        return (fail("a value should start here"), false);
    }

    bool number(JsonValue& v) {
        std::size_t start = i_;
        if (s_[i_] == '-')
            ++i_;
        auto digits = [&] {
            std::size_t from = i_;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9')
                ++i_;
            return i_ > from;
        };
        if (!digits())
            return (fail("a number needs digits"), false);
        if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits()))
            return (fail("a number needs digits after '.'"), false);
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-'))
                ++i_;
            if (!digits())
                return (fail("a number needs digits after 'e'"), false);
        }
        v.type = JsonValue::Type::number;
        v.text = std::string(s_.substr(start, i_ - start));
        return true;
    }

    bool hex4(std::uint32_t& out) {
        if (i_ + 4 > s_.size())
            return false;
        out = 0;
        for (int k = 0; k < 4; ++k) {
            char h = s_[i_++];
            out <<= 4;
            if (h >= '0' && h <= '9')
                out |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                out |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                out |= static_cast<std::uint32_t>(h - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    bool escape(std::string& out) {
        if (i_ >= s_.size())
            return (fail("the text ends inside a string"), false);
        char e = s_[i_++];
        switch (e) {
        case '"':
        case '\\':
        case '/':
            out += e;
            return true;
        case 'b':
            out += '\b';
            return true;
        case 'f':
            out += '\f';
            return true;
        case 'n':
            out += '\n';
            return true;
        case 'r':
            out += '\r';
            return true;
        case 't':
            out += '\t';
            return true;
        case 'u':
            break;
        default:
            return (fail("an unknown escape in a string"), false);
        }
        std::uint32_t cp = 0;
        if (!hex4(cp))
            return (fail("\\u needs four hex digits"), false);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (!word("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return (fail("a lone surrogate in a string"), false);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return (fail("a lone surrogate in a string"), false);
        }
        append_utf8(out, cp);
        return true;
    }

    bool string(std::string& out) {
        ++i_; // the opening quote
        std::size_t start = i_;
        for (;;) {
            if (i_ >= s_.size())
                return (fail("a string is never closed"), false);
            unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                ++i_;
                break;
            }
            if (c < 0x20)
                return (fail("a control character inside a string"), false);
            if (c == '\\') {
                ++i_;
                if (!escape(out))
                    return false;
                continue;
            }
            out += static_cast<char>(c);
            ++i_;
        }
        bool replaced = false;
        valid_utf8(s_.substr(start, i_ - start), &replaced);
        if (replaced) {
            i_ = start;
            return (fail("a string that is not UTF-8 text"), false);
        }
        return true;
    }

    bool array(JsonValue& v, int depth) {
        v.type = JsonValue::Type::array;
        ++i_;
        space();
        if (i_ < s_.size() && s_[i_] == ']') {
            ++i_;
            return true;
        }
        for (;;) {
            space();
            v.items.emplace_back();
            if (!value(v.items.back(), depth + 1))
                return false;
            space();
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < s_.size() && s_[i_] == ']') {
                ++i_;
                return true;
            }
            return (fail("expected ',' or ']'"), false);
        }
    }

    bool object(JsonValue& v, int depth) {
        v.type = JsonValue::Type::object;
        ++i_;
        space();
        if (i_ < s_.size() && s_[i_] == '}') {
            ++i_;
            return true;
        }
        for (;;) {
            space();
            if (i_ >= s_.size() || s_[i_] != '"')
                return (fail("expected a member name in quotes"), false);
            std::string key;
            if (!string(key))
                return false;
            space();
            if (i_ >= s_.size() || s_[i_] != ':')
                return (fail("expected ':' after a member name"), false);
            ++i_;
            space();
            JsonValue member;
            if (!value(member, depth + 1))
                return false;
            v.members.push_back(JsonMember{std::move(key), std::move(member)});
            space();
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < s_.size() && s_[i_] == '}') {
                ++i_;
                return true;
            }
            return (fail("expected ',' or '}'"), false);
        }
    }

    std::string_view s_;
    JsonError& error_;
    std::size_t i_ = 0;
    std::uint32_t line_ = 1; // the line of s_[i_] (strings hold no raw line ends)
};

} // namespace

std::optional<JsonValue> parse_json(std::string_view text, JsonError& error) {
    return Parser(text, error).document();
}

} // namespace compassion
