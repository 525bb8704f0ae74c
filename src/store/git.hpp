#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace compassion {

// What one git run gave back. `status` is git's exit status (128 + the signal
// that ended it); `timed_out` says it was stopped at the deadline.
struct GitResult {
    int status = 0;
    std::string out;
    std::string err;
    bool timed_out = false;

    bool ok() const { return status == 0 && !timed_out; }
    // git's last "fatal:"/"error:" line (else its last line), for a message.
    std::string reason() const;
};

// The seam between sync and the git binary: tests put a fake behind it.
class Git {
public:
    virtual ~Git() = default;
    // Runs `git <fixed options> <args>` in the home and waits for it; `input`
    // goes to its standard input. Throws UnavailableError when git cannot be
    // started (not installed).
    virtual GitResult run(const std::vector<std::string>& args, std::string_view input = {}) = 0;
    // Commits made from now on carry this author and committer.
    virtual void set_identity(std::string name, std::string email) = 0;
};

// The real git, run as a child process without a shell, with an explicit
// --git-dir and --work-tree, hooks and signing off, `ext::` transports
// refused, and a clean environment: every GIT_* variable of ours cleared,
// GIT_TERMINAL_PROMPT=0, messages in English (so they can be told apart),
// plus the identity given, if any. The user's own git configuration and
// credentials are used as they are.
class RealGit : public Git {
public:
    explicit RealGit(std::string work_tree);
    GitResult run(const std::vector<std::string>& args, std::string_view input = {}) override;

    void set_identity(std::string name, std::string email) override;
    // Runs still going at `when` are stopped (SIGTERM, then SIGKILL), so that
    // a sync in the background is time-limited.
    void set_deadline(std::chrono::steady_clock::time_point when) { deadline_ = when; }

private:
    std::string work_tree_;
    std::vector<std::pair<std::string, std::string>> extra_env_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
};

// Why a remote URL is refused (one that starts with '-', or uses the `ext::`
// transport, which runs a command), or nothing when it is acceptable.
std::optional<std::string> refused_remote(std::string_view url);

// How a failed fetch or push reads: the remote cannot be reached right now
// (offline, a host that does not answer), or it refuses us or is not there.
enum class RemoteTrouble { unreachable, refused };
RemoteTrouble remote_trouble(const GitResult& result);

// The local directory a remote URL names (a path or file://), or nothing for
// a network remote.
std::optional<std::string> local_remote_path(std::string_view url);

} // namespace compassion
