"""Bare surnames: a one-word person alias names the person only where that is safe.

A person's one-word alias (``Blinken``, ``Austin``, ``Sullivan``, ``トラス``) is *free*, matched
anywhere (``Blinken``, ``プーチン``), unless it is

* **shared** by two actors (``Sullivan``/``サリバン``: Jake and John Sullivan), or
* **guarded**: listed in :data:`~crisisnotes.match_rules.GUARDED_SURNAMES` because it is also a
  common word, place, firm or given name (``Austin``, ``Truss``, ``Johnson``, ``シャーマン``), or
  only a label that the row's alias columns leave out (``Price``, ``Michel``, ``Linde``: the
  row lists ``Ned Price``, not ``Price``, and the loader matches labels too).

A guarded hit counts when it is **anchored**: a listed English surname standing alone in running
text (``Truss said``, ``Britain's Johnson``: not after another capitalised word or ``in``, not before
``&``, ``, Texas`` or a place or firm word such as ``County``, :data:`NOT_A_PERSON_AFTER_EN`), a
title next to it (``Secretary Austin``,
``Mr Johnson``, ``Price, the State Department spokesman``, ``トラス外相``, ``トラス英外相``,
``ジョンソン氏``), or the same post names the person safely anywhere else (a free or anchored
alias such as ``Lloyd Austin``, or a role title that gives the person on the post's date). The
post, not the sentence, is the unit: a headline's bare ``Truss`` is anchored by the body's
``Liz Truss``. An unanchored guarded hit is dropped (``Austin, Texas``, ``Oil Price``).

A shared hit goes to the candidate a title next to it singles out (``サリバン駐ロシア大使`` is
John's because ``サリバン大使`` is his alias; ``national security adviser Sullivan`` is Jake's
because that is his role), else to the one candidate the post names safely elsewhere
(``Jake Sullivan … Sullivan said``). Otherwise it is not guessed: the mention gets
``via="ambiguous"`` and the candidates' ids joined by ``|`` (``sullivan_jake|sullivan_john``),
with the label, kind and country they share — unless the form is also guarded (``Wang``, ``Li``:
common surnames), which is then dropped.

Examples
--------
>>> from crisisnotes.matching import find_mentions
>>> lex = Lexicon.load()
>>> [m.actor_id for m in find_mentions("Austin, Texas", lex)]
[]
>>> [m.actor_id for m in find_mentions("Secretary Austin said", lex)]
['austin']
>>> [(m.actor_id, m.via) for m in find_mentions("Sullivan said", lex)]
[('sullivan_jake|sullivan_john', 'ambiguous')]
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from .actors import Lexicon, _split
from .codes import post_of
from .match_rules import (
    GUARDED_SURNAMES,
    NOT_A_PERSON_AFTER_EN,
    TITLES_AFTER_EN,
    TITLES_AFTER_JA,
    TITLES_BEFORE_EN,
    US_STATES,
)
from .text import normalize
from .trie import trie_pattern

FREE, GUARDED, SHARED = 0, 1, 2
_LATIN_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_KATA_WORD = re.compile(
    r"[\u30a1-\u30fa\u30fc-\u30ff]+"
)  # no ・ (a name with a given name is safe)
_HAN_SURNAME = re.compile(r"[\u4e00-\u9fff]氏")  # 王氏, 李氏: a one-character Chinese or Korean surname and 氏
_BEFORE_EN = re.compile(rf"(?<![\w.])(?i:({'|'.join(TITLES_BEFORE_EN)}))\.?[^\S\n]+\Z")
_AFTER_EN = re.compile(rf",[^\S\n]+(?:[^,\n]{{0,40}}?[^\S\n])?(?i:({'|'.join(TITLES_AFTER_EN)}))\b")
_NAME_BEFORE_EN = re.compile(r"(?:(?<![\w'’])[A-Z][\w.-]*(?<!['’]s)|&|\b[Ii]n|\b[Nn]ear)[^\S\n]+\Z")
_NAME_AFTER_EN = re.compile(
    rf"(?:[^\S\n]+(?:{'|'.join(map(re.escape, NOT_A_PERSON_AFTER_EN))})(?![\w])"
    rf"|,[^\S\n]+(?:{'|'.join(US_STATES)})\b)"
)
_TITLE_JA = trie_pattern(TITLES_AFTER_JA)
_TITLE_JA_RX = re.compile(_TITLE_JA)


def one_word(form: str) -> bool:
    """Is ``form`` a single Latin word or a single katakana word (a bare surname's shape)?

    >>> one_word("Austin"), one_word("Lloyd Austin"), one_word("トラス"), one_word("リズ・トラス")
    (True, False, True, False)
    >>> one_word("王氏")
    True
    """
    return bool(_LATIN_WORD.fullmatch(form) or _KATA_WORD.fullmatch(form) or _HAN_SURNAME.fullmatch(form))


def post_bound(form: str) -> bool:
    """Does ``form`` name its person only where the post names them in full (``王氏`` after ``王毅``)?

    A one-character surname with 氏 is common to many people (王, 李, 張), and its title is part of
    the form, so no title next to it can anchor it: only the full name in the same post does.

    >>> post_bound("王氏"), post_bound("Wang")
    (True, False)
    """
    return bool(_HAN_SURNAME.fullmatch(form))


class BareSurnames:
    """The lexicon's guarded and shared one-word person aliases, and the rule that checks their hits.

    ``status[form]`` is :data:`GUARDED` or :data:`SHARED` (free forms are absent), ``owners[form]``
    the actor ids it may name, ``titled[(form, title)]`` the one candidate a title singles out
    (``("サリバン", "大使") -> "sullivan_john"``), ``ambiguous[form]`` the id given when none is.

    >>> bs = BareSurnames(Lexicon.load())
    >>> bs.status["Austin"] == GUARDED, bs.owners["サリバン"], bs.titled["サリバン", "大使"]
    (True, ('sullivan_jake', 'sullivan_john'), 'sullivan_john')
    >>> "Blinken" in bs.status, bs.status["Price"] == GUARDED
    (False, True)
    """

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        forms: dict[str, set[str]] = defaultdict(set)
        aliased: set[tuple[str, str]] = set()
        for aid, row in lex.actors.items():
            if row["kind"] != "person":
                continue
            aliases = [normalize(a) for a in _split(row["aliases_ja"]) + _split(row["aliases_en"])]
            aliased.update((a, aid) for a in aliases)
            for a in [*aliases, normalize(row["label_en"]), normalize(row["label_ja"])]:
                if a and one_word(a):
                    forms[a].add(aid)
        self.owners = {f: tuple(sorted(ids)) for f, ids in forms.items()}
        self.status: dict[str, int] = {}
        for f, ids in self.owners.items():
            if len(ids) > 1:
                self.status[f] = SHARED
            elif f in GUARDED_SURNAMES or (f, ids[0]) not in aliased or post_bound(f):
                self.status[f] = GUARDED
        self.owners = {f: ids for f, ids in self.owners.items() if f in self.status}
        # listed English surnames that are the row's own alias may stand alone ("Truss said")
        self.standalone = {
            f for f in GUARDED_SURNAMES
            if f.isascii() and self.status.get(f) == GUARDED and (f, self.owners[f][0]) in aliased
        }  # fmt: skip
        self.ambiguous = {f: "|".join(ids) for f, ids in self.owners.items() if len(ids) > 1}
        self.titled = self._titled()
        abbrev = "".join(re.escape(c) for c in sorted(lex.abbreviations) if len(c) == 1)
        state = f"[{abbrev}]|" if abbrev else ""
        self._after_ja = re.compile(rf"(?:{state}駐[^\s、。,・]{{1,10}}?)?({_TITLE_JA})")
        self._index: dict[str, int] = {}

    def _titled(self) -> dict[tuple[str, str], str]:
        """(shared form, title key) -> candidate, from name-plus-title aliases and role titles."""
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        roles = defaultdict(list)
        for r in self.lex.roles:
            roles[r.actor_id] += [t for t in r.titles if t.isascii()]
        for f in self.ambiguous:
            for aid in self.owners[f]:
                row = self.lex.actors[aid]
                for a in map(normalize, _split(row["aliases_ja"]) + _split(row["aliases_en"])):
                    if a.startswith(f) and _TITLE_JA_RX.fullmatch(a[len(f) :]):
                        found[f, a[len(f) :]].add(aid)
                    elif (
                        a.endswith(" " + f)
                        and (t := a[: -len(f)].split()[-1].lower()) in TITLES_BEFORE_EN
                    ):
                        found[f, t].add(aid)
                for t in roles[aid]:
                    found[f, t.split()[-1].lower()].add(aid)
        return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}

    def row(self, actor_id: str) -> dict[str, str]:
        """The lexicon row of ``actor_id``; for an ambiguous id, what its candidates share.

        >>> BareSurnames(Lexicon.load()).row("sullivan_jake|sullivan_john")["label_en"]
        'Sullivan'
        """
        if actor_id in self.lex.actors:
            return self.lex.actors[actor_id]
        rows = [self.lex.actors[a] for a in actor_id.split("|")]
        out = {"actor_id": actor_id}
        for c in ("kind", "country", "label_en", "label_ja"):
            values = list(dict.fromkeys(r[c] for r in rows))
            out[c] = (
                values[0]
                if len(values) == 1
                else ("" if c in ("kind", "country") else " / ".join(values))
            )
        return out

    def bind(self, index: dict[str, int]) -> None:
        """Use the matcher's actor index (``index[actor_id]``, ambiguous ids included)."""
        self._index = index

    def title(self, text: str, start: int, end: int) -> str | None:
        """The title next to the name at ``text[start:end]`` (lower-case English word, Japanese
        title as written), or ``None``.

        >>> bs = BareSurnames(Lexicon.load())
        >>> t = "Defense Secretary Austin, Texas. サリバン駐ロシア大使"
        >>> bs.title(t, 18, 24), bs.title(t, 33, 37), bs.title("Austin, Texas", 0, 6)
        ('secretary', '大使', None)
        """
        if text[start].isascii():
            m = _BEFORE_EN.search(text, max(0, start - 16), start) or _AFTER_EN.match(text, end)
            return m.group(1).lower() if m else None
        m = self._after_ja.match(text, end)
        return m.group(1) if m else None

    @staticmethod
    def alone(text: str, start: int, end: int) -> bool:
        """Does the English name at ``text[start:end]`` stand alone, not as part of another name or place?

        >>> BareSurnames.alone("Britain's Johnson said", 10, 17), BareSurnames.alone("Dwayne Johnson", 7, 14)
        (True, False)
        >>> [BareSurnames.alone(t, 0, 6) for t in ("Austin said", "Austin, Texas", "Harris County")]
        [True, False, False]
        """
        return not (_NAME_BEFORE_EN.search(text, max(0, start - 30), start) or _NAME_AFTER_EN.match(text, end))

    def resolve(self, text: str, bounds: np.ndarray, hits: tuple[np.ndarray, ...], status: np.ndarray,
                roles: tuple[np.ndarray, ...], n_actors: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
        """Which name hits to keep, their actors and which are ambiguous.

        ``hits`` are the name columns of :meth:`~crisisnotes.matching.Matcher.scan` (start, end,
        actor, surface, via), ``status`` each hit's :data:`FREE`/:data:`GUARDED`/:data:`SHARED`,
        ``roles`` the role mentions (start, end, actor …) that name a person on the post's date.
        Only the few guarded and shared hits are looked at one by one.
        """
        start, end, actor, surface = hits[:4]
        post = post_of(bounds, start)
        keep, actor, ambiguous = np.ones(len(start), bool), actor.copy(), np.zeros(len(start), bool)
        free = status == FREE
        safe = [
            post[free] * n_actors + actor[free],
            post_of(bounds, roles[0]) * n_actors + roles[2],
        ]
        pending = []
        for i in np.flatnonzero(~free).tolist():
            if post_bound(surface[i]):
                pending.append(i)  # only the full name elsewhere in the post anchors 王氏
                continue
            t = self.title(text, int(start[i]), int(end[i]))
            if status[i] == SHARED:
                c = self.titled.get((surface[i], t)) if t is not None else None
                if c is None:
                    pending.append(i)
                    continue
                actor[i] = self._index[c]
            elif t is None and not (surface[i] in self.standalone and self.alone(text, int(start[i]), int(end[i]))):
                pending.append(i)
                continue
            safe.append(np.array([post[i] * n_actors + actor[i]]))
        if not pending:
            return keep, actor, ambiguous
        known = np.unique(np.concatenate(safe))
        for i in pending:
            if status[i] == GUARDED:
                keep[i] = _has(known, post[i] * n_actors + actor[i])
                continue
            named = [
                c
                for c in self.owners[surface[i]]
                if _has(known, post[i] * n_actors + self._index[c])
            ]
            if len(named) != 1 and (surface[i] in GUARDED_SURNAMES or post_bound(surface[i])):
                keep[i] = False  # "Wang Ming", "Mr Li": a common surname the post does not tie to one actor
                continue
            actor[i] = self._index[named[0] if len(named) == 1 else self.ambiguous[surface[i]]]
            ambiguous[i] = len(named) != 1
        return keep, actor, ambiguous


def _has(sorted_keys: np.ndarray, key: int) -> bool:
    k = int(np.searchsorted(sorted_keys, key))
    return k < len(sorted_keys) and sorted_keys[k] == key
