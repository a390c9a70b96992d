"""Run the real console script in a subprocess and measure it (os.wait4).

There is no wall-clock deadline here: how long a command takes measures the machine as much as the
code (a busy two-core CI host is several times slower than an idle laptop).  Slowness is tested by
counting work (``test_work_scales_linearly``); time budgets live in ``bench/``.  Two guards keep a
broken command from hanging the suite, and neither can fire on a merely slow machine:

* *stalled*: the child sat blocked (sleeping, not runnable, not in disk I/O) and used no CPU at all for
  ``stall`` seconds -- a process that is making progress, however slowly, always gets some CPU;
* *runaway*: the child used more than ``cpu_limit`` seconds of CPU (RLIMIT_CPU), far beyond anything the
  rows need: it ends an infinite loop, it does not judge speed.

``measure.py`` may still pass ``timeout`` (wall seconds) for its own convenience.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

STATUSDOC = Path(sys.executable).parent / "statusdoc"
_TICK = os.sysconf("SC_CLK_TCK")
#: CPU seconds after which a child is a runaway (an infinite loop), not a slow command.
RUNAWAY_CPU = 1800
#: Seconds without any CPU, blocked, after which a child is stalled (e.g. open() on a FIFO).
STALL = 30.0


@dataclass
class Ran:
    argv: list[str]
    returncode: int | None  # None: killed (see ``killed``)
    stdout: str
    stderr: str
    wall: float  # seconds
    peak_rss_mib: float  # the child's own high-water mark (VmHWM, polled every 10 ms)
    wait4_maxrss_mib: float  # ru_maxrss from os.wait4 (see run())
    cpu: float  # user + system seconds of the child (os.wait4)
    killed: str | None = None  # why it was killed: "stalled", "runaway" or "timeout"

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


def _state_and_ticks(pid: int) -> tuple[str, int]:
    """The process state letter and its user + system CPU clock ticks, from /proc/PID/stat."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except OSError:
        return "?", 0
    # The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    fields = data[data.rfind(b")") + 2 :].split()
    return fields[0].decode(), int(fields[11]) + int(fields[12])


class _StallWatch:
    """Whether a child has been blocked, with no CPU used, for ``stall`` seconds in a row."""

    def __init__(self, pid: int, stall: float) -> None:
        self.pid = pid
        self.stall = stall
        self.ticks = -1
        self.since = time.monotonic()

    def stalled(self) -> bool:
        state, ticks = _state_and_ticks(self.pid)
        now = time.monotonic()
        # Runnable (R) or in disk I/O (D) is progress waiting for the machine, never a stall.
        if ticks != self.ticks or state not in ("S", "I"):
            self.ticks = ticks
            self.since = now
            return False
        return now - self.since > self.stall


def run(
    args: list[str],
    cwd: str | os.PathLike[str],
    *,
    timeout: float | None = None,
    stall: float = STALL,
    cpu_limit: int = RUNAWAY_CPU,
    env: dict[str, str] | None = None,
) -> Ran:
    """``statusdoc ARGS`` in ``cwd``, killed (SIGKILL) only when stalled, a runaway, or past ``timeout``.

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
        # Set from here rather than in preexec_fn, which is unsafe with the threads the matrix runs in.
        with contextlib.suppress(OSError, ValueError):  # already gone: nothing to limit
            resource.prlimit(proc.pid, resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 5))
        watch = _StallWatch(proc.pid, stall)
        code: int | None
        killed: str | None = None
        hwm = 0
        while True:
            hwm = max(hwm, _hwm_kib(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                cpu = usage.ru_utime + usage.ru_stime
                if code == -signal.SIGXCPU or (code == -signal.SIGKILL and cpu >= cpu_limit):
                    code, killed = None, "runaway"
                break
            if watch.stalled():
                killed = "stalled"
            elif timeout is not None and time.perf_counter() - t0 > timeout:
                killed = "timeout"
            if killed:
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
            killed,
        )
