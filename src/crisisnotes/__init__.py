"""crisisnotes: news-post dumps about international crises, in Japanese and English.

Examples
--------
>>> import crisisnotes
>>> crisisnotes.__version__
'0.1.0'
"""

from __future__ import annotations

__version__ = "0.1.0"

from .accounting import line_accounting  # noqa: E402
from .actors import Lexicon  # noqa: E402
from .candidates import actor_candidates  # noqa: E402
from .channels import channels, export_events  # noqa: E402
from .corpus import Corpus, ingest, load  # noqa: E402
from .coverage import (  # noqa: E402
    fightin_words,
    outlet_actor_shares,
    outlet_actor_table,
    outlet_channel_table,
    outlet_coverage,
    unknown_handles,
)
from .dumps import DumpError, read_dump  # noqa: E402
from .events import diplomatic_events  # noqa: E402
from .network import comention_graph, edge_evidence, export_graph, top_actors  # noqa: E402

__all__ = [
    "Corpus", "DumpError", "actor_candidates", "channels", "export_events", "Lexicon", "__version__", "comention_graph", "diplomatic_events", "edge_evidence",
    "export_graph", "fightin_words", "outlet_actor_shares", "outlet_actor_table",
    "outlet_channel_table", "outlet_coverage", "unknown_handles", "ingest", "line_accounting", "load", "read_dump", "top_actors",
]  # fmt: skip
