"""Event dates: time expressions resolved to calendar days (GUIDELINES §4).

``resolve`` (:mod:`crisisnotes.dayresolve`, re-exported here) turns one
:class:`~crisisnotes.timeexpr.TimeExpr` into an :class:`EventDate` against the post's date and
whether the event was held or is planned; ``resolve_event_date`` picks the expression that dates one interaction cue
of a sentence and applies the rules of GUIDELINES §4 to sentences without one
(same occasion, antecedent, consequent, the news, undated). Held vs planned and
the relation to an anchoring occasion come from :mod:`crisisnotes.tense`.

Examples
--------
>>> resolve_event_date("ブリンケン長官は26日、記者会見した。", dt.date(2022, 1, 27), status="occurred")
EventDate(date=datetime.date(2022, 1, 26), exact=True, window_start=None, window_end=None, source='26日')
>>> resolve_event_date("来週訪問する予定だ。", dt.date(2022, 1, 26), status="planned").window_end
datetime.date(2022, 2, 6)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Literal

from crisisnotes import tense
from crisisnotes.dayresolve import EventDate, MonthOf, Status, resolve
from crisisnotes.relation import relation_marker
from crisisnotes.text import guess_lang
from crisisnotes.timeexpr import TimeExpr, _nfkc, find_time_expressions

__all__ = ["EventDate", "Status", "resolve", "resolve_event_date"]
_DAY = dt.timedelta(days=1)

_REPORT = re.compile(r"\b(?:said|says|announced|told|stated|confirmed|agreed|decided|pledged|promised)\b", re.I)


def _dates_the_report(s: str, e: TimeExpr, cue_start: int, en: bool) -> bool:
    """A planned cue in a reported clause; ``e`` dates the report (外相は27日、…同意したと述べた)."""
    if e.end > cue_start or (e.kind in ("relative", "window") and e.offset > 0):
        return False  # 明日 or 来週 dates what is to come, not the report
    if en:
        return bool(_REPORT.search(s, max(0, e.start - 12), cue_start))
    return s[e.end : e.end + 1] == "、" and tense.main_status(s) == "occurred"


_PARTICLE_END = re.compile(r"(?:は|が|も|を|に|で|と)$")  # 交渉が、きのう(7日)…行われた: the comma follows a particle
_TOPIC_THEN_DAY = re.compile(r"^[^、。\d]{1,10}?(?:は|も)、?$")


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
    topic_day = next((e for e in pool if e.start > cue_start and _TOPIC_THEN_DAY.match(s[cue_start : e.start])), None)
    if not en and topic_day is not None:
        return topic_day  # 電話会談も明日行われる: the cue is the topic, its day follows it
    if not en and before:
        return before[-1]
    after = [e for e in pool if e.start >= cue_start and (en or "、" not in s[cue_start : e.start])]
    comma = s.find("、", cue_start)
    if not en and not after and comma != -1 and not _PARTICLE_END.search(s, cue_start, comma):
        return None  # 会談、あすモスクワへ: a day after the cue's clause has ended dates the next clause
    if en and before and after and re.search(r"\band\b", s[before[-1].end : cue_start]):
        return after[0]  # "fly to X on Friday and meet Y on Saturday": the day after the cue's own verb
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
        if anchor.source == "rule:consequent":  # 会談のあと…面会。このあと…会談する: after the same exact day
            return EventDate(anchor.date, False, anchor.date, anchor.date + 2 * _DAY, "rule:consequent")
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
    span: tuple[int, int] | None = None,
    only: tuple[int, int] | None = None,
) -> EventDate:
    """Date the event whose cue starts at ``cue_start`` in ``sentence`` (GUIDELINES §4).

    Parameters
    ----------
    sentence : str
        The evidence sentence (offsets refer to its NFKC form).
    post_date : datetime.date or None
        The post's attribution date.
    status : {"occurred", "planned"}
        From :func:`~crisisnotes.tense.guess_status` or the caller.
    cue_start : int, optional
        Offset of the interaction cue word; picks the expression in the cue's quote scope
        and clause, nearest before it (Japanese) or nearest either side (English). For a
        planned cue in a reported clause, the report's date (外相は27日、…同意したと述べた;
        "said on Sunday that ...") is skipped.
    anchor : EventDate, optional
        The dated occasion of the post the event continues or relates to; also what
        翌日/前日/翌週/N週間後 count from when the sentence has no explicit day of its own.
    relation : {"same", "antecedent", "consequent", "news"}, optional
        From :func:`~crisisnotes.relation.relation_to_anchor` or the caller.
    span : (int, int), optional
        The cue's dated segment (:func:`~crisisnotes.cuesegments.dated_segments`) in a
        sentence telling several occasions: the expression is picked from it.
    only : (int, int), optional
        Only expressions in this span may date the cue (one segment of a headline:
        ショルツ首相がキエフで会談 きょうはモスクワへ — きょう dates the trip, not the meeting).

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
    inside = [e for e in exprs if span is not None and span[0] <= e.start < span[1]
              and e.kind in ("explicit", "relative", "weekday")]  # the segment's own day
    if only is not None:
        exprs = [e for e in exprs if only[0] <= e.start < only[1]]
    chosen = _pick(s, inside or exprs, cue_start, status)
    others = [e for e in exprs if e is not chosen and e.kind == "explicit" and e.ref == "post"]
    # an explicit day before the chosen expression dates the occasion it counts from
    # (26日、…協議を開き、2週間後に再び協議): that occasion has happened
    ref_status: Status = "occurred" if others and chosen is not None and others[0].start < chosen.start else status
    ref = resolve(others[0], post_date, status=ref_status).date if others else None
    ref = ref or (anchor.date if anchor else None)
    if chosen is not None and relation in ("antecedent", "consequent"):
        mk = relation_marker(s, cue_start)
        cue = len(s) if cue_start is None else cue_start

        def side(x: int) -> str:
            return "" if mk is None else "p" if mk[1][0] <= x < mk[1][1] else "q"

        topic_date = s[max(0, chosen.start - 1) : chosen.start] in ("は", "が") and s[chosen.end : chosen.end + 1] == "、"
        if not topic_date and (mk is None or side(chosen.start) != side(cue)):  # Xは25日、…を前に: the main clause's date
            occasion = resolve(chosen, post_date, status=status, anchor=ref)
            return _by_rule(relation, occasion, status, post_date)
    if chosen is not None:
        return resolve(chosen, post_date, status=status, anchor=ref)
    return _by_rule(relation, anchor, status, post_date)


def orphan_reference(texts: list[str]) -> dt.date | None:
    """The date an orphan post (no attribution, no post date) resolves day references against.

    GUIDELINES §4: the latest explicit year and month in its own text. The day returned is
    that month's last, so a day of that month (``10日``) stays in it and ``先月17日`` is the
    month before.

    >>> orphan_reference(["首相は2022年2月1日に訪れた。", "10日には会談した。"])
    MonthOf(2022, 2, 28)
    >>> orphan_reference(["no date here"]) is None
    True
    """
    found = [
        (e.year, e.month)
        for t in texts
        for e in find_time_expressions(t)
        if e.kind == "explicit" and e.year and e.month
    ]
    if not found:
        return None
    year, month = max(found)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return MonthOf(last.year, last.month, last.day)
