"""Cue occurrences that are no event of their own (GUIDELINES §3, "Not annotated").

A cue found in a sentence is not an event when the text cancels or negates it, only offers,
asks for or plans nothing, names it as a time reference to talks told elsewhere, counts
several of them at once, or when a statement is aimed at an unnamed group.

>>> from crisisnotes.cues import CueLexicon
>>> text = "両外相は会談後、記者会見した。"
>>> cue = next(c for c in CueLexicon.load().find(text, "ja") if c.surface == "会談")
>>> non_event(text, "ja", cue)
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import cuescope

if TYPE_CHECKING:
    from .cues import Cue

_CANCELLED = re.compile(
    r"^[^、。]{0,12}?(?:を|は|が)?(?:中止|見送|取りやめ|取り止め|延期|キャンセル|白紙)|"
    r"^[^、。]{0,12}?(?:を|は|が)?(?:中断|打ち切|停止)|"
    r"^[^、。]{0,12}?(?:が|は)(?:実現しなかった|行われなかった|実現するか(?:どうか)?)|"
    r"^(?:を|は)、?[^。]{0,30}?(?:先送り|延期|中止|見送|取りやめ)(?:し|す|と|に|され|を|ら)|"
    r"\b(?:call(?:ed|ing)? off|cancel(?:led|ed|s)?|scrapped|postponed|suspend(?:ed|s)?)\b|"
    r"^(?:\s+[\w-]+){0,10}?\s+(?:did not|didn't|never) (?:take place|happen|materiali[sz]e)\b|^\s+fell through\b", re.I
)
_CANCEL_BEFORE = re.compile(
    r"\b(?:call(?:ed|ing)? off|cancel(?:led|ed|s|ling)?|scrap(?:ped)?|postpon(?:e|ed|es|ing)|delay(?:ed|s|ing)?|put off|skip(?:s|ped|ping)?|boycott(?:s|ed|ing)?|stay(?:ed|s)? away from|pull(?:ed|s)? out of|ended|concluded|wrapped up|walked out of)"
    r"\s+(?:\w+\s+){0,3}$", re.I)  # fmt: skip
_NEG_BEFORE = re.compile(
    r"\b(?:reluctant to|refus(?:e|es|ed|ing) to|declin(?:e|es|ed|ing) to|not to|has not|have not|hasn't|haven't|won't|will not|did not|didn't|does not|doesn't|never|"
    r"could not|couldn't|failed to|unable to)\s+(?:\w+\s+){0,3}$",
    re.I,
)
_NEG_AFTER = re.compile(r"^(?:を|は|には|に)?(?:し|せ|行わ|開か|応じ)(?:ない|なかった|ず|ません)"
                        r"|^を?(?:まとめられ|出せ|発表でき|採択でき|まとめ切れ)(?:ず|なかった|ない)|^に(?:つながり|つなが)(?:うる|得る)"
                        r"|^(?:を|に)?(?:拒|拒否|拒ん)|^(?:に入|を始め|を開始|に応じ)(?:れば|たら)")
_ADNOMINAL_COORD = re.compile(r"\b(?:sanctions|measures|response|steps|action|actions|penalties)\s+$", re.I)
_AIM = re.compile(r"^(?:る|し)?(?:ねらい|狙い)(?:が|も)")  # 対応をすり合わせるねらいがある: a presumed purpose, not an act
_NO_PLANS = re.compile(r"^の?(?:日程|時期)は(?:未定|示されて|決まって|明らかにされて|明らかになって)|^[^。]{0,40}?(?:計画|予定|根拠|考え|つもり)は(?:現時点で|今のところ|当面)?(?:ない|ありません|なく|見当たら)|^\s+(?:is|are|was|were) not (?:planned|scheduled|expected)\b", re.I)
_OFFER = re.compile(r"用意がある|用意があると|(?:仲介|実現|開催)?に意欲|\bready to host\b|\boffered to host\b|\bcould host\b", re.I)
_EN_READY_BEFORE = re.compile(r"\b(?:is|are|was|were|remains?|remained|be|being)\s+(?:still\s+)?(?:open to|ready (?:for|to)|willing to)"
                              r"\s+(?:[\w'-]+\s+){0,5}$", re.I)  # "Moscow was ready to travel to Geneva for talks": willingness only
_EN_OFFER_BEFORE = re.compile(r"\boffer(?:s|ed|ing)?\s+to\s+(?:(?:host|mediate|broker|facilitate)\b"
                              r"(?:\s+(?!as\b|while\b|when\b|after\b)[\w'-]+){0,5}\s+)?$", re.I)  # "an offer to host talks"
_REQUESTED = re.compile(r"^[^。、]{0,20}?よう(?:に)?(?:、)?(?:[^、。]{0,12})?(?:求め|要求|要請|呼び掛け|呼びかけ|促)")
_ASKED_FOR = re.compile(r"^(?:の(?:開催|実現|継続|強化|発動|延長|再開)?|入り)?を?(?:[^、。を]{1,8}に)?(?:要請|要求|提案|申し入れ|打診|求め)")  # 会談を要請: asked for, not held
_ACCEPTED = re.compile(r"受け入れ|受諾|合意|同意|応じ|一致")  # 提案し、両首脳は原則として受け入れた: planned
_AGGREGATE = re.compile(
    r"これまで(?:に)?\s*\d+\s*回|\d+\s*回目?(?:の|に)?わたり|(?:今月|今年|ことし)に入って\s*\d+\s*回目|"
    r"\b(?:held|had|have held|have had)\s+(?:\w+\s+)?(?:two|three|four|five|several|multiple|numerous|\d+)\s+"
    r"(?:phone calls|calls|meetings|rounds|sessions)\b",
    re.I,
)
_OWN_CITIZENS = re.compile(r"自国民|日本人|在留邦人|国民に対し|退避するよう|出国するよう|\bcitizens\b|\bnationals\b", re.I)
_REFERENCE = re.compile(
    r"^(?:後|の後|のあと|の終了後|終了後|に先立|を前に|を控え|の前|の内容|の結果|の成果|の中で|を行って以来|以来|の場|の冒頭|で(?:の)?演説|の(?:記者)?会見|の際|の合間|の席|の成功|の中身|の詳細|を経て|を通じ(?:て|た)|は「|が(?:行われる|開かれる|行われた)ことを確認|が行われたこと(?:自体)?は|は(?:約|およそ)?[^、。]{0,8}?(?:初めて|ぶり)。?$|(?:する|した|れる|た|る)?のは、?[^。]{0,30}?(?:初めて|ぶり|[0-9０-９一二三四五]+(?:回|度)目)"
    r"|は(?:約|およそ)?[0-9０-９一二三四五六七八九十]+(?:時間|分)(?:[^、。]{0,8})?(?:に及|にわた|続い|を超え|を超す|を上回))"
)
_EN_REFERENCE = re.compile(r"\b(?:after|before|since|during|ahead of|following)\s+(?:the|their|this|that|its)\s+"
                           r"(?:(?![\w.'-]*ed\s)(?!had\b|met\b)[\w.'-]+\s+){0,3}$|\b(?:at the (?:end|close|start) of|on the (?:sidelines|margins) of|"
                           r"in the run-up to)\s+(?:the|their|this|that|its|a)\s+"
                           r"(?:(?![\w.'-]*ed\s)(?!had\b|met\b)[\w.'-]+\s+){0,3}$", re.I)
_VAGUE_ADDRESSEE = re.compile(r"(?:欧米|西側|欧米諸国|西側諸国|国際社会)(?:各国)?(?:の(?:外相|首脳|政府|指導者)(?:ら)?)?(?:を|に対し(?:て)?|に)$|\b(?:the West|Western (?:countries|nations|governments))\s*$")
_VAGUE_AFTER_EN = re.compile(r"^\s+(?:all sides|all parties|the international community|the West|Western (?:countries|nations|governments|leaders|allies)|(?:European |NATO |Western )?allies)\b", re.I)
_JA_ACT_THEME = re.compile(r"^(?:案|について|をめぐ|に関し|の是非|の可否|の(?:具体的な)?(?:中身|内容|詳細|規模)|には?(?:慎重|消極|否定|反対)|を検討|の検討|(?:を)?(?:すれば|した場合|するなら)|(?:など)?を通じ(?:て|た))")
_JA_TALKS_THEME = re.compile(r"^(?:プロセス|の枠組み)?(?:を|の|が|は)(?:引き続き|再び)?(?:支持|後押し|再開させ|動かす|活性化|難航|行き詰ま)")
_EN_TALKS_THEME = re.compile(r"^(?:\s+with\s+[\w-]+)?\s+(?:had|have|has)\s+(?:reached a dead end|stalled|broken down)\b|"
                             r"^\s+(?:were|are|had been)\s+(?:at a dead end|deadlocked|stalled)\b", re.I)
_EN_TALKS_SUPPORT = re.compile(r"\bsupport(?:s|ed|ing)?\s+(?:for\s+)?(?:the\s+)?(?:peace\s+)?$", re.I)
_EN_DAYS_BEFORE = re.compile(r"\b(?:days|hours|weeks|a day|a week) (?:before|after|ahead of)\b[^.;]*$", re.I)  # "…, days before X meet"
_SERIES = re.compile(r"(?:これらの|一連の|これまでの)(?:[^、。]{0,4}との)?$|\b(?:these|those|this week's)\s+(?:series of\s+)?$|\bseries of\s+$", re.I)

_JA_IF = re.compile(r"場合|れば|たら|なら[、ば]")  # a Japanese condition (すれば, した場合, なら、)
_JA_PREMATURE = re.compile(r"[^。]{0,30}?時期尚早")
_JA_AT_IT = re.compile(r"では?(?!\s*(?:合意|一致))")  # 会談で両首脳は…: at the meeting just told
_EN_NO_PLANS_BEFORE = re.compile(r"\b(?:no|not any) (?:immediate |current )?(?:plans?|grounds|reason) (?:for|to)\s+(?:[\w'-]+\s+){0,4}$", re.I)
_EN_PREMATURE = re.compile(r"\b(?:premature|too early|too soon)\b[^.;]{0,70}$", re.I)
_EN_SUCH = re.compile(r"\bsuch\s+$")
_EN_IF_BEFORE = re.compile(r"\b(?:if|unless|whether)\s+(?:[\w'-]+\s+){0,4}$")
_JA_SIMILE = re.compile(r"^[^。「」]{0,20}」(?:のよう|みたい)")  # 「…の対話」のようだった: a comparison
_EN_SIMILE = re.compile(r"\b(?:like\s+[\"“]?(?:a|an)|called\s+the)\s+$")
_EN_THE = re.compile(r"\b[Tt]he\s+$")
_EN_WAS = re.compile(r"\s+(?:had been|has been|was|were|went|lasted)\b")
_EN_GATHERING_BEFORE = re.compile(r"\b(?:meeting|summit|talks|dinner|conference|gathering|session)\b[^.;]{0,40}$")


_TERRITORY = r"(?:台湾|クリミア|ドンバス|香港|北方領土|Taiwan|Taipei|Crimea|Donbas|Hong Kong)"
_JA_TERRITORY_BEFORE = re.compile(rf"{_TERRITORY}(?:を|へ|に)?$")
_JA_TERRITORY_AFTER = re.compile(rf"^(?:の)?{_TERRITORY}")
_EN_TERRITORY_AFTER = re.compile(rf"^\s+(?:to\s+|in\s+)?{_TERRITORY}\b")


def to_territory(text: str, lang: str, cue: Cue) -> bool:
    """Is the visit cue ``cue`` a trip to a region or territory, which is no state (GUIDELINES §2)?

    >>> from crisisnotes.cues import Cue
    >>> t = "下院議長の台湾訪問に反発した。"
    >>> to_territory(t, "ja", Cue(t.index("訪問"), t.index("訪問") + 2, "訪問", "visit", "", "", ""))
    True
    """
    if cue.mode != "visit":
        return False
    if lang == "ja":
        return bool(_JA_TERRITORY_BEFORE.search(text[max(0, cue.start - 8) : cue.start]) or cue.surface == "訪台")
    return bool(_EN_TERRITORY_AFTER.match(text[cue.end : cue.end + 24]) or re.search(rf"{_TERRITORY}\b", cue.surface))


def non_event(text: str, lang: str, cue: Cue) -> bool:
    """Is the cue ``cue`` of ``text`` no event of its own (see the module docstring)?"""
    after, before = text[cue.end :], text[: cue.start]
    if to_territory(text, lang, cue):
        return True  # ペロシ議長の台湾訪問, "visited Taiwan": a region, not a state, is the destination
    cancelled = _CANCELLED.search(after[:90]) or _CANCEL_BEFORE.search(before[-40:])
    conditional = _JA_IF.search(cue.surface)  # ロシアが侵攻した場合には…制裁を科す用意: a threat, not an offer
    if (cancelled and cue.mode not in ("written_message", "statement")) or (not conditional and _OFFER.search((after if cue.mode == "statement" else re.split(r"[、。]", after, maxsplit=1)[0])[:30])):
        return True
    if lang == "en" and cue.mode in ("meeting", "talks", "phone_call", "visit") and (
            _EN_READY_BEFORE.search(before[-70:]) or _EN_OFFER_BEFORE.search(before[-80:])):
        return True  # "is open to talks", "was ready to travel to Geneva for talks", "offers to host a summit": an offer
    if _NEG_BEFORE.search(before[-30:]) or (lang == "ja" and _NEG_AFTER.match(after)) or _NO_PLANS.search(after[:60]) \
            or _EN_NO_PLANS_BEFORE.search(before[-50:]) or _EN_PREMATURE.search(before[-90:]) \
            or (lang == "ja" and _JA_PREMATURE.match(after)):
        return True  # 首脳会談についても…計画はない, "no plans for a meeting": nothing is planned
    if (lang == "ja" and _REFERENCE.match(after)) or _EN_REFERENCE.search(before[-25:]) or _EN_DAYS_BEFORE.search(before) \
            or (lang == "en" and _EN_SUCH.search(before[-8:])) or _SERIES.search(before[-12:]):  # "their first such meeting"
        return True  # 会談後, after the meeting: a time reference to an interaction told elsewhere
    if _AIM.match(after) or (lang == "en" and _ADNOMINAL_COORD.search(before[-25:]) and cue.surface.lower().startswith("coordinat")):
        return True  # "sanctions coordinated with the G7": a modifier, not a consultation
    if cue.mode != "statement" and (_REQUESTED.match(after) or (_ASKED_FOR.match(after) and not _ACCEPTED.search(after))):
        return True  # 交渉を始めるよう求め: the request is the event (a statement)
    if (cue.mode == "written_message" and _VAGUE_ADDRESSEE.search(before[-16:])) or (
            cue.mode == "statement" and (_OWN_CITIZENS.search(text) or _VAGUE_ADDRESSEE.search(before[-16:])
                                         or (lang == "en" and _VAGUE_AFTER_EN.match(after)))):
        return True  # 欧米をけん制, "warned the West": an unnamed group is no party (GUIDELINES §3)
    if lang == "en" and cue.mode == "other" and _EN_IF_BEFORE.search(before[-40:]):
        return True  # "if Russia sent tanks": a supply in a condition is none
    if lang == "ja" and cue.mode in ("other", "sanctions") and (_JA_ACT_THEME.match(after) or (
            after.startswith(("を含め", "を含む")) and not _JA_IF.search(text))):
        return True  # 武器供与について, 制裁案を協議: a theme or a proposal, not the act
    if (lang == "ja" and before in ("", "その", "この", "同") and _JA_AT_IT.match(after)) or (
            lang == "en" and _EN_SIMILE.search(before[-14:])) or (lang == "ja" and _JA_SIMILE.match(after)) or (  # "like a dialogue"
            lang == "en" and _EN_THE.search(before[-5:]) and _EN_WAS.match(after)):
        return True  # 会談で両首脳は…, "the conversation had been frank": the interaction just told
    if lang == "en" and cue.surface.lower().startswith("host") and after.lstrip().startswith("by ") \
            and _EN_GATHERING_BEFORE.search(before):
        return True  # "a meeting in Liverpool hosted by Britain": the host of the gathering just named
    if cue.mode == "talks" and ((lang == "ja" and _JA_TALKS_THEME.match(after) and "予定" not in before[-30:]) or (lang == "en" and (
            _EN_TALKS_THEME.match(after) or _EN_TALKS_SUPPORT.search(before[-30:])))):
        return True  # 和平交渉を支持, 協議を再開させることで一致, 協議は難航, "the talks had reached a dead end": talks as a theme
    if _AGGREGATE.search(text):
        return True  # "held three phone calls", これまで3回: aggregate mentions are not events
    # a requested act, a reference to a told interaction, a speech (cuescope)
    return cuescope.skip_reason(text, lang, cue.start, cue.end, cue.mode) is not None
