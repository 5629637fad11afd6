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

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import dates, tense
from .cues import Cue, CueLexicon
from .parties import AGAIN, Party, cue_parties, first_person, topic

if TYPE_CHECKING:
    from .corpus import Corpus

EVENT_COLUMNS = [
    "event_id", "date", "date_exact", "window_start", "window_end", "status", "mode",
    "participants", "parties", "channel", "post_id", "sentence_id", "evidence",
    "cameo", "plover_event", "plover_mode", "initiator", "outlet", "handle", "posted_on",
    "n_sentences",
]  # fmt: skip
CALLS = ("phone_call", "meeting")
_CONDITIONAL = (
    r"場合|ならば|れば(?![かー])|検討|辞さない|用意がある|可能性|排除し|"
    r"\bif\b|\bwould\b|\bcould\b|\bshould\b|\bthreat|\bwarn|\bprepared to\b|\bready to\b|\bunless\b"
)
_SPECULATION = r"とみられ|と見られ|可能性がある|\breportedly\b|\bmay have\b"


@dataclass
class _Event:
    post_id: str
    sentence_id: int
    cue: Cue
    mode: str
    status: str
    parties: list[Party]
    when: dates.EventDate
    evidence: str
    part: str = "body"
    initiator: str | None = None
    n_sentences: int = 1
    participants: set[str] = field(default_factory=set)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(p.code for p in self.parties)


def _compatible(a: dates.EventDate, b: dates.EventDate) -> bool:
    """Can two dates describe the same interaction?"""
    if a.date is None or b.date is None:
        return True
    lo_a, hi_a = (a.date, a.date) if a.exact else (a.window_start or a.date, a.window_end or a.date)
    lo_b, hi_b = (b.date, b.date) if b.exact else (b.window_start or b.date, b.window_end or b.date)
    return lo_a <= hi_b and lo_b <= hi_a


def _rank(d: dates.EventDate) -> int:
    return 2 if d.exact else 1 if d.date is not None else 0


def _same(x: _Event, e: _Event) -> bool:
    """Do ``x`` and ``e`` (same post) report one interaction?"""
    if x.mode != e.mode:
        return False
    a, b = x.codes, e.codes
    headline = x.part == "text" or e.part == "text" or x.sentence_id == e.sentence_id
    if not (a == b or (headline and (a < b or b < a))):
        return False
    if x.status != e.status:
        planned, done = (x, e) if x.status == "planned" else (e, x)
        if planned.when.date is None or done.when.date is None:
            return False
        end = planned.when.window_end or planned.when.date
        return end <= done.when.date
    return _compatible(x.when, e.when)


def _merge(x: _Event, e: _Event) -> _Event:
    keep = e if _rank(e.when) > _rank(x.when) else x
    if _rank(e.when) == _rank(x.when):
        parties = x.parties if len(x.codes) >= len(e.codes) else e.parties
    else:
        parties = keep.parties
    return replace(keep, parties=parties, n_sentences=x.n_sentences + e.n_sentences,
                   participants=x.participants | e.participants)  # fmt: skip


def _post_events(
    sents: pd.DataFrame,
    mentions: pd.DataFrame,
    post: Mapping[str, Any],
    cues: CueLexicon,
    speaker: Party | None,
) -> list[_Event]:
    post_date = post["posted_on"]
    post_date = None if pd.isna(post_date) else pd.Timestamp(post_date).date()
    events: list[_Event] = []
    carried: Party | None = None
    anchor: dates.EventDate | None = None
    anchor_topic: str | None = None
    by_sentence = {sid: g for sid, g in mentions.groupby("sentence_id")} if len(mentions) else {}
    for s in sents.itertuples(index=False):
        text, lang = s.norm, ("ja" if s.lang == "ja" else "en")
        m = by_sentence.get(s.sentence_id)
        parties = [] if m is None else [
            Party(r.country, r.actor_id, int(r.start), int(r.end)) for r in m.itertuples(index=False)
        ]  # fmt: skip
        own_topic = topic(text, parties) if lang == "ja" else (parties[0] if parties else None)
        exprs = dates.find_time_expressions(text)
        if not dates.is_year_only(text):
            for cue in cues.find(text, lang):
                ev = _cue_event(s, text, lang, cue, parties, carried, speaker, post_date, anchor,
                                anchor_topic, own_topic, exprs, events)  # fmt: skip
                if ev is not None:
                    events.append(ev)
        if own_topic is not None:
            carried = own_topic
        dated = [e for e in exprs if e.kind in ("explicit", "relative", "weekday")]
        if dated and post_date is not None:
            anchor = dates.resolve(dated[0], post_date, status="occurred")
            anchor_topic = carried.code if carried else None
    return _dedupe(events)


