"""How the parties and days of one cue become events (GUIDELINES §3, one event per interaction).

A cue's parties are one interaction, unless the sentence tells several: a distributive
marker (それぞれ, "separately"), each counterpart on its own day (16日にXと、17日にはYと),
a trip to several capitals, a state and an organisation each replying in writing, several
imposers of sanctions on one target, two days joined before the cue (28日と3日にも), or the
legs of a trip ("to Kyiv on Monday and to Moscow on Tuesday"). The shapes are found by
:mod:`crisisnotes.grouping` and :mod:`crisisnotes.cuesegments`.

Examples
--------
>>> from crisisnotes.parties import Party
>>> initiator("米国は…", [Party("USA", "usa", 0, 2, "state")], None, "ja", {"USA": None})
'USA'
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from . import cuesegments, dates
from .cues import Cue
from .eventmerge import Event
from .grouping import (
    JOINTLY,
    distributive,
    joint_subjects,
    one_trip,
    sanctions_target,
    state_and_org,
)
from .parties import Party, topic
from .places import names_city

_EACH_HOST = re.compile(r"各国の|それぞれの国の|\beach (?:country|capital|stop)\b", re.I)


def split_interaction(s: Any, cue: Cue, mode: str, status: str, chosen: list[Party], parties: list[Party],
                      carried: Party | None, lang: str, when: dates.EventDate, exprs: list[Any], segs: Any,
                      post_date: Any, c_start: int) -> list[Event]:  # fmt: skip
    """The events of cue ``cue`` of sentence ``s`` (a row with ``norm``, ``text``, ``post_id``, …):
    one per group of ``chosen`` parties and per day told, dated ``when`` unless a group or a day
    has its own.
    """
    text = s.norm

    def on_day(e: Any) -> dates.EventDate:  # the day one expression of the sentence tells, for this cue
        return dates.resolve_event_date(text, post_date, status=status, cue_start=c_start, only=(e.start, e.end))

    seen: dict[str, Party] = {}
    for p in chosen:  # one party per code: a person rather than the city naming that state ("Beijing's ambassador")
        if p.code not in seen or (p.is_person and names_city(seen[p.code], text)):
            seen[p.code] = p
    init = initiator(text, parties, carried, lang, seen)
    groups = [list(seen.values())]
    own_days: list[Any] = []  # 16日にXと、17日にはYとそれぞれ会談: each counterpart on its own day
    joint = joint_subjects(text, list(seen.values()), lang)
    if init is not None and len(seen) > 2 and distributive(text) and len(joint) >= 2:
        # 米国とNATOはそれぞれ…回答: each of the joint subjects with the others
        groups = [[seen[c], p] for c in joint for d, p in seen.items() if d not in joint]
    elif init is not None and len(seen) > 2 and distributive(text):
        groups = [[seen[init], p] for c, p in seen.items() if c != init]
        own_days = cuesegments.item_days(text, exprs, seen[init], [g[1] for g in groups]) if lang == "ja" else []
    elif (mode == "visit" or (mode == "meeting" and _EACH_HOST.search(text))) and len(seen) > 2 \
            and len(trip := one_trip(text, list(seen.values()))) > 2:
        # キエフとモスクワを訪問, "visit Kyiv and Moscow": a visit to each; A、B、Cを訪れ、各国の首脳と会談: a meeting in each
        groups = [[trip[0], d] for d in trip[1:]]
    elif mode == "written_message" and len(seen) > 2 and not JOINTLY.search(text) and (pair := state_and_org(text, list(seen.values()), lang)):
        # 米国とNATOから書面の回答, "the US and NATO delivered written responses": each sends its own document
        groups = [[seen[c], *(p for d, p in seen.items() if d not in pair)] for c in pair]
    elif mode == "sanctions" and len(seen) > 2 and (target := sanctions_target(text, list(seen.values()), lang)):
        groups = [[p, seen[target]] for c, p in seen.items() if c != target]  # one imposer each
    if own_days:
        return _events(s, cue, mode, status, chosen, init, [(g, on_day(e)) for g, e in zip(groups, own_days, strict=True)])
    whens = [when]
    if mode != "statement" and (pair := cuesegments.coordinated_days(text, lang, exprs, c_start)):
        whens = [on_day(e) for e in pair]  # 先月28日と今月3日にも電話で会談: one interaction on each day
    pairs = [(g, w) for g in groups for w in whens]
    if mode in ("meeting", "talks") and len(seen) > 2 and len(whens) == 1 \
            and len(trip := cuesegments.legs(text, segs, exprs, set(seen))) == len(seen) - 1:
        # "to Kyiv on Monday and to Moscow on Tuesday for meetings with X and Y": one meeting at each stop, on its day
        home = next(p for c, p in seen.items() if c not in {c for c, _ in trip})
        pairs = [([home, seen[c]], on_day(e)) for c, e in trip]
    return _events(s, cue, mode, status, chosen, init, pairs)


def _events(s: Any, cue: Cue, mode: str, status: str, chosen: list[Party], init: str | None,
            pairs: list[tuple[list[Party], dates.EventDate]]) -> list[Event]:  # fmt: skip
    return [
        Event(s.post_id, int(s.sentence_id), replace(cue), mode, status, g, w, s.text, part=s.part,
               participants={p.actor_id for p in chosen if p.code in {x.code for x in g}}, initiator=init,
               persons={(p.code, p.actor_id) for p in chosen if p.is_person and p.code in {x.code for x in g}})
        for g, w in pairs
    ]  # fmt: skip


def initiator(text: str, parties: list[Party], carried: Party | None, lang: str,
               chosen: dict[str, Party]) -> str | None:  # fmt: skip
    """The party acting (the sentence's topic or subject), when it is one of the parties."""
    top = topic(text, parties) if lang == "ja" else (parties[0] if parties else None)
    top = top or carried
    return top.code if top is not None and top.code in chosen else None
