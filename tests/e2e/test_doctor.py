"""`compassion doctor`: it finds what is worth a look, and `--fix` mends what
is safe to mend without ever losing a record."""

import os
import shutil
import subprocess
import unittest

from harness import HomeTest

REAL_GIT = shutil.which("git")


class Doctor(HomeTest):
    def test_a_home_compassion_wrote_is_healthy(self):
        self.run_cli("log", "-s", "3", "-m", "fine")
        r = self.run_cli("doctor")
        self.assertEqual(r.status, 0, r)
        self.assertIn("All is well", r.out)

    def test_findings_name_their_file_and_fix_mends_what_is_safe(self):
        self.run_cli("log", "-s", "3", "-m", "kept")
        self.run_cli("log", "--date", "-1", "-s", "4", "-m", "copied")
        with open(self.month_path(), "rb") as f:
            text = f.read()
        copy = os.path.join(self.journal, "2026-11.sync-conflict-20261127-213000-ABC.toml")
        with open(copy, "wb") as f:
            f.write(text)
        os.chmod(self.month_path(), 0o644)
        os.unlink(os.path.join(self.journal, ".gitattributes"))
        open(os.path.join(self.journal, ".2026-11.toml.tmp.1.x"), "w").close()
        r = self.run_cli("doctor")
        self.assertEqual(r.status, 1, r)
        self.assertIn(copy + ": a copy Syncthing left", r.out)
        self.assertIn("2026-11.toml: others may read it", r.out)
        self.assertIn(".gitattributes: is missing", r.out)
        self.assertIn("temporary file", r.out)
        self.assertNotIn("kept", r.out + r.err)
        f = self.run_cli("doctor", "--fix")
        self.assertIn("fixed: " + self.month_path() + ": made private", f.out)
        self.assertNotIn("kept", f.out + f.err)
        self.assertEqual(os.stat(self.month_path()).st_mode & 0o777, 0o600)
        self.assertTrue(os.path.exists(os.path.join(self.journal, ".gitattributes")))
        self.assertFalse(os.path.exists(os.path.join(self.journal, ".2026-11.toml.tmp.1.x")))
        self.assertIn("fixed: " + copy + ": its records are in its month now", f.out)
        self.assertFalse(os.path.exists(copy))
        self.assertEqual(sorted(e["note"] for e in self.entries()), ["copied", "kept"])
        self.assertEqual(f.status, 0, f)
        self.assertEqual(self.run_cli("doctor").status, 0)

    def test_a_copy_with_a_record_the_month_lacks_is_folded_in(self):
        self.run_cli("log", "-s", "3", "-m", "in both")
        with open(self.month_path(), "rb") as f:
            text = f.read()
        self.run_cli("log", "--date", "-1", "-s", "4", "-m", "only in the month")
        copy = os.path.join(self.journal, "2026-11 (conflicted copy).toml")
        with open(copy, "wb") as f:
            f.write(text + b'\n[[entry]]\nid = "copyonly1"\nkind = "moment"\nday = 2026-11-20\n'
                    b'at = 2026-11-20T21:00:00+01:00\ntext = "only in the copy"\n')
        r = self.run_cli("doctor", "--fix")
        self.assertEqual(r.status, 0, r)
        self.assertFalse(os.path.exists(copy))
        ids = [e["id"] for e in self.entries()]
        self.assertEqual(len(ids), 3)
        self.assertEqual(len(set(ids)), 3)
        self.assertIn("copyonly1", ids)

    def test_a_month_that_does_not_parse_is_named_with_its_line(self):
        os.makedirs(self.journal, mode=0o700)
        with open(self.month_path(), "w") as f:
            f.write("[[entry]]\nid = \"a\"\nkind = \n")
        r = self.run_cli("doctor")
        self.assertEqual(r.status, 65, r)
        self.assertIn(self.month_path() + ":3: ", r.out)

    def test_records_of_a_newer_version_are_a_note_not_a_problem(self):
        self.run_cli("log", "-s", "3")
        with open(self.month_path(), "a") as f:
            f.write('\n[[entry]]\nid = "zzz"\nkind = "dream"\nday = 2026-11-27\n'
                    'at = 2026-11-27T21:00:00+01:00\n')
        r = self.run_cli("doctor")
        self.assertEqual(r.status, 0, r)
        self.assertIn("note: " + self.month_path() + ":", r.out)
        self.assertIn("'dream'", r.out)


