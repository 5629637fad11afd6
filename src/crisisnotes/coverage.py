"""Outlet coverage tables: outlet × time, outlet × actor, outlet × channel.

Every function takes plain DataFrames following the data contracts in
``docs/architecture.md`` (posts, mentions, events) and returns a new
DataFrame; the inputs are never modified. Vocabulary contrasts (Fightin'
Words) live in :mod:`crisisnotes.vocabulary` and are re-exported here.

Posts are grouped by outlet, organisation or language with an optional outlet
registry; see :mod:`crisisnotes.outlet_groups` (:func:`post_groups`,
:func:`unknown_handles`), whose functions are re-exported here.

Examples
--------
>>> posts = pd.DataFrame({
...     "post_id": ["d:1", "d:5", "d:9"], "outlet": ["NHK", "NHK", "Reuters"],
...     "handle": ["nhk_news", "NHK_NEWS", "Reuters"], "lang": ["ja", "ja", "en"],
...     "posted_on": pd.to_datetime(["2022-02-24", "2022-02-24", "2022-02-25"])})
>>> outlet_coverage(posts)[["group", "period", "posts", "share"]]
     group     period  posts  share
0      NHK 2022-02-24      2    1.0
1      NHK 2022-02-25      0    0.0
2  Reuters 2022-02-24      0    0.0
3  Reuters 2022-02-25      1    1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import pandas as pd

if TYPE_CHECKING:
    from crisisnotes.corpus import Corpus

from crisisnotes.outlet_groups import (
    NO_OUTLET,
    By,
    Names,
    _mode,
    _text,
    post_groups,
    unknown_handles,
)
from crisisnotes.vocabulary import clean_terms, fightin_words

__all__ = [
    "NO_OUTLET",
    "clean_terms",
    "fightin_words",
    "outlet_actor_shares",
    "outlet_actor_table",
    "outlet_channel_table",
    "outlet_coverage",
    "post_groups",
    "unknown_handles",
]

_RANGE_FREQ = {"D": "D", "W": "W-MON", "M": "MS"}


def _from_corpus(data: object, outlets: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame | None, object]:
    """Accept a :class:`~crisisnotes.Corpus` or a posts table: (posts, outlet registry, corpus or None).

    Given a corpus, the shipped outlet registry is used unless ``outlets`` is given.
    """
    if isinstance(data, pd.DataFrame):
        return data, outlets, None
    from crisisnotes.outlets import load_outlets

    return data.posts, (load_outlets() if outlets is None else outlets), data  # type: ignore[attr-defined]


def _period_start(when: pd.Series, freq: str) -> pd.Series:
    if when.dt.tz is not None:  # bucket by the local calendar date
        when = when.dt.tz_localize(None)
    day = when.dt.normalize()
    if freq == "D":
        start = day
    elif freq == "W":
        start = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    elif freq == "M":
        start = day - pd.to_timedelta(day.dt.day - 1, unit="D")
    else:
        raise ValueError(f"freq must be 'D', 'W' or 'M', not {freq!r}")
    return start.astype("datetime64[ns]")


def outlet_coverage(
    posts: pd.DataFrame | Corpus,
    *,
    freq: Literal["D", "W", "M"] = "D",
    by: By = "outlet",
    outlets: pd.DataFrame | None = None,
    fill_empty: bool = True,
    names: Names = "en",
) -> pd.DataFrame:
    """Count posts per group and period (tidy), with shares and ratios.

    The input is not modified; a new DataFrame is returned.

    Parameters
    ----------
    posts : DataFrame
        Posts table; uses ``post_id, outlet, handle, posted_on, lang``.
    freq : {"D", "W", "M"}
        Period: calendar day, week starting on Monday, or calendar month.
        Time-zone-aware dates are bucketed by their local calendar date.
    by : {"outlet", "organisation", "language"}
        What a group is (see :func:`post_groups`).
    outlets : DataFrame, optional
        Outlet registry; unknown handles: see :func:`unknown_handles`.
    fill_empty : bool
        Give every group a row for every period between the corpus's first
        and last period, with ``posts == 0`` where it has none.
    names : {"en", "ja"}
        Which registry name (``outlet_en``/``outlet_ja``) labels an outlet.

    Returns
    -------
    DataFrame
        ``group, [outlet, handle,] period, posts, share, total, ratio``
        (``outlet`` and ``handle`` only for ``by="outlet"``), sorted by group
        and period. ``share`` is the group's share of all posts in the period
        (0 where the period has none), ``total`` the group's dated posts in the
        whole corpus and ``ratio = posts / total`` (attention normalised by the
        group's own output, so each group's ratios sum to 1). Posts without a
        date are left out; ``attrs["undated_posts"]`` counts them and
        ``attrs["undated_by_group"]`` breaks the count down by group.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a:1", "a:2", "a:3"], "outlet": ["TASS"] * 3,
    ...     "handle": ["tass_agency"] * 3, "lang": ["en"] * 3,
    ...     "posted_on": pd.to_datetime(["2022-02-21", "2022-02-27", None])})
    >>> t = outlet_coverage(posts, freq="W")
    >>> t[["group", "period", "posts", "share", "ratio"]]
      group     period  posts  share  ratio
    0  TASS 2022-02-21      2    1.0    1.0
    >>> t.attrs["undated_posts"]
    1
    """
    posts, outlets, _ = _from_corpus(posts, outlets)
    g = post_groups(posts, by=by, outlets=outlets, names=names)
    when = pd.to_datetime(posts["posted_on"])
    dated = when.notna().to_numpy()
    undated = g.loc[~dated, "group"].value_counts().sort_index()
    keys = ["group", "outlet", "handle"] if by == "outlet" else ["group"]
    d = g.loc[dated, keys].assign(period=_period_start(when[dated], freq))
    counts = d.groupby(["group", "period"]).size().rename("posts").reset_index()
    if fill_empty and len(d):
        span = pd.date_range(d["period"].min(), d["period"].max(), freq=_RANGE_FREQ[freq])
        grid = pd.DataFrame({"group": d["group"].unique()}).merge(
            pd.DataFrame({"period": span.astype("datetime64[ns]")}), how="cross"
        )
        counts = grid.merge(counts, on=["group", "period"], how="left")
        counts["posts"] = counts["posts"].fillna(0)
    counts["posts"] = counts["posts"].astype("int64")
    per_period = counts.groupby("period")["posts"].transform("sum")
    counts["share"] = (counts["posts"] / per_period.where(per_period > 0)).fillna(0.0)
    counts["total"] = counts.groupby("group")["posts"].transform("sum").astype("int64")
    counts["ratio"] = counts["posts"] / counts["total"]
    if by == "outlet":
        info = d.drop_duplicates("group").set_index("group")
        counts.insert(1, "outlet", counts["group"].map(info["outlet"]))
        counts.insert(2, "handle", counts["group"].map(info["handle"]))
    out = counts.sort_values(["group", "period"], ignore_index=True)
    out = out[[*keys, "period", "posts", "share", "total", "ratio"]]
    out.attrs["undated_posts"] = int(undated.sum())
    out.attrs["undated_by_group"] = {str(k): int(v) for k, v in undated.items()}
    return out


def _grouped_posts(posts, by, outlets, names) -> pd.DataFrame:
    g = post_groups(posts, by=by, outlets=outlets, names=names)[["post_id", "group"]]
    if g["post_id"].duplicated().any():
        raise ValueError("posts has duplicate post_id values")
    return g


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


def outlet_channel_table(
    posts: pd.DataFrame | Corpus,
    events: pd.DataFrame | None = None,
    *,
    by: By = "outlet",
    outlets: pd.DataFrame | None = None,
    status: Literal["all", "occurred", "planned"] = "all",
    names: Names = "en",
) -> pd.DataFrame:
    """Count diplomatic events per group and channel (wide).

    The inputs are not modified; a new DataFrame is returned.

    Parameters
    ----------
    posts, events : DataFrame
        Posts and events (``post_id, channel, status``); events with no
        channel are left out (``attrs["events_without_channel"]``), as are
        events of posts not in ``posts`` (``attrs["unmatched_events"]``).
    by, outlets, names
        Grouping, as in :func:`outlet_coverage`.
    status : {"all", "occurred", "planned"}
        Count only events with this status.

    Returns
    -------
    DataFrame
        Index ``group`` (every group in ``posts``), columns ``channel`` (most
        events first), integer counts.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a:1", "a:2"], "outlet": ["NHK", "BBC"],
    ...     "handle": ["nhk_news", "BBCWorld"]})
    >>> events = pd.DataFrame({"post_id": ["a:1", "a:1", "a:2"],
    ...     "channel": ["RUS–USA", "FRA–RUS", "RUS–USA"],
    ...     "status": ["occurred", "planned", "occurred"]})
    >>> outlet_channel_table(posts, events)  # doctest: +NORMALIZE_WHITESPACE
    channel  RUS–USA  FRA–RUS
    group
    BBC            1        0
    NHK            1        1
    """
    posts, outlets, corpus = _from_corpus(posts, outlets)
    if events is None:
        if corpus is None:
            raise TypeError("events are needed when posts is a table, not a Corpus")
        from crisisnotes.events import diplomatic_events

        events = diplomatic_events(corpus)
    if status not in ("all", "occurred", "planned"):
        raise ValueError(f"status must be 'all', 'occurred' or 'planned', not {status!r}")
    g = _grouped_posts(posts, by, outlets, names)
    ev = pd.DataFrame({"post_id": events["post_id"], "channel": _text(events["channel"])})
    if status != "all":
        ev = ev[(events["status"] == status).to_numpy(dtype=bool)]
    no_channel = int(ev["channel"].isna().sum())
    ev = ev.dropna(subset=["channel"])
    matched = ev.merge(g, on="post_id", how="inner")
    counts = matched.groupby(["group", "channel"]).size()
    channel_totals = counts.groupby("channel").sum().to_frame("n").reset_index()
    order = channel_totals.sort_values(["n", "channel"], ascending=[False, True])["channel"]
    wide = counts.unstack("channel") if len(counts) else pd.DataFrame()
    wide = wide.reindex(
        index=pd.Index(sorted(g["group"].unique()), name="group"),
        columns=pd.Index(list(order), name="channel"),
    )
    out = wide.fillna(0).astype("int64")
    out.attrs["events_without_channel"] = no_channel
    out.attrs["unmatched_events"] = int(len(ev) - len(matched))
    return out
