#pragma once

#include <string>

namespace compassion {

// Runs the user's editor on `path` and waits for it to close. `command` is the
// value of $VISUAL or $EDITOR, run by /bin/sh as git does, so it may carry
// arguments ("code --wait"). Returns the editor's exit status, 128 + the
// signal that ended it, or -1 when it could not be started.
int run_editor(const std::string& command, const std::string& path);

} // namespace compassion
