#pragma once

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace compassion::testing {

// A file's bytes, "" when it cannot be read.
inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Replaces a file's bytes.
inline void spit(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Journal text without the "# <id>" tag that ends each line of a record, so a
// test can look for a run of fields as plain `key = value` lines.
inline std::string untagged(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end == std::string::npos ? end : end - start);
        std::size_t hash = line.rfind(" # ");
        bool tag = hash != std::string::npos && hash + 3 < line.size();
        for (std::size_t i = hash + 3; tag && i < line.size(); ++i) {
            char c = line[i];
            tag = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        }
        out += tag ? line.substr(0, hash) : line;
        if (end == std::string::npos)
            break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

// A fresh private directory, removed when the test ends.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "compassion-test-XXXXXX");
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Sets TZ for the scope of a test, then restores it.
class ZoneGuard {
public:
    explicit ZoneGuard(const char* zone) {
        if (const char* old = std::getenv("TZ"))
            old_ = old;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~ZoneGuard() {
        if (old_.empty())
            ::unsetenv("TZ");
        else
            ::setenv("TZ", old_.c_str(), 1);
        ::tzset();
    }

private:
    std::string old_;
};

// The width of the longest line of `text`, in characters (UTF-8 aware; the
// fakes print no colour): what must fit a narrow terminal without wrapping.
inline std::size_t widest_line(const std::string& text) {
    std::size_t widest = 0, width = 0;
    for (char c : text) {
        if (c == '\n') {
            widest = std::max(widest, width);
            width = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++width;
        }
    }
    return std::max(widest, width);
}

// `text` with every line break and the indent after it turned into one space,
// so a test can find a sentence however the report wrapped it.
inline std::string flowed(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') {
            out += text[i];
            continue;
        }
        while (i + 1 < text.size() && text[i + 1] == ' ')
            ++i;
        out += ' ';
    }
    return out;
}

} // namespace compassion::testing
