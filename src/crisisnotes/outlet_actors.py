"""Outlet × actor tables: how often each group's posts name each actor.

:func:`outlet_actor_table` is the long table of counts and shares, :func:`outlet_actor_shares`
the wide group × actor matrix drawn by :func:`crisisnotes.plots.heatmap`. Both are
re-exported by :mod:`crisisnotes.coverage`.

Examples
--------
>>> posts = pd.DataFrame({"post_id": ["a:1", "a:2"], "outlet": ["NHK", "BBC"],
...     "handle": ["nhk_news", "BBCWorld"]})
>>> mentions = pd.DataFrame({"post_id": ["a:1"], "actor_id": ["putin"],
...     "label_en": ["Putin"], "label_ja": ["プーチン"]})
>>> outlet_actor_shares(posts, mentions)  # doctest: +NORMALIZE_WHITESPACE
actor  Putin
group
BBC      0.0
NHK      1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import pandas as pd

from crisisnotes.coverage_input import _from_corpus, _grouped_posts
from crisisnotes.outlet_groups import By, Names, _mode

if TYPE_CHECKING:
    from crisisnotes.corpus import Corpus

__all__ = ["outlet_actor_shares", "outlet_actor_table"]


def _actor_table(posts, mentions, *, by, outlets, label, top_n, unit, names):
    posts, outlets, corpus = _from_corpus(posts, outlets)
    if mentions is None:
        if corpus is None:
            raise TypeError("mentions are needed when posts is a table, not a Corpus")
        mentions = corpus.mentions
    g = _grouped_posts(posts, by, outlets, names)
    groups = sorted(g["group"].unique())
    cols = [c for c in ("actor_id", "label_en", "label_ja", "kind", "country") if c in mentions]
    m = mentions[["post_id", *cols]].merge(g, on="post_id", how="inner")
    count = "posts" if unit == "post" else "mentions"
    if unit not in ("post", "mention"):
        raise ValueError(f"unit must be 'post' or 'mention', not {unit!r}")
    if label not in ("label_en", "label_ja"):
        raise ValueError(f"label must be 'label_en' or 'label_ja', not {label!r}")
    t = pd.concat(
        [
            m.drop_duplicates(["post_id", "actor_id"])
            .groupby(["group", "actor_id"])
            .size()
            .rename("posts"),
            m.groupby(["group", "actor_id"]).size().rename("mentions"),
        ],
        axis=1,
    ).reset_index()
    t["group_posts"] = t["group"].map(g.groupby("group").size())
    t["group_mentions"] = t["group"].map(m.groupby("group").size())
    ints = ["posts", "mentions", "group_posts", "group_mentions"]
    t[ints] = t[ints].astype("int64")
    t["post_share"] = t["posts"] / t["group_posts"]
    t["mention_share"] = t["mentions"] / t["group_mentions"]
    info = mentions.groupby("actor_id").agg({c: _mode for c in cols if c != "actor_id"})
    other = "label_ja" if label == "label_en" else "label_en"
    name = info[label] if label in info else pd.Series(pd.NA, info.index, dtype=object)
    if other in info:
        name = name.fillna(info[other])
    name = name.astype(object).where(name.notna(), info.index.to_series())
    clash = name.duplicated(keep=False)
    info["actor"] = name.where(~clash, name.astype(str) + " (" + info.index.astype(str) + ")")
    for c in ("actor", "kind", "country"):
        t[c] = t["actor_id"].map(info[c]) if c in info else pd.NA
    rank = t.groupby("actor_id")[count].sum().to_frame().join(info["actor"])
    rank = rank.sort_values([count, "actor"], ascending=[False, True])
    order = rank.index[: top_n if top_n is not None else len(rank)]
    t = t[t["actor_id"].isin(order)]
    t = t.sort_values(["group", count, "actor"], ascending=[True, False, True], ignore_index=True)
    t = t[["group", "actor_id", "actor", "kind", "country", "posts", "post_share", "mentions",
           "mention_share", "group_posts", "group_mentions"]]  # fmt: skip
    t.attrs["unmatched_mentions"] = int((~mentions["post_id"].isin(g["post_id"])).sum())
    return t, list(info.loc[order, "actor"]), groups


def outlet_actor_table(
    posts: pd.DataFrame | Corpus,
    mentions: pd.DataFrame | None = None,
    *,
    by: By = "outlet",
    outlets: pd.DataFrame | None = None,
    label: Literal["label_en", "label_ja"] = "label_en",
    top_n: int | None = None,
    unit: Literal["post", "mention"] = "post",
    names: Names = "en",
) -> pd.DataFrame:
    """Long table of group × actor counts and shares.

    The inputs are not modified; a new DataFrame is returned.

    Parameters
    ----------
    posts, mentions : DataFrame
        Posts (``post_id, outlet, handle, lang``) and mentions (``post_id,
        actor_id, label_en, label_ja, kind, country``). Mentions of posts not
        in ``posts`` are ignored and counted in ``attrs["unmatched_mentions"]``.
    by, outlets, names
        Grouping, as in :func:`outlet_coverage`.
    label : {"label_en", "label_ja"}
        Actor name shown in ``actor`` (the other label, then the id, if null).
    top_n : int, optional
        Keep only the ``top_n`` actors most frequent overall (counted by ``unit``).
    unit : {"post", "mention"}
        What the ranking counts and the row order follows.

    Returns
    -------
    DataFrame
        ``group, actor_id, actor, kind, country, posts, post_share, mentions,
        mention_share, group_posts, group_mentions``: ``posts`` is the number of
        the group's posts naming the actor, ``post_share = posts / group_posts``
        (all the group's posts, with or without mentions); ``mention_share =
        mentions / group_mentions``. Only pairs with at least one mention.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a:1", "a:2", "a:3"], "outlet": ["NHK", "NHK", "BBC"],
    ...     "handle": ["nhk_news", "nhk_news", "BBCWorld"]})
    >>> mentions = pd.DataFrame({"post_id": ["a:1", "a:1", "a:3"], "sentence_id": [0, 1, 0],
    ...     "actor_id": ["putin"] * 3, "label_en": ["Putin"] * 3, "label_ja": ["プーチン"] * 3,
    ...     "kind": ["person"] * 3, "country": ["RUS"] * 3})
    >>> outlet_actor_table(posts, mentions)[["group", "actor", "posts", "post_share", "mentions"]]
      group  actor  posts  post_share  mentions
    0   BBC  Putin      1         1.0         1
    1   NHK  Putin      1         0.5         2
    """
    t, _, _ = _actor_table(posts, mentions, by=by, outlets=outlets, label=label,
                           top_n=top_n, unit=unit, names=names)  # fmt: skip
    return t


def outlet_actor_shares(
    posts: pd.DataFrame | Corpus,
    mentions: pd.DataFrame | None = None,
    *,
    by: By = "outlet",
    outlets: pd.DataFrame | None = None,
    label: Literal["label_en", "label_ja"] = "label_en",
    top_n: int | None = 20,
    unit: Literal["post", "mention"] = "post",
    names: Names = "en",
) -> pd.DataFrame:
    """Wide group × actor matrix of shares (see :func:`outlet_actor_table`).

    The inputs are not modified; a new DataFrame is returned.

    Returns
    -------
    DataFrame
        Index ``group`` (every group in ``posts``), columns the ``top_n``
        actors most frequent overall, most frequent first. Values: with
        ``unit="post"`` the share of the group's posts that mention the actor;
        with ``unit="mention"`` the actor's share of the group's mentions.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a:1", "a:2"], "outlet": ["NHK", "BBC"],
    ...     "handle": ["nhk_news", "BBCWorld"]})
    >>> mentions = pd.DataFrame({"post_id": ["a:1", "a:1"], "actor_id": ["putin", "biden"],
    ...     "label_en": ["Putin", "Biden"], "label_ja": ["プーチン", "バイデン"]})
    >>> outlet_actor_shares(posts, mentions, label="label_ja")  # doctest: +NORMALIZE_WHITESPACE
    actor  バイデン  プーチン
    group
    BBC     0.0   0.0
    NHK     1.0   1.0
    """
    t, order, groups = _actor_table(posts, mentions, by=by, outlets=outlets, label=label,
                                    top_n=top_n, unit=unit, names=names)  # fmt: skip
    value = "post_share" if unit == "post" else "mention_share"
    wide = t.pivot(index="group", columns="actor", values=value)
    wide = wide.reindex(index=pd.Index(groups, name="group"), columns=pd.Index(order, name="actor"))
    return wide.astype("float64").fillna(0.0)
