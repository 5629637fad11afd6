"""Days: one time expression resolved to a calendar day or window (GUIDELINES §4).

``resolve`` turns one :class:`~crisisnotes.timeexpr.TimeExpr` into an
:class:`EventDate` against the post's date and whether the event was held or is
planned (``26日`` of an occurred event after the post date is last month's; "Friday" is
on or before the post date for held events, on or after it for planned ones; 来週 is a
window). Which expression dates an event, and the rules for sentences without one, are
in :mod:`crisisnotes.eventdates`.

Examples
--------
>>> from crisisnotes.timeexpr import find_time_expressions
>>> resolve(find_time_expressions("26日に会談した")[0], dt.date(2022, 1, 25), status="occurred").date
datetime.date(2021, 12, 26)
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from crisisnotes.timeexpr import TimeExpr

__all__ = ["EventDate", "Status", "resolve"]

Status = Literal["occurred", "planned"]
_DAY = dt.timedelta(days=1)


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


class MonthOf(dt.date):
    """An orphan post's reference date (:func:`orphan_reference`): the last day of the month its
    text names, where a bare day (``13日``) is that month's, held or planned (GUIDELINES §4).

    >>> _day_only(13, MonthOf(2023, 1, 31), "planned")
    datetime.date(2023, 1, 13)
    >>> MonthOf(2023, 1, 31) + dt.timedelta(days=1)  # arithmetic gives plain dates
    datetime.date(2023, 2, 1)
    """

    def __add__(self, other: dt.timedelta) -> dt.date:  # type: ignore[override]
        r = dt.date.__add__(self, other)
        return dt.date(r.year, r.month, r.day) if isinstance(r, dt.date) else r

    __radd__ = __add__

    def __sub__(self, other):  # type: ignore[override]  # noqa: ANN001, ANN204
        r = dt.date.__sub__(self, other)
        return dt.date(r.year, r.month, r.day) if isinstance(r, dt.date) else r


def _day_only(d: int, ref: dt.date, status: Status) -> dt.date | None:
    """``26日``: the post's month; the previous (occurred) or next (planned) if it does not fit."""
    if type(ref) is MonthOf:
        return _safe(ref.year, ref.month, d)
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
    >>> from crisisnotes.timeexpr import find_time_expressions
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
