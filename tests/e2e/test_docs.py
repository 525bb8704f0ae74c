"""The man pages are lint-clean and tell the truth about every option."""

import os
import re
import shutil
import subprocess
import unittest

from harness import BIN, HomeTest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAN = os.path.join(ROOT, "man")
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*)")


def help_text(*args):
    proc = subprocess.run([BIN, *args, "--help"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"})
    assert proc.returncode == 0, (args, proc.stderr)
    return proc.stdout


def subcommands(help_out):
    """Names listed under 'Subcommands:' in CLI11's help."""
    names, inside = [], False
    for line in help_out.splitlines():
        if line.startswith("Subcommands:"):
            inside = True
            continue
        if inside:
            m = re.match(r"^  (\S+)\s", line + " ")
            if m and not line.startswith("   "):
                names.append(m.group(1))
            elif line and not line.startswith(" "):
                inside = False
    return names


def options_in(help_out):
    return {o for o in OPTION.findall(help_out.split("Subcommands:")[0]) if o != "--help"}


def page_text(name):
    with open(os.path.join(MAN, name), encoding="utf-8") as f:
        return f.read().replace("\\-", "-").replace("\\fB", "").replace("\\fR", "").replace("\\fI", "")


def page_options(text):
    """Options the page documents: those named on .TP or .TQ tag lines of OPTIONS sections."""
    found, section, tag_next = set(), "", False
    for line in text.splitlines():
        if line.startswith(".SH"):
            section = line[3:].strip().strip('"')
        if "OPTIONS" not in section:
            continue
        if line.startswith(".TP") or line.startswith(".TQ"):
            tag_next = True
            continue
        if tag_next:
            found.update(OPTION.findall(line))
            tag_next = False
    return found - {"--help"}


class ManPages(HomeTest):
    def pages(self):
        return sorted(n for n in os.listdir(MAN) if re.search(r"\.[15]$", n))

    @unittest.skipUnless(shutil.which("mandoc"), "mandoc is not installed")
    def test_every_page_is_lint_clean(self):
        for page in self.pages():
            proc = subprocess.run(["mandoc", "-Tlint", "-W", "warning", os.path.join(MAN, page)],
                                  capture_output=True, text=True)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)

    def test_every_page_has_the_standard_sections(self):
        wanted = ["NAME", "SYNOPSIS", "DESCRIPTION", "SEE ALSO"]
        for page in self.pages():
            text = page_text(page)
            for section in wanted:
                self.assertIn(f".SH {section}", text, page)
            if page.endswith(".1"):
                for section in ["OPTIONS", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"]:
                    self.assertIn(f".SH {section}", text, page)

    def test_every_command_has_a_page_that_documents_exactly_its_options(self):
        top = help_text()
        self.assertEqual(page_options(page_text("compassion.1")), options_in(top))
        for command in subcommands(top):
            page = f"compassion-{command}.1"
            self.assertTrue(os.path.exists(os.path.join(MAN, page)), page)
            helped = set()
            stack = [[command]]
            while stack:
                path = stack.pop()
                out = help_text(*path)
                helped |= options_in(out)
                stack.extend(path + [sub] for sub in subcommands(out))
            documented = page_options(page_text(page))
            self.assertEqual(sorted(helped - documented), [], f"{page} misses these options")
            self.assertEqual(sorted(documented - helped), [], f"{page} documents options that do not exist")
            self.assertIn(f".BR {page[:-2]} (1)", page_text("compassion.1").replace("\\", ""))


class Readme(unittest.TestCase):
    def commands(self):
        with open(os.path.join(ROOT, "README.md")) as f:
            return [l.strip() for l in f if l.startswith("    tests/setup.sh && ")]

    def test_the_run_command_builds_only_the_program_without_ci_flags(self):
        [run] = [c for c in self.commands() if c.endswith("./build/compassion log")]
        self.assertIn("cmake --build build -j2 --target compassion", run)
        self.assertNotIn("WERROR", run)

    def test_ci_runs_exactly_the_readme_test_command(self):
        [test] = [c for c in self.commands() if "ctest" in c]
        with open(os.path.join(ROOT, ".ci", "run")) as f:
            self.assertEqual([l.strip() for l in f if l.startswith("tests/setup.sh")], [test])


if __name__ == "__main__":
    unittest.main()
