"""import reads Loop Habit Tracker's export zip as it is, and refuses a hostile one."""

import io
import os
import shutil
import re
import struct
import subprocess
import unittest
import zipfile

from harness import BIN, HomeTest

HABITS = (
    "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,"
    "Unit,Target Type,Target Value,Archived?\n"
    "001,Meditate,YES_NO,Did you meditate?,,1,1,#FF8F00,,,,false\n"
    "002,Walk,NUMERICAL,How far did you walk?,,1,1,#00897B,km,AT_LEAST,2.0,false\n"
)

CHECKMARKS = (
    "Date,Meditate,Walk,\n"
    "2026-11-19,YES_MANUAL,2500,\n"
    "2026-11-18,NO,1000,\n"
    "2026-11-17,YES_AUTO,0,\n"
    "2026-11-16,UNKNOWN,UNKNOWN,\n"
)

# Loop's own order: Habits.csv, each habit's folder, then the wide files.
LOOP_ENTRIES = [
    ("Habits.csv", HABITS),
    ("001 Meditate/Scores.csv", "Date,Score\n2026-11-19,0.5000\n"),
    ("001 Meditate/Checkmarks.csv", "Date,Value,Notes\n2026-11-19,YES_MANUAL,\n"),
    ("002 Walk/Scores.csv", "Date,Score\n2026-11-19,0.2500\n"),
    ("002 Walk/Checkmarks.csv", "Date,Value,Notes\n2026-11-19,2500,\n"),
    ("Scores.csv", "Date,Meditate,Walk,\n2026-11-19,0.5000,0.2500,\n"),
    ("Checkmarks.csv", CHECKMARKS),
]


class Stream(io.RawIOBase):
    """An output that cannot seek, as Loop's ZipOutputStream treats its file:
    each entry's sizes and checksum then follow its data (a data descriptor)."""

    def __init__(self):
        super().__init__()
        self.buffer = io.BytesIO()

    def writable(self):
        return True

    def write(self, data):
        return self.buffer.write(data)


def zip_bytes(entries, method=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as z:
        for name, text in entries:
            z.writestr(name, text)
    return buffer.getvalue()


def loop_zip(entries=LOOP_ENTRIES):
    """A zip written the way Loop writes its export."""
    stream = Stream()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in entries:
            z.writestr(name, text)
    data = stream.buffer.getvalue()
    assert struct.unpack_from("<H", data, 6)[0] & 0x08, "sizes after the data"
    return data


def patch_headers(data, name, offset_local, offset_central, fmt, value):
    """Sets a field of `name`'s local and central headers (as a liar would)."""
    data = bytearray(data)
    encoded = name.encode()
    local = data.find(b"PK\x03\x04")
    while data[local + 30:local + 30 + len(encoded)] != encoded:
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(encoded)] != encoded:
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into(fmt, data, local + offset_local, value)
    struct.pack_into(fmt, data, central + offset_central, value)
    return bytes(data)


