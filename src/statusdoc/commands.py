"""The commands as keyword-only functions: what the CLI calls, testable without a terminal.

Each returns the exit code; output goes to the given streams.  Errors that concern one file are
reported on one line and the other files are still processed; the exit code is then 2.  The
commands that write (`recompute`, `fix-encoding`, `lint --fix`) share one write loop,
:func:`_rewrite_each`; each says only what it makes of a document (a :class:`Rewrite`).
"""

from __future__ import annotations

from statusdoc._record import replace
from statusdoc._streams import DOCUMENT_TO_STDOUT, OUTPUT_ERRNOS, InFile, Streams, guarded, std, write_report
from statusdoc.errors import StatusdocError, UsageError, printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import ParamSpec, TextIO, TypeVar

    from statusdoc.config import Config
    from statusdoc.encoding_repair import Fix, Lost
    from statusdoc.files import SourceFile
    from statusdoc.model import Document
    from statusdoc.tree import Linter
    from statusdoc.writing import Rewrite, Rewritten

    T = TypeVar("T")
    P = ParamSpec("P")

__all__ = ["Streams", "guarded"]  # re-exported: the CLI and the tests take them from here

_std = std


class _processing:  # noqa: N801 - used as a function: `with _processing(path):`
    """While one file is processed: a bug becomes :class:`InFile`, so that ``guarded``'s one
    line names the file (errors statusdoc words itself, and output errors, pass as they are).
    A class, not ``contextlib``: its import is a millisecond on every pre-commit run."""

    def __init__(self, display: str) -> None:
        self.display = display

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, e: BaseException | None, tb: object) -> None:
        if e is None or not isinstance(e, Exception) or isinstance(e, (StatusdocError, InFile)):
            return
        if isinstance(e, OSError) and e.errno in OUTPUT_ERRNOS:
            return
        raise InFile(self.display, e) from e


def _about_its_file(command: Callable[P, int]) -> Callable[P, int]:
    """A command on one named file (its ``path``): a bug in it names that file."""

    def run(*args: P.args, **kwargs: P.kwargs) -> int:
        with _processing(_shown(str(kwargs.get("path")))):
            return command(*args, **kwargs)

    run.__doc__, run.__name__, run.__qualname__ = command.__doc__, command.__name__, command.__qualname__
    return run


def _shown(path: str) -> str:
    return path if path != "-" else "<stdin>"


def _config_for(path: str | None) -> Config:
    from statusdoc.config import config_for

    return config_for(path)


def _sources(paths: list[str], streams: Streams, failures: list[StatusdocError]) -> Iterator[tuple[SourceFile, Config]]:
    """Each readable document with its configuration; unreadable ones go to ``failures``."""
    from statusdoc.config import OPTIONS, patterns_by_directory
    from statusdoc.files import read_source
    from statusdoc.walk import iter_paths

    walk_errors: list[StatusdocError] = []  # reported, and the walk goes on (exit 2 at the end)
    try:
        expanded = iter_paths(
            paths or ["."], patterns=patterns_by_directory(), gitignore=OPTIONS.gitignore, errors=walk_errors
        )
    except StatusdocError as e:
        failures.append(e)
        print(e, file=streams.err)
        return
    for problem in walk_errors:
        failures.append(problem)
        print(problem, file=streams.err)
    for p in expanded:
        try:
            with _processing(_shown(p)):
                src = read_source(p, stdin=streams.stdin)
                cfg = _config_for(src.path)
        except StatusdocError as e:
            failures.append(e)
            print(e, file=streams.err)
            continue
        yield src, cfg


def _each(
    paths: list[str], streams: Streams, failures: list[StatusdocError], work: Callable[[SourceFile, Config], T]
) -> Iterator[T]:
    """``work`` done on each readable document, in order; a bug in it names the document."""
    for src, cfg in _sources(paths, streams, failures):
        with _processing(src.display):
            done = work(src, cfg)
        yield done


