#include "render/render.hpp"

#include <fmt/format.h>

namespace compassion {

namespace {

// Control characters made visible as the text report shows them (ESC as ^[,
// NUL as ^@, DEL as ^?, a C1 control as ?), except the ones in `kept`, which
// the format encodes itself. Nothing in a table may clear a screen or write
// to a clipboard (OSC 52) when it is printed to a terminal.
std::string visible_controls(std::string_view text, std::string_view kept) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 || c == 0x7f) && kept.find(static_cast<char>(c)) == std::string_view::npos) {
            out += '^';
            out += static_cast<char>(c ^ 0x40);
        } else if (c == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += '?';
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

} // namespace

std::string csv_field(std::string_view raw) {
    const std::string text = visible_controls(raw, "\r\n");
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string tsv_field(std::string_view raw) {
    const std::string text = visible_controls(raw, "\t\n\r");
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

constexpr std::size_t batch_bytes = 64 * 1024;

std::string answer_cell(const std::optional<Answer>& a) {
    if (!a || *a == Answer::unsure)
        return "";
    return *a == Answer::done ? "1" : "0";
}

// The shared shape of TSV and CSV: `field` quotes, `sep` separates, `eol` ends a row.
// Rows go to `sink` a batch at a time.
void table(const Summary& s, bool redact, std::string (*field)(std::string_view), char sep,
           std::string_view eol, const Sink& sink) {
    std::string out;
    auto row = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i)
                out += sep;
            out += field(cells[i]);
        }
        out += eol;
    };
    std::vector<std::string> header{"date"};
    for (const auto& item : s.items)
        header.push_back(item.name);
    header.emplace_back("showed_up");
    if (!redact)
        header.emplace_back("note");
    row(header);
    for (const auto& day : s.days) {
        std::vector<std::string> cells{format_date(day.day)};
        for (std::size_t i = 0; i < s.items.size(); ++i)
            cells.push_back(answer_cell(s.answer(day, i)));
        cells.push_back(day.rating ? std::to_string(day.rating) : "");
        if (!redact)
            cells.emplace_back(s.note(day));
        row(cells);
        if (out.size() >= batch_bytes) {
            sink(out);
            out.clear();
        }
    }
    sink(out);
}

std::string collected(const std::function<void(const Sink&)>& report) {
    std::string text;
    report([&](std::string_view piece) { text += piece; });
    return text;
}

} // namespace

void tsv_report(const Summary& summary, bool redact, const Sink& sink) {
    table(summary, redact, tsv_field, '\t', "\n", sink);
}

void csv_report(const Summary& summary, bool redact, const Sink& sink) {
    table(summary, redact, csv_field, ',', "\r\n", sink);
}

std::string tsv_report(const Summary& summary, bool redact) {
    return collected([&](const Sink& sink) { tsv_report(summary, redact, sink); });
}

std::string csv_report(const Summary& summary, bool redact) {
    return collected([&](const Sink& sink) { csv_report(summary, redact, sink); });
}

} // namespace compassion
