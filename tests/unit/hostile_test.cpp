#include "app_fixture.hpp"
#include "store/journal.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace compassion;
using namespace std::chrono;

namespace {

using testing::slurp;
using testing::spit;

mode_t mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// A home that does not exist yet, inside the temporary directory.
struct Fixture : testing::AppFixture {
    Fixture() {
        home = tmp.path() + "/home";
        vars["COMPASSION_LOCK_TIMEOUT"] = "0.1";
    }
    std::string month_path() const { return home + "/journal/2026-11.toml"; }
    std::size_t entries() {
        std::size_t n = 0;
        std::vector<DataError> problems;
        Journal(fs, Home{home}, clock, milliseconds{100})
            .read_all([&](const Entry&) { ++n; }, problems);
        return n;
    }
};

} // namespace

TEST_CASE_FIXTURE(Fixture, "a month file that is a symbolic link is refused and its target kept") {
    REQUIRE(run({"log", "-s", "3"}).status == 0);
    std::string elsewhere = tmp.path() + "/elsewhere.toml";
    REQUIRE(::rename(month_path().c_str(), elsewhere.c_str()) == 0);
    std::string target = slurp(elsewhere);
    REQUIRE(::symlink(elsewhere.c_str(), month_path().c_str()) == 0);
    auto r = run({"log", "-s", "4", "-m", "not through a link"});
    CHECK(r.status == 65);
    CHECK(r.err.find(month_path() + ": is a symbolic link") != std::string::npos);
    CHECK(r.out.find("note = \"not through a link\"") != std::string::npos);
    CHECK(slurp(elsewhere) == target);
    CHECK(std::filesystem::is_symlink(month_path()));
    // Reading reports it and goes on.
    std::vector<DataError> problems;
    Journal(fs, Home{home}, clock, milliseconds{100}).read_all([](const Entry&) {}, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code() == Exit::data);
}

