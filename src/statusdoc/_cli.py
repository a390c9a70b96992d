"""The command line (typer).  Each command wraps a keyword-only function of :mod:`commands`.

``run(args) -> int`` runs a command line without a subprocess and returns its exit code;
:func:`main` is the console script.  Exceptions become one-line messages and exit codes here,
and only here.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from statusdoc import __version__, commands
from statusdoc._entry import _codes, _tty

app = typer.Typer(
    name="statusdoc",
    help="Keep Markdown status documents honest: lint and recompute counts, percentages, bars and status claims.",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

Paths = Annotated[list[str] | None, typer.Argument(help="Files or directories (walked for *.md); '-' is stdin.")]


def _version(value: object) -> None:
    # Only a real True: typer 0.12.5 under click 8.2 called this on every command with the string
    # 'False', which is truthy (fix-encoding --check printed the version and exited 0).
    if value is True:
        # Through the checked stream: click would turn a closed pipe here into a bare exit 1.
        out = commands._std().out
        out.write(f"statusdoc {__version__}\n")
        out.flush()
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Keep Markdown status documents honest."""


@app.command()
def lint(
    paths: Paths = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json, github or sarif.")] = "text",
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rule codes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Never these rule codes.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Recompute first, then report what is left.")] = False,
) -> None:
    """Report every number, bar and status claim that disagrees with the items."""
    from statusdoc.output import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"'{fmt}' is not one of {', '.join(FORMATS)}", param_hint="--format")
    raise typer.Exit(
        commands.lint(
            paths=paths or [],
            fmt=fmt,
            select=_codes(select),
            ignore=_codes(ignore),
            fix=fix,
            color=fmt == "text" and _tty(sys.stdout),
        )
    )


@app.command()
def recompute(
    paths: Paths = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any file would change.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")] = False,
) -> None:
    """Rewrite drifted counters, bars and status claims in place, and nothing else."""
    raise typer.Exit(commands.recompute(paths=paths or [], check=check, diff=diff))


@app.command()
def show(paths: Paths = None) -> None:
    """A tree of sections with bars and done/total counts."""
    raise typer.Exit(commands.show(paths=paths or [], plain=not _tty(sys.stdout)))


@app.command()
def explain(target: Annotated[str, typer.Argument(help="FILE or FILE:LINE.")]) -> None:
    """What each counter on a line (or in a file) is bound to, and why."""
    raise typer.Exit(commands.explain(target=target))


@app.command()
def dump(
    path: Annotated[str, typer.Argument(help="The document ('-' for stdin).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or yaml.")] = "json",
) -> None:
    """Print the typed model of a document."""
    if fmt not in ("json", "yaml"):
        raise typer.BadParameter(f"'{fmt}' is not json or yaml", param_hint="--format")
    raise typer.Exit(commands.dump(path=path, fmt=fmt))


@app.command("fix-encoding")
def fix_encoding(
    paths: Paths = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any file has mojibake.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")] = False,
    guess: Annotated[bool, typer.Option("--guess", help="Pick the likeliest character where bytes were lost.")] = False,
) -> None:
    """Repair mojibake (UTF-8 read as Mac Roman, Windows-1252/1254, Latin-1)."""
    raise typer.Exit(commands.fix_encoding(paths=paths or [], check=check, diff=diff, guess=guess))


@app.command()
def schema(which: Annotated[str, typer.Argument(help="document or config.")] = "document") -> None:
    """Print the JSON Schema of the document model or of the configuration."""
    if which not in ("document", "config"):
        raise typer.BadParameter(f"'{which}' is not document or config", param_hint="WHICH")
    raise typer.Exit(commands.schema(which=which))


def run(args: list[str]) -> int:
    """Run a command line and return its exit code (no subprocess, no sys.exit)."""

    def call() -> int:
        try:
            # Standalone mode lets click word usage errors (exit 2) and handle --help itself.
            app(args, prog_name="statusdoc", standalone_mode=True)
        except SystemExit as e:
            return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        return 0

    return commands.guarded(call)


def main() -> None:
    sys.exit(run(sys.argv[1:]))
