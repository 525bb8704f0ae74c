#include "core/export/export.hpp"
#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/items.hpp"
#include "core/kinds/kinds.hpp"
#include "core/range.hpp"

#include <fmt/format.h>

namespace compassion {

namespace {

struct ExportOptions {
    RangeFlags range;
    std::string format = "jsonl";
    std::vector<std::string> kinds;
    bool redact = false;
};

ExportFormat export_format(const std::string& name) {
    if (name == "json")
        return ExportFormat::json;
    if (name == "toml")
        return ExportFormat::toml;
    if (name == "markdown")
        return ExportFormat::markdown;
    return ExportFormat::jsonl;
}

// The kinds asked for, as the files name them; UsageError for an unknown one.
std::vector<std::string> kinds_asked(const std::vector<std::string>& typed) {
    std::vector<std::string> known;
    for (const auto& k : record_kinds())
        known.emplace_back(k.name);
    std::vector<std::string> out;
    for (const auto& list : typed)
        for (const auto& name : split_list(list)) {
            if (auto match = match_name(name, known)) {
                out.push_back(*match);
                continue;
            }
            if (auto near = closest_name(name, known))
                throw UsageError(fmt::format("--kind {}: there is no such kind; did you mean '{}'?",
                                             name, *near));
            throw UsageError(fmt::format("--kind {}: there is no such kind (try: {})", name,
                                         fmt::join(known, ", ")));
        }
    return out;
}

void export_command(const ExportOptions& o, Session& s) {
    std::vector<std::string> kinds = kinds_asked(o.kinds);
    auto range = whole_range_from(o.range, s.today());
    ExportWriter writer(export_format(o.format));
    s.term().out(writer.begin());
    std::vector<DataError> problems;
    s.journal().date_chains(false); // records go out by id, not by handle
    auto visit = [&](const Entry& e) {
        if (range && ((range->from && e.day < *range->from) || e.day > range->to))
            return;
        if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end())
            return;
        Record r = record_of(e);
        s.term().out(writer.record(o.redact ? redacted(std::move(r)) : r));
    };
    if (range && range->from)
        s.journal().read(year_month_of(*range->from), year_month_of(range->to), visit, problems);
    else if (range)
        s.journal().read(earliest_month, year_month_of(range->to), visit, problems);
    else
        s.journal().read_all(visit, problems);
    s.term().out(writer.end());
    s.report_problems(problems);
}

} // namespace

void add_export_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "export", "Every record out, complete: ids, days, times and every field, in the "
                  "journal's order.\n--format jsonl (for pipes and import), json, toml or "
                  "markdown (for people).");
    cmd->add_option("--format", o->format, "jsonl (the default), json, toml or markdown")
        ->check(CLI::IsMember({"jsonl", "json", "toml", "markdown"}))
        ->type_name("FORMAT");
    cmd->add_option("--kind", o->kinds,
                    "Only records of this kind (checkin, moment, ...); "
                    "repeat or list with commas")
        ->type_name("KIND");
    add_range_flags(*cmd, o->range, "The 7 days ending today (default: everything)");
    cmd->add_flag("--redact", o->redact,
                  "Leave out every free-text field: notes, moments, reflections");
    cmd->callback([o, &session] { export_command(*o, session); });
}

} // namespace compassion
