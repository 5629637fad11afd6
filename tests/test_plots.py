"""Tests for crisisnotes.plots on tiny hand-made inputs.

Every figure is drawn and written to PDF, SVG and PNG; a "Glyph ... missing from font(s)"
warning anywhere fails the test.
"""

from __future__ import annotations

import copy
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import StepPatch

from crisisnotes import figures, plots
from crisisnotes.plots import _common


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def render_clean(fig: Figure, tmp_path) -> None:
    """Draw *fig* and save it in all formats; fail on any missing-glyph warning."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
        for ext in ("pdf", "svg", "png"):
            fig.savefig(tmp_path / f"out.{ext}")
    glyphs = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not glyphs, glyphs
    figures.check_glyphs(fig)


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


# ---------------------------------------------------------------- network


@pytest.fixture
def graph() -> nx.Graph:
    G = nx.Graph()
    nodes = [
        ("blinken", "Blinken", "ブリンケン", "person", "USA", 12, 0),
        ("lavrov", "Lavrov", "ラブロフ", "person", "RUS", 10, 1),
        ("USA", "United States", "米国", "state", "USA", 30, 0),
        ("RUS", "Russia", "ロシア", "state", "RUS", 40, 1),
        ("NATO", "NATO", "北大西洋条約機構", "org", "NATO", 5, 0),
    ]
    for node_id, en, ja, kind, country, freq, comm in nodes:
        G.add_node(
            node_id,
            label_en=en,
            label_ja=ja,
            kind=kind,
            country=country,
            frequency=freq,
            community=comm,
        )
    G.add_edge("blinken", "lavrov", count=6, weight=6.0)
    G.add_edge("USA", "RUS", count=20, weight=20.0)
    G.add_edge("RUS", "NATO", count=3, weight=3.0)
    G.add_edge("blinken", "USA", count=9, weight=9.0)
    return G


def node_offsets(fig: Figure) -> np.ndarray:
    ax = fig.axes[0]
    return np.concatenate(
        [c.get_offsets() for c in ax.collections if isinstance(c, PathCollection)]
    )


def test_network_draws_nodes_edges_labels(graph, tmp_path):
    before = copy.deepcopy(graph)
    fig = plots.network(graph, lang="ja", title="米中外相の共起")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert sum(len(c.get_offsets()) for c in scatters) == 5
    assert len(scatters) == 3  # one per kind: marker shape shows kind
    edges = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(edges) == 1 and len(edges[0].get_segments()) == 4
    widths = edges[0].get_linewidths()
    assert max(widths) > min(widths)
    assert sorted(texts(ax)) == sorted(
        ["ブリンケン", "ラブロフ", "米国", "ロシア", "北大西洋条約機構"]
    )
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["人物", "国家", "組織"]
    render_clean(fig, tmp_path)
    assert nx.utils.graphs_equal(graph, before)
    assert dict(graph.nodes(data=True)) == dict(before.nodes(data=True))


def test_network_max_labels_keeps_most_frequent(graph):
    fig = plots.network(graph, max_labels=2)
    assert sorted(texts(fig.axes[0])) == ["Russia", "United States"]
    fig = plots.network(graph, max_labels=0)
    assert texts(fig.axes[0]) == []


def test_network_sizes_grow_with_frequency(graph):
    fig = plots.network(graph, color_by="kind")
    ax = fig.axes[0]
    states = [c for c in ax.collections if isinstance(c, PathCollection)][1]
    sizes = states.get_sizes()  # RUS (40) is drawn first: largest first
    assert sizes[0] > sizes[1]
    np.testing.assert_allclose(states.get_facecolors()[0], to_rgba(_common.KIND_COLORS["state"]))


def test_network_layout_is_seeded(graph):
    a = node_offsets(plots.network(graph, seed=7))
    b = node_offsets(plots.network(graph, seed=7))
    c = node_offsets(plots.network(graph, seed=8))
    np.testing.assert_allclose(a, b)
    assert not np.allclose(a, c)


def test_network_accepts_positions(graph):
    pos = {n: (i, 0) for i, n in enumerate(graph)}
    fig = plots.network(graph, pos=pos)
    xs = sorted(node_offsets(fig)[:, 0])
    assert xs == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="pos lacks"):
        plots.network(graph, pos={"RUS": (0, 0)})


def test_network_empty_and_single_node(tmp_path):
    fig = plots.network(nx.Graph())
    assert texts(fig.axes[0]) == ["no co-mentions"]
    fig = plots.network(nx.Graph(), lang="ja")
    assert texts(fig.axes[0]) == ["共起なし"]
    render_clean(fig, tmp_path)
    G = nx.Graph()
    G.add_node("RUS", label_ja="ロシア", kind="state")  # no frequency, no community
    fig = plots.network(G, lang="ja")
    assert texts(fig.axes[0]) == ["ロシア"]
    render_clean(fig, tmp_path)


def test_network_rejects_bad_options(graph):
    with pytest.raises(ValueError):
        plots.network(graph, color_by="country")
    with pytest.raises(ValueError):
        plots.network(graph, lang="de")


def test_network_into_existing_axes(graph):
    fig, (ax1, ax2) = plt.subplots(1, 2)
    out = plots.network(graph, ax=ax2)
    assert out is fig
    assert len(ax2.texts) == 5 and not ax1.texts


# ---------------------------------------------------------------- timeline


@pytest.fixture
def events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "channel": ["RUS–USA", "RUS–USA", "CHN–USA", "RUS–UKR", "RUS–USA"],
            "date": pd.to_datetime(["2022-01-21", None, "2022-01-27", "2022-02-10", None]),
            "window_start": pd.to_datetime([None, "2022-02-01", None, None, None]),
            "window_end": pd.to_datetime([None, "2022-02-10", None, None, None]),
            "status": ["occurred", "planned", "occurred", "planned", "planned"],
            "mode": ["meeting", "talks", "phone_call", "meeting", "visit"],
            "n_outlets": [3, 1, 1, 2, 1],
        }
    )


def marker_collections(ax) -> dict[str, PathCollection]:
    return {
        c.get_label(): c
        for c in ax.collections
        if isinstance(c, PathCollection) and "|" in c.get_label()
    }


def test_timeline_lanes_markers_and_windows(events, tmp_path):
    before = events.copy(deep=True)
    fig = plots.timeline(events, lang="ja", title="米中外相 ブリンケン")
    ax = fig.axes[0]
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert lanes == ["RUS–USA", "CHN–USA", "RUS–UKR"]  # one lane per channel, by first date
    marks = marker_collections(ax)
    assert set(marks) == {
        "meeting|occurred",
        "meeting|planned",
        "talks|planned",
        "phone_call|occurred",
        "visit|planned",
    }
    for label, coll in marks.items():
        if label.endswith("|planned"):
            assert len(coll.get_facecolors()) == 0  # facecolors="none": hollow
        else:
            assert len(coll.get_facecolors()) == 1
    # the dateless planned talks sit at their window's middle, with a bar over the window
    windows = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(windows) == 1 and len(windows[0].get_segments()) == 1
    talks = marks["talks|planned"].get_offsets()[0]
    assert talks[1] == 0  # first lane
    seg = windows[0].get_segments()[0]
    assert seg[0][0] < talks[0] < seg[1][0]
    # the undated planned visit goes into the "undated" column outside the date axis
    visit = marks["visit|planned"]
    assert visit.get_offset_transform() is not ax.transData
    assert "日付未定" in texts(ax)
    # marker area grows with n_outlets
    occurred = marks["meeting|occurred"].get_sizes()
    assert occurred[0] > marks["phone_call|occurred"].get_sizes()[0]
    render_clean(fig, tmp_path)
    pd.testing.assert_frame_equal(events, before)


def test_timeline_legend_is_consistent(events):
    fig = plots.timeline(events)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend[:5] == ["mode", "meeting", "phone call", "talks", "visit"]
    assert {"occurred", "planned", "date range"} <= set(legend)
    assert plots.MODE_MARKERS["meeting"] != plots.MODE_MARKERS["phone_call"]


def test_timeline_height_grows_and_lanes_are_capped(tmp_path):
    n = 40
    many = pd.DataFrame(
        {
            "channel": [f"C{i:02d}–USA" for i in range(n)],
            "date": pd.date_range("2022-01-01", periods=n, freq="D"),
            "status": "occurred",
            "mode": "statement",
        }
    )
    small = plots.timeline(many.head(3))
    big = plots.timeline(many)
    assert len(big.axes[0].get_yticklabels()) == n
    assert big.get_figheight() > small.get_figheight() * 3
    render_clean(big, tmp_path)
    capped = plots.timeline(many, max_lanes=10, lang="ja")
    assert len(capped.axes[0].get_yticklabels()) == 10
    legend = [t.get_text() for t in capped.axes[0].get_legend().get_texts()]
    assert "他 30 チャネル省略" in legend


def test_timeline_minimal_columns_and_empty(tmp_path):
    fig = plots.timeline(pd.DataFrame({"channel": ["JPN–RUS"], "date": [pd.NaT]}))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["JPN–RUS"]
    render_clean(fig, tmp_path)
    empty = pd.DataFrame({"channel": pd.Series([], dtype=str)})
    assert texts(plots.timeline(empty).axes[0]) == ["no events"]
    with pytest.raises(ValueError, match="channel"):
        plots.timeline(pd.DataFrame({"date": [pd.Timestamp("2022-01-01")]}))


# ---------------------------------------------------------------- coverage


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": pd.to_datetime(
                ["2022-02-21", "2022-02-21", "2022-02-22", "2022-02-24", "2022-02-24"]
            ),
            "outlet": ["NHK", "日経", "NHK", "NHK", "共同通信"],
            "posts": [3, 1, 2, 5, 4],
        }
    )


def test_coverage_bars_stack_with_gaps(table, tmp_path):
    before = table.copy(deep=True)
    fig = plots.coverage(table, lang="ja", title="媒体別投稿数")
    ax = fig.axes[0]
    assert len(ax.containers) == 3  # one per outlet
    assert all(len(c.patches) == 4 for c in ax.containers)  # 21..24 incl. the silent 23rd
    totals = np.sum([[p.get_height() for p in c.patches] for c in ax.containers], axis=0)
    assert list(totals) == [4, 2, 0, 9]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(labels) == sorted(["NHK", "日経", "共同通信"])
    assert labels[-1] == "NHK"  # largest total at the bottom of the stack
    render_clean(fig, tmp_path)
    pd.testing.assert_frame_equal(table, before)


def test_coverage_area_and_weekly(table, tmp_path):
    fig = plots.coverage(table, kind="area")
    steps = [p for p in fig.axes[0].patches if isinstance(p, StepPatch)]
    assert len(steps) == 3
    render_clean(fig, tmp_path)
    weekly = pd.DataFrame(
        {
            "period": pd.to_datetime(["2022-01-03", "2022-01-17", "2022-01-31"]),
            "outlet": "NHK",
            "posts": [1, 2, 3],
        }
    )
    fig = plots.coverage(weekly)
    assert [len(c.patches) for c in fig.axes[0].containers] == [5]


def test_coverage_stacks_group_without_outlet_column(table):
    fig = plots.coverage(table.rename(columns={"outlet": "group"}))
    assert len(fig.axes[0].containers) == 3


def test_coverage_lumps_outlets_and_checks_input(table):
    fig = plots.coverage(table, max_outlets=2)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["other", "NHK"]
    with pytest.raises(ValueError, match="lacks"):
        plots.coverage(table, value="shares")
    with pytest.raises(ValueError):
        plots.coverage(table, kind="pie")
    assert texts(plots.coverage(table.head(0)).axes[0]) == ["no posts"]


# ---------------------------------------------------------------- heatmap


def test_heatmap_annotates_cells_and_renders_japanese(tmp_path):
    m = pd.DataFrame(
        {"ブリンケン": [0.4, 0.1], "ロシア": [0.6, np.nan], "米中外相": [0.0, 0.9]},
        index=["NHK", "日経"],
    )
    before = m.copy(deep=True)
    fig = plots.heatmap(m, title="媒体×アクター")
    ax = fig.axes[0]
    assert sorted(texts(ax)) == sorted(["40%", "10%", "60%", "0%", "90%"])  # NaN blank
    assert [t.get_text() for t in ax.get_xticklabels()] == ["ブリンケン", "ロシア", "米中外相"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["NHK", "日経"]
    assert len(fig.axes) == 2  # colour bar
    render_clean(fig, tmp_path)
    pd.testing.assert_frame_equal(m, before)
    fig = plots.heatmap(m, fmt=".2f", colorbar=False)
    assert "0.40" in texts(fig.axes[0]) and len(fig.axes) == 1
    assert texts(plots.heatmap(pd.DataFrame()).axes[0]) == ["no data"]


# ---------------------------------------------------------------- fightin' words


@pytest.fixture
def scores() -> pd.DataFrame:
    terms = ["制裁", "侵攻", "対話", "外交", "緊張", "軍事", "sanctions", "talks"]
    z = [3.0, 2.5, -2.2, -3.1, 0.3, 1.0, -0.5, 2.1]
    counts = [40, 25, 30, 12, 8, 50, 3, 9]
    rows = [("NHK", t, c, v) for t, c, v in zip(terms, counts, z, strict=True)]
    rows += [("Reuters", t, c, -v) for t, c, v in zip(terms, counts, z, strict=True)]
    return pd.DataFrame(rows, columns=["group", "term", "count", "z"])


def term_labels(ax, scores) -> list[str]:
    return [t for t in texts(ax) if t in set(scores["term"])]


def test_fightin_words_two_groups(scores, tmp_path):
    before = scores.copy(deep=True)
    fig = plots.fightin_words(scores, top_n=2, title="NHK 対 Reuters", lang="ja")
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    assert sorted(term_labels(ax, scores)) == sorted(["制裁", "侵攻", "外交", "対話"])
    assert "↑ NHK" in texts(ax) and "↓ Reuters" in texts(ax)
    assert ax.get_xscale() == "log"
    render_clean(fig, tmp_path)
    pd.testing.assert_frame_equal(scores, before)


def test_fightin_words_one_sided_rows_are_mirrored(scores):
    favoured = pd.concat(
        [
            scores[(scores.group == "NHK") & (scores.z > 0)],
            scores[(scores.group == "Reuters") & (scores.z > 0)],
        ]
    )
    fig = plots.fightin_words(favoured, top_n=1)
    offsets = fig.axes[0].collections[0].get_offsets()
    assert (offsets[:, 1] < 0).sum() == 3  # Reuters-favoured terms drawn below zero
    assert sorted(term_labels(fig.axes[0], scores)) == ["制裁", "外交"]


def test_fightin_words_prefers_total_over_group_count():
    # one-vs-rest rows as crisisnotes.vocabulary.fightin_words returns them: a term the
    # group never uses has count 0 there but is still placed by its total frequency
    scores = pd.DataFrame(
        {
            "group": ["en", "en", "ja", "ja"],
            "term": ["sanctions", "制裁", "sanctions", "制裁"],
            "count": [9, 0, 0, 7],
            "total": [9, 7, 9, 7],
            "z": [2.5, -2.4, -2.5, 2.4],
        }
    )
    fig = plots.fightin_words(scores, top_n=1)
    offsets = fig.axes[0].collections[0].get_offsets()
    assert sorted(map(tuple, offsets.tolist())) == [(7.0, -2.4), (9.0, 2.5)]
    assert sorted(term_labels(fig.axes[0], scores)) == ["sanctions", "制裁"]


def test_fightin_words_panels_for_many_groups(scores, tmp_path):
    three = pd.concat([scores, scores.assign(group="日経", z=scores["z"] / 2)])
    fig = plots.fightin_words(three, top_n=1)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["NHK", "Reuters", "日経"]
    for ax in visible:
        assert len(term_labels(ax, scores)) == 2
    render_clean(fig, tmp_path)
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="ax=None"):
        plots.fightin_words(three, ax=ax)
    with pytest.raises(ValueError, match="lack"):
        plots.fightin_words(scores.drop(columns="z"))


# ---------------------------------------------------------------- all plots


def test_every_plot_draws_into_given_axes(graph, events, table, scores):
    cases = [
        (plots.network, graph),
        (plots.timeline, events),
        (plots.coverage, table),
        (plots.heatmap, pd.DataFrame({"ロシア": [0.5]}, index=["NHK"])),
        (plots.fightin_words, scores),
    ]
    for func, data in cases:
        fig, ax = plt.subplots()
        assert func(data, ax=ax) is fig


def test_coverage_auto_draws_areas_for_many_periods():
    days = pd.date_range("2022-01-01", periods=plots._coverage.MAX_BARS + 1, freq="D")
    long = pd.DataFrame({"period": days, "outlet": "NHK", "posts": 1})
    fig = plots.coverage(long)
    assert not fig.axes[0].containers  # no bars
    assert len([p for p in fig.axes[0].patches if isinstance(p, StepPatch)]) == 1
    short = plots.coverage(long.head(plots._coverage.MAX_BARS))
    assert [len(c.patches) for c in short.axes[0].containers] == [plots._coverage.MAX_BARS]
