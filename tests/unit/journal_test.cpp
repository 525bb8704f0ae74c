#include "app_fixture.hpp"
#include "core/kinds/checkin.hpp"
#include "faulty_fs.hpp"
#include "journal_fixture.hpp"
#include "store/journal.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace compassion;
using namespace std::chrono;

namespace {

using testing::evening;
using testing::friday;
using testing::moment_record;
using testing::slurp;
using testing::spit;

struct Fixture : testing::JournalHome {
    std::vector<std::string> journal_files() { return names(home.journal_dir()); }
};

} // namespace

TEST_CASE_FIXTURE(Fixture, "records are appended after the existing bytes, kept exactly") {
    journal.append(moment_record("first"));
    std::string path = journal.month_path(YearMonth{2026, 11});
    // A hand edit: a comment and odd spacing, no final newline.
    std::string edited = slurp(path) + "# my own comment   \nextra_key_i_added = 1";
    // Keys after the last [[entry]] belong to it: that is valid TOML and must stay.
    spit(path, edited);
    journal.append(moment_record("second"));
    std::string after = slurp(path);
    CHECK(after.rfind(edited, 0) == 0);
    CHECK(texts() == std::vector<std::string>{"first", "second"});
}

TEST_CASE_FIXTURE(Fixture, "files are private and the record lands in its day's month") {
    journal.append(moment_record("october", Date{year{2026}, month{10}, day{31}}));
    struct stat st {};
    REQUIRE(::stat(journal.month_path(YearMonth{2026, 10}).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(journal_files() == std::vector<std::string>{".gitattributes", ".lock", "2026-10.toml"});
}

TEST_CASE_FIXTURE(Fixture, "a month that does not parse is reported and left byte-identical") {
    prepare_home(real, home);
    std::string path = journal.month_path(YearMonth{2026, 11});
    std::string broken = "[[entry]]\nkind = \"checkin\nday = 2026-11-01\n";
    spit(path, broken);
    try {
        journal.append(moment_record("lost?"));
        FAIL("append should have thrown");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()).rfind(path + ":2:", 0) == 0);
        CHECK(e.code() == Exit::data);
    }
    CHECK(slurp(path) == broken);
}