class LoopZipTest(HomeTest):
    def setUp(self):
        super().setUp()
        self.set_up_home()

    def write(self, name, data):
        path = os.path.join(self.user_home, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path

    def refused(self, path, *words):
        """The import stops with one line naming the file, and writes nothing."""
        before = self.journal_files()
        r = self.run_cli("import", path)
        self.assertEqual(r.status, 65, r)
        self.assertEqual(r.err.count("\n"), 1, r)
        self.assertTrue(r.err.startswith(f"compassion: {path}: "), r)
        for w in words:
            self.assertIn(w, r.err)
        self.assertEqual(r.out, "")
        self.assertEqual(self.journal_files(), before)
        return r

    def test_compassion_starts_without_libzip_and_loads_it_only_for_a_zip(self):
        # Every run would pay for libzip's libcrypto if it were linked.
        ldd = subprocess.run(["ldd", BIN], capture_output=True, text=True)
        self.assertNotIn("libzip", ldd.stdout)
        # A machine without it: one line naming what to install, nothing written.
        cc = shutil.which("cc") or shutil.which("gcc")
        if not cc:
            self.skipTest("no C compiler to make a stand-in library")
        fake = os.path.join(self.user_home, "nolib")
        os.mkdir(fake)
        src = os.path.join(fake, "empty.c")
        with open(src, "w") as f:
            f.write("int compassion_not_libzip;\n")
        with open(BIN, "rb") as f:
            soname = re.search(rb"libzip\.so\.[0-9]+", f.read()).group().decode()
        subprocess.run([cc, "-shared", "-fPIC", "-o", os.path.join(fake, soname), src],
                       check=True)
        path = self.write("Loop Habits CSV 2026-11-20.zip", loop_zip())
        before = self.journal_files()
        r = self.run_cli("import", path, env=self.env(LD_LIBRARY_PATH=fake))
        self.assertEqual(r.status, 69, r)
        self.assertEqual(r.err.count("\n"), 1, r)
        self.assertIn("needs libzip", r.err)
        self.assertIn("unzip the file", r.err)
        self.assertEqual(self.journal_files(), before)

    def test_the_zip_gives_exactly_what_its_two_csv_files_give(self):
        habits = self.write("Habits.csv", HABITS)
        checks = self.write("Checkmarks.csv", CHECKMARKS)
        start = self.journal_files()
        # --item takes one value: the files may follow it.
        from_csv = self.ok("import", "--item", "Meditate=meditation", checks, habits)
        csv_journal = self.journal_files()
        self.assertNotEqual(csv_journal, start)

        shutil.rmtree(self.home)
        self.set_up_home()
        path = self.write("Loop Habits CSV 2026-11-27.zip", loop_zip())
        from_zip = self.ok("import", path, "--item", "Meditate=meditation")
        self.assertEqual(from_zip.out, from_csv.out)
        self.assertEqual(self.journal_files(), csv_journal)
        entries = {e["day"].isoformat(): e for e in self.entries()}
        self.assertEqual(entries["2026-11-19"]["did"], ["meditation", "Walk"])
        self.assertEqual(entries["2026-11-18"]["not_done"], ["meditation", "Walk"])
        self.assertNotIn("2026-11-16", entries)

        again = self.ok("import", checks, habits, "--item", "Meditate=meditation")
        self.assertIn("Imported 0 records", again.out)

    def test_a_zip_is_told_by_its_bytes_whatever_its_name_and_from_stdin(self):
        data = loop_zip()
        path = self.write("loop-backup.csv", data)
        r = self.ok("import", "--dry-run", "--format", "loop", path)
        self.assertIn("Would import 3 records", r.out)
        r = self.ok("import", "-", input=data, binary=True)
        self.assertIn(b"Imported 3 records", r.out)

    def test_dry_run_reads_the_zip_and_writes_nothing(self):
        path = self.write("export.zip", loop_zip())
        before = self.journal_files()
        r = self.ok("import", "--dry-run", path)
        self.assertIn("Would import 3 records", r.out)
        self.assertIn("Extra items, not on your show-up list: Meditate, Walk.", r.out)
        self.assertIn("Nothing was written (--dry-run).", r.out)
        self.assertEqual(self.journal_files(), before)

    def test_a_bad_line_inside_the_zip_is_named_by_the_zip_and_the_entry(self):
        bad = [("Checkmarks.csv", "Date,Meditate,\n2026-11-19,MAYBE,\n")]
        path = self.write("export.zip", zip_bytes(bad))
        r = self.run_cli("import", path)
        self.assertEqual(r.status, 65)
        self.assertIn(f"{path}/Checkmarks.csv:2: 'MAYBE' is not a Loop value", r.err)

    def test_a_zip_of_another_format_than_asked_is_named(self):
        path = self.write("export.zip", zip_bytes(LOOP_ENTRIES))
        r = self.run_cli("import", "--format", "daylio", path)
        self.assertEqual(r.status, 65)
        self.assertIn("not Daylio (try --format loop)", r.err)

    def test_a_zip_without_a_top_level_checkmarks_csv_is_refused(self):
        no_wide = [e for e in LOOP_ENTRIES if e[0] != "Checkmarks.csv"]
        self.refused(self.write("export.zip", zip_bytes(no_wide)), "no Checkmarks.csv")
        self.refused(self.write("empty.zip", zip_bytes([])), "no Checkmarks.csv")

    def test_a_damaged_zip_is_refused(self):
        data = zip_bytes(LOOP_ENTRIES)
        self.refused(self.write("cut.zip", data[: len(data) // 2]), "damaged")
        self.refused(self.write("junk.zip", b"PK\x03\x04" + bytes(60)), "damaged")
        # The compressed bytes of Checkmarks.csv, spoilt: its checksum fails.
        spoilt = bytearray(zip_bytes([("Checkmarks.csv", CHECKMARKS * 20)]))
        spoilt[30 + len("Checkmarks.csv") + 5] ^= 0xFF
        self.refused(self.write("spoilt.zip", bytes(spoilt)),
                     "Checkmarks.csv in this zip is damaged (CRC error)")

    def test_an_entry_that_would_unpack_too_large_is_refused(self):
        big = "Date,Meditate,\n" + "2026-11-19,NO,\n" * (5 << 20)  # 75 MiB, 75 KiB deflated
        data = zip_bytes([("Checkmarks.csv", big)])
        self.assertLess(len(data), 1 << 20)
        self.refused(self.write("bomb.zip", data), "more than 64 MiB")
        # The same with headers that say it is small: the unpacking is bounded too.
        liar = patch_headers(data, "Checkmarks.csv", 22, 24, "<I", 100)
        self.refused(self.write("liar.zip", liar), "more than 64 MiB")

    def test_a_zip_of_absurdly_many_entries_is_refused(self):
        many = [(f"{k:05d}/Scores.csv", "") for k in range(10001)]
        data = zip_bytes(many + [("Checkmarks.csv", CHECKMARKS)], zipfile.ZIP_STORED)
        self.refused(self.write("many.zip", data), "10002 entries")

    def test_an_encrypted_or_unreadable_entry_is_refused(self):
        data = zip_bytes([("Checkmarks.csv", CHECKMARKS)], zipfile.ZIP_STORED)
        locked = patch_headers(data, "Checkmarks.csv", 6, 8, "<H", 1)  # flag bit 0: encrypted
        self.refused(self.write("locked.zip", locked), "encrypted")
        imploded = patch_headers(data, "Checkmarks.csv", 8, 10, "<H", 6)  # PKWARE implode
        self.refused(self.write("imploded.zip", imploded), "compressed in a way")


if __name__ == "__main__":
    unittest.main()
