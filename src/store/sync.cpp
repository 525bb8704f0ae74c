#include "store/sync.hpp"

#include "core/date.hpp"
#include "core/errors.hpp"
#include "core/month_merge.hpp"
#include "store/config.hpp"
#include "store/state.hpp"
#include "store/sync_merge.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace compassion {

namespace {

constexpr std::string_view remote_name = "origin";
constexpr int max_push_rounds = 5;

std::vector<std::string> split_nul(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\0', start);
        if (end == std::string::npos)
            end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

bool is_month_path(std::string_view path) {
    return path.size() == 20 && path.substr(0, 8) == "journal/" && path.substr(15) == ".toml" &&
           parse_year_month(path.substr(8, 7)).has_value();
}

// "2026-11" for a month file, the path itself for anything else.
std::string committed_name(std::string_view path) {
    return std::string(is_month_path(path) ? path.substr(8, 7) : path);
}

bool exists(FileSystem& fs, const std::string& path) {
    struct stat st {};
    return fs.lstat(path.c_str(), &st) == 0;
}

// Where removable disks are mounted: a remote there that is missing is a
// stick not plugged in (try again later); anywhere else, a wrong path.
bool on_removable_disk(std::string_view dir) {
    for (std::string_view root : {"/media/", "/run/media/", "/mnt/"})
        if (dir.rfind(root, 0) == 0)
            return true;
    return false;
}

} // namespace

std::string_view sync_gitignore() {
    return "# Written by compassion sync: only these files travel to the remote.\n"
           "# Locks, temporary files, rescue/ and state/ stay on this machine.\n"
           "/*\n"
           "!/.gitignore\n"
           "!/config.toml\n"
           "!/journal/\n"
           "/journal/*\n"
           "!/journal/*.toml\n"
           "!/journal/.gitattributes\n";
}

std::string printable_remote(std::string_view url) {
    std::string out(url);
    auto scheme = out.find("://");
    if (scheme == std::string::npos)
        return out;
    auto at = out.find('@', scheme + 3);
    auto slash = out.find('/', scheme + 3);
    if (at == std::string::npos || (slash != std::string::npos && slash < at))
        return out;
    auto colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at)
        out.erase(colon, at - colon); // user:password@host → user@host
    return out;
}

Sync::Sync(Git& git, Journal& journal, FileSystem& fs, Clock& clock, Home home,
           std::chrono::milliseconds lock_timeout)
    : git_(git), journal_(journal), fs_(fs), clock_(clock), home_(std::move(home)),
      lock_timeout_(lock_timeout) {}

GitResult Sync::must(const std::vector<std::string>& args, std::string_view input) {
    GitResult r = git_.run(args, input);
    if (r.ok())
        return r;
    std::string why = r.reason();
    if (why.find(".lock") != std::string::npos && why.find("File exists") != std::string::npos)
        throw BusyError(fmt::format("{}/.git: git is busy here, or was stopped mid-way; if no "
                                    "git is running, `compassion doctor --fix` clears its lock",
                                    home_.root));
    throw IoError(fmt::format("git {}: {}", args.front(), why));
}

std::string Sync::branch() {
    // .git/HEAD read directly: one git process fewer for every sync.
    std::optional<std::string> head;
    try {
        head = read_file(fs_, home_.root + "/.git/HEAD");
    } catch (const Error&) {
    }
    std::string ref = head ? first_line(*head) : std::string{};
    if (ref.rfind("ref: refs/heads/", 0) != 0)
        throw UnavailableError(fmt::format(
            "{}: git's HEAD is detached, so sync cannot tell which branch to keep; check out "
            "a branch there (see `compassion doctor`)",
            home_.root));
    return ref.substr(16);
}

std::optional<std::string> Sync::rev(const std::string& name) {
    GitResult r = git_.run({"rev-parse", "-q", "--verify", name + "^{commit}"});
    if (!r.ok())
        return std::nullopt;
    return first_line(r.out);
}

namespace {

bool is_object_id(std::string_view s) {
    return (s.size() == 40 || s.size() == 64) && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

} // namespace

std::optional<std::string> Sync::ref_id(const std::string& ref) {
    const std::string git_dir = home_.root + "/.git/";
    try {
        if (auto loose = read_file(fs_, git_dir + ref)) {
            std::string id = first_line(*loose);
            return is_object_id(id) ? std::optional(id) : rev(ref);
        }
        if (auto packed = read_file(fs_, git_dir + "packed-refs")) {
            std::string_view rest = *packed;
            while (!rest.empty()) {
                std::string_view line = rest.substr(0, rest.find('\n'));
                rest.remove_prefix(std::min(rest.size(), line.size() + 1));
                auto space = line.find(' ');
                if (space != std::string_view::npos && line.substr(space + 1) == ref &&
                    is_object_id(line.substr(0, space)))
                    return std::string(line.substr(0, space));
            }
        }
    } catch (const Error&) {
    }
    return rev(ref); // another ref store, or no such ref: git knows
}

void Sync::ensure_identity() {
    if (identity_checked_)
        return;
    identity_checked_ = true;
    GitResult r = git_.run({"config", "--get-regexp", "^user\\.(name|email)$"});
    bool has_name = r.out.find("user.name ") != std::string::npos;
    bool has_email = r.out.find("user.email ") != std::string::npos;
    if (has_name && has_email)
        return;
    // A fresh machine: a plain local identity, as the commits are only ours.
    std::string login = "compassion";
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name)
        login = pw->pw_name;
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0 || !*host)
        std::snprintf(host, sizeof host, "localhost");
    git_.set_identity(login, login + "@" + host);
}

