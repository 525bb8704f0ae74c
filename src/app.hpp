#pragma once

#include "core/clock.hpp"
#include "core/environment.hpp"
#include "core/errors.hpp"
#include "store/config.hpp"
#include "store/filesystem.hpp"
#include "store/home.hpp"
#include "store/journal.hpp"
#include "term/style.hpp"
#include "term/terminal.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace compassion {

// The outside world a run talks to: real in main(), fakes in tests.
struct System {
    FileSystem& fs;
    Clock& clock;
    Terminal& term;
    const Environment& env;
};

// The global options, shared by every command.
struct Globals {
    std::optional<std::string> home;
    std::string color; // "", auto, always or never
    bool quiet = false;
    bool no_pager = false;
};

// What a command works with once the command line is parsed. The home, the
// config and the journal are opened on first use, so `--help` never touches disk.
class Session {
public:
    Session(System system, Globals& globals) : sys_(system), globals_(globals) {}

    Terminal& term() { return sys_.term; }
    Clock& clock() { return sys_.clock; }
    FileSystem& fs() { return sys_.fs; }
    const Environment& env() { return sys_.env; }
    bool quiet() const { return globals_.quiet; }

    // Nothing is created until something is written: with no home yet the
    // journal reads as empty, and with no config.toml the template's settings
    // are used without writing the file. A command that writes to the home
    // other than through the journal (which does it itself) calls
    // settle_home() first: it makes the home and writes config.toml from the
    // template when it is missing.
    void settle_home();
    // Only the home's folders, for a command that keeps a file of its own
    // there (an editor's buffer) before it knows whether anything is saved.
    void make_home();
    // Whether this session found no home at all.
    bool no_home_yet() {
        prepare();
        return no_home_;
    }

    const Home& home();
    const Config& config();
    Journal& journal();
    // Colour for stdout (reports) or stderr (prompts, progress).
    Style out_style();
    Style say_style();

    // Writes long text for people to standard output, through the pager on a
    // terminal when it is taller than the window (term/pager.hpp), unless
    // --no-pager was given.
    void page(std::string_view text);
    // How wide prose for standard output may run (term/pager.hpp).
    std::size_t out_width() const;

    // Today, as the rollover hour defines it.
    Date today();

    // What the run exits with when nothing is thrown; commands may raise it.
    Exit exit = Exit::ok;
    // A record was saved in this run (sync = "after-write" then starts a sync).
    bool wrote = false;

    // Prints `compassion: warning: …` for each unreadable file and remembers to
    // exit 65 at the end.
    void report_problems(const std::vector<DataError>& problems);

private:
    // Looks at the home once per run: one that exists is checked (made
    // private, with a warning) and its journal folder made; none is created.
    void prepare();
    // config.toml from the template, once the home is being written to.
    void settle_config();
    void warn(const std::string& message);

    bool prepared_ = false;
    bool config_settled_ = false;
    bool no_home_ = false;
    System sys_;
    Globals& globals_;
    std::optional<Home> home_;
    std::optional<Config> config_;
    std::unique_ptr<Journal> journal_;
};

// One row of a command's own table of subcommands (`reflect qualities`): the
// command registers every row under its name, so its --help lists them; its
// menu and "did you mean" read the same rows. A new subcommand is one file and
// one row.
struct SubcommandInfo {
    std::string_view name;
    std::string_view summary; // one line for the command's menu
    // Gives the subcommand `sub` (already named) its help, options and callback.
    void (*add)(CLI::App& sub, Session& session);
    // Runs it with nothing given on the command line, as when chosen from the menu.
    void (*run)(Session& session);
    // The line to print when it is the day's pick (practice); nullptr if never picked.
    std::string (*today)(Session& session) = nullptr;
};

// One row of the command table: help, "did you mean" and completions read it.
// Only the command typed registers its options (`add`); the others appear by
// name and summary alone, which is all `compassion --help` shows of them.
struct CommandInfo {
    std::string_view name;
    std::string_view summary;
    void (*add)(CLI::App& app, Session& session);
    // The command's subcommands, for "did you mean"; nullptr when it has none.
    const std::vector<SubcommandInfo>& (*subcommands)() = nullptr;
};
const std::vector<CommandInfo>& command_table();

// Parses `args` (without argv[0]'s special meaning) and runs the command.
// Returns the exit status; never throws.
int run(const std::vector<std::string>& args, System system);

} // namespace compassion
