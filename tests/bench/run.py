#!/usr/bin/env python3
"""The compassion benchmark: whole-process runs against baselines, one table.

Generates realistic homes (tests/bench/generate.py), then runs every case as
repeated whole processes, interleaved so that drift hits all cases alike, and
reports the median wall time with its min-max, the peak RSS, and each target
of issue 8 as a ratio to a baseline measured in the same run:

  trivial   a program linking CLI11, fmt and toml++ (start-up floor)
  cat       `cat` of the same journal bytes (I/O floor)
  parse     toml++ parsing the same month files (parse floor)
  timew     `timew summary :all` on an equivalent interval history, if installed
  durable   the durable write floor: read a month, write it plus one record to a
            temporary file, fsync, rename, fsync the directory (bench_durable),
            once for each month an import touches

Every process is launched through bench_spawn, which times it and reads its
peak RSS with wait4 (a direct child of Python would inherit Python's RSS).

    cmake -S . -B build -DCOMPASSION_BENCH=ON && cmake --build build -j2
    tests/bench/run.py                 # the table; --json for machines
    tests/bench/run.py --smoke         # a tiny size, as CTest runs it
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import generate  # noqa: E402

NOW = "2026-11-27T21:30:00"
MONTH_FILE = "2026-11.toml"

# name: days of history ending on generate.DEFAULT_END. "month" is made last:
# it holds only the 10y home's current month, the same bytes, so that comparing
# the two shows what the years of history cost and nothing else.
FULL_HOMES = {
    "empty": 0,
    "1y": generate.days_for_years(1),
    "10y": generate.days_for_years(10),
    "100y": generate.days_for_years(100),
    "month": "10y",
}
SMOKE_HOMES = {"empty": 0, "1y": 40, "10y": 60, "100y": 90, "month": "10y"}


class Case:
    """One command, run as a whole process `repeat` times."""

    def __init__(self, name, argv, label, env=None, prepare=None, ok=(0,)):
        self.name = name
        self.argv = argv
        self.label = label
        self.env = env or {}
        self.prepare = prepare
        self.ok = ok
        self.times_ms = []
        self.cpu_ms = []
        self.rss_kib = []


class Target:
    """A line of the issue's table: a case against a baseline, a time or a memory bound."""

    def __init__(self, case, text, baseline=None, ratio=None, ms=None, rss_mb=None):
        self.case = case
        self.text = text
        self.baseline = baseline
        self.ratio = ratio
        self.ms = ms
        self.rss_mb = rss_mb


def find_binary(explicit, *candidates):
    if explicit:
        return os.path.abspath(explicit)
    for c in candidates:
        path = os.path.join(ROOT, c)
        if os.path.exists(path):
            return path
    return None


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    system = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    system = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "os": system, "kernel": platform.release()}


def month_files(home):
    journal = os.path.join(home, "journal")
    if not os.path.isdir(journal):
        return []
    return sorted(os.path.join(journal, n) for n in os.listdir(journal)
                  if n.endswith(".toml") and not n.startswith("."))


def make_homes(workdir, sizes, reuse):
    """Generates each home once; with --workdir, kept for the next run."""
    homes = {}
    for name, days in sizes.items():
        home = os.path.join(workdir, "home-" + name)
        stamp = os.path.join(workdir, "home-%s.json" % name)
        want = {"days": days, "seed": 1, "format": 2}
        if reuse and os.path.exists(stamp):
            with open(stamp) as f:
                info = json.load(f)
            if info.get("want") == want:
                homes[name] = info
                continue
        shutil.rmtree(home, ignore_errors=True)
        os.makedirs(os.path.join(home, "journal"), mode=0o700)
        if isinstance(days, str):  # the current month of another home
            source = os.path.join(homes[days]["path"], "journal", MONTH_FILE)
            shutil.copyfile(source, os.path.join(home, "journal", MONTH_FILE))
            with open(source, "rb") as f:
                text = f.read()
            records, size = text.count(b"[[entry]]"), len(text)
        else:
            records, size = generate.generate(home, days) if days else (0, 0)
        info = {"want": want, "path": home, "records": records, "bytes": size,
                "files": len(month_files(home))}
        with open(stamp, "w") as f:
            json.dump(info, f)
        homes[name] = info
    return homes


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


