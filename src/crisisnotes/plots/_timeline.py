"""Diplomatic-channel timeline drawing."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib import transforms
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from crisisnotes.plots._common import (
    Lang,
    check_lang,
    date_axis,
    day_ticks,
    empty_message,
    new_axes,
    text,
    to_day_numbers,
)

MODES: tuple[str, ...] = (
    "meeting",
    "phone_call",
    "written_message",
    "talks",
    "statement",
    "visit",
    "sanctions",
    "other",
)
"""Interaction modes in legend order; anything else is drawn as ``other``."""

MODE_MARKERS: dict[str, str] = {
    "meeting": "o",
    "phone_call": "s",
    "written_message": "D",
    "talks": "h",
    "statement": "^",
    "visit": "p",
    "sanctions": "X",
    "other": "v",
}
# Okabe–Ito palette: distinguishable with colour-vision deficiencies.
MODE_COLORS: dict[str, str] = {
    "meeting": "#0072B2",
    "phone_call": "#E69F00",
    "written_message": "#009E73",
    "talks": "#CC79A7",
    "statement": "#D55E00",
    "visit": "#56B4E9",
    "sanctions": "#000000",
    "other": "#999999",
}
MODE_LABELS: dict[str, dict[str, str]] = {
    "meeting": {"en": "meeting", "ja": "会談"},
    "phone_call": {"en": "phone call", "ja": "電話会談"},
    "written_message": {"en": "written message", "ja": "書簡"},
    "talks": {"en": "talks", "ja": "協議"},
    "statement": {"en": "statement", "ja": "声明"},
    "visit": {"en": "visit", "ja": "訪問"},
    "sanctions": {"en": "sanctions", "ja": "制裁"},
    "other": {"en": "other", "ja": "その他"},
}

_UNDATED_X = 1.025  # axes fraction of the "undated" column, right of the date axis
_UNDATED_STEP = 0.018
_UNDATED_MAX = 4


def _marker_area(n_outlets: float) -> float:
    return 40.0 * math.sqrt(n_outlets)


def _prepare(events: pd.DataFrame) -> pd.DataFrame:
    """A new drawing table with one row per event; *events* is left untouched."""
    if "channel" not in events.columns:
        raise ValueError("timeline needs a 'channel' column")
    n = len(events)
    nat = pd.Series(pd.NaT, index=events.index, dtype="datetime64[ns]")

    def days(name: str) -> np.ndarray:
        return to_day_numbers(events[name] if name in events.columns else nat)

    date, ws, we = days("date"), days("window_start"), days("window_end")
    both = ~np.isnan(ws) & ~np.isnan(we)
    x = np.where(np.isnan(date) & both, (ws + we) / 2.0, date)
    x = np.where(np.isnan(x), ws, x)
    x = np.where(np.isnan(x), we, x)
    status = (
        events["status"].astype("string").str.lower().to_numpy(dtype=object, na_value="")
        if "status" in events.columns
        else np.full(n, "occurred", dtype=object)
    )
    mode = (
        events["mode"].astype("string").str.lower().to_numpy(dtype=object, na_value="other")
        if "mode" in events.columns
        else np.full(n, "other", dtype=object)
    )
    outlets = (
        pd.to_numeric(events["n_outlets"], errors="coerce").to_numpy(dtype=float, na_value=1.0)
        if "n_outlets" in events.columns
        else np.ones(n)
    )
    channel = events["channel"].astype("string").to_numpy(dtype=object, na_value="?")
    return pd.DataFrame(
        {
            "channel": channel,
            "x": x,
            "ws": ws,
            "we": we,
            "window": both & (we > ws),
            "planned": status == "planned",
            "mode": [m if m in MODE_MARKERS else "other" for m in mode],
            "n_outlets": np.clip(np.nan_to_num(outlets, nan=1.0), 1.0, None),
        }
    )


def _lanes(d: pd.DataFrame, max_lanes: int) -> tuple[list[str], int]:
    """Channels to draw, sorted by first date, and how many were left out."""
    first = np.fmin(d["x"].to_numpy(), d["ws"].to_numpy())
    stats = (
        pd.DataFrame({"channel": d["channel"], "first": first})
        .groupby("channel", sort=False)
        .agg(first=("first", "min"), n=("first", "size"))
        .reset_index()
    )
    hidden = 0
    if len(stats) > max_lanes:
        stats = stats.sort_values(
            ["n", "first", "channel"], ascending=[False, True, True], na_position="last"
        )
        hidden = len(stats) - max_lanes
        stats = stats.head(max_lanes)
    stats = stats.sort_values(["first", "channel"], na_position="last", kind="mergesort")
    return list(stats["channel"]), hidden


def timeline(
    channels_or_events: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: Lang = "en",
    max_lanes: int = 60,
    title: str | None = None,
) -> Figure:
    """Draw diplomatic events as one lane per channel over time.

    Marker shape and colour show the ``mode`` (same mapping in every figure), a filled
    marker an event that ``occurred``, a hollow one a ``planned`` event, marker area
    ``n_outlets`` (how many outlets reported it). An inexact date (``window_start`` <
    ``window_end``) adds a translucent bar over the window; without a ``date`` the
    marker sits at the window's middle. Events with no date at all are drawn in an
    "undated" column right of the date axis. Lanes are sorted by their first date;
    if there are more than ``max_lanes`` channels, the busiest are kept and the legend
    says how many were left out. The input is not modified.

    Parameters
    ----------
    channels_or_events : pandas.DataFrame
        One row per event with ``channel`` (e.g. ``"RUS–USA"``) and optionally ``date``,
        ``window_start``, ``window_end`` (datetime64, NaT allowed), ``status``
        (``occurred``/``planned``), ``mode`` and ``n_outlets`` (default 1).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into; a new figure whose height grows with the lanes otherwise.
    lang : {"en", "ja"}
        Language of legend and column labels.
    max_lanes : int
        Most lanes to draw.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> events = pd.DataFrame({
    ...     "channel": ["RUS–USA", "RUS–USA", "CHN–USA"],
    ...     "date": pd.to_datetime(["2022-01-21", None, "2022-01-27"]),
    ...     "window_start": pd.NaT, "window_end": pd.NaT,
    ...     "status": ["occurred", "planned", "occurred"],
    ...     "mode": ["meeting", "talks", "phone_call"],
    ... })
    >>> fig = timeline(events, lang="ja")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['RUS–USA', 'CHN–USA']
    """
    check_lang(lang)
    if max_lanes < 1:
        raise ValueError("max_lanes must be at least 1")
    d = _prepare(channels_or_events)
    lanes, hidden = _lanes(d, max_lanes) if len(d) else ([], 0)
    height = max(3.2, 1.4 + 0.3 * len(lanes))
    fig, ax = new_axes(ax, (11.0, height))
    if title is not None:
        ax.set_title(title, loc="left")
    if not lanes:
        empty_message(ax, text("no_events", lang))
        return fig

    lane_of = {ch: i for i, ch in enumerate(lanes)}
    d = d[d["channel"].isin(lane_of)].copy()
    d["y"] = d["channel"].map(lane_of).astype(float)
    dated = ~np.isnan(d["x"].to_numpy())

    win = d[d["window"]]
    if len(win):
        ax.add_collection(
            LineCollection(
                [[(r.ws, r.y), (r.we, r.y)] for r in win.itertuples()],
                colors=[to_rgba(MODE_COLORS[m], 0.3) for m in win["mode"]],
                linewidths=6,
                capstyle="butt",
                zorder=2,
            ),
            autolim=False,
        )

    # Undated events: a column right of the axes, spread sideways within each lane.
    und = d[~dated].copy()
    und["k"] = und.groupby("channel").cumcount().clip(upper=_UNDATED_MAX - 1)
    und["ux"] = _UNDATED_X + _UNDATED_STEP * und["k"]
    column = transforms.blended_transform_factory(ax.transAxes, ax.transData)

    def draw(rows: pd.DataFrame, xcol: str, mode: str, planned: bool, **kw: object) -> None:
        color = MODE_COLORS[mode]
        ax.scatter(
            rows[xcol],
            rows["y"],
            s=[_marker_area(n) for n in rows["n_outlets"]],
            marker=MODE_MARKERS[mode],
            facecolors="none" if planned else color,
            edgecolors=color,
            linewidths=1.4,
            zorder=3,
            label=f"{mode}|{'planned' if planned else 'occurred'}",
            **kw,
        )

    for mode in MODES:
        for planned in (False, True):
            sel = (d["mode"] == mode) & (d["planned"] == planned)
            if (sel & dated).any():
                draw(d[sel & dated], "x", mode, planned)
            usel = (und["mode"] == mode) & (und["planned"] == planned)
            if usel.any():
                draw(und[usel], "ux", mode, planned, transform=column, clip_on=False)
    if len(und):
        ax.text(
            _UNDATED_X,
            1.0,
            text("undated", lang),
            transform=ax.transAxes,
            ha="left",
            va="bottom",
            fontsize=8,
            color="0.3",
        )

    # Axes: lanes top to bottom, dates along x.
    ax.set_yticks(range(len(lanes)), labels=lanes)
    ax.set_ylim(len(lanes) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", color="0.88", linewidth=0.6)
    ax.grid(axis="x", color="0.93", linewidth=0.6)
    ax.set_axisbelow(True)
    xs = np.concatenate([d["x"], d["ws"], d["we"]])
    xs = xs[~np.isnan(xs)]
    if len(xs):
        lo, hi = float(xs.min()), float(xs.max())
        pad = max((hi - lo) * 0.04, 1.0)
        ax.set_xlim(lo - pad, hi + pad)
        date_axis(ax, ticks=day_ticks(lo - pad, hi + pad))
    else:
        ax.set_xticks([])

    _legend(ax, d, lang, hidden, offset=0.1 if len(und) else 0.01)
    return fig


def _legend(ax: Axes, d: pd.DataFrame, lang: Lang, hidden: int, offset: float) -> None:
    def blank(label: str) -> Line2D:
        return Line2D([], [], ls="", marker="", label=label)

    def mark(label: str, marker: str, face: str, edge: str, size: float = 7.0) -> Line2D:
        return Line2D([], [], ls="", marker=marker, ms=size, mfc=face, mec=edge, label=label)

    handles = [blank(text("mode", lang))]
    headers = {text(k, lang) for k in ("mode", "status", "outlets")}
    for mode in MODES:
        if (d["mode"] == mode).any():
            c = MODE_COLORS[mode]
            handles.append(mark(MODE_LABELS[mode][lang], MODE_MARKERS[mode], c, c))
    handles.append(blank(text("status", lang)))
    handles.append(mark(text("occurred", lang), "o", "0.3", "0.3"))
    if d["planned"].any():
        handles.append(mark(text("planned", lang), "o", "none", "0.3"))
    if d["window"].any():
        handles.append(Line2D([], [], color=to_rgba("0.3", 0.3), lw=6, label=text("window", lang)))
    top = float(d["n_outlets"].max())
    if top > 1:
        handles.append(blank(text("outlets", lang)))
        for n in sorted({1, round(math.sqrt(top)), round(top)}):
            handles.append(mark(str(n), "o", "0.6", "0.6", math.sqrt(_marker_area(n))))
    if hidden:
        handles.append(blank(text("not_shown", lang, n=hidden)))
    legend = ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0 + offset, 1.0),
        fontsize=8,
        frameon=False,
        handlelength=1.5,
        borderaxespad=0.0,
    )
    for label in legend.get_texts():
        if label.get_text() in headers:
            label.set_color("0.4")
