"""Dates in Japanese and English: attribution dates and dates in running text.

Attribution dates (the ``DATE`` of ``— NAME (@handle) DATE``) are absolute.
Dates in sentences are found by ``find_time_expressions``, turned into dates by
``resolve`` against the post's date, and chosen for one event by
``resolve_event_date``, which also applies the rules of GUIDELINES §4 for
sentences without a time expression. Held vs planned and the relation to an
anchoring occasion live in :mod:`crisisnotes.tense` (re-exported here).

Assumptions: sentences are NFKC-normalised first and every offset is an offset
into the NFKC text (the ``norm`` column); days are read from arabic digits only
(plus 一-十 in ``N週間後``/``N日後``); no dictionary or tokenizer is used. A year
alone (``2014年``, "in 2014") or a month alone (``3月``, "in March") is
background, not an event date: ``find_time_expressions`` does not return it and
``is_year_only`` flags sentences dated only by a year.

Examples
--------
>>> parse_attribution_date("2022年1月26日")
datetime.date(2022, 1, 26)
>>> parse_attribution_date("Feb. 24, 2022")
datetime.date(2022, 2, 24)
>>> parse_attribution_date("24 February 2022")
datetime.date(2022, 2, 24)
>>> resolve_event_date("ブリンケン長官は26日、記者会見した。", dt.date(2022, 1, 27), status="occurred")
EventDate(date=datetime.date(2022, 1, 26), exact=True, window_start=None, window_end=None, source='26日')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from crisisnotes import tense
from crisisnotes.text import guess_lang

guess_status = tense.guess_status  # re-exported: held vs planned lives in crisisnotes.tense
relation_to_anchor = tense.relation_to_anchor

__all__ = [
    "MONTHS", "DateError", "EventDate", "TimeExpr", "find_time_expressions", "guess_status",
    "is_year_only", "parse_attribution_date", "relation_to_anchor", "resolve", "resolve_event_date",
]  # fmt: skip

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
ATTRIBUTION_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"),
)
"""Regular expressions for a whole attribution date (applied to NFKC text)."""


class DateError(ValueError):
    """A string looks like a date but names an impossible day (``2022年2月30日``)."""


def parse_attribution_date(s: str) -> dt.date | None:
    """Parse an absolute date written as an attribution date.

    Full-width digits are folded first. Returns ``None`` when ``s`` holds no
    date; raises :class:`DateError` for an impossible one.

    >>> parse_attribution_date("２０２２年２月２４日")
    datetime.date(2022, 2, 24)
    >>> parse_attribution_date("yesterday") is None
    True
    """
    t = unicodedata.normalize("NFKC", s).strip()
    for pat in ATTRIBUTION_DATE_PATTERNS:
        m = pat.fullmatch(t)
        if not m:
            continue
        g = m.groupdict()
        month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
        try:
            return dt.date(int(g["y"]), month, int(g["d"]))
        except ValueError as e:
            raise DateError(f"impossible date {s!r}: {e}") from None
    return None


# ---------------------------------------------------------------- dates in sentences
Kind = Literal["explicit", "weekday", "relative", "window", "vague"]
Status = Literal["occurred", "planned"]
_DAY = dt.timedelta(days=1)


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


@dataclass(frozen=True)
class EventDate:
    """The date of an event: an exact day, a window (inexact), or unknown (``date=None``).

    Attributes
    ----------
    date : datetime.date or None
        The day, or the first day of the window (N週間後: its middle).
    exact : bool
        True for a day given in the text (explicit, weekday, relative).
    window_start, window_end : datetime.date or None
        The window of an inexact date, both ends included.
    source : str
        The surface text, or the rule that gave the date (``rule:same``, ``rule:antecedent``,
        ``rule:consequent``, ``rule:news``, ``rule:undated``).

    Examples
    --------
    >>> EventDate(dt.date(2022, 1, 26), True, source="26日").exact
    True
    """

    date: dt.date | None
    exact: bool
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    source: str = ""


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
    (0, "同日,当日,the same day,that day,that same day"), (1, "翌日,the next day,the following day,a day later"),
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
    (re.compile(r"\b(?:(?:in|over|within) the (?:coming|next)(?: few)? days|within (?:a few )?days"
                rf"|in (?:a )?few days|within (?P<n>{_N}) days)\b", re.I), lambda m: {**_window("span")(m), "offset": _num(m["n"]) if m["n"] else 5, "ref": "anchor"}),
    (re.compile(r"\b(?:(?:within|in) (?:the (?:coming|next) )?(?:few |several )?hours|in a few hours"
                r"|within (?P<h>\d{1,3}) hours)\b", re.I), _window("span")),
    (re.compile(rf"近日中?|今後(?!の)|近い将来|{tense.JA_SOON}"), lambda m: {"kind": "vague"}),
    (re.compile(r"\b(?:soon|shortly|in the near future|at an early date|in due course"
                r"|in the (?:coming|next few) weeks)\b", re.I), lambda m: {"kind": "vague"}),
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
    return out


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


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    y, m0 = divmod(y * 12 + m - 1 + k, 12)
    return y, m0 + 1


def _fits(c: dt.date, ref: dt.date, status: Status) -> bool:
    return c <= ref if status == "occurred" else c >= ref


def _day_only(d: int, ref: dt.date, status: Status) -> dt.date | None:
    """``26日``: the post's month; the previous (occurred) or next (planned) if it does not fit."""
    y, m = ref.year, ref.month
    for _ in range(13):
        c = _safe(y, m, d)
        if c and _fits(c, ref, status):
            return c
        y, m = _add_months(y, m, -1 if status == "occurred" else 1)
    return None


