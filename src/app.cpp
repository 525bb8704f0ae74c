#include "app.hpp"

#include "commands/commands.hpp"
#include "core/items.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>

namespace compassion {

const std::vector<CommandInfo>& command_table() {
    static const std::vector<CommandInfo> table = {
        {"log", "The end-of-day check-in: what you did for yourself, how you showed up",
         add_log_command},
        {"reflect", "Guided reflections: qualities, show-up list, recall, reframe, prompt",
         add_reflect_command, reflect_table},
        {"practice", "Guided practices: kindness phrases, recall a moment, a quality exercise",
         add_practice_command, practice_table},
        {"review", "See what helps: a summary of a range, for people or for pipes",
         add_review_command},
        {"show", "Read back a day, a range or one record, each with its handle", add_show_command},
        {"find", "Search everything you wrote; exits 1 when nothing matches", add_find_command},
        {"edit", "Correct a record: the new version replaces the old one", add_edit_command},
        {"forget", "Take a record back for good: its lines leave the journal", add_forget_command},
        {"undo", "Take back the last record written here today", add_undo_command},
        {"export", "Every record out: jsonl, json, toml or markdown", add_export_command},
        {"import", "Bring your history in: compassion, jrnl, Daylio, harsh, Loop",
         add_import_command},
        {"sync", "Keep this journal in step with your other machines over git", add_sync_command},
        {"doctor", "Check this home and mend what is safe to mend", add_doctor_command},
        {"help", "Show the manual of compassion or of one command", add_help_command},
    };
    return table;
}

namespace {

// The names in the subcommand table of `command` (a top-level command), if it has one.
std::vector<std::string> subcommand_names(const std::string& command) {
    std::vector<std::string> names;
    for (const auto& c : command_table())
        if (c.name == command && c.subcommands)
            for (const auto& sub : c.subcommands())
                names.emplace_back(sub.name);
    return names;
}

// "did you mean" for the first word that is neither an option nor a command
// of `where` ("compassion", or a command with subcommands: "compassion reflect").
std::string suggestion_for(const std::string& message, const std::vector<std::string>& args,
                           const CLI::App* parent = nullptr) {
    std::vector<std::string> names;
    std::string where = "compassion";
    if (parent) {
        where += " " + parent->get_name();
        // Only a top-level command has a table of subcommands.
        if (parent->get_parent() && !parent->get_parent()->get_parent())
            names = subcommand_names(parent->get_name());
    } else {
        for (const auto& c : command_table())
            names.emplace_back(c.name);
    }
    if (names.empty())
        return {};
    for (const auto& arg : args) {
        if (arg.empty() || arg[0] == '-')
            continue;
        if (message.find(arg) == std::string::npos)
            continue;
        if (auto near = closest_name(arg, names))
            return fmt::format("'{}' is not a {} command; did you mean '{}'?", arg, where, *near);
        return fmt::format("'{}' is not a {} command (try: {})", arg, where,
                           fmt::join(names, ", "));
    }
    return {};
}

} // namespace

namespace {

// Usage lines name the whole command: "Usage: compassion reflect qualities [OPTIONS]".
// A hidden positional (words a command refuses itself) is left out of it.
class Formatter : public CLI::Formatter {
public:
    std::string make_usage(const CLI::App* app, std::string name) const override {
        for (const CLI::App* parent = app->get_parent(); parent; parent = parent->get_parent())
            name = parent->get_name() + " " + name;
        std::string usage = CLI::Formatter::make_usage(app, name);
        for (std::string_view mark : {" [...]", " []"})
            if (auto at = usage.find(mark); at != std::string::npos)
                usage.erase(at, mark.size());
        return usage;
    }
};

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// CLI11's messages, in our words: one line that names the flag and the value.
std::string friendly(const CLI::ParseError& e) {
    std::string m = e.what();
    // "--color: sometimes not in {auto,always,never}"
    if (auto colon = m.find(": "), in = m.find(" not in {");
        colon != std::string::npos && in != std::string::npos && in > colon && m.back() == '}') {
        std::vector<std::string> names = split_list(m.substr(in + 9, m.size() - in - 10));
        std::string choices;
        for (std::size_t i = 0; i < names.size(); ++i)
            choices += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
        return fmt::format("{} {}: use {}", m.substr(0, colon), m.substr(colon + 2, in - colon - 2),
                           choices);
    }
    // "Could not convert: --showed-up = three"
    if (starts_with(m, "Could not convert: ")) {
        std::string rest = m.substr(19);
        if (auto eq = rest.find(" = "); eq != std::string::npos)
            return fmt::format("{} {}: that is not a whole number", rest.substr(0, eq),
                               rest.substr(eq + 3));
    }
    // "--count excludes --minutes"
    if (auto ex = m.find(" excludes "); ex != std::string::npos && starts_with(m, "-"))
        return fmt::format("{} and {} go in separate runs; choose one", m.substr(0, ex),
                           m.substr(ex + 10));
    // "--showed-up: 1 required N missing"
    if (auto req = m.find(": 1 required ");
        req != std::string::npos && m.size() > 8 && m.compare(m.size() - 8, 8, " missing") == 0)
        return fmt::format("{} needs a value ({})", m.substr(0, req),
                           m.substr(req + 13, m.size() - req - 21));
    // "--showed-up: At Most 1 required but received 2"
    if (auto most = m.find(": At Most 1 required but received ");
        most != std::string::npos && starts_with(m, "-"))
        return fmt::format("{} was given more than once; give it once", m.substr(0, most));
    return m;
}

// CLI11's "The following arguments were not expected: x y" in our words,
// naming the first word.
std::string not_expected(const std::string& message) {
    std::string words = message;
    if (auto colon = message.find(": "); colon != std::string::npos)
        words = message.substr(colon + 2);
    std::string first = words.substr(0, words.find(' '));
    if (starts_with(first, "-"))
        return fmt::format("{}: there is no such option here", first);
    return fmt::format("'{}' is not expected here", first);
}

// The first word that is neither a global option nor its value: the command.
std::string command_word(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--home" || a == "--color") {
            ++i;
            continue;
        }
        if (!a.empty() && a[0] == '-')
            continue;
        return a;
    }
    return {};
}

