"""End-to-end tests of `compassion review`: the real binary, a temporary home,
every output checked by an independent reader (csv, json, awk)."""

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import unittest

from harness import BIN, HomeTest

# Six days before Friday 27 November 2026 and the Friday itself.
WEEK = [
    # date offset, did, unsure, rating, note
    ("-6", "sleep,exercise", None, "4", 'ran, then "rested"'),
    ("-5", "sleep", None, "3", "line one\nline two"),
    ("-4", "", None, "1", "tab\there"),
    ("-3", "sleep,exercise", None, "5", None),
    ("-2", "sleep", "exercise", "2", None),
    # -1: no check-in
    ("today", "exercise", None, "4", "back\\slash, é 🌱"),
]


class ReviewTest(HomeTest):
    def log_week(self):
        for date, did, unsure, rating, note in WEEK:
            args = ["log", "--date", date, "--showed-up", rating]
            if did:
                args += ["--did", did]
            if unsure:
                args += ["--unsure", unsure]
            if note is not None:
                args += ["-m", note]
            r = self.run_cli(*args)
            self.assertEqual(r.status, 0, r)

    def append_records(self, ym, text):
        """Adds hand-written records of other kinds, as reflect and practice write them."""
        os.makedirs(self.journal, mode=0o700, exist_ok=True)
        with open(self.month_path(ym), "a", encoding="utf-8") as f:
            f.write("\n" + text)

    def review(self, *args, **kw):
        r = self.run_cli("review", *args, **kw)
        self.assertEqual(r.status, 0, r)
        self.assertEqual(r.err, "")
        return r


