// Session: what a command works with once the command line is parsed (the
// home, the config, the journal, the terminal), opened on first use.
#include "app.hpp"

#include "core/locale.hpp"
#include "term/pager.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <sys/stat.h>

namespace compassion {

const Home& Session::home() {
    if (!home_)
        home_ = resolve_home(globals_.home, sys_.env);
    return *home_;
}

void Session::warn(const std::string& message) {
    // Shown even with --quiet: these are about who can read the journal.
    sys_.term.say("compassion: warning: " + printable(message) + "\n");
}

void Session::prepare() {
    if (prepared_)
        return;
    struct stat st {};
    if (sys_.fs.lstat(home().root.c_str(), &st) != 0 && errno == ENOENT) {
        no_home_ = true;
        prepared_ = true;
        return;
    }
    for (const auto& notice : prepare_home(sys_.fs, home()))
        warn(notice);
    prepared_ = true;
}

void Session::settle_config() {
    if (config_settled_)
        return;
    // Written under the config's lock, whole or not at all (store/config.hpp).
    load_config(sys_.fs, sys_.clock, home().config_path(), lock_timeout_from(sys_.env));
    config_settled_ = true;
}

void Session::make_home() {
    if (no_home_ || !prepared_) {
        for (const auto& notice : prepare_home(sys_.fs, home()))
            warn(notice);
        no_home_ = false;
        prepared_ = true;
    }
}

void Session::settle_home() {
    make_home();
    settle_config();
}

const Config& Session::config() {
    if (!config_) {
        prepare();
        struct stat st {};
        if (no_home_ ||
            (sys_.fs.lstat(home().config_path().c_str(), &st) != 0 && errno == ENOENT)) {
            // Reading creates nothing: the template's settings, not its file.
            config_ = parse_config(std::string(config_template()), home().config_path());
            return *config_;
        }
        std::string notice;
        config_ = load_config(sys_.fs, sys_.clock, home().config_path(),
                              lock_timeout_from(sys_.env), &notice);
        config_settled_ = true;
        if (!notice.empty())
            warn(notice);
    }
    return *config_;
}

Journal& Session::journal() {
    if (!journal_) {
        prepare();
        journal_ =
            std::make_unique<Journal>(sys_.fs, home(), sys_.clock, lock_timeout_from(sys_.env));
        journal_->on_warning([this](const std::string& message) { warn(message); });
        // The first write makes the home (the journal does that), and with it
        // config.toml, so the person has their settings to edit.
        journal_->on_home_prepared([this] {
            no_home_ = false;
            settle_config();
        });
    }
    return *journal_;
}

Style Session::out_style() {
    return Style(use_color(globals_.color, config().color, sys_.env, sys_.term.stdout_is_tty()),
                 !utf8_locale(sys_.env));
}

Style Session::say_style() {
    return Style(use_color(globals_.color, config().color, sys_.env, sys_.term.stderr_is_tty()),
                 !utf8_locale(sys_.env));
}

void Session::page(std::string_view text) {
    compassion::page(sys_.term, sys_.env, text, !globals_.no_pager);
}

std::size_t Session::out_width() const {
    return output_width(sys_.term);
}

Date Session::today() {
    return day_of(sys_.clock.now(), config().day_starts_at);
}

void Session::report_problems(const std::vector<DataError>& problems) {
    for (const auto& p : problems)
        sys_.term.say(fmt::format("compassion: {} (skipped; the file is left as it is)\n",
                                  printable(p.what())));
    if (!problems.empty() && exit == Exit::ok)
        exit = Exit::data;
}

} // namespace compassion
