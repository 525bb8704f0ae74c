#include "term/editor.hpp"

#include <cerrno>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace compassion {

int run_editor(const std::string& command, const std::string& path) {
    std::string script = command + " \"$1\"";
    std::string sh = "sh";
    std::string argv0 = "compassion-editor";
    char* argv[] = {sh.data(),    const_cast<char*>("-c"),         script.data(),
                    argv0.data(), const_cast<char*>(path.c_str()), nullptr};
    pid_t pid = 0;
    if (::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv, environ) != 0)
        return -1;
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

} // namespace compassion
