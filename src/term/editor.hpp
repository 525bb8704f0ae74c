#pragma once

#include "core/environment.hpp"
#include "store/filesystem.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// Runs the user's editor on `path` and waits for it to close. `command` is the
// value of $VISUAL or $EDITOR, run by /bin/sh as git does, so it may carry
// arguments ("code --wait"). Returns the editor's exit status, 128 + the
// signal that ended it, or -1 when it could not be started.
int run_editor(const std::string& command, const std::string& path);

// The editor to run: $VISUAL, else $EDITOR, else vi when there is a terminal.
// Otherwise a UsageError that names `other_way`, another way to give the text.
std::string editor_command(const Environment& env, bool interactive, std::string_view other_way);

// Opens `text` in `command` in a private buffer `dir/name-<id>.txt` (never in
// /tmp) and gives back what was saved. The buffer is removed however it ends.
std::string edit_in_buffer(FileSystem& fs, const std::string& command, const std::string& dir,
                           std::string_view name, const std::string& text);
// Runs a program found on $PATH (`man`) with our standard streams, or with
// them all on /dev/null when `quiet`, and waits for it. Returns its exit
// status, 128 + the signal that ended it, or -1 when it could not be started.
int run_program(const std::vector<std::string>& argv, bool quiet = false);

} // namespace compassion
