"""Find actors in normalised sentence text: names, compounds of state abbreviations, roles.

Matching runs on NFKC text, never on tokens (unidic-lite splits ブリンケン into
ブリン+ケン). Three passes:

1. **names**: one trie regex over every alias, adjective and role title, the
   longest alias winning at each position. Latin aliases need word boundaries
   (``Putin's`` matches, ``us`` is not ``US``); katakana aliases must not sit
   inside a longer katakana word. *Blockers* (``日本時間``, ``英語``,
   ``ロシア語``…) consume ordinary words that contain an alias.
2. **abbreviations**: runs of one-character state abbreviations (米中, 日米豪印,
   米ロ, 独仏) and single ones before an office or after 対/訪/駐 (英外相,
   露大統領府, 対中露, 訪米) give each state; ordinary words (米価, 新米, 中止,
   期間中, 毎日, 独自, 仏教, 26日) do not match.
3. **capital metonyms** (English): ``Moscow said``, ``Washington's``, ``warned Moscow``,
   ``talks with Kyiv`` name the state; ``in Geneva`` and ``flew to Moscow`` do not.

A role title (``米国務長官``) gives the person who held it on the post's date
(``via="role"``) and the state it names; next to that person's name
(``ブリンケン米国務長官``) it is one mention of the person.

Examples
--------
>>> from crisisnotes.actors import Lexicon
>>> lex = Lexicon.load()
>>> sorted({m.actor_id for m in find_mentions("米中外相が電話会談", lex)})
['chn', 'usa']
>>> [m.actor_id for m in find_mentions("期間中は英語で", lex)]
[]
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from .actors import Lexicon
from .text import normalize
from .trie import trie_pattern

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
_METONYM_OBJECT = re.compile(
    r"\b(?:hand|hands|handed|give|gives|gave|tell|tells|told|warn|warns|warned|urge|urges|urged|send|sends|sent|"
    r"ask|asks|asked|accuse|accused|pressure|pressured|reassure|reassured|offer|offered|with|against)\s+"
    rf"(?P<city>{'|'.join(CAPITALS)})\b(?!['’]s)"
)
_BETWEEN = re.compile(rf"\bbetween\s+(?P<a>{'|'.join(CAPITALS)})\s+and\s+(?P<b>{'|'.join(CAPITALS)})\b")
_KATA = re.compile(r"[\u30a0-\u30ffー]")
_KANJI = re.compile(r"[\u3400-\u9fff々]")
_ALNUM = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Mention:
    """One actor found in a text: ``text[start:end] == surface``."""

    actor_id: str
    surface: str
    start: int
    end: int
    via: str


class Matcher:
    """Compiled patterns for one :class:`Lexicon` (built once, cached on it)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.aliases = dict(lex.aliases)
        blockers = set(BLOCKERS_JA)
        for row in lex.actors.values():
            if row["kind"] == "state":
                for a in [row["label_ja"], *row["aliases_ja"].split("|")]:
                    a = normalize(a.strip())
                    if a and not a.isascii():
                        blockers.add(a + "語")
        self.blockers = {b for b in blockers if b not in self.aliases}
        self.names = re.compile(trie_pattern(list(self.aliases) + list(self.blockers)))
        plain = [a for a, (_, via) in self.aliases.items() if via != "role"]
        self.names_no_roles = re.compile(trie_pattern(plain + list(self.blockers)))
        abbrev = lex.abbreviations
        self.abbrev = abbrev
        cls = "".join(re.escape(c) for c in abbrev) or "(?!x)x"
        self.runs = re.compile(rf"[{cls}](?:・?[{cls}])*") if abbrev else None
        self.suffix = re.compile("|".join(re.escape(s) for s in SUFFIXES))
        # states named inside each role title (米国務長官 -> usa)
        self.role_states: dict[str, list[Mention]] = {}

    def role_states_of(self, title: str) -> list[Mention]:
        if title not in self.role_states:
            found = [m for m in self._names(title, None, roles=False) if self._kind(m.actor_id) != "person"]
            found += self._abbrev(title, [(m.start, m.end) for m in found])
            self.role_states[title] = found
        return self.role_states[title]

    def _kind(self, aid: str) -> str:
        return self.lex.actors[aid]["kind"]

    def _names(self, text: str, on: dt.date | None, *, roles: bool = True) -> list[Mention]:
        out: list[Mention] = []
        for m in (self.names if roles else self.names_no_roles).finditer(text):
            a, s, e = m.group(), m.start(), m.end()
            if a in self.blockers or not _bounded(text, a, s, e):
                continue
            aid, via = self.aliases[a]
            if via != "role":
                out.append(Mention(aid, a, s, e, via))
                continue
            if not roles:
                continue
            for st in self.role_states_of(a):
                out.append(Mention(st.actor_id, st.surface, s + st.start, s + st.end, st.via))
            holder = self.lex.role_holder(a, on)
            if holder:
                out.append(Mention(holder, a, s, e, "role"))
        return out

    def _abbrev(self, text: str, covered: list[tuple[int, int]]) -> list[Mention]:
        if self.runs is None:
            return []
        out: list[Mention] = []
        overlaps = _overlap_index(covered)
        for m in self.runs.finditer(text):
            s, e = m.start(), m.end()
            if overlaps(s, e):
                continue
            chars = [(i, c) for i, c in enumerate(m.group(), start=s) if c != "・"]
            if self._run_ok(text, s, e, "".join(c for _, c in chars)):
                out.extend(Mention(self.abbrev[c], c, i, i + 1, "abbrev") for i, c in chars)
        return out

    def _run_ok(self, text: str, s: int, e: int, run: str) -> bool:
        pre = text[s - 1] if s > 0 else ""
        post = text[e] if e < len(text) else ""
        suffix_ok = bool(self.suffix.match(text, e))
        if run[0] == "ロ" and _KATA.match(pre):
            return False
        if run[-1] == "ロ" and _KATA.match(post):
            return False
        prefix_ok = bool(pre) and pre in ROLE_PREFIXES
        if pre and not prefix_ok and (_KANJI.match(pre) or pre.isdigit() or _KATA.match(pre)):
            return False
        if len(run) >= 3:
            return True
        if len(run) == 2:
            return suffix_ok if run in AMBIGUOUS_PAIRS else True
        if run in "日中":
            return suffix_ok or (prefix_ok and pre in "対訪駐来" and not _KANJI.match(post or "a"))
        if suffix_ok:
            return True
        if prefix_ok and not _KANJI.match(post or "a"):
            return True
        return (not pre or not pre.isalnum()) and post in PARTICLES


