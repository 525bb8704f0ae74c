#include "core/summary.hpp"

#include "core/items.hpp"
#include "core/qualities.hpp"
#include "core/rotation.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace compassion {

using std::chrono::sys_days;

namespace {

constexpr std::array<std::string_view, 3> practice_order = {"kindness", "recall", "quality"};

std::size_t practice_rank(const std::string& kind) {
    auto it = std::find(practice_order.begin(), practice_order.end(), kind);
    return static_cast<std::size_t>(it - practice_order.begin());
}

// The slices of [from, to]: single days, weeks ending on `to` (the first may be
// shorter), or calendar months clipped to the range.
std::vector<Bucket> buckets_for(Date from, Date to, Step step, std::size_t item_count) {
    std::vector<Bucket> out;
    auto add = [&](Date a, Date b) {
        Bucket bucket;
        bucket.from = a;
        bucket.to = b;
        bucket.done.assign(item_count, 0);
        bucket.answered.assign(item_count, 0);
        out.push_back(std::move(bucket));
    };
    switch (step) {
    case Step::day:
        for (Date d = from; d <= to; d = add_days(d, 1))
            add(d, d);
        break;
    case Step::week: {
        std::vector<std::pair<Date, Date>> weeks;
        for (Date end = to; end >= from; end = add_days(end, -7))
            weeks.emplace_back(std::max(from, add_days(end, -6)), end);
        for (auto it = weeks.rbegin(); it != weeks.rend(); ++it)
            add(it->first, it->second);
        break;
    }
    case Step::month:
        for (Date start = from; start <= to;) {
            Date last_of_month{start.year() / start.month() / std::chrono::last};
            Date end = std::min(to, last_of_month);
            add(start, end);
            start = add_days(end, 1);
        }
        break;
    }
    return out;
}

std::optional<int> rating_field(const Entry& e, std::string_view key) {
    if (auto n = e.integer(key); n && *n >= 1 && *n <= 5)
        return static_cast<int>(*n);
    return std::nullopt;
}

} // namespace

Step step_for(int days) {
    if (days <= 31)
        return Step::day;
    if (days <= 371)
        return Step::week;
    return Step::month;
}

SummaryBuilder::SummaryBuilder(SummaryOptions options) : options_(std::move(options)) {}

bool SummaryBuilder::in_range(Date day) const {
    return day <= options_.to && (!options_.from || day >= *options_.from);
}

void SummaryBuilder::add(const Entry& e) {
    if (e.day > options_.to)
        return;
    if (!earliest_ || e.day < *earliest_)
        earliest_ = e.day;

    // Repairs are open or not whatever day they were written, so every reframe
    // and repair_done read up to the end of the range counts.
    if (e.kind == "reframe") {
        if (auto follow_up = e.date("follow_up")) {
            OpenRepair r;
            r.id = e.id;
            r.day = e.day;
            r.follow_up = *follow_up;
            r.what = e.text("what").value_or("");
            r.repair = e.text("repair").value_or("");
            reframes_.push_back(std::move(r));
        }
        return;
    }
    if (e.kind == "repair_done") {
        if (auto ref = e.text("ref"))
            repaired_.push_back(*ref);
        return;
    }
    if (!in_range(e.day))
        return;

    if (auto c = checkin_from(e)) {
        if (!options_.keep_notes)
            c->note.clear();
        book_.add(std::move(*c));
    } else if (e.kind == "qualities") {
        Qualities q;
        q.day = e.day;
        q.at = e.at_seconds;
        q.order = e.order;
        for (std::size_t i = 0; i < qualities.size(); ++i)
            q.ratings[i] = rating_field(e, qualities[i].key);
        if (auto focus = e.text("focus"))
            if (auto found = find_quality(*focus))
                q.focus = std::string(found->key);
        qualities_.push_back(std::move(q));
    } else if (e.kind == "practice") {
        std::string kind = e.text("practice").value_or("");
        if (kind.empty())
            return;
        auto it = std::find_if(practice_.begin(), practice_.end(),
                               [&](const PracticeSummary& p) { return p.kind == kind; });
        if (it == practice_.end()) {
            practice_.push_back(PracticeSummary{kind, 0, 0, 0, 0});
            it = practice_.end() - 1;
        }
        bool completed = e.flag("completed").value_or(false);
        std::int64_t secs = std::max<std::int64_t>(e.integer("seconds").value_or(0), 0);
        if (completed && secs == 0) {
            ++it->printed;
            return;
        }
        ++it->sessions;
        if (completed)
            ++it->completed;
        it->seconds += secs;
    } else if (e.kind == "moment") {
        if (auto text = e.text("text"))
            moments_.push_back(Timed{e.day, e.at_seconds, e.order, Moment{e.id, e.day, *text}});
    }
}

