"""Segment a dump window by window, so memory does not grow with the dump's size.

Where a post ends is decided by the next attribution line, and where a
tweet text starts only by the lines above it. So a window of lines can be
cut right before the tweet text of its last attribution: everything above
the cut is final, the rest is carried into the next window. A window with
fewer than two attribution lines grows until it has two (or the file ends).

Examples
--------
>>> lines = ["A https://t.co/a", "— X (@x) 2022年1月1日", "body", "B https://t.co/b",
...          "— Y (@y) 2022年1月2日", "C https://t.co/c", "— Z (@z) 2022年1月3日"]
>>> windows = list(segment_stream(lines, source="d.txt", window=3))
>>> [[p["post_id"] for p in posts] for posts, _ in windows]
[['d.txt:1'], ['d.txt:4', 'd.txt:6']]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from .timeline import context_line, segment_lines

Rows = list[dict[str, Any]]
_NL = re.compile(r"\r\n|\r|\n")
_BLOCK = 1 << 18  # characters split at once


def iter_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` (CRLF, CR or LF), one at a time.

    The text is split a block at a time, each block ending with an LF (so never
    inside a CRLF), so at most one block's lines exist at once.

    >>> list(iter_lines("a\\r\\nb\\rc\\n"))
    ['a', 'b', 'c', '']
    """
    pos = 0
    while (end := text.find("\n", pos + _BLOCK)) >= 0:
        lines = _split(text[pos : end + 1])
        lines.pop()  # the empty string after the block's final LF
        yield from lines
        pos = end + 1
    yield from _split(text[pos:])


def _split(text: str) -> list[str]:
    """``_NL.split(text)``, faster: CRLF and lone CR become LF, then a plain split."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _shift(posts: Rows, unassigned: Rows, base: int, source: str) -> tuple[Rows, Rows]:
    if base:
        for p in posts:
            for k in ("line_start", "line_end", "text_line_end", "body_line_start"):
                if p[k] is not None:
                    p[k] += base
            p["post_id"] = f"{source}:{p['line_start']}"
        for u in unassigned:
            u["line"] += base
    return posts, unassigned


def segment_stream(
    lines: Iterable[str], *, source: str, bad_lines: Sequence[int] = (), window: int = 20000
) -> Iterator[tuple[Rows, Rows]]:
    """Yield ``(posts, unassigned)`` rows window by window; together they equal :func:`segment_lines`.

    ``bad_lines`` may grow while ``lines`` is read (a lazy decoder appends to it). The
    first windows are small (2,000 lines, then doubling up to ``window``), so worker
    processes get their first chunk of posts early instead of waiting for a whole window.
    """
    it = iter(lines)
    bad = bad_lines
    buf: list[str] = []
    step = min(window, 2000)
    base, size, eof = 0, step, False
    above = ""  # the usable line right above the window, if any: its script decides a tweet's first line
    while True:
        if not eof and len(buf) < size:
            buf.extend(islice(it, size - len(buf)))
            eof = len(buf) < size
        local_bad = [b - base for b in bad if base < b <= base + len(buf)]
        posts, unassigned = segment_lines(buf, source=source, bad_lines=local_bad, above=above)
        if eof:
            yield _shift(posts, unassigned, base, source)
            return
        attributed = [p for p in posts if not p["is_orphan"]]
        if len(attributed) < 2:
            size *= 2  # a long stretch without attributions: read on
            continue
        cut = attributed[-1]["line_start"] - 1
        done = [p for p in posts if p["line_start"] - 1 < cut]
        stray = [u for u in unassigned if u["line"] - 1 < cut]
        yield _shift(done, stray, base, source)
        above = context_line(buf[cut - 1], cut in local_bad) if cut else above
        buf = buf[cut:]
        base += cut
        step = min(window, 2 * step)
        size = step
