#pragma once

#include "store/sync.hpp"

#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace compassion {

// One merge of the remote's history into this home's, under the journal's
// lock: the records this home lacks are appended to its month files through
// the journal (tombstones among them, so forgotten records are taken out
// wherever they arrive), other files are merged three ways (config.toml: this
// machine's wins a real conflict, the other side is kept beside it), and a
// commit with both parents records it. Everything is read and checked before
// the first byte is written: a remote month that does not parse stops the
// merge with the home as it was.
class SyncMerge {
public:
    SyncMerge(Sync& sync, std::optional<std::string> head, std::string theirs);
    // Returns how many records were added here.
    std::size_t run(SyncReport& report);

private:
    struct TreeEntry {
        std::string mode;
        std::string oid;
    };
    using Tree = std::map<std::string, TreeEntry>;
    struct MonthPlan {
        std::string path;
        YearMonth month;
        std::string theirs_oid;
        std::string theirs_text;
        std::vector<std::string> blocks;           // what this home lacks, in the remote's order
        std::unordered_set<std::string> forgotten; // what the tombstones among them take back
    };
    struct FilePlan {
        std::string path;
        TreeEntry theirs;
        std::string text;
    };

    Tree tree_of(const std::optional<std::string>& commit);
    std::map<std::string, std::string> blobs(const std::vector<std::string>& oids);
    void plan(const Tree& ours, const Tree& base, const Tree& theirs, SyncReport& report);
    void plan_config(const TreeEntry& theirs, SyncReport& report);
    // Takes what the tombstones `m` brought forget out of the month's
    // conflict copies too (under the journal's lock, by rewrite_month).
    void forget_in_copies(const MonthPlan& m);
    std::string commit(const std::vector<std::string>& index_lines);

    Sync& sync_;
    std::optional<std::string> head_;
    std::string theirs_;
    std::vector<MonthPlan> months_;
    std::vector<FilePlan> files_; // taken from the remote as they are
    std::optional<std::string> other_config_;
};

} // namespace compassion
