#include "app_fixture.hpp"
#include "core/nesting.hpp"
#include "faulty_fs.hpp"
#include "store/config.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <sys/stat.h>

using namespace compassion;

namespace {

using testing::Run;
using testing::slurp;
using testing::spit;

mode_t mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::string dotted_key(std::size_t depth) {
    std::string key = "a";
    for (std::size_t i = 1; i < depth; ++i)
        key += ".a";
    return key;
}

} // namespace

TEST_CASE("nesting is counted through dotted keys headers arrays and inline tables") {
    CHECK_FALSE(too_deep(std::string(config_template())));
    CHECK_FALSE(too_deep(dotted_key(64) + " = 1\n"));
    auto deep = too_deep("x = 1\n" + dotted_key(65) + " = 1\n");
    REQUIRE(deep);
    CHECK(deep->line == 2);
    CHECK(deep->column == 128);
    CHECK(too_deep("[" + dotted_key(40000) + "]\n"));
    CHECK(too_deep("a = " + std::string(70, '[') + std::string(70, ']') + "\n"));
    CHECK(too_deep("a = {b.b.b = " + std::string(40, '{') +
                   "c.c.c.c.c.c.c.c.c.c.c.c.c.c.c.c.c.c.c.c.c.c"
                   ".c.c.c = 1" +
                   std::string(40, '}') + "}\n"));
    // Dots and brackets inside strings and comments do not count.
    CHECK_FALSE(too_deep("a = \"" + std::string(500, '.') + "\" # " + std::string(500, '[') +
                         "\nb = '''" + std::string(500, '{') + "'''\n"));
    // Each new line, comma and closing bracket ends a key's dots.
    std::string many;
    for (int i = 0; i < 100; ++i)
        many += "a.b.c.d = 1.5\n";
    CHECK_FALSE(too_deep(many));
}

TEST_CASE("a config nested too deeply is refused as malformed with its position") {
    CHECK_THROWS_WITH_AS(parse_config("[" + dotted_key(40000) + "]\n", "c.toml"),
                         doctest::Contains("c.toml:1:"), ConfigError);
    CHECK_THROWS_WITH_AS(parse_config(dotted_key(40000) + " = 1\n", "c.toml"),
                         doctest::Contains("levels deep"), ConfigError);
}

TEST_CASE_FIXTURE(testing::AppFixture, "a deeply nested month or config exits 65 or 78 and no "
                                       "command crashes") {
    REQUIRE(run({"log", "-s", "3"}).status == 0);
    write_month("2026-10", "[[entry]]\nid = \"x\"\n" + dotted_key(40000) + " = 1\n");
    Run review = run({"review", "--all", "--format", "json"});
    CHECK(review.status == 65);
    CHECK(review.err.find("2026-10.toml:3:") != std::string::npos);
    write("journal/2026-11 (conflicted copy).toml", "[" + dotted_key(40000) + "]\n");
    CHECK(run({"review", "--all"}).status == 65);
    write("config.toml", "[" + dotted_key(40000) + "]\n");
    Run config = run({"review"});
    CHECK(config.status == 78);
    CHECK(config.err.find("config.toml:1:") != std::string::npos);
}

TEST_CASE_FIXTURE(testing::AppFixture, "a config others could read is made private with a "
                                       "warning") {
    set_up_home();
    ::chmod((tmp.path() + "/config.toml").c_str(), 0666);
    Run r = run({"log", "--list-items"});
    CHECK(r.status == 0);
    CHECK(r.err.find("config.toml could be read by others (mode 0666)") != std::string::npos);
    CHECK(mode_of(tmp.path() + "/config.toml") == 0600);
    CHECK(run({"log", "--list-items"}).err.empty());
}

TEST_CASE_FIXTURE(testing::AppFixture, "a config that links to a file of your own is followed "
                                       "and its target edited") {
    const std::string dotfiles = tmp.path() + "/dotfiles";
    std::filesystem::create_directory(dotfiles);
    spit(dotfiles + "/config.toml", "# kept in stow\nitems = [\"sleep\", \"walk\"]\n");
    ::chmod((dotfiles + "/config.toml").c_str(), 0600);
    std::filesystem::create_symlink(dotfiles + "/config.toml", tmp.path() + "/config.toml");
    Run list = run({"log", "--list-items"});
    CHECK(list.status == 0);
    CHECK(list.out == "sleep\nwalk\n");
    update_config(
        fs, clock, tmp.path() + "/config.toml", std::chrono::milliseconds{100},
        [](const std::string& text) { return with_top_level_value(text, "items", "[\"rest\"]"); });
    CHECK(std::filesystem::is_symlink(tmp.path() + "/config.toml"));
    CHECK(slurp(dotfiles + "/config.toml") == "# kept in stow\nitems = [\"rest\"]\n");
    CHECK(run({"log", "--list-items"}).out == "rest\n");
}

TEST_CASE_FIXTURE(testing::AppFixture, "a config that links to a directory or nowhere is refused") {
    std::filesystem::create_directory(tmp.path() + "/elsewhere");
    std::filesystem::create_symlink(tmp.path() + "/elsewhere", tmp.path() + "/config.toml");
    Run dir = run({"log", "--list-items"});
    CHECK(dir.status == 78);
    CHECK(dir.err.find("not a file of your own") != std::string::npos);
    std::filesystem::remove(tmp.path() + "/config.toml");
    std::filesystem::create_symlink(tmp.path() + "/missing", tmp.path() + "/config.toml");
    CHECK(run({"log", "--list-items"}).status == 78);
    CHECK_FALSE(std::filesystem::exists(tmp.path() + "/missing"));
}

TEST_CASE_FIXTURE(testing::AppFixture, "temp files of a crashed config write are removed by any "
                                       "command that loads the config") {
    set_up_home();
    write("config.toml.tmp.4242", "items = [");
    write(".config.toml.tmp.4243.0", "items = [");
    REQUIRE(run({"review"}).status == 0);
    CHECK_FALSE(std::filesystem::exists(tmp.path() + "/config.toml.tmp.4242"));
    CHECK_FALSE(std::filesystem::exists(tmp.path() + "/.config.toml.tmp.4243.0"));
}

TEST_CASE("a config edit flushes the file and then its directory") {
    testing::TempDir tmp;
    testing::FaultyFileSystem fs;
    FakeClock clock(std::chrono::system_clock::now());
    std::string path = tmp.path() + "/config.toml";
    spit(path, "items = [\"a\"]\n");
    update_config(fs, clock, path, std::chrono::milliseconds{100},
                  [](const std::string& text) { return text + "# more\n"; });
    REQUIRE(fs.renamed.size() == 1);
    CHECK(fs.renamed[0].second == path);
    CHECK(fs.synced == std::vector<std::string>{fs.renamed[0].first, tmp.path()});
}
