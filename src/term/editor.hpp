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
// Otherwise a UsageError, headed `asked_by` (the flag or command that wanted
// an editor), that names `other_way`, another way to give the text.
std::string editor_command(const Environment& env, bool interactive, std::string_view other_way,
                           std::string_view asked_by = "--edit");

// A private buffer `dir/name-<id>.extension` (never in /tmp) that the user's
// editor works on. It is removed when it goes, unless it was kept in rescue/
// first: words that differ from what was offered are never deleted unsaved.
class EditBuffer {
public:
    EditBuffer(FileSystem& fs, const std::string& dir, std::string_view name,
               const std::string& text, std::string_view extension = "txt");
    ~EditBuffer();
    EditBuffer(const EditBuffer&) = delete;
    EditBuffer& operator=(const EditBuffer&) = delete;

    // Runs `command` on the buffer and gives back what was saved. An editor
    // that exits non-zero (vim's `:cq` is a deliberate abort) or is killed:
    // a buffer that differs from the text it was made with is kept in
    // `rescue_dir` and IoError says where (one left as it was is let go, and
    // IoError says so); an editor that cannot be started: IoError. Nothing
    // is saved either way.
    std::string edit(const std::string& command, const std::string& rescue_dir);
    // Moves the buffer into `rescue_dir` and gives its new path, or "" when
    // it could not (the buffer then stays where it is, never removed: path()
    // names it). rescue/ is made 0700
    // if missing, and never used through a symbolic link or when it is not
    // the user's own (store/rescue.hpp).
    std::string keep(const std::string& rescue_dir);
    const std::string& path() const { return path_; }

private:
    FileSystem& fs_;
    std::string path_;
    std::string offered_;  // the text it was made with
    bool kept_ = false;    // never removed
    bool rescued_ = false; // moved into rescue/
};
// Runs a program found on $PATH (`man`) with our standard streams, or with
// them all on /dev/null when `quiet`, and waits for it. Returns its exit
// status, 128 + the signal that ended it, or -1 when it could not be started.
int run_program(const std::vector<std::string>& argv, bool quiet = false);

} // namespace compassion
