"""Vocabulary contrasts between groups of posts ("Fightin' Words").

Log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008, "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", *Political Analysis* 16(4),
section 3.5). For a term ``w``, a group ``i`` and everyone else ``j``, with
counts ``y_iw``, group sizes ``n_i = Σ_w y_iw`` and prior pseudo-counts
``α_w`` (``α_0 = Σ_w α_w``)::

    δ_w = log((y_iw + α_w) / (n_i + α_0 − y_iw − α_w))
        − log((y_jw + α_w) / (n_j + α_0 − y_jw − α_w))
    var(δ_w) ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
    z_w = δ_w / √var(δ_w)

Functions take a tokens table (``post_id, sentence_id, i, surface, lemma,
pos1, pos2, pos3, pos4, lang``) and return new DataFrames; inputs are never
modified.

Examples
--------
>>> tokens = pd.DataFrame({"post_id": ["a", "a", "a", "b", "b", "b"],
...     "surface": ["Sanctions", "on", "Moscow", "Talks", "in", "Moscow"],
...     "lemma": [None] * 6, "pos1": [None] * 6, "pos2": [None] * 6, "lang": ["en"] * 6})
>>> clean_terms(tokens)["term"].tolist()
['sanctions', 'moscow', 'talks', 'moscow']
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "JA_FUNCTION_POS1",
    "JA_FUNCTION_POS2",
    "JA_PUNCT_POS1",
    "STOPWORDS_EN",
    "clean_terms",
    "fightin_words",
]

STOPWORDS_EN: frozenset[str] = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each few for from further had hadn't has hasn't
    have haven't having he he'd he'll he's her here here's hers herself him himself his how
    how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
    mustn't my myself no nor not of off on once only or other ought our ours ourselves out
    over own same shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll
    they're they've this those through to too under until up very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's which while who who's
    whom why why's will with won't would wouldn't you you'd you'll you're you've your yours
    yourself yourselves also just says said say via amp rt s t 's ’s
    """.split()  # noqa: SIM905
)
"""English stop words (a compact list in the spirit of the classic SMART/Snowball lists)."""

JA_PUNCT_POS1: frozenset[str] = frozenset({"補助記号", "記号", "空白"})
"""UniDic ``pos1`` values that are punctuation or white space (always removed)."""

JA_FUNCTION_POS1: frozenset[str] = frozenset(
    {"助詞", "助動詞", "接頭辞", "接尾辞", "代名詞", "連体詞", "接続詞"}
)
"""UniDic ``pos1`` values treated as function words (removed with ``remove_stopwords``)."""

JA_FUNCTION_POS2: frozenset[str] = frozenset({"非自立可能"})
"""UniDic ``pos2`` values treated as function words (する, ある, こと, ため, ない, …)."""

_NUMBER_POS2 = "数詞"
_UNIDIC_GLOSS = re.compile(r"^(.*[^\x00-\x7f])-[A-Za-z]+$")  # テレビ-television → テレビ
_NOT_A_WORD = re.compile(r"[\W\d_]+|https?://\S*|www\.\S*|\S*://\S*|@\w+")


def _column(tokens: pd.DataFrame, name: str) -> pd.Series:
    if name in tokens:
        return tokens[name]
    return pd.Series(None, index=tokens.index, dtype=object)


