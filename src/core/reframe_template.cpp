#include "core/reframe_template.hpp"

#include "core/errors.hpp"

#include <charconv>
#include <fmt/format.h>

namespace compassion {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

constexpr std::array<std::string_view, 7> weekday_words = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

bool is_weekday_word(std::string_view word) {
    for (auto name : weekday_words)
        if (word == name || (word.size() == 3 && name.substr(0, 3) == word))
            return true;
    return false;
}

bool is_blank_line(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string_view trim_end(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
    return line;
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            if (start < text.size())
                lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

// Joins lines, dropping blank ones at both ends and trailing spaces at the end.
std::string joined(const std::vector<std::string_view>& lines) {
    std::size_t first = 0, last = lines.size();
    while (first < last && is_blank_line(lines[first]))
        ++first;
    while (last > first && is_blank_line(lines[last - 1]))
        --last;
    std::string out;
    for (std::size_t i = first; i < last; ++i) {
        if (i > first)
            out += '\n';
        out += i + 1 == last ? trim_end(lines[i]) : lines[i];
    }
    return out;
}

} // namespace

Date parse_follow_up(std::string_view text, Date today, std::string_view flag) {
    std::string word = lower(text);
    if (word == "tomorrow")
        return add_days(today, 1);
    if (word.size() > 1 && word[0] == '+') {
        int n = 0;
        auto [end, ec] = std::from_chars(word.data() + 1, word.data() + word.size(), n);
        if (ec != std::errc{} || end != word.data() + word.size() || n > 366 * 10)
            throw UsageError(
                fmt::format("{} {}: use +N with N a number of days, up to ten years", flag, text));
        return add_days(today, n);
    }
    if (is_weekday_word(word)) // the most recent one, a week on
        return add_days(parse_day(word, today, flag), 7);
    try {
        return parse_day(word, today, flag);
    } catch (const UsageError& e) {
        if (std::string_view(e.what()).find("no such date") != std::string_view::npos)
            throw;
        // Short enough for one line of a narrow terminal.
        throw UsageError(
            fmt::format("{} {}: use YYYY-MM-DD, tomorrow, +N or a weekday", flag, text));
    }
}

std::string without_comment_lines(std::string_view text) {
    std::vector<std::string_view> kept;
    for (auto line : lines_of(text))
        if (line.empty() || line[0] != '#')
            kept.push_back(line);
    return joined(kept);
}

std::string reframe_template() {
    std::string text =
        "# From shame to guilt to repair: a look at what happened, not at who you are.\n"
        "# Write under any heading and leave the rest empty; only the first is needed.\n"
        "# Lines starting with '#' are left out. Save and close the editor to keep it;\n"
        "# an empty or unchanged file saves nothing.\n";
    for (const auto& part : reframe_parts)
        text += fmt::format("\n[{}] {}\n\n", part.name, part.question);
    text += fmt::format("\n[follow-up] {}\n\n", follow_up_question);
    return text;
}

Reframe reframe_from_buffer(std::string_view text, Date today) {
    std::vector<std::pair<std::string_view, std::vector<std::string_view>>> sections;
    sections.emplace_back("what", std::vector<std::string_view>{});
    for (auto line : lines_of(text)) {
        if (!line.empty() && line[0] == '#')
            continue;
        if (!line.empty() && line[0] == '[') {
            std::size_t close = line.find(']');
            std::string_view key =
                close == std::string_view::npos ? std::string_view{} : line.substr(1, close - 1);
            if (key == "follow_up")
                key = "follow-up";
            bool known = key == "follow-up";
            for (const auto& part : reframe_parts)
                known = known || key == part.name;
            if (known) {
                sections.emplace_back(key, std::vector<std::string_view>{});
                continue;
            }
        }
        sections.back().second.push_back(line);
    }
    Reframe r;
    r.day = today;
    std::string follow_up;
    for (const auto& [key, lines] : sections) {
        std::string value = joined(lines);
        if (value.empty())
            continue;
        std::string* target = &follow_up;
        for (const auto& part : reframe_parts)
            if (key == part.name)
                target = &(r.*part.field);
        if (!target->empty())
            *target += "\n\n";
        *target += value;
    }
    if (!follow_up.empty()) {
        std::string first_line = follow_up.substr(0, follow_up.find('\n'));
        r.follow_up = parse_follow_up(first_line, today, "[follow-up]");
    }
    if (r.what.empty() && (!is_blank(r) || r.follow_up))
        throw UsageError("[what] is empty: a few words on what happened are all the "
                         "reflection needs to be kept");
    return r;
}

bool is_blank(const Reframe& r) {
    for (const auto& part : reframe_parts)
        if (!(r.*part.field).empty())
            return false;
    return true;
}

} // namespace compassion
