"""The reader: a status document's text into the model (SPEC §2-§3).

A single pass over the lines with a small block scanner — headings (ATX and setext), list items
with their nesting, fences, tables, HTML comments, front matter — in the spirit of CommonMark but
measured in lines and character offsets, so every node keeps an exact span and nothing is ever
re-rendered.  ``render(parse(text)) == text`` holds for every ``str`` because the document keeps
its text and rendering only splices edits into it.

* :mod:`.state` — the :class:`~.state.Reader` (text, line index, open blocks, the growing document);
* :mod:`.blocks` — the block rules and the scan;
* :mod:`.claims` — what blocks claim: markers, status words and lines, items, history titles;
* :mod:`.assemble` — sections, and what is settled after the scan (table claims, progress items,
  each section's leaf items);
* :mod:`.inline` — masking code spans, comments, link targets and URLs inside a line.
"""

from __future__ import annotations

import gc

from statusdoc.model import Document
from statusdoc.vocabulary import DEFAULT, Vocabulary

__all__ = ["parse"]


def parse(text: str, *, path: str | None = None, vocabulary: Vocabulary | None = None) -> Document:
    """Read a status document into the model.  Never fails on any ``str``."""
    from statusdoc.read.assemble import finish
    from statusdoc.read.blocks import clear_lists, scan
    from statusdoc.read.state import Reader

    # The parse allocates many small objects and frees none of them: the cyclic collector would
    # only rescan them, again and again, as the model grows (10 MB: about a third of the time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        r = Reader(text, path, vocabulary or DEFAULT)
        r.split_lines()
        scan(r)
        clear_lists(r)
        finish(r)
        from statusdoc.doc_context import DocumentContext

        r.doc._context = DocumentContext(r.doc, r.vocab, stripped=r.clean_titles)
        return r.doc
    finally:
        if enabled:
            gc.enable()
