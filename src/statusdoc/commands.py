"""The commands as keyword-only functions: what the CLI calls, testable without a terminal.

Each returns the exit code; output goes to the given streams.  Errors that concern one file are
reported on one line and the other files are still processed; the exit code is then 2.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from statusdoc._record import record, replace
from statusdoc.errors import CLOSED_PIPE_EXIT, OutputError, StatusdocError, UsageError, printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from statusdoc.config import Config
    from statusdoc.encoding_repair import Fix, Lost
    from statusdoc.files import SourceFile
    from statusdoc.model import Document


#: The file being processed, so that an unexpected error can still name it (see ``internal_error``).
CURRENT: list[str] = []


def internal_error(e: BaseException) -> str:
    """One line for a bug: which file, what went wrong; that file was not written."""
    where = CURRENT[-1] if CURRENT else "statusdoc"
    detail = str(e).splitlines()[0] if str(e) else ""
    return f"{where}: internal error ({type(e).__name__}{': ' + detail if detail else ''}); not written — please report"


_OUTPUT_ERRNOS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}

#: Set while a command prints a document's text (``recompute -``): a closed pipe then cuts the
#: document short, which must not pass for success the way a report cut short by ``head`` does.
DOCUMENT_TO_STDOUT: list[bool] = [False]


def guarded(call: Callable[[], int]) -> int:
    """Run a command; map what escapes it to one line on stderr and an exit code (one place)."""
    from statusdoc.rollups import from_disk

    DOCUMENT_TO_STDOUT[0] = False
    try:
        with from_disk():  # the command line reads the files a roll-up names (the library does not)
            code = call()
        _flush_stdout()  # buffered output fails here, not at exit where it would only be a warning
        return code
    except OutputError as e:
        return _output_failed(e)
    except OSError as e:
        # Files are read and written through files.py, which words its own errors: an OSError of
        # these kinds that escapes is click writing help or a usage message to standard output.
        if e.errno not in _OUTPUT_ERRNOS:
            print(internal_error(e), file=sys.stderr)
            return 2
        return _output_failed(OutputError(e))
    except StatusdocError as e:
        print(e, file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("statusdoc: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: one line naming the file, never a traceback
        print(internal_error(e), file=sys.stderr)
        return 2


def _output_failed(e: OutputError) -> int:
    _discard_stdout()
    if e.closed_pipe and not DOCUMENT_TO_STDOUT[0]:
        return CLOSED_PIPE_EXIT  # `statusdoc lint | head -1`: the reader has what it wanted
    print(e, file=sys.stderr)
    return e.exit_code


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except OSError as e:
        raise OutputError(e) from None


def _discard_stdout() -> None:
    """Point file descriptor 1 at /dev/null: the interpreter flushes stdout again at exit, and that
    second failure would print a warning and change the exit code to 120."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return  # not a real file (tests capture it)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


