#pragma once

#include "app.hpp"
#include "core/kinds/checkin.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace compassion::log_questions {

// Thrown when the person presses Ctrl-D at a question: leave without saving.
struct Stopped {};

// One question per item: done, not done, or don't remember.
std::vector<std::pair<std::string, Answer>> ask_items(Session& s,
                                                      const std::vector<std::string>& items);
// How well the person showed up `when` ("today", "then"); nothing when skipped.
std::optional<int> ask_rating(Session& s, std::string_view when);
// A note, or "" when skipped.
std::string ask_note(Session& s);

// "sleep", "sleep and a walk", "sleep, exercise and a walk".
std::string spoken_list(const std::vector<std::string>& names);

// Thanks the person and names what they did, never a score; says when the
// check-in replaced an earlier one, and when it kept that one's note.
void confirm(Session& s, const Checkin& c, bool replaced, bool kept_note);
// Saves `c` (replacing `existing`, if any) and thanks the person.
Checkin store_checkin(Session& s, Checkin c, const Checkin* existing);

// Days of the past week after the last check-in and before `today` that have
// none; empty when the week has no check-in (a fresh start, not a backlog).
std::vector<Date> days_to_catch_up(const CheckinBook& book, Date today);
// Offers, quietly and once a day, to fill in `days`; declining is remembered
// until tomorrow.
void catch_up(Session& s, const std::vector<Date>& days, const std::vector<std::string>& items);

} // namespace compassion::log_questions
