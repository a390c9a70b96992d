"""Reliability tests: the ``slow`` marker (rows that take minutes; run them with STATUSDOC_SLOW=1)."""

from __future__ import annotations

import os

import pytest

RUN_SLOW = bool(os.environ.get("STATUSDOC_SLOW"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes minutes; skipped unless STATUSDOC_SLOW=1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if RUN_SLOW:
        return
    skip = pytest.mark.skip(reason="slow: set STATUSDOC_SLOW=1 to run")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)
