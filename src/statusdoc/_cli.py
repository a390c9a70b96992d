"""The command line (typer).  Each command wraps a keyword-only function of :mod:`commands`.

``run(args) -> int`` runs a command line without a subprocess and returns its exit code;
:func:`main` is the console script.  Exceptions become one-line messages and exit codes here,
and only here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from statusdoc import __version__, commands
from statusdoc._choices import COLOR_CHOICES, FORMATS, codes, use_color


class _Group(TyperGroup):
    """The command list with each summary whole (click cuts them at the terminal's width)."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=1000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class _Command(TyperCommand):
    """Arguments and options listed the same way whatever typer's version: typer 0.29 appends
    ``<list[str]>`` to every argument, typer 0.16 drops their help.  (Click's types are not named:
    typer 0.29 vendors click, 0.16 depends on it.)"""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar or "[OPTIONS]"]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = (param.name or "").upper()
                required = param.required or (self.name, param.name) in REQUIRED_PATHS
                pieces.append((name if required else f"[{name}]") + ("..." if param.nargs == -1 else ""))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = (param.name or "").upper() + ("..." if param.nargs == -1 else "")
                args.append((name, ARGUMENT_HELP.get((self.name or "", param.name or ""), "")))
            elif (record := param.get_help_record(ctx)) is not None:
                opts.append(record)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


