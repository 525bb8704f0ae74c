"""The benchmark's report: per-case figures, the targets judged, and with
--before the before/after ratios, as JSON or as the Markdown README.md quotes."""

import statistics


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


def before_after(cases, results):
    """One row per case that ran on both binaries: medians and after/before."""
    rows = []
    for case in cases:
        if not case.twin_of:
            continue
        old, new = results[case.name], results[case.twin_of]
        rows.append({
            "case": case.twin_of,
            "label": new["label"],
            "before_ms": old["median_ms"],
            "after_ms": new["median_ms"],
            "ratio": new["median_ms"] / old["median_ms"],
            "before_cpu_ms": old["median_cpu_ms"],
            "after_cpu_ms": new["median_cpu_ms"],
            "cpu_ratio": new["median_cpu_ms"] / old["median_cpu_ms"],
            "before_rss_mb": old["peak_rss_mb"],
            "after_rss_mb": new["peak_rss_mb"],
        })
    return rows


def table(report):
    lines = []
    lines.append("| case | median ms | min–max ms | CPU ms | peak RSS MB |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    for c in report["cases"]:
        if c["name"].startswith("before:"):
            continue
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
    if report.get("before_after"):
        lines.append("")
        lines.append("Before (%s) and after (%s), the same homes, interleaved in this run:" % (
            report["before"], report["after"]))
        lines.append("")
        lines.append("| case | before ms | after ms | after/before | before CPU ms "
                     "| after CPU ms | after/before CPU | peak RSS MB |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in report["before_after"]:
            lines.append("| %s | %.2f | %.2f | %.2fx | %.2f | %.2f | %.2fx | %.1f → %.1f |" % (
                r["label"], r["before_ms"], r["after_ms"], r["ratio"], r["before_cpu_ms"],
                r["after_cpu_ms"], r["cpu_ratio"], r["before_rss_mb"], r["after_rss_mb"]))
    homes = ", ".join("%s %d records %.1f MB" % (n, i["records"], i["bytes"] / 1e6)
                      for n, i in report["homes"].items() if i["records"])
    lines.append("")
    lines.append("%s, %d runs each (x5 for cases under 20 ms), %s; %s (%d cores), %s." % (
        report["date"], report["repeat"], homes, report["machine"]["cpu"],
        report["machine"]["cores"], report["machine"]["os"]))
    lines.append("Load average %.2f before, %.2f to %.2f during, %.2f after: other work on the "
                 "machine makes wall times noisy, CPU times less so." % (
                     report["load_average"][0], *report["load_average_during"],
                     report["load_average"][1]))
    for note in report["notes"]:
        lines.append("Note: " + note + ".")
    return "\n".join(lines)
