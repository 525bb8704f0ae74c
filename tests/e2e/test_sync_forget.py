"""Taking a record back on one machine takes its words away on the other after
`compassion sync`, and out of a sync tool's conflict copy of the month."""

import os
import unittest

from harness import HomeTest
from test_sync import REAL_GIT, SyncTest

WORDS = "named a client by mistake"


def files_holding(root, words):
    """Every file under `root` whose bytes hold `words`."""
    out = []
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                if words.encode() in f.read():
                    out.append(path)
    return out


@unittest.skipUnless(REAL_GIT, "git is not installed")
class ForgetTravels(SyncTest):
    def assert_gone(self, home):
        self.assertEqual(files_holding(os.path.join(home, "journal"), WORDS), [])
        for args in (("show",), ("show", "--week"), ("show", "--week", "--format", "json"),
                     ("review",), ("review", "--format", "json")):
            r = self.on(home, *args)
            self.assertEqual(r.status, 0, r)
            self.assertNotIn(WORDS, r.out + r.err)
        self.assertEqual(self.on(home, "find", "client").status, 1)

    def test_a_record_forgotten_on_one_machine_leaves_the_other_after_sync(self):
        self.join_both()
        self.assertEqual(self.on(self.laptop, "reflect", "recall", "-m", WORDS).status, 0)
        self.assertEqual(self.on(self.laptop, "reflect", "recall", "-m", "kept words").status, 0)
        for home in (self.laptop, self.desktop):
            self.assertEqual(self.on(home, "sync").status, 0)
        self.assertNotEqual(files_holding(os.path.join(self.desktop, "journal"), WORDS), [])
        self.assertIn(WORDS, self.on(self.desktop, "show").out)

        r = self.on(self.laptop, "forget", "2026-11-27.moment.1", "--yes")
        self.assertEqual(r.status, 0, r)
        # The desktop writes to the same month meanwhile: its sync is a real merge.
        self.assertEqual(self.on(self.desktop, "reflect", "recall", "-m", "desktop words").status, 0)
        for home in (self.laptop, self.desktop, self.laptop):
            r = self.on(home, "sync")
            self.assertEqual(r.status, 0, r)
            self.assertNotIn(WORDS, r.out + r.err)

        for home in (self.laptop, self.desktop):
            self.assert_gone(home)
            texts = sorted(e.get("text", "") for e in self.records(home) if e["kind"] == "moment")
            self.assertEqual(texts, ["desktop words", "kept words"])
            self.assertEqual(self.on(home, "doctor").status, 0)
        self.assertEqual(self.ids(self.laptop), self.ids(self.desktop))
        # The journal as last committed holds none of it either (older commits
        # still do: compassion-forget(1) says how to rewrite them).
        for home in (self.laptop, self.desktop):
            tip = self.plain_git("-C", home, "show", "HEAD:journal/2026-11.toml").stdout
            self.assertNotIn(WORDS, tip)

    def test_a_tombstone_that_arrives_by_sync_clears_a_conflict_copy_there_too(self):
        self.join_both()
        self.assertEqual(self.on(self.laptop, "reflect", "recall", "-m", WORDS).status, 0)
        self.assertEqual(self.on(self.laptop, "log", "-s", "3", "-m", "kept note").status, 0)
        for home in (self.laptop, self.desktop):
            self.assertEqual(self.on(home, "sync").status, 0)
        # A sync tool left a copy of the month on the desktop, words and all.
        journal = os.path.join(self.desktop, "journal")
        copy = os.path.join(journal, "2026-11.sync-conflict-20261127-213000-ABCDEFG.toml")
        with open(os.path.join(journal, "2026-11.toml"), "rb") as f:
            with open(copy, "wb") as out:
                out.write(f.read())
        os.chmod(copy, 0o600)

        self.assertEqual(self.on(self.laptop, "forget", "2026-11-27.moment", "--yes").status, 0)
        self.assertEqual(self.on(self.laptop, "sync").status, 0)
        r = self.on(self.desktop, "sync")
        self.assertEqual(r.status, 0, r)
        self.assert_gone(self.desktop)
        with open(copy, "rb") as f:
            self.assertIn(b"kept note", f.read())  # the copy's other records stay



class ForgetReachesConflictCopies(HomeTest):
    COPIES = ("2026-11.sync-conflict-20261127-213000-ABCDEFG.toml",
              "2026-11 (Sam's conflicted copy 2026-11-27).toml",
              "2026-11 (conflicted copy 2026-11-27 213000).toml")

    def test_forget_removes_the_record_from_a_sync_tools_copy_of_its_month(self):
        self.assertEqual(self.run_cli("log", "-s", "3", "-m", "kept note").status, 0)
        self.assertEqual(self.run_cli("reflect", "recall", "-m", WORDS).status, 0)
        with open(self.month_path(), "rb") as f:
            text = f.read()
        # Copies as the tools leave them, one with CR LF line endings and one
        # with a record of its own.
        extra = (b'\n[[entry]]\nid = "copyonly1"\nkind = "moment"\nday = 2026-11-26\n'
                 b'at = 2026-11-26T21:00:00+01:00\ntext = "only in the copy"\n')
        contents = (text, text.replace(b"\n", b"\r\n"), text + extra)
        for name, content in zip(self.COPIES, contents):
            with open(os.path.join(self.journal, name), "wb") as f:
                f.write(content)

        r = self.run_cli("forget", "2026-11-27.moment", "--yes")
        self.assertEqual(r.status, 0, r)
        self.assertEqual(files_holding(self.journal, WORDS), [])
        for name, content in zip(self.COPIES, contents):
            with open(os.path.join(self.journal, name), "rb") as f:
                after = f.read()
            # Only the record's lines left the copy: the rest is byte for byte.
            self.assertIn(b"kept note", after)
            self.assertEqual(content.count(b"\r\n") > 0, after.count(b"\r\n") > 0)
            self.assertEqual(after.count(b"[[entry]]"), content.count(b"[[entry]]") - 1)
            self.assertEqual(os.stat(os.path.join(self.journal, name)).st_mode & 0o777, 0o600)
        show = self.run_cli("show", "--week")
        self.assertIn("only in the copy", show.out)
        self.assertNotIn(WORDS, show.out)

    def test_forget_leaves_a_copy_that_holds_other_records_as_it_was(self):
        self.assertEqual(self.run_cli("reflect", "recall", "-m", WORDS).status, 0)
        self.assertEqual(self.run_cli("log", "-s", "3", "-m", "kept note").status, 0)
        copy = os.path.join(self.journal, self.COPIES[0])
        with open(self.month_path(), "rb") as f:
            text = f.read()
        kept = text[:text.index(b"[[entry]]")] + text[text.rindex(b"[[entry]]"):]
        with open(copy, "wb") as f:
            f.write(kept)
        r = self.run_cli("forget", "2026-11-27.moment", "--yes")
        self.assertEqual(r.status, 0, r)
        with open(copy, "rb") as f:
            self.assertEqual(f.read(), kept)
        self.assertEqual(files_holding(self.journal, WORDS), [])


if __name__ == "__main__":
    unittest.main()
