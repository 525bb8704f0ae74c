#pragma once

#include "core/date.hpp"
#include "core/entry.hpp"
#include "core/kinds/kinds.hpp"
#include "core/kinds/practice.hpp"
#include "core/record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace compassion {

inline constexpr std::string_view moment_kind = "moment";
extern const KindInfo moment_info;

// A moment of care saved with `reflect recall`.
struct SavedMoment {
    std::string id;
    std::string text;
    Date day;
    Stamp saved;
};

// A new `moment` record of `text`, about `day`.
Record moment_record(const std::string& text, Date day, TimePoint now);

// A `moment` record with text, or nothing for any other record.
std::optional<SavedMoment> moment_from(const Entry& entry);

// The moments in the order to show them next: those never shown first (oldest
// saved first), then the one shown longest ago. Showings of unknown ids are
// ignored. Returns indexes into `moments`.
std::vector<std::size_t> recall_order(const std::vector<SavedMoment>& moments,
                                      const std::vector<Showing>& showings);

// A saved moment as the review offers it to re-read.
struct Moment {
    std::string id;
    Date day;
    std::string text;
};

// The review's fold of moments: how many, and the one to re-read on `today`
// (a different one each day). Keeps only the moments' ids and text.
class MomentTally {
public:
    void add(const Entry& entry);
    int count() const { return static_cast<int>(moments_.size()); }
    std::optional<Moment> to_reread(Date today);

private:
    struct Kept {
        Date day;
        Stamp stamp;
        std::uint32_t text_at = 0; // in text_: the id, then the text
        std::uint32_t id_size = 0;
        std::uint32_t text_size = 0;
    };
    std::vector<Kept> moments_;
    std::string text_;
};

} // namespace compassion
