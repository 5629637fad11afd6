"""Held or planned: the status of one interaction cue in its sentence (GUIDELINES §3, ``status``).

The cue's own clause decides (tense, 予定/見通し, "will", "is due to"), unless the sentence
ends in a plan; "in principle" and 予定されている… before the cue make it planned.

Examples
--------
>>> cue_status("body", "両首脳は来週会談する予定です。", "ja", 9)
'planned'
>>> t = "The two ministers met in Rome on Friday."
>>> cue_status("body", t, "en", t.index("met") + 3)
'occurred'
"""

from __future__ import annotations

import re

from . import tense
from .parties import clause_of, clauses

_STRONG_PLAN = re.compile(rf"{tense.JA_PLAN_WORDS}|調整され|調整して")
_CONTACT = re.compile(r"会談|協議|交渉|会合|会議|電話|訪問|訪れ")  # …協議が行われる見通しを明らかに: a plan of a contact
_TOLD = re.compile(r"(?:だ)?(?:(?:と|を)(?:伝え|示し|説明し|表明し|明らかにし|述べ|確認し)|で一致し)")
_PAST_MARK = re.compile(r"先月|先週|昨日|きのう|昨年|前日|\byesterday\b|\blast (?:week|month)\b", re.I)
EN_PLANNED_BEFORE = re.compile(
    r"\b(?:(?<!spoke )(?<!spoken )(?<!talked )(?<!wrote )(?<!written )(?<!speaking )(?<!talking )(?<!on )(?<!flew )(?<!went )(?<!headed )(?<!traveled )(?<!travelled )(?<!returned )(?<!down )(?<!sat )(?<!came )(?<!according )(?<!due )to|will|set to|plans? to|planning to|expected to|due to|due (?:in|at|back in)|agreed to)\s+(?:[\w'-]+\s+){0,5}[\w'-]*$", re.I
)
_EN_PAST_CUE = re.compile(r"\b(?:had|has|have)\s+(?:\w+\s+)?\w+$|\b(?:met|spoke|spoken|wrote|held|sent|talked|phoned|visited|told"
                          r"|assured|reassured|urged|pressed|discussed|thanked|briefed)\b", re.I)
_EN_AFTER_CUE = re.compile(r"\b(?:after|following)\s+(?:[\w-]+\s+){0,2}[\w-]+$", re.I)  # "… on Thursday after talks that …"
_JA_PLANNED_AFTER = re.compile(r"(?:を|の|も)?(?:調整|検討|予定|計画|方向|へ(?:[\s、。]|$))")
_JA_PLANNED_BEFORE = re.compile(  # 24日に予定されている…会談; 12日に開かれるNATOとロシアの会合
    r"(?:予定され(?:ている|た)|予定の|開かれる予定の|行われる予定の)[^、。]{0,30}$|(?:開かれる|行われる|開催される|(?<=で)開く|(?<=で)行う)[^、。]{0,20}$")
_BARE_NOUN_HEAD = re.compile(r"(?:^|\s)[^\s、。がはでとにをへも]+$")  # a headline opening with a bare noun phrase
_CONTACT_END = re.compile(rf"(?:{_CONTACT.pattern}|来日|訪日)$")  # a contact word ending the cue (…の訪問を発表)
_ANNOUNCED_CONTACT = re.compile(r"(?:の開催|の実施|の日程)?を(?:正式に)?発表")
_EN_USED_TO = re.compile(r"\bused\s+(?:his|her|their|its|the|a|an)\s+(?:[\w-]+\s+){0,2}to\s+[\w-]*$", re.I)
_EN_IN_A_CALL = re.compile(r"\b(?:in|during)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,2}(?:call|conversation)$", re.I)
_DAY_FIRST = re.compile(r"[、\s]*(?:\d{1,2}日|翌日|同日|翌週|来週|来月)")  # a clause of its own day: one item of a schedule
_REPORTED = re.compile(r"(?<=[るたいだ])と(?:発表|述べ|明らかに|表明|語|説明|伝え|報じ|話し)")
_JA_CONTINUATIVE = re.compile(r"(?:[しきりみびいちにれ]|して|って|んで)、$")  # 会談し、… : the verb takes the tense of the next one
IN_PRINCIPLE = re.compile(r"in principle|原則(?:的に)?(?:合意|同意)|原則として", re.I)


