"""Tests for crisisnotes.network on hand-made mention tables (values computed by hand)."""

from __future__ import annotations

import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import crisisnotes
from crisisnotes.network import association, comention_edges, graph_from_mentions, window_table

LABELS = {
    "usa": ("United States", "アメリカ", "state", "USA"),
    "rus": ("Russia", "ロシア", "state", "RUS"),
    "chn": ("China", "中国", "state", "CHN"),
    "biden": ("Joe Biden", "バイデン", "person", "USA"),
    "putin": ("Vladimir Putin", "プーチン", "person", "RUS"),
    "stoltenberg": ("Jens Stoltenberg", "ストルテンベルグ", "person", "NATO"),
}


def mentions(rows: list[tuple[str, int, str]]) -> pd.DataFrame:
    """A mentions table from (post_id, sentence_id, actor_id) rows."""
    recs = []
    for pid, sid, aid in rows:
        en, ja, kind, country = LABELS[aid]
        recs.append({"post_id": pid, "sentence_id": sid, "actor_id": aid, "label_en": en, "label_ja": ja,
                     "kind": kind, "country": country, "surface": ja, "start": 0, "end": len(ja), "via": "name"})  # fmt: skip
    return pd.DataFrame(recs)


# windows (sentence level): (p,0) {usa, rus}; (p,1) {biden, putin}; (q,0) {rus, chn, rus again}; (q,1) {chn}
M = mentions([
    ("p", 0, "usa"), ("p", 0, "rus"), ("p", 1, "biden"), ("p", 1, "putin"),
    ("q", 0, "rus"), ("q", 0, "chn"), ("q", 0, "rus"), ("q", 1, "chn"),
])  # fmt: skip

SENTENCES = pd.DataFrame({
    "post_id": ["p", "p", "q", "q"], "sentence_id": [0, 1, 0, 1],
    "text": ["米ロが協議", "バイデン大統領とプーチン大統領が会談した。", "ロシアと中国の関係", "中国は反発した。"],
})  # fmt: skip


def pairs(edges: pd.DataFrame) -> dict[tuple[str, str], int]:
    return {
        (s, t): c for s, t, c in zip(edges["source"], edges["target"], edges["count"], strict=True)
    }


def test_sentence_window_actor_level():
    e = comention_edges(M, window="sentence", level="actor")
    assert list(e.columns) == ["source", "target", "count", "weight", "evidence"]
    assert pairs(e) == {("biden", "putin"): 1, ("rus", "usa"): 1, ("chn", "rus"): 1}
    assert (e["source"] < e["target"]).all()
    ev = dict(zip(zip(e["source"], e["target"], strict=True), e["evidence"], strict=True))
    assert ev[("chn", "rus")] == [("q", 0)]  # a repeated mention in one window counts once


def test_post_window_actor_level():
    e = comention_edges(M, window="post", level="actor")
    p_nodes = ["biden", "putin", "rus", "usa"]
    expected = {(a, b): 1 for i, a in enumerate(p_nodes) for b in p_nodes[i + 1 :]}
    expected[("chn", "rus")] = 1
    assert pairs(e) == expected
    assert all(len(w) == 1 and w[0][1] == -1 for w in e["evidence"])


def test_country_level_maps_persons_to_their_country():
    e = comention_edges(M, window="sentence", level="country")
    # (p,0) and (p,1) both give RUS–USA; (q,0) gives CHN–RUS
    assert pairs(e) == {("RUS", "USA"): 2, ("CHN", "RUS"): 1}
    row = e[(e["source"] == "RUS") & (e["target"] == "USA")].iloc[0]
    assert row["evidence"] == [("p", 0), ("p", 1)]
    wt = window_table(M, window="sentence", level="country")
    assert wt.groupby("node").size().to_dict() == {"CHN": 2, "RUS": 3, "USA": 2}


def test_measures_against_hand_computed_values():
    # country level, sentence windows: N = 4; USA in 2, RUS in 3, CHN in 2; RUS–USA 2, CHN–RUS 1
    want = {
        "count": {("RUS", "USA"): 2, ("CHN", "RUS"): 1},
        "jaccard": {("RUS", "USA"): 2 / 3, ("CHN", "RUS"): 1 / 4},
        "dice": {("RUS", "USA"): 4 / 5, ("CHN", "RUS"): 2 / 5},
        "npmi": {
            ("RUS", "USA"): math.log(4 / 3) / math.log(2),
            ("CHN", "RUS"): math.log(2 / 3) / math.log(4),
        },
    }
    for measure, values in want.items():
        e = comention_edges(M, window="sentence", level="country", measure=measure)
        got = dict(zip(zip(e["source"], e["target"], strict=True), e["weight"], strict=True))
        assert got.keys() == values.keys()
        for k, v in values.items():
            assert got[k] == pytest.approx(v), (measure, k)
        assert (
            e["count"] == e.apply(lambda r: want["count"][(r["source"], r["target"])], axis=1)
        ).all()


