#include "store/cache.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace compassion {

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int r) {
    return (x << r) | (x >> (64 - r));
}

constexpr std::uint64_t fmix(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

std::uint64_t load64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// The first line of every cache file: what it is, and its layout's version.
constexpr std::string_view magic = "compassion month cache 2\n";

// Reads what CachedMonth wrote; any overrun marks the whole read as failed.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <typename T> T number() {
        T v{};
        if (in_.size() < sizeof v) {
            ok_ = false;
            return v;
        }
        std::memcpy(&v, in_.data(), sizeof v);
        in_.remove_prefix(sizeof v);
        return v;
    }
    std::string text() {
        auto n = number<std::uint32_t>();
        if (!ok_ || in_.size() < n) {
            ok_ = false;
            return {};
        }
        std::string s(in_.substr(0, n));
        in_.remove_prefix(n);
        return s;
    }
    bool ok() const { return ok_; }
    bool done() const { return in_.empty(); }

private:
    std::string_view in_;
    bool ok_ = true;
};

enum Tag : std::uint8_t { tag_bool, tag_integer, tag_string, tag_date, tag_list };

std::optional<Date> read_date(Reader& r) {
    auto y = r.number<std::int32_t>();
    auto m = r.number<std::uint8_t>();
    auto d = r.number<std::uint8_t>();
    Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!r.ok() || !date.ok())
        return std::nullopt;
    return date;
}

std::optional<FieldValue> read_field(Reader& r) {
    switch (r.number<std::uint8_t>()) {
    case tag_bool:
        return FieldValue{r.number<std::uint8_t>() != 0};
    case tag_integer:
        return FieldValue{r.number<std::int64_t>()};
    case tag_string:
        return FieldValue{r.text()};
    case tag_date:
        if (auto d = read_date(r))
            return FieldValue{*d};
        return std::nullopt;
    case tag_list: {
        auto n = r.number<std::uint32_t>();
        std::vector<std::string> list;
        for (std::uint32_t i = 0; i < n && r.ok(); ++i)
            list.push_back(r.text());
        return FieldValue{std::move(list)};
    }
    default:
        return std::nullopt;
    }
}

std::optional<MonthEntries> entries_of(std::string_view payload) {
    Reader r(payload);
    auto count = r.number<std::uint32_t>();
    MonthEntries file;
    file.array_size = r.number<std::uint32_t>();
    std::vector<EntryValues>& out = file.entries;
    for (std::uint32_t i = 0; i < count && r.ok(); ++i) {
        EntryValues e;
        e.id = r.text();
        e.kind = r.text();
        auto day = read_date(r);
        if (!day)
            return std::nullopt;
        e.day = *day;
        e.at_seconds = r.number<std::int64_t>();
        e.line = r.number<std::uint32_t>();
        e.column = r.number<std::uint32_t>();
        auto fields = r.number<std::uint32_t>();
        for (std::uint32_t k = 0; k < fields && r.ok(); ++k) {
            std::string key = r.text();
            auto value = read_field(r);
            if (!value)
                return std::nullopt;
            e.fields.emplace_back(std::move(key), std::move(*value));
        }
        out.push_back(std::move(e));
    }
    if (!r.ok() || !r.done())
        return std::nullopt;
    return file;
}

} // namespace

ContentHash content_hash(std::string_view bytes) {
    // Two MurmurHash3-style lanes over 16-byte blocks, with the length mixed in.
    constexpr std::uint64_t c1 = 0x87c37b91114253d5ULL;
    constexpr std::uint64_t c2 = 0x4cf5ad432745937fULL;
    std::uint64_t h1 = 0x9e3779b97f4a7c15ULL;
    std::uint64_t h2 = 0x632be59bd9b4e019ULL;
    const char* p = bytes.data();
    std::size_t n = bytes.size();
    for (; n >= 16; p += 16, n -= 16) {
        std::uint64_t k1 = load64(p);
        std::uint64_t k2 = load64(p + 8);
        h1 ^= rotl(k1 * c1, 31) * c2;
        h1 = (rotl(h1, 27) + h2) * 5 + 0x52dce729;
        h2 ^= rotl(k2 * c2, 33) * c1;
        h2 = (rotl(h2, 31) + h1) * 5 + 0x38495ab5;
    }
    char tail[16] = {};
    std::memcpy(tail, p, n);
    h1 ^= rotl(load64(tail) * c1, 31) * c2;
    h2 ^= rotl(load64(tail + 8) * c2, 33) * c1;
    h1 ^= bytes.size();
    h2 ^= bytes.size();
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    return ContentHash{h1, h2};
}

CachedMonth::CachedMonth(std::size_t expected_bytes, std::size_t array_size) {
    payload_.resize(header_size + expected_bytes + 64);
    used_ = header_size;
    number(count_); // kept up to date by add()
    number(static_cast<std::uint32_t>(array_size));
}

void CachedMonth::grow(std::size_t size) {
    payload_.resize(std::max(payload_.size() * 2, used_ + size));
}

