"""The store's promises through the real binary: output that cannot be
written, stdin that cannot be read, dates TOML cannot hold, and a home that
cannot be set up."""

import os
import subprocess
import unittest

from harness import BIN, HomeTest


class OutputThatCannotBeWritten(HomeTest):
    def run_to_dev_full(self, *args):
        with open("/dev/full", "w") as full:
            return subprocess.run([BIN, *args], stdin=subprocess.DEVNULL, stdout=full,
                                  stderr=subprocess.PIPE, env=self.env(), timeout=30)

    def test_a_practice_printed_into_a_full_disk_is_not_recorded(self):
        for practice in ("kindness", "quality"):
            with self.subTest(practice=practice):
                proc = self.run_to_dev_full("practice", practice)
                self.assertEqual(proc.returncode, 74, proc.stderr)
                self.assertIn(b"could not be printed", proc.stderr)
                practices = [e for e in self.all_entries() if e.get("kind") == "practice"]
                self.assertEqual(practices, [])

    def test_a_practice_that_is_printed_is_recorded(self):
        r = self.run_cli("practice", "kindness")
        self.assertEqual(r.status, 0, r)
        self.assertEqual([e["kind"] for e in self.all_entries()], ["practice"])


if __name__ == "__main__":
    unittest.main()
