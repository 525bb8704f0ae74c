"""Every file in examples/ is run here, with the reminder stubbed, so none can rot."""

import configparser
import os
import shutil
import stat
import subprocess
import unittest

from harness import BIN, HomeTest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples")


class ExampleBase(HomeTest):
    def setUp(self):
        super().setUp()
        # A bin directory with compassion, a notify-send that records its
        # arguments, and a `date` that says it is evening.
        self.bin = os.path.join(self.user_home, "bin")
        os.makedirs(self.bin)
        os.symlink(BIN, os.path.join(self.bin, "compassion"))
        # Where `cmake --install build --prefix ~/.local` puts it, as the
        # reminders call it.
        self.local_bin = os.path.join(self.user_home, ".local", "bin")
        os.makedirs(self.local_bin)
        os.symlink(BIN, os.path.join(self.local_bin, "compassion"))
        self.notified = os.path.join(self.user_home, "notified")
        self.stub("notify-send", f'printf "%s|" "$@" >> "{self.notified}"; echo >> "{self.notified}"')
        self.stub("date", 'case "$1" in +%H) echo 21 ;; *) exec /bin/date "$@" ;; esac')

    def stub(self, name, body):
        path = os.path.join(self.bin, name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, stat.S_IRWXU)

    def shell(self, command, shell="/bin/sh"):
        env = self.env()
        env["PATH"] = self.bin + ":" + env["PATH"]
        return subprocess.run([shell, "-c", command], env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=30)

    def notifications(self):
        if not os.path.exists(self.notified):
            return []
        with open(self.notified) as f:
            return f.read().splitlines()