def clean_terms(
    tokens: pd.DataFrame,
    *,
    lang: Literal["ja", "en"] | None = None,
    remove_stopwords: bool = True,
) -> pd.DataFrame:
    """Turn tokens into terms: lemma (or surface), lower-cased, filtered.

    The term is the lemma, or the surface form where the lemma is null,
    empty or ``"*"``; UniDic's English gloss (``テレビ-television``) is cut off.
    Punctuation, white space, numbers (also UniDic 数詞), URLs and ``@handles``
    are always removed; with ``remove_stopwords`` also :data:`STOPWORDS_EN`,
    single Latin letters and Japanese function words by part of speech
    (:data:`JA_FUNCTION_POS1`, :data:`JA_FUNCTION_POS2`). The input is not
    modified; a new DataFrame is returned.

    Parameters
    ----------
    tokens : DataFrame
        Tokens table (``post_id, lemma, surface, pos1, pos2, lang`` are used).
    lang : {"ja", "en"}, optional
        Keep only tokens of this language.
    remove_stopwords : bool
        Remove stop words and function words.

    Returns
    -------
    DataFrame
        ``post_id, term``, one row per kept token, in token order.

    Examples
    --------
    >>> tokens = pd.DataFrame({"post_id": ["a"] * 4, "surface": ["ロシア", "が", "2", "侵攻"],
    ...     "lemma": ["ロシア", "が", "2", "侵攻"], "pos1": ["名詞", "助詞", "名詞", "名詞"],
    ...     "pos2": ["固有名詞", "格助詞", "数詞", "普通名詞"], "lang": ["ja"] * 4})
    >>> clean_terms(tokens)["term"].tolist()
    ['ロシア', '侵攻']
    """
    lemma, surface = _column(tokens, "lemma"), _column(tokens, "surface")
    pos1, pos2 = _column(tokens, "pos1"), _column(tokens, "pos2")
    bad = lemma.isna() | lemma.isin(["", "*"])
    # Every step below is a function of the term, so it runs once per distinct source
    # string (lemma or surface) and is then looked up by code: far fewer calls than tokens.
    codes, uniques = pd.factorize(lemma.where(~bad, surface), use_na_sentinel=True)
    terms = [_term(u) for u in uniques] + [None]  # code -1: a missing value
    ok = [bool(t) and not _NOT_A_WORD.fullmatch(t) for t in terms]
    if remove_stopwords:
        ok = [
            k and t not in STOPWORDS_EN and not (len(t) == 1 and t.isascii())
            for k, t in zip(ok, terms, strict=True)
        ]
    keep = np.asarray(ok, dtype=bool)[codes]
    keep &= ~pos1.isin(JA_PUNCT_POS1).to_numpy(dtype=bool)
    keep &= pos2.ne(_NUMBER_POS2).to_numpy(dtype=bool)
    if lang is not None:
        keep &= _column(tokens, "lang").eq(lang).to_numpy(dtype=bool)
    if remove_stopwords:
        keep &= ~pos1.isin(JA_FUNCTION_POS1).to_numpy(dtype=bool)
        keep &= ~pos2.isin(JA_FUNCTION_POS2).to_numpy(dtype=bool)
    term = np.asarray(terms, dtype=object)[codes[keep]]
    return pd.DataFrame({"post_id": tokens["post_id"].to_numpy()[keep], "term": term})


def _term(t: Any) -> str | None:
    """The term of one lemma or surface: stripped, UniDic gloss cut off, lower-cased."""
    return _UNIDIC_GLOSS.sub(r"\1", t.strip()).lower() if isinstance(t, str) else None


