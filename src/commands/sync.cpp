#include "store/sync.hpp"
#include "app.hpp"
#include "commands/commands.hpp"
#include "store/lock.hpp"
#include "store/system.hpp"

#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace compassion {

namespace {

// How long a sync started after a write may take in all, so that a slow
// network never leaves one hanging about.
constexpr std::chrono::seconds background_limit{60};

struct SyncOptions {
    std::optional<std::string> init;
    bool status = false;
    bool background = false;
};

std::string current_directory() {
    char cwd[4096];
    if (!::getcwd(cwd, sizeof cwd))
        return ".";
    return cwd;
}

void show_status(Session& s, Sync& sync) {
    SyncStatus st = sync.status();
    std::string out;
    if (!st.tracked) {
        out = "This home is not kept in git yet; `compassion sync --init REMOTE` sets that up.\n";
        s.term().out(out);
        return;
    }
    out += fmt::format("remote: {}\n", st.remote.value_or("none yet (compassion sync --init "
                                                          "REMOTE)"));
    out += fmt::format("branch: {}\n", st.branch);
    out += fmt::format("last sync: {}\n", st.last_sync.value_or("not yet"));
    if (st.ahead && st.behind)
        out += fmt::format("to send: {} commit{}; to receive: {} (as of the last sync)\n",
                           *st.ahead, *st.ahead == 1 ? "" : "s", *st.behind);
    if (st.uncommitted.empty())
        out += "not committed yet: nothing\n";
    else
        out += fmt::format("not committed yet: {}\n", fmt::join(st.uncommitted, ", "));
    s.term().out(out);
}

void tell(Session& s, const SyncReport& r) {
    if (r.other_config)
        s.term().say(fmt::format("compassion: config.toml was changed on both machines; this "
                                 "machine's is kept, and the other's is saved in {}\n",
                                 *r.other_config));
    if (r.offline) {
        s.exit = Exit::busy;
        if (s.quiet()) // the status says it; cron need not mail a laptop that was offline
            return;
        s.term().say(fmt::format("compassion: sync: the remote cannot be reached right now "
                                 "({}); your changes are committed here and will be sent "
                                 "next time\n",
                                 *r.offline));
        return;
    }
    if (s.quiet())
        return;
    std::vector<std::string> parts;
    if (r.received > 0)
        parts.push_back(
            fmt::format("{} record{} brought in", r.received, r.received == 1 ? "" : "s"));
    if (r.sent)
        parts.emplace_back("your changes sent");
    if (parts.empty())
        parts.emplace_back("nothing new either way");
    s.term().out(fmt::format("In step with the remote: {}.\n", fmt::join(parts, ", ")));
}

void sync_command(const SyncOptions& o, Session& s) {
    if (o.init && o.status)
        throw UsageError("sync: --init and --status cannot be used together");
    const Home& home = s.home();
    RealGit git(home.root);
    auto timeout = lock_timeout_from(s.env());
    Sync sync(git, s.journal(), s.fs(), s.clock(), home, timeout);
    if (o.status) {
        show_status(s, sync);
        return;
    }
    if (o.background)
        git.set_deadline(std::chrono::steady_clock::now() + background_limit);
    make_private_dir(s.fs(), home.state_dir());
    std::optional<FileLock> lock;
    try {
        lock.emplace(s.fs(), home.state_dir() + "/sync.lock", s.clock(),
                     o.background ? std::chrono::milliseconds{0} : timeout);
    } catch (const BusyError&) {
        if (o.background)
            return; // the sync already running will carry this write too
        throw BusyError("sync: another sync is running in this home; please try again");
    }
    SyncReport report = o.init ? sync.init(*o.init, current_directory()) : sync.run();
    tell(s, report);
}

// Starts `compassion sync --background` for this home, detached from us (its
// own session, stdin and stdout on /dev/null, its messages in state/sync.log),
// and returns at once.
void start_background_sync(const Home& home) {
    std::string log = home.state_dir() + "/sync.log";
    pid_t child = ::fork();
    if (child < 0)
        return;
    if (child == 0) {
        ::setsid();
        if (::fork() != 0)
            ::_exit(0);
        int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(err >= 0 ? err : null, 2);
        std::vector<std::string> words = {"compassion", "--home", home.root,
                                          "--quiet",    "sync",   "--background"};
        std::vector<char*> argv;
        for (auto& w : words)
            argv.push_back(w.data());
        argv.push_back(nullptr);
        default_write_signals();
        ::execv("/proc/self/exe", argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
}

} // namespace

void sync_after_write(Session& s) {
    const Config& cfg = s.config();
    std::string when = cfg.text("sync", "manual");
    if (when == "manual")
        return;
    if (when != "after-write") {
        if (!s.quiet())
            s.term().say(fmt::format("compassion: config.toml: sync = \"{}\": use \"after-write\" "
                                     "or \"manual\"; not syncing now\n",
                                     printable(when)));
        return;
    }
    struct stat st {};
    if (s.fs().lstat((s.home().root + "/.git").c_str(), &st) != 0)
        return; // not set up yet: `sync --init` first
    make_private_dir(s.fs(), s.home().state_dir());
    start_background_sync(s.home());
}

void add_sync_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<SyncOptions>();
    CLI::App* cmd = app.add_subcommand(
        "sync", "Keep this journal in step with a git remote: commit, fetch, merge record by "
                "record, push.\nThe remote holds your journal as plain text: use one you "
                "control.");
    cmd->add_option("--init", o->init,
                    "Keep this home in git with REMOTE (a path, ssh or https address) and sync "
                    "in full: a second machine joins in one step")
        ->type_name("REMOTE");
    cmd->add_flag("--status", o->status,
                  "Where this home stands: to send, to receive, the last sync, what is not "
                  "committed yet");
    // Started by sync = "after-write": quiet, time-limited, gives way to a
    // sync already running.
    cmd->add_flag("--background", o->background)->group("");
    cmd->callback([o, &session] { sync_command(*o, session); });
}

} // namespace compassion
