#include "core/kinds/moment.hpp"

#include "core/rotation.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace compassion {

namespace {
constexpr std::array<FieldInfo, 1> moment_fields = {{{"text", true}}};
} // namespace

const KindInfo moment_info{moment_kind, "saved moment", moment_fields};

Record moment_record(const std::string& text, Date day, TimePoint now) {
    return make_record(std::string(moment_kind), day, now).set("text", text);
}

std::optional<SavedMoment> moment_from(const Entry& entry) {
    if (entry.kind != moment_kind)
        return std::nullopt;
    auto text = entry.text("text");
    if (!text || text->empty())
        return std::nullopt;
    return SavedMoment{entry.id, *text, entry.day, entry.stamp()};
}

std::vector<std::size_t> recall_order(const std::vector<SavedMoment>& moments,
                                      const std::vector<Showing>& showings) {
    std::map<std::string, Stamp> last_shown;
    for (const auto& s : showings) {
        auto [it, added] = last_shown.try_emplace(s.moment_id, s.when);
        if (!added && it->second < s.when)
            it->second = s.when;
    }
    // Never shown sorts before any showing; among those, the oldest saved first.
    auto key = [&](std::size_t i) {
        auto it = last_shown.find(moments[i].id);
        bool shown = it != last_shown.end();
        return std::tuple(shown, shown ? it->second : Stamp{}, moments[i].saved);
    };
    std::vector<std::size_t> order(moments.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return order;
}

void MomentTally::add(const Entry& e) {
    auto text = e.text_view("text");
    if (!text)
        return;
    Kept k;
    k.day = e.day;
    k.stamp = e.stamp();
    k.text_at = static_cast<std::uint32_t>(text_.size());
    k.id_size = static_cast<std::uint32_t>(e.id.size());
    k.text_size = static_cast<std::uint32_t>(text->size());
    text_ += e.id;
    text_ += *text;
    moments_.push_back(k);
}

std::optional<Moment> MomentTally::to_reread(Date today) {
    if (moments_.empty())
        return std::nullopt;
    std::sort(moments_.begin(), moments_.end(), [](const Kept& a, const Kept& b) {
        return std::tie(a.day, a.stamp) < std::tie(b.day, b.stamp);
    });
    const Kept& k = moments_[index_for_day(today, moments_.size(), "review moment")];
    std::string_view text = text_;
    return Moment{std::string(text.substr(k.text_at, k.id_size)), k.day,
                  std::string(text.substr(k.text_at + k.id_size, k.text_size))};
}

} // namespace compassion
