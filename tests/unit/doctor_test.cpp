#include "core/kinds/forget.hpp"
#include "core/month_merge.hpp"
#include "core/record.hpp"
#include "fakes.hpp"
#include "helpers.hpp"
#include "journal_fixture.hpp"
#include "store/doctor.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace compassion;
using namespace std::chrono;

namespace {

using testing::evening;
using testing::friday;
using testing::moment_record;
const std::string header = "# compassion journal, 2026-11.\n\n";

// A home with a journal folder, and doctor's view of it.
struct Doctor : testing::JournalHome {
    RealFileSystem& fs = real;

    Doctor() {
        ::mkdir(home.root.c_str(), 0700);
        ::mkdir(home.journal_dir().c_str(), 0700);
        testing::spit(home.journal_dir() + "/.gitattributes", std::string(union_attributes()));
    }
    std::string month() const { return home.journal_dir() + "/2026-11.toml"; }
    const Finding* finding(const Checkup& c, std::string_view words) const {
        auto it = std::find_if(c.findings.begin(), c.findings.end(), [&](const Finding& f) {
            return f.what.find(words) != std::string::npos;
        });
        return it == c.findings.end() ? nullptr : &*it;
    }
    // What --fix did, one line each.
    std::vector<std::string> fix() {
        Checkup c = check_home(fs, home);
        return mend_home(fs, clock, home, journal, c);
    }
    std::vector<std::string> ids(const std::string& path) const {
        std::vector<std::string> out;
        for (const auto& b : split_month(testing::slurp(path), path).blocks)
            out.push_back(b.id);
        return out;
    }
};

std::string conflict(const std::string& ours, const std::string& theirs) {
    return "<<<<<<< HEAD\n" + ours + "=======\n" + theirs + ">>>>>>> origin/main\n";
}

} // namespace

TEST_CASE_FIXTURE(Doctor, "doctor fix takes conflict markers out and keeps both sides records") {
    Record a = moment_record("a"), b = moment_record("b"), c = moment_record("c");
    testing::spit(month(), header + to_toml(a) + "\n" + conflict(to_toml(b), to_toml(c)));
    Checkup before = check_home(fs, home);
    const Finding* f = finding(before, "merge-conflict markers");
    REQUIRE(f);
    CHECK(f->remedy == Remedy::conflict_markers);
    const std::string before_markers = header + to_toml(a) + "\n";
    CHECK(f->line == std::count(before_markers.begin(), before_markers.end(), '\n') + 1);
    auto done = fix();
    REQUIRE(done.size() == 1);
    CHECK(done[0] == month() + ": merge-conflict markers taken out; both sides' records are kept");
    CHECK(ids(month()) == std::vector<std::string>{a.id, b.id, c.id});
    CHECK(testing::slurp(month()) == header + to_toml(a) + "\n" + to_toml(b) + to_toml(c));
    CHECK(check_home(fs, home).findings.empty());
}

TEST_CASE_FIXTURE(Doctor, "a record both sides of a conflict hold is kept once") {
    Record a = moment_record("a"), b = moment_record("b"), c = moment_record("c"),
           d = moment_record("d");
    std::string text = header + to_toml(a) + "\n" +
                       conflict(to_toml(b) + "\n" + to_toml(d), to_toml(d) + "\n" + to_toml(c));
    testing::spit(month(), text);
    auto done = fix();
    REQUIRE(done.size() == 1);
    CHECK(done[0].find("each once (1 second copy left out)") != std::string::npos);
    CHECK(ids(month()) == std::vector<std::string>{a.id, b.id, d.id, c.id});
    CHECK(check_home(fs, home).findings.empty());
}

TEST_CASE_FIXTURE(Doctor, "two different records with one id are both kept for a person to see") {
    Record a = moment_record("a"), b = moment_record("b");
    Record b2 = b;
    b2.set("text", "b, as the other machine has it");
    testing::spit(month(), header + to_toml(a) + "\n" + conflict(to_toml(b), to_toml(b2)));
    REQUIRE(fix().size() == 1);
    CHECK(ids(month()) == std::vector<std::string>{a.id, b.id, b.id});
    Checkup after = check_home(fs, home);
    CHECK(finding(after, "appears a second time"));
}

TEST_CASE_FIXTURE(Doctor, "a diff3 conflict keeps both sides and drops the common ancestor") {
    Record a = moment_record("a"), b = moment_record("b"), c = moment_record("c"),
           gone = moment_record("base");
    testing::spit(month(), header + to_toml(a) + "\n<<<<<<< HEAD\n" + to_toml(b) +
                               "||||||| base\n" + to_toml(gone) + "=======\n" + to_toml(c) +
                               ">>>>>>> theirs\n");
    REQUIRE(fix().size() == 1);
    CHECK(ids(month()) == std::vector<std::string>{a.id, b.id, c.id});
}

