#pragma once

#include "core/environment.hpp"
#include "store/filesystem.hpp"

#include <optional>
#include <string>
#include <vector>

namespace compassion {

// Where everything lives, and the names of the files inside it.
struct Home {
    std::string root;

    std::string config_path() const { return root + "/config.toml"; }
    std::string journal_dir() const { return root + "/journal"; }
    std::string lock_path() const { return journal_dir() + "/.lock"; }
    std::string rescue_dir() const { return root + "/rescue"; }
    // What only this machine needs to remember (the last sync): never synced.
    std::string state_dir() const { return root + "/state"; }
};

// journal/.gitattributes as compassion writes it: month files only ever grow
// by whole [[entry]] blocks, so a union is the right merge for git run by hand.
std::string_view union_attributes();

// --home DIR, else $COMPASSION_HOME, else $XDG_CONFIG_HOME/compassion (when
// absolute), else $HOME/.config/compassion, else the passwd entry's home.
// Throws UsageError when none of these gives a directory.
Home resolve_home(const std::optional<std::string>& flag, const Environment& env);

// Creates the home and its journal directory, 0700 (the journal's lock holder
// writes the git attributes that make git merge month files as a union).
// Throws CreateError, also for a
// home or journal directory that is someone else's (see check_private_dir).
// Returns warnings worth showing (a directory that had to be made private).
std::vector<std::string> prepare_home(FileSystem& fs, const Home& home);

} // namespace compassion
