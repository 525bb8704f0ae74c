#include "store/sync_merge.hpp"

#include "core/errors.hpp"
#include "core/kinds/forget.hpp"
#include "core/month_merge.hpp"
#include "core/record_lines.hpp"
#include "store/config.hpp"

#include <fmt/format.h>
#include <set>

namespace compassion {

namespace {

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

std::optional<YearMonth> month_of_path(std::string_view path) {
    if (path.size() != 20 || path.substr(0, 8) != "journal/" || path.substr(15) != ".toml")
        return std::nullopt;
    return parse_year_month(path.substr(8, 7));
}

// The name a file of the remote side goes by in messages.
std::string remote_name_of(const std::string& path) {
    return "origin:" + path;
}

constexpr std::string_view other_config_name = "config.remote.toml";

} // namespace

SyncMerge::SyncMerge(Sync& sync, std::optional<std::string> head, std::string theirs)
    : sync_(sync), head_(std::move(head)), theirs_(std::move(theirs)) {}

SyncMerge::Tree SyncMerge::tree_of(const std::optional<std::string>& commit) {
    Tree out;
    if (!commit)
        return out;
    GitResult r = sync_.must({"ls-tree", "-r", "-z", *commit});
    std::size_t start = 0;
    while (start < r.out.size()) {
        std::size_t end = r.out.find('\0', start);
        if (end == std::string::npos)
            end = r.out.size();
        std::string_view item(r.out.data() + start, end - start);
        // "<mode> <type> <oid>\t<path>"
        auto tab = item.find('\t');
        auto sp1 = item.find(' ');
        auto sp2 = item.find(' ', sp1 + 1);
        if (tab != std::string_view::npos && sp2 < tab && item.substr(sp1 + 1, 4) == "blob")
            out[std::string(item.substr(tab + 1))] = TreeEntry{
                std::string(item.substr(0, sp1)), std::string(item.substr(sp2 + 1, tab - sp2 - 1))};
        start = end + 1;
    }
    return out;
}

std::map<std::string, std::string> SyncMerge::blobs(const std::vector<std::string>& oids) {
    std::map<std::string, std::string> out;
    if (oids.empty())
        return out;
    std::string input;
    for (const auto& oid : oids)
        input += oid + "\n";
    GitResult r = sync_.must({"cat-file", "--batch"}, input);
    // "<oid> blob <size>\n<bytes>\n" for each.
    std::size_t at = 0;
    while (at < r.out.size()) {
        std::size_t nl = r.out.find('\n', at);
        if (nl == std::string::npos)
            break;
        std::string header = r.out.substr(at, nl - at);
        auto sp1 = header.find(' ');
        auto sp2 = header.rfind(' ');
        if (sp1 == std::string::npos || sp2 == sp1)
            throw IoError("git cat-file: an object could not be read: " + header);
        std::size_t size = std::stoul(header.substr(sp2 + 1));
        out[header.substr(0, sp1)] = r.out.substr(nl + 1, size);
        at = nl + 1 + size + 1;
    }
    return out;
}

void SyncMerge::plan_config(const TreeEntry& theirs, SyncReport& report) {
    const std::string path = sync_.home_.config_path();
    auto texts = blobs({theirs.oid});
    const std::string& other = texts[theirs.oid];
    auto mine = read_file(sync_.fs_, path);
    // A machine that never changed its settings takes the other's as they are.
    if (!mine || *mine == config_template()) {
        files_.push_back(FilePlan{"config.toml", theirs, other});
        return;
    }
    other_config_ = sync_.home_.root + "/" + std::string(other_config_name);
    report.other_config = other_config_;
    files_.push_back(FilePlan{std::string(other_config_name), {}, other});
}

void SyncMerge::plan(const Tree& ours, const Tree& base, const Tree& theirs, SyncReport& report) {
    std::vector<std::string> wanted;
    for (const auto& [path, t] : theirs) {
        auto o = ours.find(path);
        if (o != ours.end() && o->second.oid == t.oid)
            continue;
        if (auto month = month_of_path(path)) {
            months_.push_back(MonthPlan{path, *month, t.oid, {}, {}, {}});
            wanted.push_back(t.oid);
            continue;
        }
        auto b = base.find(path);
        std::string base_oid = b == base.end() ? "" : b->second.oid;
        std::string our_oid = o == ours.end() ? "" : o->second.oid;
        if (t.oid == base_oid)
            continue; // only we changed it (or nobody did)
        if (our_oid == base_oid) {
            files_.push_back(FilePlan{path, t, {}}); // only they changed it
            wanted.push_back(t.oid);
        } else if (path == "config.toml") {
            plan_config(t, report);
        }
        // Any other file both sides changed (.gitignore, .gitattributes, a
        // sync tool's copy): this machine's stays; `doctor` looks at it.
    }
    auto texts = blobs(wanted);
    for (auto& f : files_)
        if (f.text.empty() && !f.theirs.oid.empty())
            f.text = texts[f.theirs.oid];
    for (auto& m : months_) {
        m.theirs_text = std::move(texts[m.theirs_oid]);
        MonthText other = split_month(m.theirs_text, remote_name_of(m.path));
        const std::string local_path = sync_.home_.root + "/" + m.path;
        MonthText mine;
        auto local = read_file(sync_.fs_, local_path);
        if (local)
            mine = split_month(*local, local_path);
        for (auto& block : lacking_blocks(mine, other)) {
            if (block.kind == forget_kind && !block.ref.empty())
                m.forgotten.insert(block.ref);
            m.blocks.push_back(std::move(block.text));
        }
        if (m.blocks.empty())
            continue;
        // What the month will be must read as TOML, one record per id.
        std::string after = local.value_or("");
        for (const auto& b : m.blocks)
            after += "\n" + b;
        MonthText merged = split_month(after, local_path);
        if (auto dups = duplicate_ids(merged); !dups.empty() && duplicate_ids(mine).empty())
            throw DataError(SourcePos{remote_name_of(m.path), 0, 0},
                            "it holds the id " + dups.front().first +
                                " twice; nothing was merged (see `compassion doctor`)");
    }
}

void SyncMerge::forget_in_copies(const MonthPlan& m) {
    if (m.forgotten.empty())
        return;
    // The month file dropped their lines as the tombstones landed; a sync
    // tool's copy beside it must not keep the words either. A copy that
    // cannot be read or changed is left for `doctor` (readers hide them).
    for (const auto& files : sync_.journal_.months(m.month, m.month))
        for (const auto& path : files.paths) {
            if (path == sync_.journal_.month_path(m.month))
                continue;
            for (int attempt = 0; attempt < 5; ++attempt) {
                try {
                    auto text = read_file(sync_.fs_, path);
                    if (!text)
                        break;
                    std::string kept = without_records(*text, m.forgotten, path);
                    if (kept == *text || sync_.journal_.rewrite_month(m.month, path, *text, kept))
                        break;
                } catch (const DataError&) {
                    break;
                }
            }
        }
}

std::string SyncMerge::commit(const std::vector<std::string>& index_lines) {
    if (head_)
        sync_.must({"read-tree", *head_});
    else
        sync_.must({"read-tree", "--empty"});
    std::string info;
    for (const auto& line : index_lines)
        info += line + "\n";
    if (!info.empty())
        sync_.must({"update-index", "--index-info"}, info);
    std::string tree = first_line(sync_.must({"write-tree"}).out);
    std::string their_tree = first_line(sync_.must({"rev-parse", theirs_ + "^{tree}"}).out);
    std::string id = theirs_;
    if (tree != their_tree) {
        std::set<std::string> names;
        for (const auto& m : months_)
            names.insert(format_year_month(m.month));
        std::string message =
            names.empty() ? std::string("compassion: merge from origin")
                          : fmt::format("compassion: merge {} from origin", fmt::join(names, ", "));
        std::vector<std::string> args = {"commit-tree", "--no-gpg-sign", tree, "-m", message};
        if (head_)
            args.insert(args.end(), {"-p", *head_});
        args.insert(args.end(), {"-p", theirs_});
        id = first_line(sync_.must(args).out);
    }
    sync_.must({"update-ref", "-m", "compassion sync", "HEAD", id, head_.value_or("")});
    // Fresh stat data, so the next `git status` need not read every file.
    sync_.git_.run({"update-index", "-q", "--refresh"});
    return id;
}

std::size_t SyncMerge::run(SyncReport& report) {
    Tree ours = tree_of(head_);
    Tree theirs = tree_of(theirs_);
    Tree base;
    if (head_) {
        GitResult mb = sync_.git_.run({"merge-base", *head_, theirs_});
        if (mb.ok())
            base = tree_of(first_line(mb.out));
    }

    Journal::Hold hold(sync_.journal_, sync_.lock_timeout_);
    plan(ours, base, theirs, report);

    // Everything is read and checked: now write.
    std::size_t added = 0;
    for (const auto& m : months_) {
        sync_.journal_.append_blocks(m.month, m.blocks);
        added += m.blocks.size();
        forget_in_copies(m);
    }
    for (const auto& f : files_)
        write_config(sync_.fs_, sync_.home_.root + "/" + f.path, f.text);

    std::vector<std::string> index_lines;
    std::vector<std::string> to_hash;
    for (const auto& m : months_) {
        const std::string local_path = sync_.home_.root + "/" + m.path;
        auto local = read_file(sync_.fs_, local_path);
        // The same records as the remote's file, perhaps in another order:
        // the commit holds the remote's bytes, so the two machines agree.
        if (local && same_records(split_month(*local, local_path),
                                  split_month(m.theirs_text, remote_name_of(m.path))))
            index_lines.push_back(fmt::format("100644 {}\t{}", m.theirs_oid, m.path));
        else if (local)
            to_hash.push_back(m.path);
    }
    if (!to_hash.empty()) {
        std::string input;
        for (const auto& p : to_hash)
            input += p + "\n";
        GitResult r = sync_.must({"hash-object", "-w", "--stdin-paths"}, input);
        std::size_t at = 0;
        for (const auto& p : to_hash) {
            std::size_t nl = r.out.find('\n', at);
            index_lines.push_back(fmt::format("100644 {}\t{}", r.out.substr(at, nl - at), p));
            at = nl + 1;
        }
    }
    for (const auto& f : files_)
        if (!f.theirs.oid.empty())
            index_lines.push_back(fmt::format("{} {}\t{}", f.theirs.mode, f.theirs.oid, f.path));
    commit(index_lines);
    return added;
}

} // namespace compassion
