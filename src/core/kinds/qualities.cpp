#include "core/kinds/qualities.hpp"

#include <fmt/format.h>
#include <tuple>

namespace compassion {

namespace {

constexpr std::array<FieldInfo, 5> qualities_fields = {{{"resilience", false},
                                                        {"positive_emotion", false},
                                                        {"generosity", false},
                                                        {"attention", false},
                                                        {"focus", false}}};

std::optional<int> rating_field(const Entry& e, std::string_view key) {
    if (auto n = e.integer(key); n && is_rating(*n))
        return static_cast<int>(*n);
    return std::nullopt;
}

// Each quality rated from 1 to 5; the focus one of the four.
std::optional<RuleProblem> qualities_problem(FieldSpan fields, const RuleContext&) {
    for (const auto& q : qualities)
        if (const auto* v = field_of(fields, q.key)) {
            const auto* n = std::get_if<std::int64_t>(v);
            if (!n || !is_rating(*n))
                return RuleProblem{std::string(q.key),
                                   fmt::format("{}: each quality is rated from {} to {}",
                                               field_assignment(q.key, *v), lowest_rating,
                                               highest_rating)};
        }
    if (const auto* v = field_of(fields, "focus")) {
        const auto* focus = std::get_if<std::string>(v);
        if (!focus || !find_quality(*focus))
            return RuleProblem{"focus",
                               fmt::format("{}: the focus is one of {}",
                                           field_assignment("focus", *v), quality_keys_text())};
    }
    return std::nullopt;
}

} // namespace

const KindInfo qualities_info{qualities_kind, "qualities", qualities_fields, qualities_problem};

std::string quality_keys_text() {
    std::string out;
    for (std::size_t i = 0; i < qualities.size(); ++i)
        out += fmt::format("{}{}",
                           i == 0                      ? ""
                           : i + 1 == qualities.size() ? " and "
                                                       : ", ",
                           qualities[i].key);
    return out;
}

Record qualities_record(const QualityRatings& r, TimePoint now) {
    Record record = make_record(std::string(qualities_kind), r.day, now);
    for (std::size_t i = 0; i < qualities.size(); ++i)
        record.set(std::string(qualities[i].key), std::int64_t{r.ratings[i]});
    if (!r.focus.empty())
        record.set("focus", r.focus);
    return record;
}

std::optional<QualityRatings> ratings_from(const Entry& entry) {
    if (entry.kind != qualities_kind)
        return std::nullopt;
    QualityRatings r;
    r.read_header(entry);
    for (std::size_t i = 0; i < qualities.size(); ++i) {
        auto v = entry.integer(qualities[i].key);
        if (!v || !is_rating(*v))
            return std::nullopt;
        r.ratings[i] = static_cast<int>(*v);
    }
    if (auto focus = entry.text("focus"); focus && find_quality(*focus))
        r.focus = std::string(find_quality(*focus)->key);
    return r;
}

void LatestFocus::add(const Entry& e) {
    if (e.kind != qualities_kind)
        return;
    auto key = e.text_view("focus");
    if (!key)
        return;
    auto quality = find_quality(*key);
    if (quality && (!focus_ || stamp_ < e.stamp())) {
        focus_ = quality;
        stamp_ = e.stamp();
    }
}

void LatestRatings::add(const Entry& e) {
    if (auto r = ratings_from(e); r && (!latest_ || r->stamp() > latest_->stamp()))
        latest_ = std::move(r);
}

bool QualitiesTally::Kept::before(const Kept& o) const {
    return std::tie(day, stamp) < std::tie(o.day, o.stamp);
}

void QualitiesTally::add(const Entry& e) {
    Kept k;
    k.day = e.day;
    k.stamp = e.stamp();
    for (std::size_t i = 0; i < qualities.size(); ++i)
        k.ratings[i] = rating_field(e, qualities[i].key);
    ++count_;
    if (!first_ || k.before(*first_))
        first_ = k;
    if (!latest_ || latest_->before(k))
        latest_ = k;
    focus_.add(e);
}

std::optional<QualitiesSummary> QualitiesTally::result() const {
    if (count_ == 0)
        return std::nullopt;
    QualitiesSummary q;
    q.records = count_;
    q.latest_day = latest_->day;
    q.first = first_->ratings;
    q.latest = latest_->ratings;
    if (auto focus = focus_.result())
        q.focus = std::string(focus->key);
    return q;
}

} // namespace compassion
