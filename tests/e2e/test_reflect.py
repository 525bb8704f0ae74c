"""End-to-end tests of `compassion reflect`: the real binary, a temporary home."""

import datetime
import os
import re
import signal
import shlex
import shutil
import stat
import subprocess
import sys
import textwrap
import tomllib
import unittest

from harness import BIN, HomeTest

MAN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "man")

ODD_TEXT = 'a "quoted" word, a back\\slash,\nnew lines\n\ttabs, é, 日本語 and 🌱'


class EditorTest(HomeTest):
    """A test that can stand in a small script for the user's editor."""

    def editor(self, body):
        """Returns an EDITOR value running `body` (Python) on the buffer path, argv[1].

        The script notes the buffer's path, mode and first content in `seen`.
        """
        script = os.path.join(self.user_home, "editor.py")
        with open(script, "w") as f:
            f.write(textwrap.dedent("""\
                import os, stat, sys
                path = sys.argv[1]
                with open(path, encoding="utf-8") as f:
                    before = f.read()
                with open(os.path.join(os.path.dirname(sys.argv[0]), "seen"), "w") as f:
                    f.write(path + "\\n" + oct(stat.S_IMODE(os.stat(path).st_mode)) + "\\n")
                text = before
            """) + textwrap.dedent(body) + textwrap.dedent("""\
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            """))
        return f"{sys.executable} {script}"

    def rescued(self):
        """The files kept in rescue/, each checked private (0700 dir, 0600 file)."""
        rescue = os.path.join(self.home, "rescue")
        if not os.path.isdir(rescue):
            return []
        self.assertEqual(oct(os.stat(rescue).st_mode & 0o777), "0o700")
        paths = [os.path.join(rescue, n) for n in sorted(os.listdir(rescue))]
        for path in paths:
            self.assertEqual(oct(os.stat(path).st_mode & 0o777), "0o600")
        return paths

    def seen(self):
        with open(os.path.join(self.user_home, "seen")) as f:
            path, mode = f.read().splitlines()[:2]
        return path, mode

    def leftovers(self):
        # .config.lock: the lock under which the first run writes config.toml.
        return sorted(n for n in os.listdir(self.home)
                      if n not in ("config.toml", ".config.lock", "journal", "state"))


