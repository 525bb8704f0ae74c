#include "app_fixture.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>

using namespace compassion;
using testing::Run;

namespace {

// A note that would clear the screen, ring, erase and write to the clipboard.
const std::string hostile =
    "a\x1b[2J\x07\x08\x7f" + std::string(1, '\0') + "\x1b]52;c;aGk=\x07 \xC2\x9B" + "b";

bool has_raw_controls(const std::string& text, std::string_view allowed) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 || c == 0x7f) && allowed.find(static_cast<char>(c)) == std::string::npos)
            return true;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9F)
            return true;
    }
    return false;
}

struct Fixture : testing::AppFixture {
    Fixture() {
        write("config.toml", "items = [\"sle\\u001bep\", \"walk\\u0007\", \"two\\nlines\"]\n");
        write_month("2026-11", "[[entry]]\nid = \"c1\"\nkind = \"checkin\"\nday = 2026-11-27\n"
                               "at = 2026-11-27T21:00:00+01:00\nitems = [\"sle\\u001bep\"]\n"
                               "showed_up = 3\nnote = " +
                                   toml_string(hostile) + "\n");
    }
};

} // namespace

TEST_CASE_FIXTURE(Fixture, "review tables show control characters as the text report does") {
    Run tsv = run({"review", "--format", "tsv"});
    REQUIRE(tsv.status == 0);
    CHECK_FALSE(has_raw_controls(tsv.out, "\t\n"));
    CHECK(tsv.out.find("a^[[2J^G^H^?^@^[]52;c;aGk=^G ?b") != std::string::npos);
    CHECK(tsv.out.find("sle^[ep\twalk^G\ttwo\\nlines\tshowed_up\tnote\n") != std::string::npos);
    std::string_view all(tsv.out);
    for (std::string_view line : {all.substr(0, all.find('\n')), all.substr(all.find('\n') + 1)})
        CHECK(std::count(line.begin(), line.end(), '\t') == 5);

    Run csv = run({"review", "--format", "csv"});
    REQUIRE(csv.status == 0);
    CHECK_FALSE(has_raw_controls(csv.out, "\r\n"));
    CHECK(csv.out.find("a^[[2J^G^H^?^@^[]52;c;aGk=^G ?b") != std::string::npos);
    CHECK(csv.out.find("date,sle^[ep,walk^G,\"two\nlines\",showed_up,note\r\n") == 0);
}

TEST_CASE_FIXTURE(Fixture, "log list-items prints one visible name a line") {
    Run r = run({"log", "--list-items"});
    REQUIRE(r.status == 0);
    CHECK(r.out == "sle^[ep\nwalk^G\ntwo^Jlines\n");
}
