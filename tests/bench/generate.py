#!/usr/bin/env python3
"""Writes a realistic compassion home for the benchmark: years of history.

Every day of the range gets 1 to 30 records (about 3 on an ordinary day, a
few busy days with many more) of every kind the tool writes: check-ins (with
notes, and now and then a second one that replaces the first), qualities,
show-up lists, saved moments, reframes, repairs marked done and practice
sessions. Files are written exactly as `compassion` writes them: the same
header, one `[[entry]]` per record with a blank line between, basic strings
with the same escapes, ids of 10 base32 characters, `at` as an offset
date-time in the home's time zone. The same seed always gives the same bytes.

    tests/bench/generate.py DIR --years 10            # ends on 2026-11-27
    tests/bench/generate.py DIR --days 31 --seed 7
"""

import argparse
import datetime as dt
import os
import random
import sys
import zoneinfo

ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
ITEMS = ["sleep", "exercise", "meditation", "time outside"]
QUALITIES = ["resilience", "positive_emotion", "generosity", "attention"]
PRACTICES = ["kindness", "recall", "quality"]
# The reframe's kind words cannot use the key `kind`: every record's header has it.
REFRAME_KIND_KEY = "kind_words"
DEFAULT_END = dt.date(2026, 11, 27)
ZONE = "Europe/Berlin"

NOTES = [
    "long day, kind to myself",
    "double shift; ate lunch sitting down for once",
    "tired but I called my sister",
    "hard conversation with a family on the ward",
    "slept badly, went gently",
    "walked the long way home through the park",
    "said no to the extra meeting and did not apologise",
    "the class was loud; I stayed calm",
    "forgot to drink water again",
    "a good day. Really.",
    'she said "thank you for listening" and I believed it',
    "rain all day\nstill went outside for ten minutes",
    "Überstunden again — noticed it, let it go",
    "café with an old friend ☕",
    "first snow 🌨 on the way to work",
    "charting until 9\tthen straight to bed",
    "back\\forth between two patients all afternoon",
]
MOMENTS = [
    "took a real lunch break instead of charting",
    "let myself cry in the car, then drove home slowly",
    "told a colleague I needed five minutes, and took them",
    "made soup and ate it at the table",
    "forgave myself for the email I sent too fast",
    "sat in the sun for a quarter of an hour",
    "asked for help with the night rota",
    'wrote "good enough" on a sticky note and meant it',
    "went to bed at ten without the phone",
    "listened to the whole album, lying on the floor",
]
REFRAMES = [
    ("snapped at a parent at pick-up", "they looked hurt; the child saw it",
     "rest, and a moment before answering", "apologise tomorrow morning",
     "breathe before replying when I am tired", "I was exhausted, not cruel"),
    ("missed my friend's call twice", "she felt alone this week",
     "connection, but I had nothing left", "call her on Sunday",
     "tell people when I am at capacity", "I care about her; I was depleted"),
    ("rushed a handover", "the next shift had to chase details",
     "to get home on time", "write the missing notes first thing",
     "start the handover ten minutes earlier", "this is fixable"),
    ("raised my voice at my son", "he went quiet for the evening",
     "quiet after a loud day", "talk with him after school",
     "say 'I need a minute' instead", "one moment does not define me"),
]


def random_id(rng):
    return "".join(rng.choice(ID_ALPHABET) for _ in range(10))


def toml_string(text):
    """A TOML basic string, escaped exactly like src/core/record.cpp does."""
    out = ['"']
    for ch in text:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif c < 0x20 or c == 0x7F:
            out.append("\\u%04X" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_string(v) for v in value) + "]"
    return toml_string(value)


