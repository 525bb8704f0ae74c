#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace compassion {

// How deeply a TOML document may nest keys and values. toml++ limits nested
// arrays and inline tables itself, but not dotted keys or table headers
// (`a.a.a…` forty thousand times deep), and tearing such a table down
// overflows the stack. No journal or config needs more than a few levels.
inline constexpr int max_toml_nesting = 64;

// Where a document first nests deeper than `limit`, counting each dot of a
// dotted key or table header and each open array or inline table (a float's
// or time's dot counts too, which only ever makes the count higher), or
// nothing when it stays within it. Strings and comments are skipped. A
// cheap scan to run before parsing; it never rejects a file compassion writes.
struct TextPos {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};
std::optional<TextPos> too_deep(std::string_view text, int limit = max_toml_nesting);

} // namespace compassion
