"""What a cue word is doing in its sentence, beyond stating an interaction (GUIDELINES §3).

Cue words (:mod:`crisisnotes.cues`) also occur where no new interaction is stated, or where
the interaction is of another mode than the word suggests:

- inside the content of a request (``urged Paris to open talks``): the request is the
  event, a ``statement`` (the Japanese ``…よう求め`` form is handled in :mod:`events`);
- as an anaphoric reference to an interaction already told (``今回の交渉は``, ``この会談で``);
- as the condition of a sentence about itself (``会談が実現すれば``);
- as a gathering named as a time or place reference (``ministers meeting in Vienna warned``,
  ``addressing the summit``);
- a video or online *speech* to an assembly is not a conversation (``addressed the
  parliament by video link``, ``オンライン形式で演説``): no ``phone_call``;
- delegations or negotiators meeting are a negotiation format: ``talks``, not ``meeting``;
- talks held on a trip (``flew to Rome for talks with``, ``…を訪れ、…と協議した``) are an
  in-person ``meeting``; a conditional sanctions threat is a ``statement`` (:func:`refine_mode`);
- a trip named as the circumstance of something else (``speaking on a visit to Sydney``,
  ``訪問先の``), an interaction named as the topic of a comparison (``会談するのは初めて``)
  or stated as not having happened (``会談は実現していない``, ``声明もまとめられず``), and a
  demand as a noun (``Moscow's security demands``) state no interaction.

:func:`joins_previous` finds sentences that give a host or mediator an active role in the
interaction of the sentence before (``X also attended as mediator``, ``opened the session``).

Examples
--------
>>> s = "The ministers urged Rome to resume negotiations with Vienna."
>>> skip_reason(s, "en", s.index("negotiations"), s.index(" with"), "talks")
'requested'
>>> skip_reason("この会談で両首脳は合意した。", "ja", 2, 4, "meeting")
'anaphora'
>>> meeting_as_talks("Delegations of the two states met in Oslo.", "en")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

_EN_REQUEST_BEFORE = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)? on|press(?:es|ed|ing)?|appeal(?:s|ed|ing)? to)\s+"
    r"(?:[\w'-]+\s+){1,5}?to\s+(?:[\w'-]+\s+){0,12}$",
    re.I,
)
_EN_REQUEST_CUE = re.compile(r"^(?:urg|ask|call|press|appeal|demand)", re.I)
_EN_COMPLEMENT = re.compile(r"\s+(?:[\w'-]+\s+){0,5}?to\s+(?=[a-z\"“])")  # a quoted complement too
_JA_ANAPHORA = re.compile(r"(?:今回の|この|その|同)$")
_EN_READS = re.compile(r"\b(?:study|studying|studied|studies|examine|examining|read|reading|review|reviewing|respond to|responding to|reply to)\s+(?:the\s+|their\s+|its\s+)?$", re.I)
_JA_QUOTED_DEMAND = re.compile(r"[^「」。]{0,10}」(?:を|の)?\s*(?:要求|求め|要請|促)")
_JA_CONTENT_TOPIC = re.compile(r"(?:では|の中で|のなかで|の席で)")
_JA_CLAUSE_START = re.compile(r"(?:^|[、。「]|によりますと、?|によると、?|また、?|一方、?)$")
_JA_SELF_CONDITION = re.compile(r"^(?:が|は)?(?:実現|開催|実施|行われ)(?:すれば|されれば|した場合|された場合|れば|る場合)")
_EN_GATHERING_REF = re.compile(
    r"\b(?:leaders|ministers|officials|envoys|heads of state(?: and government)?)\s+$", re.I
)
_EN_ADDRESSING = re.compile(r"\b(?:address(?:ed|es|ing)?|speaking to|spoke to|speaks to|told)\s+the\s+(?:\w+\s+)?$", re.I)
_SPEECH = re.compile(
    r"演説|スピーチ|\baddress(?:ed|es|ing)?\b(?!\s+(?:by|over)\s+(?:phone|telephone))|\bspeech\b|"
    r"\b(?:speak|spoke|speaking|speaks)\s+to\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:parliament|congress|house|commons|summit|assembly|lawmakers|legislators|MPs|deputies|diet)\b",
    re.I,
)
_DELEGATIONS_EN = re.compile(r"\b(?<!leaders' )(?:delegations?(?! of (?:[\w-]+ )?(?:leaders|heads of state))|negotiators|negotiating teams)\b", re.I)
_POSSIBLE = re.compile(r"可能性|排除しない|あり得る|\b(?:is|was|are|were|remains|remain|would be) possible\b|\bpossibility\b", re.I)
_JA_SANCTIONS_VALUED = re.compile(r"(?:措置)?(?:に|へ)(?:の)?(?:謝意|感謝)|(?:措置)?を(?:評価|歓迎|称賛)")
_EN_SANCTIONS_VALUED = re.compile(r"\b(?:thank(?:ed|s)?|welcom(?:ed|es)|prais(?:ed|es))\s+(?:[\w'-]+\s+){0,5}(?:for\s+)?(?:[\w'-]+\s+){0,2}$", re.I)
_DELEGATIONS_JA = re.compile(r"(?<!首脳らによる)(?<!首脳による)(?<!首脳らの)(?<!首脳の)代表団(?:は|が|による|どうし|同士)|交渉団(?:は|が|による)")
# a delegation of leaders (首脳らによる代表団, a delegation of African leaders) meeting a leader is a meeting
_EN_CIRCUMSTANCE = re.compile(r"\b(?:on|during|while on)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+)?$", re.I)
_JA_COMPARED = re.compile(r"^(?:する|した|し|が行われる|が行われた|を行う|を行った|を開く|を開いた)?のは")
_JA_NOT_DONE = re.compile(
    r"^(?:は|が|も)?(?:まだ|一度も)?(?:実現|開催|まとめられ|まとめ|まとま|出せ|出さ|発表でき|発表さ|採択さ|採択でき)"
    r"(?:していない|しなかった|されていない|されなかった|されず|せず|ず|ていない|なかった|ない|ません)"
)
_JA_THEME = re.compile(r"^(?:ている|ていた|た|る)[^、。]{0,10}?(?:問題|提案|要求|案|件)(?:について|を|は|に|で|をめぐ|を巡)")
_EN_DEMAND_NOUN = re.compile(
    r"(?:'s|’s|\bits|\btheir|\bhis|\bher|\bthe|\bthese|\bthose|\bsecurity|\bkey|\bmain)\s+(?:[\w-]+\s+){0,2}$", re.I
)
_EN_TRIP = re.compile(
    r"\b(?:travel(?:s|ed|led|ing|ling)?\s+(?:on\s+)?to|fl(?:ew|y|ies)\s+(?:on\s+)?to|trip\s+to|visit(?:s|ed|ing)?|"
    r"head(?:s|ed)?\s+to|arriv(?:e|es|ed)\s+in)\b", re.I
)
_EN_TRIP_TALKS = re.compile(r"^(?:talks|consult|consults|consulted|consultations?)$", re.I)
_JA_TRIP = re.compile(r"(?:訪れ|訪問し|入りし|に移動し|に向かい)[^。]*$")
_CONDITIONAL = re.compile(
    r"場合|ならば|れば(?![かー])|検討|辞さない|用意がある|可能性|排除し|"
    r"\bif\b|\bwould\b|\bcould\b|\bshould\b|\bthreat|\bwarn|\bprepared to\b|\bready to\b|\bunless\b", re.I
)
_AGREED_PACKAGE = re.compile(r"\bagreed (?:on|to)\b(?![^.;]*\b(?:if|unless)\b)", re.I)  # "agreed on sanctions that would be adopted": a plan
_JOIN = re.compile(
    r"同席|加わ|立ち会|仲介役|仲介し|仲介によるもので|\bmediat(?:e|ed|es|ing|or)\b|"
    r"\b(?:opened|chaired|hosted) the (?:talks|session|negotiations|meeting|round)\b|"
    r"\bjoined the (?:talks|meeting|negotiations|call)\b",
    re.I,
)


_SPEECH_AFTER_JA = re.compile(r"[^、。]{0,15}?(?:演説|スピーチ)(?!に先立|の前|を前に|後|の後|のあと|を終え)")
_SPEECH_AFTER_EN = re.compile(r"\s*(?:speech|address)\b", re.I)


def _speech_medium(text: str, lang: str, start: int, end: int) -> bool:
    """Is the video or online medium at ``text[start:end]`` that of a speech, not of a conversation?

    Only a speech told in the same stretch counts (``addressed the parliament by video link``,
    ``オンライン会議システムで演説``); a speech named as a time reference does not
    (``演説に先立って…電話で会談``, ``before his speech, he spoke by phone with``).

    >>> t = "He addressed the Italian parliament by video link."
    >>> _speech_medium(t, "en", t.index("video"), t.index("."))
    True
    >>> t = "Before his speech, he spoke by phone with the Spanish prime minister."
    >>> _speech_medium(t, "en", t.index("spoke"), t.index(" with"))
    False
    """
    if lang == "ja":
        return bool(_SPEECH_AFTER_JA.match(text, end))
    clause = re.split(r"[,;:]\s|\band\b", text[max(0, start - 120) : start])[-1]
    return bool(_SPEECH.search(clause) or _SPEECH_AFTER_EN.match(text, end))


def _only_possible(text: str, lang: str, end: int) -> bool:
    """Is the interaction only possible? Not when the possibility is what was said in it
    ("told Zelensky during a call that there was a distinct possibility of an attack")."""
    m = _POSSIBLE.search(text)
    if m is None:
        return False
    if lang == "ja" and m.start() > end and re.match(r"し[、て]|した[がの、]", text[end:]) and re.search(r"(?:との|という)(?:見方|認識|見通し|考え)|と(?:伝え|述べ|指摘|警告)", text[m.end() :]):
        return False  # 電話で会談し、…侵攻に踏み切る可能性が高いとの見方を伝えた: the possibility is what was said
    return not (lang == "en" and m.start() > end and re.search(r"\bthat\b", text[end : m.start()]))


def skip_reason(text: str, lang: str, start: int, end: int, mode: str) -> str | None:
    """Why the cue at ``text[start:end]`` states no new interaction of its ``mode``, or ``None``.

    >>> skip_reason("Leaders meeting in Vienna warned Moscow.", "en", 8, 15, "meeting")
    'reference'
    >>> skip_reason("首脳会談が実現すれば初めてとなる。", "ja", 0, 4, "meeting") is None
    False
    """
    before, after = text[:start], text[end:]
    if lang == "en":
        if mode != "statement" and _EN_REQUEST_BEFORE.search(before[-160:]):
            return "requested"
        if mode == "meeting" and text[start:end].lower() == "meeting" and _EN_GATHERING_REF.search(before[-40:]) \
                and re.match(r"\s+(?:at|in)\b", after):  # fmt: skip
            return "reference"
        if mode == "meeting" and _EN_ADDRESSING.search(before[-40:]):
            return "reference"
        if mode == "written_message" and _EN_READS.search(before[-30:]):
            return "reference"  # "would study the written replies": a message told before, being read
    else:
        if re.match(r"を含む", after) or (mode == "sanctions" and re.match(r"[^、。]{0,8}べき", after)):
            return "theme"  # 平和条約締結交渉を含む日ロ関係; 制裁は…科すべきだと訴え: named, not done
        if mode != "statement" and _JA_QUOTED_DEMAND.match(after):
            return "requested"  # 米国に「条項ごとの書面回答」要求: the written reply is what is demanded
        if _JA_ANAPHORA.search(before) or (_JA_CONTENT_TOPIC.match(after) and _JA_CLAUSE_START.search(before)):
            return "anaphora"  # この会談で; 会談では…: what was said in an interaction, not a new one
        if _JA_SELF_CONDITION.match(after):
            return "condition"
    if mode == "visit" and ((lang == "en" and _EN_CIRCUMSTANCE.search(before[-30:])) or after.startswith("先")):
        return "circumstance"  # on a visit to Sydney, 訪問先の: where something else happened
    if lang == "ja" and (_JA_COMPARED.match(after) or _JA_NOT_DONE.match(after)):
        return "reference"  # 会談するのは初めて, 会談は実現していない
    if mode == "statement" and lang == "en" and text[start:end].lower().startswith("demand") \
            and _EN_DEMAND_NOUN.search(before[-30:]):  # fmt: skip
        return "noun"  # Moscow's security demands: what is demanded, not an act of demanding
    if lang == "ja" and mode != "statement" and before.endswith("との") and re.match(r"の[^、。]{1,8}?(?:を|について|をめぐ)", after):
        return "theme"  # トルコとの対話の進め方を協議: the dialogue is what is discussed
    if mode == "sanctions" and lang == "ja" and _JA_SANCTIONS_THEME.match(after):
        return "theme"  # 制裁の詳細には触れなかった: sanctions as a topic, not imposed
    if mode == "statement" and lang == "ja" and _JA_THEME.match(after):
        return "theme"  # Xが求めている問題について: the demand names the theme of another act
    if mode == "phone_call" and _speech_medium(text, lang, start, end):
        return "speech"
    if mode in ("meeting", "phone_call", "talks", "visit") and _only_possible(text, lang, end):
        return "possible"  # a meeting that is only possible (可能性を排除しない) is not planned
    if mode == "sanctions" and (_JA_SANCTIONS_VALUED.match(after) or _EN_SANCTIONS_VALUED.search(before[-50:])):
        return "reference"  # thanks for / praise of sanctions told elsewhere
    return None


def request_complement(text: str, cue_start: int, cue_end: int) -> int | None:
    """Where the content of an English request starts (``urged Rome |to resume talks``), or ``None``.

    Parties after that point are what is asked for, not the addressee.

    >>> s = "Oslo urged Rome to resume talks with Vienna."
    >>> s[request_complement(s, 5, 10):]
    'to resume talks with Vienna.'
    """
    if not _EN_REQUEST_CUE.match(text[cue_start:cue_end]):
        return None
    m = _EN_COMPLEMENT.match(text, cue_end)
    return m.end() - len("to ") if m else None


_EN_LATER_REQUEST = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)? on|press(?:es|ed|ing)?|appeal(?:s|ed|ing)? to)"
    r"\s+(?:[\w.'’-]+\s+){0,5}?to\s+(?=[a-z])",
    re.I,
)


def later_request(text: str, cue_end: int) -> int | None:
    """Where the content of a request told after a (non-request) cue starts, or ``None``.

    In ``Wang Yi, speaking to Blinken by phone, urged Washington to heed Moscow's concerns``,
    Moscow is what the request is about, not a party to the call.

    >>> s = "Rome, speaking to Oslo by phone, urged Oslo to consider Vienna's plan."
    >>> s[later_request(s, s.index(" by")):]
    "to consider Vienna's plan."
    """
    m = _EN_LATER_REQUEST.search(text, cue_end)
    return m.end() - len("to ") if m else None


def meeting_as_talks(text: str, lang: str) -> bool:
    """Is a "meeting" cue in ``text`` a round of delegations or negotiators (``talks``)?"""
    return bool((_DELEGATIONS_EN if lang == "en" else _DELEGATIONS_JA).search(text))


_ONLINE_JA_BEFORE = re.compile(r"(?:オンライン|テレビ会議|ビデオ会議|ウェブ会議)(?:形式|方式|システム)?(?:で|による|を通じて)[^、。]{0,20}$")
_ONLINE_JA_AFTER = re.compile(r"(?:について(?:も)?、)?[^、。]{0,14}?(?:オンライン|テレビ会議|ビデオ会議)(?:形式|方式)?で(?:開|行|実施)")
_ONLINE_EN = re.compile(r"\b(?:virtual(?:ly)?|by video(?: ?link| ?conference)?|via video(?: ?link)?|videoconference|online)\b", re.I)


def _online(text: str, lang: str, start: int, end: int) -> bool:
    """Is the meeting or talks at ``text[start:end]`` held online (same clause)?

    >>> t = "首相は21日夜、大統領とオンライン形式で首脳会談を行った。"
    >>> _online(t, "ja", t.index("首脳会談"), t.index("首脳会談") + 4)
    True
    >>> t = "The leaders held a virtual meeting on Friday."
    >>> _online(t, "en", t.index("meeting"), t.index("meeting") + 7)
    True
    """
    if lang == "ja":
        return bool(_ONLINE_JA_BEFORE.search(text[:start]) or _ONLINE_JA_AFTER.match(text, end))
    clause = re.split(r"[;:]|,\s+(?:and|but|while|as)\b", text[max(0, start - 60) : end + 50])
    return any(_ONLINE_EN.search(c) for c in clause if text[start:end] in c)


_BESIDE_EN = re.compile(
    r"\b(?:alongside|next to|beside|flanked by|(?:joint |a )?(?:news|press) conference with|standing with|together with)"
    r"\s+(?:[\w.'’-]+\s+){0,8}?[\w.'’-]+(?=\s*(?:,|\bat\b|\bin\b|\bon\b|\blater\b|$))",
    re.I,
)
_BESIDE_JA = re.compile(r"[^、。]{1,30}?との(?:共同)?(?:記者会見|会見)(?:で|の場で|に臨み)")


def beside(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans naming who stood beside a speaker (``Speaking alongside Kyiv's leader``, ``Xとの共同記者会見で``).

    Those named there are present, not addressed: a warning given beside them is aimed elsewhere.

    >>> t = "Speaking alongside the Spanish king, Italy's premier warned Moscow."
    >>> [t[a:b] for a, b in beside(t, "en")]
    ['alongside the Spanish king']
    """
    rx = _BESIDE_JA if lang == "ja" else _BESIDE_EN
    return [m.span() for m in rx.finditer(text)]


