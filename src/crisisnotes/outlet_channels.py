"""Outlet × channel counts: which diplomatic channels each group of posts reports.

:func:`outlet_channel_table` counts the events of :func:`crisisnotes.events.diplomatic_events`
per group and channel (``RUS–USA``). Re-exported by :mod:`crisisnotes.coverage`.

Examples
--------
>>> posts = pd.DataFrame({"post_id": ["a:1", "a:2"], "outlet": ["NHK", "BBC"],
...     "handle": ["nhk_news", "BBCWorld"]})
>>> events = pd.DataFrame({"post_id": ["a:1"], "channel": ["RUS–USA"], "status": ["planned"]})
>>> outlet_channel_table(posts, events, status="occurred")  # doctest: +NORMALIZE_WHITESPACE
Empty DataFrame
Columns: []
Index: [BBC, NHK]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import pandas as pd

from crisisnotes.coverage_input import _from_corpus, _grouped_posts
from crisisnotes.outlet_groups import By, Names, _text

if TYPE_CHECKING:
    from crisisnotes.corpus import Corpus

__all__ = ["outlet_channel_table"]


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
