#include "term/editor.hpp"

#include "core/errors.hpp"
#include "core/record.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace compassion {

namespace {

// Removes the editor buffer however the command ends.
class BufferFile {
public:
    BufferFile(FileSystem& fs, std::string path) : fs_(fs), path_(std::move(path)) {}
    BufferFile(const BufferFile&) = delete;
    BufferFile& operator=(const BufferFile&) = delete;
    ~BufferFile() { fs_.unlink(path_.c_str()); }

private:
    FileSystem& fs_;
    std::string path_;
};

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

} // namespace

int run_editor(const std::string& command, const std::string& path) {
    std::string script = command + " \"$1\"";
    std::string sh = "sh";
    std::string argv0 = "compassion-editor";
    char* argv[] = {sh.data(),    const_cast<char*>("-c"),         script.data(),
                    argv0.data(), const_cast<char*>(path.c_str()), nullptr};
    pid_t pid = 0;
    if (::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv, environ) != 0)
        return -1;
    return wait_for(pid);
}

int run_program(const std::vector<std::string>& argv, bool quiet) {
    if (argv.empty())
        return -1;
    std::vector<std::string> words = argv;
    std::vector<char*> args;
    for (auto& w : words)
        args.push_back(w.data());
    args.push_back(nullptr);
    // What we printed so far comes before what the program prints.
    std::fflush(stdout);
    posix_spawn_file_actions_t actions;
    if (::posix_spawn_file_actions_init(&actions) != 0)
        return -1;
    if (quiet)
        for (int fd = 0; fd <= 2; ++fd)
            ::posix_spawn_file_actions_addopen(&actions, fd, "/dev/null",
                                               fd == 0 ? O_RDONLY : O_WRONLY, 0);
    pid_t pid = 0;
    int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return -1;
    return wait_for(pid);
}

std::string editor_command(const Environment& env, bool interactive, std::string_view other_way) {
    for (const char* name : {"VISUAL", "EDITOR"})
        if (auto value = env.get(name); value && !value->empty())
            return *value;
    if (interactive)
        return "vi";
    throw UsageError(fmt::format("--edit: neither $VISUAL nor $EDITOR is set and there is no "
                                 "terminal for vi; set one, or pass {}",
                                 other_way));
}

std::string edit_in_buffer(FileSystem& fs, const std::string& command, const std::string& dir,
                           std::string_view name, const std::string& text) {
    std::string path = fmt::format("{}/{}-{}.txt", dir, name, new_id());
    int fd = fs.open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw CreateError(errno_message("cannot create " + path, errno));
    BufferFile buffer(fs, path);
    {
        FileHandle file(fs, fd);
        int err = write_all(fs, fd, text);
        if (!err)
            err = file.close_checked();
        if (err)
            throw IoError(errno_message("cannot write " + path, err));
    }
    std::fflush(stdout);
    std::fflush(stderr);
    int status = run_editor(command, path);
    if (status < 0)
        throw IoError(fmt::format("cannot start the editor '{}'; nothing was saved", command));
    if (status != 0)
        throw IoError(fmt::format("the editor '{}' ended with status {}; nothing was saved",
                                  command, status));
    auto saved = read_file(fs, path);
    if (!saved)
        throw IoError(fmt::format("the editor left no file at {}; nothing was saved", path));
    return *saved;
}

} // namespace compassion
