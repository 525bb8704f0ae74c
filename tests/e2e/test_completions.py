"""Each completion file is loaded in its real shell and asked real questions."""

import os
import pty
import shlex
import shutil
import subprocess
import time
import unittest

from harness import BIN, HomeTest, read_pty_chunk, read_pty_until, strip_ansi

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
COMPLETIONS = os.path.join(ROOT, "completions")


class CompletionTest(HomeTest):
    def setUp(self):
        super().setUp()
        self.bin = os.path.join(self.user_home, "bin")
        os.makedirs(self.bin)
        os.symlink(BIN, os.path.join(self.bin, "compassion"))
        # A home with the user's own items, one with a space in its name.
        self.set_up_home("sleep", "swimming", "time outside")

    def shell_env(self):
        env = self.env()
        env["PATH"] = self.bin + ":" + env["PATH"]
        return env


class Bash(CompletionTest):
    def complete(self, line):
        script = f"""
            source {COMPLETIONS}/compassion.bash
            COMP_LINE={line!r}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
            _compassion
            printf '%s\\n' "${{COMPREPLY[@]}}"
        """
        out = subprocess.run(["bash", "-c", script], env=self.shell_env(), capture_output=True,
                             text=True, check=True).stdout
        return [l for l in out.splitlines() if l]

    def complete_words(self, *words):
        """Completes the last of `words`, split as readline splits a line: "=" is
        a word of its own ("--format=j" arrives as "--format", "=", "j")."""
        script = f"""
            source {COMPLETIONS}/compassion.bash
            COMP_WORDS=({" ".join(shlex.quote(w) for w in words)})
            COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
            _compassion
            printf '%s\\n' "${{COMPREPLY[@]}}"
        """
        out = subprocess.run(["bash", "-c", script], env=self.shell_env(), capture_output=True,
                             text=True, check=True).stdout
        return [l for l in out.splitlines() if l]

    def test_values_after_an_equals_sign(self):
        self.assertEqual(self.complete_words("compassion", "review", "--format", "="),
                         ["text", "tsv", "csv", "json"])
        self.assertEqual(self.complete_words("compassion", "review", "--format", "=", "j"), ["json"])
        self.assertEqual(self.complete_words("compassion", "--color", "=", "al"), ["always"])
        # The value after "=" is not taken for the command.
        self.assertEqual(self.complete_words("compassion", "--color", "=", "never", "log", "--if"),
                         ["--if-missing"])
        # Where "=" is not a word break, the option stays in front of the value.
        self.assertEqual(self.complete("compassion review --format=j"), ["--format=json"])

    def test_a_list_offers_only_the_items_not_listed_yet(self):
        self.assertEqual(self.complete("compassion log --did sleep,"),
                         ["sleep,swimming", "sleep,time-outside"])
        self.assertEqual(self.complete("compassion log --did sleep,s"), ["sleep,swimming"])
        self.assertEqual(self.complete("compassion log --unsure swimming,time-outside,"),
                         ["swimming,time-outside,sleep"])

    def test_help_offers_the_commands(self):
        self.assertEqual(self.complete("compassion help "),
                         ["log", "reflect", "practice", "review", "show", "find", "edit", "forget",
                          "undo", "export", "import", "sync", "doctor", "help"])
        self.assertEqual(self.complete("compassion h"), ["help"])

    def test_commands_options_and_values(self):
        self.assertIn("log", self.complete("compassion "))
        self.assertIn("--color", self.complete("compassion --c"))
        self.assertEqual(self.complete("compassion --color a"), ["auto", "always"])
        self.assertIn("--if-missing", self.complete("compassion log --"))
        self.assertIn("yesterday", self.complete("compassion log --date y"))
        self.assertEqual(self.complete("compassion review --format t"), ["text", "tsv"])
        self.assertEqual(self.complete("compassion sync --"), ["--init", "--status", "--help"])
        self.assertEqual(self.complete("compassion doctor --f"), ["--fix"])
        self.assertIn("--redact", self.complete("compassion review --r"))
        self.assertEqual(self.complete("compassion export --format m"), ["markdown"])
        self.assertEqual(self.complete("compassion export --kind mo"), ["moment"])
        self.assertEqual(self.complete("compassion import --format d"), ["daylio"])
        self.assertIn("--dry-run", self.complete("compassion import --d"))
        self.assertIn("--last-month", self.complete("compassion export --la"))
        self.assertEqual(self.complete("compassion practice k"), ["kindness"])
        self.assertIn("--no-log", self.complete("compassion practice kindness --n"))
        self.assertEqual(self.complete("compassion practice quality g"), ["generosity"])
        self.assertEqual(self.complete("compassion reflect q"), ["qualities"])
        self.assertEqual(self.complete("compassion reflect qualities --focus p"), ["positive-emotion"])
        self.assertIn("--follow-up", self.complete("compassion reflect reframe --f"))
        self.assertEqual(self.complete("compassion reflect showup sw"), ["swimming"])
        self.assertEqual(self.complete("compassion reflect qualities --focus n"), ["none"])

    def test_records_complete_by_handle(self):
        self.run_cli("reflect", "recall", "-m", "one")
        self.run_cli("reflect", "recall", "-m", "two")
        self.assertEqual(self.complete("compassion show 2026-11-27.m"),
                         ["2026-11-27.moment.1", "2026-11-27.moment.2"])
        self.assertEqual(self.complete("compassion forget 2026-11-27.moment.2"),
                         ["2026-11-27.moment.2"])
        self.assertEqual(self.complete("compassion show --format h"), ["handles"])
        self.assertEqual(self.complete("compassion find --kind repair_"),
                         ["repair_step", "repair_done"])
        self.assertIn("--case-sensitive", self.complete("compassion find --c"))

    def test_showup_offers_the_items_as_they_are_quoted_for_bash(self):
        self.assertEqual(self.complete("compassion reflect showup ti"), ["time\\ outside"])
        self.assertEqual(self.complete("compassion reflect showup 'ti"), ["time\\ outside"])
        self.assertEqual(self.complete("compassion reflect showup "),
                         ["sleep", "swimming", "time\\ outside"])
        # What bash would insert, read back as the shell reads it, is the item.
        words = subprocess.run(["bash", "-c", "printf '%s\\n' " + self.complete(
            "compassion reflect showup ti")[0]], capture_output=True, text=True).stdout
        self.assertEqual(words, "time outside\n")

    def test_items_come_from_the_users_config(self):
        self.assertEqual(self.complete("compassion log --did s"), ["sleep", "swimming"])
        self.assertEqual(self.complete("compassion log --did sleep,t"), ["sleep,time-outside"])
        other = os.path.join(self.user_home, "other")
        self.assertEqual(self.complete(f"compassion --home {other} log --did s"), ["sleep"])


