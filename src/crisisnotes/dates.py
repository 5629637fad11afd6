"""Dates in Japanese and English: attribution dates and dates in running text.

Attribution dates (the ``DATE`` of ``— NAME (@handle) DATE``) are absolute and
parsed here. Dates in sentences are found by ``find_time_expressions``
(:mod:`crisisnotes.timeexpr`), turned into dates by ``resolve`` against the post's
date, and chosen for one event by ``resolve_event_date``, which also applies the
rules of GUIDELINES §4 for sentences without a time expression
(:mod:`crisisnotes.eventdates`). Held vs planned and the relation to an anchoring
occasion live in :mod:`crisisnotes.tense` and :mod:`crisisnotes.relation`. All of these are re-exported here, so
``from crisisnotes.dates import resolve_event_date`` keeps working.

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

import datetime as dt
import re
import unicodedata

from crisisnotes import relation, tense
from crisisnotes.eventdates import EventDate, orphan_reference, resolve, resolve_event_date
from crisisnotes.eventdates import Status as Status  # re-exported (moved)
from crisisnotes.timeexpr import MONTHS, TimeExpr, find_time_expressions, is_year_only
from crisisnotes.timeexpr import Kind as Kind  # re-exported (moved)

guess_status = tense.guess_status  # re-exported: held vs planned lives in crisisnotes.tense
relation_to_anchor = relation.relation_to_anchor  # re-exported: lives in crisisnotes.relation

__all__ = [
    "MONTHS", "DateError", "EventDate", "TimeExpr", "find_time_expressions", "guess_status",
    "is_year_only", "orphan_reference", "parse_attribution_date", "relation_to_anchor", "resolve", "resolve_event_date",
]  # fmt: skip

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
