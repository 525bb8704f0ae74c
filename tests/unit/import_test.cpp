#include "core/export/export.hpp"
#include "core/import/csv.hpp"
#include "core/import/import.hpp"
#include "core/import/json.hpp"
#include "fakes.hpp"
#include "faulty_fs.hpp"
#include "helpers.hpp"
#include "store/journal.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace compassion;
using namespace std::chrono;

namespace {

Date day_of_text(std::string_view text) {
    return *parse_iso_date(text);
}

const Record* record_on(const Converted& c, std::string_view day) {
    for (const auto& r : c.records)
        if (r.day == day_of_text(day))
            return &r;
    return nullptr;
}

template <typename T> const T* field(const Record& r, std::string_view key) {
    for (const auto& [k, v] : r.fields)
        if (k == key)
            return std::get_if<T>(&v);
    return nullptr;
}

using List = std::vector<std::string>;

ImportOptions listed(List items) {
    ImportOptions o;
    o.items = std::move(items);
    return o;
}

} // namespace

TEST_CASE("csv keeps quoted commas and line ends and drops the byte-order mark") {
    std::string error;
    auto rows = read_csv("\xEF\xBB\xBF"
                         "a,b\r\n\"x, y\",\"two\r\nlines\"\r\n\"say \"\"hi\"\"\",\r\n",
                         &error);
    CHECK(error.empty());
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == List{"a", "b"});
    CHECK(rows[1].fields == List{"x, y", "two\nlines"});
    CHECK(rows[2].line == 4);
    CHECK(rows[2].fields == List{"say \"hi\"", ""});
    read_csv("a\n\"open", &error);
    CHECK(error == "line 2: a quoted field is never closed");
}

TEST_CASE("json reads escapes and surrogate pairs and names where it fails") {
    JsonError error;
    auto v = parse_json(R"({"a": "caf\u00e9 \ud83c\udf3f", "n": -12, "l": [true, null]})", error);
    REQUIRE(v);
    CHECK(v->find("a")->text == "café 🌿");
    CHECK(v->find("n")->integer() == -12);
    CHECK(v->find("l")->items.size() == 2);
    CHECK_FALSE(parse_json("{\n\"a\": tru}", error));
    CHECK(error.line == 2);
    CHECK_FALSE(parse_json(R"("\ud83c")", error));
}

TEST_CASE("derived ids look like new ids but can never be one") {
    std::string a = derived_id("daylio\x1f"
                               "2024-01-02\x1f"
                               "checkin");
    CHECK(a.size() == new_id().size());
    CHECK(a[0] == 'i');
    CHECK(a == derived_id("daylio\x1f"
                          "2024-01-02\x1f"
                          "checkin"));
    CHECK(a != derived_id("daylio\x1f"
                          "2024-01-03\x1f"
                          "checkin"));
    CHECK(is_plain_id(a));
    for (int k = 0; k < 50; ++k)
        CHECK(new_id().find('i') == std::string::npos);
}

TEST_CASE("a daylio export becomes one check-in a day with the latest mood as the rating") {
    testing::ZoneGuard zone("UTC");
    std::string csv = "\xEF\xBB\xBF"
                      "full_date,date,weekday,time,mood,activities,note_title,note\r\n"
                      "2024-01-03,3 Jan,Wednesday,9:15 pm,super,\"walk | tea, with milk\",,\r\n"
                      "2024-01-02,2 Jan,Tuesday,11:40 pm,meh,\"sleep | cinema\",Night,"
                      "\"long shift<br>kind to myself, mostly\"\r\n"
                      "2024-01-02,2 Jan,Tuesday,8:05 am,awful,walk,,\"slow start\"\r\n";
    ImportOptions o = listed({"sleep", "walk", "meditation"});
    o.moods = {{"Super", 5}};
    Converted c = convert(ImportFormat::daylio, {{"d.csv", csv}}, o);
    CHECK(c.bad.empty());
    REQUIRE(c.records.size() == 2);
    const Record& tue = *record_on(c, "2024-01-02");
    CHECK(*field<std::int64_t>(tue, "showed_up") == 3); // 11:40 pm is the day's latest row
    CHECK(*field<std::string>(tue, "mood") == "meh");
    CHECK(tue.at == "2024-01-02T23:40:00+00:00");
    CHECK(*field<List>(tue, "did") == List{"sleep", "walk"});
    CHECK(field<List>(tue, "not_done")->empty());
    CHECK(*field<List>(tue, "unsure") == List{"meditation"}); // never in the file
    CHECK(*field<std::string>(tue, "note") ==
          "slow start\n\nNight\nlong shift\nkind to myself, mostly");
    CHECK(*field<List>(tue, "activities") == List{"cinema"});
    const Record& wed = *record_on(c, "2024-01-03");
    CHECK(*field<std::int64_t>(wed, "showed_up") == 5);
    CHECK(*field<List>(wed, "did") == List{"walk"});
    CHECK(*field<List>(wed, "not_done") == List{"sleep"}); // in the file, not that day
    CHECK(c.kept_activities == std::set<std::string>{"cinema", "tea, with milk"});
}

