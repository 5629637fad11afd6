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
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .encoding import NEWLINES, decode_bytes
from .errors import DumpError
from .timeline import segment_lines

__all__ = ["DumpError", "DumpTables", "read_dump", "POSTS_COLUMNS", "UNASSIGNED_COLUMNS"]

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


def read_dump(path: str | Path) -> DumpTables:
    """Read one dump file into ``posts`` and ``unassigned`` tables.

    The format is detected from the content, not the file name. Raises
    :class:`DumpError` (naming the file and line) for what cannot be read.
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
    lines = NEWLINES.split(decoded.text)
    decoded.text = ""
    posts, unassigned = segment_lines(lines, source=path.name, bad_lines=decoded.bad_lines)
    quarantined = {u["line"] for u in unassigned if u["reason"] == "undecodable"}
    warnings = [
        f"{path}:{line}: undecodable bytes ({decoded.encoding}); "
        + ("line quarantined" if line in quarantined else "kept in its post")
        for line in decoded.bad_lines
        if line in quarantined or lines[line - 1].strip()
    ]
    warnings += [
        f"{path}:{p['text_line_end'] + 1}: {p['date_error']}"  # the attribution line
        for p in posts
        if p["date_error"]
    ]
    n_lines = len(lines)
    del lines
    return DumpTables(
        posts=posts_frame(posts),
        unassigned=pd.DataFrame(unassigned, columns=UNASSIGNED_COLUMNS).astype({"line": "int64"}),
        encoding=decoded.encoding,
        n_lines=n_lines,
        warnings=warnings,
    )
