"""End-to-end tests of `compassion log`: the real binary, a temporary home."""

import os
import random
import signal
import stat
import subprocess
import time
import tomllib
import unittest

from harness import BIN, HomeTest


class LogFromFlags(HomeTest):
    def test_a_check_in_from_cron_lands_and_reads_back_in_an_independent_parser(self):
        r = self.run_cli("log", "--did", "sleep,meditation", "--unsure", "exercise",
                         "--showed-up", "4", "-m", 'long day, "kind" to myself\n\ttab é 🌱')
        self.assertEqual(r.status, 0, r)
        self.assertEqual(r.err, "")
        [e] = self.entries()
        self.assertEqual(e["kind"], "checkin")
        self.assertEqual(str(e["day"]), "2026-11-27")
        self.assertEqual(e["did"], ["sleep", "meditation"])
        self.assertEqual(e["unsure"], ["exercise"])
        self.assertEqual(e["not_done"], ["time outside"])
        self.assertEqual(e["showed_up"], 4)
        self.assertEqual(e["note"], 'long day, "kind" to myself\n\ttab é 🌱')
        self.assertEqual(e["at"].isoformat(), "2026-11-27T21:30:00+01:00")
        self.assertEqual(len(e["id"]), 10)

    def test_home_and_files_are_private(self):
        self.run_cli("log", "--showed-up", "3")
        self.assertEqual(stat.S_IMODE(os.stat(self.home).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(self.journal).st_mode), 0o700)
        for name in ("config.toml", "journal/2026-11.toml", "journal/.lock"):
            mode = stat.S_IMODE(os.stat(os.path.join(self.home, name)).st_mode)
            self.assertEqual(mode, 0o600, name)

    def test_the_config_is_created_from_a_commented_template(self):
        self.run_cli("log", "--showed-up", "3")
        with open(os.path.join(self.home, "config.toml"), "rb") as f:
            text = f.read().decode()
        self.assertIn("# The few things it takes", text)
        self.assertEqual(tomllib.loads(text)["items"][0], "sleep")

    def test_home_comes_from_flag_then_environment(self):
        other = os.path.join(self.user_home, "elsewhere")
        self.assertEqual(self.run_cli("--home", other, "log", "-s", "3").status, 0)
        self.assertTrue(os.path.exists(os.path.join(other, "journal", "2026-11.toml")))
        xdg = os.path.join(self.user_home, "xdg")
        self.run_cli("log", "-s", "3", env=self.env(XDG_CONFIG_HOME=xdg))
        self.assertTrue(os.path.exists(os.path.join(xdg, "compassion", "config.toml")))
        mine = os.path.join(self.user_home, "mine")
        self.run_cli("log", "-s", "3", env=self.env(XDG_CONFIG_HOME=xdg, COMPASSION_HOME=mine))
        self.assertTrue(os.path.exists(os.path.join(mine, "config.toml")))

    def test_date_words_choose_the_day(self):
        for word, day in [("yesterday", "2026-11-26"), ("-3", "2026-11-24"),
                          ("monday", "2026-11-23"), ("2026-10-31", "2026-10-31")]:
            self.assertEqual(self.run_cli("log", "--date", word, "-s", "3").status, 0)
        days = sorted(str(e["day"]) for e in self.all_entries())
        self.assertEqual(days, ["2026-10-31", "2026-11-23", "2026-11-24", "2026-11-26"])

    def test_after_midnight_counts_for_the_evening_before(self):
        env = self.env(COMPASSION_NOW="2026-11-28T01:10:00")
        self.run_cli("log", "-s", "2", env=env)
        self.assertEqual(str(self.entries()[0]["day"]), "2026-11-27")

    def test_a_second_check_in_replaces_the_first_and_both_stay(self):
        self.run_cli("log", "-s", "2")
        r = self.run_cli("log", "-s", "5")
        self.assertIn("replaces", r.out)
        first, second = self.entries()
        self.assertEqual(second["replaces"], first["id"])

    def test_check_answers_with_its_exit_status(self):
        self.assertEqual(self.run_cli("log", "--check", "-q").status, 1)
        self.run_cli("log", "-s", "4")
        r = self.run_cli("-q", "log", "--check")
        self.assertEqual((r.status, r.out, r.err), (0, "", ""))