_EN_SCHEDULED = re.compile(r"\b(?:then\s+)?(?:meets|holds|visits|travels|flies|hosts|heads|faces)\b[^.;]*?"
                           r"\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def cue_status(part: str, text: str, lang: str, cue_end: int, from_pos: int = 0) -> str:
    """Held or planned: the cue's own clause decides, unless the sentence ends in a plan."""
    if IN_PRINCIPLE.search(text):
        return "planned"
    if lang != "ja":
        before = text[max(0, cue_end - 60) : cue_end]
        if _EN_USED_TO.search(before):
            return "occurred"  # "used his speech to urge": the speech was given
        if EN_PLANNED_BEFORE.search(before) or re.search(r"\bnext\s+\S+$", before):
            return "planned"
        # "X told Y in a telephone call": the verb before "in a call" may stand further back
        reach = 100 if _EN_IN_A_CALL.search(text, 0, cue_end) else 50
        past = _EN_PAST_CUE.search(text[max(0, cue_end - reach) : cue_end])
        if part != "text" and _EN_SCHEDULED.search(text) and not past:
            return "planned"  # "Russia then meets the alliance on Wednesday": a schedule told in the present
        if past or _EN_AFTER_CUE.search(before):
            return "occurred"
        return tense.guess_status(text, cue_end, lang=lang)
    if _JA_PLANNED_AFTER.match(text, cue_end) or _JA_PLANNED_BEFORE.search(text, max(0, cue_end - 40), cue_end):
        return "planned"
    if _CONTACT_END.search(text, 0, cue_end) and _ANNOUNCED_CONTACT.match(text, cue_end):
        return "planned"  # 大統領のイスラエル訪問を発表: a visit announced is still to come
    if part == "text":  # headline segments are separated by spaces
        cut = re.search(r"[\s、]", text[cue_end:])
        if (end := headline_topic_end(text, cue_end)) is not None:
            rest = text[cue_end + 1 : end]  # 首脳会談、18日に…で開催へ: the topic's own predicate
            if (told := "planned" if rest.endswith("へ") else tense.main_status(rest)) is not None:
                return told
        text = text[: cue_end + cut.start()] if cut else text
    lo, hi = clause_of(text, max(0, cue_end - 1), cue_end)
    if _PAST_MARK.search(text[max(lo, from_pos) : cue_end]):
        return "occurred"
    own = tense.guess_status(text[:hi], cue_end, lang=lang)
    if own == "occurred" and _JA_CONTINUATIVE.search(text, max(0, cue_end - 1), hi) and tense.main_status(text[cue_end:hi]) is None:
        own = _chained_status(text, hi) or own
    if own == "planned" or hi >= len(text):
        return own
    plan = _STRONG_PLAN.search(text, hi)
    if plan and text[hi - 1] == "、" and _TOLD.match(text, plan.end()) and not _CONTACT.search(text, hi, plan.start()):
        return own  # 電話をかけ、承認する方針を伝えていた: the plan is what was told, not when the call is
    return "planned" if plan else own


def headline_topic_end(text: str, cue_end: int) -> int | None:
    """Where the predicate of a headline's bare-noun topic ends (日米韓首脳会談、18日に…で開催へ　…:
    the end of ``開催へ``), when the cue ending at ``cue_end`` closes such a topic; else None.

    >>> t = "日米首脳会談、18日に開催へ　政府発表"
    >>> t[: headline_topic_end(t, t.index("、"))]
    '日米首脳会談、18日に開催へ'
    >>> headline_topic_end("米ロ外相がジュネーブで会談、米は回答へ", 13) is None
    True
    """
    if not text.startswith("、", cue_end) or not _BARE_NOUN_HEAD.search(text, 0, cue_end):
        return None
    gap = re.search(r"\s", text[cue_end:])
    return cue_end + gap.start() if gap else len(text)


def _chained_status(text: str, start: int) -> str | None:
    """The tense of the predicate a continuative verb (会談し、) leads to: the first clause after
    ``start`` that does not itself end in a bare continuative decides, by its last verb form.

    >>> t = "両首脳は20日に会談し、夕食会にも臨む。"
    >>> _chained_status(t, t.index("、") + 1)
    'planned'
    >>> t = "両外相は会談し、来月の訪問で一致した。"
    >>> _chained_status(t, t.index("、") + 1)
    'occurred'
    >>> t = "首相が14日に会談し、15日には別の首脳と会談すると発表した。"
    >>> _chained_status(t, t.index("、") + 1)
    'planned'
    >>> t = "長官は、大統領が18日に現地を訪問し、首相と会談すると発表した。"
    >>> _chained_status(t, t.rindex("、") + 1)
    'planned'
    >>> t = "両首脳は会談し、協力を強化すると発表した。"
    >>> _chained_status(t, t.index("、") + 1)
    'occurred'
    >>> t = "両首脳は会談し、脅威に対抗するため、宣言を発表した。"
    >>> _chained_status(t, t.index("、") + 1)
    'occurred'
    """
    for a, b in clauses(text[start:]):
        seg = text[start + a : start + b]
        if seg.endswith(("ため、", "ために、")):
            continue  # 会談し、…に対抗するため、…を発表した: a purpose, not the predicate
        told = _REPORTED.search(seg) if _DAY_FIRST.match(seg) or _CONTACT.search(seg) else None
        if told:  # …14日に会談し、15日には…会談すると発表した, 訪問し、…と会談すると発表: the plan's verb, not the telling
            seg = seg[: told.start()]
        status = tense.main_status(seg)
        if status is not None or not _JA_CONTINUATIVE.search(seg):
            return status
    return None
