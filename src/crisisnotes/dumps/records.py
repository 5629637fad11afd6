"""What the archive readers (JSONL, CSV, HTML) share: post rows, local dates, post ids.

The copied-timeline reader finds posts in lines; the archive readers get them
ready-made from a tweet archive or a saved page and only have to fill in the
``posts`` contract (``docs/architecture.md``) the same way. A tweet archive
gives a UTC instant (``posted_at``); ``posted_on`` is its calendar date in the
outlet's time zone — a post at 07:30 in Tokyo is still the previous day in UTC.

Examples
--------
>>> dates = LocalDates(registry={})
>>> at = parse_instant("2022-01-26T22:30:00.000Z")
>>> dates.local_date(at, handle="some_outlet", lang="ja")  # 07:30 on the 27th in Tokyo
Timestamp('2022-01-27 00:00:00')
>>> dates.local_date(at, handle="some_outlet", lang="en")  # UTC
Timestamp('2022-01-26 00:00:00')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
import zoneinfo
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..text import guess_lang
from .timeline import find_hashtags, find_urls

Rows = list[dict[str, Any]]
Window = tuple[Rows, Rows]

JA_TIMEZONE = "Asia/Tokyo"
RETWEET_PREFIX = re.compile(r"^RT @[A-Za-z0-9_]{1,30}:?\s")
_SPACE = re.compile(r"\s+")


@functools.cache
def outlet_timezones() -> dict[str, str]:
    """Handle (lower case, no ``@``) → time zone, from the shipped outlet registry."""
    from ..outlets import load_outlets

    reg = load_outlets()
    return {
        str(h).lstrip("@").lower(): str(tz)
        for h, tz in zip(reg["handle"], reg["timezone"], strict=True)
        if h and tz
    }


def check_timezone(name: str) -> str:
    """``name`` if it is a known IANA time zone, else :class:`ValueError`.

    >>> check_timezone("Europe/Berlin")
    'Europe/Berlin'
    """
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(
            f"unknown time zone {name!r} (use an IANA name such as 'Asia/Tokyo')"
        ) from None
    return name


class LocalDates:
    """Calendar dates of UTC instants in each outlet's time zone.

    The zone of a post is the ``timezone`` of its handle in the outlet registry
    (``lexicons/outlets.csv``); for a handle not there it is ``tz_default`` if
    given, else ``Asia/Tokyo`` for a Japanese post and UTC for any other.

    Parameters
    ----------
    tz_default : IANA zone for posts whose outlet is not in the registry.
    registry : handle (lower case) → zone; the shipped registry by default.

    >>> LocalDates(registry={}).zone("x", "ja"), LocalDates("Europe/Kyiv", registry={}).zone("x", "ja")
    ('Asia/Tokyo', 'Europe/Kyiv')
    """

    def __init__(
        self, tz_default: str | None = None, registry: Mapping[str, str] | None = None
    ) -> None:
        self.tz_default = check_timezone(tz_default) if tz_default else None
        self.registry = outlet_timezones() if registry is None else registry

    def zone(self, handle: str | None, lang: str | None) -> str:
        """The time zone a post by ``handle`` in ``lang`` is dated in."""
        if handle and (tz := self.registry.get(handle.lower())):
            return tz
        if self.tz_default:
            return self.tz_default
        return JA_TIMEZONE if lang == "ja" else "UTC"

    def local_date(
        self, at: pd.Timestamp | None, *, handle: str | None, lang: str | None
    ) -> pd.Timestamp | None:
        """The local calendar date (midnight, no zone) of the UTC instant ``at``."""
        if at is None or pd.isna(at):
            return None
        return at.tz_convert(self.zone(handle, lang)).tz_localize(None).normalize()


def parse_instant(value: object) -> pd.Timestamp | None:
    """A UTC timestamp from an archive's time (ISO 8601; a naive time is taken as UTC).

    >>> parse_instant("2022-01-26T12:30:00+09:00")
    Timestamp('2022-01-26 03:30:00+0000', tz='UTC')
    >>> parse_instant("not a date") is None
    True
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts):
        return None
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def fold_handle(handle: object) -> str | None:
    """A handle without ``@``, NFKC-folded (as the timeline reader stores it); ``None`` if empty.

    >>> fold_handle("＠nhk_news")
    'nhk_news'
    """
    if handle is None or (not isinstance(handle, str) and pd.isna(handle)):
        return None
    h = unicodedata.normalize("NFKC", str(handle)).strip().lstrip("@").strip()
    return h or None