class LogRefusesBadInput(HomeTest):
    def assertUsage(self, *args, mention):
        r = self.run_cli(*args)
        self.assertEqual(r.status, 64, r)
        self.assertEqual(r.err.count("\n"), 1, r.err)
        self.assertIn(mention, r.err)
        self.assertFalse(os.path.exists(self.month_path()), "nothing may be written")

    def test_each_bad_value_is_one_line_naming_the_flag(self):
        self.assertUsage("log", "--did", "excercise", "-s", "3", mention="did you mean 'exercise'")
        self.assertUsage("log", "-s", "0", mention="--showed-up 0")
        self.assertUsage("log", "-s", "six", mention="--showed-up")
        self.assertUsage("log", "-s", "3", "--date", "2026-02-29", mention="no such date")
        self.assertUsage("log", "-s", "3", "--date", "soon", mention="--date soon")
        self.assertUsage("log", "-s", "3", "--date", "2027-01-01", mention="has not come yet")
        self.assertUsage("log", "--nope", mention="--nope")
        self.assertUsage("--color", "purple", "log", mention="--color")

    def test_no_terminal_and_no_rating_names_the_flag_and_never_hangs(self):
        self.assertUsage("log", mention="--showed-up")
        self.assertUsage("log", "--did", "sleep", mention="--showed-up")

    def test_a_home_that_cannot_be_created_exits_73(self):
        blocker = os.path.join(self.user_home, "a-file")
        with open(blocker, "w") as f:
            f.write("not a directory")
        r = self.run_cli("--home", os.path.join(blocker, "home"), "log", "-s", "3")
        self.assertEqual(r.status, 73, r)
        self.assertIn("a-file", r.err)

    def test_logging_never_rewrites_the_users_config(self):
        os.makedirs(self.home, mode=0o700)
        mine = '# my settings\nitems = ["sleep", "friends"]  # just two\n\n[unknown]\nx = 1\n'
        with open(os.path.join(self.home, "config.toml"), "w") as f:
            f.write(mine)
        self.assertEqual(self.run_cli("log", "--did", "friends", "-s", "4").status, 0)
        with open(os.path.join(self.home, "config.toml")) as f:
            self.assertEqual(f.read(), mine)
        self.assertEqual(self.entries()[0]["not_done"], ["sleep"])

    def test_a_bad_config_exits_78_naming_its_line(self):
        os.makedirs(self.home, mode=0o700)
        with open(os.path.join(self.home, "config.toml"), "w") as f:
            f.write("# mine\nday_starts_at = 30\n")
        r = self.run_cli("log", "-s", "3")
        self.assertEqual(r.status, 78)
        self.assertIn("config.toml:2:", r.err)


class NeverLoseAWord(HomeTest):
    def test_a_broken_month_is_left_byte_identical_and_the_entry_printed_back(self):
        self.run_cli("log", "-s", "3")
        with open(self.month_path(), "ab") as f:
            f.write(b"[[entry]\nbroken = \n")
        before = self.month_bytes()
        r = self.run_cli("log", "-s", "4", "-m", "words I typed")
        self.assertEqual(r.status, 65)
        self.assertRegex(r.err, r"2026-11\.toml:\d+:\d+: ")
        self.assertNotIn("words I typed", r.err)
        self.assertEqual(self.month_bytes(), before)
        rescued = tomllib.loads(r.out)["entry"][0]
        self.assertEqual(rescued["note"], "words I typed")
        rescue_dir = os.path.join(self.home, "rescue")
        self.assertEqual(len(os.listdir(rescue_dir)), 1)

    def test_fifty_concurrent_check_ins_all_land(self):
        procs = [subprocess.Popen([BIN, "log", "--date", f"-{i % 20}", "-s", str(1 + i % 5),
                                   "-m", f"run {i}"], env=self.env(),
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE) for i in range(50)]
        for p in procs:
            _, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, 0, err)
        notes = sorted(e["note"] for e in self.all_entries())
        self.assertEqual(notes, sorted(f"run {i}" for i in range(50)))
        self.assertEqual([n for n in os.listdir(self.journal) if ".tmp." in n], [])

    def test_killing_writers_mid_write_never_tears_a_month(self):
        acknowledged = []
        rng = random.Random(7)
        for i in range(40):
            p = subprocess.Popen([BIN, "log", "-s", "3", "-m", f"k{i}"], env=self.env(),
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, 0.004))
            p.send_signal(signal.SIGKILL)
            if p.wait() == 0:
                acknowledged.append(f"k{i}")
            self.all_entries()  # every file must still parse
        notes = {e.get("note") for e in self.all_entries()}
        for note in acknowledged:
            self.assertIn(note, notes)
        self.assertEqual(self.run_cli("log", "-s", "4", "-m", "after").status, 0)
        self.assertEqual([n for n in os.listdir(self.journal) if ".tmp." in n], [])

    def test_a_file_size_limit_fails_the_write_and_keeps_the_original(self):
        self.run_cli("log", "-s", "3", "-m", "x" * 3000)
        before = self.month_bytes()
        script = f'ulimit -f 4; exec "{BIN}" log -s 4 -m "{"y" * 3000}"'
        proc = subprocess.run(["bash", "-c", script], env=self.env(), stdin=subprocess.DEVNULL,
                              capture_output=True)
        self.assertEqual(proc.returncode, 74, proc.stderr)
        self.assertEqual(self.month_bytes(), before)
        self.assertIn(b"y" * 3000, proc.stdout)  # printed back

    def test_a_held_lock_times_out_as_busy(self):
        self.run_cli("log", "-s", "3")
        holder = subprocess.Popen(["flock", os.path.join(self.journal, ".lock"), "sleep", "5"])
        try:
            time.sleep(0.3)
            r = self.run_cli("log", "-s", "4", "-m", "later",
                             env=self.env(COMPASSION_LOCK_TIMEOUT="0.3"))
            self.assertEqual(r.status, 75, r)
            self.assertIn("try again", r.err)
        finally:
            holder.kill()
            holder.wait()
        self.assertEqual(len(self.entries()), 1)
        self.assertTrue(os.path.exists(os.path.join(self.journal, ".lock")))


