#pragma once

#include "core/date.hpp"

#include <cstddef>
#include <string_view>

namespace compassion {

// Which of `count` choices belongs to `day`: the same all day, a different one
// the next day, cycling through every choice before repeating. `salt` keeps
// two pools (prompts, exercises) from moving in step.
std::size_t index_for_day(Date day, std::size_t count, std::string_view salt = {});

} // namespace compassion
