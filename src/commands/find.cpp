#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/records.hpp"
#include "core/kinds/forget.hpp"
#include "core/text_match.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace compassion {

namespace {

struct FindOptions {
    std::string text;
    RangeFlags range;
    std::optional<std::string> kind;
    bool case_sensitive = false;
};

// One matching line, kept until its month is read and its handle known.
struct Hit {
    std::size_t record = 0; // into the month's records
    std::string line;
};

// Reads the months once, in order, and prints each month's matches when it
// has been read (handles need every record of a day).
class Finder {
public:
    Finder(Session& s, const FindOptions& o, const KindInfo* kind, Date first, Date last)
        : s_(s), kind_(kind), first_(first), last_(last), match_(o.text, o.case_sensitive),
          raw_search_unsafe_(std::any_of(o.text.begin(), o.text.end(),
                                         [](char c) {
                                             auto u = static_cast<unsigned char>(c);
                                             return c == '"' || c == '\\' || u < 0x20 || u == 0x7f;
                                         })),
          terminal_(s.term().stdout_is_tty()), style_(s.out_style()) {}

    void visit(const Entry& e) {
        if (e.kind == forget_kind || e.day < first_ || e.day > last_)
            return;
        refs_.push_back(RecordRef{e.id, e.kind, e.day, e.handle_stamp()});
        if (kind_ && e.kind != kind_->name)
            return;
        const KindInfo* info = find_kind(e.kind);
        if (!info)
            return;
        for (const auto& field : info->fields) {
            if (!field.free_text)
                continue;
            if (auto text = e.text_view(field.key))
                search(*text);
            e.each_text(field.key, [&](std::string_view t) { search(t); });
        }
    }

    void month_done() {
        if (!hits_.empty()) {
            std::map<Date, std::vector<std::size_t>> by_day;
            for (const auto& hit : hits_)
                by_day[refs_[hit.record].day];
            for (std::size_t i = 0; i < refs_.size(); ++i)
                if (auto it = by_day.find(refs_[i].day); it != by_day.end())
                    it->second.push_back(i);
            std::vector<std::string> handles(refs_.size());
            for (const auto& [day, indexes] : by_day) {
                std::vector<RecordRef> refs;
                for (auto i : indexes)
                    refs.push_back(refs_[i]);
                auto named = day_handles(refs);
                for (std::size_t n = 0; n < indexes.size(); ++n)
                    handles[indexes[n]] = std::move(named[n]);
            }
            std::string out;
            for (const auto& hit : hits_)
                out += line(handles[hit.record], refs_[hit.record].day, hit.line);
            // On a terminal the lines wait for the pager; piped, they stream.
            if (terminal_)
                shown_ += out;
            else
                s_.term().out(out);
            found_ += hits_.size();
        }
        refs_.clear();
        hits_.clear();
    }

    // Whether a month file's bytes could hold a match. Outside escapes, a
    // string's text is its bytes, so a file without the words has no record
    // with them; with an escape that could spell a letter (\u, \U) or join
    // lines (a backslash at a line's end), or words an escape could spell,
    // the file is read to be sure.
    bool may_hold(std::string_view raw) const {
        if (raw_search_unsafe_)
            return true;
        for (std::size_t at = raw.find('\\'); at != raw.npos; at = raw.find('\\', at + 2)) {
            if (at + 1 >= raw.size())
                return true;
            char next = raw[at + 1];
            if (next == 'u' || next == 'U' || next == ' ' || next == '\t' || next == '\n' ||
                next == '\r')
                return true;
        }
        return match_.in(raw);
    }

    std::size_t found() const { return found_; }
    // What was kept for a terminal, through the pager when it is long.
    void show() const {
        if (!shown_.empty())
            s_.page(shown_);
    }

private:
    void search(std::string_view text) {
        std::size_t start = 0;
        for (;;) {
            std::size_t end = text.find('\n', start);
            std::string_view l = text.substr(start, end == text.npos ? text.npos : end - start);
            if (!l.empty() && l.back() == '\r')
                l.remove_suffix(1);
            if (match_.in(l))
                hits_.push_back(Hit{refs_.size() - 1, std::string(l)});
            if (end == text.npos)
                return;
            start = end + 1;
        }
    }

    std::string line(const std::string& handle, Date day, std::string_view text) const {
        if (!terminal_)
            return fmt::format("{}:{}:{}\n", format_date(day), handle, printable(text));
        // Each match marked; the text between passes through printable().
        std::string marked;
        std::size_t at = 0;
        for (auto [begin, size] : match_.all(text)) {
            marked += printable(text.substr(at, begin - at));
            marked += style_.bold(style_.magenta(printable(text.substr(begin, size))));
            at = begin + size;
        }
        marked += printable(text.substr(at));
        return fmt::format("{}  {}\n", style_.cyan(handle), marked);
    }

    Session& s_;
    const KindInfo* kind_;
    Date first_, last_;
    TextMatch match_;
    bool raw_search_unsafe_; // the words hold a character a TOML string escapes
    bool terminal_;
    Style style_;
    std::vector<RecordRef> refs_;
    std::vector<Hit> hits_;
    std::size_t found_ = 0;
    std::string shown_;
};

void find_command(const FindOptions& o, Session& s) {
    const KindInfo* kind = o.kind ? &kind_named(*o.kind) : nullptr;
    if (o.text.empty())
        throw UsageError("find: give the words to look for, like compassion find \"lunch\"");
    if (no_journal_yet(s)) {
        range_from(o.range, s.today()); // a bad flag is refused all the same
        if (!s.quiet())
            s.term().say("Nothing is kept here yet, so there is nothing to search.\n");
        s.exit = Exit::no;
        return;
    }
    Date today = s.today();
    Date first = first_day(YearMonth{1, 1}), last = last_day(YearMonth{9999, 12});
    if (auto range = range_from(o.range, today)) {
        first = range->from.value_or(first);
        last = range->to;
    }
    Finder finder(s, o, kind, first, last);
    std::vector<DataError> problems;
    s.journal().only_months_that_may_hold(
        [&finder](std::string_view raw) { return finder.may_hold(raw); });
    s.journal().read(
        year_month_of(first), year_month_of(last), [&](const Entry& e) { finder.visit(e); },
        problems, [&](YearMonth) { finder.month_done(); });
    finder.show();
    s.report_problems(problems);
    if (finder.found() == 0 && s.exit == Exit::ok)
        s.exit = Exit::no;
}

} // namespace

void add_find_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<FindOptions>();
    CLI::App* cmd = app.add_subcommand(
        "find", "Search everything you wrote: notes, moments, reflections, what you noticed.\n"
                "Exits 1 when nothing matches, as grep does.");
    cmd->add_option("text", o->text, "The words to look for (any case, unless --case-sensitive)")
        ->type_name("TEXT")
        ->required();
    add_range_flags(*cmd, o->range, "The 7 days ending today (default: everything)");
    cmd->add_option("--kind", o->kind, "Only records of this kind: " + kind_list())
        ->type_name("KIND");
    cmd->add_flag("-s,--case-sensitive", o->case_sensitive, "Match upper and lower case exactly");
    cmd->callback([o, &session] { find_command(*o, session); });
}

} // namespace compassion
