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

A one-word person alias that is also a common word or name (``Austin``, ``Price``, ``トラス``)
counts only next to a title or where the post names the person safely elsewhere; one shared by
two persons (``Sullivan``) is resolved the same way or marked ``via="ambiguous"``
(:mod:`crisisnotes.surnames`).

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

import numpy as np

from .actors import Lexicon
from .codes import (
    Cols,
    Row,
    alnum,
    code_points,
    columns,
    concat,
    kanji,
    kata,
    objects,
    post_of,
    where,
)
from .match_rules import (
    _ALNUM,
    _BETWEEN,
    _CITY,
    _KATA,
    _METONYM,
    _METONYM_OBJECT,
    _OBJECT_LENGTHS,
    _OBJECT_WORDS,
    AMBIGUOUS_PAIRS,
    BLOCKERS_JA,
    CAPITALS,
    PARTICLES,
    ROLE_PREFIXES,
    SUFFIXES,
)
from .surnames import BareSurnames
from .text import normalize
from .trie import WordTrie, matches, overlaps, ranges

_VIAS = ("name", "adjective", "abbrev", "metonym", "role", "ambiguous")
_ABBREV, _METONYM_VIA, _ROLE, _AMBIGUOUS = 2, 3, 4, 5
_DOT, _RO = ord("・"), ord("ロ")
_PREFIX_CODES = [ord(c) for c in ROLE_PREFIXES]
_NICHU, _NICHU_PREFIX = [ord(c) for c in "日中"], [ord(c) for c in "対訪駐来"]
_HOU, _CHU, _TOUR = ord("訪"), ord("中"), [ord(c) for c in "歴来"]  # 歴訪中, 来訪中 (but 公式訪中, 来月訪中)
_PARTICLE_CODES = [ord(c) for c in PARTICLES]
_AMBIGUOUS_CODES = [ord(p[0]) * 0x110000 + ord(p[1]) for p in AMBIGUOUS_PAIRS]
_EMPTY = np.zeros(0, np.int64)


@dataclass(frozen=True)
class Mention:
    """One actor found in a text: ``text[start:end] == surface``."""

    actor_id: str
    surface: str
    start: int
    end: int
    via: str


class Hits(NamedTuple):
    """Mentions as parallel arrays, in :func:`find_mentions` order: offsets into the
    scanned text, ``actor`` indexing :attr:`Matcher.actor_ids`, ``via`` indexing ``_VIAS``."""

    start: np.ndarray
    end: np.ndarray
    actor: np.ndarray
    surface: np.ndarray  # str objects
    via: np.ndarray


