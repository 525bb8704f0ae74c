// Loop Habit Tracker's export zip ("Loop Habits CSV YYYY-MM-DD.zip"), read
// in memory with libzip. Loop writes Habits.csv, then a folder per habit
// ("001 Meditate/" with its own Checkmarks.csv and Scores.csv), then the
// top-level Scores.csv and Checkmarks.csv (one column a habit). Only the
// top-level Habits.csv and Checkmarks.csv are read; they go to the Loop CSV
// converter as if they had been unzipped. The archive may come from anywhere,
// so every size is bounded before and while it is read.
//
// libzip is loaded when a zip is read, not when compassion starts: linked,
// it brings libcrypto, whose loading cost every run (a check-in from cron,
// --help) more than a millisecond of CPU for a file imported once in a life.

#include "core/errors.hpp"
#include "core/import/import.hpp"

#include <cctype>
#include <dlfcn.h>
#include <fmt/format.h>
#include <memory>
#include <zip.h>

namespace compassion {

namespace {

// The libzip functions used here, typed by libzip's own header.
struct LibZip {
#define COMPASSION_ZIP_FUNCTIONS(X)                                                                \
    X(zip_compression_method_supported)                                                            \
    X(zip_discard)                                                                                 \
    X(zip_error_fini)                                                                              \
    X(zip_error_init)                                                                              \
    X(zip_error_strerror)                                                                          \
    X(zip_fclose)                                                                                  \
    X(zip_file_get_error)                                                                          \
    X(zip_fopen_index)                                                                             \
    X(zip_fread)                                                                                   \
    X(zip_get_error)                                                                               \
    X(zip_get_num_entries)                                                                         \
    X(zip_name_locate)                                                                             \
    X(zip_open_from_source)                                                                        \
    X(zip_source_buffer_create)                                                                    \
    X(zip_source_free)                                                                             \
    X(zip_stat_index)                                                                              \
    X(zip_stat_init)
#define COMPASSION_ZIP_POINTER(name) decltype(&::name) name = nullptr;
    COMPASSION_ZIP_FUNCTIONS(COMPASSION_ZIP_POINTER)
#undef COMPASSION_ZIP_POINTER
};

// libzip, loaded once (COMPASSION_LIBZIP_SONAME comes from the build, as
// found by pkg-config). Throws Error (69) when it is not installed.
const LibZip& libzip(const SourceFile& zip) {
    static const LibZip* loaded = []() -> const LibZip* {
        void* handle = ::dlopen(COMPASSION_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            return nullptr;
        static LibZip api;
        bool all = true;
#define COMPASSION_ZIP_LOAD(name)                                                                  \
    api.name = reinterpret_cast<decltype(&::name)>(::dlsym(handle, #name));                        \
    all = all && api.name != nullptr;
        COMPASSION_ZIP_FUNCTIONS(COMPASSION_ZIP_LOAD)
#undef COMPASSION_ZIP_LOAD
        return all ? &api : nullptr;
    }();
    if (!loaded)
        throw Error(fmt::format("{}: reading a zip needs libzip ({}), which is not installed "
                                "here; install it (Debian: {}), or unzip the file and "
                                "import its CSV files",
                                zip.path, COMPASSION_LIBZIP_SONAME, COMPASSION_LIBZIP_PACKAGE),
                    Exit::unavailable);
    return *loaded;
}

struct ArchiveCloser {
    const LibZip* z;
    void operator()(zip_t* archive) const { z->zip_discard(archive); }
};
struct EntryCloser {
    const LibZip* z;
    void operator()(zip_file_t* entry) const { z->zip_fclose(entry); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;
using Entry = std::unique_ptr<zip_file_t, EntryCloser>;

// libzip's words for what went wrong ("Zip archive inconsistent"), begun in
// lower case to sit inside a sentence (an initialism such as "CRC" stays).
std::string libzip_words(const LibZip& z, zip_error_t* error) {
    std::string words = z.zip_error_strerror(error);
    auto upper = [&](std::size_t k) {
        return k < words.size() && std::isupper(static_cast<unsigned char>(words[k]));
    };
    if (upper(0) && !upper(1))
        words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
    return words;
}

Error refused(const SourceFile& zip, std::string_view why) {
    return Error(fmt::format("{}: {}", zip.path, why), Exit::data);
}

Archive open_archive(const LibZip& z, const SourceFile& zip) {
    zip_error_t error;
    z.zip_error_init(&error);
    zip_source_t* source = z.zip_source_buffer_create(zip.text.data(), zip.text.size(), 0, &error);
    zip_t* archive = nullptr;
    if (source) {
        archive = z.zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (!archive)
            z.zip_source_free(source);
    }
    if (!archive) {
        std::string words = libzip_words(z, &error);
        z.zip_error_fini(&error);
        throw refused(zip, fmt::format("this zip archive is damaged or cut short and does not "
                                       "read ({})",
                                       words));
    }
    z.zip_error_fini(&error);
    return Archive(archive, ArchiveCloser{&z});
}

// The whole of one entry, refused when it is encrypted, compressed in a way
// libzip here cannot undo, or larger than the bound (as its header says, and
// as it unpacks: a header can lie).
std::string entry_text(const LibZip& z, const SourceFile& zip, zip_t* archive, zip_uint64_t index,
                       std::string_view name) {
    zip_stat_t st;
    z.zip_stat_init(&st);
    if (z.zip_stat_index(archive, index, 0, &st) != 0)
        throw refused(zip, fmt::format("{} in this zip does not read ({})", name,
                                       libzip_words(z, z.zip_get_error(archive))));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw refused(zip, fmt::format("{} in this zip is encrypted, and Loop's own export never "
                                       "is; unzip it yourself and import the CSV files",
                                       name));
    if ((st.valid & ZIP_STAT_COMP_METHOD) && !z.zip_compression_method_supported(st.comp_method, 0))
        throw refused(zip, fmt::format("{} in this zip is compressed in a way this build cannot "
                                       "read (method {}); unzip it yourself and import the CSV "
                                       "files",
                                       name, st.comp_method));
    auto too_large = [&] {
        return refused(zip, fmt::format("{} in this zip would unpack to more than {} MiB, far "
                                        "more than a Loop export holds; it is left alone",
                                        name, max_zip_entry_bytes >> 20));
    };
    if ((st.valid & ZIP_STAT_SIZE) && st.size > max_zip_entry_bytes)
        throw too_large();
    Entry entry(z.zip_fopen_index(archive, index, 0), EntryCloser{&z});
    if (!entry)
        throw refused(zip, fmt::format("{} in this zip does not open ({})", name,
                                       libzip_words(z, z.zip_get_error(archive))));
    std::string text;
    char buffer[65536];
    for (;;) {
        zip_int64_t n = z.zip_fread(entry.get(), buffer, sizeof buffer);
        if (n < 0)
            throw refused(zip, fmt::format("{} in this zip is damaged ({})", name,
                                           libzip_words(z, z.zip_file_get_error(entry.get()))));
        if (n == 0)
            return text;
        if (text.size() + static_cast<std::size_t>(n) > max_zip_entry_bytes)
            throw too_large();
        text.append(buffer, static_cast<std::size_t>(n));
    }
}

} // namespace

bool is_zip(std::string_view bytes) {
    auto head = bytes.substr(0, 4);
    return head == std::string_view("PK\x03\x04", 4) || head == std::string_view("PK\x05\x06", 4);
}

std::vector<SourceFile> loop_zip_files(const SourceFile& zip) {
    const LibZip& z = libzip(zip);
    Archive archive = open_archive(z, zip);
    zip_int64_t count = z.zip_get_num_entries(archive.get(), 0);
    if (count > static_cast<zip_int64_t>(max_zip_entries))
        throw refused(zip, fmt::format("this zip holds {} entries, far more than a Loop export "
                                       "(at most {} are read); it is left alone",
                                       count, max_zip_entries));
    auto index_of = [&](const char* name) {
        return z.zip_name_locate(archive.get(), name, 0);
    };
    zip_int64_t checkmarks = index_of("Checkmarks.csv"), habits = index_of("Habits.csv");
    if (checkmarks < 0)
        throw refused(zip, "there is no Checkmarks.csv at the top of this zip; import reads Loop "
                           "Habit Tracker's export zip, which has one");
    std::vector<SourceFile> files;
    auto add = [&](zip_int64_t index, std::string_view name) {
        files.push_back(
            {fmt::format("{}/{}", zip.path, name),
             entry_text(z, zip, archive.get(), static_cast<zip_uint64_t>(index), name)});
    };
    if (habits >= 0)
        add(habits, "Habits.csv");
    add(checkmarks, "Checkmarks.csv");
    return files;
}

} // namespace compassion
