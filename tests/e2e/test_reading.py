"""Commands that only read never create files in an empty home."""
import os
import unittest

from harness import HomeTest


class ReadingAnEmptyHome(HomeTest):
    def assert_nothing_created(self):
        self.assertFalse(os.path.exists(self.home), os.listdir(self.user_home))

    def test_review_says_there_is_nothing_yet_and_creates_nothing(self):
        r = self.run_cli("review")
        self.assertEqual(r.status, 0, r)
        self.assertIn("Nothing is kept here yet", r.out)
        self.assert_nothing_created()

    def test_a_machine_review_gives_the_header_and_creates_nothing(self):
        r = self.run_cli("review", "--format", "tsv")
        self.assertEqual(r.status, 0, r)
        self.assertTrue(r.out.startswith("date\t"), r.out)
        self.assertEqual(len(r.out.splitlines()), 1)
        self.assert_nothing_created()

    def test_log_check_answers_no_and_creates_nothing(self):
        r = self.run_cli("log", "--check")
        self.assertEqual(r.status, 1, r)
        self.assert_nothing_created()

    def test_listing_items_for_completion_creates_nothing(self):
        r = self.run_cli("log", "--list-items")
        self.assertEqual(r.status, 0, r)
        self.assertIn("sleep", r.out)
        self.assert_nothing_created()

    def test_show_and_find_create_nothing(self):
        self.assertEqual(self.run_cli("show").status, 0)
        self.assertEqual(self.run_cli("find", "anything").status, 1)
        self.assert_nothing_created()

    def test_export_gives_an_empty_export_and_creates_nothing(self):
        r = self.run_cli("export", "--format", "jsonl")
        self.assertEqual(r.status, 0, r)
        self.assertEqual(r.out, "")
        self.assert_nothing_created()

    def test_an_import_dry_run_creates_nothing(self):
        source = os.path.join(self.user_home, "old.jsonl")
        with open(source, "w") as f:
            f.write('{"kind": "checkin", "day": "2026-11-01", "showed_up": 3}\n')
        r = self.run_cli("import", "--dry-run", source)
        self.assertIn(r.status, (0, 65), r)
        os.remove(source)
        self.assertFalse(os.path.exists(self.home), os.listdir(self.user_home))

    def test_sync_status_creates_nothing(self):
        r = self.run_cli("sync", "--status")
        self.assertEqual(r.status, 0, r)
        self.assertIn("not kept in git yet", r.out)
        self.assert_nothing_created()

    def test_the_days_prompt_creates_nothing(self):
        r = self.run_cli("reflect", "prompt")
        self.assertEqual(r.status, 0, r)
        self.assertEqual(len(r.out.splitlines()), 1)
        self.assert_nothing_created()

    def test_a_refused_command_creates_nothing(self):
        for args in (("log", "-s", "9"), ("log", "--did", "nonesuch"),
                     ("import", "--item", "walk=nonesuch", "/nonexistent.csv"),
                     ("reflect", "recall"), ("practice", "quality", "--quality", "nonesuch"),
                     ("show", "2026-99-01"), ("forget", "2026-11-27.moment", "--yes"),
                     ("edit", "2026-11-27.moment"), ("undo", "--yes")):
            r = self.run_cli(*args)
            self.assertNotEqual(r.status, 0, (args, r))
            self.assertEqual(len(r.err.splitlines()), 1, (args, r))
            self.assert_nothing_created()

    def test_doctor_finds_no_home_and_makes_none(self):
        r = self.run_cli("doctor")
        self.assertEqual(r.status, 0, r)
        self.assertIn("no home here yet", r.out)
        self.assert_nothing_created()

    def test_the_first_write_still_sets_the_home_up(self):
        r = self.run_cli("log", "--showed-up", "3")
        self.assertEqual(r.status, 0, r)
        self.assertTrue(os.path.isfile(os.path.join(self.home, "config.toml")))


if __name__ == "__main__":
    unittest.main()
