// The durable write floor: for each month file given, what one locked append
// must do at least — read the month, write it plus one record to a temporary
// file in the output directory, fsync it, rename it into place, fsync the
// directory. An import that touches N months costs at least this for N files.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

constexpr const char* record = "\n[[entry]] # benchfloor\nid = \"benchfloor\"\n"
                               "kind = \"moment\" # benchfloor\nday = 2026-11-27 # benchfloor\n"
                               "at = 2026-11-27T21:30:00+01:00 # benchfloor\n"
                               "text = \"a moment\" # benchfloor\n";

int fail(const std::string& what) {
    std::fprintf(stderr, "bench_durable: %s: %s\n", what.c_str(), std::strerror(errno));
    return 74;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_durable OUTDIR MONTH...\n");
        return 64;
    }
    const std::string dir = argv[1];
    int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0)
        return fail(dir);
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in)
            return fail(argv[i]);
        std::ostringstream text;
        text << in.rdbuf();
        std::string bytes = text.str() + record;
        std::string name = argv[i];
        name = name.substr(name.rfind('/') + 1);
        std::string temp = dir + "/." + name + ".tmp";
        int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return fail(temp);
        for (std::size_t done = 0; done < bytes.size();) {
            ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0)
                return fail(temp);
            done += static_cast<std::size_t>(n);
        }
        if (::fsync(fd) != 0 || ::close(fd) != 0)
            return fail(temp);
        if (::rename(temp.c_str(), (dir + "/" + name).c_str()) != 0)
            return fail(name);
        if (::fsync(dir_fd) != 0)
            return fail(dir);
    }
    ::close(dir_fd);
    return 0;
}
