"""Time expressions in Japanese and English sentences, found but not yet resolved.

``find_time_expressions`` returns every day, weekday, relative day, week or month
window and vague time word of a sentence as a :class:`TimeExpr`, with its span in
the NFKC text; turning one into a calendar date against the post's date is the
job of :mod:`crisisnotes.eventdates`. ``MONTHS`` (English month names) is shared
with the attribution dates of :mod:`crisisnotes.dates`.

Assumptions: sentences are NFKC-normalised first and every offset is an offset
into the NFKC text (the ``norm`` column); days are read from arabic digits only
(plus 一-十 in ``N週間後``/``N日後``); no dictionary or tokenizer is used. A year
alone (``2014年``, "in 2014") or a month alone (``3月``, "in March") is
background, not an event date: ``find_time_expressions`` does not return it and
``is_year_only`` flags sentences dated only by a year.

Examples
--------
>>> [(e.surface, e.kind, e.day) for e in find_time_expressions("外相は26日、来週訪問すると述べた")]
[('26日', 'explicit', 26), ('来週', 'window', None)]
>>> is_year_only("ロシアは2014年、クリミアを併合した")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from crisisnotes import tense

__all__ = ["MONTHS", "Kind", "TimeExpr", "find_time_expressions", "is_year_only"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

Kind = Literal["explicit", "weekday", "relative", "window", "vague"]


@dataclass(frozen=True)
class TimeExpr:
    """One time expression of a sentence and its parsed, not yet resolved, value.

    Attributes
    ----------
    start, end, surface : int, int, str
        Span in the NFKC sentence and its text.
    kind : {"explicit", "weekday", "relative", "window", "vague"}
        ``explicit`` has ``day``, maybe ``month``/``year``, or ``rule="month"`` with
        ``offset`` months (先月/今月/来月); ``weekday`` has ``weekday`` (0 = Monday), maybe
        ``day`` (``Monday (7)``), ``part`` last/next, or ``rule="week"`` with a week
        ``offset``; ``relative`` has ``offset`` days; ``window`` has ``rule`` (week,
        weekend, weekstart, month, weeks, span), ``offset`` and ``part``
        (early/mid/late/before/after); ``vague`` has no value.
    ref : {"post", "anchor"}
        ``anchor`` for 前日, 翌日, 翌週, N週間後 ...: counted from the occasion they follow.

    Examples
    --------
    >>> TimeExpr(0, 3, "26日", "explicit", day=26).kind
    'explicit'
    """

    start: int
    end: int
    surface: str
    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0
    weekday: int | None = None
    rule: str = ""
    part: str = ""
    ref: Literal["post", "anchor"] = "post"


_NUMS = {**{k: i for i, k in enumerate("一二三四五六七八九十", 1)}, "a": 1, "an": 1, "one": 1,
         "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "数": 5, "few": 5, "several": 5}  # fmt: skip
_N = r"\d{1,3}|[一二三四五六七八九十]|an?|one|two|three|four|five|six|seven|eight|nine|ten"
_EN_MON = "|".join(sorted({k.capitalize() for k in MONTHS}, key=len, reverse=True))
_EN_WD = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_JA_WD = "月火水木金土日"
_JSUF = r"(?:\([月火水木金土日]\))?(?:午前|午後|未明|早朝|深夜|朝|昼|夕方?|夜|中)?"
_ANCHORED = {w: n for n, ws in (  # counted from the occasion (X in "the day before X")
    (-1, "前日,the day before,the previous day,a day earlier"), (2, "翌々日"),
    (0, "同日,同じ日,当日,the same day,that day,that same day"), (1, "翌日,the next day,the following day,a day later"),
) for w in ws.split(",")}  # fmt: skip
_DAYS = {**_ANCHORED, **{w: n for n, ws in (  # counted from the post date
    (-2, "一昨日,おととい,the day before yesterday"), (-1, "昨日,きのう,昨夜,昨晩,yesterday,last night"),
    (0, "今日,きょう,本日,今朝,今夜,今晩,today,tonight,this morning,this afternoon,this evening,earlier today,later today"),
    (1, "明日,あす,あした,明朝,tomorrow"), (2, "明後日,あさって,the day after tomorrow"),
) for w in ws.split(",")}}  # fmt: skip
_OFFSETS = {"先々": -2, "先": -1, "前": -1, "今": 0, "来": 1, "翌": 1, "再来": 2, "last": -1,
            "this": 0, "next": 1, "the following": 1, "the coming": 1, "the previous": -1}  # fmt: skip
_PARTS = {"上旬": "early", "初旬": "early", "初め": "early", "前半": "early", "early": "early",
          "中旬": "mid", "半ば": "mid", "mid": "mid", "mid-": "mid", "下旬": "late", "末": "late",
          "後半": "late", "late": "late", "the end of": "late", "end of": "late",
          "later": "after", "earlier": "before"}  # fmt: skip


def _num(s: str) -> int:
    return int(s) if s.isdigit() else _NUMS[s.lower()]


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _explicit(m: re.Match[str]) -> dict | None:
    y, mo, d = _g(m, "y"), _g(m, "m") or _g(m, "mon"), int(m["d"])
    month = (int(mo) if mo.isdigit() else MONTHS[mo.lower()]) if mo else None
    if not 1 <= d <= 31 or (month is not None and not 1 <= month <= 12):
        return None
    if rel := _g(m, "rel"):
        return {"kind": "explicit", "day": d, "rule": "month", "offset": _OFFSETS[rel[:-1]]}
    return {"kind": "explicit", "year": int(y) if y else None, "month": month, "day": d}


def _weekday(m: re.Match[str]) -> dict:
    wd = m["wd"]
    out: dict = {"kind": "weekday", "weekday": _JA_WD.index(wd) if len(wd) == 1 else
                 _EN_WD.index(wd.capitalize())}  # fmt: skip
    if _g(m, "d"):
        out["day"] = int(m["d"])
    if w := _g(m, "w"):
        out.update(rule="week", offset=_OFFSETS[w[:-1]])
    elif pre := _g(m, "pre"):
        out["part"] = {"coming": "next", "this": ""}.get(pre.lower(), pre.lower())
    return out


def _relative(m: re.Match[str]) -> dict:
    if (key := m.group().lower()) in _DAYS:
        return {"kind": "relative", "offset": _DAYS[key], "ref": "anchor" if key in _ANCHORED else "post"}
    n = _num(m["n"])
    sign = -1 if m["dir"] in ("前", "earlier", "before") else 1
    return {"kind": "relative", "offset": sign * n, "ref": "post" if m["dir"] == "in" else "anchor"}


def _window(rule: str) -> Callable[[re.Match[str]], dict]:
    def make(m: re.Match[str]) -> dict:
        out: dict = {"kind": "window", "rule": rule}
        if w := _g(m, "w"):
            w = w.lower().removesuffix("週").removesuffix("月").removesuffix(" week")
            out["offset"] = _OFFSETS[w.removesuffix(" month").removesuffix(" weekend")]
            out["ref"] = "anchor" if w in ("翌", "the following") else "post"
        if p := _g(m, "part"):
            out["part"] = _PARTS.get(p.lower(), "")
        if mon := _g(m, "m") or _g(m, "mon"):
            out["month"] = int(mon) if mon.isdigit() else MONTHS[mon.lower()]
            out["year"] = int(m["y"]) if _g(m, "y") else None
        if n := _g(m, "n"):
            out["offset"] = _num(n) * (7 if rule == "weeks" else 1)
            out["ref"] = "anchor"
        if h := _g(m, "h"):
            out["offset"] = max(1, -(-_num(h) // 24)) if h.isdigit() else 1
            out["ref"] = "anchor"
        return out

    return make


_WEEK_W = r"(?P<w>先々週|先週|今週|来週|再来週|翌週|前週)"
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], dict | None]]] = [
    (re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})(?:[、,・]\d{1,2})*日" + _JSUF), _explicit),
    (re.compile(r"(?P<rel>先月|今月|来月)(?P<d>\d{1,2})(?:[、,・]\d{1,2})*日" + _JSUF), _explicit),
    (re.compile(r"(?<![\d年月/.数何毎約第])(?P<d>\d{1,2})(?:[、,・]\d{1,2})*日"
                r"(?!間|ぶり|目|後|前(?!後)|以内|以上|連続|余り|近く|程度|ほど|超|足らず|分|本)" + _JSUF), _explicit),
    (re.compile(rf"\b(?P<mon>{_EN_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*[-–]\s*\d{{1,2}}\b)?"
                r"(?:,?\s+(?P<y>\d{4})\b)?"), _explicit),
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_EN_MON})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?"), _explicit),
    (re.compile(r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"), _explicit),
    (re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b"), _explicit),
    (re.compile(rf"(?:{_WEEK_W}の?)?(?P<wd>[{_JA_WD}])曜日?" + r"(?:\((?P<d>\d{1,2})\))?"), _weekday),
    (re.compile(rf"(?:\b(?P<pre>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?\b(?P<wd>{'|'.join(_EN_WD)})\b"
                r"(?!s\b)(?:\s*\((?P<d>\d{1,2})\))?"), _weekday),
    (re.compile("|".join(sorted((k for k in _DAYS if k.isascii() is False), key=len, reverse=True))
                .replace("きょう", "きょう(?!だい|み)").replace("あす", "あす(?![かな])")), _relative),
    (re.compile(r"\b(?:" + "|".join(sorted((k for k in _DAYS if k.isascii()), key=len, reverse=True))
                + r")\b", re.I), _relative),
    (re.compile(rf"(?P<n>{_N})日(?P<dir>後|前)(?!後)"), _relative),
    (re.compile(rf"\b(?P<n>{_N}) days? (?P<dir>later|earlier|before|after)\b|\b(?P<dir2>in) (?P<n2>{_N}) days\b", re.I),
     lambda m: _relative(m) if m["n"] else {"kind": "relative", "offset": _num(m["n2"])}),
    (re.compile(rf"{_WEEK_W}(?P<part>前半|後半|半ば)?"), _window("week")),
    (re.compile(r"\b(?:(?P<part>early|mid-?|late|later|earlier)\s*)?"
                r"(?P<w>last|this|next|the following|the coming|the previous) week\b", re.I), _window("week")),
    (re.compile(r"(?P<w>先週|今週|来週)末|週末"), _window("weekend")),
    (re.compile(r"\b(?:(?P<w>last|this|next) weekend|over the weekend)\b", re.I), _window("weekend")),
    (re.compile(r"来?週明け"), _window("weekstart")),
    (re.compile(r"(?P<w>先月|今月|来月|再来月|翌月)(?P<part>上旬|初旬|初め|中旬|下旬|末|中|内)?"), _window("month")),
    (re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<part>上旬|初旬|初め|中旬|下旬|末)"), _window("month")),
    (re.compile(r"\b(?:(?P<part>early|mid-?|late|later|earlier|the end of|end of)\s*)?"
                r"(?P<w>last|this|next|the following) month\b", re.I), _window("month")),
    (re.compile(rf"\b(?P<part>[Ee]arly|[Mm]id-?|[Ll]ate|[Ee]nd of)\s*(?P<mon>{_EN_MON})\b"), _window("month")),
    (re.compile(rf"(?P<n>\d{{1,2}}|[一二三四五六七八九十])週間後|\bin (?P<n2>{_N}) weeks?(?:'s? time)?\b"
                rf"|\b(?P<n3>{_N}) weeks? (?:later|from now)\b", re.I),
     lambda m: {**_window("weeks")(m), "offset": 7 * _num(m["n"] or m["n2"] or m["n3"]), "ref": "anchor"}),
    (re.compile(r"(?:今後)?(?:(?P<n>数|\d{1,3})日以内|数日(?:中に|のうちに|後))|(?:今後)?(?P<h>数|\d{1,3})時間(?:以内|後|のうちに)"),
     _window("span")),
    (re.compile(r"\b(?:within the (?:coming|next)(?: few)? days|within (?:a few )?days"
                rf"|in (?:a )?few days|within (?P<n>{_N}) days)\b", re.I), lambda m: {**_window("span")(m), "offset": _num(m["n"]) if m["n"] else 5, "ref": "anchor"}),
    (re.compile(r"\b(?:(?:within|in) (?:the (?:coming|next) )?(?:few |several )?hours|in a few hours"
                r"|within (?P<h>\d{1,3}) hours)\b", re.I), _window("span")),
    (re.compile(rf"近日中?|今後(?!の)|近い将来|年内|年明け|(?:ことし|今年|来年)(?:前半|後半|中|の早い時期)?(?=に|の|中|、)|早期に|{tense.JA_SOON}"),
     lambda m: {"kind": "vague"}),
    (re.compile(r"\b(?:soon|shortly|in the near future|at an early date|in due course"
                r"|(?:in|over) the (?:coming|next)(?: few)? days"  # "in the coming days": as vague as "soon" (§4)
                r"|in the (?:coming|next few) (?:weeks|months)|later this year|early next year|next year)\b", re.I),
     lambda m: {"kind": "vague"}),
]  # fmt: skip
_YEAR_ONLY = re.compile(r"(?<!\d)(?:1[89]|20)\d\d年(?!\d)|\b(?:in|since|of|by)\s+(?:1[89]|20)\d\d\b")


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def find_time_expressions(sentence: str) -> list[TimeExpr]:
    """Find the time expressions of a Japanese or English sentence, left to right.

    Parameters
    ----------
    sentence : str
        Raw or normalised text; it is NFKC-normalised first.

    Returns
    -------
    list of TimeExpr
        Non-overlapping, offsets into the NFKC text; where patterns overlap the leftmost,
        then the longest wins (``今月17日`` over ``今月``, ``earlier today`` over ``today``).
        Years or months alone are not returned (background, not event dates).

    Examples
    --------
    >>> [(e.surface, e.kind) for e in find_time_expressions("先週の会談を受け、26日夕に回答した")]
    [('先週', 'window'), ('26日夕', 'explicit')]
    >>> find_time_expressions("ロシアは2014年、クリミアを併合した")
    []
    >>> [e.surface for e in find_time_expressions("前日の7日に会談した")]
    ['7日']
    >>> [e.surface for e in find_time_expressions("2日(日本時間3日未明)の会合で採択した")]
    ['2日']
    """
    s = _nfkc(sentence)
    found: list[tuple[int, int, int, TimeExpr]] = []
    for prio, (pat, make) in enumerate(_PATTERNS):
        for m in pat.finditer(s):
            fields = make(m) if m.end() > m.start() else None
            if fields is not None:
                expr = TimeExpr(m.start(), m.end(), m.group(), **fields)
                found.append((m.start(), m.start() - m.end(), prio, expr))
    out: list[TimeExpr] = []
    for _, _, _, e in sorted(found, key=lambda f: f[:3]):
        if not out or e.start >= out[-1].end:
            out.append(e)
    # 前日の7日, 翌日の19日: the day named spells out the relative one; it alone dates the sentence;
    # 2日(日本時間3日未明): the same moment on Japan's clock, which does not date it again
    return [e for k, e in enumerate(out) if not (
        e.kind == "relative" and k + 1 < len(out) and out[k + 1].kind == "explicit"
        and s[e.end : out[k + 1].start] in ("の", "、", "(", "（")) and not (
        k > 0 and _JST_GLOSS.fullmatch(s[out[k - 1].end : e.start]))]  # fmt: skip


_JST_GLOSS = re.compile(r"\s*[(（]\s*(?:日本時間|現地時間)(?:の|で)?\s*")


def is_year_only(sentence: str) -> bool:
    """Tell whether a sentence is dated by a year alone (background, GUIDELINES §3).

    Parameters
    ----------
    sentence : str
        Japanese or English text.

    Returns
    -------
    bool
        True when it names a year (``2014年``, "in 2014") and no day, week or month window.

    Examples
    --------
    >>> is_year_only("ロシアは2014年、クリミアを併合した"), is_year_only("2022年1月26日に会談した")
    (True, False)
    """
    s = _nfkc(sentence)
    return bool(_YEAR_ONLY.search(s)) and not any(e.kind != "vague" for e in find_time_expressions(s))
