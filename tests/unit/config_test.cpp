#include "core/errors.hpp"
#include "fakes.hpp"
#include "store/config.hpp"

#include <doctest/doctest.h>

using namespace compassion;

TEST_CASE("the template parses to the defaults") {
    Config c = parse_config(std::string(config_template()), "config.toml");
    CHECK(c.items == std::vector<std::string>{"sleep", "exercise", "meditation", "time outside"});
    CHECK(c.day_starts_at == 4);
    CHECK(c.color == "auto");
    CHECK(c.integer("practice.seconds_per_phrase", 0, 1, 600) == 8);
    // The article's practice: its exact loving-kindness phrases.
    CHECK(c.text_list("practice.phrases", {}, 1, 100) ==
          std::vector<std::string>{"May all beings be happy.", "May all beings find peace."});
    // Support: the template shows where a sentence of one's own goes, and the
    // low-days setting at its default (-1: would show a missing key).
    CHECK(c.integer("review.support_low_days", -1, -1, 7) == 5);
    CHECK(c.text("support", "none") == "none");
    CHECK(std::string(config_template()).find("\n# support = \"") != std::string::npos);
}

TEST_CASE("bad config values name the file, line and column") {
    CHECK_THROWS_WITH_AS(
        parse_config("items = \"sleep\"\n", "c.toml"),
        "c.toml:1:9: items should be a list of quoted strings, like [\"a\", \"b\"]", ConfigError);
    CHECK_THROWS_WITH_AS(parse_config("day_starts_at = 25\n", "c.toml"),
                         "c.toml:1:17: day_starts_at = 25 is out of range (0 to 23)", ConfigError);
    CHECK_THROWS_AS(parse_config("items = []\n", "c.toml"), ConfigError);
    CHECK_THROWS_AS(
        parse_config("items = [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\"]\n", "c.toml"),
        ConfigError);
    CHECK_THROWS_AS(parse_config("items = [\"Sleep\", \"sleep\"]\n", "c.toml"), ConfigError);
    CHECK_THROWS_AS(parse_config("color = \"purple\"\n", "c.toml"), ConfigError);
    CHECK_THROWS_AS(parse_config("items = [\"a\"]\nitems = [\"b\"]\n", "c.toml"), ConfigError);
    CHECK_THROWS_WITH_AS(parse_config("x = = 1\n", "c.toml"), doctest::Contains("c.toml:1:"),
                         ConfigError);
}

TEST_CASE("unknown keys in the config are ignored") {
    Config c = parse_config("future_setting = 3\n[newer]\nthing = true\n", "c.toml");
    CHECK(c.items.size() == 4);
}

TEST_CASE("changing one setting keeps every comment and other line") {
    std::string text = "# my own words\n"
                       "items = [\n"
                       "  \"sleep\",  # rest first\n"
                       "  \"walk\",\n"
                       "] # trailing thoughts\n"
                       "day_starts_at = 5 # night owl\n"
                       "\n[practice]\n# keep me\nminutes = 2\n";
    std::string out = with_top_level_value(text, "items", "[\"sleep\", \"friends\", \"café\"]");
    CHECK(out == "# my own words\n"
                 "items = [\"sleep\", \"friends\", \"café\"] # trailing thoughts\n"
                 "day_starts_at = 5 # night owl\n"
                 "\n[practice]\n# keep me\nminutes = 2\n");
    Config c = parse_config(out, "c.toml");
    CHECK(c.items == std::vector<std::string>{"sleep", "friends", "café"});
    CHECK(c.day_starts_at == 5);
}

TEST_CASE("a setting that is not there yet goes above the first table") {
    std::string out = with_top_level_value("# hi\n\n[practice]\nminutes = 2\n", "items", "[\"a\"]");
    CHECK(out == "# hi\n\nitems = [\"a\"]\n\n[practice]\nminutes = 2\n");
    CHECK(with_top_level_value("", "color", "\"never\"") == "color = \"never\"\n");
}

