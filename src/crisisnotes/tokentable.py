"""The token table of a chunk of sentences, built in Arrow: the compiled path or the pure one.

With a :class:`~crisisnotes.nodecols.NodeTagger` (the C module ``_nodecols``), MeCab's nodes
and the rule tokenizer write the columns directly; without one, each sentence is tokenized to
TSV rows (:func:`~crisisnotes.tokenize.tokenize_tsv`) that Arrow's CSV reader turns into
columns for the whole chunk at once (:func:`~crisisnotes.tokenize.token_columns`). The table
is the same either way; a chunk the fast path cannot take is done sentence by sentence.

Examples
--------
>>> from crisisnotes.tokenize import get_tagger
>>> sents = [{"post_id": "d:1", "sentence_id": 0, "text": "米ロが協議。", "lang": "ja"}]
>>> token_table(sents, get_tagger()).column("surface").to_pylist()
['米ロ', 'が', '協議', '。']
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pyarrow as pa

from .nodecols import NodeTagger
from .tokenize import TOKEN_FIELDS, rule_tokens, token_columns, tokenize_tsv

TOKEN_SCHEMA = pa.schema(
    [("post_id", pa.string()), ("sentence_id", pa.int32()), ("i", pa.int32()),
     ("surface", pa.string()), ("lemma", pa.string()), ("pos1", pa.string()),
     ("pos2", pa.string()), ("pos3", pa.string()), ("pos4", pa.string()), ("lang", pa.string())]
)  # fmt: skip


def token_table(sentences: list[dict[str, Any]], tagger: Any, node_tagger: NodeTagger | None = None) -> pa.Table:
    """Token table of ``sentences``, built in Arrow.

    With ``node_tagger`` (the compiled path, :mod:`crisisnotes.nodecols`), MeCab's nodes
    are read in C into the columns. Without it, each sentence is tokenized to TSV rows
    (:func:`~crisisnotes.tokenize.tokenize_tsv`) and the rows of a whole chunk become
    columns in one go (:func:`~crisisnotes.tokenize.token_columns`). Either way no Python
    object is made per token, and the table is the same.
    """
    if node_tagger is not None:
        try:
            counts, cols = node_tagger.columns([s["text"] for s in sentences], [s["lang"] for s in sentences])
        except Exception:  # noqa: BLE001  a sentence the compiled path cannot take: the pure path decides
            return token_table(sentences, tagger)
        return _token_rows(sentences, cols, counts)
    texts: list[str] = []
    counts = np.zeros(len(sentences), dtype=np.int64)
    for k, s in enumerate(sentences):
        tsv = tokenize_tsv(s["text"], lang="ja" if s["lang"] == "ja" else "en", tagger=tagger)
        if tsv:
            texts.append(tsv)
            counts[k] = tsv.count("\n") + 1
    n = int(counts.sum())
    if n == 0:
        return TOKEN_SCHEMA.empty_table()
    try:
        cols = token_columns("\n".join(texts))
    except Exception:  # noqa: BLE001  a sentence MeCab or Arrow cannot take: never fail the dump for it
        cols, counts, n = _tokens_one_by_one(sentences, tagger)
    if len(cols["surface"]) != n:
        raise RuntimeError(f"tokenizer output has {len(cols['surface'])} rows for {n} tokens")
    return _token_rows(sentences, cols, counts)


def _token_rows(sentences: list[dict[str, Any]], cols: dict[str, pa.Array], counts: np.ndarray) -> pa.Table:
    """The token table from the token columns of ``sentences`` and their number of tokens each."""
    n = len(cols["surface"])
    which = np.repeat(np.arange(len(sentences)), counts)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    post_ids = pa.array([s["post_id"] for s in sentences], pa.string())
    sids = pa.array([s["sentence_id"] for s in sentences], pa.int32())
    langs = pa.array([s["lang"] for s in sentences], pa.string())
    take = pa.array(which)
    return pa.table(
        [post_ids.take(take), sids.take(take), pa.array(np.arange(n) - starts, pa.int32()),
         *(cols[c] for c in TOKEN_FIELDS), langs.take(take)],
        schema=TOKEN_SCHEMA,
    )  # fmt: skip


def _tokens_one_by_one(sentences: list[dict[str, Any]], tagger: Any) -> tuple[dict[str, pa.Array], np.ndarray, int]:
    """The slow path of :func:`token_table`: each sentence on its own; one whose MeCab rows still cannot
    be read is tokenized by the rule tokenizer, with a warning naming it (no sentence is lost)."""
    parts: list[dict[str, pa.Array]] = []
    counts = np.zeros(len(sentences), dtype=np.int64)
    for k, s in enumerate(sentences):
        try:
            cols = token_columns(tokenize_tsv(s["text"], lang="ja" if s["lang"] == "ja" else "en", tagger=tagger))
        except Exception:  # noqa: BLE001
            warnings.warn(f"{s['post_id']} sentence {s['sentence_id']}: MeCab's rows unreadable, rule tokens kept",
                          stacklevel=2)  # fmt: skip
            toks = rule_tokens(s["text"])
            cols = {c: pa.array([t[i] for t in toks], pa.string()) for i, c in enumerate(TOKEN_FIELDS)}
        parts.append(cols)
        counts[k] = len(cols["surface"])
    merged = {c: pa.concat_arrays([p[c] for p in parts]) if parts else pa.array([], pa.string()) for c in TOKEN_FIELDS}
    return merged, counts, int(counts.sum())
