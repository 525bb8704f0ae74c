"""Runs the real compassion binary as a user would, for the end-to-end tests.

Each test gets a fresh private home. `run` gives no terminal (stdin is
/dev/null unless `input` is given) and a cron-like bare environment by
default; `run_pty` drives the interactive flow through a real pseudo-terminal.
"""

import fcntl
import os
import re
import pty
import struct
import termios
import select
import shutil
import signal
import subprocess
import tempfile
import time
import tomllib
import unittest

BIN = os.environ.get("COMPASSION_BIN") or shutil.which("compassion")
if not BIN:
    raise SystemExit("set COMPASSION_BIN to the compassion binary")

# Files a test writes by hand are private, like the tool's own: otherwise the
# tool rightly tightens them and says so, and every test would see that warning.
os.umask(0o077)

# Friday 27 November 2026, 21:30 local time: tests never depend on the real date.
FRIDAY_EVENING = "2026-11-27T21:30:00"


def cron_env(home_dir, **extra):
    """The bare environment cron gives a job, plus what the test needs."""
    env = {
        "HOME": home_dir,
        "PATH": "/usr/bin:/bin",
        "LANG": "C",
        "SHELL": "/bin/sh",
        "TZ": "Europe/Berlin",
        "COMPASSION_NOW": FRIDAY_EVENING,
    }
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def strip_ansi(text):
    return ANSI.sub("", text)


def read_pty_chunk(fd, wait):
    """What a pseudo-terminal shows next: bytes, b"" when nothing came within
    `wait` seconds, or None once the program has closed it."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return b""
    try:
        return os.read(fd, 4096) or None
    except OSError:  # EIO: the program ended
        return None


def read_pty_until(fd, screen, want, timeout=10):
    """Adds what a pseudo-terminal shows to `screen` until `want` appears, the
    program ends, or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while want not in screen and time.monotonic() < deadline:
        chunk = read_pty_chunk(fd, 0.05)
        if chunk is None:
            break
        screen += chunk
    return screen


class Result:
    def __init__(self, status, out, err, raw=None):
        self.status = status
        self.out = out
        self.err = err
        self.raw = raw if raw is not None else out

    def __repr__(self):
        return f"Result(status={self.status}, out={self.out!r}, err={self.err!r})"


class HomeTest(unittest.TestCase):
    """A test with a temporary user home; the compassion home is inside it."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="compassion-e2e-")
        self.user_home = self._tmp.name
        self.home = os.path.join(self.user_home, ".config", "compassion")
        self.journal = os.path.join(self.home, "journal")

    def tearDown(self):
        self._tmp.cleanup()

    def env(self, **extra):
        return cron_env(self.user_home, **extra)

    def run_cli(self, *args, input=None, env=None, timeout=30, binary=False):
        """Runs compassion with no terminal; stdin is /dev/null unless `input` is given."""
        proc = subprocess.run(
            [BIN, *args],
            input=input.encode() if isinstance(input, str) else input,
            stdin=None if input is not None else subprocess.DEVNULL,
            capture_output=True,
            env=env or self.env(),
            timeout=timeout,
        )
        if binary:
            return Result(proc.returncode, proc.stdout, proc.stderr)
        return Result(
            proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
        )

    def set_up_home(self, *items):
        """Sets the home up as a first write would (commands that only look
        create nothing), with `items` or the template's four."""
        items = items or ("sleep", "exercise", "meditation", "time outside")
        r = self.run_cli("reflect", "showup", *items)
        self.assertEqual(r.status, 0, r)

    def ok(self, *args, **kw):
        """run_cli, which must succeed."""
        r = self.run_cli(*args, **kw)
        self.assertEqual(r.status, 0, r)
        return r

    def journal_files(self):
        """The month files and their bytes ({} when there is no journal yet)."""
        if not os.path.isdir(self.journal):
            return {}
        out = {}
        for name in sorted(n for n in os.listdir(self.journal) if n.endswith(".toml")):
            with open(os.path.join(self.journal, name), "rb") as f:
                out[name] = f.read()
        return out

    def month_path(self, ym="2026-11"):
        return os.path.join(self.journal, f"{ym}.toml")

    def month_bytes(self, ym="2026-11"):
        with open(self.month_path(ym), "rb") as f:
            return f.read()

    def entries(self, ym="2026-11"):
        """The month's records as an independent TOML parser (tomllib) reads them."""
        with open(self.month_path(ym), "rb") as f:
            return tomllib.load(f).get("entry", [])

    def all_entries(self):
        out = []
        if not os.path.isdir(self.journal):
            return out
        for name in sorted(os.listdir(self.journal)):
            if name.endswith(".toml") and not name.startswith("."):
                with open(os.path.join(self.journal, name), "rb") as f:
                    out.extend(tomllib.load(f).get("entry", []))
        return out

    def run_pty(self, *args, answers=(), env=None, timeout=20, settle=0.3, size=None):
        """Runs compassion on a pseudo-terminal and answers its questions in turn.

        Each answer is sent after the output has been quiet for `settle`
        seconds (i.e. the program waits for input); None sends Ctrl-D.
        `size` is the window's (rows, columns), set before the program starts.
        Returns the status and what the terminal showed, colour codes
        removed (`raw` keeps them).
        """
        pid, fd = pty.fork()
        if pid == 0:
            if size:
                fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
            os.execve(BIN, [BIN, *args], env or self.env(TERM="xterm"))
        screen = b""
        pending = list(answers)
        deadline = time.monotonic() + timeout
        status = None
        while time.monotonic() < deadline:
            chunk = read_pty_chunk(fd, settle)
            if chunk is None:
                break
            if chunk:
                screen += chunk
                continue
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                break
            if pending:
                answer = pending.pop(0)
                if answer is None:  # Ctrl-D
                    os.write(fd, b"\x04")
                else:
                    os.write(fd, answer.encode() + b"\r")
        if status is None and time.monotonic() < deadline:
            _, status = os.waitpid(pid, 0)
        elif status is None:
            done, st = os.waitpid(pid, os.WNOHANG)
            status = st if done else None
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("compassion did not finish in time; screen:\n" + screen.decode("utf-8", "replace"))
        os.close(fd)
        code = os.waitstatus_to_exitcode(status)
        shown = screen.decode("utf-8", "replace")
        return Result(code, strip_ansi(shown).replace("\r\n", "\n"), "", raw=shown)
