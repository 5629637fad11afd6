"""Sentence splitting for Japanese and English news text.

Japanese splits after 。！？ (and ! ?), keeping closing quotes and brackets
(」』）”) with their sentence, and does not split inside a quotation that
closes later on the same line; a quoted sentence (「…。」) not followed by a
particle such as と stands alone. English splits after . ! ? followed by a space
and a capital, a digit or a quote, but not after abbreviations (``U.S.``,
``Mr.``, ``Feb.``), initials or inside URLs and decimals. Each raw line is a
paragraph: a sentence never spans two lines.

Examples
--------
>>> split_sentences("会談した。「対話を続ける。」と述べた。")
['会談した。', '「対話を続ける。」と述べた。']
>>> split_sentences("Mr. Blinken met the U.S. envoy. They spoke for 2.5 hours.")
['Mr. Blinken met the U.S. envoy.', 'They spoke for 2.5 hours.']
"""

from __future__ import annotations

import re

from .compiled import compiled

_OPEN = "「『（(“‘【〔［"
_CLOSE = "」』）)”’】〕］"
_PAIR = dict(zip(_OPEN, _CLOSE, strict=True))
_JA_END = "。！？!?"
_TRAIL = set(_CLOSE) | {'"', "'"}
_QUOTE_CONTINUES = set("とっなのはがをにもでやだかへまよ、，。！？!?）)」』")
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gen", "col", "lt", "gov", "st",
    "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
    "approx", "dept", "est", "min", "max", "mt", "ft",
}  # fmt: skip
_NUM_ABBREV = {"no", "nos", "vol", "fig", "art", "p", "pp"}  # abbreviations only before a number
_URL = re.compile(r"(?:https?://|pic\.twitter\.com/)[!-~]+")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff19\uff21-\uff3a「『"
_EN_BREAK = re.compile(rf"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9{_CJK}])")
_EN_END = re.compile(r"[.!?]")  # no English break without one of these
_ASCII_END_CONTINUES = re.compile(r"[\"'”’)]*\s*[a-z,;]")  # "over?" he asked / Yahoo! news


_BRACKET = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")


def _closing_positions(s: str) -> set[int]:
    """Indices of opening quotes that are closed later in ``s``."""
    closed: set[int] = set()
    stack: list[tuple[str, int]] = []
    for m in _BRACKET.finditer(s):  # visit only the quotes and brackets
        i, ch = m.start(), m.group()
        if ch in _PAIR:
            stack.append((ch, i))
        elif ch in _CLOSE:
            for k in range(len(stack) - 1, -1, -1):
                if _PAIR[stack[k][0]] == ch:
                    closed.add(stack[k][1])
                    del stack[k:]
                    break
    return closed


def _in_url(i: int, urls: list[tuple[int, int]]) -> bool:
    return any(u0 <= i < u1 for u0, u1 in urls)


def _quote_ends_sentence(line: str, i: int, depth: list[str]) -> bool:
    """Does the top-level 」/』 at ``i`` close a quoted sentence (「…。」) that stands alone?

    Not when a particle or punctuation follows it (「…。」と述べた, 「…。」という).
    """
    return (
        not depth
        and line[i] in "」』"
        and i > 0
        and line[i - 1] in _JA_END
        and i + 1 < len(line)
        and line[i + 1] not in _QUOTE_CONTINUES
    )


_SPECIAL = re.compile("[" + re.escape(_OPEN + _CLOSE + _JA_END) + "]")


def _split_ja(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not _SPECIAL.search(line):
        return [(0, len(line))] if line else []
    closed = _closing_positions(line)
    urls = [m.span() for m in _URL.finditer(line)] if "/" in line else []
    depth: list[str] = []
    start, n, skip = 0, len(line), -1
    for m in _SPECIAL.finditer(line):  # only quotes and terminators matter: visit just those
        i = m.start()
        if i < skip or (urls and _in_url(i, urls)):
            continue
        ch = line[i]
        if ch in _PAIR and i in closed:
            depth.append(_PAIR[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
            if _quote_ends_sentence(line, i, depth):
                spans.append((start, i + 1))
                start = i + 1
        elif ch in "!?" and _ASCII_END_CONTINUES.match(line, i + 1):
            pass
        elif ch in _JA_END and not depth:
            j = i + 1
            while j < n and (line[j] in _JA_END or line[j] in _TRAIL):
                j += 1
            spans.append((start, j))
            while j < n and line[j] in " \u3000":
                j += 1
            start = skip = j
    if start < n:
        spans.append((start, n))
    return spans


def _split_en(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not _EN_END.search(line):
        return spans
    urls = [m.span() for m in _URL.finditer(line)]
    for a, b in spans:
        start = a
        for m in _EN_BREAK.finditer(line, a, b):
            dot = m.start()
            if _in_url(dot, urls):
                continue
            if line[dot] == ".":
                word = re.search(r"([A-Za-z.]+)$", line[start:dot])
                w = word.group(1).lower() if word else ""
                if (
                    w in _ABBREV
                    or (w in _NUM_ABBREV and line[m.end() : m.end() + 1].isdigit())
                    or (len(w) == 1 and w.isalpha())
                    or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w)
                ):
                    continue
            end = m.end()
            while end > dot and line[end - 1].isspace():
                end -= 1
            out.append((start, end))
            start = m.end()
        if start < b:
            out.append((start, b))
    return out


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of one line (whitespace trimmed).

    >>> sentence_spans("米中が会談。 Talks began.")
    [(0, 6), (7, 19)]
    """
    spans = _split_en(line, _split_ja(line))
    out = []
    for a, b in spans:
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def sentence_spans_of(lines: list[str]) -> list[list[tuple[int, int]]]:
    """:func:`sentence_spans` of each line, in one call (C where ``crisisnotes._sentsplit`` was built).

    >>> sentence_spans_of(["米中が会談。 Talks began.", "", "Mr. Blinken spoke."])
    [[(0, 6), (7, 19)], [], [(0, 18)]]
    """
    module = compiled("_sentsplit")
    if module is None:
        return [sentence_spans(line) for line in lines]
    return module.spans(lines)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` (one or more lines) into sentences.

    >>> split_sentences("書面では\\n▽交渉の余地がある。")
    ['書面では', '▽交渉の余地がある。']
    """
    return [ln[a:b] for ln in text.split("\n") for a, b in sentence_spans(ln)]
