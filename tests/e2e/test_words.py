"""End-to-end tests of show, find, edit, forget and undo: your words, back."""

import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
import unittest

from harness import HomeTest

HEADER = ("# compassion journal, 2026-11. One [[entry]] per record, oldest first;\n"
          "# see `man 5 compassion`. New records are added at the end.\n")


def block(id, kind, day, at, **fields):
    """A record as the tool writes it: every line but the id's tagged."""
    lines = [f"[[entry]] # {id}", f'id = "{id}"', f'kind = "{kind}" # {id}',
             f"day = {day} # {id}", f"at = {day}T{at}+01:00 # {id}"]
    for key, value in fields.items():
        lines.append(f'{key} = "{value}" # {id}')
    return "\n".join(lines) + "\n"


class WordsTest(HomeTest):
    def write_month(self, text, ym="2026-11"):
        os.makedirs(self.journal, mode=0o700, exist_ok=True)
        with open(self.month_path(ym), "w", newline="") as f:
            f.write(text)

    def sample(self):
        """A reframe with a step, two moments, and a check-in, on 26 November."""
        self.reframe = block("rfrm000001", "reframe", "2026-11-26", "20:00:00",
                             what="I snapped at a colleague", repair="apologise tomorrow")
        self.step = block("step000001", "repair_step", "2026-11-26", "20:05:00",
                          ref="rfrm000001", text="wrote the apology")
        self.moment1 = block("mmmm000001", "moment", "2026-11-26", "09:00:00",
                             text="took a real lunch break")
        self.moment2 = block("mmmm000002", "moment", "2026-11-26", "18:00:00",
                             text="Said no to an extra shift")
        self.checkin = block("chck000001", "checkin", "2026-11-26", "22:00:00",
                             note="a LUNCH to remember")
        parts = [self.moment1, self.reframe, self.step, self.moment2, self.checkin]
        self.text = HEADER + "\n" + "\n".join(parts)
        self.write_month(self.text)


class ReadOnly(WordsTest):
    def test_show_and_find_create_nothing_in_an_empty_home(self):
        r = self.run_cli("show")
        self.assertEqual(r.status, 0, r)
        self.assertIn("Nothing is kept here yet", r.err)
        self.assertEqual(self.run_cli("show", "--format", "json").out, "[]\n")
        self.assertEqual(self.run_cli("find", "lunch").status, 1)
        self.assertEqual(self.run_cli("show", "2026-11-20.nonsense").status, 64)
        self.assertFalse(os.path.exists(self.home))


class Show(WordsTest):
    def test_a_day_lists_every_kind_with_handles_and_steps_under_their_reframe(self):
        self.sample()
        r = self.run_cli("show", "2026-11-26")
        self.assertEqual(r.status, 0, r)
        out = r.out
        for handle in ("2026-11-26.moment.1", "2026-11-26.moment.2", "2026-11-26.reframe",
                       "2026-11-26.repair_step", "2026-11-26.checkin"):
            self.assertIn(handle, out)
        self.assertIn("I snapped at a colleague", out)
        # The step is shown under its reframe, indented further.
        reframe_line = next(l for l in out.splitlines() if "2026-11-26.reframe" in l)
        step_line = next(l for l in out.splitlines() if "2026-11-26.repair_step" in l)
        indent = lambda l: len(l) - len(l.lstrip())
        self.assertGreater(indent(step_line), indent(reframe_line))
        self.assertLess(out.index("2026-11-26.reframe"), out.index("2026-11-26.repair_step"))
        self.assertEqual(self.month_bytes().decode(), self.text)

    def test_one_record_whole_by_handle_or_id_prefix(self):
        self.sample()
        r = self.run_cli("show", "2026-11-26.moment.2")
        self.assertEqual(r.status, 0, r)
        self.assertIn("Said no to an extra shift", r.out)
        self.assertNotIn("lunch", r.out)
        by_id = self.run_cli("show", "rfrm")
        self.assertIn("I snapped", by_id.out)
        self.assertIn("wrote the apology", by_id.out)

    def test_machine_formats_read_back(self):
        self.sample()
        import json
        rows = json.loads(self.run_cli("show", "--week", "--format", "json").out)
        self.assertEqual([r["handle"] for r in rows if r["kind"] == "moment"],
                         ["2026-11-26.moment.1", "2026-11-26.moment.2"])
        toml = self.run_cli("show", "2026-11-26", "--format", "toml").out
        self.assertEqual(len(tomllib.loads(toml)["entry"]), 5)
        handles = self.run_cli("show", "--week", "--format", "handles", "--kind", "moment").out
        self.assertEqual(handles.split(), ["2026-11-26.moment.1", "2026-11-26.moment.2"])

    def test_bad_handles_get_one_line_and_64(self):
        self.sample()
        for word, hint in (("2026-11-26.moment", "moment.1, 2026-11-26.moment.2"),
                           ("2026-11-26.momnet", "did you mean 2026-11-26.moment"),
                           ("2026-11-25.moment", "nothing is kept for 2026-11-25"),
                           ("mmmm", "mmmm000001 (2026-11-26 moment)"),
                           ("zzzzzz", "no record has that id"),
                           ("ab", "at least 4 characters")):
            r = self.run_cli("show", word)
            self.assertEqual(r.status, 64, (word, r))
            self.assertIn(hint, r.err)
            self.assertEqual(len(r.err.splitlines()), 1, r.err)
        self.assertEqual(self.run_cli("show", "--kind", "moments").status, 0)
        r = self.run_cli("show", "--kind", "momnt")
        self.assertEqual(r.status, 64)
        self.assertIn("did you mean 'moment'", r.err)