def _overlap_index(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``overlaps(s, e)``: does ``[s, e)`` overlap any of ``spans``? O(log n) per query.

    (A linear scan per query made matching quadratic in the mentions of one post.)

    >>> overlaps = _overlap_index([(10, 12), (0, 3)])
    >>> overlaps(2, 5), overlaps(3, 10), overlaps(11, 20)
    (True, False, True)
    """
    spans = sorted(spans)
    starts = [cs for cs, _ in spans]
    reach = list(accumulate((ce for _, ce in spans), max))  # furthest end among spans[: k + 1]

    def overlaps(s: int, e: int) -> bool:
        k = bisect_left(starts, e)  # spans[:k] start before e
        return k > 0 and reach[k - 1] > s

    return overlaps


def _bounded(text: str, alias: str, s: int, e: int) -> bool:
    pre = text[s - 1] if s > 0 else ""
    post = text[e] if e < len(text) else ""
    if _ALNUM.match(alias[0]) and pre and _ALNUM.match(pre):
        return False
    if _ALNUM.match(alias[-1]) and post and _ALNUM.match(post):
        return False
    if _KATA.match(alias[0]) and pre and _KATA.match(pre) and pre != "・":
        return False
    return not (_KATA.match(alias[-1]) and post and _KATA.match(post) and post != "・")


def matcher_for(lex: Lexicon) -> Matcher:
    """The cached :class:`Matcher` of ``lex``."""
    m = lex.__dict__.get("_matcher")
    if m is None:
        m = lex.__dict__["_matcher"] = Matcher(lex)
    return m


def find_mentions(text: str, lex: Lexicon, *, on: dt.date | None = None) -> list[Mention]:
    """All actor mentions in normalised ``text``, sorted by position.

    ``on`` is the post's date, used to resolve role titles to persons.

    >>> lex = Lexicon.load()
    >>> [(m.actor_id, m.via) for m in find_mentions("ブリンケン米国務長官は", lex, on=dt.date(2022, 1, 26))]
    [('blinken', 'name'), ('usa', 'name')]
    """
    mt = matcher_for(lex)
    found = mt._names(text, on)
    found += mt._abbrev(text, [(m.start, m.end) for m in found])
    taken = {(m.start, m.end) for m in found}
    for m in _METONYM.finditer(text):
        _add_capital(mt, found, taken, m.group("city"), m.start("city"))
    for m in _METONYM_OBJECT.finditer(text):
        _add_capital(mt, found, taken, m.group("city"), m.start("city"))
    for m in _BETWEEN.finditer(text):
        for g in ("a", "b"):
            _add_capital(mt, found, taken, m.group(g), m.start(g))
    found = _merge_roles(found)
    return sorted(found, key=lambda m: (m.start, m.end, m.actor_id))


def _add_capital(mt: Matcher, found: list[Mention], taken: set, city: str, s: int) -> None:
    aid = CAPITALS[city].lstrip("@")
    if aid in mt.lex.actors and (s, s + len(city)) not in taken:
        found.append(Mention(aid, city, s, s + len(city), "metonym"))
        taken.add((s, s + len(city)))


def _merge_roles(found: list[Mention]) -> list[Mention]:
    """Drop a role mention when the same person is named right beside it."""
    names = [m for m in found if m.via != "role"]
    by_actor: dict[str, list[Mention]] = {}
    for n in names:
        by_actor.setdefault(n.actor_id, []).append(n)
    out = list(names)
    for r in (m for m in found if m.via == "role"):
        same = by_actor.get(r.actor_id, ())
        near = any(abs(n.start - r.end) <= 2 or abs(r.start - n.end) <= 2 for n in same)
        if not near:
            out.append(r)
    return out
