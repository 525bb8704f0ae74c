#include "core/kinds/checkin.hpp"

#include "core/items.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <iterator>

namespace compassion {

namespace {
// `mood` and `activities` come from an import (a Daylio mood word, the
// day's activities that are not show-up items).
constexpr std::array<FieldInfo, 8> checkin_fields = {{{"did", false},
                                                      {"not_done", false},
                                                      {"unsure", false},
                                                      {"showed_up", false},
                                                      {"note", true},
                                                      {"replaces", false},
                                                      {"mood", false},
                                                      {"activities", true}}};
} // namespace

const KindInfo checkin_info{checkin_kind, "check-in", checkin_fields};

std::optional<Answer> Checkin::answer(std::string_view item) const {
    for (const auto& [name, a] : items)
        if (name == item)
            return a;
    return std::nullopt;
}

int Checkin::done_count() const {
    return static_cast<int>(std::count_if(items.begin(), items.end(),
                                          [](const auto& p) { return p.second == Answer::done; }));
}

Record checkin_record(const Checkin& checkin, TimePoint now) {
    Record r = make_record(std::string(checkin_kind), checkin.day, now);
    std::vector<std::string> did, not_done, unsure;
    for (const auto& [name, a] : checkin.items)
        (a == Answer::done ? did : a == Answer::not_done ? not_done : unsure).push_back(name);
    r.set("did", did).set("not_done", not_done).set("unsure", unsure);
    if (checkin.showed_up)
        r.set("showed_up", std::int64_t{*checkin.showed_up});
    if (!checkin.note.empty())
        r.set("note", checkin.note);
    if (!checkin.replaces.empty())
        r.set("replaces", checkin.replaces);
    return r;
}

std::string note_replacing(const std::string& earlier, const std::string& own) {
    return own.empty() ? earlier : own;
}

std::optional<Checkin> checkin_from(const Entry& entry) {
    if (entry.kind != checkin_kind)
        return std::nullopt;
    Checkin c;
    c.read_header(entry);
    for (const auto& name : entry.list("did"))
        c.items.emplace_back(name, Answer::done);
    for (const auto& name : entry.list("not_done"))
        c.items.emplace_back(name, Answer::not_done);
    for (const auto& name : entry.list("unsure"))
        c.items.emplace_back(name, Answer::unsure);
    if (auto n = entry.integer("showed_up"); n && *n >= 1 && *n <= 5)
        c.showed_up = static_cast<int>(*n);
    c.note = entry.text("note").value_or("");
    c.replaces = entry.text("replaces").value_or("");
    return c;
}

void CheckinBook::add(Checkin checkin) {
    if (!checkin.replaces.empty())
        replaced_.insert(checkin.replaces);
    by_day_[std::chrono::sys_days{checkin.day}].push_back(std::move(checkin));
}

const Checkin* CheckinBook::latest(Date day) const {
    auto it = by_day_.find(std::chrono::sys_days{day});
    if (it == by_day_.end())
        return nullptr;
    const auto& list = it->second;
    std::size_t i = counting_checkin(
        list.size(), [&](std::size_t k) { return list[k].stamp(); },
        [&](std::size_t k) { return !list[k].id.empty() && replaced_.count(list[k].id) > 0; });
    return &list[i];
}

bool CheckinBook::from_two_places(Date day) const {
    auto it = by_day_.find(std::chrono::sys_days{day});
    if (it == by_day_.end())
        return false;
    const auto& list = it->second;
    return compassion::from_two_places(list.size(), [&](std::size_t k) {
        return !list[k].id.empty() && replaced_.count(list[k].id) > 0;
    });
}

std::string two_places_line(const std::vector<Date>& days) {
    if (days.empty())
        return {};
    if (days.size() == 1)
        return fmt::format("{} has check-ins from two places (written before they were synced); "
                           "the later one counts.\n",
                           format_date(days.front()));
    return fmt::format("{} days have check-ins from two places (written before they were "
                       "synced); the later one counts for each.\n",
                       days.size());
}

std::vector<Date> CheckinBook::days() const {
    std::vector<Date> out;
    for (const auto& [d, list] : by_day_)
        out.emplace_back(d);
    return out;
}

DayRow& CheckinRows::add_day(Date day, const std::vector<std::optional<Answer>>& answers,
                             std::optional<int> showed_up, std::string_view note) {
    DayRow row;
    row.day = day;
    row.rating = static_cast<std::int8_t>(showed_up.value_or(0));
    row.answer_count = static_cast<std::uint16_t>(answers.size());
    row.answers_at = static_cast<std::uint32_t>(answer_codes.size());
    for (const auto& a : answers) {
        answer_codes.push_back(a ? static_cast<std::uint8_t>(static_cast<int>(*a) + 1) : 0);
        if (a == Answer::done)
            ++row.done;
    }
    row.note_at = static_cast<std::uint32_t>(notes.size());
    row.note_size = static_cast<std::uint32_t>(note.size());
    notes += note;
    days.push_back(row);
    return days.back();
}

CheckinTally::CheckinTally(const std::vector<std::string>& items, bool keep_notes,
                           CheckinRows& rows)
    : keep_notes_(keep_notes), rows_(rows) {
    for (const auto& name : items) {
        rows_.items.push_back(ItemSummary{name, true, 0, 0, 0, {}});
        column_keys_.push_back(normalize_name(name));
    }
}

void CheckinTally::add(const Entry& e) {
    Waiting c;
    c.day = e.day;
    c.id = e.id;
    c.stamp = e.stamp();
    c.items_at = static_cast<std::uint32_t>(waiting_items_.size());
    for (const auto& field :
         {std::pair{"did", Answer::done}, std::pair{"not_done", Answer::not_done},
          std::pair{"unsure", Answer::unsure}}) {
        Answer answer = field.second; // a plain local: clang 14 cannot capture a binding
        e.each_text(field.first, [&](std::string_view name) {
            waiting_items_.emplace_back(name_id(name), answer);
        });
    }
    c.item_count = static_cast<std::uint32_t>(waiting_items_.size() - c.items_at);
    if (auto n = e.integer("showed_up"); n && *n >= 1 && *n <= 5)
        c.showed_up = static_cast<int>(*n);
    if (keep_notes_)
        if (auto note = e.text_view("note"))
            c.note = *note;
    if (auto replaces = e.text_view("replaces"); replaces && !replaces->empty())
        replaced_.emplace(*replaces);
    waiting_.push_back(std::move(c));
}

void CheckinTally::settle(Date up_to) {
    if (waiting_.empty())
        return;
    std::stable_sort(waiting_.begin(), waiting_.end(),
                     [](const Waiting& a, const Waiting& b) { return a.day < b.day; });
    std::vector<Waiting> later;
    for (auto first = waiting_.begin(); first != waiting_.end();) {
        auto last = std::find_if(first, waiting_.end(),
                                 [&](const Waiting& c) { return c.day != first->day; });
        if (first->day > up_to) {
            std::move(first, last, std::back_inserter(later));
            first = last;
            continue;
        }
        auto replaced = [&](std::size_t k) {
            const Waiting& c = first[static_cast<std::ptrdiff_t>(k)];
            return !replaced_.empty() && !c.id.empty() && replaced_.count(c.id) > 0;
        };
        auto count = static_cast<std::size_t>(last - first);
        if (count > 1 && from_two_places(count, replaced))
            rows_.two_places.push_back(first->day);
        std::size_t best = counting_checkin(
            count, [&](std::size_t k) { return first[static_cast<std::ptrdiff_t>(k)].stamp; },
            replaced);
        keep_day(first->day, first[static_cast<std::ptrdiff_t>(best)]);
        first = last;
    }
    waiting_ = std::move(later);
    if (waiting_.empty()) {
        waiting_items_.clear();
        replaced_.clear();
    }
}

std::uint32_t CheckinTally::name_id(std::string_view name) {
    if (auto it = name_ids_.find(name); it != name_ids_.end())
        return it->second;
    auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(name);
    name_columns_.push_back(-1);
    name_ids_.emplace(std::string(name), id);
    return id;
}

std::size_t CheckinTally::column_of(std::uint32_t name) {
    if (name_columns_[name] >= 0)
        return static_cast<std::size_t>(name_columns_[name]);
    std::string key = normalize_name(names_[name]);
    auto found = std::find(column_keys_.begin(), column_keys_.end(), key);
    auto col = static_cast<std::size_t>(found - column_keys_.begin());
    if (found == column_keys_.end()) {
        rows_.items.push_back(ItemSummary{names_[name], false, 0, 0, 0, {}});
        column_keys_.push_back(std::move(key));
    }
    name_columns_[name] = static_cast<std::int32_t>(col);
    return col;
}

void CheckinTally::keep_day(Date day, const Waiting& c) {
    std::vector<std::optional<Answer>>& answers = answers_;
    answers.clear();
    for (std::uint32_t k = 0; k < c.item_count; ++k) {
        auto [name, answer] = waiting_items_[c.items_at + k];
        std::size_t col = column_of(name);
        if (answers.size() <= col)
            answers.resize(col + 1);
        if (!answers[col]) // a name given twice: the first answer stands
            answers[col] = answer;
    }
    auto& days = rows_.days;
    if (days.empty() || days.back().day < day) {
        rows_.add_day(day, answers, c.showed_up, c.note);
        day_at_.push_back(c.stamp.at);
        return;
    }
    // A check-in filed in another month's file, read after its day was
    // settled: it counts as it would have, the newest of its day winning.
    auto pos = std::lower_bound(days.begin(), days.end(), day,
                                [](const DayRow& r, Date d) { return r.day < d; });
    auto i = static_cast<std::size_t>(pos - days.begin());
    bool same = pos != days.end() && pos->day == day;
    if (same && c.stamp.at < day_at_[i])
        return;
    DayRow row = rows_.add_day(day, answers, c.showed_up, c.note);
    days.pop_back();
    if (same) {
        days[i] = row;
        day_at_[i] = c.stamp.at;
    } else {
        days.insert(days.begin() + static_cast<std::ptrdiff_t>(i), row);
        day_at_.insert(day_at_.begin() + static_cast<std::ptrdiff_t>(i), c.stamp.at);
    }
}

} // namespace compassion
