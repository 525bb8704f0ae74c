// libFuzzer target: a month file with arbitrary bytes is read, then a record
// is appended to it. Whatever the bytes, reading must not crash, and the
// append must either leave the file byte-identical or keep every old byte and
// add exactly one record that reads back.
#include "../unit/fakes.hpp"
#include "core/record.hpp"
#include "store/journal.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace compassion;

namespace {

std::string home_dir() {
    // tmpfs when there is one: every iteration fsyncs.
    std::string base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
    std::string pattern = base + "/compassion-fuzz-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        std::abort();
    static std::string made = pattern;
    std::atexit([] {
        std::error_code ec;
        std::filesystem::remove_all(made, ec);
    });
    return pattern;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string root = home_dir();
    static RealFileSystem fs;
    static FakeClock clock(std::chrono::system_clock::from_time_t(1795811400));
    const Home home{root};
    prepare_home(fs, home);
    Journal journal(fs, home, clock, std::chrono::milliseconds{100});
    const std::string path = journal.month_path(YearMonth{2026, 11});
    const std::string before(reinterpret_cast<const char*>(data), size);
    { std::ofstream(path, std::ios::binary | std::ios::trunc) << before; }

    std::size_t entries = 0;
    std::vector<DataError> problems;
    journal.read_all([&](const Entry& e) { entries += e.kind.empty() ? 0 : 1; }, problems);
    const bool readable = problems.empty();

    Record record = make_record(
        "moment", Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{27}},
        clock.now());
    record.set("text", before.substr(0, 64)); // hostile text in the record too
    bool appended = false;
    try {
        journal.append(record);
        appended = true;
    } catch (const DataError&) {
        if (readable) // it read fine a moment ago: the append must not call it malformed
            std::abort();
    } catch (const IoError&) {
        // "the new record did not read back": refused, nothing written
    }
    const std::string after = slurp(path);
    if (!appended) {
        if (after != before)
            std::abort();
        return 0;
    }
    if (!readable || after.compare(0, before.size(), before) != 0)
        std::abort();
    bool found = false;
    std::size_t now_entries = 0;
    problems.clear();
    journal.read_all(
        [&](const Entry& e) {
            now_entries += e.kind.empty() ? 0 : 1;
            found = found || e.id == record.id;
        },
        problems);
    if (!problems.empty() || !found || now_entries != entries + 1)
        std::abort();
    return 0;
}
