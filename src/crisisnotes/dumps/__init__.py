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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .csvdump import check_columns, csv_header, looks_like_csv, read_csv
from .encoding import NEWLINES, Decoded, decode_bytes
from .errors import DumpError
from .html import read_html
from .jsonl import check_json, read_json
from .lazydecode import LAZY_ENCODINGS, STREAM_DECODE_BYTES, head_decoded, stream_lines
from .records import LocalDates
from .stream import iter_lines, segment_stream
from .timeline import parse_attribution

__all__ = [
    "DumpError", "DumpStream", "DumpTables", "iter_dump", "read_dump", "FORMATS", "POSTS_COLUMNS",
    "UNASSIGNED_COLUMNS",
]  # fmt: skip

POSTS_COLUMNS = [
    "post_id", "source", "line_start", "line_end", "text_line_end", "body_line_start",
    "outlet", "handle", "posted_on", "posted_at", "date_raw", "date_error", "lang", "text",
    "body", "urls", "hashtags", "is_orphan", "is_retweet",
]  # fmt: skip
FORMATS = ("timeline", "json", "csv", "html")
UNASSIGNED_COLUMNS = ["source", "line", "text", "reason"]


@dataclass
class DumpTables:
    """What a reader returns: the posts and unassigned tables and how the file was read."""

    posts: pd.DataFrame
    unassigned: pd.DataFrame
    encoding: str
    n_lines: int
    warnings: list[str] = field(default_factory=list)
    format: str = "timeline"


_MARKUP_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|blockquote|br|meta|script|table)\b", re.I
)


def _sniff(text: str, path: Path, columns: Mapping[str, str] | None = None) -> str:
    """``'html'``, ``'json'``, ``'csv'`` or ``'timeline'``, from the content (never the file name).

    CSV is recognised by its header row: ``twarc-csv``'s column names, or every
    column named in ``columns``.

    >>> _sniff('{"id": "1", "text": "x"}\\n', Path("a.txt")), _sniff("id,text,created_at,author.username\\n", Path("a"))
    ('json', 'csv')
    """
    head = text.lstrip()[:2000]
    low = head.lower()
    if re.match(r"<(?:!doctype\s+html|html[\s>]|\?xml\s)", low):
        return "html"
    if len(_MARKUP_TAG.findall(low)) >= 3 and "</" in low and not _plain_attribution(head):
        return "html"  # a page fragment; a copied timeline that quotes some markup has plain attribution lines
    if head.startswith(("{", "[")):
        firsts = [ln.strip() for ln in head.split("\n")[:5] if ln.strip()]
        for candidate in (text, *firsts):  # a JSON document, or JSON Lines (a line may be broken)
            try:
                value = json.loads(candidate)
            except (ValueError, RecursionError):
                continue
            if isinstance(value, dict | list):
                return "json"
    if csv_header(text, columns) is not None:
        return "csv"
    return "timeline"


def _plain_attribution(head: str) -> bool:
    """Does ``head`` hold an attribution line of copied text (``— NAME (@handle) DATE``, no markup in it)?

    >>> _plain_attribution("x <p>y</p>\\n— NHK (@nhk_news) 2022年1月26日")
    True
    >>> _plain_attribution('<p>— NHK (@nhk_news) <a href="#">January 26, 2022</a></p>')
    False
    """
    return any("<" not in ln and parse_attribution(ln.strip()) for ln in head.split("\n"))