TEST_CASE_FIXTURE(Fixture, "a month file that is a FIFO is refused without hanging") {
    set_up_home();
    REQUIRE(::mkfifo(month_path().c_str(), 0600) == 0);
    auto r = run({"log", "-s", "4"});
    CHECK(r.status == 65);
    CHECK(r.err.find("is not a regular file") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a month file others could read is made private with a warning") {
    REQUIRE(run({"log", "-s", "3"}).status == 0);
    REQUIRE(::chmod(month_path().c_str(), 0644) == 0);
    auto r = run({"-q", "log", "--check"});
    CHECK(r.status == 0);
    CHECK(r.err == "compassion: warning: " + month_path() +
                       " could be read by others (mode 0644); it is private (0600) now\n");
    CHECK(mode_of(month_path()) == 0600);
    CHECK(run({"log", "--check"}).err.empty()); // said once, then fixed
}

TEST_CASE_FIXTURE(Fixture, "a home others can write to or look into is made private") {
    REQUIRE(::mkdir(home.c_str(), 0700) == 0);
    REQUIRE(::chmod(home.c_str(), 0775) == 0);
    auto r = run({"log", "-s", "3"});
    CHECK(r.status == 0);
    CHECK(r.err == "compassion: warning: " + home +
                       " was open to others (mode 0775); it is private (0700) now\n");
    CHECK(mode_of(home) == 0700);
    REQUIRE(::chmod((home + "/journal").c_str(), 0755) == 0);
    r = run({"-q", "log", "-s", "3"}); // said even when quiet: it is about privacy
    CHECK(r.status == 0);
    CHECK(r.err.find(home + "/journal was open to others (mode 0755)") != std::string::npos);
    CHECK(mode_of(home + "/journal") == 0700);
    CHECK(run({"log", "--check"}).err.empty()); // said once, then fixed
}

TEST_CASE_FIXTURE(Fixture, "a home that belongs to someone else is refused") {
    if (::geteuid() == 0) {
        REQUIRE(::mkdir(home.c_str(), 0700) == 0);
        REQUIRE(::chown(home.c_str(), 65534, 65534) == 0);
        auto r = run({"log", "-s", "3"});
        CHECK(r.status == 73);
        CHECK(r.err.find("belongs to another user (uid 65534)") != std::string::npos);
        CHECK(!std::filesystem::exists(home + "/journal"));
    } else {
        // Not root: the root directory is someone else's.
        home = "/";
        auto r = run({"log", "-s", "3"});
        CHECK(r.status == 73);
        CHECK(r.err.find("belongs to another user (uid 0)") != std::string::npos);
    }
}

TEST_CASE_FIXTURE(Fixture, "a home that is a symbolic link to a private directory is followed") {
    std::string real_home = tmp.path() + "/synced";
    REQUIRE(::mkdir(real_home.c_str(), 0700) == 0);
    REQUIRE(::symlink(real_home.c_str(), home.c_str()) == 0);
    auto r = run({"log", "-s", "3"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(std::filesystem::exists(real_home + "/journal/2026-11.toml"));
    // The same checks apply to where it leads.
    REQUIRE(::chmod(real_home.c_str(), 0777) == 0);
    CHECK(run({"log", "-s", "3"}).err.find(" was open to others (mode 0777)") != std::string::npos);
    CHECK(mode_of(real_home) == 0700);
}

TEST_CASE_FIXTURE(Fixture, "a dangling home link is refused as not a directory") {
    REQUIRE(::symlink((tmp.path() + "/nowhere").c_str(), home.c_str()) == 0);
    auto r = run({"log", "-s", "3"});
    CHECK(r.status == 73);
    CHECK(r.err.find("exists and is not a directory") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a lock file that is a symbolic link is not followed") {
    set_up_home();
    std::string lock = home + "/journal/.lock";
    std::string decoy = tmp.path() + "/decoy";
    ::unlink(lock.c_str());
    REQUIRE(::symlink(decoy.c_str(), lock.c_str()) == 0);
    auto r = run({"log", "-s", "3", "-m", "words"});
    CHECK(r.status == 74);
    CHECK(r.out.find("note = \"words\"") != std::string::npos);
    CHECK(!std::filesystem::exists(decoy));
}

// A NUL cannot be in an argument; tests/e2e/test_hostile.py sends one on stdin.
TEST_CASE_FIXTURE(Fixture, "notes with hostile bytes are stored escaped and read back exactly") {
    std::string nasty = std::string("bom \xEF\xBB\xBF cr\r lf\n crlf\r\n esc \x1b[31mred\x1b[0m ") +
                        " bell \a del \x7f" + " \"quotes\" \\ back ''' \"\"\" [[entry]]";
    REQUIRE(run({"log", "-s", "3", "-m", nasty}).status == 0);
    std::string file = slurp(month_path());
    CHECK(file.find('\x1b') == std::string::npos); // never raw in the file
    CHECK(file.find('\a') == std::string::npos);
    CHECK(file.find('\r') == std::string::npos);
    std::optional<std::string> back;
    std::vector<DataError> problems;
    Journal(fs, Home{home}, clock, milliseconds{100})
        .read_all([&](const Entry& e) { back = e.text("note"); }, problems);
    CHECK(problems.empty());
    REQUIRE(back);
    CHECK(*back == nasty);
}

TEST_CASE_FIXTURE(Fixture, "invalid UTF-8 in a note is replaced with a warning and stored") {
    auto r = run({"log", "-s", "3", "-m", "caf\xE9 \xC3\x28 \xF0\x9F\x8C\xB1 \xED\xA0\x80 end"});
    CHECK(r.status == 0);
    CHECK(r.err.find("not UTF-8") != std::string::npos);
    CHECK(entries() == 1);
    std::string file = slurp(month_path());
    CHECK(file.find("\xF0\x9F\x8C\xB1") != std::string::npos); // the valid emoji stays
    CHECK(file.find('\xE9') == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a note of a megabyte is stored and one over the limit is refused") {
    std::string big(1000 * 1000, 'a');
    for (std::size_t i = 0; i < big.size(); i += 80)
        big[i] = '\n';
    REQUIRE(run({"log", "-s", "3", "-m", big}).status == 0);
    CHECK(entries() == 1);
    auto r = run({"log", "-s", "3", "-m", std::string((1 << 20) + 1, 'b')});
    CHECK(r.status == 64);
    CHECK(r.err == "compassion: --message: the text is longer than 1024 KiB; please keep it "
                   "shorter\n");
    CHECK(entries() == 1);
}

TEST_CASE_FIXTURE(Fixture, "hostile config files exit 78 naming the place and write nothing") {
    set_up_home();
    std::string config = home + "/config.toml";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"day_starts_at = \"four\"\n", "config.toml:1:17: day_starts_at should be a whole number"},
        {"day_starts_at = 4\nday_starts_at = 5\n", "config.toml:2:"},
        {"day_starts_at = 99999999999999999999999\n", "config.toml:1:"},
        {"day_starts_at = -1\n", "day_starts_at = -1 is out of range"},
        {"day_starts_at = 4.5\n", "should be a whole number"},
        {"items = [\"a\", 1]\n", "items should hold only quoted strings"},
        {"items = [\"" + std::string(100000, 'x') + "\", \"\"]\n", "items: an item needs a name"},
        {"color = true\n", "color should be a quoted string"},
        {"[items]\nx = 1\n", "items should be a list"},
        {"\xEF\xBB\xBF"
         "day_starts_at = 30\n",
         "day_starts_at = 30 is out of range"},
        {"items = [\"caf\xE9\"]\n", "config.toml:1:"},
        {std::string(5000, '[') + "\n", "config.toml:1:"},
        {"a = 1\n\xEF\xBB\xAF\n", "config.toml:2:1:"}, // U+FEEF: see tests/fuzz/CMakeLists.txt
        {"a = " + std::string(3000, '[') + std::string(3000, ']') + "\n", "config.toml:1:"},
    };
    for (const auto& [text, message] : cases) {
        std::string start = text.substr(0, 60);
        CAPTURE(start);
        spit(config, text);
        auto r = run({"log", "-s", "3"});
        CHECK(r.status == 78);
        CHECK(r.err.find(message) != std::string::npos);
        // One line for the error; the check-in typed is given back, not lost.
        CHECK(r.err.substr(0, r.err.find('\n') + 1) ==
              "compassion: a copy of the entry is kept in " + home + "/rescue/" +
                  r.out.substr(r.out.find("day = ") + 6, 10) + "-" +
                  r.out.substr(r.out.find("id = \"") + 6, 10) + ".toml\n");
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 2);
        CHECK(r.out.find("# compassion could not save this entry") == 0);
        std::filesystem::remove_all(home + "/rescue");
    }
    CHECK(!std::filesystem::exists(month_path()));
}

TEST_CASE_FIXTURE(Fixture, "a config with unknown keys and a BOM still works") {
    set_up_home();
    spit(home + "/config.toml",
         "\xEF\xBB\xBF# from a newer version\nfuture = { a = 1 }\nday_starts_at = 4\n");
    CHECK(run({"log", "-s", "3"}).status == 0);
}

TEST_CASE_FIXTURE(Fixture, "an error quoting a config value never replays its escapes") {
    set_up_home();
    spit(home + "/config.toml",
         "items = [\"\\u001b]0;title\\u0007x\", \"\\u001B]0;title\\u0007X\"]\n");
    auto r = run({"log", "-s", "3"});
    CHECK(r.status == 78);
    CHECK(r.err.find("is listed twice") != std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\a') == std::string::npos);
}