def _month_day(m: int, d: int, ref: dt.date, status: Status) -> dt.date | None:
    """``1月26日`` without a year: the year that fits the status within 300 days, else the nearest."""
    cands = [c for y in (ref.year - 1, ref.year, ref.year + 1) if (c := _safe(y, m, d))]
    fit = [c for c in cands if _fits(c, ref, status) and abs((c - ref).days) <= 300]
    return min(fit or cands, key=lambda c: abs((c - ref).days), default=None)


def _on_weekday(e: TimeExpr, ref: dt.date, status: Status) -> dt.date:
    wd = e.weekday or 0
    if e.rule == "week":
        return ref - ref.weekday() * _DAY + dt.timedelta(weeks=e.offset, days=wd)
    if e.part == "last":
        return ref - ((ref.weekday() - wd) % 7 or 7) * _DAY
    if e.part == "next":
        return ref + ((wd - ref.weekday()) % 7 or 7) * _DAY
    if status == "occurred":
        c = ref - ((ref.weekday() - wd) % 7) * _DAY
    else:
        c = ref + ((wd - ref.weekday()) % 7) * _DAY
    if e.day and c.day != e.day and (alt := _day_only(e.day, ref, status)) and alt.weekday() == wd:
        return alt
    return c


def _window_of(e: TimeExpr, ref: dt.date, status: Status) -> tuple[dt.date, dt.date, dt.date]:
    monday = ref - ref.weekday() * _DAY
    if e.rule == "weeks":
        c = ref + e.offset * _DAY
        return c, c - 3 * _DAY, c + 3 * _DAY
    if e.rule == "span":
        return ref, ref, ref + max(e.offset, 1) * _DAY
    if e.rule == "weekstart":
        mon = ref + ((-ref.weekday()) % 7) * _DAY if status == "planned" else monday
        return mon, mon, mon + _DAY
    if e.rule == "weekend":
        sat = monday + dt.timedelta(weeks=e.offset, days=5)
        if e.offset == 0 and status == "occurred" and sat > ref:
            sat -= dt.timedelta(weeks=1)
        return sat, sat, sat + _DAY
    if e.rule == "week":
        lo, hi = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}.get(e.part, (0, 6))
        start = monday + dt.timedelta(weeks=e.offset)
        ws, we = start + lo * _DAY, start + hi * _DAY
    else:  # month
        if e.month:
            mid = {"early": 5, "mid": 15, "late": 25}.get(e.part, 15)
            y = e.year or (_month_day(e.month, mid, ref, status) or ref).year
            m = e.month
        else:
            y, m = _add_months(ref.year, ref.month, e.offset)
        last = calendar.monthrange(y, m)[1]
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(e.part, (1, last))
        ws, we = dt.date(y, m, lo), dt.date(y, m, hi)
    current = e.offset == 0 and not e.month and e.part not in ("early", "mid", "late")
    if current and ws <= ref <= we:  # this week/month, earlier/later this week: clip at ref
        if e.part == "before" or (not e.part and status == "occurred"):
            we = ref
        else:
            ws = ref
    return ws, ws, we