def _require_paths(command: str, paths: list[str]) -> None:
    """A command that rewrites files needs them named: ``statusdoc recompute < FILE`` (the ``-``
    forgotten) once rewrote every document of the current directory."""
    if not paths:
        raise UsageError(command, "name the files or directories to rewrite ('.' for this directory, '-' for stdin)")


def _single(path: str, streams: Streams) -> tuple[SourceFile, Config]:
    """One named file (a directory here is an input error, not a walk)."""
    from statusdoc.files import read_source

    src = read_source(path, stdin=streams.stdin)
    return src, _config_for(src.path)


def _parse(src: SourceFile, cfg: Config) -> Document:
    import gc

    from statusdoc.read import parse

    doc = parse(src.text, path=src.display, vocabulary=cfg.vocabulary())
    # The model is acyclic and lives until the file is done: taking it out of the collector's
    # generations spares the full collections that checking it would trigger, again and again
    # (a fifth of lint's time at 1 MB).  Reference counting still frees it.
    gc.freeze()
    return doc


# ------------------------------------------------------------------------------ the write loop


def _rewrite_each(
    paths: list[str],
    streams: Streams,
    failures: list[StatusdocError],
    rewrite: Callable[[SourceFile, Config], Rewrite],
    *,
    check: bool = False,
    diff: bool = False,
    stdin_to_stdout: bool = True,
) -> Iterator[Rewritten]:
    """The one write loop of ``recompute``, ``fix-encoding`` and ``lint --fix``.

    Each document is read, rewritten, then printed (stdin, when ``stdin_to_stdout``), shown as a
    diff, reported (``check``) or written atomically.  A refused write goes to ``failures`` with
    its one line on stderr, and the document is not yielded; so does a document whose input is
    wrong (a roll-up naming no file), and the others are still rewritten.
    """

    # (imported here: `lint` without `--fix` writes nothing)
    from statusdoc.writing import write_one as _write_one

    def one(src: SourceFile, cfg: Config) -> Rewritten | None:
        try:
            new = rewrite(src, cfg)
        except StatusdocError as e:
            failures.append(e)
            print(e, file=streams.err)
            return None
        return _write_one(src, cfg, new, streams, failures, check, diff, stdin_to_stdout)

    for done in _each(paths, streams, failures, one):
        if done is not None:
            yield done


def _recomputed(src: SourceFile, cfg: Config, doc: Document | None = None, verb: str = "recomputed") -> Rewrite:
    """``recompute``'s rewrite of a document (``lint --fix``'s too, from its parse ``doc``)."""
    from statusdoc.recomputer import recompute as recompute_doc
    from statusdoc.renderer import changes_text, render
    from statusdoc.writing import Rewrite

    parsed = doc if doc is not None else _parse(src, cfg)
    new = recompute_doc(parsed, config=cfg)
    return Rewrite(
        changed=changes_text(src.text, new.edits),
        new_text=lambda: render(new),
        done=f"{verb} {printable(src.display)} ({_plural(len(new.edits), 'change')})" if verb else "",
        would=(f"would recompute {printable(src.display)}",),
        doc=parsed,
    )


def recompute(*, paths: list[str], check: bool = False, diff: bool = False, streams: Streams | None = None) -> int:
    """Rewrite drifted counters in place; ``-`` reads stdin and writes stdout."""
    _require_paths("recompute", paths)
    s = streams or _std()
    failures: list[StatusdocError] = []
    done = _rewrite_each(paths, s, failures, _recomputed, check=check, diff=diff)
    changed = sum(r.changed for r in done)
    if failures:
        return 2
    return 1 if changed and (check or diff) else 0


