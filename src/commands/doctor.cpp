#include "store/doctor.hpp"
#include "app.hpp"
#include "commands/commands.hpp"

#include <fmt/format.h>

namespace compassion {

namespace {

std::string line_of(const Finding& f) {
    std::string where = f.path;
    if (f.line > 0)
        where += ":" + std::to_string(f.line);
    std::string text = where.empty() ? f.what : where + ": " + f.what;
    return (f.note ? "note: " : "") + printable(text) + "\n";
}

void doctor_command(bool fix, Session& s) {
    const Home& home = s.home();
    // A --home that names a file is a mistake, never a home to mend.
    refuse_non_directory(s.fs(), home.root);
    Checkup checkup = check_home(s.fs(), home);
    if (fix) {
        auto timeout = lock_timeout_from(s.env());
        Journal journal(s.fs(), home, s.clock(), timeout);
        for (const auto& line : mend_home(s.fs(), s.clock(), home, journal, checkup))
            s.term().out("fixed: " + printable(line) + "\n");
        // What is left is looked at again, as it stands now.
        checkup = check_home(s.fs(), home);
    }
    std::size_t problems = 0;
    std::string out;
    for (const auto& f : checkup.findings) {
        out += line_of(f);
        if (!f.note)
            ++problems;
    }
    s.term().out(out);
    if (checkup.io_error)
        s.exit = Exit::io;
    else if (checkup.data_error)
        s.exit = Exit::data;
    else if (problems > 0)
        s.exit = Exit::no;
    if (problems == 0 && !s.quiet())
        s.term().out(fmt::format("All is well here: {} month file{} read, nothing to mend.\n",
                                 checkup.months, checkup.months == 1 ? "" : "s"));
    else if (problems > 0 && !fix && !s.quiet())
        s.term().say("compassion: `compassion doctor --fix` mends what is safe to mend; it "
                     "never deletes a record\n");
}

} // namespace

void add_doctor_command(CLI::App& app, Session& session) {
    CLI::App* cmd = app.add_subcommand(
        "doctor", "Check this home: modes, every month file, conflict copies, git's state, the "
                  "config.\nOne line for each thing worth a look; exit 1 when there is one.");
    auto fix = std::make_shared<bool>(false);
    cmd->add_flag("--fix", *fix,
                  "Mend what is safe to mend and say what was done; never deletes a record");
    cmd->callback([fix, &session] { doctor_command(*fix, session); });
}

} // namespace compassion
