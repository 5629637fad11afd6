"""Shared helpers for the plot functions: figure creation, localisation, palettes."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Literal

import matplotlib.dates as mdates
import matplotlib.patheffects as pe
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.ticker import FixedLocator
from matplotlib.transforms import Bbox

from crisisnotes.figures import setup_fonts

Lang = Literal["en", "ja"]

TEXT: dict[str, dict[str, str]] = {
    "no_comentions": {"en": "no co-mentions", "ja": "共起なし"},
    "no_events": {"en": "no events", "ja": "イベントなし"},
    "no_data": {"en": "no data", "ja": "データなし"},
    "no_posts": {"en": "no posts", "ja": "投稿なし"},
    "kind": {"en": "kind", "ja": "種別"},
    "mode": {"en": "mode", "ja": "形態"},
    "status": {"en": "status", "ja": "状況"},
    "occurred": {"en": "occurred", "ja": "実施"},
    "planned": {"en": "planned", "ja": "予定"},
    "window": {"en": "date range", "ja": "日付の幅"},
    "undated": {"en": "undated", "ja": "日付未定"},
    "outlets": {"en": "outlets", "ja": "媒体数"},
    "outlet": {"en": "outlet", "ja": "媒体"},
    "actor": {"en": "actor", "ja": "アクター"},
    "posts": {"en": "posts", "ja": "投稿数"},
    "other": {"en": "other", "ja": "その他"},
    "other_groups": {"en": "other groups", "ja": "他のグループ"},
    "unknown": {"en": "unknown", "ja": "不明"},
    "not_shown": {"en": "+{n} channels not shown", "ja": "他 {n} チャネル省略"},
    "frequency": {"en": "frequency (log scale)", "ja": "頻度（対数目盛）"},
    "zscore": {"en": "z-score of log-odds ratio", "ja": "対数オッズ比の z 値"},
}

KIND_LABELS: dict[str, dict[str, str]] = {
    "person": {"en": "person", "ja": "人物"},
    "state": {"en": "state", "ja": "国家"},
    "org": {"en": "organisation", "ja": "組織"},
}
KIND_MARKERS = {"person": "o", "state": "s", "org": "^"}
KIND_COLORS = {"person": "#d95f02", "state": "#1b9e77", "org": "#7570b3"}
OTHER_COLOR = "#9e9e9e"

HALO = [pe.withStroke(linewidth=2.5, foreground="white", alpha=0.9)]


def text(key: str, lang: Lang, **fmt: Any) -> str:
    """Localised UI string."""
    s = TEXT[key][lang]
    return s.format(**fmt) if fmt else s


def check_lang(lang: str) -> None:
    if lang not in ("en", "ja"):
        raise ValueError(f"lang must be 'en' or 'ja', not {lang!r}")


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """Return ``(root figure, axes)``; create a constrained-layout figure if *ax* is None."""
    setup_fonts()
    if ax is None:
        fig = plt.figure(figsize=figsize, layout="constrained")
        ax = fig.add_subplot()
        return fig, ax
    return root_figure(ax), ax


def root_figure(ax: Axes) -> Figure:
    """The top-level Figure holding *ax* (also for axes inside a SubFigure)."""
    try:
        return ax.get_figure(root=True)
    except TypeError:  # matplotlib < 3.10
        fig = ax.figure
        while getattr(fig, "figure", fig) is not fig:
            fig = fig.figure
        return fig


def empty_message(ax: Axes, message: str) -> None:
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color="0.4",
        fontsize=12,
    )
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def qualitative(n: int) -> list[Any]:
    """*n* distinct colours (tab10, tab20, then cycling tab20)."""
    cmap = plt.get_cmap("tab10" if n <= 10 else "tab20")
    k = cmap.N
    return [cmap(i % k) for i in range(n)]


def to_day_numbers(values: pd.Series) -> np.ndarray:
    """Datetimes (any unit, tz-aware or naive, NaT allowed) as matplotlib date floats."""
    s = pd.to_datetime(values, errors="coerce")
    if getattr(s.dt, "tz", None) is not None:
        s = s.dt.tz_localize(None)  # keep local wall time: a JST date stays that date
    epoch = pd.Timestamp(mdates.get_epoch())
    return ((s - epoch) / pd.Timedelta(days=1)).to_numpy(dtype=float, na_value=np.nan)


def date_axis(ax: Axes, ticks: Sequence[float] | np.ndarray | None = None) -> None:
    """Concise date labels; with few (<= 12) candidate *ticks*, put ticks exactly there.

    Daily data over a few days would otherwise get misleading 12:00 ticks.
    """
    locator: mdates.DateLocator | FixedLocator
    if ticks is not None and 0 < len(ticks) <= 12:
        locator = FixedLocator(np.asarray(ticks, dtype=float))
    else:
        locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def day_ticks(lo: float, hi: float) -> np.ndarray:
    """Midnights between two matplotlib date numbers."""
    return np.arange(math.ceil(lo), math.floor(hi) + 1, dtype=float)


def declutter(
    ax: Axes,
    labels: Sequence[Annotation],
    *,
    obstacles: Callable[[], list[Bbox]] | None = None,
    max_tries: int = 8,
    draw: bool = True,
) -> None:
    """Nudge offset-point annotations vertically so they do not overlap.

    *labels* are in priority order: earlier ones keep their place. *obstacles* returns
    display-space boxes (e.g. node markers) that labels should avoid; it is called after
    the layout has run. Positions are final for the figure's current size; labels may
    touch again if the figure is resized. ``draw=False`` skips the layout run, for a
    caller that has just run it once for all panels of a figure (a draw costs as much
    as the rest of a panel).
    """
    if len(labels) < 2:
        return
    fig = root_figure(ax)
    try:
        if draw:
            fig.draw_without_rendering()  # run the layout engine first
        renderer = fig.canvas.get_renderer()
    except AttributeError:  # pragma: no cover - non-Agg canvases
        return
    scale = fig.dpi / 72.0
    placed: list[Bbox] = list(obstacles()) if obstacles is not None else []
    for label in labels:
        x0, y0 = label.xyann
        bbox = label.get_window_extent(renderer)
        step = (bbox.height / scale) * 0.9 if bbox.height else 8.0
        best = None
        for k in range(max_tries + 1):
            dy = 0.0 if k == 0 else step * math.ceil(k / 2) * (1 if k % 2 else -1)
            label.xyann = (x0, y0 + dy)
            bbox = label.get_window_extent(renderer).expanded(1.02, 1.05)
            if not any(bbox.overlaps(other) for other in placed):
                best = bbox
                break
        if best is None:
            label.xyann = (x0, y0)
            best = label.get_window_extent(renderer)
        placed.append(best)