def lint(
    *,
    paths: list[str],
    fmt: str = "text",
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fix: bool = False,
    streams: Streams | None = None,
    color: bool = False,
    show_info: bool = False,
    quiet: bool = False,
    exit_zero: bool = False,
    statistics: bool = False,
    output_file: str | None = None,
    exit_non_zero_on_fix: bool = False,
    cache: bool = True,
) -> int:
    """Report findings; exit 1 when any has error severity (0 under ``exit_zero``).  Without
    ``fix``, results come from the cache when the file, its configuration and statusdoc are
    what they were (``cache``: use it), and large trees are linted by a process pool."""
    from statusdoc import output
    from statusdoc.rules import Finding

    s = streams or _std()
    selected = _selectors(select, "--select")
    ignored = _selectors(ignore, "--ignore")
    # Info findings are noise in a report unless asked for, by flag or by naming them.
    show_info = show_info or any(c == "SD009" for c in selected)
    failures: list[StatusdocError] = []
    findings: list[Finding] = []
    files = fixed = 0

    def configured(cfg: Config) -> Config:
        """The file's configuration with the command line's ``--select``/``--ignore``."""
        if selected:
            cfg = _with(cfg, select=selected)
        if ignored:
            cfg = _with(cfg, ignore=cfg.ignore + ignored)
        return cfg

    def fixing(src: SourceFile, cfg: Config) -> Rewrite:
        nonlocal files, show_info
        files += 1
        cfg = configured(cfg)
        show_info = show_info or "SD009" in (cfg.select or ())
        doc = _parse(src, cfg)
        if src.path is None:
            from statusdoc.writing import Rewrite

            return Rewrite(changed=False, new_text=lambda: src.text, doc=doc)
        return _recomputed(src, cfg, doc, verb="" if quiet else "fixed")

    if fix:
        from statusdoc.linter import lint as lint_doc

        for r in _rewrite_each(paths, s, failures, fixing, stdin_to_stdout=False):
            fixed += r.changed
            cfg = configured(r.cfg)
            with _processing(r.src.display):
                doc = _parse(replace(r.src, text=r.rewrite.new_text()), cfg) if r.changed else r.rewrite.doc
                findings.extend(lint_doc(doc, config=cfg))  # type: ignore[arg-type]
    else:

        def configured_sources() -> Iterator[tuple[SourceFile, Config]]:
            nonlocal files, show_info
            for src, cfg in _sources(paths, s, failures):
                files += 1
                cfg = configured(cfg)
                show_info = show_info or "SD009" in (cfg.select or ())
                yield src, cfg

        for found in _tree_linter(cache).run(configured_sources()):
            if isinstance(found, StatusdocError):  # (a roll-up naming no file: the others go on)
                failures.append(found)
                print(found, file=s.err)
            else:
                findings.extend(found)
    shown, hidden = output.visible(findings, show_info=show_info or fmt != "text")
    report = _report_stream(s, output_file)
    output.write_findings(shown, fmt, report, color=color, statistics=statistics)
    # The summary goes to stderr: stdout stays one finding per line, for grep, head and editors.
    if fmt == "text" and not quiet and (line := output.summary(shown, files=files, hidden_info=hidden, fixed=fixed)):
        print(line, file=s.err)
    if output_file is not None:
        write_report(output_file, report.getvalue())  # type: ignore[attr-defined]
    if failures:
        return 2
    if fixed and exit_non_zero_on_fix:
        return 1
    return 1 if not exit_zero and any(f.severity == "error" for f in findings) else 0


def _tree_linter(use_cache: bool) -> Linter:
    from statusdoc.tree import Linter

    if not use_cache:
        return Linter(None)  # (without importing the cache module)
    from statusdoc.cache import ResultCache, default_directory

    folder = default_directory()
    return Linter(ResultCache(folder) if folder is not None else None)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _report_stream(s: Streams, output_file: str | None) -> TextIO:
    if output_file is None:
        return s.out
    import io

    return io.StringIO()


def _selectors(values: list[str] | None, option: str) -> list[str]:
    """Rule codes, prefixes or names as codes and prefixes; an unknown one is a usage error."""
    from statusdoc.rules import rule_selector

    out = []
    for v in values or []:
        try:
            out.append(rule_selector(v))
        except ValueError as e:
            raise UsageError(option, str(e)) from None
    return out