def test_association_function():
    c, a, b = np.array([2.0, 1.0]), np.array([2.0, 3.0]), np.array([2.0, 2.0])
    assert association(c, a, b, 4, "count").tolist() == [2.0, 1.0]
    assert association(c, a, b, 4, "jaccard") == pytest.approx([1.0, 0.25])
    assert association(c, a, b, 4, "dice") == pytest.approx([1.0, 0.4])
    npmi = association(c, a, b, 4, "npmi")
    assert npmi[0] == pytest.approx(1.0)  # always together: perfect association
    assert npmi[1] == pytest.approx(math.log(2 / 3) / math.log(4))
    # together in every window (p(a,b) = 1): defined as 1, not 0/0
    assert association(
        np.array([3.0]), np.array([3.0]), np.array([3.0]), 3, "npmi"
    ) == pytest.approx([1.0])
    with pytest.raises(ValueError, match="unknown measure"):
        association(c, a, b, 4, "pmi")


def test_perfect_association_in_a_graph():
    m = mentions(
        [
            ("a", 0, "usa"),
            ("a", 0, "rus"),
            ("b", 0, "usa"),
            ("b", 0, "rus"),
            ("c", 0, "chn"),
            ("d", 0, "chn"),
        ]
    )
    e = comention_edges(m, measure="npmi")
    assert pairs(e) == {("rus", "usa"): 2}
    assert e["weight"].iloc[0] == pytest.approx(1.0)


def test_graph_attributes():
    G = graph_from_mentions(M, window="sentence", level="country", measure="jaccard")
    assert set(G.nodes) == {"USA", "RUS", "CHN"}
    assert G.graph == {"window": "sentence", "level": "country", "measure": "jaccard"}
    assert {n: d["frequency"] for n, d in G.nodes(data=True)} == {"CHN": 2, "RUS": 3, "USA": 2}
    assert G.nodes["RUS"]["label_en"] == "Russia" and G.nodes["CHN"]["label_ja"] == "中国"
    for _, d in G.nodes(data=True):
        assert isinstance(d["community"], int) and {
            "degree_centrality",
            "strength",
            "betweenness",
        } <= set(d)
    d = G.edges["USA", "RUS"]
    assert d["count"] == 2 and d["weight"] == pytest.approx(2 / 3)
    assert d["evidence"] == [("p", 0), ("p", 1)]
    assert G.nodes["RUS"]["strength"] == 3


@pytest.mark.filterwarnings("ignore:.*is not supported as a fill value:DeprecationWarning")
def test_country_node_label_falls_back_to_code_without_a_state_mention():
    m = mentions([("p", 0, "stoltenberg"), ("p", 0, "putin")])
    G = graph_from_mentions(m, level="country")
    assert G.nodes["NATO"]["label_en"] == "NATO"  # only a person named: the code labels the node
    assert G.nodes["RUS"]["label_en"] == "RUS"
    assert G.has_edge("NATO", "RUS")


def test_country_level_with_only_persons_gives_no_pandas_warning():
    m = mentions([("p", 0, "stoltenberg"), ("p", 0, "putin")])
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        graph_from_mentions(m, level="country")


def test_communities_are_seeded_and_split_components():
    m = mentions([("p", 0, "usa"), ("p", 0, "biden"), ("q", 0, "rus"), ("q", 0, "putin")])
    G1 = graph_from_mentions(m)
    G2 = graph_from_mentions(m)
    assert nx.get_node_attributes(G1, "community") == nx.get_node_attributes(G2, "community")
    assert G1.nodes["usa"]["community"] == G1.nodes["biden"]["community"]
    assert G1.nodes["usa"]["community"] != G1.nodes["rus"]["community"]


def test_top_n_and_min_count():
    G = graph_from_mentions(M, level="actor", top_n=2)
    assert set(G.nodes) == {"rus", "chn"}  # rus in 2 windows, chn in 2, others in 1
    assert set(G.edges) == {("rus", "chn")} or set(G.edges) == {("chn", "rus")}
    G = graph_from_mentions(M, level="country", min_count=2)
    assert [tuple(sorted(e)) for e in G.edges] == [("RUS", "USA")]
    assert set(G.nodes) == {"USA", "RUS", "CHN"}  # nodes stay, their weak edges go


