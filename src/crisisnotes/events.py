"""Diplomatic interactions → events (GUIDELINES §3–4); channels are in :mod:`crisisnotes.channels`.

``diplomatic_events`` reads each post's sentences in order: it finds
interaction cues (:mod:`crisisnotes.cues`), the parties around each cue
(:mod:`crisisnotes.parties`), held or planned (:mod:`crisisnotes.tense`) and
the date (:mod:`crisisnotes.dates`), then keeps one event per distinct
interaction per post.

Examples
--------
>>> import crisisnotes
>>> corpus = crisisnotes.load(crisisnotes.config.SAMPLE_DUMP)  # doctest: +SKIP
>>> events = diplomatic_events(corpus)  # doctest: +SKIP
>>> events[["date", "channel", "mode", "status"]].head()  # doctest: +SKIP
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import cuescope, cuesegments, dates, noevent, relation, tense
from .actors import ORGS
from .cues import CueLexicon
from .cuestatus import EN_PLANNED_BEFORE, IN_PRINCIPLE, cue_status, headline_topic_end
from .eventmerge import CALLS, IN_PRINCIPLE_SOURCE, Event, dedupe, joint_press, own_press, retells
from .eventsplit import split_interaction
from .implied import bare_gov_is_japans, bare_pm_is_japans, implied_parties
from .implied import speakers as posting_speakers
from .parties import AGAIN, Party, cue_parties, first_person, topic
from .parties import named_pair as listed_before
from .places import _CITY_RX, CITIES

if TYPE_CHECKING:
    from .corpus import Corpus

EVENT_COLUMNS = [
    "event_id", "date", "date_exact", "window_start", "window_end", "status", "mode",
    "participants", "parties", "channel", "post_id", "sentence_id", "evidence",
    "cameo", "plover_event", "plover_mode", "initiator", "outlet", "handle", "posted_on",
    "n_sentences",
]  # fmt: skip
_SPECULATION = r"とみられ|と見られ|可能性がある|\breportedly\b|\bmay have\b"


def _post_events(
    sents: list[Any],
    mentions: Mapping[int, list[Party]],
    post: Mapping[str, Any],
    cues: CueLexicon,
    speaker: Party | None,
) -> list[Event]:
    """Events of one post: ``sents`` its sentence rows in order, ``mentions`` its actors by sentence_id."""
    post_date = post["posted_on"]
    post_date = None if pd.isna(post_date) else pd.Timestamp(post_date).date()
    ref = post_date or dates.orphan_reference([s.norm for s in sents])  # GUIDELINES §4: an orphan's own latest date
    events: list[Event] = []
    carried: Party | None = None
    last_person: Party | None = None
    press_before = press_seen = joint_seen = False
    anchor: dates.EventDate | None = None
    anchor_topic: str | None = None
    dated_told: list[tuple[str, dates.EventDate]] = []  # each dated sentence and its day, for 採択の前日
    post_text = " ".join(x.norm for x in sents)
    japans_pm, japans_gov = bare_pm_is_japans(post_text), bare_gov_is_japans(post_text)
    council: str | None = None  # EU外相理事会 … 理事会は: the organisation whose council was named
    for s in sents:
        text, lang = s.norm, ("ja" if s.lang == "ja" else "en")
        parties = list(mentions.get(int(s.sentence_id), ()))
        if lang == "ja":
            parties = implied_parties(text, parties, council, japans_pm, japans_gov)
            council = next((p.code for p in parties if p.code in ORGS and _COUNCIL_AFTER.match(text, p.end)), council)
        own_topic = topic(text, parties) if lang == "ja" else (parties[0] if parties else None)
        exprs = dates.find_time_expressions(text)
        n_before = len(events)
        when = post_date if post_date is not None or not exprs else ref  # an orphan dates what its text dates
        if not dates.is_year_only(text):
            segs = cuesegments.dated_segments(text, lang, exprs)  # 10日に…、12日には…: one occasion each
            found = cues.find(text, lang)
            found = found + cuesegments.elided_cues(text, lang, segs, found, parties)
            found = sorted(found + cuesegments.pair_gatherings(text, lang, parties, found), key=lambda c: c.start)
            segs = cuesegments.merge_empty(segs, found)
            pronoun = lang == "en" and _EN_PRONOUN_SUBJECT.match(text) is not None
            he = last_person if pronoun and last_person is not None else carried
            n_cued = len(events)
            named_day = relation.occasion_day(text, dated_told) if lang == "ja" else None
            for cue in found:
                events += _cue_event(s, text, lang, cue, parties, he, speaker, when, named_day or anchor,
                                     anchor_topic, own_topic, exprs, events, segs)  # fmt: skip
            # "Speaking to reporters alone, X said … . He repeated that …"; 「…」とも強調した: more of those remarks
            if ((pronoun or (lang == "ja" and _JA_CONTINUES.match(text))) and press_before) or (
                    lang == "ja" and press_seen and _JA_ALSO_SAID.search(text)):
                events[n_cued:] = [replace(e, to_press=True) if e.mode == "statement" else e for e in events[n_cued:]]
        if joint_seen and own_press(text) and not _ALONE.search(text):  # …共同記者会見で… 。X氏は会見で…: that same one
            events[n_before:] = [replace(e, at_joint=True) if e.mode == "statement" else e for e in events[n_before:]]
        joint_seen = joint_seen or joint_press(text)
        press_before = own_press(text)
        press_seen = press_seen or press_before
        joined = cuescope.join_spans(text)  # someone given a part (同席, "opened the talks") in the interaction just told
        if joined and n_before and retells(events[n_before - 1], events[n_before:], text, joined):
            del events[n_before:]  # "Erdogan opened the talks", 会談はXの仲介によるもので: the talks just told, not new ones
        if joined and len(events) == n_before and events:
            events[-1] = cuescope.join_previous(events[-1], parties, int(s.sentence_id), (*CALLS, "talks"))
        if own_topic is not None:
            carried = own_topic
        persons = sorted((p for p in parties if p.is_person), key=lambda p: p.start)
        if persons:
            last_person = persons[0]  # "He is expected to speak to Putin": the person told just before
        dated = [e for e in exprs if e.kind in ("explicit", "relative", "weekday") and not cuescope.in_dateline(text, e.start)]
        if len(dated) > 1 and re.match(r"から(?![\d\s])", text[dated[0].end :]):
            dated = dated[1:]  # 7日から開かれていた会合は8日、…閉幕: the occasion told is the 8th's
        if dated and (when is not None or (dated[0].kind == "explicit" and dated[0].year and dated[0].month)):
            told = events[n_before:]  # 12日に開かれる会合: the day of a plan is in the future, not a month back
            planned = all(e.status == "planned" for e in told) if told else (  # …21日、…討議に出席する。: the day of a plan
                lang == "ja" and tense.main_status(text) == "planned")
            anchor = dates.resolve(dated[0], when, status="planned" if planned else "occurred")
            if planned and told and len(dated) > 1 and told[-1].when.exact:
                anchor = told[-1].when  # 外相は16日、首相が18日に訪問すると発表: the plan's day, not the telling's
            dated_told.append((text, anchor))
            anchor_topic = carried.code if carried else None
        elif not dated and (named := relation.named_occasion(text, None, _told(events))):
            # 協議のあと記者会見し、… そのうえで…: the press conference after the talks is the occasion now (§4 rules 1, 3)
            anchor = dates.resolve_event_date(text, when, status="occurred", anchor=named[1], relation=named[0], only=(0, 0))
    # a plan told in the sentences of a dated occasion, with no date of its own: undated (GUIDELINES §4 rule 5); its
    # inherited date served only to tell it apart from other plans while merging
    return [replace(e, when=dates.EventDate(None, False, source="rule:undated-plan")) if e.when.source == _PLAN_SAME else e
            for e in dedupe(events)]


_EN_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\s+(?:is|was|will|would|then|also|later|had|has|met|held|spoke|flew|flies|travel|heads|arrives|"
                                 r"said|repeated|added|warned|told|stressed|urged)")
_EN_PARTNER = re.compile(r"\b(?:coordinated|in coordination|together|in concert|jointly|along) with\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_COUNCIL_AFTER = re.compile(r"[）)]?(?:の)?[^、。はが]{0,6}?理事会")
_PLAN_SAME = "rule:same-plan"
_ALONE = re.compile(r"単独|\balone\b|\bseparately\b", re.I)
_JA_CONTINUES = re.compile(r"(?:そのうえで|その上で|さらに|また)、?")  # そのうえで…と警告: more of the press conference just told
_JA_ALSO_SAID = re.compile(r"」?と(?:も|も改めて)(?:強調|述べ|語|指摘|訴え|表明)")  # 「…」とも強調した: more of the remarks just told
_JA_PARTNER = re.compile(r"(?:[）)]|[（(][^（()）]{1,12}[）)])?(?:など|各国|諸国)?(?:をはじめとする[^、。]{0,12})?と(?:共に|ともに|連携|協力|協調|一緒|足並み)")
_JOINS = re.compile(r"(?:オンライン|テレビ会議|ビデオ会議)?(?:形式)?で参加|に参加し|に出席し|に同席し|\bjoined (?:the|by video|virtually|online)\b", re.I)
_RELATIVE_CLAUSE = re.compile(r"^(?:し)?た(?:ばかりの)?[^、。]{1,24}?(?:は|が)")
_FORMATS = [  # negotiation formats and the parties they consist of (GUIDELINES §3, talks)
    (re.compile(r"ノルマンディー|\bNormandy (?:format|Four|talks)\b"), ("DEU", "FRA", "RUS", "UKR")),
    (re.compile(r"(?:3|三)者(?:連絡|コンタクト・?)グループ|\bTrilateral Contact Group\b"), ("OSCE", "RUS", "UKR")),
    (re.compile(r"NATO・?ロシア理事会|\bNATO-Russia Council\b"), ("NATO", "RUS")),
]
_BOTH = re.compile(
    r"(?:両首脳|両氏|両外相|両大統領|両国|双方)(?:は|が|とも|による)|(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])[2-9２-９二三四五]\s*(?:首脳|外相|氏|か国|カ国|ヵ国|者)(?:の(?:首脳|外相))?(?:は|とも|による)|\b[Tt]he two (?:leaders|men|sides|ministers|presidents|countries|governments|nations|states)\b|\b[Bb]oth sides\b|\b[Tt]he sides\b"
)
_EN_PRINCIPAL = re.compile(r"\b(?:prime minister|president|chancellor|foreign minister|foreign secretary|secretary of state)\s+"
                           r"(?:held|had|holds|has|will hold)\s+(?:\w+\s+){0,2}$", re.I)  # "The British prime minister held talks with Y"
_EN_TALKS_GENERIC = re.compile(r"^(?:talks|talked|talking)$", re.I)
_JA_IN_CITY = re.compile(rf"(?:{_CITY_RX.pattern})(?:で|では|を訪)")  # the city table of places.py
_EN_TO_CITY = re.compile(rf"\b(?:to|in)\s+(?:{_CITY_RX.pattern})\b")
_JA_COUNTERPARTS = re.compile(r"(?:外相|首脳|首相|大統領)(?:ら)?と$")  # 英仏独の外相と(協議): counterparts by title
_EN_COUNTERPARTS = re.compile(r"\s+with\s+(?:his|her|their)\s+(?:[\w-]+,?\s+(?:and\s+)?){0,4}counterparts?\b")
_GATHERING = re.compile(r"(?:外相|首脳|閣僚|国防相|外務・防衛担当閣僚)(?:会合|会議)$")
_TOLD_THAT = re.compile(r"\b(?:told|tells|telling|assured|informed|warned|stressed|said to)\b[^.;]*?\b(?P<that>that)\b", re.I)
_ANNOUNCED = re.compile(r"^[^。「」]{0,40}?(?:する|科す|かける|加える)と(?:発表|表明|明らかにし|決めた|決定し)")
_QUOTE_NAME = re.compile(r"「[^「」。]{1,24}」")


def _told(events: list[Event], by: Any = None) -> list[tuple[str, dates.EventDate]]:
    """The occasions of ``events`` dated by the text (not only by the report), with their modes; only those
    on or before the date ``by`` if given."""
    return [(e.mode, e.when) for e in events if e.when.date is not None and e.when.source != "rule:news"
            and (by is None or e.when.date <= by)]  # fmt: skip


def _cue_event(s, text, lang, cue, parties, carried, speaker, post_date, anchor, anchor_topic,
               own_topic, exprs, earlier, segs=((0, 1 << 30),)) -> list[Event]:  # fmt: skip
    span = cuesegments.segment_of(segs, cue.start) if len(segs) > 1 else None
    if span is not None:
        parties = cuesegments.segment_parties(text, lang, segs, parties, cue.start, exprs)
    after, before = text[cue.end :], text[: cue.start]
    if lang == "en" and re.search(r"\b(?:their|its)\s+(?:[\w-]+\s+)?$", before[-24:]):
        carried = None  # "NATO leaders at their summit": the possessor's own gathering, no one carried from before
    if noevent.non_event(text, lang, cue):
        return []  # cancelled, negated, asked for, a reference, an aggregate … (noevent)
    people = {p.actor_id for p in parties if p.is_person}
    if len(people) >= 2 and len({p.code for p in parties}) == 1 and cue.mode in ("meeting", "phone_call", "talks"):
        return []  # プーチン大統領はラブロフ外相と面会: two officials of one state meet, a domestic act
    same = [e for e in earlier if e.post_id == s.post_id and e.sentence_id == s.sentence_id]
    borrowed = [p for e in same for p in e.parties]
    mode = cuescope.refine_mode(text, lang, cue.start, cue.end, cue.mode)  # threat, delegations, trip
    cut = None if lang != "en" else (cuescope.request_complement(text, cue.start, cue.end) if mode == "statement"
                                      else cuescope.later_request(text, cue.end))  # fmt: skip
    own = [p for p in parties if cut is None or p.start < cut]  # "urged X to sanction Y": Y is what is asked for
    # ロシアとの協議を前に、…: a party of an interaction named as a time reference or theme is not this one's;
    # nor, for a statement, those standing beside the speaker (Speaking alongside X)
    spans = [(a, b) for a, b in cuescope.reference_spans(text, lang, cue.mode) if not a <= cue.start < b]
    if mode == "statement":
        spans += cuescope.beside(text, lang)
    own = [p for p in own if not any(a <= p.start < b for a, b in spans)]
    if lang == "ja" and mode not in ("statement", "sanctions"):  # 対ロシアの対応をすり合わせ: Russia is the theme
        own = [p for p in own if text[max(p.start - 1, 0) : p.start] != "対" or p.start == 0]
    if lang == "ja" and mode != "sanctions":  # ロシア産エネルギー: the origin of goods, not a party
        own = [p for p in own if not text.startswith("産", p.end)]
    if lang == "en" and mode in (*CALLS, "talks") and (told := _TOLD_THAT.search(text)) and told.start("that") > cue.end:
        own = [p for p in own if p.start < told.start("that")]  # "told X in a call that Y…": Y is what was told
    if mode == "statement" and lang == "en":  # "sanctions coordinated with the G7": a partner, not the addressee
        own = [p for p in own if not _EN_PARTNER.search(text[max(0, p.start - 30) : p.start])]
    if mode == "statement" and lang == "ja":  # G7と共に厳しい対応をとる: a partner, not the addressee
        own = [p for p in own if not _JA_PARTNER.match(text, p.end)]
    if mode == "statement":  # the state invaded in the warning's condition is not addressed
        kept = [p for p in own if not cuescope.conditional_victim(text, lang, p.start, p.end)]
        by_carried = carried is not None and len({p.code for p in kept} | {carried.code}) >= 2  # 理事会は、Xが…攻撃に出れば
        own = kept if len({p.code for p in kept}) >= 2 or by_carried else own
    chosen = cue_parties(text, own, cue.start, cue.end, lang=lang, mode=mode, carried=carried,
                         borrowed=borrowed, lead=same[0].initiator if same else None)  # fmt: skip
    if span is not None:  # a city of destination in another dated segment is that occasion's
        chosen = [p for p in chosen if p.actor_id not in CITIES or span[0] <= p.start < span[1]]
    if lang == "ja" and _GATHERING.search(cue.surface) and re.match(r"で(?!(?:の)?(?:会談|協議|会い))", after):
        return []  # 22日の外相会合で…合意: the gathering is where something was agreed (its members' own)
    if _GATHERING.search(cue.surface):
        # 日米豪印の首脳会合, G7外相会合: the members are named before the gathering's name
        chosen = [p for p in chosen if p.start < cue.start]
    if speaker is not None and first_person(text, lang):
        chosen.append(speaker)
    if lang == "en" and carried is not None and _EN_PRONOUN_SUBJECT.match(text) and carried.code not in {p.code for p in chosen}:
        chosen.append(carried)  # "He is then scheduled to join X and Y": he is the one carried from before
    both, again = _BOTH.search(text), AGAIN.search(text)
    if both and both.group().endswith("による") and cuescope.joins_previous(text) and "後" not in text[: both.start()]:
        return []  # Xが仲介役として同席し、3者による会談となった: X joins the meeting just told (unless held 会談後)
    call_told = None
    listed = both is not None and len({p.code for p in parties if p.start < both.start()}) >= 2  # 露、宇、独、仏の4か国は
    named = len({p.code for p in chosen if p.is_person and p.start > (both.end() if both else 0)}) >= 2
    if (again or (both and not listed and not named)) and earlier:  # "the two presidents agreed their ministers, X and Y, would meet"
        prev = [e for e in earlier if e.mode == cue.mode] if again and not (both and not listed) else earlier
        if again and not both and prev:  # 習氏と再び会談: again with the two just named, not with whoever came last
            named_codes = {p.code for p in chosen}
            prev = [e for e in prev if named_codes == e.codes] or [e for e in prev if named_codes <= e.codes] or prev
        if prev:
            if both:  # 双方は: the two sides just told, not a topic carried from further back, nor the topic
                chosen = [p for p in chosen if p in parties and not (  # of a clause before (北朝鮮は…発射し、両首脳は)
                    lang == "ja" and p.end <= both.start() and text.startswith("は", p.end) and "、" in text[p.end : both.start()])]
            chosen = chosen + prev[-1].parties
            if again and mode == "meeting" and prev[-1].mode == "talks" and prev[-1].status == "occurred":
                mode = "talks"  # the sides agreed to meet again: another round of the talks just told
            call_told = prev[-1] if both and mode == "meeting" and prev[-1].mode == "phone_call" and not exprs else None
    chosen = (listed_before(text, parties, cue.start) if lang == "ja" else []) or chosen  # AとBの首脳会談
    fmt = next((codes for rx, codes in _FORMATS if rx.search(text, max(0, cue.start - 16), cue.end + 4)), ())
    if fmt and mode in ("talks", "meeting", "phone_call") and {p.code for p in chosen} <= set(fmt):
        # ノルマンディー形式の4カ国の協議: the format names its members, unless the sentence lists others
        chosen = chosen + [Party(c, c.lower(), -1, -1, "org" if c in ORGS else "state")
                           for c in fmt if c not in {p.code for p in chosen}]
    if len({p.code for p in chosen}) < 2:
        return []
    # dating and status look past a quoted name (「NATOロシア理事会」が12日、開かれた)
    q = next((m for m in _QUOTE_NAME.finditer(text) if m.start() < cue.start < m.end()), None)
    c_start, c_end = (q.end(), q.end()) if q else (cue.start, cue.end)
    if s.part == "text" and lang == "ja" and (topic_end := headline_topic_end(text, cue.end)) is not None:
        c_start = topic_end  # 首脳会談、18日に…で開催へ: its day is told in the topic's own predicate
    status = cue_status(s.part, text, lang, c_end, max((e.cue.end for e in same), default=0))
    if mode == "statement" and (cue.mode == "sanctions" or not EN_PLANNED_BEFORE.search(before[-40:])):
        status = "occurred"  # a warning or demand is made now, whatever future it speaks of
    if mode == "sanctions" and status == "planned" and _ANNOUNCED.search(after[:60]):
        status = "occurred"  # 資産を凍結すると発表した: sanctions announced are imposed (GUIDELINES §3)
    if mode == "statement" and re.search(_SPECULATION, text, re.I):
        return []
    if call_told is not None and status == call_told.status and {p.code for p in chosen} == call_told.codes:
        mode = "phone_call"  # オンラインで首脳会談…両首脳による会談は80分: the call just told, by its generic name
    persons = {p.code for p in chosen if p.start >= 0 and p.is_person}
    titled = bool(_EN_PRINCIPAL.search(before)) and len(persons) == 1 and len({p.code for p in chosen}) == 2
    counterparts = _JA_COUNTERPARTS.search(before[-8:]) if lang == "ja" else _EN_COUNTERPARTS.match(after)
    if lang == "ja" and mode == "talks" and cue.surface == "協議" and (len(persons) >= 2 or counterparts) \
            and _JA_IN_CITY.search(before) and not cuescope.meeting_as_talks(text, lang):
        mode = "meeting"  # ワシントンでは…両国の閣僚が…と協議: named ministers consulting in one city meet in person
    if lang == "ja" and mode == "talks" and re.match(r"(?:は|が|も)、?[^。、]{0,12}?オンライン(?:形式|方式)?で", after):
        mode = "phone_call"  # 協議は、近くオンライン形式で再開される: an online round is a call (GUIDELINES §3)
    if lang == "en" and mode == "talks" and _EN_TALKS_GENERIC.match(cue.surface) and (len(persons) >= 2 or titled or (
            counterparts and _EN_TO_CITY.search(before))) \
            and not cuescope.meeting_as_talks(text, lang):  # delegations led by X and Y: talks
        mode = "meeting"  # an in-person ministers' or leaders' meeting even when called "talks"
    rel = relation.relation_to_anchor(text, c_start)
    told = _told(earlier, post_date if status == "occurred" else None)
    if rel in ("antecedent", "consequent") and (named := relation.named_occasion(text, c_start, told)):
        anchor = named[1]  # 協議のあと: counted from the talks told, not from whatever was dated last
    same_speaker = own_topic is None or (anchor_topic is not None and own_topic.code == anchor_topic) \
        or bool(_JOINS.search(text))  # Xもオンラインで参加し: joining the occasion just told
    if status == "occurred" and anchor is not None and post_date is not None and anchor.date is not None \
            and anchor.date > post_date:
        anchor = None  # what has happened neither continues nor follows an occasion still to come
    if rel is None and not exprs and anchor is not None and same_speaker:
        rel = "same"
    only = _headline_segment(s.part, text, lang, cue.start) or cuesegments.aside_span(text, lang, cue.start, exprs)
    if lang == "ja" and _RELATIVE_CLAUSE.match(after) and not any(e.end <= cue.start for e in exprs):
        only = (cue.start, cue.start)  # プーチン大統領と会談したマクロン大統領は8日、…: the 8th dates the main clause
    when = dates.resolve_event_date(text, post_date, status=status, cue_start=c_start, anchor=anchor,
                                    relation=rel, span=span, only=only)  # fmt: skip
    if status == "planned" and rel == "same" and not exprs and when.source == "rule:same":
        when = replace(when, source=_PLAN_SAME)
    if status == "planned" and IN_PRINCIPLE.search(text):
        when = dates.EventDate(None, False, source=IN_PRINCIPLE_SOURCE)  # a summit accepted in principle has no day yet (§4 rule 5)
    return split_interaction(s, cue, mode, status, chosen, parties, carried, lang, when, exprs, segs, post_date, c_start)


def _headline_segment(part: str, text: str, lang: str, pos: int) -> tuple[int, int] | None:
    """The space-separated segment of a Japanese headline holding ``pos`` (None elsewhere)."""
    if part != "text" or lang != "ja":
        return None
    spans = [m.span() for m in re.finditer(r"[^\s\u3000]+", text)]
    return next(((a, b) for a, b in spans if a <= pos < b), None) if len(spans) > 1 else None


class EventExtractionWarning(UserWarning):
    """A post whose events could not be extracted (a fault of the rules, named by post): the others are kept."""


def diplomatic_events(corpus: Corpus, *, cues: CueLexicon | None = None) -> pd.DataFrame:
    """Dated diplomatic interactions stated in the corpus, one row per interaction per post.

    Columns as in ``docs/architecture.md`` (events), plus ``cameo``,
    ``plover_event``, ``plover_mode``, the post's ``outlet``/``handle``/
    ``posted_on`` and ``n_sentences`` (how many sentences state it).
    """
    cues = cues or CueLexicon.load()
    posts = {p["post_id"]: p for p in corpus.posts[["post_id", "handle", "outlet", "posted_on"]].to_dict("records")}
    speakers = posting_speakers(corpus.posts, corpus.lexicon)
    # plain Python rows, grouped once (pandas indexing per post and per sentence cost ~0.01 s a post)
    by_post: dict[str, list[Any]] = {}
    cols = ["post_id", "sentence_id", "part", "text", "norm", "lang"]
    for row in corpus.sentences[cols].itertuples(index=False, name="Sentence"):
        by_post.setdefault(row.post_id, []).append(row)
    ments = corpus.mentions_with_roles  # the office holder tells two same-day calls apart (国防長官も…国防相と)
    parties_of: dict[str, dict[int, list[Party]]] = {}
    for pid, sid, country, aid, start, end, kind in zip(
        *(ments[c].tolist() for c in ("post_id", "sentence_id", "country", "actor_id", "start", "end", "kind")),
        strict=True,
    ):  # fmt: skip
        parties_of.setdefault(pid, {}).setdefault(int(sid), []).append(Party(country, aid, int(start), int(end), kind))
    rows = []
    for pid, group in by_post.items():
        post = posts[pid]
        handle = post["handle"].lower() if isinstance(post["handle"], str) else ""
        group.sort(key=lambda r: r.sentence_id)
        try:
            found = _post_events(group, parties_of.get(pid, {}), post, cues, speakers.get(handle))
        except Exception as exc:  # noqa: BLE001 - one post the rules cannot read must not cost the dump its events
            warnings.warn(f"post {pid}: its events could not be extracted ({type(exc).__name__}: {exc}); they are "
                          "left out, the other posts' are kept", EventExtractionWarning, stacklevel=2)  # fmt: skip
            continue
        for e in found:
            codes = sorted(e.codes)
            rows.append({
                "date": e.when.date, "date_exact": e.when.exact, "window_start": e.when.window_start,
                "window_end": e.when.window_end, "status": e.status, "mode": e.mode,
                "participants": sorted(e.participants), "parties": codes, "channel": "–".join(codes),
                "post_id": pid, "sentence_id": e.sentence_id, "evidence": e.evidence,
                "cameo": e.cue.cameo or None, "plover_event": e.cue.plover_event or None,
                "plover_mode": e.cue.plover_mode or None, "initiator": e.initiator, "outlet": post["outlet"],
                "handle": post["handle"], "posted_on": post["posted_on"], "n_sentences": e.n_sentences,
            })  # fmt: skip
    df = pd.DataFrame(rows, columns=[c for c in EVENT_COLUMNS if c != "event_id"])
    for col in ("date", "window_start", "window_end"):
        df[col] = pd.to_datetime(df[col])
    df.insert(0, "event_id", [f"{p}#{i}" for i, p in enumerate(df["post_id"])])
    return df

