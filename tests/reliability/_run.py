"""Run the real console script in a subprocess, with a deadline, and measure it (os.wait4)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

STATUSDOC = Path(sys.executable).parent / "statusdoc"


@dataclass
class Ran:
    argv: list[str]
    returncode: int | None  # None: killed at the deadline
    stdout: str
    stderr: str
    wall: float  # seconds
    peak_rss_mib: float  # the child's own high-water mark (VmHWM, polled every 10 ms)
    wait4_maxrss_mib: float  # ru_maxrss from os.wait4 (see run())
    cpu: float  # user + system seconds of the child (os.wait4)

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def _hwm_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run(args: list[str], cwd: str | os.PathLike[str], *, timeout: float, env: dict[str, str] | None = None) -> Ran:
    """``statusdoc ARGS`` in ``cwd``; killed (SIGKILL) after ``timeout`` seconds of wall time.

    Peak memory is measured twice.  ``ru_maxrss`` from ``os.wait4`` is the child's, but Linux
    carries the *parent's* resident size at fork/vfork into it (exec records the old mm's
    high-water mark), so it is only meaningful when the parent is smaller than the child; the
    tests therefore generate big inputs in a separate process.  ``VmHWM`` from /proc is the
    high-water mark of the child's own address space after exec, polled until it exits.
    """
    argv = [str(STATUSDOC), *args]
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("PYTHONBREAKPOINT", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=full_env)
        deadline = t0 + timeout
        code: int | None
        hwm = 0
        while True:
            hwm = max(hwm, _hwm_kib(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                os.kill(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                code = None
                break
            time.sleep(0.01)
        wall = time.perf_counter() - t0
        proc.returncode = code if code is not None else -signal.SIGKILL  # reaped: keep Popen from waiting
        out.seek(0)
        err.seek(0)
        return Ran(
            argv,
            code,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            wall,
            hwm / 1024,
            usage.ru_maxrss / 1024,
            usage.ru_utime + usage.ru_stime,
        )