def posts_frame(rows: list[dict]) -> pd.DataFrame:
    """Build the ``posts`` table from reader rows with the contract's dtypes.

    Rows without ``posted_at``/``is_retweet`` (the timeline reader's) get NaT/False.
    """
    df = pd.DataFrame(rows, columns=POSTS_COLUMNS)
    df["posted_on"] = pd.to_datetime(df["posted_on"])
    df["posted_at"] = pd.to_datetime(df["posted_at"], utc=True)
    df["is_retweet"] = df["is_retweet"].astype("boolean").fillna(False).astype(bool)
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
    the windows are exhausted. :attr:`format` is one of :data:`FORMATS`."""

    path: Path
    encoding: str
    windows: Iterator[tuple[pd.DataFrame, pd.DataFrame]]
    n_lines: int = 0
    warnings: list[str] = field(default_factory=list)
    format: str = "timeline"


def iter_dump(
    path: str | Path,
    *,
    window: int = 20000,
    columns: Mapping[str, str] | None = None,
    tz_default: str | None = None,
    source: str | None = None,
) -> DumpStream:
    """Open one dump for reading in windows of about ``window`` lines.

    ``source`` names the dump in ``post_id``s and the ``source`` column (default:
    the file name; a corpus of two ``news.txt`` from different folders passes
    ``x/news.txt`` and ``y/news.txt``).

    Memory holds the decoded text and one window's rows, not the whole dump's
    posts. Raises :class:`DumpError` (naming the file and line) for what cannot
    be read; the format is detected from the content, not the file name:
    copied timeline text, a JSON tweet archive (:mod:`.jsonl`), a tweet CSV
    (:mod:`.csvdump`) or a saved page with embedded tweets (:mod:`.html`).

    Parameters
    ----------
    path : the dump file.
    window : about this many raw lines per window.
    columns : for a CSV with your own column names, which column holds what
        (``{"text": "Tweet", "date": "Date", "handle": "Account"}``; keys in
        :data:`~crisisnotes.dumps.csvdump.COLUMN_KEYS`).
    tz_default : IANA time zone that archive times (UTC) are dated in for outlets
        not in ``lexicons/outlets.csv``; by default Asia/Tokyo for Japanese posts
        and UTC for others.
    """
    path = Path(path)
    columns = check_columns(columns) if columns else None
    dates = LocalDates(tz_default)  # an unknown zone is the caller's error: ValueError now
    lines: Iterator[str] | None = None
    try:
        if path.stat().st_size > STREAM_DECODE_BYTES:  # a big dump: decode line by line
            head = head_decoded(path)
            if head.encoding in LAZY_ENCODINGS and _sniff(head.text, path, columns) == "timeline":
                decoded = Decoded(text="", encoding=head.encoding, bad_lines=[])
                lines = stream_lines(path, head.encoding, decoded.bad_lines)
        if lines is None:
            data = path.read_bytes()
            decoded = decode_bytes(data, path)
            del data  # keep at most two copies of a big dump's text alive at once
    except OSError as e:
        raise DumpError(path, f"cannot read file: {e.strerror or e}") from None
    fmt = "timeline" if lines is not None else _sniff(decoded.text, path, columns)
    if fmt != "timeline":
        return _archive(decoded, path, fmt, columns, dates, window, source or path.name)
    if lines is None and path.suffix.lower() in (".csv", ".tsv") and looks_like_csv(decoded.text):
        first = decoded.text.lstrip().split("\n", 1)[0].strip()[:120]
        wanted = f"; {sorted(columns.values())} not all in it" if columns else ""
        raise DumpError(
            path,
            f"a CSV whose header has no known tweet columns ({first!r}{wanted}); name them with "
            "columns={'text': ..., 'date': ..., 'handle': ...}",
            line=1,
        )
    stream = DumpStream(path, decoded.encoding, iter(()))

    def windows() -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        n = 0
        if lines is None:  # counted at once: CRLF, CR and LF each end a line, as in iter_lines
            text = decoded.text
            stream.n_lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
            del text
        for posts, unassigned in segment_stream(
            _counting(lines, stream) if lines is not None else iter_lines(decoded.text),
            source=source or path.name, bad_lines=decoded.bad_lines, window=window,
        ):  # fmt: skip
            quarantined = {u["line"] for u in unassigned if u["reason"] == "undecodable"}
            spans = [(p["line_start"], p["line_end"]) for p in posts]
            bad = set(decoded.bad_lines)
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


def _archive(
    decoded: Decoded, path: Path, fmt: str, columns: Mapping[str, str] | None, dates: LocalDates,
    window: int, source: str,
) -> DumpStream:
    """A stream over a JSON, CSV or HTML dump."""
    text = decoded.text
    stream = DumpStream(path, decoded.encoding, iter(()), format=fmt)
    stream.n_lines = sum(1 for _ in NEWLINES.finditer(text)) + 1
    stream.warnings += [f"{path}:{line}: undecodable bytes ({decoded.encoding})" for line in decoded.bad_lines]
    kw: dict = {"source": source, "path": path, "window": window, "warnings": stream.warnings}
    if fmt == "json":
        check_json(text, path)
        rows = read_json(text, dates=dates, **kw)
    elif fmt == "csv":
        header = csv_header(text, columns)
        assert header is not None
        rows = read_csv(text, header, dates=dates, **kw)
    else:
        rows = read_html(text, **kw)

    def windows() -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        for posts, unassigned in rows:
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


def read_dump(
    path: str | Path, *, columns: Mapping[str, str] | None = None, tz_default: str | None = None
) -> DumpTables:
    """Read one dump file into ``posts`` and ``unassigned`` tables (all in memory).

    The format is detected from the content, not the file name; ``columns`` and
    ``tz_default`` are as in :func:`iter_dump`. Raises :class:`DumpError` (naming
    the file and line) for what cannot be read. For big dumps, :func:`iter_dump`
    reads window by window.
    """
    stream = iter_dump(path, columns=columns, tz_default=tz_default)
    parts = list(stream.windows)
    posts = pd.concat([p for p, _ in parts], ignore_index=True) if parts else posts_frame([])
    unassigned = pd.concat([u for _, u in parts], ignore_index=True) if parts else unassigned_frame([])
    return DumpTables(
        posts=posts,
        unassigned=unassigned.astype({"line": "int64"}),
        encoding=stream.encoding,
        n_lines=stream.n_lines,
        warnings=stream.warnings,
        format=stream.format,
    )