std::vector<std::string> Sync::changed_paths(const std::optional<std::string>& head) {
    GitResult st =
        must({"status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"});
    std::vector<std::string> paths;
    for (const auto& item : split_nul(st.out)) {
        if (item.size() < 4)
            continue;
        std::string path = item.substr(3);
        // A month that holds the same records as the last commit in another
        // order (a merge appended the other side's records after ours) is
        // not a change: committing it would bounce between two machines.
        if (head && is_month_path(path) && item[0] != '?' && item[1] == 'M') {
            GitResult old = git_.run({"cat-file", "blob", *head + ":" + path});
            auto now = read_file(fs_, home_.root + "/" + path);
            if (old.ok() && now) {
                try {
                    if (same_records(split_month(old.out, path), split_month(*now, path)))
                        continue;
                } catch (const DataError&) {
                }
            }
        }
        paths.push_back(std::move(path));
    }
    return paths;
}

std::vector<std::string> Sync::commit_local(const std::optional<std::string>& head) {
    std::vector<std::string> paths = changed_paths(head);
    if (paths.empty())
        return {};
    std::vector<std::string> add = {"add", "-A", "--"};
    add.insert(add.end(), paths.begin(), paths.end());
    must(add);
    std::string tree = first_line(must({"write-tree"}).out);
    if (head && first_line(must({"rev-parse", *head + "^{tree}"}).out) == tree)
        return {};
    std::vector<std::string> names;
    for (const auto& p : paths)
        if (std::find(names.begin(), names.end(), committed_name(p)) == names.end())
            names.push_back(committed_name(p));
    std::sort(names.begin(), names.end());
    ensure_identity();
    std::vector<std::string> commit = {"commit-tree", "--no-gpg-sign", tree, "-m",
                                       fmt::format("compassion: {}", fmt::join(names, ", "))};
    if (head) {
        commit.emplace_back("-p");
        commit.push_back(*head);
    }
    std::string id = first_line(must(commit).out);
    must({"update-ref", "-m", "compassion sync", "HEAD", id, head.value_or("")});
    return names;
}

std::string Sync::remote_url() {
    GitResult r = git_.run({"config", "--get", "remote.origin.url"});
    return r.ok() ? first_line(r.out) : std::string{};
}

void Sync::remote_failed(const GitResult& r) {
    std::string url = remote_url();
    if (url.empty())
        throw UnavailableError(fmt::format("{}: no remote is set; run `compassion sync --init "
                                           "REMOTE` once",
                                           home_.root));
    throw UnavailableError(
        fmt::format("{}: {} (see `compassion sync --status`)", printable_remote(url), r.reason()));
}

std::optional<std::string> Sync::fetch() {
    GitResult r = git_.run({"fetch", "-q", "--no-tags", "--", std::string(remote_name)});
    if (r.ok())
        return std::nullopt;
    std::string url = remote_url();
    if (!url.empty()) {
        // A USB stick that is not plugged in is "not now"; a path that names
        // nothing anywhere else is wrong, on every sync until it is set right.
        if (auto dir = local_remote_path(url); dir && !exists(fs_, *dir)) {
            if (on_removable_disk(*dir))
                return fmt::format("{} is not there right now", *dir);
            throw UnavailableError(fmt::format("{}: there is no repository there; check the "
                                               "path, or set the right one with `compassion "
                                               "sync --init REMOTE`",
                                               *dir));
        }
        if (remote_trouble(r) == RemoteTrouble::unreachable)
            return r.reason();
    }
    remote_failed(r);
}

bool Sync::push(const std::string& branch, SyncReport& report) {
    GitResult r = git_.run(
        {"push", "--porcelain", "--", std::string(remote_name), "HEAD:refs/heads/" + branch});
    if (r.ok()) {
        report.sent = true;
        return true;
    }
    if (r.out.find("[rejected]") != std::string::npos &&
        (r.out.find("fetch first") != std::string::npos ||
         r.out.find("non-fast-forward") != std::string::npos)) {
        ++report.push_retries;
        return false;
    }
    if (remote_trouble(r) == RemoteTrouble::unreachable) {
        report.offline = r.reason();
        return true;
    }
    remote_failed(r);
}