class MachineFormats(ReviewTest):
    def test_tsv_has_one_row_per_day_and_awk_reads_every_field(self):
        self.log_week()
        out = self.review("--format", "tsv").out
        awk = subprocess.run(
            ["awk", "-F\t", 'NR>1 && $6 != "" { n++; s += $6 } { print NF } END { printf "mean %.2f\\n", s/n }'],
            input=out, capture_output=True, text=True, check=True).stdout.split("\n")
        self.assertEqual(set(awk[:7]), {"7"})  # header and 6 rows, 7 fields each
        self.assertEqual(awk[7], "mean 3.17")
        rows = list(csv.reader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE))
        self.assertEqual(rows[0], ["date", "sleep", "exercise", "meditation", "time outside",
                                   "showed_up", "note"])
        self.assertEqual([r[0] for r in rows[1:]],
                         ["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25",
                          "2026-11-27"])
        self.assertEqual(rows[5], ["2026-11-25", "1", "", "0", "0", "2", ""])
        self.assertEqual(rows[2][6], "line one\\nline two")
        self.assertEqual(rows[3][6], "tab\\there")
        self.assertEqual(rows[6][6], "back\\\\slash, é 🌱")

    def test_csv_round_trips_notes_through_python_csv(self):
        self.log_week()
        r = self.run_cli("review", "--format", "csv", binary=True)
        self.assertEqual(r.status, 0)
        self.assertTrue(r.out.endswith(b"\r\n"))
        rows = list(csv.DictReader(io.StringIO(r.out.decode(), newline="")))
        self.assertEqual(len(rows), 6)
        notes = [row["note"] for row in rows]
        self.assertEqual(notes, ['ran, then "rested"', "line one\nline two", "tab\there", "", "",
                                 "back\\slash, é 🌱"])
        self.assertEqual([row["exercise"] for row in rows], ["1", "0", "0", "1", "", "1"])
        self.assertEqual([row["showed_up"] for row in rows], ["4", "3", "1", "5", "2", "4"])

    def test_json_holds_the_rows_and_the_effects_computed_independently(self):
        self.log_week()
        data = json.loads(self.review("--format", "json").out)
        self.assertEqual((data["from"], data["to"]), ("2026-11-21", "2026-11-27"))
        self.assertEqual(data["items"], ["sleep", "exercise", "meditation", "time outside"])
        days = data["days"]
        self.assertEqual(len(days), 6)
        self.assertEqual(days[4]["items"]["exercise"], None)
        self.assertEqual(days[0]["note"], 'ran, then "rested"')
        self.assertIsNone(days[3]["note"])

        # The same figures, worked out here from the rows.
        def mean(xs):
            return round(sum(xs) / len(xs), 2) if xs else None

        by_date = {d["date"]: d for d in days}
        summary = {i["name"]: i for i in data["summary"]["items"]}
        for name in data["items"]:
            done = [d["showed_up"] for d in days if d["items"].get(name) is True]
            not_done = [d["showed_up"] for d in days if d["items"].get(name) is False]
            fx = summary[name]["effect"]
            self.assertEqual(fx["done"]["days"], len(done), name)
            self.assertEqual(fx["done"]["mean"], mean(done), name)
            self.assertEqual(fx["not_done"]["mean"], mean(not_done), name)
            self.assertEqual(summary[name]["unsure"],
                             sum(1 for d in days if name in d["items"] and d["items"][name] is None))
            nxt_done, nxt_not = [], []
            for d in days:
                y, m, dd = map(int, d["date"].split("-"))
                nxt = by_date.get(f"{y:04}-{m:02}-{dd + 1:02}")
                if not nxt:
                    continue
                if d["items"].get(name) is True:
                    nxt_done.append(nxt["showed_up"])
                elif d["items"].get(name) is False:
                    nxt_not.append(nxt["showed_up"])
            nfx = summary[name]["next_day_effect"]
            self.assertEqual(nfx["done"]["mean"], mean(nxt_done), name)
            self.assertEqual(nfx["not_done"]["mean"], mean(nxt_not), name)
        self.assertEqual(summary["sleep"]["effect"]["done"], {"mean": 3.5, "days": 4})
        self.assertEqual(summary["sleep"]["effect"]["not_done"], {"mean": 2.5, "days": 2})
        s = data["summary"]
        self.assertEqual((s["days_in_range"], s["checkin_days"], s["gap_days"]), (7, 6, 1))
        self.assertEqual(s["showed_up"], {"mean": 3.17, "days": 6})
        self.assertEqual(s["trend"]["step"], "day")
        self.assertEqual(len(s["trend"]["points"]), 7)
        # 23 November (nothing done) and 25 November (sleep only) are not next to each other,
        # 22-23 is: sleep alone, then nothing.
        self.assertEqual(s["under_resourced"]["stretches"],
                         [{"from": "2026-11-22", "to": "2026-11-23", "days": 2}])

    def test_jq_style_queries_work_on_the_json(self):
        self.log_week()
        data = json.loads(self.review("--format", "json", "--month").out)
        low = [d["date"] for d in data["days"] if d["showed_up"] <= 2]
        self.assertEqual(low, ["2026-11-23", "2026-11-25"])

    def test_redact_leaves_out_every_free_text_field(self):
        self.log_week()
        self.append_records("2026-11", MOMENT + REFRAME)
        for fmt in ("text", "tsv", "csv", "json"):
            out = self.review("--format", fmt, "--redact").out
            for secret in ("rested", "line one", "lunch break", "snapped"):
                self.assertNotIn(secret, out, fmt)
        data = json.loads(self.review("--format", "json", "--redact").out)
        self.assertNotIn("note", data["days"][0])
        self.assertEqual(data["summary"]["moments"]["count"], 1)
        header = self.review("--format", "tsv", "--redact").out.split("\n")[0]
        self.assertEqual(header.split("\t")[-1], "showed_up")

    def test_items_dropped_from_the_config_are_appended_after_the_current_ones(self):
        self.log_week()
        config = os.path.join(self.home, "config.toml")
        with open(config, encoding="utf-8") as f:
            text = f.read()
        text = text.replace('items = ["sleep", "exercise", "meditation", "time outside"]',
                            'items = ["walk", "sleep"]')
        with open(config, "w", encoding="utf-8") as f:
            f.write(text)
        self.run_cli("log", "--did", "walk,sleep", "--showed-up", "5")
        header = self.review("--format", "tsv").out.split("\n")[0].split("\t")
        self.assertEqual(header, ["date", "walk", "sleep", "exercise", "meditation",
                                  "time outside", "showed_up", "note"])
        data = json.loads(self.review("--format", "json").out)
        self.assertEqual(data["days"][-1]["items"], {"walk": True, "sleep": True})
        self.assertEqual([i["in_config"] for i in data["summary"]["items"]],
                         [True, True, False, False, False])


