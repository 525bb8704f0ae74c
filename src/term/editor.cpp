#include "term/editor.hpp"

#include "core/errors.hpp"
#include "core/record.hpp"
#include "store/system.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace compassion {

namespace {

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
    posix_spawnattr_t attr;
    if (::posix_spawnattr_init(&attr) != 0)
        return -1;
    default_write_signals(attr);
    pid_t pid = 0;
    int spawned = ::posix_spawn(&pid, "/bin/sh", nullptr, &attr, argv, environ);
    ::posix_spawnattr_destroy(&attr);
    if (spawned != 0)
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
    posix_spawnattr_t attr;
    if (::posix_spawnattr_init(&attr) != 0) {
        ::posix_spawn_file_actions_destroy(&actions);
        return -1;
    }
    default_write_signals(attr);
    pid_t pid = 0;
    int spawned = ::posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
    ::posix_spawnattr_destroy(&attr);
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

EditBuffer::EditBuffer(FileSystem& fs, const std::string& dir, std::string_view name,
                       const std::string& text)
    : fs_(fs), path_(fmt::format("{}/{}-{}.txt", dir, name, new_id())) {
    int fd = fs.open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw CreateError(errno_message("cannot create " + path_, errno));
    int err = 0;
    {
        FileHandle file(fs, fd);
        err = write_all(fs, fd, text);
        if (!err)
            err = file.close_checked();
    }
    if (err) {
        fs.unlink(path_.c_str());
        throw IoError(errno_message("cannot write " + path_, err));
    }
}

EditBuffer::~EditBuffer() {
    if (!kept_)
        fs_.unlink(path_.c_str());
}

std::string EditBuffer::keep(const std::string& rescue_dir) {
    if (kept_)
        return path_;
    try {
        make_private_dir(fs_, rescue_dir);
    } catch (const Error&) {
        return {};
    }
    std::string kept = rescue_dir + path_.substr(path_.rfind('/'));
    if (fs_.rename(path_.c_str(), kept.c_str()) != 0)
        return {};
    path_ = kept;
    kept_ = true;
    return path_;
}

std::string EditBuffer::edit(const std::string& command, const std::string& rescue_dir) {
    std::fflush(stdout);
    std::fflush(stderr);
    int status = run_editor(command, path_);
    if (status < 0)
        throw IoError(fmt::format("cannot start the editor '{}'; nothing was saved", command));
    if (status != 0) {
        std::string kept = keep(rescue_dir);
        kept_ = true; // where rescue/ cannot take it, the buffer stays where it is
        std::string how = status > 128 ? fmt::format("was stopped (signal {})", status - 128)
                                       : fmt::format("ended with status {}", status);
        throw IoError(kept.empty()
                          ? fmt::format("the editor '{}' {}; nothing was saved, and what you "
                                        "wrote is still in {}",
                                        command, how, path_)
                          : fmt::format("the editor '{}' {}; nothing was saved, and what you "
                                        "wrote is kept in {}",
                                        command, how, kept));
    }
    auto saved = read_file(fs_, path_);
    if (!saved)
        throw IoError(fmt::format("the editor left no file at {}; nothing was saved", path_));
    return *saved;
}

} // namespace compassion