TEST_CASE_FIXTURE(Fixture, "reading skips a broken month and carries on with the rest") {
    journal.append(moment_record("october", Date{year{2026}, month{10}, day{3}}));
    journal.append(moment_record("november"));
    spit(journal.month_path(YearMonth{2026, 12}), "not toml at all = = =");
    std::vector<std::string> seen;
    std::vector<DataError> problems;
    journal.read_all([&](const Entry& e) { seen.push_back(*e.text("text")); }, problems);
    CHECK(seen == std::vector<std::string>{"october", "november"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos().line == 1);
}

TEST_CASE_FIXTURE(Fixture, "a sync conflict copy is read and duplicate ids are dropped") {
    Record shared = moment_record("on both devices");
    journal.append(shared);
    std::string path = journal.month_path(YearMonth{2026, 11});
    std::string laptop = slurp(path) + "\n" + to_toml(moment_record("only on the laptop"));
    spit(home.journal_dir() + "/2026-11.sync-conflict-20261127-101010-ABCDEFG.toml", laptop);
    journal.append(moment_record("only on the desktop"));
    auto all = texts();
    CHECK(all ==
          std::vector<std::string>{"on both devices", "only on the desktop", "only on the laptop"});
}

TEST_CASE_FIXTURE(Fixture, "a held lock makes a writer give up as busy without writing") {
    prepare_home(real, home);
    int fd = ::open(home.lock_path().c_str(), O_RDWR | O_CREAT, 0600);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    CHECK_THROWS_AS(journal.append(moment_record("waits")), BusyError);
    CHECK(clock.now() - evening >= milliseconds{200}); // waited on the clock seam, not for real
    ::close(fd);
    CHECK(texts().empty());
    journal.append(moment_record("after"));
    CHECK(texts() == std::vector<std::string>{"after"});
}

TEST_CASE_FIXTURE(Fixture, "a writer that holds the lock removes temp files of a crashed run") {
    prepare_home(real, home);
    spit(home.journal_dir() + "/.2026-11.toml.tmp.999.abc", "half a rec");
    journal.append(moment_record("x"));
    CHECK(journal_files() == std::vector<std::string>{".gitattributes", ".lock", "2026-11.toml"});
}

TEST_CASE_FIXTURE(Fixture, "under a hold, reads and the append share one lock and one read") {
    journal.append(moment_record("before"));
    const std::string month = journal.month_path(YearMonth{2026, 11});
    spit(home.journal_dir() + "/.2026-11.toml.tmp.999.abc", "half a rec");
    testing::FaultyFileSystem fs;
    Journal held_journal(fs, home, clock, milliseconds{200});
    {
        Journal::Hold hold(held_journal, milliseconds{0});
        // The stale temp file is gone as soon as the lock is taken.
        CHECK(journal_files() ==
              std::vector<std::string>{".gitattributes", ".lock", "2026-11.toml"});
        // Another writer now waits, and gives up as busy.
        CHECK_THROWS_AS(journal.append(moment_record("elsewhere")), BusyError);
        std::vector<std::string> seen;
        std::vector<DataError> problems;
        held_journal.read_days(
            friday, friday, [&](const Entry& e) { seen.push_back(*e.text("text")); }, problems);
        CHECK(seen == std::vector<std::string>{"before"});
        held_journal.append(moment_record("during"));
        // The month was opened once, to read it; the lock file once, by the hold.
        CHECK(std::count(fs.opened.begin(), fs.opened.end(), month) == 1);
        CHECK(std::count(fs.opened.begin(), fs.opened.end(), home.lock_path()) == 1);
    }
    journal.append(moment_record("after")); // the hold is over: the lock is free again
    CHECK(texts() == std::vector<std::string>{"before", "during", "after"});
}

TEST_CASE_FIXTURE(Fixture,
                  "a hold on a busy journal fails at once, and a broken month stays as it is") {
    prepare_home(real, home);
    int fd = ::open(home.lock_path().c_str(), O_RDWR | O_CREAT, 0600);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    CHECK_THROWS_AS(Journal::Hold(journal, milliseconds{0}), BusyError);
    CHECK(clock.now() == evening); // no waiting
    ::close(fd);

    const std::string month = journal.month_path(YearMonth{2026, 11});
    spit(month, "[[entry]]\nkind = \"moment\"\nday = 2026-11-27\ntext = 'hand'\nbroken = \n");
    Journal::Hold hold(journal, milliseconds{0});
    std::vector<DataError> problems;
    journal.read_days(
        friday, friday, [](const Entry&) {}, problems);
    CHECK(problems.size() == 1);
    CHECK_THROWS_AS(journal.append(moment_record("not here")), DataError);
    CHECK(slurp(month) ==
          "[[entry]]\nkind = \"moment\"\nday = 2026-11-27\ntext = 'hand'\nbroken = \n");
}

TEST_CASE_FIXTURE(Fixture, "under a hold, a month in another TOML style keeps every byte") {
    prepare_home(real, home);
    const std::string month = journal.month_path(YearMonth{2026, 11});
    const std::string hand = "[[ entry ]]\r\nkind = 'moment'\r\nday = 2026-11-27\r\ntext = 'hand'";
    spit(month, hand);
    Journal::Hold hold(journal, milliseconds{0});
    std::vector<DataError> problems;
    journal.read_days(
        friday, friday, [](const Entry&) {}, problems);
    CHECK(problems.empty());
    journal.append(moment_record("typed"));
    CHECK(slurp(month).rfind(hand + "\n\n[[entry]]", 0) == 0);
    CHECK(texts() == std::vector<std::string>{"hand", "typed"});
}

TEST_CASE("the write path calls fsync on the file, then rename, then fsync on the directory") {
    testing::TempDir tmp;
    testing::FaultyFileSystem fs;
    FakeClock clock(evening);
    RealFileSystem real;
    Journal(real, Home{tmp.path()}, clock, milliseconds{100}).append(moment_record("first"));
    Journal journal(fs, Home{tmp.path()}, clock, milliseconds{100});
    journal.append(moment_record("order"));
    auto& log = fs.log;
    auto at = [&](const char* name, std::size_t from = 0) {
        return std::find(log.begin() + static_cast<long>(from), log.end(), name) - log.begin();
    };
    auto first_fsync = static_cast<std::size_t>(at("fsync"));
    auto rename = static_cast<std::size_t>(at("rename"));
    auto second_fsync = static_cast<std::size_t>(at("fsync", first_fsync + 1));
    CHECK(first_fsync < rename);
    CHECK(rename < second_fsync);
    CHECK(second_fsync < log.size());
    // And on the right things: the temp file, renamed over the month, then its directory.
    REQUIRE(fs.renamed.size() == 1);
    const std::string month = journal.month_path(YearMonth{2026, 11});
    CHECK(fs.renamed[0].second == month);
    CHECK(fs.synced == std::vector<std::string>{fs.renamed[0].first, tmp.path() + "/journal"});
}

TEST_CASE("a failure at any step leaves the old month or the new one, and no temp file") {
    for (int error : {EIO, ENOSPC, EDQUOT, EINTR, 0}) {
        for (bool sticky : {false, true}) {
            for (int n = 1;; ++n) {
                testing::TempDir tmp;
                RealFileSystem real;
                FakeClock clock(evening);
                Home home{tmp.path()};
                Journal setup(real, home, clock, milliseconds{100});
                setup.append(moment_record("before"));
                std::string path = setup.month_path(YearMonth{2026, 11});
                std::string old = slurp(path);

                testing::FaultyFileSystem fs;
                fs.fail_at = n;
                fs.error = error;
                fs.sticky = sticky;
                Journal journal(fs, home, clock, milliseconds{100});
                bool threw = false;
                try {
                    journal.append(moment_record("new"));
                } catch (const Error& e) {
                    threw = true;
                    CHECK((e.code() == Exit::io || e.code() == Exit::cant_create ||
                           e.code() == Exit::busy));
                }
                CAPTURE(n);
                CAPTURE(error);
                CAPTURE(sticky);
                std::string now = slurp(path);
                bool unchanged = now == old;
                bool appended =
                    now.rfind(old, 0) == 0 && now.find("text = \"new\"") != std::string::npos;
                CHECK((unchanged || appended));
                if (!threw)
                    CHECK(appended);
                // With every later call failing even the clean-up fails; the next
                // writer to take the lock removes what was left.
                if (sticky && threw)
                    setup.append(moment_record("later"));
                for (auto& f : std::filesystem::directory_iterator(home.journal_dir()))
                    CHECK(f.path().filename().string().find(".tmp.") == std::string::npos);
                if (fs.calls < n) // the fault was never reached: the write completed
                    break;
                REQUIRE(n < 200);
            }
        }
    }
}

TEST_CASE("a failed fsync is never retried") {
    testing::TempDir tmp;
    FakeClock clock(evening);
    Home home{tmp.path()};
    RealFileSystem real;
    Journal(real, home, clock, milliseconds{100}).append(moment_record("first"));
    testing::FaultyFileSystem probe;
    Journal(probe, home, clock, milliseconds{100}).append(moment_record("probe"));
    std::vector<int> fsyncs;
    for (std::size_t i = 0; i < probe.log.size(); ++i)
        if (probe.log[i] == "fsync")
            fsyncs.push_back(static_cast<int>(i) + 1);
    REQUIRE(fsyncs.size() == 2); // the temp file, then the directory
    for (int at : fsyncs) {
        CAPTURE(at);
        testing::FaultyFileSystem fs;
        fs.fail_at = at;
        Journal journal(fs, home, clock, milliseconds{100});
        CHECK_THROWS_AS(journal.append(moment_record("unlucky")), IoError);
        auto later = std::find(fs.log.begin() + at, fs.log.end(), "fsync");
        CHECK(later == fs.log.end());
    }
}

TEST_CASE("an endless run of interrupted calls ends in an error and not a hang") {
    // EINTR is retried (nothing was written); an error that persists is not
    // retried forever: a signal storm ends in an error, not a hang.
    testing::TempDir tmp;
    FakeClock clock(evening);
    testing::FaultyFileSystem fs;
    fs.fail_at = 1;
    fs.error = EINTR;
    fs.sticky = true;
    Journal journal(fs, Home{tmp.path()}, clock, milliseconds{100});
    CHECK_THROWS(journal.append(moment_record("storm")));
    CHECK(fs.calls < 1000);
}

namespace {

using RunResult = testing::Run;

// The app run in `home` on the file system `fs`, with no terminal.
RunResult run_with(FileSystem& fs, const std::string& home, std::vector<std::string> args) {
    testing::AppFixture app;
    app.home = home;
    app.vars["COMPASSION_LOCK_TIMEOUT"] = "0.1";
    FakeTerminal term({}, false);
    return app.run_with(term, app.clock, fs, std::move(args));
}

} // namespace

TEST_CASE("a failure at any step of a check-in exits 74 or 75 and gives the entry back") {
    testing::ZoneGuard zone("Europe/Berlin");
    const std::vector<std::string> args = {"log", "--showed-up", "4", "-m", "keep these words"};
    for (int error : {EIO, ENOSPC, EDQUOT, EINTR, 0}) {
        for (bool sticky : {false, true}) {
            for (int n = 1;; ++n) {
                testing::TempDir tmp;
                RealFileSystem real;
                REQUIRE(run_with(real, tmp.path(), {"log", "--showed-up", "2"}).status == 0);
                std::string path = tmp.path() + "/journal/2026-11.toml";
                std::string old = slurp(path);

                testing::FaultyFileSystem fs;
                fs.fail_at = n;
                fs.error = error;
                fs.sticky = sticky;
                RunResult r = run_with(fs, tmp.path(), args);
                CAPTURE(n);
                CAPTURE(error);
                CAPTURE(sticky);
                CAPTURE(r.err);
                std::string now = slurp(path);
                bool unchanged = now == old;
                bool appended = now.rfind(old, 0) == 0 &&
                                now.find("note = \"keep these words\"") != std::string::npos &&
                                now.find("[[entry]]", old.size() + 1) == now.rfind("[[entry]]");
                CHECK((unchanged || appended));
                CHECK(r.err.find("keep these words") == std::string::npos);
                // Where the fault struck: before the journal lock nothing was typed
                // that is not still on the command line; from there on the entry
                // exists and must be given back.
                long first_fault = n - 1; // a short write only strikes writes
                if (error == 0)
                    first_fault =
                        std::find(fs.log.begin() +
                                      std::min<long>(n - 1, static_cast<long>(fs.log.size())),
                                  fs.log.end(), "write") -
                        fs.log.begin();
                auto lock_open = std::find_if(fs.opened.begin(), fs.opened.end(), [](auto& p) {
                    return p.size() >= 6 && p.compare(p.size() - 6, 6, "/.lock") == 0;
                });
                bool entry_made = lock_open - fs.opened.begin() < first_fault;
                bool unconfirmed =
                    r.err.find("saved, but the disk did not confirm it (") != std::string::npos &&
                    r.err.find("); do not add it again\n") != std::string::npos;
                if (r.status == 0) {
                    CHECK(appended);
                } else if (unconfirmed) {
                    // Only opening and flushing the directory come after the rename.
                    CHECK(r.status == 74);
                    CHECK(appended);
                    CHECK(r.out.empty());
                    const std::string& call = fs.log[static_cast<std::size_t>(first_fault)];
                    CHECK((call == "fsync" || call == "open"));
                    CHECK(std::find(fs.log.begin(), fs.log.end(), "rename") - fs.log.begin() <
                          first_fault);
                } else {
                    CHECK((r.status == 74 || r.status == 75));
                    CHECK(!appended);
                    if (entry_made) {
                        CHECK(r.out.find("# compassion could not save this entry") == 0);
                        CHECK(r.out.find("note = \"keep these words\"") != std::string::npos);
                    } else if (!r.out.empty()) { // it struck inside the save, before the lock
                        CHECK(r.out.find("note = \"keep these words\"") != std::string::npos);
                    } else {
                        CHECK(unchanged);
                    }
                }
                if (sticky && r.status != 0)
                    REQUIRE(run_with(real, tmp.path(), {"log", "--showed-up", "3"}).status == 0);
                for (auto& f : std::filesystem::directory_iterator(tmp.path() + "/journal"))
                    CHECK(f.path().filename().string().find(".tmp.") == std::string::npos);
                for (const auto& gone : fs.unlinked) // the lock file is never unlinked
                    CHECK(gone.find("/.lock") == std::string::npos);
                if (fs.calls < n)
                    break;
                REQUIRE(n < 300);
            }
        }
    }
}

TEST_CASE("a rescued entry is kept in rescue and reads back as the same record") {
    testing::ZoneGuard zone("Europe/Berlin");
    testing::TempDir tmp;
    RealFileSystem real;
    REQUIRE(run_with(real, tmp.path(), {"log", "--showed-up", "2"}).status == 0);
    // The rename is the one step that has no side path: fail just that.
    testing::FaultyFileSystem probe;
    REQUIRE(run_with(probe, tmp.path(), {"log", "--showed-up", "3"}).status == 0);
    int rename_at = static_cast<int>(std::find(probe.log.begin(), probe.log.end(), "rename") -
                                     probe.log.begin()) +
                    1;
    testing::FaultyFileSystem fs;
    fs.fail_at = rename_at;
    fs.error = ENOSPC;
    RunResult r = run_with(fs, tmp.path(), {"log", "--showed-up", "5", "-m", "rescue me"});
    CHECK(r.status == 74);
    CHECK(r.err.find("No space left on device") != std::string::npos);
    std::vector<std::string> kept;
    for (auto& f : std::filesystem::directory_iterator(tmp.path() + "/rescue"))
        kept.push_back(f.path().string());
    REQUIRE(kept.size() == 1);
    std::string body = r.out.substr(r.out.find("[[entry]]"));
    CHECK(slurp(kept[0]) == body);
    toml::table doc = toml::parse(body);
    CHECK(doc["entry"][0]["note"].value_or(std::string{}) == "rescue me");
    struct stat st {};
    REQUIRE(::stat(kept[0].c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("a crash at any step leaves files that parse and every acknowledged record") {
    testing::ZoneGuard zone("Europe/Berlin");
    for (auto [fresh_home, part] :
         {std::pair{true, 1}, {true, 4}, {true, 7}, {false, 1}, {false, 7}}) {
        const bool fresh =
            fresh_home; // plain copies: structured bindings cannot be captured in C++20
        const int eighths = part;
        for (int n = 1;; ++n) {
            CAPTURE(fresh);
            CAPTURE(eighths);
            CAPTURE(n);
            testing::TempDir tmp;
            const std::string home = tmp.path() + "/home";
            RealFileSystem real;
            if (!fresh)
                REQUIRE(run_with(real, home, {"log", "-s", "2", "-m", "acknowledged"}).status == 0);
            testing::FaultyFileSystem fs;
            fs.crash_at = n;
            fs.crash_eighths = eighths;
            bool crashed = false;
            int status = -1;
            try {
                status = run_with(fs, home, {"log", "-s", "4", "-m", "in flight"}).status;
            } catch (const testing::SimulatedCrash&) {
                crashed = true;
            }
            if (!crashed) { // the run got past its last call
                CHECK(status == 0);
                break;
            }
            // The next run finds a home that works, whatever the crash left.
            RunResult r = run_with(real, home, {"log", "-s", "5", "-m", "the next run"});
            CHECK(r.status == 0);
            CAPTURE(r.err);
            std::string month = slurp(home + "/journal/2026-11.toml");
            CHECK_NOTHROW((void)toml::parse(month));
            CHECK(month.find("the next run") != std::string::npos);
            if (!fresh)
                CHECK(month.find("acknowledged") != std::string::npos);
            auto first = month.find("in flight");
            CHECK((first == std::string::npos ||
                   month.find("in flight", first + 1) == std::string::npos));
            CHECK_NOTHROW((void)toml::parse(slurp(home + "/config.toml")));
            for (auto& f : std::filesystem::directory_iterator(home + "/journal"))
                CHECK(f.path().filename().string().find(".tmp.") == std::string::npos);
            REQUIRE(n < 300);
        }
    }
}
