#pragma once

#include "core/entry.hpp"
#include "core/record.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// The formats `export` writes. jsonl is one record a line (what `import
// --format compassion` reads back); json the same records in one document;
// toml the journal's own format; markdown a document for people.
enum class ExportFormat { jsonl, json, toml, markdown };

// A record read back, whole: its header and every field it holds, in file
// order (a file outside the fast reader's subset: in the order toml++ read
// them, by position). Values of types compassion never writes (floats,
// tables) are left out.
Record record_of(const Entry& entry);

// `record` without its free text: the fields its kind marks as free text, and
// for a kind this version does not know, every text and list field.
Record redacted(Record record);

// Writes records one at a time, so an export streams a month at a time.
class ExportWriter {
public:
    explicit ExportWriter(ExportFormat format) : format_(format) {}
    // The text that goes before the first record, for each record, and after the last.
    // Markdown is read by people: each month's records are held back and
    // given day by day (a record written later for an earlier day joins its
    // day's heading), so record() may return nothing until the month ends.
    std::string begin() const;
    std::string record(const Record& record);
    std::string end();

private:
    std::string markdown_month();

    ExportFormat format_;
    std::size_t count_ = 0;
    std::vector<Record> month_; // markdown: the month being gathered
};

// One record as a JSON object on one line, the header first.
std::string json_record(const Record& record);

} // namespace compassion
