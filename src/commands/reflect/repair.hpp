#pragma once

#include "commands/reflect/reflect.hpp"

namespace compassion::reflect {

// `reflect reframe --open`: the open repairs, one a line (handle, id, date,
// how far the follow-up is, what happened's first line).
void list_open_repairs(Session& s);
// `--close [REFLECTION]`: closes a repair (with --note kept as a further record).
void close_repair(const ReframeOptions& o, Session& s);
// `--step TEXT [REFLECTION]`: adds a step to an ongoing repair.
void add_repair_step(const ReframeOptions& o, Session& s);

} // namespace compassion::reflect
