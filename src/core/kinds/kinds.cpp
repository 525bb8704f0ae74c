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

} // namespace compassion
