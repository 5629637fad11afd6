"""Reader for saved web pages with embedded tweets.

An embedded tweet is Twitter's embed code::

    <blockquote class="twitter-tweet"><p lang="ja" dir="ltr">見出し <a href="https://t.co/a">https://t.co/a</a></p>
    &mdash; NHKニュース (@nhk_news) <a href="https://twitter.com/nhk_news/status/1">2022年1月26日</a></blockquote>

The ``<p>`` is the tweet text (``<br>`` = line break), the rest is an attribution
line read by the timeline reader's rules (:func:`~crisisnotes.dumps.timeline.parse_attribution`);
when it has no ``(@handle)`` the handle comes from the status link. The page's
paragraphs (``<p>``, headings, list items, other blocks) after an embed, up to the
next embed, are that post's ``body``; paragraphs before the first embed form an
orphan post. The page is parsed with BeautifulSoup (never with regular
expressions); scripts, styles, comments, ``<head>`` and ``<nav>`` are ignored, and
entities are unescaped. Line numbers are the source lines of the elements:
``line_start`` is the embed's ``<blockquote>``, ``body_line_start`` the first body
paragraph, and each body paragraph sits on the body line of its source line
(blank lines fill the gaps), so a sentence's ``line`` points into the page.

Examples
--------
>>> page = '''<html><head><title>t</title><script>var x = "<p>no</p>";</script></head><body>
... <blockquote class="twitter-tweet"><p lang="en">Talks end &amp; resume</p>&mdash; Reuters
... (@Reuters) <a href="https://twitter.com/Reuters/status/1">January 10, 2022</a></blockquote>
... <!-- a comment -->
... <p>The talks ended.</p>
... </body></html>'''
>>> [(posts, _)] = read_html(page, source="p.html", path="p.html")
>>> p = posts[0]
>>> p["handle"], p["text"], p["posted_on"], p["line_start"], p["body"], p["body_line_start"]
('Reuters', 'Talks end & resume', datetime.date(2022, 1, 10), 2, 'The talks ended.', 5)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

from ..dates import DateError, parse_attribution_date
from .records import Batcher, Window, fold_handle, post_row
from .stream import iter_lines
from .timeline import parse_attribution

EMBED_CLASSES = {"twitter-tweet", "twitter-video"}
BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "dd", "dt", "figcaption", "td", "th",
    "caption", "blockquote", "div", "article", "section", "main", "aside", "header", "footer",
    "address", "ul", "ol", "dl", "table", "tr", "figure", "hr", "body", "html",
}  # fmt: skip
IGNORED = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "svg",
    "iframe",
    "object",
    "canvas",
}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BR = "\x00"  # a <br> while a paragraph is gathered


def is_embed(el: Tag) -> bool:
    """Is ``el`` Twitter's embed ``<blockquote class="twitter-tweet">``?"""
    return el.name == "blockquote" and bool(EMBED_CLASSES & set(el.get("class") or []))


def _lines_of(pieces: list[str]) -> list[str]:
    """Paragraph text: HTML whitespace folded, ``<br>`` a line break, lines stripped."""
    s = _HTML_SPACE.sub(" ", "".join(pieces))
    return [ln.strip() for ln in s.split(_BR)]


