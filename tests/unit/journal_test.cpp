#include "core/checkin.hpp"
#include "faulty_fs.hpp"
#include "helpers.hpp"
#include "store/journal.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>

using namespace compassion;
using namespace std::chrono;

namespace {

const Date friday{year{2026}, month{11}, day{27}};
const TimePoint evening = system_clock::from_time_t(1795809600);

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void spit(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

Record note(const std::string& text, Date day = friday) {
    Record r = make_record("moment", day, evening);
    r.set("text", text);
    return r;
}

struct Fixture {
    testing::TempDir tmp;
    RealFileSystem real;
    FakeClock clock{evening};
    Home home{tmp.path() + "/home"};
    Journal journal{real, home, clock, milliseconds{200}};

    std::vector<std::string> texts() {
        std::vector<std::string> out;
        std::vector<DataError> problems;
        journal.read_all([&](const Entry& e) { out.push_back(e.text("text").value_or("")); },
                         problems);
        return out;
    }
    std::vector<std::string> journal_files() {
        std::vector<std::string> names;
        for (auto& f : std::filesystem::directory_iterator(home.journal_dir()))
            names.push_back(f.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

} // namespace

TEST_CASE_FIXTURE(Fixture, "records are appended after the existing bytes, kept exactly") {
    journal.append(note("first"));
    std::string path = journal.month_path(YearMonth{2026, 11});
    // A hand edit: a comment and odd spacing, no final newline.
    std::string edited = slurp(path) + "# my own comment   \nextra_key_i_added = 1";
    // Keys after the last [[entry]] belong to it: that is valid TOML and must stay.
    spit(path, edited);
    journal.append(note("second"));
    std::string after = slurp(path);
    CHECK(after.rfind(edited, 0) == 0);
    CHECK(texts() == std::vector<std::string>{"first", "second"});
}

TEST_CASE_FIXTURE(Fixture, "files are private and the record lands in its day's month") {
    journal.append(note("october", Date{year{2026}, month{10}, day{31}}));
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
        journal.append(note("lost?"));
        FAIL("append should have thrown");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()).rfind(path + ":2:", 0) == 0);
        CHECK(e.code() == Exit::data);
    }
    CHECK(slurp(path) == broken);
}

TEST_CASE_FIXTURE(Fixture, "reading skips a broken month and carries on with the rest") {
    journal.append(note("october", Date{year{2026}, month{10}, day{3}}));
    journal.append(note("november"));
    spit(journal.month_path(YearMonth{2026, 12}), "not toml at all = = =");
    std::vector<std::string> seen;
    std::vector<DataError> problems;
    journal.read_all([&](const Entry& e) { seen.push_back(*e.text("text")); }, problems);
    CHECK(seen == std::vector<std::string>{"october", "november"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pos().line == 1);
}

TEST_CASE_FIXTURE(Fixture, "a sync conflict copy is read and duplicate ids are dropped") {
    Record shared = note("on both devices");
    journal.append(shared);
    std::string path = journal.month_path(YearMonth{2026, 11});
    std::string laptop = slurp(path) + "\n" + to_toml(note("only on the laptop"));
    spit(home.journal_dir() + "/2026-11.sync-conflict-20261127-101010-ABCDEFG.toml", laptop);
    journal.append(note("only on the desktop"));
    auto all = texts();
    CHECK(all ==
          std::vector<std::string>{"on both devices", "only on the desktop", "only on the laptop"});
}

TEST_CASE_FIXTURE(Fixture, "a held lock makes a writer give up as busy without writing") {
    prepare_home(real, home);
    int fd = ::open(home.lock_path().c_str(), O_RDWR | O_CREAT, 0600);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    CHECK_THROWS_AS(journal.append(note("waits")), BusyError);
    CHECK(clock.now() - evening >= milliseconds{200}); // waited on the clock seam, not for real
    ::close(fd);
    CHECK(texts().empty());
    journal.append(note("after"));
    CHECK(texts() == std::vector<std::string>{"after"});
}

TEST_CASE_FIXTURE(Fixture, "a writer that holds the lock removes temp files of a crashed run") {
    prepare_home(real, home);
    spit(home.journal_dir() + "/.2026-11.toml.tmp.999.abc", "half a rec");
    journal.append(note("x"));
    CHECK(journal_files() == std::vector<std::string>{".gitattributes", ".lock", "2026-11.toml"});
}

TEST_CASE("the write path calls fsync on the file, then rename, then fsync on the directory") {
    testing::TempDir tmp;
    testing::FaultyFileSystem fs;
    FakeClock clock(evening);
    Journal journal(fs, Home{tmp.path()}, clock, milliseconds{100});
    journal.append(note("order"));
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
}

TEST_CASE("a failure at any step leaves the old month or the new one, and no temp file") {
    for (int error : {EIO, ENOSPC, EDQUOT, 0}) {
        for (bool sticky : {false, true}) {
            for (int n = 1;; ++n) {
                testing::TempDir tmp;
                RealFileSystem real;
                FakeClock clock(evening);
                Home home{tmp.path()};
                Journal setup(real, home, clock, milliseconds{100});
                setup.append(note("before"));
                std::string path = setup.month_path(YearMonth{2026, 11});
                std::string old = slurp(path);

                testing::FaultyFileSystem fs;
                fs.fail_at = n;
                fs.error = error;
                fs.sticky = sticky;
                Journal journal(fs, home, clock, milliseconds{100});
                bool threw = false;
                try {
                    journal.append(note("new"));
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
                    setup.append(note("later"));
                for (auto& f : std::filesystem::directory_iterator(home.journal_dir()))
                    CHECK(f.path().filename().string().find(".tmp.") == std::string::npos);
                if (fs.calls < n) // the fault was never reached: the write completed
                    break;
                REQUIRE(n < 200);
            }
        }
    }
}
