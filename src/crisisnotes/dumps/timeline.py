"""Reader for the copied-timeline text format (GUIDELINES §1).

A dump is tweet text, an attribution line ``— NAME (@handle) DATE``, then
often the article body. Every non-blank raw line ends up in exactly one post's
``[line_start, line_end]`` or in the unassigned table with a reason.

Segmentation rules (documented in ``docs/reading.md``):

* an attribution line ends the tweet text of exactly one post;
* the tweet text is the non-blank line directly above it, extended upwards
  over lines that look like the head of the same tweet (no link, no
  sentence-final punctuation, within the 280-unit tweet limit); a tweet whose
  lines so far are bare links also takes the headline line above them;
* hashtag-only lines directly above an attribution line (no blank between)
  end that tweet's text; elsewhere they are stray;
* the line right after an attribution line is body, not the head of the
  next tweet (GUIDELINES §1 seed case), unless it is a ``#BREAKING``-style tag;
* the body is every line after the attribution line up to the first line of
  the next tweet text; trailing blank and stray lines are not body;
* stray lines (hashtag-only lines, retweet markers, UI chrome such as
  "Translate Tweet") between posts are unassigned;
* body lines above the first tweet form an orphan post.

Examples
--------
>>> dump = "米ロが協議 https://t.co/abc\\n— NHKニュース (@nhk_news) 2022年1月10日\\n本文。\\n#tag\\n"
>>> posts, unassigned = segment_lines(dump.split("\\n"), source="d.txt")
>>> [(p["handle"], p["line_start"], p["line_end"]) for p in posts]
[('nhk_news', 1, 3)]
>>> [(u["line"], u["reason"]) for u in unassigned]
[(4, 'hashtag_only')]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..dates import DateError, parse_attribution_date
from ..text import guess_lang, guess_langs
from .widechars import count_wide

ATTRIBUTION = re.compile(
    r"^\s*[—―–\-－]{1,2}\s*(?P<name>.*?)\s*[(（]\s*[@＠]"
    r"(?P<handle>[A-Za-z0-9_Ａ-Ｚａ-ｚ０-９＿]{1,30})\s*[)）]\s*(?P<date>.*?)\s*$"
)
# "p(?<![\w/.]p)ic" is "(?<![\w/.])pic" with the lookbehind after the first character, so every
# branch starts with a literal (h, p or t) and the regex engine skips ahead to those (4x faster).
URL = re.compile(r"(?:https?://|p(?<![\w/.]p)ic\.twitter\.com/|t(?<![\w/.]t)\.co/)[!-~]+")
_URL_TRAIL = ".,;:!?'\")]>"
_BARE_URLS = re.compile(rf"^\s*(?:{URL.pattern}\s*)+$")
_TAG_CHAR = r"[\w\u30fb\u00b7\uff5e\u301c\u309b\u309c\u30a0\u3003]"
_TAG_CHAIN = re.compile(rf"(?<![\w&/])(?:[#＃]{_TAG_CHAR}+)+")
_TAG = re.compile(rf"[#＃]({_TAG_CHAR}+)")
HASHTAG_ONLY = re.compile(r"^\s*(?:[#＃][^\s#＃]+\s*)+$")
RETWEET_MARKER = re.compile(
    r"^\s*\S.{0,59}?(?:さんがリツイート|さんがリポスト|がリツイート| Retweeted| reposted)\s*$"
)
_DATEISH = re.compile(r"\d")
_MAX_DATE_CHARS = 40
UI_CHROME = re.compile(
    r"^\s*(?:Translate (?:Tweet|post)|Show this thread|Show more|ツイートを翻訳|ポストを翻訳|"
    r"このスレッドを表示|さらに表示|Quote Tweet|引用ツイート|Pinned Tweet|固定されたツイート)\s*$",
    re.I,
)
BREAKING_TAG = re.compile(r"^\s*[#＃](?:BREAKING|BreakingNews|速報|JUSTIN|JUST_IN)\s*$", re.I)
_SENTENCE_END = re.compile(r"[。．.!?！？」』”\"]\s*$")
TWEET_LIMIT = 280  # weighted units: CJK counts 2, others 1, a URL 23


def find_urls(s: str) -> list[str]:
    """Links in ``s`` (``http(s)://…``, bare ``t.co/…``, ``pic.twitter.com/…``).

    Trailing punctuation is not part of a link (a ``)`` only when unbalanced).

    >>> find_urls("見出し https://t.co/AbC1。 (see pic.twitter.com/xY2)")
    ['https://t.co/AbC1', 'pic.twitter.com/xY2']
    """
    if "/" not in s:  # every link has one
        return []
    out = URL.findall(s)
    for k, u in enumerate(out):
        if u[-1] in _URL_TRAIL:
            while u and u[-1] in _URL_TRAIL and not (u[-1] == ")" and u.count("(") >= u.count(")")):
                u = u[:-1]
            out[k] = u
    return out


def find_hashtags(s: str) -> list[str]:
    """Hashtags of ``s`` without ``#`` (chained tags count separately; not inside links).

    >>> find_hashtags("#反ロシア#対中露戦 協議 #nhk_news https://t.co/a#b #2022")
    ['反ロシア', '対中露戦', 'nhk_news']
    """
    if "#" not in s and "＃" not in s:
        return []
    s = URL.sub(" ", s)
    tags = [t for m in _TAG_CHAIN.finditer(s) for t in _TAG.findall(m.group())]
    return [t for t in tags if not t.isdigit()]


def weighted_length(s: str) -> int:
    """Twitter's weighted length of ``s`` (CJK and full-width 2, URLs 23, others 1).

    >>> weighted_length("米ロ https://t.co/abcdefghij")
    28
    """
    if "/" not in s:  # every link has one
        return len(s) + count_wide(s)
    rest, links = URL.subn("", s)
    return 23 * links + len(rest) + count_wide(rest)


@dataclass(frozen=True)
class Attribution:
    """A parsed attribution line."""

    outlet: str
    handle: str
    date: dt.date | None
    date_raw: str
    date_error: str | None


def parse_attribution(line: str) -> Attribution | None:
    """Parse ``— NAME (@handle) DATE``; ``None`` when ``line`` is not one.

    An attribution line whose date cannot be read is still an attribution
    (``date`` is ``None`` and ``date_error`` says why), so no post is lost.

    >>> a = parse_attribution("— The Economist (@TheEconomist) January 26, 2022")
    >>> a.outlet, a.handle, a.date
    ('The Economist', 'TheEconomist', datetime.date(2022, 1, 26))
    >>> parse_attribution("— X (@x) 2022年2月30日").date_error
    "impossible date '2022年2月30日': day is out of range for month"
    """
    if "@" not in line and "＠" not in line:  # ATTRIBUTION needs one
        return None
    m = ATTRIBUTION.match(line)
    if not m or not m.group("name"):
        return None
    raw = m.group("date")
    dateish, date, err = _read_date(raw)
    if not dateish:
        return None  # "— Lavrov (@mfa_russia) said …" is running text, not an attribution
    handle = m.group("handle")
    if not handle.isascii():  # NFKC leaves ASCII as it is
        handle = unicodedata.normalize("NFKC", handle)
    return Attribution(m.group("name").strip(), handle, date, raw, err)


@functools.lru_cache(maxsize=4096)  # a dump repeats its attribution dates
def _read_date(raw: str) -> tuple[bool, dt.date | None, str | None]:
    """``(looks like a date, date, why there is none)`` for the date part of an attribution."""
    if raw and (
        len(raw) > _MAX_DATE_CHARS or not _DATEISH.search(unicodedata.normalize("NFKC", raw))
    ):
        return False, None, None
    date: dt.date | None = None
    err: str | None = None
    try:
        date = parse_attribution_date(raw)
        if date is None:
            err = f"unreadable date {raw!r}" if raw else "no date"
    except DateError as e:
        err = str(e)
    return True, date, err


def stray_reason(line: str) -> str | None:
    """Why ``line`` belongs to no post (``None`` when it may belong to one).

    >>> stray_reason("#反ロシア#対中露戦"), stray_reason("ロイターさんがリツイート")
    ('hashtag_only', 'retweet_marker')
    >>> stray_reason("#BREAKING") is None
    True
    """
    if "#" in line or "＃" in line:  # BREAKING_TAG and HASHTAG_ONLY need one
        if BREAKING_TAG.match(line):
            return None
        if HASHTAG_ONLY.match(line):
            return "hashtag_only"
    retweet = (
        "リツイート" in line or "リポスト" in line or "Retweeted" in line or "reposted" in line
    )
    if retweet and RETWEET_MARKER.match(line):  # RETWEET_MARKER needs one of those words
        return "retweet_marker"
    if UI_CHROME.match(line):
        return "ui_chrome"
    return None


def _extends_tweet(line: str, units_so_far: int, width: int | None = None) -> bool:
    """Can ``line`` be the line above the tweet lines gathered so far?

    ``width`` is ``weighted_length(line)`` when the caller has it already.
    """
    if URL.search(line) or stray_reason(line):
        return False
    if _SENTENCE_END.search(line) and not BREAKING_TAG.match(line):
        return False
    if width is None:
        width = weighted_length(line)
    return units_so_far + width <= TWEET_LIMIT


def _opens_tweet(line: str, below: str, above: str) -> bool:
    """Is ``line``, a whole sentence, the first line of a tweet that goes on in ``below``?

    Only where the script changes: ``line`` is written like the tweet below it and unlike the
    body line ``above`` it (an English tweet of two sentences under a Japanese article).

    >>> _opens_tweet("China says it wants peace.", "Its refusal tells a story https://t.co/x", "会談は続いた。")
    True
    >>> _opens_tweet("The talks ended.", "Its refusal tells a story https://t.co/x", "Both sides met.")
    False
    """
    if not above or URL.search(line) or stray_reason(line):
        return False
    lang = guess_lang(line)  # the project's script test (crisisnotes.text)
    return lang == guess_lang(URL.sub("", below)) != guess_lang(above)


def context_line(line: str, bad: bool = False) -> str:
    """``line`` if a tweet could read its script from it (a usable line: not blank, stray, attribution
    or undecodable), else the empty string.

    >>> context_line("会談は続いた。"), context_line("#NATO"), context_line("")
    ('会談は続いた。', '', '')
    """
    usable = not bad and line.strip() and not stray_reason(line) and parse_attribution(line) is None
    return line if usable else ""


def segment_lines(
    lines: Sequence[str], *, source: str, bad_lines: Sequence[int] = (), above: str = ""
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Segment decoded ``lines`` (no newline characters) into posts and unassigned lines.

    Returns two lists of dicts with the columns of the ``posts`` and
    ``unassigned`` tables (see ``docs/architecture.md``); line numbers are 1-based.
    Lines in ``bad_lines`` (undecodable bytes) are quarantined as unassigned.
    ``above`` is the body line right above ``lines`` when they are a window of a longer dump
    (:func:`context_line`): only its script is read (:func:`_opens_tweet`).
    """
    n = len(lines)
    bad = set(bad_lines)
    blank = [not ln.strip() for ln in lines]
    attributions: dict[int, Attribution] = {}
    stray: dict[int, str] = {}
    for i, ln in enumerate(lines):
        if blank[i]:
            continue
        # the "@" test is parse_attribution's own first test, here to spare most lines the call
        if (
            ("@" in ln or "＠" in ln)
            and i + 1 not in bad
            and (a := parse_attribution(ln)) is not None
        ):
            attributions[i] = a
        elif r := stray_reason(ln):
            stray[i] = r
    for b in bad:
        if 0 < b <= n and not blank[b - 1]:
            stray[b - 1] = "undecodable"

    def usable(i: int) -> bool:
        return 0 <= i < n and not blank[i] and i not in attributions and i not in stray

    def tweet_span(a: int) -> tuple[int, int]:
        """Tweet text lines ``[start, end]`` above attribution ``a`` (``start > end``: none)."""
        j = a - 1
        while j >= 0 and blank[j]:
            j -= 1
        end = j
        if j == a - 1:  # hashtag-only lines right above the attribution end the tweet
            while j >= 0 and stray.get(j) == "hashtag_only":
                j -= 1
            if j < end and not usable(j):
                return j + 1, end
        if not usable(j) or (end != a - 1 and _SENTENCE_END.search(lines[j])):
            return a, a - 1
        start = j
        units = sum(weighted_length(lines[k]) for k in range(j, end + 1))
        bare = bool(_BARE_URLS.match(lines[j]))  # only links so far: the headline is above
        while usable(start - 1):
            prev = lines[start - 1]
            if start - 2 in attributions and not BREAKING_TAG.match(prev):
                break  # the line right after an attribution line is body (GUIDELINES §1, seed case)
            width = weighted_length(prev)
            fits = units + width <= TWEET_LIMIT
            if not (bare and fits) and not _extends_tweet(prev, units, width):
                up = lines[start - 2] if usable(start - 2) else above if start == 1 else ""
                if fits and _opens_tweet(prev, lines[start], up):
                    start -= 1  # "China says X." over "Its refusal … https://t.co/…", below a Japanese body
                break
            start -= 1
            units += width
            bare = bare and bool(_BARE_URLS.match(prev))
        return start, a - 1  # blank lines before the attribution stay in the span

    tweet = {a: tweet_span(a) for a in sorted(attributions)}

    posts: list[dict[str, Any]] = []
    unassigned: list[dict[str, Any]] = []
    claimed = [False] * n

    order = sorted(attributions)
    first_tweet_start = tweet[order[0]][0] if order else n
    first_tweet_start = min(first_tweet_start, order[0]) if order else n

    def body_span(lo: int, hi: int) -> tuple[int, int]:
        """Last body line in [lo, hi): the last usable line (strays after it are excluded)."""
        last = lo - 1
        for k in range(lo, hi):
            if usable(k):
                last = k
        return lo, last

    # orphan post at the top
    lo, last = body_span(0, first_tweet_start)
    first_body = next((k for k in range(0, last + 1) if usable(k)), None)
    if first_body is not None:
        posts.append(_post(lines, source, None, first_body, last, None, first_body, last))
        for k in range(first_body, last + 1):
            claimed[k] = True

    for idx, a in enumerate(order):
        t_start, t_end = tweet[a]
        nxt = order[idx + 1] if idx + 1 < len(order) else None
        limit = n if nxt is None else min(tweet[nxt][0], nxt)
        _, b_end = body_span(a + 1, limit)
        line_start = t_start if t_start <= t_end else a
        line_end = max(a, b_end)
        posts.append(
            _post(
                lines, source, attributions[a], line_start, line_end, (t_start, t_end), a + 1, b_end
            )
        )
        for k in range(line_start, line_end + 1):
            claimed[k] = True

    for post, lang in zip(posts, guess_langs([f"{p['text']}\n{p['body']}" for p in posts]), strict=True):
        post["lang"] = lang
    for i, ln in enumerate(lines):
        if blank[i] or claimed[i]:
            continue
        unassigned.append(
            {"source": source, "line": i + 1, "text": ln, "reason": stray.get(i, "outside_post")}
        )
    return posts, unassigned


