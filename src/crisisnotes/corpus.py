"""``Corpus``: the tables of one or more dumps, built into the store or read from it.

Examples
--------
>>> import crisisnotes
>>> corpus = crisisnotes.load(crisisnotes.config.SAMPLE_DUMP)  # doctest: +SKIP
>>> corpus.posts.groupby("outlet").size()  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import hashlib
import os
import unicodedata
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__, store
from .actors import Lexicon
from .config import PROCESSED_DATA_DIR
from .dumps import DumpError
from .duplicates import merge_duplicates

DUMP_SUFFIXES = (".txt", ".text", ".jsonl", ".json", ".csv", ".tsv", ".html", ".htm")
"""Files in a folder that are read as dumps (the format itself is detected from the content)."""


@dataclass
class IngestReport:
    """What an ingest did: folders built or reused, files that failed, warnings."""

    folders: list[Path] = field(default_factory=list)
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    errors: list[DumpError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@functools.cache
def code_fingerprint() -> str:
    """sha256 over the package's own source: a code change rebuilds the cache, even within a version."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for p in sorted(root.rglob("*.py")):
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def dump_files(path: str | Path) -> list[Path]:
    """The dump files of ``path`` (a file, or the dump files in a folder, sorted).

    Hidden files and ``README*`` files in a folder are not dumps. An entry with a
    dump's suffix that is no readable file (a folder, a broken link) is listed all
    the same, so that ingest names it as an error instead of skipping it silently.
    """
    p = Path(path)
    if p.is_dir():
        return sorted(
            f for f in p.iterdir()
            if f.suffix.lower() in DUMP_SUFFIXES
            and not f.name.startswith(".") and not f.name.upper().startswith("README")
        )  # fmt: skip
    if not p.exists() and not p.is_symlink():  # a broken link is named by ingest
        raise FileNotFoundError(f"{p}: no such file or folder")
    return [p]


def _printable(f: Path) -> str:
    """``f`` for messages: bytes that are not UTF-8 and control characters escaped (``\\xff``, ``\\n``)."""
    s = os.fsencode(f).decode("utf-8", "backslashreplace")
    return "".join(repr(c)[1:-1] if unicodedata.category(c) == "Cc" else c for c in s)


def _input_sha256(f: Path) -> str:
    """sha256 of dump file ``f``; a :class:`DumpError` when ``f`` is no readable file."""
    if not f.is_file():  # never open a folder, a broken link, a pipe or a device
        why = ("Is a directory" if f.is_dir() else f"broken link to {os.readlink(f)}"
               if f.is_symlink() else "not a regular file")  # fmt: skip
        raise DumpError(f, f"cannot read file: {why}")
    if _printable(f) != str(f):
        raise DumpError(_printable(f), "cannot read file: its name is not valid UTF-8 or holds control "
                        "characters (a Shift_JIS name unpacked from a zip archive?); rename the file")  # fmt: skip
    try:
        return store.sha256_file(f)
    except OSError as e:
        raise DumpError(f, f"cannot read file: {e.strerror or e}") from None


def _folder_names(files: Sequence[Path]) -> dict[Path, tuple[str, str]]:
    """Processed-folder name and source name of each dump, unique within one ingest.

    ``news.txt`` → (``news``, ``news.txt``); ``news.txt`` beside ``news.csv`` →
    (``news.txt``, ``news.txt``); ``x/news.txt`` and ``y/news.txt`` →
    (``x_news.txt``, ``x/news.txt``) and (``y_news.txt``, ``y/news.txt``).
    """
    stems = [store.safe_name(f.stem) for f in files]
    names = [f.name for f in files]
    out = {}
    for f, s in zip(files, stems, strict=True):
        if names.count(f.name) > 1:
            out[f] = (store.safe_name(f"{f.parent.name}_{f.name}"), f"{f.parent.name}/{f.name}")
        elif stems.count(s) > 1:
            out[f] = (store.safe_name(f.name), f.name)
        else:
            out[f] = (s, f.name)
    return out


