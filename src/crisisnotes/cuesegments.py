"""Dated segments: one sentence that tells several occasions, each on its own day.

News packs a week of diplomacy into one sentence: 米ロの対話は10日に開かれる予定で、
12日にはNATOとロシアの理事会が、13日にはOSCEの会合が開かれる; "are due to meet on
Jan. 10, to be followed by Russia-NATO talks on Jan. 12 and a session at the OSCE on
Jan. 13". GUIDELINES §3 count each occasion as its own event, dated by its own day.

:func:`dated_segments` cuts such a sentence at the clause boundary between two day
expressions (Japanese: the last 、 before a day that opens a clause, 、12日には;
English: the last clause connector between two days, ``, to be followed by``,
``and held``, ``, before``). An interaction cue then takes its parties and its date
from its own segment (:func:`segment_parties`), and a segment that names two parties
and a gathering but no interaction word of its own (…とロシアの理事会が、) gets
the talks its sibling segments share (:func:`elided_cues`).

Examples
--------
>>> from crisisnotes.timeexpr import find_time_expressions as f
>>> s = "米ロの対話は10日に開かれ、12日にはNATOとロシアの理事会が開かれる。"
>>> [s[a:b] for a, b in dated_segments(s, "ja", f(s))]
['米ロの対話は10日に開かれ', '、12日にはNATOとロシアの理事会が開かれる。']
>>> s = "He visited Kyiv on Wednesday and held talks in Berlin on Thursday."
>>> [s[a:b] for a, b in dated_segments(s, "en", f(s))]
['He visited Kyiv on Wednesday', ' and held talks in Berlin on Thursday.']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .cues import Cue
from .cuescope import in_dateline
from .places import _CITY_RX, CITIES

_DAY_KINDS = ("explicit", "relative", "weekday")
_JA_OPENS = re.compile(r"(?:翌|同|前日の|翌日の)?$")  # 、翌20日には
_JA_DAY_ROLE = re.compile(r"(?:に(?:は|も)?|には|、|から|まで)")  # 12日には, 10日に: dates a clause, not 26日の会談後
_EN_CONNECTOR = re.compile(
    r",\s*(?:and(?:\s+then)?|then|before|after which|to be followed by|followed by|while)\b"
    r"|\s(?:and(?:\s+then)?|then|before)\s+(?=[a-z])"
    r"|;"
)
_JA_GATHERING = re.compile(r"(?<![電])(?:理事会|会合|会議)(?:が|は|を|も|と|、)")
_EN_GATHERING = re.compile(r"\b(?:session|(?<!National Security )council|convenes?|convened|summit)\b", re.I)  # not a domestic body
_TALKS = {"ja": ("046", "CONSULT", "multilateral"), "en": ("046", "CONSULT", "multilateral")}
_SHARED = ("visit",)
_ENDS_WITH_PLACE = re.compile(r"\d+日(?:に|には)?(?:[\u30a0-\u30ffー・]{2,12}|[\u4e00-\u9fff]{2,4})$")
_WITH_JA = re.compile(r"と(?:の)?[^、。とのが]{0,4}$")  # 英仏独の外相と協議, not NATOとロシアの理事会
_WITH_EN = re.compile(r"\bwith\b", re.I)


def _days(text: str, exprs: Sequence[Any], lang: str) -> list[Any]:
    out = []
    for e in exprs:
        if e.kind not in _DAY_KINDS or (e.day is None and e.kind == "explicit"):
            continue
        if in_dateline(text, e.start):
            continue  # a dateline dates the report
        if lang == "ja" and not _JA_DAY_ROLE.match(text, e.end):
            continue
        out.append(e)
    return out


def dated_segments(text: str, lang: str, exprs: Sequence[Any]) -> list[tuple[int, int]]:
    """Spans of ``text`` that each tell one dated occasion; ``[(0, len(text))]`` if it tells at most one.

    ``exprs`` are the sentence's time expressions (:func:`~crisisnotes.timeexpr.find_time_expressions`).
    Two days with no clause boundary between them (28日と3日に会談) stay in one segment.
    """
    days = _days(text, exprs, lang)
    cuts: list[int] = []
    for a, b in zip(days, days[1:], strict=False):
        gap = text[a.end : b.start]
        if lang == "ja":
            k = gap.rfind("、")
            if k < 0 or len(gap) - k - 1 > 10 or not _JA_OPENS.search(gap[k + 1 :]):
                continue
            cuts.append(a.end + k)
        else:
            ms = list(_EN_CONNECTOR.finditer(gap))
            if ms:
                cuts.append(a.end + ms[-1].start())
    if not cuts:
        return [(0, len(text))]
    bounds = [0, *cuts, len(text)]
    return list(zip(bounds, bounds[1:], strict=False))


def merge_empty(segments: Sequence[tuple[int, int]], cues: Sequence[Cue]) -> list[tuple[int, int]]:
    """``segments`` with a leading segment that holds no cue joined to the next.

    A first day with no interaction of its own dates the report, and its parties are the
    speaker (ラブロフ外相は27日、米国が26日に届けた回答について…: one occasion, the reply).
    A later segment without a cue keeps its parties to itself (…on Wednesday, and Russia
    will face the OSCE on Thursday).

    >>> merge_empty([(0, 5), (5, 9), (9, 12)], [Cue(6, 8, "会談", "meeting", "", "", "")])
    [(0, 9), (9, 12)]
    """
    if len(segments) < 2 or any(segments[0][0] <= c.start < segments[0][1] for c in cues):
        return list(segments)
    return merge_empty([(segments[0][0], segments[1][1]), *segments[2:]], cues)


def segment_of(segments: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The segment holding offset ``pos``."""
    return next(((a, b) for a, b in segments if a <= pos < b), segments[-1])


