"""The console script.  Runs `lint`, `recompute` and `report` without importing typer when it can.

Typer (0.29) imports rich and builds pydantic adapters on every run: about a hundred milliseconds
that a pre-commit hook pays on every commit.  The two commands hooks run are parsed here with a
table of their options; anything else (help, other commands, an option this table does not know)
goes to the typer app in :mod:`statusdoc._cli`, the single source of the command line's help.
``tests/test_entry.py`` checks that both paths agree.
"""

from __future__ import annotations

import sys

from statusdoc._choices import COLOR_CHOICES, FORMATS_OF, codes, use_color

# option -> (keyword, takes a value, repeatable)
_OPTIONS: dict[str, dict[str, tuple[str, bool, bool]]] = {
    "lint": {
        "--format": ("fmt", True, False),
        "-f": ("fmt", True, False),
        "--select": ("select", True, True),
        "--ignore": ("ignore", True, True),
        "--fix": ("fix", False, False),
        "--exit-non-zero-on-fix": ("exit_non_zero_on_fix", False, False),
        "--show-info": ("show_info", False, False),
        "--quiet": ("quiet", False, False),
        "-q": ("quiet", False, False),
        "--exit-zero": ("exit_zero", False, False),
        "--statistics": ("statistics", False, False),
        "--output-file": ("output_file", True, False),
        "-o": ("output_file", True, False),
        "--color": ("color", True, False),
        "--no-cache": ("no_cache", False, False),
    },
    "recompute": {"--check": ("check", False, False), "--diff": ("diff", False, False)},
    # A CI step's command too (report -f markdown >> $GITHUB_STEP_SUMMARY): typer would be most of
    # its time on a small repository.
    "report": {
        "--format": ("fmt", True, False),
        "-f": ("fmt", True, False),
        "--output-file": ("output_file", True, False),
        "-o": ("output_file", True, False),
        "--color": ("color", True, False),
    },
}
# They all walk: the options of the walk and of configuration discovery.
for _table in _OPTIONS.values():
    _table.update({"--verbose": ("verbose", False, False), "-v": ("verbose", False, False)})
    _table["--no-gitignore"] = ("no_gitignore", False, False)


def _parse_fast(args: list[str]) -> tuple[str, dict[str, object]] | None:
    """(command, keyword arguments) when the fast path understands ``args``, else None."""
    if not args or args[0] not in _OPTIONS:
        return None
    table = _OPTIONS[args[0]]
    paths: list[str] = []
    lists: dict[str, list[str]] = {}
    kwargs: dict[str, object] = {"paths": paths}
    rest = args[1:]
    i = 0
    only_paths = False
    while i < len(rest):
        a = rest[i]
        if only_paths or a == "-" or not a.startswith("-"):
            paths.append(a)
        elif a == "--":
            only_paths = True
        else:
            name, eq, inline = a.partition("=")
            spec = table.get(name)
            # `-o=x` is click's `-o` with the value `=x`; only long options take `=value`.
            if spec is None or (eq and not name.startswith("--")):
                return None
            key, takes_value, repeat = spec
            if takes_value:
                if eq:
                    value = inline
                elif i + 1 < len(rest):
                    i += 1
                    value = rest[i]
                else:
                    return None
                if repeat:
                    lists.setdefault(key, []).append(value)
                    kwargs[key] = lists[key]
                else:
                    kwargs[key] = value
            elif eq:
                return None
            else:
                kwargs[key] = True
        i += 1
    formats = FORMATS_OF.get(args[0], ("text",))
    if kwargs.get("fmt", "text") not in formats or kwargs.get("color", "auto") not in COLOR_CHOICES:
        return None  # let typer word the usage error
    return args[0], kwargs


def run(args: list[str]) -> int:
    fast = _parse_fast(args)
    if fast is None:
        from statusdoc._cli import run as run_typer

        return run_typer(args)
    from statusdoc import commands
    from statusdoc.config import set_options

    command, kw = fast
    set_options(verbose=bool(kw.get("verbose")), gitignore=not kw.get("no_gitignore"))
    paths = [str(p) for p in kw["paths"]]  # type: ignore[attr-defined]

    def call() -> int:
        if command == "lint":
            fmt = str(kw.get("fmt", "text"))
            output_file = kw.get("output_file")
            return commands.lint(
                paths=paths,
                fmt=fmt,
                select=codes(kw.get("select")),
                ignore=codes(kw.get("ignore")),
                fix=bool(kw.get("fix")),
                exit_non_zero_on_fix=bool(kw.get("exit_non_zero_on_fix")),
                show_info=bool(kw.get("show_info")),
                quiet=bool(kw.get("quiet")),
                exit_zero=bool(kw.get("exit_zero")),
                statistics=bool(kw.get("statistics")),
                output_file=None if output_file is None else str(output_file),
                cache=not kw.get("no_cache"),
                color=fmt == "text" and output_file is None and use_color(str(kw.get("color", "auto")), sys.stdout),
            )
        if command == "report":
            from statusdoc import report

            fmt, output_file = str(kw.get("fmt", "text")), kw.get("output_file")
            return report.run(
                paths=paths,
                fmt=fmt,
                output_file=None if output_file is None else str(output_file),
                color=fmt == "text" and use_color(str(kw.get("color", "auto")), sys.stdout),
            )
        return commands.recompute(paths=paths, check=bool(kw.get("check")), diff=bool(kw.get("diff")))

    return commands.guarded(call)


def main() -> None:
    _fewer_collections()
    sys.exit(run(sys.argv[1:]))


def console() -> None:
    """The console script (and ``python -m statusdoc``): :func:`main`, then out of the process
    without tearing the interpreter down.

    Freeing every module and the parsed model at exit was ≈ 2.5 ms of a 20 KB lint's ≈ 57 (issue
    17); nothing is left to do by then (files are written and closed, a pool is shut down, output
    is flushed here), so the process ends as mypy's does (``os._exit``).  If a flush fails, the
    interpreter's own exit reports it.
    """
    _fewer_collections()
    code = run(sys.argv[1:])
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    import os

    os._exit(code)


def _fewer_collections() -> None:
    """Run the cyclic garbage collector every 100,000 allocations instead of every 700.

    A run allocates millions of objects it keeps (the model) and makes next to no cyclic garbage,
    so the default threshold only rescans live objects: 3% of a 20 KB lint's instructions and
    about as much of a 1 MB one's time (issue 17).  The console's peak memory did not move (the
    item-dense 10 MB bench input: 205 MB either way); mypy raises the threshold for the same reason.
    """
    import gc

    gc.set_threshold(100_000, *gc.get_threshold()[1:])