class DoctorMendsText(HomeTest):
    def merged_without_union(self):
        """The month as `git merge-file` leaves it when two machines each added
        a record: what a merge without the union driver writes."""
        self.assertEqual(self.run_cli("log", "--date", "-3", "-s", "3", "-m", "first").status, 0)
        other = os.path.join(self.user_home, "other")
        shutil.copytree(self.home, other)
        base = self.month_bytes()
        self.assertEqual(self.run_cli("log", "--date", "-1", "-s", "4", "-m", "on the laptop").status, 0)
        r = self.run_cli("--home", other, "reflect", "recall", "-m", "on the desktop")
        self.assertEqual(r.status, 0, r)
        paths = {}
        for name, data in (("base", base), ("ours", self.month_bytes())):
            paths[name] = os.path.join(self.user_home, name + ".toml")
            with open(paths[name], "wb") as f:
                f.write(data)
        paths["theirs"] = os.path.join(other, "journal", "2026-11.toml")
        merged = subprocess.run([REAL_GIT, "merge-file", "-p", "-L", "HEAD", "-L", "base", "-L",
                                 "origin/main", paths["ours"], paths["base"], paths["theirs"]],
                                capture_output=True, env=self.env(GIT_CONFIG_NOSYSTEM="1"))
        self.assertEqual(merged.returncode, 1, merged)  # one conflict
        with open(self.month_path(), "wb") as f:
            f.write(merged.stdout)
        return merged.stdout

    @unittest.skipUnless(REAL_GIT, "git is not installed")
    def test_fix_takes_conflict_markers_out_and_keeps_both_sides(self):
        merged = self.merged_without_union()
        self.assertIn(b"<<<<<<< HEAD", merged)
        r = self.run_cli("doctor")
        self.assertEqual(r.status, 1, r)
        self.assertIn(self.month_path() + ":", r.out)
        self.assertIn("merge-conflict markers (3 lines)", r.out)
        self.assertIn("--fix takes them out", r.out)
        self.assertNotIn("laptop", r.out + r.err)
        f = self.run_cli("doctor", "--fix")
        self.assertEqual(f.status, 0, f)
        self.assertIn("fixed: " + self.month_path() + ": merge-conflict markers taken out; both "
                      "sides' records are kept\n", f.out)
        self.assertNotIn("desktop", f.out + f.err)
        self.assertNotIn(b"=======", self.month_bytes())
        entries = self.entries()
        self.assertEqual(len({e["id"] for e in entries}), len(entries))
        self.assertEqual(sorted(e.get("note", e.get("text")) for e in entries),
                         ["first", "on the desktop", "on the laptop"])
        self.assertIn("on the desktop", self.run_cli("show", "--week").out)
        self.assertEqual(self.run_cli("doctor").status, 0)

    def test_markers_that_cut_a_record_are_left_for_a_person(self):
        self.assertEqual(self.run_cli("log", "-s", "3", "-m", "kept").status, 0)
        text = self.month_bytes() + (
            b'\n[[entry]]\n<<<<<<< HEAD\nid = "bbbb"\nkind = "moment"\nday = 2026-11-27\n'
            b'at = 2026-11-27T21:00:00+01:00\ntext = "ours"\n=======\nid = "cccc"\n'
            b'kind = "moment"\nday = 2026-11-27\nat = 2026-11-27T21:05:00+01:00\n'
            b'text = "theirs"\n>>>>>>> origin/main\n')
        with open(self.month_path(), "wb") as f:
            f.write(text)
        for args in (("doctor",), ("doctor", "--fix")):
            r = self.run_cli(*args)
            self.assertEqual(r.status, 1, r)
            self.assertIn("cut through a record", r.out)
            self.assertIn("leaves the file as it is", r.out)
            self.assertNotIn("fixed: " + self.month_path(), r.out)
            self.assertEqual(self.month_bytes(), text)

    def test_fix_drops_a_byte_order_mark_and_nothing_else(self):
        self.assertEqual(self.run_cli("log", "-s", "3", "-m", "kept").status, 0)
        text = self.month_bytes()
        with open(self.month_path(), "wb") as f:
            f.write(b"\xef\xbb\xbf" + text)
        r = self.run_cli("doctor")
        self.assertEqual(r.status, 1, r)
        self.assertIn(self.month_path() + ":1: starts with a byte-order mark", r.out)
        f = self.run_cli("doctor", "--fix")
        self.assertEqual(f.status, 0, f)
        self.assertIn("fixed: " + self.month_path() + ": the byte-order mark at its start is "
                      "dropped (no other byte changed)\n", f.out)
        self.assertEqual(self.month_bytes(), text)
        self.assertEqual(os.stat(self.month_path()).st_mode & 0o777, 0o600)


if __name__ == "__main__":
    unittest.main()
