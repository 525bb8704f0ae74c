#include "core/kinds/qualities.hpp"
#include "commands/common.hpp"
#include "commands/reflect/reflect.hpp"
#include "core/items.hpp"
#include "core/kinds/practice.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace compassion::reflect {

namespace {

// A few words on what each quality means, in the order of `qualities`.
constexpr std::array<std::string_view, 4> quality_glosses = {
    "bouncing back from hard moments",
    "warmth, joy, ease",
    "giving freely, to others and yourself",
    "staying with what is in front of you",
};

std::string quality_flag(const Quality& q) {
    std::string flag = "--" + std::string(q.key);
    for (char& c : flag)
        if (c == '_')
            c = '-';
    return flag;
}

// The last ratings saved, reading the newest month first and stopping at the
// first month that holds any.
std::optional<QualityRatings> last_ratings(Session& s) {
    auto months = s.journal().months();
    std::vector<DataError> problems; // the write path reports what matters for this run
    for (auto it = months.rbegin(); it != months.rend(); ++it) {
        LatestRatings last;
        s.journal().read(
            it->month, it->month, [&](const Entry& e) { last.add(e); }, problems);
        if (last.result())
            return last.result();
    }
    return std::nullopt;
}

// The quality key `typed` names; "none" (or "-") means no focus. UsageError otherwise.
std::string focus_key(const std::string& typed, std::string_view flag) {
    if (typed == "none" || typed == "-")
        return {};
    if (auto q = find_quality(typed))
        return std::string(q->key);
    std::vector<std::string> names;
    for (const auto& q : qualities)
        names.emplace_back(q.key);
    // Short enough for one line of a narrow terminal.
    if (auto near = closest_name(typed, names))
        throw UsageError(
            fmt::format("{} {}: not a quality; did you mean '{}'?", flag, printable(typed), *near));
    throw UsageError(fmt::format("{} {}: not a quality; see --help for the four, or none", flag,
                                 printable(typed)));
}

int ask_quality_rating(Session& s, std::size_t i, std::optional<int> last) {
    Style st = s.say_style();
    std::string hint = last ? fmt::format("1-5, Enter keeps {}", *last) : "1-5";
    for (;;) {
        auto line = ask(s, fmt::format("  {} {} {} ", st.bold(std::string(qualities[i].name)),
                                       st.dim(fmt::format("({})?", quality_glosses[i])),
                                       st.dim("[" + hint + "]")));
        if (!line)
            throw Stopped{};
        if (line->empty() && last)
            return *last;
        if (auto r = parse_rating(*line))
            return *r;
        s.term().say(last ? "  A number from 1 (hardly there) to 5 (strong), or Enter to "
                            "keep it.\n"
                          : "  A number from 1 (hardly there) to 5 (strong) will do.\n");
    }
}

// The focus, chosen freely: the four in their usual order, none ranked or
// suggested. Enter keeps the focus chosen last time, or chooses none.
std::string ask_focus(Session& s, const std::string& last_focus) {
    Style st = s.say_style();
    std::string choices;
    for (std::size_t i = 0; i < qualities.size(); ++i)
        choices += fmt::format("{}{} {}", i == 0 ? "" : "   ", i + 1, qualities[i].name);
    auto last = find_quality(last_focus);
    std::string keep = last ? fmt::format("Enter keeps {}", last->name) : "Enter: none for now";
    s.term().say(fmt::format("  Which would you like to practise for a while? Any of them is a "
                             "good choice.\n    {}\n",
                             choices));
    for (;;) {
        auto line =
            ask(s, fmt::format("  {} ", st.dim(fmt::format("[1-4, a name or none; {}]", keep))));
        if (!line)
            throw Stopped{};
        if (line->empty())
            return last ? std::string(last->key) : std::string{};
        if (line->size() == 1 && (*line)[0] >= '1' && (*line)[0] <= '4')
            return std::string(qualities[static_cast<std::size_t>((*line)[0] - '1')].key);
        try {
            return focus_key(*line, "focus");
        } catch (const UsageError&) {
            s.term().say("  A number from 1 to 4, one of the names, or none.\n");
        }
    }
}

// Says the answers were kept and names the focus chosen, reading no rating
// back: the numbers stay in the record, for `review --details`, `show` and
// export, where the person goes to look.
void confirm_qualities(Session& s, const QualityRatings& now) {
    if (s.quiet())
        return;
    std::string text = "Kept your answers. ";
    if (auto q = find_quality(now.focus))
        text += fmt::format("You chose to focus on {} for a while;\n`compassion practice "
                            "quality` has a small exercise for it.\n",
                            q->label);
    else
        text += "No focus chosen this time, and that is fine;\nany of the four is a good "
                "place to start, whenever you like.\n";
    s.term().out(text);
}

// Asks for the ratings not given (and a focus when none was given), in place.
void ask_missing(Session& s, QualityRatings& r, const std::array<std::optional<int>, 4>& given,
                 const std::optional<QualityRatings>& before, bool ask_for_focus) {
    Style st = s.say_style();
    s.term().say(fmt::format(
        "{}\n{}\n{}\n",
        st.bold("The four qualities of well-being, from Richard Davidson's research:"),
        "resilience, focus on positive emotion, generosity and attention. Each one can\n"
        "be strengthened with practice. How is each with you lately?",
        st.dim("1 is hardly there, 5 is strong. Ctrl-D stops without saving.")));
    for (std::size_t i = 0; i < qualities.size(); ++i)
        r.ratings[i] =
            given[i] ? *given[i]
                     : ask_quality_rating(
                           s, i, before ? std::optional<int>(before->ratings[i]) : std::nullopt);
    if (ask_for_focus)
        r.focus = ask_focus(s, before ? before->focus : std::string{});
}

} // namespace

