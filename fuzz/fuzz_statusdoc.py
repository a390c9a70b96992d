#!/usr/bin/env python3
"""Coverage-guided fuzzing of parse / render / recompute / lint with atheris (libFuzzer).

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_statusdoc.py fuzz/corpus -max_total_time=600

Each input is decoded as UTF-8 (``surrogatepass``, else ``ignore``) and must satisfy
``render(parse(t)) == t``; ``render(recompute(parse(t)))`` must succeed (or raise
``TruncatedParse``) and be a fixed point of recompute; ``lint(parse(t))`` must run.
See fuzz/README.md.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# statusdoc imports lazily, and only modules imported inside this block are instrumented for
# coverage: import every module of the package here (not the command-line layer, which pulls in typer).
CLI_MODULES = {"__main__", "_cli", "_entry"}
with atheris.instrument_imports(include=["statusdoc", "_oracle"]):
    import statusdoc

    for _m in pkgutil.iter_modules(statusdoc.__path__):
        if _m.name not in CLI_MODULES:
            importlib.import_module(f"statusdoc.{_m.name}")
    import _oracle


def TestOneInput(data: bytes) -> None:  # noqa: N802 - atheris' name
    _oracle.check(data)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
