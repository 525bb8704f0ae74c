#include "core/kinds/practice.hpp"

#include "core/exercises.hpp"
#include "core/kinds/qualities.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <tuple>

namespace compassion {

namespace {

constexpr std::array<FieldInfo, 6> practice_fields = {{{"practice", false},
                                                       {"seconds", false},
                                                       {"completed", false},
                                                       {"moment", false},
                                                       {"quality", false},
                                                       {"exercise", false}}};
constexpr std::array<FieldInfo, 2> noticed_fields = {{{"ref", false}, {"text", true}}};

constexpr std::array<std::string_view, 3> practice_order = {"kindness", "recall", "quality"};

std::size_t practice_rank(const std::string& kind) {
    auto it = std::find(practice_order.begin(), practice_order.end(), kind);
    return static_cast<std::size_t>(it - practice_order.begin());
}

// One of the three practices, time that is not negative, a quality of the
// four and one of its exercises.
std::optional<RuleProblem> practice_problem(FieldSpan fields, const RuleContext&) {
    if (const auto* v = field_of(fields, "practice")) {
        const auto* name = std::get_if<std::string>(v);
        if (!name ||
            std::find(practice_order.begin(), practice_order.end(), *name) == practice_order.end())
            return RuleProblem{"practice",
                               fmt::format("{}: a practice is {}", field_assignment("practice", *v),
                                           fmt::join(practice_order, ", "))};
    }
    if (const auto* v = field_of(fields, "seconds")) {
        const auto* seconds = std::get_if<std::int64_t>(v);
        if (!seconds || *seconds < 0)
            return RuleProblem{"seconds", field_assignment("seconds", *v) +
                                              ": a number of seconds, 0 or more"};
    }
    std::optional<Quality> quality;
    if (const auto* v = field_of(fields, "quality")) {
        const auto* key = std::get_if<std::string>(v);
        if (!key || !(quality = find_quality(*key)))
            return RuleProblem{"quality",
                               fmt::format("{}: the quality is one of {}",
                                           field_assignment("quality", *v), quality_keys_text())};
    }
    if (const auto* v = field_of(fields, "exercise")) {
        const auto* n = std::get_if<std::int64_t>(v);
        auto count = quality ? static_cast<std::int64_t>(exercises_for(quality->key).size()) : 0;
        if (!n || *n < 0 || (quality && *n >= count))
            return RuleProblem{
                "exercise",
                quality ? fmt::format("{}: {}'s exercises are numbered 0 to {}",
                                      field_assignment("exercise", *v), quality->key, count - 1)
                        : field_assignment("exercise", *v) + ": an exercise's number, 0 or more"};
    }
    return std::nullopt;
}

} // namespace

const KindInfo practice_info{practice_kind, "practice session", practice_fields, practice_problem};
const KindInfo noticed_info{noticed_kind, "what you noticed", noticed_fields};

Record practice_record(const PracticeSession& p, TimePoint now) {
    Record r = make_record(std::string(practice_kind), p.day, now);
    r.set("practice", p.practice).set("seconds", p.seconds).set("completed", p.completed);
    if (!p.moment.empty())
        r.set("moment", p.moment);
    if (!p.quality.empty())
        r.set("quality", p.quality);
    if (p.exercise)
        r.set("exercise", *p.exercise);
    return r;
}

std::optional<PracticeSession> practice_from(const Entry& entry) {
    if (entry.kind != practice_kind)
        return std::nullopt;
    PracticeSession p;
    p.read_header(entry);
    p.practice = entry.text("practice").value_or("");
    p.seconds = std::max<std::int64_t>(entry.integer("seconds").value_or(0), 0);
    p.completed = entry.flag("completed").value_or(false);
    p.moment = entry.text("moment").value_or("");
    p.quality = entry.text("quality").value_or("");
    p.exercise = entry.integer("exercise");
    return p;
}

Record noticed_record(const std::string& ref, Date day, const std::string& text, TimePoint now) {
    return make_record(std::string(noticed_kind), day, now).set("ref", ref).set("text", text);
}

std::optional<Showing> showing_from(const Entry& entry) {
    if (entry.kind != practice_kind || entry.text_view("practice") != "recall")
        return std::nullopt;
    auto id = entry.text("moment");
    if (!id)
        return std::nullopt;
    return Showing{*id, entry.stamp()};
}

void PracticeTally::add(const Entry& e) {
    std::string_view kind = e.text_view("practice").value_or("");
    if (kind.empty())
        return;
    auto it = std::find_if(by_kind_.begin(), by_kind_.end(),
                           [&](const PracticeSummary& p) { return p.kind == kind; });
    if (it == by_kind_.end()) {
        by_kind_.push_back(PracticeSummary{std::string(kind), 0, 0, 0, 0});
        it = by_kind_.end() - 1;
    }
    bool completed = e.flag("completed").value_or(false);
    std::int64_t secs = std::max<std::int64_t>(e.integer("seconds").value_or(0), 0);
    if (printed_as_text(secs, completed)) {
        ++it->printed;
        return;
    }
    ++it->sessions;
    if (completed)
        ++it->completed;
    it->seconds += secs;
}

std::vector<PracticeSummary> PracticeTally::result() const {
    std::vector<PracticeSummary> out = by_kind_;
    std::sort(out.begin(), out.end(), [](const PracticeSummary& a, const PracticeSummary& b) {
        return std::make_tuple(practice_rank(a.kind), a.kind) <
               std::make_tuple(practice_rank(b.kind), b.kind);
    });
    return out;
}

} // namespace compassion