class Matcher:
    """Compiled patterns and per-alias tables for one :class:`Lexicon` (built once, cached on it).

    The tables (kind, actor, via, which ends need a boundary) let :meth:`scan`
    check every regex hit of a text at once with numpy.
    """

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
        self.surnames = bare = BareSurnames(lex)
        # index = rank: indices sort like ids (ambiguous ids such as sullivan_jake|sullivan_john too)
        self.actor_ids = sorted({*lex.actors, *bare.ambiguous.values()})
        self._aidx = aidx = {a: i for i, a in enumerate(self.actor_ids)}
        bare.bind(aidx)
        self.rows = [bare.row(a) for a in self.actor_ids]  # ambiguous: what the candidates share
        self._is_person = np.array([r["kind"] == "person" for r in self.rows])
        words = [*self.aliases, *sorted(self.blockers)]
        self._wid = {w: i for i, w in enumerate(words)}
        self.words = objects(words)
        info = [self.aliases.get(w, ("", "")) for w in words]
        self._kind = np.array([0 if not v else 2 if v == "role" else 1 for _, v in info])  # 0 blocker
        self._actor = np.array([aidx.get(a, -1) for a, _ in info], np.int64)
        self._via = np.array([_VIAS.index(v) if v else 0 for _, v in info], np.int64)
        self._bare = np.array([bare.status.get(w, 0) if v == "name" and a in bare.owners.get(w, ()) else 0
                               for w, (a, v) in zip(words, info, strict=True)], np.int8)  # fmt: skip
        self._edges = np.array([[bool(rx.match(w[k])) for rx in (_ALNUM, _KATA) for k in (0, -1)]
                                for w in words], bool).reshape(-1, 4)  # fmt: skip
        self._city = np.array([w in CAPITALS for w in words], bool)
        self.names = WordTrie(words, range(len(words)))
        plain = [a for a, (_, via) in self.aliases.items() if via != "role"] + sorted(self.blockers)
        self.names_no_roles = WordTrie(plain, [self._wid[w] for w in plain])
        abbrev = lex.abbreviations
        chars = sorted(c for c in abbrev if len(c) == 1)
        self._abbrev_codes = np.array([ord(c) for c in chars], np.int64)
        self._abbrev_actor = np.array([aidx[abbrev[c]] for c in chars], np.int64)
        self._abbrev_char = objects(chars)
        cls = "".join(re.escape(c) for c in abbrev)
        self.runs = re.compile(rf"([{cls}](?:・?[{cls}])*)") if abbrev else None
        self.suffix = re.compile("|".join(re.escape(s) for s in SUFFIXES))
        self._suffix_first = [ord(x[0]) for x in SUFFIXES]
        self.role_states: dict[str, list[Row]] = {}  # states inside a title (米国務長官 -> usa)
        self._holders: dict[tuple[str, dt.date | None], int] = {}
        self._roles: tuple[np.ndarray, np.ndarray, Cols] | None = None

    def role_states_of(self, title: str) -> list[Row]:
        """States named inside a role title, offsets relative to it.

        >>> mt = matcher_for(Lexicon.load())
        >>> [(mt.actor_ids[a], s) for _, _, a, s, _ in mt.role_states_of("米国務長官")]
        [('usa', '米国')]
        """
        if title not in self.role_states:
            self._states_of_titles([title])
        return self.role_states[title]

    def prepare(self) -> Matcher:
        """Build the lazily built tables now (before worker processes fork, so they inherit them)."""
        self._role_table()
        return self

    def _states_of_titles(self, titles: list[str]) -> None:
        """:meth:`role_states_of` of many titles in one scan (joined by newlines, which no name crosses)."""
        todo = [t for t in dict.fromkeys(titles) if t not in self.role_states]
        if not todo:
            return
        text = "\n".join(todo)
        codes = code_points(text)
        lens = np.array([len(t) + 1 for t in todo], np.int64)
        starts = np.cumsum(lens) - lens
        s, e, w = self._name_hits(text, codes, roles=False)
        keep = ~self._is_person[self._actor[w]]
        s, e, w = s[keep], e[keep], w[keep]
        a_s, a_a, a_c = self._abbrev_hits(text, codes, s, e)
        st, en, ac, sur, via = concat([(s, e, self._actor[w], self.words[w], self._via[w]),
                                        (a_s, a_s + 1, a_a, a_c, np.full(len(a_s), _ABBREV))])  # fmt: skip
        which = np.searchsorted(starts, st, "right") - 1
        for i, title in enumerate(todo):
            at = which == i
            off = starts[i]
            self.role_states[title] = list(zip((st[at] - off).tolist(), (en[at] - off).tolist(), ac[at].tolist(),
                                               sur[at].tolist(), via[at].tolist(), strict=True))  # fmt: skip

    def _role_table(self) -> tuple[np.ndarray, np.ndarray, Cols]:
        """:meth:`role_states_of` each word: rows ``start[w]`` to ``start[w] + count[w]``."""
        if self._roles is None:
            self._states_of_titles([t for t, k in zip(self.words, self._kind, strict=True) if k == 2])
            rows = [self.role_states_of(t) if k == 2 else [] for t, k in
                    zip(self.words, self._kind, strict=True)]  # fmt: skip
            count = np.array([len(r) for r in rows], np.int64)
            self._roles = (np.cumsum(count) - count, count, columns([x for r in rows for x in r]))
        return self._roles

    def _holder(self, title: str, on: dt.date | None) -> int:
        key = (title, on)
        if key not in self._holders:
            h = self.lex.role_holder(title, on)
            self._holders[key] = -1 if h is None else self._aidx[h]
        return self._holders[key]

    def _name_hits(self, text: str, codes: np.ndarray, *, roles: bool) -> Cols:
        """Start, end and word of each alias hit that is no blocker and sits on its boundaries:
        Latin aliases need non-alphanumeric neighbours, katakana ones non-katakana neighbours."""
        w, s, e = (self.names if roles else self.names_no_roles).find(text)
        pre, post, edges = codes[s], codes[e + 1], self._edges[w]
        bad = edges[:, 0] & alnum(pre)
        bad |= edges[:, 1] & alnum(post)
        bad |= edges[:, 2] & kata(pre) & (pre != _DOT)
        bad |= edges[:, 3] & kata(post) & (post != _DOT)
        keep = ~bad & (self._kind[w] != 0)
        return s[keep], e[keep], w[keep]

    def _abbrev_hits(self, text: str, codes: np.ndarray, cov_s: np.ndarray, cov_e: np.ndarray
                     ) -> Cols:  # fmt: skip
        """Starts, actors and characters of state abbreviations in runs outside the covered spans.

        A run (米中, 日米豪印, 米・中, 英 before 外相 …) gives each state unless its
        neighbours make it part of an ordinary word (米価, 期間中, 26日, ヨーロッパ).
        """
        if self.runs is None:
            return _EMPTY, _EMPTY, objects([])
        runs, s, e = matches(self.runs, text)
        pre = codes[s]
        prefix = np.isin(pre, _PREFIX_CODES)
        # …unless a prefix (対中); a name just before is no word of it (カービー米報道官)
        word = kanji(pre) | (kata(pre) & ~np.isin(s, cov_e)) | where(pre, str.isdigit)
        i = np.flatnonzero(~overlaps(cov_s, cov_e, s, e) & ~(word & ~prefix))
        s, e, pre, prefix = s[i], e[i], pre[i], prefix[i]
        post, first, last = codes[e + 1], codes[s + 1], codes[e]
        dots = np.fromiter((runs[k].count("・") for k in i.tolist()), np.int64, len(i))
        during = (pre == _HOU) & (e - s - dots == 2) & (last == _CHU) & ~kanji(post)  # 訪米中の: 中 is "during"
        e, n = e - during, e - s - dots - during  # abbreviations in the run
        post, last = codes[e + 1], codes[e]
        suffix = np.isin(post, self._suffix_first)
        suffix[suffix] = [self.suffix.match(text, k) is not None for k in e[suffix].tolist()]
        pair = first.astype(np.int64) * 0x110000 + last
        one = n == 1
        nichu = one & np.isin(first, _NICHU)  # 日, 中 alone need a suffix or 対/訪/駐/来
        tour = (pre == _HOU) & np.isin(codes[np.maximum(s - 1, 0)], _TOUR)  # 歴訪中, 来訪中: "during a tour", not 訪中
        ok = ~((first == _RO) & kata(pre)) & ~((last == _RO) & kata(post))  # not in katakana
        ok &= (
            during | (n >= 3)
            | ((n == 2) & (suffix | ~np.isin(pair, _AMBIGUOUS_CODES)))
            | (nichu & (suffix | (np.isin(pre, _NICHU_PREFIX) & ~kanji(post) & ~tour)))
            | (one & ~nichu & (suffix | (prefix & ~kanji(post))))
            | (one & ~nichu & ~where(pre, str.isalnum) & np.isin(post, _PARTICLE_CODES))
        )
        pos = ranges(s[ok], e[ok] - s[ok])
        pos = pos[codes[pos + 1] != _DOT]
        k = np.searchsorted(self._abbrev_codes, codes[pos + 1])
        return pos, self._abbrev_actor[k], self._abbrev_char[k]

    def scan(self, text: str, posts: Sequence[int], date_of: Callable[[int], dt.date | None]
             ) -> Hits:  # fmt: skip
        """Mentions in ``text``, posts joined by newlines: post ``k`` starts at ``posts[k]``
        and is dated ``date_of(k)``.

        Each post is matched as if alone (no alias crosses a newline; metonyms and
        the role merge stay within a post), with one regex pass per pattern.

        >>> mt = matcher_for(Lexicon.load())
        >>> h = mt.scan("米大統領\\n米大統領", [0, 5], [dt.date(2022, 1, 26), None].__getitem__)
        >>> [mt.actor_ids[a] for a in h.actor], h.start.tolist()
        (['usa', 'biden', 'usa'], [0, 0, 5])
        """
        codes, bounds = code_points(text), np.asarray(posts, np.int64)
        s, e, w = self._name_hits(text, codes, roles=True)
        role = self._kind[w] == 2
        pw = w[~role]
        plain = (s[~role], e[~role], self._actor[pw], self.words[pw], self._via[pw])
        # a role title gives the states it names (米国務長官 -> usa) and who held it that day
        rs, re_, rw = s[role], e[role], w[role]
        start, count, table = self._role_table()
        k, at = ranges(start[rw], count[rw]), np.repeat(rs, count[rw])
        states = (at + table[0][k], at + table[1][k], *(c[k] for c in table[2:]))
        named = concat([plain, states])
        titles = zip(self.words[rw].tolist(), post_of(bounds, rs).tolist(), strict=True)
        holder = np.array([self._holder(t, date_of(p)) for t, p in titles], np.int64)
        i = holder >= 0
        hold = (rs[i], re_[i], holder[i], self.words[rw[i]], np.full(int(i.sum()), _ROLE))
        if (bare := self._bare[pw]).any():  # one-word aliases that need a title or the name elsewhere
            n = len(self.actor_ids)
            keep, actor, amb = self.surnames.resolve(text, bounds, plain, bare, hold, n)
            via = np.where(amb, _AMBIGUOUS, plain[4])
            plain, pw = tuple(c[keep] for c in (plain[0], plain[1], actor, plain[3], via)), pw[keep]
            named = concat([plain, states])
        cover = [np.concatenate([named[j], hold[j]]) for j in (0, 1)]
        a_s, a_a, a_c = self._abbrev_hits(text, codes, *cover)
        abbrev = (a_s, a_s + 1, a_a, a_c, np.full(len(a_s), _ABBREV))
        metonyms: list[Row] = []
        if _CITY.search(text):
            taken = set()  # spans of mentions: one with a capital's span has its text
            for c, city in ((plain, self._city[pw]), (states, None), (hold, None)):
                if city is None:
                    city = np.array([x in CAPITALS for x in c[3].tolist()], bool)
                taken |= set(zip(c[0][city].tolist(), c[1][city].tolist(), strict=True))
            ends = np.append(bounds[1:] - 1, len(text)).tolist()
            at = [m.start() for m in _CITY.finditer(text)]
            in_post = zip(post_of(bounds, np.array(at)).tolist(), at, strict=True)
            for p, group in groupby(in_post, itemgetter(0)):
                cities = [c for _, c in group]
                metonyms += self._metonyms(text, int(bounds[p]), ends[p], cities, taken)
        others = concat([named, abbrev, columns(metonyms)])
        if len(hold[0]):
            near = _near(bounds, others, hold, len(text) + 8, len(self.actor_ids))
            hold = tuple(c[~near] for c in hold)
        out = concat([others, hold])
        width = int((out[1] - out[0]).max(initial=0)) + 1
        key = (out[0] * width + out[1] - out[0]) * len(self.actor_ids) + out[2]  # start, end, id
        return Hits(*(c[np.argsort(key, kind="stable")] for c in out))  # timsort: few sorted runs

    def _metonyms(self, text: str, a: int, b: int, cities: list[int], taken: set) -> list[Row]:
        """Capital metonyms in the post ``text[a:b]``, which names a capital at each of ``cities``.

        Each match of the three patterns holds a capital name and none overlap, so trying
        each where it would start for each name finds what ``finditer`` over the post finds.
        """
        found: list[list[tuple[str, int]]] = [[], [], []]
        for p in cities:
            if m := _METONYM.match(text, p, b):  # Moscow said
                found[0].append((m.group("city"), p))
            j = p  # the whitespace before the name starts at j
            while j > a and text[j - 1].isspace():
                j -= 1
            if j == p:
                continue
            for n in _OBJECT_LENGTHS:  # warned Moscow
                verb = j - n >= a and text[j - n : j] in _OBJECT_WORDS
                if verb and (m := _METONYM_OBJECT.match(text, j - n, b)):
                    found[1].append((m.group("city"), p))
            if j - 7 >= a and (m := _BETWEEN.match(text, j - 7, b)):  # between Moscow and Kyiv
                found[2] += [(m.group(g), m.start(g)) for g in ("a", "b")]
        out: list[Row] = []
        for city, s in found[0] + found[1] + found[2]:
            aid = CAPITALS[city].lstrip("@")
            if aid in self.lex.actors and (s, s + len(city)) not in taken:
                out.append((s, s + len(city), self._aidx[aid], city, _METONYM_VIA))
                taken.add((s, s + len(city)))
        return out


def _near(bounds: np.ndarray, names: Cols, roles: Cols, width: int, n_actors: int) -> np.ndarray:
    """Is each role mention within 2 characters of a mention of the same actor in its post?"""

    def key(cols: Cols, pos: np.ndarray) -> np.ndarray:
        return (post_of(bounds, cols[0]) * n_actors + cols[2]) * width + pos

    near = np.zeros(len(roles[0]), bool)
    for n_pos, r_pos in ((names[0], roles[1]), (names[1], roles[0])):  # start by end, end by start
        keys, at = np.sort(key(names, n_pos)), key(roles, r_pos)
        near |= np.searchsorted(keys, at + 2, "right") > np.searchsorted(keys, at - 2, "left")
    return near


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
    >>> on = dt.date(2022, 1, 26)
    >>> [(m.actor_id, m.via) for m in find_mentions("ブリンケン米国務長官は", lex, on=on)]
    [('blinken', 'name'), ('usa', 'name')]
    """
    mt = matcher_for(lex)
    h = mt.scan(text, [0], lambda _: on)
    rows = zip(*(c.tolist() for c in h), strict=True)
    return [Mention(mt.actor_ids[a], sur, s, e, _VIAS[v]) for s, e, a, sur, v in rows]