Summary SummaryBuilder::finish() const {
    Summary s;
    s.to = options_.to;
    s.today = options_.today;
    s.from = options_.from.value_or(earliest_.value_or(options_.to));
    s.days_in_range = days_between(s.from, s.to) + 1;
    s.resourced_at_most = options_.resourced_at_most;

    for (const auto& name : options_.items)
        s.items.push_back(ItemSummary{name, true, 0, 0, 0, {}});

    // The check-in that counts for each day, its answers put in the item columns.
    auto column_of = [&](const std::string& name) {
        std::string key = normalize_name(name);
        for (std::size_t i = 0; i < s.items.size(); ++i)
            if (normalize_name(s.items[i].name) == key)
                return i;
        s.items.push_back(ItemSummary{name, false, 0, 0, 0, {}});
        return s.items.size() - 1;
    };
    for (Date d : book_.days()) {
        const Checkin* c = book_.latest(d);
        if (!c || d < s.from || d > s.to)
            continue;
        DayRow row;
        row.day = d;
        row.showed_up = c->showed_up;
        row.note = c->note;
        for (const auto& [name, answer] : c->items) {
            std::size_t col = column_of(name);
            if (row.answers.size() <= col)
                row.answers.resize(col + 1);
            if (!row.answers[col]) // a name given twice: the first answer stands
                row.answers[col] = answer;
        }
        s.days.push_back(std::move(row));
    }
    for (auto& row : s.days) {
        row.answers.resize(s.items.size());
        row.done = static_cast<int>(std::count(row.answers.begin(), row.answers.end(),
                                               std::optional<Answer>{Answer::done}));
    }
    s.checkin_days = static_cast<int>(s.days.size());

    std::map<sys_days, const DayRow*> by_day;
    for (const auto& row : s.days)
        by_day[sys_days{row.day}] = &row;

    // Counts and effects.
    for (const auto& row : s.days) {
        if (row.showed_up)
            s.rating.add(*row.showed_up);
        auto next = by_day.find(sys_days{add_days(row.day, 1)});
        std::optional<int> next_rating;
        if (next != by_day.end())
            next_rating = next->second->showed_up;
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            if (!row.answers[i])
                continue;
            ItemSummary& item = s.items[i];
            Effect& fx = item.effect;
            switch (*row.answers[i]) {
            case Answer::done:
                ++item.done;
                if (row.showed_up)
                    fx.done.add(*row.showed_up);
                if (next_rating)
                    fx.next_done.add(*next_rating);
                break;
            case Answer::not_done:
                ++item.not_done;
                if (row.showed_up)
                    fx.not_done.add(*row.showed_up);
                if (next_rating)
                    fx.next_not_done.add(*next_rating);
                break;
            case Answer::unsure:
                ++item.unsure;
                break;
            }
        }
    }

    // Trend and history, in steps that fit the range.
    s.step = step_for(s.days_in_range);
    s.buckets = buckets_for(s.from, s.to, s.step, s.items.size());
    for (const auto& row : s.days) {
        auto it = std::upper_bound(s.buckets.begin(), s.buckets.end(), row.day,
                                   [](Date d, const Bucket& b) { return d < b.from; });
        Bucket& b = *(it - 1);
        if (row.showed_up)
            b.rating.add(*row.showed_up);
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            if (!row.answers[i] || *row.answers[i] == Answer::unsure)
                continue;
            ++b.answered[i];
            if (*row.answers[i] == Answer::done)
                ++b.done[i];
        }
    }

    // Gaps and under-resourced stretches, walking the range day by day.
    int gap = 0;
    std::optional<Stretch> run;
    auto close_run = [&] {
        if (run && run->days() >= min_stretch_days)
            s.stretches.push_back(*run);
        run.reset();
    };
    for (Date d = s.from; d <= s.to; d = add_days(d, 1)) {
        auto it = by_day.find(sys_days{d});
        if (it == by_day.end()) {
            s.longest_gap = std::max(s.longest_gap, ++gap);
            close_run();
            continue;
        }
        gap = 0;
        const DayRow& row = *it->second;
        bool known = std::any_of(row.answers.begin(), row.answers.end(),
                                 [](const auto& a) { return a && *a != Answer::unsure; });
        if (known && row.done <= s.resourced_at_most) {
            if (run)
                run->to = d;
            else
                run = Stretch{d, d};
        } else {
            close_run();
        }
    }
    close_run();

    // Qualities: the first and the latest record of the range, and the latest focus.
    if (!qualities_.empty()) {
        auto sorted = qualities_;
        std::sort(sorted.begin(), sorted.end(), [](const Qualities& a, const Qualities& b) {
            return std::tie(a.day, a.at, a.order) < std::tie(b.day, b.at, b.order);
        });
        QualitiesSummary q;
        q.records = static_cast<int>(sorted.size());
        q.latest_day = sorted.back().day;
        q.first = sorted.front().ratings;
        q.latest = sorted.back().ratings;
        for (const auto& r : sorted)
            if (!r.focus.empty())
                q.focus = r.focus;
        s.qualities = q;
    }

    s.practice = practice_;
    std::sort(s.practice.begin(), s.practice.end(),
              [](const PracticeSummary& a, const PracticeSummary& b) {
                  return std::make_tuple(practice_rank(a.kind), a.kind) <
                         std::make_tuple(practice_rank(b.kind), b.kind);
              });

    s.moments = static_cast<int>(moments_.size());
    if (!moments_.empty()) {
        auto sorted = moments_;
        std::sort(sorted.begin(), sorted.end(), [](const Timed& a, const Timed& b) {
            return std::tie(a.day, a.at, a.order) < std::tie(b.day, b.at, b.order);
        });
        s.moment_to_reread = sorted[index_for_day(s.today, sorted.size(), "review moment")].moment;
    }

    // Past the follow-up date: before today, and before the range ended.
    Date as_of = std::min(s.today, add_days(s.to, 1));
    for (const auto& r : reframes_) {
        if (r.follow_up >= as_of)
            continue;
        if (std::find(repaired_.begin(), repaired_.end(), r.id) != repaired_.end())
            continue;
        s.open_repairs.push_back(r);
    }
    std::sort(s.open_repairs.begin(), s.open_repairs.end(),
              [](const OpenRepair& a, const OpenRepair& b) {
                  return std::tie(a.follow_up, a.day, a.id) < std::tie(b.follow_up, b.day, b.id);
              });
    return s;
}

} // namespace compassion
