#include "fakes.hpp"
#include "term/pager.hpp"
#include "term/wrap.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace compassion;

namespace {

// A terminal window of a chosen size that records what was sent to a pager.
class WindowTerminal : public FakeTerminal {
public:
    WindowTerminal(bool tty, WindowSize size) : FakeTerminal({}, false), tty_(tty), size_(size) {}
    bool stdout_is_tty() const override { return tty_; }
    std::optional<WindowSize> window() const override {
        return tty_ ? std::optional<WindowSize>(size_) : std::nullopt;
    }
    bool pipe_to(const std::string& command, std::string_view text) override {
        pager = command;
        paged += text;
        return starts;
    }
    std::string pager, paged;
    bool starts = true;

private:
    bool tty_;
    WindowSize size_;
};

MapEnvironment env_of(std::map<std::string, std::string> vars) {
    return MapEnvironment(std::move(vars));
}

std::string lines(int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += "line\n";
    return out;
}

} // namespace

TEST_CASE("the pager is COMPASSION_PAGER then PAGER then less") {
    CHECK(*pager_command(env_of({})) == "less -FRX");
    CHECK(*pager_command(env_of({{"PAGER", "more"}})) == "more");
    CHECK(*pager_command(env_of({{"PAGER", "more"}, {"COMPASSION_PAGER", "most -s"}})) ==
          "most -s");
    CHECK_FALSE(pager_command(env_of({{"PAGER", "cat"}})));
    CHECK_FALSE(pager_command(env_of({{"PAGER", " cat "}})));
    CHECK_FALSE(pager_command(env_of({{"COMPASSION_PAGER", ""}, {"PAGER", "less"}})));
}

TEST_CASE("text is taller than a window when its lines and their wrapping need more rows") {
    CHECK_FALSE(taller_than(lines(23), {24, 80})); // one row is left for the prompt
    CHECK(taller_than(lines(24), {24, 80}));
    CHECK(taller_than(lines(12) + std::string(200, 'x') + "\n", {14, 80})); // 3 rows for one line
    CHECK_FALSE(taller_than(lines(12), {14, 80}));
    CHECK_FALSE(taller_than(lines(100), {0, 0})); // a window that does not say its size
}

TEST_CASE("long output goes to the pager only on a terminal and when it does not fit") {
    MapEnvironment env = env_of({{"PAGER", "more"}});
    WindowTerminal tall(true, {24, 80});
    page(tall, env, lines(30), true);
    CHECK(tall.pager == "more");
    CHECK(tall.paged == lines(30));
    CHECK(tall.stdout_text.empty());

    WindowTerminal fits(true, {24, 80});
    page(fits, env, lines(5), true);
    CHECK(fits.pager.empty());
    CHECK(fits.stdout_text == lines(5));

    WindowTerminal piped(false, {24, 80});
    page(piped, env, lines(30), true);
    CHECK(piped.pager.empty());
    CHECK(piped.stdout_text == lines(30));
}

TEST_CASE("no pager with --no-pager or PAGER=cat") {
    WindowTerminal refused(true, {24, 80});
    page(refused, env_of({}), lines(30), false);
    CHECK(refused.pager.empty());
    CHECK(refused.stdout_text == lines(30));

    WindowTerminal cat(true, {24, 80});
    page(cat, env_of({{"PAGER", "cat"}}), lines(30), true);
    CHECK(cat.pager.empty());
    CHECK(cat.stdout_text == lines(30));
}

TEST_CASE("a pager that cannot start is named and the text still shown") {
    WindowTerminal term(true, {24, 80});
    term.starts = false;
    page(term, env_of({{"PAGER", "nosuchpager"}}), lines(30), true);
    CHECK(term.stdout_text == lines(30));
    CHECK(term.stderr_text ==
          "compassion: warning: the pager 'nosuchpager' could not be started; showing the text as "
          "it is\n");
}

TEST_CASE("prose is as wide as the terminal and never wider than 80 columns") {
    CHECK(output_width(WindowTerminal(true, {24, 50})) == 50);
    CHECK(output_width(WindowTerminal(true, {24, 137})) == 80);
    CHECK(output_width(WindowTerminal(false, {24, 137})) == 80);
}

TEST_CASE("wrapping breaks at spaces and keeps indents line breaks and quoted commands") {
    CHECK(wrap("one two three four", 9) == "one two\nthree\nfour");
    CHECK(wrap("one two three", 10, "  ") == "  one two\n  three");
    CHECK(wrap("a\nb c", 80, "  ") == "  a\n  b c");
    CHECK(wrap("try `compassion review --month` now", 20) ==
          "try\n`compassion review --month`\nnow");
    CHECK(wrap("unbreakable-long-word here", 5) == "unbreakable-long-word\nhere");
    CHECK(wrap("", 10, "  ").empty());
}

TEST_CASE("display width counts characters and skips colour") {
    CHECK(display_width("▪▫·") == 3);
    CHECK(display_width("\x1b[1mbold\x1b[0m") == 4);
    CHECK(display_width("é") == 1);
}
