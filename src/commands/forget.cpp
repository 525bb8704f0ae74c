#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/forgetting.hpp"

#include <fmt/format.h>

namespace compassion {

namespace {

struct ForgetOptions {
    std::string record;
    bool yes = false;
};

void forget_command(const ForgetOptions& o, Session& s) {
    FoundRecord found = find_record(s, o.record);
    auto plan = forget_plan(s, found, true);
    const std::size_t n = plan.size();
    std::string list = describe_plan(s, found, plan);
    if (!o.yes || !s.quiet())
        s.term().say(fmt::format("{} takes back, for good:\n{}", found.handle, list));
    if (!confirmed(s, o.yes, "forget",
                   n == 1 ? "Forget it? [y/N] " : fmt::format("Forget these {}? [y/N] ", n))) {
        s.term().say("Nothing was forgotten.\n");
        return;
    }
    carry_out(s, plan);
    if (!s.quiet())
        s.term().say(n == 1 ? "Forgotten: its lines are gone from the journal.\n"
                            : "Forgotten: their lines are gone from the journal.\n");
}

} // namespace

void add_forget_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<ForgetOptions>();
    CLI::App* cmd = app.add_subcommand(
        "forget", "Take a record back for good: a small tombstone hides it everywhere, and its\n"
                  "lines are removed from the journal now, with its earlier versions and the\n"
                  "records that belong to it (repair steps, what you noticed).");
    cmd->add_option("record", o->record,
                    "The record: a handle (2026-11-20.moment), an id or 4 or more of its first "
                    "characters")
        ->type_name("RECORD")
        ->required();
    cmd->add_flag("-y,--yes", o->yes, "Do not ask (for scripts; needed without a terminal)");
    cmd->callback([o, &session] { forget_command(*o, session); });
}

} // namespace compassion
