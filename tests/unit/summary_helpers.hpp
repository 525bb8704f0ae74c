#pragma once

// Hand-made month text and the review summary of it, for the summary tests.

#include "core/summary.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <toml++/toml.h>
#include <vector>

namespace compassion::testing {

inline Date day(const char* iso) {
    return *parse_iso_date(iso);
}

inline std::string quoted_list(const std::vector<std::string>& names) {
    std::string out = "[";
    for (std::size_t i = 0; i < names.size(); ++i)
        out += fmt::format("{}\"{}\"", i ? ", " : "", names[i]);
    return out + "]";
}

// A hand-made check-in record, as a month file holds it.
inline std::string checkin(const char* d, std::vector<std::string> did,
                           std::vector<std::string> not_done, std::optional<int> rating,
                           std::vector<std::string> unsure = {}, std::string id = "",
                           std::string replaces = "", const char* at = "21:00:00") {
    if (id.empty())
        id = fmt::format("c{}", d);
    std::string out =
        fmt::format("[[entry]]\nid = \"{}\"\nkind = \"checkin\"\nday = {}\n"
                    "at = {}T{}+01:00\ndid = {}\nnot_done = {}\nunsure = {}\n",
                    id, d, d, at, quoted_list(did), quoted_list(not_done), quoted_list(unsure));
    if (rating)
        out += fmt::format("showed_up = {}\n", *rating);
    if (!replaces.empty())
        out += fmt::format("replaces = \"{}\"\n", replaces);
    return out + "\n";
}

inline std::string record(const char* kind, const char* d, const std::string& fields,
                          const char* id = "", const char* at = "21:00:00") {
    std::string rid = *id ? id : fmt::format("{}-{}-{}", kind, d, at);
    return fmt::format("[[entry]]\nid = \"{}\"\nkind = \"{}\"\nday = {}\nat = {}T{}+01:00\n{}\n\n",
                       rid, kind, d, d, at, fields);
}

inline SummaryOptions week_of(const char* from, const char* to,
                              std::vector<std::string> items = {"sleep", "walk"}) {
    return SummaryOptions{day(from), day(to), day(to), std::move(items), 1};
}

inline Summary summarize(const std::string& month_text, SummaryOptions options) {
    toml::table doc = toml::parse(month_text, std::string("test.toml"));
    SummaryBuilder builder(std::move(options));
    std::size_t order = 0;
    for (const auto& node : *doc["entry"].as_array()) {
        auto e = entry_from(*node.as_table(), "test.toml");
        REQUIRE(e);
        e->order = order++;
        builder.add(*e);
    }
    return builder.finish();
}

} // namespace compassion::testing
