#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/practice/practice.hpp"
#include "core/items.hpp"
#include "core/rotation.hpp"

#include <cctype>
#include <fmt/format.h>

namespace compassion {

const std::vector<SubcommandInfo>& practice_table() {
    using namespace practice;
    // The menu fills in {minutes} (the configured length) and {quality} (the focus).
    static const std::vector<SubcommandInfo> table = {
        {"kindness", "kind phrases, one at a time, for about {minutes} min", add_kindness,
         run_kindness, kindness_today},
        {"recall", "re-read a moment of care you kept", add_recall, run_recall, recall_today},
        {"quality", "a small exercise for {quality}", add_quality, run_quality, quality_today},
    };
    return table;
}

namespace practice {

void refuse_extra_words(const CLI::App& room) {
    const CLI::Option* words = room.get_parent()->get_option("words");
    if (words->count() == 0)
        return;
    auto extra = words->as<std::vector<std::string>>();
    if (extra.empty())
        return;
    throw UsageError(fmt::format("practice {}: '{}' is not expected here (see compassion practice "
                                 "{} --help)",
                                 room.get_name(), printable(extra.front()), room.get_name()));
}

} // namespace practice

namespace {

std::vector<std::string> practice_names() {
    std::vector<std::string> names;
    for (const auto& p : practice_table())
        names.emplace_back(p.name);
    return names;
}

// A word typed after `practice` that is not a practice: a suggestion, or the list.
void refuse_word(const std::string& word) {
    std::vector<std::string> names = practice_names();
    if (auto near = closest_name(word, names))
        throw UsageError(
            fmt::format("practice {}: not a practice; did you mean '{}'?", printable(word), *near));
    throw UsageError(fmt::format("practice {}: not a practice (try: {})", printable(word),
                                 fmt::join(names, ", ")));
}

// "1, 2 or 3": the numbers of `count` choices, as a person would say them.
std::string numbers(std::size_t count) {
    std::string out;
    for (std::size_t i = 1; i <= count; ++i)
        out += fmt::format("{}{}", i == 1 ? "" : i == count ? " or " : ", ", i);
    return out;
}

// The practice `text` names: its number, its name, or its first letter.
std::optional<std::size_t> parse_pick(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto& table = practice_table();
    std::optional<std::size_t> by_letter;
    std::size_t letters = 0;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (text == std::to_string(i + 1) || text == table[i].name)
            return i;
        if (text.size() == 1 && table[i].name.front() == text[0]) {
            by_letter = i;
            ++letters;
        }
    }
    return letters == 1 ? by_letter : std::nullopt;
}

void menu(Session& s) {
    const auto& table = practice_table();
    std::size_t today = index_for_day(s.today(), table.size(), "practice");
    if (!s.term().interactive()) {
        s.term().out(table[today].today(s) + "\n");
        return;
    }
    Style st = s.say_style();
    practice::QualityChoice q = practice::quality_choice(s, {});
    auto minutes = s.config().integer("practice.minutes", 3, 1, practice::max_minutes);
    std::string text =
        fmt::format("{}\n", st.bold("A few minutes for yourself? Choose a practice:"));
    for (std::size_t i = 0; i < table.size(); ++i)
        text +=
            fmt::format("  {}  {:<8}  {}\n", i + 1, table[i].name,
                        fmt::format(fmt::runtime(table[i].summary), fmt::arg("minutes", minutes),
                                    fmt::arg("quality", q.quality.label)));
    s.term().say(text);
    for (;;) {
        auto line = ask(s, fmt::format("Which one? {} ",
                                       st.dim(fmt::format("1-{}, Enter for today's ({}), Ctrl-D "
                                                          "for another time",
                                                          table.size(), table[today].name))));
        if (!line) {
            practice::say_unless_quiet(s, "Another time, then.\n");
            return;
        }
        std::optional<std::size_t> pick = line->empty() ? std::optional(today) : parse_pick(*line);
        if (!pick) {
            s.term().say(fmt::format("  Just {} will do.\n", numbers(table.size())));
            continue;
        }
        s.term().say("\n");
        return table[*pick].run(s);
    }
}

} // namespace

void add_practice_command(CLI::App& app, Session& session) {
    auto extra = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd = app.add_subcommand(
        "practice", "Guided practices: kindness (loving-kindness phrases), recall (re-read a "
                    "moment of care), quality (a small exercise).\nAlone in a terminal it offers "
                    "a short menu; without one it prints today's suggestion.");
    cmd->require_subcommand(0, 1);
    // Words that are not a practice land here, to be refused with a suggestion.
    cmd->add_option("words", *extra)->group("");
    for (const auto& p : practice_table())
        p.add(*cmd->add_subcommand(std::string(p.name)), session);
    cmd->callback([extra, cmd, &session] {
        if (cmd->get_subcommands().empty()) {
            if (!extra->empty())
                refuse_word(extra->front());
            menu(session);
        }
    });
}

} // namespace compassion