def _cue_event(s, text, lang, cue, parties, carried, speaker, post_date, anchor, anchor_topic,
               own_topic, exprs, earlier) -> _Event | None:  # fmt: skip
    import re

    chosen = cue_parties(text, parties, cue.start, cue.end, lang=lang, mode=cue.mode, carried=carried)
    if speaker is not None and first_person(text, lang):
        chosen.append(speaker)
    if AGAIN.search(text):
        prev = [e for e in earlier if e.mode == cue.mode]
        if prev:
            chosen = chosen + prev[-1].parties
    codes = {p.code for p in chosen}
    if len(codes) < 2:
        return None
    status_text = text
    if s.part == "text" and lang == "ja":  # headline segments are separated by spaces
        cut = re.search(r"\s", text[cue.end :])
        status_text = text[: cue.end + cut.start()] if cut else text
    status = tense.guess_status(status_text, cue.end, lang=lang)
    mode = cue.mode
    if mode == "sanctions" and re.search(_CONDITIONAL, text, re.I):
        mode, status = "statement", "occurred"
    if mode == "statement" and re.search(_SPECULATION, text, re.I):
        return None
    relation = tense.relation_to_anchor(text, cue.start)
    same_speaker = own_topic is None or (anchor_topic is not None and own_topic.code == anchor_topic)
    if relation is None and not exprs and anchor is not None and same_speaker:
        relation = "same"
    when = dates.resolve_event_date(text, post_date, status=status, cue_start=cue.start,
                                    anchor=anchor, relation=relation)  # fmt: skip
    seen: dict[str, Party] = {}
    for p in chosen:
        seen.setdefault(p.code, p)
    return _Event(s.post_id, int(s.sentence_id), replace(cue), mode, status, list(seen.values()), when,
                  s.text, part=s.part, participants={p.actor_id for p in chosen},
                  initiator=_initiator(text, parties, carried, lang, seen))  # fmt: skip


def _initiator(text: str, parties: list[Party], carried: Party | None, lang: str,
               chosen: dict[str, Party]) -> str | None:  # fmt: skip
    """The party acting (the sentence's topic or subject), when it is one of the parties."""
    top = topic(text, parties) if lang == "ja" else (parties[0] if parties else None)
    top = top or carried
    return top.code if top is not None and top.code in chosen else None


def _dedupe(events: list[_Event]) -> list[_Event]:
    """One event per distinct interaction: merge repeats, fold visits and in-call statements."""
    out: list[_Event] = []
    for e in events:
        for k, x in enumerate(out):
            if _same(x, e):
                out[k] = _merge(x, e)
                break
        else:
            out.append(e)
    calls = [e for e in out if e.mode in CALLS and e.status == "occurred"]
    contacts = [e for e in out if e.mode in (*CALLS, "talks", "written_message")]
    keep = []
    for e in out:
        if e.mode == "statement" and any(
            c.codes == e.codes and c.when.date is not None and e.when.date is not None
            and _compatible(c.when, e.when) for c in calls
        ):  # fmt: skip
            continue
        if e.mode == "visit" and any(
            c.codes <= e.codes and (c.sentence_id == e.sentence_id or _compatible(c.when, e.when))
            for c in contacts
        ):
            continue
        keep.append(e)
    return sorted(keep, key=lambda e: (e.sentence_id, e.cue.start))


def _speakers(posts: pd.DataFrame, lexicon: Any) -> dict[str, Party]:
    """Posting accounts that speak for an actor (government and leaders' accounts)."""
    from .outlets import load_outlets

    reg = load_outlets()
    reg = reg[reg["type"].isin(["government", "person"])]
    out = {}
    for handle, org in zip(reg["handle"].str.lower(), reg["organisation"], strict=True):
        if org and org in lexicon.actors:
            out[handle] = Party(lexicon.actors[org]["country"], org, -1, -1)
    return out


def diplomatic_events(corpus: Corpus, *, cues: CueLexicon | None = None) -> pd.DataFrame:
    """Dated diplomatic interactions stated in the corpus, one row per interaction per post.

    Columns as in ``docs/architecture.md`` (events), plus ``cameo``,
    ``plover_event``, ``plover_mode``, the post's ``outlet``/``handle``/
    ``posted_on`` and ``n_sentences`` (how many sentences state it).
    """
    cues = cues or CueLexicon.load()
    posts = corpus.posts.set_index("post_id", drop=False)
    sents = corpus.sentences
    ments = corpus.mentions
    speakers = _speakers(corpus.posts, corpus.lexicon)
    ment_by_post = {pid: g for pid, g in ments.groupby("post_id")}
    rows = []
    for pid, group in sents.groupby("post_id", sort=False):
        post = posts.loc[pid]
        handle = post["handle"].lower() if isinstance(post["handle"], str) else ""
        empty = ments.iloc[:0]
        for e in _post_events(group.sort_values("sentence_id"), ment_by_post.get(pid, empty), post, cues,
                              speakers.get(handle)):  # fmt: skip
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

