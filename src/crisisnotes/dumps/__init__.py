"""Dump readers: one per input format, all producing ``posts`` and ``unassigned`` tables.

Examples
--------
>>> from pathlib import Path
>>> import tempfile
>>> p = Path(tempfile.mkdtemp()) / "d.txt"
>>> _ = p.write_text("Talks end https://t.co/x\\n— Reuters (@Reuters) Jan 10, 2022\\n", encoding="utf-8")
>>> tables = read_dump(p)
>>> tables.posts[["handle", "line_start", "line_end"]].values.tolist()
[['Reuters', 1, 2]]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .encoding import decode_bytes
from .errors import DumpError
from .stream import iter_lines, segment_stream

__all__ = ["DumpError", "DumpStream", "DumpTables", "iter_dump", "read_dump", "POSTS_COLUMNS", "UNASSIGNED_COLUMNS"]

POSTS_COLUMNS = [
    "post_id", "source", "line_start", "line_end", "text_line_end", "body_line_start",
    "outlet", "handle", "posted_on", "date_raw", "date_error", "lang", "text", "body",
    "urls", "hashtags", "is_orphan",
]  # fmt: skip
UNASSIGNED_COLUMNS = ["source", "line", "text", "reason"]


@dataclass
class DumpTables:
    """What a reader returns: the posts and unassigned tables and how the file was read."""

    posts: pd.DataFrame
    unassigned: pd.DataFrame
    encoding: str
    n_lines: int
    warnings: list[str] = field(default_factory=list)


_MARKUP_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|blockquote|br|meta|script|table)\b", re.I
)


def _sniff(text: str, path: Path) -> str:
    """``'html'``, ``'json'`` or ``'timeline'``, from the content (never the file name)."""
    head = text.lstrip()[:2000]
    low = head.lower()
    if re.match(r"<(?:!doctype\s+html|html[\s>]|\?xml\s)", low):
        return "html"
    if len(_MARKUP_TAG.findall(low)) >= 3 and "</" in low:
        return "html"
    if head.startswith(("{", "[")):
        first = head.split("\n", 1)[0].strip()
        for candidate in (text, first):  # a JSON document, or JSON Lines
            try:
                value = json.loads(candidate)
            except ValueError:
                continue
            if isinstance(value, dict | list):
                return "json"
    return "timeline"


def posts_frame(rows: list[dict]) -> pd.DataFrame:
    """Build the ``posts`` table from reader rows with the contract's dtypes."""
    df = pd.DataFrame(rows, columns=POSTS_COLUMNS)
    df["posted_on"] = pd.to_datetime(df["posted_on"])
    for col in ("line_start", "line_end"):
        df[col] = df[col].astype("int64")
    for col in ("text_line_end", "body_line_start"):
        df[col] = df[col].astype("Int64")
    df["is_orphan"] = df["is_orphan"].astype(bool)
    return df


@dataclass
class DumpStream:
    """A dump being read window by window: iterate :attr:`windows` for ``(posts, unassigned)``
    DataFrames; :attr:`encoding`, :attr:`n_lines` and :attr:`warnings` are complete once
    the windows are exhausted."""

    path: Path
    encoding: str
    windows: Iterator[tuple[pd.DataFrame, pd.DataFrame]]
    n_lines: int = 0
    warnings: list[str] = field(default_factory=list)


def iter_dump(path: str | Path, *, window: int = 20000) -> DumpStream:
    """Open one dump for reading in windows of about ``window`` lines.

    Memory holds the decoded text and one window's rows, not the whole dump's
    posts. Raises :class:`DumpError` (naming the file and line) for what cannot
    be read; the format is detected from the content, not the file name.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DumpError(path, f"cannot read file: {e.strerror or e}") from None
    decoded = decode_bytes(data, path)
    del data  # keep at most two copies of a big dump's text alive at once
    fmt = _sniff(decoded.text, path)
    if fmt != "timeline":
        raise DumpError(
            path,
            f"looks like {fmt.upper()}, not a copied-timeline text dump; this version reads "
            "only copied timeline text (save the page's text instead; HTML/JSON readers are planned)",
            line=1,
        )
    stream = DumpStream(path, decoded.encoding, iter(()))

    def windows() -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        bad = set(decoded.bad_lines)
        n = 0
        for posts, unassigned in segment_stream(
            _counting(iter_lines(decoded.text), stream), source=path.name,
            bad_lines=decoded.bad_lines, window=window,
        ):  # fmt: skip
            quarantined = {u["line"] for u in unassigned if u["reason"] == "undecodable"}
            spans = [(p["line_start"], p["line_end"]) for p in posts]
            stream.warnings += [
                f"{path}:{line}: undecodable bytes ({decoded.encoding}); "
                + ("line quarantined" if line in quarantined else "kept in its post")
                for line in sorted(bad)
                if line in quarantined or any(a <= line <= b for a, b in spans)
            ]
            stream.warnings += [
                f"{path}:{p['text_line_end'] + 1}: {p['date_error']}"  # the attribution line
                for p in posts
                if p["date_error"]
            ]
            n += len(posts)
            yield posts_frame(posts), unassigned_frame(unassigned)
        decoded.text = ""

    stream.windows = windows()
    return stream


def _counting(lines: Iterator[str], stream: DumpStream) -> Iterator[str]:
    for line in lines:
        stream.n_lines += 1
        yield line


def unassigned_frame(rows: list[dict]) -> pd.DataFrame:
    """Build the ``unassigned`` table from reader rows."""
    return pd.DataFrame(rows, columns=UNASSIGNED_COLUMNS).astype({"line": "int64"})


def read_dump(path: str | Path) -> DumpTables:
    """Read one dump file into ``posts`` and ``unassigned`` tables (all in memory).

    The format is detected from the content, not the file name. Raises
    :class:`DumpError` (naming the file and line) for what cannot be read.
    For big dumps, :func:`iter_dump` reads window by window.
    """
    stream = iter_dump(path)
    parts = list(stream.windows)
    posts = pd.concat([p for p, _ in parts], ignore_index=True) if parts else posts_frame([])
    unassigned = pd.concat([u for _, u in parts], ignore_index=True) if parts else unassigned_frame([])
    return DumpTables(
        posts=posts,
        unassigned=unassigned.astype({"line": "int64"}),
        encoding=stream.encoding,
        n_lines=stream.n_lines,
        warnings=stream.warnings,
    )
