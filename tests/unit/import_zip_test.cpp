#include "core/errors.hpp"
#include "core/import/import.hpp"
#include "core/record.hpp"

#include <doctest/doctest.h>
#include <zip.h>

using namespace compassion;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip archive of `entries`, written by libzip in memory (which writes no
// file for an empty archive: that one is its end record alone).
std::string zip_of(const Entries& entries, zip_int32_t method = ZIP_CM_DEFLATE) {
    if (entries.empty())
        return std::string("PK\x05\x06", 4) + std::string(18, '\0');
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(memory);
    zip_source_keep(memory);
    zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
    REQUIRE(archive);
    for (const auto& [name, text] : entries) {
        zip_source_t* data = zip_source_buffer(archive, text.data(), text.size(), 0);
        REQUIRE(data);
        zip_int64_t index = zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
        REQUIRE(index >= 0);
        REQUIRE(zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), method, 0) ==
                0);
    }
    REQUIRE(zip_close(archive) == 0);
    zip_stat_t st;
    REQUIRE(zip_source_stat(memory, &st) == 0);
    REQUIRE(zip_source_open(memory) == 0);
    std::string bytes(st.size, '\0');
    REQUIRE(zip_source_read(memory, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_source_close(memory);
    zip_source_free(memory);
    zip_error_fini(&error);
    return bytes;
}

// The zip with a field of its only entry's headers, at `local` in the local
// header and `central` in the central one, set to `value` (`width` bytes,
// little-endian) or, with `add`, given `value`'s bits too.
std::string patched(std::string zip, std::size_t local, std::size_t central, std::uint32_t value,
                    std::size_t width, bool add = false) {
    auto set = [&](std::size_t at) {
        for (std::size_t k = 0; k < width; ++k) {
            auto byte = static_cast<unsigned char>((value >> (8 * k)) & 0xFF);
            zip[at + k] =
                static_cast<char>(add ? static_cast<unsigned char>(zip[at + k]) | byte : byte);
        }
    };
    set(local);
    auto header = zip.find("PK\x01\x02");
    REQUIRE(header != std::string::npos);
    set(header + central);
    return zip;
}

// Where the only entry's data starts: after its local header, name and extra field.
std::size_t data_offset(const std::string& zip) {
    auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(zip[at])) |
               static_cast<std::size_t>(static_cast<unsigned char>(zip[at + 1])) << 8;
    };
    return 30 + u16(26) + u16(28);
}

// What loop_zip_files refuses with: the one line, after checking its status.
std::string refusal(const std::string& bytes) {
    try {
        loop_zip_files({"export.zip", bytes});
    } catch (const Error& e) {
        CHECK(e.code() == Exit::data);
        std::string what = e.what();
        CHECK(what.rfind("export.zip: ", 0) == 0);
        CHECK(what.find('\n') == std::string::npos);
        return what;
    }
    FAIL("the zip was read");
    return {};
}

const std::string habits = "Position,Name,Type,Question,Description,FrequencyNumerator,"
                           "FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n"
                           "001,Walk,NUMERICAL,,,1,1,#00897B,km,AT_LEAST,2.0,false\n";
const std::string checkmarks = "Date,Walk,\n2026-11-19,2500,\n2026-11-18,1000,\n";

} // namespace

TEST_CASE("loop's export zip gives its top-level habits and checkmarks and nothing else") {
    std::string zip = zip_of({{"Habits.csv", habits},
                              {"001 Walk/Checkmarks.csv", "Date,Value,Notes\n"},
                              {"001 Walk/Scores.csv", "Date,Score\n"},
                              {"Scores.csv", "Date,Walk,\n2026-11-19,0.5000,\n"},
                              {"Checkmarks.csv", checkmarks}});
    auto files = loop_zip_files({"Loop.zip", zip});
    REQUIRE(files.size() == 2);
    CHECK(files[0].path == "Loop.zip/Habits.csv");
    CHECK(files[0].text == habits);
    CHECK(files[1].path == "Loop.zip/Checkmarks.csv");
    CHECK(files[1].text == checkmarks);

    Converted from_zip = convert(ImportFormat::loop, files, {});
    Converted from_csv =
        convert(ImportFormat::loop, {{"Habits.csv", habits}, {"Checkmarks.csv", checkmarks}}, {});
    REQUIRE(from_zip.records.size() == 2);
    REQUIRE(from_csv.records.size() == 2);
    for (std::size_t k = 0; k < 2; ++k)
        CHECK(to_toml(from_zip.records[k]) == to_toml(from_csv.records[k]));
}

