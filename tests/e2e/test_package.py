"""`cmake --install` and `cpack -G DEB` give a working, documented install.

The lintian run is its own CTest test (label `lintian`):
`python3 test_package.py lintian` exits 77 when lintian is not installed.
"""

import gzip
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import tempfile
import unittest

from harness import BIN

BUILD = os.environ.get("COMPASSION_BUILD_DIR")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def cache_value(name):
    with open(os.path.join(BUILD, "CMakeCache.txt")) as f:
        for line in f:
            if line.startswith(name + ":"):
                return line.split("=", 1)[1].strip()
    return ""


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt")) as f:
        return re.search(r"project\(compassion VERSION (\S+)", f.read()).group(1)


def build_deb(workdir):
    """Runs cpack as a packager would, with a umask as tight as the tests' own."""
    out = os.path.join(workdir, "pkg")
    subprocess.run(["cpack", "-G", "DEB", "-B", out, "--config",
                    os.path.join(BUILD, "CPackConfig.cmake")], check=True, capture_output=True)
    [deb] = [f for f in os.listdir(out) if f.endswith(".deb")]
    return os.path.join(out, deb)


@unittest.skipUnless(BUILD, "COMPASSION_BUILD_DIR is not set")
class Install(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="compassion-install-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def test_install_puts_binary_pages_completions_and_examples_where_they_belong(self):
        prefix = os.path.join(self.tmp, "prefix")
        subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix], check=True,
                       capture_output=True)
        for path in ["bin/compassion", "share/man/man1/compassion.1.gz",
                     "share/man/man1/compassion-log.1.gz", "share/man/man1/compassion-help.1.gz",
                     "share/man/man5/compassion.5.gz",
                     "share/doc/compassion/examples/crontab", "share/doc/compassion/README.md",
                     "share/doc/compassion/copyright", "share/doc/compassion/changelog.gz"]:
            self.assertTrue(os.path.exists(os.path.join(prefix, path)), path)
        for path in ["share/bash-completion/completions/compassion",
                     "share/zsh/vendor-completions/_compassion",
                     "share/fish/vendor_completions.d/compassion.fish"]:
            self.assertTrue(os.path.exists(os.path.join(prefix, path)), path)
        out = subprocess.run([os.path.join(prefix, "bin/compassion"), "--version"],
                             capture_output=True, text=True, check=True).stdout
        self.assertTrue(out.startswith("compassion "))
        if shutil.which("man"):
            found = subprocess.run(["man", "-M", os.path.join(prefix, "share/man"), "-w", "5",
                                    "compassion"], capture_output=True, text=True)
            self.assertEqual(found.returncode, 0, found.stderr)

    def test_help_finds_the_installed_manual_through_path(self):
        if not shutil.which("man"):
            self.skipTest("man is not installed")
        prefix = os.path.join(self.tmp, "prefix")
        subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix], check=True,
                       capture_output=True)
        env = {"PATH": os.path.join(prefix, "bin") + ":/usr/bin:/bin", "HOME": self.tmp,
               "LANG": "C", "MANPAGER": "cat", "MANWIDTH": "80"}
        shown = subprocess.run(["compassion", "help", "review"], env=env, capture_output=True,
                               text=True, stdin=subprocess.DEVNULL)
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("COMPASSION-REVIEW(1)", shown.stdout)