def offset_datetime(moment):
    """2026-11-27T21:04:05+01:00, as format_offset_datetime writes it."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds()) // 60
    if offset.total_seconds() % 60:  # a local mean time from before time zones
        minutes = 60
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return "%s%s%02d:%02d" % (moment.strftime("%Y-%m-%dT%H:%M:%S"), sign, minutes // 60,
                             minutes % 60)


def entry_text(record):
    # As the tool writes it: every line but the id's ends in "# <id>".
    tag = " # " + record["id"]
    lines = ["[[entry]]" + tag]
    lines.append("id = " + toml_string(record["id"]))
    lines.append("kind = " + toml_string(record["kind"]) + tag)
    lines.append("day = " + record["day"].isoformat() + tag)
    lines.append("at = " + record["at"] + tag)
    for key, value in record["fields"]:
        lines.append(key + " = " + toml_value(value) + tag)
    return "\n".join(lines) + "\n"


def month_header(year, month):
    return ("# compassion journal, %04d-%02d. One [[entry]] per record, oldest first;\n"
            "# see `man 5 compassion`. New records are added at the end.\n\n" % (year, month))


def records_for_day(rng, state):
    """How many records a day holds: mostly a few, now and then a busy day."""
    if rng.random() < 0.01:
        return rng.randint(12, 30)
    return min(30, 1 + int(rng.expovariate(0.435)))


class History:
    """The running state a person's journal carries from day to day."""

    def __init__(self, rng):
        self.rng = rng
        self.moments = []
        self.open_reframes = []
        self.checkin_today = None
        self.focus = rng.choice(QUALITIES)

    def checkin(self):
        rng = self.rng
        did, not_done, unsure = [], [], []
        for item in ITEMS:
            roll = rng.random()
            (did if roll < 0.55 else unsure if roll > 0.95 else not_done).append(item)
        fields = [("did", did), ("not_done", not_done), ("unsure", unsure)]
        if rng.random() < 0.93:
            fields.append(("showed_up", max(1, min(5, 1 + len(did) + rng.randint(-1, 1)))))
        if rng.random() < 0.6:
            fields.append(("note", rng.choice(NOTES)))
        return "checkin", fields

    def qualities(self):
        rng = self.rng
        fields = [(q, rng.randint(1, 5)) for q in QUALITIES]
        if rng.random() < 0.7:
            self.focus = rng.choice(QUALITIES)
            fields.append(("focus", self.focus))
        return "qualities", fields

    def showup(self):
        items = ITEMS[:]
        if self.rng.random() < 0.5:
            items.append("a call with a friend")
        return "showup", [("items", items)]

    def moment(self):
        return "moment", [("text", self.rng.choice(MOMENTS))]

    def reframe(self, day):
        rng = self.rng
        what, impact, need, repair, differently, kind = rng.choice(REFRAMES)
        fields = [("what", what)]
        for key, value in (("impact", impact), ("need", need), ("repair", repair),
                           ("differently", differently), (REFRAME_KIND_KEY, kind)):
            if rng.random() < 0.85:
                fields.append((key, value))
        if rng.random() < 0.7:
            fields.append(("follow_up", day + dt.timedelta(days=rng.randint(1, 14))))
        return "reframe", fields

    def repair_done(self):
        rng = self.rng
        ref = self.open_reframes.pop(rng.randrange(len(self.open_reframes)))
        fields = [("ref", ref)]
        if rng.random() < 0.5:
            fields.append(("note", "we talked; it went better than I feared"))
        return "repair_done", fields

    def practice(self):
        rng = self.rng
        which = rng.choice(PRACTICES)
        if which == "recall" and not self.moments:
            which = "kindness"
        completed = rng.random() < 0.85
        planned = rng.choice([60, 120, 180, 300])
        seconds = planned if completed else rng.randint(5, planned - 1)
        fields = [("practice", which), ("seconds", seconds), ("completed", completed)]
        if which == "recall":
            fields.append(("moment", rng.choice(self.moments[-50:])))
        elif which == "quality":
            fields.append(("quality", self.focus))
            fields.append(("exercise", rng.randint(0, 5)))
        return "practice", fields

    def extra(self, day):
        """One record of any kind but the day's first check-in."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.38:
            return self.practice()
        if roll < 0.58:
            return self.qualities()
        if roll < 0.74:
            return self.moment()
        if roll < 0.82:
            return self.checkin()
        if roll < 0.90:
            return self.reframe(day)
        if roll < 0.97 and self.open_reframes:
            return self.repair_done()
        return self.showup()


def day_records(rng, history, day, zone):
    count = records_for_day(rng, history)
    evening = rng.randint(20 * 3600, 23 * 3600 + 59 * 60)
    seconds = sorted(rng.randint(7 * 3600, evening) for _ in range(count - 1)) + [evening]
    history.checkin_today = None
    # The check-in usually comes last, in the evening; the rest of the day's
    # records before it, in the order they were written.
    kinds = [history.extra(day) for _ in range(count - 1)]
    kinds.append(history.checkin())
    out = []
    for (kind, fields), second in zip(kinds, seconds):
        moment = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=second)
        record = {
            "id": random_id(rng),
            "kind": kind,
            "day": day,
            "at": offset_datetime(moment.replace(tzinfo=zone)),
            "fields": fields,
        }
        if kind == "checkin":
            # A second check-in of the day, written where the first can be
            # seen, replaces it (as `log` does).
            if history.checkin_today is not None:
                fields.append(("replaces", history.checkin_today))
            history.checkin_today = record["id"]
        elif kind == "moment":
            history.moments.append(record["id"])
        elif kind == "reframe":
            history.open_reframes.append(record["id"])
        out.append(record)
    return out


def generate(home, days, end=DEFAULT_END, seed=1, zone_name=ZONE):
    """Writes `days` days of history ending on `end` into home/journal.

    Returns (records, bytes) written."""
    rng = random.Random(seed)
    zone = zoneinfo.ZoneInfo(zone_name)
    history = History(rng)
    journal = os.path.join(home, "journal")
    os.makedirs(journal, mode=0o700, exist_ok=True)
    os.chmod(home, 0o700)
    os.chmod(journal, 0o700)
    start = end - dt.timedelta(days=days - 1)
    total_records = 0
    total_bytes = 0
    month_key = None
    chunks = []

    def flush():
        nonlocal total_bytes
        if month_key is None:
            return
        text = month_header(*month_key) + "\n".join(chunks)
        path = os.path.join(journal, "%04d-%02d.toml" % month_key)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        total_bytes += len(text.encode("utf-8"))

    day = start
    while day <= end:
        key = (day.year, day.month)
        if key != month_key:
            flush()
            month_key = key
            chunks = []
        for record in day_records(rng, history, day, zone):
            chunks.append(entry_text(record))
            total_records += 1
        day += dt.timedelta(days=1)
    flush()
    return total_records, total_bytes


def days_for_years(years, end=DEFAULT_END):
    start = end.replace(year=end.year - years) + dt.timedelta(days=1)
    return (end - start).days + 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("home", help="the home directory to fill (journal/ is created in it)")
    span = parser.add_mutually_exclusive_group(required=True)
    span.add_argument("--years", type=int, help="years of history ending on --end")
    span.add_argument("--days", type=int, help="days of history ending on --end")
    parser.add_argument("--end", default=DEFAULT_END.isoformat(),
                        help="the last day (default %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default %(default)s)")
    args = parser.parse_args(argv)
    end = dt.date.fromisoformat(args.end)
    days = args.days if args.days else days_for_years(args.years, end)
    if days < 1:
        parser.error("give at least one day")
    records, size = generate(args.home, days, end, args.seed)
    print("%d records, %d days, %.1f MB in %s" % (records, days, size / 1e6,
                                                  os.path.join(args.home, "journal")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