TEST_CASE("a zip without habits is read for its checkmarks alone") {
    auto files = loop_zip_files({"x", zip_of({{"Checkmarks.csv", checkmarks}}, ZIP_CM_STORE)});
    REQUIRE(files.size() == 1);
    CHECK(files[0].text == checkmarks);
}

TEST_CASE("a zip is told by its first bytes whatever it is called") {
    std::string zip = zip_of({{"Checkmarks.csv", checkmarks}});
    CHECK(is_zip(zip));
    CHECK(is_zip(zip_of({})));
    CHECK_FALSE(is_zip(checkmarks));
    CHECK_FALSE(is_zip("PK"));
    Sniff sn = sniff({"export.csv", zip});
    CHECK(sn.format == ImportFormat::loop);
}

TEST_CASE("a zip without a top-level checkmarks file is refused") {
    CHECK(refusal(zip_of({{"001 Walk/Checkmarks.csv", checkmarks}, {"Habits.csv", habits}}))
              .find("no Checkmarks.csv at the top") != std::string::npos);
    CHECK(refusal(zip_of({})).find("no Checkmarks.csv") != std::string::npos);
}

TEST_CASE("a damaged or cut short zip is refused") {
    std::string zip = zip_of({{"Checkmarks.csv", checkmarks}});
    CHECK(refusal(zip.substr(0, zip.size() / 2)).find("damaged") != std::string::npos);
    CHECK(refusal(std::string("PK\x03\x04", 4) + std::string(40, '\0')).find("damaged") !=
          std::string::npos);
    std::string long_text = "Date,Walk,\n";
    for (int k = 0; k < 200; ++k)
        long_text += "2026-11-19,2500,\n";
    std::string spoilt = zip_of({{"Checkmarks.csv", long_text}}, ZIP_CM_STORE);
    std::size_t at = data_offset(spoilt) + 4; // a stored byte: its checksum no longer holds
    spoilt[at] = static_cast<char>(spoilt[at] ^ 0x5A);
    CHECK(refusal(spoilt).find("Checkmarks.csv in this zip is damaged (CRC error)") !=
          std::string::npos);
}

TEST_CASE("an entry larger than the bound is refused before anything is kept") {
    std::string big(max_zip_entry_bytes + 1, '\n');
    std::string zip = zip_of({{"Checkmarks.csv", big}});
    CHECK(zip.size() < big.size() / 100); // a bomb: small outside, huge inside
    CHECK(refusal(zip).find("more than 64 MiB") != std::string::npos);
    // Headers that say it is small: what is unpacked is bounded all the same.
    CHECK(refusal(patched(zip, 22, 24, 100, 4)).find("more than 64 MiB") != std::string::npos);
}

TEST_CASE("a zip of more entries than the bound is refused") {
    Entries many;
    for (std::size_t k = 0; k <= max_zip_entries; ++k)
        many.emplace_back(std::to_string(k) + "/Scores.csv", "");
    many.emplace_back("Checkmarks.csv", checkmarks);
    CHECK(refusal(zip_of(many, ZIP_CM_STORE)).find("10002 entries") != std::string::npos);
}

TEST_CASE("an encrypted entry or one compressed in an unknown way is refused") {
    std::string zip = zip_of({{"Checkmarks.csv", checkmarks}}, ZIP_CM_STORE);
    CHECK(refusal(patched(zip, 6, 8, 1, 2, true)).find("Checkmarks.csv in this zip is encrypted") !=
          std::string::npos);
    CHECK(refusal(patched(zip, 8, 10, 6, 2)).find("compressed in a way this build cannot read") !=
          std::string::npos);
}
