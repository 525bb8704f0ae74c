#include "core/kinds/forget.hpp"

#include <array>

namespace compassion {

namespace {
constexpr std::array<FieldInfo, 1> forget_fields = {{{"ref", false}}};
} // namespace

const KindInfo forget_info{forget_kind, "forgotten record", forget_fields};

Record forget_record(const std::string& ref, Date day, TimePoint now) {
    return make_record(std::string(forget_kind), day, now).set("ref", ref);
}

std::optional<Forget> forget_from(const Entry& entry) {
    if (entry.kind != forget_kind)
        return std::nullopt;
    auto ref = entry.text("ref");
    if (!ref || ref->empty())
        return std::nullopt;
    Forget f;
    f.read_header(entry);
    f.ref = *ref;
    return f;
}

} // namespace compassion
