"""Hostile input through the real binary: notes on stdin with NUL, CR/LF
mixes, a BOM, terminal escapes, a megabyte of text, and 100 MB that must be
refused early without being read into memory."""

import os
import resource
import subprocess
import threading
import time
import tomllib
import unittest

from harness import BIN, HomeTest


class HostileNotes(HomeTest):
    def note_back(self):
        [e] = self.entries()
        return e["note"]

    def test_a_note_from_stdin_keeps_nul_cr_lf_bom_and_escapes_safely(self):
        text = "\ufeffbom\x00nul\r\ncrlf\rcr\nlf\x1b[2J\x1b]0;title\x07 done"
        r = self.run_cli("log", "-s", "3", "-m", "-", input=text.encode() + b"\r\n\n")
        self.assertEqual(r.status, 0, r)
        raw = self.month_bytes()
        for byte in (b"\x00", b"\x1b", b"\x07", b"\r"):
            self.assertNotIn(byte, raw)  # stored escaped, never raw
        self.assertEqual(self.note_back(), text)  # trailing line ends are dropped

    def test_invalid_utf8_on_stdin_is_replaced_with_a_warning(self):
        r = self.run_cli("log", "-s", "3", "-m", "-", input=b"ok \xff\xfe caf\xe9 \xe2\x82")
        self.assertEqual(r.status, 0, r)
        self.assertIn("not UTF-8", r.err)
        # Each byte that is not part of a whole character becomes one U+FFFD.
        self.assertEqual(self.note_back(), "ok \ufffd\ufffd caf\ufffd \ufffd\ufffd")

    def test_escape_sequences_are_never_replayed_when_the_entry_is_given_back(self):
        self.run_cli("log", "-s", "3")
        with open(self.month_path(), "ab") as f:
            f.write(b"[[entry\n")
        r = self.run_cli("log", "-s", "4", "-m", "-", input=b"\x1b[31mred\x1b[0m\x00", binary=True)
        self.assertEqual(r.status, 65)
        self.assertNotIn(b"\x1b", r.out + r.err)
        self.assertNotIn(b"\x00", r.out + r.err)
        self.assertEqual(tomllib.loads(r.out.decode())["entry"][0]["note"], "\x1b[31mred\x1b[0m\x00")

    def test_a_megabyte_note_is_stored_whole(self):
        data = ("a line of a long letter to myself, é 🌱\r\n" * 25000).encode()[:1_000_000]
        text = data.decode("utf-8", "ignore").rstrip("\r\n")
        r = self.run_cli("log", "-s", "3", "-m", "-", input=text.encode())
        self.assertEqual(r.status, 0, r)
        self.assertEqual(self.note_back(), text)

    def test_a_hundred_megabytes_on_stdin_fail_fast_without_being_read(self):
        proc = subprocess.Popen([BIN, "log", "-s", "3", "-m", "-"], env=self.env(),
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        sent = 0
        chunk = b"x" * (1 << 20)

        def feed():
            nonlocal sent
            try:
                for _ in range(100):
                    proc.stdin.write(chunk)
                    sent += len(chunk)
                proc.stdin.close()
            except (BrokenPipeError, ValueError):
                pass

        start = time.monotonic()
        feeder = threading.Thread(target=feed)
        feeder.start()
        out, err = proc.stdout.read(), proc.stderr.read()
        status = proc.wait(timeout=30)
        feeder.join(timeout=30)
        elapsed = time.monotonic() - start
        self.assertEqual(status, 64, err)
        self.assertEqual(err.decode(),
                         "compassion: --message: the text is longer than 1024 KiB; please keep it "
                         "shorter\n")
        self.assertLess(sent, 8 << 20, "it should stop reading just past the limit")
        self.assertLess(elapsed, 5)
        # Peak memory of any child so far: the refused run stays far below 100 MB.
        self.assertLess(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, 60 * 1024)
        self.assertFalse(os.path.exists(self.month_path()))


if __name__ == "__main__":
    unittest.main()
