#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace compassion {

struct JsonMember;

// A JSON value as read from a file: what `import` needs of RFC 8259, with
// object members kept in file order (so a record's fields keep theirs).
struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    std::uint32_t line = 0; // where the value starts (1-based)
    bool boolean = false;
    std::string text; // a string's value, or a number as written
    std::vector<JsonValue> items;
    std::vector<JsonMember> members; // an object's, in file order

    // The member named `key` of an object, or nullptr.
    const JsonValue* find(std::string_view key) const;
    // A number that is a whole number within 64 bits.
    std::optional<std::int64_t> integer() const;
    bool is(Type t) const { return type == t; }
};

struct JsonMember {
    std::string key;
    JsonValue value;
};

// A JSON parse failure: where (1-based line and column) and why.
struct JsonError {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string why;
};

// Parses one JSON value filling all of `text` (whitespace aside); on failure
// gives nothing and fills `error`. Strings must be valid UTF-8; \u escapes
// (surrogate pairs included) become UTF-8. Nesting deeper than 64 is refused.
std::optional<JsonValue> parse_json(std::string_view text, JsonError& error);

} // namespace compassion
