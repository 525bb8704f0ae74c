#include "core/kinds/kinds.hpp"

#include "core/kinds/checkin.hpp"
#include "core/kinds/forget.hpp"
#include "core/kinds/moment.hpp"
#include "core/kinds/note.hpp"
#include "core/kinds/practice.hpp"
#include "core/kinds/qualities.hpp"
#include "core/kinds/reframe.hpp"
#include "core/kinds/showup.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace compassion {

bool KindInfo::free_text(std::string_view key) const {
    return std::any_of(fields.begin(), fields.end(),
                       [&](const FieldInfo& f) { return f.key == key && f.free_text; });
}

std::span<const KindInfo> record_kinds() {
    static const std::array<KindInfo, 11> kinds = {
        checkin_info,     qualities_info,   moment_info,   reframe_info,
        repair_step_info, repair_done_info, practice_info, noticed_info,
        note_info,        showup_info,      forget_info,
    };
    return kinds;
}

const KindInfo* find_kind(std::string_view name) {
    auto kinds = record_kinds();
    auto it =
        std::find_if(kinds.begin(), kinds.end(), [&](const KindInfo& k) { return k.name == name; });
    return it == kinds.end() ? nullptr : &*it;
}

const FieldValue* field_of(FieldSpan fields, std::string_view key) {
    for (const auto& [k, v] : fields)
        if (k == key)
            return &v;
    return nullptr;
}

std::string field_assignment(std::string_view key, const FieldValue& value) {
    return fmt::format("{} = {}", key, toml_value(value));
}

std::optional<RuleProblem> rule_problem(const KindInfo& kind, FieldSpan fields,
                                        const RuleContext& context) {
    // Any TOML 1.0 parser must read every file the tool writes.
    for (const auto& [key, value] : fields)
        if (const Date* d = std::get_if<Date>(&value);
            d && (d->year() < std::chrono::year{1} || d->year() > std::chrono::year{9999}))
            return RuleProblem{key, field_assignment(key, value) +
                                        ": a date from 0001-01-01 to 9999-12-31"};
    return kind.problem ? kind.problem(fields, context) : std::nullopt;
}

} // namespace compassion
