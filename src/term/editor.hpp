#pragma once

#include <string>
#include <vector>

namespace compassion {

// Runs the user's editor on `path` and waits for it to close. `command` is the
// value of $VISUAL or $EDITOR, run by /bin/sh as git does, so it may carry
// arguments ("code --wait"). Returns the editor's exit status, 128 + the
// signal that ended it, or -1 when it could not be started.
int run_editor(const std::string& command, const std::string& path);

// Runs a program found on $PATH (`man`) with our standard streams, or with
// them all on /dev/null when `quiet`, and waits for it. Returns its exit
// status, 128 + the signal that ended it, or -1 when it could not be started.
int run_program(const std::vector<std::string>& argv, bool quiet = false);

} // namespace compassion
