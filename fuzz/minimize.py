#!/usr/bin/env python3
"""Shrink a crashing input by hand-rolled delta debugging, keeping the same failure.

    .venv/bin/python fuzz/minimize.py CRASH_FILE [OUT_FILE]

(libFuzzer's ``-minimize_crash=1`` re-executes the script through a shell, which needs the venv's
python on PATH; this needs nothing.)  The failure is "the same" when the exception type and message
of ``_oracle.check`` match.  Prints the minimised input's repr and writes it to OUT_FILE.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _oracle  # noqa: E402


def failure(data: bytes) -> tuple[str, str] | None:
    try:
        _oracle.check(data)
    except Exception as e:  # noqa: BLE001 - any failure is a finding
        return type(e).__name__, str(e).split(":")[0]
    return None


def ddmin(data: bytes, target: tuple[str, str]) -> bytes:
    n = 2
    while len(data) >= 2:
        chunk = max(1, len(data) // n)
        reduced = False
        for start in range(0, len(data), chunk):
            candidate = data[:start] + data[start + chunk :]
            if failure(candidate) == target:
                data, n, reduced = candidate, max(n - 1, 2), True
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(data), n * 2)
    # then try replacing each byte by a plainer one
    for i in range(len(data)):
        for b in b"a ":
            if data[i] != b:
                candidate = data[:i] + bytes([b]) + data[i + 1 :]
                if failure(candidate) == target:
                    data = candidate
                    break
    return data


def main() -> None:
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    target = failure(data)
    if target is None:
        sys.exit(f"{sys.argv[1]}: does not fail")
    small = ddmin(data, target)
    print(f"{target[0]}: {target[1]}")
    print(repr(small))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "wb") as f:
            f.write(small)


if __name__ == "__main__":
    main()
