#include "app.hpp"
#include "commands/commands.hpp"
#include "core/items.hpp"
#include "term/editor.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>

namespace compassion {

namespace {

// The manual page for `command` ("" for compassion itself), found by man as
// `git help` does; where man or the page is missing, the --help text instead.
void show_help(Session& s, const std::string& command) {
    std::vector<std::string> names;
    for (const auto& c : command_table())
        names.emplace_back(c.name);
    if (!command.empty() && std::find(names.begin(), names.end(), command) == names.end()) {
        if (auto near = closest_name(command, names))
            throw UsageError(fmt::format(
                "help: '{}' is not a compassion command; did you mean '{}'?", command, *near));
        throw UsageError(fmt::format("help: '{}' is not a compassion command (try: {})", command,
                                     fmt::join(names, ", ")));
    }
    std::string page = command.empty() ? "compassion" : "compassion-" + command;
    if (run_program({"man", "-w", page}, true) == 0 && run_program({"man", page}) == 0)
        return;
    std::vector<std::string> args;
    if (!command.empty())
        args.push_back(command);
    args.emplace_back("--help");
    s.exit = static_cast<Exit>(run(args, System{s.fs(), s.clock(), s.term(), s.env()}));
}

} // namespace

void add_help_command(CLI::App& app, Session& session) {
    CLI::App* cmd = app.add_subcommand(
        "help", "The manual page of compassion, or of one command (as `man compassion-COMMAND`).\n"
                "Without man, or without the page, the command's --help instead.");
    auto command = std::make_shared<std::string>();
    // Named from the command table, so a new command is listed here at once.
    std::vector<std::string> names;
    for (const auto& c : command_table())
        names.emplace_back(c.name);
    const std::string last = names.back();
    names.pop_back();
    cmd->add_option("COMMAND", *command,
                    fmt::format("The command to explain: {} or {}", fmt::join(names, ", "), last));
    cmd->callback([&session, command] { show_help(session, *command); });
}

} // namespace compassion
