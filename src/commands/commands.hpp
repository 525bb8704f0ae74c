#pragma once

#include "app.hpp"

#include <CLI/CLI.hpp>
#include <vector>

namespace compassion {

// Each command registers its subcommand, options and callback on the app.
void add_log_command(CLI::App& app, Session& session);
void add_review_command(CLI::App& app, Session& session);
void add_practice_command(CLI::App& app, Session& session);
void add_reflect_command(CLI::App& app, Session& session);
void add_export_command(CLI::App& app, Session& session);
void add_import_command(CLI::App& app, Session& session);
void add_show_command(CLI::App& app, Session& session);
void add_find_command(CLI::App& app, Session& session);
void add_edit_command(CLI::App& app, Session& session);
void add_forget_command(CLI::App& app, Session& session);
void add_undo_command(CLI::App& app, Session& session);
void add_help_command(CLI::App& app, Session& session);
void add_sync_command(CLI::App& app, Session& session);
void add_doctor_command(CLI::App& app, Session& session);

// Starts a sync in the background after a command saved a record, when
// config.toml says `sync = "after-write"` and the home is kept in git.
void sync_after_write(Session& session);

// The subcommand tables of the commands that have them.
const std::vector<SubcommandInfo>& reflect_table();
const std::vector<SubcommandInfo>& practice_table();

} // namespace compassion
