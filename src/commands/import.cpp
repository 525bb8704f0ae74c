#include "core/import/import.hpp"
#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/items.hpp"
#include "core/kinds/checkin.hpp"
#include "core/kinds/forget.hpp"
#include "core/kinds/kinds.hpp"
#include "core/range.hpp"
#include "store/filesystem.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <map>

namespace compassion {

namespace {

struct ImportFlags {
    std::vector<std::string> files;
    std::string format;
    bool dry_run = false;
    bool skip_bad = false;
    std::vector<std::string> items; // SOURCE=ITEM
    bool only_listed = false;
    std::vector<std::string> moods; // MOOD=N
    RangeFlags range;
};

std::pair<std::string, std::string> split_pair(const std::string& text, std::string_view flag) {
    auto eq = text.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
        throw UsageError(fmt::format("{} {}: use NAME=VALUE", flag, text));
    return {text.substr(0, eq), text.substr(eq + 1)};
}

ImportOptions options_from(const ImportFlags& f, const Config& cfg) {
    ImportOptions o;
    o.items = cfg.items;
    o.only_listed = f.only_listed;
    for (const auto& pair : f.items) {
        auto [source, item] = split_pair(pair, "--item");
        if (!match_name(item, cfg.items)) {
            auto near = closest_name(item, cfg.items);
            throw UsageError(fmt::format(
                "--item {}: '{}' is not on your show-up list ({}){}", pair, item,
                fmt::join(cfg.items, ", "),
                near ? fmt::format("; did you mean {}={}?", source, *near)
                     : std::string("; add it with `compassion reflect showup`, or leave --item "
                                   "out to keep the habit as an extra item")));
        }
        o.rename.emplace_back(std::move(source), std::move(item));
    }
    for (const auto& pair : f.moods) {
        auto [mood, n] = split_pair(pair, "--map");
        auto rating = parse_rating(n);
        if (!rating)
            throw UsageError(fmt::format("--map {}: the number should be 1 to 5", pair));
        o.moods.emplace_back(mood, *rating);
    }
    return o;
}

// Standard input as it is, every byte kept: a zip can end in a line end.
std::string stdin_bytes() {
    constexpr std::size_t limit = std::size_t{1} << 30;
    int error = 0;
    std::string bytes = read_stdin(limit, error);
    if (error != 0)
        throw NoInputError(
            fmt::format("import -: standard input could not be read ({})", std::strerror(error)));
    if (bytes.size() > limit)
        throw Error("import -: standard input holds more than 1 GiB; import a file instead",
                    Exit::data);
    return bytes;
}

// The files as given, a zip (told by its bytes, whatever its name) standing
// for the Loop CSV files it holds.
std::vector<SourceFile> read_sources(Session& s, const std::vector<std::string>& paths) {
    std::vector<SourceFile> files;
    for (const auto& path : paths) {
        SourceFile file;
        if (path == "-") {
            file = {"(stdin)", stdin_bytes()};
        } else if (path.empty()) {
            throw UsageError("import: an empty name is no file; give the path of the file to "
                             "import, or - for standard input");
        } else {
            auto text = read_file(s.fs(), path, nullptr);
            if (!text)
                throw NoInputError(path + ": there is no such file");
            file = {path, std::move(*text)};
        }
        if (!is_zip(file.text)) {
            files.push_back(std::move(file));
            continue;
        }
        for (auto& inside : loop_zip_files(file))
            files.push_back(std::move(inside));
    }
    return files;
}

// The files grouped by format, each group in the order given. A file in
// another format than --format asks, or in none, stops the import (65).
std::map<ImportFormat, std::vector<SourceFile>> by_format(std::vector<SourceFile> files,
                                                          const std::string& asked) {
    std::map<ImportFormat, std::vector<SourceFile>> groups;
    auto format = parse_format(asked);
    for (auto& file : files) {
        Sniff sn = sniff(file);
        if (format && sn.format && *sn.format != *format)
            throw Error(fmt::format("{}: this looks like {}, not {} (try --format {})", file.path,
                                    sn.what, format_title(*format), format_name(*sn.format)),
                        Exit::data);
        if (!sn.format && (!format || sn.what != "not a format import reads"))
            throw Error(fmt::format("{}: {}{}", file.path,
                                    sn.what == "not a format import reads"
                                        ? "this is not a format import reads (compassion jsonl, "
                                          "jrnl JSON, Daylio CSV, harsh, Loop's zip or CSV); pass "
                                          "--format "
                                          "if it is one of them"
                                        : "this looks like " + sn.what,
                                    sn.what == "empty" ? " (nothing to import)" : ""),
                        Exit::data);
        groups[format ? *format : *sn.format].push_back(std::move(file));
    }
    return groups;
}

JournalFacts journal_facts(Session& s) {
    JournalFacts facts;
    std::vector<std::pair<std::string, Date>> checkins;
    std::vector<DataError> problems;
    s.journal().include_hidden(true);
    s.journal().read_all(
        [&](const Entry& e) {
            if (!e.id.empty())
                facts.ids.insert(e.id);
            if (auto f = forget_from(e))
                facts.forgotten.insert(f->ref);
            else if (e.kind == checkin_kind)
                checkins.emplace_back(e.id, e.day);
        },
        problems);
    s.journal().include_hidden(false);
    if (!problems.empty()) {
        s.report_problems(problems);
        throw Error("nothing was imported: a month file does not read, so what it holds cannot "
                    "be checked",
                    Exit::data);
    }
    for (const auto& [id, day] : checkins)
        if (!facts.forgotten.count(id))
            facts.checked_in.insert(day);
    return facts;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string what_was_done(const std::vector<Record>& records, bool dry_run) {
    std::map<YearMonth, std::map<std::string, std::size_t>> months;
    for (const auto& r : records)
        ++months[year_month_of(r.day)][r.kind];
    std::string out =
        fmt::format("{} {}{}\n", dry_run ? "Would import" : "Imported",
                    plural(records.size(), "record", "records"), records.empty() ? "" : ":");
    for (const auto& [month, kinds] : months) {
        std::vector<std::string> parts;
        for (const auto& k : record_kinds())
            if (auto it = kinds.find(std::string(k.name)); it != kinds.end())
                parts.push_back(fmt::format("{} {}", k.noun, it->second));
        for (const auto& [kind, n] : kinds)
            if (!find_kind(kind))
                parts.push_back(fmt::format("{} {}", kind, n));
        out += fmt::format("  {}  {}\n", format_year_month(month), fmt::join(parts, ", "));
    }
    return out;
}

std::string names_line(std::string_view what, const std::set<std::string>& names,
                       std::string_view hint) {
    if (names.empty())
        return {};
    return fmt::format("{}: {}.{}\n", what, fmt::join(names, ", "), hint);
}

void import_command(const ImportFlags& f, Session& s) {
    ImportOptions options = options_from(f, s.config());
    auto range = whole_range_from(f.range, s.today());
    auto groups = by_format(read_sources(s, f.files), f.format);

    std::vector<Converted> converted;
    std::vector<BadLine> bad;
    for (const auto& [format, files] : groups) {
        converted.push_back(convert(format, files, options));
        bad.insert(bad.end(), converted.back().bad.begin(), converted.back().bad.end());
    }
    for (const auto& b : bad)
        s.term().say(
            fmt::format("compassion: {}{}\n", printable(b.text()), f.skip_bad ? " (skipped)" : ""));
    if (!bad.empty() && !f.skip_bad)
        throw Error(fmt::format("nothing was imported: {} could not be read; fix {} or pass "
                                "--skip-bad to import the rest",
                                plural(bad.size(), "line", "lines"),
                                bad.size() == 1 ? "it" : "them"),
                    Exit::data);

    std::optional<Journal::Hold> hold;
    if (!f.dry_run)
        hold.emplace(s.journal(), lock_timeout_from(s.env()));
    JournalFacts facts = journal_facts(s);
    std::vector<Record> records;
    std::map<SkipReason, std::size_t> skipped;
    std::set<std::string> extra, left_out, kept;
    std::size_t g = 0;
    for (const auto& [format, files] : groups) {
        Converted& c = converted[g++];
        ImportPlan plan = plan_import(
            std::move(c.records), facts, range ? range->from : std::nullopt,
            range ? std::optional(range->to) : std::nullopt, format == ImportFormat::compassion);
        for (const auto& [why, n] : plan.skipped)
            skipped[why] += n;
        for (auto& r : plan.records) {
            facts.ids.insert(r.id);
            if (r.kind == checkin_kind)
                facts.checked_in.insert(r.day);
            records.push_back(std::move(r));
        }
        extra.insert(c.extra_items.begin(), c.extra_items.end());
        left_out.insert(c.left_out.begin(), c.left_out.end());
        kept.insert(c.kept_activities.begin(), c.kept_activities.end());
    }

    std::string report;
    if (!f.dry_run && !records.empty()) {
        std::size_t written = 0;
        try {
            s.journal().append_all(records, [&](YearMonth, std::size_t n) { written += n; });
        } catch (const Error&) {
            if (written > 0)
                s.term().say(fmt::format("compassion: {} of the {} are saved; running the same "
                                         "import again adds the rest and nothing twice\n",
                                         plural(written, "record", "records"), records.size()));
            throw;
        }
    }
    report += what_was_done(records, f.dry_run);
    std::size_t total = 0;
    for (const auto& [why, n] : skipped)
        total += n;
    if (total > 0) {
        report += fmt::format("Left out {}:\n", plural(total, "record", "records"));
        for (const auto& [why, n] : skipped)
            report += fmt::format("  {} {}\n", n, describe(why, n));
    }
    report += names_line("Extra items, not on your show-up list", extra,
                         " (--item NAME=ITEM maps one to an item; --only-listed leaves them out)");
    report += names_line("Activities kept on the check-ins", kept,
                         " (--item NAME=ITEM counts one as a show-up item)");
    report += names_line("Left out with --only-listed", left_out, "");
    if (f.dry_run)
        report += "Nothing was written (--dry-run).\n";
    if (f.dry_run || !s.quiet())
        s.term().out(report);
}

} // namespace

void add_import_command(CLI::App& app, Session& session) {
    auto f = std::make_shared<ImportFlags>();
    CLI::App* cmd = app.add_subcommand(
        "import", "Bring your history in: a compassion export, jrnl, Daylio, harsh or Loop.\n"
                  "Importing the same file again adds nothing; days you already checked in "
                  "are kept as they are.");
    cmd->add_option("FILE", f->files,
                    "Files to import (- reads standard input); Loop's export zip as it is")
        ->required();
    cmd->add_option("--format", f->format,
                    "compassion, jrnl, daylio, harsh or loop (default: told from the file)")
        ->check(CLI::IsMember({"compassion", "jrnl", "daylio", "harsh", "loop"}))
        ->type_name("FORMAT");
    cmd->add_flag("--dry-run", f->dry_run, "Say what would be imported, and write nothing");
    cmd->add_flag("--skip-bad", f->skip_bad,
                  "Import what reads, and list the lines that do not (default: import nothing)");
    cmd->add_option("--item", f->items,
                    "Count the source's habit or activity SOURCE as the show-up item ITEM "
                    "(repeatable)")
        ->type_name("SOURCE=ITEM")
        ->allow_extra_args(false); // one value each time: the files may follow
    cmd->add_flag("--only-listed", f->only_listed,
                  "Leave out habits and activities that are not on your show-up list");
    cmd->add_option("--map", f->moods,
                    "Daylio: the mood MOOD is the rating N, 1 to 5 (repeatable; the default "
                    "moods rad, good, meh, bad, awful are 5 to 1)")
        ->type_name("MOOD=N")
        ->allow_extra_args(false);
    add_range_flags(*cmd, f->range, "Only the 7 days ending today (default: everything)");
    cmd->callback([f, &session] { import_command(*f, session); });
}

} // namespace compassion
