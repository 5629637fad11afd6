"""Outlet coverage drawings: posts over time, outlet × actor shares, vocabulary contrasts."""

from __future__ import annotations

import math
import re
from typing import Literal

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Colormap
from matplotlib.figure import Figure
from matplotlib.ticker import LogFormatter, MaxNLocator, PercentFormatter

from crisisnotes.figures import setup_fonts
from crisisnotes.plots._common import (
    HALO,
    Lang,
    check_lang,
    date_axis,
    declutter,
    empty_message,
    is_missing,
    new_axes,
    qualitative,
    root_figure,
    text,
    to_day_numbers,
)

_POS_COLOR, _NEG_COLOR = "#0072B2", "#D55E00"
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


def coverage(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    value: str = "posts",
    kind: Literal["bar", "area"] = "bar",
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
    kind : {"bar", "area"}
        Stacked bars, or stacked step areas.
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
    if kind not in ("bar", "area"):
        raise ValueError(f"kind must be 'bar' or 'area', not {kind!r}")
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


def heatmap(
    matrix: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    cmap: str | Colormap = "Blues",
    fmt: str = ".0%",
    lang: Lang = "en",
    vmin: float | None = None,
    vmax: float | None = None,
    colorbar: bool = True,
) -> Figure:
    """Draw an outlet × actor share matrix with annotated cells.

    Missing cells (NaN) are light grey and left blank. Annotation colour switches to
    white on dark cells. The input is not modified.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Index: outlets; columns: actor labels (Japanese or English); numeric values.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into; a new figure sized to the matrix otherwise.
    title : str, optional
        Axes title.
    cmap : str or Colormap
        Sequential colour map.
    fmt : str
        Format spec for annotations (``".0%"``, ``".2f"``, ``"d"``) or a ``str.format``
        pattern such as ``"{:.1f}"``; ``""`` draws no annotations.
    lang : {"en", "ja"}
        Language of the default axis labels (index/column names win if set).
    vmin, vmax : float, optional
        Colour scale limits; data range by default.
    colorbar : bool
        Draw a colour bar.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"ブリンケン": [0.4, 0.1], "ロシア": [0.6, 0.9]},
    ...                  index=["NHK", "Reuters"])
    >>> fig = heatmap(m)
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['10%', '40%', '60%', '90%']
    """
    check_lang(lang)
    nrows, ncols = matrix.shape
    width = min(max(4.5, 2.2 + 0.7 * ncols + (1.0 if colorbar else 0.0)), 30.0)
    height = min(max(3.0, 1.8 + 0.45 * nrows), 30.0)
    fig, ax = new_axes(ax, (width, height))
    if title is not None:
        ax.set_title(title, loc="left")
    if nrows == 0 or ncols == 0:
        empty_message(ax, text("no_data", lang))
        return fig

    values = np.ma.masked_invalid(matrix.apply(pd.to_numeric, errors="coerce").to_numpy(float))
    colormap = plt.get_cmap(cmap).with_extremes(bad="#eeeeee")
    im = ax.imshow(
        values, cmap=colormap, vmin=vmin, vmax=vmax, aspect="auto", interpolation="nearest"
    )
    ax.set_xticks(range(ncols), labels=[str(c) for c in matrix.columns])
    ax.set_yticks(range(nrows), labels=[str(i) for i in matrix.index])
    ax.tick_params(axis="x", top=False, bottom=True, labelrotation=45, length=0)
    ax.tick_params(axis="y", length=0)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
        label.set_rotation_mode("anchor")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel(matrix.columns.name or text("actor", lang))
    ax.set_ylabel(matrix.index.name or text("outlet", lang))

    if fmt:
        fontsize = 9 if nrows * ncols <= 150 else 7
        for (i, j), v in np.ndenumerate(values.filled(np.nan)):
            if math.isnan(v):
                continue
            r, g, b, _ = colormap(im.norm(v))
            dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5
            label = _format_cell(v, fmt)
            ax.text(
                j,
                i,
                label,
                ha="center",
                va="center",
                fontsize=fontsize,
                color="white" if dark else "0.1",
            )
    if colorbar:
        formatter = None
        if fmt.endswith("%"):
            digits = re.search(r"\.(\d+)%$", fmt)
            formatter = PercentFormatter(1.0, decimals=int(digits.group(1)) if digits else None)
        root_figure(ax).colorbar(im, ax=ax, format=formatter, shrink=0.85, pad=0.02)
    return fig


def _format_cell(v: float, fmt: str) -> str:
    try:
        return fmt.format(v) if "{" in fmt else format(v, fmt)
    except ValueError:  # integer spec such as "d" on a float cell
        return fmt.format(round(v)) if "{" in fmt else format(round(v), fmt)


def _fw_panel(
    ax: Axes,
    frame: pd.DataFrame,
    pos_name: str,
    neg_name: str,
    top_n: int,
    lang: Lang,
    threshold: float,
    min_label_z: float,
) -> None:
    f = pd.DataFrame(
        {
            "term": frame["term"].astype(str).to_numpy(),
            "count": pd.to_numeric(frame["count"], errors="coerce").to_numpy(dtype=float),
            "z": pd.to_numeric(frame["z"], errors="coerce").to_numpy(dtype=float),
        }
    )
    f = f[(f["count"] > 0) & f["z"].notna()]
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(LogFormatter())  # 1, 10, 100 rather than 10^0 …
    ax.xaxis.set_minor_formatter(LogFormatter(labelOnlyBase=False, minor_thresholds=(1.5, 0.5)))
    ax.axhline(0, color="0.4", linewidth=0.8, zorder=1)
    for t in (threshold, -threshold):
        ax.axhline(t, color="0.6", linewidth=0.7, linestyle="--", zorder=1)
    ax.set_xlabel(text("frequency", lang))
    ax.set_ylabel(text("zscore", lang))
    ax.text(0.01, 0.99, f"↑ {pos_name}", transform=ax.transAxes, ha="left", va="top",
            color=_POS_COLOR, fontsize=10, path_effects=HALO)  # fmt: skip
    ax.text(0.01, 0.01, f"↓ {neg_name}", transform=ax.transAxes, ha="left", va="bottom",
            color=_NEG_COLOR, fontsize=10, path_effects=HALO)  # fmt: skip
    if f.empty:
        return
    colors = np.where(
        f["z"] >= threshold, _POS_COLOR, np.where(f["z"] <= -threshold, _NEG_COLOR, "#c8c8c8")
    )
    ax.scatter(f["count"], f["z"], s=10, c=list(colors), linewidths=0, alpha=0.8, zorder=2)

    lx = np.log10(f["count"].to_numpy())
    lo, hi = float(lx.min()), float(lx.max())
    f = f.assign(frac=(lx - lo) / (hi - lo) if hi > lo else 0.5)
    top = f[f["z"] >= min_label_z].nlargest(top_n, "z")
    bottom = f[f["z"] <= -min_label_z].nsmallest(top_n, "z")
    chosen = pd.concat([top, bottom])
    chosen = chosen.reindex(chosen["z"].abs().sort_values(ascending=False).index)
    labels = []
    for row in chosen.itertuples():
        right = row.frac > 0.75
        labels.append(
            ax.annotate(
                row.term,
                xy=(row.count, row.z),
                xytext=(-4.0 if right else 4.0, 0.0),
                textcoords="offset points",
                ha="right" if right else "left",
                va="center",
                fontsize=8,
                color=_POS_COLOR if row.z > 0 else _NEG_COLOR,
                path_effects=HALO,
                zorder=3,
            )
        )
    ax.margins(x=0.08, y=0.06)
    declutter(ax, labels)


def fightin_words(
    scores: pd.DataFrame,
    *,
    ax: Axes | None = None,
    top_n: int = 15,
    title: str | None = None,
    lang: Lang = "en",
    z_threshold: float = 1.96,
    min_label_z: float = 1.0,
) -> Figure:
    """Draw a "Fightin' Words" contrast: z-score against frequency.

    Each point is a term: x its frequency in all groups (log scale), y its z-score
    (Monroe, Colaresi & Quinn 2008); the dashed lines mark ±``z_threshold``. The
    ``top_n`` terms on each side with ``|z| >= min_label_z`` are labelled. With one or
    two groups there is one panel: up is the first group (in order of appearance), down
    the second; a term that only has a row for the second group is drawn at −z. With
    more groups there is one panel per group (that group against all others) and *ax*
    must be None. The input is not modified.

    Parameters
    ----------
    scores : pandas.DataFrame
        One row per group and term (as from :func:`crisisnotes.vocabulary.fightin_words`)
        with ``term``, ``group``, ``z`` (positive: characteristic of ``group``) and the
        term's total frequency in ``total`` or, if there is no ``total`` column, ``count``.
    ax : matplotlib.axes.Axes, optional
        Axes for a one-panel plot; a new figure is created if omitted.
    top_n : int
        Terms labelled per side and panel.
    title : str, optional
        Axes title (figure title with several panels).
    lang : {"en", "ja"}
        Language of axis labels.
    z_threshold : float
        Where the dashed significance lines are drawn and points are coloured.
    min_label_z : float
        Terms with ``|z|`` below this are never labelled (they are not distinctive).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame({
    ...     "term": ["制裁", "侵攻", "対話", "外交"],
    ...     "group": ["NHK", "NHK", "NHK", "NHK"],
    ...     "count": [40, 25, 30, 12],
    ...     "z": [3.1, 2.2, -2.5, -0.4],
    ... })
    >>> fig = fightin_words(scores, top_n=1)
    >>> sorted(a.get_text() for a in fig.axes[0].texts if a.get_text() in set(scores.term))
    ['制裁', '対話']
    """
    check_lang(lang)
    freq = "total" if "total" in scores.columns else "count"
    missing = {"term", "group", freq, "z"} - set(scores.columns)
    if missing:
        raise ValueError(f"scores lack column(s) {sorted(missing)}")
    groups = list(pd.unique(scores["group"].dropna()))
    if len(groups) > 2 and ax is not None:
        raise ValueError("more than two groups draw one panel each; pass ax=None")

    def rows(mask: pd.Series) -> pd.DataFrame:
        picked = scores.loc[mask]
        return pd.DataFrame({"term": picked["term"], "count": picked[freq], "z": picked["z"]})

    panels: list[tuple[str, str, pd.DataFrame]] = []
    if len(groups) == 2:
        first = rows(scores["group"] == groups[0])
        second = rows((scores["group"] == groups[1]) & ~scores["term"].isin(first["term"]))
        both = pd.concat([first, second.assign(z=-second["z"])], ignore_index=True)
        panels.append((str(groups[0]), str(groups[1]), both))
    else:
        for g in groups:
            panels.append((str(g), text("other_groups", lang), rows(scores["group"] == g)))

    if len(panels) <= 1:
        fig, ax = new_axes(ax, (8.0, 6.0))
        if title is not None:
            ax.set_title(title, loc="left")
        if not panels:
            empty_message(ax, text("no_data", lang))
            return fig
        pos_name, neg_name, frame = panels[0]
        _fw_panel(ax, frame, pos_name, neg_name, top_n, lang, z_threshold, min_label_z)
        return fig

    setup_fonts()
    ncols = min(3, len(panels))
    nrows = math.ceil(len(panels) / ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(5.5 * ncols, 4.8 * nrows),
        layout="constrained",
        squeeze=False,
        sharey=True,
    )
    flat = list(axes.flat)
    for panel_ax, (pos_name, neg_name, frame) in zip(flat, panels, strict=False):
        panel_ax.set_title(pos_name)
        _fw_panel(panel_ax, frame, pos_name, neg_name, top_n, lang, z_threshold, min_label_z)
    for spare in flat[len(panels) :]:
        spare.set_visible(False)
    if title is not None:
        fig.suptitle(title)
    return fig
