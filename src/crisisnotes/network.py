"""Co-mention networks: actors (or their countries) mentioned in the same sentence or post.

A window–actor bipartite table is projected to actor pairs with one pandas
merge (no Python loops). Every edge keeps its evidence: the (post, sentence)
windows behind it, so each edge traces back to its text.

Measures (``N`` windows, ``a``/``b`` windows of each node, ``c`` shared):

* ``count``: ``c``; ``jaccard``: ``c / (a + b − c)``; ``dice``: ``2c / (a + b)``;
* ``npmi``: ``log(cN / ab) / −log(c / N)`` (normalised PMI, −1…1; 1 when the
  two always appear together).

Examples
--------
>>> import pandas as pd
>>> m = pd.DataFrame({"post_id": ["p", "p", "p", "q"], "sentence_id": [0, 0, 1, 0],
...     "actor_id": ["usa", "rus", "chn", "rus"], "label_en": ["United States", "Russia", "China", "Russia"],
...     "label_ja": ["アメリカ", "ロシア", "中国", "ロシア"], "kind": ["state"] * 4,
...     "country": ["USA", "RUS", "CHN", "RUS"]})
>>> edges = comention_edges(m, window="sentence")
>>> edges[["source", "target", "count"]].values.tolist()
[['rus', 'usa', 1]]
>>> G = graph_from_mentions(m, window="post")
>>> sorted(tuple(sorted(e)) for e in G.edges())
[('chn', 'rus'), ('chn', 'usa'), ('rus', 'usa')]
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import networkx as nx

    from .corpus import Corpus

Window = Literal["sentence", "post"]
Level = Literal["actor", "country"]
Measure = Literal["count", "jaccard", "dice", "npmi"]


def _nodes(mentions: pd.DataFrame, level: Level) -> pd.DataFrame:
    """Mentions with a ``node`` column and node labels for ``level``."""
    m = mentions.copy()
    if level == "actor":
        m["node"] = m["actor_id"]
        return m
    m["node"] = m["country"]
    # label a country node by its state/org row when one is mentioned, else by the code
    own = m[m["kind"].isin(["state", "org"])].drop_duplicates("node").set_index("node")
    for col in ("label_en", "label_ja"):
        m[col] = m["node"].map(own[col]).astype(object).fillna(m["node"])
    m["kind"] = m["node"].map(own["kind"]).astype(object).fillna("state")
    return m


def window_table(mentions: pd.DataFrame, *, window: Window = "sentence", level: Level = "actor") -> pd.DataFrame:
    """The bipartite window–node table (one row per node per window), input unchanged."""
    m = _nodes(mentions, level)
    if window == "post":
        m = m.assign(sentence_id=-1)
    return m[["post_id", "sentence_id", "node"]].drop_duplicates().reset_index(drop=True)


def comention_edges(
    mentions: pd.DataFrame,
    *,
    window: Window = "sentence",
    level: Level = "actor",
    measure: Measure = "count",
) -> pd.DataFrame:
    """Edge table: ``source``, ``target`` (sorted), ``count``, ``weight``, ``evidence``.

    ``evidence`` lists the ``(post_id, sentence_id)`` windows (sentence_id −1
    for post windows). The input is not modified.
    """
    wt = window_table(mentions, window=window, level=level)
    n_windows = len(wt[["post_id", "sentence_id"]].drop_duplicates())
    freq = wt.groupby("node").size()
    pairs = wt.merge(wt, on=["post_id", "sentence_id"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["node_a"] < pairs["node_b"]]
    if pairs.empty:
        return pd.DataFrame(columns=["source", "target", "count", "weight", "evidence"])
    pairs = pairs.assign(win=list(zip(pairs["post_id"], pairs["sentence_id"], strict=True)))
    g = pairs.groupby(["node_a", "node_b"], sort=True)
    edges = g.agg(count=("win", "size"), evidence=("win", list)).reset_index()
    edges = edges.rename(columns={"node_a": "source", "node_b": "target"})
    edges["weight"] = association(
        edges["count"].to_numpy(float),
        edges["source"].map(freq).to_numpy(float),
        edges["target"].map(freq).to_numpy(float),
        n_windows,
        measure,
    )
    return edges[["source", "target", "count", "weight", "evidence"]]


def association(c: np.ndarray, a: np.ndarray, b: np.ndarray, n: int, measure: Measure) -> np.ndarray:
    """Association of pairs from co-counts ``c``, marginals ``a``, ``b`` and ``n`` windows.

    >>> association(np.array([2.0]), np.array([2.0]), np.array([2.0]), 4, "npmi").round(3).tolist()
    [1.0]
    """
    if measure == "count":
        return c
    if measure == "jaccard":
        return c / (a + b - c)
    if measure == "dice":
        return 2 * c / (a + b)
    if measure == "npmi":
        p_ab = c / n
        with np.errstate(divide="ignore", invalid="ignore"):
            pmi = np.log(p_ab / ((a / n) * (b / n)))
            out = np.where(p_ab >= 1, 1.0, pmi / -np.log(p_ab))
        return out
    raise ValueError(f"unknown measure {measure!r}; use count, jaccard, dice or npmi")


def graph_from_mentions(
    mentions: pd.DataFrame,
    *,
    window: Window = "sentence",
    level: Level = "actor",
    measure: Measure = "count",
    min_count: int = 1,
    top_n: int | None = None,
    seed: int = 42,
) -> nx.Graph:
    """Co-mention graph with node and edge attributes (see :func:`comention_graph`)."""
    m = _nodes(mentions, level)
    wt = window_table(mentions, window=window, level=level)
    freq = wt.groupby("node").size().sort_values(ascending=False)
    keep = set(freq.index[:top_n]) if top_n else set(freq.index)
    edges = comention_edges(mentions, window=window, level=level, measure=measure)
    edges = edges[(edges["count"] >= min_count) & edges["source"].isin(keep) & edges["target"].isin(keep)]
    import networkx as nx  # here, not at import: most notebooks never build a graph

    G = nx.Graph(window=window, level=level, measure=measure)
    info = m.drop_duplicates("node").set_index("node")
    for node in freq.index:
        if node in keep:
            G.add_node(
                node, label_en=str(info.at[node, "label_en"]), label_ja=str(info.at[node, "label_ja"]),
                kind=str(info.at[node, "kind"]), country=str(info.at[node, "country"]),
                frequency=int(freq[node]),
            )  # fmt: skip
    for row in edges.itertuples(index=False):
        G.add_edge(row.source, row.target, count=int(row.count), weight=float(row.weight),
                   evidence=list(row.evidence))  # fmt: skip
    _annotate(G, seed=seed)
    return G


def _annotate(G: nx.Graph, *, seed: int) -> None:
    """Add community (seeded Louvain) and centralities to the nodes of ``G``."""
    import networkx as nx

    if G.number_of_nodes() == 0:
        return
    if G.number_of_edges():
        comms = nx.community.louvain_communities(G, weight="count", seed=seed)
    else:
        comms = [{n} for n in G]
    comms = sorted(comms, key=lambda c: (-len(c), sorted(c)))
    for k, c in enumerate(comms):
        for n in c:
            G.nodes[n]["community"] = k
    deg = nx.degree_centrality(G)
    strength = dict(G.degree(weight="count"))
    for _, _, d in G.edges(data=True):
        d["distance"] = 1.0 / d["count"]
    btw = nx.betweenness_centrality(G, weight="distance", seed=seed) if G.number_of_edges() else {}
    for n in G:
        G.nodes[n]["degree_centrality"] = float(deg.get(n, 0.0))
        G.nodes[n]["strength"] = int(strength.get(n, 0))
        G.nodes[n]["betweenness"] = float(btw.get(n, 0.0))


def comention_graph(
    corpus: Corpus,
    *,
    window: Window = "sentence",
    level: Level = "actor",
    measure: Measure = "count",
    min_count: int = 1,
    top_n: int | None = None,
    seed: int = 42,
) -> nx.Graph:
    """Co-mention graph of a corpus.

    Nodes: ``label_en``, ``label_ja``, ``kind``, ``country``, ``frequency``
    (windows mentioning the node), ``community`` (seeded Louvain),
    ``degree_centrality``, ``strength``, ``betweenness``. Edges: ``count``
    (shared windows), ``weight`` (the chosen ``measure``), ``evidence``
    (``(post_id, sentence_id)`` list). ``top_n`` keeps the most frequent nodes.
    """
    return graph_from_mentions(
        corpus.mentions, window=window, level=level, measure=measure,
        min_count=min_count, top_n=top_n, seed=seed,
    )  # fmt: skip


def top_actors(
    mentions: pd.DataFrame,
    posts: pd.DataFrame | None = None,
    *,
    by: Literal["lang", "outlet"] | None = None,
    top_n: int = 15,
    label: Literal["label_en", "label_ja"] = "label_en",
) -> pd.DataFrame:
    """Most mentioned actors (counted once per post), overall or per language or outlet.

    Columns: [``lang``/``outlet``], ``actor_id``, ``actor``, ``kind``, ``posts``
    (posts mentioning the actor), ``share`` (of the group's posts). Inputs unchanged.

    >>> m = pd.DataFrame({"post_id": ["p", "p", "q"], "actor_id": ["usa", "rus", "rus"],
    ...                   "label_en": ["United States", "Russia", "Russia"], "kind": ["state"] * 3})
    >>> top_actors(m)[["actor", "posts"]].values.tolist()
    [['Russia', 2], ['United States', 1]]
    """
    m = mentions[["post_id", "actor_id", label, "kind"]].drop_duplicates(["post_id", "actor_id"])
    keys = []
    if by is not None:
        if posts is None:
            raise ValueError("top_actors(by=...) needs the posts table")
        p = posts[["post_id", by]].copy()
        p[by] = p[by].fillna("(none)")
        m = m.merge(p, on="post_id", how="left")
        keys = [by]
        n_posts = p.groupby(by).size()
    else:
        n_posts = pd.Series({None: posts["post_id"].nunique() if posts is not None else m["post_id"].nunique()})
    g = m.groupby([*keys, "actor_id", label, "kind"], dropna=False).size().rename("posts").reset_index()
    g = g.rename(columns={label: "actor"})
    g["share"] = g["posts"] / (g[by].map(n_posts) if by else n_posts.iloc[0])
    g = g.sort_values([*keys, "posts", "actor"], ascending=[True] * len(keys) + [False, True])
    return g.groupby(keys, group_keys=False).head(top_n).reset_index(drop=True) if keys else g.head(top_n).reset_index(drop=True)


def edge_evidence(G: nx.Graph, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per edge and evidence window, with the sentence text (KWIC-style table).

    Columns: ``source``, ``target``, ``source_label``, ``target_label``,
    ``count``, ``weight``, ``post_id``, ``sentence_id``, ``sentence``.
    For post windows (sentence_id −1) the sentence is the post's first sentence
    naming both is not known, so the post's tweet text is given instead.
    """
    rows = []
    for u, v, d in G.edges(data=True):
        a, b = sorted((u, v))
        for pid, sid in d.get("evidence", []):
            rows.append((a, b, G.nodes[a].get("label_en"), G.nodes[b].get("label_en"),
                         d["count"], d["weight"], pid, sid))  # fmt: skip
    cols = ["source", "target", "source_label", "target_label", "count", "weight", "post_id", "sentence_id"]
    ev = pd.DataFrame(rows, columns=cols)
    s = sentences[["post_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    first = s.drop_duplicates("post_id").assign(sentence_id=-1)
    s = pd.concat([s, first], ignore_index=True)
    ev = ev.merge(s, on=["post_id", "sentence_id"], how="left")
    return ev.sort_values(["count", "source", "target", "post_id", "sentence_id"],
                          ascending=[False, True, True, True, True]).reset_index(drop=True)  # fmt: skip


def export_graph(G: nx.Graph, stem: str | Path, *, sentences: pd.DataFrame | None = None) -> dict[str, Path]:
    """Write ``stem.gexf`` (Gephi), ``stem.graphml`` (Cytoscape) and ``stem-edges.csv``.

    List attributes (evidence) become ``;``-joined ``post_id#sentence_id``
    strings in GEXF/GraphML; the CSV has one row per edge and evidence window
    with the sentence text when ``sentences`` is given. Written atomically.
    """
    import networkx as nx

    from .store import atomic_write_text, csv_text

    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    H = G.copy()
    H.graph = {k: str(v) for k, v in G.graph.items()}
    for _, _, d in H.edges(data=True):
        d["evidence"] = ";".join(f"{p}#{s}" for p, s in d.get("evidence", []))
        d.pop("distance", None)
        if isinstance(d.get("weight"), float) and not math.isfinite(d["weight"]):
            d["weight"] = 0.0
    out = {}
    for ext, writer in (("gexf", nx.write_gexf), ("graphml", nx.write_graphml)):
        path = stem.with_name(f"{stem.name}.{ext}")
        tmp = path.with_name(f".{path.name}.tmp")
        writer(H, tmp)
        tmp.replace(path)
        out[ext] = path
    table = edge_evidence(G, sentences) if sentences is not None else nx.to_pandas_edgelist(H)
    csv_path = stem.with_name(f"{stem.name}-edges.csv")
    atomic_write_text(csv_path, csv_text(table))
    out["csv"] = csv_path
    return out