TEST_CASE("a daylio mood without a number is a bad line that names the flag") {
    std::string csv = "full_date,date,weekday,time,mood,activities,note_title,note\n"
                      "2024-01-03,3 Jan,Wednesday,21:15,ecstatic,,,\n";
    Converted c = convert(ImportFormat::daylio, {{"d.csv", csv}}, listed({"sleep"}));
    REQUIRE(c.bad.size() == 1);
    CHECK(c.bad[0].text() ==
          "d.csv:2: the mood 'ecstatic' has no number: pass --map 'ecstatic=N' (N from 1 to 5)");
    CHECK(c.records.empty());
}

TEST_CASE("harsh answers explicit no as not done and a missing line as don't remember") {
    std::string habits = "# my habits\n! Body\nGym: 3/7\nWalk: 1\n! Mind\nJournal: 1\n";
    std::string log = "2025-01-01 : Gym : y : Leg day : 1.5\r\n"
                      "2025-01-01 : Walk : n\r\n"
                      "# a comment\r\n"
                      "2025-01-02 : Gym : n : tired\n"
                      "2025-01-02 : Gym : y : went after all\n"
                      "2025-01-02 : Journal : s\n"
                      "2025-01-03 : Journal : s\n";
    Converted c =
        convert(ImportFormat::harsh, {{"habits", habits}, {"log", log}}, listed({"walk", "sleep"}));
    CHECK(c.bad.empty());
    REQUIRE(c.records.size() == 2); // the 3rd holds no done or not done
    const Record& first = *record_on(c, "2025-01-01");
    CHECK(*field<List>(first, "did") == List{"Gym"});
    CHECK(*field<List>(first, "not_done") == List{"walk"});
    CHECK(*field<List>(first, "unsure") == List{"sleep", "Journal"});
    CHECK(*field<std::string>(first, "note") == "Gym: Leg day (1.5)");
    const Record& second = *record_on(c, "2025-01-02");
    CHECK(*field<List>(second, "did") == List{"Gym"}); // the later line wins
    CHECK(c.extra_items == std::set<std::string>{"Gym", "Journal"});
    Converted only = convert(ImportFormat::harsh, {{"log", log}}, [] {
        auto o = listed({"walk"});
        o.only_listed = true;
        return o;
    }());
    CHECK(only.left_out == std::set<std::string>{"Gym", "Journal"});
    CHECK(only.records.size() == 1);
}

TEST_CASE("harsh lines that do not read are named with their line") {
    Converted c =
        convert(ImportFormat::harsh, {{"log", "2025-01-01 : Gym : maybe\nnonsense\n"}}, listed({}));
    REQUIRE(c.bad.size() == 2);
    CHECK(c.bad[0].text() == "log:1: the answer should be y, n or s, after a habit's name");
    CHECK(c.bad[1].line == 2);
}

TEST_CASE("a date in the right form that the calendar does not have is named as such") {
    std::string daylio = "full_date,date,weekday,time,mood,activities,note_title,note\n"
                         "2026-11-31,31 Nov,Monday,21:00,good,,,\n"
                         "30/11/2026,30 Nov,Monday,21:00,good,,,\n";
    Converted d = convert(ImportFormat::daylio, {{"d.csv", daylio}}, listed({}));
    REQUIRE(d.bad.size() == 2);
    CHECK(d.bad[0].text() == "d.csv:2: full_date 2026-11-31 is not a day on the calendar");
    CHECK(d.bad[1].text() == "d.csv:3: full_date should be YYYY-MM-DD");
    Converted l = convert(ImportFormat::loop, {{"C.csv", "Date,Walk,\n2026-02-29,NO,\n"}}, {});
    REQUIRE(l.bad.size() == 1);
    CHECK(l.bad[0].text() == "C.csv:2: the Date 2026-02-29 is not a day on the calendar");
    Converted h = convert(ImportFormat::harsh, {{"log", "2026-11-31 : Gym : y\n"}}, listed({}));
    REQUIRE(h.bad.size() == 1);
    CHECK(h.bad[0].text() == "log:1: the date 2026-11-31 is not a day on the calendar");
}

