#include "store/state.hpp"

#include "core/entry.hpp"
#include "core/record.hpp"
#include "store/atomic_file.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace compassion {

namespace {

constexpr std::string_view last_written = "last-written";

std::string last_written_path(const Home& home) {
    return home.state_dir() + "/" + std::string(last_written);
}

// Keeps state/ out of git for a home kept in git by hand (each machine has
// its own state, and two would conflict in a merge).
void ignore_in_git(FileSystem& fs, const Home& home) {
    const std::string path = home.state_dir() + "/.gitignore";
    struct stat st {};
    if (fs.lstat(path.c_str(), &st) == 0)
        return;
    write_durably(fs, DurableWrite{path, "# Written by compassion: this machine's own state.\n*\n",
                                   0600, std::nullopt, false});
}

} // namespace

void write_state_file(FileSystem& fs, const Home& home, std::string_view name,
                      std::string_view text) {
    make_private_dir(fs, home.state_dir());
    ignore_in_git(fs, home);
    write_durably(fs, DurableWrite{home.state_dir() + "/" + std::string(name), text, 0600,
                                   std::nullopt, false});
}

std::optional<std::string> read_state_file(FileSystem& fs, const Home& home,
                                           std::string_view name) {
    try {
        return read_file(fs, home.state_dir() + "/" + std::string(name));
    } catch (const Error&) {
        return std::nullopt;
    }
}

void save_last_written(FileSystem& fs, const Home& home, const LastWritten& last) {
    const std::string text =
        fmt::format("# The last record this home wrote, for `compassion undo`. Never synced.\n"
                    "id = {}\nday = {}\nwritten_on = {}\n",
                    toml_string(last.id), format_date(last.day), format_date(last.written_on));
    write_state_file(fs, home, last_written, text);
}

std::optional<LastWritten> load_last_written(FileSystem& fs, const Home& home) {
    std::optional<std::string> text = read_state_file(fs, home, last_written);
    if (!text)
        return std::nullopt;
    toml::table doc;
    try {
        doc = toml::parse(*text);
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
    auto id = doc["id"].value<std::string>();
    auto day = doc["day"].as_date();
    auto on = doc["written_on"].as_date();
    if (!id || id->empty() || !day || !on)
        return std::nullopt;
    return LastWritten{*id, to_date(day->get()), to_date(on->get())};
}

void clear_last_written(FileSystem& fs, const Home& home) {
    fs.unlink(last_written_path(home).c_str());
}

} // namespace compassion
