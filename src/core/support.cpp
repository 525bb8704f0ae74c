#include "core/support.hpp"

#include <algorithm>

namespace compassion {

bool ratings_stayed_low(std::span<const int> ratings, const SupportSettings& settings) {
    auto window = static_cast<std::size_t>(std::max(settings.window, 1));
    if (ratings.size() > window)
        ratings = ratings.subspan(ratings.size() - window);
    auto low = std::count_if(ratings.begin(), ratings.end(),
                             [&](int r) { return r <= settings.low_at_most; });
    return settings.low_days > 0 && low >= settings.low_days;
}

std::optional<std::string> support_pointer(std::span<const int> ratings,
                                           const SupportSettings& settings) {
    if (!ratings_stayed_low(ratings, settings))
        return std::nullopt;
    if (settings.sentence.empty())
        return std::string(default_support_sentence);
    return settings.sentence;
}

} // namespace compassion