TEST_CASE("loop counts only YES_MANUAL as done and YES_AUTO as don't remember") {
    std::string checks = "Date,Meditate,Wake up early,Pages,\n"
                         "2015-01-25,UNKNOWN,YES_MANUAL,12000,\n"
                         "2015-01-24,YES_AUTO,NO,3000,\n"
                         "2015-01-23,SKIP,YES_AUTO,UNKNOWN,\n";
    std::string habits = "Position,Name,Type,Question,Description,FrequencyNumerator,"
                         "FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n"
                         "001,Meditate,YES_NO,,,1,1,#FF8F00,,,,false\n"
                         "002,Wake up early,YES_NO,\"Up before 6, really?\",,2,3,#00897B,,,,false\n"
                         "003,Pages,NUMERICAL,,,1,1,#00897B,pages,AT_LEAST,10.0,false\n";
    ImportOptions o = listed({"meditation"});
    o.rename = {{"Meditate", "meditation"}};
    Converted c =
        convert(ImportFormat::loop, {{"Checkmarks.csv", checks}, {"Habits.csv", habits}}, o);
    CHECK(c.bad.empty());
    REQUIRE(c.records.size() == 2);                       // the 23rd gives no evidence
    CHECK(c.records[0].day == day_of_text("2015-01-24")); // oldest first
    CHECK(*field<List>(c.records[0], "not_done") == List{"Wake up early", "Pages"});
    CHECK(*field<List>(c.records[0], "unsure") == List{"meditation"});
    CHECK(*field<List>(c.records[1], "did") == List{"Wake up early", "Pages"});
}

TEST_CASE("jrnl entries become notes with their title tags and time") {
    testing::ZoneGuard zone("UTC");
    std::string json = R"({
  "tags": {"@work": 1},
  "entries": [
    {"title": "Hard day", "body": "Charting till late.\n\u2014 but I ate lunch.", "date": "2020-06-28",
     "time": "18:22", "tags": ["@work"], "starred": true},
    {"title": "Hard day", "body": "", "date": "2020-06-28", "time": "18:22", "tags": [], "starred": false}
  ]
})";
    Converted c = convert(ImportFormat::jrnl, {{"j.json", json}}, listed({}));
    CHECK(c.bad.empty());
    REQUIRE(c.records.size() == 2);
    const Record& n = c.records[0];
    CHECK(n.kind == "note");
    CHECK(n.at == "2020-06-28T18:22:00+00:00");
    CHECK(*field<std::string>(n, "text") == "Charting till late.\n\xE2\x80\x94 but I ate lunch.");
    CHECK(*field<List>(n, "tags") == List{"@work"});
    CHECK(*field<bool>(n, "starred"));
    CHECK(c.records[1].id != n.id);
    CHECK(convert(ImportFormat::jrnl, {{"j.json", json}}, listed({})).records[1].id ==
          c.records[1].id);
}

TEST_CASE("a compassion jsonl line reads back as the record it was") {
    Record r;
    r.id = "k3v9x0abcd";
    r.kind = "reframe";
    r.day = day_of_text("2026-11-20");
    r.at = "2026-11-20T23:10:00+01:00";
    r.set("what", "2026-11-19")
        .set("follow_up", day_of_text("2026-12-01"))
        .set("n", std::int64_t{-3});
    r.set("list", List{"a \"quoted\"", "b"}).set("closed", false);
    Converted c =
        convert(ImportFormat::compassion, {{"x.jsonl", json_record(r) + "\n"}}, listed({}));
    REQUIRE(c.records.size() == 1);
    CHECK(to_toml(c.records[0]) == to_toml(r)); // free text stays text, a date a date
    Converted bad =
        convert(ImportFormat::compassion,
                {{"x.jsonl", "\n{\"id\": \"a\", \"kind\": \"moment\"}\n{\n"}}, listed({}));
    REQUIRE(bad.bad.size() == 2);
    CHECK(bad.bad[0].text() == "x.jsonl:2: \"day\" should be a date, YYYY-MM-DD");
    CHECK(bad.bad[1].line == 3);
}

