#include "core/qualities.hpp"
#include "core/record.hpp"
#include "render/render.hpp"

#include <cmath>
#include <fmt/format.h>

namespace compassion {

// A TOML basic string uses only escapes JSON also has (\" \\ \b \t \n \f \r
// \uXXXX) and escapes every control character, so on valid UTF-8 it is a
// JSON string too.
std::string json_string(std::string_view text) {
    return toml_string(valid_utf8(text));
}

namespace {

// Writes nested objects and arrays, one member per line, indented by two.
class JsonWriter {
public:
    std::string text;

    JsonWriter& open(char bracket) {
        value_start();
        text += bracket;
        first_ = true;
        ++depth_;
        return *this;
    }
    JsonWriter& close(char bracket) {
        --depth_;
        if (!first_)
            newline();
        text += bracket;
        first_ = false;
        return *this;
    }
    JsonWriter& key(std::string_view k) {
        separator();
        text += json_string(k);
        text += ": ";
        after_key_ = true;
        return *this;
    }
    JsonWriter& raw(std::string_view v) {
        value_start();
        text += v;
        return *this;
    }
    JsonWriter& string(std::string_view v) { return raw(json_string(v)); }
    JsonWriter& number(std::int64_t v) { return raw(std::to_string(v)); }
    JsonWriter& boolean(bool v) { return raw(v ? "true" : "false"); }
    JsonWriter& null() { return raw("null"); }
    JsonWriter& decimal(std::optional<double> v) {
        if (!v || !std::isfinite(*v))
            return null();
        return raw(fmt::format("{:.2f}", *v));
    }
    JsonWriter& date(Date d) { return string(format_date(d)); }

private:
    void newline() {
        text += '\n';
        text.append(static_cast<std::size_t>(depth_) * 2, ' ');
    }
    void separator() {
        if (!first_)
            text += ',';
        if (depth_ > 0)
            newline();
        first_ = false;
    }
    void value_start() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        separator();
    }
    int depth_ = 0;
    bool first_ = true;
    bool after_key_ = false;
};

void write_mean(JsonWriter& w, const Mean& m) {
    w.open('{');
    w.key("mean").decimal(m.value());
    w.key("days").number(m.count);
    w.close('}');
}

std::string_view step_name(Step step) {
    switch (step) {
    case Step::day:
        return "day";
    case Step::week:
        return "week";
    case Step::month:
        return "month";
    }
    return "day";
}

// One day on one line, so `jq -c .days[]` and line tools both read it easily.
std::string day_line(const Summary& s, const DayRow& row, bool redact) {
    std::string out = fmt::format("{{\"date\": \"{}\", \"items\": {{", format_date(row.day));
    bool first = true;
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        auto answer = s.answer(row, i);
        if (!answer)
            continue; // not on the list that day
        out += first ? "" : ", ";
        first = false;
        Answer a = *answer;
        out += json_string(s.items[i].name) + ": " +
               (a == Answer::done       ? "true"
                : a == Answer::not_done ? "false"
                                        : "null");
    }
    out += "}, \"showed_up\": ";
    out += row.rating ? std::to_string(row.rating) : "null";
    if (!redact)
        out +=
            ", \"note\": " + (row.note_size == 0 ? std::string("null") : json_string(s.note(row)));
    out += "}";
    return out;
}

// The same sections as the text report (render/text.cpp), in its order,
// each a function of the same name: range, days, checkins, items, trend,
// stretches, qualities, practice, moments, repairs, left_out.

void range_section(JsonWriter& w, const Summary& s) {
    w.key("from").date(s.from);
    w.key("to").date(s.to);
    w.key("items").open('[');
    for (const auto& item : s.items)
        w.string(item.name);
    w.close(']');
}

void days_section(JsonWriter& w, const Summary& s, bool redact, const Sink& sink) {
    w.key("days").open('[');
    for (const auto& row : s.days) {
        w.raw(day_line(s, row, redact));
        if (w.text.size() >= 64 * 1024) { // the rows go out a batch at a time
            sink(w.text);
            w.text.clear();
        }
    }
    w.close(']');
}

void checkins_section(JsonWriter& w, const Summary& s) {
    w.key("days_in_range").number(s.days_in_range);
    w.key("checkin_days").number(s.checkin_days);
    w.key("gap_days").number(s.gap_days());
    w.key("longest_gap").number(s.longest_gap);
    w.key("possible_days").number(s.possible_days);
    w.key("showed_up");
    write_mean(w, s.rating);
}

void trend_section(JsonWriter& w, const Summary& s) {
    w.key("trend").open('{');
    w.key("step").string(step_name(s.step));
    w.key("points").open('[');
    for (const auto& b : s.buckets)
        w.raw(fmt::format("{{\"from\": \"{}\", \"to\": \"{}\", \"mean\": {}, \"days\": {}}}",
                          format_date(b.from), format_date(b.to),
                          b.rating.value() ? fmt::format("{:.2f}", *b.rating.value()) : "null",
                          b.rating.count));
    w.close(']');
    w.close('}');
}

