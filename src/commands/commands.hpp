#pragma once

#include <CLI/CLI.hpp>

namespace compassion {

class Session;

// Each command registers its subcommand, options and callback on the app.
void add_log_command(CLI::App& app, Session& session);
void add_review_command(CLI::App& app, Session& session);
void add_practice_command(CLI::App& app, Session& session);
void add_reflect_command(CLI::App& app, Session& session);
void add_export_command(CLI::App& app, Session& session);
void add_import_command(CLI::App& app, Session& session);
void add_help_command(CLI::App& app, Session& session);

} // namespace compassion