MOMENT = '''[[entry]]
id = "mom0000001"
kind = "moment"
day = 2026-11-24
at = 2026-11-24T20:00:00+01:00
text = "took a real lunch break\\u001b]0;owned\\u0007 instead of charting"
'''

REFRAME = '''
[[entry]]
id = "ref0000001"
kind = "reframe"
day = 2026-11-10
at = 2026-11-10T20:00:00+01:00
what = "snapped at a colleague"
repair = "say sorry"
follow_up = 2026-11-15

[[entry]]
id = "ref0000002"
kind = "reframe"
day = 2026-11-11
at = 2026-11-11T20:00:00+01:00
what = "forgot the call"
follow_up = 2026-11-12

[[entry]]
id = "rep0000001"
kind = "repair_done"
day = 2026-11-13
at = 2026-11-13T20:00:00+01:00
ref = "ref0000002"
'''

OTHER_KINDS = '''
[[entry]]
id = "qua0000001"
kind = "qualities"
day = 2026-11-22
at = 2026-11-22T20:00:00+01:00
resilience = 2
positive_emotion = 3
generosity = 4
attention = 3

[[entry]]
id = "qua0000002"
kind = "qualities"
day = 2026-11-26
at = 2026-11-26T20:00:00+01:00
resilience = 4
positive_emotion = 3
generosity = 3
attention = 3
focus = "generosity"

[[entry]]
id = "pra0000001"
kind = "practice"
day = 2026-11-26
at = 2026-11-26T20:00:00+01:00
practice = "kindness"
seconds = 180
completed = true

[[entry]]
id = "pra0000002"
kind = "practice"
day = 2026-11-27
at = 2026-11-27T20:00:00+01:00
practice = "kindness"
seconds = 90
completed = false
future_key = "ignored"

[[entry]]
id = "unk0000001"
kind = "something_newer"
day = 2026-11-27
at = 2026-11-27T20:00:00+01:00
'''


