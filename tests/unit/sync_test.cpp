#include "core/errors.hpp"
#include "core/kinds/checkin.hpp"
#include "core/month_merge.hpp"
#include "core/record.hpp"
#include "fakes.hpp"
#include "helpers.hpp"
#include "journal_fixture.hpp"
#include "store/doctor.hpp"
#include "store/git.hpp"
#include "store/sync.hpp"

#include <doctest/doctest.h>
#include <functional>
#include <sys/stat.h>

using namespace compassion;
using namespace std::chrono;

namespace {

using testing::evening;
using testing::friday;
using testing::moment_record;

const std::string header = "# compassion journal, 2026-11.\n\n";

std::string month_of(const std::vector<Record>& records) {
    std::string text = header;
    for (std::size_t i = 0; i < records.size(); ++i)
        text += (i ? "\n" : "") + to_toml(records[i]);
    return text;
}

// git as a test scripts it: each run is answered by `answer`, and recorded.
class FakeGit : public Git {
public:
    std::function<GitResult(const std::vector<std::string>&)> answer;
    std::vector<std::vector<std::string>> runs;
    std::optional<std::pair<std::string, std::string>> identity;

    GitResult run(const std::vector<std::string>& args, std::string_view) override {
        runs.push_back(args);
        return answer(args);
    }
    void set_identity(std::string name, std::string email) override {
        identity = {std::move(name), std::move(email)};
    }
    const std::vector<std::string>* find(std::string_view command) const {
        for (const auto& r : runs)
            if (!r.empty() && r.front() == command)
                return &r;
        return nullptr;
    }
};

} // namespace

TEST_CASE("a month splits into whole records that keep their ids") {
    Record a = moment_record("first"), b = moment_record("second");
    MonthText m = split_month(month_of({a, b}), "2026-11.toml");
    REQUIRE(m.blocks.size() == 2);
    CHECK(m.prelude == header);
    CHECK(m.blocks[0].id == a.id);
    CHECK(m.blocks[1].id == b.id);
    CHECK(m.blocks[0].text == to_toml(a));
    CHECK(m.blocks[1].line > m.blocks[0].line);
}

TEST_CASE("a month that is not TOML cannot be split and names its line") {
    try {
        split_month(header + "[[entry]]\nid = \"x\"\nkind = \n", "2026-11.toml");
        FAIL("expected a DataError");
    } catch (const DataError& e) {
        CHECK(e.pos().line == 5);
    }
}

TEST_CASE("the records the other side holds and this one lacks are found by id") {
    Record a = moment_record("both"), b = moment_record("only here"),
           c = moment_record("only there");
    MonthText ours = split_month(month_of({a, b}), "ours");
    MonthText theirs = split_month(month_of({a, c}), "theirs");
    auto lacking = lacking_blocks(ours, theirs);
    REQUIRE(lacking.size() == 1);
    CHECK(lacking[0].id == c.id);
    CHECK(lacking_blocks(theirs, theirs).empty());
}

TEST_CASE("a forgotten record never comes back from a device that still has it") {
    Record kept = moment_record("kept"), gone = moment_record("taken back");
    Record tombstone = make_record("forget", friday, evening);
    tombstone.set("ref", gone.id);
    MonthText ours = split_month(month_of({kept, tombstone}), "ours");
    MonthText theirs = split_month(month_of({kept, gone}), "theirs");
    CHECK(lacking_blocks(ours, theirs).empty());
    // And the other way round: the tombstone travels, the record does not.
    auto lacking = lacking_blocks(theirs, ours);
    REQUIRE(lacking.size() == 1);
    CHECK(lacking[0].kind == "forget");
}

TEST_CASE("two months with the same records in another order hold the same records") {
    Record a = moment_record("a"), b = moment_record("b");
    MonthText ab = split_month(month_of({a, b}), "ab");
    MonthText ba = split_month(month_of({b, a}), "ba");
    CHECK(same_records(ab, ba));
    CHECK_FALSE(same_records(ab, split_month(month_of({a}), "a")));
}

TEST_CASE("records added after a month read back as the journal writes them") {
    Record a = moment_record("a"), b = moment_record("b");
    MonthText only_b = split_month(month_of({b}), "b");
    CHECK(with_blocks(month_of({a}), only_b.blocks) == month_of({a, b}));
}

TEST_CASE("a month that holds an id twice says where the second one is") {
    Record a = moment_record("a");
    auto dups = duplicate_ids(split_month(month_of({a, a}), "dup"));
    REQUIRE(dups.size() == 1);
    CHECK(dups[0].first == a.id);
    CHECK(dups[0].second > 3);
}