void Sync::note_synced() {
    try {
        write_state_file(fs_, home_, "last-sync", format_offset_datetime(clock_.now()) + "\n");
    } catch (const Error&) {
        // Only --status reads it; a sync that worked is not undone by this.
    }
}

std::optional<std::string> Sync::last_sync() const {
    if (auto text = read_state_file(fs_, home_, "last-sync"))
        return first_line(*text);
    return std::nullopt;
}

SyncReport Sync::run() {
    if (!exists(fs_, home_.root + "/.git"))
        throw UnavailableError(fmt::format("{}: this home is not kept in git yet; run "
                                           "`compassion sync --init REMOTE` once",
                                           home_.root));
    for (std::string_view busy : {"MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD"})
        if (exists(fs_, home_.root + "/.git/" + std::string(busy)))
            throw UnavailableError(fmt::format("{}/.git: git is in the middle of a merge or "
                                               "rebase; finish or abort it first (see "
                                               "`compassion doctor`)",
                                               home_.root));
    SyncReport report;
    const std::string br = branch();
    const std::string ours_ref = "refs/heads/" + br;
    const std::string theirs_ref = "refs/remotes/origin/" + br;
    std::optional<std::string> head = ref_id(ours_ref);
    report.committed = commit_local(head);
    for (int round = 0; round < max_push_rounds; ++round) {
        if (auto why = fetch()) {
            report.offline = why;
            return report;
        }
        head = ref_id(ours_ref);
        std::optional<std::string> theirs = ref_id(theirs_ref);
        if (theirs && theirs != head) {
            bool behind = !head || !git_.run({"merge-base", "--is-ancestor", *theirs, *head}).ok();
            if (behind) {
                ensure_identity();
                SyncMerge merge(*this, head, *theirs);
                report.received += merge.run(report);
                report.merged = true;
                head = ref_id(ours_ref);
            }
        }
        if (!head || head == theirs)
            break;
        if (push(br, report))
            break;
    }
    if (!report.offline)
        note_synced();
    return report;
}

SyncReport Sync::init(const std::string& remote, const std::string& cwd) {
    if (auto why = refused_remote(remote))
        throw UsageError(fmt::format("sync --init {}: {}", remote, *why));
    std::string url = remote;
    if (auto dir = local_remote_path(url);
        dir && !dir->empty() && (*dir)[0] != '/' && url.rfind("file://", 0) != 0)
        url = cwd + "/" + url;
    prepare_home(fs_, home_);
    if (!exists(fs_, home_.root + "/.git"))
        must({"init", "-q", "--initial-branch=main"});
    const std::string ignore = home_.root + "/.gitignore";
    if (auto text = read_file(fs_, ignore); !text || *text != sync_gitignore())
        write_config(fs_, ignore, std::string(sync_gitignore()));
    // Joining, a remote that is not there is a mistake, not "not now"; it
    // is looked at before it is set, so a wrong one leaves the home's remote
    // as it was (or none).
    GitResult probe = git_.run({"ls-remote", "-q", "--symref", "--", url});
    const bool offline = !probe.ok() && remote_trouble(probe) == RemoteTrouble::unreachable &&
                         !local_remote_path(url);
    if (!probe.ok() && !offline)
        throw UnavailableError(fmt::format("{}: {}", printable_remote(url), probe.reason()));
    if (remote_url().empty())
        must({"remote", "add", "--", std::string(remote_name), url});
    else
        must({"remote", "set-url", "--", std::string(remote_name), url});
    // Offline now: the home is set up; this commits here and says so.
    if (offline)
        return run();
    // Join the remote's branch when it has one and this home has no history.
    std::string head_ref = first_line(probe.out);
    if (head_ref.rfind("ref: refs/heads/", 0) == 0 && !rev("HEAD")) {
        std::string theirs = head_ref.substr(16, head_ref.find('\t') - 16);
        must({"symbolic-ref", "HEAD", "refs/heads/" + theirs});
    }
    return run();
}

SyncStatus Sync::status() {
    SyncStatus s;
    s.last_sync = last_sync();
    if (!exists(fs_, home_.root + "/.git"))
        return s;
    s.tracked = true;
    s.branch = branch();
    if (std::string url = remote_url(); !url.empty())
        s.remote = printable_remote(url);
    auto head = ref_id("refs/heads/" + s.branch);
    auto theirs = ref_id("refs/remotes/origin/" + s.branch);
    if (head && theirs) {
        GitResult r = git_.run({"rev-list", "--left-right", "--count", *head + "..." + *theirs});
        int a = 0, b = 0;
        if (r.ok() && std::sscanf(r.out.c_str(), "%d %d", &a, &b) == 2) {
            s.ahead = a;
            s.behind = b;
        }
    } else if (head && s.remote) {
        GitResult r = git_.run({"rev-list", "--count", *head});
        if (r.ok()) {
            s.ahead = std::atoi(r.out.c_str());
            s.behind = 0;
        }
    }
    s.uncommitted = changed_paths(head);
    return s;
}

} // namespace compassion