_VICTIM_JA = re.compile(r"(?:に|へ)(?:対して|対し)?(?:さらに|再び|さらなる)?(?:軍事)?(?:侵攻|侵入|入|攻撃|進攻)"
                        r"|の(?:主権|領土|国境)を(?:侵害|侵|越え)")  # ウクライナの主権を侵害すれば
_VICTIM_EN_BEFORE = re.compile(
    r"\b(?:invad(?:e|es|ed|ing)|attack(?:s|ed|ing)?|into|cross(?:es|ed)? (?:the border (?:of|with|into) )?|border of|incursion into|aggression against)\s+(?:the\s+)?$",
    re.I,
)


def conditional_victim(text: str, lang: str, start: int, end: int) -> bool:
    """Is the party at ``text[start:end]`` the one a warning's condition is about, not its addressee?

    ``ロシアがウクライナに侵攻すれば`` / ``if Russia invades Ukraine``: the warning is aimed at
    Russia; Ukraine is what the condition speaks of.

    >>> t = "He warned that if Russia invades Ukraine, it will pay."
    >>> conditional_victim(t, "en", t.index("Ukraine"), t.index("Ukraine") + 7)
    True
    >>> t = "ロシアがウクライナに侵攻すれば代償を払うと警告した。"
    >>> conditional_victim(t, "ja", t.index("ウクライナ"), t.index("ウクライナ") + 5)
    True
    """
    if lang == "ja":
        return bool(_VICTIM_JA.match(text, end))
    return bool(_VICTIM_EN_BEFORE.search(text[max(0, start - 40) : start]))