TEST_CASE_FIXTURE(Doctor, "markers that cut a record leave the file exactly as it was") {
    // The header both sides added alike sits above the conflict, so neither
    // side is a whole record.
    std::string text = header + "[[entry]]\n" +
                       conflict("id = \"bbbb\"\nkind = \"moment\"\nday = 2026-11-27\n",
                                "id = \"cccc\"\nkind = \"moment\"\nday = 2026-11-27\n");
    testing::spit(month(), text);
    Checkup c = check_home(fs, home);
    const Finding* f = finding(c, "cut through a record");
    REQUIRE(f);
    CHECK(f->remedy == Remedy::none);
    CHECK(fix().empty());
    CHECK(testing::slurp(month()) == text);
    CHECK_FALSE(without_markers(text, month()).has_value());
}

TEST_CASE_FIXTURE(Doctor, "a record that runs on past the end of a conflict is a cut too") {
    Record a = moment_record("a");
    std::string text = header + to_toml(a) + "\n" +
                       conflict("[[entry]]\nid = \"bbbb\"\nkind = \"moment\"\n",
                                "[[entry]]\nid = \"cccc\"\nkind = \"moment\"\n") +
                       "day = 2026-11-27\nat = 2026-11-27T21:00:00+01:00\n";
    testing::spit(month(), text);
    CHECK(finding(check_home(fs, home), "cut through a record"));
    CHECK(fix().empty());
    CHECK(testing::slurp(month()) == text);
}

TEST_CASE_FIXTURE(Doctor, "a conflict that brought a forgotten record back loses its lines again") {
    Record a = moment_record("a"), secret = moment_record("secret words"), c = moment_record("c");
    Record tombstone = forget_record(secret.id, friday, evening);
    testing::spit(month(), header + to_toml(a) + "\n" +
                               conflict(to_toml(tombstone), to_toml(secret) + "\n" + to_toml(c)));
    auto done = fix();
    REQUIRE(done.size() == 1);
    CHECK(done[0].find("the lines of 1 forgotten record the merge brought back are gone again") !=
          std::string::npos);
    const std::string after = testing::slurp(month());
    CHECK(after.find("secret words") == std::string::npos);
    CHECK(ids(month()) == std::vector<std::string>{a.id, tombstone.id, c.id});
}

TEST_CASE_FIXTURE(Doctor, "markers in a sync tool's copy are taken out and the copy folded in") {
    Record a = moment_record("a"), b = moment_record("b"), c = moment_record("c");
    journal.append(a);
    const std::string copy = home.journal_dir() + "/2026-11.sync-conflict-20261127-213000-ABC.toml";
    testing::spit(copy, header + to_toml(a) + "\n" + conflict(to_toml(b), to_toml(c)));
    auto done = fix();
    REQUIRE(done.size() == 2);
    CHECK(done[0].find(copy + ": merge-conflict markers taken out") == 0);
    CHECK(done[1].find(copy + ": its records are in its month now") == 0);
    CHECK(ids(month()) == std::vector<std::string>{a.id, b.id, c.id});
    CHECK(check_home(fs, home).findings.empty());
}

TEST_CASE_FIXTURE(Doctor, "doctor fix drops a byte order mark and changes no other byte") {
    const std::string text = header + to_toml(moment_record("a"));
    testing::spit(month(), "\xEF\xBB\xBF" + text);
    Checkup c = check_home(fs, home);
    const Finding* f = finding(c, "byte-order mark");
    REQUIRE(f);
    CHECK(f->remedy == Remedy::byte_order_mark);
    auto done = fix();
    REQUIRE(done.size() == 1);
    CHECK(done[0] == month() + ": the byte-order mark at its start is dropped (no other byte "
                               "changed)");
    CHECK(testing::slurp(month()) == text);
    struct stat st {};
    REQUIRE(::stat(month().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(check_home(fs, home).findings.empty());
}

TEST_CASE_FIXTURE(Doctor, "the journal rewrites a copy of a month but no file of another month") {
    Record a = moment_record("a");
    journal.append(a);
    const std::string copy = home.journal_dir() + "/2026-11 (conflicted copy).toml";
    const std::string text = header + to_toml(a);
    testing::spit(copy, text);
    CHECK(journal.rewrite_month(YearMonth{2026, 11}, copy, text, header));
    CHECK(testing::slurp(copy) == header);
    CHECK_FALSE(journal.rewrite_month(YearMonth{2026, 11}, copy, text, header));
    CHECK_THROWS_AS(journal.rewrite_month(YearMonth{2026, 10}, copy, header, header), IoError);
    CHECK_THROWS_AS(journal.rewrite_month(YearMonth{2026, 11}, home.config_path(), "", header),
                    IoError);
    CHECK(testing::slurp(copy) == header);
}
