// libFuzzer target: the fast month reader against toml++. Whatever the bytes,
// when the fast reader accepts them toml++ must accept them too and read the
// same entries, and counting must agree with reading.
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
    return 0;
}
