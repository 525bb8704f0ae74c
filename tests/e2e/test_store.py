"""The store's promises through the real binary: output that cannot be
written, stdin that cannot be read, dates TOML cannot hold, a home that
cannot be set up, and what a stopped rescue write leaves behind."""

import os
import subprocess
import time
import unittest

from harness import BIN, HomeTest


class OutputThatCannotBeWritten(HomeTest):
    def run_to_dev_full(self, *args):
        with open("/dev/full", "w") as full:
            return subprocess.run([BIN, *args], stdin=subprocess.DEVNULL, stdout=full,
                                  stderr=subprocess.PIPE, env=self.env(), timeout=30)

    def test_a_practice_printed_into_a_full_disk_is_not_recorded(self):
        for practice in ("kindness", "quality"):
            with self.subTest(practice=practice):
                proc = self.run_to_dev_full("practice", practice)
                self.assertEqual(proc.returncode, 74, proc.stderr)
                self.assertIn(b"could not be printed", proc.stderr)
                practices = [e for e in self.all_entries() if e.get("kind") == "practice"]
                self.assertEqual(practices, [])

    def test_a_practice_that_is_printed_is_recorded(self):
        r = self.run_cli("practice", "kindness")
        self.assertEqual(r.status, 0, r)
        self.assertEqual([e["kind"] for e in self.all_entries()], ["practice"])


class EntriesGivenBack(HomeTest):
    def given_back(self, r, words):
        self.assertTrue(r.out.startswith("# compassion could not save this entry"), r)
        self.assertIn(f'note = "{words}"', r.out)

    def test_a_home_that_cannot_be_created_gives_the_piped_note_back(self):
        blocker = os.path.join(self.user_home, "a-file")
        open(blocker, "w").close()
        r = self.run_cli("--home", os.path.join(blocker, "home"), "log", "-s", "3", "--did",
                         "sleep", "-m", "-", input="words from a pipe\n")
        self.assertEqual(r.status, 73, r)
        self.given_back(r, "words from a pipe")
        self.assertIn('did = ["sleep"]', r.out)

    def test_a_home_path_too_long_gives_the_entry_back(self):
        home = os.path.join(self.user_home, "x" * 5000)
        r = self.run_cli("--home", home, "log", "-s", "3", "-m", "still here")
        self.assertEqual(r.status, 74, r)
        self.given_back(r, "still here")

    def test_a_broken_config_gives_the_entry_back_and_keeps_it_in_rescue(self):
        os.makedirs(self.home)
        with open(os.path.join(self.home, "config.toml"), "w") as f:
            f.write("items = [\n")
        r = self.run_cli("log", "-s", "2", "-m", "-", input="a hard day")
        self.assertEqual(r.status, 78, r)
        self.given_back(r, "a hard day")
        [kept] = os.listdir(os.path.join(self.home, "rescue"))
        with open(os.path.join(self.home, "rescue", kept)) as f:
            self.assertIn('note = "a hard day"', f.read())
        self.assertFalse(os.path.exists(self.journal) and os.listdir(self.journal) != [])


class StdinThatCannotBeRead(HomeTest):
    def test_a_closed_stdin_saves_nothing_and_exits_66(self):
        proc = subprocess.run(["sh", "-c", 'exec "$0" "$@" <&-', BIN, "log", "-s", "3", "-m", "-"],
                              capture_output=True, env=self.env(), timeout=30)
        self.assertEqual(proc.returncode, 66, proc.stderr)
        self.assertIn(b"no note could be read", proc.stderr)
        self.assertEqual(self.all_entries(), [])

    def test_a_directory_on_stdin_saves_nothing_and_exits_66(self):
        fd = os.open(self.user_home, os.O_RDONLY | os.O_DIRECTORY)
        try:
            proc = subprocess.run([BIN, "log", "-s", "3", "-m", "-"], stdin=fd,
                                  capture_output=True, env=self.env(), timeout=30)
        finally:
            os.close(fd)
        self.assertEqual(proc.returncode, 66, proc.stderr)
        self.assertEqual(self.all_entries(), [])

    def test_an_empty_stdin_is_an_empty_note(self):
        r = self.run_cli("log", "-s", "3", "-m", "-", input="")
        self.assertEqual(r.status, 0, r)
        [entry] = self.all_entries()
        self.assertEqual(entry.get("note", ""), "")


class DatesTomlCanHold(HomeTest):
    def test_year_zero_is_refused_as_usage_and_nothing_is_written(self):
        r = self.run_cli("log", "--date", "0000-01-01", "-s", "3")
        self.assertEqual(r.status, 64, r)
        self.assertIn("--date 0000-01-01", r.err)
        self.assertEqual(self.all_entries(), [])

    def test_a_month_with_a_byte_order_mark_is_read_and_loses_the_mark_once(self):
        self.assertEqual(self.run_cli("log", "--date", "yesterday", "-s", "2").status, 0)
        with open(self.month_path(), "rb") as f:
            body = f.read()
        with open(self.month_path(), "wb") as f:
            f.write(b"\xef\xbb\xbf" + body)
        review = self.run_cli("review", "--format", "json")
        self.assertEqual(review.status, 0, review)
        r = self.run_cli("log", "-s", "4")
        self.assertEqual(r.status, 0, r)
        self.assertIn("byte-order mark", r.err)
        self.assertFalse(self.month_bytes().startswith(b"\xef\xbb\xbf"))
        self.assertEqual([e["showed_up"] for e in self.entries()], [2, 4])  # tomllib reads it
        again = self.run_cli("log", "-s", "5")
        self.assertNotIn("byte-order mark", again.err)


class RescueTemps(HomeTest):
    STALE = ".2026-11-20-k3x9abcdef.toml.tmp.4121.0"  # a rescue write killed hours ago
    FRESH = ".2026-11-27-k3x9abcdef.toml.tmp.4122.0"  # one going on right now
    KEPT = ("2026-11-20-k3x9abcdef.toml", "edit-k3x9abcdef.toml", "notes.tmp.12.3")

    def rescue(self, name, age):
        path = os.path.join(self.home, "rescue", name)
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(path, "w") as f:
            f.write("[[entry]]\n")
        os.chmod(path, 0o600)
        when = time.time() - age
        os.utime(path, (when, when))

    def left(self):
        return sorted(os.listdir(os.path.join(self.home, "rescue")))

    def setUp(self):
        super().setUp()
        self.assertEqual(self.run_cli("log", "-s", "3", "--date", "yesterday").status, 0)
        self.rescue(self.STALE, 3 * 3600)
        self.rescue(self.FRESH, 5)
        for name in self.KEPT:
            self.rescue(name, 3 * 3600)

    def test_the_next_writer_removes_stale_temps_and_nothing_else(self):
        self.assertEqual(self.run_cli("log", "-s", "4").status, 0)
        self.assertEqual(self.left(), sorted([self.FRESH, *self.KEPT]))

    def test_doctor_lists_a_stale_temp_and_fix_removes_it(self):
        r = self.run_cli("doctor")
        self.assertEqual(r.status, 1, r)
        self.assertIn(self.STALE + ": a temporary file left by a rescue copy that was stopped",
                      r.out)
        self.assertNotIn(self.FRESH, r.out)
        f = self.run_cli("doctor", "--fix")
        self.assertEqual(f.status, 0, f)
        self.assertEqual(self.left(), sorted([self.FRESH, *self.KEPT]))


if __name__ == "__main__":
    unittest.main()
