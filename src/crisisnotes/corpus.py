"""``Corpus``: the tables of one or more dumps, built into the store or read from it.

Examples
--------
>>> import crisisnotes
>>> corpus = crisisnotes.load(crisisnotes.config.SAMPLE_DUMP)  # doctest: +SKIP
>>> corpus.posts.groupby("outlet").size()  # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import store
from .actors import Lexicon
from .build import DUMP_SUFFIXES, IngestReport, code_fingerprint, dump_files, ingest  # noqa: F401 (their old home)
from .duplicates import merge_duplicates


@dataclass
class Corpus:
    """The tables of one or more processed dumps.

    Tables are read from Parquet on first use; ``table(name, columns=...)``
    reads only the columns an analysis needs (as stored, before duplicates
    are merged). By default ``mentions`` follows the annotation guidelines: a
    person named only by office (米国務長官 with no name) is not a mention of
    that person; ``resolve_roles=True`` adds them.

    A post found in several dumps (same handle, date and text) is kept once in
    ``posts`` — ``also_in`` lists the ``post_id`` of the copies — and
    ``sentences``, ``tokens`` and ``mentions`` hold only the kept posts' rows;
    ``duplicates_merged`` counts the copies dropped (:mod:`crisisnotes.duplicates`).
    """

    folders: list[Path]
    lexicon: Lexicon
    resolve_roles: bool = False
    report: IngestReport = field(default_factory=IngestReport)
    _cache: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    _dedup: tuple[pd.DataFrame, int] | None = field(default=None, repr=False)

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """Concatenate table ``name`` of every dump (only ``columns`` if given)."""
        frames = [store.read_table(f, name, columns) for f in self.folders]
        frames = [f for f in frames if len(f)] or frames[:1]
        if not frames:
            return pd.DataFrame(columns=columns or [])
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]

    def _get(self, name: str) -> pd.DataFrame:
        if name not in self._cache:
            table = self.table(name)
            if name != "posts" and "post_id" in table and self.duplicates_merged:
                table = table[table["post_id"].isin(self.posts["post_id"])].reset_index(drop=True)
            self._cache[name] = table
        return self._cache[name]

    def _merged(self) -> tuple[pd.DataFrame, int]:
        if self._dedup is None:
            self._dedup = merge_duplicates(self._get("posts"))
        return self._dedup

    @property
    def posts(self) -> pd.DataFrame:
        """One row per post (see ``docs/architecture.md``); a post found in several dumps once."""
        return self._merged()[0]

    @property
    def duplicates_merged(self) -> int:
        """How many posts were dropped as copies of a post in another (or the same) dump."""
        return self._merged()[1]

    @property
    def unassigned(self) -> pd.DataFrame:
        """Non-blank raw lines that belong to no post, with the reason."""
        return self._get("unassigned")

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence of every post (tweet text, then body)."""
        return self._get("sentences")

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token."""
        return self._get("tokens")

    @property
    def events(self) -> pd.DataFrame:
        """Diplomatic events (:func:`~crisisnotes.diplomatic_events`), extracted once per dump and kept on disk.

        See :mod:`crisisnotes.derived`: a rerun on cached data reads them back.
        """
        if "_events" not in self._cache:
            from .derived import events

            self._cache["_events"] = events(self)
        return self._cache["_events"]

    @property
    def mentions(self) -> pd.DataFrame:
        """One row per actor mention."""
        m = self._get("mentions")
        if self.resolve_roles:
            return m
        return m[m["via"] != "role"].reset_index(drop=True)

    @property
    def mentions_with_roles(self) -> pd.DataFrame:
        """Every mention, persons named only by their office (``via="role"``) included, whatever
        ``resolve_roles`` says: the events read the office holder to tell two contacts apart."""
        return self._get("mentions")

    def sources(self) -> dict[str, Path]:
        """Source file name → the raw dump path it was read from."""
        out = {}
        for folder in self.folders:
            man = store.read_manifest(folder) or {}
            out[man.get("source", folder.name)] = Path(man.get("input_path", ""))
        return out

    def summary(self) -> pd.DataFrame:
        """Row counts of every table, and the dumps, outlets and days covered.

        >>> corpus.summary().loc["posts", "count"]  # doctest: +SKIP
        36
        """
        posts = self.posts
        counts = {
            "dumps": len(self.folders),
            "posts": len(posts),
            "orphan posts": int(posts["is_orphan"].sum()),
            "outlets": int(posts["handle"].str.lower().nunique()),
            "days": int(posts["posted_on"].dt.normalize().nunique()),
            "unassigned lines": len(self.unassigned),
            "sentences": self._n_rows("sentences"),
            "tokens": self._n_rows("tokens"),
            "mentions": len(self.mentions),
            "actors mentioned": int(self.mentions["actor_id"].nunique()),
        }
        return pd.DataFrame({"count": counts})

    def _n_rows(self, name: str) -> int:
        """Rows of table ``name``, from the Parquet footers (no column read) unless duplicates were merged."""
        if self.duplicates_merged:
            return len(getattr(self, name))
        return int(sum(store.table_rows(f, name) for f in self.folders))

    def outlet_counts(self) -> pd.DataFrame:
        """Posts per outlet (handle and display name), most active first."""
        p = self.posts
        out = (
            p.assign(handle=p["handle"].fillna("(none)"), outlet=p["outlet"].fillna("(no outlet)"))
            .groupby(["handle", "outlet"], sort=False)
            .agg(posts=("post_id", "size"), first=("posted_on", "min"), last=("posted_on", "max"))
            .reset_index()
            .sort_values(["posts", "handle"], ascending=[False, True], ignore_index=True)
        )
        return out

    def __repr__(self) -> str:
        return f"Corpus({len(self.folders)} dump(s), {len(self.posts)} posts)"


def load(
    path: str | Path | Sequence[str | Path],
    *,
    cache_dir: str | Path | None = None,
    actors: str | Path | Sequence[str | Path] | None = None,
    roles: str | Path | Sequence[str | Path] | None = None,
    resolve_roles: bool = False,
    force: bool = False,
    workers: int = 1,
    columns: Mapping[str, str] | None = None,
    tz_default: str | None = None,
    client: Any = None,
) -> Corpus:
    """Load a dump file or a folder of dumps, building or reusing the processed tables.

    Dumps may be copied timeline text, JSON tweet archives (twarc2, snscrape),
    tweet CSVs (twarc-csv, or your own columns) or saved pages with embedded
    tweets, in any mix; the format is read from each file's content
    (``docs/reading.md``). A post found in several dumps is kept once, with a
    warning saying how many copies were merged.

    Parameters
    ----------
    path : a dump file, a folder of dumps, or a list of them.
    cache_dir : where processed tables go (default ``data/processed/``).
    actors, roles : the user's own lexicon CSV(s), merged over the shipped ones.
    resolve_roles : also count persons named only by their office.
    force : rebuild even when the cache is valid.
    workers : processes to ingest with (each owns a MeCab Tagger; same output as 1);
        0 = one per core for dumps of 4 MB or more (the CLI's default).
    columns : for CSVs with your own column names, which holds what, e.g.
        ``{"text": "Tweet", "date": "Date", "handle": "Account"}`` (keys: text, date,
        handle, outlet, body, lang, urls, hashtags).
    tz_default : IANA time zone that archive times (UTC) are dated in for outlets
        not in ``lexicons/outlets.csv`` (default: Asia/Tokyo for Japanese posts, UTC
        for others).
    client : a ``dask.distributed.Client`` (or scheduler address) to ingest on a
        Dask cluster (``docs/scaling.md``; ``pip install 'crisisnotes[dask]'``).

    >>> corpus = load(["news.txt", "search.jsonl"], columns=None)  # doctest: +SKIP
    >>> corpus.duplicates_merged, corpus.posts["also_in"].str.len().sum()  # doctest: +SKIP
    (3, 3)

    A single file that cannot be read raises :class:`~crisisnotes.DumpError`;
    in a folder such a file is skipped with a warning naming it.
    """
    lexicon = Lexicon.load(actors, roles=roles)
    single = isinstance(path, (str, Path)) and not Path(path).is_dir()
    report = ingest(path, out=cache_dir, lexicon=lexicon, force=force, workers=workers,
                    columns=columns, tz_default=tz_default, client=client)  # fmt: skip
    if report.errors:
        if single:
            raise report.errors[0]
        for e in report.errors:
            warnings.warn(f"skipped {e}", stacklevel=2)
    corpus = Corpus(report.folders, lexicon, resolve_roles=resolve_roles, report=report)
    if corpus.duplicates_merged:
        warnings.warn(
            f"{corpus.duplicates_merged} duplicate post(s) merged: the same handle, date and text "
            "in more than one dump (or twice in one); see corpus.posts['also_in']",
            stacklevel=2,
        )
    return corpus
