"""Time through the real binary, pinned with COMPASSION_NOW and TZ: the edges
of the day, the rollover hour, DST nights and a time-zone change between runs."""

import os
import unittest

from harness import HomeTest


class DayEdges(HomeTest):
    def day_logged_at(self, now, tz="Europe/Berlin", config=None):
        self.tearDown()
        self.setUp()
        if config is not None:
            os.makedirs(self.home, mode=0o700)
            with open(os.path.join(self.home, "config.toml"), "w") as f:
                f.write(config)
        r = self.run_cli("log", "-s", "3", env=self.env(COMPASSION_NOW=now, TZ=tz))
        self.assertEqual(r.status, 0, r)
        [e] = self.all_entries()
        return str(e["day"]), e["at"].isoformat()

    def test_23_59_00_01_and_the_rollover_hour(self):
        cases = [
            ("2026-11-27T23:59:00", "2026-11-27"),
            ("2026-11-28T00:01:00", "2026-11-27"),
            ("2026-11-28T03:59:59", "2026-11-27"),
            ("2026-11-28T04:00:00", "2026-11-28"),
            ("2026-12-01T00:01:00", "2026-11-30"),  # still November's file
            ("2027-01-01T00:30:00", "2026-12-31"),  # and last year's
        ]
        for now, day in cases:
            with self.subTest(now=now):
                self.assertEqual(self.day_logged_at(now)[0], day)
                self.assertTrue(os.path.exists(self.month_path(day[:7])))

    def test_a_rollover_at_midnight_or_late_at_night(self):
        midnight = 'day_starts_at = 0\n'
        self.assertEqual(self.day_logged_at("2026-11-28T00:00:00", config=midnight)[0], "2026-11-28")
        self.assertEqual(self.day_logged_at("2026-11-27T23:59:59", config=midnight)[0], "2026-11-27")
        late = 'day_starts_at = 23\n'
        self.assertEqual(self.day_logged_at("2026-11-28T22:59:00", config=late)[0], "2026-11-27")
        self.assertEqual(self.day_logged_at("2026-11-28T23:00:00", config=late)[0], "2026-11-28")

    def test_dst_nights_keep_the_evening_before_and_the_right_offset(self):
        # Autumn: 02:30 happens twice; either way it is still Saturday evening.
        day, at = self.day_logged_at("2026-10-25T02:30:00")
        self.assertEqual(day, "2026-10-24")
        self.assertIn(at[-6:], ("+01:00", "+02:00"))
        self.assertEqual(self.day_logged_at("2026-10-25T04:00:00"),
                         ("2026-10-25", "2026-10-25T04:00:00+01:00"))
        # Spring: 02:30 does not exist; the clock reads 03:30 summer time.
        self.assertEqual(self.day_logged_at("2026-03-29T02:30:00"),
                         ("2026-03-28", "2026-03-29T03:30:00+02:00"))
        self.assertEqual(self.day_logged_at("2026-03-29T04:00:00"),
                         ("2026-03-29", "2026-03-29T04:00:00+02:00"))

    def test_a_time_zone_change_between_runs(self):
        # 23:30 in Berlin is 07:30 on Saturday in Tokyo: the same moment.
        berlin = self.env(COMPASSION_NOW="@1795818600", TZ="Europe/Berlin")
        tokyo = self.env(COMPASSION_NOW="@1795818600", TZ="Asia/Tokyo")
        self.assertEqual(self.run_cli("log", "-s", "3", env=berlin).status, 0)
        self.assertEqual(self.run_cli("log", "--check", env=tokyo).status, 1)
        self.assertEqual(self.run_cli("log", "--check", "--date", "yesterday", env=tokyo).status, 0)
        self.assertEqual(self.run_cli("log", "-s", "4", env=tokyo).status, 0)
        days = sorted((str(e["day"]), e["at"].isoformat()) for e in self.entries())
        self.assertEqual(days, [("2026-11-27", "2026-11-27T23:30:00+01:00"),
                                ("2026-11-28", "2026-11-28T07:30:00+09:00")])

    def test_an_unusable_pinned_time_is_a_usage_error(self):
        for bad in ("tomorrow", "2026-11-27", "2026-13-01T00:00:00", "2026-02-30T12:00:00",
                    "2026-11-27T24:00:00", "2026-11-27T-1:00:00", "2026-11-27T12:60:00",
                    "2026-11-27 12:00:00", "9999-01-01T00:00:00", "@", "@12x",
                    "@99999999999999999999", "@-99999999999"):
            with self.subTest(bad=bad):
                r = self.run_cli("log", "-s", "3", env=self.env(COMPASSION_NOW=bad))
                self.assertEqual(r.status, 64, r)
                self.assertIn("COMPASSION_NOW", r.err)


if __name__ == "__main__":
    unittest.main()
