"""`cmake --install` and `cpack -G DEB` give a working, documented install."""

import os
import shutil
import subprocess
import tempfile
import unittest

from harness import BIN

BUILD = os.environ.get("COMPASSION_BUILD_DIR")


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
        for path in ["bin/compassion", "share/man/man1/compassion.1",
                     "share/man/man1/compassion-log.1", "share/man/man5/compassion.5",
                     "share/doc/compassion/examples/crontab", "share/doc/compassion/README.md"]:
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

    @unittest.skipUnless(shutil.which("cpack") and shutil.which("dpkg-deb"), "needs cpack and dpkg-deb")
    def test_the_debian_package_holds_a_working_tool(self):
        out = os.path.join(self.tmp, "pkg")
        subprocess.run(["cpack", "-G", "DEB", "-B", out, "--config",
                        os.path.join(BUILD, "CPackConfig.cmake")], check=True, capture_output=True)
        [deb] = [f for f in os.listdir(out) if f.endswith(".deb")]
        deb = os.path.join(out, deb)
        info = subprocess.run(["dpkg-deb", "-I", deb], capture_output=True, text=True, check=True).stdout
        self.assertIn("Package: compassion", info)
        self.assertIn("libtomlplusplus", info)  # shared library dependency found
        root = os.path.join(self.tmp, "root")
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        version = subprocess.run([os.path.join(root, "usr/bin/compassion"), "--version"],
                                 capture_output=True, text=True)
        self.assertEqual(version.returncode, 0)
        self.assertTrue(os.path.exists(os.path.join(root, "usr/share/man/man1/compassion.1.gz"))
                        or os.path.exists(os.path.join(root, "usr/share/man/man1/compassion.1")))


if __name__ == "__main__":
    unittest.main()
