#pragma once

#include "app.hpp"
#include "commands/records.hpp"
#include "core/chain.hpp"

#include <string>
#include <vector>

namespace compassion {

// What forget and undo share: the records a forget takes, telling the person
// what they are, and taking them back.

// The records taking `found` back takes (core/chain.hpp), read from every
// month, hidden records included. Without `replaced`, the versions it
// replaced stay (undo).
std::vector<Link> forget_plan(Session& session, const FoundRecord& found, bool replaced);

// The list shown before asking: one line per record, its handle when it has
// one, then the copies this home cannot reach.
std::string describe_plan(Session& session, const FoundRecord& found,
                          const std::vector<Link>& plan);

// Asks on the terminal (or takes --yes); false when the person says no.
// With no terminal and no --yes: UsageError naming --yes.
bool confirmed(Session& session, bool yes, std::string_view command, std::string_view question);

// Writes one tombstone per record (with the record's day), then removes the
// records' lines from their month files, all under the journal's lock.
void carry_out(Session& session, const std::vector<Link>& plan);

} // namespace compassion
