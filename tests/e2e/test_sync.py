"""One journal kept on two machines with git: by hand (a union merge), and
with `compassion sync` against a bare remote."""

import os
import shutil
import signal
import subprocess
import time
import tomllib
import unittest

from harness import HomeTest

REAL_GIT = shutil.which("git")

# A git that can pause at a chosen command (to hold a sync mid-way) or run a
# command before the first push (so that someone else pushes first).
WRAPPER = """#!/bin/sh
for a in "$@"; do
  if [ -n "$PAUSE_AT" ] && [ "$a" = "$PAUSE_AT" ] && [ ! -e "$PAUSE_MARK" ]; then
    : > "$PAUSE_MARK"
    sleep "${PAUSE_SECONDS:-2}"
  fi
  if [ -n "$BEFORE_PUSH" ] && [ "$a" = push ] && [ ! -e "$BEFORE_PUSH_MARK" ]; then
    : > "$BEFORE_PUSH_MARK"
    sh -c "$BEFORE_PUSH" >/dev/null 2>&1
  fi
done
exec %s "$@"
"""


@unittest.skipUnless(REAL_GIT, "git is not installed")
class GitByHand(HomeTest):
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


class SyncTest(HomeTest):
    """A bare remote and two homes, the laptop (self.home) and the desktop."""

    def setUp(self):
        super().setUp()
        self.remote = os.path.join(self.user_home, "remote.git")
        self.laptop = self.home
        self.desktop = os.path.join(self.user_home, "desktop")
        self.plain_git("init", "-q", "--bare", "--initial-branch=main", self.remote)
        self.wrapper_dir = os.path.join(self.user_home, "bin")
        os.makedirs(self.wrapper_dir)
        with open(os.path.join(self.wrapper_dir, "git"), "w") as f:
            f.write(WRAPPER % REAL_GIT)
        os.chmod(os.path.join(self.wrapper_dir, "git"), 0o755)

    def plain_git(self, *args, cwd=None):
        return subprocess.run([REAL_GIT, *args], cwd=cwd, env=self.env(), capture_output=True,
                              text=True, check=True)

    def on(self, home, *args, env=None, **extra):
        return self.run_cli("--home", home, *args, env=env or self.env(**extra))

    def records(self, home):
        out = []
        journal = os.path.join(home, "journal")
        for name in sorted(os.listdir(journal)):
            if name.endswith(".toml") and not name.startswith("."):
                with open(os.path.join(journal, name), "rb") as f:
                    out.extend(tomllib.load(f).get("entry", []))
        return out

    def ids(self, home):
        ids = [e["id"] for e in self.records(home)]
        self.assertEqual(len(ids), len(set(ids)), "a record appears twice in %s" % home)
        return set(ids)

    def commits(self, home):
        return int(self.plain_git("-C", home, "rev-list", "--count", "HEAD").stdout)

    def remote_commits(self):
        return int(self.plain_git("--git-dir", self.remote, "rev-list", "--count", "main").stdout)

    def join_both(self):
        self.assertEqual(self.on(self.laptop, "log", "--date", "-3", "-s", "3", "-m", "l0").status, 0)
        r = self.on(self.laptop, "sync", "--init", self.remote)
        self.assertEqual(r.status, 0, r)
        self.assertEqual(self.on(self.desktop, "log", "--date", "-2", "-s", "4", "-m", "d0").status, 0)
        r = self.on(self.desktop, "sync", "--init", self.remote)
        self.assertEqual(r.status, 0, r)
        r = self.on(self.laptop, "sync")
        self.assertEqual(r.status, 0, r)


