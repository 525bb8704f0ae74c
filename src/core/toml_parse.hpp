#pragma once

#include "core/errors.hpp"

#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace compassion {

// Parses TOML text with toml++ (no source path: toml++ would give every node
// a shared copy of it); a syntax error becomes a DataError naming
// path:line:column, so the caller's exit status is 65.
inline toml::table parse_toml_text(std::string_view text, const std::string& path) {
    try {
        return toml::parse(text);
    } catch (const toml::parse_error& e) {
        throw DataError(SourcePos{path, e.source().begin.line, e.source().begin.column},
                        std::string(e.description()));
    }
}

} // namespace compassion