class _Walker:
    """Walk the page in document order, gathering paragraphs and embeds with their source lines."""

    def __init__(self) -> None:
        # ("para", lines, first line, last line) or ("embed", tag, first line, last line)
        self.items: list[tuple[str, Any, int, int]] = []
        self.line = 1  # the source line the walk is at
        self._pieces: list[str] = []
        self._first: int | None = None

    def _end_para(self) -> None:
        lines = _lines_of(self._pieces)
        while lines and not lines[-1]:
            lines.pop()
        while lines and not lines[0]:
            lines.pop(0)
        if lines and self._first is not None:
            self.items.append(("para", lines, self._first, self.line))
        self._pieces, self._first = [], None

    def _text(self, s: str) -> None:
        if self._first is None and s.strip():
            self._first = self.line + s[: len(s) - len(s.lstrip())].count("\n")
        self._pieces.append(s)
        self.line += s.count("\n")

    def run(self, soup: BeautifulSoup) -> list[tuple[str, Any, int, int]]:
        """Walk the whole page (without recursion: pages may nest deeply)."""
        stack: list[tuple[Tag, Iterator[Any]]] = [(soup, iter(soup.children))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if node.name in BLOCKS:
                    self._end_para()
            elif isinstance(child, PreformattedString):  # comment, doctype, CDATA, PI
                self.line += str(child).count("\n")
            elif isinstance(child, NavigableString):
                self._text(str(child))
            elif isinstance(child, Tag):
                self.line = child.sourceline or self.line
                if child.name in IGNORED:
                    self.line += str(child).count("\n")
                elif is_embed(child):
                    self._end_para()
                    start = self.line
                    self.line += str(child).count("\n")
                    self.items.append(("embed", child, start, self.line))
                elif child.name == "br":
                    self._pieces.append(_BR)
                else:
                    if child.name in BLOCKS:
                        self._end_para()
                    stack.append((child, iter(child.children)))
        self._end_para()
        return self.items


def _inline_text(el: Tag) -> str:
    """Text of an element with ``<br>`` as line breaks (no comments or scripts)."""
    pieces: list[str] = []
    for node in el.descendants:
        if isinstance(node, Tag) and node.name == "br":
            pieces.append(_BR)
        elif (
            isinstance(node, NavigableString)
            and not isinstance(node, PreformattedString)
            and not any(p.name in IGNORED for p in node.parents if isinstance(p, Tag))
        ):
            pieces.append(str(node))
    return "\n".join(_lines_of(pieces)).strip("\n")


def _handle_from_link(href: str) -> str | None:
    """``nhk_news`` from ``https://twitter.com/nhk_news/status/1…`` (or x.com)."""
    url = urlparse(href or "")
    parts = [p for p in url.path.split("/") if p]
    host = url.netloc.lower().removeprefix("www.").removeprefix("mobile.")
    if host in ("twitter.com", "x.com") and len(parts) >= 3 and parts[1] == "status":
        return parts[0]
    return None


def embed_post(el: Tag) -> dict[str, Any]:
    """Text, attribution and language of one embedded tweet."""
    p = el.find("p")
    text = _inline_text(p) if p else ""
    rest = [c for c in el.children if c is not p]
    tail = " ".join(
        _inline_text(c) if isinstance(c, Tag) else str(c)
        for c in rest
        if not isinstance(c, PreformattedString)
    )
    tail = _HTML_SPACE.sub(" ", tail).strip()
    links = [a for a in el.find_all("a", href=True) if not any(up is p for up in a.parents)]
    date_link = links[-1] if links else None
    attr = parse_attribution(tail)
    lang = (p.get("lang") if p else None) or el.get("data-lang")
    out: dict[str, Any] = {"text": text, "lang": lang, "date_error": None}
    if attr:
        out.update(outlet=attr.outlet, handle=attr.handle, posted_on=attr.date,
                   date_raw=attr.date_raw, date_error=attr.date_error)  # fmt: skip
    else:
        raw = date_link.get_text(" ", strip=True) if date_link else ""
        try:
            day = parse_attribution_date(raw) if raw else None
            error = None if day else (f"unreadable date {raw!r}" if raw else "no date")
        except DateError as e:
            day, error = None, str(e)
        name = tail.removesuffix(raw).strip().lstrip("—―–-－ ").strip()  # "— NAME DATE"
        out.update(outlet=name or None, handle=None, posted_on=day, date_raw=raw or None,
                   date_error=error)  # fmt: skip
    if not out["handle"] and date_link is not None:
        out["handle"] = _handle_from_link(str(date_link.get("href")))
    out["handle"] = fold_handle(out["handle"])
    return out


def read_html(
    text: str,
    *,
    source: str,
    path: str | Path,
    window: int = 20000,
    warnings: list[str] | None = None,
) -> Iterator[Window]:
    """Yield ``(posts, unassigned)`` rows of a saved page with embedded tweets.

    Parameters
    ----------
    text : the decoded page; ``source``, ``path`` : file name and path.
    window : about this many source lines per window.
    warnings : list that unreadable dates are reported into.
    """
    warnings = warnings if warnings is not None else []
    text = "\n".join(iter_lines(text))  # the parser counts LF only
    items = _Walker().run(BeautifulSoup(text, "html.parser"))
    if not any(kind == "embed" for kind, *_ in items):
        warnings.append(f"{path}: a page without embedded tweets; its text is kept as one orphan post")
    batch = Batcher(source, window)
    k = 0
    while k < len(items):
        embed = items[k] if items[k][0] == "embed" else None
        k += embed is not None
        paras = []
        while k < len(items) and items[k][0] == "para":
            paras.append(items[k])
            k += 1
        if embed is None:  # text above the first embed: an orphan post
            row = _post(source, None, paras, paras[0][2])
        else:
            info = embed_post(embed[1])
            if info["date_error"]:
                warnings.append(f"{path}:{embed[2]}: {info['date_error']}")
            row = _post(source, info, paras, embed[2], embed[3])
        if w := batch.post(row):
            yield w
    yield batch.flush()


def _post(
    source: str,
    info: dict[str, Any] | None,
    paras: list[tuple[str, Any, int, int]],
    first: int,
    embed_end: int | None = None,
) -> dict[str, Any]:
    body_lines: list[str] = []
    body_start = paras[0][2] if paras else None
    for _, lines, line, _ in paras:
        assert body_start is not None
        while body_start + len(body_lines) < line:
            body_lines.append("")  # body line k is source line body_start + k
        body_lines.extend(lines)
    last = max([embed_end or first, *(p[3] for p in paras)])
    if info is None:
        return post_row(source=source, line_start=first, line_end=last, text="", handle=None,
                        outlet=None, body="\n".join(body_lines), body_line_start=body_start,
                        is_orphan=True)  # fmt: skip
    return post_row(
        source=source, line_start=first, line_end=last, text=info["text"], handle=info["handle"],
        outlet=info["outlet"], posted_on=info["posted_on"], date_raw=info["date_raw"],
        date_error=info["date_error"], lang=info["lang"], body="\n".join(body_lines),
        body_line_start=body_start, text_line_end=embed_end,
    )  # fmt: skip
