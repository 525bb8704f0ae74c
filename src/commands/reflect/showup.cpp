#include "core/kinds/showup.hpp"
#include "commands/common.hpp"
#include "commands/reflect/reflect.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace compassion::reflect {

namespace {

std::vector<std::string> ask_showup_items(Session& s, const std::vector<std::string>& current) {
    Style st = s.say_style();
    s.term().say(fmt::format(
        "{}\n  Say sleep, a walk, time with friends: whatever helps you be there for others.\n"
        "  Now: {}\n",
        st.bold("What does it take for you to show up well?"),
        printable(fmt::format("{}", fmt::join(current, ", ")))));
    for (;;) {
        auto line = ask(s, fmt::format("  Your list, comma-separated {} ",
                                       st.dim("(1 to 7, four is a good number; Enter keeps it)")));
        if (!line)
            throw Stopped{};
        if (line->empty())
            return current;
        try {
            return showup_items({storable_text(s, *line, "the list")}, max_items);
        } catch (const UsageError& e) {
            s.term().say(fmt::format("  {}\n", e.what()));
        }
    }
}

// Rewrites the items line of config.toml, checking the result reads back.
void write_items(Session& s, const Config& cfg, const std::vector<std::string>& items) {
    s.settle_home(); // the first list a person names makes their home
    update_config(s.fs(), s.clock(), cfg.path, lock_timeout_from(s.env()),
                  [&](const std::string& text) {
                      std::string updated;
                      try {
                          updated = with_top_level_value(text, "items", toml_string_array(items));
                      } catch (const toml::parse_error& e) {
                          throw ConfigError(
                              SourcePos{cfg.path, e.source().begin.line, e.source().begin.column},
                              std::string(e.description()));
                      }
                      Config check = parse_config(updated, cfg.path);
                      if (!same_items(check.items, items))
                          throw ConfigError(
                              SourcePos{cfg.path, 0, 0},
                              "the new list could not be written safely; the file is unchanged");
                      return updated;
                  });
}

} // namespace

void showup_command(const ShowupOptions& o, Session& s) {
    const Config& cfg = s.config();
    std::vector<std::string> items;
    if (!o.items.empty()) {
        std::vector<std::string> typed;
        for (const auto& word : o.items)
            typed.push_back(storable_text(s, word, "an item"));
        items = showup_items(typed, max_items);
    } else if (!s.term().interactive()) {
        throw missing_value("reflect showup",
                            "the items: compassion reflect showup sleep \"time outside\" friends");
    } else {
        try {
            items = ask_showup_items(s, cfg.items);
        } catch (const Stopped&) {
            s.term().say("Stopped; your list stays as it was.\n");
            return;
        }
    }
    if (same_items(items, cfg.items)) {
        if (!o.items.empty())
            s.settle_home(); // named on purpose: the first run is over
        if (!s.quiet())
            s.term().out(
                printable(fmt::format("Your list stays as it is: {}.\n", fmt::join(items, ", "))));
        return;
    }
    write_items(s, cfg, items);
    save_record(s, showup_record(items, s.today(), s.clock().now()));
    if (!s.quiet())
        s.term().out(printable(fmt::format("Your show-up list is now: {}.\nPast check-ins keep the "
                                           "names they were saved with.\n",
                                           fmt::join(items, ", "))));
}

void add_showup(CLI::App& sub, Session& session) {
    auto o = std::make_shared<ShowupOptions>();
    sub.description("Name or revise your show-up items: the few things it takes for you to show "
                    "up well (1 to 7).\nChanges only the items line of config.toml.");
    sub.add_option("items", o->items, "The new list, in order (commas also separate)")
        ->type_name("ITEM");
    sub.callback([o, &session] { showup_command(*o, session); });
}

void run_showup(Session& session) {
    showup_command({}, session);
}

} // namespace compassion::reflect