def segment_parties(text: str, lang: str, segments: Sequence[tuple[int, int]], parties: Sequence[Any],
                    cue_start: int, exprs: Sequence[Any]) -> list[Any]:  # fmt: skip
    """The parties a cue at ``cue_start`` may take in a sentence of several dated segments.

    Its own segment's parties, plus the sentence's subject (the parties before its first
    day of the first segment) where the segment does not name two sides of its own, or names its counterparts
    only (と会談, "talks with"): ブリンケン長官が19日、…会談し、20日には英仏独の外相と協議
    gives 英仏独 and the United States. A subject that is itself a pair (米ロの対話は…)
    is not added to a segment that names its own two sides.
    """
    if len(segments) < 2:
        return list(parties)
    a, b = segment_of(segments, cue_start)
    own = [p for p in parties if a <= p.start < b]
    head = segments[0]
    days = [e for e in _days(text, exprs, lang) if head[0] <= e.start < head[1]]
    last = days[-1].start if days else head[1]
    subject = [p for p in parties if p.start < last and not (a <= p.start < b)]
    codes = {p.code for p in own}
    pair = len({p.code for p in subject}) >= 2
    before = text[a:cue_start]
    comitative = bool(_WITH_JA.search(before)) if lang == "ja" else bool(_WITH_EN.search(text[a:b]))
    if len(codes) < 2 or (comitative and not pair):
        own += [p for p in subject if p.code not in codes or not pair]
    return own


