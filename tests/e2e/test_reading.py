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
                     ("practice", "kindness", "--minutes", "2", "--count", "3"),
                     ("show", "2026-99-01"), ("forget", "2026-11-27.moment", "--yes"),
                     ("edit", "2026-11-27.moment"), ("undo", "--yes")):
            r = self.run_cli(*args)
            self.assertNotEqual(r.status, 0, (args, r))
            self.assertEqual(len(r.err.splitlines()), 1, (args, r))
            self.assert_nothing_created()

    def test_a_home_that_is_a_file_is_refused_and_left_as_it_is(self):
        os.makedirs(self.user_home, exist_ok=True)
        path = os.path.join(self.user_home, "notes.txt")
        with open(path, "w") as f:
            f.write("mine\n")
        os.chmod(path, 0o644)
        for args in (("doctor", "--fix"), ("doctor",), ("show",), ("find", "x"), ("undo", "--yes"),
                     ("review",), ("log", "--check")):
            r = self.run_cli("--home", path, *args)
            self.assertEqual(r.status, 73, (args, r))
            self.assertEqual(r.err, f"compassion: {path}: exists and is not a directory\n")
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o644)
        with open(path) as f:
            self.assertEqual(f.read(), "mine\n")

    def test_bad_words_and_flags_are_refused_in_an_empty_home_too(self):
        for args, words in ((("show", "nonsense"), "nonsense: nothing is kept here yet"),
                            (("show", "2026-11-30.moment.9"), "nothing is kept here yet"),
                            (("find", "x", "--from", "2026-02-30"), "there is no such date"),
                            (("show", "--from", "2026-02-30"), "there is no such date"),
                            (("log", "-s", "3", "-s", "4"), "given more than once"),
                            (("log", "--did", "", "-s", "3"), "name at least one item"),
                            (("import", ""), "an empty name is no file")):
            r = self.run_cli(*args)
            self.assertEqual(r.status, 64, (args, r))
            self.assertIn(words, r.err)
            self.assertEqual(len(r.err.splitlines()), 1, r)
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