class Examples(ExampleBase):
    def check_reminder(self, command):
        self.assertEqual(self.shell(command).returncode, 0)
        self.assertEqual(len(self.notifications()), 1, "reminds when today has no check-in")
        self.assertIn("compassion", self.notifications()[0])
        self.assertEqual(self.run_cli("log", "-s", "4").status, 0)
        self.assertEqual(self.shell(command).returncode, 0)
        self.assertEqual(len(self.notifications()), 1, "stays quiet once you checked in")

    def crontab(self):
        with open(os.path.join(EXAMPLES, "crontab")) as f:
            return f.read()

    def test_the_crontab_line_reminds_only_without_a_check_in(self):
        lines = [l for l in self.crontab().splitlines() if l.strip() and not l.startswith("#")]
        self.assertEqual(len(lines), 1)
        fields = lines[0].split(None, 5)
        self.assertEqual(len(fields), 6, "five time fields and a command")
        self.assertTrue(fields[5].startswith("$HOME/.local/bin/compassion "))
        # cron's own PATH: the line must not depend on compassion being on it.
        self.check_reminder(fields[5].replace("$(id -u)", str(os.getuid())).replace(
            "$HOME", self.user_home))

    def test_the_crontab_comment_says_what_log_check_q_prints(self):
        comment = " ".join(l.lstrip("# ") for l in self.crontab().splitlines() if l.startswith("#"))
        self.assertIn("`log --check -q` prints nothing", comment)
        self.assertIn("cmake --install build --prefix ~/.local", comment)
        self.assertIn("/usr/bin/compassion", comment)
        for state in ("without", "with"):
            checked = self.run_cli("log", "--check", "-q")
            self.assertEqual((checked.out, checked.err), ("", ""), f"{state} a check-in")
            self.assertEqual(checked.status, 1 if state == "without" else 0)
            self.run_cli("log", "-s", "3")

    def test_the_server_line_in_the_crontab_mails_one_line_only_when_needed(self):
        [server] = [l for l in self.crontab().splitlines() if l.startswith("#   30 21")]
        command = server[1:].split(None, 5)[5].replace("$HOME", self.user_home)
        first = self.shell(command)
        self.assertEqual(first.stdout, "A minute for yourself? compassion log\n")
        self.assertEqual(first.stderr, "")
        self.run_cli("log", "-s", "3")
        second = self.shell(command)
        self.assertEqual((second.stdout, second.stderr), ("", ""))

    def test_the_systemd_units_run_the_same_reminder(self):
        service = configparser.ConfigParser(interpolation=None)
        service.read(os.path.join(EXAMPLES, "systemd", "compassion-reminder.service"))
        exec_start = service["Service"]["ExecStart"]
        self.assertTrue(exec_start.startswith("/bin/sh -c '%h/.local/bin/compassion "))
        # %h is systemd's specifier for the user's home.
        self.check_reminder(exec_start[len("/bin/sh -c '"):-1].replace("%h", self.user_home))
        timer = configparser.ConfigParser(interpolation=None)
        timer.read(os.path.join(EXAMPLES, "systemd", "compassion-reminder.timer"))
        self.assertIn("OnCalendar", timer["Timer"])
        self.assertEqual(timer["Install"]["WantedBy"], "timers.target")

    @unittest.skipUnless(shutil.which("git"), "git is not installed")
    def test_the_sync_examples_sync_and_stay_quiet_when_offline(self):
        remote = os.path.join(self.user_home, "remote.git")
        subprocess.run(["git", "init", "-q", "--bare", remote], check=True, env=self.env())
        self.run_cli("log", "-s", "3")
        self.assertEqual(self.run_cli("sync", "--init", remote).status, 0)
        with open(os.path.join(EXAMPLES, "crontab-sync")) as f:
            [line] = [l for l in f.read().splitlines() if l.strip() and not l.startswith("#")]
        cron = line.split(None, 5)[5].replace("$HOME", self.user_home)
        service = configparser.ConfigParser(interpolation=None)
        service.read(os.path.join(EXAMPLES, "systemd", "compassion-sync.service"))
        unit = service["Service"]["ExecStart"].replace("%h", self.user_home)
        self.assertEqual(service["Service"]["SuccessExitStatus"], "75")
        timer = configparser.ConfigParser(interpolation=None)
        timer.read(os.path.join(EXAMPLES, "systemd", "compassion-sync.timer"))
        self.assertEqual(timer["Install"]["WantedBy"], "timers.target")

        def pushed():
            return subprocess.run(["git", "--git-dir", remote, "rev-list", "--count", "--all"],
                                  capture_output=True, text=True, env=self.env()).stdout.strip()

        for command in (cron, unit):
            before = pushed()
            self.run_cli("reflect", "recall", "-m", "a moment")
            r = self.shell(command)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
            self.assertNotEqual(pushed(), before)
        # A host that does not answer: offline, not a mistake.
        subprocess.run(["git", "-C", self.home, "remote", "set-url", "origin",
                        "http://127.0.0.1:9/journal.git"], check=True, env=self.env())
        self.run_cli("reflect", "recall", "-m", "offline")
        r = self.shell(cron)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        self.assertEqual(self.shell(unit).returncode, 75)

    def test_the_prompt_hint_shows_until_the_day_has_a_check_in(self):
        hint = os.path.join(EXAMPLES, "prompt-hint.sh")
        command = f'PS1="$ "; . "{hint}"; eval "printf %s \\"$PS1\\""'
        self.assertEqual(self.shell(command, "/bin/bash").stdout, "(check-in?) $ ")
        self.run_cli("log", "-s", "3")
        self.assertEqual(self.shell(command, "/bin/bash").stdout, "$ ")