def resolve(
    expr: TimeExpr, post_date: dt.date | None, *, status: Status, anchor: dt.date | None = None
) -> EventDate:
    """Turn a time expression into an :class:`EventDate`, following GUIDELINES §4.

    Parameters
    ----------
    expr : TimeExpr
        From :func:`find_time_expressions`.
    post_date : datetime.date or None
        The post's date; without it only a full ``2022年1月26日`` resolves.
    status : {"occurred", "planned"}
        Chooses the month of ``26日`` and the day of "Friday" (on/before or on/after).
    anchor : datetime.date, optional
        What 前日/翌日/翌週/N週間後 count from (the post date when omitted).

    Returns
    -------
    EventDate
        This week/month without a part is clipped at the post date (up to it for occurred
        events, from it for planned ones); ``1月26日`` takes the year that fits the status
        within 300 days, else the nearest.

    Examples
    --------
    >>> e = find_time_expressions("来月上旬に訪問する")[0]
    >>> resolve(e, dt.date(2022, 1, 27), status="planned")
    EventDate(date=datetime.date(2022, 2, 1), exact=False, window_start=datetime.date(2022, 2, 1), window_end=datetime.date(2022, 2, 10), source='来月上旬')
    """
    ref = anchor if expr.ref == "anchor" and anchor else post_date
    src = expr.surface
    if expr.kind == "explicit" and expr.year and expr.month:
        d = _safe(expr.year, expr.month, expr.day or 0)
        return EventDate(d, d is not None, source=src)
    if expr.kind == "vague" or ref is None:
        return EventDate(None, False, source=src)
    if expr.kind == "explicit":
        if expr.rule == "month":
            d = _safe(*_add_months(ref.year, ref.month, expr.offset), expr.day or 0)
        elif expr.month:
            d = _month_day(expr.month, expr.day or 0, ref, status)
        else:
            d = _day_only(expr.day or 0, ref, status)
        return EventDate(d, d is not None, source=src)
    if expr.kind == "weekday":
        return EventDate(_on_weekday(expr, ref, status), True, source=src)
    if expr.kind == "relative":
        return EventDate(ref + expr.offset * _DAY, True, source=src)
    d, ws, we = _window_of(expr, ref, status)
    return EventDate(d, False, ws, we, source=src)


_REPORT = re.compile(r"\b(?:said|says|announced|told|stated|confirmed)\b", re.I)


def _dates_the_report(s: str, e: TimeExpr, cue_start: int, en: bool) -> bool:
    """A planned cue in a reported clause; ``e`` dates the report (外相は27日、…同意したと述べた)."""
    if e.end > cue_start:
        return False
    if en:
        return bool(_REPORT.search(s, max(0, e.start - 12), cue_start))
    return s[e.end : e.end + 1] == "、" and tense.main_status(s) == "occurred"


def _pick(s: str, exprs: list[TimeExpr], cue_start: int | None, status: Status) -> TimeExpr | None:
    """The expression for the cue: same quote scope, same clause if any; nearest before (ja)."""
    if not exprs:
        return None
    ids, en = tense.scope_ids(s), guess_lang(s) == "en"
    if cue_start is None:
        return next((e for e in exprs if ids[e.start] < 0), exprs[0])
    cid = ids[min(max(cue_start, 0), len(s) - 1)]
    pool = [e for e in exprs if tense.same_scope(ids[e.start], cid)]
    if status == "planned":
        pool = [e for e in pool if not _dates_the_report(s, e, cue_start, en)]
    pool = [e for e in pool if ids[e.start] == cid] or pool
    if not pool:
        return None
    before = [e for e in pool if e.end <= cue_start]
    if not en and before:
        return before[-1]
    return min(pool, key=lambda e: cue_start - e.end if e.end <= cue_start else e.start - cue_start)


