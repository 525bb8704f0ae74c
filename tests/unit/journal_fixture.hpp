#pragma once

// A temporary home with a journal on the real file system and a fake clock
// on a Friday evening: what the journal, durable-write and doctor tests share.

#include "core/record.hpp"
#include "fakes.hpp"
#include "helpers.hpp"
#include "store/journal.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace compassion::testing {

inline const Date friday{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{27}};
inline const TimePoint evening = std::chrono::system_clock::from_time_t(1795809600);

// A moment saying `text`, about `day`, written on Friday evening.
inline Record moment_record(const std::string& text, Date day = friday) {
    Record r = make_record("moment", day, evening);
    r.set("text", text);
    return r;
}

struct JournalHome {
    TempDir tmp;
    RealFileSystem real;
    FakeClock clock{evening};
    Home home{tmp.path() + "/home"};
    Journal journal{real, home, clock, std::chrono::milliseconds{200}};

    // The text of every record the journal shows, in reading order.
    std::vector<std::string> texts() {
        std::vector<std::string> out;
        std::vector<DataError> problems;
        journal.read_all([&](const Entry& e) { out.push_back(e.text("text").value_or("")); },
                         problems);
        return out;
    }
    // The names in `dir`, sorted.
    static std::vector<std::string> names(const std::string& dir) {
        std::vector<std::string> out;
        for (auto& f : std::filesystem::directory_iterator(dir))
            out.push_back(f.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

} // namespace compassion::testing
