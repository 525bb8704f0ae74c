#include "core/errors.hpp"
#include "core/record_lines.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace compassion;

namespace {

const std::string header = "# compassion journal, 2026-11. One [[entry]] per record, oldest "
                           "first;\n# see `man 5 compassion`. New records are added at the end.\n";

std::string block(const std::string& id, const std::string& text) {
    return "[[entry]]\nid = \"" + id + "\"\nkind = \"moment\" # " + id + "\nday = 2026-11-20 # " +
           id + "\nat = 2026-11-20T21:00:00+01:00 # " + id + "\ntext = \"" + text + "\" # " + id +
           "\n";
}

std::string crlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

} // namespace

TEST_CASE("forgetting removes exactly a record's block and its separating blank line") {
    std::string a = block("aaaa000000", "first"), b = block("bbbb000000", "second"),
                c = block("cccc000000", "third");
    std::string text = header + "\n" + a + "\n" + b + "\n" + c;
    std::vector<std::string> removed;
    CHECK(without_records(text, {"bbbb000000"}, "m.toml", &removed) ==
          header + "\n" + a + "\n" + c);
    CHECK(removed == std::vector<std::string>{"bbbb000000"});
    CHECK(without_records(text, {"aaaa000000"}, "m.toml") == header + "\n" + b + "\n" + c);
    CHECK(without_records(text, {"cccc000000"}, "m.toml") == header + "\n" + a + "\n" + b);
    CHECK(without_records(text, {"aaaa000000", "cccc000000"}, "m.toml") == header + "\n" + b);
}

TEST_CASE("an id the file does not hold changes nothing") {
    std::string text = header + "\n" + block("aaaa000000", "first");
    std::vector<std::string> removed{"stale"};
    CHECK(without_records(text, {"zzzz000000"}, "m.toml", &removed) == text);
    CHECK(removed.empty());
}

TEST_CASE("CR LF files keep their line endings") {
    std::string a = block("aaaa000000", "first"), b = block("bbbb000000", "second");
    std::string text = crlf(header + "\n" + a + "\n" + b);
    CHECK(without_records(text, {"aaaa000000"}, "m.toml") == crlf(header + "\n" + b));
}

TEST_CASE("hand-edited files keep their comments and odd values") {
    std::string kept = "[[entry]]\n"
                       "  # written by hand\n"
                       "  id = 'kept000000'\n"
                       "  kind = \"moment\"\n"
                       "  day = 2026-11-19\n"
                       "  text = \"\"\"\n"
                       "[[entry]]\n"
                       "id = \"looks like a header\"\n"
                       "\"\"\"\n";
    std::string gone = "[[ entry ]]  # a comment on the header\n"
                       "id = \"gone000000\"\n"
                       "kind = \"moment\"\n"
                       "\n"
                       "day = 2026-11-20\n"
                       "tags = [\n"
                       "  \"[not a header]\",\n"
                       "  [\"nested\"],\n"
                       "]\n"
                       "[entry.extra]\n"
                       "note = 'a sub-table is part of the record'\n";
    std::string trailer = "# a comment about the next record stays\n"
                          "\n"
                          "[[entry]]\n"
                          "id = \"next000000\"\n"
                          "kind = \"moment\"\n"
                          "day = 2026-11-21\n";
    std::string text = kept + "\n" + gone + trailer;
    CHECK(without_records(text, {"gone000000"}, "m.toml") == kept + trailer);
    CHECK(without_records(text, {"kept000000"}, "m.toml") == "\n" + gone + trailer);
}

TEST_CASE("every copy of a record a merge doubled is removed") {
    std::string a = block("aaaa000000", "first"), b = block("bbbb000000", "second");
    std::string text = header + "\n" + a + "\n" + b + "\n" + a;
    CHECK(without_records(text, {"aaaa000000"}, "m.toml") == header + "\n" + b);
}

TEST_CASE("a file that does not parse is refused") {
    CHECK_THROWS_AS(without_records("[[entry]]\nid = \n", {"x"}, "m.toml"), DataError);
}

TEST_CASE("a tombstone whose record is still present is found") {
    std::string a = block("aaaa000000", "first"), b = block("bbbb000000", "second");
    std::string tomb = "[[entry]]\nid = \"tomb000000\"\nkind = \"forget\"\nday = 2026-11-20\n"
                       "ref = \"aaaa000000\"\n";
    CHECK(forgotten_but_present(header + "\n" + a + "\n" + b, "m.toml").empty());
    CHECK(forgotten_but_present(header + "\n" + a + "\n" + b + "\n" + tomb, "m.toml") ==
          std::vector<std::string>{"aaaa000000"});
    CHECK(forgotten_but_present(header + "\n" + b + "\n" + tomb, "m.toml").empty());
}
