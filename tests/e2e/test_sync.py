"""One journal kept on two machines with git: additions merge as a union."""

import os
import shutil
import subprocess
import tomllib
import unittest

from harness import HomeTest


@unittest.skipUnless(shutil.which("git"), "git is not installed")
class GitSync(HomeTest):
    def git(self, cwd, *args):
        env = dict(self.env(), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid",
                   GIT_CONFIG_NOSYSTEM="1")
        return subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=cwd, env=env,
                              capture_output=True, text=True, check=True)

    def test_two_machines_logging_the_same_month_merge_without_conflict(self):
        laptop, desktop = self.home, os.path.join(self.user_home, "desktop")
        self.assertEqual(self.run_cli("log", "--date", "-2", "-s", "3", "-m", "first").status, 0)
        self.git(laptop, "init", "-q")
        self.git(laptop, "add", "-A")
        self.git(laptop, "commit", "-qm", "start")
        self.git(self.user_home, "clone", "-q", laptop, desktop)

        self.run_cli("log", "--date", "-1", "-s", "4", "-m", "on the laptop")
        self.git(laptop, "commit", "-qam", "laptop")
        on_desktop = self.env(COMPASSION_HOME=desktop)
        self.run_cli("log", "-s", "5", "-m", "on the desktop", env=on_desktop)
        self.git(desktop, "commit", "-qam", "desktop")

        self.git(desktop, "pull", "-q", "--no-rebase", "--no-edit", laptop, "main")
        with open(os.path.join(desktop, "journal", "2026-11.toml"), "rb") as f:
            notes = sorted(e["note"] for e in tomllib.load(f)["entry"])
        self.assertEqual(notes, ["first", "on the desktop", "on the laptop"])
        r = self.run_cli("review", "--format", "tsv", env=on_desktop)
        self.assertEqual(r.status, 0, r)
        self.assertEqual([line.split("\t")[0] for line in r.out.splitlines()[1:]],
                         ["2026-11-25", "2026-11-26", "2026-11-27"])


if __name__ == "__main__":
    unittest.main()
