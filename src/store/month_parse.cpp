#include "store/month_parse.hpp"

#include "core/errors.hpp"
#include "core/month_reader.hpp"
#include "core/nesting.hpp"
#include "core/toml_parse.hpp"

#include <fmt/format.h>

namespace compassion {

toml::table parse_month(const std::string& text, const std::string& path) {
    if (auto deep = too_deep(text))
        throw DataError(SourcePos{path, deep->line, deep->column},
                        fmt::format("keys or values nest more than {} levels deep here; "
                                    "compassion reads no deeper",
                                    max_toml_nesting));
    // No source path (it costs about 8% of the parse); errors name `path`.
    return parse_toml_text(text, path);
}

std::size_t count_entries(const toml::table& doc) {
    if (auto arr = doc["entry"].as_array())
        return arr->size();
    return 0;
}

std::size_t count_month(const std::string& text, const std::string& path) {
    if (auto count = count_month_fast(text))
        return *count;
    return count_entries(parse_month(text, path));
}

bool is_journal_temp_name(std::string_view name) {
    return name.size() > 1 && name[0] == '.' && name.find(".tmp.") != name.npos;
}

} // namespace compassion
