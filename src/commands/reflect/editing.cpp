#include "commands/reflect/reflect.hpp"

#include <fmt/format.h>

namespace compassion::reflect {

Editing::Editing(Session& s, std::string_view name, std::string template_text,
                 std::string_view other_way)
    : s_(s), command_(editor_command(s.env(), s.term().interactive(), other_way)),
      template_(std::move(template_text)), name_(name) {
    s.make_home(); // the buffer is kept there
    buffer_ = std::make_unique<EditBuffer>(s.fs(), s.home().root, name_, template_);
}

std::string Editing::edit() {
    return buffer_->edit(command_, s_.home().rescue_dir());
}

void Editing::reset(const std::string& text) {
    buffer_.reset();
    buffer_ = std::make_unique<EditBuffer>(s_.fs(), s_.home().root, name_, text);
}

std::string Editing::keep() {
    return buffer_->keep(s_.home().rescue_dir());
}

void Editing::leave(const std::string& text, std::string_view what) {
    if (text == template_ || blank(text)) {
        say_nothing_saved(
            s_, fmt::format("{} was left {}", what, text == template_ ? "unchanged" : "empty"));
        return;
    }
    std::string kept = keep();
    if (kept.empty()) {
        // Not even rescue/ would take it: show it, so not a word is lost.
        s_.term().out("# Nothing was saved, so here is what you wrote:\n" + printable(text));
        return;
    }
    s_.term().say(fmt::format("Nothing here could be saved as it is, so what you wrote is kept "
                              "in\n  {}\nOpen it whenever you like.\n",
                              kept));
}

} // namespace compassion::reflect