class TextReport(ReviewTest):
    def test_the_week_report_shows_every_section_with_data(self):
        self.log_week()
        self.append_records("2026-11", MOMENT + REFRAME + OTHER_KINDS)
        out = self.review("--color", "never", env=self.env(LANG="C.UTF-8")).out
        self.assertIn("Your week: Saturday 21 November to Friday 27 November", out)
        self.assertIn("You checked in on 6 days, and made time for sleep and exercise.", out)
        self.assertIn("  sleep     ▪▪▫▪▪·▫  done on 4 days\n", out)
        self.assertIn("  exercise  ▪▫▫▪?·▪  done on 3 days\n", out)
        self.assertIn("Not this time: meditation and time outside.", out)
        self.assertNotIn(" of 6", out)  # no tallies
        self.assertIn("resilience        4  (+2)", out)
        self.assertIn("generosity        3  (−1)", out)
        self.assertIn("Your focus: generosity.", out)
        self.assertIn("kindness  2 sessions, 4 min 30 s\n", out)
        self.assertIn("1 moment saved", out)
        self.assertIn("took a real lunch break^[]0;owned^G instead of charting", out)
        self.assertIn("One repair is still open.", out)
        self.assertNotIn("snapped at a colleague", out)  # a count, never the text
        self.assertNotIn("ref0000001", out)
        self.assertNotIn("forgot the call", out)
        details = self.review("--details", "--color", "never", env=self.env(LANG="C.UTF-8")).out
        self.assertIn("showed up 3.5 (4) with it, 2.5 (2) without", details)
        self.assertIn("not done on 2, not remembered on 1", details)
        self.assertNotIn("\x1b", out)
        self.assertNotIn("\x07", out)

    def test_practice_printed_without_a_terminal_is_not_counted_as_time(self):
        for _ in range(2):
            self.assertEqual(self.run_cli("practice", "kindness").status, 0)
        self.assertEqual(self.run_cli("practice", "recall").status, 0)  # nothing kept yet
        out = self.review().out
        self.assertIn("kindness  printed 2 times as text, not timed\n", out)
        self.assertNotIn("0 min", out)
        [p] = json.loads(self.review("--format", "json").out)["summary"]["practice"]
        self.assertEqual((p["kind"], p["sessions"], p["seconds"], p["printed"]),
                         ("kindness", 0, 0, 2))
        shown = self.run_cli("show").out
        self.assertEqual(shown.count("printed as text, not timed"), 2)
        self.assertNotIn("seconds: 0", shown)

    def test_a_forgotten_check_in_leaves_no_day_and_no_gap_behind(self):
        self.assertEqual(self.run_cli("log", "--date", "-5", "--showed-up", "2").status, 0)
        self.assertEqual(self.run_cli("log", "--showed-up", "3").status, 0)
        day = json.loads(self.run_cli("show", "--week", "--format", "json").out)[0]["day"]
        r = self.run_cli("forget", "--yes", f"{day}.checkin")
        self.assertEqual(r.status, 0, r)
        s = json.loads(self.review("--format", "json").out)["summary"]
        # Only today's check-in is left: it is the first record, so no gap.
        self.assertEqual((s["checkin_days"], s["gap_days"]), (1, 0))
        self.assertNotIn(day[8:].lstrip("0") + " November", self.review("--details").out)

    def test_dates_outside_this_year_carry_their_year(self):
        for day in ("2025-12-30", "2026-01-02"):
            self.assertEqual(self.run_cli("log", "--date", day, "--showed-up", "3").status, 0)
        out = self.review("--from", "2025-12-29", "--to", "2026-01-04").out
        self.assertIn("Your review: Monday 29 December 2025 to Sunday 4 January 2026\n", out)
        out = self.review("--from", "2025-12-01", "--to", "2025-12-31",
                          env=self.env(LANG="C.UTF-8")).out
        self.assertIn("Your review: Monday 1 December 2025 to Wednesday 31 December 2025\n", out)
        self.assertIn("1 December 2025 to 31 December 2025; ▁ is 1", out)

    def test_sections_without_records_are_absent(self):
        self.log_week()
        out = self.review().out
        for heading in ("Qualities", "Practice", "Moments of care", "Repairs"):
            self.assertNotIn(heading, out)

    def test_an_empty_home_gets_a_kind_line(self):
        self.assertIn("Nothing is kept here yet", self.review().out)
        # A home whose range holds nothing yet.
        self.run_cli("log", "--showed-up", "3", "--date", "2026-10-01")
        out = self.review().out
        self.assertIn("No check-ins in this range yet", out)

    def test_colour_only_on_a_terminal_and_never_with_no_color(self):
        self.log_week()
        self.assertNotIn("\x1b[", self.review().out)
        self.assertIn("\x1b[", self.review("--color", "always").out)
        shown = self.run_pty("review", env=self.env(TERM="xterm"))
        self.assertEqual(shown.status, 0)
        self.assertIn("\x1b[", shown.raw)
        plain = self.run_pty("review", env=self.env(TERM="xterm", NO_COLOR="1"))
        self.assertNotIn("\x1b[", plain.raw)
        self.assertIn("You checked in on 6 days", plain.out)
        dumb = self.run_pty("review", env=self.env(TERM="dumb"))
        self.assertNotIn("\x1b[", dumb.raw)
        forced = self.run_pty("--color", "always", "review", env=self.env(TERM="dumb", NO_COLOR="1"))
        self.assertIn("\x1b[", forced.raw)
        never = self.run_pty("--color", "never", "review", env=self.env(TERM="xterm"))
        self.assertNotIn("\x1b[", never.raw)

    def test_year_draws_a_calendar_heat_map(self):
        self.log_week()
        self.run_cli("log", "--date", "2026-03-02", "--showed-up", "5")
        out = self.review("--year", env=self.env(LANG="C.UTF-8")).out
        self.assertIn("Showing up, day by day", out)
        grid = [line for line in out.split("\n") if line.startswith(("Mon ", "Wed ", "Fri "))]
        self.assertEqual(len(grid), 3)
        self.assertIn("█", grid[0])  # Monday 2 March, rated 5
        self.assertNotIn("Showing up, day by day", self.review("--month").out)

    def test_days_follow_the_rollover_hour(self):
        self.log_week()
        late = self.env(COMPASSION_NOW="2026-11-28T01:30:00")
        data = json.loads(self.review("--format", "json", env=late).out)
        self.assertEqual(data["to"], "2026-11-27")


