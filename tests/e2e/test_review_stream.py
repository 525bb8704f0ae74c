"""`review` over years of history gives exactly the output pinned here: each
output below is compared, by its SHA-256, with what review printed for the
same generated home when the digests were last taken. They were first taken
from the non-streaming review (main at 28b592c) and re-pinned once, on
purpose, when the text report was reshaped and the JSON effects gained their
verdicts and intervals; TSV and CSV kept their digests. The home is written by
tests/bench/generate.py with a fixed seed and end day, so it is the same on
every run; every case runs twice."""

import hashlib
import os
import subprocess
import sys
import unittest

from harness import HomeTest

GENERATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "generate.py")

CASES = {
    "all": ["--all"],
    "all-color": ["--all", "--color", "always"],
    "all-redact": ["--all", "--redact"],
    "year": ["--year"],
    "month": ["--month"],
    "week": ["--week"],
    "span": ["--from", "2024-02-10", "--to", "2025-03-03"],
    "new-year": ["--from", "2025-12-20", "--to", "2026-01-10"],
    "all-tsv": ["--all", "--format", "tsv"],
    "all-csv": ["--all", "--format", "csv"],
    "all-json": ["--all", "--format", "json"],
    "all-json-redact": ["--all", "--format", "json", "--redact"],
    "year-tsv-redact": ["--year", "--format", "tsv", "--redact"],
    "month-json": ["--month", "--format", "json"],
}

EXPECTED = {
    "all": "d80eb279f6ac8bcbb0f9395559f8bcdb68a484c29f078c7670091d1ba22fce96",
    "all-color": "c8e396cae19a8b78917d8dd51d6161c7e1456766b346ed081c8ad640ecf5f6d9",
    "all-redact": "fa22f50d492474b9d0be135ed390dc10189b454da5308f47ee3eb01c731b4178",
    "year": "06d88dd6ccb59d622804616d1d07d0775727e9ae8fe8eb2fe99210688962811f",
    "month": "332f93bc7f0b0752163df3754baee3946b00e6b0fcd9897ac1f5f311eba5feef",
    "week": "ca3e30e5e8f39f423589e25a99a13960ffa34301665a2b53963af389903a24c3",
    "span": "797eda74ec084f84185e14cc230a3352bacf56d99372c77177c0b308dcc5e241",
    "new-year": "fcc19458e584aebfa31566411d721a4d54da15756f942a7ecae79cb04e528be6",
    "all-tsv": "7c3701647b89b02128db120c8297460ca99a5d44a5411e2aab7f66dfaf60af29",
    "all-csv": "111eb648d45f3e04cf76720d5ae72471322a3fdb4ba89cc204cc2e9a32614c20",
    "all-json": "667cec9a45886085bc07ee9be8bf25a0cab53b5e53e4764432e872e4e55750d9",
    "all-json-redact": "0a002459462b707c1b2ad07970bbdbb2549723bf66df9b9e7f33555aec20fa41",
    "year-tsv-redact": "96ae382216a7b8aa0cf6c27811da81115460c923e2d10976f5dd33cfd4717332",
    "month-json": "e16fc402e3ee7effe2308814e47b0605ba7aef58cb27e7aed03e30cffafed43f",
}


class StreamingReviewTest(HomeTest):
    def setUp(self):
        super().setUp()
        subprocess.run([sys.executable, GENERATE, self.home, "--years", "3", "--end",
                        "2026-11-27", "--seed", "11"], check=True, capture_output=True)

    def digests(self):
        out = {}
        for name, flags in CASES.items():
            # The digests were taken with full glyphs: a UTF-8 locale.
            r = self.run_cli("review", *flags, binary=True, env=self.env(LANG="C.UTF-8"))
            self.assertEqual(r.status, 0, (name, r.err))
            out[name] = hashlib.sha256(r.out).hexdigest()
        return out

    def test_outputs_match_the_review_before_streaming(self):
        cold = self.digests()
        warm = self.digests()  # the same again
        if os.environ.get("COMPASSION_PRINT_DIGESTS"):
            print(cold)
        self.assertEqual(cold, EXPECTED)
        self.assertEqual(warm, EXPECTED)


if __name__ == "__main__":
    unittest.main()
