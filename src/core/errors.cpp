#include "core/errors.hpp"

#include <cstring>

namespace compassion {

std::string format_pos(const SourcePos& pos) {
    std::string out = pos.path;
    if (pos.line > 0) {
        out += ':' + std::to_string(pos.line);
        if (pos.column > 0)
            out += ':' + std::to_string(pos.column);
    }
    return out;
}

std::string errno_message(const std::string& what, int err) {
    return what + ": " + std::strerror(err);
}

} // namespace compassion