_JA_SANCTIONS_THEME = re.compile(r"(?:の(?:詳細|内容|中身|範囲|規模|効果)|について|をめぐ|に関し)")
_THEME_JA = re.compile(r"[^、。「」]{0,12}?との(?:対話|関係|交渉)(?:の[^、。]{1,8}?)?(?=を|について|をめぐ)")
_TIME_REF_JA = re.compile(
    r"[^、。「」はが]{0,24}?(?:との|の)(?:首脳)?(?:協議|会談|交渉|会合|対話|電話会談)"
    r"(?:を前に|に先立ち|に先立って|を控え|の後|のあと|後に|後、)"
)
_PLACE_REF_JA = re.compile(  # OSCEの閣僚理事会が開かれたストックホルムで: the gathering describes the place
    r"[^、。「」]{0,24}?(?:会合|会議|理事会|サミット)が開かれ(?:た|ている|る)[^、。「」]{0,16}?で"
    r"|[^、。「」はが]{0,16}?で開かれ(?:た|ている)[^、。「」]{0,20}?(?:会合|会議|理事会|サミット)の(?:記者)?会見で"
)  # リガで開かれたNATO外相会合の記者会見で: the gathering is where the speaker spoke
_TIME_REF_EN = re.compile(
    r"\b(?:ahead of|before|after|following)\s+(?:[\w.'’-]+\s+){0,6}?(?:talks|meeting|summit|call|visit)"
    r"\s+(?:with|between)\s+(?:[\w.'’-]+\s*){1,8}?(?=,|$)"
    r"|\b(?:days|hours|weeks|a day|a week) (?:before|after|ahead of)\b[^.;]*",  # "…, days before X and Y are due to meet"
    re.I,
)


