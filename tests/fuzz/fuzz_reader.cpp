// libFuzzer target: the fast month reader against toml++. Whatever the bytes,
// when the fast reader accepts them toml++ must accept them too and read the
// same entries, counting must agree with reading, and reading a span of days
// must give exactly those days' entries.
#include "../unit/toml_reference.hpp"
#include "core/month_reader.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace compassion;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto fast = read_month_fast(text);
    auto count = count_month_fast(text);
    if (fast.has_value() != count.has_value() || (fast && fast->array_size != *count))
        std::abort();
    if (!fast)
        return 0;
    auto reference = testing::toml_reference(text);
    if (!reference || !testing::same_entries(*fast, *reference))
        std::abort();
    using namespace std::chrono;
    const DaySpan span{Date{year{2026}, month{11}, day{10}}, Date{year{2026}, month{11}, day{20}}};
    auto some = read_month_fast(text, span);
    MonthEntries wanted;
    wanted.array_size = fast->array_size;
    for (const auto& e : fast->entries)
        if (e.day >= span.first && e.day <= span.last)
            wanted.entries.push_back(e);
    if (!some || !testing::same_entries(*some, wanted))
        std::abort();
    return 0;
}