class Find(WordsTest):
    def test_piped_lines_are_grep_style_and_case_does_not_matter(self):
        self.sample()
        r = self.run_cli("find", "lunch")
        self.assertEqual(r.status, 0, r)
        self.assertEqual(r.out.splitlines(), [
            "2026-11-26:2026-11-26.moment.1:took a real lunch break",
            "2026-11-26:2026-11-26.checkin:a LUNCH to remember",
        ])
        exact = self.run_cli("find", "--case-sensitive", "LUNCH")
        self.assertEqual(exact.out.splitlines(), ["2026-11-26:2026-11-26.checkin:a LUNCH to remember"])
        kind = self.run_cli("find", "lunch", "--kind", "moment")
        self.assertEqual(len(kind.out.splitlines()), 1)

    def test_no_match_is_exit_1_like_grep(self):
        self.sample()
        r = self.run_cli("find", "holiday")
        self.assertEqual((r.status, r.out), (1, ""))
        self.assertEqual(self.run_cli("find", "lunch", "--from", "2026-11-27").status, 1)

    def test_a_terminal_sees_the_match_marked(self):
        self.sample()
        r = self.run_pty("find", "apology")
        self.assertEqual(r.status, 0, r)
        self.assertIn("2026-11-26.repair_step", r.out)
        self.assertIn("\x1b[1m", r.raw)


class Edit(WordsTest):
    def editor(self, body):
        script = os.path.join(self.user_home, "editor.py")
        with open(script, "w") as f:
            f.write("import sys\npath = sys.argv[1]\ntext = open(path).read()\n" +
                    textwrap.dedent(body) + "open(path, 'w').write(text)\n")
        return f"{sys.executable} {script}"

    def test_m_writes_a_new_version_that_every_reader_uses(self):
        self.sample()
        r = self.run_cli("edit", "2026-11-26.moment.2", "-m", "said no to a double shift")
        self.assertEqual(r.status, 0, r)
        new = [e for e in self.entries() if e.get("replaces") == "mmmm000002"]
        self.assertEqual(len(new), 1)
        self.assertEqual((new[0]["kind"], str(new[0]["day"])), ("moment", "2026-11-26"))
        self.assertTrue(self.month_bytes().decode().startswith(self.text))
        shown = self.run_cli("show", "2026-11-26").out
        self.assertIn("said no to a double shift", shown)
        self.assertNotIn("Said no to an extra shift", shown)
        self.assertEqual(self.run_cli("find", "extra shift").status, 1)

    def test_the_editor_changes_a_field_and_a_failed_editor_keeps_the_buffer(self):
        self.sample()
        ed = self.editor("text = text.replace('apologise tomorrow', 'apologise on Monday')\n")
        r = self.run_cli("edit", "2026-11-26.reframe", env=self.env(EDITOR=ed))
        self.assertEqual(r.status, 0, r)
        self.assertIn("apologise on Monday", self.run_cli("show", "2026-11-26.reframe").out)
        before = self.month_bytes()
        r = self.run_cli("edit", "2026-11-26.checkin", env=self.env(EDITOR="false"))
        self.assertEqual(r.status, 74, r)
        self.assertIn("rescue", r.err)
        self.assertEqual(len(os.listdir(os.path.join(self.home, "rescue"))), 1)
        self.assertEqual(self.month_bytes(), before)

    def test_bad_input_changes_nothing(self):
        self.sample()
        before = self.month_bytes()
        r = self.run_cli("edit", "2026-11-26.moment.1")  # no terminal, no editor, no -m
        self.assertEqual(r.status, 64, r)
        self.assertIn("-m TEXT", r.err)
        self.assertEqual(self.run_cli("edit", "2026-11-26.moment.1", "-m", " ").status, 64)
        self.assertEqual(self.run_cli("edit", "2026-11-26", "-m", "x").status, 64)
        ed = self.editor("text = text.replace('text =', 'colour =')\n")
        r = self.run_cli("edit", "2026-11-26.moment.1", env=self.env(EDITOR=ed))
        self.assertEqual(r.status, 65, r)
        self.assertEqual(self.month_bytes(), before)


