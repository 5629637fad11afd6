"""The actor lexicon: persons, states and organisations with their aliases and dated roles.

The shipped lexicon lives in ``lexicons/actors.csv`` and ``lexicons/roles.csv``
(columns in ``lexicons/README.md``). A user's own CSV with the same columns is
merged over it: a row whose ``actor_id`` exists replaces the shipped row, a
new id adds an actor. Matching itself is in :mod:`crisisnotes.matching`.

Examples
--------
>>> lex = Lexicon.load()
>>> lex.actor("blinken")["label_en"]
'Blinken'
>>> import datetime as dt
>>> lex.role_holder("U.S. Secretary of State", dt.date(2022, 1, 26))
'blinken'
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from .config import CACHE_DIR, LEXICON_DIR
from .text import normalize

ACTOR_COLUMNS = [
    "actor_id", "kind", "country", "label_en", "label_ja", "aliases_ja", "aliases_en",
    "abbrev_ja", "adjectives_en", "wikidata",
]  # fmt: skip
ROLE_COLUMNS = ["role_ja", "role_en", "actor_id", "start", "end"]
ORGS = ("NATO", "EU", "UN", "OSCE", "G7")


def mention_columns() -> list[str]:
    """Columns of the ``mentions`` table.

    >>> mention_columns()[:3]
    ['post_id', 'sentence_id', 'actor_id']
    """
    return ["post_id", "sentence_id", "actor_id", "label_en", "label_ja", "kind", "country",
            "surface", "start", "end", "via"]  # fmt: skip


def _split(v: str | None) -> list[str]:
    return [x.strip() for x in (v or "").split("|") if x.strip()]


def _read_csv(source: str | Path, columns: Sequence[str]) -> tuple[list[dict[str, str]], bytes]:
    data = Path(source).read_bytes()
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    missing = [c for c in ("actor_id",) if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{source}: missing column(s) {missing}; expected {list(columns)}")
    rows = []
    for k, row in enumerate(reader, start=2):
        if not (row.get("actor_id") or "").strip():
            raise ValueError(f"{source}:{k}: empty actor_id")
        rows.append({c: (row.get(c) or "").strip() for c in columns})
    return rows, data


@dataclass(frozen=True)
class Role:
    """An office held by one actor between two dates (``end`` exclusive, ``None`` = open)."""

    titles: tuple[str, ...]
    actor_id: str
    start: dt.date | None
    end: dt.date | None

    def holds(self, on: dt.date) -> bool:
        """Does the role's actor hold it on ``on``?"""
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass
class Lexicon:
    """Actors and roles, plus derived alias tables for matching."""

    actors: dict[str, dict[str, str]]
    roles: list[Role] = field(default_factory=list)
    fingerprint: str = ""

    @classmethod
    def load(
        cls,
        extra: str | Path | Sequence[str | Path] | None = None,
        *,
        roles: str | Path | Sequence[str | Path] | None = None,
        base_dir: str | Path = LEXICON_DIR,
    ) -> Lexicon:
        """Load the shipped lexicon and merge user files over it.

        ``extra``: user actor CSV(s) with the columns of ``actors.csv``;
        ``roles``: user role CSV(s) with the columns of ``roles.csv`` (added).
        """
        h = hashlib.sha256()
        actors: dict[str, dict[str, str]] = {}
        for src in [Path(base_dir) / "actors.csv", *_as_list(extra)]:
            rows, data = _read_csv(src, ACTOR_COLUMNS)
            h.update(data)
            for row in rows:
                actors[row["actor_id"]] = row
        role_list: list[Role] = []
        for src in [Path(base_dir) / "roles.csv", *_as_list(roles)]:
            if not Path(src).exists():
                continue
            rows, data = _read_csv(src, ROLE_COLUMNS)
            h.update(data)
            for row in rows:
                if row["actor_id"] not in actors:
                    raise ValueError(f"{src}: role names unknown actor_id {row['actor_id']!r}")
                titles = tuple(_split(row["role_ja"]) + _split(row["role_en"]))
                role_list.append(Role(titles, row["actor_id"], _date(row["start"]), _date(row["end"])))
        return cls(actors=actors, roles=role_list, fingerprint=h.hexdigest())

    def actor(self, actor_id: str) -> dict[str, str]:
        """The lexicon row of ``actor_id``."""
        return self.actors[actor_id]

    def role_holder(self, title: str, on: dt.date | None) -> str | None:
        """The actor holding the office ``title`` on date ``on`` (``None`` if unknown)."""
        if on is None:
            return None
        for r in self._roles_by_title.get(normalize(title), ()):
            if r.holds(on):
                return r.actor_id
        return None

    @cached_property
    def _roles_by_title(self) -> dict[str, list[Role]]:
        out: dict[str, list[Role]] = {}
        for r in self.roles:
            for t in {normalize(t) for t in r.titles}:
                out.setdefault(t, []).append(r)
        return out

    @cached_property
    def aliases(self) -> dict[str, tuple[str, str]]:
        """Normalised alias → (actor_id, via) for names, adjectives and role titles (``@role``)."""
        out: dict[str, tuple[str, str]] = {}
        for aid, row in self.actors.items():
            names = _split(row["aliases_ja"]) + _split(row["aliases_en"])
            names += [row["label_en"], row["label_ja"]]
            for a in names:
                if a:
                    out.setdefault(normalize(a), (aid, "name"))
            for a in _split(row["adjectives_en"]):
                out.setdefault(normalize(a), (aid, "adjective"))
        for i, r in enumerate(self.roles):
            for t in r.titles:
                out.setdefault(normalize(t), (f"@role{i}", "role"))
        return out

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """One-character state abbreviation (米, 露, ロ …) → actor_id."""
        out: dict[str, str] = {}
        for aid, row in self.actors.items():
            for a in _split(row["abbrev_ja"]):
                out.setdefault(normalize(a), aid)
        return out

    def user_dictionary(self, cache_dir: str | Path | None = None) -> Path | None:
        """Build (once, cached by fingerprint) a MeCab user dictionary of Japanese person names.

        Names become one token (``ブリンケン`` instead of ``ブリン`` + ``ケン``).
        Returns ``None`` when the dictionary cannot be built (tokens then fall
        back to unidic-lite alone; matching never depends on tokens).
        """
        from .userdict import build_user_dictionary

        names = sorted(
            {normalize(a) for row in self.actors.values() if row["kind"] == "person"
             for a in _split(row["aliases_ja"]) + [row["label_ja"]] if a and len(a) > 1}
        )  # fmt: skip
        return build_user_dictionary(names, Path(cache_dir or CACHE_DIR), self.fingerprint)

    def mention_columns_for(
        self, sentences: Sequence[Mapping[str, Any]], dates: Mapping[str, Any]
    ) -> dict[str, list[Any]]:
        """Mentions of ``sentences`` (rows with post_id, sentence_id, norm) as columns.

        The sentences of one post are matched in one pass (joined by newlines,
        which no alias crosses) and each mention is mapped back to its sentence.
        """
        from .matching import _VIAS, matcher_for

        cols: dict[str, list[Any]] = {c: [] for c in mention_columns()}
        if not sentences:
            return cols
        norms = list(map(itemgetter("norm"), sentences))
        post_ids = _objects(list(map(itemgetter("post_id"), sentences)))
        lens = np.fromiter(map(len, norms), np.int64, len(norms)) + 1
        starts = np.cumsum(lens) - lens  # of each sentence in the joined text
        first = np.concatenate([[0], np.flatnonzero(post_ids[1:] != post_ids[:-1]) + 1])
        mt = matcher_for(self)
        firsts = post_ids[first]
        hits = mt.scan("\n".join(norms), starts[first], cache(lambda k: _as_date(dates.get(firsts[k]))))
        k = np.searchsorted(starts, hits.start, "right") - 1
        cols["post_id"] = post_ids[k].tolist()
        cols["sentence_id"] = _objects(list(map(itemgetter("sentence_id"), sentences)))[k].tolist()
        cols["actor_id"] = _objects(mt.actor_ids)[hits.actor].tolist()
        for c in ("label_en", "label_ja", "kind", "country"):
            cols[c] = _objects([r[c] for r in mt.rows])[hits.actor].tolist()
        cols["surface"] = hits.surface.tolist()
        cols["start"] = (hits.start - starts[k]).tolist()
        cols["end"] = (hits.end - starts[k]).tolist()
        cols["via"] = _objects(_VIAS)[hits.via].tolist()
        return cols


def _objects(items: Sequence[Any]) -> Any:
    """``items`` as a 1-d numpy object array (strings stay Python objects)."""
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _as_list(v: Any) -> list[Path]:
    if v is None:
        return []
    if isinstance(v, (str, Path)):
        return [Path(v)]
    return [Path(x) for x in v]


def _as_date(v: Any) -> dt.date | None:
    """A post date (Timestamp, date, NaT or None) as ``datetime.date`` or ``None``."""
    if v is None or v != v:  # NaT and NaN are not equal to themselves
        return None
    return v.date() if isinstance(v, dt.datetime) else v


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None
