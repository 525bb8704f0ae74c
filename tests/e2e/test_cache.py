"""End-to-end tests of the month cache behind `compassion review`.

The cache is derived data: a review must print exactly the same with it, without
it, after a hand edit of a month file, and with a damaged or deleted cache.
"""

import os
import stat
import sys

from harness import HomeTest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
import generate  # noqa: E402

REVIEWS = [
    ["--all"],
    ["--all", "--format", "json"],
    ["--year", "--format", "tsv"],
    ["--month", "--format", "csv"],
    ["--week"],
    ["--from", "2025-12-20", "--to", "2026-01-10", "--format", "json"],
]


class ReviewCache(HomeTest):
    def setUp(self):
        super().setUp()
        os.makedirs(self.home, mode=0o700)
        generate.generate(self.home, 500, seed=3)
        self.cache = os.path.join(self.user_home, ".cache", "compassion")
        # A cache directory that cannot be made: every month is parsed.
        blocker = os.path.join(self.user_home, "not-a-directory")
        with open(blocker, "w") as f:
            f.write("x")
        self.no_cache_env = self.env(XDG_CACHE_HOME=blocker)

    def reviews(self, env=None):
        out = []
        for args in REVIEWS:
            r = self.run_cli("review", *args, env=env)
            self.assertEqual(r.status, 0, r)
            out.append((r.out, r.err))
        return out

    def cache_files(self):
        if not os.path.isdir(self.cache):
            return []
        return [os.path.join(self.cache, n) for n in sorted(os.listdir(self.cache))]

    def test_a_review_prints_the_same_with_and_without_the_cache(self):
        plain = self.reviews(self.no_cache_env)
        self.assertEqual(self.cache_files(), [])
        self.assertEqual(self.reviews(), plain)  # fills the cache
        self.assertEqual(len(self.cache_files()), 2)  # one per year: 2025 and 2026
        self.assertEqual(self.reviews(), plain)  # reads from it
        self.assertTrue('"date": "2026-11-27"' in plain[1][0], "the review has days")

    def test_cache_files_are_private_and_follow_xdg_cache_home(self):
        elsewhere = os.path.join(self.user_home, "xdg-cache")
        self.run_cli("review", "--all", env=self.env(XDG_CACHE_HOME=elsewhere))
        where = os.path.join(elsewhere, "compassion")
        self.assertEqual(stat.S_IMODE(os.stat(where).st_mode), 0o700)
        names = os.listdir(where)
        self.assertTrue(names)
        for name in names:
            self.assertTrue(name.endswith(".cache"), name)
            mode = stat.S_IMODE(os.stat(os.path.join(where, name)).st_mode)
            self.assertEqual(mode, 0o600, name)
        self.assertEqual(self.cache_files(), [])

    def test_hand_edits_are_never_missed(self):
        self.reviews()  # a warm cache
        # Same length: a rating changed in an old month.
        path = self.month_path("2025-12")
        with open(path, "rb") as f:
            text = f.read()
        at = text.index(b"showed_up = ")
        old = text[at + 12:at + 13]
        new = b"1" if old != b"1" else b"5"
        with open(path, "wb") as f:
            f.write(text[:at + 12] + new + text[at + 13:])
        # A record added by hand, and a record's note removed, in other months.
        with open(self.month_path("2026-10"), "ab") as f:
            f.write(b'\n[[entry]]\nid = "handedit01"\nkind = "checkin"\nday = 2026-10-31\n'
                    b'at = 2026-11-01T03:59:59+01:00\ndid = ["sleep"]\nshowed_up = 5\nnote = "added by hand"\n')
        path = self.month_path("2026-01")
        with open(path, "rb") as f:
            lines = f.read().splitlines(keepends=True)
        with open(path, "wb") as f:
            f.writelines(line for line in lines if not line.startswith(b"note = "))
        plain = self.reviews(self.no_cache_env)
        self.assertTrue("added by hand" in plain[1][0], "the hand-added check-in counts")
        self.assertEqual(self.reviews(), plain)
        self.assertEqual(self.reviews(), plain)

    def test_a_damaged_or_deleted_cache_changes_nothing(self):
        plain = self.reviews(self.no_cache_env)
        self.reviews()
        good = {}
        for name in self.cache_files():
            with open(name, "rb") as f:
                good[name] = f.read()
        for i in range(6):
            for name, data in good.items():
                middle = len(data) // 2
                damage = [b"", data[:middle], data[:-1] + bytes([data[-1] ^ 1]), b"\xff" * 300,
                          data + b"more", data[:middle] + bytes([data[middle] ^ 4]) + data[middle + 1:]]
                with open(name, "wb") as f:
                    f.write(damage[i])
            self.assertEqual(self.reviews(), plain, i)
            for name, data in good.items():
                with open(name, "rb") as f:
                    self.assertTrue(f.read() == data, "the cache file is whole again")
        for name in self.cache_files():
            os.unlink(name)
        os.rmdir(self.cache)
        self.assertEqual(self.reviews(), plain)

    def test_a_month_that_does_not_parse_is_still_reported_with_a_warm_cache(self):
        plain = self.reviews(self.no_cache_env)
        self.reviews()
        with open(self.month_path("2026-03"), "ab") as f:
            f.write(b"\n[[entry]]\nid = \n")
        for env in (self.no_cache_env, None, None):
            r = self.run_cli("review", "--all", env=env)
            self.assertEqual(r.status, 65, r)
            self.assertIn("2026-03.toml", r.err)
        self.assertNotEqual(r.out, plain[0][0])
