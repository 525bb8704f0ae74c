#include "term/pager.hpp"

#include "term/wrap.hpp"

#include <algorithm>

namespace compassion {

std::optional<std::string> pager_command(const Environment& env) {
    std::string command = "less -FRX";
    if (auto own = env.get("COMPASSION_PAGER"))
        command = *own;
    else if (auto pager = env.get("PAGER"))
        command = *pager;
    auto first = command.find_first_not_of(" \t");
    auto last = command.find_last_not_of(" \t");
    if (first == std::string::npos)
        return std::nullopt;
    command = command.substr(first, last - first + 1);
    if (command == "cat")
        return std::nullopt;
    return command;
}

bool taller_than(std::string_view text, const WindowSize& window) {
    if (window.rows <= 0)
        return false;
    auto columns = static_cast<std::size_t>(std::max(window.columns, 1));
    auto room = static_cast<std::size_t>(window.rows - 1); // the prompt's row
    std::size_t rows = 0;
    while (!text.empty()) {
        std::size_t newline = text.find('\n');
        std::size_t width = display_width(text.substr(0, newline));
        rows += std::max<std::size_t>(1, (width + columns - 1) / columns);
        if (rows > room)
            return true;
        if (newline == std::string_view::npos)
            break;
        text.remove_prefix(newline + 1);
    }
    return false;
}

std::size_t output_width(const Terminal& term) {
    if (!term.stdout_is_tty())
        return prose_width;
    auto window = term.window();
    if (!window || window->columns <= 0)
        return prose_width;
    return std::min(prose_width, static_cast<std::size_t>(window->columns));
}

void page(Terminal& term, const Environment& env, std::string_view text, bool allowed) {
    if (allowed && term.stdout_is_tty()) {
        auto command = pager_command(env);
        auto window = term.window();
        if (command && window && taller_than(text, *window)) {
            if (term.pipe_to(*command, text))
                return;
            term.say("compassion: warning: the pager '" + printable(*command) +
                     "' could not be started; showing the text as it is\n");
        }
    }
    term.out(text);
}

} // namespace compassion
