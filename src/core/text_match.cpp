#include "core/text_match.hpp"

#include <algorithm>

namespace compassion {

std::string fold_case(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + 32);
            continue;
        }
        if (c < 0xC0 || i + 1 >= out.size())
            continue;
        auto next = static_cast<unsigned char>(out[i + 1]);
        auto set = [&](unsigned lead, unsigned trail) {
            out[i] = static_cast<char>(lead);
            out[i + 1] = static_cast<char>(trail);
        };
        if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) // À-Þ, not ×
            set(0xC3, next + 0x20u);
        else if (c == 0xCE && next >= 0x91 && next <= 0x9F) // Α-Ο
            set(0xCE, next + 0x20u);
        else if (c == 0xCE && next >= 0xA0 && next <= 0xA9 && next != 0xA2) // Π-Ω
            set(0xCF, next - 0x20u);
        else if (c == 0xD0 && next >= 0x80 && next <= 0x8F) // Ѐ-Џ
            set(0xD1, next + 0x10u);
        else if (c == 0xD0 && next >= 0x90 && next <= 0x9F) // А-П
            set(0xD0, next + 0x20u);
        else if (c == 0xD0 && next >= 0xA0 && next <= 0xAF) // Р-Я
            set(0xD1, next - 0x20u);
        // Skip the rest of this character.
        std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        i += length - 1;
    }
    return out;
}

TextMatch::TextMatch(std::string_view needle, bool case_sensitive)
    : needle_(case_sensitive ? std::string(needle) : fold_case(needle)), exact_(case_sensitive),
      ascii_needle_(std::all_of(needle_.begin(), needle_.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {}

bool TextMatch::in(std::string_view text) const {
    if (exact_)
        return text.find(needle_) != text.npos;
    // An ASCII needle can only match ASCII bytes, and no other letter folds
    // to one: folding A-Z alone is enough, a window at a time, with no copy
    // of the whole text (find searches month files this way).
    constexpr std::size_t window = 4096;
    const std::size_t n = needle_.size();
    if (!ascii_needle_ || n > window / 2)
        return fold_case(text).find(needle_) != std::string::npos;
    if (n == 0)
        return true;
    char folded[window];
    for (std::size_t start = 0; start < text.size();) {
        std::size_t size = std::min(window, text.size() - start);
        for (std::size_t i = 0; i < size; ++i) {
            char c = text[start + i];
            folded[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
        }
        if (std::string_view(folded, size).find(needle_) != std::string_view::npos)
            return true;
        if (start + size >= text.size())
            return false;
        // Windows overlap by the needle's length less one, so no match is cut.
        start += size >= n ? size - (n - 1) : size;
    }
    return false;
}

std::vector<std::pair<std::size_t, std::size_t>> TextMatch::all(std::string_view text) const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::string folded = exact_ ? std::string(text) : fold_case(text);
    if (needle_.empty())
        return out;
    for (std::size_t at = folded.find(needle_); at != std::string::npos;
         at = folded.find(needle_, at + needle_.size()))
        out.emplace_back(at, needle_.size());
    return out;
}

} // namespace compassion