def tidy_text(text: str) -> str:
    """Tweet text as the timeline reader keeps it: lines stripped, joined by ``\\n``.

    >>> tidy_text("  見出し \\r\\n https://t.co/a ")
    '見出し\\nhttps://t.co/a'
    """
    lines = [ln.strip() for ln in re.split(r"\r\n|\r|\n", text)]
    return "\n".join(lines).strip("\n")


def post_row(
    *,
    source: str,
    line_start: int,
    line_end: int,
    text: str,
    handle: str | None,
    outlet: str | None,
    posted_on: dt.date | pd.Timestamp | None = None,
    posted_at: pd.Timestamp | None = None,
    date_raw: str | None = None,
    date_error: str | None = None,
    lang: str | None = None,
    urls: list[str] | None = None,
    hashtags: list[str] | None = None,
    body: str = "",
    body_line_start: int | None = None,
    text_line_end: int | None = None,
    is_orphan: bool = False,
    is_retweet: bool = False,
) -> dict[str, Any]:
    """One ``posts`` row; what the archive does not give is filled in as the timeline reader would.

    ``lang`` other than ``ja``/``en`` is guessed from the text; ``urls`` and
    ``hashtags`` default to those found in text and body; ``text_line_end``
    defaults to ``line_start`` (the tweet text is on that raw line). The
    ``post_id`` is set later by :class:`PostIds`.

    >>> r = post_row(source="a.jsonl", line_start=3, line_end=3, text="#NATO summit https://t.co/x",
    ...              handle="x", outlet="X")
    >>> r["lang"], r["urls"], r["hashtags"], r["text_line_end"]
    ('en', ['https://t.co/x'], ['NATO'], 3)
    """
    whole = f"{text}\n{body}"
    return {
        "post_id": None,
        "source": source,
        "line_start": line_start,
        "line_end": line_end,
        "text_line_end": None if is_orphan else (text_line_end or line_start),
        "body_line_start": body_line_start if body else None,
        "outlet": outlet or None,
        "handle": handle,
        "posted_on": posted_on,
        "posted_at": posted_at,
        "date_raw": date_raw,
        "date_error": date_error,
        "lang": lang if lang in ("ja", "en") else guess_lang(whole),
        "text": text,
        "body": body,
        "urls": find_urls(whole) if urls is None else urls,
        "hashtags": find_hashtags(whole) if hashtags is None else hashtags,
        "is_orphan": is_orphan,
        "is_retweet": bool(is_retweet),
    }


class PostIds:
    """Stable post ids: ``<source>:<line_start>``, then ``#2``, ``#3``… for more posts on that line.

    A twarc2 page holds up to 100 tweets on one line, a minified page many embeds.

    >>> ids = PostIds("p.jsonl")
    >>> [ids.next(1), ids.next(1), ids.next(2)]
    ['p.jsonl:1', 'p.jsonl:1#2', 'p.jsonl:2']
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._line = -1
        self._k = 0

    def next(self, line: int) -> str:
        if line == self._line:
            self._k += 1
            return f"{self.source}:{line}#{self._k}"
        self._line, self._k = line, 1
        return f"{self.source}:{line}"


class Batcher:
    """Collect post and unassigned rows; hand them out as windows of about ``size`` raw lines.

    >>> b = Batcher("d.csv", size=2)
    >>> b.post({"line_start": 1, "line_end": 1}) is None
    True
    >>> posts, unassigned = b.stray(2, "x", "csv_header")
    >>> [p["post_id"] for p in posts], [u["line"] for u in unassigned]
    (['d.csv:1'], [2])
    """

    def __init__(self, source: str, size: int) -> None:
        self.source = source
        self.size = max(1, size)
        self.ids = PostIds(source)
        self.posts: Rows = []
        self.unassigned: Rows = []
        self._first = 1

    def post(self, row: dict[str, Any]) -> Window | None:
        row["post_id"] = self.ids.next(row["line_start"])
        self.posts.append(row)
        return self._maybe(row["line_start"])

    def stray(self, line: int, text: str, reason: str) -> Window | None:
        self.unassigned.append(
            {"source": self.source, "line": line, "text": text, "reason": reason}
        )
        return self._maybe(line)

    def _maybe(self, line: int) -> Window | None:
        return self.flush() if line - self._first + 1 >= self.size else None

    def flush(self) -> Window:
        out = (self.posts, self.unassigned)
        self.posts, self.unassigned = [], []
        self._first = max(
            [self._first, *(p["line_end"] + 1 for p in out[0]), *(u["line"] + 1 for u in out[1])]
        )
        return out


def one_line(s: str) -> str:
    """Whitespace runs (incl. newlines) folded to one space.

    >>> one_line(" a\\n  b ")
    'a b'
    """
    return _SPACE.sub(" ", s).strip()