// What `compassion` alone says: enough to go on, on stderr.
std::string short_usage() {
    std::vector<std::string_view> names;
    for (const auto& c : command_table())
        names.push_back(c.name);
    return fmt::format("Usage: compassion [--home DIR] [--color WHEN] [-q] COMMAND [OPTIONS]\n"
                       "Commands: {}\n"
                       "More in `compassion --help`, or `compassion help COMMAND` for one "
                       "command's manual.\n",
                       fmt::join(names, ", "));
}

// Global options are explained by `compassion --help`, not by the command's.
bool about_global_option(const std::string& message) {
    return starts_with(message, "--color") || starts_with(message, "--home");
}

} // namespace

namespace {

// The top-level app: global options, and the command `typed` (if it is one)
// built whole.
void build_app(CLI::App& app, Globals& globals, Session& session, const std::string& typed) {
    app.formatter(std::make_shared<Formatter>());
    app.require_subcommand(1);
    app.fallthrough();
    // Only the command typed is built whole. With none named (--help, a word
    // that is no command), the others are listed by bare entries, made while
    // the app has no help flag so that none gets one of its own (each would
    // cost a start-up the time of a small command's parse).
    const auto& table = command_table();
    if (std::none_of(table.begin(), table.end(),
                     [&](const CommandInfo& c) { return c.name == typed; })) {
        const std::string help_name = app.get_help_ptr()->get_name(false, true);
        const std::string help_text = app.get_help_ptr()->get_description();
        app.set_help_flag();
        for (const auto& c : table)
            app.add_subcommand(std::string(c.name), std::string(c.summary));
        app.set_help_flag(help_name, help_text);
    }
    app.set_version_flag("--version", std::string(version_string), "Print the version and exit");
    app.add_option("--home", globals.home,
                   "Use DIR as the home (default: $COMPASSION_HOME, else "
                   "$XDG_CONFIG_HOME/compassion, else ~/.config/compassion)")
        ->type_name("DIR");
    app.add_option("--color", globals.color, "Colour: auto, always or never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", globals.quiet, "Say only what was asked for, and errors");
    app.add_flag("--no-pager", globals.no_pager,
                 "Never send long output to a pager ($COMPASSION_PAGER, $PAGER, else less)");

    for (const auto& c : table)
        if (c.name == typed)
            c.add(app, session);
}

// What a parse that did not run a command means, for the exception being
// handled (call it only from a catch block): help, the version, or a usage
// error in our words. The status to exit with.
int answer_parse(CLI::App& app, const std::string& typed, const std::vector<std::string>& args,
                 Terminal& term) {
    auto fail = [&](const std::string& message, Exit code) {
        term.say("compassion: " + printable(message) + "\n");
        return static_cast<int>(code);
    };
    try {
        throw;
    } catch (const CLI::CallForHelp&) {
        // `compassion nosuchcommand --help`: name the word, not the top-level help.
        if (app.get_subcommands().empty() && !typed.empty())
            if (std::string hint = suggestion_for(typed, {typed}); !hint.empty())
                return fail(hint, Exit::usage);
        // The help of the innermost command typed (`reflect qualities --help`).
        CLI::App* deepest = &app;
        while (!deepest->get_subcommands().empty())
            deepest = deepest->get_subcommands().front();
        term.out(deepest->help());
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        term.out(app.help("", CLI::AppFormatMode::All));
        return 0;
    } catch (const CLI::CallForVersion&) {
        term.out(std::string(version_string) + "\n");
        return 0;
    } catch (const CLI::RequiredError& e) {
        if (app.get_subcommands().empty() && app.remaining().empty()) {
            term.say(short_usage());
            return static_cast<int>(Exit::usage);
        }
        if (app.get_subcommands().empty() && !app.remaining().empty() &&
            starts_with(app.remaining().front(), "-"))
            return fail(fmt::format("{}: there is no such option (see compassion --help)",
                                    app.remaining().front()),
                        Exit::usage);
        if (app.get_subcommands().empty() && !app.remaining().empty()) {
            std::string all = fmt::format("{}", fmt::join(app.remaining(), " "));
            if (std::string hint = suggestion_for(all, args); !hint.empty())
                return fail(hint, Exit::usage);
        }
        // `compassion find` without its words: that command's help.
        std::string where = "compassion", words;
        for (CLI::App* sub = &app; !sub->get_subcommands().empty();) {
            sub = sub->get_subcommands().front();
            where += " " + sub->get_name();
            words += (words.empty() ? "" : " ") + sub->get_name();
        }
        return fail(fmt::format("{}{}{} (see {} --help)", words, words.empty() ? "" : ": ",
                                e.what(), where),
                    Exit::usage);
    } catch (const CLI::ExtrasError& e) {
        // The innermost command typed decides what a stray word could have meant.
        CLI::App* deepest = &app;
        std::string where = "compassion";
        while (!deepest->get_subcommands().empty()) {
            deepest = deepest->get_subcommands().front();
            where += " " + deepest->get_name();
        }
        std::string hint = suggestion_for(e.what(), args, deepest == &app ? nullptr : deepest);
        if (hint.empty())
            hint = fmt::format("{} (see {} --help)", not_expected(e.what()), where);
        return fail(hint, Exit::usage);
    } catch (const CLI::ParseError& e) {
        std::string where = "compassion";
        std::string message = friendly(e);
        for (CLI::App* sub = &app;
             !sub->get_subcommands().empty() && !about_global_option(message);) {
            sub = sub->get_subcommands().front();
            where += " " + sub->get_name();
        }
        return fail(fmt::format("{} (see {} --help)", message, where), Exit::usage);
    }
    return static_cast<int>(Exit::usage);
}

} // namespace

int run(const std::vector<std::string>& args, System system) {
    Globals globals;
    Session session(system, globals);
    CLI::App app{"compassion - a gentle companion for a daily self-compassion practice.\n"
                 "Check in at the end of the day, reflect, practise, and see what helps.",
                 "compassion"};
    const std::string typed = command_word(args);
    build_app(app, globals, session, typed);

    std::vector<std::string> argv_storage{"compassion"};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage)
        argv.push_back(a.data());

    auto fail = [&](const std::string& message, Exit code) {
        // Messages can quote a config value or a file's bytes: never replay them raw.
        system.term.say("compassion: " + printable(message) + "\n");
        return static_cast<int>(code);
    };
    try {
        try {
            app.parse(static_cast<int>(argv.size()), argv.data());
        } catch (const CLI::ParseError&) {
            return answer_parse(app, typed, args, system.term);
        }
        if (session.wrote)
            sync_after_write(session);
    } catch (const Error& e) {
        return fail(e.what(), e.code());
    } catch (const std::bad_alloc&) {
        return fail("out of memory", Exit::io);
    } catch (const std::exception& e) {
        return fail(std::string("unexpected error: ") + e.what(), Exit::io);
    }
    return static_cast<int>(session.exit);
}

} // namespace compassion
