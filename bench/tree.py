#!/usr/bin/env python3
"""Benchmarks of `statusdoc lint` over trees (issues 12 and 17); stdlib only.

    python bench/tree.py [--rounds N] [--out bench/out]      # or: python bench/run.py --trees

* **tree-2000**: 2,000 status documents (≈ 13 MB) in 40 folders: three of every five are the
  small seeds (`000_…`–`002_…`, 4.7–6.4 KB) with their stages renumbered per copy, as the 1 MB
  input is built; the other two are generated documents (8.7 KB).  Without `../shared`, all are
  generated.  `lint .` runs with the cache off (`--no-cache`) serially
  (`STATUSDOC_POOL_MIN` above the tree) and with the pool, then with an empty cache (cold) and
  with the cache it left (warm); rumdl (`rumdl check`) when it is installed.
* **markers-300**: 300 small documents under a `.statusdoc.yaml` without markers, and 300 under
  one declaring custom markers (`🎉` done, `Shipped`) that their items use: time and peak memory
  within 1.2× (issue 12).

Runs are interleaved, round-robin, through bench/_spawn.py (peak RSS is the child's own).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as harness  # noqa: E402 - the harness's spawner and input builders

TREE_DOCS = 2000
TREE_FOLDERS = 40
MARKER_DOCS = 300
WARM_TARGET = 0.1
MARKERS_TARGET = 1.2
MARKERS_CONFIG = "rounding: nearest\nmarkers:\n  done: ['🎉', 'Shipped']\n"
PLAIN_CONFIG = "rounding: nearest\n"


def tree_texts() -> tuple[list[str], str]:
    """The 2,000 documents' texts, deterministically."""
    seeds = sorted(harness.SEEDS_DIR.glob("00[012]_*.txt")) if harness.SEEDS_DIR.is_dir() else []
    small = [p.read_bytes().decode("utf-8") for p in seeds]
    texts = []
    for i in range(TREE_DOCS):
        if small and i % 5 < 3:
            texts.append(harness.renumber(small[i % 5], 1 + i // 5))
        else:
            texts.append(harness.generate_status_doc(5, 5, 5, seed=i, title=f"Service {i} - Implementation Status"))
    origin = "3/5 renumbered seeds 000–002, 2/5 generated" if small else "all generated (../shared absent)"
    return texts, origin


def write_tree(root: Path, texts: list[str]) -> int:
    """``texts`` as ``root/pkg-NN/doc-NNNN.md``; returns the bytes written (the tree is rebuilt
    only when a file differs, so the page cache is warm for every command alike)."""
    size = 0
    for i, text in enumerate(texts):
        path = root / f"pkg-{i % TREE_FOLDERS:02d}" / f"doc-{i:04d}.md"
        data = text.encode("utf-8")
        size += len(data)
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    # bench/out is git-ignored: an empty .git makes the tree its own repository, whose (absent)
    # .gitignore is the only one the walk reads.
    (root / ".git").mkdir(exist_ok=True)
    return size


def marker_trees(root: Path) -> tuple[Path, Path]:
    """300 small documents twice: plain, and with custom markers configured and used."""
    plain, custom = root / "plain", root / "custom"
    for folder, emoji, word in ((plain, "✅", "Done"), (custom, "🎉", "Shipped")):
        for i in range(MARKER_DOCS):
            text = harness.generate_status_doc(1, 2, 4, seed=i, title=f"Module {i}")
            # Some items in the marker's own form: `- 🎉 Ship …` / `**Status:** Shipped`.
            text += f"\n## Extras (1/2)\n\n- {emoji} Write the release note\n- ⬜ Tag the release\n"
            text += f"\n**Status:** {word}\n"
            path = folder / f"m{i:03d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
    # Both trees have a configuration (loading one imports pydantic and ruamel.yaml, ≈ 20 MiB):
    # the comparison is of the markers alone.
    (plain / ".statusdoc.yaml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (custom / ".statusdoc.yaml").write_text(MARKERS_CONFIG, encoding="utf-8")
    (plain / ".git").mkdir(exist_ok=True)  # stops the configuration search at each tree
    (custom / ".git").mkdir(exist_ok=True)
    return plain, custom


def _median(cell: harness.Cell) -> tuple[float, float, int] | None:
    ok = cell.ok((0, 1))
    if not ok:
        return None
    return (
        statistics.median(r.wall for r in ok),
        statistics.median(r.cpu for r in ok),
        max(r.rss_kib for r in ok),
    )


def _row(label: str, cell: harness.Cell) -> str:
    got = _median(cell)
    if got is None:
        why = cell.skipped or (cell.runs[-1].err if cell.runs else "not run")
        return f"| {label} | {why} | | |"
    wall, cpu, rss = got
    return f"| {label} | {wall:.2f} | {cpu:.2f} | {rss / 1024:.0f} |"


def bench(out: Path, statusdoc: Path, rounds: int) -> str:
    work = out / "trees"
    texts, origin = tree_texts()
    size = write_tree(work / "tree-2000", texts)
    plain, custom = marker_trees(work / "markers-300")
    cache_dir = work / "cache"
    rumdl = harness.find_tool("rumdl", None)

    def spawner(**env: str) -> harness.Spawner:
        saved = dict(os.environ)
        os.environ.update(env, **{"STATUSDOC_CACHE_DIR": str(cache_dir)})
        try:
            return harness.Spawner(work)
        finally:
            os.environ.clear()
            os.environ.update(saved)

    default = spawner()
    serial = spawner(STATUSDOC_POOL_MIN=str(10 * TREE_DOCS))
    sd = str(statusdoc)
    tree = str(work / "tree-2000")
    cells = {k: harness.Cell() for k in ("serial", "pool", "cold", "warm", "rumdl", "rumdl-warm", "plain", "custom")}
    # Warm-up: bytecode and page cache, untimed.
    default.run([sd, "lint", "--no-cache", str(plain)], 300)
    for rnd in range(rounds):
        cells["serial"].runs.append(serial.run([sd, "lint", "--no-cache", tree], 600))
        cells["pool"].runs.append(default.run([sd, "lint", "--no-cache", tree], 600))
        shutil.rmtree(cache_dir, ignore_errors=True)
        cells["cold"].runs.append(default.run([sd, "lint", tree], 600))
        cells["warm"].runs.append(default.run([sd, "lint", tree], 600))
        if rumdl is not None:
            rumdl_cache = str(work / "rumdl-cache")
            shutil.rmtree(rumdl_cache, ignore_errors=True)
            cells["rumdl"].runs.append(default.run([str(rumdl), "check", "--no-cache", tree], 600))
            default.run([str(rumdl), "check", "--cache-dir", rumdl_cache, tree], 600)  # fills its cache
            cells["rumdl-warm"].runs.append(default.run([str(rumdl), "check", "--cache-dir", rumdl_cache, tree], 600))
        cells["plain"].runs.append(serial.run([sd, "lint", "--no-cache", str(plain)], 300))
        cells["custom"].runs.append(serial.run([sd, "lint", "--no-cache", str(custom)], 300))
        print(f"  trees: round {rnd + 1}/{rounds} done", file=sys.stderr)
    default.close()
    serial.close()
    if rumdl is None:
        cells["rumdl"].skipped = cells["rumdl-warm"].skipped = "not installed"

    def ratio(a: str, b: str, i: int) -> float | None:
        x, y = _median(cells[a]), _median(cells[b])
        return None if x is None or y is None else x[i] / y[i]

    def verdict(x: float | None, limit: float) -> str:
        return "n/a" if x is None else f"{x:.3f}× ({'PASS' if x <= limit else 'FAIL'}, target ≤ {limit}×)"

    lines = [
        f"## Trees ({rounds} rounds, {os.cpu_count()} CPUs)",
        "",
        f"tree-2000: {TREE_DOCS:,} documents, {size / harness.MB:.1f} MB ({origin}); "
        f"markers-300: {MARKER_DOCS} documents of ≈ 2 KB each way.",
        "",
        "| command | wall s (median) | cpu s | peak RSS MiB |",
        "|---|---|---|---|",
        _row("tree-2000: `lint --no-cache`, serial", cells["serial"]),
        _row("tree-2000: `lint --no-cache`, pool", cells["pool"]),
        _row("tree-2000: `lint`, cold cache", cells["cold"]),
        _row("tree-2000: `lint`, warm cache", cells["warm"]),
        _row("tree-2000: `rumdl check --no-cache`", cells["rumdl"]),
        _row("tree-2000: `rumdl check`, warm cache", cells["rumdl-warm"]),
        _row("markers-300: `lint`, configuration without markers", cells["plain"]),
        _row("markers-300: `lint`, custom markers", cells["custom"]),
        "",
        f"- warm / cold cache: {verdict(ratio('warm', 'cold', 0), WARM_TARGET)}",
        f"- pool / serial (no cache): {verdict(ratio('pool', 'serial', 0), 1.0)}",
        f"- cold cache / rumdl (no cache): {verdict(ratio('cold', 'rumdl', 0), 1.0)}",
        f"- warm cache / rumdl (warm cache): {verdict(ratio('warm', 'rumdl-warm', 0), 1.0)}",
        f"- custom markers / none, wall time: {verdict(ratio('custom', 'plain', 0), MARKERS_TARGET)}",
        f"- custom markers / none, cpu time: {verdict(ratio('custom', 'plain', 1), MARKERS_TARGET)}",
        f"- custom markers / none, peak RSS: {verdict(ratio('custom', 'plain', 2), MARKERS_TARGET)}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=str(harness.BENCH_DIR / "out"))
    ap.add_argument("--statusdoc", help="the statusdoc console script (default: next to sys.executable)")
    args = ap.parse_args(argv)
    statusdoc = harness.find_tool("statusdoc", args.statusdoc)
    if statusdoc is None:
        print("statusdoc console script not found", file=sys.stderr)
        return 2
    print(harness.precompile(statusdoc), file=sys.stderr)
    t0 = time.perf_counter()
    report = bench(Path(args.out).resolve(), statusdoc, args.rounds)
    print(report)
    print(f"(took {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
