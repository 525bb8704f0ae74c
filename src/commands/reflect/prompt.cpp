#include "commands/reflect/reflect.hpp"
#include "core/prompts.hpp"

#include <CLI/CLI.hpp>

namespace compassion::reflect {

void prompt_command(const PromptOptions& o, Session& s) {
    Date day = parse_day(o.date.value_or("today"), s.today(), "--date");
    s.term().out(std::string(prompt_for_day(day).text) + "\n");
}

void add_prompt(CLI::App& sub, Session& session) {
    auto o = std::make_shared<PromptOptions>();
    sub.description("Print today's reflection prompt on one line: the same all day, another "
                    "tomorrow.");
    sub.add_option("--date", o->date, "The prompt of another day (YYYY-MM-DD, -N, ...)")
        ->type_name("DAY");
    sub.callback([o, &session] { prompt_command(*o, session); });
}

void run_prompt(Session& session) {
    prompt_command({}, session);
}

} // namespace compassion::reflect
