"""How one interaction's parties split into several events (GUIDELINES §3, one event per interaction).

A sentence may tell several bilateral contacts at once: a distributive marker
(それぞれ, "separately", "and then"), a coordinated subject acting each on its own
(米国とNATOはそれぞれ…回答), sanctions imposed by several states on one target, a state
and an organisation each replying in writing, one trip to several capitals. The helpers
here find those shapes; :func:`crisisnotes.events.diplomatic_events` builds the groups.

Examples
--------
>>> distributive("両首脳とそれぞれ会談した")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actors import ORGS
from .parties import Party
from .places import names_city

_DISTRIBUTIVE = re.compile(
    r"それぞれ|相次いで|個別に|両大統領と|両首脳と|両氏と|\bseparate(?:ly)?\b|\brespectively\b|"
    r"\band then\b|\bthen (?:to|on to)\b|\ba day (?:later|before)\b|"
    r"\b(?:telephone |phone )?(?:conversations|calls) (?:[\w-]+ ){0,3}?with\b", re.I
)


def distributive(text: str) -> bool:
    """Does the sentence report separate bilateral contacts (それぞれ, in a separate call)?"""
    return bool(_DISTRIBUTIVE.search(text))


_TARGET_AFTER_JA = re.compile(r"(?:に対する|に対して|に対し|への|を対象|系|の(?:銀行|金融|企業|政府系|富豪|新興財閥|議員|高官|資産|国債|政府債務|輸出|輸入|航空|エネルギー))")
_TARGET_BEFORE_EN = re.compile(
    r"\b(?:on|against|targeting|sanction(?:s|ed|ing)?|punish(?:es|ed|ing)?)\s+(?:[\w'’-]+\s+){0,3}$", re.I
)

def sanctions_target(text: str, parties: Sequence[Party], lang: str) -> str | None:
    """The one party a sanctions sentence with several imposers targets, or ``None``.

    Sanctions are between an imposer and a target; ``the US and Britain sanctioned Russia``
    is two of them. The target is the party marked as the object (``ロシアに対する制裁``,
    ``対ロ``, ``ロシアの銀行``, ``sanctions on Russia``, ``Russia's banks``).

    >>> sanctions_target("US and UK imposed sanctions on Russia.", [
    ...     Party("USA", "usa", 0, 2), Party("GBR", "gbr", 7, 9), Party("RUS", "rus", 31, 37)], "en")
    'RUS'
    """
    found = set()
    for p in parties:
        if p.start < 0:
            continue
        if lang == "ja":
            hit = _TARGET_AFTER_JA.match(text, p.end) or text[max(0, p.start - 1) : p.start] == "対"
        else:
            hit = _TARGET_BEFORE_EN.search(text[max(0, p.start - 60) : p.start]) or re.match(r"['’]s\b", text[p.end :])
        if hit:
            found.add(p.code)
    return next(iter(found)) if len(found) == 1 else None


def _side_by_side(parties: Sequence[Party]) -> list[tuple[Party, Party]]:
    """Neighbouring named parties of two different codes, in text order (those told by their span)."""
    ps = sorted((p for p in parties if p.start >= 0), key=lambda p: p.start)
    return [(a, b) for a, b in zip(ps, ps[1:], strict=False) if a.code != b.code]


def joint_subjects(text: str, parties: list[Party], lang: str) -> list[str]:
    """Codes of a coordinated subject (``米国とNATOは``, ``The US and NATO each``), in order."""
    for a, b in _side_by_side(parties):
        gap, tail = text[a.end : b.start], text[b.end : b.end + 16]
        joined = (re.fullmatch(r"[）)]?(?:と|、|・)", gap) and re.match(r"[（(][^）)]{1,12}[）)]は|は", tail)) if lang == "ja" \
            else (re.fullmatch(r"\s+and\s+(?:the\s+)?", gap) and re.match(r"\s+(?:each|both|separately)\b", tail))  # fmt: skip
        if joined:
            return [a.code, b.code]
    return []


JOINTLY = re.compile(r"共同で|連名|\bjointly\b|\btogether\b|\bjoint\b", re.I)


_JA_VISITED = re.compile(r"(?:を(?:訪|歴訪)|(?:(?:と|や|、|・)[^、。をはが]{1,12}){1,6}を(?:訪|歴訪))")
_EN_VISITED = re.compile(r"\b(?:visit(?:s|ed|ing)?|travel(?:s|led|ed|ling)? to|trip to|tour of|(?:go|goes|went|going) on to)\s+"
                         r"(?:[\w-]+(?:,\s+|\s+and\s+))*$")


def _destination(p: Party, text: str) -> bool:
    """Is ``p`` a place the trip goes to: a city, or a state listed before the visit verb (イタリアと英国を訪れ)?"""
    if names_city(p, text):
        return True
    return p.kind == "state" and bool(_JA_VISITED.match(text, p.end) or _EN_VISITED.search(text, 0, p.start))


def one_trip(text: str, parties: list[Party]) -> list[Party]:
    """[traveller, destination, destination, …] when one party travels to two or more destinations.

    >>> jpn, ita, gbr = (Party(c, c.lower(), a, b, k) for c, a, b, k in
    ...                  [("JPN", 0, 2, "person"), ("ITA", 3, 7, "state"), ("GBR", 8, 10, "state")])
    >>> [p.code for p in one_trip("首相はイタリアと英国を訪れる。", [jpn, ita, gbr])]
    ['JPN', 'ITA', 'GBR']
    """
    dest = [p for p in parties if _destination(p, text)]
    rest = [p for p in parties if not _destination(p, text)]
    if len(rest) != 1 or len({p.code for p in dest} - {rest[0].code}) < 2:
        return []
    return [rest[0], *(p for p in dest if p.code != rest[0].code)]


def state_and_org(text: str, parties: list[Party], lang: str) -> list[str]:
    """Codes of a state and an organisation named side by side (米国とNATO, "the US and NATO"), in order."""
    for a, b in _side_by_side(parties):
        gap = text[a.end : b.start]
        joined = re.fullmatch(r"[）)]?(?:と|や|、|・)", gap) if lang == "ja" else re.fullmatch(r"\s+and\s+(?:the\s+)?", gap)
        if joined and (a.code in ORGS) != (b.code in ORGS):
            return [a.code, b.code]
    return []
