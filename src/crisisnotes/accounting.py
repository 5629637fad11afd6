"""Line accounting: is every non-blank raw line in exactly one post or in ``unassigned``?

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"line_start": [1], "line_end": [2]})
>>> un = pd.DataFrame({"line": [4]})
>>> account_lines(["a", "b", "", "#x", "lost"], posts, un)
{'nonblank': 4, 'in_posts': 2, 'unassigned': 1, 'lost': 1, 'double': 0}
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .dumps.encoding import NEWLINES, decode_bytes

if TYPE_CHECKING:
    from .corpus import Corpus


def account_lines(lines: Sequence[str], posts: pd.DataFrame, unassigned: pd.DataFrame) -> dict[str, int]:
    """Count how the non-blank ``lines`` of one dump are covered by posts and unassigned lines."""
    n = len(lines)
    cover = np.zeros(n + 2, dtype=np.int64)
    np.add.at(cover, posts["line_start"].to_numpy(int), 1)
    np.add.at(cover, posts["line_end"].to_numpy(int) + 1, -1)
    cover = np.cumsum(cover)
    in_posts = cover.copy()
    np.add.at(cover, unassigned["line"].to_numpy(int), 1)
    nonblank = np.array([False] + [bool(s.strip()) for s in lines] + [False])
    return {
        "nonblank": int(nonblank.sum()),
        "in_posts": int(((in_posts > 0) & nonblank).sum()),
        "unassigned": int(nonblank[unassigned["line"].to_numpy(int)].sum()),
        "lost": int(((cover == 0) & nonblank).sum()),
        "double": int(((cover > 1) & nonblank).sum()),
    }


def raw_lines(path: str | Path) -> list[str]:
    """The decoded lines of a raw dump, as the reader saw them."""
    data = Path(path).read_bytes()
    return NEWLINES.split(decode_bytes(data, path).text)


def line_accounting(corpus: Corpus) -> pd.DataFrame:
    """One row per copied-timeline dump: non-blank lines, lines in posts, unassigned, lost, double.

    ``lost`` and ``double`` are 0 for every dump read correctly. Only timeline
    (text) dumps are reported: a JSON, CSV or HTML dump is not read line by
    line (a twarc2 page holds many posts on one line, a page's markup is in no
    post), so the check does not apply to it. Posts are counted as stored, before
    duplicates across dumps are merged.
    """
    from . import store

    rows = []
    posts = corpus.table("posts", columns=["source", "line_start", "line_end"])
    un = corpus.unassigned
    timeline = {
        (man or {}).get("source", f.name)
        for f in corpus.folders
        if (man := store.read_manifest(f)) is None or man.get("format", "timeline") == "timeline"
    }
    for source, path in corpus.sources().items():
        if source not in timeline:
            continue
        counts = account_lines(raw_lines(path), posts[posts["source"] == source], un[un["source"] == source])
        rows.append({"source": source, **counts})
    columns = ["source", "nonblank", "in_posts", "unassigned", "lost", "double"]
    return pd.DataFrame(rows, columns=columns).set_index("source")
