"""How an event stands to a dated occasion told in its sentence (GUIDELINES §4, rules 1-3).

``relation_to_anchor`` says whether the cue's event is the ``same`` occasion as a
dated one, an ``antecedent`` or a ``consequent`` of it; ``relation_marker`` also
gives the spans of both sides of the marker (会談後, "after meeting X", に先立ち,
その上で, "had consulted"). Quotes are scopes of their own, as in :mod:`crisisnotes.tense`.

Examples
--------
>>> relation_to_anchor("会談後、記者団に述べた。", 8)
'consequent'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, TypeVar

from .tense import clause_span, scope_ids

Relation = Literal["same", "antecedent", "consequent"]
T = TypeVar("T")

_MARKERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:会談|協議|会合|会議|会見|訪問|通話|終了|これ|それ)の?(?:後|あと|直後)"
                r"|(?<=[たっだ])(?:後|あと)|\bafter\b|\bfollowing\b(?=\s+(?:the|a|his|her|their)\b)",
                re.I), "after"),
    (re.compile(r"に(?:当|あ)た(?:り|って)|に先立(?:ち|って)|を前に|(?<=[るうく])前に|事前に"
                r"|\bbefore\b|\bahead of\b|\bprior to\b|\bin preparation for\b", re.I), "before"),
    (re.compile(r"その後|この(?:後|あと)|(?<![^、。\s])続いて(?=、)|\bafterwards?\b|(?<!since )(?<!by )\bthen\b"
                r"|\bsubsequently\b|\blater\b(?!\s+(?:today|this|that|in))", re.I), "then"),
    (re.compile(r"[そた]の?(?:上|うえ)で|その際|同じ(?:会見|会談|インタビュー)で"
                r"|(?:記者会見|会見|インタビュー|電話会談|会談|声明)で(?:は)?"
                r"|\b(?:in|at|during)\s+(?:the|that)\s+(?:same\s+)?(?:call|meeting|talks|interview"
                r"|press conference|news conference|briefing|statement)\b", re.I), "same"),
    (re.compile(r"\bhad\s+(?:\w+ly\s+)?\w+\b", re.I), "had"),
    (re.compile(r"\bbrief\w*\b[^.;]*?\bon\s+(?:the|their|his|her|this)\s+"
                r"(?:call|talks?|meeting|conversation)\b", re.I), "brief"),
)  # fmt: skip
_RELATION: dict[tuple[str, str], Relation] = {
    ("after", "p"): "antecedent", ("after", "q"): "consequent",
    ("before", "p"): "consequent", ("before", "q"): "antecedent",
    ("then", "q"): "consequent", ("same", "q"): "same",
    ("had", "q"): "antecedent", ("brief", "q"): "consequent",
}  # fmt: skip



def relation_marker(
    sentence: str, cue_start: int | None = None
) -> tuple[Relation, tuple[int, int], tuple[int, int]] | None:
    """Find the marker relating the cue's event to another occasion, with both its sides.

    Parameters
    ----------
    sentence : str
        Japanese or English text (NFKC-normalised here).
    cue_start : int, optional
        Offset of the cue word; the marker nearest to it in its clause is used.

    Returns
    -------
    tuple or None
        ``(relation, p, q)``: ``p`` is the span of the subordinate side (the occasion of
        会談後 / "after meeting X" / 〜に当たり), ``q`` of the main side; the relation is the
        one of the side the cue is on (``q`` without a cue). None when no marker applies.

    Examples
    --------
    >>> relation_marker("After meeting Scholz, Macron flew to Berlin", 30)
    ('consequent', (5, 20), (20, 43))
    """
    s = unicodedata.normalize("NFKC", sentence)
    if not s:
        return None
    ids = scope_ids(s)
    cid = ids[min(cue_start, len(s) - 1)] if cue_start is not None else None
    best: tuple[int, re.Match[str], str] | None = None
    for pat, typ in _MARKERS:
        for m in pat.finditer(s):
            if cid is not None and ids[m.start()] != cid:
                continue
            if cue_start is None:
                dist = m.start()
            elif m.start() <= cue_start < m.end():
                dist = 0
            elif typ in ("had", "brief"):
                continue
            else:
                dist = abs(cue_start - m.start())
            if best is None or dist < best[0]:
                best = (dist, m, typ)
    if best is None:
        return None
    _, m, typ = best
    lo, hi = clause_span(ids, m.start())
    if typ in ("had", "brief"):
        p, q = (m.start(), m.start()), (lo, hi)
    elif typ in ("then", "same") or not m.group().isascii():
        p, q = (lo, m.end()), (m.end(), hi)
    elif not s[lo : m.start()].strip(" ,"):
        comma = s.find(",", m.end(), hi)
        p = (m.end(), comma if comma != -1 else hi)
        q = (p[1], hi)
    else:
        p, q = (m.end(), hi), (lo, m.start())
    side = "p" if cue_start is not None and p[0] <= cue_start < p[1] else "q"
    rel = _RELATION.get((typ, side))
    return (rel, p, q) if rel else None


def relation_to_anchor(sentence: str, cue_start: int | None = None) -> Relation | None:
    """Say how the cue's event stands to a dated occasion named in the sentence.

    Parameters
    ----------
    sentence : str
        Japanese or English text (NFKC-normalised here).
    cue_start : int, optional
        Offset of the cue word; without it the cue is taken to be in the main clause.

    Returns
    -------
    {"same", "antecedent", "consequent"} or None
        ``consequent``: 会談後, その後, afterwards, then, after the call (cue in the main
        clause), "will brief allies on the call"; ``antecedent``: 〜に当たり, 〜を前に,
        〜に先立ち, "after meeting X" (cue inside the after-phrase), "had consulted";
        ``same``: その上で, 会見で, "in the same interview". None without such a marker.

    Examples
    --------
    >>> relation_to_anchor("米国はロシアに回答するに当たり、同盟国と見解を調整したと表明。", 23)
    'antecedent'
    >>> relation_to_anchor("Macron met Scholz, then flew on to Berlin", 24)
    'consequent'
    >>> relation_to_anchor("Biden spoke with Putin") is None
    True
    """
    found = relation_marker(sentence, cue_start)
    return found[0] if found else None


_OCCASIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"電話(?:会談|協議)?|通話|テレビ会議|\b(?:phone|video)?\s?call\b", re.I), ("phone_call",)),
    (re.compile(r"会談|首脳会議|\bmeeting\b|\bsummit\b", re.I), ("meeting", "phone_call")),
    (re.compile(r"協議|交渉|対話|会合|会議|\btalks\b|\bnegotiations\b", re.I), ("talks", "meeting")),
    (re.compile(r"訪問|訪れ|\bvisit\b|\btrip\b", re.I), ("visit", "meeting")),
)  # fmt: skip


def named_occasion(sentence: str, cue_start: int | None, told: list[tuple[str, T]]) -> tuple[Relation, T] | None:
    """The occasion a before/after marker names by its kind (協議のあと, 会談に先立ち, "after the call"), among those told.

    GUIDELINES §4 rules 2-3 count from the occasion the marker refers to, which is not always the
    last one dated: 前日の9日夜にも会談 … 協議のあと記者会見した refers to the talks of the 10th.

    Parameters
    ----------
    sentence : str
        Japanese or English text (NFKC-normalised here).
    cue_start : int or None
        Offset of the cue word, as for :func:`relation_marker`.
    told : list of (mode, value)
        The occasions told so far in the post, in order, each with its mode.

    Returns
    -------
    (relation, value) or None
        The relation (``antecedent`` or ``consequent``) and the value of the last occasion told
        of the kind the marker's noun names (its first mode first); None without such a marker or occasion.

    Examples
    --------
    >>> named_occasion("協議のあと記者会見した次官は要求した。", 14, [("talks", "10th"), ("meeting", "9th")])
    ('consequent', '10th')
    >>> named_occasion("Before the call, Sullivan briefed allies.", 26, [("meeting", "x")]) is None
    True
    """
    if not told:
        return None
    found = relation_marker(sentence, cue_start)
    if found is None or found[0] not in ("antecedent", "consequent"):
        return None
    s = unicodedata.normalize("NFKC", sentence)
    side = s[found[1][0] : found[1][1]]
    nouns = [(m, modes) for rx, modes in _OCCASIONS for m in rx.finditer(side)]
    if not nouns:
        return None
    # the noun nearest the marker: the last of a Japanese phrase (…との協議のあと), the first of an English one
    _, modes = max(nouns, key=lambda x: x[0].start()) if not side.isascii() else min(nouns, key=lambda x: x[0].start())
    for want in modes:  # the marker's own kind first: 協議のあと is the talks, not a dinner meeting told after them
        fits = [v for mode, v in told if mode == want]
        if fits:
            return found[0], fits[-1]
    return None


_DAY_OF = re.compile(r"([\u4e00-\u9fff\u30a0-\u30ffー]{2,6})の(?:前日|翌日)")


def occasion_day(sentence: str, dated: list[tuple[str, T]]) -> T | None:
    """The date of the occasion a Japanese 前日/翌日 names by its noun (採択の前日), among the dated
    sentences told before (``dated``: each sentence's NFKC text and its date, in order), or None.

    前日 counts from the occasion it names (GUIDELINES §4, relative days), which is not always the
    last one dated: …2日に決議を採択した。…2月25日に…。採択の前日には… is the 1st.

    >>> occasion_day("採択の前日には電話で会談した。", [("2日に決議を採択した。", "2nd"), ("25日に否決された。", "25th")])
    '2nd'
    >>> occasion_day("前日には電話で会談した。", [("2日に決議を採択した。", "2nd")]) is None
    True
    """
    m = _DAY_OF.search(unicodedata.normalize("NFKC", sentence))
    if m is None:
        return None
    noun = m.group(1)
    return next((day for text, day in reversed(dated) if noun in text), None)