class Robustness(ReviewTest):
    def test_a_range_that_ends_before_it_starts_exits_64(self):
        r = self.run_cli("review", "--from", "2026-11-20", "--to", "2026-11-01")
        self.assertEqual(r.status, 64)
        self.assertIn("--from 2026-11-20 comes after --to 2026-11-01", r.err)
        self.assertEqual(r.out, "")
        self.assertEqual(self.run_cli("review", "--format", "yaml").status, 64)
        self.assertEqual(self.run_cli("review", "--week", "--all").status, 64)

    def test_a_to_past_today_alone_stops_at_today(self):
        self.run_cli("log", "--showed-up", "3", "--date", "2026-10-01")
        r = self.run_cli("review", "--to", "2026-12-31")
        self.assertEqual(r.status, 0, r.err)
        self.assertEqual(r.err, "")
        self.assertIn("Saturday 21 November to Friday 27 November", r.out)

    def test_from_and_to_take_the_same_forms_as_log_date(self):
        self.log_week()
        data = json.loads(self.review("--from", "monday", "--to", "yesterday",
                                      "--format", "json").out)
        self.assertEqual((data["from"], data["to"]), ("2026-11-23", "2026-11-26"))
        self.assertEqual(len(data["days"]), 3)

    def test_a_broken_month_is_named_and_the_rest_is_reported(self):
        self.log_week()
        os.makedirs(self.journal, exist_ok=True)
        broken = self.month_path("2026-10")
        with open(broken, "w") as f:
            f.write('[[entry]]\nkind = "checkin"\nday = 2026-10-31\nnote = "unterminated\n')
        r = self.run_cli("review", "--month", "--format", "tsv")
        self.assertEqual(r.status, 65)
        self.assertRegex(r.err, rf"^compassion: {broken}:4:\d+: ")
        self.assertEqual(len(r.out.strip().split("\n")), 7)
        text = self.run_cli("review", "--month")
        self.assertEqual(text.status, 65)
        self.assertIn("2026-10.toml could not be read", " ".join(text.out.split()))
        data = json.loads(self.run_cli("review", "--month", "--format", "json").out)
        self.assertEqual(data["summary"]["left_out"], [broken])
        with open(broken) as f:
            self.assertIn("unterminated", f.read())  # left as it was
        # A week does not touch October, so it does not notice.
        self.assertEqual(self.run_cli("review").status, 0)

    def many_days(self):
        lines = []
        for month in range(1, 12):
            for d in range(1, 29):
                lines.append(f'[[entry]]\nid = "x{month:02}{d:02}"\nkind = "checkin"\n'
                             f'day = 2026-{month:02}-{d:02}\nat = 2026-{month:02}-{d:02}T21:00:00+01:00\n'
                             f'did = ["sleep"]\nnot_done = ["exercise"]\nunsure = []\n'
                             f'showed_up = {d % 5 + 1}\nnote = "{"a fairly long note " * 20}"\n')
            self.append_records(f"2026-{month:02}", "\n".join(lines))
            lines = []

    def test_head_ends_the_output_quietly(self):
        self.many_days()
        for fmt in ("text", "tsv", "csv", "json"):
            proc = subprocess.Popen([BIN, "review", "--all", "--format", fmt],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    stdin=subprocess.DEVNULL, env=self.env())
            first = proc.stdout.readline()
            proc.stdout.close()
            err = proc.stderr.read()
            proc.stderr.close()
            proc.wait(timeout=30)
            self.assertTrue(first, fmt)
            # A reader that stops early is not a failure: no signal, exit 0.
            self.assertEqual(proc.returncode, 0, fmt)
            self.assertEqual(err, b"", fmt)
        # With SIGPIPE ignored (as some shells and services run their jobs),
        # the write fails with EPIPE instead: still quiet, and exit 0.
        proc = subprocess.Popen([BIN, "review", "--all", "--format", "tsv"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, env=self.env(),
                                preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        proc.stderr.close()
        self.assertEqual(proc.wait(timeout=30), 0)
        self.assertEqual(err, b"")
        shell = subprocess.run(["bash", "-c", f'set -o pipefail; "{BIN}" review --all --format tsv | head -1'],
                               capture_output=True, env=self.env())
        self.assertEqual(shell.returncode, 0)
        self.assertEqual(shell.stderr, b"")
        self.assertEqual(shell.stdout.split(b"\t")[0], b"date")

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_a_full_disk_on_stdout_exits_74(self):
        self.log_week()
        for fmt in ("text", "tsv", "json"):
            with open("/dev/full", "w") as full:
                proc = subprocess.run([BIN, "review", "--format", fmt], stdout=full,
                                      stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                      env=self.env())
            self.assertEqual(proc.returncode, 74, fmt)
            self.assertIn(b"cannot write to standard output", proc.stderr)


MAN_PAGE = os.path.join(os.path.dirname(__file__), "..", "..", "man", "compassion-review.1")


def man_examples():
    """The shell commands of the page's EXAMPLES, roff escapes undone."""
    with open(MAN_PAGE, encoding="utf-8") as f:
        text = f.read().split(".SH EXAMPLES", 1)[1].split(".SH ", 1)[0]
    blocks = re.findall(r"^\.EX\n(.*?)^\.EE$", text, re.S | re.M)
    plain = []
    for block in blocks:
        block = (block.replace("\\-", "-").replace("\\(aq", "'").replace("\\e", "\\"))
        plain.append(block.strip())
    return plain


class ManPageExamples(ReviewTest):
    def shell(self, command):
        env = self.env()
        env["PATH"] = os.path.dirname(os.path.abspath(self.bin_link)) + ":" + env["PATH"]
        return subprocess.run(["/bin/sh", "-c", command], env=env, capture_output=True,
                              text=True, cwd=self.user_home, stdin=subprocess.DEVNULL, timeout=30)

    def setUp(self):
        super().setUp()
        os.makedirs(os.path.join(self.user_home, "bin"))
        self.bin_link = os.path.join(self.user_home, "bin", "compassion")
        os.symlink(os.path.abspath(BIN), self.bin_link)

    def test_every_pipe_in_the_examples_runs_and_gives_what_it_says(self):
        self.log_week()
        examples = man_examples()
        self.assertGreaterEqual(len(examples), 7)
        outputs = {}
        for example in examples:
            lines = [l for l in example.split("\n") if not l.startswith("libreoffice")]
            command = "\n".join(lines)
            if "jq" in command and not shutil.which("jq"):
                continue
            r = self.shell(command)
            self.assertEqual(r.returncode, 0, (command, r.stderr))
            self.assertEqual(r.stderr, "", command)
            outputs[command.split("|")[-1].strip()[:12]] = r.stdout
        sort_out = next(v for k, v in outputs.items() if k.startswith("sort"))
        self.assertEqual([l.split("\t")[5] for l in sort_out.splitlines()],
                         ["1", "2", "3", "4", "4", "5"])
        awk_out = next(v for k, v in outputs.items() if k.startswith("awk"))
        self.assertEqual(awk_out, "3.5 over 4 days\n")
        with open(os.path.join(self.user_home, "year.csv"), newline="") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0][-1], "showed_up")
        self.assertEqual(len(rows), 7)
        if shutil.which("jq"):
            low = next(v for k, v in outputs.items() if "select" in k or k.startswith("jq -c"))
            self.assertEqual([json.loads(l)["date"] for l in low.splitlines()],
                             ["2026-11-23", "2026-11-25"])


if __name__ == "__main__":
    unittest.main()