@unittest.skipUnless(REAL_GIT, "git is not installed")
class Sync(SyncTest):
    def test_two_homes_write_on_both_and_every_record_is_once_on_both(self):
        self.join_both()
        self.on(self.laptop, "reflect", "recall", "-m", "laptop moment")
        self.on(self.desktop, "reflect", "recall", "-m", "desktop moment")
        self.on(self.desktop, "log", "--date", "2026-10-30", "-s", "2")  # another month
        for home in (self.laptop, self.desktop, self.laptop):
            r = self.on(home, "sync")
            self.assertEqual(r.status, 0, r)
            self.assertNotIn("moment", r.out + r.err)  # never any entry text
        self.assertEqual(self.ids(self.laptop), self.ids(self.desktop))
        self.assertEqual(len(self.ids(self.laptop)), 5)
        texts = sorted(e.get("text", "") for e in self.records(self.desktop) if e["kind"] == "moment")
        self.assertEqual(texts, ["desktop moment", "laptop moment"])

        # In step: more syncs change nothing anywhere, not even the history.
        before = (self.commits(self.laptop), self.commits(self.desktop), self.remote_commits())
        for home in (self.desktop, self.laptop, self.desktop):
            r = self.on(home, "sync")
            self.assertEqual(r.status, 0, r)
            self.assertIn("nothing new", r.out)
        self.assertEqual(before, (self.commits(self.laptop), self.commits(self.desktop),
                                  self.remote_commits()))
        st = self.on(self.laptop, "sync", "--status")
        self.assertEqual(st.status, 0, st)
        self.assertIn("to send: 0 commits; to receive: 0", st.out)
        self.assertIn("not committed yet: nothing", st.out)

    def test_the_same_day_checked_in_on_both_counts_the_newer_and_says_so_gently(self):
        self.join_both()
        self.on(self.laptop, "log", "-s", "2", "-m", "laptop evening",
                env=self.env(COMPASSION_NOW="2026-11-27T20:00:00"))
        self.on(self.desktop, "log", "-s", "5", "-m", "desktop night",
                env=self.env(COMPASSION_NOW="2026-11-27T23:00:00"))
        for home in (self.laptop, self.desktop, self.laptop):
            self.assertEqual(self.on(home, "sync").status, 0)
        for home in (self.laptop, self.desktop):
            tsv = self.on(home, "review", "--format", "tsv")
            today = [l for l in tsv.out.splitlines() if l.startswith("2026-11-27")]
            self.assertEqual(len(today), 1, tsv)
            self.assertIn("\t5\t", today[0] + "\t")
            text = self.on(home, "review")
            self.assertIn("check-ins from two places", text.out)
            # show lists both, and says so once for the day, gently.
            for args in (("show",), ("show", "--week"), ("show", "2026-11-27.checkin.1")):
                shown = self.on(home, *args)
                self.assertEqual(shown.status, 0, shown)
                self.assertEqual(shown.out.count(
                    "2026-11-27 has check-ins from two places (written before they were synced); "
                    "the later one counts.\n"), 1, shown)
            both = self.on(home, "show")
            self.assertIn("laptop evening", both.out)
            self.assertIn("desktop night", both.out)
            for args in (("show", "--format", "json"), ("show", "2026-11-26")):
                self.assertNotIn("two places", self.on(home, *args).out)

    def test_a_log_started_during_a_sync_waits_and_lands(self):
        self.join_both()
        self.on(self.desktop, "reflect", "recall", "-m", "to merge")
        self.assertEqual(self.on(self.desktop, "sync").status, 0)
        mark = os.path.join(self.user_home, "paused")
        env = self.env(PATH=self.wrapper_dir + ":/usr/bin:/bin", PAUSE_AT="read-tree",
                       PAUSE_MARK=mark, PAUSE_SECONDS="2")
        sync = subprocess.Popen([os.environ["COMPASSION_BIN"], "--home", self.laptop, "sync"],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while not os.path.exists(mark) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(os.path.exists(mark), "the sync never reached its merge")
        started = time.monotonic()
        r = self.on(self.laptop, "log", "-s", "4", "-m", "during the sync")
        waited = time.monotonic() - started
        out, err = sync.communicate(timeout=30)
        self.assertEqual(sync.returncode, 0, err)
        self.assertEqual(r.status, 0, r)
        self.assertGreater(waited, 0.5)  # it waited for the merge's lock
        self.assertEqual(self.on(self.laptop, "sync").status, 0)
        self.assertEqual(self.on(self.desktop, "sync").status, 0)
        self.assertIn("during the sync", [e.get("note") for e in self.records(self.desktop)])
        self.assertEqual(self.ids(self.laptop), self.ids(self.desktop))

    def test_a_push_turned_away_is_fetched_merged_and_sent_again(self):
        self.join_both()
        self.on(self.laptop, "reflect", "recall", "-m", "from the laptop")
        self.on(self.desktop, "reflect", "recall", "-m", "from the desktop")
        compassion = os.environ["COMPASSION_BIN"]
        env = self.env(PATH=self.wrapper_dir + ":/usr/bin:/bin",
                       BEFORE_PUSH="%s --home %s sync" % (compassion, self.desktop),
                       BEFORE_PUSH_MARK=os.path.join(self.user_home, "pushed"))
        r = self.on(self.laptop, "sync", env=env)
        self.assertEqual(r.status, 0, r)
        self.assertTrue(os.path.exists(os.path.join(self.user_home, "pushed")))
        self.assertIn("1 record brought in", r.out)
        self.assertEqual(self.on(self.desktop, "sync").status, 0)
        self.assertEqual(self.ids(self.laptop), self.ids(self.desktop))
        self.assertEqual(len(self.ids(self.laptop)), 4)

    def test_an_unreachable_remote_commits_here_and_sends_next_time(self):
        self.join_both()
        self.on(self.laptop, "reflect", "recall", "-m", "offline words")
        self.plain_git("-C", self.laptop, "remote", "set-url", "origin",
                       "http://127.0.0.1:9/journal.git")
        before = self.commits(self.laptop)
        r = self.on(self.laptop, "sync")
        self.assertEqual(r.status, 75, r)
        self.assertEqual(len(r.err.strip().splitlines()), 1, r)
        self.assertIn("next time", r.err)
        self.assertNotIn("offline words", r.out + r.err)
        self.assertEqual(self.commits(self.laptop), before + 1)
        self.plain_git("-C", self.laptop, "remote", "set-url", "origin", self.remote)
        self.assertEqual(self.on(self.laptop, "sync").status, 0)
        self.assertEqual(self.on(self.desktop, "sync").status, 0)
        self.assertEqual(self.ids(self.laptop), self.ids(self.desktop))

    def test_a_host_that_does_not_answer_is_offline_not_an_error(self):
        self.join_both()
        self.plain_git("-C", self.laptop, "remote", "set-url", "origin",
                       "http://127.0.0.1:9/journal.git")
        r = self.on(self.laptop, "sync")
        self.assertEqual(r.status, 75, r)
        self.assertIn("next time", r.err)

    def test_a_config_changed_on_both_keeps_this_one_and_saves_the_other(self):
        self.join_both()
        for home, hour in ((self.laptop, 5), (self.desktop, 6)):
            path = os.path.join(home, "config.toml")
            with open(path) as f:
                text = f.read()
            with open(path, "w") as f:
                f.write(text.replace("day_starts_at = 4", "day_starts_at = %d" % hour))
        self.assertEqual(self.on(self.laptop, "sync").status, 0)
        r = self.on(self.desktop, "sync")
        self.assertEqual(r.status, 0, r)
        self.assertIn("config.toml was changed on both machines", r.err)
        with open(os.path.join(self.desktop, "config.toml")) as f:
            self.assertIn("day_starts_at = 6", f.read())
        with open(os.path.join(self.desktop, "config.remote.toml")) as f:
            self.assertIn("day_starts_at = 5", f.read())
        # The desktop's settings travel back: both end up the same.
        self.assertEqual(self.on(self.laptop, "sync").status, 0)
        with open(os.path.join(self.laptop, "config.toml")) as f:
            self.assertIn("day_starts_at = 6", f.read())

    def test_a_sync_killed_mid_merge_is_brought_back_without_losing_a_record(self):
        self.join_both()
        self.on(self.desktop, "reflect", "recall", "-m", "desktop words")
        self.assertEqual(self.on(self.desktop, "sync").status, 0)
        self.on(self.laptop, "reflect", "recall", "-m", "laptop words")
        mark = os.path.join(self.user_home, "paused")
        # read-tree comes after the merge appended the desktop's records and
        # before anything of it is committed.
        env = self.env(PATH=self.wrapper_dir + ":/usr/bin:/bin", PAUSE_AT="read-tree",
                       PAUSE_MARK=mark, PAUSE_SECONDS="30")
        sync = subprocess.Popen([os.environ["COMPASSION_BIN"], "--home", self.laptop, "sync"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        deadline = time.monotonic() + 20
        while not os.path.exists(mark) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(os.path.exists(mark), "the sync never reached its merge")
        self.assertIn("desktop words", [e.get("text") for e in self.records(self.laptop)])
        os.killpg(sync.pid, signal.SIGKILL)
        sync.wait()
        r = self.on(self.laptop, "sync")
        if r.status != 0:  # git's own lock, if git was stopped holding it
            self.assertEqual(self.on(self.laptop, "doctor", "--fix").status, 0)
            r = self.on(self.laptop, "sync")
        self.assertEqual(r.status, 0, r)
        self.assertEqual(self.on(self.desktop, "sync").status, 0)
        self.assertEqual(self.ids(self.laptop), self.ids(self.desktop))
        self.assertEqual(len(self.ids(self.laptop)), 4)
        d = self.on(self.laptop, "doctor")
        self.assertEqual(d.status, 0, d)

    def test_a_stale_git_lock_stops_sync_until_doctor_fix_clears_it(self):
        self.join_both()
        lock = os.path.join(self.laptop, ".git", "index.lock")
        open(lock, "w").close()
        self.on(self.laptop, "reflect", "recall", "-m", "words")
        r = self.on(self.laptop, "sync")
        self.assertEqual(r.status, 75, r)
        self.assertIn("doctor --fix", r.err)
        d = self.on(self.laptop, "doctor")
        self.assertEqual(d.status, 1, d)
        self.assertIn("index.lock", d.out)
        f = self.on(self.laptop, "doctor", "--fix")
        self.assertEqual(f.status, 0, f)
        self.assertIn("fixed: ", f.out)
        self.assertEqual(self.on(self.laptop, "sync").status, 0)

    def remote_of(self, home):
        return self.plain_git("-C", home, "remote", "-v").stdout

    def test_a_failed_init_leaves_the_remote_as_it_was(self):
        self.join_both()
        before = self.remote_of(self.laptop)
        for wrong in ("/nonexistent/repo.git", self.user_home):
            r = self.on(self.laptop, "sync", "--init", wrong)
            self.assertEqual(r.status, 69, r)
            self.assertEqual(len(r.err.strip().splitlines()), 1, r)
            self.assertEqual(self.remote_of(self.laptop), before)
        self.on(self.laptop, "reflect", "recall", "-m", "after the slip")
        self.assertEqual(self.on(self.laptop, "sync").status, 0)
        self.assertEqual(self.on(self.desktop, "sync").status, 0)
        self.assertEqual(self.ids(self.laptop), self.ids(self.desktop))

    def test_a_remote_path_that_names_nothing_is_a_mistake_on_every_sync(self):
        self.join_both()
        away = self.remote + ".away"
        os.rename(self.remote, away)
        for _ in range(2):
            r = self.on(self.laptop, "sync")
            self.assertEqual(r.status, 69, r)
            self.assertEqual(len(r.err.strip().splitlines()), 1, r)
            self.assertIn(self.remote + ": there is no repository there", r.err)
        os.rename(away, self.remote)
        self.assertEqual(self.on(self.laptop, "sync").status, 0)

    def test_without_git_sync_says_so_in_one_line(self):
        self.on(self.laptop, "log", "-s", "3")
        r = self.on(self.laptop, "sync", "--init", self.remote, PATH=self.user_home)
        self.assertEqual(r.status, 69, r)
        self.assertEqual(len(r.err.strip().splitlines()), 1, r)
        self.assertIn("git", r.err)

    def test_a_remote_that_is_not_a_repository_is_refused_when_joining(self):
        self.on(self.laptop, "log", "-s", "3")
        for remote in (os.path.join(self.user_home, "nothing-here"), self.user_home):
            r = self.on(self.laptop, "sync", "--init", remote)
            self.assertEqual(r.status, 69, r)
            self.assertEqual(len(r.err.strip().splitlines()), 1, r)
            self.assertEqual(self.remote_of(self.laptop), "")  # no remote is set
            s = self.on(self.laptop, "sync")
            self.assertEqual(s.status, 69, s)
            self.assertIn("compassion sync --init REMOTE", s.err)

    def test_remotes_that_could_run_a_command_are_refused(self):
        for remote in ("--upload-pack=touch /tmp/x", "ext::sh -c touch% /tmp/x"):
            r = self.on(self.laptop, "sync", "--init=" + remote)
            self.assertEqual(r.status, 64, r)
        self.assertFalse(os.path.exists(os.path.join(self.laptop, ".git")))

    def test_sync_before_init_says_how_to_start(self):
        self.on(self.laptop, "log", "-s", "3")
        r = self.on(self.laptop, "sync")
        self.assertEqual(r.status, 69, r)
        self.assertIn("run `compassion sync --init REMOTE` once", r.err)

    def test_status_names_what_is_not_committed_yet(self):
        self.join_both()
        self.on(self.laptop, "log", "--date", "-1", "-s", "4")
        r = self.on(self.laptop, "sync", "--status")
        self.assertEqual(r.status, 0, r)
        self.assertIn("journal/2026-11.toml", r.out)
        self.assertIn("last sync: 2026-11-27T21:", r.out)
        self.assertIn("remote: " + self.remote, r.out)

    def test_the_whitelist_keeps_local_files_at_home(self):
        self.join_both()
        os.makedirs(os.path.join(self.laptop, "rescue"), exist_ok=True)
        with open(os.path.join(self.laptop, "rescue", "words.toml"), "w") as f:
            f.write("kept here\n")
        self.assertEqual(self.on(self.laptop, "sync").status, 0)
        files = self.plain_git("--git-dir", self.remote, "ls-tree", "-r", "--name-only",
                               "main").stdout.split()
        self.assertEqual(sorted(f for f in files if not f.startswith("journal/20")),
                         [".gitignore", "config.toml", "journal/.gitattributes"])

    def test_after_write_syncs_in_the_background(self):
        self.join_both()
        path = os.path.join(self.laptop, "config.toml")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write('sync = "after-write"\n' + text)
        self.assertEqual(self.on(self.laptop, "sync").status, 0)
        before = self.remote_commits()
        started = time.monotonic()
        r = self.on(self.laptop, "log", "--date", "-1", "-s", "4")
        self.assertEqual(r.status, 0, r)
        self.assertLess(time.monotonic() - started, 5)
        deadline = time.monotonic() + 20
        while self.remote_commits() == before and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertGreater(self.remote_commits(), before)


if __name__ == "__main__":
    unittest.main()
