#pragma once

#include "core/date.hpp"

#include <span>
#include <string_view>

namespace compassion {

// The practice a reflection prompt grows from (PRODUCT.md, "The practices it supports").
enum class PracticeTheme { showup, wellbeing, recall, kindness, repair, resourced };

struct Prompt {
    PracticeTheme theme;
    std::string_view text; // one line, no trailing newline
};

// Every reflection prompt, grouped by theme. Adding one moves which day gets
// which prompt; that is fine, as a prompt is never stored.
std::span<const Prompt> prompt_pool();

// Today's prompt: the same for the whole day (as the rollover hour defines it),
// a different one tomorrow, every prompt once before any comes back.
const Prompt& prompt_for_day(Date day);

} // namespace compassion
