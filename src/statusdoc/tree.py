"""``lint`` over many files: the result cache, and a process pool for the files it misses.

Files are read, in order, by the caller (its messages for unreadable files keep their place);
here they are taken in batches of :data:`BATCH`: the cache answers what it can, and when at
least :data:`POOL_MIN` files of a batch are left, they are parsed and linted by worker
processes; otherwise here.  Findings come back in the order the files came in, so the report,
the summary and the exit code are the same whichever way a file was linted.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from concurrent.futures import Executor

    from statusdoc.cache import ResultCache
    from statusdoc.config import Config
    from statusdoc.errors import StatusdocError
    from statusdoc.files import SourceFile
    from statusdoc.rules import Finding

    #: A file's result: its findings, or the error that stopped it.
    Result = list[Finding] | StatusdocError

ENV_POOL_MIN = "STATUSDOC_POOL_MIN"
#: Files left to lint in a batch before a pool is worth its start (≈ 5 ms a file, ≈ 30 ms a pool).
POOL_MIN = 64
#: Files read ahead: enough to keep the workers busy, few enough to bound the texts held at once
#: (and never more than BATCH_CHARS of text: a tree of 10 MB documents is read a few at a time).
BATCH = 512
BATCH_CHARS = 32_000_000
#: Files a worker takes at a time (fewer round trips; the batch still spreads over the workers).
CHUNK = 8


def lint_one(src: SourceFile, cfg: Config) -> list[Finding] | StatusdocError:
    """One file's findings under ``cfg``, or the error that file's input is (a roll-up naming no
    file): reported in its place while the other files are linted, as a file that cannot be read
    is.  A bug is an :class:`InFile` naming the file, and stops the run."""
    from statusdoc.commands import _parse, _processing
    from statusdoc.errors import StatusdocError
    from statusdoc.linter import lint

    with _processing(src.display):
        try:
            return lint(_parse(src, cfg), config=cfg)
        except StatusdocError as e:
            return e


#: What a worker is sent of a file: its path, display name and text (frozen records such as
#: the file's fingerprint do not pickle, and a worker has no use for it).
if TYPE_CHECKING:
    Job = tuple[str | None, str, str, Config]


def _lint_chunk(chunk: list[Job]) -> list[Result]:
    from statusdoc.files import SourceFile

    return [lint_one(SourceFile(path, display, text), cfg) for path, display, text, cfg in chunk]


def pool_threshold() -> int:
    value = os.environ.get(ENV_POOL_MIN, "")
    return int(value) if value.isdigit() else POOL_MIN


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class Linter:
    """Lints files in order through the cache and, for large batches, a pool (see the module)."""

    def __init__(self, cache: ResultCache | None = None, *, pool_min: int | None = None) -> None:
        self.cache = cache
        self.pool_min = pool_min if pool_min is not None else pool_threshold()
        self.pool: Executor | None = None
        #: Files linted here and by workers: the work a warm cache saves.
        self.linted_here = self.linted_by_pool = 0

    def run(self, files: Iterable[tuple[SourceFile, Config]]) -> Iterator[Result]:
        """Each file's findings (or its error), in order."""
        try:
            batch: list[tuple[SourceFile, Config]] = []
            chars = 0
            for pair in files:
                batch.append(pair)
                chars += len(pair[0].text)
                if len(batch) >= BATCH or chars >= BATCH_CHARS:
                    yield from self._batch(batch)
                    batch, chars = [], 0
            yield from self._batch(batch)
        finally:
            self.close()
            if self.cache is not None and self.cache.stored:
                self.cache.prune()

    def _batch(self, batch: list[tuple[SourceFile, Config]]) -> list[Result]:
        results: list[Result | None] = [None] * len(batch)
        keys: list[str | None] = [None] * len(batch)
        todo: list[int] = []
        for i, (src, cfg) in enumerate(batch):
            if self.cache is not None:
                keys[i] = key = self.cache.key(src, cfg)
                if key is not None:
                    results[i] = self.cache.get(key, src.display)
            if results[i] is None:
                todo.append(i)
        for i, found in zip(todo, self._lint([batch[i] for i in todo]), strict=True):
            results[i] = found
            key = keys[i]
            if self.cache is not None and key is not None and isinstance(found, list):
                self.cache.put(key, found)
        return [r for r in results if r is not None]

    def _lint(self, pairs: list[tuple[SourceFile, Config]]) -> list[Result]:
        pool = self._pool() if len(pairs) >= self.pool_min else None
        if pool is None:
            self.linted_here += len(pairs)
            return [lint_one(src, cfg) for src, cfg in pairs]
        self.linted_by_pool += len(pairs)
        jobs: list[Job] = [(src.path, src.display, src.text, cfg) for src, cfg in pairs]
        chunks = [jobs[k : k + CHUNK] for k in range(0, len(jobs), CHUNK)]
        return [found for chunk in pool.map(_lint_chunk, chunks) for found in chunk]

    def _pool(self) -> Executor | None:
        if self.pool is None:
            n = workers()
            if n < 2:
                return None
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # fork: the workers start with statusdoc imported and configured, in milliseconds.
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self.pool = ProcessPoolExecutor(max_workers=n, mp_context=context)
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


__all__ = ["Linter", "lint_one"]