def fightin_words(
    tokens: pd.DataFrame,
    groups: pd.Series | Mapping[str, object],
    *,
    prior: float | Literal["corpus"] = "corpus",
    prior_scale: float = 500.0,
    background: pd.DataFrame | None = None,
    min_count: int = 2,
    lang: Literal["ja", "en"] | None = None,
    remove_stopwords: bool = True,
) -> pd.DataFrame:
    """Terms that distinguish each group from all the others (Monroe et al. 2008).

    Every group is compared with the rest of the corpus (so more than two
    groups work at once); with exactly two groups, ``z`` of one is minus ``z``
    of the other. The inputs are not modified; a new DataFrame is returned.

    Parameters
    ----------
    tokens : DataFrame
        Tokens table; terms as in :func:`clean_terms`.
    groups : Series or Mapping
        Group of each post, keyed by ``post_id`` (a Series indexed by
        ``post_id``). Tokens of posts without a group are ignored.
    prior : float or "corpus"
        ``"corpus"``: informative Dirichlet prior ``α_w = prior_scale · π_w``,
        with ``π_w`` the term's relative frequency in ``background`` (add-one
        smoothed over the vocabulary) or, without one, in all grouped tokens.
        A float: the flat prior ``α_w = prior`` for every term (Monroe et al.
        use 0.01).
    prior_scale : float
        ``α_0`` of the informative prior: how many pseudo-tokens the prior is
        worth. The default, 500, shrinks rare terms noticeably in corpora of
        a few thousand tokens and barely touches common ones; raise it for
        more shrinkage. Ignored for a flat prior.
    background : DataFrame, optional
        Tokens of a reference corpus for the informative prior.
    min_count : int
        Keep terms used at least this often in all groups together.
    lang : {"ja", "en"}, optional
        Use only tokens of this language (also in ``background``).
    remove_stopwords : bool
        Remove stop words and function words (see :func:`clean_terms`).

    Returns
    -------
    DataFrame
        ``group, term, count, count_other, total, delta, var, z``: one row per
        group and vocabulary term (terms a group never uses included),
        sorted by group, then ``z`` descending. ``attrs["group_tokens"]``
        holds each group's ``n_i``.

    Examples
    --------
    >>> tokens = pd.DataFrame({"post_id": ["a"] * 4 + ["b"] * 4,
    ...     "surface": ["sanctions"] * 3 + ["talks", "talks", "talks", "sanctions", "summit"]})
    >>> fw = fightin_words(tokens, {"a": "hawk", "b": "dove"}, prior=0.5, min_count=1)
    >>> fw[["group", "term", "count", "count_other", "z"]].round(2)
      group       term  count  count_other     z
    0  dove     summit      1            0  0.81
    1  dove      talks      2            1  0.77
    2  dove  sanctions      1            3 -1.58
    3  hawk  sanctions      3            1  1.58
    4  hawk      talks      1            2 -0.77
    5  hawk     summit      0            1 -0.81
    """
    if background is not None and prior != "corpus":
        raise ValueError("background is only used with prior='corpus'")
    if prior != "corpus" and not (isinstance(prior, int | float) and prior > 0):
        raise ValueError(f"prior must be 'corpus' or a positive number, not {prior!r}")
    if not prior_scale > 0:
        raise ValueError(f"prior_scale must be positive, not {prior_scale!r}")
    gmap = pd.Series(dict(groups), dtype=object) if isinstance(groups, Mapping) else groups
    gmap = gmap[~gmap.index.duplicated(keep="last")].dropna()
    t = clean_terms(tokens, lang=lang, remove_stopwords=remove_stopwords)
    t["group"] = t["post_id"].map(gmap)
    t = t.dropna(subset=["group"])
    counts = pd.crosstab(t["term"], t["group"])
    counts = counts[counts.sum(axis=1) >= min_count]
    problem = None
    if counts.shape[1] < 2:
        problem = "fightin_words needs tokens from at least two groups"
    elif counts.shape[0] < 2:
        problem = f"fewer than two terms are used at least min_count={min_count} times"
    if problem:  # a dump in one language or from one outlet: nothing to contrast, not an error
        warnings.warn(f"{problem}; returning an empty table", stacklevel=2)
        return pd.DataFrame(columns=["group", "term", "count", "count_other", "total", "delta", "var", "z"])
    y = counts.to_numpy(dtype="float64")
    if prior == "corpus":
        if background is None:
            freq = y.sum(axis=1)
        else:
            bg = clean_terms(background, lang=lang, remove_stopwords=remove_stopwords)
            freq = bg["term"].value_counts().reindex(counts.index, fill_value=0).to_numpy() + 1.0
        alpha = prior_scale * freq / freq.sum()
    else:
        alpha = np.full(len(counts), float(prior))
    a, a0 = alpha[:, None], alpha.sum()
    n = y.sum(axis=0)
    y_other = y.sum(axis=1, keepdims=True) - y
    n_other = n.sum() - n
    delta = np.log((y + a) / (n + a0 - y - a)) - np.log(
        (y_other + a) / (n_other + a0 - y_other - a)
    )
    var = 1.0 / (y + a) + 1.0 / (y_other + a)
    frame = {
        "count": y,
        "count_other": y_other,
        "total": y + y_other,
        "delta": delta,
        "var": var,
        "z": delta / np.sqrt(var),
    }
    long = pd.DataFrame(
        {
            "group": np.tile(counts.columns.to_numpy(dtype=object), len(counts)),
            "term": np.repeat(counts.index.to_numpy(dtype=object), counts.shape[1]),
            **{k: v.ravel() for k, v in frame.items()},
        }
    )
    for c in ("count", "count_other", "total"):
        long[c] = long[c].astype("int64")
    out = long.sort_values(["group", "z", "term"], ascending=[True, False, True], ignore_index=True)
    out.attrs["group_tokens"] = {k: int(v) for k, v in zip(counts.columns, n, strict=True)}
    return out
