#include "term/style.hpp"

namespace compassion {

bool use_color(std::string_view flag, std::string_view config_value, const Environment& env,
               bool is_tty) {
    if (flag == "always")
        return true;
    if (flag == "never")
        return false;
    if (auto no_color = env.get("NO_COLOR"); no_color && !no_color->empty())
        return false;
    if (flag.empty() && config_value == "always")
        return true;
    if (flag.empty() && config_value == "never")
        return false;
    auto term = env.get("TERM");
    return is_tty && !(term && *term == "dumb");
}

} // namespace compassion
