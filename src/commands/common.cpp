#include "commands/common.hpp"
#include "core/locale.hpp"
#include "store/state.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>

namespace compassion {

void give_back(Session& session, const Record& record) {
    std::string kept;
    try {
        // A journal of its own: the session's may be what failed to set up.
        kept = Journal(session.fs(), session.home(), session.clock(), std::chrono::milliseconds{0})
                   .rescue(record);
    } catch (const Error&) {
    }
    session.term().out("# compassion could not save this entry, so here it is in full.\n"
                       "# Nothing is lost: paste it at the end of the month file later,\n"
                       "# or run the command again.\n" +
                       to_toml(record));
    if (!kept.empty())
        session.term().say("compassion: a copy of the entry is kept in " + kept + "\n");
}

void save_record(Session& session, const Record& record) {
    try {
        session.journal().append(record);
        remember_written(session, record);
        session.wrote = true;
    } catch (const UnconfirmedError&) {
        // The record is in the month: printing it back or keeping a copy
        // would invite adding it a second time.
        throw;
    } catch (const Error&) {
        give_back(session, record);
        throw;
    }
}

bool printed_in_full(Session& session) {
    int err = session.term().flush_out();
    if (err == 0)
        return true;
    if (err == EPIPE)
        return false;
    throw IoError(errno_message("standard output: the practice could not be printed, so it was "
                                "not recorded",
                                err));
}

void remember_written(Session& session, const Record& record) {
    try {
        save_last_written(session.fs(), session.home(),
                          LastWritten{record.id, record.day, session.today()});
    } catch (const Error&) {
        // Only undo reads it; the record itself is saved.
    }
}

namespace {

std::string trim(std::string s) {
    auto not_space = [](unsigned char c) {
        return c != ' ' && c != '\t' && c != '\r';
    };
    while (!s.empty() && !not_space(static_cast<unsigned char>(s.back())))
        s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && !not_space(static_cast<unsigned char>(s[start])))
        ++start;
    return s.substr(start);
}

} // namespace

std::optional<std::string> ask(Session& session, std::string_view question) {
    session.term().say(question);
    auto line = session.term().read_line();
    if (!line) {
        session.term().say("\n");
        return std::nullopt;
    }
    return trim(*line);
}

std::string read_stdin(std::size_t limit, int& error) {
    std::string bytes;
    char buffer[65536];
    std::size_t n;
    errno = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        bytes.append(buffer, n);
        if (bytes.size() > limit)
            break;
    }
    error = std::ferror(stdin) ? (errno != 0 ? errno : EIO) : 0;
    return bytes;
}

std::string text_argument(const std::string& value, std::string_view flag, std::size_t limit) {
    std::string text = value;
    if (value == "-") {
        int error = 0;
        text = read_stdin(limit, error);
        // Closed (main() leaves a write-only placeholder there), a directory,
        // a failing device: say so rather than save an empty text.
        if (error != 0)
            throw NoInputError(fmt::format("{} -: no note could be read from standard input ({}); "
                                           "nothing was saved",
                                           flag, std::strerror(error)));
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
            text.pop_back();
    }
    if (text.size() > limit)
        throw UsageError(fmt::format("{}: the text is longer than {} KiB; please keep it shorter",
                                     flag, limit / 1024));
    return text;
}

std::string storable_text(Session& session, const std::string& text, std::string_view what) {
    bool replaced = false;
    std::string out = valid_utf8(text, &replaced);
    if (!replaced)
        return out;
    // Typed in a Latin-1 (or other 8-bit) locale: the bytes mean letters there.
    if (auto converted = from_locale_charset(text, session.env()))
        return *converted;
    if (!session.quiet())
        session.term().say(fmt::format("compassion: {} had bytes that are not UTF-8 text; they are "
                                       "kept as \xEF\xBF\xBD\n",
                                       what));
    return out;
}

UsageError missing_value(std::string_view command, std::string_view flag_hint) {
    return UsageError(
        fmt::format("{}: there is no terminal to ask on; pass {}", command, flag_hint));
}

SupportSettings support_settings(const Config& config) {
    SupportSettings out;
    out.sentence = config.text("support", "");
    out.low_days =
        static_cast<int>(config.integer("review.support_low_days", out.low_days, 1, out.window));
    return out;
}

int check_rating(std::int64_t value, std::string_view flag) {
    if (value < 1 || value > 5)
        throw UsageError(fmt::format("{} {}: use a number from 1 to 5", flag, value));
    return static_cast<int>(value);
}

std::optional<int> parse_rating(std::string_view text) {
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '5')
        return text[0] - '0';
    return std::nullopt;
}

void add_range_flags(CLI::App& cmd, RangeFlags& f, std::string_view week_help, bool calendar) {
    const std::string drawn = calendar ? ", with a calendar" : "";
    cmd.add_flag("--week", f.week, std::string(week_help));
    cmd.add_option_function<std::string>(
           "--month", [&f](const std::string& value) { f.month = value; },
           "The 30 days ending today; --month=YYYY-MM: that calendar month")
        ->expected(0, 1)
        ->default_str("")
        ->type_name("[=YYYY-MM]");
    cmd.add_flag("--year", f.year, "The 365 days ending today" + drawn);
    cmd.add_flag("--all", f.all, "Everything in the journal" + drawn);
    cmd.add_flag("--this-week", f.this_week, "This calendar week, from Monday");
    cmd.add_flag("--last-week", f.last_week, "Last calendar week, Monday to Sunday");
    cmd.add_flag("--this-month", f.this_month, "This calendar month so far");
    cmd.add_flag("--last-month", f.last_month, "Last calendar month");
    cmd.add_option_function<std::string>(
           "--from", [&f](const std::string& value) { f.from = value; },
           "First day: YYYY-MM-DD, today, yesterday, -N or a weekday name")
        ->type_name("DAY");
    cmd.add_option_function<std::string>(
           "--to", [&f](const std::string& value) { f.to = value; },
           "Last day (default: today), same forms as --from")
        ->type_name("DAY");
}

std::optional<DayRange> whole_range_from(const RangeFlags& flags, Date today) {
    auto range = range_from(flags, today);
    RangeFlags rest = flags;
    rest.to.reset();
    if (range && flags.to && !rest.any())
        range->from.reset();
    return range;
}

} // namespace compassion
