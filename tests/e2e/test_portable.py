"""export and import: every record out, history in from other tools, and back again."""

import json
import os
import subprocess
import tomllib
import unittest

from harness import BIN, HomeTest

DAYLIO = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\r\n"
    '2026-11-26,26 Nov,Thursday,11:40 pm,super,"sleep | walk outside | cinema",'
    'Night shift,"kind to myself<br>ate a real meal, slowly"\r\n'
    '2026-11-26,26 Nov,Thursday,8:05 am,awful,"meditation",,\r\n'
    "2026-11-25,25 Nov,Wednesday,21:10,meh,sleep,,\r\n"
    "2026-11-24,24 Nov,Tuesday,9:00 pm,good,,,\r\n"
)

HARSH_LOG = (
    "# harsh log\n"
    "2026-11-20 : Gym : y : legs : 1\n"
    "2026-11-20 : Meditation : n\n"
    "2026-11-21 : Gym : n\n"
    "2026-11-21 : Gym : y : later after all\n"
    "2026-11-22 : Meditation : s\n"
)

LOOP = (
    "Date,Meditate,Wake up early,\n"
    "2026-11-19,YES_MANUAL,YES_AUTO,\n"
    "2026-11-18,NO,UNKNOWN,\n"
    "2026-11-17,UNKNOWN,SKIP,\n"
)

JRNL = json.dumps(
    {
        "tags": {"@work": 1},
        "entries": [
            {"title": "Long day", "body": "Charting \u2014 then tea.\n", "date": "2026-11-23",
             "time": "22:05", "tags": ["@work"], "starred": False},
        ],
    },
    indent=2,
)


class PortableTest(HomeTest):
    def write(self, name, text, newline=""):
        path = os.path.join(self.user_home, name)
        with open(path, "w", encoding="utf-8", newline=newline) as f:
            f.write(text)
        return path

    def fill(self):
        self.ok("log", "--date", "2026-11-20", "--did", "sleep,meditation", "--forgot", "exercise",
                "--showed-up", "4", "-m", "a slow, kind evening")
        self.ok("log", "--date", "2026-11-21", "--did", "sleep", "--showed-up", "2")
        self.ok("log", "--date", "2026-11-21", "--did", "sleep,exercise", "--showed-up", "3",
                "-m", "second thoughts")
        self.ok("reflect", "recall", "-m", "took a real lunch break \"for once\"")
        self.ok("reflect", "qualities", "--resilience", "3", "--positive-emotion", "4",
                "--generosity", "2", "--attention", "3", "--focus", "generosity")
        self.ok("practice", "kindness", "--count", "1")