def ingest(
    paths: str | Path | Sequence[str | Path],
    *,
    out: str | Path | None = None,
    lexicon: Lexicon | None = None,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
    workers: int = 1,
    columns: Mapping[str, str] | None = None,
    tz_default: str | None = None,
    client: Any = None,
) -> IngestReport:
    """Build the processed tables of every dump in ``paths`` (skipping unchanged ones).

    A dump that cannot be read is reported in ``errors`` (file and line) and
    the others are still processed. ``workers`` processes share each dump's
    chunks of posts (same output as one worker). ``columns`` and ``tz_default``
    go to the reader (:func:`crisisnotes.dumps.iter_dump`) and are part of the
    cache key. ``client`` (a ``dask.distributed.Client`` or a scheduler address
    such as ``"tcp://host:8786"``) runs the ingest on a Dask cluster instead:
    several dumps are spread whole over its workers, a big one (or a lone one)
    chunk by chunk (:mod:`crisisnotes.distributed`; same tables).
    """
    from .distributed import connect, ingest_on_cluster, whole_dumps
    from .pipeline import ingest_file

    lexicon = lexicon or Lexicon.load()
    out_dir = Path(out) if out else PROCESSED_DATA_DIR
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = [f for p in paths for f in dump_files(p)]
    report = IngestReport()
    todo: list[tuple[Path, Path, dict[str, Any]]] = []  # (file, folder, manifest_extra) to build
    outcome: dict[Path, Any] = {}  # file -> manifest, "reused" or DumpError, reported in file order
    with connect(client) as dask_client:
        for f, (name, source) in _folder_names(files).items():
            if on_file:
                on_file(f)
            folder = out_dir / name
            try:
                sha = _input_sha256(f)
            except DumpError as e:
                outcome[f] = e
                continue
            expect = {
                "input_sha256": sha,
                "input_size": f.stat().st_size,
                "source": source,
                "package_version": __version__,
                "code": code_fingerprint(),
                "lexicon": lexicon.fingerprint,
            }
            if columns:
                expect["columns"] = dict(columns)
            if tz_default:
                expect["tz_default"] = tz_default
            if not force and store.is_valid(folder, expect):
                outcome[f] = "reused"
                if progress:
                    progress(expect["input_size"])
                continue
            todo.append((f, folder, expect))
        options = {"columns": columns, "tz_default": tz_default}
        whole = whole_dumps(todo) if dask_client is not None else []
        for f, folder, expect in todo:
            if f in whole:
                continue  # a worker of the cluster reads and writes it, below
            try:
                outcome[f] = ingest_file(f, folder, lexicon=lexicon, manifest_extra=expect, progress=progress,
                                         workers=workers, source=expect["source"], client=dask_client, **options)  # fmt: skip
            except DumpError as e:
                outcome[f] = e
        if whole:
            jobs = [(f, folder, expect) for f, folder, expect in todo if f in whole]
            for f, result in ingest_on_cluster(dask_client, jobs, lexicon, options):
                outcome[f] = result
                if progress:
                    progress(f.stat().st_size)
    for f, (name, _) in _folder_names(files).items():
        result = outcome[f]
        if isinstance(result, DumpError):
            report.errors.append(result)
            continue
        report.folders.append(out_dir / name)
        if result == "reused":
            report.reused.append(f.name)
            continue
        report.built.append(f.name)
        report.warnings.extend(result.get("warnings", []))
        if not result.get("posts") and not result.get("unassigned"):
            report.warnings.append(f"{f}: no posts: the file is empty or holds only blank lines")
    return report


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
        """Diplomatic events (:func:`~crisisnotes.diplomatic_events`), extracted once and kept."""
        if "_events" not in self._cache:
            from .events import diplomatic_events

            self._cache["_events"] = diplomatic_events(self)
        return self._cache["_events"]

    @property
    def mentions(self) -> pd.DataFrame:
        """One row per actor mention."""
        m = self._get("mentions")
        if self.resolve_roles:
            return m
        return m[m["via"] != "role"].reset_index(drop=True)

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
            "sentences": len(self.sentences),
            "tokens": self._n_tokens(),
            "mentions": len(self.mentions),
            "actors mentioned": int(self.mentions["actor_id"].nunique()),
        }
        return pd.DataFrame({"count": counts})

    def _n_tokens(self) -> int:
        if self.duplicates_merged:
            return len(self.tokens)
        return int(sum(store.table_rows(f, "tokens") for f in self.folders))  # footers only

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
    workers : processes to ingest with (each owns a MeCab Tagger; same output as 1).
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
