"""Outlet × actor share matrix."""

from __future__ import annotations

import math
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Colormap
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from crisisnotes.plots._common import (
    Lang,
    check_lang,
    empty_message,
    new_axes,
    root_figure,
    text,
)


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

    Cells are vector rectangles (``pcolormesh``), so they stay sharp in PDF and SVG. Missing
    cells (NaN) are light grey and left blank. Annotation colour switches to white on dark
    cells. The input is not modified.

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
    # one vector rectangle per cell: crisp at any zoom in PDF/SVG, and fast (an image would be
    # resampled to the output resolution: ~0.8 s per format at 300 dpi for 15 x 10 cells)
    im = ax.pcolormesh(
        np.arange(ncols + 1) - 0.5, np.arange(nrows + 1) - 0.5, values,
        cmap=colormap, vmin=vmin, vmax=vmax, shading="flat", edgecolors="face", linewidth=0,
    )  # fmt: skip
    ax.set_xlim(-0.5, ncols - 0.5)
    ax.set_ylim(nrows - 0.5, -0.5)  # first row on top, as in a table
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
