#!/usr/bin/env python3
"""The compassion benchmark: whole-process runs against baselines, one table.

Generates realistic homes (tests/bench/generate.py), then runs every case as
repeated whole processes, interleaved so that drift hits all cases alike, and
reports the median wall time with its min-max, the median CPU time, the peak
RSS, and each target of the issues as a ratio to a baseline measured in the
same run (the cases and targets are in tests/bench/cases.py):

  trivial   a program linking CLI11, fmt and toml++ (start-up floor)
  cat       `cat` of the same journal bytes (I/O floor)
  parse     toml++ parsing the same month files (parse floor)
  timew     `timew summary :all` on an equivalent interval history, if installed
  durable   the durable write floor: read a month, write it plus one record to a
            temporary file, fsync, rename, fsync the directory (bench_durable),
            for the month `log` writes and for each month an import touches
  grep      `grep -r -F -i` of find's word over the same journal
  git       `git status` + `git fetch` on the home `sync` finds nothing to do in

With --before OLD, every case of the compassion binary whose command OLD has
runs on OLD too, interleaved in the same run, and a before/after table gives
the medians and the after/before ratios of wall and CPU time.

Every process is launched through bench_spawn, which times it and reads its
peak RSS and CPU time with wait4 (a direct child of Python would inherit
Python's RSS).

    cmake -S . -B build -DCOMPASSION_BENCH=ON && cmake --build build -j2
    tests/bench/run.py                 # the table; --json for machines
    tests/bench/run.py --before OLD    # and OLD's figures beside them
    tests/bench/run.py --smoke         # a tiny size, as CTest runs it
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import cases as bench_cases  # noqa: E402
import generate  # noqa: E402
import report as bench_report  # noqa: E402

NOW = "2026-11-27T21:30:00"
MONTH_FILE = bench_cases.MONTH_FILE

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
                "files": len(bench_cases.month_files(home))}
        with open(stamp, "w") as f:
            json.dump(info, f)
        homes[name] = info
    return homes


def run_once(spawn, case, base_env):
    """One run: (wall ms, CPU ms, peak RSS KiB, exit status, stderr)."""
    if case.prepare:
        case.prepare()
    env = dict(base_env)
    env.update(case.env)
    launcher = [spawn] + (["--stdout", case.stdout] if case.stdout else [])
    proc = subprocess.run([*launcher, *case.argv], env=env, capture_output=True, text=True)
    fields = proc.stdout.split()
    if proc.returncode != 0 or len(fields) != 4:
        raise SystemExit("bench: %s: the launcher failed: %s" % (case.name, proc.stderr.strip()))
    ns, rss, status, cpu_us = (int(x) for x in fields)
    return ns / 1e6, cpu_us / 1e3, rss, status, proc.stderr.strip()


def failed(case, status, stderr):
    return SystemExit("bench: %s exited %d: %s\n  %s" % (
        case.name, status, " ".join(case.argv), stderr[-500:]))


def measure(spawn, cases, base_env, repeat, notes):
    """Runs every case, interleaved; returns the cases that ran and the load
    averages seen between rounds."""
    runs = {}
    kept = []
    for case in cases:  # a warm-up: the page cache, config files
        ms, _, _, status, stderr = run_once(spawn, case, base_env)
        if status not in case.ok:
            if not case.twin_of:
                raise failed(case, status, stderr)
            # The older binary refuses this command line (a newer flag).
            notes.append("%s: the older binary exited %d: %s" % (
                case.twin_of, status, stderr.splitlines()[-1] if stderr else ""))
            continue
        kept.append(case)
        # Quick cases are the noisiest: give them more runs for a steady median
        # (a twin as many as the case it repeats).
        runs[case.name] = runs.get(case.twin_of) or repeat * (5 if ms < 20 else 1)
    loads = []
    for i in range(max(runs.values())):
        loads.append(os.getloadavg()[0])
        for case in kept:
            if i >= runs[case.name]:
                continue
            ms, cpu, rss, status, stderr = run_once(spawn, case, base_env)
            if status not in case.ok:
                raise failed(case, status, stderr)
            case.times_ms.append(ms)
            case.cpu_ms.append(cpu)
            case.rss_kib.append(rss)
    return kept, loads


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Benchmarks compassion against baselines measured in the same run.")
    parser.add_argument("--build", default="build",
                        help="the build directory to take the binaries from (default: build)")
    parser.add_argument("--bin", help="the compassion binary (default: BUILD/compassion)")
    parser.add_argument("--before", metavar="OLD",
                        help="an older compassion binary to run the same cases with")
    parser.add_argument("--spawn", help="the launcher (default: BUILD/tests/bench/bench_spawn)")
    parser.add_argument("--trivial", help="the trivial baseline (default: BUILD/tests/bench/...)")
    parser.add_argument("--parse", help="the toml++ parse baseline")
    parser.add_argument("--durable", help="the durable write floor (default: BUILD/tests/bench/...)")
    parser.add_argument("--repeat", type=int, help="runs per case (default 15; smoke 3)")
    parser.add_argument("--smoke", action="store_true", help="tiny homes and few runs, for CTest")
    parser.add_argument("--workdir", help="keep generated homes here and reuse them next time")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", metavar="NAMES",
                        help="run only these cases (comma-separated names, e.g. help,trivial)")
    args = parser.parse_args(argv)

    # A build directory is looked for where the command runs, then in the tree.
    if os.path.isdir(args.build):
        args.build = os.path.abspath(args.build)
    bench = os.path.join(args.build, "tests", "bench")
    args.bin = find_binary(args.bin, os.path.join(args.build, "compassion"))
    args.spawn = find_binary(args.spawn, os.path.join(bench, "bench_spawn"))
    args.trivial = find_binary(args.trivial, os.path.join(bench, "bench_trivial"))
    args.parse = find_binary(args.parse, os.path.join(bench, "bench_parse"))
    args.durable = find_binary(args.durable, os.path.join(bench, "bench_durable"))
    if args.before:
        args.before = os.path.abspath(args.before)
    for what, path in (("compassion", args.bin), ("bench_spawn", args.spawn),
                       ("--before", args.before)):
        if what == "--before" and path is None:
            continue
        if not path or not os.access(path, os.X_OK):
            parser.error("cannot find %s; build first or pass its path" % what)
    args.repeat = args.repeat or (3 if args.smoke else 15)
    return parser, args


def select(parser, only, cases, targets):
    """The cases and targets --only names."""
    wanted = set(only.split(","))
    unknown = wanted - {c.name for c in cases}
    if unknown:
        parser.error("--only: no case named %s (cases: %s)" % (
            ", ".join(sorted(unknown)), ", ".join(c.name for c in cases)))
    cases = [c for c in cases if c.name in wanted]
    targets = [t for t in targets if t.case in wanted
               and (t.baseline is None or t.baseline in wanted)]
    return cases, targets


def version(binary, base_env):
    proc = subprocess.run([binary, "--version"], env=base_env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
    return proc.stdout.strip() or os.path.basename(binary)


def bench(parser, args, workdir):
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
    cases, targets, notes = bench_cases.build_cases(args, homes, workdir, base_env)
    if args.only:
        cases, targets = select(parser, args.only, cases, targets)
    if args.before:
        cases, left_out = bench_cases.with_twins(cases, args.bin, args.before, base_env)
        notes.extend(left_out)
    cases, loads = measure(args.spawn, cases, base_env, args.repeat, notes)
    results = {c.name: bench_report.summarise(c) for c in cases}
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "repeat": args.repeat,
        "smoke": args.smoke,
        "seconds": round(time.monotonic() - started, 1),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "load_average_during": [round(min(loads), 2), round(max(loads), 2)],
        "homes": {n: {k: v for k, v in i.items() if k in ("records", "bytes", "files")}
                  for n, i in homes.items()},
        "after": version(args.bin, base_env),
        "before": version(args.before, base_env) if args.before else None,
        "cases": list(results.values()),
        "targets": [bench_report.judge(t, results) for t in targets if t.case in results],
        "before_after": bench_report.before_after(cases, results),
        "notes": notes,
    }


def main(argv=None):
    parser, args = parse_args(argv)
    temp = None
    if args.workdir:
        workdir = os.path.abspath(args.workdir)
        os.makedirs(workdir, exist_ok=True)
    else:
        temp = tempfile.TemporaryDirectory(prefix="compassion-bench-")
        workdir = temp.name
    try:
        report = bench(parser, args, workdir)
    finally:
        if temp:
            temp.cleanup()
    print(json.dumps(report, indent=2) if args.json else bench_report.table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
