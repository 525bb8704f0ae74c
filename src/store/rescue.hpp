#pragma once

// rescue/: where words that could not be stored wait for the person (a
// record's TOML, an editor's buffer), and what keeps it tidy.

#include "core/date.hpp"
#include "store/filesystem.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// Whether `dir`, a home's rescue/, can take a copy now: made 0700 when
// missing. Never when the home is not the user's own, or when rescue/ is a
// symbolic link, not a directory or not the user's own: an entry must not
// land where others may read it.
bool ready_rescue_dir(FileSystem& fs, const std::string& dir);

// How long a temporary file in rescue/ must have gone unwritten before it
// counts as left by a stopped run.
inline constexpr std::chrono::minutes stale_rescue_temp_age{60};

// Whether `name` is a temporary file the durable write makes
// (".NAME.tmp.PID.N"); the copies themselves never look like that.
bool is_rescue_temp_name(std::string_view name);

// The temporary files in `dir` (rescue/) left by a rescue write that was
// stopped: regular files with a temp name, last written more than
// stale_rescue_temp_age before `now` (the system clock's time, which
// stamps files). Sorted; empty when `dir` is missing or a symbolic link.
std::vector<std::string> stale_rescue_temps(FileSystem& fs, const std::string& dir, TimePoint now);

// Removes stale_rescue_temps (best effort) and gives their number.
std::size_t remove_stale_rescue_temps(FileSystem& fs, const std::string& dir, TimePoint now);

} // namespace compassion