class Export(PortableTest):
    def test_jsonl_holds_every_record_once_with_ids_days_and_times(self):
        self.fill()
        out = self.ok("export", "--format", "jsonl").out
        records = [json.loads(line) for line in out.splitlines()]
        on_disk = self.all_entries()
        visible = [e for e in on_disk if e["id"] != on_disk[1]["id"]]  # the replaced check-in
        self.assertEqual([r["id"] for r in records], [e["id"] for e in visible])
        first = records[0]
        self.assertEqual(first["kind"], "checkin")
        self.assertEqual(first["day"], "2026-11-20")
        self.assertEqual(first["note"], "a slow, kind evening")
        self.assertEqual(first["at"], on_disk[0]["at"].isoformat())

    def test_redact_leaves_free_text_out_of_every_format(self):
        self.fill()
        for fmt in ("jsonl", "json", "toml", "markdown"):
            out = self.ok("export", "--format", fmt, "--redact").out
            self.assertNotIn("kind evening", out, fmt)
            self.assertNotIn("lunch break", out, fmt)
            self.assertIn("20 November 2026" if fmt == "markdown" else "2026-11-20", out, fmt)

    def test_kind_and_range_filter_and_the_toml_reads_as_toml(self):
        self.fill()
        out = self.ok("export", "--format", "toml", "--kind", "checkin", "--from", "2026-11-21").out
        entries = tomllib.loads(out)["entry"]
        self.assertEqual([e["day"].isoformat() for e in entries], ["2026-11-21"])
        self.assertEqual(entries[0]["note"], "second thoughts")
        doc = json.loads(self.ok("export", "--format", "json", "--kind", "moment").out)
        self.assertEqual([r["kind"] for r in doc["records"]], ["moment"])
        bad = self.run_cli("export", "--kind", "moments")
        self.assertEqual(bad.status, 64)
        self.assertIn("did you mean 'moment'", bad.err)

    def test_markdown_is_a_readable_document_by_day(self):
        self.fill()
        out = self.ok("export", "--format", "markdown").out
        self.assertIn("## Friday 20 November 2026", out)
        self.assertIn("### Check-in", out)
        self.assertIn("> a slow, kind evening", out)

    def test_markdown_gives_each_day_one_heading_in_order_whenever_written(self):
        self.fill()
        # Written last, for days the month already has and one before them.
        self.ok("log", "--date", "2026-11-19", "--did", "sleep", "--showed-up", "3")
        self.ok("log", "--date", "2026-11-24", "--did", "sleep", "--showed-up", "3")
        out = self.ok("export", "--format", "markdown").out
        headings = [l for l in out.splitlines() if l.startswith("## ")]
        self.assertEqual(len(headings), len(set(headings)), headings)
        self.assertLess(out.index("19 November"), out.index("20 November"))
        self.assertLess(out.index("21 November"), out.index("24 November"))

    def test_output_survives_head(self):
        self.fill()
        with subprocess.Popen([BIN, "export"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=self.env()) as p:
            first = p.stdout.readline()
            p.stdout.close()
            err = p.stderr.read()
            status = p.wait()
        self.assertTrue(first.startswith(b"{"))
        self.assertEqual(status, 0)
        self.assertEqual(err, b"")


class RoundTrip(PortableTest):
    def test_an_export_imported_into_an_empty_home_reviews_the_same(self):
        self.fill()
        exported = self.write("all.jsonl", self.ok("export").out)
        before = {fmt: self.ok("review", "--all", "--format", fmt).out
                  for fmt in ("text", "json", "tsv")}
        other = os.path.join(self.user_home, "other")
        self.ok("--home", other, "import", exported)
        shown = {fmt: self.ok("show", "--all", "--format", fmt).out
                 for fmt in ("text", "json", "toml", "handles")}
        for fmt, text in before.items():
            self.assertEqual(self.ok("--home", other, "review", "--all", "--format", fmt).out, text)
        self.assertEqual(self.ok("--home", other, "export").out, self.ok("export").out)
        # Every record, as `show` reads it back, ids and handles included.
        self.assertIn("a slow, kind evening", shown["text"])
        self.assertIn("took a real lunch break", shown["text"])
        for fmt, text in shown.items():
            self.assertEqual(self.ok("--home", other, "show", "--all", "--format", fmt).out, text,
                             fmt)

    def test_importing_twice_adds_nothing(self):
        path = self.write("daylio.csv", DAYLIO)
        first = self.ok("import", path, "--map", "super=5")
        self.assertIn("Imported 3 records", first.out)
        files = self.journal_files()
        again = self.ok("import", path, "--map", "super=5")
        self.assertIn("Imported 0 records", again.out)
        self.assertIn("3 are here already (imported before)", again.out)
        self.assertEqual(self.journal_files(), files)

    def test_a_day_already_checked_in_and_a_forgotten_record_stay_as_they_are(self):
        self.ok("log", "--date", "2026-11-25", "--did", "exercise", "--showed-up", "5")
        gone = {"id": "gone123456", "kind": "moment", "day": "2026-11-10",
                "at": "2026-11-10T20:00:00+01:00", "text": "taken back"}
        tomb = {"id": "tomb123456", "kind": "forget", "day": "2026-11-10",
                "at": "2026-11-11T20:00:00+01:00", "ref": "gone123456"}
        self.ok("import", self.write("t.jsonl", json.dumps(tomb) + "\n"))
        self.ok("import", self.write("g.jsonl", json.dumps(gone) + "\n"))
        r = self.ok("import", self.write("daylio.csv", DAYLIO), "--map", "super=5")
        self.assertIn("is a check-in for a day already checked in here", r.out)
        days = [e["day"].isoformat() for e in self.all_entries() if e["kind"] == "checkin"]
        self.assertEqual(days.count("2026-11-25"), 1)
        self.assertNotIn("taken back", str(self.all_entries()))


class Import(PortableTest):
    def test_a_daylio_export_is_reviewed_with_its_moods_and_activities(self):
        path = self.write("daylio.csv", DAYLIO)
        r = self.ok("import", path, "--map", "super=5", "--item", "walk outside=time outside")
        self.assertIn("2026-11  check-in 3", r.out)
        self.assertIn("Activities kept on the check-ins: cinema.", r.out)
        entries = {e["day"].isoformat(): e for e in self.entries()}
        thu = entries["2026-11-26"]
        self.assertEqual(thu["showed_up"], 5)
        self.assertEqual(thu["did"], ["sleep", "meditation", "time outside"])
        self.assertEqual(thu["not_done"], [])
        self.assertEqual(thu["unsure"], ["exercise"])
        self.assertEqual(thu["note"], "Night shift\nkind to myself\nate a real meal, slowly")
        self.assertEqual(entries["2026-11-25"]["not_done"], ["meditation", "time outside"])
        review = self.ok("review", "--format", "tsv").out
        self.assertIn("2026-11-26", review)

    def test_an_item_that_is_not_on_the_list_is_refused_with_the_closest(self):
        path = self.write("daylio.csv", DAYLIO)
        r = self.run_cli("import", path, "--map", "super=5", "--item", "walk outside=time outsid")
        self.assertEqual(r.status, 64, r)
        self.assertEqual(r.err.count("\n"), 1, r)
        self.assertIn("--item walk outside=time outsid: 'time outsid' is not on your show-up list",
                      r.err)
        self.assertIn("did you mean walk outside=time outside?", r.err)
        r = self.run_cli("import", path, "--map", "super=5", "--item", "walk=nonesuch")
        self.assertEqual(r.status, 64, r)
        self.assertIn("add it with `compassion reflect showup`", r.err)
        self.assertEqual(self.journal_files(), {})

    def test_a_renamed_mood_without_map_stops_the_import_and_names_the_line(self):
        path = self.write("daylio.csv", DAYLIO)
        r = self.run_cli("import", path)
        self.assertEqual(r.status, 65)
        self.assertIn(f"{path}:2: the mood 'super' has no number: pass --map 'super=N'", r.err)
        self.assertIn("nothing was imported", r.err)
        self.assertEqual(self.journal_files(), {})
        skipped = self.ok("import", path, "--skip-bad")
        self.assertIn("Imported 3 records", skipped.out)  # the 26th keeps its morning row
        self.assertIn(f"{path}:2:", skipped.err)
        thu = [e for e in self.entries() if e["day"].isoformat() == "2026-11-26"]
        self.assertEqual([e["showed_up"] for e in thu], [1])

    def test_dry_run_says_the_same_and_writes_nothing(self):
        path = self.write("daylio.csv", DAYLIO)
        r = self.ok("import", "--dry-run", "--map", "super=5", path)
        self.assertIn("Would import 3 records", r.out)
        self.assertIn("Nothing was written (--dry-run).", r.out)
        self.assertEqual(self.journal_files(), {})

    def test_a_file_of_another_format_is_named(self):
        path = self.write("daylio.csv", DAYLIO)
        r = self.run_cli("import", "--format", "jrnl", path)
        self.assertEqual(r.status, 65)
        self.assertIn("this looks like a Daylio export, not jrnl (try --format daylio)", r.err)
        r = self.run_cli("import", self.write("x.txt", "hello\n"))
        self.assertEqual(r.status, 65)
        self.assertIn("pass --format", r.err)
        missing = self.run_cli("import", os.path.join(self.user_home, "nope.csv"))
        self.assertEqual(missing.status, 66)

    def test_harsh_loop_and_jrnl_each_land_on_their_days(self):
        log = self.write("log", HARSH_LOG)
        loop = self.write("Checkmarks.csv", LOOP)
        jrnl = self.write("jrnl.json", JRNL)
        r = self.ok("import", log, loop, jrnl, "--item", "Meditate=meditation")
        self.assertIn("Extra items, not on your show-up list: Gym, Wake up early.", r.out)
        entries = {(e["kind"], e["day"].isoformat()): e for e in self.entries()}
        self.assertEqual(entries[("checkin", "2026-11-21")]["did"], ["Gym"])
        self.assertEqual(entries[("checkin", "2026-11-20")]["not_done"], ["meditation"])
        self.assertNotIn(("checkin", "2026-11-22"), entries)  # only a skip: no evidence
        self.assertEqual(entries[("checkin", "2026-11-19")]["unsure"],
                         ["sleep", "exercise", "time outside", "Wake up early"])
        self.assertEqual(entries[("checkin", "2026-11-18")]["not_done"], ["meditation"])
        self.assertNotIn(("checkin", "2026-11-17"), entries)
        note = entries[("note", "2026-11-23")]
        self.assertEqual(note["text"], "Charting \u2014 then tea.")
        self.assertEqual(note["tags"], ["@work"])
        found = self.ok("export", "--kind", "note").out
        self.assertIn("Charting", found)
        again = self.ok("import", "--item", "Meditate=meditation", log, loop, jrnl)
        self.assertIn("Imported 0 records", again.out)

    def test_a_bad_jsonl_line_is_named_and_nothing_is_written(self):
        good = {"id": "abc1234567", "kind": "moment", "day": "2026-11-10",
                "at": "2026-11-10T20:00:00+01:00", "text": "kept"}
        path = self.write("x.jsonl", json.dumps(good) + "\n{\"id\": \"x\"}\n")
        r = self.run_cli("import", path)
        self.assertEqual(r.status, 65)
        self.assertIn(f"{path}:2: \"kind\" is missing", r.err)
        self.assertEqual(self.journal_files(), {})

    def test_the_range_flags_pick_the_days(self):
        path = self.write("daylio.csv", DAYLIO)
        r = self.ok("import", "--map", "super=5", "--from", "2026-11-25", path)
        self.assertIn("Imported 2 records", r.out)
        self.assertIn("1 is outside --from/--to", r.out)

    def test_a_zip_that_does_not_read_is_named(self):
        path = os.path.join(self.user_home, "Loop Habits CSV 2026-11-27.zip")
        with open(path, "wb") as f:
            f.write(b"PK\x03\x04" + b"\0" * 40)
        r = self.run_cli("import", path)
        self.assertEqual(r.status, 65)
        self.assertIn(f"{path}: this zip archive is damaged or cut short", r.err)


if __name__ == "__main__":
    unittest.main()
