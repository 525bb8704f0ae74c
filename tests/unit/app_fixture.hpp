#pragma once

#include "app.hpp"
#include "fakes.hpp"
#include "helpers.hpp"
#include "store/config.hpp"
#include "store/home.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace compassion::testing {

// Friday 2026-11-27 21:30 in Europe/Berlin.
inline constexpr std::time_t friday_evening = 1795811400;

struct Run {
    int status;
    std::string out;
    std::string err;
};

// The whole app run in-process in a temporary home, with a fake clock,
// a scripted terminal and a chosen environment. The one fixture every unit
// test that runs commands uses.
struct AppFixture {
    TempDir tmp;
    ZoneGuard zone{"Europe/Berlin"};
    RealFileSystem fs;
    FakeClock clock{std::chrono::system_clock::from_time_t(friday_evening)};
    std::map<std::string, std::string> vars; // the environment of each run
    std::string home = tmp.path();           // what each run passes as --home
    bool show_enter = false;                 // see FakeTerminal::show_enter

    // A run with the seams chosen by the test: its terminal, clock and file system.
    Run run_with(FakeTerminal& term, Clock& with_clock, FileSystem& with_fs,
                 std::vector<std::string> args) {
        MapEnvironment env(vars);
        args.insert(args.begin(), {"--home", home});
        int status = compassion::run(args, System{with_fs, with_clock, term, env});
        return Run{status, term.stdout_text, term.stderr_text};
    }
    Run run_on(FakeTerminal& term, std::vector<std::string> args) {
        return run_with(term, clock, fs, std::move(args));
    }
    // No terminal unless `interactive`; then `answers` are typed in turn.
    Run run(std::vector<std::string> args, std::vector<std::string> answers = {},
            bool interactive = false) {
        FakeTerminal term(std::move(answers), interactive);
        term.show_enter = show_enter;
        return run_on(term, std::move(args));
    }

    // Calls a command's work function on a session in the home, as its
    // callback would, without any command line to parse.
    template <class Work> Run call(Work work) {
        FakeTerminal term({}, false);
        MapEnvironment env(vars);
        Globals globals;
        globals.home = home;
        Session session(System{fs, clock, term, env}, globals);
        work(session);
        return Run{static_cast<int>(session.exit), term.stdout_text, term.stderr_text};
    }

    // Sets the home up as the first writing command does: its directories
    // and config.toml from the template (commands that only read create nothing).
    void set_up_home() {
        prepare_home(fs, Home{home});
        load_config(fs, clock, home + "/config.toml", std::chrono::milliseconds{100});
    }

    // A file in the home, "" when it does not exist.
    std::string read(const std::string& name) {
        std::ifstream in(home + "/" + name);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }

    // A month file's text, record tags removed (see untagged).
    std::string month(const std::string& ym = "2026-11") {
        return untagged(read("journal/" + ym + ".toml"));
    }

    void write(const std::string& name, const std::string& text, mode_t mode = 0600) {
        std::string path = home + "/" + name;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path());
        std::ofstream(path) << text;
        ::chmod(path.c_str(), mode);
    }

    void write_month(const std::string& ym, const std::string& text) {
        write("journal/" + ym + ".toml", text);
    }
};

} // namespace compassion::testing