app = typer.Typer(
    name="statusdoc",
    cls=_Group,
    help="Keep Markdown status documents honest: lint and recompute counts, percentages, bars and status claims.",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

#: Each argument's help, by command and parameter: typer passes an argument's help to click only
#: in some versions, so :class:`_Command` lists it from here.
ARGUMENT_HELP: dict[tuple[str, str], str] = {
    **{
        (c, "path"): "Files or directories (walked for *.md, *.markdown); '-' is stdin. Default: the current directory."
        for c in ("lint", "show", "report")
    },
    **{
        (c, "path"): "Files or directories to rewrite (walked for *.md, *.markdown); '.' for the current "
        "directory, '-' reads stdin and writes stdout. Required: a writing command has no default."
        for c in ("recompute", "fix-encoding")
    },
    ("explain", "target"): "FILE or FILE:LINE ('-' for stdin).",
    ("dump", "path"): "The document ('-' for stdin).",
    ("schema", "which"): "document, config or report.",
    ("mark", "file"): "The document ('-' reads stdin and writes stdout).",
    ("mark", "selector"): "A line number (42), an id at the start of the item text (T009, 1.2.3, #12), "
    "or words of its text (case- and accent-insensitive; every word must match).",
    ("items", "path"): "Files or directories (walked for *.md); '-' is stdin. Default: the current directory.",
    ("history", "file"): "A document inside a git repository.",
    ("mcp", "root"): "The directory whose documents the server may read and write. Default: the current directory.",
    ("badge", "path"): "A document, or a directory (the total of the documents under it).",
    ("rule", "code"): "A rule code (SD001) or name (count-drift). Without one: the list of rules.",
}

#: Required, though typer is told they are optional: a missing one is then our one-line usage error
#: (commands._require_paths), the same on the console script's fast path.
REQUIRED_PATHS = {("recompute", "path"), ("fix-encoding", "path")}

Paths = Annotated[list[str] | None, typer.Argument(show_default=False)]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Say which configuration file applies, and why.")]
NoGitignore = Annotated[bool, typer.Option("--no-gitignore", help="Walk what .gitignore files ignore, too.")]


def _options(verbose: bool, no_gitignore: bool) -> None:
    from statusdoc.config import set_options

    set_options(verbose=verbose, gitignore=not no_gitignore)


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


_CODES_HELP = (
    "Rule codes, code prefixes or rule names, comma-separated or repeated: SD001 count-drift, SD002 percent-drift, "
    "SD003 bar-drift, SD004 status-drift, SD005 item-contradiction, SD006 duplicate-item-state, "
    "SD007 summary-contradiction, SD008 mojibake, SD009 unbound-counter."
)


def _option(*names: str, help: str, metavar: str | None = None) -> Any:
    """An option shown with a word for its value (typer would show ``<list[str]>``), and no default
    in brackets (typer 0.16 prints them as ``\\[default: ...]``): defaults are in the help text."""
    return typer.Option(*names, help=help, metavar=metavar, show_default=False)


@app.command(cls=_Command)
def lint(
    path: Paths = None,
    fmt: Annotated[
        str, _option("--format", "-f", metavar="FORMAT", help="text (default), json, github or sarif.")
    ] = "text",
    select: Annotated[
        list[str] | None, _option("--select", metavar="CODES", help="Only these rules. " + _CODES_HELP)
    ] = None,
    ignore: Annotated[
        list[str] | None, _option("--ignore", metavar="CODES", help="Never these rules (same syntax).")
    ] = None,
    fix: Annotated[
        bool, _option("--fix", help="Recompute first (say what was fixed), then report what is left.")
    ] = False,
    exit_non_zero_on_fix: Annotated[
        bool,
        _option("--exit-non-zero-on-fix", help="With --fix: exit 1 when a file was fixed, even if nothing is left."),
    ] = False,
    show_info: Annotated[
        bool, _option("--show-info", help="Also report info findings (SD009), hidden from text output.")
    ] = False,
    quiet: Annotated[
        bool, _option("--quiet", "-q", help="Only the findings: no summary line, no 'fixed' lines.")
    ] = False,
    exit_zero: Annotated[
        bool, _option("--exit-zero", help="Exit 0 even when errors are found (2 still means bad input).")
    ] = False,
    statistics: Annotated[
        bool, _option("--statistics", help="Count findings per rule instead of listing them.")
    ] = False,
    output_file: Annotated[
        str | None, _option("--output-file", "-o", metavar="FILE", help="Write the report to FILE, not stdout.")
    ] = None,
    color: Annotated[
        str,
        _option(
            "--color",
            metavar="WHEN",
            help="auto (default: on a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never.",
        ),
    ] = "auto",
    no_cache: Annotated[
        bool,
        _option("--no-cache", help="Lint every file again: neither read nor write the cache of results."),
    ] = False,
    verbose: Verbose = False,
    no_gitignore: NoGitignore = False,
) -> None:
    """Report every number, bar and status claim that disagrees with the items."""
    _options(verbose, no_gitignore)

    _one_of(fmt, FORMATS, "--format")
    _one_of(color, COLOR_CHOICES, "--color")
    raise typer.Exit(
        commands.lint(
            paths=path or [],
            fmt=fmt,
            select=codes(select),
            ignore=codes(ignore),
            fix=fix,
            exit_non_zero_on_fix=exit_non_zero_on_fix,
            show_info=show_info,
            quiet=quiet,
            exit_zero=exit_zero,
            statistics=statistics,
            output_file=output_file,
            color=fmt == "text" and output_file is None and use_color(color, sys.stdout),
            cache=not no_cache,
        )
    )


@app.command(cls=_Command)
def recompute(
    path: Paths = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any file would change.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")] = False,
    verbose: Verbose = False,
    no_gitignore: NoGitignore = False,
) -> None:
    """Rewrite drifted counters, bars and status claims in place, and nothing else."""
    _options(verbose, no_gitignore)
    raise typer.Exit(commands.recompute(paths=path or [], check=check, diff=diff))


@app.command(cls=_Command)
def show(path: Paths = None, verbose: Verbose = False, no_gitignore: NoGitignore = False) -> None:
    """A tree of sections with bars and done/total counts."""
    _options(verbose, no_gitignore)
    raise typer.Exit(commands.show(paths=path or [], plain=not use_color("auto", sys.stdout)))


@app.command(cls=_Command)
def explain(target: Annotated[str, typer.Argument()]) -> None:
    """What each counter on a line (or in a file) is bound to, and why."""
    raise typer.Exit(commands.explain(target=target))


@app.command(cls=_Command)
def dump(
    path: Annotated[str, typer.Argument()],
    fmt: Annotated[str, _option("--format", "-f", metavar="FORMAT", help="json (default) or yaml.")] = "json",
) -> None:
    """Print the typed model of a document."""
    _one_of(fmt, ("json", "yaml"), "--format", said="json or yaml")
    raise typer.Exit(commands.dump(path=path, fmt=fmt))


@app.command("fix-encoding", cls=_Command)
def fix_encoding(
    path: Paths = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any file has mojibake.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")] = False,
    guess: Annotated[bool, typer.Option("--guess", help="Pick the likeliest character where bytes were lost.")] = False,
    verbose: Verbose = False,
    no_gitignore: NoGitignore = False,
) -> None:
    """Repair mojibake (UTF-8 read as Mac Roman, Windows-1252/1254, Latin-1)."""
    _options(verbose, no_gitignore)
    raise typer.Exit(commands.fix_encoding(paths=path or [], check=check, diff=diff, guess=guess))


@app.command(cls=_Command)
def schema(which: Annotated[str, typer.Argument(show_default=False)] = "document") -> None:
    """Print the JSON Schema of the document model, of the configuration or of `report --format json`."""
    _one_of(which, ("document", "config", "report"), "WHICH", said="document, config or report")
    raise typer.Exit(commands.schema(which=which))


@app.command(cls=_Command)
def rule(code: Annotated[str | None, typer.Argument(show_default=False)] = None) -> None:
    """Print a rule's documentation, or list the rules."""
    raise typer.Exit(commands.rule(code=code))


_STATE_FLAGS = ("done", "todo", "in_progress", "blocked", "cancelled")


@app.command(cls=_Command)
def mark(
    file: Annotated[str, typer.Argument()],
    selector: Annotated[str, typer.Argument()],
    done: Annotated[bool, typer.Option("--done", help="Mark the item done.")] = False,
    todo: Annotated[bool, typer.Option("--todo", help="Mark it to do.")] = False,
    in_progress: Annotated[bool, typer.Option("--in-progress", help="Mark it in progress.")] = False,
    blocked: Annotated[bool, typer.Option("--blocked", help="Mark it blocked.")] = False,
    cancelled: Annotated[bool, typer.Option("--cancelled", help="Mark it cancelled.")] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; say what would change, exit 1 if any.")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")] = False,
) -> None:
    """Set one item's state and recompute every certain counter, bar and claim, in one atomic write."""
    flags = dict(zip(_STATE_FLAGS, (done, todo, in_progress, blocked, cancelled), strict=True))
    chosen = [state for state, on in flags.items() if on]
    if len(chosen) != 1:
        raise typer.BadParameter(
            "give exactly one of --done, --todo, --in-progress, --blocked, --cancelled", param_hint="STATE"
        )
    raise typer.Exit(commands.mark(path=file, selector=selector, state=chosen[0], check=check, diff=diff))


