"""Reader for tweet tables in CSV: ``twarc-csv`` output, or any CSV with columns you name.

* **twarc-csv** (``twarc2 csv``) is recognised by its default column names
  (``id``, ``created_at``, ``text``, ``author.username``, ``author.name``, ``lang``,
  ``entities.hashtags``, ``entities.urls``, …). It writes a newline in a text as
  the two characters ``\\n``; they are turned back into a line break, and the
  API's HTML entities (``&amp;``) unescaped. Lists (hashtags, urls) are JSON.
  A row with ``referenced_tweets.retweeted.id`` (or text ``RT @name:``) is a retweet.
* **Any other CSV**: name its columns, ``columns={"text": "Tweet", "date": "Date",
  "handle": "Account"}``. Keys: ``text`` (required), ``date``, ``handle``, ``outlet``,
  ``body``, ``lang``, ``urls``, ``hashtags``. A date with a time and a zone
  (``2022-01-26T12:30:00Z``) is an instant: ``posted_at`` is kept and ``posted_on``
  is its date in the outlet's time zone; a date without a zone (``2022-01-26``,
  ``2022年1月26日``, ``January 26, 2022``, ``2022-01-26 21:30``) is already the local date.

The header row is unassigned (``csv_header``); a post's ``line_start`` is the
first physical line of its record and ``line_end`` the last (a quoted field
may hold line breaks); a row with no text is unassigned (``empty_text``).

Examples
--------
>>> text = 'Date,Account,Tweet\\n2022年1月26日,@nhk_news,"米ロ外相が会談\\nhttps://t.co/a"\\n'
>>> head = csv_header(text, {"text": "Tweet", "date": "Date", "handle": "Account"})
>>> head.kind
'columns'
>>> [(posts, un)] = read_csv(text, head, source="t.csv", path="t.csv")
>>> p = posts[0]
>>> p["line_start"], p["line_end"], p["handle"], p["text"], p["posted_on"]
(2, 3, 'nhk_news', '米ロ外相が会談\\nhttps://t.co/a', datetime.date(2022, 1, 26))
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..dates import DateError, parse_attribution_date
from ..text import guess_lang
from .errors import DumpError
from .records import (
    RETWEET_PREFIX,
    Batcher,
    LocalDates,
    Window,
    fold_handle,
    parse_instant,
    post_row,
    tidy_text,
)
from .stream import iter_lines

COLUMN_KEYS = ("text", "date", "handle", "outlet", "body", "lang", "urls", "hashtags")
TWARC_COLUMNS = {
    "text": "text", "date": "created_at", "handle": "author.username", "outlet": "author.name",
    "lang": "lang", "urls": "entities.urls", "hashtags": "entities.hashtags",
}  # fmt: skip
_TWARC_MARK = {"id", "text", "created_at", "author.username"}
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class CsvHeader:
    """A recognised header row: ``kind`` (``twarc`` or ``columns``), the cells, the delimiter
    and the mapping from :data:`COLUMN_KEYS` to column names."""

    kind: str
    cells: tuple[str, ...]
    delimiter: str
    columns: Mapping[str, str]


def check_columns(columns: Mapping[str, str]) -> dict[str, str]:
    """Validate a user's ``columns=`` mapping (``text`` required, only known keys).

    >>> check_columns({"text": "Tweet"})
    {'text': 'Tweet'}
    """
    unknown = sorted(set(columns) - set(COLUMN_KEYS))
    if unknown:
        raise ValueError(f"columns: unknown key(s) {unknown}; use {list(COLUMN_KEYS)}")
    if "text" not in columns:
        raise ValueError("columns: 'text' is required (the column holding the post's text)")
    return {k: str(v) for k, v in columns.items()}


def _first_row(text: str) -> tuple[list[str], str] | None:
    first = next((ln for ln in iter_lines(text[:65536]) if ln.strip()), "")
    delimiter = max(",;\t", key=first.count)
    if not first.count(delimiter):
        return None
    try:
        return next(csv.reader([first], delimiter=delimiter)), delimiter
    except (csv.Error, StopIteration):
        return None


def csv_header(text: str, columns: Mapping[str, str] | None = None) -> CsvHeader | None:
    """The header of a tweet CSV, or ``None`` when the first row is not one.

    With ``columns`` the header must hold every column named there; without,
    it must be ``twarc-csv``'s (``id``, ``text``, ``created_at``, ``author.username``).

    >>> csv_header("id,created_at,text,author.username\\n").kind
    'twarc'
    >>> csv_header("a, b, c\\n") is None
    True
    """
    row = _first_row(text)
    if row is None:
        return None
    cells, delimiter = row
    names = tuple(c.strip() for c in cells)
    if columns:
        wanted = check_columns(columns)
        if set(wanted.values()) <= set(names):
            return CsvHeader("columns", names, delimiter, wanted)
    if set(names) >= _TWARC_MARK:
        return CsvHeader("twarc", names, delimiter, TWARC_COLUMNS)
    return None


def looks_like_csv(text: str) -> bool:
    """Do the first two rows split into the same number (≥ 2) of cells?

    >>> looks_like_csv("a;b\\n1;2\\n"), looks_like_csv("Talks end.\\nMore talks\\n")
    (True, False)
    """
    first = _first_row(text)
    if first is None:
        return False
    lines = (ln for ln in iter_lines(text[:65536]) if ln.strip())
    try:
        rows = [r for r in csv.reader(lines, delimiter=first[1]) if r][:2]
    except csv.Error:
        return False
    return len(rows) == 2 and len(rows[0]) >= 2 and len(rows[0]) == len(rows[1])


def _list(value: str) -> list[str] | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        items = json.loads(value)
    except ValueError:
        items = re.split(r"[\s,;|]+", value)
    if not isinstance(items, list):
        items = [items]
    return [str(x).strip().lstrip("#") for x in items if str(x).strip()]


def _local_date(
    value: str, handle: str | None, lang: str, dates: LocalDates
) -> tuple[Any, Any, str | None]:
    """``(posted_on, posted_at, error)`` of a user's date cell."""
    v = value.strip()
    if not v:
        return None, None, "no date"
    try:
        day = parse_attribution_date(v)
    except DateError as e:
        return None, None, str(e)
    if day is not None:
        return day, None, None
    at = parse_instant(v) if _CLOCK.search(v) or "T" in v else None
    if at is not None and re.search(r"(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)\s*$", v):
        return dates.local_date(at, handle=handle, lang=lang), at, None
    if at is not None:  # a clock time without a zone: the local time already
        return at.tz_localize(None).normalize(), None, None
    return None, None, f"unreadable date {v!r}"