void CachedMonth::text(std::string_view s) {
    number(static_cast<std::uint32_t>(s.size()));
    put(s.data(), s.size());
}

void CachedMonth::field(std::string_view key, const toml::node& node) {
    // Only what a getter can give; other types read as absent either way.
    switch (node.type()) {
    case toml::node_type::string:
        text(key);
        number(tag_string);
        text(node.as_string()->get());
        break;
    case toml::node_type::integer:
        text(key);
        number(tag_integer);
        number(node.as_integer()->get());
        break;
    case toml::node_type::boolean:
        text(key);
        number(tag_bool);
        number(static_cast<std::uint8_t>(node.as_boolean()->get()));
        break;
    case toml::node_type::date: {
        auto d = node.as_date()->get();
        text(key);
        number(tag_date);
        number(static_cast<std::int32_t>(d.year));
        number(static_cast<std::uint8_t>(d.month));
        number(static_cast<std::uint8_t>(d.day));
        break;
    }
    case toml::node_type::array: {
        const toml::array& arr = *node.as_array();
        std::uint32_t strings = 0;
        for (const auto& el : arr)
            strings += el.is_string() ? 1 : 0;
        text(key);
        number(tag_list);
        number(strings);
        for (const auto& el : arr)
            if (auto str = el.as_string())
                text(str->get());
        break;
    }
    default:
        return;
    }
    ++fields_;
}

void CachedMonth::add(const Entry& entry) {
    text(entry.id);
    text(entry.kind);
    number(static_cast<std::int32_t>(static_cast<int>(entry.day.year())));
    number(static_cast<std::uint8_t>(static_cast<unsigned>(entry.day.month())));
    number(static_cast<std::uint8_t>(static_cast<unsigned>(entry.day.day())));
    number(entry.at_seconds);
    number(static_cast<std::uint32_t>(entry.pos.line));
    number(static_cast<std::uint32_t>(entry.pos.column));
    std::size_t count_at = used_;
    fields_ = 0;
    number(fields_);
    if (entry.table)
        for (const auto& [key, node] : *entry.table)
            field(key.str(), node);
    std::memcpy(payload_.data() + count_at, &fields_, sizeof fields_);
    ++count_;
    std::memcpy(payload_.data() + header_size, &count_, sizeof count_);
}

void CachedMonth::add(const EntryValues& entry) {
    text(entry.id);
    text(entry.kind);
    number(static_cast<std::int32_t>(static_cast<int>(entry.day.year())));
    number(static_cast<std::uint8_t>(static_cast<unsigned>(entry.day.month())));
    number(static_cast<std::uint8_t>(static_cast<unsigned>(entry.day.day())));
    number(entry.at_seconds);
    number(entry.line);
    number(entry.column);
    number(static_cast<std::uint32_t>(entry.fields.size()));
    for (const auto& [key, value] : entry.fields) {
        text(key);
        std::visit(
            [this](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, bool>) {
                    number(tag_bool);
                    number(static_cast<std::uint8_t>(v));
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    number(tag_integer);
                    number(v);
                } else if constexpr (std::is_same_v<T, std::string>) {
                    number(tag_string);
                    text(v);
                } else if constexpr (std::is_same_v<T, Date>) {
                    number(tag_date);
                    number(static_cast<std::int32_t>(static_cast<int>(v.year())));
                    number(static_cast<std::uint8_t>(static_cast<unsigned>(v.month())));
                    number(static_cast<std::uint8_t>(static_cast<unsigned>(v.day())));
                } else {
                    number(tag_list);
                    number(static_cast<std::uint32_t>(v.size()));
                    for (const auto& s : v)
                        text(s);
                }
            },
            value);
    }
    ++count_;
    std::memcpy(payload_.data() + header_size, &count_, sizeof count_);
}

MonthCache::MonthCache(FileSystem& fs, std::string dir) : fs_(fs), dir_(std::move(dir)) {
    if (dir_.empty())
        return;
    char buffer[4096];
    if (::getcwd(buffer, sizeof buffer))
        cwd_ = buffer;
}

MonthCache::~MonthCache() {
    flush();
}

