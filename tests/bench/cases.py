"""The benchmark's cases and targets (tests/bench/run.py runs and reports them).

A case is one command run as a whole process; a target is a line of the
issues' tables: a case against a baseline measured in the same run, a time or
a memory bound. With --before, every case of the compassion binary whose
command the older binary has gets a twin that runs the older binary instead.
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import tomllib

import generate

MONTH_FILE = "2026-11.toml"
# A word in about one record in a hundred of the generated homes (a saved
# moment's text), so a search reads everything and prints a little.
NEEDLE = "album"
SHOWN_DAY = "2026-11-20"


class Case:
    """One command, run as a whole process `repeat` times."""

    def __init__(self, name, argv, label, env=None, prepare=None, ok=(0,), stdout=None):
        self.name = name
        self.argv = argv
        self.label = label
        self.env = env or {}
        self.prepare = prepare
        self.ok = ok
        self.stdout = stdout  # a file for the command's output (default /dev/null)
        self.twin_of = None  # the case this one repeats with the --before binary
        self.times_ms = []
        self.cpu_ms = []
        self.rss_kib = []

    def twin(self, binary):
        other = Case("before:" + self.name, [binary, *self.argv[1:]], self.label, self.env,
                     self.prepare, self.ok, self.stdout)
        other.twin_of = self.name
        return other


class Target:
    """A line of the issue's table: a case against a baseline, a time or a memory bound."""

    def __init__(self, case, text, baseline=None, ratio=None, ms=None, rss_mb=None):
        self.case = case
        self.text = text
        self.baseline = baseline
        self.ratio = ratio
        self.ms = ms
        self.rss_mb = rss_mb


def month_files(home):
    journal = os.path.join(home, "journal")
    if not os.path.isdir(journal):
        return []
    return sorted(os.path.join(journal, n) for n in os.listdir(journal)
                  if n.endswith(".toml") and not n.startswith("."))


