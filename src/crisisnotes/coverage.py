"""Outlet coverage tables: outlet × time, outlet × actor, outlet × channel.

Every function takes plain DataFrames following the data contracts in
``docs/architecture.md`` (posts, mentions, events) and returns a new
DataFrame; the inputs are never modified. Posts per period
(:func:`outlet_coverage`) are counted here; outlet × actor tables live in
:mod:`crisisnotes.outlet_actors`, outlet × channel counts in
:mod:`crisisnotes.outlet_channels` and vocabulary contrasts (Fightin' Words)
in :mod:`crisisnotes.vocabulary`; all are re-exported here.

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

from crisisnotes.coverage_input import _from_corpus
from crisisnotes.outlet_actors import outlet_actor_shares, outlet_actor_table
from crisisnotes.outlet_channels import outlet_channel_table
from crisisnotes.outlet_groups import (
    NO_OUTLET,
    By,
    Names,
    post_groups,
    unknown_handles,
)
from crisisnotes.vocabulary import clean_terms, fightin_words

if TYPE_CHECKING:
    from crisisnotes.corpus import Corpus

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