def _with(cfg: Config, **changes: object) -> Config:
    return replace(cfg, **changes)


def dump(*, path: str, fmt: str = "json", streams: Streams | None = None) -> int:
    from statusdoc.dump import dump_document

    s = streams or _std()
    try:
        src, cfg = _single(path, s)
    except StatusdocError as e:
        print(e, file=s.err)
        return e.exit_code
    with _processing(src.display):
        s.out.write(dump_document(_parse(src, cfg), fmt))
    return 0


def schema(*, which: str, streams: Streams | None = None) -> int:
    from statusdoc.dump import schema_json

    s = streams or _std()
    s.out.write(schema_json(which))
    return 0


def explain(*, target: str, streams: Streams | None = None) -> int:
    from statusdoc.explain import explain_document, line_count

    s = streams or _std()
    path, line = _split_target(target)
    try:
        src, cfg = _single(path, s)
    except StatusdocError as e:
        print(e, file=s.err)
        return e.exit_code
    n = line_count(src.text)
    if line is not None and not 1 <= line <= n:
        # A line outside the file would otherwise read as "nothing there", exit 0.
        outside = StatusdocError(src.display, f"no such line (the file has {_plural(n, 'line')})", line=line)
        print(outside, file=s.err)
        return outside.exit_code
    with _processing(src.display):
        text = explain_document(_parse(src, cfg), line=line, rounding=cfg.rounding, vocabulary=cfg.vocabulary())
    s.out.writelines(printable(ln) + "\n" for ln in text.splitlines())
    return 0


def _split_target(target: str) -> tuple[str, int | None]:
    head, sep, tail = target.rpartition(":")
    if sep and tail.isdigit() and head:
        return head, int(tail)
    return target, None


def show(*, paths: list[str], streams: Streams | None = None, plain: bool = True) -> int:
    from statusdoc.show import show_documents

    s = streams or _std()
    failures: list[StatusdocError] = []
    docs = list(_each(paths, s, failures, _parse))
    import shutil

    show_documents(docs, s.out, plain=plain, width=shutil.get_terminal_size((80, 24)).columns)
    return 2 if failures else 0


def _located(src: SourceFile, run: Fix | Lost, text: str) -> str:
    """``path:line:col: what`` for a repaired or lost run, the shape lint's findings have."""
    return printable(f"{src.display}:{run.line}:{run.column}: {text.removeprefix(f'line {run.line}: ')}")


def fix_encoding(
    *, paths: list[str], check: bool = False, diff: bool = False, guess: bool = False, streams: Streams | None = None
) -> int:
    from statusdoc.encoding_repair import describe, repair

    _require_paths("fix-encoding", paths)
    s = streams or _std()
    failures: list[StatusdocError] = []

    def repaired(src: SourceFile, _cfg: Config) -> Rewrite:
        from statusdoc.writing import Rewrite

        result = repair(src.text, guess=guess)
        name = printable(src.display)
        return Rewrite(
            changed=result.changed,
            new_text=lambda: result.text,
            done=f"repaired {name} ({len(result.fixes)} runs)",
            # Each run where lint would put it (path:line:col:), then the file's verdict.
            would=(
                *(_located(src, fx, describe(fx)) for fx in result.fixes),
                f"would repair {name} ({_plural(len(result.fixes), 'run')})",
            ),
            notes=tuple(_located(src, lost, describe(lost)) for lost in result.lost),
            before_write=tuple(_located(src, fx, describe(fx)) for fx in result.fixes if fx.guessed),
        )

    changed = sum(r.changed for r in _rewrite_each(paths, s, failures, repaired, check=check, diff=diff))
    if failures:
        return 2
    return 1 if changed and (check or diff) else 0