class _CheckedOut:
    """Standard output whose write errors become :class:`OutputError` (one line and exit 2, or a
    quiet end for a closed pipe) instead of a traceback, an internal error or a silent cut."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as e:
            raise OutputError(e) from None

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as e:
            raise OutputError(e) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@record
class Streams:
    out: TextIO
    err: TextIO
    stdin: TextIO | None = None


def _std() -> Streams:
    return Streams(_CheckedOut(sys.stdout), sys.stderr, None)  # type: ignore[arg-type]


def _config_for(path: str | None) -> Config:
    from statusdoc.config import config_for

    return config_for(path)


def _sources(paths: list[str], streams: Streams, failures: list[StatusdocError]) -> Iterator[tuple[SourceFile, Config]]:
    """Each readable document with its configuration; unreadable ones go to ``failures``."""
    from statusdoc.config import OPTIONS, patterns_by_directory
    from statusdoc.files import iter_paths, read_source

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
        CURRENT[:] = [p if p != "-" else "<stdin>"]
        try:
            src = read_source(p, stdin=streams.stdin)
            cfg = _config_for(src.path)
        except StatusdocError as e:
            failures.append(e)
            print(e, file=streams.err)
            continue
        yield src, cfg


def _require_paths(command: str, paths: list[str]) -> None:
    """A command that rewrites files needs them named: ``statusdoc recompute < FILE`` (the ``-``
    forgotten) once rewrote every document of the current directory."""
    if not paths:
        raise UsageError(command, "name the files or directories to rewrite ('.' for this directory, '-' for stdin)")


def _single(path: str, streams: Streams) -> tuple[SourceFile, Config]:
    """One named file (a directory here is an input error, not a walk)."""
    from statusdoc.files import read_source

    CURRENT[:] = [path if path != "-" else "<stdin>"]
    src = read_source(path, stdin=streams.stdin)
    return src, _config_for(src.path)


def _parse(src: SourceFile, cfg: Config) -> Document:
    import gc

    from statusdoc.parser import parse

    doc = parse(src.text, path=src.display, vocabulary=cfg.vocabulary())
    # The model is acyclic and lives until the file is done: taking it out of the collector's
    # generations spares the full collections that checking it would trigger, again and again
    # (a fifth of lint's time at 1 MB).  Reference counting still frees it.
    gc.freeze()
    return doc


def _patch_lines(text: str) -> list[str]:
    """``text`` split after each LF only, as patch and git apply read it (str.splitlines would also
    split at CR, form feed, U+2028 and others, and the patch would not apply)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _diff(src: SourceFile, new: str) -> str:
    import difflib

    name = src.display
    out = []
    for line in difflib.unified_diff(_patch_lines(src.text), _patch_lines(new), f"a/{name}", f"b/{name}"):
        # A last line without a newline needs the marker patch and git apply expect after it.
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def recompute(*, paths: list[str], check: bool = False, diff: bool = False, streams: Streams | None = None) -> int:
    """Rewrite drifted counters in place; ``-`` reads stdin and writes stdout."""
    from statusdoc.files import write_atomic
    from statusdoc.recomputer import recompute as recompute_doc
    from statusdoc.renderer import changes_text, render

    _require_paths("recompute", paths)
    s = streams or _std()
    failures: list[StatusdocError] = []
    changed = 0
    for src, cfg in _sources(paths, s, failures):
        doc = recompute_doc(_parse(src, cfg), config=cfg)
        if check and not diff:
            if changes_text(src.text, doc.edits):
                changed += 1
                print(f"would recompute {printable(src.display)}", file=s.out)
            continue
        new = render(doc)
        if src.path is None and not check and not diff:
            DOCUMENT_TO_STDOUT[0] = True
            s.out.write(new)
            continue
        if new == src.text:
            continue
        changed += 1
        if diff:
            s.out.write(_diff(src, new))
            continue
        try:
            write_atomic(src, new)
        except StatusdocError as e:
            print(e, file=s.err)
            failures.append(e)
            continue
        print(f"recomputed {printable(src.display)} ({_plural(len(doc.edits), 'change')})", file=s.err)
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
) -> int:
    """Report findings; exit 1 when any has error severity (0 under ``exit_zero``)."""
    from statusdoc import output
    from statusdoc.linter import lint as lint_doc
    from statusdoc.rules import Finding

    s = streams or _std()
    selected = _selectors(select, "--select")
    ignored = _selectors(ignore, "--ignore")
    # Info findings are noise in a report unless asked for, by flag or by naming them.
    show_info = show_info or any(c == "SD009" for c in selected)
    failures: list[StatusdocError] = []
    findings: list[Finding] = []
    files = fixed = 0
    for src, cfg in _sources(paths, s, failures):
        files += 1
        if selected:
            cfg = _with(cfg, select=selected)
        if ignored:
            cfg = _with(cfg, ignore=cfg.ignore + ignored)
        show_info = show_info or "SD009" in (cfg.select or ())
        doc = _parse(src, cfg)
        if fix and src.path is not None:
            try:
                doc, changes = _fix(src, doc, cfg)
            except StatusdocError as e:
                print(e, file=s.err)
                failures.append(e)
                continue
            if changes:
                fixed += 1
                if not quiet:
                    print(f"fixed {printable(src.display)} ({_plural(changes, 'change')})", file=s.err)
        findings.extend(lint_doc(doc, config=cfg))
    shown, hidden = output.visible(findings, show_info=show_info or fmt != "text")
    report = _report_stream(s, output_file)
    output.write_findings(shown, fmt, report, color=color, statistics=statistics)
    # The summary goes to stderr: stdout stays one finding per line, for grep, head and editors.
    if fmt == "text" and not quiet and (line := output.summary(shown, files=files, hidden_info=hidden, fixed=fixed)):
        print(line, file=s.err)
    if output_file is not None:
        _write_report(output_file, report.getvalue())  # type: ignore[attr-defined]
    if failures:
        return 2
    if fixed and exit_non_zero_on_fix:
        return 1
    return 1 if not exit_zero and any(f.severity == "error" for f in findings) else 0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _fix(src: SourceFile, doc: Document, cfg: Config) -> tuple[Document, int]:
    """``lint --fix``: the document recomputed and written, re-parsed, and how many edits it took."""
    from statusdoc.files import write_atomic
    from statusdoc.recomputer import recompute as recompute_doc
    from statusdoc.renderer import render

    recomputed = recompute_doc(doc, config=cfg)
    new = render(recomputed)
    if new == src.text:
        return doc, 0
    write_atomic(src, new)
    return _parse(_reread(src, new), cfg), len(recomputed.edits)