TEST_CASE("a value after unicode on its line is found by character columns") {
    std::string text = "items = [\"ü\", \"ß\"] # 日本\n";
    CHECK(with_top_level_value(text, "items", "[\"x\"]") == "items = [\"x\"] # 日本\n");
}

TEST_CASE("a line that only looks like a table header never receives a new setting") {
    // Found writing the config fuzz target: the key used to land inside a
    // multi-line string (silently) or array (a config that no longer parsed).
    std::string in_string = "# no items yet\nmotto = \"\"\"\n[not a table]\n\"\"\"\n\n[practice]\n";
    std::string out = with_top_level_value(in_string, "items", "[\"a\"]");
    CHECK(out == "items = [\"a\"]\n" + in_string);
    CHECK(parse_config(out, "c.toml").items == std::vector<std::string>{"a"});
    CHECK(toml::parse(out)["motto"].value_or(std::string{}) == "[not a table]\n");
    std::string in_array = "nested = [\n[1],\n]\n";
    out = with_top_level_value(in_array, "items", "[\"b\"]");
    CHECK(parse_config(out, "c.toml").items == std::vector<std::string>{"b"});
    CHECK(out.find(in_array) != std::string::npos);
    std::string with_bom = "\xEF\xBB\xBFx = \"\"\"\n[y]\n\"\"\"\n[z]\n";
    out = with_top_level_value(with_bom, "items", "[\"c\"]");
    CHECK(out.rfind("\xEF\xBB\xBFitems = [\"c\"]\n", 0) == 0);
}

TEST_CASE("a setting after a byte-order mark is changed in place") {
    // Found by the config fuzz target: columns on the first line skip the BOM.
    std::string out =
        with_top_level_value("\xEF\xBB\xBFitems = [\"a\"] # mine\n", "items", "[\"b\"]");
    CHECK(out == "\xEF\xBB\xBFitems = [\"b\"] # mine\n");
}

#include "helpers.hpp"

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <unistd.h>

using testing::slurp;

TEST_CASE("a config edit waits for another edit's lock and gives up as busy") {
    testing::TempDir tmp;
    RealFileSystem fs;
    FakeClock clock(std::chrono::system_clock::now());
    std::string path = tmp.path() + "/config.toml";
    std::ofstream(path) << "# mine\nitems = [\"a\"]\n";
    int fd = ::open((tmp.path() + "/.config.lock").c_str(), O_RDWR | O_CREAT, 0600);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    CHECK_THROWS_AS(update_config(fs, clock, path, std::chrono::milliseconds{100},
                                  [](const std::string& t) { return t + "x = 1\n"; }),
                    BusyError);
    ::close(fd);
    CHECK(slurp(path) == "# mine\nitems = [\"a\"]\n");
}

TEST_CASE("a config edit starts from the text as it is now and clears stale temp files") {
    testing::TempDir tmp;
    RealFileSystem fs;
    FakeClock clock(std::chrono::system_clock::now());
    std::string path = tmp.path() + "/config.toml";
    std::ofstream(path) << "items = [\"a\"]\n";
    std::ofstream(path + ".tmp.12345") << "half a conf";
    update_config(fs, clock, path, std::chrono::milliseconds{100}, [&](const std::string& text) {
        CHECK(text == "items = [\"a\"]\n");
        return with_top_level_value(text, "items", "[\"b\"]");
    });
    CHECK(slurp(path) == "items = [\"b\"]\n");
    CHECK_FALSE(std::filesystem::exists(path + ".tmp.12345"));
    CHECK_THROWS_AS(update_config(fs, clock, path, std::chrono::milliseconds{100},
                                  [](const std::string&) -> std::string {
                                      throw ConfigError(SourcePos{"c", 0, 0}, "no");
                                  }),
                    ConfigError);
    CHECK(slurp(path) == "items = [\"b\"]\n");
}
