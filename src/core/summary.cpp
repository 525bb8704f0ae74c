#include "core/summary.hpp"

#include "core/items.hpp"
#include "core/qualities.hpp"
#include "core/rotation.hpp"

#include <algorithm>
#include <iterator>
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

DayRow& Summary::add_day(Date day, const std::vector<std::optional<Answer>>& answers,
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

SummaryBuilder::SummaryBuilder(SummaryOptions options) : options_(std::move(options)) {
    repairs_as_of_ = std::min(options_.today, add_days(options_.to, 1));
    for (const auto& name : options_.items) {
        s_.items.push_back(ItemSummary{name, true, 0, 0, 0, {}});
        column_keys_.push_back(normalize_name(name));
    }
}

bool SummaryBuilder::in_range(Date day) const {
    return day <= options_.to && (!options_.from || day >= *options_.from);
}

void SummaryBuilder::add(const Entry& e) {
    if (e.day > options_.to)
        return;
    if (!earliest_ || e.day < *earliest_)
        earliest_ = e.day;

    // Repairs are open or not whatever day they were written, so every reframe
    // and repair_done read up to the end of the range counts. Only a reframe
    // past its follow-up date and not repaired yet is kept.
    if (e.kind == "reframe") {
        if (auto follow_up = e.date("follow_up")) {
            if (*follow_up >= repairs_as_of_ || repaired_.count(e.id))
                return;
            OpenRepair r;
            r.id = e.id;
            r.day = e.day;
            r.follow_up = *follow_up;
            r.what = e.text_view("what").value_or("");
            r.repair = e.text_view("repair").value_or("");
            reframes_.push_back(std::move(r));
        }
        return;
    }
    if (e.kind == "repair_done") {
        if (auto ref = e.text_view("ref")) {
            std::erase_if(reframes_, [&](const OpenRepair& r) { return r.id == *ref; });
            repaired_.emplace(*ref);
        }
        return;
    }
    if (!in_range(e.day))
        return;

    if (e.kind == checkin_kind) {
        Waiting c;
        c.day = e.day;
        c.id = e.id;
        c.at = e.at_seconds;
        c.order = e.order;
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
        if (options_.keep_notes)
            if (auto note = e.text_view("note"))
                c.note = *note;
        if (auto replaces = e.text_view("replaces"); replaces && !replaces->empty())
            replaced_.emplace(*replaces);
        waiting_.push_back(std::move(c));
    } else if (e.kind == "qualities") {
        Qualities q;
        q.key = Key{e.day, e.at_seconds, e.order};
        for (std::size_t i = 0; i < qualities.size(); ++i)
            q.ratings[i] = rating_field(e, qualities[i].key);
        ++qualities_count_;
        if (!first_quality_ || q.key < first_quality_->key)
            first_quality_ = q;
        if (!latest_quality_ || latest_quality_->key < q.key)
            latest_quality_ = q;
        if (auto focus = e.text_view("focus"))
            if (auto found = find_quality(*focus))
                if (!focus_ || focus_->first < q.key)
                    focus_.emplace(q.key, std::string(found->key));
    } else if (e.kind == "practice") {
        std::string_view kind = e.text_view("practice").value_or("");
        if (kind.empty())
            return;
        auto it = std::find_if(practice_.begin(), practice_.end(),
                               [&](const PracticeSummary& p) { return p.kind == kind; });
        if (it == practice_.end()) {
            practice_.push_back(PracticeSummary{std::string(kind), 0, 0, 0, 0});
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
        if (auto text = e.text_view("text")) {
            Timed t;
            t.key = Key{e.day, e.at_seconds, e.order};
            t.text_at = static_cast<std::uint32_t>(moment_text_.size());
            t.id_size = static_cast<std::uint32_t>(e.id.size());
            t.text_size = static_cast<std::uint32_t>(text->size());
            moment_text_ += e.id;
            moment_text_ += *text;
            moments_.push_back(t);
        }
    }
}

void SummaryBuilder::month_done(YearMonth month) {
    settle(
        Date{std::chrono::year{month.year} / std::chrono::month{month.month} / std::chrono::last});
}

// The check-in that counts for each waiting day up to `up_to`: the newest that
// no other check-in replaces (the newest of all when every one is replaced).
void SummaryBuilder::settle(Date up_to) {
    if (waiting_.empty())
        return;
    std::stable_sort(waiting_.begin(), waiting_.end(),
                     [](const Waiting& a, const Waiting& b) { return a.day < b.day; });
    auto replaced = [&](const Waiting& c) {
        return !replaced_.empty() && !c.id.empty() && replaced_.count(c.id) > 0;
    };
    auto newer = [](const Waiting& a, const Waiting* b) {
        return !b || std::tie(a.at, a.order) > std::tie(b->at, b->order);
    };
    std::vector<Waiting> later;
    for (auto first = waiting_.begin(); first != waiting_.end();) {
        auto last = std::find_if(first, waiting_.end(),
                                 [&](const Waiting& c) { return c.day != first->day; });
        if (first->day > up_to) {
            std::move(first, last, std::back_inserter(later));
            first = last;
            continue;
        }
        const Waiting* best = nullptr;
        for (auto it = first; it != last; ++it)
            if (!replaced(*it) && newer(*it, best))
                best = &*it;
        if (!best)
            for (auto it = first; it != last; ++it)
                if (newer(*it, best))
                    best = &*it;
        keep_day(first->day, *best);
        first = last;
    }
    waiting_ = std::move(later);
    if (waiting_.empty()) {
        waiting_items_.clear();
        replaced_.clear();
    }
}

std::uint32_t SummaryBuilder::name_id(std::string_view name) {
    if (auto it = name_ids_.find(name); it != name_ids_.end())
        return it->second;
    auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(name);
    name_columns_.push_back(-1);
    name_ids_.emplace(std::string(name), id);
    return id;
}

std::size_t SummaryBuilder::column_of(std::uint32_t name) {
    if (name_columns_[name] >= 0)
        return static_cast<std::size_t>(name_columns_[name]);
    std::string key = normalize_name(names_[name]);
    auto found = std::find(column_keys_.begin(), column_keys_.end(), key);
    auto col = static_cast<std::size_t>(found - column_keys_.begin());
    if (found == column_keys_.end()) {
        s_.items.push_back(ItemSummary{names_[name], false, 0, 0, 0, {}});
        column_keys_.push_back(std::move(key));
    }
    name_columns_[name] = static_cast<std::int32_t>(col);
    return col;
}

void SummaryBuilder::keep_day(Date day, const Waiting& c) {
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
    auto& days = s_.days;
    if (days.empty() || days.back().day < day) {
        s_.add_day(day, answers, c.showed_up, c.note);
        day_at_.push_back(c.at);
        return;
    }
    // A check-in filed in another month's file, read after its day was
    // settled: it counts as it would have, the newest of its day winning.
    auto pos = std::lower_bound(days.begin(), days.end(), day,
                                [](const DayRow& r, Date d) { return r.day < d; });
    auto i = static_cast<std::size_t>(pos - days.begin());
    bool same = pos != days.end() && pos->day == day;
    if (same && c.at < day_at_[i])
        return;
    DayRow row = s_.add_day(day, answers, c.showed_up, c.note);
    days.pop_back();
    if (same) {
        days[i] = row;
        day_at_[i] = c.at;
    } else {
        days.insert(days.begin() + static_cast<std::ptrdiff_t>(i), row);
        day_at_.insert(day_at_.begin() + static_cast<std::ptrdiff_t>(i), c.at);
    }
}

Summary SummaryBuilder::finish() {
    settle(options_.to);
    Summary s = std::move(s_);
    s_ = Summary{};
    s.to = options_.to;
    s.today = options_.today;
    s.from = options_.from.value_or(earliest_.value_or(options_.to));
    s.days_in_range = days_between(s.from, s.to) + 1;
    s.resourced_at_most = options_.resourced_at_most;
    s.checkin_days = static_cast<int>(s.days.size());
    const std::size_t item_count = s.items.size();

    // Counts and effects.
    for (std::size_t r = 0; r < s.days.size(); ++r) {
        const DayRow& row = s.days[r];
        auto showed_up = row.showed_up();
        if (showed_up)
            s.rating.add(*showed_up);
        std::optional<int> next_rating;
        if (r + 1 < s.days.size() && s.days[r + 1].day == add_days(row.day, 1))
            next_rating = s.days[r + 1].showed_up();
        for (std::size_t i = 0; i < row.answer_count && i < item_count; ++i) {
            auto answer = s.answer(row, i);
            if (!answer)
                continue;
            ItemSummary& item = s.items[i];
            Effect& fx = item.effect;
            switch (*answer) {
            case Answer::done:
                ++item.done;
                if (showed_up)
                    fx.done.add(*showed_up);
                if (next_rating)
                    fx.next_done.add(*next_rating);
                break;
            case Answer::not_done:
                ++item.not_done;
                if (showed_up)
                    fx.not_done.add(*showed_up);
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
    s.buckets = buckets_for(s.from, s.to, s.step, item_count);
    auto bucket = s.buckets.begin();
    for (const auto& row : s.days) {
        while (bucket + 1 != s.buckets.end() && (bucket + 1)->from <= row.day)
            ++bucket;
        Bucket& b = *bucket;
        if (auto showed_up = row.showed_up())
            b.rating.add(*showed_up);
        for (std::size_t i = 0; i < row.answer_count && i < item_count; ++i) {
            auto answer = s.answer(row, i);
            if (!answer || *answer == Answer::unsure)
                continue;
            ++b.answered[i];
            if (*answer == Answer::done)
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
    auto next_row = s.days.begin();
    for (Date d = s.from; d <= s.to; d = add_days(d, 1)) {
        while (next_row != s.days.end() && next_row->day < d)
            ++next_row;
        if (next_row == s.days.end() || next_row->day != d) {
            s.longest_gap = std::max(s.longest_gap, ++gap);
            close_run();
            continue;
        }
        gap = 0;
        const DayRow& row = *next_row;
        bool known = false;
        for (std::size_t i = 0; i < row.answer_count && !known; ++i) {
            std::uint8_t code = s.answer_codes[row.answers_at + i];
            known = code != 0 && code != static_cast<int>(Answer::unsure) + 1;
        }
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
    if (qualities_count_ > 0) {
        QualitiesSummary q;
        q.records = static_cast<int>(qualities_count_);
        q.latest_day = latest_quality_->key.day;
        q.first = first_quality_->ratings;
        q.latest = latest_quality_->ratings;
        if (focus_)
            q.focus = focus_->second;
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
        std::sort(moments_.begin(), moments_.end(),
                  [](const Timed& a, const Timed& b) { return a.key < b.key; });
        const Timed& t = moments_[index_for_day(s.today, moments_.size(), "review moment")];
        std::string_view text = moment_text_;
        s.moment_to_reread = Moment{std::string(text.substr(t.text_at, t.id_size)), t.key.day,
                                    std::string(text.substr(t.text_at + t.id_size, t.text_size))};
    }

    // Past the follow-up date: before today, and before the range ended.
    s.open_repairs = std::move(reframes_);
    std::sort(s.open_repairs.begin(), s.open_repairs.end(),
              [](const OpenRepair& a, const OpenRepair& b) {
                  return std::tie(a.follow_up, a.day, a.id) < std::tie(b.follow_up, b.day, b.id);
              });
    return s;
}

} // namespace compassion
