#include "app_fixture.hpp"
#include "faulty_fs.hpp"
#include "journal_fixture.hpp"
#include "store/atomic_file.hpp"
#include "store/declined.hpp"
#include "store/journal.hpp"
#include "store/state.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
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
    testing::FaultyFileSystem faulty;
    std::vector<std::string> warnings;

    Fixture() {
        journal.on_warning([this](const std::string& w) { warnings.push_back(w); });
    }
    std::string month() const { return journal.month_path(YearMonth{2026, 11}); }
};

// Replaces `path` as a sync tool does: a new file renamed over it.
void replace_as_sync_tool(const std::string& path, const std::string& text) {
    spit(path + ".synced", text);
    REQUIRE(::rename((path + ".synced").c_str(), path.c_str()) == 0);
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "a durable write fsyncs the file and then its directory") {
    std::string path = tmp.path() + "/plain.txt";
    CHECK(write_durably(faulty, DurableWrite{path, "words\n", 0600, std::nullopt}).written ==
          Written::durable);
    CHECK(slurp(path) == "words\n");
    REQUIRE(faulty.renamed.size() == 1);
    CHECK(faulty.synced == std::vector<std::string>{faulty.renamed[0].first, tmp.path()});
    CHECK(names(tmp.path()) == std::vector<std::string>{"plain.txt"});
}

TEST_CASE_FIXTURE(Fixture, "an interrupted rename is tried again") {
    std::string path = tmp.path() + "/plain.txt";
    testing::FaultyFileSystem probe;
    write_durably(probe, DurableWrite{path, "first\n", 0600, std::nullopt});
    int rename_at = static_cast<int>(std::find(probe.log.begin(), probe.log.end(), "rename") -
                                     probe.log.begin()) +
                    1;
    faulty.fail_at = rename_at;
    faulty.error = EINTR;
    CHECK(write_durably(faulty, DurableWrite{path, "second\n", 0600, std::nullopt}).written ==
          Written::durable);
    CHECK(slurp(path) == "second\n");
    CHECK(faulty.renamed.size() == 2);
}

TEST_CASE_FIXTURE(Fixture, "a file that changed before the rename is left alone and reported") {
    std::string path = tmp.path() + "/plain.txt";
    spit(path, "as read\n");
    auto seen = identity_at(real, path);
    replace_as_sync_tool(path, "as synced\n");
    auto outcome = write_durably(real, DurableWrite{path, "mine\n", 0600, seen});
    CHECK(outcome.written == Written::target_changed);
    CHECK(slurp(path) == "as synced\n");
    CHECK(names(tmp.path()) == std::vector<std::string>{"plain.txt"});
}

TEST_CASE_FIXTURE(Fixture, "a month a sync tool replaces between the read and the rename keeps "
                           "both records") {
    journal.append(moment_record("first"));
    const std::string path = month();
    std::string synced = slurp(path) + "\n" + to_toml(moment_record("from the other machine"));
    bool replaced = false;
    faulty.on_lstat = [&](const std::string& p) {
        if (p == path && !replaced) {
            replaced = true;
            replace_as_sync_tool(path, synced);
        }
    };
    Journal writer(faulty, home, clock, milliseconds{200});
    writer.append(moment_record("second"));
    CHECK(replaced);
    CHECK(texts() == std::vector<std::string>{"first", "from the other machine", "second"});
}

TEST_CASE_FIXTURE(Fixture, "a directory that cannot be flushed after the rename is reported as "
                           "saved but unconfirmed") {
    journal.append(moment_record("first"));
    testing::FaultyFileSystem probe;
    Journal(probe, home, clock, milliseconds{200}).append(moment_record("probe"));
    auto last_fsync = std::find(probe.log.rbegin(), probe.log.rend(), "fsync");
    faulty.fail_at = static_cast<int>(probe.log.rend() - last_fsync);
    Journal writer(faulty, home, clock, milliseconds{200});
    CHECK_THROWS_WITH_AS(writer.append(moment_record("second")),
                         doctest::Contains("saved, but the disk did not confirm it"),
                         UnconfirmedError);
    CHECK(texts() == std::vector<std::string>{"first", "probe", "second"});
}