namespace {

// "2026-11.toml" from ".../journal/2026-11.toml".
std::string_view file_name(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The sections of a cache file, or none when it is not one, or damaged.
std::map<std::string, std::string, std::less<>> sections_of(std::string_view bytes) {
    std::map<std::string, std::string, std::less<>> out;
    constexpr std::size_t trailer = 2 * sizeof(std::uint64_t);
    if (bytes.size() < magic.size() + trailer || bytes.substr(0, magic.size()) != magic)
        return out;
    std::string_view body = bytes.substr(0, bytes.size() - trailer);
    Reader t(bytes.substr(body.size()));
    auto a = t.number<std::uint64_t>();
    auto b = t.number<std::uint64_t>();
    if (!(content_hash(body) == ContentHash{a, b}))
        return out;
    Reader r(body.substr(magic.size()));
    auto count = r.number<std::uint32_t>();
    for (std::uint32_t i = 0; i < count && r.ok(); ++i) {
        std::string name = r.text();
        std::string section = r.text();
        out.emplace(std::move(name), std::move(section));
    }
    if (!r.ok() || !r.done())
        out.clear();
    return out;
}

} // namespace

std::string MonthCache::file_for(const std::string& path) const {
    // One file per year of one journal directory: the path up to the year,
    // made absolute so that two homes named by the same relative path differ.
    if (!path.empty() && path[0] != '/' && !cwd_.empty())
        return file_for(cwd_ + "/" + path);
    std::string_view name = file_name(path);
    std::string_view year_key(path.data(),
                              path.size() - name.size() + std::min<std::size_t>(4, name.size()));
    ContentHash h = content_hash(year_key);
    return fmt::format("{}/{:016x}{:016x}.cache", dir_, h.a, h.b);
}

MonthCache::Chunk& MonthCache::chunk_for(const std::string& path) const {
    std::string file = file_for(path);
    if (chunk_ && chunk_->file == file)
        return *chunk_;
    flush();
    chunk_.emplace();
    chunk_->file = std::move(file);
    try {
        if (auto bytes = read_file(fs_, chunk_->file))
            chunk_->sections = sections_of(*bytes);
    } catch (const Error&) {
        // unreadable: as if empty, and replaced on the next store
    }
    return *chunk_;
}

std::optional<MonthEntries> MonthCache::load(const std::string& path, ContentHash made_from,
                                             std::size_t size) const {
    if (dir_.empty())
        return std::nullopt;
    const Chunk& chunk = chunk_for(path);
    auto it = chunk.sections.find(file_name(path));
    if (it == chunk.sections.end())
        return std::nullopt;
    Reader r(it->second);
    auto cached_size = r.number<std::uint64_t>();
    auto a = r.number<std::uint64_t>();
    auto b = r.number<std::uint64_t>();
    constexpr std::size_t header = 3 * sizeof(std::uint64_t);
    if (!r.ok() || cached_size != size || !(ContentHash{a, b} == made_from))
        return std::nullopt;
    return entries_of(std::string_view(it->second).substr(header));
}

void MonthCache::store(const std::string& path, ContentHash made_from, std::size_t size,
                       CachedMonth&& month) const {
    if (dir_.empty())
        return;
    std::string section = std::move(month.payload_);
    section.resize(month.used_);
    char* header = section.data();
    for (std::uint64_t v : {static_cast<std::uint64_t>(size), made_from.a, made_from.b}) {
        std::memcpy(header, &v, sizeof v);
        header += sizeof v;
    }
    Chunk& chunk = chunk_for(path);
    chunk.sections.insert_or_assign(std::string(file_name(path)), std::move(section));
    chunk.changed = true;
}

void MonthCache::flush() const {
    if (chunk_ && chunk_->changed)
        write(*chunk_);
    chunk_.reset();
}

void MonthCache::write(const Chunk& chunk) const {
    std::size_t total = magic.size() + 2 * sizeof(std::uint32_t) + 2 * sizeof(std::uint64_t);
    for (const auto& [name, section] : chunk.sections)
        total += 2 * sizeof(std::uint32_t) + name.size() + section.size();
    std::string& out = out_;
    out.clear();
    out.reserve(total);
    out.append(magic);
    auto number = [&out](auto v) {
        char bytes[sizeof v];
        std::memcpy(bytes, &v, sizeof v);
        out.append(bytes, sizeof v);
    };
    auto text = [&](std::string_view t) {
        number(static_cast<std::uint32_t>(t.size()));
        out.append(t);
    };
    number(static_cast<std::uint32_t>(chunk.sections.size()));
    for (const auto& [name, section] : chunk.sections) {
        text(name);
        text(section);
    }
    ContentHash check = content_hash(out);
    number(check.a);
    number(check.b);

    // Best effort, and never a torn file under the final name: a temp file
    // renamed into place. No fsync: losing the cache only costs a parse.
    try {
        make_private_dir(fs_, dir_);
    } catch (const Error&) {
        return;
    }
    const std::string temp = fmt::format("{}.tmp.{}", chunk.file, ::getpid());
    int fd = fs_.open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return;
    FileHandle file(fs_, fd);
    if (write_all(fs_, fd, out) != 0 || file.close_checked() != 0 ||
        fs_.rename(temp.c_str(), chunk.file.c_str()) != 0)
        fs_.unlink(temp.c_str());
}

std::string cache_dir_from(const Environment& env) {
    if (auto xdg = env.get("XDG_CACHE_HOME"); xdg && !xdg->empty() && (*xdg)[0] == '/')
        return *xdg + "/compassion";
    if (auto home = env.get("HOME"); home && !home->empty() && (*home)[0] == '/')
        return *home + "/.cache/compassion";
    return {};
}

} // namespace compassion
