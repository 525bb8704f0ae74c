"""Every file in examples/ is run here, with the reminder stubbed, so none can rot."""

import configparser
import os
import stat
import subprocess
import unittest

from harness import BIN, HomeTest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples")


class Examples(HomeTest):
    def setUp(self):
        super().setUp()
        # A bin directory with compassion, a notify-send that records its
        # arguments, and a `date` that says it is evening.
        self.bin = os.path.join(self.user_home, "bin")
        os.makedirs(self.bin)
        os.symlink(BIN, os.path.join(self.bin, "compassion"))
        self.notified = os.path.join(self.user_home, "notified")
        self.stub("notify-send", f'printf "%s|" "$@" >> "{self.notified}"; echo >> "{self.notified}"')
        self.stub("date", 'case "$1" in +%H) echo 21 ;; *) exec /bin/date "$@" ;; esac')

    def stub(self, name, body):
        path = os.path.join(self.bin, name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, stat.S_IRWXU)

    def shell(self, command, shell="/bin/sh"):
        env = self.env()
        env["PATH"] = self.bin + ":" + env["PATH"]
        return subprocess.run([shell, "-c", command], env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=30)

    def notifications(self):
        if not os.path.exists(self.notified):
            return []
        with open(self.notified) as f:
            return f.read().splitlines()

    def check_reminder(self, command):
        self.assertEqual(self.shell(command).returncode, 0)
        self.assertEqual(len(self.notifications()), 1, "reminds when today has no check-in")
        self.assertIn("compassion", self.notifications()[0])
        self.assertEqual(self.run_cli("log", "-s", "4").status, 0)
        self.assertEqual(self.shell(command).returncode, 0)
        self.assertEqual(len(self.notifications()), 1, "stays quiet once you checked in")

    def test_the_crontab_line_reminds_only_without_a_check_in(self):
        with open(os.path.join(EXAMPLES, "crontab")) as f:
            lines = [l for l in f if l.strip() and not l.startswith("#")]
        self.assertEqual(len(lines), 1)
        fields = lines[0].split(None, 5)
        self.assertEqual(len(fields), 6, "five time fields and a command")
        self.check_reminder(fields[5].replace("$(id -u)", str(os.getuid())))

    def test_the_systemd_units_run_the_same_reminder(self):
        service = configparser.ConfigParser(interpolation=None)
        service.read(os.path.join(EXAMPLES, "systemd", "compassion-reminder.service"))
        exec_start = service["Service"]["ExecStart"]
        self.assertTrue(exec_start.startswith("/bin/sh -c '"))
        self.check_reminder(exec_start[len("/bin/sh -c '"):-1])
        timer = configparser.ConfigParser(interpolation=None)
        timer.read(os.path.join(EXAMPLES, "systemd", "compassion-reminder.timer"))
        self.assertIn("OnCalendar", timer["Timer"])
        self.assertEqual(timer["Install"]["WantedBy"], "timers.target")

    def test_the_prompt_hint_shows_until_the_day_has_a_check_in(self):
        hint = os.path.join(EXAMPLES, "prompt-hint.sh")
        command = f'PS1="$ "; . "{hint}"; eval "printf %s \\"$PS1\\""'
        self.assertEqual(self.shell(command, "/bin/bash").stdout, "(check-in?) $ ")
        self.run_cli("log", "-s", "3")
        self.assertEqual(self.shell(command, "/bin/bash").stdout, "$ ")


if __name__ == "__main__":
    unittest.main()
