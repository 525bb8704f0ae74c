#pragma once

#include "core/date.hpp"
#include "core/entry.hpp"
#include "core/environment.hpp"
#include "core/record.hpp"
#include "store/filesystem.hpp"

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// A 128-bit hash of a file's bytes. Not cryptographic: it tells a changed
// month file from the one the cache saw, which is all a user's own files need.
struct ContentHash {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    bool operator==(const ContentHash&) const = default;
};

ContentHash content_hash(std::string_view bytes);

// The entries of one month file in the cache's layout, collected while the
// file is read; written straight from the parsed tables, as this is the cost
// a first review pays on top of parsing.
class CachedMonth {
public:
    // `array_size`: how many elements the file's `entry` array has, entries or not.
    CachedMonth(std::size_t expected_bytes, std::size_t array_size);
    // Adds an entry read from a parsed table (entry.table must be set).
    void add(const Entry& entry);
    // Adds an entry the fast month reader gave.
    void add(const EntryValues& entry);

private:
    friend class MonthCache;
    // Room at the front for the section header MonthCache::store writes
    // (size and content hash), so that storing moves the payload, not copies it.
    static constexpr std::size_t header_size = 3 * sizeof(std::uint64_t);
    std::string payload_;
    std::size_t used_ = 0;
    std::uint32_t count_ = 0;
    std::uint32_t fields_ = 0;
    void grow(std::size_t size);
    void put(const void* data, std::size_t size) {
        if (used_ + size > payload_.size())
            grow(size);
        std::memcpy(payload_.data() + used_, data, size);
        used_ += size;
    }
    template <typename T> void number(T value) {
        // A fixed size, so the copy compiles to a store rather than a call.
        if (used_ + sizeof value > payload_.size())
            grow(sizeof value);
        std::memcpy(payload_.data() + used_, &value, sizeof value);
        used_ += sizeof value;
    }
    void text(std::string_view s);
    void field(std::string_view key, const toml::node& node);
};

// A derived cache of the entries each month file holds, so that reading years
// of unchanged months needs no TOML parsing. Each month file's entries are kept
// with the content hash of the bytes they were read from: a month whose bytes
// differ in any way (a new record, a hand edit, a sync) is parsed again. The
// months of one year of one journal share a cache file, since creating a file
// costs more than writing a year of entries. The cache is disposable: delete
// it at any time; a damaged or foreign file reads as empty and is replaced;
// failing to write it is not an error. Files 0600, directories 0700.
class MonthCache {
public:
    // `dir` empty: no cache (every load misses, store does nothing).
    MonthCache(FileSystem& fs, std::string dir);
    ~MonthCache();
    MonthCache(const MonthCache&) = delete;
    MonthCache& operator=(const MonthCache&) = delete;

    // The entries of the month file at `path`, when the cache holds them for
    // exactly the bytes it has now: `size` bytes hashing to `made_from`.
    std::optional<MonthEntries> load(const std::string& path, ContentHash made_from,
                                     std::size_t size) const;
    // Keeps `month` as the entries of `path`; written by flush().
    void store(const std::string& path, ContentHash made_from, std::size_t size,
               CachedMonth&& month) const;
    // Writes what store() changed, and forgets what was read, so the next
    // load reads the files again.
    void flush() const;

    // The cache file that holds the month file at `path`.
    std::string file_for(const std::string& path) const;
    const std::string& dir() const { return dir_; }

private:
    // One cache file in memory: a section per month file name.
    struct Chunk {
        // Spelled out: clang 14 cannot use a nested class's default member
        // initializers before the enclosing class is complete.
        Chunk() : changed(false) {}
        std::string file;
        std::map<std::string, std::string, std::less<>> sections;
        bool changed;
    };
    Chunk& chunk_for(const std::string& path) const;
    void write(const Chunk& chunk) const;

    FileSystem& fs_;
    std::string dir_;
    mutable std::string out_; // the bytes of the cache file being written, reused
    std::string cwd_;         // for month files named by a relative path
    mutable std::optional<Chunk> chunk_;
};

// $XDG_CACHE_HOME/compassion when that is absolute, else $HOME/.cache/compassion,
// else "" (no cache).
std::string cache_dir_from(const Environment& env);

} // namespace compassion
