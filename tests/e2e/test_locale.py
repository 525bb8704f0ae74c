"""Locales that are not UTF-8: ASCII marks in reports, and typed text converted
from the locale's own character set (DECISIONS: "Text and locales")."""

from harness import HomeTest

# Five days before Friday 27 November 2026, and the Friday: (date, did, rating).
DAYS = [("-6", "sleep,exercise", "4"), ("-5", "sleep", "3"), ("-4", "", "1"),
        ("-3", "sleep,exercise", "5"), ("-2", "sleep", "2"), ("today", "exercise", "4")]
BLOCKS = "▁▂▃▄▅▆▇█▪▫·"


class Glyphs(HomeTest):
    def setUp(self):
        super().setUp()
        for date, did, rating in DAYS:
            args = ["log", "--date", date, "--showed-up", rating]
            if did:
                args += ["--did", did]
            self.assertEqual(self.run_cli(*args).status, 0)

    def review(self, *args, **env):
        r = self.run_cli("review", *args, binary=True, env=self.env(**env))
        self.assertEqual((r.status, r.err), (0, b""))
        return r.out

    def test_under_lang_c_the_report_is_plain_ascii(self):
        for flags in (["--week"], ["--year"], ["--all"]):
            out = self.review(*flags, LANG="C")
            self.assertTrue(out.isascii(), out.decode("utf-8", "replace"))
        week = self.review(LANG="C").decode()
        self.assertIn("+ done  - not done  ? don't remember  . no answer", week)
        self.assertIn("  sleep     ++-++.-  done on 4 days", week)
        self.assertIn("_ is 1, # is 5", week)
        year = self.review("--year", LANG="C").decode()
        self.assertIn(". no check-in  - no rating  12345 showed up 1 to 5", year)
        fri = [l for l in year.splitlines() if l.startswith("Fri ")]
        self.assertTrue(fri and fri[0].endswith("4"), fri)  # today, rated 4

    def test_a_latin1_or_unnamed_locale_gets_ascii_and_lc_all_wins(self):
        for env in ({"LANG": "de_DE.ISO-8859-1"}, {"LANG": "de_DE"},
                    {"LANG": "C.UTF-8", "LC_ALL": "C"}, {"LANG": "C.UTF-8", "LC_CTYPE": "POSIX"}):
            self.assertTrue(self.review("--year", **env).isascii(), env)

    def test_a_utf8_locale_keeps_the_full_glyphs(self):
        for env in ({"LANG": "C.UTF-8"}, {"LANG": "C", "LC_ALL": "en_US.utf8"}):
            week = self.review(**env).decode()
            self.assertIn("▪ done  ▫ not done  ? don't remember  · no answer", week)
            self.assertIn("  sleep     ▪▪▫▪▪·▫  done on 4 days", week)
            self.assertIn("▁ is 1, █ is 5", week)
            self.assertIn("█", self.review("--year", **env).decode())


class TypedText(HomeTest):
    def note(self):
        [entry] = self.entries()
        return entry["note"]

    def test_a_note_typed_in_a_latin1_locale_is_converted(self):
        r = self.run_cli("log", "-s", "3", "-m", b"Caf\xe9 mit M\xfcller",
                         env=self.env(LANG="de_DE.ISO-8859-1"))
        self.assertEqual((r.status, r.err), (0, ""))
        self.assertEqual(self.note(), "Café mit Müller")

    def test_latin1_on_stdin_is_converted_too(self):
        r = self.run_cli("log", "-s", "3", "-m", "-", input=b"gr\xfcn und fr\xf6hlich\n",
                         env=self.env(LC_ALL="de_AT.ISO-8859-15@euro", LANG="C.UTF-8"))
        self.assertEqual((r.status, r.err), (0, ""))
        self.assertEqual(self.note(), "grün und fröhlich")

    def test_valid_utf8_is_kept_as_it_is_in_a_latin1_locale(self):
        r = self.run_cli("log", "-s", "3", "-m", "Café 🌱".encode(),
                         env=self.env(LANG="de_DE.ISO-8859-1"))
        self.assertEqual((r.status, r.err), (0, ""))
        self.assertEqual(self.note(), "Café 🌱")

    def test_without_an_8_bit_locale_invalid_bytes_become_replacement_characters(self):
        for lang in ("C", "C.UTF-8", "de_DE"):
            r = self.run_cli("log", "-s", "3", "-m", b"Caf\xe9", env=self.env(LANG=lang))
            self.assertEqual(r.status, 0, r.err)
            self.assertIn("not UTF-8 text", r.err)
            self.assertEqual(self.all_entries()[-1]["note"], "Caf\ufffd")