void qualities_command(const QualitiesOptions& o, Session& s) {
    std::array<std::optional<int>, 4> given;
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < qualities.size(); ++i) {
        std::string flag = quality_flag(qualities[i]);
        if (o.ratings[i])
            given[i] = check_rating(*o.ratings[i], flag);
        else
            missing.push_back(flag + " N");
    }
    std::string focus = o.focus ? focus_key(*o.focus, "--focus") : std::string{};
    if (!missing.empty() && !s.term().interactive())
        throw missing_value("reflect qualities",
                            fmt::format("{} (each 1-5)", fmt::join(missing, " ")));

    Date today = s.today();
    std::optional<QualityRatings> before = last_ratings(s);
    QualityRatings r;
    r.day = today;
    r.focus = focus;
    try {
        if (!missing.empty())
            ask_missing(s, r, given, before, !o.focus);
        else
            for (std::size_t i = 0; i < qualities.size(); ++i)
                r.ratings[i] = *given[i];
    } catch (const Stopped&) {
        s.term().say("Stopped; nothing was saved.\n");
        return;
    }
    save_record(s, qualities_record(r, s.clock().now()));
    confirm_qualities(s, r);
}

void add_qualities(CLI::App& sub, Session& session) {
    auto o = std::make_shared<QualitiesOptions>();
    sub.description("Rate the four qualities of well-being from Richard Davidson's research "
                    "(resilience, focus on\npositive emotion, generosity, attention; 1-5) and "
                    "choose one to practise, as you like.\nIn a terminal it asks for any rating "
                    "not given as a flag.");
    for (std::size_t i = 0; i < qualities.size(); ++i)
        sub.add_option(quality_flag(qualities[i]), o->ratings[i],
                       fmt::format("How {} is with you lately, 1 to 5", qualities[i].label))
            ->type_name("N");
    sub.add_option("--focus", o->focus,
                   "The quality to practise next (resilience, positive-emotion, generosity, "
                   "attention, or none)")
        ->type_name("NAME");
    sub.callback([o, &session] { qualities_command(*o, session); });
}

void run_qualities(Session& session) {
    qualities_command({}, session);
}

} // namespace compassion::reflect
