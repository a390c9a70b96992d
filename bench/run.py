#!/usr/bin/env python3
"""Benchmark harness for statusdoc (stdlib only; the tools are run as subprocesses).

    python bench/run.py [--quick] [--repeat N] [--out bench/out]

Builds the inputs into OUT/inputs/, runs `python -c pass`, `statusdoc lint`,
`statusdoc recompute --check` and `mdformat --check` on each input, interleaved
(round-robin, N rounds), and prints a Markdown report (medians, ratios, MB/s, peak
RSS, the targets, the 10 MB / 1 MB growth), also written to OUT/report.md.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"
SEEDS_DIR = SHARED_DIR / "seeds"

MB = 1_000_000  # sizes and throughput are decimal megabytes
MIB = 1024 * 1024

# input name -> (default repeats, --quick repeats)
REPEATS = {
    "seed-20k": (15, 5),
    "doc-1mb": (5, 2),
    "doc-10mb": (3, 1),
    "items-100k": (3, 1),
    "items-10mb": (3, 1),
}

# inputs with a 10 MB peak-memory target (issue 17: "on every 10 MB input, item-dense included")
TEN_MB = ("doc-10mb", "items-10mb")

TARGETS_TEXT = [
    "lint of the 20 KB status file <= 4x `python -c pass`",
    "lint of the 20 KB status file <= 0.35x `mdformat --check`",
    "1 MB document <= 0.05x `mdformat --check`, and no slower than `rumdl check --no-cache` when rumdl is installed",
    "10 MB document <= 12x the time of the 1 MB one",
    "every 10 MB document (item-dense included): peak memory <= 20x the file size",
]
RSS_LIMIT = 20


# --------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------

_VERBS = [
    "Implement",
    "Write",
    "Add",
    "Wire up",
    "Document",
    "Test",
    "Refactor",
    "Review",
    "Deploy",
    "Configure",
    "Benchmark",
    "Harden",
    "Migrate",
    "Design",
    "Validate",
]
_NOUNS = [
    "ledger schema",
    "charge endpoint",
    "idempotency keys",
    "bank feed",
    "checkout form",
    "receipt page",
    "auth middleware",
    "rate limiter",
    "audit log",
    "search index",
    "billing job",
    "export API",
    "retry queue",
    "feature flag",
    "metrics dashboard",
    "cache layer",
    "webhook relay",
    "backup policy",
    "CSV importer",
    "role model",
]
_AREAS = [
    "Foundation",
    "Database",
    "Authentication",
    "User Service",
    "Frontend",
    "Payments",
    "Notifications",
    "Search",
    "Reporting",
    "Deployment",
    "Observability",
    "Security",
]


def _bar(fraction: float, width: int) -> str:
    filled = int(round(fraction * width))
    return "[" + "\u2588" * filled + "\u2591" * (width - filled) + "]"


def _pct(done: int, total: int) -> int:
    return int(round(100 * done / total)) if total else 0


def _status(done: int, total: int) -> str:
    if total and done == total:
        return "\u2705 Complete"
    if done:
        return "\U0001f504 In Progress"
    return "\u2b1c Not Started"


def generate_status_doc(stages: int, steps: int, items: int, *, seed: int, title: str, drift: float = 0.02) -> str:
    """A status document: stages (## with **Status:**/**Progress:** lines), steps (### with
    `(done/total)` fractions and a trailing ✅ when complete), `- [x]`/`- [ ]` items, a
    progress board in a fenced block, a header and a summary block.  A fraction `drift`
    of the derived numbers is deliberately wrong so that recompute has work to do."""
    rng = random.Random(seed)
    body: list[str] = []
    stage_counts: list[tuple[str, int, int]] = []
    n = 0
    for s in range(1, stages + 1):
        area = _AREAS[(s - 1) % len(_AREAS)]
        p_done = rng.choice([1.0, 0.9, 0.6, 0.3, 0.1, 0.0])
        step_blocks: list[str] = []
        s_done = s_total = 0
        for t in range(1, steps + 1):
            lines = []
            d = 0
            for _ in range(1, items + 1):
                n += 1
                done = rng.random() < p_done
                d += done
                verb = _VERBS[rng.randrange(len(_VERBS))]
                noun = _NOUNS[rng.randrange(len(_NOUNS))]
                lines.append(f"- [{'x' if done else ' '}] {verb} the {noun} for step {s}.{t} (#{n})")
            shown_d, shown_t = d, items
            if rng.random() < drift:  # drifted fraction
                shown_t += 1
            mark = " \u2705" if shown_d == shown_t else ""
            step_blocks.append(
                f"### Step {s}.{t}: {area} work package {t} ({shown_d}/{shown_t}){mark}\n\n" + "\n".join(lines) + "\n"
            )
            s_done += d
            s_total += items
        shown_total = s_total + (rng.randrange(1, 4) if rng.random() < drift * 10 else 0)
        body.append(
            f"## Stage {s}: {area}\n\n"
            f"**Status:** {_status(s_done, s_total)}  \n"
            f"**Progress:** {s_done}/{shown_total} tasks completed ({_pct(s_done, shown_total)}%)  \n\n"
            + "\n".join(step_blocks)
        )
        stage_counts.append((area, s_done, s_total))
    all_done = sum(d for _, d, _ in stage_counts)
    all_total = sum(t for _, _, t in stage_counts)
    shown_pct = max(0, _pct(all_done, all_total) - 1)  # drifted on purpose
    board = [f"Overall{' ' * 29}{_bar(all_done / all_total, 20)} {shown_pct}% Complete"]
    for s, (area, d, t) in enumerate(stage_counts, 1):
        label = f"Stage {s}: {area}"
        frac = d / t if rng.random() >= drift * 10 else min(1.0, d / t + 0.1)
        board.append(f"{label:<36}{_bar(frac, 10)} {_pct(d, t) if frac == d / t else int(frac * 100)}%")
    head = (
        f"# {title}\n\n"
        f"**Last Updated:** 2025-11-04  \n"
        f"**Status:** {_status(all_done, all_total)}  \n"
        f"**Progress:** {all_done}/{all_total} tasks completed ({shown_pct}%)\n\n"
        "---\n\n## Overall Progress\n\n```\n" + "\n".join(board) + "\n```\n\n---\n\n"
    )
    summary = (
        "\n## Summary\n\n"
        f"**Total Tasks:** {all_total}  \n"
        f"**Completed:** {all_done} ({_pct(all_done, all_total)}%)  \n"
        f"**Remaining:** {all_total - all_done + 1} tasks  \n"
        "**Test Coverage:** 0%\n"
    )
    return head + "\n".join(body) + summary


def generated_seed() -> str:
    """Fallback for the 20 KB seed when ../shared/seeds is absent: a ~20 KB status doc."""
    items = 4
    while True:
        text = generate_status_doc(4, 5, items, seed=4, title="Generated Project - Implementation Status", drift=0.1)
        if len(text.encode()) >= 20_000:
            return text
        items += 1


_RENUMBER = re.compile(r"\b(Stage|Step|Phase|Milestone|Sprint|Batch|Week)(\s+)(\d+)")


def renumber(text: str, copy: int) -> str:
    """Copy `copy` of a seed: every `Stage/Step/Phase/... N` (headings, board lines and prose
    alike, so boards still name their sections) becomes N + 100*copy, and the H1 gets
    `Part copy: `, so that the sections of the copies stay distinct."""
    if copy == 0:
        return text
    off = 100 * copy
    text = _RENUMBER.sub(lambda m: f"{m.group(1)}{m.group(2)}{int(m.group(3)) + off}", text)
    return re.sub(r"(?m)^# ", f"# Part {copy}: ", text)


def concat_to_size(seeds: list[str], target: int) -> str:
    parts: list[str] = []
    size = 0
    copy = 0
    while size < target:
        for s in seeds:
            piece = renumber(s, copy)
            if not piece.endswith("\n"):
                piece += "\n"
            piece += "\n"
            parts.append(piece)
            size += len(piece.encode())
        copy += 1
    return "".join(parts)


def build_inputs(inputs_dir: Path) -> tuple[dict[str, Path], str]:
    inputs_dir.mkdir(parents=True, exist_ok=True)
    seed_files = sorted(SEEDS_DIR.glob("[0-9][0-9][0-9]_*.txt")) if SEEDS_DIR.is_dir() else []
    seed004 = [p for p in seed_files if p.name.startswith("004_")]
    if seed004:
        seed_text = seed004[0].read_bytes().decode("utf-8")
        concat_from = [p.read_bytes().decode("utf-8") for p in seed_files]
        origin = (
            f"seeds from {SEEDS_DIR} (seed-20k = {seed004[0].name}; "
            f"doc-1mb/doc-10mb = renumbered copies of {len(seed_files)} seeds)"
        )
    else:
        seed_text = generated_seed()
        concat_from = [seed_text]
        origin = f"{SEEDS_DIR} absent: seed-20k is generated; doc-1mb/doc-10mb are renumbered copies of it"
    texts = {
        "seed-20k": seed_text,
        "doc-1mb": concat_to_size(concat_from, 1 * MB),
        "doc-10mb": concat_to_size(concat_from, 10 * MB),
        # 10 stages x 100 steps x 100 items = 100,000 items in 1,010 sections.
        "items-100k": generate_status_doc(10, 100, 100, seed=100_000, title="Generated Programme - 100,000 items"),
        # Item-dense 10 MB: 10 stages x 100 steps x 200 items = 200,000 items (~11 MB), the peak-memory
        # worst case (memory grows with items, not bytes).
        "items-10mb": generate_status_doc(10, 100, 200, seed=200_000, title="Generated Programme - 200,000 items"),
    }
    paths = {}
    for name, text in texts.items():
        p = inputs_dir / f"{name}.md"
        data = text.encode("utf-8")
        if not p.exists() or p.read_bytes() != data:
            p.write_bytes(data)
        paths[name] = p
    return paths, origin


# --------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + sys seconds of the child
    rss_kib: int  # ru_maxrss of the child (KiB on Linux)
    rc: int
    timed_out: bool = False
    err: str = ""


@dataclass
class Cell:
    runs: list[Run] = field(default_factory=list)
    skipped: str = ""

    def ok(self, allowed: tuple[int, ...]) -> list[Run]:
        return [r for r in self.runs if not r.timed_out and r.rc in allowed]

    def problems(self, allowed: tuple[int, ...]) -> list[Run]:
        return [r for r in self.runs if r.timed_out or r.rc not in allowed]


class Spawner:
    """Runs commands through bench/_spawn.py, a lean helper process, so that the peak RSS the
    kernel reports for each child is the child's own and not this harness's (see _spawn.py)."""

    def __init__(self, workdir: Path) -> None:
        self.errfile = workdir / "stderr.txt"
        workdir.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", str(BENCH_DIR / "_spawn.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def run(self, argv: list[str], timeout: float) -> Run:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write("\t".join([repr(float(timeout)), str(self.errfile), *argv]) + "\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline()
        if not reply:
            raise RuntimeError("bench/_spawn.py died")
        wall, cpu, rss, rc, killed = reply.split("\t")
        err = self.errfile.read_bytes()[-4000:].decode("utf-8", "replace").strip()
        rc_i = int(rc)
        lines = [ln for ln in err.splitlines() if ln.strip()]
        # A traceback's last line says what happened; a one-line message is its first line.
        first = (lines[-1] if rc_i not in (0, 1) else lines[0]) if lines else ""
        return Run(float(wall), float(cpu), int(rss), rc_i, killed.strip() == "1", first[:160])

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def find_tool(name: str, override: str | None) -> Path | None:
    if override:
        p = Path(override)
        return p if p.exists() else None
    p = Path(sys.executable).parent / name
    if p.exists():
        return p
    w = shutil.which(name)
    return Path(w) if w else None


def tool_version(argv: list[str]) -> str:
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        text = r.stdout.strip() or r.stderr.strip()
        return text.splitlines()[0] if text else f"rc={r.returncode}"
    except Exception as e:  # noqa: BLE001 - report, never crash
        return f"unavailable ({e.__class__.__name__})"


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def machine_info(statusdoc: Path, mdformat: Path | None, load_start: str) -> list[tuple[str, str]]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / MIB:.1f} GiB"
                break
    except OSError:
        pass
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count() or 0
    try:
        commit = (
            subprocess.run(
                ["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout.strip()
            or "unknown"
        )
    except Exception:  # noqa: BLE001
        commit = "unknown"
    return [
        ("date", _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("platform", platform.platform()),
        ("cpu", cpu),
        ("nproc", f"{affinity} (os.cpu_count() = {os.cpu_count()})"),
        ("memory", mem),
        ("load average (1/5/15 min)", f"{load_start} at start, {_loadavg()} at the end"),
        ("python", f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})"),
        (
            "statusdoc",
            f"{tool_version([str(statusdoc), '--version'])} ({statusdoc}); repo HEAD {commit} "
            "(working tree may hold uncommitted changes)",
        ),
        ("mdformat", f"{tool_version([str(mdformat), '--version'])} ({mdformat})" if mdformat else "not installed"),
    ]


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def precompile(statusdoc: Path) -> str:
    """Write statusdoc's .pyc files before timing it.

    pip byte-compiles a regular install (mdformat's included), but an editable install compiles on
    first import, and not at all under PYTHONDONTWRITEBYTECODE (set on some CI machines): every run
    would then compile the sources again, ~45 ms that a user's install never pays.
    """
    python = sys.executable
    try:
        first = statusdoc.read_bytes()[:300].split(b"\n", 1)[0]
        if first.startswith(b"#!") and Path(first[2:].decode().strip()).exists():
            python = first[2:].decode().strip()
    except OSError:
        pass
    code = "import compileall, os, statusdoc; compileall.compile_dir(os.path.dirname(statusdoc.__file__), quiet=1)"
    r = subprocess.run([python, "-c", code], capture_output=True, text=True)
    if r.returncode != 0:
        return f"could not byte-compile statusdoc ({r.stderr.strip()[-200:]}); timing it with source compiles"
    return "byte-compiled statusdoc (as pip does for a regular install)"


def fmt_size(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.2f} MB"
    return f"{n / 1000:.1f} KB"


def fmt_ratio(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.3f}×" if x < 0.1 else f"{x:.2f}×"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer rounds (5/2/1/1/1 instead of 15/5/3/3/3)")
    ap.add_argument("--repeat", type=int, help="rounds for every input (overrides the defaults)")
    ap.add_argument("--out", default=str(BENCH_DIR / "out"), help="output dir (default bench/out)")
    ap.add_argument("--inputs", default=",".join(REPEATS), help="comma-separated subset of: " + ", ".join(REPEATS))
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run before it is killed (300)")
    ap.add_argument("--statusdoc", help="path of the statusdoc console script (default: next to sys.executable)")
    ap.add_argument(
        "--mdformat", help="path of the mdformat console script (default: next to sys.executable, then PATH)"
    )
    ap.add_argument(
        "--mdformat-10mb",
        action="store_true",
        help="also run mdformat --check on doc-10mb, once (about 5 minutes; off by default)",
    )
    ap.add_argument(
        "--trees",
        action="store_true",
        help="also the tree benchmarks of bench/tree.py (2,000 documents cold/warm cache, rumdl, custom markers)",
    )
    args = ap.parse_args(argv)

    out = Path(args.out)
    if not out.is_absolute():
        out = Path.cwd() / out
    wanted = [s.strip() for s in args.inputs.split(",") if s.strip()]
    for w in wanted:
        if w not in REPEATS:
            ap.error(f"unknown input {w!r}")

    statusdoc = find_tool("statusdoc", args.statusdoc)
    if statusdoc is None:
        print(
            f"statusdoc console script not found next to {sys.executable}; "
            "install the project into this interpreter (pip install -e .)",
            file=sys.stderr,
        )
        return 2
    mdformat = find_tool("mdformat", args.mdformat)
    if mdformat is None:
        print(
            "mdformat not found: `python -m pip install mdformat` to get the mdformat columns; skipping them.",
            file=sys.stderr,
        )

    t_build = time.perf_counter()
    paths, origin = build_inputs(out / "inputs")
    print(f"built inputs in {time.perf_counter() - t_build:.1f} s: {origin}", file=sys.stderr)

    commands: list[tuple[str, list[str], tuple[int, ...]]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], (0,)),
        # --no-cache: after the warm-up run, a cached lint would answer from its result cache without
        # parsing; the targets are the parse's (the cache has its own bench, bench/tree.py).
        ("statusdoc lint", [str(statusdoc), "lint", "--no-cache"], (0, 1)),
        ("statusdoc recompute --check", [str(statusdoc), "recompute", "--check"], (0, 1)),
    ]
    commands.append(report_command(statusdoc))
    if mdformat:
        commands.append(("mdformat --check", [str(mdformat), "--check"], (0, 1)))
    rumdl = find_tool("rumdl", None)
    if rumdl is not None:
        # --no-cache, as lint runs: with its cache rumdl answers a file it has seen from the cache.
        commands.append((RUMDL, [str(rumdl), "check", "--no-cache"], (0, 1)))
    else:
        print("rumdl not installed: the 1 MB target against it is reported as not installed.", file=sys.stderr)

    def argv_for(cmd: list[str], path: Path) -> list[str]:
        return cmd if cmd[0] == sys.executable else cmd + [str(path)]

    print(precompile(statusdoc), file=sys.stderr)
    spawner = Spawner(out)
    # Warm-up: one untimed run of every command on the smallest input (.pyc, page cache).
    for _, cmd, _ in commands:
        spawner.run(argv_for(cmd, paths["seed-20k"]), args.timeout)

    load_start = _loadavg()
    results: dict[str, dict[str, Cell]] = {}
    t_all = time.perf_counter()
    for name in wanted:
        path = paths[name]
        n = args.repeat or REPEATS[name][1 if args.quick else 0]
        cells = {label: Cell() for label, _, _ in commands}
        results[name] = cells
        t_in = time.perf_counter()
        for rnd in range(n):
            for label, cmd, allowed in commands:
                cell = cells[label]
                if name in TEN_MB and label == "mdformat --check":
                    if not args.mdformat_10mb:
                        cell.skipped = "not run (slow; --mdformat-10mb runs it once)"
                    elif rnd > 0:
                        continue
                if cell.skipped:
                    continue
                r = spawner.run(argv_for(cmd, path), args.timeout)
                cell.runs.append(r)
                if r.timed_out:
                    cell.skipped = f"timed out after {args.timeout:.0f} s"
                elif r.rc not in allowed:
                    cell.skipped = f"exit {r.rc}: {r.err}"
            print(f"  {name}: round {rnd + 1}/{n} done ({time.perf_counter() - t_in:.0f} s)", file=sys.stderr)
    total = time.perf_counter() - t_all
    spawner.close()

    report = render_report(results, paths, commands, machine_info(statusdoc, mdformat, load_start), origin, args, total)
    if args.trees:
        import tree

        report += "\n" + tree.bench(out, statusdoc, 1 if args.quick else 3)
    print(report)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.md").write_text(report, encoding="utf-8")
    print(f"(written to {out / 'report.md'})", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------------------
# statusdoc report (issue 19): timed beside lint on every input, target on a tree of documents
# --------------------------------------------------------------------------------------

REPORT = "statusdoc report"
#: rumdl, a Rust Markdown linter (issue 17: the 1 MB lint is to be no slower), when installed.
RUMDL = "rumdl check --no-cache"
#: report may take this much of lint's time on the same tree (it parses and counts; lint also binds).
REPORT_LIMIT = 1.5


def report_command(statusdoc: Path) -> tuple[str, list[str], tuple[int, ...]]:
    """The `statusdoc report` row: exit 0 (2 would mean a file could not be read)."""
    return (REPORT, [str(statusdoc), "report"], (0,))


def report_targets(med: dict[tuple[str, str], float], paths: dict[str, Path]) -> list[tuple[str, str, str]]:
    """report ≤ 1.5× lint on the same input: judged on a tree (a directory input, as the issue sets
    it), the ratio reported for single documents."""
    rows = []
    for name, path in paths.items():
        a, b = med.get((name, REPORT)), med.get((name, "statusdoc lint"))
        if a is None or b is None or b <= 0:
            continue
        x = a / b
        if path.is_dir():
            result = "**PASS**" if x <= REPORT_LIMIT else "**FAIL**"
        else:
            result = f"{'within' if x <= REPORT_LIMIT else 'over'} {REPORT_LIMIT}×: reported (the target is a tree's)"
        rows.append((f"report, {name} ≤ {REPORT_LIMIT}× lint", fmt_ratio(x), result))
    return rows


def render_report(results, paths, commands, machine, origin, args, total) -> str:  # noqa: C901
    allowed_of = {label: allowed for label, _, allowed in commands}
    med: dict[tuple[str, str], float] = {}
    rss: dict[tuple[str, str], int] = {}  # bytes, max over runs
    lines: list[str] = ["# statusdoc benchmark", ""]
    lines += ["## Machine", ""]
    lines += [f"- **{k}:** {v}" for k, v in machine]
    lines += [
        f"- **inputs:** {origin}",
        "- **method:** commands interleaved round-robin per input; wall = perf_counter around "
        "posix_spawn + os.wait4 in the lean helper bench/_spawn.py; cpu = child user+sys; "
        "peak RSS = ru_maxrss from os.wait4 (max over runs); statusdoc byte-compiled first (as pip does); "
        "one untimed warm-up of every command "
        f"first; timeout {args.timeout:.0f} s; "
        f"{'--quick; ' if args.quick else ''}{f'--repeat {args.repeat}; ' if args.repeat else ''}"
        f"timed phase took {total:.0f} s",
        "",
    ]
    lines += [
        "## Results",
        "",
        "| input | size | command | runs | exit | median ms | cpu ms | × `python -c pass` | "
        "× `mdformat --check` | MB/s | peak RSS MiB | RSS/size |",
        "|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, cells in results.items():
        size = paths[name].stat().st_size
        for label, cell in cells.items():
            ok = cell.ok(allowed_of[label])
            if ok:
                med[(name, label)] = statistics.median(r.wall for r in ok)
                rss[(name, label)] = max(r.rss_kib for r in ok) * 1024
        for label, cell in cells.items():
            ok = cell.ok(allowed_of[label])
            bad = cell.problems(allowed_of[label])
            rcs = ",".join(str(c) for c in sorted({r.rc for r in ok}))
            if not cell.runs:
                lines.append(
                    f"| {name} | {fmt_size(size)} | {label} | 0 | — | {cell.skipped or 'not run'} | | | | | | |"
                )
                continue
            if not ok:
                why = cell.skipped or (f"exit {bad[0].rc}" if bad else "no runs")
                lines.append(
                    f"| {name} | {fmt_size(size)} | {label} | {len(cell.runs)} | "
                    f"**{'TIMEOUT' if bad and bad[0].timed_out else 'ERROR'}** | {why} | | | | | | |"
                )
                continue
            m = med[(name, label)]
            cpu = statistics.median(r.cpu for r in ok)
            base = med.get((name, "python -c pass"))
            mdf = med.get((name, "mdformat --check"))
            r_base = m / base if base else None
            r_mdf = m / mdf if mdf else None
            is_base = label == "python -c pass"
            mbps = "—" if is_base else f"{size / MB / m:.2f}"
            peak = rss[(name, label)]
            note = f" ⚠ {len(bad)} failed: {cell.skipped}" if bad else ""
            lines.append(
                f"| {name} | {fmt_size(size)} | {label} | {len(ok)} | {rcs}{note} | {m * 1000:.0f} | "
                f"{cpu * 1000:.0f} | {fmt_ratio(r_base)} | {fmt_ratio(r_mdf)} | "
                f"{mbps} | {peak / MIB:.1f} | {'—' if is_base else f'{peak / size:.1f}×'} |"
            )
    lines.append("")

    # Targets ---------------------------------------------------------------------------
    def ratio(a: tuple[str, str], b: tuple[str, str]) -> float | None:
        if a in med and b in med and med[b] > 0:
            return med[a] / med[b]
        return None

    def verdict(x: float | None, limit: float) -> str:
        if x is None:
            return "n/a (not measured)"
        return "**PASS**" if x <= limit else "**FAIL**"

    L, R, P, M = "statusdoc lint", "statusdoc recompute --check", "python -c pass", "mdformat --check"
    rows: list[tuple[str, str, str]] = []
    x = ratio(("seed-20k", L), ("seed-20k", P))
    rows.append(("lint, 20 KB status file ≤ 4× `python -c pass`", fmt_ratio(x), verdict(x, 4)))
    x = ratio(("seed-20k", L), ("seed-20k", M))
    rows.append(("lint, 20 KB status file ≤ 0.35× `mdformat --check`", fmt_ratio(x), verdict(x, 0.35)))
    for cmd in (L, R):
        x = ratio(("doc-1mb", cmd), ("doc-1mb", M))
        rows.append(
            (
                f"{cmd.removeprefix('statusdoc ')}, 1 MB document ≤ 0.05× `mdformat --check`",
                fmt_ratio(x),
                verdict(x, 0.05),
            )
        )
    x = ratio(("doc-1mb", L), ("doc-1mb", RUMDL))
    rumdl_row = "not installed" if not any(label == RUMDL for label, _, _ in commands) else verdict(x, 1)
    rows.append(("lint, 1 MB document ≤ 1× `rumdl check --no-cache`", fmt_ratio(x), rumdl_row))
    for cmd in (L, R):
        x = ratio(("doc-10mb", cmd), ("doc-1mb", cmd))
        rows.append(
            (f"{cmd.removeprefix('statusdoc ')}, 10 MB document ≤ 12× the 1 MB one", fmt_ratio(x), verdict(x, 12))
        )
    base_rss = {n: rss.get((n, P)) for n in results}
    for name in results:
        size = paths[name].stat().st_size
        for cmd in (L, R):
            if (name, cmd) not in rss:
                rows.append(
                    (
                        f"{cmd.removeprefix('statusdoc ')}, {name}: peak RSS ≤ {RSS_LIMIT}× file size",
                        "—",
                        "n/a (not measured)",
                    )
                )
                continue
            x = rss[(name, cmd)] / size
            net = (rss[(name, cmd)] - (base_rss[name] or 0)) / size
            if size < MB:
                res = (
                    f"n/a: {RSS_LIMIT}× is {RSS_LIMIT * size / MIB:.1f} MiB, below the "
                    f"{(base_rss[name] or 0) / MIB:.1f} MiB of `python -c pass`"
                )
            elif name not in TEN_MB:
                # The issue states this target for the 10 MB documents; smaller inputs carry the
                # interpreter's fixed ~11 MiB.
                res = (
                    f"{'within' if x <= RSS_LIMIT else 'over'} {RSS_LIMIT}×: reported "
                    "(the target is the 10 MB documents')"
                )
            else:
                res = verdict(x, RSS_LIMIT)
            rows.append(
                (
                    f"{cmd.removeprefix('statusdoc ')}, {name} ({fmt_size(size)}): peak RSS ≤ {RSS_LIMIT}× file size",
                    f"{x:.1f}× ({rss[(name, cmd)] / MIB:.1f} MiB; {net:.1f}× net of `python -c pass`)",
                    res,
                )
            )
    rows += report_targets(med, paths)
    lines += ["## Targets", "", "| target | measured | result |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    lines.append("")

    # Growth ----------------------------------------------------------------------------
    lines += ["## Growth 10 MB / 1 MB", ""]
    if "doc-1mb" in results and "doc-10mb" in results:
        s1, s10 = paths["doc-1mb"].stat().st_size, paths["doc-10mb"].stat().st_size
        lines.append(f"Size ratio {s10 / s1:.2f}× ({fmt_size(s1)} → {fmt_size(s10)}).")
        lines.append("")
        lines += [
            "| command | time 10 MB / 1 MB | peak RSS 10 MB / 1 MB | marginal MB/s (1→10 MB) |",
            "|---|---:|---:|---:|",
        ]
        for label, _, _ in commands:
            a, b = ("doc-10mb", label), ("doc-1mb", label)
            if a in med and b in med:
                dt = med[a] - med[b]
                marg = f"{(s10 - s1) / MB / dt:.2f}" if dt > 0 and label != P else "—"
                lines.append(f"| {label} | {med[a] / med[b]:.2f}× | {rss[a] / rss[b]:.2f}× | {marg} |")
            else:
                lines.append(f"| {label} | — | — | — |")
    else:
        lines.append("(doc-1mb and doc-10mb not both measured)")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
