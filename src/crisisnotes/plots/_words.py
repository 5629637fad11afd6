"""Vocabulary contrasts ("Fightin' Words"): z-score against frequency."""

from __future__ import annotations

import math
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import LogFormatter

from crisisnotes.figures import setup_fonts
from crisisnotes.plots._common import (
    HALO,
    Lang,
    check_lang,
    declutter,
    empty_message,
    new_axes,
    text,
)

_POS_COLOR, _NEG_COLOR = "#0072B2", "#D55E00"


def _fw_panel(
    ax: Axes,
    frame: pd.DataFrame,
    pos_name: str,
    neg_name: str,
    top_n: int,
    lang: Lang,
    threshold: float,
    min_label_z: float,
) -> list[Any]:
    """Draw one panel; returns its term labels, to be decluttered once the figure is laid out."""
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
        return []
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
    return labels


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
        declutter(ax, _fw_panel(ax, frame, pos_name, neg_name, top_n, lang, z_threshold, min_label_z))
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
    labels = []
    for panel_ax, (pos_name, neg_name, frame) in zip(flat, panels, strict=False):
        panel_ax.set_title(pos_name)
        labels.append(_fw_panel(panel_ax, frame, pos_name, neg_name, top_n, lang, z_threshold, min_label_z))
    for spare in flat[len(panels) :]:
        spare.set_visible(False)
    if title is not None:
        fig.suptitle(title)
    fig.draw_without_rendering()  # one layout run for every panel
    for panel_ax, panel_labels in zip(flat, labels, strict=False):
        declutter(panel_ax, panel_labels, draw=False)
    return fig