def read_csv(
    text: str,
    header: CsvHeader,
    *,
    source: str,
    path: str | Path,
    tz_default: str | None = None,
    dates: LocalDates | None = None,
    window: int = 20000,
    warnings: list[str] | None = None,
) -> Iterator[Window]:
    """Yield ``(posts, unassigned)`` rows of a tweet CSV, window by window.

    Parameters
    ----------
    text : the decoded file; ``header`` : from :func:`csv_header`.
    source, path : the file name (``post_id``/``source``) and the path (warnings).
    tz_default : IANA time zone for outlets not in the registry (instants only).
    window : about this many raw lines per window.
    warnings : list that unreadable dates are reported into.
    """
    dates = dates or LocalDates(tz_default)
    warnings = warnings if warnings is not None else []
    batch = Batcher(source, window)
    physical: list[str] = []  # the raw lines of the record being read

    def feed() -> Iterator[str]:
        for ln in iter_lines(text):
            physical.append(ln)
            yield ln + "\n"

    reader = csv.reader(feed(), delimiter=header.delimiter)
    twarc = header.kind == "twarc"
    col = {k: header.cells.index(v) for k, v in header.columns.items() if v in header.cells}
    extra = {c: header.cells.index(c) for c in ("note_tweet.text", "referenced_tweets.retweeted.id")
             if twarc and c in header.cells}  # fmt: skip
    seen_header = False
    while True:
        physical.clear()
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise DumpError(path, f"broken CSV: {e}", line=reader.line_num) from None
        z = reader.line_num
        a = z - len(physical) + 1
        if not cells or not any(c.strip() for c in cells):
            continue
        if not seen_header:
            seen_header = True
            for k, ln in enumerate(physical):
                if w := batch.stray(a + k, ln, "csv_header"):
                    yield w
            continue
        row = _row(cells, col, extra, twarc)
        if not row["text"] and not row["body"]:
            for k, ln in enumerate(physical):
                if ln.strip() and (w := batch.stray(a + k, ln, "empty_text")):
                    yield w
            continue
        lang = (
            row["lang"]
            if row["lang"] in ("ja", "en")
            else guess_lang(f"{row['text']}\n{row['body']}")
        )
        handle = fold_handle(row["handle"])
        if twarc:
            at = parse_instant(row["date"])
            day = dates.local_date(at, handle=handle, lang=lang)
            error = (
                None
                if at is not None
                else (f"unreadable date {row['date']!r}" if row["date"] else "no date")
            )
        else:
            day, at, error = (
                _local_date(row["date"], handle, lang, dates)
                if "date" in col
                else (None, None, "no date")
            )
        if error and "date" in col:
            warnings.append(f"{path}:{a}: {error}")
        post = post_row(
            source=source, line_start=a, line_end=z, text=row["text"], handle=handle,
            outlet=row["outlet"] or None, posted_on=day, posted_at=at, date_raw=row["date"] or None,
            date_error=error, lang=lang, urls=_list(row["urls"]), hashtags=_list(row["hashtags"]),
            body=row["body"], body_line_start=a, is_retweet=row["is_retweet"],
        )  # fmt: skip
        if w := batch.post(post):
            yield w
    yield batch.flush()


def _row(
    cells: list[str], col: dict[str, int], extra: dict[str, int], twarc: bool
) -> dict[str, Any]:
    def get(i: int | None) -> str:
        return cells[i] if i is not None and i < len(cells) else ""

    row = {k: get(col.get(k)) for k in COLUMN_KEYS}
    text = get(extra.get("note_tweet.text")) or row["text"]
    if twarc:
        text = html.unescape(text.replace("\\n", "\n"))
        row["is_retweet"] = bool(get(extra.get("referenced_tweets.retweeted.id")).strip())
    else:
        row["is_retweet"] = False
    row["text"] = tidy_text(text)
    row["body"] = "\n".join(ln.rstrip() for ln in iter_lines(row["body"])).strip("\n")
    row["is_retweet"] = row["is_retweet"] or bool(RETWEET_PREFIX.match(row["text"]))
    return row