class Forget(WordsTest):
    def test_forget_removes_exactly_the_chain_lines_and_leaves_tombstones(self):
        self.sample()
        r = self.run_cli("forget", "2026-11-26.reframe", "--yes")
        self.assertEqual(r.status, 0, r)
        text = self.month_bytes().decode()
        kept = HEADER + "\n" + "\n".join([self.moment1, self.moment2, self.checkin])
        self.assertTrue(text.startswith(kept), text)
        self.assertNotIn("snapped", text)
        self.assertNotIn("apology", text)
        tombs = sorted(e["ref"] for e in self.entries() if e["kind"] == "forget")
        self.assertEqual(tombs, ["rfrm000001", "step000001"])
        self.assertNotIn("reframe", self.run_cli("show", "2026-11-26").out)
        self.assertEqual(self.run_cli("find", "apology").status, 1)

    def test_no_terminal_without_yes_changes_nothing(self):
        self.sample()
        r = self.run_cli("forget", "2026-11-26.moment.1")
        self.assertEqual(r.status, 64, r)
        self.assertIn("--yes", r.err)
        self.assertEqual(self.month_bytes().decode(), self.text)
        self.assertEqual(self.run_cli("forget", "2026-11-26.nothing", "--yes").status, 64)
        self.assertEqual(self.month_bytes().decode(), self.text)

    def test_a_terminal_asks_first(self):
        self.sample()
        r = self.run_pty("forget", "2026-11-26.moment.1", answers=["n"])
        self.assertEqual(r.status, 0, r)
        self.assertIn("2026-11-26.moment.1", r.out)
        # Told apart by when it was written, never by replaying its words.
        self.assertRegex(r.out, r"2026-11-26\.moment\.1  [a-z ]+, written \d\d:\d\d")
        self.assertNotIn("lunch break", r.out)
        self.assertIn("Nothing was forgotten", r.out)
        self.assertEqual(self.month_bytes().decode(), self.text)
        r = self.run_pty("forget", "2026-11-26.moment.1", answers=["y"])
        self.assertEqual(r.status, 0, r)
        self.assertNotIn("lunch break", self.month_bytes().decode())

    def test_hand_edited_and_crlf_files_keep_every_other_byte(self):
        hand = ("# my own journal\n\n"
                "[[entry]]\n  id = 'keep000001'  # by hand\n  kind = \"moment\"\n"
                "  day = 2026-11-20\n  text = \"\"\"\nstill here\n[[entry]]\"\"\"\n\n"
                "# about the next one\n"
                "[[entry]]\nid = \"gone000001\"\nkind = \"moment\"\nday = 2026-11-21\n"
                "text = \"forget me\"\n\n"
                "[[entry]]\nid = \"keep000002\"\nkind = \"moment\"\nday = 2026-11-22\n"
                "text = \"also here\"\n")
        for text in (hand, hand.replace("\n", "\r\n")):
            with self.subTest(crlf="\r\n" in text):
                self.write_month(text)
                r = self.run_cli("forget", "gone000001", "--yes")
                self.assertEqual(r.status, 0, r)
                after = self.month_bytes().decode()
                nl = "\r\n" if "\r\n" in text else "\n"
                gone = nl.join(["", "[[entry]]", 'id = "gone000001"', 'kind = "moment"',
                                "day = 2026-11-21", 'text = "forget me"'])
                expected = text.replace(gone, "", 1)
                self.assertTrue(after.startswith(expected), after)
                self.assertNotIn("forget me", after)


