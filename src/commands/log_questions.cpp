// The questions of an interactive check-in, the thanks that follows, and the
// quiet catch-up offer: the talking half of `compassion log`.
#include "commands/log_questions.hpp"

#include "commands/common.hpp"
#include "store/declined.hpp"

#include <cctype>
#include <fmt/format.h>

namespace compassion::log_questions {

namespace {

std::optional<Answer> parse_answer(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text.empty() || text == "n" || text == "no")
        return Answer::not_done;
    if (text == "y" || text == "yes")
        return Answer::done;
    if (text == "?" || text == "d" || text == "dont know" || text == "don't remember")
        return Answer::unsure;
    return std::nullopt;
}

// The catch-up offer, what `remember_declined` calls it in state/.
constexpr std::string_view catch_up_offer = "catch-up";

} // namespace

// "sleep", "sleep and a walk", "sleep, exercise and a walk".
std::string spoken_list(const std::vector<std::string>& names) {
    if (names.size() <= 1)
        return names.empty() ? std::string{} : names.front();
    return fmt::format("{} and {}", fmt::join(names.begin(), names.end() - 1, ", "), names.back());
}

std::vector<std::pair<std::string, Answer>> ask_items(Session& s,
                                                      const std::vector<std::string>& items) {
    Style st = s.say_style();
    std::vector<std::pair<std::string, Answer>> out;
    for (const auto& item : items) {
        for (;;) {
            auto line = ask(s, fmt::format("  {}? {} ", st.bold(item),
                                           st.dim("[y]es [n]o [?] don't remember (Enter: no)")));
            if (!line)
                throw Stopped{};
            if (auto a = parse_answer(*line)) {
                out.emplace_back(item, *a);
                break;
            }
            s.term().say("  Just y, n or ? will do.\n");
        }
    }
    return out;
}

std::optional<int> ask_rating(Session& s, std::string_view when) {
    Style st = s.say_style();
    for (;;) {
        // Short enough not to wrap on a narrow terminal.
        auto line = ask(s, fmt::format("  How well did you show up {}? {} ", when,
                                       st.dim("(1 a hard day, 5 very well; Enter skips)")));
        if (!line)
            throw Stopped{};
        if (line->empty())
            return std::nullopt;
        if (auto r = parse_rating(*line))
            return r;
        s.term().say("  A number from 1 to 5, or Enter to leave it out.\n");
    }
}

std::string ask_note(Session& s) {
    auto line = ask(s, fmt::format("  Anything you want to remember? {} ",
                                   s.say_style().dim("(Enter to skip)")));
    if (!line)
        throw Stopped{};
    return storable_text(s, *line, "the note");
}

// Thanks the person and names what they did, never a score: no count of
// items, no rating read back.
void confirm(Session& s, const Checkin& c, bool replaced, bool kept_note) {
    if (s.quiet())
        return;
    std::vector<std::string> done;
    for (const auto& [name, a] : c.items)
        if (a == Answer::done)
            done.push_back(name);
    Date today = s.today();
    std::string text =
        fmt::format("Saved your check-in for {}. Thank you.\n", describe_day(c.day, today));
    if (replaced)
        text += kept_note ? "It replaces the one saved earlier, and keeps its note.\n"
                          : "It replaces the one saved earlier; that one stays in your journal.\n";
    bool all = !c.items.empty() && done.size() == c.items.size();
    if (all)
        text += printable(fmt::format("You made room for {}.\nYou are worth that care, for your "
                                      "own sake.\n",
                                      spoken_list(done)));
    else if (!done.empty())
        text += printable(fmt::format("You made room for {}.\n", spoken_list(done)));
    if (c.showed_up && *c.showed_up <= 2)
        text += "Hard days count too. Go gently with yourself.\n";
    else if (c.day != today)
        text += "Every day you note helps the picture, whatever it held.\n";
    s.term().out(text);
}

Checkin store_checkin(Session& s, Checkin c, const Checkin* existing) {
    bool kept_note = false;
    if (existing) {
        c.replaces = existing->id;
        std::string note = note_replacing(existing->note, c.note);
        kept_note = note != c.note;
        c.note = std::move(note);
    }
    save_record(s, checkin_record(c, s.clock().now()));
    confirm(s, c, existing != nullptr, kept_note);
    return c;
}

// Days of the past week after the last check-in and before `today` that have
// none. Empty when there is no check-in that week: no catching up on a long
// break, just a fresh start.
std::vector<Date> days_to_catch_up(const CheckinBook& book, Date today) {
    std::optional<Date> last;
    for (int back = 1; back <= 7 && !last; ++back)
        if (book.latest(add_days(today, -back)))
            last = add_days(today, -back);
    std::vector<Date> out;
    if (last)
        for (Date d = add_days(*last, 1); d < today; d = add_days(d, 1))
            out.push_back(d);
    return out;
}

// Offers, quietly and once a day, to fill in the days before today that have
// no check-in, without counting them. Declining is remembered until tomorrow.
void catch_up(Session& s, const std::vector<Date>& days, const std::vector<std::string>& items) {
    Date today = s.today();
    if (declined_on(s.fs(), s.home(), catch_up_offer, today))
        return;
    try {
        remember_declined(s.fs(), s.home(), catch_up_offer, today);
    } catch (const Error&) {
        // Only a courtesy: at worst the offer comes again later today.
    }
    auto line = ask(s, fmt::format("\nNot every day before this one has a check-in. Fill in what "
                                   "you remember? {} ",
                                   s.say_style().dim("[y/N]")));
    if (!line || (*line != "y" && *line != "Y" && *line != "yes")) {
        s.term().say("That's fine. They can stay as they are; this won't ask again today.\n");
        return;
    }
    s.term().say("Answer ? for anything you don't remember.\n");
    for (Date d : days) {
        s.term().say(fmt::format("\n{}\n", s.say_style().bold(describe_day(d, today))));
        Checkin c;
        c.day = d;
        c.items = ask_items(s, items);
        c.showed_up = ask_rating(s, "then");
        store_checkin(s, c, nullptr);
    }
}

} // namespace compassion::log_questions