TEST_CASE("each format is told from its first lines and others are named") {
    auto what = [](std::string text) {
        return sniff({"f", std::move(text)});
    };
    CHECK(what("\xEF\xBB\xBF"
               "full_date,date,weekday,time,mood,activities,note_title,note\r\n")
              .format == ImportFormat::daylio);
    CHECK(what("Date,Meditate,\n2015-01-25,NO,\n").format == ImportFormat::loop);
    CHECK(what("Position,Name,Type\n001,x,YES_NO\n").format == ImportFormat::loop);
    CHECK(what("# log\n2025-01-01 : Gym : y\n").format == ImportFormat::harsh);
    CHECK(what("! Health\nGym: 3/7\n").format == ImportFormat::harsh);
    CHECK(what("{\n  \"tags\": {},\n  \"entries\": []\n}").format == ImportFormat::jrnl);
    CHECK(what("{\"id\": \"a\", \"kind\": \"moment\", \"day\": \"2026-01-01\"}\n").format ==
          ImportFormat::compassion);
    Sniff zip = what(std::string("PK\x03\x04rest", 8));
    CHECK(zip.format == ImportFormat::loop);
    CHECK(zip.what.find("zip") != std::string::npos);
    CHECK(what("Date,Meditate,\n2015-01-25,0.1234,\n").what.find("Scores") != std::string::npos);
    CHECK_FALSE(what("hello world\n").format);
}

TEST_CASE("an import skips what is here already and days already checked in") {
    auto checkin = [](std::string id, std::string day) {
        Record r;
        r.id = std::move(id);
        r.kind = "checkin";
        r.day = day_of_text(day);
        return r;
    };
    JournalFacts facts;
    facts.ids = {"old"};
    facts.forgotten = {"gone"};
    facts.checked_in = {day_of_text("2024-01-02")};
    ImportPlan plan = plan_import({checkin("old", "2024-01-01"), checkin("gone", "2024-01-03"),
                                   checkin("new", "2024-01-02"), checkin("a", "2024-01-04"),
                                   checkin("b", "2024-01-04"), checkin("c", "2023-12-31")},
                                  facts, day_of_text("2024-01-01"), std::nullopt, false);
    REQUIRE(plan.records.size() == 1);
    CHECK(plan.records[0].id == "a");
    CHECK(plan.skipped[SkipReason::imported_before] == 1);
    CHECK(plan.skipped[SkipReason::forgotten] == 1);
    CHECK(plan.skipped[SkipReason::checked_in] == 1);
    CHECK(plan.skipped[SkipReason::earlier_in_import] == 1);
    CHECK(plan.skipped[SkipReason::out_of_range] == 1);
}

TEST_CASE("append_all writes each month once with all of its records") {
    testing::TempDir tmp;
    testing::FaultyFileSystem fs;
    FakeClock clock{system_clock::from_time_t(1795809600)};
    Journal journal{fs, Home{tmp.path() + "/home"}, clock, milliseconds{200}};
    std::vector<Record> records;
    for (int d = 1; d <= 28; ++d)
        for (unsigned m : {2u, 1u}) {
            Record r = make_record(
                "moment", Date{year{2024}, month{m}, day{static_cast<unsigned>(d)}}, clock.now());
            records.push_back(r.set("text", "moment " + std::to_string(d)));
        }
    std::vector<std::pair<YearMonth, std::size_t>> told;
    journal.append_all(records, [&](YearMonth ym, std::size_t n) { told.emplace_back(ym, n); });
    auto month_writes = std::count_if(fs.renamed.begin(), fs.renamed.end(), [](const auto& r) {
        return r.second.ends_with("/2024-01.toml") || r.second.ends_with("/2024-02.toml");
    });
    CHECK(month_writes == 2);
    REQUIRE(told.size() == 2);
    CHECK(told[0] == std::pair{YearMonth{2024, 1}, std::size_t{28}});
    std::vector<std::string> texts;
    std::vector<DataError> problems;
    journal.read_all([&](const Entry& e) { texts.push_back(*e.text("text")); }, problems);
    CHECK(problems.empty());
    REQUIRE(texts.size() == 56);
    CHECK(texts[0] == "moment 1");
    CHECK(texts[27] == "moment 28");
}

TEST_CASE("an entry's at is written back with the instant and offset it had") {
    Date d{year{2026}, month{1}, day{1}};
    CHECK(format_at(epoch_seconds(d, 0, 30, 5, -300), -300) == "2026-01-01T00:30:05-05:00");
    CHECK(format_at(epoch_seconds(d, 23, 59, 59, 330), 330) == "2026-01-01T23:59:59+05:30");
    CHECK(format_at(epoch_seconds(Date{year{1969}, month{12}, day{31}}, 22, 0, 0, 0), 0) ==
          "1969-12-31T22:00:00+00:00");
}

TEST_CASE("redacting drops the free text a kind names and every text of an unknown kind") {
    Record r;
    r.kind = "checkin";
    r.set("did", List{"sleep"}).set("note", "private").set("activities", List{"therapy"});
    Record out = redacted(r);
    REQUIRE(out.fields.size() == 1);
    CHECK(out.fields[0].first == "did");
    Record other;
    other.kind = "from-the-future";
    other.set("words", "private").set("count", std::int64_t{2});
    CHECK(redacted(other).fields.size() == 1);
}
