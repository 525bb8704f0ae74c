"""Long output goes through a pager the way git does it: only when standard
output is a terminal and the text is taller than the window; never when piped,
never with --no-pager, and PAGER=cat means no pager. Prose wraps to the
terminal's width, at most 80 columns."""

import os
import shutil
import unittest

from harness import HomeTest, strip_ansi


class PagerTest(HomeTest):
    def setUp(self):
        super().setUp()
        # A long report: two months of check-ins, with a note of care each.
        for ago in range(1, 40):
            r = self.run_cli("log", "--date", f"-{ago}", "--did", "sleep,exercise",
                             "--showed-up", str(1 + ago % 5))
            self.assertEqual(r.status, 0, r)
        # A pager that marks every line it shows, so the test can tell.
        self.pager = os.path.join(self.user_home, "mark-pager")
        with open(self.pager, "w") as f:
            f.write("#!/bin/sh\nsed 's/^/PAGED|/'\n")
        os.chmod(self.pager, 0o700)

    def paged_lines(self, shown):
        return [l for l in shown.out.split("\n") if l.startswith("PAGED|")]

    def test_a_report_taller_than_the_window_goes_to_the_pager(self):
        shown = self.run_pty("review", "--month", size=(10, 80),
                             env=self.env(TERM="xterm", PAGER=self.pager))
        self.assertEqual(shown.status, 0)
        lines = self.paged_lines(shown)
        self.assertGreater(len(lines), 10)
        self.assertEqual(lines[0], "PAGED|Your month: Thursday 29 October to Friday 27 November")

    def test_show_and_find_page_a_long_read_back_too(self):
        for n in range(12):
            r = self.run_cli("reflect", "recall", "-m", f"a calm walk after sleep, {n}")
            self.assertEqual(r.status, 0, r)
        for args in (("show", "--month"), ("find", "sleep")):
            shown = self.run_pty(*args, size=(10, 80),
                                 env=self.env(TERM="xterm", PAGER=self.pager))
            self.assertEqual(shown.status, 0, args)
            self.assertGreater(len(self.paged_lines(shown)), 10, args)
            # Piped, the same output is never paged.
            piped = self.run_cli(*args, env=self.env(PAGER=self.pager))
            self.assertEqual(piped.status, 0, args)
            self.assertNotIn("PAGED|", piped.out, args)

    def test_the_pager_starts_with_the_usual_signal_defaults(self):
        with open(self.pager, "w") as f:
            f.write("#!/bin/sh\nsed -n 's/^SigIgn:[[:space:]]*/PAGED|/p' /proc/$$/status\n"
                    "cat >/dev/null\n")
        shown = self.run_pty("review", "--month", size=(10, 80),
                             env=self.env(TERM="xterm", PAGER=self.pager))
        ignored = int(self.paged_lines(shown)[0].split("|")[1].strip(), 16)
        self.assertEqual(ignored & (1 << (13 - 1)), 0)  # SIGPIPE is 13

    def test_compassion_pager_wins_over_pager(self):
        shown = self.run_pty("review", "--month", size=(10, 80),
                             env=self.env(TERM="xterm", PAGER="false",
                                          COMPASSION_PAGER=self.pager))
        self.assertEqual(shown.status, 0)
        self.assertTrue(self.paged_lines(shown))

    def test_a_report_that_fits_the_window_is_not_paged(self):
        shown = self.run_pty("review", "--month", size=(200, 80),
                             env=self.env(TERM="xterm", PAGER=self.pager))
        self.assertEqual(shown.status, 0)
        self.assertEqual(self.paged_lines(shown), [])
        self.assertIn("Your month:", shown.out)

    def test_never_when_piped(self):
        r = self.run_cli("review", "--month", env=self.env(PAGER=self.pager))
        self.assertEqual(r.status, 0)
        self.assertNotIn("PAGED|", r.out)
        self.assertTrue(r.out.startswith("Your month:"))

    def test_no_pager_and_pager_cat_write_straight_out(self):
        for args, extra in ((["--no-pager", "review", "--month"], {"PAGER": self.pager}),
                            (["review", "--month"], {"PAGER": "cat"})):
            shown = self.run_pty(*args, size=(10, 80), env=self.env(TERM="xterm", **extra))
            self.assertEqual(shown.status, 0, args)
            self.assertEqual(self.paged_lines(shown), [], args)
            self.assertIn("Your month:", shown.out, args)

    @unittest.skipUnless(shutil.which("less"), "less is not installed")
    def test_the_default_is_less_and_q_quits_it(self):
        shown = self.run_pty("review", "--month", size=(10, 80), answers=["q"],
                             env=self.env(TERM="xterm"))
        self.assertEqual(shown.status, 0)
        self.assertIn("Your month:", shown.out)
        # less shows a screenful and waits: the end of the report is not on it.
        self.assertNotIn("29 October to 27 November;", shown.out)

    def test_a_missing_pager_is_named_and_the_text_shown(self):
        shown = self.run_pty("review", "--month", size=(10, 80),
                             env=self.env(TERM="xterm", PAGER="nosuchpager-xyz"))
        self.assertEqual(shown.status, 0)
        self.assertIn("the pager 'nosuchpager-xyz' could not be started", shown.out)
        self.assertIn("Your month:", shown.out)

    def test_prose_wraps_to_a_narrow_terminal(self):
        shown = self.run_pty("--no-pager", "review", "--month", "--details", size=(200, 50),
                             env=self.env(TERM="xterm", LANG="C.UTF-8"))
        self.assertEqual(shown.status, 0)
        # Prose: every line but the rows of marks and sparklines.
        prose = [l for l in strip_ansi(shown.out).split("\n")
                 if not any(mark in l for mark in "▪▫·▁▂▃▄▅▆▇█")]
        widest = max(len(l) for l in prose)
        self.assertLessEqual(widest, 50, [l for l in prose if len(l) > 50])

    def test_prose_never_runs_past_80_columns(self):
        for run in (lambda: self.run_cli("review", "--month", "--details",
                                         env=self.env(LANG="C.UTF-8")),
                    lambda: self.run_pty("--no-pager", "review", "--month", "--details",
                                         size=(200, 137),
                                         env=self.env(TERM="xterm", LANG="C.UTF-8"))):
            out = strip_ansi(run().out)
            self.assertLessEqual(max(len(l) for l in out.split("\n")), 80)


if __name__ == "__main__":
    unittest.main()