def elided_cues(text: str, lang: str, segments: Sequence[tuple[int, int]], cues: Sequence[Cue],
                parties: Sequence[Any]) -> list[Cue]:  # fmt: skip
    """Talks told by a gathering's name alone in a segment whose verb is shared or left out.

    Only in a sentence of several dated segments where some segment has a cue: a
    segment with no cue of its own that names a gathering (理事会, 会合, "session",
    "council", "convene") and two parties of its own.
    """
    if len(segments) < 2 or not cues:
        return []
    rx = _JA_GATHERING if lang == "ja" else _EN_GATHERING
    out: list[Cue] = []
    for k, (a, b) in enumerate(segments):
        if any(a <= c.start < b for c in cues):
            continue
        nxt = next((c for c in cues if k + 1 < len(segments) and segments[k + 1][0] <= c.start < segments[k + 1][1]), None)
        if lang == "ja" and nxt is not None and nxt.mode in _SHARED and _ENDS_WITH_PLACE.search(text, a, b):
            out.append(Cue(b - 1, b - 1, "", nxt.mode, nxt.cameo, nxt.plover_event, nxt.plover_mode))
            continue  # 14日にキエフ、15日にモスクワを訪れる: the verb is shared
        prev = next((c for c in reversed(cues) if k > 0 and segments[k - 1][0] <= c.start < segments[k - 1][1]), None)
        lead = _EN_SHARED.match(text, a, b) if lang == "en" and prev is not None and prev.mode in ("meeting", "talks") else None
        if lead and any(lead.end() <= p.start <= lead.end() + 2 for p in parties):
            out.append(Cue(lead.end(), lead.end(), "", prev.mode, prev.cameo, prev.plover_event, prev.plover_mode))
            continue  # "meets the alliance on Wednesday and the OSCE on Thursday": the verb is shared
        if len({p.code for p in parties if a <= p.start < b}) < 2:
            continue
        m = rx.search(text, a, b)
        if m:
            cameo, event, mode = _TALKS[lang]
            out.append(Cue(m.start(), m.end(), m.group(), "talks", cameo, event, mode))
    return out


_EN_SHARED = re.compile(r"\s*,?\s*(?:and|then)\s+(?:with\s+|to\s+)?(?:the\s+)?")
_DAY_AND = re.compile(r"^(?:と|、|や)(?:今月|先月|前日の|翌)?$")
_EN_DAY_AND = re.compile(r"^\s*(?:and|,)\s*(?:on\s+)?$")


def coordinated_days(text: str, lang: str, exprs: Sequence[Any], cue_start: int) -> list[Any]:
    """Two day expressions joined before the cue (先月28日と今月3日にも会談, "on Friday and Sunday"), or ``[]``.

    >>> from crisisnotes.timeexpr import find_time_expressions as f
    >>> s = "両首脳は先月28日と今月3日にも電話で会談した。"
    >>> [e.surface for e in coordinated_days(s, "ja", f(s), s.index("電話"))]
    ['先月28日', '今月3日']
    """
    days = [e for e in exprs if e.kind in _DAY_KINDS and (e.day is not None or e.kind != "explicit")]
    rx = _DAY_AND if lang == "ja" else _EN_DAY_AND
    for a, b in zip(days, days[1:], strict=False):
        gap = text[a.end : b.start]
        between = text[b.end : cue_start]
        if rx.match(gap.replace(" ", "") if lang == "ja" else gap) and b.end <= cue_start and "、" not in between \
                and len(between) <= 12:
            return [a, b]
    return []


def item_days(text: str, exprs: Sequence[Any], lead: Any, counterparts: Sequence[Any]) -> list[Any]:
    """The day expression of each counterpart of a Japanese schedule told item by item
    (16日にXと、17日にはYとそれぞれ会談する), in the order given, or ``[]``.

    Each counterpart takes the last day told after ``lead`` (the acting party) and after the
    counterpart before it; every one must have its own, and they must not all be the same day.

    >>> from crisisnotes.parties import Party
    >>> from crisisnotes.timeexpr import find_time_expressions as f
    >>> s = "外相は16日にXと、17日にはYとそれぞれ会談する。"
    >>> x, y = Party("AAA", "x", s.index("X"), s.index("X") + 1), Party("BBB", "y", s.index("Y"), s.index("Y") + 1)
    >>> [e.surface for e in item_days(s, f(s), Party("CCC", "c", 0, 2), [x, y])]
    ['16日', '17日']
    """
    days = [e for e in exprs if e.kind in _DAY_KINDS and e.day is not None]
    out, lo = [], max(lead.end, 0)
    for p in sorted(counterparts, key=lambda p: p.start):
        mine = [e for e in days if lo <= e.start and e.end <= p.start]
        if p.start < 0 or not mine:
            return []
        out.append(mine[-1])
        lo = p.end
    if len({(e.start, e.end) for e in out}) < 2:
        return []
    order = sorted(counterparts, key=lambda p: p.start)
    return [out[order.index(p)] for p in counterparts]