def rule(*, code: str | None = None, streams: Streams | None = None) -> int:
    """A rule's documentation (docs/rules.md is generated from the same text), or the list of rules."""
    from statusdoc.rules import RULES, UnknownRule, rule_for, rule_markdown

    s = streams or _std()
    if code is None:
        s.out.writelines(f"{r.code}  {r.name:<22} {r.severity:<8} {r.finds}\n" for r in RULES.values())
        return 0
    try:
        found = rule_for(code)
    except UnknownRule as e:
        raise UsageError("rule", str(e)) from None
    s.out.write(rule_markdown(found))
    return 0


@_about_its_file
def mark(
    *,
    path: str,
    selector: str,
    state: str,
    check: bool = False,
    diff: bool = False,
    streams: Streams | None = None,
) -> int:
    """Set one item's state and recompute the certain counters, in one atomic write."""
    from statusdoc.files import write_atomic
    from statusdoc.marking import MarkError, SelectorError, changes, left_behind, mark_item, parse_state, select
    from statusdoc.renderer import render

    s = streams or _std()
    target = parse_state(state)
    src, cfg = _single(path, s)
    doc = _parse(src, cfg)
    try:
        item = select(doc, selector)
        marked = mark_item(doc, item, target, config=cfg)
    except SelectorError as e:
        print(e, file=s.err)
        for c in e.candidates:
            print(printable(f"  {src.display}:{c.line}: {c.state:<11} {c.text}"), file=s.err)
        return e.exit_code
    except MarkError as e:
        print(e, file=s.err)
        return e.exit_code
    where = f"{src.display}:{item.line}"
    report = s.err if src.path is None else s.out
    if not marked.edits:
        print(printable(f"{where}: already {target}: {item.text}"), file=report)
        if src.path is None and not check and not diff:
            DOCUMENT_TO_STDOUT[0] = True
            s.out.write(src.text)
        return 0
    new = render(marked)
    if diff:
        from statusdoc.writing import unified_diff

        s.out.write(unified_diff(src, new))
        return 1
    verb = "would mark" if check else "marked"
    print(printable(f"{verb} {where} {target}: {item.text}"), file=report)
    for line, old, new_text in changes(doc, marked):
        print(printable(f"  line {line}: {old} → {new_text}"), file=report)
    for f in left_behind(doc, marked, config=cfg):
        print(printable(f"  left for a person: line {f.line}: {f.code} {f.message}"), file=report)
    if check:
        return 1
    if src.path is None:
        DOCUMENT_TO_STDOUT[0] = True
        s.out.write(new)
        return 0
    write_atomic(src, new)
    return 0


def items(
    *,
    paths: list[str],
    state: str | None = None,
    section: str | None = None,
    fmt: str = "text",
    first_open: bool = False,
    streams: Streams | None = None,
) -> int:
    """Every item with file, line, state, id, section path and text; ``first_open``: the first open
    item in document order (exit 1 when there is none)."""
    from statusdoc.marking import ItemInfo, parse_state, words
    from statusdoc.marking import items as items_of

    s = streams or _std()
    try:
        wanted = parse_state(state) if state is not None else None
    except ValueError as e:
        raise UsageError("--state", str(e)) from None
    section_words = set(words(section)) if section else set()
    failures: list[StatusdocError] = []
    found: list[ItemInfo] = []
    for doc in _each(paths, s, failures, _parse):
        for info in items_of(doc):
            if wanted is not None and info.state != wanted:
                continue
            if section_words and not section_words <= set(words(" ".join(info.section))):
                continue
            if first_open and (not info.open if wanted is None else not info.leaf):
                continue
            found.append(replace(info, path=doc.path or "<text>"))
            if first_open:
                break
        if first_open and found:
            break
    if fmt == "json":
        import json

        data: object = [i.as_dict() for i in found]
        if first_open:
            data = found[0].as_dict() if found else None
        s.out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for i in found:
            where = " > ".join(i.section)
            s.out.write(
                printable(f"{i.path}:{i.line}: {i.state:<11} {i.text}" + (f"  [{where}]" if where else "")) + "\n"
            )
    if failures:
        return 2
    return 1 if first_open and not found else 0