class PipeExamples(ExampleBase):
    """The scripts that pipe `review` into awk, sort, jq and gnuplot."""

    def setUp(self):
        super().setUp()
        days = [("-1", "sleep", "2"), ("-2", "sleep,exercise", "5"), ("-3", "exercise", "4"),
                ("-4", "", "1"), ("-5", "sleep,exercise", "4")]
        for date, did, rating in days:
            args = ["log", "--date", date, "-s", rating, "-m", "private words"]
            if did:
                args += ["--did", did]
            self.assertEqual(self.run_cli(*args).status, 0)

    def example(self, name):
        return os.path.join(EXAMPLES, name)

    def test_best_days_sorts_by_rating_and_names_what_was_done(self):
        r = self.shell(f'sh "{self.example("best-days.sh")}"')
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = [line.split("\t") for line in r.stdout.splitlines()]
        self.assertEqual([row[0] for row in rows], ["5", "4", "4", "2", "1"])
        self.assertEqual(rows[0], ["5", "2026-11-25", "sleep, exercise"])
        self.assertEqual(rows[-1], ["1", "2026-11-23", ""])
        self.assertNotIn("private words", r.stdout)

    def test_item_effect_compares_done_and_not_done_days(self):
        r = self.shell(f'compassion review --format tsv | awk -F "\t" -f "{self.example("item-effect.awk")}"')
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = dict(line.split("\t", 1) for line in r.stdout.splitlines())
        # sleep: done on ratings 2, 5, 4 -> 3.7; not done on 4, 1 -> 2.5
        self.assertEqual(lines["sleep"], "3.7 (3 days)\t2.5 (2 days)")
        self.assertEqual(lines["meditation"], "- (0 days)\t3.2 (5 days)")

    def test_item_effect_runs_on_its_own_and_keeps_names_with_spaces_whole(self):
        self.assertEqual(self.run_cli("log", "--date", "-6", "-s", "5",
                                      "--did", "time outside").status, 0)
        script = self.example("item-effect.awk")
        self.assertTrue(os.access(script, os.X_OK))
        r = self.shell(f'compassion review --format tsv | "{script}"')
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = dict(line.split("\t", 1) for line in r.stdout.splitlines())
        self.assertEqual(lines["time outside"], "5.0 (1 days)\t3.2 (5 days)")
        self.assertEqual(lines["sleep"], "3.7 (3 days)\t3.3 (3 days)")

    def test_hard_days_lists_low_ratings_with_jq(self):
        if not shutil.which("jq"):
            self.skipTest("jq is not installed")
        r = self.shell(f'sh "{self.example("hard-days.sh")}"')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines(), ["2026-11-23  rated 1  did: ",
                                                 "2026-11-26  rated 2  did: sleep"])

    def test_moments_of_the_year_lists_each_moment_with_its_handle(self):
        if not shutil.which("jq"):
            self.skipTest("jq is not installed")
        self.assertEqual(self.run_cli("reflect", "recall", "-m", "a real lunch break").status, 0)
        self.assertEqual(self.run_cli("reflect", "recall", "-m", "asked for help").status, 0)
        script = self.example("moments-of-the-year.sh")
        self.assertTrue(os.access(script, os.X_OK))
        r = self.shell(f'sh "{script}"')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines(), ["2026-11-27.moment.1  a real lunch break",
                                                 "2026-11-27.moment.2  asked for help"])

    def test_the_year_plot_draws_every_rated_day(self):
        if not shutil.which("gnuplot"):
            self.skipTest("gnuplot is not installed")
        env_cmd = f'TERM_PLOT=dumb sh "{self.example("plot-year.sh")}"'
        r = self.shell(env_cmd)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Showing up", r.stdout)
        png = os.path.join(self.user_home, "year.png")
        r = self.shell(f'sh "{self.example("plot-year.sh")}" "{png}"')
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def test_the_prompt_notification_carries_todays_prompt(self):
        prompt = self.run_cli("reflect", "prompt").out.strip()
        self.assertTrue(prompt)
        r = self.shell(f'sh "{self.example("notify-prompt.sh")}"')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.notifications(), [f"A thought for today|{prompt}|"])


class ImportExample(ExampleBase):
    """A Daylio diary imported and the month reviewed."""

    def test_the_daylio_example_imports_once_and_reviews_the_month(self):
        script = os.path.join(EXAMPLES, "import-daylio.sh")
        r = self.shell(f'sh "{script}"')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Would import 7 records", r.stdout)
        self.assertIn("Activities kept on the check-ins: friends.", r.stdout)
        self.assertIn("Nothing was written (--dry-run).", r.stdout)
        self.assertIn("November 2026", r.stdout)  # the review's title
        self.assertIn("time outside", r.stdout)
        tsv = self.run_cli("review", "--month=2026-11", "--format", "tsv").out.splitlines()
        self.assertEqual(tsv[0].split("\t")[:5], ["date", "sleep", "exercise", "meditation",
                                                  "time outside"])
        thursday = [row.split("\t") for row in tsv if row.startswith("2026-11-26")][0]
        self.assertEqual(thursday[1:6], ["1", "", "1", "1", "5"])
        again = self.shell(f'sh "{script}"')
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("Would import 0 records", again.stdout)
        self.assertIn("7 are here already (imported before)", again.stdout)


if __name__ == "__main__":
    unittest.main()
