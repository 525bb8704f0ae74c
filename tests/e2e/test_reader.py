"""End-to-end tests of how month files are read.

compassion reads month files in the form it writes them with its own fast
reader, and leaves any other TOML (a hand edit in another style) to toml++
(src/core/month_reader.hpp). A review must print exactly the same whichever
reads a month, must follow hand edits, and nothing derived from the journal
is written anywhere else.
"""

import os
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


class MonthReading(HomeTest):
    def setUp(self):
        super().setUp()
        os.makedirs(self.home, mode=0o700)
        generate.generate(self.home, 500, seed=3)
        journal = os.path.join(self.home, "journal")
        self.months = sorted(os.path.join(journal, n) for n in os.listdir(journal)
                             if n.endswith(".toml"))

    def reviews(self):
        out = []
        for args in REVIEWS:
            r = self.run_cli("review", *args)
            self.assertEqual(r.status, 0, r)
            out.append((r.out, r.err))
        return out

    def rewrite(self, paths, change):
        for path in paths:
            with open(path, "rb") as f:
                text = f.read()
            with open(path, "wb") as f:
                f.write(change(text))

    def test_the_same_journal_in_other_toml_styles_reviews_the_same(self):
        fast = self.reviews()
        self.assertIn('"date": "2026-11-27"', fast[1][0], "the review has days")
        styles = [
            lambda t: t.replace(b"\n", b"\r\n"),                     # CRLF line ends
            lambda t: t.replace(b"[[entry]]", b"[[ entry ]]"),       # spaced headers
            lambda t: b'title = "my journal"\n' + t,                 # a key of the root table
            lambda t: t.replace(b'kind = "checkin"', b"kind = 'checkin'"),  # literal strings
        ]
        for i, style in enumerate(styles):
            self.rewrite(self.months[i::2], style)  # half the months, another style each time
            self.assertEqual(self.reviews(), fast, i)

    def day_row(self, day):
        r = self.run_cli("review", "--from", day, "--to", day, "--format", "tsv")
        self.assertEqual(r.status, 0, r)
        return r.out.splitlines()[1].split("\t")

    def test_hand_edits_are_read(self):
        self.reviews()
        # Same length: the rating of the last check-in of a day in an old month.
        path = self.month_path("2025-12")
        with open(path, "rb") as f:
            text = f.read()
        at = text.rindex(b"showed_up = ")
        day = text[text.rindex(b"day = ", 0, at) + 6:][:10].decode()
        old = text[at + 12:at + 13]
        new = b"1" if old != b"1" else b"5"
        self.assertEqual(self.day_row(day)[-2], old.decode())
        self.rewrite([path], lambda t: t[:at + 12] + new + t[at + 13:])
        self.assertEqual(self.day_row(day)[-2], new.decode())
        # A check-in added by hand in another style replaces the day's earlier one.
        with open(self.month_path("2026-10"), "ab") as f:
            f.write(b"\n[[entry]]\nid = 'handedit01'\nkind = 'checkin'\nday = 2026-10-31\n"
                    b"at = 2026-11-01T03:59:59+01:00\ndid = ['sleep']\nshowed_up = 5\n"
                    b"note = '''added by hand'''\n")
        self.assertEqual(self.day_row("2026-10-31")[-2:], ["5", "added by hand"])
        # Every note removed from a month.
        self.rewrite([self.month_path("2026-01")], lambda t: b"".join(
            line for line in t.splitlines(keepends=True) if not line.startswith(b"note = ")))
        r = self.run_cli("review", "--from", "2026-01-01", "--to", "2026-01-31",
                         "--format", "tsv")
        self.assertEqual(r.status, 0, r)
        self.assertEqual({row.split("\t")[-1] for row in r.out.splitlines()[1:]}, {""})

    def test_a_month_that_does_not_parse_is_named(self):
        with open(self.month_path("2026-03"), "ab") as f:
            f.write(b"\n[[entry]]\nid = \n")
        r = self.run_cli("review", "--all")
        self.assertEqual(r.status, 65, r)
        self.assertIn("2026-03.toml:", r.err)

    def test_nothing_is_written_outside_the_home(self):
        cache = os.path.join(self.user_home, "xdg-cache")
        env = self.env(XDG_CACHE_HOME=cache)
        for args in REVIEWS:
            self.assertEqual(self.run_cli("review", *args, env=env).status, 0)
        r = self.run_cli("log", "--showed-up", "4", "-m", "a quiet day", env=env)
        self.assertEqual(r.status, 0, r)
        self.assertFalse(os.path.exists(cache))
        self.assertFalse(os.path.exists(os.path.join(self.user_home, ".cache")))
