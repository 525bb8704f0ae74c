#pragma once

// The converters of core/import, one file each, and what they share.

#include "core/import/import.hpp"
#include "core/kinds/checkin.hpp"

#include <optional>
#include <string>
#include <vector>

namespace compassion {

Converted convert_compassion(const std::vector<SourceFile>& files);
Converted convert_jrnl(const std::vector<SourceFile>& files);
Converted convert_daylio(const std::vector<SourceFile>& files, const ImportOptions& options);
Converted convert_harsh(const std::vector<SourceFile>& files, const ImportOptions& options);
Converted convert_loop(const std::vector<SourceFile>& files, const ImportOptions& options);

// How source names (habits, activities) become show-up items: --item first,
// then a listed item of the same name (case, spaces and dashes aside).
class ItemNames {
public:
    explicit ItemNames(const ImportOptions& options) : options_(options) {}
    // The item `source` stands for: listed or renamed, else itself as an
    // extra item, or nothing with --only-listed (then noted in `out`).
    std::optional<std::string> item(const std::string& source, Converted& out) const;
    // The same without noting anything: a listed item or --item's target, or nothing.
    std::optional<std::string> mapped(const std::string& source) const;
    const std::vector<std::string>& listed() const { return options_.items; }

private:
    const ImportOptions& options_;
};

// One day's answers from a habit tracker, made into a check-in: every listed
// item and every tracked item gets an answer (none given: "don't remember").
// Nothing when no item was done or not done (no evidence of the day).
std::optional<Record> tracker_checkin(std::string_view format, Date day,
                                      const std::vector<std::pair<std::string, Answer>>& answers,
                                      const std::vector<std::string>& tracked,
                                      const std::vector<std::string>& listed,
                                      const std::string& note);

// A check-in record with the given header and answers (in item order).
Record checkin_of(std::string id, Date day, std::string at,
                  const std::vector<std::pair<std::string, Answer>>& answers);

// Splits a text file into lines (LF or CR LF), without a byte-order mark.
std::vector<std::string_view> text_lines(std::string_view text);

std::string trimmed(std::string_view text);

// Whether `text` has the YYYY-MM-DD form, a real day or not ("2026-11-31").
bool date_shaped(std::string_view text);

// Why `text` in the column or field `what` is not a day: a date in the
// YYYY-MM-DD form that the calendar does not have, or not in that form at
// all. Empty when it is a day.
std::string date_problem(std::string_view what, std::string_view text);

} // namespace compassion