def _by_rule(relation: str | None, anchor: EventDate | None, status: Status,
             post_date: dt.date | None) -> EventDate:  # fmt: skip
    """GUIDELINES §4, sentences with no time expression, rules 1-5."""
    if relation == "same" and anchor is not None:
        return replace(anchor, source="rule:same")
    if relation in ("antecedent", "consequent") and anchor is not None and anchor.date:
        lo, hi = anchor.window_start or anchor.date, anchor.window_end or anchor.date
        if relation == "antecedent":
            return EventDate(anchor.date, False, lo - 2 * _DAY, hi, "rule:antecedent")
        if anchor.exact or status == "occurred":
            return EventDate(anchor.date, False, lo, hi + 2 * _DAY, "rule:consequent")
    if status == "planned" or post_date is None:
        return EventDate(None, False, source="rule:undated")
    return EventDate(post_date, False, post_date - 2 * _DAY, post_date, "rule:news")


def resolve_event_date(
    sentence: str,
    post_date: dt.date | None,
    *,
    status: Status,
    cue_start: int | None = None,
    anchor: EventDate | None = None,
    relation: Literal["same", "antecedent", "consequent", "news"] | None = None,
) -> EventDate:
    """Date the event whose cue starts at ``cue_start`` in ``sentence`` (GUIDELINES §4).

    Parameters
    ----------
    sentence : str
        The evidence sentence (offsets refer to its NFKC form).
    post_date : datetime.date or None
        The post's attribution date.
    status : {"occurred", "planned"}
        From :func:`guess_status` or the caller.
    cue_start : int, optional
        Offset of the interaction cue word; picks the expression in the cue's quote scope
        and clause, nearest before it (Japanese) or nearest either side (English). For a
        planned cue in a reported clause, the report's date (外相は27日、…同意したと述べた;
        "said on Sunday that ...") is skipped.
    anchor : EventDate, optional
        The dated occasion of the post the event continues or relates to; also what
        翌日/前日/翌週/N週間後 count from when the sentence has no explicit day of its own.
    relation : {"same", "antecedent", "consequent", "news"}, optional
        From :func:`relation_to_anchor` or the caller.

    Returns
    -------
    EventDate
        With a time expression: that expression resolved; but for ``antecedent`` or
        ``consequent`` an expression on the other side of the marker (``26日の会談後``), or
        in a sentence without a marker, dates the occasion and rules 2/3 apply to it.
        Without one: ``same`` inherits ``anchor`` (rule 1); ``antecedent`` gives
        [anchor-2, anchor] (rule 2); ``consequent`` of an exact anchor [anchor, anchor+2]
        (rule 3); otherwise an occurred event is the news, [post-2, post] (rule 4), and a
        planned one is undated (rule 5).

    Examples
    --------
    >>> resolve_event_date("NATOも書面で回答したと表明。", dt.date(2022, 1, 26), status="occurred")
    EventDate(date=datetime.date(2022, 1, 26), exact=False, window_start=datetime.date(2022, 1, 24), window_end=datetime.date(2022, 1, 26), source='rule:news')
    >>> resolve_event_date("近く協議が行われる見通し。", dt.date(2022, 1, 26), status="planned").date is None
    True
    """
    s = _nfkc(sentence)
    exprs = find_time_expressions(s)
    chosen = _pick(s, exprs, cue_start, status)
    others = [e for e in exprs if e is not chosen and e.kind == "explicit" and e.ref == "post"]
    # an explicit day before the chosen expression dates the occasion it counts from
    # (26日、…協議を開き、2週間後に再び協議): that occasion has happened
    ref_status: Status = "occurred" if others and chosen is not None and others[0].start < chosen.start else status
    ref = resolve(others[0], post_date, status=ref_status).date if others else None
    ref = ref or (anchor.date if anchor else None)
    if chosen is not None and relation in ("antecedent", "consequent"):
        mk = tense.relation_marker(s, cue_start)
        cue = len(s) if cue_start is None else cue_start

        def side(x: int) -> str:
            return "" if mk is None else "p" if mk[1][0] <= x < mk[1][1] else "q"

        if mk is None or side(chosen.start) != side(cue):
            occasion = resolve(chosen, post_date, status=status, anchor=ref)
            return _by_rule(relation, occasion, status, post_date)
    if chosen is not None:
        return resolve(chosen, post_date, status=status, anchor=ref)
    return _by_rule(relation, anchor, status, post_date)
