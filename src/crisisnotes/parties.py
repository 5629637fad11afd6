"""Who takes part in an interaction: parties from the mentions around a cue.

Japanese: the parties of a cue are the states and organisations mentioned in
the cue's clause (clauses end at a conjunctive 、 such as 〜て、〜し、〜り、
〜中、〜後、), plus the sentence's topic (``Xは``/``Xも``) when it stands
before that clause; a person counts as their state or organisation. English:
the mentions of the sentence. Everywhere a state named only as the place of
the interaction (``ドイツで``, ``in Switzerland``) is not a party, except the
destination of a visit; a visit's destination city (北京, Moscow) gives its
state.

Examples
--------
>>> clauses("緊張を受けて、米国は中国と会談した。")
[(0, 7), (7, 18)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .party import Party
from .places import _CITY_RX, CITIES
from .setting import is_context, is_venue, past_posting

_JA_BOUNDARY = re.compile(
    r"(?:(?<=[ぁ-ゖ])(?<![はもにをのへかやと])(?<!対し)(?<!関し)(?<!際し)|(?<=[中後方際上])(?<!午後)(?<!今後)|(?<=ため)|(?<=ところ)|(?<=結果)|(?<=[るた]ほか))、|[。；;]"
    r"|(?<=[^\sA-Za-z0-9,.])[ \u3000]+(?=[^\sA-Za-z0-9])"
)
_READING = r"(?:[（(][\u30a0-\u30ffー・ ]{1,16}[）)])?"  # 王毅（ワンイー）外相は: a name's reading in brackets
_TOPIC_TAIL = re.compile(
    _READING + r"[）)」』]?(?:の(?=[\u4e00-\u9fff]{1,6}(?:は|も)))?"  # スペインの首相は: a state and a title
    r"[\u4e00-\u9fff\u30a0-\u30ffー・]{0,10}?(?:としては|側は|は(?![かじ])|も(?=、|[\u4e00-\u9fff\u30a0-\u30ff0-9０-９]|その|この|また|すでに|さらに))"
)
_VISITED_REGION = re.compile(r"(?:[東西南北]{1,2}部)[^、。はがをにでとも]{0,16}を$")  # ウクライナ東部…の前線地帯を(訪れ)
_EN_BOUNDARY = re.compile(
    r";|:\s+(?=\S)|\s[—–]\s|,\s+(?=(?:as(?! well as)|while|after|before|because|although|though|which|who|where|amid|"
    r"warning|saying|adding|but|a day|ahead of|following)\b)|(?<!\bwell)\s(?=as\s+(?:[A-Z]|the\b|he\b|she\b|they\b))"
    r"|,\s+(?=with\s+[^,;]{0,60}?\b(?:expected|likely|set|\w+ing)\b)"  # ", with X's buildup expected to feature"
    r"|,?\s+(?=and\s+(?:will\s+)?(?:warned|warns|said|says|added|urged|vowed|will|would|then|also|later|he|she|they|"
    r"both|is|are|was|were|has|have|had|plans|planned|flew|travell?ed|heads|headed|went)\b)"
    r"|,\s+(?=and\s+the\b)"
    r"|,\s+(?=and\s+[A-Z](?:[\w.'’-]*\s+(?:of\s+|the\s+)?){1,7}(?:held|met|spoke|said|called|told|warned|urged|hosted|visited)\b)"
)  # "…, and the X said": a new clause; "NATO and the European Union": one list
_FIRST_PERSON_EN = re.compile(r"\b(?:I|We|we|my|My|our|Our)\b")
_FIRST_PERSON_JA = re.compile(r"私は|私が|われわれ|我々|わが国")
AGAIN = re.compile(r"再び|再度|改めて.{0,4}(?:協議|会談)|次回|次の(?:協議|会合|会談)|\bagain\b|\bnext round\b|\bfollow-up\b", re.I)


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the Japanese clauses of ``text`` (each ends after its boundary)."""
    spans, start = [], 0
    for m in _JA_BOUNDARY.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause span containing ``[start, end)`` (a cue may close its clause)."""
    for a, b in clauses(text):
        if a <= start < b:
            return a, max(b, end)
    return 0, len(text)


def topic(text: str, parties: Sequence[Party]) -> Party | None:
    """The sentence's topic: the first party followed (after a title) by は/も/としては, or a
    person opening a headline-style sentence with a comma (``岸田首相、…に参加``).

    >>> topic("岸田首相、会議に参加", [Party("JPN", "kishida", 0, 2, "person")]).code
    'JPN'
    """
    for p in sorted(parties, key=lambda p: p.start):
        if _TOPIC_TAIL.match(text, p.end):
            return p
    first = min(parties, key=lambda p: p.start, default=None)
    if first is not None and first.start == 0 and first.is_person and _HEAD_SUBJECT.match(text, first.end):
        return first
    return None


_HEAD_SUBJECT = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffー・]{0,6}?(?:氏)?、")


_SUBJECT_CLAUSE = re.compile(r"が、")  # ブリンケン長官とオースティン長官が、インドの外相と協議: the subject's clause ends in が、
_SUBJECT_TAIL = re.compile(_READING + r"[）)」』]?[\u4e00-\u9fff\u30a0-\u30ffー・]{0,10}?が")


def subject_of(text: str, parties: Sequence[Party], before: int) -> Party | None:
    """The first party before ``before`` marked as subject (``Xが``), for sentences with no topic."""
    for p in sorted(parties, key=lambda p: p.start):
        if p.end <= before and _SUBJECT_TAIL.match(text, p.end):
            return p
    return None


_EN_DESTINATION = re.compile(r"\b(?:to|visit(?:s|ed|ing)?|in)\s+(?:the\s+)?$", re.I)


def destination(text: str, start: int, end: int, lang: str) -> list[Party]:
    """States of destination cities (北京, Moscow) near a visit cue."""
    lo, hi = (clause_of(text, start, end) if lang == "ja" else (0, len(text)))
    out = []
    for m in _CITY_RX.finditer(text, lo, hi):
        listed = out and re.fullmatch(r",?\s*(?:and\s+)?|,\s*", text[out[-1].end : m.start()])  # "visit Kyiv and Moscow"
        if lang == "en" and (past_posting(text, m.start()) or (
                not listed and not _EN_DESTINATION.search(text[max(0, m.start() - 12) : m.start()]))):
            continue
        out.append(Party(CITIES[m.group()], m.group(), m.start(), m.end()))
    return out


def first_person(text: str, lang: str) -> bool:
    """Does the sentence speak in the first person (I, we, われわれ)?"""
    rx = _FIRST_PERSON_JA if lang == "ja" else _FIRST_PERSON_EN
    return bool(rx.search(text))


_OBJECT_LISTING = re.compile(r"を(?:加え|含め|含む|交え|はじめ|始め)")
_ADDRESSEE = re.compile(r"側?(?:に対し|に対して|に対する|に向け|に|へ|を)")


def _loose_object(text: str, p: Party, cue_start: int) -> bool:
    """``XをV…`` far from the cue: X is the object of another verb, not a party."""
    if not text.startswith("を", p.end) or _OBJECT_LISTING.match(text, p.end):
        return False
    return not 0 <= cue_start - p.end <= 8


_ADNOMINAL = re.compile(r"側?(?:に対する|への)")


def _adnominal(text: str, p: Party, cue_start: int) -> bool:
    """``Xに対する制裁``/``Xへの支援``: X modifies a noun other than the cue itself."""
    m = _ADNOMINAL.match(text, p.end)
    return bool(m) and not 0 <= cue_start - m.end() <= 1


_EN_THREAT_BEFORE = re.compile(r"\b(?:if|any|should|unless)\s+(?:the\s+)?$", re.I)
_EN_THREAT_AFTER = re.compile(
    r"(?:n|'s|’s)?\s+(?:forces|troops|tanks|army|military)\s+(?:cross|crosses|crossed|crossing|invade|invades|"
    r"invaded|invading|enter|enters|entered|entering|move|moves|moved|attack|attacks|attacked)\b", re.I
)


def _threat_subject(text: str, p: Party) -> bool:
    """Is ``p`` the subject of a warning's condition (``if Russia invades``, ``any Russian forces crossing``)?"""
    return bool(_EN_THREAT_BEFORE.search(text[max(0, p.start - 12) : p.start]) or _EN_THREAT_AFTER.match(text, p.end))