// An effect: both sides' means, then the comparison (verdict, difference,
// interval) and its level.
void effect_object(JsonWriter& w, const Mean& done, const Mean& not_done) {
    Comparison cmp = compare(done, not_done);
    w.open('{');
    w.key("done");
    write_mean(w, done);
    w.key("not_done");
    write_mean(w, not_done);
    w.key("enough_data").boolean(cmp.verdict != Verdict::too_few);
    w.key("verdict").string(verdict_name(cmp.verdict));
    w.key("difference").decimal(cmp.difference);
    w.key("interval");
    if (cmp.interval)
        w.raw(fmt::format("[{:.2f}, {:.2f}]", cmp.interval->first, cmp.interval->second));
    else
        w.null();
    w.key("interval_level").raw(fmt::format("{}", effect_interval_level));
    w.close('}');
}

void items_section(JsonWriter& w, const Summary& s) {
    w.key("items").open('[');
    for (const auto& item : s.items) {
        w.open('{');
        w.key("name").string(item.name);
        w.key("in_config").boolean(item.in_config);
        w.key("done").number(item.done);
        w.key("not_done").number(item.not_done);
        w.key("unsure").number(item.unsure);
        w.key("effect");
        effect_object(w, item.effect.done, item.effect.not_done);
        w.key("next_day_effect");
        effect_object(w, item.effect.next_done, item.effect.next_not_done);
        w.close('}');
    }
    w.close(']');
}

void stretches_section(JsonWriter& w, const Summary& s) {
    w.key("under_resourced").open('{');
    w.key("at_most").number(s.resourced_at_most);
    w.key("stretches").open('[');
    for (const auto& st : s.stretches)
        w.raw(fmt::format("{{\"from\": \"{}\", \"to\": \"{}\", \"days\": {}}}",
                          format_date(st.from), format_date(st.to), st.days()));
    w.close(']');
    w.close('}');
}

void qualities_section(JsonWriter& w, const Summary& s) {
    w.key("qualities");
    if (!s.qualities) {
        w.null();
        return;
    }
    const QualitiesSummary& q = *s.qualities;
    w.open('{');
    w.key("records").number(q.records);
    w.key("latest_day").date(q.latest_day);
    w.key("latest").open('{');
    for (std::size_t i = 0; i < qualities.size(); ++i) {
        w.key(qualities[i].key);
        q.latest[i] ? w.number(*q.latest[i]) : w.null();
    }
    w.close('}');
    w.key("change").open('{');
    for (std::size_t i = 0; i < qualities.size(); ++i) {
        w.key(qualities[i].key);
        auto c = q.change(i);
        c ? w.number(*c) : w.null();
    }
    w.close('}');
    w.key("focus");
    q.focus.empty() ? w.null() : w.string(q.focus);
    w.close('}');
}

void practice_section(JsonWriter& w, const Summary& s) {
    w.key("practice").open('[');
    for (const auto& p : s.practice)
        w.raw(fmt::format("{{\"kind\": {}, \"sessions\": {}, \"completed\": {}, \"seconds\": {}, "
                          "\"minutes\": {:.1f}, \"printed\": {}}}",
                          json_string(p.kind), p.sessions, p.completed, p.seconds,
                          static_cast<double>(p.seconds) / 60.0, p.printed));
    w.close(']');
}

void moments_section(JsonWriter& w, const Summary& s, bool redact) {
    w.key("moments").open('{');
    w.key("count").number(s.moments);
    w.key("reread");
    if (!s.moment_to_reread) {
        w.null();
    } else {
        w.open('{');
        w.key("id").string(s.moment_to_reread->id);
        w.key("date").date(s.moment_to_reread->day);
        if (!redact)
            w.key("text").string(s.moment_to_reread->text);
        w.close('}');
    }
    w.close('}');
}

void repairs_section(JsonWriter& w, const Summary& s, bool redact) {
    w.key("open_repairs").open('[');
    for (const auto& r : s.open_repairs) {
        w.open('{');
        w.key("id").string(r.id);
        w.key("date").date(r.day);
        w.key("follow_up").date(r.follow_up);
        if (!redact) {
            w.key("what").string(r.what);
            w.key("repair").string(r.repair);
        }
        w.close('}');
    }
    w.close(']');
}

void left_out_section(JsonWriter& w, const Summary& s) {
    w.key("left_out").open('[');
    for (const auto& path : s.left_out)
        w.string(path);
    w.close(']');
}

} // namespace

std::string json_report(const Summary& s, bool redact) {
    std::string text;
    json_report(s, redact, [&](std::string_view piece) { text += piece; });
    return text;
}

void json_report(const Summary& s, bool redact, const Sink& sink) {
    JsonWriter w;
    w.open('{');
    range_section(w, s);
    days_section(w, s, redact, sink);
    w.key("summary").open('{');
    checkins_section(w, s);
    trend_section(w, s);
    items_section(w, s);
    stretches_section(w, s);
    qualities_section(w, s);
    practice_section(w, s);
    moments_section(w, s, redact);
    repairs_section(w, s, redact);
    left_out_section(w, s);
    w.close('}');
    w.close('}');
    w.text += '\n';
    sink(w.text);
}

} // namespace compassion
