"""`find` reads only the months whose bytes could hold the words, and never
misses a record because a TOML escape spelled them differently on disk."""

import os
import unittest

from harness import HomeTest


def moment(ident, day, text_toml):
    return (f'[[entry]]\nid = "{ident}"\nkind = "moment"\nday = {day}\n'
            f"at = {day}T21:00:00+00:00\ntext = {text_toml}\n")


class FindThroughEscapes(HomeTest):
    def setUp(self):
        super().setUp()
        self.set_up_home()
        months = {
            "2026-08": moment("aug0000001", "2026-08-03", '"a walk by the river"'),
            # A hand-edited file: \\u spells a letter.
            "2026-09": moment("sep0000001", "2026-09-04", '"a new alb\\u0075m"'),
            # A backslash at a line's end joins the lines of a multi-line string.
            "2026-10": moment("oct0000001", "2026-10-05", '"""played a new \\\n    album"""'),
            "2026-11": moment("nov0000001", "2026-11-06", '"she said \\"album\\" twice"'),
        }
        for month, text in months.items():
            with open(self.month_path(month), "w") as f:
                f.write(text)
            os.chmod(self.month_path(month), 0o600)

    def found(self, *words):
        r = self.run_cli("find", *words)
        self.assertIn(r.status, (0, 1), r)
        return sorted(line.split(":")[0] for line in r.out.splitlines())

    def test_words_spelled_by_an_escape_are_found(self):
        self.assertEqual(self.found("album"), ["2026-09-04", "2026-10-05", "2026-11-06"])
        self.assertEqual(self.found("new album"), ["2026-09-04", "2026-10-05"])

    def test_words_with_a_quote_are_found(self):
        self.assertEqual(self.found('"album"'), ["2026-11-06"])

    def test_a_month_without_the_words_is_passed_over(self):
        self.assertEqual(self.found("river"), ["2026-08-03"])
        r = self.run_cli("find", "nowhere to be found")
        self.assertEqual((r.status, r.out), (1, ""))


if __name__ == "__main__":
    unittest.main()
