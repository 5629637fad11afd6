"""The main job's figures: every figure the package draws, from one corpus, in one call.

Each figure is computed by an analysis function, drawn by :mod:`crisisnotes.plots`
and written by :func:`crisisnotes.figures.save` (PDF with embedded fonts, SVG,
300-dpi PNG, the input hash and package version in the metadata). Networks are
also exported for Gephi/Cytoscape with their evidence.

Examples
--------
>>> import crisisnotes
>>> corpus = crisisnotes.load(crisisnotes.config.SAMPLE_DUMP)  # doctest: +SKIP
>>> sorted(render_all(corpus))  # doctest: +SKIP
['comention-network-actor', 'comention-network-country', ...]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import matplotlib

from . import __version__
from .config import FIGURES_DIR

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .corpus import Corpus


def input_fingerprint(corpus: Corpus) -> str:
    """sha256 over the input hashes of the corpus's dumps (for figure metadata)."""
    h = hashlib.sha256()
    for folder in corpus.folders:
        man = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        h.update(man["input_sha256"].encode())
    return h.hexdigest()


def figure_builders(corpus: Corpus, lang: Literal["en", "ja"] = "en") -> dict[str, Callable[[], Figure | None]]:
    """Name → function drawing that figure (``None`` when the data cannot support it)."""
    from . import coverage, network, plots
    from .outlets import load_outlets

    registry = load_outlets()

    def net(level: Literal["actor", "country"], window: Literal["sentence", "post"]) -> Callable[[], Figure | None]:
        def draw() -> Figure | None:
            G = network.comention_graph(corpus, level=level, window=window, top_n=40)
            return plots.network(G, lang=lang, title=f"Co-mentions by {window} ({level} level)")

        return draw

    def posts_per_day() -> Figure | None:
        table = coverage.outlet_coverage(corpus.posts, freq="D", outlets=registry, names=lang)
        return plots.coverage(table, lang=lang, title="Posts per day by outlet")

    def actor_heatmap() -> Figure | None:
        label = "label_ja" if lang == "ja" else "label_en"
        matrix = coverage.outlet_actor_shares(corpus.posts, corpus.mentions, outlets=registry,
                                              label=label, top_n=15, names=lang)  # fmt: skip
        return plots.heatmap(matrix, lang=lang, title="Share of each outlet's posts mentioning the actor")

    def words() -> Figure | None:
        groups = coverage.post_groups(corpus.posts, by="language").set_index("post_id")["group"]
        if groups.nunique() < 2:
            return None
        scores = coverage.fightin_words(corpus.tokens, groups)
        return plots.fightin_words(scores, lang=lang, title="Distinctive words by language of post")

    def timeline() -> Figure | None:
        from .channels import channels

        ch = channels(corpus.events)
        return plots.timeline(ch, lang=lang, title="Diplomatic channels")

    return {
        "diplomatic-channels-timeline": timeline,
        "comention-network-actor": net("actor", "sentence"),
        "comention-network-country": net("country", "post"),
        "coverage-posts-per-day": posts_per_day,
        "coverage-outlet-actor-heatmap": actor_heatmap,
        "vocabulary-fightin-words-language": words,
    }


def render_all(
    corpus: Corpus,
    *,
    out_dir: str | Path | None = None,
    lang: Literal["en", "ja"] = "en",
    only: list[str] | None = None,
) -> dict[str, dict[str, Path]]:
    """Draw and save every figure; returns name → {format: path}. Networks also get GEXF/GraphML/CSV."""
    import matplotlib.pyplot as plt

    from . import figures, network

    matplotlib.use("Agg", force=False)
    figures.setup_fonts()
    out = Path(out_dir) if out_dir else FIGURES_DIR
    meta = {"input_sha256": input_fingerprint(corpus), "crisisnotes": __version__}
    written: dict[str, dict[str, Path]] = {}
    for name, draw in figure_builders(corpus, lang).items():
        if only and name not in only:
            continue
        fig = draw()
        if fig is None:
            continue
        written[name] = figures.save(fig, name, out_dir=out, metadata=meta)
        plt.close(fig)
    if not only or "diplomatic-channels-timeline" in only:
        from .channels import export_events

        written["diplomatic-events-export"] = export_events(corpus.events, out / "diplomatic-events")
    for level, window in (("actor", "sentence"), ("country", "post")):
        if only and f"comention-network-{level}" not in only:
            continue
        G = network.comention_graph(corpus, level=level, window=window)
        written[f"comention-network-{level}-export"] = network.export_graph(
            G, out / f"comention-network-{level}", sentences=corpus.sentences
        )
    return written
