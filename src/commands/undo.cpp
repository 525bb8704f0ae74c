#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/forgetting.hpp"
#include "core/kinds/showup.hpp"
#include "render/records.hpp"
#include "store/state.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace compassion {

namespace {

struct UndoOptions {
    bool yes = false;
};

void nothing_to_undo(Session& s, std::string_view why) {
    if (!s.quiet())
        s.term().say(std::string(why));
    s.exit = Exit::no;
}

void undo_command(const UndoOptions& o, Session& s) {
    if (no_journal_yet(s))
        return nothing_to_undo(s, "Nothing was written here today, so there is nothing to undo.\n");
    auto last = load_last_written(s.fs(), s.home());
    if (!last) // never written here, or taken back already
        return nothing_to_undo(s, "There is nothing here to undo: undo takes back only the last "
                                  "record written here, once. compassion forget takes back any "
                                  "other.\n");
    if (last->written_on != s.today())
        return nothing_to_undo(s, "Nothing was written here today, so there is nothing to undo.\n");
    auto day = records_of_days(s, last->day, last->day);
    auto it = std::find_if(day.begin(), day.end(),
                           [&](const RecordCopy& r) { return r.id() == last->id; });
    if (it == day.end())
        return nothing_to_undo(
            s, "The last record written here today is already taken back or replaced.\n");
    if (it->kind() == showup_kind)
        return nothing_to_undo(s,
                               "The last thing written here today was your show-up list; undo "
                               "leaves it as it is. Change it with compassion reflect showup.\n");
    FoundRecord found;
    found.record = *it;
    found.day = day;
    auto handles = handles_of(day);
    found.handle = handles[static_cast<std::size_t>(it - day.begin())];
    auto plan = forget_plan(s, found, false);
    std::vector<RecordCopy> shown;
    std::vector<std::string> shown_handles;
    for (std::size_t i = 0; i < day.size(); ++i)
        if (std::any_of(plan.begin(), plan.end(),
                        [&](const Link& l) { return l.id == day[i].id(); })) {
            shown.push_back(day[i]);
            shown_handles.push_back(handles[i]);
        }
    s.term().say("The last record written here today:\n" +
                 records_text(shown, shown_handles, s.say_style(), s.today()));
    if (plan.size() > 1 || plan.front().day != found.record.day())
        s.term().say(describe_plan(s, found, plan));
    if (!confirmed(s, o.yes, "undo", "Take it back for good? [y/N] ")) {
        s.term().say("Nothing was taken back.\n");
        return;
    }
    carry_out(s, plan);
    clear_last_written(s.fs(), s.home());
    if (!s.quiet())
        s.term().say("Taken back; its lines are gone from the journal.\n");
}

} // namespace

void add_undo_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<UndoOptions>();
    CLI::App* cmd = app.add_subcommand(
        "undo", "Take back the last record this home wrote today, after showing it (for the\n"
                "typo you just made). It never reverses a forget or a show-up list change.");
    cmd->add_flag("-y,--yes", o->yes, "Do not ask (for scripts; needed without a terminal)");
    cmd->callback([o, &session] { undo_command(*o, session); });
}

} // namespace compassion
