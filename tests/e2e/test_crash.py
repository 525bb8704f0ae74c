"""Crash loops and crowds: writers are SIGKILLed at random moments, or run 100
at once, and afterwards every month file must parse (in tomllib, an independent
parser) and hold every record whose command exited 0.

The CI run is short. COMPASSION_CRASH_ROUNDS=N runs N rounds instead (the
CTest test e2e_crash_long, label `long`, sets it:
`ctest --test-dir build -C long -L long`). COMPASSION_CRASH_SEED picks the seed.
"""

import fcntl
import os
import random
import signal
import subprocess
import time
import tomllib
import unittest

from harness import BIN, HomeTest

ROUNDS = int(os.environ.get("COMPASSION_CRASH_ROUNDS", "12"))
SEED = int(os.environ.get("COMPASSION_CRASH_SEED", str(int(time.time()))))
# Days a writer may file under: this month, last month (another file), today.
DAYS = ["today", "yesterday", "2026-11-01", "2026-10-31", "-9"]


def history(month, count):
    """A month file with `count` older records, so a write takes long enough
    to be killed in the middle of any step."""
    lines = [f"# compassion journal, {month}. Seeded history for the crash test.\n"]
    for i in range(count):
        lines.append(
            f'\n[[entry]]\nid = "seed{i:06d}"\nkind = "checkin"\nday = {month}-02\n'
            f"at = {month}-02T21:00:00+01:00\n"
            f'did = ["sleep"]\nnot_done = ["exercise", "meditation", "time outside"]\n'
            f'unsure = []\nshowed_up = {1 + i % 5}\nnote = "{"an older evening, " * 6}{i}"\n')
    return "".join(lines)


