#pragma once

#include <stdexcept>
#include <string>

namespace compassion {

// Exit statuses, from sysexits(3). main() maps every error to one of these.
enum class Exit : int {
    ok = 0,
    no = 1, // a negative answer, e.g. `log --check` on a day without a check-in
    usage = 64,
    data = 65,
    no_input = 66,
    unavailable = 69, // git is missing, or the remote is misconfigured or refuses us
    cant_create = 73,
    io = 74,
    busy = 75,
    config = 78,
};

// The base of every error the tool reports; what() is the one-line message
// shown after "compassion: ".
class Error : public std::runtime_error {
public:
    Error(const std::string& message, Exit code) : std::runtime_error(message), code_(code) {}
    Exit code() const { return code_; }

private:
    Exit code_;
};

// Bad flags or values on the command line, or a value missing with no terminal to ask.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(message, Exit::usage) {}
};

// A position inside a file, as toml++ reports it (1-based; 0 means unknown).
struct SourcePos {
    std::string path;
    unsigned line = 0;
    unsigned column = 0;
};

std::string format_pos(const SourcePos& pos);

// A data file (a journal month) that cannot be read as what it should be.
class DataError : public Error {
public:
    DataError(SourcePos pos, const std::string& message)
        : Error(format_pos(pos) + ": " + message, Exit::data), pos_(std::move(pos)) {}
    const SourcePos& pos() const { return pos_; }

private:
    SourcePos pos_;
};

// config.toml is malformed or holds a value out of range.
class ConfigError : public Error {
public:
    ConfigError(SourcePos pos, const std::string& message)
        : Error(format_pos(pos) + ": " + message, Exit::config) {}
};

class NoInputError : public Error {
public:
    explicit NoInputError(const std::string& message) : Error(message, Exit::no_input) {}
};

class CreateError : public Error {
public:
    explicit CreateError(const std::string& message) : Error(message, Exit::cant_create) {}
};

class IoError : public Error {
public:
    explicit IoError(const std::string& message) : Error(message, Exit::io) {}
};

// A write that is in place (renamed over the file) but whose directory could
// not be flushed: a crash now could still lose it, yet it is there, so the
// person must not repeat it (that would make a duplicate). Exit 74, and no
// copy is printed back or kept in rescue/.
class UnconfirmedError : public IoError {
public:
    explicit UnconfirmedError(const std::string& message) : IoError(message) {}
};

// A service we rely on is not there or refuses us: git is missing, or the
// remote does not exist, is not a repository, or turns us away.
class UnavailableError : public Error {
public:
    explicit UnavailableError(const std::string& message) : Error(message, Exit::unavailable) {}
};

// Another run holds the journal lock for longer than the timeout.
class BusyError : public Error {
public:
    explicit BusyError(const std::string& message) : Error(message, Exit::busy) {}
};

// "path: strerror(err)" for an errno value.
std::string errno_message(const std::string& what, int err);

} // namespace compassion
