"""Where a mention stands in a sentence: only the setting (ウクライナ情勢, "the invasion of Ukraine"),
the venue (ドイツで, "in Switzerland"), or ``同国`` (that state).

Used by :mod:`crisisnotes.parties` to drop mentions that are no party of an interaction.

>>> p = Party("UKR", "ukr", 0, 5, "state")
>>> is_context("ウクライナ情勢を協議", p, "ja")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actors import ORGS
from .party import Party

_VENUE_JA = re.compile(r"(?:[東西南北]{1,2}部)?(?:で(?!は|つく|作|構成)|での|にある|の首都|の[\u30a0-\u30ff\u4e00-\u9fffー]{1,8}(?:で(?!は)|での|にある|を訪|に移|に向か|に到着))")
_CONTEXT_JA = re.compile(
    r"(?:[（(][^（()）]{1,20}[）)])?[）)]?(?:側?(?:の|への|を|で|との)?)(?:情勢|問題|危機|東部|西部|南部|北部|国境|周辺|領内|国内|侵攻|領土|主権|併合|"
    r"攻撃|紛争|戦闘|国民|経済|市場|(?:東方)?不?拡大|担当)|[）)]?側?に(?:侵攻|攻撃|進攻|攻め込)|"  # ロシアに国境周辺からの撤収を求め: addressed
    r"(?:の)?[\u4e00-\u9fff\u30a0-\u30ff]{0,4}(?:を)?(?:めぐ|巡)(?:り|る|って)|(?:情勢)?に関する|"  # ロシア支援めぐり: the theme
    r"(?:[（(][^（()）]{1,20}[）)])?[）)]?(?:が|の)(?:掲げる|掲げた|定める|定めた)"  # OSCEが掲げる原則: the principle's source
)
_JA_HELD_THERE = re.compile(r"[^、。]{0,16}?が開かれ(?:ている|ていた|た)[^、。]{0,10}?(?:で|に)")
_JA_ON_THE_SIDE = re.compile(
    r"[）)]?(?:の)?(?:サミット|首脳会議|首脳会合|外相会合|外相会議|総会|会議|会合)(?:の)?(?:合間|際|場で|機会|に合わせ|に際し|"
    r"開催中|期間中|会場|に出席中|に出席するため|会期中)"
)
_CONTEXT_EN_AFTER = re.compile(
    r"^(?:'s|’s)?(?:-[A-Z][a-z]+)*\s*(?:crisis|conflict|borders?|war|situation|economy|market|aggression|invasion|offensive|troops|forces|"
    r"military build-?up|Victory Day|holiday|anniversary|territorial integrity|sovereignty|tensions?|standoff|expansion|enlargement|"
    r"countr(?:y|ies)\b(?!\s+(?:agreed|said|will|have|has)))\b", re.I
)  # "the first leader of an EU country": a kind of state, not the organisation
_CONTEXT_EN_BEFORE = re.compile(
    r"\b(?:invasion of|invade|invades|invading|invaded|attack on|attack|offensive against|war in|"
    r"situation in|crisis in|border with|troops near|forces near|(?:troops|forces|tanks) into|over|about|regarding|concerning|surrounding|"
    r"(?:summit|talks|meeting|call|conference|negotiations|dialogue) on|"
    r"(?:envoys?|representatives?|coordinators?) (?:for|on)(?:\s+the)?|"  # "the US envoy for North Korea": a portfolio
    r"(?:sidelines|margins|margin|side) of(?:\s+(?:the|a|an|this|last|this week's|last week's))?)\s+$",
    re.I,
)
_EN_PAST_POSTING = re.compile(r"\b(?:served as|former)\s[^,.;]{0,40}?\b(?:ambassador|envoy) (?:to|in)\s+$")
_EN_BETWEEN = re.compile(r"\b(?:border|crossing|frontier)s?\s+between\s+(?:[\w'-]+\s+and\s+)?$"
                         r"|\b(?:pipeline|gas|oil|flights?|trains?|route)\b[^.,;]{0,20}?\bfrom\s+(?:[\w'-]+\s+to\s+)?$", re.I)  # a pipeline from X to Y
_EN_MILITARY_VERB = re.compile(r"^\s+(?:invaded|attacked|launched (?:its|an|the) (?:[\w-]+ )?(?:invasion|attack|offensive))\b", re.I)
_JA_HOSTED_TALKS = re.compile(r"(?:＝[^、。で]{1,20})?で[^、。]{0,16}?(?:協議|会合|理事会|交渉)")
_EN_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
_EN_CITY_COMMA = re.compile(  # a city, then its country (a dateline or an address): the country is a place
    r"\b(?:Geneva|Brussels|Vienna|Munich|Paris|Berlin|Moscow|Kyiv|Kiev|Minsk|Warsaw|Washington|London|Beijing|Tokyo|"
    r"Rome|Ankara|Istanbul|Antalya|Helsinki|Oslo|Stockholm|Prague|Budapest|Bucharest|Vilnius|Riga|Tallinn|Madrid|"
    r"Lisbon|Sochi|Gomel|Lviv|Kharkiv|Odesa|Odessa|New York|Melbourne|Sydney|Seoul),\s+$"
)
_EN_HOSTED_TALKS = re.compile(r"\b(?:talks|session|meeting|consultations)\s+at\s+(?:the\s+)?$", re.I)


def same_state(text: str, parties: Sequence[Party]) -> list[Party]:
    """``同国`` (that state) as the state named last before it in the sentence.

    >>> v = Party("VNM", "vnm", 0, 4, "state")
    >>> same_state("ベトナムの首都ハノイで同国首相と会談した。", [v])
    [Party(code='VNM', actor_id='vnm', start=11, end=13, kind='state')]
    """
    out = []
    for m in re.finditer(r"同国(?!民|内|人|際)", text):
        named = [p for p in parties if p.kind == "state" and p.end <= m.start()]
        if named:
            p = max(named, key=lambda p: p.end)
            out.append(Party(p.code, p.actor_id, m.start(), m.end(), "state"))
    return out


def is_context(text: str, p: Party, lang: str) -> bool:
    """Is the party named only as the setting (ウクライナ情勢, invasion of Ukraine), or as the post of
    another state's envoy (ロシアのOSCE大使)?"""
    if p.code in ORGS and re.match(r"\s*(?:大使|代表部|常駐代表|ambassador|envoy)", text[p.end :], re.I):
        return True
    if lang == "ja":
        if p.code in ORGS and (_JA_ON_THE_SIDE.match(text, p.end) or _JA_HELD_THERE.match(text, p.end)):
            return True  # G7サミットの合間に…と会談, G7サミットが開かれている広島で会談: the gathering is the occasion
        return bool(_CONTEXT_JA.match(text, p.end))
    if _EN_BETWEEN.search(text[max(0, p.start - 60) : p.start]):
        return True  # a border crossing between X and Y: a place
    if _EN_MILITARY_VERB.match(text[p.end :]) and re.search(r"\b(?:after|since|when)\s+$", text[max(0, p.start - 8) : p.start]):
        return True  # "a month after Russia invaded": a time reference to the war
    if past_posting(text, p.start):
        return True
    if p.code in ORGS and re.search(r",\s+who\s+(?:are|is|were|was)\b[^,]*\bfor\s+(?:the|a|an|this week's)\s+$", text[max(0, p.start - 80) : p.start]) \
            and re.match(r"\s*(?:'s\s+)?(?:summit|meeting|gathering)\b", text[p.end :], re.I):
        return True  # "who are in Vilnius for a NATO summit, held talks": the summit is why they are there
    return bool(_CONTEXT_EN_AFTER.match(text[p.end :]) or _CONTEXT_EN_BEFORE.search(text[max(0, p.start - 20) : p.start]))