class CrashTest(HomeTest):
    def setUp(self):
        super().setUp()
        self.rng = random.Random(SEED)
        # Write once so the home, config and lock exist; then seed history.
        self.assertEqual(self.run_cli("log", "-s", "3").status, 0)
        self.seed(100)
        self.lock = os.path.join(self.journal, ".lock")
        self.lock_inode = os.stat(self.lock).st_ino

    def seed(self, count):
        for month in ("2026-11", "2026-10"):
            with open(self.month_path(month), "w") as f:
                f.write(history(month, count))
            os.chmod(self.month_path(month), 0o600)

    def start(self, token, env=None):
        args = [BIN, "log", "--date", self.rng.choice(DAYS), "-s", str(self.rng.randint(1, 5)),
                "-m", token]
        return subprocess.Popen(args, env=env or self.env(COMPASSION_LOCK_TIMEOUT="30"),
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)

    def notes(self):
        """Every note in every journal file; each file must parse."""
        found = []
        for name in sorted(os.listdir(self.journal)):
            if name.endswith(".toml") and not name.startswith("."):
                with open(os.path.join(self.journal, name), "rb") as f:
                    try:
                        doc = tomllib.load(f)
                    except tomllib.TOMLDecodeError as e:
                        self.fail(f"{name} does not parse after a crash (seed {SEED}): {e}")
                found.extend(e.get("note", "") for e in doc.get("entry", []))
        return found

    def assertIntact(self, acknowledged, started):
        notes = self.notes()
        crash_notes = [n for n in notes if n.startswith("crash ")]
        # No record twice, none torn, none that was never written.
        self.assertEqual(len(crash_notes), len(set(crash_notes)), f"seed {SEED}")
        self.assertLessEqual(set(crash_notes), started, f"seed {SEED}")
        missing = acknowledged - set(crash_notes)
        self.assertEqual(missing, set(), f"acknowledged but lost (seed {SEED})")
        self.assertEqual(os.stat(self.lock).st_ino, self.lock_inode, "the lock was replaced")

    def test_writers_killed_at_random_moments_lose_no_acknowledged_record(self):
        self.seed(1500)  # a long month: a write takes long enough to be hit anywhere
        acknowledged, started = set(), set()
        for rnd in range(ROUNDS):
            procs = []
            for i in range(self.rng.randint(1, 4)):
                token = f"crash {rnd}.{i}"
                started.add(token)
                procs.append((token, self.start(token)))
            # Kill a random subset at random moments across the write: spawning,
            # reading, parsing the history, writing, fsync, rename, fsync.
            time.sleep(self.rng.uniform(0, 0.06))
            for _, p in procs:
                if self.rng.random() < 0.7:
                    time.sleep(self.rng.uniform(0, 0.01))
                    p.send_signal(signal.SIGKILL)
            for token, p in procs:
                _, err = p.communicate(timeout=60)
                if p.returncode == 0:
                    acknowledged.add(token)
                else:
                    self.assertEqual(p.returncode, -signal.SIGKILL, err)
            self.assertIntact(acknowledged, started)
        # The next writer cleans up what the killed ones left behind.
        self.assertEqual(self.run_cli("log", "-s", "4", "-m", "crash after").status, 0)
        acknowledged.add("crash after")
        started.add("crash after")
        self.assertIntact(acknowledged, started)
        self.assertEqual([n for n in os.listdir(self.journal) if ".tmp." in n], [])
        # Something must have been acknowledged for the test to mean anything.
        self.assertGreater(len(acknowledged), 1)

    def test_a_first_run_killed_at_any_moment_leaves_a_home_that_works(self):
        for rnd in range(max(10, ROUNDS * 2)):
            home = os.path.join(self.user_home, f"first{rnd}")
            env = self.env(COMPASSION_HOME=home)
            p = subprocess.Popen([BIN, "log", "-s", "3", "-m", f"crash first {rnd}"], env=env,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(self.rng.uniform(0, 0.006))
            p.send_signal(signal.SIGKILL)
            acknowledged = p.wait() == 0
            r = self.run_cli("log", "--check", env=env)
            self.assertIn(r.status, (0, 1), f"{r} (seed {SEED})")
            if acknowledged:
                self.assertEqual(r.status, 0, f"acknowledged but lost (seed {SEED})")
            # A config, when there is one, is whole: never torn.
            config = os.path.join(home, "config.toml")
            if os.path.exists(config):
                with open(config, "rb") as f:
                    tomllib.load(f)
            # And the home works for the next check-in.
            self.assertEqual(self.run_cli("log", "-s", "2", env=env).status, 0, f"seed {SEED}")

    def test_a_hundred_concurrent_writers_all_land_and_the_lock_stays(self):
        env = self.env(COMPASSION_LOCK_TIMEOUT="60")
        procs = [(f"crash crowd {i}", self.start(f"crash crowd {i}", env)) for i in range(100)]
        for token, p in procs:
            _, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err)
        tokens = {t for t, _ in procs}
        self.assertIntact(tokens, tokens)
        self.assertEqual(sorted(n for n in self.notes() if n.startswith("crash ")), sorted(tokens))
        self.assertEqual([n for n in os.listdir(self.journal) if ".tmp." in n], [])
        self.assertEqual(os.stat(self.lock).st_mode & 0o777, 0o600)

    def test_a_hundred_concurrent_writers_of_mixed_kinds_all_land(self):
        env = self.env(COMPASSION_LOCK_TIMEOUT="60")
        procs = []
        for i in range(100):
            token = f"crash mixed {i}"
            if i % 3 == 0:
                p = self.start(token, env)
            elif i % 3 == 1:
                p = subprocess.Popen([BIN, "reflect", "recall", "-m", token], env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
            else:
                p = subprocess.Popen([BIN, "practice", "kindness", "--count", "1"], env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
            procs.append((i, token, p))
        for _, _, p in procs:
            _, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err)
        self.notes()  # every file parses
        entries = self.all_entries()
        notes = {e.get("note") for e in entries if e["kind"] == "checkin"}
        moments = {e.get("text") for e in entries if e["kind"] == "moment"}
        practices = [e for e in entries if e["kind"] == "practice"]
        for i, token, _ in procs:
            if i % 3 == 0:
                self.assertIn(token, notes)
            elif i % 3 == 1:
                self.assertIn(token, moments)
        self.assertEqual(len(practices), sum(1 for i, _, _ in procs if i % 3 == 2))
        new = [e for e in entries if e["kind"] in ("moment", "practice")
               or str(e.get("note", "")).startswith("crash mixed")]
        self.assertEqual(len(new), 100)
        self.assertEqual(len({e["id"] for e in new}), 100, "ids are unique")
        self.assertEqual(os.stat(self.lock).st_ino, self.lock_inode, "the lock was replaced")

    def test_a_held_lock_gives_up_with_75_and_gives_the_entry_back(self):
        before = {m: self.month_bytes(m) for m in ("2026-11", "2026-10")}
        with open(self.lock, "rb+") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            start = time.monotonic()
            r = self.run_cli("log", "-s", "4", "-m", "wait for me",
                             env=self.env(COMPASSION_LOCK_TIMEOUT="0.2"))
            waited = time.monotonic() - start
        self.assertEqual(r.status, 75, r)
        self.assertGreaterEqual(waited, 0.2)
        self.assertLess(waited, 5)
        self.assertIn("try again", r.err)
        self.assertNotIn("wait for me", r.err)
        self.assertEqual(tomllib.loads(r.out)["entry"][0]["note"], "wait for me")
        self.assertEqual({m: self.month_bytes(m) for m in before}, before)
        self.assertEqual(os.stat(self.lock).st_ino, self.lock_inode)


if __name__ == "__main__":
    unittest.main()