class Qualities(HomeTest):
    def test_flags_save_one_record_that_an_independent_parser_reads(self):
        r = self.run_cli("reflect", "qualities", "--resilience", "3", "--positive-emotion", "4",
                         "--generosity", "2", "--attention", "3", "--focus", "generosity")
        self.assertEqual(r.status, 0, r)
        [e] = self.entries()
        self.assertEqual(e["kind"], "qualities")
        self.assertEqual([e["resilience"], e["positive_emotion"], e["generosity"],
                          e["attention"]], [3, 4, 2, 3])
        self.assertEqual(e["focus"], "generosity")
        self.assertEqual(str(e["day"]), "2026-11-27")

    def test_the_second_rating_shows_the_change_in_one_line_per_quality(self):
        self.run_cli("reflect", "qualities", "--resilience", "3", "--positive-emotion", "4",
                     "--generosity", "2", "--attention", "3",
                     env=self.env(COMPASSION_NOW="2026-11-20T20:00:00"))
        r = self.run_cli("reflect", "qualities", "--resilience", "4", "--positive-emotion", "4",
                         "--generosity", "1", "--attention", "3", "--focus", "Positive-Emotion")
        self.assertEqual(r.status, 0, r)
        self.assertIn("Since last time (Friday 20 November):\n"
                      "  resilience        3 → 4  up 1\n"
                      "  positive emotion  4      the same\n"
                      "  generosity        2 → 1  down 1\n"
                      "  attention         3      the same\n", r.out)
        self.assertEqual(self.entries()[-1]["focus"], "positive_emotion")

    def test_without_a_terminal_the_missing_ratings_are_named_and_nothing_hangs(self):
        r = self.run_cli("reflect", "qualities", "--resilience", "3", timeout=10)
        self.assertEqual(r.status, 64)
        self.assertEqual(r.err, "compassion: reflect qualities: there is no terminal to ask on; "
                                "pass --positive-emotion N --generosity N --attention N "
                                "(each 1-5)\n")
        self.assertFalse(os.path.exists(self.month_path()))

    def test_out_of_range_ratings_and_unknown_qualities_exit_64_writing_nothing(self):
        base = ["reflect", "qualities", "--resilience", "3", "--positive-emotion", "4",
                "--generosity", "2"]
        r = self.run_cli(*base, "--attention", "0")
        self.assertEqual((r.status, r.err),
                         (64, "compassion: --attention 0: use a number from 1 to 5\n"))
        r = self.run_cli(*base, "--attention", "3", "--focus", "atention")
        self.assertEqual(r.status, 64)
        self.assertIn("did you mean 'attention'?", r.err)
        r = self.run_cli(*base, "--attention", "three")
        self.assertEqual(r.status, 64)
        self.assertFalse(os.path.exists(self.month_path()))

    def test_the_interactive_flow_on_a_real_terminal(self):
        self.run_cli("reflect", "qualities", "--resilience", "3", "--positive-emotion", "4",
                     "--generosity", "2", "--attention", "3")
        r = self.run_pty("reflect", "qualities", answers=["", "5", "9", "3", "", "attention"])
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("The four qualities of well-being, from Richard Davidson's research:", r.out)
        self.assertIn("How is each with you lately?", r.out)
        self.assertIn("resilience (bouncing back from hard moments)? [1-5, Enter keeps 3]",
                      r.out)
        self.assertIn("A number from 1 (hardly there) to 5 (strong)", r.out)
        self.assertIn("Which would you like to practise for a while? Any of them is a good choice.",
                      r.out)
        self.assertNotIn("lowest", r.out)
        self.assertIn("Since last time (Friday 27 November):", r.out)
        self.assertIn("positive emotion  4 → 5  up 1", r.out)
        self.assertIn("Your focus: attention.", r.out)
        last = self.entries()[-1]
        self.assertEqual([last["resilience"], last["positive_emotion"], last["generosity"],
                          last["attention"], last["focus"]], [3, 5, 3, 3, "attention"])

    def test_ctrl_d_in_the_middle_saves_nothing(self):
        r = self.run_pty("reflect", "qualities", answers=["4", None])
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("Stopped; nothing was saved.", r.out)
        self.assertFalse(os.path.exists(self.month_path()))


HAND_WRITTEN_CONFIG = """\
# My settings. I wrote these by hand; please keep my notes.

color = "never"   # plain is calmer
items = [ "sleep",   # first, always
          "run" ]    # what keeps me going
day_starts_at = 5 # night shifts

[practice]
# slower than the default
seconds_per_phrase = 12
"""