def past_posting(text: str, start: int) -> bool:
    """Is the place at ``start`` an envoy's past posting ("who served as Beijing's ambassador to Moscow"),
    neither a party nor a destination?

    >>> t = "Li, who served as Beijing's ambassador to Moscow, will visit Paris."
    >>> past_posting(t, t.index("Moscow")), past_posting(t, t.index("Paris"))
    (True, False)
    """
    return bool(_EN_PAST_POSTING.search(text[max(0, start - 70) : start]))


def is_venue(text: str, p: Party, lang: str, cue_end: int = -1) -> bool:
    """Is the party named only as the place (ドイツで, in Switzerland)?

    An organisation where the talks ending at ``cue_end`` are held holds them (OSCEでの協議).

    >>> is_venue("スイスで協議", Party("CHE", "che", 0, 3, "state"), "ja")
    True
    """
    if lang == "ja":
        if p.code in ORGS and (m := _JA_HOSTED_TALKS.match(text, p.end)) and m.end() == cue_end:
            return False  # OSCEでロシアを交えた協議: the organisation holds the talks
        return bool(_VENUE_JA.match(text, p.end))
    before = text[max(0, p.start - 30) : p.start]
    if p.code in ORGS and _EN_HOSTED_TALKS.search(before):
        return False  # "talks at the OSCE", "a session at the UN": the organisation holds them
    return bool(_EN_VENUE_BEFORE.search(before[-12:]) or _EN_CITY_COMMA.search(before))  # "Geneva, Switzerland"