@unittest.skipUnless(shutil.which("fish"), "fish is not installed")
class Fish(CompletionTest):
    def complete(self, line):
        out = subprocess.run(["fish", "--no-config", "-c",
                              f"source {COMPLETIONS}/compassion.fish; complete -C {line!r}"],
                             env=self.shell_env(), capture_output=True, text=True, check=True).stdout
        return [l.split("\t")[0] for l in out.splitlines()]

    def test_commands_options_and_values(self):
        self.assertIn("log", self.complete("compassion "))
        self.assertIn("--if-missing", self.complete("compassion log --if"))
        self.assertEqual(sorted(self.complete("compassion --color ")), ["always", "auto", "never"])
        self.assertEqual(sorted(self.complete("compassion review --format ")), ["csv", "json", "text", "tsv"])
        self.assertEqual(sorted(self.complete("compassion practice ")), ["kindness", "quality", "recall"])
        self.assertEqual(sorted(self.complete("compassion export --format ")),
                         ["json", "jsonl", "markdown", "toml"])
        self.assertEqual(self.complete("compassion import --format l"), ["loop"])
        self.assertIn("--status", self.complete("compassion sync --"))
        self.assertEqual(self.complete("compassion doctor --f"), ["--fix"])
        self.assertIn("--bell", self.complete("compassion practice kindness --b"))
        self.assertIn("--open", self.complete("compassion reflect reframe --o"))
        self.assertEqual(sorted(self.complete("compassion reflect qualities --focus ")),
                         ["attention", "generosity", "none", "positive-emotion", "resilience"])

    def test_items_come_from_the_users_config(self):
        self.assertEqual(sorted(self.complete("compassion log --did ")),
                         ["sleep", "swimming", "time-outside"])

    def test_a_list_offers_only_the_items_not_listed_yet(self):
        self.assertEqual(sorted(self.complete("compassion log --did sleep,")),
                         ["sleep,swimming", "sleep,time-outside"])
        self.assertEqual(self.complete("compassion log --forgot time-outside,sw"),
                         ["time-outside,swimming"])

    def test_help_offers_the_commands(self):
        self.assertEqual(sorted(self.complete("compassion help ")),
                         ["doctor", "edit", "export", "find", "forget", "help", "import", "log",
                          "practice", "reflect", "review", "show", "sync", "undo"])

    def test_records_complete_by_handle(self):
        self.run_cli("reflect", "recall", "-m", "one")
        self.assertIn("2026-11-27.moment", self.complete("compassion edit "))

    def test_close_takes_an_optional_reflection_from_the_open_repairs(self):
        self.run_cli("reflect", "reframe", "--what", "missed the call", "--follow-up", "+1")
        self.run_cli("reflect", "reframe", "--what", "forgot the card", "--repair", "buy one")
        self.run_cli("reflect", "reframe", "--what", "closed already", "--follow-up", "+2")
        self.run_cli("reflect", "reframe", "--close", "2026-11-27.reframe.3")
        handles = ["2026-11-27.reframe.1", "2026-11-27.reframe.2"]
        self.assertEqual(sorted(self.complete("compassion reflect reframe --close ")), handles)
        self.assertEqual(sorted(self.complete("compassion reflect reframe --done=")),
                         ["--done=" + h for h in handles])
        # The flag alone is complete too: the only open repair need not be named.
        self.assertIn("--close", self.complete("compassion reflect reframe --cl"))

    def test_showup_offers_the_items_as_they_are(self):
        # fish lists a candidate as it is and escapes the space when inserting it.
        self.assertEqual(sorted(self.complete("compassion reflect showup ")),
                         ["sleep", "swimming", "time outside"])