def commands_of(binary, base_env):
    """The subcommands a compassion binary lists in its --help."""
    proc = subprocess.run([binary, "--help"], env=base_env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
    names = set()
    listing = False
    for line in proc.stdout.splitlines():
        if line.strip() == "Subcommands:":
            listing = True
        elif listing and line.startswith("  ") and line.split():
            names.add(line.split()[0])
    return names


def command_of(argv):
    """The subcommand a compassion command line runs (None for --help)."""
    words = argv[1:]
    while words and words[0].startswith("-"):
        words = words[2:] if words[0] == "--home" else words[1:]
    return words[0] if words else None


def timew_history(journal_home, db):
    """An interval per record of the home, as timewarrior stores them."""
    shutil.rmtree(db, ignore_errors=True)
    os.makedirs(os.path.join(db, "data"))
    with open(os.path.join(db, "timewarrior.cfg"), "w") as f:
        f.write("verbose = off\nconfirmation = off\n")
    starts = []
    for path in month_files(journal_home):
        with open(path, "rb") as f:
            for e in tomllib.load(f).get("entry", []):
                starts.append((e["at"].astimezone(dt.timezone.utc), e["kind"]))
    starts.sort()
    lines = {}
    tags = set()
    for i, (start, kind) in enumerate(starts):
        end = start + dt.timedelta(minutes=5)
        if i + 1 < len(starts):
            end = min(end, starts[i + 1][0])
        if end <= start:
            continue
        key = start.strftime("%Y-%m")
        lines.setdefault(key, []).append("inc %s - %s # %s\n" % (
            start.strftime("%Y%m%dT%H%M%SZ"), end.strftime("%Y%m%dT%H%M%SZ"), kind))
        tags.add(kind)
    for key, month in lines.items():
        with open(os.path.join(db, "data", key + ".data"), "w") as f:
            f.writelines(month)
    with open(os.path.join(db, "data", "tags.data"), "w") as f:
        json.dump({t: {"count": 1} for t in sorted(tags)}, f)
    return len(starts)


def restore(path, content):
    """Puts a month file back as the last check-in left it: these bytes (None:
    no file), on disk."""
    def prepare():
        if content is None:
            if os.path.exists(path):
                os.unlink(path)
            return
        with open(path, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
    return prepare


def daylio_export(path, days):
    """A Daylio CSV export of `days` daily rows ending on generate.DEFAULT_END,
    newest first, as the app writes it (byte-order mark, CR LF, 12-hour times,
    quoted activities and notes)."""
    moods = ["awful", "bad", "meh", "good", "rad"]
    acts = ["sleep", "exercise", "meditation", "time outside", "friends", "reading"]
    end = generate.DEFAULT_END
    rows = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    for k in range(days):
        day = end - dt.timedelta(days=k)
        did = [a for i, a in enumerate(acts) if (k * 7 + i * 3) % 5 < 3]
        note = "a long shift<br>kind to myself, mostly" if k % 3 == 0 else ""
        rows.append('%s,%d %s,%s,%d:%02d pm,%s,"%s",,"%s"' % (
            day.isoformat(), day.day, day.strftime("%B"), day.strftime("%A"), 8 + k % 4,
            (k * 13) % 60, moods[(k * 3) % 5], " | ".join(did), note))
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(rows) + "\r\n")
    return len({(generate.DEFAULT_END - dt.timedelta(days=k)).strftime("%Y-%m")
                for k in range(days)})


def synced_home(compassion, source, workdir, base_env):
    """A copy of `source` kept in git with a bare remote, synced once, so that a
    sync finds nothing to do: (the home, git)."""
    git = shutil.which("git")
    home = os.path.join(workdir, "synced-" + os.path.basename(source))
    remote = home + ".git"
    if not os.path.isdir(os.path.join(home, ".git")):
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(remote, ignore_errors=True)
        shutil.copytree(source, home)
        subprocess.run([git, "init", "-q", "--bare", remote], env=base_env, check=True)
        init = subprocess.run([compassion, "--home", home, "sync", "--init", remote],
                              env=base_env, capture_output=True, text=True)
        if init.returncode != 0:
            raise SystemExit("bench: sync --init failed: " + init.stderr.strip())
    return home, git


class Plan:
    """The cases and targets of one run, and notes on what was left out."""

    def __init__(self, args, homes, workdir, base_env):
        self.args = args
        self.h = {name: info["path"] for name, info in homes.items()}
        self.homes = homes
        self.workdir = workdir
        self.base_env = base_env
        self.commands = commands_of(args.bin, base_env)
        self.cases = []
        self.targets = []
        self.notes = []

    def add(self, case):
        self.cases.append(case)
        return case

    def target(self, *args, **kwargs):
        self.targets.append(Target(*args, **kwargs))

    def compassion(self, name, home, words, label, **kwargs):
        return self.add(Case(name, [self.args.bin, "--home", self.h[home], *words], label,
                             **kwargs))

    def has(self, command):
        if command in self.commands:
            return True
        self.notes.append("this build has no `%s` command: its cases are left out" % command)
        return False


def baselines(p):
    args = p.args
    if args.trivial:
        p.add(Case("trivial", [args.trivial, "--help"],
                   "baseline: CLI11+fmt+toml++ program --help"))
    else:
        p.notes.append("trivial and parse baselines not built: configure with "
                       "-DCOMPASSION_BENCH=ON")
    ten_files = month_files(p.h["10y"])
    p.add(Case("cat_10y", [shutil.which("cat"), *ten_files], "baseline: cat of the 10y journal"))
    if args.parse:
        p.add(Case("parse_10y", [args.parse, *ten_files],
                   "baseline: toml++ parses the 10y journal"))
    timew = shutil.which("timew")
    if timew:
        db = os.path.join(p.workdir, "timew-10y")
        intervals = timew_history(p.h["10y"], db)
        p.add(Case("timew_10y", [timew, "summary", ":all"],
                   "baseline: timew summary :all, %d intervals" % intervals,
                   env={"TIMEWARRIORDB": db}))
    else:
        p.notes.append("timewarrior is not installed: no timew baseline")
    if args.durable:
        # What one locked append must do at least, for the month `log` writes.
        floor_in = os.path.join(p.workdir, "durable-month-in")
        floor_out = os.path.join(p.workdir, "durable-month-out")
        for d in (floor_in, floor_out):
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
        copy = os.path.join(floor_in, MONTH_FILE)
        shutil.copyfile(os.path.join(p.h["10y"], "journal", MONTH_FILE), copy)
        p.add(Case("durable_month", [args.durable, floor_out, copy],
                   "baseline: durable write floor, this month of the 10y home"))


def log_cases(p):
    p.add(Case("help", [p.args.bin, "--help"], "compassion --help"))
    if not p.has("log"):
        return
    log_args = ["log", "--did", "sleep,meditation", "--showed-up", "4", "-m", "a kind day"]
    for home in ("empty", "month", "10y"):
        # Each run finds the month as the last check-in left it.
        path = os.path.join(p.h[home], "journal", MONTH_FILE)
        original = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                original = f.read()
        p.compassion("log_" + home, home, log_args, "log (saves a check-in), %s home" % home,
                     prepare=restore(path, original))
    for home in ("empty", "10y"):
        p.compassion("log_check_" + home, home, ["log", "--check"],
                     "log --check, %s home" % home, ok=(0, 1))
    p.target("help", "--help <= 1.2 x trivial program", "trivial", ratio=1.2)
    p.target("log_10y", "log, 10y <= 1.1 x log in an empty home", "log_empty", ratio=1.1)
    p.target("log_10y", "log, 10y <= 3 ms median", ms=3.0)
    p.target("log_10y", "(log, 10y vs only this month; no target)", "log_month")
    if p.args.durable:
        p.target("log_10y", "(log, 10y vs durable write floor; no target)", "durable_month")


def sync_cases(p):
    """sync with nothing to do, against what git itself needs to find that out."""
    if not shutil.which("git"):
        p.notes.append("git is not installed: no sync case")
        return
    if not p.has("sync"):
        return
    synced, git = synced_home(p.args.bin, p.h["10y"], p.workdir, p.base_env)
    p.add(Case("sync_noop_10y", [p.args.bin, "--home", synced, "sync"],
               "sync with nothing to do, 10y home and a bare remote"))
    p.add(Case("git_status_fetch_10y",
               ["/bin/sh", "-c", '"$0" -C "$1" status --porcelain >/dev/null && '
                '"$0" -C "$1" fetch -q origin', git, synced],
               "baseline: git status + git fetch on the same home"))
    p.target("sync_noop_10y", "sync, nothing to do <= 1.5 x git status + git fetch",
             "git_status_fetch_10y", ratio=1.5)


def review_cases(p):
    if not p.has("review"):
        return
    # compassion keeps nothing derived between runs (no cache): every run reads
    # every month file, so the first run and a repeated one are the same case.
    p.compassion("review_all_10y", "10y", ["review", "--all"], "review --all, 10y")
    p.compassion("review_all_100y", "100y", ["review", "--all"], "review --all, 100y")
    p.compassion("review_week_month", "month", ["review", "--week"],
                 "review --week, only this month")
    p.compassion("review_week_10y", "10y", ["review", "--week"], "review --week, 10y")
    if p.args.parse:
        p.target("review_all_10y", "review --all 10y, first <= 1.2 x parse", "parse_10y",
                 ratio=1.2)
    p.target("review_all_10y", "review --all 10y, again <= 10 x cat", "cat_10y", ratio=10.0)
    if any(c.name == "timew_10y" for c in p.cases):
        p.target("review_all_10y", "(review --all 10y vs timew summary :all; no target)",
                 "timew_10y")
    p.target("review_all_100y", "review --all 100y: peak RSS <= 16 MB", rss_mb=16.0)
    p.target("review_week_10y", "review --week 10y <= 1.2 x only this month",
             "review_week_month", ratio=1.2)


def search_cases(p):
    """find against grep -F over the same month files; show of one day."""
    if p.has("find"):
        out = os.path.join(p.workdir, "found.txt")
        p.compassion("find_10y", "10y", ["find", NEEDLE],
                     "find %s (about 1 record in 100), 10y" % NEEDLE, ok=(0, 1), stdout=out)
        p.add(Case("grep_10y", [shutil.which("grep"), "-r", "-F", "-i", "--", NEEDLE,
                                os.path.join(p.h["10y"], "journal")],
                   "baseline: grep -r -F -i %s over the 10y journal" % NEEDLE, ok=(0, 1),
                   stdout=out))
        p.target("find_10y", "find 10y <= 3 x grep -r -F -i", "grep_10y", ratio=3.0)
    if p.has("show"):
        p.compassion("show_day_month", "month", ["show", SHOWN_DAY],
                     "show one day, only this month")
        p.compassion("show_day_10y", "10y", ["show", SHOWN_DAY], "show one day, 10y")
        p.target("show_day_10y", "show one day 10y <= 1.2 x only this month", "show_day_month",
                 ratio=1.2)


def import_cases(p):
    """Ten years of daily Daylio rows imported into an empty home, against the
    durable write floor for as many months as the import touches."""
    if not p.args.durable:
        p.notes.append("bench_durable not found: no import case")
        return
    if not p.has("import"):
        return
    days = p.homes["10y"]["want"]["days"]
    csv = os.path.join(p.workdir, "daylio-10y.csv")
    months = daylio_export(csv, days)
    home = os.path.join(p.workdir, "home-import")
    journal = os.path.join(home, "journal")

    def empty_journal():
        shutil.rmtree(journal, ignore_errors=True)

    argv = [p.args.bin, "--home", home, "import", "-q", csv]
    empty_journal()
    proc = subprocess.run(argv, env=p.base_env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit("bench: import failed: " + proc.stderr.strip()[-500:])
    imported = month_files(home)
    if len(imported) != months:
        raise SystemExit("bench: the import wrote %d months, not %d" % (len(imported), months))
    # The floor rewrites copies of the imported months, so the import's own home
    # can be emptied before each of its runs.
    floor_in = os.path.join(p.workdir, "durable-in")
    floor_out = os.path.join(p.workdir, "durable-out")
    for d in (floor_in, floor_out):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    copies = []
    for path in imported:
        copy = os.path.join(floor_in, os.path.basename(path))
        shutil.copyfile(path, copy)
        copies.append(copy)
    p.add(Case("durable_import", [p.args.durable, floor_out, *copies],
               "baseline: durable write floor x %d months" % months))
    p.add(Case("import_10y", argv, "import of 10y of daily Daylio rows (%d months)" % months,
               prepare=empty_journal))
    p.target("import_10y", "import 10y <= 3 x durable write floor x months touched",
             "durable_import", ratio=3.0)


def build_cases(args, homes, workdir, base_env):
    p = Plan(args, homes, workdir, base_env)
    baselines(p)
    log_cases(p)
    sync_cases(p)
    review_cases(p)
    search_cases(p)
    import_cases(p)
    return p.cases, p.targets, p.notes


def with_twins(cases, binary, before, base_env):
    """Each case of the compassion binary, followed by its twin on the --before
    binary when that binary has the command; and notes on the cases left out."""
    old = commands_of(before, base_env)
    out, missing = [], set()
    for case in cases:
        out.append(case)
        if case.argv[0] != binary:
            continue
        command = command_of(case.argv)
        if command is None or command in old:
            out.append(case.twin(before))
        else:
            missing.add(command)
    if not missing:
        return out, []
    names = ["`%s`" % c for c in sorted(missing)]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return out, ["the older binary has no %s command: those cases ran on this build only" % listed]

