"""Co-mention network drawing."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

if TYPE_CHECKING:
    import networkx as nx

from crisisnotes.plots._common import (
    HALO,
    KIND_COLORS,
    KIND_LABELS,
    KIND_MARKERS,
    OTHER_COLOR,
    Lang,
    check_lang,
    declutter,
    empty_message,
    is_missing,
    new_axes,
    qualitative,
    text,
)

_NODE_MIN, _NODE_MAX = 40.0, 1000.0  # marker area in pt^2
_EDGE_MIN, _EDGE_MAX = 0.4, 4.0  # line width in pt


def _label(data: Mapping[str, Any], node: Hashable, lang: Lang) -> str:
    order = ("label_ja", "label_en") if lang == "ja" else ("label_en", "label_ja")
    for key in order:
        value = data.get(key)
        if not is_missing(value):
            return str(value)
    return str(node)


def _number(value: Any, default: float) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return default
    return x if math.isfinite(x) else default


def _layout(G: nx.Graph, seed: int) -> dict[Hashable, np.ndarray]:
    import networkx as nx  # here, not at import: notebooks without a graph skip it

    try:
        return nx.spring_layout(G, seed=seed, weight="weight")
    except ImportError:
        # spring_layout needs scipy from 500 nodes on; ForceAtlas2 is numpy-only (nx>=3.4)
        if not hasattr(nx, "forceatlas2_layout"):
            raise ImportError("laying out 500+ nodes needs scipy: pip install scipy") from None
        pos = nx.forceatlas2_layout(G, seed=seed, weight="weight")
        coords = nx.rescale_layout(np.array([pos[n] for n in G], dtype=float))
        return dict(zip(G, coords, strict=True))


def network(
    G: nx.Graph,
    *,
    ax: Axes | None = None,
    lang: Lang = "en",
    color_by: Literal["community", "kind"] = "community",
    seed: int = 42,
    max_labels: int | None = 40,
    title: str | None = None,
    pos: Mapping[Hashable, Any] | None = None,
) -> Figure:
    """Draw a co-mention network.

    Node area grows with the square root of ``frequency``, edge width with ``weight``
    (falling back to ``count``, then 1). Marker shape always shows ``kind``
    (person ●, state ■, organisation ▲, explained in the legend); colour shows
    ``community`` or ``kind``. Only the ``max_labels`` most frequent nodes are labelled,
    with a white halo. The graph is not modified.

    Parameters
    ----------
    G : networkx.Graph
        Nodes may carry ``label_en``, ``label_ja``, ``kind``, ``country``, ``frequency``
        and ``community``; edges ``count`` and ``weight``. Missing attributes are tolerated.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into; a new figure is created if omitted.
    lang : {"en", "ja"}
        Language of node labels and legend.
    color_by : {"community", "kind"}
        Node colour. Nodes without a community are grey.
    seed : int
        Seed of the spring layout (``nx.spring_layout(G, seed=seed, weight="weight")``).
        Graphs of 500+ nodes without scipy installed use ``nx.forceatlas2_layout``.
    max_labels : int or None
        Label only this many nodes, most frequent first; None labels all.
    title : str, optional
        Axes title.
    pos : mapping, optional
        Precomputed node positions, e.g. to draw several graphs with one layout.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("blinken", label_en="Blinken", label_ja="ブリンケン", kind="person",
    ...            frequency=12, community=0)
    >>> G.add_node("RUS", label_en="Russia", label_ja="ロシア", kind="state",
    ...            frequency=30, community=1)
    >>> G.add_edge("blinken", "RUS", count=5, weight=5.0)
    >>> fig = network(G, lang="ja", seed=1)
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['ブリンケン', 'ロシア']
    """
    check_lang(lang)
    if color_by not in ("community", "kind"):
        raise ValueError(f"color_by must be 'community' or 'kind', not {color_by!r}")
    fig, ax = new_axes(ax, (9.0, 8.0))
    ax.set_axis_off()
    if title is not None:
        ax.set_title(title)
    if G.number_of_nodes() == 0:
        empty_message(ax, text("no_comentions", lang))
        return fig

    layout = dict(pos) if pos is not None else _layout(G, seed)
    missing = [n for n in G.nodes if n not in layout]
    if missing:
        raise ValueError(f"pos lacks positions for {len(missing)} node(s), e.g. {missing[0]!r}")
    xy = {n: np.asarray(layout[n], dtype=float)[:2] for n in G.nodes}

    # Edges: one LineCollection, drawn beneath the nodes.
    segments, weights = [], []
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        segments.append([xy[u], xy[v]])
        weights.append(abs(_number(d.get("weight", d.get("count", 1.0)), 1.0)))
    if segments:
        wmax = max(weights) or 1.0
        widths = [_EDGE_MIN + (_EDGE_MAX - _EDGE_MIN) * w / wmax for w in weights]
        ax.add_collection(
            LineCollection(segments, linewidths=widths, colors="0.55", alpha=0.55, zorder=1),
            autolim=True,
        )

    # Node attributes.
    nodes = list(G.nodes)
    freq = {n: max(_number(G.nodes[n].get("frequency"), 1.0), 0.0) for n in nodes}
    fmax = max(freq.values()) or 1.0
    shrink = min(1.0, math.sqrt(40.0 / len(nodes)))  # smaller markers in big graphs
    smin, smax = _NODE_MIN * shrink, _NODE_MAX * shrink
    size = {n: smin + (smax - smin) * math.sqrt(freq[n] / fmax) for n in nodes}
    kinds = {n: str(G.nodes[n].get("kind") or "other") for n in nodes}

    if color_by == "kind":
        color = {n: KIND_COLORS.get(kinds[n], OTHER_COLOR) for n in nodes}
    else:
        comm: dict[Hashable, Any] = {}
        for n in nodes:
            c = G.nodes[n].get("community")
            comm[n] = None if is_missing(c) else c
        sizes: dict[Any, int] = {}
        for c in comm.values():
            if c is not None:
                sizes[c] = sizes.get(c, 0) + 1
        ranked = sorted(sizes, key=lambda c: (-sizes[c], str(c)))
        palette = dict(zip(ranked, qualitative(len(ranked)), strict=True))
        color = {n: OTHER_COLOR if comm[n] is None else palette[comm[n]] for n in nodes}

    # Nodes: one scatter per kind (marker shape), large nodes first so small stay visible.
    handles = []
    kind_order = [k for k in KIND_MARKERS if k in kinds.values()]
    kind_order += sorted(set(kinds.values()) - set(KIND_MARKERS))
    for kind in kind_order:
        members = sorted((n for n in nodes if kinds[n] == kind), key=lambda n: -freq[n])
        marker = KIND_MARKERS.get(kind, "D")
        ax.scatter(
            [xy[n][0] for n in members],
            [xy[n][1] for n in members],
            s=[size[n] for n in members],
            c=[to_rgba(color[n]) for n in members],
            marker=marker,
            edgecolors="white",
            linewidths=0.8,
            zorder=2,
        )
        name = KIND_LABELS.get(kind, {}).get(lang, kind)
        handle_color = KIND_COLORS.get(kind, OTHER_COLOR) if color_by == "kind" else "0.45"
        handles.append(
            Line2D([], [], ls="", marker=marker, ms=8, mfc=handle_color, mec="white", label=name)
        )
    ax.legend(handles=handles, title=text("kind", lang), loc="best", fontsize=9, frameon=False)

    # Labels for the most frequent nodes, just above each marker.
    ranked_nodes = sorted(nodes, key=lambda n: (-freq[n], _label(G.nodes[n], n, lang)))
    if max_labels is not None:
        ranked_nodes = ranked_nodes[: max(int(max_labels), 0)]
    labels = []
    for n in ranked_nodes:
        radius = math.sqrt(size[n]) / 2.0
        labels.append(
            ax.annotate(
                _label(G.nodes[n], n, lang),
                xy=tuple(xy[n]),
                xytext=(0.0, radius + 1.0),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=7.5 + 4.5 * math.sqrt(freq[n] / fmax),
                path_effects=HALO,
                zorder=3,
            )
        )
    ax.autoscale_view()
    ax.margins(0.08)
    ax.set_aspect("equal", adjustable="datalim")

    def markers() -> list[Bbox]:
        scale = fig.dpi / 72.0
        boxes = []
        for n in nodes:
            cx, cy = ax.transData.transform(xy[n])
            r = math.sqrt(size[n]) / 2.0 * scale
            boxes.append(Bbox.from_extents(cx - r, cy - r, cx + r, cy + r))
        return boxes

    declutter(ax, labels, obstacles=markers)
    return fig