TEST_CASE_FIXTURE(Fixture, "log pays for one durable write: the month's, flushed then its "
                           "directory") {
    testing::AppFixture app;
    REQUIRE(app.run({"log", "-s", "3"}).status == 0);
    testing::FaultyFileSystem probe;
    MapEnvironment env(app.vars);
    FakeTerminal t({}, false);
    REQUIRE(compassion::run({"--home", app.tmp.path(), "log", "-s", "4", "-m", "again"},
                            System{probe, app.clock, t, env}) == 0);
    // The month's temp file, then the journal directory; undo's pointer in
    // state/ is renamed into place unflushed (a crash may lose it, never a record).
    CHECK(probe.synced ==
          std::vector<std::string>{probe.renamed.front().first, app.tmp.path() + "/journal"});
    REQUIRE(probe.renamed.size() == 2);
    CHECK(probe.renamed.back().second == app.tmp.path() + "/state/last-written");
    CHECK(app.read("state/last-written").find("id = ") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "log with an unconfirmed directory exits 74 and gives nothing back") {
    testing::AppFixture app;
    REQUIRE(app.run({"log", "-s", "3"}).status == 0);
    testing::FaultyFileSystem probe;
    MapEnvironment env(app.vars);
    auto run_with = [&](FileSystem& fs) {
        FakeTerminal t({}, false);
        int status = compassion::run({"--home", app.tmp.path(), "log", "-s", "4", "-m", "once"},
                                     System{fs, app.clock, t, env});
        return testing::Run{status, t.stdout_text, t.stderr_text};
    };
    REQUIRE(run_with(probe).status == 0);
    // The directory's fsync after the month's rename.
    auto renamed = std::find(probe.log.begin(), probe.log.end(), "rename");
    faulty.fail_at =
        static_cast<int>(std::find(renamed, probe.log.end(), "fsync") - probe.log.begin()) + 1;
    testing::Run r = run_with(faulty);
    CHECK(r.status == 74);
    CHECK(r.out.empty());
    CHECK(r.err.find("saved, but the disk did not confirm it") != std::string::npos);
    CHECK(r.err.find("do not add it again") != std::string::npos);
    CHECK(!std::filesystem::exists(app.tmp.path() + "/rescue"));
    std::string text = app.read("journal/2026-11.toml");
    auto first = text.find("note = \"once\"");
    CHECK(first != std::string::npos);
    CHECK(text.find("note = \"once\"", first + 1) != std::string::npos); // probe + this run
    CHECK(text.find("note = \"once\"", text.find("note = \"once\"", first + 1) + 1) ==
          std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a writer repairs an empty git attributes file and keeps one of yours") {
    prepare_home(real, home);
    const std::string attributes = home.journal_dir() + "/.gitattributes";
    spit(attributes, "");
    journal.append(moment_record("first"));
    CHECK(slurp(attributes).find("*.toml merge=union\n") != std::string::npos);
    spit(attributes, "*.toml merge=union\n# mine\n");
    journal.append(moment_record("second"));
    CHECK(slurp(attributes) == "*.toml merge=union\n# mine\n");
}

TEST_CASE_FIXTURE(Fixture, "a month that starts with a byte-order mark loses only the mark, once") {
    journal.append(moment_record("first"));
    const std::string path = month();
    const std::string body = slurp(path);
    spit(path, "\xEF\xBB\xBF" + body);
    CHECK(texts() == std::vector<std::string>{"first"});
    journal.append(moment_record("second"));
    std::string after = slurp(path);
    CHECK(after.rfind(body, 0) == 0);
    CHECK(texts() == std::vector<std::string>{"first", "second"});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("byte-order mark") != std::string::npos);
    journal.append(moment_record("third"));
    CHECK(warnings.size() == 1);
}

TEST_CASE_FIXTURE(Fixture, "rewrite_month replaces the bytes only when they are still as read") {
    journal.append(moment_record("first"));
    journal.append(moment_record("second"));
    const std::string path = month();
    const std::string read = slurp(path);
    std::string without_first = read;
    auto first = without_first.find("[[entry]]");
    auto second = without_first.find("[[entry]]", first + 1);
    without_first.erase(first, second - first);
    CHECK_FALSE(journal.rewrite_month(YearMonth{2026, 11}, "not what is there", without_first));
    CHECK(slurp(path) == read);
    CHECK(journal.rewrite_month(YearMonth{2026, 11}, read, without_first));
    CHECK(texts() == std::vector<std::string>{"second"});
    CHECK_THROWS_AS(journal.rewrite_month(YearMonth{2026, 11}, without_first, "[[entry]\n"),
                    IoError);
    CHECK(texts() == std::vector<std::string>{"second"});
}

TEST_CASE_FIXTURE(Fixture, "a rescue folder that is a symbolic link is never followed") {
    prepare_home(real, home);
    const std::string outside = tmp.path() + "/outside";
    std::filesystem::create_directory(outside);
    std::filesystem::create_directory_symlink(outside, home.rescue_dir());
    CHECK(journal.rescue(moment_record("private")).empty());
    CHECK(names(outside).empty());
    std::filesystem::remove(home.rescue_dir());
    std::string kept = journal.rescue(moment_record("private"));
    CHECK(kept.rfind(home.rescue_dir() + "/", 0) == 0);
    CHECK(slurp(kept).find("private") != std::string::npos);
}

namespace {

mode_t mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "a declined offer is kept in state, renamed into place, until "
                           "tomorrow") {
    prepare_home(real, home);
    const std::string path = home.state_dir() + "/declined-catch-up";
    remember_declined(faulty, home, "catch-up", friday);
    CHECK(slurp(path) == "2026-11-27\n");
    CHECK(mode_of(path) == 0600);
    CHECK(mode_of(home.state_dir()) == 0700);
    // Written whole and renamed into place (state/.gitignore, then the offer),
    // but never flushed: it is a convenience, and `log` pays for one durable
    // write, the journal's.
    REQUIRE(faulty.renamed.size() == 2);
    CHECK(faulty.renamed[1].second == path);
    CHECK(faulty.synced.empty());
    CHECK(slurp(home.state_dir() + "/.gitignore").find("\n*\n") != std::string::npos);
    CHECK(names(home.state_dir()) == std::vector<std::string>{".gitignore", "declined-catch-up"});
    CHECK(declined_on(real, home, "catch-up", friday));
    CHECK_FALSE(declined_on(real, home, "catch-up", add_days(friday, 1)));
    CHECK_FALSE(declined_on(real, home, "something-else", friday));
}

TEST_CASE_FIXTURE(Fixture, "a decline that cannot be written leaves the one before in place") {
    prepare_home(real, home);
    const std::string path = home.state_dir() + "/declined-catch-up";
    remember_declined(real, home, "catch-up", add_days(friday, -1));
    spit(home.state_dir() + "/.gitignore", "# mine\n*\n");
    testing::FaultyFileSystem probe;
    remember_declined(probe, home, "catch-up", add_days(friday, -1));
    CHECK(std::find(probe.log.begin(), probe.log.end(), "fsync") == probe.log.end());
    for (const char* step : {"write", "rename"}) {
        CAPTURE(step);
        testing::FaultyFileSystem failing;
        failing.fail_at = static_cast<int>(std::find(probe.log.begin(), probe.log.end(), step) -
                                           probe.log.begin()) +
                          1;
        failing.error = EIO;
        CHECK_THROWS_AS(remember_declined(failing, home, "catch-up", friday), IoError);
        CHECK(slurp(path) == "2026-11-26\n");
        CHECK_FALSE(declined_on(real, home, "catch-up", friday));
        CHECK(names(home.state_dir()) ==
              std::vector<std::string>{".gitignore", "declined-catch-up"});
    }
    // A crash at the rename leaves the old day whole, and the person is asked
    // again at worst.
    testing::FaultyFileSystem crashing;
    crashing.crash_at = static_cast<int>(std::find(probe.log.begin(), probe.log.end(), "rename") -
                                         probe.log.begin()) +
                        1;
    CHECK_THROWS_AS(remember_declined(crashing, home, "catch-up", friday), testing::SimulatedCrash);
    CHECK(slurp(path) == "2026-11-26\n");
    CHECK(slurp(home.state_dir() + "/.gitignore") == "# mine\n*\n"); // yours is kept
    remember_declined(real, home, "catch-up", friday);
    CHECK(declined_on(real, home, "catch-up", friday));
}

TEST_CASE_FIXTURE(Fixture, "undo's last record and a declined offer share the one state writer") {
    prepare_home(real, home);
    save_last_written(faulty, home, LastWritten{"abcd123456", friday, friday});
    remember_declined(faulty, home, "catch-up", friday);
    // .gitignore once, then each file: every one renamed into state/ by the durable write.
    REQUIRE(faulty.renamed.size() == 3);
    for (const auto& [from, to] : faulty.renamed) {
        CHECK(std::filesystem::path(from).parent_path() == home.state_dir());
        CHECK(std::filesystem::path(from).filename().string().rfind(".", 0) == 0);
        CHECK(mode_of(to) == 0600);
    }
    CHECK(load_last_written(real, home)->id == "abcd123456");
}
