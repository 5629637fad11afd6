"""One event per interaction per post: the event record and how repeats are merged (GUIDELINES §3).

When several sentences of a post tell the same interaction (a headline and its body, a second
sentence about the same call), they become one event: the best-dated one, with every party and
sentence counted. Visits are folded into the meeting they lead to, statements into the call they
were made in, and a headline's 会談 into the body's online call.

Examples
--------
>>> import datetime as dt
>>> a = EventDate(dt.date(2022, 1, 26), True, None, None, "explicit")
>>> b = EventDate(dt.date(2022, 1, 26), False, dt.date(2022, 1, 24), dt.date(2022, 1, 26), "rule:news")
>>> compatible(a, b), rank(a) > rank(b)
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .cues import Cue
from .eventdates import EventDate
from .parties import Party

CALLS = ("phone_call", "meeting")
IN_PRINCIPLE_SOURCE = "rule:undated-in-principle"
"""Date source of a meeting accepted only "in principle" (原則として応じた): undated, and no other dated plan."""


@dataclass
class Event:
    post_id: str
    sentence_id: int
    cue: Cue
    mode: str
    status: str
    parties: list[Party]
    when: EventDate
    evidence: str
    part: str = "body"
    initiator: str | None = None
    n_sentences: int = 1
    participants: set[str] = field(default_factory=set)
    persons: set[tuple[str, str]] = field(default_factory=set)  # (code, actor id) of the persons named
    to_press: bool = False  # said at the speaker's own press conference, told in the sentence before
    at_joint: bool = False  # said at the joint press conference told before (X氏は会見で… after 共同記者会見で…)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(p.code for p in self.parties)


def compatible(a: EventDate, b: EventDate) -> bool:
    """Can two dates describe the same interaction?

    A date that only says "reported in this post" (rule 4) fits any other; so does no date, except
    that a meeting accepted only in principle (no day yet) is not one whose day is known.
    """
    if IN_PRINCIPLE_SOURCE in (a.source, b.source) and (a.date or b.date):
        return False
    if a.date is None or b.date is None or a.source == "rule:news" or b.source == "rule:news":
        return True
    lo_a, hi_a = (a.date, a.date) if a.exact else (a.window_start or a.date, a.window_end or a.date)
    lo_b, hi_b = (b.date, b.date) if b.exact else (b.window_start or b.date, b.window_end or b.date)
    return lo_a <= hi_b and lo_b <= hi_a


def rank(d: EventDate) -> int:
    """How much a date says: exact > a window from the text > "reported in this post" > none."""
    if d.exact:
        return 3
    if d.date is None:
        return 0
    return 1 if d.source == "rule:news" else 2


def same_interaction(x: Event, e: Event) -> bool:
    """Do ``x`` and ``e`` (same post) report one interaction?"""
    if x.mode != e.mode:
        return False
    a, b = x.codes, e.codes
    px, pe = person_ids(x), person_ids(e)
    if len(px) >= 2 and len(pe) >= 2 and not (px & pe):
        return False  # Biden-Putin and Blinken-Lavrov calls on one day are two interactions
    if x.mode == "statement" and px and pe and not (px & pe) and x.initiator and e.initiator and x.initiator != e.initiator:
        return False  # Stoltenberg warned Russia, Grushko warned NATO: two statements, one from each side
    if x.mode in CALLS and x.persons & e.persons:  # one person in both, then other counterparts of one state:
        for code in {c for c, _ in x.persons} & {c for c, _ in e.persons}:  # Blinken with Zelensky, then with
            if not ({a for c, a in x.persons if c == code} & {a for c, a in e.persons if c == code}):  # Kuleba
                return False
    headline = x.part == "text" or e.part == "text" or x.sentence_id == e.sentence_id
    if not (a == b or (headline and (a < b or b < a))):
        return False
    if x.status != e.status:
        planned, done = (x, e) if x.status == "planned" else (e, x)
        if planned.when.date is None or done.when.date is None:
            return False
        end = planned.when.window_end or planned.when.date
        return end <= done.when.date
    return compatible(x.when, e.when)


def retells(last: Event, new: list[Event], text: str, joined: list[tuple[int, int]]) -> bool:
    """Are the events ``new`` of a sentence that gives someone a part in ``last`` (a host "opened the
    talks", 会談はXの仲介によるもので: :func:`~crisisnotes.cuescope.joins_previous`) only ``last`` again?

    They are when each is of the mode and status of ``last`` (talks, a meeting or a call told in the
    sentence just before), shares a party with it, and its cue names that interaction: inside the
    phrase giving the part (``joined``: "opened the talks") or as the topic (会談は). The caller then
    adds the host to ``last``.

    >>> from types import SimpleNamespace as E
    >>> talks = E(mode="talks", status="occurred", sentence_id=1, codes={"RUS", "UKR"})
    >>> t = "Erdogan opened the talks in Istanbul."
    >>> again = E(mode="talks", status="occurred", sentence_id=2, codes={"RUS", "TUR"}, cue=E(start=19, end=24))
    >>> retells(talks, [again], t, [(8, 24)])
    True
    """
    return bool(new) and last.mode in (*CALLS, "talks") and all(
        e.mode == last.mode and e.status == last.status and e.sentence_id == last.sentence_id + 1
        and e.codes & last.codes
        and (any(a <= e.cue.start < b for a, b in joined) or text.startswith("は", e.cue.end)) for e in new
    )


def person_ids(e: Event) -> set[str]:
    return {a for _, a in e.persons}


def merge(x: Event, e: Event) -> Event:
    keep = e if rank(e.when) > rank(x.when) else x
    if rank(e.when) == rank(x.when):
        parties = x.parties if len(x.codes) >= len(e.codes) else e.parties
    else:
        parties = keep.parties
    return replace(keep, parties=parties, n_sentences=x.n_sentences + e.n_sentences,
                   participants=x.participants | e.participants, persons=x.persons | e.persons)  # fmt: skip


_TO_THE_PRESS = re.compile(
    r"記者会見|会見で|記者団|声明を発表|\b(?:news|press) conference\b|\btold reporters\b|\bto reporters\b|\bbriefing\b",
    re.I,
)


_JOINT = re.compile(r"共同(?:で)?(?:記者会見|会見|声明)|並んで|\bjoint\b|\balongside\b|\bside by side\b", re.I)


_NAMED_FORMAT = re.compile(r"理事会|ノルマンディー|戦略的安定|連絡グループ|コンタクト|Council|Normandy|Dialogue|Contact Group|format", re.I)


def _someone_else(statement: Event, call: Event) -> bool:
    """Is the statement made by a named person who took no part in the call (the adviser, not the president)?"""
    speakers = {p for p in statement.persons}
    return bool(speakers) and bool(call.persons) and not speakers & call.persons


def joint_press(text: str) -> bool:
    """Does the sentence tell a joint press conference (共同記者会見, "a joint news conference")?

    >>> joint_press("会談後の共同記者会見で外相は述べた。"), joint_press("外相は記者会見で述べた。")
    (True, False)
    """
    return bool(_TO_THE_PRESS.search(text)) and bool(_JOINT.search(text))


def own_press(text: str) -> bool:
    """Does the sentence tell a press conference of the speaker's own (not a joint one)?

    >>> own_press("Speaking to reporters alone afterwards, Blinken said …"), own_press("At a joint news conference, …")
    (True, False)
    """
    return bool(_TO_THE_PRESS.search(text)) and not _JOINT.search(text)


def dedupe(events: list[Event]) -> list[Event]:
    """One event per distinct interaction: merge repeats, fold visits and in-call statements."""
    out: list[Event] = []
    for e in events:
        for k, x in enumerate(out):
            if same_interaction(x, e):
                out[k] = merge(x, e)
                break
        else:
            out.append(e)
    calls = [e for e in out if e.mode in CALLS and e.status == "occurred"]
    contacts = [e for e in out if e.mode in (*CALLS, "talks", "written_message")]
    phones = [e for e in out if e.mode == "phone_call"]
    keep = []
    for e in out:
        if e.mode == "talks" and not _NAMED_FORMAT.search(e.evidence) and any(
            c.mode == "meeting" and c.codes == e.codes and c.status == e.status
            and (c.sentence_id == e.sentence_id or e.part == "text") and compatible(c.when, e.when) for c in out
        ):  # fmt: skip
            continue  # ベトナム首相と会談 ウクライナ情勢巡り意見交換: the exchange is the meeting's (or the headline's, the body's)
        if e.mode == "meeting" and _NAMED_FORMAT.search(e.evidence) and any(
            c.mode == "talks" and c.codes == e.codes and c.status == e.status and c.sentence_id == e.sentence_id
            and compatible(c.when, e.when) for c in out
        ):  # fmt: skip
            continue  # "held talks … at the first meeting of the NATO-Russia Council": a format's session is talks
        if e.mode in ("talks", "meeting") and any(
            c.codes == e.codes and c.status == e.status and compatible(c.when, e.when)
            and (e.part == "text" or c.sentence_id == e.sentence_id) for c in phones
        ):  # fmt: skip
            continue  # 首脳会議 in the headline, オンライン形式で in the body: the body states the medium
        said_to_press = (e.to_press or own_press(e.evidence)) and not e.at_joint
        if e.mode == "statement" and not said_to_press and any(
            e.codes <= c.codes and c.when.date is not None and e.when.date is not None
            and compatible(c.when, e.when) and not _someone_else(e, c) for c in calls
        ):  # fmt: skip
            continue  # said in the call; said to one's own press conference afterwards is a statement of its own (GUIDELINES §3)
        if e.mode == "statement" and any(
            c.mode in CALLS and c.status == "planned" and e.codes <= c.codes and c.when.date is not None
            and (e.when.date == c.when.date or (e.part == "text" and e.sentence_id == c.sentence_id)) for c in out
        ):  # fmt: skip
            continue  # what is to be said at a scheduled summit is part of it (首脳会議 …けん制へ in one headline)
        if e.mode == "visit" and any(
            (c.codes == e.codes and (c.status == e.status or e.part == "text"))  # a headline's tense is loose
            or (c.sentence_id == e.sentence_id and (c.codes <= e.codes or e.codes <= c.codes))
            for c in contacts
        ):
            continue
        keep.append(e)
    return sorted(keep, key=lambda e: (e.sentence_id, e.cue.start))
