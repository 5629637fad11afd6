"""The hand-written rules the actor matcher consults: words around names, blockers, capitals.

Kept apart from the matching machinery (:mod:`crisisnotes.matching`) so that a
researcher can read and extend the word lists in one place.

* ``ROLE_PREFIXES`` / ``SUFFIXES``: what may stand before or after a one-character
  state abbreviation (対中, 訪米; 米外相, 露大統領府).
* ``AMBIGUOUS_PAIRS``: two-character runs that are ordinary words unless a suffix follows (日中, 朝日).
* ``BLOCKERS_JA``: ordinary words that contain a name or abbreviation (日本時間, 米価, 英語).
* ``CAPITALS`` and the metonym patterns: ``Moscow said``, ``warned Kyiv``, ``between Washington and Moscow``.

Examples
--------
>>> "英語" in BLOCKERS_JA, CAPITALS["Kyiv"]
(True, 'ukr')
>>> bool(_METONYM.search("Moscow said on Monday")), bool(_METONYM.search("in Moscow on Monday"))
(True, False)
"""

from __future__ import annotations

import re

ROLE_PREFIXES = "対訪駐在反親知来離"
SUFFIXES = sorted(
    ["外相", "首脳", "会談", "電話会談", "関係", "両国", "政府", "大統領", "首相", "国務長官", "国務省", "国防総省", "国防長官", "国防相", "外務省", "外務次官", "外務副大臣", "国務副長官", "大使館", "大使", "軍", "当局", "高官", "議会", "大統領府", "報道官", "側", "首相府", "紙", "メディア", "企業", "財務省", "財務相", "間", "協議", "対話", "共同", "同盟", "合意", "連携", "外交", "国営", "主導", "製", "戦略", "安保", "外務", "防衛", "経済", "貿易", "代表", "特使", "下院", "上院", "国民", "情報機関", "閣僚", "当局者", "海軍", "空軍", "陸軍", "艦", "首都", "大統領補佐官", "国家安全保障", "高官協議", "外務・防衛", "2プラス2", "通商", "司法省", "商務省", "国防", "首脳会議"],
    key=len,
    reverse=True,
)
AMBIGUOUS_PAIRS = {"日中", "中日", "朝日", "日朝", "中朝"}
PARTICLES = set("、・,はがとにのへもを")
BLOCKERS_JA = ["日本時間", "日本語", "日本円", "日本海", "日本酒", "日本列島", "英語", "中国語", "中国地方", "米価", "新米", "米ドル", "仏教", "独自", "朝鮮半島", "日本人形", "英会話", "インド太平洋", "インド洋"]
CAPITALS = {
    "Moscow": "rus", "Washington": "usa", "Kyiv": "ukr", "Kiev": "ukr", "Beijing": "chn",
    "London": "gbr", "Paris": "fra", "Berlin": "deu", "Tokyo": "jpn", "Minsk": "blr",
    "Ankara": "tur", "Warsaw": "pol", "Brussels": "@eu",
}  # fmt: skip
_METONYM_VERBS = (
    r"said|says|has|have|had|will|would|wants|want|demands?|demanded|warn(?:s|ed)?|accuse[sd]?|"
    r"rejects?|rejected|insists?|insisted|is|was|denie[sd]|denies|sees|fears?|claims?|claimed|"
    r"responded|respond|sent|sends|delivered|agreed|agrees|refused|refuses|hopes?|believes?|"
    r"considers?|calls?|called|announced|imposed|threatened|threatens|plans|intends|expects|"
    r"must|should|could|can|may|did|does"
)
_METONYM = re.compile(
    rf"\b(?P<city>{'|'.join(CAPITALS)})(?:'s\b|’s\b|\s+(?:{_METONYM_VERBS})\b|\s+and\s+(?=[A-Z]))"
)
_OBJECT_VERBS = (
    "hand|hands|handed|give|gives|gave|tell|tells|told|warn|warns|warned|urge|urges|urged|"
    "send|sends|sent|ask|asks|asked|accuse|accused|pressure|pressured|reassure|reassured|"
    "offer|offered|with|against"
)
_CITIES = "|".join(CAPITALS)
_METONYM_OBJECT = re.compile(rf"\b(?:{_OBJECT_VERBS})\s+(?P<city>{_CITIES})\b(?!['’]s)")
_BETWEEN = re.compile(rf"\bbetween\s+(?P<a>{_CITIES})\s+and\s+(?P<b>{_CITIES})\b")
_CITY = re.compile(_CITIES)  # a post naming no capital holds no metonym
_OBJECT_WORDS = frozenset(_OBJECT_VERBS.split("|"))
_OBJECT_LENGTHS = sorted({len(v) for v in _OBJECT_WORDS})
_KATA = re.compile(r"[\u30a0-\u30ffー]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
