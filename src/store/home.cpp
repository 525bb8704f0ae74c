#include "store/home.hpp"

#include "core/errors.hpp"

#include <cerrno>
#include <pwd.h>
#include <unistd.h>

namespace compassion {

namespace {

std::string without_trailing_slash(std::string path) {
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    return path;
}

std::string absolute(const std::string& path) {
    if (!path.empty() && path[0] == '/')
        return path;
    char cwd[4096];
    if (!::getcwd(cwd, sizeof cwd))
        throw UsageError(errno_message("cannot find the current directory", errno));
    return std::string(cwd) + "/" + path;
}

} // namespace

Home resolve_home(const std::optional<std::string>& flag, const Environment& env) {
    if (flag) {
        if (flag->empty())
            throw UsageError("--home: needs a directory");
        return Home{without_trailing_slash(absolute(*flag))};
    }
    if (auto dir = env.get("COMPASSION_HOME"); dir && !dir->empty())
        return Home{without_trailing_slash(absolute(*dir))};
    if (auto xdg = env.get("XDG_CONFIG_HOME"); xdg && !xdg->empty() && (*xdg)[0] == '/')
        return Home{without_trailing_slash(*xdg) + "/compassion"};
    std::string base;
    if (auto home = env.get("HOME"); home && !home->empty() && (*home)[0] == '/')
        base = *home;
    else if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir && pw->pw_dir[0] == '/')
        base = pw->pw_dir;
    else
        throw UsageError("cannot tell where your home is: set HOME or COMPASSION_HOME, "
                         "or pass --home DIR");
    return Home{without_trailing_slash(base) + "/.config/compassion"};
}

std::string_view union_attributes() {
    return "# Written by compassion: month files merge as a union of entries.\n"
           "*.toml merge=union\n";
}

std::vector<std::string> prepare_home(FileSystem& fs, const Home& home) {
    std::vector<std::string> notices;
    for (const std::string& dir : {home.root, home.journal_dir()}) {
        make_private_dir(fs, dir);
        if (auto notice = check_private_dir(fs, dir))
            notices.push_back(std::move(*notice));
    }
    return notices;
}

} // namespace compassion
