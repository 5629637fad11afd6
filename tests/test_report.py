"""Tests for crisisnotes.report.render_all: every figure in three formats, fonts embedded, exports."""

from __future__ import annotations

import json
import warnings

import matplotlib
import networkx as nx
import pandas as pd
import pytest

import crisisnotes
from crisisnotes import figures
from crisisnotes.report import figure_builders, input_fingerprint, render_all

matplotlib.use("Agg")

DUMP = "\n".join([
    "米ロ首脳が電話会談 #nhk_news https://t.co/Rp00000001",
    "— NHKニュース (@nhk_news) 2022年1月26日",
    "アメリカのバイデン大統領は25日、ロシアのプーチン大統領と電話で会談しました。",
    "ウクライナ情勢をめぐって、ドイツのショルツ首相とも意見を交わしました。",
    "",
    "独仏ロウクライナ 高官協議 https://t.co/Rp00000002",
    "— 共同通信公式 (@kyodo_official) 2022年1月27日",
    "ドイツ、フランス、ロシア、ウクライナの4か国による高官協議が26日、パリで行われました。",
    "",
    "Biden and Putin talk by phone https://t.co/Rp00000003",
    "— Reuters (@Reuters) Jan 26, 2022",
    "U.S. President Joe Biden spoke by phone with Russian President Vladimir Putin on Tuesday.",
    "Britain imposed sanctions on Russia on Monday, and China criticised the move.",
    "",
])  # fmt: skip
FORMATS = ("pdf", "svg", "png")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    (d / "report_dump.txt").write_text(DUMP, encoding="utf-8")
    return crisisnotes.load(
        d / "report_dump.txt", cache_dir=tmp_path_factory.mktemp("report-cache")
    )


@pytest.fixture(scope="module", params=["en", "ja"])
def rendered(request, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"figs-{request.param}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = render_all(corpus, out_dir=out, lang=request.param)
    return out, written, caught


def test_every_figure_in_three_formats(rendered, corpus):
    out, written, _ = rendered
    names = set(figure_builders(corpus))
    assert names <= set(written)
    for name in names:
        assert set(written[name]) == set(FORMATS)
        for ext, path in written[name].items():
            assert path == out / f"{name}.{ext}" and path.stat().st_size > 0
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary files


def test_no_missing_glyph_warnings(rendered):
    _, _, caught = rendered
    glyphs = [str(w.message) for w in caught if "glyph" in str(w.message).lower()]
    assert glyphs == []


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_figures_have_no_missing_glyphs(corpus, lang):
    import matplotlib.pyplot as plt

    figures.setup_fonts()
    for name, draw in figure_builders(corpus, lang).items():
        fig = draw()
        if fig is None:
            continue
        try:
            assert figures.missing_glyphs(fig) == {}, name
        finally:
            plt.close(fig)


def test_pdf_embeds_truetype_fonts_and_metadata(rendered, corpus):
    _, written, _ = rendered
    for name, paths in written.items():
        if "pdf" not in paths:
            continue
        data = paths["pdf"].read_bytes()
        assert data.startswith(b"%PDF-") and b"/FontFile2" in data, name
        assert b"/Type3" not in data, name
    svg = written["comention-network-country"]["svg"].read_text(encoding="utf-8")
    assert input_fingerprint(corpus) in svg
    assert written["coverage-posts-per-day"]["png"].read_bytes().startswith(b"\x89PNG")


def test_exports(rendered, corpus):
    out, written, _ = rendered
    for level in ("actor", "country"):
        paths = written[f"comention-network-{level}-export"]
        assert set(paths) == {"gexf", "graphml", "csv"}
        G = nx.read_gexf(paths["gexf"])
        H = nx.read_graphml(paths["graphml"])
        assert G.number_of_nodes() == H.number_of_nodes() > 1
        assert set(G.nodes) == set(H.nodes)
        edges = pd.read_csv(paths["csv"])
        assert {"source", "target", "sentence", "post_id"} <= set(edges.columns)
        assert edges["sentence"].notna().all()
    country = nx.read_graphml(written["comention-network-country-export"]["graphml"])
    assert {"USA", "RUS"} <= set(country.nodes) and country.has_edge("RUS", "USA")

    ev = written["diplomatic-events-export"]
    assert ev == {"csv": out / "diplomatic-events.csv", "jsonl": out / "diplomatic-events.jsonl"}
    records = [json.loads(line) for line in ev["jsonl"].read_text(encoding="utf-8").splitlines()]
    events = crisisnotes.diplomatic_events(corpus)
    assert len(records) == len(events) == len(pd.read_csv(ev["csv"])) > 0
    assert {"RUS", "USA"} in [{r["actor"], *r["recipient"]} for r in records]


def test_only_one_figure(corpus, tmp_path):
    written = render_all(corpus, out_dir=tmp_path, only=["coverage-posts-per-day"])
    assert set(written) == {"coverage-posts-per-day"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"coverage-posts-per-day.{e}" for e in ("pdf", "png", "svg")
    ]
