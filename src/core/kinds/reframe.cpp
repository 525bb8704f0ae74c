#include "core/kinds/reframe.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace compassion {

namespace {

constexpr std::array<FieldInfo, 7> reframe_fields = {{{"what", true},
                                                      {"impact", true},
                                                      {"need", true},
                                                      {"repair", true},
                                                      {"differently", true},
                                                      {"kind_words", true},
                                                      {"follow_up", false}}};
constexpr std::array<FieldInfo, 2> repair_step_fields = {{{"ref", false}, {"text", true}}};
constexpr std::array<FieldInfo, 2> repair_done_fields = {{{"ref", false}, {"note", true}}};

} // namespace

const KindInfo reframe_info{reframe_kind, "reframe", reframe_fields};
const KindInfo repair_step_info{repair_step_kind, "repair step", repair_step_fields};
const KindInfo repair_done_info{repair_done_kind, "repair closed", repair_done_fields};

// Shame says "I am bad"; guilt says "what I did caused harm". The questions
// look at the harm plainly, and at the behaviour, never at the person.
const std::array<ReframePart, 6> reframe_parts = {{
    {"what", "what", "What happened? What you did or said, as a camera would have seen it.",
     &Reframe::what},
    {"impact", "impact", "Who was hurt or affected by it, and how?", &Reframe::impact},
    {"need", "need", "What were you needing just then? (rest, being heard, getting it right...)",
     &Reframe::need},
    {"repair", "repair", "What could help repair the harm? A first step is enough.",
     &Reframe::repair},
    {"differently", "differently", "What would help make sure it does not happen again?",
     &Reframe::differently},
    {"kind-words", "kind_words",
     "What would you say to a good friend in your place? Say it to yourself.",
     &Reframe::kind_words},
}};

Record reframe_record(const Reframe& r, TimePoint now) {
    Record record = make_record(std::string(reframe_kind), r.day, now);
    for (const auto& part : reframe_parts) {
        const std::string& value = r.*part.field;
        if (part.key == "what" || !value.empty())
            record.set(std::string(part.key), value);
    }
    if (r.follow_up)
        record.set("follow_up", *r.follow_up);
    return record;
}

std::optional<Reframe> reframe_from(const Entry& entry) {
    if (entry.kind != reframe_kind)
        return std::nullopt;
    Reframe r;
    r.read_header(entry);
    for (const auto& part : reframe_parts)
        r.*part.field = entry.text(part.key).value_or("");
    r.follow_up = entry.date("follow_up");
    return r;
}

Record repair_step_record(const std::string& ref, Date day, const std::string& text,
                          TimePoint now) {
    return make_record(std::string(repair_step_kind), day, now).set("ref", ref).set("text", text);
}

Record repair_done_record(const std::string& ref, Date day, const std::string& note,
                          TimePoint now) {
    Record r = make_record(std::string(repair_done_kind), day, now).set("ref", ref);
    if (!note.empty())
        r.set("note", note);
    return r;
}

std::optional<RepairStep> repair_step_from(const Entry& entry) {
    if (entry.kind != repair_step_kind)
        return std::nullopt;
    auto ref = entry.text("ref");
    if (!ref)
        return std::nullopt;
    return RepairStep{*ref, entry.day, entry.text("text").value_or(""), entry.stamp()};
}

void RepairBook::add(const Entry& e) {
    if (auto r = reframe_from(e))
        add(std::move(*r));
    else if (auto step = repair_step_from(e))
        add_step(std::move(*step));
    else if (e.kind == repair_done_kind)
        if (auto ref = e.text("ref"))
            add_done(*ref, e.day, e.stamp().at);
}

void RepairBook::add(Reframe reframe) {
    reframes_.push_back(std::move(reframe));
}

void RepairBook::add_done(std::string ref, Date day, std::int64_t at) {
    done_.push_back(Done{std::move(ref), day, at});
}

void RepairBook::add_step(RepairStep step) {
    steps_.push_back(std::move(step));
}

const Reframe* RepairBook::find(std::string_view id) const {
    for (const auto& r : reframes_)
        if (r.id == id)
            return &r;
    return nullptr;
}

std::optional<Date> RepairBook::done_on(const std::string& id) const {
    std::optional<Date> first;
    for (const auto& d : done_)
        if (d.ref == id && (!first || d.day < *first))
            first = d.day;
    return first;
}

std::optional<std::int64_t> RepairBook::closed_at(const std::string& id) const {
    std::optional<std::int64_t> first;
    for (const auto& d : done_)
        if (d.ref == id && d.at != 0 && (!first || d.at < *first))
            first = d.at;
    return first;
}

std::vector<const RepairStep*> RepairBook::steps_of(const std::string& id) const {
    std::vector<const RepairStep*> out;
    for (const auto& step : steps_)
        if (step.ref == id)
            out.push_back(&step);
    std::stable_sort(out.begin(), out.end(),
                     [](const RepairStep* a, const RepairStep* b) { return a->stamp < b->stamp; });
    return out;
}

std::vector<const Reframe*> RepairBook::open() const {
    std::vector<const Reframe*> out;
    for (const auto& r : reframes_)
        if ((r.follow_up || !r.repair.empty() || !steps_of(r.id).empty()) && !done_on(r.id))
            out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const Reframe* a, const Reframe* b) {
        if (a->follow_up && b->follow_up)
            return *a->follow_up < *b->follow_up;
        if (a->follow_up || b->follow_up)
            return a->follow_up.has_value();
        return std::tie(a->day, a->at_seconds, a->order) <
               std::tie(b->day, b->at_seconds, b->order);
    });
    return out;
}

const Reframe* RepairBook::only_open() const {
    auto open_now = open();
    return open_now.size() == 1 ? open_now.front() : nullptr;
}

void RepairTally::add(const Entry& e) {
    if (e.kind == repair_done_kind) {
        if (auto ref = e.text_view("ref")) {
            std::erase_if(open_, [&](const OpenRepair& r) { return r.id == *ref; });
            closed_.emplace(*ref);
        }
        return;
    }
    auto follow_up = e.date("follow_up");
    if (!follow_up || closed_.count(e.id))
        return;
    OpenRepair r;
    r.id = e.id;
    r.day = e.day;
    r.follow_up = *follow_up;
    r.what = e.text_view("what").value_or("");
    r.repair = e.text_view("repair").value_or("");
    open_.push_back(std::move(r));
}

std::vector<OpenRepair> RepairTally::result() {
    std::vector<OpenRepair> out = std::move(open_);
    std::sort(out.begin(), out.end(), [](const OpenRepair& a, const OpenRepair& b) {
        return std::tie(a.follow_up, a.day, a.id) < std::tie(b.follow_up, b.day, b.id);
    });
    return out;
}

} // namespace compassion
