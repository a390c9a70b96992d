"""Lean spawner used by bench/run.py (stdlib only; keep its imports minimal).

Why a separate process: on Linux the ru_maxrss that wait4 reports for a child starts at the peak
RSS of the process that spawned it (exec carries the old mm's high-water mark into the child's
accounting, and subprocess/posix_spawn use vfork, so the old mm is the parent's).  Spawned from
the harness, which holds the 10 MB inputs in memory, every child would report the harness's ~100
MiB.  Spawned from this ~9 MiB process, a child reports max(~9 MiB, its own peak), and
`python -c pass` alone is ~8.5 MiB.

Protocol, one line per request on stdin and one per reply on stdout, tab-separated:
    request: timeout_s  stderr_file  argv0  argv1 ...
    reply:   wall_s  cpu_s  maxrss_kib  exit_code  timed_out(0|1)
Timing is perf_counter around posix_spawn + wait4; the child gets /dev/null as stdin/stdout.
"""

import os
import signal
import sys
import time

_pid = 0
_killed = False


def _on_alarm(signum, frame):
    global _killed
    _killed = True
    try:  # noqa: SIM105 - no contextlib import: keep this process lean
        os.kill(_pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def main():
    global _pid, _killed
    signal.signal(signal.SIGALRM, _on_alarm)
    for line in sys.stdin:
        parts = line.rstrip("\n").split("\t")
        timeout, errfile, argv = float(parts[0]), parts[1], parts[2:]
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, errfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
        ]
        _killed = False
        t0 = time.perf_counter()
        try:
            _pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
        except OSError as e:
            with open(errfile, "w") as f:
                f.write(f"cannot run {argv[0]}: {e}\n")
            sys.stdout.write("0\t0\t0\t127\t0\n")
            sys.stdout.flush()
            continue
        signal.setitimer(signal.ITIMER_REAL, timeout)
        _, status, ru = os.wait4(_pid, 0)
        t1 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, 0)
        rc = os.waitstatus_to_exitcode(status)
        sys.stdout.write(f"{t1 - t0!r}\t{ru.ru_utime + ru.ru_stime!r}\t{ru.ru_maxrss}\t{rc}\t{int(_killed)}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