def _report_stream(s: Streams, output_file: str | None) -> TextIO:
    if output_file is None:
        return s.out
    import io

    return io.StringIO()


def _write_report(path: str, text: str) -> None:
    """``--output-file``: the whole report or nothing (a temporary file renamed over ``path``)."""
    import tempfile

    from statusdoc.errors import InputError

    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".statusdoc-report-", suffix=".tmp")
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # an ordinary new file's mode, not mkstemp's 0600
            with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
                f.write(text)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as e:
        raise InputError(path, f"cannot write the report: {e.strerror or e}") from None


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


def _reread(src: SourceFile, text: str) -> SourceFile:
    return replace(src, text=text)


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
    docs = [_parse(src, cfg) for src, cfg in _sources(paths, s, failures)]
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
    from statusdoc.files import write_atomic

    _require_paths("fix-encoding", paths)
    s = streams or _std()
    failures: list[StatusdocError] = []
    changed = 0
    for src, _cfg in _sources(paths, s, failures):
        result = repair(src.text, guess=guess)
        for lost in result.lost:
            print(_located(src, lost, describe(lost)), file=s.err)
        if src.path is None and not check and not diff:
            DOCUMENT_TO_STDOUT[0] = True
            s.out.write(result.text)
            continue
        if not result.changed:
            continue
        changed += 1
        if diff:
            s.out.write(_diff(src, result.text))
        if check or diff:
            if check and not diff:
                # Each run where lint would put it (path:line:col:), then the file's verdict.
                s.out.writelines(_located(src, fx, describe(fx)) + "\n" for fx in result.fixes)
                print(f"would repair {printable(src.display)} ({_plural(len(result.fixes), 'run')})", file=s.out)
            continue
        for fx in result.fixes:
            if fx.guessed:
                print(_located(src, fx, describe(fx)), file=s.err)
        try:
            write_atomic(src, result.text)
        except StatusdocError as e:
            print(e, file=s.err)
            failures.append(e)
            continue
        print(f"repaired {printable(src.display)} ({len(result.fixes)} runs)", file=s.err)
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
        s.out.write(_diff(src, new))
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
    for src, cfg in _sources(paths, s, failures):
        for info in items_of(_parse(src, cfg)):
            if wanted is not None and info.state != wanted:
                continue
            if section_words and not section_words <= set(words(" ".join(info.section))):
                continue
            if first_open and (not info.open if wanted is None else not info.leaf):
                continue
            found.append(replace(info, path=src.display))
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
