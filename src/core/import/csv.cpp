#include "core/import/csv.hpp"

#include "core/items.hpp"

namespace compassion {

std::string_view without_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return text;
}

std::vector<CsvRow> read_csv(std::string_view text, std::string* error) {
    text = without_bom(text);
    std::vector<CsvRow> rows;
    std::uint32_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        CsvRow row;
        row.line = line;
        std::string field;
        bool quoted = false;     // inside quotes
        bool was_quoted = false; // this field began with a quote
        bool row_done = false;
        while (!row_done) {
            if (i >= text.size()) {
                if (quoted) {
                    if (error)
                        *error =
                            "line " + std::to_string(row.line) + ": a quoted field is never closed";
                    return rows;
                }
                row_done = true;
                break;
            }
            char c = text[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                    } else {
                        quoted = false;
                        ++i;
                    }
                } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                    field += '\n';
                    ++line;
                    i += 2;
                } else {
                    if (c == '\n')
                        ++line;
                    field += c;
                    ++i;
                }
                continue;
            }
            if (c == '"' && field.empty() && !was_quoted) {
                quoted = was_quoted = true;
                ++i;
            } else if (c == ',') {
                row.fields.push_back(std::move(field));
                field.clear();
                was_quoted = false;
                ++i;
            } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
                i += c == '\r' ? 2 : 1;
                ++line;
                row_done = true;
            } else {
                field += c;
                ++i;
            }
        }
        row.fields.push_back(std::move(field));
        bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank)
            rows.push_back(std::move(row));
    }
    return rows;
}

std::optional<std::size_t> column_of(const std::vector<std::string>& header,
                                     std::string_view name) {
    std::string key = normalize_name(name);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (normalize_name(header[i]) == key)
            return i;
    return std::nullopt;
}

} // namespace compassion
