#include "core/summary.hpp"

#include "core/kinds/forget.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace compassion {

using std::chrono::sys_days;

namespace {

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

// Each day's answers counted per item, and the ratings on days done and not
// done (and on the day after).
void add_counts_and_effects(Summary& s) {
    const std::size_t item_count = s.items.size();
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
}

// The trend and history, in steps that fit the range.
void add_buckets(Summary& s) {
    const std::size_t item_count = s.items.size();
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
}

// The days a check-in could have been missed on: from the first record (or
// the range's start) to yesterday, and today once it has its check-in. Today
// is never a gap: it is not over yet.
void add_possible_days(Summary& s, Date first_record) {
    s.first_possible = std::max(s.from, first_record);
    Date last = std::min(s.to, add_days(s.today, -1));
    s.possible_days = last >= s.first_possible ? days_between(s.first_possible, last) + 1 : 0;
    bool today_counted = s.today >= s.first_possible && s.today <= s.to && !s.days.empty() &&
                         s.days.back().day == s.today;
    if (today_counted)
        ++s.possible_days;
}

// Whether any item of `row` was answered done or not done.
bool answered_any(const Summary& s, const DayRow& row) {
    for (std::size_t i = 0; i < row.answer_count; ++i) {
        std::uint8_t code = s.answer_codes[row.answers_at + i];
        if (code != 0 && code != static_cast<int>(Answer::unsure) + 1)
            return true;
    }
    return false;
}

// Gaps and under-resourced stretches, walking the range day by day.
void add_gaps_and_stretches(Summary& s) {
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
            if (d >= s.first_possible && d < s.today)
                s.longest_gap = std::max(s.longest_gap, ++gap);
            close_run();
            continue;
        }
        gap = 0;
        const DayRow& row = *next_row;
        if (answered_any(s, row) && row.done <= s.resourced_at_most) {
            if (run)
                run->to = d;
            else
                run = Stretch{d, d};
        } else {
            close_run();
        }
    }
    close_run();
}

} // namespace

Step step_for(int days) {
    if (days <= 31)
        return Step::day;
    if (days <= 371)
        return Step::week;
    return Step::month;
}

SummaryBuilder::SummaryBuilder(SummaryOptions options)
    : options_(std::move(options)), checkins_(options_.items, options_.keep_notes, s_) {}

bool SummaryBuilder::in_range(Date day) const {
    return day <= options_.to && (!options_.from || day >= *options_.from);
}

void SummaryBuilder::add(const Entry& e) {
    // A tombstone is no record of that day: what it took back leaves no trace
    // here, not even the day it was about (gaps count from the first record).
    if (e.day > options_.to || e.kind == forget_kind)
        return;
    if (!earliest_ || e.day < *earliest_)
        earliest_ = e.day;
    // Repairs are open or not whatever day they were written.
    if (e.kind == reframe_kind || e.kind == repair_done_kind)
        return repairs_.add(e);
    if (!in_range(e.day))
        return;
    if (e.kind == checkin_kind)
        checkins_.add(e);
    else if (e.kind == qualities_kind)
        qualities_.add(e);
    else if (e.kind == practice_kind)
        practice_.add(e);
    else if (e.kind == moment_kind)
        moments_.add(e);
}

void SummaryBuilder::month_done(YearMonth month) {
    checkins_.settle(
        Date{std::chrono::year{month.year} / std::chrono::month{month.month} / std::chrono::last});
}

Summary SummaryBuilder::finish() {
    checkins_.settle(options_.to);
    Summary s = std::move(s_);
    s_ = Summary{};
    s.to = options_.to;
    s.today = options_.today;
    s.from = options_.from.value_or(earliest_.value_or(options_.to));
    s.days_in_range = days_between(s.from, s.to) + 1;
    s.resourced_at_most = options_.resourced_at_most;
    s.checkin_days = static_cast<int>(s.days.size());
    add_counts_and_effects(s);
    add_buckets(s);
    add_possible_days(s, options_.records_before ? s.from : earliest_.value_or(add_days(s.to, 1)));
    add_gaps_and_stretches(s);
    s.qualities = qualities_.result();
    s.practice = practice_.result();
    s.moments = moments_.count();
    s.moment_to_reread = moments_.to_reread(s.today);
    s.open_repairs = repairs_.result();
    return s;
}

} // namespace compassion