@unittest.skipUnless(shutil.which("git"), "git is not installed")
class ForgetAcrossMachines(WordsTest):
    def git(self, cwd, *args):
        env = dict(self.env(), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid",
                   GIT_CONFIG_NOSYSTEM="1")
        return subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=cwd, env=env,
                              capture_output=True, text=True, check=True)

    def test_a_union_merge_that_brings_the_lines_back_never_shows_them(self):
        laptop, desktop = self.home, os.path.join(self.user_home, "desktop")
        self.run_cli("log", "--date", "-1", "-s", "3", "-m", "a client's name by mistake")
        self.git(laptop, "init", "-q")
        self.git(laptop, "add", "-A")
        self.git(laptop, "commit", "-qm", "start")
        self.git(self.user_home, "clone", "-q", laptop, desktop)
        on_desktop = self.env(COMPASSION_HOME=desktop)

        r = self.run_cli("forget", "2026-11-26.checkin", "--yes")
        self.assertEqual(r.status, 0, r)
        self.git(laptop, "commit", "-qam", "forget")
        self.run_cli("reflect", "recall", "-m", "kind to myself", env=on_desktop)
        self.git(desktop, "commit", "-qam", "desktop")
        self.git(desktop, "pull", "-q", "--no-rebase", "--no-edit", laptop, "main")
        month = os.path.join(desktop, "journal", "2026-11.toml")
        with open(month) as f:
            self.assertIn("client's name", f.read())  # the union brought the lines back

        for args in (("show", "--week"), ("review", "--format", "tsv")):
            self.assertNotIn("client", self.run_cli(*args, env=on_desktop).out)
        self.assertEqual(self.run_cli("find", "client", env=on_desktop).status, 1)
        # The next write on the desktop removes them.
        self.run_cli("reflect", "recall", "-m", "another kind moment", env=on_desktop)
        with open(month) as f:
            after = f.read()
        self.assertNotIn("client's name", after)
        tomllib.loads(after)


class Undo(WordsTest):
    def test_undo_takes_back_the_last_record_written_today(self):
        self.run_cli("reflect", "recall", "-m", "first moment")
        self.run_cli("reflect", "recall", "-m", "a typo moment")
        r = self.run_cli("undo")
        self.assertEqual(r.status, 64, r)
        self.assertIn("--yes", r.err)
        r = self.run_cli("undo", "--yes")
        self.assertEqual(r.status, 0, r)
        self.assertIn("a typo moment", r.err)
        texts = [e.get("text") for e in self.entries() if e["kind"] == "moment"]
        self.assertEqual(texts, ["first moment"])
        again = self.run_cli("undo", "--yes")
        self.assertEqual(again.status, 1, again)
        # Said as it is: undo takes back once; today did have records.
        self.assertIn("only the last record written here, once", again.err)
        self.assertNotIn("Nothing was written here today", again.err)
        self.assertEqual([e.get("text") for e in self.entries() if e["kind"] == "moment"],
                         ["first moment"])

    def test_undo_of_an_edit_brings_the_earlier_version_back(self):
        self.run_cli("reflect", "recall", "-m", "the words I meant")
        self.run_cli("edit", "2026-11-27.moment", "-m", "a slip")
        self.assertEqual(self.run_cli("undo", "--yes").status, 0)
        self.assertIn("the words I meant", self.run_cli("show").out)

    def test_nothing_from_yesterday_is_undone(self):
        self.run_cli("reflect", "recall", "-m", "yesterday's moment")
        r = self.run_cli("undo", "--yes", env=self.env(COMPASSION_NOW="2026-11-28T21:00:00"))
        self.assertEqual(r.status, 1, r)
        self.assertEqual(len(self.entries()), 1)

    def test_a_terminal_is_shown_the_record_and_asked(self):
        self.run_cli("reflect", "recall", "-m", "typed too fast")
        r = self.run_pty("undo", answers=["y"])
        self.assertEqual(r.status, 0, r)
        self.assertIn("typed too fast", r.out)
        self.assertEqual([e for e in self.entries() if e["kind"] == "moment"], [])


if __name__ == "__main__":
    unittest.main()
