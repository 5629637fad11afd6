"""Derived tables kept beside a dump's tables, so notebooks rerun on cached data in seconds.

Diplomatic events cost ~1.5 ms a post to extract (a 10 MB dump: ~20 s), and every
notebook that draws channels or outlet × channel tables needs them. They are
extracted per dump, once, and kept as ``<dump folder>/derived/events.parquet``
with a key: the cue lexicon's fingerprint and ``resolve_roles`` (the dump
folder itself is rebuilt — and the file gone — when the code, the actor
lexicon or the input changes). A corpus of several dumps concatenates the
dumps' events, keeps the rows of the posts it keeps (duplicates merged) and
numbers ``event_id`` as one extraction over the corpus would.

Examples
--------
>>> import crisisnotes
>>> corpus = crisisnotes.load(crisisnotes.config.SAMPLE_DUMP)  # doctest: +SKIP
>>> events(corpus).equals(crisisnotes.diplomatic_events(corpus))  # doctest: +SKIP
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .store import atomic_write_text

if TYPE_CHECKING:
    from .corpus import Corpus
    from .cues import CueLexicon

DERIVED = "derived"
LIST_COLUMNS = ("participants", "parties")


def cue_fingerprint(cues: CueLexicon) -> str:
    """sha256 (16 hex digits) of the cue lexicon's rows.

    >>> from crisisnotes.cues import CueLexicon
    >>> len(cue_fingerprint(CueLexicon.load()))
    16
    """
    text = json.dumps(cues.rows, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _dump_events(corpus: Corpus, folder: Path, cues: CueLexicon, key: dict[str, object]) -> pd.DataFrame:
    """The events of one dump folder: read if kept under the same key, else extracted and kept."""
    from .corpus import Corpus
    from .events import diplomatic_events

    path, meta = folder / DERIVED / "events.parquet", folder / DERIVED / "events.json"
    try:
        kept = json.loads(meta.read_text(encoding="utf-8"))
        if kept.get("key") == key:
            df = pd.read_parquet(path)
            for col in LIST_COLUMNS:
                df[col] = df[col].map(list)
            # Parquet has no seconds unit: give back the extraction's own dtypes
            return df.astype({c: t for c, t in kept["dtypes"].items() if t.startswith("datetime64")})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    df = diplomatic_events(Corpus([folder], corpus.lexicon, resolve_roles=corpus.resolve_roles), cues=cues)
    try:
        (folder / DERIVED).mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder / DERIVED, prefix=".events.", suffix=".tmp")
        os.close(fd)
        df.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        dtypes = {c: str(t) for c, t in df.dtypes.items()}
        atomic_write_text(meta, json.dumps({"key": key, "dtypes": dtypes}))  # last: it vouches for the table
    except Exception as e:  # a read-only cache, a full disk: the events are still returned
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
        warnings.warn(f"{folder}: could not keep the events ({e}); they will be extracted again next time",
                      stacklevel=3)  # fmt: skip
    return df


def events(corpus: Corpus) -> pd.DataFrame:
    """Diplomatic events of ``corpus``, from each dump's kept table where it is still valid.

    Same rows, order and ``event_id`` as :func:`crisisnotes.diplomatic_events` over the corpus.
    """
    from .cues import CueLexicon
    from .events import diplomatic_events

    cues = CueLexicon.load()
    if len(corpus.folders) == 0:
        return diplomatic_events(corpus, cues=cues)
    key = {"cues": cue_fingerprint(cues), "resolve_roles": bool(corpus.resolve_roles), "version": 1}
    frames = [_dump_events(corpus, f, cues, key) for f in corpus.folders]
    frames = [f for f in frames if len(f)] or frames[:1]  # an empty frame's dtypes would leak into the others
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if corpus.duplicates_merged:
        df = df[df["post_id"].isin(corpus.posts["post_id"])].reset_index(drop=True)
    df["event_id"] = [f"{p}#{i}" for i, p in enumerate(df["post_id"])]
    return df