class Showup(HomeTest):
    def write_config(self, text):
        os.makedirs(self.home, mode=0o700, exist_ok=True)
        path = os.path.join(self.home, "config.toml")
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o600)
        return path

    def test_only_the_items_line_changes_in_a_hand_written_config(self):
        path = self.write_config(HAND_WRITTEN_CONFIG)
        r = self.run_cli("reflect", "showup", "sleep", "time outside", "friends")
        self.assertEqual(r.status, 0, r)
        with open(path) as f:
            after = f.read()
        self.assertEqual(after, HAND_WRITTEN_CONFIG.replace(
            'items = [ "sleep",   # first, always\n          "run" ]',
            'items = ["sleep", "time outside", "friends"]'))
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(tomllib.loads(after)["items"], ["sleep", "time outside", "friends"])
        [e] = self.entries()
        self.assertEqual(e["kind"], "showup")
        self.assertEqual(e["items"], ["sleep", "time outside", "friends"])
        self.assertEqual(self.run_cli("log", "--did", "time-outside", "-s", "4").status, 0)

    def test_past_check_ins_keep_the_names_they_were_saved_with(self):
        self.run_cli("log", "--did", "exercise", "-s", "3", "--date", "yesterday")
        self.run_cli("reflect", "showup", "sleep,walk")
        checkin = [e for e in self.entries() if e["kind"] == "checkin"][0]
        self.assertEqual(checkin["did"], ["exercise"])
        r = self.run_cli("log", "--did", "exercise", "-s", "3")
        self.assertEqual(r.status, 64)

    def test_a_list_that_cannot_be_kept_is_refused_and_the_config_left_alone(self):
        path = self.write_config(HAND_WRITTEN_CONFIG)
        for args in (["a", "b", "c", "d", "e", "f", "g", "h"], ["sleep", "Sleep"], [","]):
            r = self.run_cli("reflect", "showup", *args)
            self.assertEqual(r.status, 64, r)
            self.assertEqual(len(r.err.splitlines()), 1)
        r = self.run_cli("reflect", "showup", timeout=10)
        self.assertEqual(r.status, 64)
        self.assertIn("there is no terminal to ask on", r.err)
        with open(path) as f:
            self.assertEqual(f.read(), HAND_WRITTEN_CONFIG)
        self.assertFalse(os.path.exists(self.month_path()))

    def test_a_broken_config_is_reported_and_not_touched(self):
        path = self.write_config("items = [\"sleep\"\n")
        r = self.run_cli("reflect", "showup", "walk")
        self.assertEqual(r.status, 78)
        self.assertTrue(r.err.startswith(f"compassion: {path}:"), r.err)
        with open(path) as f:
            self.assertEqual(f.read(), "items = [\"sleep\"\n")

    def test_the_list_is_asked_for_on_a_terminal(self):
        r = self.run_pty("reflect", "showup", answers=["sleep, walk, friends"])
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("Now: sleep, exercise, meditation, time outside", r.out)
        self.assertIn("Your show-up list is now: sleep, walk, friends.", r.out)
        self.assertEqual(self.entries()[0]["items"], ["sleep", "walk", "friends"])