_CONDITION_SUBJECT = re.compile(r"(?:軍)?(?:の)?(?:部隊|兵士|兵力|戦車|大統領|首相|政府)?(?:が|は)[^、。」]{0,30}?(?:すれば|れば|した場合|する場合|たら|なら)")


def _statement_targets(text: str, parties: list[Party], cue_start: int) -> list[Party]:
    """A cue inside a quote (「…呼びかけたい」) addresses only parties marked as addressees there.

    The speaker (the sentence's topic) is added by the caller.
    """
    from .tense import scope_ids

    scopes = scope_ids(text)
    scope = scopes[cue_start] if cue_start < len(scopes) else -1
    if scope < 0:
        return parties
    return [p for p in parties if scopes[p.start] == scope and _ADDRESSEE.match(text, p.end)]


_EN_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b")
_EN_SAYS_AT_END = re.compile(r",\s+(?:the\s+|a\s+)?[\w'’ -]{1,40}?\s(?:says|said|adds|added|reports|reported|announces|announced)\s*[.!]?"
                            r"(?:\s+(?:https?://|pic\.twitter\.com/)\S+)*\s*$")  # a headline's link may follow


def en_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the English clauses of ``text`` (subordinate ``, as``/``, while``/``; ``…).

    A non-restrictive relative clause (``, who met in Rome,``) ends at its closing comma.

    >>> s = "The envoys, who met in Rome, warned Oslo."
    >>> [s[a:b] for a, b in en_clauses(s)]
    ['The envoys', ', who met in Rome', ', warned Oslo.']
    """
    spans, start = [], 0
    for m in _EN_BOUNDARY.finditer(text):
        spans.append((start, m.start()))
        start = m.start()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        close = text.find(",", a + 1, b) if _EN_RELATIVE.match(text, a) else -1
        out += [(a, close), (close, b)] if close > 0 else [(a, b)]
    return [(a, b) for a, b in out if b > a]


_COORDINATED = re.compile(r"側?(?:と|や|、|・)")
_COUNTERPART = re.compile(r"(?:の)?[\u4e00-\u9fff\u30a0-\u30ffー・]{0,10}?(?:、[^、。はがを]{0,16}?)*(?:とも|と(?!して|の間|し[てた])|や)")


def _coordinated(text: str, parties: Sequence[Party], addressed: Sequence[Party]) -> list[Party]:
    """Parties coordinated with an addressee (``米国とNATOに対し``): addressed as well."""
    out: list[Party] = []
    for p in sorted(parties, key=lambda p: -p.start):
        m = _COORDINATED.match(text, p.end)
        if p not in addressed and m and any(q.start == m.end() for q in [*addressed, *out]):
            out.append(p)
    return out


def _all_counterparts(text: str, chosen: Sequence[Party]) -> bool:
    """Is every party of the clause marked as a counterpart (``Xと``, ``Yとも``, ``Zや``)?"""
    codes = _codes(chosen)
    return bool(codes) and all(any(_COUNTERPART.match(text, p.end) for p in chosen if p.code == c) for c in codes)


_COMPOUND_PAIR = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}?((?:外相|首脳|外務・?防衛担当閣僚|国防相|防衛相|財務相|次官級|高官)?)$")
_OTHER_COUNTERPART = re.compile(r"(?:[）)])?(?:総統|大統領|首相|外相|議長|国王|主席|長官)と(?:も)?$")
_EN_NEXT_PREDICATE = re.compile(r"\s+and\s+(?:also\s+)?(?:repeated|reiterated|renewed|offered|signed|agreed|said|stressed|urged|warned|"
                                r"called|pledged|promised|announced|discussed|thanked|invited)\b")
_EN_SAID = re.compile(r"\b(?:said|says|announced|confirmed|told reporters|according to)\b")
_PAIR_TAIL = re.compile(r"(?:による|の間の|の間での|の)$")
_TITLE = re.compile(r"^(?:の)?[\u4e00-\u9fff\u30a0-\u30ffー・]{0,8}$")


def named_pair(text: str, parties: Sequence[Party], cue_start: int) -> list[Party]:
    """The parties listed in the noun phrase right before a Japanese cue, or ``[]``.

    ``AとBの首脳会談``, ``A、B、Cによる協議``: those are the participants, whoever proposes
    or reports the interaction.

    >>> s = "首相はバイデン大統領とプーチン大統領の首脳会談を提案した"
    >>> ps = [Party("USA", "biden", 3, 7), Party("RUS", "putin", 11, 15)]
    >>> sorted(p.code for p in named_pair(s, ps, s.index("首脳会談")))
    ['RUS', 'USA']
    """
    lo = max(0, cue_start - 12)
    compound = _COMPOUND_PAIR.search(text[lo:cue_start])
    if compound:  # 日米外相会談や、日韓外相会談: each compound names its own pair
        a, b = lo + compound.start(), lo + compound.start(1)
        pair = [p for p in parties if a <= p.start and p.end <= b]
        if len(_codes(pair)) >= 2 and all(a.end == b.start for a, b in zip(pair, pair[1:], strict=False)):
            return pair
    m = _PAIR_TAIL.search(text, 0, cue_start)
    if not m or m.end() != cue_start:
        return []
    pos, out = m.start(), []
    for p in sorted(parties, key=lambda p: -p.start):
        if p.end > pos:
            continue
        if not _TITLE.match(text[p.end : pos]):
            break
        out.append(p)
        if p.start == 0 or text[p.start - 1] not in "と、・":
            break
        pos = p.start - 1
    return out if len(_codes(out)) >= 2 else []


def _codes(ps: Sequence[Party]) -> set[str]:
    return {p.code for p in ps}


def cue_parties(
    text: str,
    parties: Sequence[Party],
    start: int,
    end: int,
    *,
    lang: str,
    mode: str,
    carried: Party | None = None,
    borrowed: Sequence[Party] = (),
    lead: str | None = None,
) -> list[Party]:
    """The parties of the cue at ``[start, end)`` of ``text``.

    When the sentence alone does not give two parties, ``borrowed`` (the
    parties of an interaction already found in the same sentence, e.g. the
    destinations of 訪れ in 訪れ、…と会談する) and then ``carried`` (the topic
    carried from earlier sentences of the post) fill in. When the cue already names a
    counterpart but not ``lead`` (the acting party of that earlier interaction), only
    ``lead`` is borrowed.
    """
    threat = [p for p in parties if mode == "statement" and lang == "en" and _threat_subject(text, p)]
    conditional = [p for p in parties if mode == "statement" and _CONDITION_SUBJECT.match(text, p.end)]  # ロシア軍が…すれば
    region = [p for p in parties if mode == "visit" and lang == "ja" and p.kind == "state" and _VISITED_REGION.match(text[p.end : start])]
    parties = [p for p in parties if not is_context(text, p, lang)]
    if lang == "ja":
        lo, hi = clause_of(text, start, end)
        top = topic(text, parties)
        chosen = [p for p in parties if lo <= p.start < hi and not _loose_object(text, p, start)]
        if mode == "statement":
            # ロシアに対する制裁を…日本に求め: Xに対する/Xへの + noun modifies the noun, X is not addressed
            parties = [p for p in parties if not _adnominal(text, p, start)]
            chosen = [p for p in chosen if not _adnominal(text, p, start)]
            cond = [(p.end, m.end()) for p in conditional if (m := _CONDITION_SUBJECT.match(text, p.end))]
            addressed = [p for p in parties if _ADDRESSEE.match(text, p.end) and not _loose_object(text, p, start)
                         and not any(a <= p.start < b for a, b in cond)]  # Xが Yに加盟すれば: Y is in the condition
            addressed += _coordinated(text, parties, addressed)
            addressed = _statement_targets(text, addressed, start)
            if addressed:
                chosen = addressed
            elif len(_codes(chosen) | _codes([top] if top else [])) < 2 and (top is None or lo <= top.start < hi):
                chosen = _statement_targets(text, list(parties), start)
            if not addressed and len(_codes(chosen) | _codes([top] if top else [])) < 2:  # 「ロシアが侵攻すれば…」と警告
                chosen = chosen + conditional
        if top is None and (mode == "statement" or _SUBJECT_CLAUSE.match(text, lo - 2 if lo >= 2 else 0)):
            top = subject_of(text, [p for p in parties if p not in conditional], start)  # not the subject of an if-clause
        if top is not None and top not in chosen and (top.start < lo or (mode == "statement" and top.start < start)):
            own_side = len(_codes(chosen)) < 2  # AとBは…直接会談する: the party joined to the topic by と is a topic too
            chosen.append(top)
            # …, the topic's own state before it: アメリカのバイデン大統領とロシアのプーチン大統領は
            head = next((r.start for r in parties if r.end < top.start and text[r.end : top.start] == "の"), top.start)
            chosen += [q for q in parties if own_side and q.end <= head and q not in chosen
                       and re.fullmatch(r"[^\s、。はがを]{0,6}?と", text[q.end : head])]
        if top is None and carried is not None and mode != "statement" and _all_counterparts(text, chosen):
            chosen.append(carried)  # (…は)Xの首相やYの大統領とも会談し: the omitted subject is carried
    else:
        spans = en_clauses(text)
        lo, hi = next(((a, b) for a, b in spans if a <= start < b), (0, len(text)))
        chosen = [p for p in parties if lo <= p.start < hi]
        if (vp := _EN_NEXT_PREDICATE.search(text, end, hi)) and len(_codes([p for p in chosen if p.start < vp.start()])) >= 2:
            chosen = [p for p in chosen if p.start < vp.start()]  # "X met Y on Thursday and repeated an offer … Z": not Z
        if _EN_RELATIVE.match(text, lo):
            carried = None  # ", who met in Rome,": the antecedent is the subject, no one from elsewhere
        said = _EN_SAID.search(text, lo, start) if mode in ("meeting", "talks", "phone_call") else None
        if said and len(_codes([p for p in chosen if p.start >= said.end()])) >= 2 \
                and not re.match(r"\s+(?:that\s+)?(?:he|she|they|we|I)\b", text[said.end() :]):
            chosen = [p for p in chosen if p.start >= said.end()]  # "The French presidency said X and Y would meet"
        tail = _EN_SAYS_AT_END.search(text, end) if mode in ("meeting", "talks", "phone_call") else None
        if tail and len(_codes([p for p in chosen if p.start < tail.start()])) >= 2:
            chosen = [p for p in chosen if p.start < tail.start()]  # "X and Y accept a summit, the French presidency says"
        subject = next((p for p in parties if p.start < lo and p.start < spans[0][1]), None)
        if subject is not None and not re.match(r",\s+and\s+[A-Z]", text[lo:]):  # ", and Blinken held": its own subject
            chosen.append(subject)
            if _EN_RELATIVE.match(text, lo):  # "X and Y, who are due to meet": the whole antecedent
                chosen += [p for p in parties if subject.start < p.start < lo and p.start < spans[0][1]
                           and re.search(r"\band\b", text[subject.end : p.start])]
    if threat and len(_codes(chosen)) < 2:  # "any Russian forces crossing … would trigger": Russia is warned
        chosen = chosen + [p for p in threat if p.code not in _codes(chosen)]
    if len(_codes(chosen)) < 2 and borrowed:
        # 首相は…と会談し、…Yと会談する: Y is named, the acting party is what is missing;
        # …を訪れ、両国の首脳と会談する: the acting party is there, the destinations are missing
        if lead is not None and lead not in _codes(chosen) and _codes(chosen):
            borrowed = [p for p in borrowed if p.code == lead]
        elif _codes(chosen):  # ベルリン訪問 ロシア外相と会談へ: the traveller, not the city visited before
            borrowed = [p for p in borrowed if p.actor_id not in CITIES] or borrowed
            if lang == "ja" and _all_counterparts(text, chosen):  # Xが…Yと会談し、15日にはZと会談: X, not Y
                borrowed = [p for p in borrowed if not _COUNTERPART.match(text, p.end)] or borrowed
        chosen += [p for p in borrowed if p.code not in _codes(chosen)]
    dest = destination(text, start, end, lang) if mode == "visit" else []
    dest += [p for p in region if p not in chosen and p.code not in _codes(dest)]  # ウクライナ東部の前線を訪れ: Ukraine
    own_topic = (lang == "ja" and top is not None and top.start < start and mode in ("meeting", "talks")
                 and bool(re.search(r"(?:会議|会合|理事会)を開", text)))  # EUは…首脳会議を開き: the topic holds its own gathering
    unnamed = lang == "ja" and bool(_OTHER_COUNTERPART.search(text, max(0, start - 8), start)) \
        and not any(start - 12 <= p.end <= start for p in parties)  # 蔡英文（…）総統と会談: a counterpart outside the lexicon
    if carried is not None and len(_codes(chosen) | _codes(dest)) < 2 and not any(p.code == carried.code for p in chosen) \
            and not own_topic and not unnamed:
        chosen.append(carried)
    keep = [p for p in chosen if not is_venue(text, p, lang, end) or (mode == "visit" and p.start > start - 30)]
    if lang == "ja" and mode == "meeting" and len(_codes(keep)) == 1 and text.endswith("首脳会談", 0, end):
        # タイで首脳会談を行う: a summit held in a state, with no counterpart named, is with that state
        keep += [p for p in chosen if p.kind == "state" and p not in keep and text.startswith("で", p.end)][:1]
    return keep + dest