@app.command(cls=_Command)
def items(
    path: Paths = None,
    state: Annotated[
        str | None,
        _option("--state", metavar="STATE", help="Only items in STATE: done, todo, in_progress, blocked, cancelled."),
    ] = None,
    section: Annotated[
        str | None, _option("--section", metavar="WORDS", help="Only items under headings holding all these words.")
    ] = None,
    fmt: Annotated[str, _option("--format", "-f", metavar="FORMAT", help="text (default) or json.")] = "text",
    first_open: Annotated[
        bool,
        _option("--next", help="Only the first open item (to do or in progress) in document order; exit 1 if none."),
    ] = False,
    verbose: Verbose = False,
    no_gitignore: NoGitignore = False,
) -> None:
    """List the items: file, line, state, id, section path and text."""
    _options(verbose, no_gitignore)
    _one_of(fmt, ("text", "json"), "--format", said="text or json")
    raise typer.Exit(commands.items(paths=path or [], state=state, section=section, fmt=fmt, first_open=first_open))


@app.command(cls=_Command)
def history(
    file: Annotated[str, typer.Argument()],
    since: Annotated[
        str | None,
        _option("--since", metavar="DATE|REV", help="Only commits after REV, or since DATE (YYYY-MM-DD)."),
    ] = None,
    fmt: Annotated[str, _option("--format", "-f", metavar="FORMAT", help="text (default), csv or json.")] = "text",
    svg: Annotated[
        str | None, _option("--svg", metavar="OUT", help="Also write an SVG chart of done and total to OUT.")
    ] = None,
) -> None:
    """Done/total/percent of a document at every commit that changed it (follows renames)."""
    from statusdoc.history import run as run_history

    s = commands._std()
    raise typer.Exit(run_history(path=file, since=since, fmt=fmt, svg=svg, out=s.out, err=s.err))


