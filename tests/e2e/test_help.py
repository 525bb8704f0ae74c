"""`compassion help`, bare `compassion`, and --help after a word that is no command."""

import os
import re
import shutil
import stat

from harness import HomeTest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAN = os.path.join(ROOT, "man")


class Help(HomeTest):
    def setUp(self):
        super().setUp()
        self.bin = os.path.join(self.user_home, "bin")
        os.makedirs(self.bin)

    def stub_man(self):
        """A `man` that records its arguments, finds every compassion page, shows one line."""
        self.calls = os.path.join(self.user_home, "man-calls")
        path = os.path.join(self.bin, "man")
        with open(path, "w") as f:
            f.write(f'#!/bin/sh\necho "$*" >> "{self.calls}"\n'
                    'if [ "$1" = -w ]; then echo /pages/"$2".1.gz; else echo "PAGE $1"; fi\n')
        os.chmod(path, stat.S_IRWXU)

    def env_with(self, **extra):
        env = self.env(**extra)
        env["PATH"] = self.bin + ":" + env["PATH"]
        return env

    def test_help_runs_man_on_the_commands_page(self):
        self.stub_man()
        r = self.run_cli("help", "review", env=self.env_with())
        self.assertEqual((r.status, r.out, r.err), (0, "PAGE compassion-review\n", ""))
        r = self.run_cli("help", env=self.env_with())
        self.assertEqual((r.status, r.out), (0, "PAGE compassion\n"))
        with open(self.calls) as f:
            self.assertEqual(f.read().splitlines(), ["-w compassion-review", "compassion-review",
                                                     "-w compassion", "compassion"])

    def test_help_shows_the_real_page_where_man_finds_it(self):
        if not shutil.which("man"):
            self.skipTest("man is not installed")
        pages = os.path.join(self.user_home, "man", "man1")
        os.makedirs(pages)
        shutil.copy(os.path.join(MAN, "compassion-log.1"), pages)
        r = self.run_cli("help", "log", env=self.env(MANPATH=os.path.dirname(pages),
                                                     MANWIDTH="80"))
        self.assertEqual(r.status, 0, r.err)
        self.assertIn("COMPASSION-LOG(1)", r.out)
        self.assertIn("end-of-day check-in", r.out)

    def test_without_the_page_help_prints_the_commands_help(self):
        if not shutil.which("man"):
            self.skipTest("man is not installed")
        empty = os.path.join(self.user_home, "no-pages")
        os.makedirs(empty)
        r = self.run_cli("help", "log", env=self.env(MANPATH=empty))
        self.assertEqual(r.status, 0, r.err)
        self.assertEqual(r.out, self.run_cli("log", "--help").out)
        self.assertEqual(r.err, "")

    def test_without_man_help_prints_the_help_text(self):
        env = self.env(PATH=self.bin)  # no man anywhere on PATH
        r = self.run_cli("help", "practice", env=env)
        self.assertEqual(r.status, 0, r.err)
        self.assertEqual(r.out, self.run_cli("practice", "--help").out)
        top = self.run_cli("help", env=env)
        self.assertEqual((top.status, top.out), (0, self.run_cli("--help").out))

    def test_help_for_a_word_that_is_no_command_exits_64_and_suggests(self):
        self.stub_man()
        r = self.run_cli("help", "reveiw", env=self.env_with())
        self.assertEqual(r.status, 64)
        self.assertEqual(r.out, "")
        self.assertEqual(r.err, "compassion: help: 'reveiw' is not a compassion command; "
                                "did you mean 'review'?\n")
        self.assertFalse(os.path.exists(self.calls))

    def test_help_and_its_page_name_every_command(self):
        top = self.run_cli("--help").out
        commands = re.findall(r"^  (\w+)\s{2,}", top.split("Subcommands:")[-1], re.M)
        self.assertIn("import", commands)
        text = self.run_cli("help", "--help").out
        with open(os.path.join(MAN, "compassion-help.1")) as f:
            page = f.read()
        for name in commands:
            self.assertIn(name, text, name)
            self.assertRegex(page, rf"\.R?BR? (\( )?{name}\b", name)

    def test_help_never_creates_a_home(self):
        self.run_cli("help", "log", env=self.env(PATH=self.bin))
        self.assertFalse(os.path.exists(self.home))


class Usage(HomeTest):
    def test_compassion_alone_prints_a_short_usage_on_stderr_and_exits_64(self):
        r = self.run_cli()
        self.assertEqual(r.status, 64)
        self.assertEqual(r.out, "")
        lines = r.err.splitlines()
        self.assertEqual(lines[0],
                         "Usage: compassion [--home DIR] [--color WHEN] [-q] COMMAND [OPTIONS]")
        self.assertEqual(lines[1], "Commands: log, reflect, practice, review, show, find, edit, forget, undo, export, import, sync, doctor, help")
        self.assertLessEqual(len(lines), 4)
        self.assertIn("compassion help COMMAND", r.err)
        # Global options alone are no command either.
        self.assertEqual(self.run_cli("-q").err, r.err)

    def test_a_missing_argument_points_to_its_own_commands_help(self):
        for args, where in ((("find",), "compassion find"), (("edit",), "compassion edit")):
            r = self.run_cli(*args)
            self.assertEqual(r.status, 64, r)
            self.assertEqual(len(r.err.splitlines()), 1, r.err)
            self.assertIn(f"(see {where} --help)", r.err)

    def test_help_after_an_unknown_command_names_it_and_exits_64(self):
        r = self.run_cli("nosuchcommand", "--help")
        self.assertEqual(r.status, 64)
        self.assertEqual(r.out, "")
        self.assertEqual(r.err, "compassion: 'nosuchcommand' is not a compassion command "
                                "(try: log, reflect, practice, review, show, find, edit, forget, undo, export, import, sync, doctor, help)\n")
        near = self.run_cli("reveiw", "--help")
        self.assertEqual((near.status, near.err), (64, "compassion: 'reveiw' is not a compassion "
                                                       "command; did you mean 'review'?\n"))

    def test_help_after_a_known_command_is_still_that_commands_help(self):
        r = self.run_cli("log", "--help")
        self.assertEqual(r.status, 0)
        self.assertIn("Usage: compassion log", r.out)
        top = self.run_cli("--help")
        self.assertEqual(top.status, 0)
        self.assertIn("help", top.out)
