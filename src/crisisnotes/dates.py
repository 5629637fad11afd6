"""Dates in Japanese and English: attribution dates and dates in running text.

Attribution dates (the ``DATE`` of ``— NAME (@handle) DATE``) are absolute.
Dates in sentences are resolved against the post's date (see
``resolve_event_date``).

Examples
--------
>>> parse_attribution_date("2022年1月26日")
datetime.date(2022, 1, 26)
>>> parse_attribution_date("Feb. 24, 2022")
datetime.date(2022, 2, 24)
>>> parse_attribution_date("24 February 2022")
datetime.date(2022, 2, 24)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

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
