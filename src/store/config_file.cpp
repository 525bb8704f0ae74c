// config.toml on disk: finding it (through a link GNU stow made), creating it
// on first use, changing it under its lock, and clearing what a crashed
// writer left. Every write is the durable write of store/atomic_file.hpp.
#include "core/errors.hpp"
#include "store/atomic_file.hpp"
#include "store/config.hpp"
#include "store/lock.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fmt/format.h>
#include <unistd.h>

namespace compassion {

namespace {

std::string lock_path_of(const std::string& path) {
    return directory_of(path) + "/.config.lock";
}

// Temp files of a config write that never finished, beside `path` and
// beside `target` (the same place unless config.toml is a link).
std::vector<std::string> stale_temps(FileSystem& fs, const std::string& path,
                                     const std::string& target) {
    std::vector<std::string> out;
    for (const std::string& file : {path, target}) {
        const std::string dir = directory_of(file);
        std::vector<std::string> names;
        if (fs.list_dir(dir.c_str(), names) != 0)
            continue;
        for (const auto& name : names)
            if (is_temp_name_of(name, base_name(file)))
                out.push_back(dir + "/" + name);
        if (file == target || directory_of(target) == dir)
            break;
    }
    return out;
}

void remove_all(FileSystem& fs, const std::vector<std::string>& paths) {
    for (const auto& p : paths)
        fs.unlink(p.c_str());
}

// With the config lock held, temp files are from writers that crashed.
// Taken only when there is something to clear, and never waited for: a
// writer holding it is alive and its temp file is in use.
void clear_stale_temps(FileSystem& fs, Clock& clock, const std::string& path,
                       const std::string& target) {
    if (stale_temps(fs, path, target).empty())
        return;
    try {
        FileLock lock(fs, lock_path_of(path), clock, std::chrono::milliseconds{0});
        remove_all(fs, stale_temps(fs, path, target));
    } catch (const Error&) {
    }
}

constexpr std::string_view config_advice = "it need not be changed again";

} // namespace

std::string config_target(FileSystem& fs, const std::string& path) {
    struct stat st {};
    if (fs.lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return path;
        throw IoError(errno_message(path, errno));
    }
    if (!S_ISLNK(st.st_mode))
        return path;
    char resolved[PATH_MAX];
    if (!::realpath(path.c_str(), resolved))
        throw ConfigError(SourcePos{path, 0, 0},
                          errno_message("is a symbolic link that leads nowhere usable", errno));
    struct stat target {};
    if (fs.lstat(resolved, &target) != 0)
        throw ConfigError(SourcePos{path, 0, 0},
                          errno_message(fmt::format("is a symbolic link to {}", resolved), errno));
    if (!S_ISREG(target.st_mode) || target.st_uid != ::geteuid())
        throw ConfigError(SourcePos{path, 0, 0},
                          fmt::format("is a symbolic link to {}, which is not a file of your own; "
                                      "compassion follows a link only to one",
                                      resolved));
    return resolved;
}

Config load_config(FileSystem& fs, Clock& clock, const std::string& path,
                   std::chrono::milliseconds timeout, std::string* notice) {
    const std::string target = config_target(fs, path);
    clear_stale_temps(fs, clock, path, target);
    auto read = [&]() -> std::optional<std::string> {
        try {
            return read_file(fs, target, notice);
        } catch (const DataError& e) {
            // A non-file where the config should be: a config problem.
            // Failing I/O stays an IoError (74).
            std::string message = e.what();
            throw ConfigError(e.pos(), message.substr(format_pos(e.pos()).size() + 2));
        }
    };
    std::optional<std::string> text = read();
    if (!text) {
        // Written whole or not at all, under the config lock, so a first run
        // killed half-way leaves no torn config and two first runs one file.
        FileLock lock(fs, lock_path_of(path), clock, timeout);
        text = read();
        if (!text) {
            try {
                write_durably(fs, DurableWrite{target, config_template(), 0600, std::nullopt});
            } catch (const IoError& e) {
                throw CreateError(e.what());
            }
            text = read();
            if (!text)
                throw CreateError("cannot create " + path);
        }
    }
    return parse_config(*text, path);
}

void write_config(FileSystem& fs, const std::string& path, const std::string& text) {
    write_durably_or_throw(fs, DurableWrite{config_target(fs, path), text, 0600, std::nullopt},
                           config_advice);
}

void update_config(FileSystem& fs, Clock& clock, const std::string& path,
                   std::chrono::milliseconds timeout,
                   const std::function<std::string(const std::string&)>& change) {
    FileLock lock(fs, lock_path_of(path), clock, timeout);
    const std::string target = config_target(fs, path);
    remove_all(fs, stale_temps(fs, path, target));
    std::optional<std::string> text = read_file(fs, target);
    if (!text)
        throw NoInputError(path + ": the config went missing while it was being changed");
    write_durably_or_throw(fs, DurableWrite{target, change(*text), 0600, std::nullopt},
                           config_advice);
}

} // namespace compassion
