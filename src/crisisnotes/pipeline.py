"""Ingest one dump: read → posts → sentences → tokens and mentions, streamed to Parquet.

Posts and unassigned lines are appended to their Parquet files window by
window. Posts are processed in chunks of 1,000; each chunk's sentences,
tokens and mentions are written as one part file of each table by the process
that made them, so memory stays flat in the size of the dump and no token
row travels between processes.

Examples
--------
>>> rows = sentence_rows([{"post_id": "d:1", "line_start": 1, "text": "米ロが協議。",
...                        "body_line_start": 3, "body": "Talks began. They ended."}])
>>> [(r["sentence_id"], r["part"], r["line"], r["text"]) for r in rows]
[(0, 'text', 1, '米ロが協議。'), (1, 'body', 3, 'Talks began.'), (2, 'body', 3, 'They ended.')]
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import __version__
from .actors import Lexicon, mention_columns
from .dumps import iter_dump
from .matching import matcher_for
from .nodecols import node_tagger
from .sentences import sentence_spans_of
from .store import TableWriter, building, write_manifest, write_part
from .text import guess_langs, normalize
from .tokenize import get_tagger
from .tokentable import TOKEN_SCHEMA, token_table

CHUNK_POSTS = 1000
AUTO_MIN_BYTES = 4 * 2**20
"""With ``workers=0`` (auto), dumps this big or bigger use one worker per core; smaller ones one process."""


def auto_workers(size: int, workers: int = 0) -> int:
    """Worker processes for a dump of ``size`` bytes: ``workers`` if set, else one per usable core for big dumps.

    >>> auto_workers(1000), auto_workers(10**9, 3)
    (1, 3)
    >>> auto_workers(10**9) == len(os.sched_getaffinity(0))
    True
    """
    if workers > 0:
        return workers
    if size < AUTO_MIN_BYTES:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

SENTENCE_SCHEMA = pa.schema(
    [("post_id", pa.string()), ("sentence_id", pa.int32()), ("part", pa.string()),
     ("line", pa.int64()), ("text", pa.string()), ("norm", pa.string()), ("lang", pa.string())]
)  # fmt: skip
MENTION_SCHEMA = pa.schema(
    [("post_id", pa.string()), ("sentence_id", pa.int32()), ("actor_id", pa.string()),
     ("label_en", pa.string()), ("label_ja", pa.string()), ("kind", pa.string()),
     ("country", pa.string()), ("surface", pa.string()), ("start", pa.int32()),
     ("end", pa.int32()), ("via", pa.string())]
)  # fmt: skip
assert [f.name for f in MENTION_SCHEMA] == mention_columns()


@contextlib.contextmanager
def fewer_collections(young: int = 50_000) -> Iterator[None]:
    """Collect the young generation every ``young`` new containers instead of every 700, then restore.

    Ingest makes millions of short-lived rows and spans, freed by reference counting; each of
    Python's frequent young-generation collections walks them for nothing (4 % of one-core ingest
    on the 10 MB bench dump, five alternating runs each). Forked workers inherit the setting.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with fewer_collections():
    ...     gc.get_threshold()[0]
    50000
    >>> gc.get_threshold() == before
    True
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], young), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _known(x: Any) -> bool:
    return type(x) is int or (x is not None and not pd.isna(x))