@unittest.skipUnless(BUILD, "COMPASSION_BUILD_DIR is not set")
@unittest.skipUnless(shutil.which("cpack") and shutil.which("dpkg-deb"), "needs cpack and dpkg-deb")
class DebianPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="compassion-deb-")
        cls.deb = build_deb(cls._tmp.name)
        cls.info = subprocess.run(["dpkg-deb", "-I", cls.deb], capture_output=True, text=True,
                                  check=True).stdout
        cls.root = os.path.join(cls._tmp.name, "root")
        subprocess.run(["dpkg-deb", "-x", cls.deb, cls.root], check=True)
        data = subprocess.run(["dpkg-deb", "--fsys-tarfile", cls.deb], capture_output=True,
                              check=True).stdout
        tar_path = os.path.join(cls._tmp.name, "data.tar")
        with open(tar_path, "wb") as f:
            f.write(data)
        with tarfile.open(tar_path) as tar:
            cls.members = {m.name.lstrip("./").rstrip("/"): m for m in tar.getmembers()}
        cls.members.pop("", None)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def field(self, name):
        m = re.search(rf"^ {name}: (.*)$", self.info, re.M)
        return m.group(1) if m else None

    def test_the_package_holds_a_working_tool(self):
        self.assertEqual(self.field("Package"), "compassion")
        self.assertEqual(self.field("Version"), project_version())
        self.assertIn("libtomlplusplus", self.field("Depends"))  # shared library dependency found
        self.assertIn("libzip4", self.field("Depends"))  # Loop's export zip is read with libzip
        version = subprocess.run([os.path.join(self.root, "usr/bin/compassion"), "--version"],
                                 capture_output=True, text=True)
        self.assertEqual(version.returncode, 0)
        self.assertTrue(version.stdout.startswith("compassion " + project_version()))

    def test_control_names_real_people_and_describes_the_package(self):
        self.assertIsNone(self.field("Homepage"))
        self.assertNotIn("example", self.info)
        self.assertTrue(self.field("Maintainer").startswith("compassion maintainers <"))
        description = self.info.split(" Description: ", 1)[1].splitlines()
        self.assertFalse(description[0].lower().startswith(("a ", "an ", "the ")))
        extended = [l for l in description[1:] if l.startswith("  ")]
        self.assertGreaterEqual(len(extended), 3, "an extended description")
        self.assertTrue(all(len(l) <= 81 for l in extended))

    def test_files_are_owned_by_root_and_executable_only_where_they_run(self):
        executables = set()
        for name, m in self.members.items():
            self.assertEqual((m.uname, m.gname), ("root", "root"), name)
            mode = stat.S_IMODE(m.mode)
            if m.isdir():
                self.assertEqual(mode, 0o755, name)
            elif m.isfile():
                self.assertIn(mode, (0o644, 0o755), name)
                if mode == 0o755:
                    executables.add(name)
        self.assertIn("usr/bin/compassion", executables)
        for name in executables - {"usr/bin/compassion"}:
            with open(os.path.join(self.root, name), "rb") as f:
                self.assertEqual(f.read(2), b"#!", f"{name} is executable without a #! line")
        examples = "usr/share/doc/compassion/examples/"
        self.assertIn(examples + "best-days.sh", executables)
        self.assertIn(examples + "prompt-hint.sh", self.members)
        self.assertNotIn(examples + "prompt-hint.sh", executables)  # sourced, not run

    def test_man_pages_are_compressed_without_a_timestamp(self):
        pages = [n for n in self.members if n.startswith("usr/share/man/")
                 and self.members[n].isfile()]
        expected = {f"usr/share/man/man{p[-1]}/{p}.gz" for p in os.listdir(os.path.join(ROOT, "man"))
                    if re.search(r"\.[15]$", p)}
        self.assertEqual(set(pages), expected)
        for page in pages:
            with open(os.path.join(self.root, page), "rb") as f:
                raw = f.read()
            self.assertEqual(raw[:2], b"\x1f\x8b", page)
            self.assertEqual(raw[4:8], b"\0\0\0\0", f"{page} carries a timestamp")
            self.assertTrue(gzip.decompress(raw).startswith(b".TH "), page)

    def test_copyright_is_machine_readable_and_carries_the_licence(self):
        with open(os.path.join(self.root, "usr/share/doc/compassion/copyright")) as f:
            text = f.read()
        self.assertTrue(text.startswith(
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"))
        self.assertIn("\nFiles: *\n", text)
        self.assertIn("\nLicense: Expat\n", text)
        self.assertIn(" Permission is hereby granted, free of charge", text)
        self.assertIn("\n .\n", text)  # paragraphs separated as the format wants
        with open(os.path.join(ROOT, "LICENSE")) as f:
            holder = re.search(r"^Copyright \(c\) (.+)$", f.read(), re.M).group(1)
        self.assertIn(f"\nCopyright: {holder}\n", text)

    def test_the_changelog_is_in_debians_format_and_matches_the_version(self):
        path = os.path.join(self.root, "usr/share/doc/compassion/changelog.gz")
        with open(path, "rb") as f:
            raw = f.read()
        self.assertEqual(raw[4:8], b"\0\0\0\0", "changelog.gz carries a timestamp")
        text = gzip.decompress(raw).decode()
        self.assertTrue(text.startswith(
            f"compassion ({project_version()}) unstable; urgency=medium\n\n"), text[:80])
        self.assertNotIn("Unreleased", text)
        self.assertRegex(text, r"\n -- compassion maintainers <[^>]+>  \w{3}, \d\d \w{3} \d{4} "
                               r"\d\d:\d\d:\d\d \+0000\n")
        self.assertTrue(all(len(l) <= 80 for l in text.splitlines() if not l.startswith(" -- ")))
        self.assertNotIn("`", text)
        if shutil.which("dpkg-parsechangelog"):
            plain = os.path.join(self._tmp.name, "changelog")
            with open(plain, "w") as f:
                f.write(text)
            parsed = subprocess.run(["dpkg-parsechangelog", "-l", plain, "-S", "Version"],
                                    capture_output=True, text=True)
            self.assertEqual(parsed.returncode, 0, parsed.stderr)
            self.assertEqual(parsed.stdout.strip(), project_version())
        # The package ships changelog.gz, not a second copy as CHANGELOG.md.
        self.assertNotIn("usr/share/doc/compassion/CHANGELOG.md", self.members)

    def test_the_binary_is_stripped_and_small(self):
        binary = os.path.join(self.root, "usr/bin/compassion")
        sections = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True,
                                  check=True).stdout
        self.assertNotIn(".symtab", sections)
        self.assertNotIn(".debug_info", sections)
        self.assertLess(os.path.getsize(binary), 8 * 1024 * 1024)
        installed_kb = int(self.field("Installed-Size"))
        on_disk = sum(m.size for m in self.members.values() if m.isfile()) // 1024
        self.assertLess(installed_kb, 10 * 1024)
        self.assertGreaterEqual(installed_kb, on_disk)

    def test_an_optimised_build_is_hardened(self):
        build_type = cache_value("CMAKE_BUILD_TYPE")
        if build_type not in ("Release", "RelWithDebInfo", "MinSizeRel") \
                or cache_value("COMPASSION_SANITIZE") == "ON":
            self.skipTest(f"hardening is for optimised builds without sanitizers ({build_type})")
        binary = os.path.join(self.root, "usr/bin/compassion")
        dynamic = subprocess.run(["readelf", "-dW", binary], capture_output=True, text=True,
                                 check=True).stdout
        self.assertRegex(dynamic, r"FLAGS_1\)\s+Flags: .*NOW")
        self.assertRegex(dynamic, r"FLAGS_1\)\s+Flags: .*PIE")
        headers = subprocess.run(["readelf", "-lW", binary], capture_output=True, text=True,
                                 check=True).stdout
        self.assertIn("GNU_RELRO", headers)
        self.assertIn("DYN (Position-Independent Executable file)", headers)
        symbols = subprocess.run(["readelf", "--dyn-syms", "-W", binary], capture_output=True,
                                 text=True, check=True).stdout
        self.assertRegex(symbols, r"__\w+_chk@", "fortified calls (_FORTIFY_SOURCE)")


class Lintian(unittest.TestCase):
    def setUp(self):
        if not (BUILD and os.environ.get("COMPASSION_LINTIAN")):
            self.skipTest("run with `python3 test_package.py lintian` (CTest label lintian)")

    def test_lintian_finds_no_errors_and_no_warnings(self):
        with tempfile.TemporaryDirectory(prefix="compassion-lintian-") as tmp:
            deb = build_deb(tmp)
            run = subprocess.run(["lintian", "--fail-on", "error,warning", deb],
                                 capture_output=True, text=True)
        found = [l for l in run.stdout.splitlines() if re.match(r"^[EW]: ", l)]
        self.assertEqual(found, [], run.stdout + run.stderr)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)


if __name__ == "__main__":
    if sys.argv[1:] == ["lintian"]:
        if not shutil.which("lintian"):
            print("lintian is not installed; skipped (apt-get install lintian)")
            sys.exit(77)
        os.environ["COMPASSION_LINTIAN"] = "1"
        unittest.main(argv=[sys.argv[0], "-v", "Lintian"])
    unittest.main()