TEST_CASE("conflict markers are taken out and both sides' records are kept") {
    Record a = moment_record("ours"), b = moment_record("theirs");
    std::string text = header + "<<<<<<< HEAD\n" + to_toml(a) + "||||||| base\n=======\n" +
                       to_toml(b) + ">>>>>>> origin/main\n";
    auto lines = conflict_marker_lines(text);
    CHECK(lines.size() == 4);
    CHECK(lines.front() == 3);
    std::string mended = without_conflict_markers(text);
    CHECK(conflict_marker_lines(mended).empty());
    MonthText m = split_month(mended, "mended");
    REQUIRE(m.blocks.size() == 2);
    CHECK(m.blocks[0].id == a.id);
    CHECK(m.blocks[1].id == b.id);
}

TEST_CASE("a line of equals signs outside a conflict is not a marker") {
    CHECK(conflict_marker_lines("# =======\n=======\n").empty());
}

TEST_CASE("copies that sync tools leave are told apart by name") {
    CHECK(conflict_copy_tool("2026-11.toml").empty());
    CHECK(conflict_copy_tool("notes.toml").empty());
    CHECK(conflict_copy_tool("2026-11.sync-conflict-20261127-213000-ABCDEFG.toml") == "Syncthing");
    CHECK(conflict_copy_tool("2026-11 (Sam's conflicted copy 2026-11-27).toml") == "Dropbox");
    CHECK(conflict_copy_tool("2026-11 (conflicted copy 2026-11-27 213000).toml") == "Nextcloud");
    CHECK(conflict_copy_tool("2026-11_conflict-20261127-213000.toml") == "Nextcloud");
    CHECK(conflict_copy_tool("2026-11 copy.toml") == "a sync tool");
}

TEST_CASE("remotes that would run a command or pass as an option are refused") {
    CHECK(refused_remote("-uhttps://evil").has_value());
    CHECK(refused_remote("--upload-pack=touch x").has_value());
    CHECK(refused_remote("ext::sh -c touch% /tmp/x").has_value());
    CHECK(refused_remote("EXT::sh").has_value());
    CHECK(refused_remote("").has_value());
    CHECK_FALSE(refused_remote("/media/usb/journal.git").has_value());
    CHECK_FALSE(refused_remote("me@example.org:journal.git").has_value());
    CHECK_FALSE(refused_remote("https://example.org/me/journal.git").has_value());
}

TEST_CASE("a path remote is told from a network one") {
    CHECK(local_remote_path("/media/usb/j.git") == std::optional<std::string>("/media/usb/j.git"));
    CHECK(local_remote_path("file:///srv/j.git") == std::optional<std::string>("/srv/j.git"));
    CHECK(local_remote_path("../j.git") == std::optional<std::string>("../j.git"));
    CHECK_FALSE(local_remote_path("host:j.git").has_value());
    CHECK_FALSE(local_remote_path("ssh://host/j.git").has_value());
}

TEST_CASE("an address that cannot be reached now is told from one that refuses us") {
    GitResult offline{128, "", "fatal: unable to access 'https://x/': Could not resolve host: x\n"};
    GitResult refused{128, "", "fatal: Authentication failed for 'https://x/'\n"};
    GitResult slow{-1, "", "", true};
    CHECK(remote_trouble(offline) == RemoteTrouble::unreachable);
    CHECK(remote_trouble(slow) == RemoteTrouble::unreachable);
    CHECK(remote_trouble(refused) == RemoteTrouble::refused);
    CHECK(refused.reason() == "Authentication failed for 'https://x/'");
}

TEST_CASE("a remote's password is never printed") {
    CHECK(printable_remote("https://me:secret@example.org/j.git") ==
          "https://me@example.org/j.git");
    CHECK(printable_remote("https://example.org/j.git") == "https://example.org/j.git");
    CHECK(printable_remote("me@host:j.git") == "me@host:j.git");
}

TEST_CASE("check-ins that do not know of each other came from two places") {
    auto none = [](std::size_t) {
        return false;
    };
    auto first_replaced = [](std::size_t k) {
        return k == 0;
    };
    CHECK(from_two_places(2, none));
    CHECK_FALSE(from_two_places(2, first_replaced));
    CHECK_FALSE(from_two_places(1, none));
    CHECK(two_places_line({}).empty());
    CHECK(two_places_line({friday}).find("2026-11-27") != std::string::npos);
}

TEST_CASE("the check-in book tells a day checked in on two machines") {
    CheckinBook book;
    Checkin a, b, c;
    a.id = "a";
    a.day = b.day = friday;
    b.id = "b";
    book.add(a);
    book.add(b);
    CHECK(book.from_two_places(friday));
    c.id = "c";
    c.day = friday;
    c.replaces = "b";
    CheckinBook edited;
    edited.add(b);
    edited.add(c);
    CHECK_FALSE(edited.from_two_places(friday));
}

TEST_CASE("sync on a home not kept in git says how to set it up") {
    testing::TempDir tmp;
    RealFileSystem fs;
    FakeClock clock{evening};
    Home home{tmp.path()};
    Journal journal{fs, home, clock, milliseconds{200}};
    FakeGit git;
    git.answer = [](const std::vector<std::string>&) {
        return GitResult{};
    };
    Sync sync(git, journal, fs, clock, home, milliseconds{200});
    CHECK_THROWS_AS(sync.run(), UnavailableError);
    CHECK(git.runs.empty());
}