class Recall(EditorTest):
    def test_a_moment_from_the_command_line_survives_exactly(self):
        r = self.run_cli("reflect", "recall", "-m", ODD_TEXT)
        self.assertEqual(r.status, 0, r)
        [e] = self.entries()
        self.assertEqual((e["kind"], e["text"]), ("moment", ODD_TEXT))

    def test_a_moment_from_stdin(self):
        r = self.run_cli("reflect", "recall", "-m", "-", input="a slow breakfast\nwith tea\n")
        self.assertEqual(r.status, 0, r)
        self.assertEqual(self.entries()[0]["text"], "a slow breakfast\nwith tea")

    def test_without_a_terminal_or_a_message_it_names_the_flag(self):
        r = self.run_cli("reflect", "recall", timeout=10)
        self.assertEqual(r.status, 64)
        self.assertIn("pass -m TEXT", r.err)

    def test_the_editor_writes_in_a_private_buffer_in_the_home_that_is_removed(self):
        editor = self.editor("""\
            text = "stayed with a frightened patient\\n# a note\\n\\nand was gentle with me after, é 🌱\\n" + before
        """)
        r = self.run_cli("reflect", "recall", "--edit", env=self.env(EDITOR=editor))
        self.assertEqual(r.status, 0, r)
        path, mode = self.seen()
        self.assertEqual(os.path.dirname(path), self.home)
        self.assertEqual(mode, "0o600")
        self.assertFalse(os.path.exists(path))
        self.assertEqual(self.leftovers(), [])
        self.assertEqual(self.entries()[0]["text"],
                         "stayed with a frightened patient\n\nand was gentle with me after, é 🌱")

    def test_the_editor_starts_with_the_usual_signal_defaults(self):
        # compassion ignores SIGPIPE for itself; the editor must not inherit
        # that. (A shell script: Python would ignore SIGPIPE on its own.)
        script = os.path.join(self.user_home, "editor.sh")
        with open(script, "w") as f:
            f.write('#!/bin/sh\nsed -n "s/^SigIgn:[[:space:]]*//p" /proc/$$/status > "$1"\n')
        os.chmod(script, 0o700)
        r = self.run_cli("reflect", "recall", "--edit", env=self.env(EDITOR=script))
        self.assertEqual(r.status, 0, r)
        ignored = int(self.entries()[0]["text"].strip(), 16)
        self.assertEqual(ignored & (1 << (signal.SIGPIPE - 1)), 0)

    def test_visual_wins_over_editor(self):
        editor = self.editor('text = "from visual"\n')
        r = self.run_cli("reflect", "recall", "-e",
                         env=self.env(VISUAL=editor, EDITOR="false"))
        self.assertEqual(r.status, 0, r)
        self.assertEqual(self.entries()[0]["text"], "from visual")

    def test_an_unchanged_buffer_saves_nothing_and_a_changed_unsavable_one_is_kept(self):
        r = self.run_cli("reflect", "recall", "--edit", env=self.env(EDITOR="true"))
        self.assertEqual(r.status, 0, r)
        self.assertIn("The moment was left unchanged; nothing was saved.", r.err)
        self.assertEqual(self.leftovers(), [])
        r = self.run_cli("reflect", "recall", "--edit", env=self.env(EDITOR=self.editor(
            'text = "# only comments\\n\\n"\n')))
        self.assertEqual(r.status, 0, r)
        self.assertFalse(os.path.exists(self.month_path()))
        self.assertEqual(self.leftovers(), ["rescue"])
        [kept] = self.rescued()
        self.assertIn("nothing here could be saved as it is", r.err.lower())
        self.assertIn(kept, r.err)
        with open(kept, encoding="utf-8") as f:
            self.assertEqual(f.read(), "# only comments\n\n")

    def test_a_failing_editor_saves_nothing_and_keeps_the_buffer_in_rescue(self):
        r = self.run_cli("reflect", "recall", "--edit", env=self.env(EDITOR="false"))
        self.assertEqual(r.status, 74)
        self.assertIn("nothing was saved", r.err)
        self.assertFalse(os.path.exists(self.month_path()))
        self.assertEqual(self.leftovers(), ["rescue"])
        [kept] = self.rescued()
        self.assertIn(kept, r.err)
        self.assertEqual(r.err.count("\n"), 1)

    def test_the_moment_is_asked_for_on_a_terminal(self):
        r = self.run_pty("reflect", "recall",
                         answers=["made time to call my sister", "a slow walk home", ""],
                         env=self.env(TERM="xterm", COMPASSION_PACE_SECONDS="0.05"))
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("Think of a moment when you treated yourself", r.out)
        self.assertEqual(r.out.count("let the feeling settle"), 2)
        self.assertIn("Another one?", r.out)
        self.assertIn("Saved these moments.", r.out)
        self.assertEqual([e["text"] for e in self.entries()],
                         ["made time to call my sister", "a slow walk home"])


