"""Outlet coverage over time: posts per period, stacked by outlet."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from crisisnotes.plots._common import (
    Lang,
    check_lang,
    date_axis,
    empty_message,
    is_missing,
    new_axes,
    qualitative,
    text,
    to_day_numbers,
)

_RANGE_FREQS = ("YS", "YE", "QS", "QE", "MS", "ME", None, "D", "h", "min")
_MAX_RANGE = 20_000


def _full_range(periods: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """All periods between the first and last at the coarsest calendar step that fits."""
    p = periods.sort_values().unique()
    if len(p) < 2:
        return p
    for freq in _RANGE_FREQS:
        if freq is None:  # weekly, anchored on the first period's weekday
            freq = "W-" + p[0].day_name()[:3].upper()
        rng = pd.date_range(p[0], p[-1], freq=freq)
        if len(rng) > _MAX_RANGE:
            break
        if len(rng) and p.isin(rng).all():
            return rng
    return p


MAX_BARS = 120
"""Most periods drawn as bars by ``coverage(kind="auto")``; more are drawn as stacked areas."""


def coverage(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    value: str = "posts",
    kind: Literal["auto", "bar", "area"] = "auto",
    lang: Lang = "en",
    title: str | None = None,
    max_outlets: int = 12,
) -> Figure:
    """Draw posts (or another count) per period, stacked by outlet.

    Periods between the first and last with no rows are drawn as empty slots, so a
    silent day shows as a gap. The step (day, week, month, …) is the coarsest calendar
    frequency on which all periods fall. Outlets are stacked largest total first; beyond
    ``max_outlets`` the smallest are drawn together as "other". The input is not modified.

    Parameters
    ----------
    table : pandas.DataFrame
        Tidy table with ``period`` (datetime64), ``outlet`` (str) and the *value* column,
        as from :func:`crisisnotes.coverage.outlet_coverage`; without an ``outlet``
        column the ``group`` column is stacked. Rows sharing a period and outlet are added.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into; a new figure is created if omitted.
    value : str
        Column to stack.
    kind : {"auto", "bar", "area"}
        Stacked bars, or stacked step areas; ``"auto"`` draws bars up to
        :data:`MAX_BARS` periods and areas beyond (a year of days is 365 bars an
        outlet: too thin to read and slow to draw and export).
    lang : {"en", "ja"}
        Language of axis label and legend.
    title : str, optional
        Axes title.
    max_outlets : int
        Most outlets drawn separately.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({
    ...     "period": pd.to_datetime(["2022-02-21", "2022-02-21", "2022-02-24"]),
    ...     "outlet": ["NHK", "日経", "NHK"],
    ...     "posts": [3, 1, 5],
    ... })
    >>> fig = coverage(table, lang="ja")
    >>> [len(c.patches) for c in fig.axes[0].containers]  # 4 days, 2 outlets
    [4, 4]
    """
    check_lang(lang)
    if kind not in ("auto", "bar", "area"):
        raise ValueError(f"kind must be 'auto', 'bar' or 'area', not {kind!r}")
    stack = "outlet" if "outlet" in table.columns else "group"
    missing = {"period", stack, value} - set(table.columns)
    if missing:
        raise ValueError(f"coverage table lacks column(s) {sorted(missing)}")
    fig, ax = new_axes(ax, (10.0, 4.5))
    if title is not None:
        ax.set_title(title, loc="left")

    d = pd.DataFrame(
        {
            "period": pd.to_datetime(table["period"], errors="coerce").to_numpy(),
            "outlet": [text("unknown", lang) if is_missing(o) else str(o) for o in table[stack]],
            "v": pd.to_numeric(table[value], errors="coerce").to_numpy(dtype=float),
        }
    ).dropna(subset=["period"])
    if d.empty:
        empty_message(ax, text("no_posts", lang))
        return fig
    wide = d.groupby(["period", "outlet"])["v"].sum(min_count=1).unstack(fill_value=0.0)
    wide = wide.fillna(0.0)
    totals = wide.sum()
    order = sorted(wide.columns, key=lambda c: (-totals[c], c))
    wide = wide[order]
    if len(order) > max(max_outlets, 1):
        keep = order[: max(max_outlets - 1, 1)]
        other = wide.drop(columns=keep).sum(axis=1)
        wide = wide[keep].assign(**{text("other", lang): other})
    wide = wide.reindex(_full_range(pd.DatetimeIndex(wide.index)), fill_value=0.0)

    x = to_day_numbers(pd.Series(wide.index))
    if kind == "auto":
        kind = "bar" if len(x) <= MAX_BARS else "area"
    step = float(np.median(np.diff(x))) if len(x) > 1 else 1.0
    colors = qualitative(wide.shape[1])
    bottom = np.zeros(len(x))
    if kind == "bar":
        for color, name in zip(colors, wide.columns, strict=True):
            h = wide[name].to_numpy(dtype=float)
            ax.bar(x, h, 0.8 * step, bottom=bottom, color=color, label=name, linewidth=0)
            bottom = bottom + h
    else:
        mids = (x[1:] + x[:-1]) / 2.0
        edges = np.concatenate([[x[0] - step / 2.0], mids, [x[-1] + step / 2.0]])
        for color, name in zip(colors, wide.columns, strict=True):
            h = wide[name].to_numpy(dtype=float)
            ax.stairs(bottom + h, edges, baseline=bottom, fill=True, color=color, label=name)
            bottom = bottom + h

    ax.set_xlim(x[0] - step, x[-1] + step)
    date_axis(ax, ticks=x)
    ax.set_ylim(bottom=0)
    if np.allclose(wide.to_numpy(), np.round(wide.to_numpy())):
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(text("posts", lang) if value == "posts" else value)
    ax.grid(axis="y", color="0.9", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(
        handles[::-1],
        labels[::-1],
        title=text("outlet", lang),
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        frameon=False,
    )
    return fig
