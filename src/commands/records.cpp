#include "commands/records.hpp"

#include "core/items.hpp"
#include "core/kinds/forget.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <map>

namespace compassion {

bool no_journal_yet(Session& session) {
    if (session.no_home_yet()) // a home that is a file is refused here
        return true;
    struct stat st {};
    const std::string dir = session.home().journal_dir();
    if (session.fs().lstat(dir.c_str(), &st) != 0)
        return errno == ENOENT || errno == ENOTDIR;
    return false;
}

const KindInfo& kind_named(std::string_view typed) {
    std::vector<std::string> names;
    for (const auto& k : record_kinds())
        if (k.name != forget_kind)
            names.emplace_back(k.name);
    if (auto name = match_name(typed, names))
        return *find_kind(*name);
    // "moments", "check-ins": the plural names the same kind.
    if (typed.size() > 1 && (typed.back() == 's' || typed.back() == 'S'))
        if (auto name = match_name(typed.substr(0, typed.size() - 1), names))
            return *find_kind(*name);
    if (auto near = closest_name(typed, names))
        throw UsageError(
            fmt::format("--kind {}: not a kind of record; did you mean '{}'?", typed, *near));
    throw UsageError(fmt::format("--kind {}: not a kind of record (try: {})", typed, kind_list()));
}

std::string kind_list() {
    std::vector<std::string_view> names;
    for (const auto& k : record_kinds())
        if (k.name != forget_kind)
            names.push_back(k.name);
    return fmt::format("{}", fmt::join(names, ", "));
}

std::vector<RecordCopy> records_of_days(Session& session, Date first, Date last) {
    std::vector<RecordCopy> out;
    std::vector<DataError> problems;
    session.journal().read_days(
        first, last, [&](const Entry& e) { out.push_back(copy_of(e)); }, problems);
    session.report_problems(problems);
    return out;
}

std::vector<std::string> handles_of(const std::vector<RecordCopy>& records) {
    std::map<Date, std::vector<std::size_t>> by_day;
    for (std::size_t i = 0; i < records.size(); ++i)
        by_day[records[i].day()].push_back(i);
    std::vector<std::string> out(records.size());
    for (const auto& [day, indexes] : by_day) {
        std::vector<RecordRef> refs;
        for (auto i : indexes)
            refs.push_back(records[i].ref());
        auto handles = day_handles(refs);
        for (std::size_t n = 0; n < indexes.size(); ++n)
            out[indexes[n]] = std::move(handles[n]);
    }
    return out;
}

namespace {

// The day of the record whose id is, or starts with, `prefix`, read from
// every month once; the resolver then decides on that day's records.
std::vector<RecordRef> id_candidates(Session& session, const std::string& prefix) {
    std::vector<RecordRef> out;
    std::vector<DataError> problems;
    session.journal().read_all(
        [&](const Entry& e) {
            if (e.id.compare(0, prefix.size(), prefix) == 0)
                out.push_back(RecordRef{e.id, e.kind, e.day, e.handle_stamp()});
        },
        problems);
    session.report_problems(problems);
    return out;
}

} // namespace

FoundRecord find_record(Session& session, std::string_view word_text) {
    if (no_journal_yet(session)) {
        // Refuse a word that names nothing as usual, without creating the home.
        RecordWord word = parse_record_word(word_text, day_of(session.clock().now(), 0));
        if (word.form == RecordWord::Form::day)
            resolve_record(word, {});
        throw UsageError(fmt::format("{}: nothing is kept here yet", word_text));
    }
    RecordWord word = parse_record_word(word_text, session.today());
    Date day = word.day;
    std::string id;
    if (word.form == RecordWord::Form::id) {
        auto candidates = id_candidates(session, word.text);
        const RecordRef& ref = resolve_record(word, candidates);
        day = ref.day;
        id = ref.id;
    } else if (word.form == RecordWord::Form::day) {
        resolve_record(word, {}); // throws: a day is not a record
    }
    FoundRecord found;
    found.day = records_of_days(session, day, day);
    std::vector<RecordRef> refs;
    for (const auto& r : found.day)
        refs.push_back(r.ref());
    if (id.empty())
        id = resolve_record(word, refs).id;
    auto handles = day_handles(refs);
    for (std::size_t i = 0; i < found.day.size(); ++i)
        if (found.day[i].id() == id) {
            found.record = found.day[i];
            found.handle = handles[i];
            return found;
        }
    throw UsageError(fmt::format("{}: that record changed while it was being read; please try "
                                 "again",
                                 word_text));
}

} // namespace compassion
