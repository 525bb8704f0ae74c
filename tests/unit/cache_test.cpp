#include "core/clock.hpp"
#include "helpers.hpp"
#include "store/cache.hpp"
#include "store/journal.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace compassion;
using namespace std::chrono;

namespace {

const TimePoint evening = system_clock::from_time_t(1795809600);

using testing::slurp;
using testing::spit;

// Everything a reader can learn about the entries, in the order they are visited.
const std::vector<std::string> probe_keys = {
    "id",   "kind", "day",  "at",    "did",       "not_done", "showed_up", "note",    "completed",
    "text", "when", "mood", "mixed", "follow_up", "nested",   "stamp",     "missing",
};

std::string describe(const Entry& e) {
    std::string out = fmt::format("{}|{}|{}|{}|{}|{}:{}:{}", e.id, e.kind, format_date(e.day),
                                  e.at_seconds, e.order, e.pos.path, e.pos.line, e.pos.column);
    for (const auto& key : probe_keys) {
        out += "\n  " + key + ":";
        if (auto t = e.text(key))
            out += " text=" + *t;
        if (auto n = e.integer(key))
            out += fmt::format(" int={}", *n);
        if (auto b = e.flag(key))
            out += fmt::format(" flag={}", *b);
        if (auto d = e.date(key))
            out += " date=" + format_date(*d);
        for (const auto& item : e.list(key))
            out += " [" + item + "]";
    }
    return out;
}

const char* tricky_month = R"(# a hand-kept month, with things the tool never writes
[[entry]]
id = "aaaaaaaaaa"
kind = "checkin"
day = 2026-11-02
at = 2026-11-02T21:00:00+01:00
did = ["sleep", "time outside"]
not_done = []
showed_up = 4
note = "a \"quoted\" line\nand a second, é 🌱"

[[entry]]
id = "bbbbbbbbbb"
kind = "practice"
day = 2026-11-03
at = 2026-11-03T08:00:00Z
completed = false
mood = 3.5
when = 07:30:00
stamp = 2026-11-03T08:00:00
mixed = [1, "one", true, "two"]
nested = { a = 1 }
follow_up = 2026-11-10

[[entry]]
kind = "no day, so not an entry"

[[entry]]
id = "cccccccccc"
kind = "some-future-kind"
day = 2026-11-04
text = 'literal \ string'
note = """
multi
line"""
)";

const char* conflict_copy = R"([[entry]]
id = "aaaaaaaaaa"
kind = "checkin"
day = 2026-11-02
at = 2026-11-02T21:00:00+01:00
showed_up = 1

[[entry]]
id = "dddddddddd"
kind = "moment"
day = 2026-11-05
text = "only on the laptop"
)";

struct Fixture {
    testing::TempDir tmp;
    RealFileSystem real;
    FakeClock clock{evening};
    Home home{tmp.path() + "/home"};
    Journal journal{real, home, clock, milliseconds{200}};
    MonthCache cache{real, tmp.path() + "/cache/compassion"};

    Fixture() {
        prepare_home(real, home);
        spit(month(), tricky_month);
        spit(home.journal_dir() + "/2026-11.sync-conflict-20261105-laptop.toml", conflict_copy);
        spit(home.journal_dir() + "/2026-10.toml", "[[entry]]\nbroken = \n");
    }
    std::string month() const { return home.journal_dir() + "/2026-11.toml"; }

    std::vector<std::string> read(bool cached) {
        journal.use_cache(cached ? &cache : nullptr);
        std::vector<std::string> out;
        std::vector<DataError> problems;
        journal.read_all([&](const Entry& e) { out.push_back(describe(e)); }, problems);
        for (const auto& p : problems)
            out.push_back(std::string("problem: ") + p.what());
        return out;
    }
    bool cached_now(const std::string& path) {
        std::string text = slurp(path);
        return cache.load(path, content_hash(text), text.size()).has_value();
    }
};

} // namespace

TEST_CASE("entries read from the cache answer every getter as the parsed month does") {
    Fixture f;
    auto plain = f.read(false);
    REQUIRE(plain.size() == 5); // 3 + 1 new from the copy + the broken month
    CHECK_FALSE(f.cached_now(f.month()));
    CHECK(f.read(true) == plain); // fills the cache
    CHECK(f.cached_now(f.month()));
    CHECK(f.read(true) == plain); // reads from it
    CHECK(f.read(false) == plain);
}

TEST_CASE("a hand edit of the same length is never missed") {
    Fixture f;
    f.read(true);
    std::string text = slurp(f.month());
    auto at = text.find("showed_up = 4");
    REQUIRE(at != std::string::npos);
    text[at + 12] = '2';
    spit(f.month(), text);
    auto plain = f.read(false);
    CHECK(plain[0].find("showed_up: int=2") != std::string::npos);
    CHECK(f.read(true) == plain);
}

TEST_CASE("a new record appended to a month is read from the file not the cache") {
    Fixture f;
    f.read(true);
    spit(f.month(), slurp(f.month()) +
                        "\n[[entry]]\nid = \"eeeeeeeeee\"\nkind = \"moment\"\nday = 2026-11-27\n");
    auto plain = f.read(false);
    CHECK(plain.size() == 6);
    CHECK(f.read(true) == plain);
}

