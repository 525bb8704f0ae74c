#include "commands/forgetting.hpp"

#include "commands/common.hpp"
#include "core/kinds/forget.hpp"
#include "core/record_lines.hpp"
#include "render/records.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_set>

namespace compassion {

std::vector<Link> forget_plan(Session& s, const FoundRecord& found, bool replaced) {
    std::vector<Link> links;
    std::vector<DataError> problems;
    Journal& journal = s.journal();
    journal.include_hidden(true);
    try {
        journal.read_all([&](const Entry& e) { links.push_back(link_of(e)); }, problems);
    } catch (...) {
        journal.include_hidden(false);
        throw;
    }
    journal.include_hidden(false);
    if (!problems.empty()) {
        // Part of the chain could be in a file that cannot be read: take nothing back.
        s.report_problems(problems);
        throw DataError(problems.front().pos(),
                        "this file cannot be read, so nothing was forgotten (a record that "
                        "belongs with it could be there)");
    }
    std::vector<Link> plan;
    for (auto i : forget_chain(links, found.record.id(), replaced))
        plan.push_back(links[i]);
    return plan;
}

namespace {

bool exists(Session& s, const std::string& path) {
    struct stat st {};
    return s.fs().lstat(path.c_str(), &st) == 0;
}

} // namespace

std::string describe_plan(Session& s, const FoundRecord& found, const std::vector<Link>& plan) {
    // Each record the day shows by its handle and the time it was written,
    // never its words.
    std::map<std::string, std::string> handles;
    auto day_handles_now = handles_of(found.day);
    for (std::size_t i = 0; i < found.day.size(); ++i)
        handles[found.day[i].id()] = day_handles_now[i];
    std::map<std::string, std::string> written;
    for (const auto& r : found.day)
        written[r.id()] = when_written(r);
    std::unordered_set<std::string> replaced;
    for (const auto& link : plan)
        if (!link.replaces.empty())
            replaced.insert(link.replaces);
    std::string out;
    for (const auto& link : plan) {
        const KindInfo* kind = find_kind(link.kind);
        std::string noun = kind ? std::string(kind->noun) : link.kind;
        auto it = handles.find(link.id);
        if (it != handles.end())
            out += fmt::format("  {}  {}{}\n", it->second, noun, written[link.id]);
        else
            out += fmt::format("  {}  {} ({}{})\n", format_date(link.day), noun, link.id,
                               replaced.count(link.id) ? ", an earlier version" : "");
    }
    const Home& home = s.home();
    std::vector<std::string> beyond;
    if (exists(s, home.root + "/.git"))
        beyond.push_back("git history already committed or pushed (see man compassion-forget)");
    if (exists(s, home.root + "/.stversions") || exists(s, home.journal_dir() + "/.stversions"))
        beyond.push_back("Syncthing's .stversions folder");
    if (exists(s, home.rescue_dir()))
        beyond.push_back("copies kept in " + home.rescue_dir());
    beyond.push_back("backups of this folder");
    out += fmt::format("Copies it cannot reach from here: {}.\n", fmt::join(beyond, ", "));
    return out;
}

bool confirmed(Session& s, bool yes, std::string_view command, std::string_view question) {
    if (yes)
        return true;
    if (!s.term().interactive())
        throw UsageError(
            fmt::format("{}: there is no terminal to confirm on; pass --yes", command));
    auto answer = ask(s, question);
    return answer && (*answer == "y" || *answer == "Y" || *answer == "yes" || *answer == "Yes");
}

namespace {

// Takes the lines of the records `ids` names out of one file of `month`.
void remove_lines(Session& s, Journal& journal, YearMonth month, const std::string& path,
                  const std::unordered_set<std::string>& ids) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto text = read_file(s.fs(), path);
        if (!text)
            return;
        std::string kept = without_records(*text, ids, path);
        if (kept == *text || journal.rewrite_month(month, path, *text, kept))
            return;
    }
}

} // namespace

void carry_out(Session& s, const std::vector<Link>& plan) {
    Journal& journal = s.journal();
    Journal::Hold hold(journal, lock_timeout_from(s.env()));
    const TimePoint now = s.clock().now();
    std::map<YearMonth, std::unordered_set<std::string>> by_month;
    // Tombstones first: if anything stops half-way, every reader already
    // hides the records, and the next writer removes what is left of them.
    for (const auto& link : plan) {
        journal.append(forget_record(link.id, link.day, now));
        by_month[year_month_of(link.day)].insert(link.id);
    }
    // The month file, and a sync tool's copy of it: the words leave both.
    for (const auto& [month, ids] : by_month)
        for (const auto& files : journal.months(month, month))
            for (const auto& path : files.paths)
                remove_lines(s, journal, month, path, ids);
}

} // namespace compassion