def reference_spans(text: str, lang: str, mode: str = "talks") -> list[tuple[int, int]]:
    """Spans naming another interaction only as a time reference (``ロシアとの協議を前に``,
    ``ahead of talks with Russia,``) or, for a cue other than a statement, as the theme of the
    consultation (``トルコとの対話の進め方を協議``): the parties named there take no part in the
    sentence's own cue.

    >>> t = "ロシアとの協議を前に、ウクライナ側と対応をすり合わせた。"
    >>> [t[a:b] for a, b in reference_spans(t, "ja")]
    ['ロシアとの協議を前に']
    """
    spans = [m.span() for m in (_TIME_REF_JA if lang == "ja" else _TIME_REF_EN).finditer(text)]
    if lang == "ja":
        spans += [m.span() for m in _PLACE_REF_JA.finditer(text)]
    if lang == "ja" and mode != "statement":  # ロシアとの対話の進め方を協議: Russia is the theme (a demand addresses it)
        spans += [m.span() for m in _THEME_JA.finditer(text)]
    return spans


def refine_mode(text: str, lang: str, start: int, end: int, mode: str) -> str:
    """The mode the cue at ``text[start:end]`` takes in its sentence (GUIDELINES §3, ``mode``).

    A conditional sanctions threat is a warning (``statement``); delegations or negotiators
    meeting are a negotiation format (``talks``); consultations on a trip (``flew to Rome for
    talks with``, ``を訪れ、…と協議した``) are an in-person ``meeting``.

    >>> s = "The minister flew to Rome for talks with his counterpart."
    >>> refine_mode(s, "en", s.index("talks"), s.index(" with"), "talks")
    'meeting'
    >>> refine_mode("代表団は会談した。", "ja", 4, 6, "meeting")
    'talks'
    """
    if mode == "sanctions" and _CONDITIONAL.search(text) and not _AGREED_PACKAGE.search(text):
        return "statement"
    if mode in ("meeting", "talks") and _online(text, lang, start, end):
        return "phone_call"  # オンライン形式で首脳会談, a virtual meeting: GUIDELINES' phone_call covers online
    if mode == "meeting" and meeting_as_talks(text, lang):
        return "talks"
    if mode == "talks" and not meeting_as_talks(text, lang):
        surface, before = text[start:end], text[:start]
        if lang == "en" and _EN_TRIP_TALKS.match(surface) and _EN_TRIP.search(before[-80:]):
            return "meeting"
        if lang == "ja" and surface == "協議" and _JA_TRIP.search(before):
            return "meeting"
    return mode