@app.command(cls=_Command)
def mcp(root: Annotated[str, typer.Argument(show_default=False)] = ".") -> None:
    """Serve the documents under ROOT to coding agents (Model Context Protocol over stdio)."""
    from statusdoc.mcp_server import serve

    raise typer.Exit(serve(root))


@app.command(cls=_Command)
def report(
    path: Paths = None,
    fmt: Annotated[
        str, _option("--format", "-f", metavar="FORMAT", help="text (default), json, markdown or html.")
    ] = "text",
    output_file: Annotated[
        str | None, _option("--output-file", "-o", metavar="FILE", help="Write the report to FILE, not stdout.")
    ] = None,
    color: Annotated[
        str, _option("--color", metavar="WHEN", help="auto (default: on a terminal, unless NO_COLOR), always or never.")
    ] = "auto",
    with_history: Annotated[
        bool, _option("--history", help="html: chart the total at every commit that changed a document (git).")
    ] = False,
    verbose: Verbose = False,
    no_gitignore: NoGitignore = False,
) -> None:
    """Progress of every document: done/total, percent and a bar, its sections, and the total."""
    from statusdoc import report as report_command

    _options(verbose, no_gitignore)
    _one_of(fmt, report_command.FORMATS, "--format")
    _one_of(color, COLOR_CHOICES, "--color")
    if with_history and fmt != "html":
        raise typer.BadParameter("--history draws a chart: use it with --format html", param_hint="--history")
    raise typer.Exit(
        report_command.run(
            paths=path or [],
            fmt=fmt,
            output_file=output_file,
            color=fmt == "text" and use_color(color, sys.stdout),
            with_history=with_history,
        )
    )


@app.command(cls=_Command)
def badge(
    path: Annotated[str, typer.Argument()],
    fmt: Annotated[str, _option("--format", "-f", metavar="FORMAT", help="svg (default) or json.")] = "svg",
    label: Annotated[
        str, _option("--label", metavar="TEXT", help="The badge's left-hand text (default: progress).")
    ] = "progress",
    verbose: Verbose = False,
    no_gitignore: NoGitignore = False,
) -> None:
    """A progress badge: an SVG, or shields.io endpoint JSON; coloured by percentage."""
    from statusdoc import badge as badge_command

    _options(verbose, no_gitignore)
    _one_of(fmt, badge_command.FORMATS, "--format", said="svg or json")
    raise typer.Exit(badge_command.run(path=path, fmt=fmt, label=label))


def _one_of(value: str, choices: Iterable[str], hint: str, *, said: str | None = None) -> None:
    """A usage error unless ``value`` is one of ``choices``: `'x' is not one of a, b` (or `is not`
    followed by ``said``, the choices as a sentence)."""
    choices = tuple(choices)
    if value not in choices:
        raise typer.BadParameter(f"'{value}' is not {said or 'one of ' + ', '.join(choices)}", param_hint=hint)


def run(args: list[str]) -> int:
    """Run a command line and return its exit code (no subprocess, no sys.exit)."""

    def call() -> int:
        _options(False, False)  # a command without the flags runs with the defaults
        try:
            # Standalone mode lets click word usage errors (exit 2) and handle --help itself.
            app(args, prog_name="statusdoc", standalone_mode=True)
        except SystemExit as e:
            return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        return 0

    return commands.guarded(call)