class InteractiveCheckIn(HomeTest):
    def test_the_questions_come_one_at_a_time_on_a_real_terminal(self):
        self.set_up_home()  # not the first run
        r = self.run_pty("log", answers=["y", "n", "?", "", "4", "slow evening"])
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("sleep?", r.out)
        self.assertIn("How well did you show up today?", r.out)
        self.assertIn("Saved your check-in", r.out)
        [e] = self.entries()
        self.assertEqual(e["did"], ["sleep"])
        self.assertEqual(e["unsure"], ["meditation"])
        self.assertEqual(e["note"], "slow evening")

    def test_ctrl_d_leaves_without_saving(self):
        self.set_up_home()
        r = self.run_pty("log", answers=["y", None])
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("Stopped; nothing was saved.", r.out)
        self.assertNotIn("more", r.out.split("Stopped")[1])
        self.assertFalse(os.path.exists(self.month_path()))

    def test_the_first_run_asks_what_it_takes_to_show_up(self):
        r = self.run_pty("log", answers=["sleep, a walk", "y", "n", "4", ""])
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("what does it take for you to show up for others", r.out)
        # The list named is kept as a show-up record, then the check-in uses it.
        [items, e] = self.entries()
        self.assertEqual((items["kind"], items["items"]), ("showup", ["sleep", "a walk"]))
        self.assertEqual((e["kind"], e["did"], e["not_done"]), ("checkin", ["sleep"], ["a walk"]))
        self.assertEqual(e["showed_up"], 4)
        self.assertNotIn(" of 4", r.out)
        self.assertNotIn(" of 5", r.out)

    def test_ctrl_d_at_the_first_question_keeps_it_for_next_time(self):
        r = self.run_pty("log", answers=[None])
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("nothing was saved", r.out)
        # Nothing was written, so nothing was made: the question comes again.
        self.assertFalse(os.path.exists(self.home), os.listdir(self.user_home))
        again = self.run_pty("log", answers=[None])
        self.assertIn("what does it take for you to show up for others", again.out)

    def test_keeping_the_suggested_list_and_stopping_asks_again_next_time(self):
        r = self.run_pty("log", answers=["", None])
        self.assertIn("nothing was saved", r.out)
        self.assertFalse(os.path.exists(os.path.join(self.home, "config.toml")))
        again = self.run_pty("log", answers=["", "y", "y", "y", "y", "4", ""])
        self.assertEqual(again.status, 0, again.out)
        self.assertIn("what does it take for you to show up for others", again.out)
        # The first record wrote the settings file, the template with its comments.
        with open(os.path.join(self.home, "config.toml")) as f:
            self.assertIn("#", f.read())
        self.assertIn("sleep?", self.run_pty("log", answers=[None]).out)


if __name__ == "__main__":
    unittest.main()
