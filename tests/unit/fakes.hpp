#pragma once

// Fakes for the seams a run talks to: the clock, the terminal and the
// environment. They live with the tests; production has only the real ones.

#include "core/clock.hpp"
#include "core/environment.hpp"
#include "term/terminal.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// A clock tests can set and that moves only when told to (or when "slept").
class FakeClock : public Clock {
public:
    explicit FakeClock(TimePoint start) : now_(start) {}
    TimePoint now() override { return now_; }
    void sleep_for(std::chrono::milliseconds duration) override { now_ += duration; }
    void advance(std::chrono::seconds s) { now_ += s; }

private:
    TimePoint now_;
};

// A scripted terminal for tests: answers come from a list, output is kept.
class FakeTerminal : public Terminal {
public:
    explicit FakeTerminal(std::vector<std::string> answers = {}, bool interactive = true)
        : answers_(std::move(answers)), interactive_(interactive) {}
    bool interactive() const override { return interactive_; }
    bool stdout_is_tty() const override { return false; }
    bool stderr_is_tty() const override { return false; }
    std::optional<std::string> read_line() override {
        if (next_ >= answers_.size())
            return std::nullopt;
        if (show_enter)
            stderr_text += '\n';
        return answers_[next_++];
    }
    void out(std::string_view text) override { stdout_text += text; }
    void say(std::string_view text) override { stderr_text += text; }

    std::string stdout_text;
    std::string stderr_text;
    // Ends the line after each answer, as a terminal does when Enter is
    // pressed, so tests can measure the lines a person sees.
    bool show_enter = false;

private:
    std::vector<std::string> answers_;
    std::size_t next_ = 0;
    bool interactive_;
};

// Environment variables from a map.
class MapEnvironment : public Environment {
public:
    explicit MapEnvironment(std::map<std::string, std::string> vars) : vars_(std::move(vars)) {}
    std::optional<std::string> get(const std::string& name) const override {
        auto it = vars_.find(name);
        if (it == vars_.end())
            return std::nullopt;
        return it->second;
    }

private:
    std::map<std::string, std::string> vars_;
};

} // namespace compassion
