"""The assertions the fuzzer checks, shared with tests/reliability/test_fuzz_regressions.py.

``check(data)`` decodes the bytes the way the harness does and asserts the invariants of
SPEC §9: identity round trip, a recompute that renders, idempotent recompute, and a lint that runs.
Any exception other than ``TruncatedParse`` from ``recompute`` is a failure.
"""

from __future__ import annotations


def decode(data: bytes) -> str:
    """Bytes to the text under test.  ``surrogatepass`` keeps encoded surrogates as lone surrogates
    (valid ``str``s that the parser must not choke on); anything else undecodable is dropped."""
    if _surrogate_ok(data):
        return data.decode("utf-8", errors="surrogatepass")
    return data.decode("utf-8", errors="ignore")


def _surrogate_ok(data: bytes) -> bool:
    try:
        data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def truncated_parse_error() -> type[Exception]:
    """``statusdoc.recomputer.TruncatedParse`` (recompute's refusal to rewrite a document nested
    deeper than the parser follows), or a class nothing raises if this version has none."""
    from statusdoc import recomputer

    return getattr(recomputer, "TruncatedParse", _NeverRaised)


class _NeverRaised(Exception):
    pass


def check(data: bytes) -> None:
    import statusdoc

    TruncatedParse = truncated_parse_error()

    text = decode(data)
    doc = statusdoc.parse(text)
    assert statusdoc.render(doc) == text, "render(parse(t)) != t"
    try:
        r1 = statusdoc.render(statusdoc.recompute(doc))
    except TruncatedParse:
        r1 = None
    if r1 is not None:
        try:
            r2 = statusdoc.render(statusdoc.recompute(statusdoc.parse(r1)))
        except TruncatedParse:
            raise AssertionError("recompute's output parses as truncated") from None
        assert r2 == r1, "recompute is not idempotent: render(recompute(parse(r1))) != r1"
    statusdoc.lint(doc)
