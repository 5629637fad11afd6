"""Held or planned (Japanese and English), and the quote and clause scopes both rules read.

``guess_status`` reads the clause around an interaction cue and says whether
the interaction ``occurred`` or is ``planned`` (GUIDELINES §3 *status*); how an
event stands to a dated occasion is :mod:`crisisnotes.relation`.
It works on NFKC text; offsets (``cue_start``, ``cue_end``) are offsets into
the NFKC form of the sentence, i.e. into the ``norm`` column.

Assumptions: rules only (no tokenizer); quoted speech (「」『』“” and ASCII
quotes) is a scope of its own; a clause ends at 。 ; ! ? , at a contrastive
``〜たが、``/``〜ほか、``/``一方、`` and at an English ``, and``/``, but`` clause.

Examples
--------
>>> guess_status("米中外相が電話会談へ", 9)
'planned'
>>> guess_status("Biden spoke with Putin on Friday", 11)
'occurred'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from crisisnotes.text import guess_lang

Status = Literal["occurred", "planned"]

JA_SOON = r"(?<![^、。「『\sはもがをでと])近く(?![のにでへまを])"
"""``近く`` as "soon" (not "near": 国境近くで, 1000人近く, 近くの)."""
JA_PLAN_WORDS = r"予定|見通し|見込み|方針|意向|計画|段取り|運び(?:だ|となっ|です)|ことにな[るっ]"
"""Nouns and phrases that make a Japanese clause a plan (会談する予定, 協議に臨む段取り, 訪れることになった)."""

_OPEN, _CLOSE = "「『“", "」』”"
_BREAK = re.compile(
    r"[。;!?]|(?<=[たるすだ])(?:が|ほか)、|一方で?、"
    r"|,\s+(?:and|but|while|whereas)\s+|\s+and\s+(?=(?:he|she|they|it|we|then|will|would)\b)"
)
_PAST = (
    r"先々週|先週|先月|昨日|きのう|昨夜|昨晩|一昨日|先日|前日|\byesterday\b|"
    r"\blast (?:week|month|night|year)\b|\bearlier (?:this|today)\b|\bago\b|\brecently\b"
)
_FUTURE = (
    rf"来週|再来週|来月|明日|あす|あした|翌週|{JA_SOON}|近日|今後|週明け|\d+週間後|数日以内|"
    r"\btomorrow\b|\bnext (?:week|month|year)\b|\bsoon\b|\bupcoming\b|\bforthcoming\b|"
    r"\bin (?:\d+|a|two|three|four|the coming) (?:weeks?|days)\b|\blater this\b"
)
_DIRECTION = re.compile(rf"(?P<occurred>{_PAST})|(?P<planned>{_FUTURE})", re.I)
_JA_MARK = re.compile(
    r"(?P<skip>た(?:後|あと|上で|うえで|場合|際))"
    rf"|(?P<planned>{JA_PLAN_WORDS}|調整(?:され|して[いお]|中|を進|が進)"
    r"|(?<!とい)[うくぐすつぬぶむる]考え|(?<=[いきしちにびみりえけせてねべめれ])たい(?!ん)"
    r"|[るう](?:こと)?で(?:合意|一致)|^へ(?=$|[\s、。」!?]|調整|最終調整)"
    r"|(?:行う|行われる|開く|開かれる|開催する|開催される|実施する|実施される|する|される|会う"
    r"|訪れる|訪ねる|送る|出席する|参加する|始める|話し合う|臨む|向かう|応じる|迎える|招く|持つ"
    r"|(?:行い|行われ|開き|開かれ|開催し|開催され|実施し|実施され|し|され|会い|訪れ|訪ね|送り|出席し|参加し"
    r"|始め|話し合い|臨み|向かい|応じ|迎え|招き|持ち)ます)"  # 会談します。: the polite non-past is a plan too
    r"(?=[。」』]|$|\s|と(?![もか])|こと|よう|方向|見通|予定|方針|考え|意向|見込|ため))"
    r"|(?P<occurred>(?<=[しっいきぎんれえけせべめねじびみちりかてで])た(?![いめらりび])"
    r"|(?<=[んい])だ(?![ろい])|済み)"
)
_EN_PAST_VERBS = frozenset(
    ["met", "spoke", "held", "talked", "called", "visited", "signed", "delivered", "sent", "handed", "warned", "said", "told", "urged", "demanded", "agreed", "discussed", "announced", "imposed", "hosted", "received", "flew", "arrived", "consulted", "briefed", "wrote", "gave", "took", "made", "conveyed", "threatened", "pledged", "rang", "phoned", "exchanged", "reached", "struck"]
)
_EN_LEFT = re.compile(
    r"(?P<planned>\b(?:will|would|shall|plans?\s+to|planning\s+to|planned\s+to|intends?\s+to"
    r"|(?:is|are|was|were)\s+(?:expected|set|scheduled|due|going|slated|poised)\s+to"
    r"|(?:is|are|was|were)\s+to|expected\s+to|set\s+to|scheduled\s+to|due\s+to|going\s+to"
    r"|agreed\s+to|(?:has|have)\s+to|hopes?\s+to|wants?\s+to|seeks?\s+to|aims?\s+to"
    r"|upcoming|next(?!\s+to\b)|proposed|planned|possible|potential|forthcoming)\b|'ll\b)"
    r"|(?P<occurred>\b(?:(?:has|have|had)\s+(?:\w+ly\s+)?\w+"
    rf"|{'|'.join(sorted(_EN_PAST_VERBS))}|was|were|did)\b)",
    re.I,
)
_EN_RIGHT = re.compile(
    r"(?P<planned>\b(?:will|would|(?:is|are)\s+(?:to|expected|set|scheduled|due|slated|likely)"
    r"|planned|scheduled)\b)|(?P<occurred>\b(?:was|were|has been|have been|had been|held"
    r"|took place|ended|lasted|happened)\b)",
    re.I,
)
def scope_ids(s: str) -> list[int]:
    """Label each character with its quote scope and clause.

    Parameters
    ----------
    s : str
        NFKC text.

    Returns
    -------
    list of int
        Per character: a quote's id (>= 1, quote marks included), or ``-k`` for the k-th
        clause outside quotes (clauses end at 。;!?, 〜たが、/〜ほか、/一方、, ", and"...).

    Examples
    --------
    >>> scope_ids("A「B」。C")
    [-1, 1, 1, 1, -2, -2]
    """
    breaks = {m.start() for m in _BREAK.finditer(s)}
    ids: list[int] = []
    stack: list[tuple[int, str]] = []
    clause, nxt = -1, 1
    for i, ch in enumerate(s):
        if stack and (ch in _CLOSE or (ch == '"' and stack[-1][1] == '"')):
            ids.append(stack.pop()[0])
        elif ch in _OPEN or ch == '"':
            stack.append((nxt, ch))
            nxt += 1
            ids.append(stack[-1][0])
        else:
            if not stack and i in breaks:
                clause -= 1
            ids.append(stack[-1][0] if stack else clause)
    return ids


def same_scope(a: int, b: int) -> bool:
    """Tell whether two labels of :func:`scope_ids` share a scope.

    Parameters
    ----------
    a, b : int
        Labels from :func:`scope_ids`.

    Returns
    -------
    bool
        True when both are outside quotes, or both are in the same quote.

    Examples
    --------
    >>> same_scope(-1, -3), same_scope(2, 2), same_scope(-1, 2)
    (True, True, False)
    """
    return a == b or (a < 0 and b < 0)


def clause_span(ids: list[int], i: int) -> tuple[int, int]:
    """The clause around ``i`` (``ids`` from :func:`scope_ids`): a quote, or an outer clause with the
    quotes inside it.

    >>> s = "会談した。「協議する」と述べた。"
    >>> clause_span(scope_ids(s), s.index("述")), clause_span(scope_ids(s), s.index("協"))
    ((4, 15), (5, 11))
    """

    def inside(j: int) -> bool:
        return ids[j] == ids[i] or (ids[i] < 0 and ids[j] > 0)

    lo = hi = i
    while lo > 0 and inside(lo - 1):
        lo -= 1
    while hi < len(ids) and inside(hi):
        hi += 1
    return lo, hi


def _direction(text: str) -> Status | None:
    m = _DIRECTION.search(text)
    return m.lastgroup if m else None  # type: ignore[return-value]


def guess_status(sentence: str, cue_end: int | None = None, *, lang: str | None = None) -> Status:
    """Guess whether the interaction whose cue ends at ``cue_end`` ``occurred`` or is ``planned``.

    Parameters
    ----------
    sentence : str
        Japanese or English text (NFKC-normalised here).
    cue_end : int, optional
        End offset of the interaction cue word; without it the first clause is read.
    lang : {"ja", "en"}, optional
        Guessed from the script when omitted.

    Returns
    -------
    {"occurred", "planned"}

    Notes
    -----
    Order: a past/future time word right next to the cue (先週の会談, next week's talks);
    the first verb form after the cue in its clause (Japanese: 予定, 見通し, 調整されて, 方針,
    〜する考え/意向, 〜たい, 〜へ, ことになる, ことで合意, non-past 行う/する + と/こと/。
    → planned; 〜た/〜だ → occurred; 〜た後/〜た上で/〜た場合 are skipped); in English the
    auxiliary before the cue (will, would, to, is to, has/had), the cue verb itself (met,
    spoke, -ed), the verb after a noun cue, then the nearest cue word to the left; then
    any time word in the clause; otherwise ``occurred``.

    Examples
    --------
    >>> guess_status("28日に電話会談も調整されていて、", 8)
    'planned'
    >>> guess_status("王毅外相と電話で会談しました。", 10)
    'occurred'
    >>> guess_status("Biden to speak with Putin", 14)
    'planned'
    """
    s = unicodedata.normalize("NFKC", sentence)
    if not s:
        return "occurred"
    lang = lang or guess_lang(s)
    pos = len(s) if cue_end is None else max(0, min(cue_end, len(s)))
    if lang == "en":
        return _status_en(s, None if cue_end is None else pos)
    return _status_ja(s, None if cue_end is None else pos)


def _status_ja(s: str, pos: int | None) -> Status:
    ids = scope_ids(s)
    if pos is None:
        pos, cid = 0, ids[0]
    else:
        cid = ids[pos - 1] if pos else ids[0]
    own = "".join(ch if same_scope(ids[i], cid) else "・" for i, ch in enumerate(s))
    lo, hi = clause_span(ids, pos - 1 if pos else 0)
    left, right = own[lo:pos], own[pos:hi]
    adj = re.search(rf"(?:{_PAST}|{_FUTURE})(?:の|に|にも|、)?[^\s、。・]{{1,8}}$", left)
    adj = adj or re.match(rf"(?:は|が|も|を)?(?:{_PAST}|{_FUTURE})", right)
    if adj and (d := _direction(adj.group())):
        return d
    for m in _JA_MARK.finditer(right):
        if m.lastgroup != "skip":
            return m.lastgroup  # type: ignore[return-value]
    return _direction(own[lo:hi]) or "occurred"


def _status_en(s: str, pos: int | None) -> Status:
    if pos is None:
        m = _EN_LEFT.search(s)
        return m.lastgroup if m else "occurred"  # type: ignore[return-value]
    ids = scope_ids(s)
    w = re.search(r"[\w'’-]+$", s[:pos])
    cs = w.start() if w else pos
    lo, hi = clause_span(ids, min(cs, len(s) - 1))
    left, cue, right = s[lo:cs], s[cs:pos].lower(), s[pos:max(hi, pos)]
    adj = re.search(rf"(?:{_PAST}|{_FUTURE})(?:'s)?\s*$", left, re.I) or re.match(
        rf"\s*(?:(?:on|in|at|for)\s+)?(?:{_PAST}|{_FUTURE})", right, re.I
    )
    if adj and (d := _direction(adj.group())):
        return d
    if re.search(r"\b(?:will|would|shall|to|may|might|could|should|must|can)\s+(?:\w+ly\s+)?$|'ll\s+$",
                 left, re.I):  # fmt: skip
        return "planned"
    if re.search(r"\bto\s+(?!the\b|an?\b|his\b|her\b|their\b|its\b)[a-z]+\s+(?:(?:an?|the|new|fresh|direct)\s+)?$", left):
        return "planned"  # headline infinitive: "Russia and Ukraine to hold talks"
    if re.search(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?$", left, re.I):
        return "occurred"
    if cue in _EN_PAST_VERBS or (cue.endswith("ed") and len(cue) > 4):
        return "occurred"
    if m := _EN_RIGHT.search(re.split(r"[,;:]", right)[0]):
        return m.lastgroup  # type: ignore[return-value]
    last = None
    for last in _EN_LEFT.finditer(left):  # noqa: B007 - the last match is wanted
        pass
    if last:
        return last.lastgroup  # type: ignore[return-value]
    return _direction(s[lo:hi]) or "occurred"


def main_status(sentence: str) -> Status | None:
    """Status of the main predicate of a Japanese sentence.

    Parameters
    ----------
    sentence : str
        Japanese text.

    Returns
    -------
    {"occurred", "planned"} or None
        The last decisive verb form outside quotes (see :func:`guess_status`), None if none.

    Examples
    --------
    >>> main_status("27日、協議を行うことに同意したと明らかにしました。")
    'occurred'
    >>> main_status("28日、電話会談を行う方向で調整しています。")
    'planned'
    """
    s = unicodedata.normalize("NFKC", sentence)
    own = "".join(ch if i < 0 else "・" for ch, i in zip(s, scope_ids(s), strict=True))
    marks = [m for m in _JA_MARK.finditer(own) if m.lastgroup != "skip"]
    return marks[-1].lastgroup if marks else None  # type: ignore[return-value]