def run_once(spawn, case, base_env):
    if case.prepare:
        case.prepare()
    env = dict(base_env)
    env.update(case.env)
    proc = subprocess.run([spawn, *case.argv], env=env, capture_output=True, text=True)
    fields = proc.stdout.split()
    if proc.returncode != 0 or len(fields) != 4:
        raise SystemExit("bench: %s: the launcher failed: %s" % (case.name, proc.stderr.strip()))
    ns, rss, status, cpu_us = (int(x) for x in fields)
    if status not in case.ok:
        raise SystemExit("bench: %s exited %d: %s\n  %s" % (
            case.name, status, " ".join(case.argv), proc.stderr.strip()[-500:]))
    return ns / 1e6, cpu_us / 1e3, rss


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


def has_review(compassion, base_env):
    proc = subprocess.run([compassion, "--help"], env=base_env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
    return any(line.split()[:1] == ["review"] for line in proc.stdout.splitlines())


def build_cases(args, homes, workdir, base_env):
    bin_ = args.bin
    h = {name: info["path"] for name, info in homes.items()}
    cases = []
    targets = []
    notes = []

    def add(case):
        cases.append(case)
        return case

    # Baselines.
    if args.trivial:
        add(Case("trivial", [args.trivial, "--help"], "baseline: CLI11+fmt+toml++ program --help"))
    else:
        notes.append("trivial and parse baselines not built: configure with -DCOMPASSION_BENCH=ON")
    ten_files = month_files(h["10y"])
    add(Case("cat_10y", [shutil.which("cat"), *ten_files], "baseline: cat of the 10y journal"))
    if args.parse:
        add(Case("parse_10y", [args.parse, *ten_files], "baseline: toml++ parses the 10y journal"))
    timew = shutil.which("timew")
    if timew:
        db = os.path.join(workdir, "timew-10y")
        intervals = timew_history(h["10y"], db)
        add(Case("timew_10y", [timew, "summary", ":all"],
                 "baseline: timew summary :all, %d intervals" % intervals,
                 env={"TIMEWARRIORDB": db}))
    else:
        notes.append("timewarrior is not installed: no timew baseline")

    # compassion: start-up and log.
    add(Case("help", [bin_, "--help"], "compassion --help"))
    log_args = ["log", "--did", "sleep,meditation", "--showed-up", "4", "-m", "a kind day"]
    for home in ("empty", "month", "10y"):
        # Each run finds the month as the last check-in left it.
        path = os.path.join(h[home], "journal", MONTH_FILE)
        original = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                original = f.read()
        add(Case("log_" + home, [bin_, "--home", h[home], *log_args],
                 "log (saves a check-in), %s home" % home, prepare=restore(path, original)))
    for home in ("empty", "10y"):
        add(Case("log_check_" + home, [bin_, "--home", h[home], "log", "--check"],
                 "log --check, %s home" % home, ok=(0, 1)))

    targets.append(Target("help", "--help <= 1.2 x trivial program", "trivial", ratio=1.2))
    targets.append(Target("log_10y", "log, 10y <= 1.1 x log in an empty home", "log_empty",
                          ratio=1.1))
    targets.append(Target("log_10y", "log, 10y <= 3 ms median", ms=3.0))
    targets.append(Target("log_10y", "(log, 10y vs only this month; no target)", "log_month"))

    # sync with nothing to do, against what git itself needs to find that out.
    if shutil.which("git"):
        synced, git = synced_home(bin_, h["10y"], workdir, base_env)
        add(Case("sync_noop_10y", [bin_, "--home", synced, "sync"],
                 "sync with nothing to do, 10y home and a bare remote"))
        add(Case("git_status_fetch_10y",
                 ["/bin/sh", "-c", '"$0" -C "$1" status --porcelain >/dev/null && '
                  '"$0" -C "$1" fetch -q origin', git, synced],
                 "baseline: git status + git fetch on the same home"))
        targets.append(Target("sync_noop_10y",
                              "sync, nothing to do <= 1.5 x git status + git fetch",
                              "git_status_fetch_10y", ratio=1.5))
    else:
        notes.append("git is not installed: no sync case")

    # review, once the command exists in this build.
    if has_review(bin_, base_env):
        def review(name, home, flags, label):
            return add(Case(name, [bin_, "--home", h[home], "review", *flags], label))

        # compassion keeps nothing derived between runs (no cache): every run
        # reads every month file, so the first run and a repeated one are the
        # same case.
        review("review_all_10y", "10y", ["--all"], "review --all, 10y")
        review("review_all_100y", "100y", ["--all"], "review --all, 100y")
        review("review_week_month", "month", ["--week"], "review --week, only this month")
        review("review_week_10y", "10y", ["--week"], "review --week, 10y")
        if args.parse:
            targets.append(Target("review_all_10y", "review --all 10y, first <= 1.2 x parse",
                                  "parse_10y", ratio=1.2))
        targets.append(Target("review_all_10y", "review --all 10y, again <= 10 x cat",
                              "cat_10y", ratio=10.0))
        if timew:
            targets.append(Target("review_all_10y",
                                  "(review --all 10y vs timew summary :all; no target)",
                                  "timew_10y"))
        targets.append(Target("review_all_100y", "review --all 100y: peak RSS <= 16 MB",
                              rss_mb=16.0))
        targets.append(Target("review_week_10y", "review --week 10y <= 1.2 x only this month",
                              "review_week_month", ratio=1.2))
    else:
        notes.append("this build has no `review` command yet: its cases are left out")
    if args.durable:
        import_cases(args, homes, workdir, base_env, add, targets)
    else:
        notes.append("bench_durable not found: no import case")
    return cases, targets, notes


def import_cases(args, homes, workdir, base_env, add, targets):
    """Ten years of daily Daylio rows imported into an empty home, against the
    durable write floor for as many months as the import touches."""
    days = homes["10y"]["want"]["days"]
    csv = os.path.join(workdir, "daylio-10y.csv")
    months = daylio_export(csv, days)
    home = os.path.join(workdir, "home-import")
    journal = os.path.join(home, "journal")

    def empty_journal():
        shutil.rmtree(journal, ignore_errors=True)

    argv = [args.bin, "--home", home, "import", "-q", csv]
    empty_journal()
    env = dict(base_env)
    proc = subprocess.run(argv, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit("bench: import failed: " + proc.stderr.strip()[-500:])
    imported = month_files(home)
    if len(imported) != months:
        raise SystemExit("bench: the import wrote %d months, not %d" % (len(imported), months))
    # The floor rewrites copies of the imported months, so the import's own home
    # can be emptied before each of its runs.
    floor_in = os.path.join(workdir, "durable-in")
    floor_out = os.path.join(workdir, "durable-out")
    for d in (floor_in, floor_out):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    copies = []
    for path in imported:
        copy = os.path.join(floor_in, os.path.basename(path))
        shutil.copyfile(path, copy)
        copies.append(copy)
    add(Case("durable_import", [args.durable, floor_out, *copies],
             "baseline: durable write floor x %d months" % months))
    add(Case("import_10y", argv, "import of 10y of daily Daylio rows (%d months)" % months,
             prepare=empty_journal))
    targets.append(Target("import_10y",
                          "import 10y <= 3 x durable write floor x months touched",
                          "durable_import", ratio=3.0))


def summarise(case):
    t = case.times_ms
    return {
        "name": case.name,
        "label": case.label,
        "command": case.argv,
        "runs": len(t),
        "median_ms": statistics.median(t),
        "min_ms": min(t),
        "max_ms": max(t),
        "median_cpu_ms": statistics.median(case.cpu_ms),
        "peak_rss_mb": max(case.rss_kib) / 1024,
    }


def judge(target, results):
    r = results[target.case]
    out = {"case": target.case, "target": target.text}
    if target.baseline:
        if target.baseline not in results:
            out.update(measured=None, holds=None)
            return out
        ratio = r["median_ms"] / results[target.baseline]["median_ms"]
        cpu = r["median_cpu_ms"] / results[target.baseline]["median_cpu_ms"]
        out.update(measured="%.2fx" % ratio, value=ratio, limit=target.ratio,
                   cpu="%.2fx" % cpu, cpu_value=cpu,
                   holds=None if target.ratio is None else ratio <= target.ratio)
    elif target.ms is not None:
        out.update(measured="%.2f ms" % r["median_ms"], value=r["median_ms"], limit=target.ms,
                   holds=r["median_ms"] <= target.ms)
    else:
        out.update(measured="%.1f MB" % r["peak_rss_mb"], value=r["peak_rss_mb"],
                   limit=target.rss_mb, holds=r["peak_rss_mb"] <= target.rss_mb)
    return out


def table(report):
    lines = []
    lines.append("| case | median ms | min–max ms | CPU ms | peak RSS MB |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    for c in report["cases"]:
        lines.append("| %s | %.2f | %.2f–%.2f | %.2f | %.1f |" % (
            c["label"], c["median_ms"], c["min_ms"], c["max_ms"], c["median_cpu_ms"],
            c["peak_rss_mb"]))
    lines.append("")
    lines.append("| target | measured | holds | CPU time ratio |")
    lines.append("| --- | ---: | --- | ---: |")
    for t in report["targets"]:
        holds = "–" if t["holds"] is None else "yes" if t["holds"] else "NO"
        lines.append("| %s | %s | %s | %s |" % (t["target"], t["measured"] or "n/a", holds,
                                               t.get("cpu", "")))
    homes = ", ".join("%s %d records %.1f MB" % (n, i["records"], i["bytes"] / 1e6)
                      for n, i in report["homes"].items() if i["records"])
    lines.append("")
    lines.append("%s, %d runs each (x5 for cases under 20 ms), %s; %s (%d cores), %s." % (
        report["date"], report["repeat"], homes, report["machine"]["cpu"],
        report["machine"]["cores"], report["machine"]["os"]))
    lines.append("Load average %.2f before, %.2f after: other work on the machine makes wall "
                 "times noisy, CPU times less so." % tuple(report["load_average"]))
    for note in report["notes"]:
        lines.append("Note: " + note + ".")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Benchmarks compassion against baselines measured in the same run.")
    parser.add_argument("--bin", help="the compassion binary (default: build/compassion)")
    parser.add_argument("--spawn", help="the launcher (default: build/tests/bench/bench_spawn)")
    parser.add_argument("--trivial", help="the trivial baseline (default: build/tests/bench/...)")
    parser.add_argument("--parse", help="the toml++ parse baseline")
    parser.add_argument("--durable", help="the durable write floor (default: build/tests/bench/...)")
    parser.add_argument("--repeat", type=int, help="runs per case (default 15; smoke 3)")
    parser.add_argument("--smoke", action="store_true", help="tiny homes and few runs, for CTest")
    parser.add_argument("--workdir", help="keep generated homes here and reuse them next time")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", metavar="NAMES",
                        help="run only these cases (comma-separated names, e.g. help,trivial)")
    args = parser.parse_args(argv)

    args.bin = find_binary(args.bin, "build/compassion")
    args.spawn = find_binary(args.spawn, "build/tests/bench/bench_spawn")
    args.trivial = find_binary(args.trivial, "build/tests/bench/bench_trivial")
    args.parse = find_binary(args.parse, "build/tests/bench/bench_parse")
    args.durable = find_binary(args.durable, "build/tests/bench/bench_durable")
    for what, path in (("compassion", args.bin), ("bench_spawn", args.spawn)):
        if not path or not os.access(path, os.X_OK):
            parser.error("cannot find %s; build first or pass its path" % what)
    repeat = args.repeat or (3 if args.smoke else 15)

    temp = None
    if args.workdir:
        workdir = os.path.abspath(args.workdir)
        os.makedirs(workdir, exist_ok=True)
    else:
        temp = tempfile.TemporaryDirectory(prefix="compassion-bench-")
        workdir = temp.name
    try:
        user_home = os.path.join(workdir, "user")
        os.makedirs(user_home, exist_ok=True)
        base_env = {
            "HOME": user_home,
            "PATH": "/usr/bin:/bin",
            "LANG": "C",
            "TZ": generate.ZONE,
            "COMPASSION_NOW": NOW,
        }
        started = time.monotonic()
        load_before = os.getloadavg()[0]
        homes = make_homes(workdir, SMOKE_HOMES if args.smoke else FULL_HOMES,
                           reuse=bool(args.workdir))
        cases, targets, notes = build_cases(args, homes, workdir, base_env)
        if args.only:
            wanted = set(args.only.split(","))
            unknown = wanted - {c.name for c in cases}
            if unknown:
                parser.error("--only: no case named %s (cases: %s)" % (
                    ", ".join(sorted(unknown)), ", ".join(c.name for c in cases)))
            cases = [c for c in cases if c.name in wanted]
            targets = [t for t in targets if t.case in wanted
                       and (t.baseline is None or t.baseline in wanted)]
        runs = {}
        for case in cases:  # a warm-up: the page cache, config files
            ms, _, _ = run_once(args.spawn, case, base_env)
            # Quick cases are the noisiest: give them more runs for a steady median.
            runs[case.name] = repeat * (5 if ms < 20 else 1)
        for i in range(max(runs.values())):
            for case in cases:
                if i >= runs[case.name]:
                    continue
                ms, cpu, rss = run_once(args.spawn, case, base_env)
                case.times_ms.append(ms)
                case.cpu_ms.append(cpu)
                case.rss_kib.append(rss)
        results = {c.name: summarise(c) for c in cases}
        report = {
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "repeat": repeat,
            "smoke": args.smoke,
            "seconds": round(time.monotonic() - started, 1),
            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "homes": {n: {k: v for k, v in i.items() if k in ("records", "bytes", "files")}
                      for n, i in homes.items()},
            "cases": list(results.values()),
            "targets": [judge(t, results) for t in targets],
            "notes": notes,
        }
    finally:
        if temp:
            temp.cleanup()
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