@unittest.skipUnless(shutil.which("zsh"), "zsh is not installed")
class Zsh(CompletionTest):
    def screen_after(self, typed):
        """Types a line and Tab into an interactive zsh; returns what the screen shows."""
        pid, fd = pty.fork()
        if pid == 0:
            env = self.shell_env()
            env["TERM"] = "dumb"
            os.execve(shutil.which("zsh"), ["zsh", "-f", "-i"], env)
        setup = (f"fpath=({COMPLETIONS} $fpath); autoload -U compinit; compinit -u -D; "
                 "PS1='> '; unsetopt zle_bracketed_paste 2>/dev/null; echo READY''Y\n")
        os.write(fd, setup.encode())
        # Wait for the shell to be ready (compinit is slow on a busy machine)
        # rather than for a fixed time.
        read_pty_until(fd, b"", b"READYY", timeout=20)
        os.write(fd, typed.encode() + b"\t")
        screen, deadline = b"", time.monotonic() + 20
        quiet = 0
        while time.monotonic() < deadline:
            chunk = read_pty_chunk(fd, 0.5)
            if chunk is None:
                break
            if not chunk:  # quiet for a second after the completion showed: done
                quiet += 1
                if len(strip_ansi(screen.decode("utf-8", "replace")).strip()) > len(typed) and quiet >= 2:
                    break
                continue
            quiet = 0
            screen += chunk
        os.write(fd, b"\x03exit\n")
        os.close(fd)
        os.waitpid(pid, 0)
        return strip_ansi(screen.decode("utf-8", "replace"))

    def test_a_unique_option_completes_in_place(self):
        self.assertIn("compassion log --if-missing", self.screen_after("compassion log --if"))

    def test_items_come_from_the_users_config(self):
        self.assertIn("--did time-outside", self.screen_after("compassion log --did ti"))

    def test_showup_offers_the_items_as_they_are(self):
        screen = self.screen_after("compassion reflect showup ti")
        self.assertIn("showup time\\ outside", screen)
        self.assertNotIn("time-outside", screen)

    def test_focus_offers_none(self):
        self.assertIn("--focus none", self.screen_after("compassion reflect qualities --focus no"))

    def test_options_of_a_reflection_or_practice_complete(self):
        self.assertIn("--focus positive-emotion",
                      self.screen_after("compassion reflect qualities --focus p"))
        self.assertIn("--follow-up tomorrow",
                      self.screen_after("compassion reflect reframe --follow-up tom"))
        self.assertIn("quality generosity", self.screen_after("compassion practice quality g"))

    def test_review_formats_complete(self):
        self.assertIn("--format json", self.screen_after("compassion review --format j"))

    def test_export_and_import_options_complete(self):
        self.assertIn("--format=markdown", self.screen_after("compassion export --format=m"))
        self.assertIn("--only-listed", self.screen_after("compassion import --on"))

    def test_values_after_an_equals_sign(self):
        self.assertIn("--format=json", self.screen_after("compassion review --format=j"))
        self.assertIn("--color=always", self.screen_after("compassion --color=al"))

    def test_a_list_offers_only_the_items_not_listed_yet(self):
        # "s" would be sleep or swimming; sleep is listed already.
        self.assertIn("--did sleep,swimming", self.screen_after("compassion log --did sleep,s"))

    def test_help_offers_the_commands(self):
        self.assertIn("compassion help practice", self.screen_after("compassion help pr"))

    def test_practices_complete(self):
        self.assertIn("practice kindness", self.screen_after("compassion practice ki"))

    def test_reflections_complete(self):
        self.assertIn("reflect reframe", self.screen_after("compassion reflect ref"))

    def test_commands_complete(self):
        self.assertIn("compassion log", self.screen_after("compassion lo"))

    def test_records_complete_by_handle(self):
        self.run_cli("reflect", "recall", "-m", "one")
        self.assertIn("forget 2026-11-27.moment", self.screen_after("compassion forget 2026-11-27.m"))


if __name__ == "__main__":
    unittest.main()