class Reframe(EditorTest):
    def test_every_part_from_flags_survives_exactly(self):
        r = self.run_cli("reflect", "reframe", "--what", ODD_TEXT, "--impact", "my colleague",
                         "--need", "rest", "--repair", "say sorry", "--differently",
                         "ask for help", "--kind-words", "You are learning.", "--follow-up",
                         "monday")
        self.assertEqual(r.status, 0, r)
        [e] = self.entries()
        self.assertEqual(e["kind"], "reframe")
        self.assertEqual(e["what"], ODD_TEXT)
        self.assertEqual((e["impact"], e["need"], e["repair"], e["differently"],
                          e["kind_words"]),
                         ("my colleague", "rest", "say sorry", "ask for help",
                          "You are learning."))
        self.assertEqual(e["follow_up"], datetime.date(2026, 11, 30))
        # The handle it prints is how the repair is named later: steps, then closing.
        self.assertIn("Saved your reflection as 2026-11-27.reframe.", r.out)
        self.assertIn("--step TEXT 2026-11-27.reframe)", r.out)
        self.assertIn("--close 2026-11-27.reframe when it feels complete", r.out)
        self.assertEqual(self.run_cli("reflect", "reframe", "--step", "said sorry",
                                      "2026-11-27.reframe").status, 0)
        step = self.entries()[-1]
        self.assertEqual((step["kind"], step["ref"], step["text"]),
                         ("repair_step", e["id"], "said sorry"))

    def test_impossible_dates_and_a_missing_what_exit_64_writing_nothing(self):
        for args, message in [
            (["--what", "x", "--follow-up", "2026-13-01"], "--follow-up 2026-13-01: "),
            (["--what", "x", "--follow-up", "later"], "--follow-up later: "),
            (["--need", "rest"], "pass --what TEXT"),
            ([], "pass --what TEXT"),
        ]:
            r = self.run_cli("reflect", "reframe", *args, timeout=10)
            self.assertEqual(r.status, 64, r)
            self.assertIn(message, r.err)
            self.assertEqual(len(r.err.splitlines()), 1)
        self.assertFalse(os.path.exists(self.month_path()))

    def test_the_whole_reflection_in_the_editor_from_the_template(self):
        editor = self.editor("""\
            answers = {"[what]": "I rushed the handover\\nand left out the night notes",
                       "[need]": "to get home",
                       "[kind-words]": "Tired is not careless. You came back to it.",
                       "[follow-up]": "+2"}
            out = []
            for line in before.splitlines():
                out.append(line)
                for heading, answer in answers.items():
                    if line.startswith(heading + " "):
                        out.append(answer)
            text = "\\n".join(out) + "\\n"
        """)
        r = self.run_cli("reflect", "reframe", "--edit", env=self.env(EDITOR=editor))
        self.assertEqual(r.status, 0, r)
        [e] = self.entries()
        self.assertEqual(e["what"], "I rushed the handover\nand left out the night notes")
        self.assertEqual(e["need"], "to get home")
        self.assertEqual(e["kind_words"], "Tired is not careless. You came back to it.")
        self.assertEqual(e["follow_up"], datetime.date(2026, 11, 29))
        self.assertNotIn("impact", e)
        path, mode = self.seen()
        self.assertEqual((os.path.dirname(path), mode), (self.home, "0o600"))
        self.assertEqual(self.leftovers(), [])

    def test_a_template_that_does_not_read_back_is_printed_so_no_word_is_lost(self):
        editor = self.editor('text = before.replace("[follow-up] ", "soonish\\n[follow-up] ")'
                             ' + "next blue moon\\n"\n')
        r = self.run_cli("reflect", "reframe", "--edit", env=self.env(EDITOR=editor))
        self.assertEqual(r.status, 64, r)
        self.assertEqual(r.err.count("[follow-up] next blue moon: use YYYY-MM-DD"), 1, r.err)
        self.assertEqual(r.err.count("compassion: "), 1, r.err)
        self.assertIn("soonish", r.out)
        self.assertIn("next blue moon", r.out)
        self.assertFalse(os.path.exists(self.month_path()))
        # The words are kept, privately, where the message says.
        self.assertEqual(self.leftovers(), ["rescue"])
        [kept] = self.rescued()
        self.assertIn(f"What you wrote is kept in {kept}\n", r.err)
        with open(kept, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("soonish\n[follow-up] ", text)
        self.assertTrue(text.endswith("next blue moon\n"))

    def test_an_unchanged_template_saves_nothing(self):
        r = self.run_cli("reflect", "reframe", "--edit", env=self.env(VISUAL="true"))
        self.assertEqual(r.status, 0, r)
        self.assertIn("The reflection was left unchanged; nothing was saved.", r.err)
        self.assertFalse(os.path.exists(self.month_path()))

    def test_open_repairs_are_listed_and_marked_done_with_a_new_record(self):
        self.run_cli("reflect", "reframe", "--what", "missed the call", "--repair", "call back",
                     "--follow-up", "2026-11-24")
        self.run_cli("reflect", "reframe", "--what", "no follow-up")
        self.run_cli("reflect", "reframe", "--what", "forgot the card", "--follow-up", "+5")
        r = self.run_cli("reflect", "reframe", "--open")
        self.assertEqual(r.status, 0, r)
        lines = r.out.splitlines()
        self.assertEqual(len(lines), 2)
        # Columns: handle, id, follow-up date, how far, what happened. A reflection
        # with neither a repair, a follow-up nor a step is not a repair left open.
        first = re.fullmatch(
            r"2026-11-27\.reframe\.1  ([0-9a-z]{10})  2026-11-24  3 days ago    missed the call",
            lines[0])
        self.assertTrue(first, lines[0])
        self.assertRegex(lines[1], r"^2026-11-27\.reframe\.3  [0-9a-z]{10}  2026-12-02  in 5 days"
                                   r"     forgot the card$")
        self.assertIn("Repairs still open.", r.err)
        ref = first.group(1)
        self.assertEqual(ref, self.entries()[0]["id"])
        before = self.month_bytes()
        r = self.run_cli("reflect", "reframe", "--done", ref[:5], "-m", "we talked; all good")
        self.assertEqual(r.status, 0, r)
        after = self.month_bytes()
        self.assertTrue(after.startswith(before))
        done = self.entries()[-1]
        self.assertEqual((done["kind"], done["ref"], done["note"]),
                         ("repair_done", ref, "we talked; all good"))
        self.assertNotIn("missed the call", self.run_cli("reflect", "reframe", "--open").out)
        r = self.run_cli("reflect", "reframe", "--close", "2026-11-27.reframe.1")
        self.assertEqual(r.status, 0, r)
        self.assertIn("was closed already, on Friday 27 November", r.out)
        self.assertEqual(self.month_bytes(), after)
        self.assertEqual(self.run_cli("reflect", "reframe", "--done", "qqqqqq").status, 64)

    def test_a_note_on_a_repair_already_done_is_kept_in_a_further_record(self):
        self.run_cli("reflect", "reframe", "--what", "missed the call", "--follow-up", "+1")
        ref = self.entries()[0]["id"]
        self.assertEqual(self.run_cli("reflect", "reframe", "--done", ref, "-m", "called").status, 0)
        before = self.month_bytes()
        r = self.run_cli("reflect", "reframe", "--done", ref, "-m", "again")
        self.assertEqual(r.status, 0, r)
        self.assertIn("Added your note", r.out)
        self.assertTrue(self.month_bytes().startswith(before))
        notes = [(e["ref"], e.get("note")) for e in self.entries() if e["kind"] == "repair_done"]
        self.assertEqual(notes, [(ref, "called"), (ref, "again")])

    def test_with_nothing_open_the_list_says_so_kindly(self):
        r = self.run_cli("reflect", "reframe", "--open")
        self.assertEqual((r.status, r.out, r.err),
                         (0, "", "No repairs are open just now.\n"))

    def test_the_open_list_on_stdout_is_one_repair_a_line_for_pipes(self):
        self.run_cli("reflect", "reframe", "--what", "forgot the card", "--follow-up", "+5")
        self.run_cli("reflect", "reframe", "--what", "missed the call", "--follow-up", "+1")
        pipe = shlex.quote(BIN) + " reflect reframe --open | head -1 | awk '{print $1, $2, $3}'"
        proc = subprocess.run(pipe, shell=True, capture_output=True, text=True, env=self.env(),
                              stdin=subprocess.DEVNULL, timeout=30)
        self.assertEqual(proc.returncode, 0, proc)
        called = self.entries()[1]["id"]
        self.assertEqual(proc.stdout, f"2026-11-27.reframe.2 {called} 2026-11-28\n")

    def test_the_questions_come_one_at_a_time_on_a_real_terminal(self):
        r = self.run_pty("reflect", "reframe", answers=[
            "I was short with a patient's daughter", "she was worried already", "",
            "call her tomorrow", "", "You were tired, and you still care.", "friday"])
        self.assertEqual(r.status, 0, r.out)
        self.assertIn('Shame says "I am bad". Guilt says "what I did caused harm"', r.out)
        self.assertIn("You are not what you did", r.out)
        self.assertIn("Who was hurt or affected by it, and how?", r.out)
        self.assertIn("When would you like to come back to the repair?", r.out)
        self.assertIn("Follow-up on Friday 4 December.", r.out)
        [e] = self.entries()
        self.assertEqual(e["what"], "I was short with a patient's daughter")
        self.assertNotIn("need", e)
        self.assertEqual(e["follow_up"], datetime.date(2026, 12, 4))


class Prompt(HomeTest):
    def prompt_at(self, now):
        r = self.run_cli("reflect", "prompt", env=self.env(COMPASSION_NOW=now))
        self.assertEqual(r.status, 0, r)
        self.assertEqual(r.out.count("\n"), 1, r.out)
        return r.out

    def test_one_line_the_same_all_day_and_past_midnight_and_new_tomorrow(self):
        evening = self.prompt_at("2026-11-27T21:30:00")
        self.assertEqual(self.prompt_at("2026-11-27T09:00:00"), evening)
        self.assertEqual(self.prompt_at("2026-11-28T01:30:00"), evening)
        self.assertNotEqual(self.prompt_at("2026-11-28T09:00:00"), evening)

    def test_thirty_days_bring_thirty_different_prompts(self):
        start = datetime.date(2026, 1, 1)
        seen = set()
        for n in range(30):
            day = start + datetime.timedelta(days=n)
            r = self.run_cli("reflect", "prompt", "--date", day.isoformat())
            seen.add(r.out)
        self.assertEqual(len(seen), 30)

    def test_reflect_alone_without_a_terminal_prints_the_prompt(self):
        r = self.run_cli("reflect")
        self.assertEqual(r.status, 0, r)
        self.assertEqual(r.out, self.run_cli("reflect", "prompt").out)
        self.assertEqual(r.err, "")

    def test_the_menu_on_a_terminal_leads_to_a_reflection(self):
        prompt = self.run_cli("reflect", "prompt").out.strip()
        r = self.run_pty("reflect", answers=["3", "a long shower after the shift", ""],
                         env=self.env(TERM="xterm", COMPASSION_PACE_SECONDS="0.05"))
        self.assertEqual(r.status, 0, r.out)
        self.assertIn("Today: " + prompt, r.out)
        self.assertIn("4  reframe", r.out)
        self.assertEqual(self.entries()[0]["text"], "a long shower after the shift")

    def test_enter_leaves_the_menu(self):
        r = self.run_pty("reflect", answers=[""])
        self.assertEqual(r.status, 0, r.out)
        self.assertFalse(os.path.exists(self.month_path()))


@unittest.skipUnless(shutil.which("mandoc"), "mandoc is not installed")
class ManPages(unittest.TestCase):
    def test_the_pages_pass_mandoc_lint(self):
        for page in ("compassion-reflect.1", "compassion.5"):
            path = os.path.join(MAN_DIR, page)
            proc = subprocess.run(["mandoc", "-Tlint", "-W", "warning", path],
                                  capture_output=True, text=True)
            self.assertEqual((proc.returncode, proc.stdout, proc.stderr), (0, "", ""), page)

    def test_every_flag_of_every_reflection_is_documented(self):
        with open(os.path.join(MAN_DIR, "compassion-reflect.1")) as f:
            text = f.read().replace("\\-", "-")
        for sub in ("qualities", "showup", "recall", "reframe", "prompt"):
            help_text = subprocess.run([BIN, "reflect", sub, "--help"], capture_output=True,
                                       text=True).stdout
            for line in help_text.splitlines():
                if not line.strip().startswith("-"):
                    continue
                for flag in line.split()[0].split(","):
                    if flag not in ("-h", "--help"):
                        self.assertTrue(flag in text, f"reflect {sub} {flag} is not in the page")

    def test_every_kind_is_documented(self):
        with open(os.path.join(MAN_DIR, "compassion.5")) as f:
            text = f.read()
        for kind in ("qualities", "showup", "moment", "reframe", "repair_done", "kind_words"):
            self.assertIn(kind, text)


if __name__ == "__main__":
    unittest.main()