def test_inputs_not_mutated():
    m, s = M.copy(deep=True), SENTENCES.copy(deep=True)
    for level in ("actor", "country"):
        for window in ("sentence", "post"):
            comention_edges(M, window=window, level=level, measure="npmi")
            G = graph_from_mentions(M, window=window, level=level)
    crisisnotes.edge_evidence(G, SENTENCES)
    crisisnotes.top_actors(M)
    pd.testing.assert_frame_equal(M, m)
    pd.testing.assert_frame_equal(SENTENCES, s)


def test_edge_evidence_joins_sentence_text():
    G = graph_from_mentions(M, level="country")
    kwic = crisisnotes.edge_evidence(G, SENTENCES)
    assert list(kwic.columns) == ["source", "target", "source_label", "target_label", "count", "weight",
                                  "post_id", "sentence_id", "sentence"]  # fmt: skip
    assert len(kwic) == 3
    top = kwic.iloc[:2]
    assert (top["source"] == "RUS").all() and (top["target"] == "USA").all()
    assert top["sentence"].tolist() == ["米ロが協議", "バイデン大統領とプーチン大統領が会談した。"]
    assert kwic.iloc[2][["source", "target", "sentence"]].tolist() == [
        "CHN",
        "RUS",
        "ロシアと中国の関係",
    ]


def test_edge_evidence_post_windows_give_the_first_sentence():
    G = graph_from_mentions(M, level="country", window="post")
    kwic = crisisnotes.edge_evidence(G, SENTENCES)
    assert (kwic["sentence_id"] == -1).all()
    assert dict(zip(kwic["post_id"], kwic["sentence"], strict=True)) == {
        "p": "米ロが協議",
        "q": "ロシアと中国の関係",
    }


def test_top_actors():
    t = crisisnotes.top_actors(M)
    assert t[["actor_id", "posts"]].values.tolist()[:2] == [["rus", 2], ["chn", 1]]  # ties by label
    assert t.loc[t["actor_id"] == "rus", "share"].item() == 1.0
    posts = pd.DataFrame({"post_id": ["p", "q", "r"], "lang": ["ja", "en", "en"]})
    by = crisisnotes.top_actors(M, posts, by="lang", top_n=1)
    assert by[["lang", "actor_id", "posts", "share"]].values.tolist() == [
        ["en", "chn", 1, 0.5],
        ["ja", "biden", 1, 1.0],
    ]


def test_export_graph_readable_by_networkx(tmp_path):
    G = graph_from_mentions(M, level="country", measure="npmi")
    before = nx.to_dict_of_dicts(G)
    paths = crisisnotes.export_graph(G, tmp_path / "net" / "g", sentences=SENTENCES)
    assert {k: p.name for k, p in paths.items()} == {
        "gexf": "g.gexf",
        "graphml": "g.graphml",
        "csv": "g-edges.csv",
    }
    assert sorted(p.name for p in (tmp_path / "net").iterdir()) == [
        "g-edges.csv",
        "g.gexf",
        "g.graphml",
    ]
    for H in (nx.read_gexf(paths["gexf"]), nx.read_graphml(paths["graphml"])):
        assert set(H.nodes) == {"USA", "RUS", "CHN"}
        assert {tuple(sorted(e)) for e in H.edges} == {("RUS", "USA"), ("CHN", "RUS")}
        d = H.edges["RUS", "USA"]
        assert d["evidence"] == "p#0;p#1" and int(d["count"]) == 2
        assert "distance" not in d
        assert int(H.nodes["RUS"]["frequency"]) == 3 and "community" in H.nodes["RUS"]
    csv = pd.read_csv(paths["csv"])
    assert len(csv) == 3 and "sentence" in csv.columns
    assert nx.to_dict_of_dicts(G) == before  # the graph is not changed by exporting
    assert G.edges["RUS", "USA"]["evidence"] == [("p", 0), ("p", 1)]


def test_export_graph_without_sentences(tmp_path):
    G = graph_from_mentions(M, level="actor")
    paths = crisisnotes.export_graph(G, tmp_path / "a")
    csv = pd.read_csv(paths["csv"])
    assert len(csv) == G.number_of_edges()


def test_comention_graph_on_a_corpus(tmp_path):
    dump = tmp_path / "n.txt"
    dump.write_text("米ロ首脳が電話会談 https://t.co/Nw00000001\n— NHKニュース (@nhk_news) 2022年1月26日\n"
                    "アメリカのバイデン大統領は25日、ロシアのプーチン大統領と電話で会談しました。\n", encoding="utf-8")  # fmt: skip
    corpus = crisisnotes.load(dump, cache_dir=tmp_path / "c")
    G = crisisnotes.comention_graph(corpus, level="country", window="post")
    assert G.has_edge("RUS", "USA")
    kwic = crisisnotes.edge_evidence(G, corpus.sentences)
    assert kwic["sentence"].notna().all()