TEST_CASE("an offline sync commits here and says it will send next time") {
    testing::TempDir tmp;
    RealFileSystem fs;
    FakeClock clock{evening};
    Home home{tmp.path()};
    ::mkdir((tmp.path() + "/.git").c_str(), 0700);
    testing::spit(tmp.path() + "/.git/HEAD", "ref: refs/heads/main\n");
    Journal journal{fs, home, clock, milliseconds{200}};
    FakeGit git;
    git.answer = [](const std::vector<std::string>& a) -> GitResult {
        const std::string& c = a.front();
        if (c == "rev-parse")
            return {0, "1111111111111111111111111111111111111111\n", ""};
        if (c == "status")
            return {0, std::string(" M config.toml\0", 15), ""};
        if (c == "write-tree")
            return {0, "2222222222222222222222222222222222222222\n", ""};
        if (c == "commit-tree")
            return {0, "3333333333333333333333333333333333333333\n", ""};
        if (c == "config")
            return a.size() > 2 && a[1] == "--get" ? GitResult{0, "ssh://host/j.git\n", ""}
                                                   : GitResult{1, "", ""};
        if (c == "fetch")
            return {128, "", "ssh: Could not resolve hostname host: Name or service not known\n"};
        return {};
    };
    Sync sync(git, journal, fs, clock, home, milliseconds{200});
    SyncReport report = sync.run();
    REQUIRE(report.offline.has_value());
    CHECK(report.committed == std::vector<std::string>{"config.toml"});
    CHECK_FALSE(report.sent);
    // Committed with a plain local identity, as none is set.
    CHECK(git.identity.has_value());
    const auto* fetch = git.find("fetch");
    REQUIRE(fetch);
    auto dashes = std::find(fetch->begin(), fetch->end(), "--");
    REQUIRE(dashes != fetch->end());
    CHECK(*(dashes + 1) == "origin");
    CHECK_FALSE(sync.last_sync().has_value());
}

TEST_CASE("doctor finds a conflict copy markers and a missing attributes file") {
    testing::TempDir tmp;
    RealFileSystem fs;
    Home home{tmp.path() + "/home"};
    ::mkdir(home.root.c_str(), 0700);
    ::mkdir(home.journal_dir().c_str(), 0700);
    Record a = moment_record("a"), b = moment_record("b");
    testing::spit(home.journal_dir() + "/2026-11.toml", month_of({a}));
    testing::spit(home.journal_dir() + "/2026-11.sync-conflict-20261127-213000-ABC.toml",
                  month_of({a, b}));
    testing::spit(home.journal_dir() + "/2026-10.toml", header + "<<<<<<< HEAD\n" + to_toml(a) +
                                                            "=======\n" + to_toml(b) +
                                                            ">>>>>>> x\n");
    ::chmod((home.journal_dir() + "/2026-11.toml").c_str(), 0644);
    Checkup c = check_home(fs, home);
    auto has = [&](Remedy r) {
        return std::any_of(c.findings.begin(), c.findings.end(),
                           [&](const Finding& f) { return f.remedy == r; });
    };
    CHECK(has(Remedy::fold_copy));
    CHECK(std::any_of(c.findings.begin(), c.findings.end(), [](const Finding& f) {
        return f.what.find("merge-conflict markers") != std::string::npos && f.line == 3;
    }));
    CHECK(has(Remedy::attributes));
    CHECK(has(Remedy::private_mode));
    CHECK_FALSE(c.data_error);
}

TEST_CASE("doctor fix folds a copy into its month and never loses a record") {
    testing::TempDir tmp;
    RealFileSystem fs;
    FakeClock clock{evening};
    Home home{tmp.path() + "/home"};
    Journal journal{fs, home, clock, milliseconds{200}};
    Record a = moment_record("a"), b = moment_record("b");
    journal.append(a);
    const std::string copy = home.journal_dir() + "/2026-11.sync-conflict-20261127-213000-ABC.toml";
    testing::spit(copy, month_of({a, b}));
    Checkup c = check_home(fs, home);
    auto done = mend_home(fs, clock, home, journal, c);
    CHECK(done.size() == 1);
    MonthText month = split_month(testing::slurp(journal.month_path(year_month_of(friday))), "m");
    REQUIRE(month.blocks.size() == 2);
    CHECK(month.blocks[1].id == b.id);
    CHECK(testing::slurp(copy).empty());
    CHECK(check_home(fs, home).findings.empty());
}

TEST_CASE("doctor finds nothing in a home compassion wrote") {
    testing::TempDir tmp;
    RealFileSystem fs;
    FakeClock clock{evening};
    Home home{tmp.path() + "/home"};
    Journal journal{fs, home, clock, milliseconds{200}};
    journal.append(moment_record("a"));
    Checkup c = check_home(fs, home);
    CHECK(c.findings.empty());
    CHECK(c.months == 1);
}
