#include "core/kinds/showup.hpp"

#include "core/errors.hpp"
#include "core/items.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace compassion {

namespace {
constexpr std::array<FieldInfo, 1> showup_fields = {{{"items", false}}};

// The list's own rules, as showup_items checks them when it is set.
std::optional<RuleProblem> showup_problem(FieldSpan fields, const RuleContext& context) {
    const auto* v = field_of(fields, "items");
    if (!v)
        return std::nullopt;
    const auto* items = std::get_if<std::vector<std::string>>(v);
    if (!items)
        return RuleProblem{"items", field_assignment("items", *v) +
                                        ": a list of items, like [\"sleep\", \"time outside\"]"};
    try {
        // Names are split on commas when a list is set, so none holds one.
        for (const auto& name : *items)
            if (name.find(',') != std::string::npos)
                return RuleProblem{"items", "items: an item name has no commas"};
        showup_items(*items, context.max_items ? context.max_items : items->size());
    } catch (const UsageError& e) {
        return RuleProblem{"items", fmt::format("items: {}", e.what())};
    }
    return std::nullopt;
}

} // namespace

const KindInfo showup_info{showup_kind, "show-up list", showup_fields, showup_problem};

Record showup_record(const std::vector<std::string>& items, Date day, TimePoint now) {
    return make_record(std::string(showup_kind), day, now).set("items", items);
}

std::vector<std::string> showup_items(const std::vector<std::string>& typed,
                                      std::size_t max_count) {
    std::vector<std::string> items;
    std::vector<std::string> seen;
    for (const auto& word : typed) {
        for (auto& name : split_list(word)) {
            std::string norm = normalize_name(name);
            if (norm.empty())
                throw UsageError(
                    fmt::format("'{}': an item needs a name with letters or digits", name));
            if (std::find(seen.begin(), seen.end(), norm) != seen.end())
                throw UsageError(
                    fmt::format("'{}' is named twice; each item once is enough", name));
            for (unsigned char c : name)
                if (c < 0x20 || c == 0x7f)
                    throw UsageError("an item name is one line of plain text, without control "
                                     "characters");
            seen.push_back(norm);
            items.push_back(std::move(name));
        }
    }
    if (items.empty())
        throw UsageError("name at least one item, for example: sleep \"time outside\" friends");
    if (items.size() > max_count)
        throw UsageError(fmt::format("{} items is more than the {} the list holds; a short list "
                                     "is easier to keep",
                                     items.size(), max_count));
    return items;
}

bool same_items(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

} // namespace compassion
