#include "app_fixture.hpp"
#include "store/rescue.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <sys/stat.h>
#include <utime.h>

using namespace compassion;

namespace {

using testing::Run;

struct Fixture : testing::AppFixture {
    // A file in rescue/ last written `age` ago (by the system clock, which
    // stamps files).
    std::string put(const std::string& name, std::chrono::seconds age) {
        write("rescue/" + name, "[[entry]]\n");
        std::string path = home + "/rescue/" + name;
        std::time_t when = std::time(nullptr) - static_cast<std::time_t>(age.count());
        utimbuf times{when, when};
        REQUIRE(::utime(path.c_str(), &times) == 0);
        return path;
    }
    bool there(const std::string& name) {
        return std::filesystem::exists(home + "/rescue/" + name);
    }
};

constexpr std::chrono::hours two_hours{2};
constexpr std::chrono::seconds a_moment{5};

} // namespace

TEST_CASE("only the durable write's temp names count as rescue temps") {
    CHECK(is_rescue_temp_name(".2026-11-20-k3x9abcdef.toml.tmp.4121.0"));
    CHECK(is_rescue_temp_name(".edit-k3x9abcdef.toml.tmp.1.17"));
    CHECK_FALSE(is_rescue_temp_name("2026-11-20-k3x9abcdef.toml"));
    CHECK_FALSE(is_rescue_temp_name("edit-k3x9abcdef.toml"));
    CHECK_FALSE(is_rescue_temp_name("reframe-k3x9abcdef.txt"));
    CHECK_FALSE(is_rescue_temp_name("notes.tmp.12.3"));        // no leading dot
    CHECK_FALSE(is_rescue_temp_name(".notes.tmp.12"));         // no counter
    CHECK_FALSE(is_rescue_temp_name(".notes.tmp.12.x"));       // not a number
    CHECK_FALSE(is_rescue_temp_name(".tmp.12.3"));             // no name
    CHECK_FALSE(is_rescue_temp_name(".my.tmp.thoughts.toml")); // a person's own file
}

TEST_CASE_FIXTURE(Fixture, "the next writer removes stale rescue temps and never a rescue copy") {
    put(".2026-11-20-k3x9abcdef.toml.tmp.4121.0", two_hours);
    put(".2026-11-21-k3x9abcdef.toml.tmp.4122.0", a_moment); // a write going on now
    put("2026-11-20-k3x9abcdef.toml", two_hours);
    put("edit-k3x9abcdef.toml", two_hours);
    put("notes.tmp.12.3", two_hours);
    Run r = run({"log", "--did", "sleep", "--showed-up", "4"});
    CHECK(r.status == 0);
    CHECK_FALSE(there(".2026-11-20-k3x9abcdef.toml.tmp.4121.0"));
    CHECK(there(".2026-11-21-k3x9abcdef.toml.tmp.4122.0"));
    CHECK(there("2026-11-20-k3x9abcdef.toml"));
    CHECK(there("edit-k3x9abcdef.toml"));
    CHECK(there("notes.tmp.12.3"));
}

TEST_CASE_FIXTURE(Fixture, "a stale temp counts from the last time it was written") {
    const auto now = std::chrono::system_clock::now();
    put(".a.toml.tmp.1.0", stale_rescue_temp_age + std::chrono::minutes{1});
    put(".b.toml.tmp.1.1", stale_rescue_temp_age - std::chrono::minutes{1});
    CHECK(stale_rescue_temps(fs, home + "/rescue", now) ==
          std::vector<std::string>{home + "/rescue/.a.toml.tmp.1.0"});
    CHECK(remove_stale_rescue_temps(fs, home + "/rescue", now) == 1);
    CHECK(there(".b.toml.tmp.1.1"));
    CHECK(stale_rescue_temps(fs, home + "/missing", now).empty());
}

TEST_CASE_FIXTURE(Fixture, "a rescue folder that is a symbolic link is never tidied") {
    testing::TempDir elsewhere;
    std::filesystem::create_directories(home);
    std::filesystem::create_directory_symlink(elsewhere.path(), home + "/rescue");
    put(".a.toml.tmp.1.0", two_hours); // lands in `elsewhere`, through the link
    CHECK(run({"log", "--did", "sleep", "--showed-up", "4"}).status == 0);
    CHECK(std::filesystem::exists(elsewhere.path() + "/.a.toml.tmp.1.0"));
    CHECK_FALSE(ready_rescue_dir(fs, home + "/rescue"));
}

TEST_CASE_FIXTURE(Fixture, "doctor lists a stale rescue temp and fix removes only it") {
    REQUIRE(run({"log", "--did", "sleep", "--showed-up", "4"}).status == 0);
    put(".2026-11-20-k3x9abcdef.toml.tmp.4121.0", two_hours);
    put(".2026-11-21-k3x9abcdef.toml.tmp.4122.0", a_moment);
    put("2026-11-20-k3x9abcdef.toml", two_hours);
    Run d = run({"doctor"});
    CHECK(d.status == 1);
    CHECK(d.out.find(".2026-11-20-k3x9abcdef.toml.tmp.4121.0") != std::string::npos);
    CHECK(d.out.find("a temporary file left by a rescue copy that was stopped") !=
          std::string::npos);
    CHECK(d.out.find(".2026-11-21-k3x9abcdef.toml.tmp.4122.0") == std::string::npos);
    CHECK(d.out.find("rescue/2026-11-20-k3x9abcdef.toml") == std::string::npos);
    Run f = run({"doctor", "--fix"});
    CHECK(f.status == 0);
    CHECK_FALSE(there(".2026-11-20-k3x9abcdef.toml.tmp.4121.0"));
    CHECK(there(".2026-11-21-k3x9abcdef.toml.tmp.4122.0"));
    CHECK(there("2026-11-20-k3x9abcdef.toml"));
}