_PAIR_GATHERING = re.compile(r"の(?:理事会|会合|会議)(?=が|は|を|で|に|も|、)")


def pair_gatherings(text: str, lang: str, parties: Sequence[Any], cues: Sequence[Cue]) -> list[Cue]:
    """Talks named as two parties' gathering (NATOとロシアの理事会が開かれた, ロシアとOSCEの会合), which
    no interaction word states: the pair names both sides, so the gathering is their talks.

    >>> from crisisnotes.parties import Party
    >>> t = "NATOとロシアの理事会が開かれた。"
    >>> [c.surface for c in pair_gatherings(t, "ja", [Party("NATO", "nato", 0, 4), Party("RUS", "rus", 5, 8)], [])]
    ['の理事会']
    """
    if lang != "ja":
        return []
    ps = sorted((p for p in parties if p.start >= 0), key=lambda p: p.start)
    out: list[Cue] = []
    for a, b in zip(ps, ps[1:], strict=False):
        gap = text[a.end : b.start]
        m = _PAIR_GATHERING.match(text, b.end) if a.code != b.code and re.fullmatch(r"(?:＝[^、。と]{1,20})?と", gap) else None
        if m and not any(c.start < m.end() and m.start() < c.end for c in cues):
            cameo, event, mode = _TALKS["ja"]
            out.append(Cue(m.start(), m.end(), m.group(), "talks", cameo, event, mode))
    return out


def legs(text: str, segments: Sequence[tuple[int, int]], exprs: Sequence[Any], codes: set[str]) -> list[tuple[str, Any]]:
    """One trip's dated legs: ``(state, time expression)`` for each dated segment naming one destination city.

    "to Kyiv on Monday and to Moscow on Tuesday for meetings with X and Y", 14日にキエフ、15日にモスクワを
    訪れ: the meetings are one at each destination, on its own day. Only cities of a state in ``codes``
    count; ``[]`` unless two or more segments each give one.

    >>> from crisisnotes.dates import find_time_expressions
    >>> t = "He will travel to Kyiv on Monday and to Moscow on Tuesday for talks."
    >>> e = find_time_expressions(t)
    >>> [(c, x.surface) for c, x in legs(t, dated_segments(t, "en", e), e, {"UKR", "RUS", "DEU"})]
    [('UKR', 'Monday'), ('RUS', 'Tuesday')]
    """
    out = []
    for a, b in segments:
        cities = {CITIES[m.group()] for m in _CITY_RX.finditer(text, a, b)} & codes
        days = [e for e in exprs if a <= e.start < b and e.kind in ("explicit", "weekday", "relative")]
        if len(cities) == 1 and len(days) == 1:
            out.append((cities.pop(), days[0]))
    return out if len(out) >= 2 and len({c for c, _ in out}) == len(out) else []


_EN_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;]{3,120}?,")


def aside_span(text: str, lang: str, pos: int, exprs: Sequence[Any]) -> tuple[int, int] | None:
    """The part of an English sentence whose time expressions ``exprs`` may date the cue at ``pos``,
    when the sentence holds an aside (", who visited Kyiv on Tuesday,") and that part names a day of
    its own: the aside for a cue inside it, else what follows it (or precedes it). None otherwise
    ("G7 leaders, who met on Thursday, warned Russia": the warning is of that meeting's day).

    >>> from crisisnotes.timeexpr import find_time_expressions as find
    >>> t = "Johnson, who visited Kyiv on Tuesday, spoke with Putin on Wednesday."
    >>> aside_span(t, "en", t.index("spoke"), find(t)) == (t.index(" spoke"), len(t))
    True
    """
    if lang != "en":
        return None
    m = _EN_ASIDE.search(text)
    if m is None:
        return None
    if m.start() <= pos < m.end():
        span = m.start(), m.end()
    else:
        span = (m.end(), len(text)) if pos >= m.end() else (0, m.start())
    own = [e for e in exprs if span[0] <= e.start < span[1] and e.kind in ("explicit", "relative", "weekday")]
    return span if own else None