def _post(
    lines: Sequence[str],
    source: str,
    attr: Attribution | None,
    line_start: int,
    line_end: int,
    text_span: tuple[int, int] | None,
    body_start: int,
    body_end: int,
) -> dict[str, Any]:
    if text_span is None:
        text = ""
    else:
        text = "\n".join(map(str.strip, lines[text_span[0] : text_span[1] + 1])).rstrip("\n")
    while body_start <= body_end and not lines[body_start].strip():
        body_start += 1
    body = "\n".join(map(str.rstrip, lines[body_start : body_end + 1]))
    whole = f"{text}\n{body}"
    return {
        "post_id": f"{source}:{line_start + 1}",
        "source": source,
        "line_start": line_start + 1,
        "line_end": line_end + 1,
        "text_line_end": None if text_span is None else text_span[1] + 1,
        "body_line_start": body_start + 1 if body_start <= body_end else None,
        "outlet": attr.outlet if attr else None,
        "handle": attr.handle if attr else None,
        "posted_on": attr.date if attr else None,
        "date_raw": attr.date_raw if attr else None,
        "date_error": attr.date_error if attr else None,
        "lang": "",  # guessed for all posts at once (segment_lines)
        "text": text,
        "body": body,
        "urls": find_urls(whole),
        "hashtags": find_hashtags(whole),
        "is_orphan": attr is None,
    }
