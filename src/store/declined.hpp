#pragma once

#include "core/date.hpp"
#include "store/filesystem.hpp"
#include "store/home.hpp"

#include <string_view>

namespace compassion {

// An offer the person declined, remembered until their day is over, in
// state/declined-WHAT (this machine's own, never synced). It is only a
// courtesy: a file that cannot be read counts as "not declined".
bool declined_on(FileSystem& fs, const Home& home, std::string_view what, Date today);

// Remembers that `what` was declined on `today`, with the durable write
// that writes every state/ file (store/state.hpp). Throws IoError or
// CreateError when it cannot; the caller may go on without it.
void remember_declined(FileSystem& fs, const Home& home, std::string_view what, Date today);

} // namespace compassion
