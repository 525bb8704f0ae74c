"""`review` over years of history gives exactly the output it gave before
the summary was made streaming: each output below is compared, by its
SHA-256, with what the non-streaming review (main at 28b592c) printed for the
same generated home. The home is written by tests/bench/generate.py with a
fixed seed and end day, so it is the same on every run; every case runs
twice."""

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
    "all": "d9dd6afac7d9b651fd7ed53a50e69d9f909373a2d51f7ab0505b5e44cd337efa",
    "all-color": "d83bfd499e78200c87d4106924d8a738930e20da98c16322efa33875d1672cc5",
    "all-redact": "5541e47074683a00b49a87e637b59153fc02daac5f86b8e0ea1cdd992afd0c0b",
    "year": "15c9c8f06bbbd930624c69fe9af89a6a9996ef127459bff91324fbf37fb2f9e7",
    "month": "ca84f293c672242f72152fc5aa35e71afd9b439a8dc8a79d3cff709391f452db",
    "week": "7c122b3149015bb147a55f9ec2eb9194346c01c86033ac1396a2d0dc500431c5",
    "span": "f33d12e3d8d3994b51bf260cb53b06b69ceeb20ecbc4003a0f0953eb92b90112",
    "new-year": "6b1a486da271e515b5e64378118b8eb56b385e9a646a827513f34baaa18228fb",
    "all-tsv": "7c3701647b89b02128db120c8297460ca99a5d44a5411e2aab7f66dfaf60af29",
    "all-csv": "111eb648d45f3e04cf76720d5ae72471322a3fdb4ba89cc204cc2e9a32614c20",
    "all-json": "f331ac6ffe2c25e9f4b6212a2aab679e5c669539a40a607f4ad4c131920d6de9",
    "all-json-redact": "668ae9d683ac302621b3252c742034a3dc95b92d0083e05afed2f99269a5e9e7",
    "year-tsv-redact": "96ae382216a7b8aa0cf6c27811da81115460c923e2d10976f5dd33cfd4717332",
    "month-json": "93aa2d6c5a2bbbe47a162be4fd7f3658148cb0253353a3a50b3de6096bf12202",
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