def joins_previous(text: str) -> bool:
    """Does the sentence give someone an active part in the interaction just told (同席, mediated)?

    >>> joins_previous("The host country's minister chaired the session.")
    True
    """
    return bool(_JOIN.search(text))


def in_dateline(text: str, pos: int) -> bool:
    """Is ``pos`` inside a leading dateline (``【3月7日 AFP】``), which dates the report, not an occasion?

    >>> in_dateline("【3月7日 AFP】首相は6日、会談した。", 2)
    True
    """
    m = re.match(r"\s*【[^】]{0,30}】", text)
    return bool(m) and pos < m.end()


def join_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the phrases giving someone a part (:func:`joins_previous`).

    >>> join_spans("Erdogan opened the talks.")
    [(8, 24)]
    """
    return [m.span() for m in _JOIN.finditer(text)]


def join_previous(last: Any, parties: Sequence[Any], sentence_id: int, modes: Sequence[str]) -> Any:
    """``last`` (an event of the post) with ``parties`` added when it was stated in the sentence
    just before ``sentence_id`` and its mode is one of ``modes``; else ``last`` unchanged.

    For a sentence where :func:`joins_previous` holds: the host or mediator joins that interaction.
    """
    if last.sentence_id != sentence_id - 1 or last.mode not in modes:
        return last
    new = [p for p in parties if p.code not in last.codes]
    if not new:
        return last
    return replace(last, parties=[*last.parties, *new], participants=last.participants | {p.actor_id for p in new})
