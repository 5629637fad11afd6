"""Ingest one dump: read → posts → sentences → tokens and mentions, streamed to Parquet.

Posts are processed in chunks; sentences, tokens and mentions of each chunk
are appended to their Parquet files as row groups, so memory stays flat in
the size of the dump's token table.

Examples
--------
>>> rows = sentence_rows([{"post_id": "d:1", "line_start": 1, "text": "米ロが協議。",
...                        "body_line_start": 3, "body": "Talks began. They ended."}])
>>> [(r["sentence_id"], r["part"], r["line"], r["text"]) for r in rows]
[(0, 'text', 1, '米ロが協議。'), (1, 'body', 3, 'Talks began.'), (2, 'body', 3, 'They ended.')]
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from . import __version__
from .actors import Lexicon, mention_columns
from .dumps import read_dump
from .sentences import sentence_spans
from .store import TableWriter, building, write_manifest, write_table
from .text import guess_lang, normalize
from .tokenize import get_tagger, tokenize

CHUNK_POSTS = 500

SENTENCE_SCHEMA = pa.schema(
    [("post_id", pa.string()), ("sentence_id", pa.int32()), ("part", pa.string()),
     ("line", pa.int64()), ("text", pa.string()), ("norm", pa.string()), ("lang", pa.string())]
)  # fmt: skip
TOKEN_SCHEMA = pa.schema(
    [("post_id", pa.string()), ("sentence_id", pa.int32()), ("i", pa.int32()),
     ("surface", pa.string()), ("lemma", pa.string()), ("pos1", pa.string()),
     ("pos2", pa.string()), ("pos3", pa.string()), ("pos4", pa.string()), ("lang", pa.string())]
)  # fmt: skip
MENTION_SCHEMA = pa.schema(
    [("post_id", pa.string()), ("sentence_id", pa.int32()), ("actor_id", pa.string()),
     ("label_en", pa.string()), ("label_ja", pa.string()), ("kind", pa.string()),
     ("country", pa.string()), ("surface", pa.string()), ("start", pa.int32()),
     ("end", pa.int32()), ("via", pa.string())]
)  # fmt: skip
assert [f.name for f in MENTION_SCHEMA] == mention_columns()


def sentence_rows(posts: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Sentences of posts (tweet text first, then body), with the raw line each starts on."""
    rows: list[dict[str, Any]] = []
    for p in posts:
        sid = 0
        parts = (("text", p.get("line_start"), p.get("text") or ""),
                 ("body", p.get("body_line_start"), p.get("body") or ""))  # fmt: skip
        for part, first, text in parts:
            if not text:
                continue
            for k, line in enumerate(text.split("\n")):
                for a, b in sentence_spans(line):
                    s = line[a:b]
                    rows.append({
                        "post_id": p["post_id"], "sentence_id": sid, "part": part,
                        "line": int(first) + k if first is not None and not pd.isna(first) else None,
                        "text": s, "norm": normalize(s), "lang": guess_lang(s),
                    })  # fmt: skip
                    sid += 1
    return rows


def token_columns(sentences: list[dict[str, Any]], tagger: Any) -> dict[str, list[Any]]:
    """Token table of ``sentences`` as columns (lists), ready for Arrow."""
    cols: dict[str, list[Any]] = {f.name: [] for f in TOKEN_SCHEMA}
    for s in sentences:
        lang = s["lang"]
        toks = tokenize(s["text"], lang="ja" if lang == "ja" else "en", tagger=tagger)
        n = len(toks)
        if not n:
            continue
        cols["post_id"].extend([s["post_id"]] * n)
        cols["sentence_id"].extend([s["sentence_id"]] * n)
        cols["i"].extend(range(n))
        for name, values in zip(
            ("surface", "lemma", "pos1", "pos2", "pos3", "pos4"),
            zip(*toks, strict=True),
            strict=True,
        ):
            cols[name].extend(values)
        cols["lang"].extend([lang] * n)
    return cols


def ingest_file(
    path: str | Path,
    folder: Path,
    *,
    lexicon: Lexicon,
    manifest_extra: Mapping[str, Any],
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Read ``path`` and write all its tables into ``folder`` (atomically). Returns the manifest."""
    t0 = time.perf_counter()
    tables = read_dump(path)
    posts = tables.posts
    tagger = get_tagger(lexicon.user_dictionary())
    records = posts.to_dict("records")
    dates = dict(zip(posts["post_id"], posts["posted_on"], strict=True))
    size = Path(path).stat().st_size
    done_bytes = 0
    with building(folder) as tmp:
        write_table(posts, tmp / "posts.parquet")
        write_table(tables.unassigned, tmp / "unassigned.parquet")
        with (
            TableWriter(tmp / "sentences.parquet", SENTENCE_SCHEMA) as ws,
            TableWriter(tmp / "tokens.parquet", TOKEN_SCHEMA) as wt,
            TableWriter(tmp / "mentions.parquet", MENTION_SCHEMA) as wm,
        ):
            for k in range(0, len(records), CHUNK_POSTS):
                chunk = records[k : k + CHUNK_POSTS]
                sents = sentence_rows(chunk)
                ws.write_columns({f.name: [r[f.name] for r in sents] for f in SENTENCE_SCHEMA})
                wt.write_columns(token_columns(sents, tagger))
                wm.write_columns(lexicon.mention_columns_for(sents, dates))
                if progress:
                    n = sum(
                        len((r["text"] or "").encode()) + len((r["body"] or "").encode())
                        for r in chunk
                    )
                    n = min(n, size - done_bytes)
                    done_bytes += n
                    progress(n)
        manifest = {
            **manifest_extra,
            "source": Path(path).name,
            "input_path": str(Path(path).resolve()),
            "package_version": __version__,
            "encoding": tables.encoding,
            "lines": tables.n_lines,
            "posts": len(posts),
            "unassigned": len(tables.unassigned),
            "warnings": tables.warnings,
            "seconds": round(time.perf_counter() - t0, 3),
        }
        write_manifest(tmp, manifest)
    if progress and size > done_bytes:
        progress(size - done_bytes)
    return manifest