TEST_CASE("a damaged cache file reads as a miss and is replaced") {
    Fixture f;
    auto plain = f.read(false);
    f.read(true);
    const std::string file = f.cache.file_for(f.month());
    const std::string good = slurp(file);
    REQUIRE(good.size() > 100);

    std::string flipped = good;
    flipped[good.size() - 20] = static_cast<char>(flipped[good.size() - 20] ^ 0x20);
    std::string wrong_hash = good;
    wrong_hash[30] = static_cast<char>(wrong_hash[30] ^ 1);
    for (const std::string& damage :
         {good.substr(0, good.size() / 2), flipped, wrong_hash, std::string(),
          std::string("compassion month cache 2\n"), std::string(4096, '\xff'),
          "compassion month cache 9\n" + good.substr(25), good + "trailing"}) {
        spit(file, damage);
        CHECK_FALSE(f.cached_now(f.month()));
        CHECK(f.read(true) == plain);
        CHECK(slurp(file) == good); // written again, whole
    }
}

TEST_CASE("the cache may be deleted at any time") {
    Fixture f;
    auto plain = f.read(true);
    std::filesystem::remove_all(f.cache.dir());
    CHECK(f.read(true) == plain);
    CHECK(f.cached_now(f.month()));
}

TEST_CASE("cache files are private and made with no leftovers") {
    Fixture f;
    f.read(true);
    struct stat st {};
    REQUIRE(::stat(f.cache.dir().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    int files = 0;
    for (const auto& item : std::filesystem::directory_iterator(f.cache.dir())) {
        REQUIRE(::stat(item.path().c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(item.path().extension() == ".cache");
        ++files;
    }
    CHECK(files == 1); // one per year: the month file and its conflict copy, not the broken month
}

TEST_CASE("a cache that cannot be written changes nothing but speed") {
    Fixture f;
    auto plain = f.read(false);
    spit(f.tmp.path() + "/not-a-dir", "x");
    MonthCache blocked{f.real, f.tmp.path() + "/not-a-dir/compassion"};
    f.journal.use_cache(&blocked);
    std::vector<std::string> out;
    std::vector<DataError> problems;
    f.journal.read_all([&](const Entry& e) { out.push_back(describe(e)); }, problems);
    for (const auto& p : problems)
        out.push_back(std::string("problem: ") + p.what());
    CHECK(out == plain);
    MonthCache none{f.real, ""};
    CHECK_FALSE(none.load(f.month(), content_hash("x"), 1).has_value());
}

TEST_CASE("the cache lives under XDG_CACHE_HOME else HOME/.cache") {
    CHECK(cache_dir_from(MapEnvironment({{"XDG_CACHE_HOME", "/c"}, {"HOME", "/h"}})) ==
          "/c/compassion");
    CHECK(cache_dir_from(MapEnvironment({{"XDG_CACHE_HOME", "relative"}, {"HOME", "/h"}})) ==
          "/h/.cache/compassion");
    using Vars = std::map<std::string, std::string>;
    CHECK(cache_dir_from(MapEnvironment(Vars{{"HOME", "/h"}})) == "/h/.cache/compassion");
    CHECK(cache_dir_from(MapEnvironment(Vars{})).empty());
}

TEST_CASE("the content hash tells apart bytes that differ anywhere") {
    CHECK(content_hash("abc") == content_hash("abc"));
    CHECK_FALSE(content_hash("abc") == content_hash("abd"));
    CHECK_FALSE(content_hash("a") == content_hash(std::string("a\0", 2)));
    CHECK_FALSE(content_hash("") == content_hash(std::string(1, '\0')));
    std::string long_text(1000, 'x');
    std::string changed = long_text;
    changed[517] = 'y';
    CHECK_FALSE(content_hash(long_text) == content_hash(changed));
}

TEST_CASE("an append leaves the cache holding the month as written") {
    Fixture f;
    f.journal.use_cache(&f.cache);
    Record r = make_record("moment", Date{year{2026}, month{11}, day{27}}, evening);
    r.set("text", "written and cached");
    f.journal.append(r);
    CHECK(f.cached_now(f.month()));
    auto cached = f.read(true);
    CHECK(cached == f.read(false));
    CHECK(cached[3].find("written and cached") != std::string::npos);
}

TEST_CASE("months of one year of one journal share a cache file and relative paths are resolved") {
    testing::TempDir tmp;
    RealFileSystem real;
    MonthCache cache{real, tmp.path() + "/cache"};
    const std::string cwd = std::filesystem::current_path().string();
    CHECK(cache.file_for("home/journal/2026-11.toml") ==
          cache.file_for(cwd + "/home/journal/2026-11.toml"));
    CHECK(cache.file_for("/h/journal/2026-11.toml") ==
          cache.file_for("/h/journal/2026-01.sync-conflict-x.toml"));
    CHECK_FALSE(cache.file_for("/h/journal/2026-11.toml") ==
                cache.file_for("/h/journal/2025-11.toml"));
    CHECK_FALSE(cache.file_for("/h/journal/2026-11.toml") ==
                cache.file_for("/other/journal/2026-11.toml"));
}
