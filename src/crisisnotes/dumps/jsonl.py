"""Reader for tweet archives in JSON: twarc2 pages, ``twarc2 flatten`` output, snscrape JSONL.

Recognised records (one per line in JSON Lines; the elements of a JSON array,
or one pretty-printed JSON document, are read too):

* a **twarc2 page** — a raw Twitter API v2 response, ``{"data": [tweets],
  "includes": {"users": [...], "tweets": [...]}}``; the author of each tweet
  comes from ``includes.users`` (by ``author_id``);
* a **flattened tweet** (``twarc2 flatten``) — one tweet with ``author`` inline;
* an **snscrape Tweet** — ``rawContent`` (or the older ``content``), ``date``,
  ``user.username``, ``user.displayname``, ``lang``, ``hashtags``, ``links``.

The long text of a long post (``note_tweet.text``) is preferred over the cut
``text``. A retweet (``referenced_tweets`` of type ``retweeted``, snscrape's
``retweetedTweet``, or text starting ``RT @name:``) is a post with
``is_retweet`` true and the retweeted tweet's full text where the archive has
it; it adds no sentences, so its content is not counted twice. ``posted_at``
is the UTC time; ``posted_on`` its date in the outlet's time zone
(:class:`~crisisnotes.dumps.records.LocalDates`). ``text`` and HTML entities of
the API (``&amp;``) are unescaped; ``body`` is empty (an archive has no article).

Every record keeps its raw line: ``line_start``/``line_end`` are the line(s) it
is on. A line that is not valid JSON is unassigned (``bad_json``) with a
warning naming ``file:line``; a valid record that is not a tweet is unassigned
as ``not_a_tweet`` (``no_tweets`` for a page without tweets).

Examples
--------
>>> line = ('{"id": "1", "text": "Talks in Geneva &amp; Paris", "created_at": '
...         '"2022-01-21T09:00:00.000Z", "lang": "en", "author": {"username": "Reuters", "name": "Reuters"}}')
>>> warnings = []
>>> [(posts, un)] = read_json(line + "\\n{oops\\n", source="a.jsonl", path="a.jsonl", warnings=warnings)
>>> posts[0]["post_id"], posts[0]["text"], posts[0]["posted_on"]
('a.jsonl:1', 'Talks in Geneva & Paris', Timestamp('2022-01-21 00:00:00'))
>>> [(u["line"], u["reason"]) for u in un], warnings[0].split(" (")[0]
([(2, 'bad_json')], 'a.jsonl:2: broken JSON line')
"""

from __future__ import annotations

import bisect
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..text import guess_lang
from .encoding import NEWLINES
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

Record = tuple[int, int, Any, str]  # first line, last line, parsed value (or _Broken), raw text


class _Broken:
    """A line that is not valid JSON, and why."""

    def __init__(self, message: str) -> None:
        self.message = message


def _loads(s: str) -> Any:
    try:
        return json.loads(s)
    except json.JSONDecodeError as e:
        return _Broken(f"{e.msg}, column {e.colno}")
    except (ValueError, RecursionError) as e:
        return _Broken(str(e) or type(e).__name__)


def _document(text: str) -> list[Record] | None:
    """The records of a file that is one JSON document (an array or one object), else ``None``."""
    if not text.lstrip().startswith(("[", "{")):
        return None
    value = _loads(text)
    if isinstance(value, _Broken):
        return None  # JSON Lines (or broken JSON): read line by line
    starts = [0] + [m.end() for m in NEWLINES.finditer(text)]

    def line(pos: int) -> int:
        return bisect.bisect_right(starts, pos)

    def raw(a: int, z: int) -> str:
        return text[starts[a - 1] : starts[z] if z < len(starts) else len(text)]

    if not isinstance(value, list):
        a = line(len(text) - len(text.lstrip()))
        z = line(len(text.rstrip()) - 1)
        return [(a, z, value, raw(a, z))]
    out: list[Record] = []
    decoder = json.JSONDecoder()
    i = text.index("[") + 1
    for obj in value:
        while text[i] in " \t\r\n,":
            i += 1
        _, end = decoder.raw_decode(text, i)
        a, z = line(i), line(end - 1)
        out.append((a, z, obj, raw(a, z)))
        i = end
    return out


