"""End-to-end tests of `compassion practice`: the real binary, a temporary home."""

import os
import pty
import shutil
import signal
import subprocess
import termios
import time
import unittest

from harness import BIN, HomeTest, read_pty_until, strip_ansi

HERE = os.path.dirname(os.path.abspath(__file__))
MAN = os.path.join(HERE, "..", "..", "man")


def moment(mid, day, text, hour=8):
    return (f'\n[[entry]]\nid = "{mid}"\nkind = "moment"\nday = {day}\n'
            f'at = {day}T{hour:02}:00:00+01:00\ntext = "{text}"\n')


class PracticeTest(HomeTest):
    def write_journal(self, text, ym="2026-11"):
        """Adds records to a month file directly, as another device or command would."""
        os.makedirs(self.journal, mode=0o700, exist_ok=True)
        fd = os.open(self.month_path(ym), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(text)

    def practices(self):
        return [e for e in self.all_entries() if e["kind"] == "practice"]

    def pty_env(self, pace="0.05"):
        return self.env(TERM="xterm", COMPASSION_PACE_SECONDS=pace)


class WithoutATerminal(PracticeTest):
    def mailed(self, *args):
        """What cron mails: standard output and standard error in one pipe."""
        proc = subprocess.run([BIN, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=self.env(), timeout=30)
        self.assertEqual(proc.returncode, 0)
        return proc.stdout.decode("utf-8", "replace")

    def test_cron_mail_of_every_practice_starts_with_text(self):
        self.write_journal(moment("firstmomnt", "2026-11-02", "took a real lunch break"))
        for args in (("practice", "quality"), ("practice", "kindness"), ("practice", "recall"),
                     ("practice",)):
            mail = self.mailed(*args)
            self.assertTrue(mail.strip(), args)
            self.assertFalse(mail.startswith("\n"), f"{args}: {mail!r}")

    def test_quality_mail_gives_the_exercise_before_the_hint(self):
        mail = self.mailed("practice", "quality")
        exercise, hint = mail.find(":"), mail.find("No focus quality chosen yet")
        self.assertEqual(mail.index("\n\n"), mail.index("\n"))  # title, blank, text
        self.assertGreater(hint, exercise)

    def test_kindness_prints_the_phrases_once_and_exits_at_once(self):
        started = time.monotonic()
        r = self.run_cli("practice", "kindness", "--minutes", "30")
        self.assertLess(time.monotonic() - started, 5)
        self.assertEqual(r.status, 0, r)
        self.assertEqual(r.err, "")
        # The article's practice: anywhere will do, and its two phrases, once each.
        self.assertEqual(r.out.splitlines(), [
            "You can do this anywhere, even standing in a queue: look at the people around you",
            "and silently wish them well.", "",
            "  May all beings be happy.", "  May all beings find peace."])
        self.assertNotIn("\x1b", r.out)
        [p] = self.practices()
        self.assertEqual((p["practice"], p["seconds"], p["completed"]), ("kindness", 0, True))
        self.assertEqual(str(p["day"]), "2026-11-27")

    def test_no_log_keeps_no_record(self):
        for practice in ("kindness", "recall", "quality"):
            r = self.run_cli("practice", practice, "--no-log")
            self.assertEqual(r.status, 0, r)
        self.assertEqual(self.practices(), [])

    def test_out_of_range_lengths_exit_64_naming_the_flag(self):
        for args, flag in [(["--minutes", "0"], "--minutes"), (["--minutes=-2"], "--minutes"),
                           (["--minutes", "999999"], "--minutes"), (["--count", "0"], "--count"),
                           (["--count", "5000"], "--count")]:
            r = self.run_cli("practice", "kindness", *args)
            self.assertEqual(r.status, 64, r)
            self.assertEqual(len(r.err.splitlines()), 1, r)
            self.assertIn(flag, r.err)
        self.assertEqual(self.all_entries(), [])

    def test_recall_shows_the_moment_shown_least_recently_across_runs(self):
        self.write_journal(moment("firstmomnt", "2026-11-02", "took a real lunch break")
                           + moment("secondmomn", "2026-11-09", "left work on time")
                           + moment("thirdmomnt", "2026-11-20", "asked for help"))
        seen = []
        for _ in range(5):
            r = self.run_cli("practice", "recall")
            self.assertEqual(r.status, 0, r)
            seen.append(r.out.splitlines()[2].strip())
        self.assertEqual(seen, ["took a real lunch break", "left work on time", "asked for help",
                                "took a real lunch break", "left work on time"])
        self.assertEqual([p["moment"] for p in self.practices()],
                         ["firstmomnt", "secondmomn", "thirdmomnt", "firstmomnt", "secondmomn"])
        for p in self.practices():
            self.assertEqual((p["practice"], p["seconds"], p["completed"]), ("recall", 0, True))

    def test_recall_from_another_month_counts_showings_from_every_month(self):
        self.write_journal(moment("octobermom", "2026-10-12", "a slow walk home"), ym="2026-10")
        self.write_journal(moment("novembermo", "2026-11-03", "a nap"))
        r = self.run_cli("practice", "recall")
        self.assertIn("Monday 12 October", r.out)
        self.assertIn("a slow walk home", r.out)
        self.assertIn("a nap", self.run_cli("practice", "recall").out)
        self.assertIn("a slow walk home", self.run_cli("practice", "recall").out)

    def test_recall_with_nothing_saved_guides_gently_and_exits_0(self):
        r = self.run_cli("practice", "recall")
        self.assertEqual(r.status, 0, r)
        self.assertIn("no moments of care saved yet", r.out)
        self.assertIn('compassion reflect recall -m "..."', r.out)
        self.assertEqual(self.all_entries(), [])

    def test_quality_uses_the_latest_focus_and_records_the_exercise(self):
        self.write_journal(
            '\n[[entry]]\nid = "qualities1"\nkind = "qualities"\nday = 2026-11-20\n'
            'at = 2026-11-20T20:00:00+01:00\nresilience = 3\npositive_emotion = 3\n'
            'generosity = 2\nattention = 4\nfocus = "generosity"\n')
        r = self.run_cli("practice", "quality")
        self.assertEqual(r.status, 0, r)
        self.assertTrue(r.out.startswith("Generosity: "), r)
        self.assertEqual(r.err, "")
        [p] = self.practices()
        self.assertEqual((p["practice"], p["quality"], p["seconds"]), ("quality", "generosity", 0))
        self.assertIsInstance(p["exercise"], int)
        # The same exercise all day; another the next day.
        again = self.run_cli("practice", "quality", "--no-log")
        self.assertEqual(again.out, r.out)
        tomorrow = self.run_cli("practice", "quality", "--no-log",
                                env=self.env(COMPASSION_NOW="2026-11-28T21:30:00"))
        self.assertNotEqual(tomorrow.out, r.out)
        self.assertTrue(tomorrow.out.startswith("Generosity: "))

    def test_quality_by_name_and_a_typo(self):
        r = self.run_cli("practice", "quality", "Positive-Emotion", "--no-log")
        self.assertTrue(r.out.startswith("Focus on positive emotion: "), r)
        typo = self.run_cli("practice", "quality", "resilence")
        self.assertEqual(typo.status, 64)
        self.assertIn("did you mean 'resilience'?", typo.err)

    def test_practice_alone_suggests_one_line_for_the_day(self):
        r = self.run_cli("practice")
        self.assertEqual(r.status, 0, r)
        self.assertEqual(len(r.out.splitlines()), 1)
        self.assertRegex(r.out, r"^Today: .*\(compassion practice (kindness|recall|quality)\)\n$")
        self.assertEqual(self.all_entries(), [])

    def test_help_names_every_practice(self):
        r = self.run_cli("practice", "--help")
        for word in ("kindness", "recall", "quality"):
            self.assertIn(word, r.out)
        self.assertIn("--bell", self.run_cli("practice", "kindness", "--help").out)


class OnATerminal(PracticeTest):
    def spawn(self, *args, env=None):
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(BIN, [BIN, *args], env or self.pty_env())
        return pid, fd

    def read_until(self, fd, screen, want, timeout=10):
        return read_pty_until(fd, screen, want, timeout)

    def finish(self, pid, fd, screen, timeout=10):
        screen = self.read_until(fd, screen, b"\0never\0", timeout)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), screen

    def read_to_the_third_phrase(self, fd, screen):
        """Reads until the third phrase, the first again, shows: 0.6 s in at a 0.3 s pace."""
        screen = self.read_until(fd, screen, b"May all beings find peace.")
        second = screen.index(b"May all beings find peace.")
        screen = screen[:second] + self.read_until(fd, screen[second:],
                                                   b"May all beings be happy.")
        self.assertEqual(screen.count(b"May all beings be happy."), 2)
        return screen

    def test_ctrl_c_ends_kindness_early_records_the_time_and_restores_the_terminal(self):
        pid, fd = self.spawn("practice", "kindness", "--minutes", "1",
                             env=self.pty_env(pace="0.3"))
        try:
            modes_before = termios.tcgetattr(fd)
            screen = self.read_until(fd, b"", b"May all beings be happy.")
            started = time.monotonic()
            # The third phrase (the first again) begins 0.6 s in: press Ctrl-C
            # there, through the terminal's line discipline, as a person would.
            screen = self.read_to_the_third_phrase(fd, screen)
            os.write(fd, b"\x03")
            pressed_after = time.monotonic() - started
            status, screen = self.finish(pid, fd, screen)
            modes_after = termios.tcgetattr(fd)
        finally:
            os.close(fd)
        shown = screen.decode("utf-8", "replace")
        self.assertEqual(status, 0, shown)
        self.assertIn("left", shown)  # the progress line was there
        self.assertIn("Stopped after", strip_ansi(shown))
        # It ended in the third phrase: the fourth never came, and Ctrl-C asks nothing.
        self.assertEqual(shown.count("May all beings find peace."), 1)
        self.assertNotIn("What did you notice?", shown)
        # The cursor hidden for the bar is shown again, and nothing follows that hides it.
        self.assertIn("\x1b[?25l", shown)
        self.assertGreater(shown.rfind("\x1b[?25h"), shown.rfind("\x1b[?25l"))
        self.assertEqual(modes_before, modes_after)
        [p] = self.practices()
        self.assertEqual(p["practice"], "kindness")
        self.assertIs(p["completed"], False)
        self.assertGreaterEqual(p["seconds"], 1)  # 0.6 s or more, rounded
        self.assertLessEqual(p["seconds"], round(pressed_after) + 1)
        self.assertLess(p["seconds"], 60)

    def test_a_terminal_closing_or_sigterm_still_records_the_time_and_shows_the_cursor(self):
        for sig in (signal.SIGTERM, signal.SIGHUP):
            pid, fd = self.spawn("practice", "kindness", "--minutes", "1",
                                 env=self.pty_env(pace="0.3"))
            try:
                screen = self.read_to_the_third_phrase(fd, b"")
                os.kill(pid, sig)
                status, screen = self.finish(pid, fd, screen)
            finally:
                os.close(fd)
            shown = screen.decode("utf-8", "replace")
            self.assertEqual(status, 0, (sig, shown))
            self.assertGreater(shown.rfind("\x1b[?25h"), shown.rfind("\x1b[?25l"))
        sessions = self.practices()
        self.assertEqual(len(sessions), 2)
        for p in sessions:
            self.assertIs(p["completed"], False)
            self.assertGreaterEqual(p["seconds"], 1)

    def test_a_whole_session_on_a_terminal_is_recorded_as_completed(self):
        r = self.run_pty("practice", "kindness", "--count", "2", "--bell", answers=[""],
                         env=self.pty_env(pace="0.3"))
        self.assertEqual(r.status, 0, r)
        self.assertEqual(r.out.count("May all beings find peace."), 2)
        self.assertIn("\a", r.raw)
        self.assertIn("[####", r.raw)
        self.assertIn("1 s of kindness. May some of it stay with you.", r.out)
        # Enter at the question keeps nothing more than the session.
        self.assertIn("What did you notice?", r.out)
        self.assertEqual([e["kind"] for e in self.all_entries()], ["practice"])
        [p] = self.practices()
        self.assertIs(p["completed"], True)
        self.assertEqual(p["seconds"], 1)  # 4 phrases of 0.3 s, rounded

    def test_no_log_on_a_terminal_keeps_no_record(self):
        r = self.run_pty("practice", "kindness", "--count", "1", "--no-log", env=self.pty_env())
        self.assertEqual(r.status, 0, r)
        self.assertIn("May all beings be happy.", r.out)
        # Without a record there is nothing to keep what was noticed with.
        self.assertNotIn("What did you notice?", r.out)
        self.assertEqual(self.all_entries(), [])

    def test_recall_counts_down_and_offers_to_keep_another_moment(self):
        self.write_journal(moment("firstmomnt", "2026-11-02", "took a real lunch break"))
        r = self.run_pty("practice", "recall",
                         answers=["a warmth, then tears", "walked the long way home"],
                         env=self.pty_env(pace="0.2"))
        self.assertEqual(r.status, 0, r)
        self.assertIn("took a real lunch break", r.out)
        self.assertIn("What did you notice?", r.out)
        self.assertIn("Kept with this session.", r.out)
        self.assertIn("Kept.", r.out)
        entries = self.entries()
        kinds = [(e["kind"], e.get("text"), e.get("moment")) for e in entries]
        self.assertEqual(kinds[1:], [("practice", None, "firstmomnt"),
                                     ("noticed", "a warmth, then tears", None),
                                     ("moment", "walked the long way home", None)])
        # What was noticed points at its session.
        self.assertEqual(entries[2]["ref"], entries[1]["id"])

    def interrupt_countdown(self, *args):
        """Runs a practice on a terminal, presses Ctrl-C once its countdown
        shows, then types a shell command; gives the exit status and the
        screen as text."""
        pid, fd = self.spawn(*args, env=self.pty_env(pace="5"))
        try:
            screen = self.read_until(fd, b"", b"left")
            os.write(fd, b"\x03")
            # What the person types next is meant for their shell, not for us.
            os.write(fd, b"ls -la\n")
            status, screen = self.finish(pid, fd, screen)
        finally:
            os.close(fd)
        return status, strip_ansi(screen.decode("utf-8", "replace"))

    def test_ctrl_c_ends_recall_and_returns_to_the_shell_asking_nothing(self):
        self.write_journal(moment("firstmomnt", "2026-11-02", "took a real lunch break"))
        status, shown = self.interrupt_countdown("practice", "recall")
        self.assertEqual(status, 0, shown)
        self.assertIn("Stopped there. Even a moment of it counts.", shown)
        self.assertNotIn("another moment", shown)
        self.assertNotIn("What did you notice?", shown)
        kinds = [(e["kind"], e.get("completed")) for e in self.entries()]
        self.assertEqual(kinds, [("moment", None), ("practice", False)])

    def test_ctrl_c_ends_quality_and_asks_nothing(self):
        # Resilience's exercise that day is one to do now, so it counts down.
        status, shown = self.interrupt_countdown("practice", "quality", "resilience")
        self.assertEqual(status, 0, shown)
        self.assertIn("Stopped there. Even a moment of it counts.", shown)
        self.assertNotIn("What did you notice?", shown)
        [p] = self.practices()
        self.assertIs(p["completed"], False)
        self.assertNotIn("ls -la", str(self.all_entries()))

    def test_an_exercise_for_later_gets_no_countdown(self):
        # Attention's exercise that day, a walk, is done when the moment comes.
        r = self.run_pty("practice", "quality", "attention", env=self.pty_env(pace="5"),
                         timeout=4)
        self.assertEqual(r.status, 0, r)
        self.assertIn("Attention: Walk and feel", r.out)
        self.assertIn("This one is for later, when the moment comes.", r.out)
        self.assertNotIn(" left", r.raw)
        [p] = self.practices()
        self.assertEqual((p["quality"], p["seconds"], p["completed"]), ("attention", 0, True))

    def test_recall_with_nothing_saved_offers_to_keep_the_first_moment(self):
        r = self.run_pty("practice", "recall", answers=["I let myself rest on Sunday"],
                         env=self.pty_env())
        self.assertEqual(r.status, 0, r)
        [m] = self.entries()
        self.assertEqual((m["kind"], m["text"]), ("moment", "I let myself rest on Sunday"))

    def test_the_menu_runs_the_chosen_practice(self):
        r = self.run_pty("practice", answers=["3"], env=self.pty_env())
        self.assertEqual(r.status, 0, r)
        self.assertIn("1  kindness", r.out)
        [p] = self.practices()
        self.assertEqual(p["practice"], "quality")
        self.assertIs(p["completed"], True)


@unittest.skipUnless(shutil.which("mandoc"), "mandoc is not installed")
class ManPages(unittest.TestCase):
    def test_the_practice_pages_pass_mandoc_lint(self):
        for page in ("compassion-practice.1", "compassion.5"):
            r = subprocess.run(["mandoc", "-Tlint", "-W", "warning", os.path.join(MAN, page)],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertEqual(r.stdout + r.stderr, "")

    def test_the_environment_section_documents_the_pace_override(self):
        with open(os.path.join(MAN, "compassion-practice.1")) as f:
            text = f.read()
        self.assertIn("COMPASSION_PACE_SECONDS", text.split(".SH ENVIRONMENT")[1])


if __name__ == "__main__":
    unittest.main()