def sentence_rows(posts: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Sentences of posts (tweet text first, then body), with the raw line each starts on.

    A retweet (``is_retweet``) repeats a post and gives no sentences. A line is
    never past the post's ``line_end``, nor a tweet-text line past ``text_line_end``
    (an archive's tweet text sits on one raw line, whatever line breaks it holds).
    """
    lines: list[str] = []
    where: list[tuple[str, str, int | None]] = []  # post id, part and raw line of each line
    for p in posts:
        if p.get("is_retweet"):
            continue
        end = p.get("line_end")
        parts = (("text", p.get("line_start"), p.get("text_line_end"), p.get("text") or ""),
                 ("body", p.get("body_line_start"), end, p.get("body") or ""))  # fmt: skip
        for part, first, last, text in parts:
            if not text:
                continue
            bounds = [int(x) for x in (last, end) if _known(x)]
            for k, line in enumerate(text.split("\n")):
                at = int(first) + k if _known(first) else None
                if at is not None and bounds:
                    at = min(at, *bounds)
                lines.append(line)
                where.append((p["post_id"], part, at))
    rows: list[dict[str, Any]] = []
    sid, post = 0, None
    for line, (post_id, part, at), spans in zip(lines, where, sentence_spans_of(lines), strict=True):
        if post_id != post:
            sid, post = 0, post_id
        for a, b in spans:
            s = line[a:b]
            rows.append({
                "post_id": post_id, "sentence_id": sid, "part": part, "line": at,
                "text": s, "norm": normalize(s), "lang": "",
            })  # fmt: skip
            sid += 1
    for row, lang in zip(rows, guess_langs([r["text"] for r in rows]), strict=True):
        row["lang"] = lang
    return rows


def process_chunk(
    records: list[dict[str, Any]], lexicon: Lexicon, tagger: Any = None
) -> tuple[pa.Table, pa.Table, pa.Table]:
    """Sentences, tokens and mentions of a chunk of posts, as Arrow tables.

    Pure function of its input (each process owns its Tagger), so chunks can
    run in worker processes and still give the same rows in the same order.
    """
    user_dic = lexicon.user_dictionary()
    tagger = tagger or get_tagger(user_dic)
    sents = sentence_rows(records)
    dates = {r["post_id"]: r["posted_on"] for r in records}
    sentences = pa.Table.from_pylist(sents, schema=SENTENCE_SCHEMA)
    mentions = pa.table(lexicon.mention_columns_for(sents, dates), schema=MENTION_SCHEMA)
    return sentences, token_table(sents, tagger, node_tagger(user_dic)), mentions


PART_TABLES = ("sentences", "tokens", "mentions")
"""Tables written in parts, one per chunk of posts (:func:`write_chunk`)."""


def write_chunk(k: int, records: list[dict[str, Any]], lexicon: Lexicon, folder: str | Path) -> int:
    """Process chunk ``k`` and write its sentences, tokens and mentions as part ``k`` of each table.

    Runs wherever the chunk runs (this process, a worker process, a Dask
    worker), so no token row travels back to the parent. Returns the chunk's
    number of sentence characters (for progress).
    """
    tables = process_chunk(records, lexicon)
    for name, table in zip(PART_TABLES, tables, strict=True):
        write_part(Path(folder), name, k, table)
    return int(pc.sum(pc.utf8_length(tables[0].column("text"))).as_py() or 0)


_WORKER_LEXICON: Lexicon | None = None


def _init_worker(lexicon: Lexicon) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lexicon
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """End this worker once the ingest that started it is gone (a killed process cleans nothing up)."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _worker_chunk(k: int, records: list[dict[str, Any]], folder: str) -> int:
    assert _WORKER_LEXICON is not None
    return write_chunk(k, records, _WORKER_LEXICON, folder)


def _chunks(posts: pd.DataFrame) -> Iterator[list[dict[str, Any]]]:
    """Posts as lists of dicts, one chunk at a time (never the whole dump as Python objects)."""
    cols = ["post_id", "line_start", "line_end", "text_line_end", "body_line_start", "text", "body",
            "posted_on", "is_retweet"]  # fmt: skip
    for k in range(0, len(posts), CHUNK_POSTS):
        part = posts.iloc[k : k + CHUNK_POSTS]  # column lists zipped: a third of to_dict("records")'s time
        yield [dict(zip(cols, row, strict=True)) for row in zip(*(part[c].tolist() for c in cols), strict=True)]


def _ordered(
    pool: ProcessPoolExecutor, chunks: Iterator[list[dict[str, Any]]], depth: int, folder: Path
) -> Iterator[Any]:
    """``pool.map`` with at most ``depth`` chunks in flight (map would queue the whole dump)."""
    pending: deque[Any] = deque()
    for k, chunk in enumerate(chunks):
        pending.append(pool.submit(_worker_chunk, k, chunk, str(folder)))
        if len(pending) >= depth:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


POSTS_SCHEMA = pa.schema([
    ("post_id", pa.string()), ("source", pa.string()), ("line_start", pa.int64()),
    ("line_end", pa.int64()), ("text_line_end", pa.int64()), ("body_line_start", pa.int64()),
    ("outlet", pa.string()), ("handle", pa.string()), ("posted_on", pa.timestamp("ns")),
    ("posted_at", pa.timestamp("ns", tz="UTC")), ("date_raw", pa.string()),
    ("date_error", pa.string()), ("lang", pa.string()), ("text", pa.string()),
    ("body", pa.string()), ("urls", pa.list_(pa.string())), ("hashtags", pa.list_(pa.string())),
    ("is_orphan", pa.bool_()), ("is_retweet", pa.bool_()),
])  # fmt: skip
UNASSIGNED_SCHEMA = pa.schema(
    [("source", pa.string()), ("line", pa.int64()), ("text", pa.string()), ("reason", pa.string())]
)


def ingest_file(
    path: str | Path,
    folder: Path,
    *,
    lexicon: Lexicon,
    manifest_extra: Mapping[str, Any],
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
    tz_default: str | None = None,
    client: Any = None,
) -> dict[str, Any]:
    """Read ``path`` and write all its tables into ``folder`` (atomically). Returns the manifest.

    Posts and unassigned lines are written here, window by window; each chunk
    of 1,000 posts is processed — and its sentences, tokens and mentions written
    as one part of each table (:func:`write_chunk`) — here, or with
    ``workers > 1`` in that many worker processes (each with its own MeCab
    Tagger), or with a ``dask.distributed.Client`` as ``client`` by the
    cluster's workers (:mod:`crisisnotes.distributed`; ``workers`` is then
    ignored, and ``folder`` must be on storage the workers share). The output
    is identical either way.
    ``workers=0`` chooses: one per core for dumps of :data:`AUTO_MIN_BYTES` or
    more, else one (process start-up costs more than it saves on a small dump).
    ``columns`` and ``tz_default`` go to the reader (:func:`~crisisnotes.dumps.iter_dump`).
    """
    t0 = time.perf_counter()
    stream = iter_dump(path, columns=columns, tz_default=tz_default, source=source)
    size = max(1, Path(path).stat().st_size)
    workers = auto_workers(size, workers)
    lexicon.user_dictionary()  # build once, before any worker starts
    matcher_for(lexicon).prepare()  # compiled once: forked workers inherit it
    counts = {"posts": 0, "unassigned": 0}

    def chunks() -> Iterator[list[dict[str, Any]]]:
        for posts, unassigned in stream.windows:
            wp.write(posts)
            wu.write(unassigned)
            counts["posts"] += len(posts)
            counts["unassigned"] += len(unassigned)
            yield from _chunks(posts)

    done = 0
    with fewer_collections(), building(folder) as tmp:
        with contextlib.ExitStack() as stack:
            wp = stack.enter_context(TableWriter(tmp / "posts.parquet", POSTS_SCHEMA))
            wu = stack.enter_context(TableWriter(tmp / "unassigned.parquet", UNASSIGNED_SCHEMA))
            if client is not None:
                from .distributed import ordered_results

                results: Iterator[int] = stack.enter_context(
                    contextlib.closing(ordered_results(client, chunks(), lexicon, tmp))
                )
            elif workers > 1:
                pool = stack.enter_context(ProcessPoolExecutor(
                    workers, mp_context=mp.get_context("fork"), initializer=_init_worker, initargs=(lexicon,)
                ))  # fmt: skip
                results = _ordered(pool, chunks(), 4 * workers, tmp)
            else:
                results = (write_chunk(k, c, lexicon, tmp) for k, c in enumerate(chunks()))
            n_chunks = 0
            for chars in results:
                n_chunks += 1
                if progress:
                    step = min(size - done, chars * 2)
                    done += step
                    progress(step)
            if not n_chunks:  # no posts: empty tables that still carry their schema
                for name, schema in zip(PART_TABLES, (SENTENCE_SCHEMA, TOKEN_SCHEMA, MENTION_SCHEMA), strict=True):
                    write_part(tmp, name, 0, schema.empty_table())
        manifest = {
            **manifest_extra,
            "source": source or Path(path).name,
            "input_path": str(Path(path).resolve()),
            "package_version": __version__,
            "format": stream.format,
            "encoding": stream.encoding,
            "lines": stream.n_lines,
            "posts": counts["posts"],
            "unassigned": counts["unassigned"],
            "warnings": stream.warnings,
            "seconds": round(time.perf_counter() - t0, 3),
        }
        write_manifest(tmp, manifest)
    if progress and size > done:
        progress(size - done)
    return manifest