def _records(text: str) -> Iterator[Record]:
    doc = _document(text)
    if doc is not None:
        yield from doc
        return
    for i, ln in enumerate(iter_lines(text), 1):
        if ln.strip():
            yield i, i, _loads(ln), ln


def _is_v2(t: dict[str, Any]) -> bool:
    return ("text" in t or "note_tweet" in t) and any(
        k in t for k in ("id", "author_id", "author", "created_at")
    )


def _is_snscrape(o: dict[str, Any]) -> bool:
    return (
        "rawContent" in o
        or ("content" in o and isinstance(o.get("user"), dict))
        or str(o.get("_type", "")).endswith(".Tweet")
    )


def _v2_text(t: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Text (the long ``note_tweet`` text when present) and the entities that go with it."""
    note = t.get("note_tweet")
    if isinstance(note, dict) and note.get("text"):
        entities = note.get("entities") or t.get("entities") or {}
        return tidy_text(html.unescape(note["text"])), entities
    return tidy_text(html.unescape(t.get("text") or "")), t.get("entities") or {}


def _listed(
    entities: dict[str, Any], key: str, field: str, alt: str | None = None
) -> list[str] | None:
    items = entities.get(key) if isinstance(entities, dict) else None
    if not isinstance(items, list):
        return None  # not in the archive: found in the text instead
    out = [
        (i.get(field) or (i.get(alt) if alt else None)) if isinstance(i, dict) else i for i in items
    ]
    return [str(x).lstrip("#") for x in out if x]


def _v2_tweet(
    t: dict[str, Any], author: dict[str, Any] | None, refs: dict[Any, dict[str, Any]]
) -> dict[str, Any]:
    """A v2 tweet (from a page or flattened) in the reader's own terms."""
    own, _ = _v2_text(t)
    rt = next(
        (
            r
            for r in t.get("referenced_tweets") or []
            if isinstance(r, dict) and r.get("type") == "retweeted"
        ),
        None,
    )
    src = t
    if rt is not None:  # flatten inlines the retweeted tweet; a page has it in includes.tweets
        orig = rt if ("text" in rt or "note_tweet" in rt) else refs.get(rt.get("id"))
        src = orig if isinstance(orig, dict) else t
    text, entities = _v2_text(src)
    author = author if isinstance(author, dict) else t.get("author")
    author = author if isinstance(author, dict) else {}
    return {
        "text": text,
        "handle": author.get("username"),
        "outlet": author.get("name"),
        "created_at": t.get("created_at"),
        "lang": t.get("lang"),
        "urls": _listed(entities, "urls", "expanded_url", "url"),
        "hashtags": _listed(entities, "hashtags", "tag"),
        "is_retweet": rt is not None or bool(RETWEET_PREFIX.match(own)),
    }


def _snscrape_tweet(o: dict[str, Any]) -> dict[str, Any]:
    own = o.get("rawContent") or o.get("content") or ""
    rt = o.get("retweetedTweet")
    src = rt if isinstance(rt, dict) else o
    user = o.get("user") if isinstance(o.get("user"), dict) else {}
    links = src.get("links") if isinstance(src.get("links"), list) else src.get("outlinks")
    tags = src.get("hashtags")
    return {
        "text": tidy_text(src.get("rawContent") or src.get("content") or own),
        "handle": user.get("username"),
        "outlet": user.get("displayname"),
        "created_at": o.get("date"),
        "lang": o.get("lang"),
        "urls": _listed({"l": links}, "l", "url") if isinstance(links, list) else None,
        "hashtags": [str(h).lstrip("#") for h in tags if h] if isinstance(tags, list) else None,
        "is_retweet": isinstance(rt, dict) or bool(RETWEET_PREFIX.match(own)),
    }


def tweets_of(obj: Any) -> list[dict[str, Any]] | None:
    """The tweets of one record (``[]`` for a page without tweets, ``None`` for no tweet record).

    >>> page = {"data": [{"id": "9", "author_id": "1", "text": "RT @b: hi", "referenced_tweets":
    ...          [{"type": "retweeted", "id": "8"}]}], "includes": {"users": [{"id": "1",
    ...          "username": "a", "name": "A"}], "tweets": [{"id": "8", "text": "hi there, all"}]}}
    >>> [(t["handle"], t["text"], t["is_retweet"]) for t in tweets_of(page)]
    [('a', 'hi there, all', True)]
    """
    if not isinstance(obj, dict):
        return None
    data = obj.get("data")
    if isinstance(data, list | dict) or (data is None and ("errors" in obj or "meta" in obj)):
        # an API v2 response page (one with only "errors"/"meta" has no tweets)
        includes = obj.get("includes") if isinstance(obj.get("includes"), dict) else {}
        users = {u.get("id"): u for u in includes.get("users") or [] if isinstance(u, dict)}
        refs = {r.get("id"): r for r in includes.get("tweets") or [] if isinstance(r, dict)}
        data = data if isinstance(data, list) else [data] if data else []
        return [
            _v2_tweet(t, users.get(t.get("author_id")), refs)
            for t in data
            if isinstance(t, dict) and _is_v2(t)
        ]
    if _is_snscrape(obj):
        return [_snscrape_tweet(obj)]
    if _is_v2(obj):
        return [_v2_tweet(obj, None, {})]
    return None


def check_json(text: str, path: str | Path) -> None:
    """Raise :class:`DumpError` unless the JSON holds at least one tweet of a known archive."""
    first_bad: tuple[int, str] | None = None
    for a, _, obj, _ in _records(text):
        if isinstance(obj, _Broken):
            first_bad = first_bad or (a, obj.message)
        elif tweets_of(obj):
            return
    where, why = first_bad or (1, "")
    raise DumpError(
        path,
        "looks like JSON, but holds no tweets of a known archive (twarc2 pages, twarc2 flatten "
        "output, snscrape Tweet JSONL)" + (f"; first broken line: {why}" if why else ""),
        line=where,
    )


def read_json(
    text: str,
    *,
    source: str,
    path: str | Path,
    tz_default: str | None = None,
    dates: LocalDates | None = None,
    window: int = 20000,
    warnings: list[str] | None = None,
) -> Iterator[Window]:
    """Yield ``(posts, unassigned)`` rows of a JSON tweet archive, window by window.

    Parameters
    ----------
    text : the decoded file.
    source, path : the file name (for ``post_id``/``source``) and the path (for warnings).
    tz_default : IANA time zone for outlets not in the registry (default: Asia/Tokyo for
        Japanese posts, UTC otherwise).
    dates : a ready :class:`LocalDates` (overrides ``tz_default``).
    window : about this many raw lines per window.
    warnings : list that broken lines and unreadable dates are reported into.
    """
    dates = dates or LocalDates(tz_default)
    warnings = warnings if warnings is not None else []
    batch = Batcher(source, window)
    for a, z, obj, raw in _records(text):
        tweets = None if isinstance(obj, _Broken) else tweets_of(obj)
        if not tweets:
            if isinstance(obj, _Broken):
                warnings.append(f"{path}:{a}: broken JSON line ({obj.message}); kept in unassigned")
            reason = "bad_json" if isinstance(obj, _Broken) else "not_a_tweet"
            reason = "no_tweets" if tweets == [] else reason
            for k, ln in enumerate(NEWLINES.split(raw) if z > a else [raw]):
                if ln.strip() and (w := batch.stray(a + k, ln, reason)):
                    yield w
            continue
        for t in tweets:
            if w := batch.post(_row(t, source, a, z, path, dates, warnings)):
                yield w
    yield batch.flush()


def _row(
    t: dict[str, Any],
    source: str,
    a: int,
    z: int,
    path: str | Path,
    dates: LocalDates,
    warnings: list[str],
) -> dict[str, Any]:
    lang = t["lang"] if t["lang"] in ("ja", "en") else guess_lang(t["text"])
    handle = fold_handle(t["handle"])
    raw_date = t["created_at"] if isinstance(t["created_at"], str) else None
    at = parse_instant(t["created_at"])
    error = None if at is not None else (f"unreadable date {raw_date!r}" if raw_date else "no date")
    if error:
        warnings.append(f"{path}:{a}: {error}")
    return post_row(
        source=source, line_start=a, line_end=z, text=t["text"], handle=handle,
        outlet=t["outlet"], posted_at=at, posted_on=dates.local_date(at, handle=handle, lang=lang),
        date_raw=raw_date, date_error=error, lang=lang, urls=t["urls"], hashtags=t["hashtags"],
        is_retweet=t["is_retweet"],
    )  # fmt: skip
