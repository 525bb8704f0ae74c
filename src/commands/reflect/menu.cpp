#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/reflect/reflect.hpp"
#include "core/items.hpp"
#include "core/prompts.hpp"

#include <fmt/format.h>

namespace compassion {

const std::vector<SubcommandInfo>& reflect_table() {
    using namespace reflect;
    static const std::vector<SubcommandInfo> table = {
        {"qualities", "rate the four qualities of well-being and choose one to practise",
         add_qualities, run_qualities},
        {"showup", "name the few things it takes for you to show up well", add_showup, run_showup},
        {"recall", "save a moment when you treated yourself, or someone, with care", add_recall,
         run_recall},
        {"reframe", "something that went differently than you wanted: from shame to repair",
         add_reframe, run_reframe},
        {"prompt", "today's reflection prompt", add_prompt, run_prompt},
    };
    return table;
}

namespace {

// With no subcommand: a short menu in a terminal, today's prompt otherwise.
void menu(Session& s) {
    if (!s.term().interactive()) {
        reflect::run_prompt(s);
        return;
    }
    const auto& rooms = reflect_table();
    Style st = s.say_style();
    std::string text = fmt::format("{} {}\n\n", st.bold("Today:"), prompt_for_day(s.today()).text);
    for (std::size_t i = 0; i < rooms.size(); ++i)
        text += fmt::format("  {}  {:<10} {}\n", i + 1, rooms[i].name,
                            st.dim(std::string(rooms[i].summary)));
    s.term().say(text);
    std::vector<std::string> names;
    for (const auto& room : rooms)
        names.emplace_back(room.name);
    for (;;) {
        auto line = ask(
            s, fmt::format("Which one? {} ",
                           st.dim(fmt::format("[1-{} or a name; Enter leaves]", rooms.size()))));
        if (!line || line->empty())
            return;
        const SubcommandInfo* chosen = nullptr;
        if (line->size() == 1 && (*line)[0] >= '1' &&
            static_cast<std::size_t>((*line)[0] - '0') <= rooms.size())
            chosen = &rooms[static_cast<std::size_t>((*line)[0] - '1')];
        else if (auto name = match_name(*line, names))
            for (const auto& room : rooms)
                if (room.name == *name)
                    chosen = &room;
        if (chosen)
            return chosen->run(s);
        s.term().say(
            fmt::format("  A number from 1 to {} or one of the names will do.\n", rooms.size()));
    }
}

} // namespace

void add_reflect_command(CLI::App& app, Session& session) {
    CLI::App* cmd = app.add_subcommand(
        "reflect", "Guided reflections: qualities, showup, recall, reframe and prompt.\nWith no "
                   "subcommand: a short menu in a terminal, today's prompt otherwise.");
    cmd->require_subcommand(0, 1);
    for (const auto& room : reflect_table())
        room.add(*cmd->add_subcommand(std::string(room.name)), session);
    cmd->callback([cmd, &session] {
        if (cmd->get_subcommands().empty())
            menu(session);
    });
}

} // namespace compassion
