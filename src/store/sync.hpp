#pragma once

#include "core/clock.hpp"
#include "store/filesystem.hpp"
#include "store/git.hpp"
#include "store/home.hpp"
#include "store/journal.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace compassion {

// What one sync did, for the command to tell (never any entry text).
struct SyncReport {
    std::vector<std::string> committed; // what was committed here first: "2026-11", "config.toml"
    std::size_t received = 0;           // records added here from the remote
    bool merged = false;                // the remote's history was joined with ours
    bool sent = false;                  // our commits were pushed
    int push_retries = 0;               // pushes turned away because the remote had moved on
    // The other machine's config.toml, when both changed it: kept beside ours.
    std::optional<std::string> other_config;
    // Set when the remote could not be reached: the commit stays here.
    std::optional<std::string> offline;
};

// Where a home stands with its remote, from what is known here (no network).
struct SyncStatus {
    bool tracked = false; // the home is a git repository
    std::string branch;
    std::optional<std::string> remote; // its address, without any password
    std::optional<int> ahead, behind;  // commits, as of the last fetch
    std::optional<std::string> last_sync;
    std::vector<std::string> uncommitted; // paths changed since the last commit
};

// The files of a home that travel with a sync; everything else (locks,
// temporary files, rescue/, state/) stays on the machine.
std::string_view sync_gitignore();

// Keeps a home in step with a git remote: git carries the history, and
// compassion merges month files itself, record by record (see DECISIONS.md).
// The network (fetch, push) is used outside the journal's lock; the merge
// and its writes happen under it, through the journal's normal write path.
class Sync {
public:
    Sync(Git& git, Journal& journal, FileSystem& fs, Clock& clock, Home home,
         std::chrono::milliseconds lock_timeout);

    // Makes the home a repository if it is not one, writes the whitelist
    // .gitignore, sets `remote` as origin, then syncs in full: a second
    // machine joins an existing remote in one step. Throws UsageError for a
    // refused address, UnavailableError (69) for a remote that is not there
    // or not a repository.
    SyncReport init(const std::string& remote, const std::string& cwd);

    // Commits what changed, fetches, merges, pushes (again when the remote
    // moved on meanwhile). Throws UnavailableError (69: not set up, git
    // missing, the remote refuses), BusyError (75: another sync, or the
    // journal's lock), DataError (65: the remote's month does not parse;
    // nothing is written), IoError (74). An unreachable remote is not an
    // error: the report says `offline`.
    SyncReport run();

    SyncStatus status();

    // The last time a sync completed here (state/last-sync), if ever.
    std::optional<std::string> last_sync() const;

private:
    friend class SyncMerge;
    GitResult must(const std::vector<std::string>& args, std::string_view input = {});
    std::string branch();
    std::optional<std::string> rev(const std::string& name);
    // The commit a full ref name ("refs/heads/main") points to, read from
    // .git as git stores it (a loose ref, else packed-refs), asking git only
    // when neither holds it: a sync with nothing to do then costs the status
    // and the fetch, no more git processes.
    std::optional<std::string> ref_id(const std::string& ref);
    // The whitelisted paths that changed since `head`, leaving out months
    // that only hold the same records in another order.
    std::vector<std::string> changed_paths(const std::optional<std::string>& head);
    std::vector<std::string> commit_local(const std::optional<std::string>& head);
    void ensure_identity();
    std::optional<std::string> fetch(); // nothing, or why the remote cannot be reached
    bool push(const std::string& branch, SyncReport& report); // false: rejected, try again
    std::string remote_url();
    [[noreturn]] void remote_failed(const GitResult& r);
    void note_synced();

    Git& git_;
    Journal& journal_;
    FileSystem& fs_;
    Clock& clock_;
    Home home_;
    std::chrono::milliseconds lock_timeout_;
    bool identity_checked_ = false;
};

// A remote address with any password left out, fit to print.
std::string printable_remote(std::string_view url);

} // namespace compassion
