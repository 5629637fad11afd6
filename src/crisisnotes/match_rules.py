"""The hand-written rules the actor matcher consults: words around names, blockers, capitals.

Kept apart from the matching machinery (:mod:`crisisnotes.matching`) so that a
researcher can read and extend the word lists in one place.

* ``ROLE_PREFIXES`` / ``SUFFIXES``: what may stand before or after a one-character
  state abbreviation (対中, 訪米; 米外相, 露大統領府).
* ``AMBIGUOUS_PAIRS``: two-character runs that are ordinary words unless a suffix follows (日中, 朝日).
* ``BLOCKERS_JA``: ordinary words that contain a name or abbreviation (日本時間, 米価, 英語).
* ``CAPITALS`` and the metonym patterns: ``Moscow said``, ``warned Kyiv``, ``between Washington and Moscow``.
* ``GUARDED_SURNAMES``: bare surnames that are also ordinary words or other names (``Austin``,
  ``Truss``, ``シャーマン``); they name the person only when anchored (:mod:`crisisnotes.surnames`).
* ``TITLES_BEFORE_EN``, ``TITLES_AFTER_EN``, ``TITLES_AFTER_JA``: the titles that anchor a bare
  surname (``Secretary Austin``, ``Price, the State Department spokesman``, ``トラス外相``, ``トラス氏``).

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
    ["外相", "首脳", "会談", "電話会談", "関係", "両国", "政府", "大統領", "首相", "国務長官", "国務省", "国防総省", "国防長官", "国防相", "外務省", "外務次官", "外務副大臣", "国務副長官", "大使館", "大使", "軍", "当局", "高官", "議会", "大統領府", "報道官", "側", "首相府", "紙", "メディア", "企業", "財務省", "財務相", "間", "協議", "対話", "共同", "同盟", "合意", "連携", "外交", "国営", "主導", "製", "戦略", "安保", "外務", "防衛", "経済", "貿易", "代表", "特使", "下院", "上院", "国民", "情報機関", "閣僚", "当局者", "海軍", "空軍", "陸軍", "艦", "首都", "大統領補佐官", "国家安全保障", "高官協議", "外務・防衛", "2プラス2", "通商", "司法省", "商務省", "国防", "首脳会議", "制裁", "政策", "輸出", "輸入", "国交"],
    key=len,
    reverse=True,
)
AMBIGUOUS_PAIRS = {"日中", "中日", "朝日", "日朝", "中朝"}
PARTICLES = set("、・,はがとにのへもを")
BLOCKERS_JA = ["日本時間", "日本語", "日本円", "日本海", "日本酒", "日本列島", "英語", "中国語", "中国地方", "米価", "新米", "米ドル", "仏教", "独自", "朝鮮半島", "日本人形", "英会話", "インド太平洋", "インド洋",
               "ヨルダン川", "コロンビア大学", "ブリティッシュ・コロンビア", "コロンビア特別区", "ギニア湾", "ニューギニア",
               "チリ紙", "パナマ文書", "ウルグアイ・ラウンド", "ニジェール川", "米領サモア",
               "Gulf of Guinea", "New Guinea", "Panama Papers", "Panama Canal", "Jordan River", "Niger Delta",
               "American Samoa", "Uruguay Round"]  # also English phrases: any blocker outranks the shorter name in it
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
_MESSAGE_NOUNS = ("reply", "replies", "response", "responses", "letter", "letters", "message", "messages",
                  "proposals", "answer", "answers", "document", "documents")  # "sent its reply to Moscow"
_TO_AFTER_MESSAGE = "(?:" + "|".join(f"(?<={n} )" for n in _MESSAGE_NOUNS) + ")to"
_METONYM_OBJECT = re.compile(rf"\b(?:{_OBJECT_VERBS}|{_TO_AFTER_MESSAGE})\s+(?P<city>{_CITIES})\b(?!['’]s)")
_BETWEEN = re.compile(rf"\bbetween\s+(?P<a>{_CITIES})\s+and\s+(?P<b>{_CITIES})\b")
_CITY = re.compile(_CITIES)  # a post naming no capital holds no metonym
_OBJECT_WORDS = frozenset([*_OBJECT_VERBS.split("|"), "to"])
_OBJECT_LENGTHS = sorted({len(v) for v in _OBJECT_WORDS})
_KATA = re.compile(r"[\u30a0-\u30ffー]")
_ALNUM = re.compile(r"[A-Za-z0-9]")

# Bare surnames that are also common words, places, firms or given names. A one-word person
# alias listed here (or shared by two actors, or only a label_en/label_ja) names the person
# only when a title stands next to it or the post names the person safely elsewhere.
GUARDED_SURNAMES = frozenset({
    "Austin", "Sherman", "Truss", "Harris", "Johnson", "Bennett", "Wallace", "Cleverly", "Kirby",
    "Marin", "Abe", "Herzog", "Morrison", "Maas", "Emanuel", "Qin", "Wang", "Li", "Kim", "Park",
    "オースティン", "オースチン", "シャーマン", "トラス", "ハリス", "ジョンソン", "ベネット", "ウォレス",
    "カービー", "モリソン",
})  # fmt: skip
# An English guarded surname standing alone in running text ("Truss said", "Britain's Johnson")
# names the person; these words next to it make it part of something else.
NOT_A_PERSON_AFTER_EN = [  # "Harris County", "Sherman tanks", "Johnson & Johnson", "Austin, Texas"
    "County", "City", "Street", "Avenue", "Oaks", "Park", "Bridge", "Tower", "Square", "River", "Lake",
    "Island", "Airport", "Station", "University", "College", "Institute", "School", "Hospital", "Fund",
    "Foundation", "Group", "Inc", "Corp", "Co", "Ltd", "LLC", "Controls", "Center", "Centre", "tank",
    "tanks", "bridge", "structure", "&",
]  # fmt: skip
US_STATES = [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
    "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "TX", "CA", "NY",
]  # fmt: skip
# The word just before an English name ("Secretary Austin", "Mr Johnson", "PM Truss"), any case.
TITLES_BEFORE_EN = [
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "sen", "senator", "rep", "representative", "gov",
    "governor", "gen", "general", "adm", "admiral", "col", "colonel", "amb", "ambassador", "envoy",
    "sec", "secretary", "president", "minister", "chancellor", "premier", "pm", "speaker", "leader",
    "chairman", "chairwoman", "chair", "director", "commissioner", "chief", "spokesman",
    "spokeswoman", "spokesperson", "adviser", "advisor", "counterpart", "deputy", "mayor",
    "official", "defense", "defence",
]  # fmt: skip
# A title in an apposition after an English name ("Price, the State Department spokesman,").
TITLES_AFTER_EN = [
    "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "ambassador", "adviser",
    "advisor", "envoy", "president", "chancellor", "premier", "leader", "chief", "official",
    "director", "general", "senator", "governor", "speaker", "chairman",
]  # fmt: skip
# A title right after a Japanese name, perhaps after a state (トラス英外相, サリバン駐ロシア大使).
TITLES_AFTER_JA = [
    "氏", "大統領", "副大統領", "前大統領", "元大統領", "首相", "前首相", "元首相", "総理", "総理大臣",
    "外相", "前外相", "外務大臣", "国防相", "防衛相", "国防長官", "国務長官", "国務副長官", "副長官",
    "長官", "報道官", "大統領報道官", "補佐官", "大統領補佐官", "首席補佐官", "大使", "国連大使", "特使",
    "議長", "下院議長", "次官", "外務次官", "事務総長", "事務次長", "事務局長", "総長", "参謀総長",
    "統合参謀本部議長", "委員長", "大臣", "国防大臣", "財務相", "財務長官", "内相", "上級代表", "代表",
    "議員", "上院議員", "下院議員", "知事", "政権", "主席", "国家主席", "総書記", "司令官", "夫人", "陣営",
    "調整官", "広報調整官", "戦略広報調整官", "局長", "報道局長", "委員", "国務委員", "政治局員", "副首相",
]  # fmt: skip
