"""What every outlet coverage table is computed from: a corpus or posts table, grouped.

``_from_corpus`` accepts a :class:`~crisisnotes.Corpus` (with the shipped outlet registry)
or a plain posts table; ``_grouped_posts`` gives each post its group (see
:func:`crisisnotes.outlet_groups.post_groups`) and rejects duplicate post ids. Shared by
:mod:`crisisnotes.coverage`, :mod:`crisisnotes.outlet_actors` and
:mod:`crisisnotes.outlet_channels`.

Examples
--------
>>> posts = pd.DataFrame({"post_id": ["a:1", "a:2"], "outlet": ["NHK", "BBC"],
...     "handle": ["nhk_news", "BBCWorld"]})
>>> _from_corpus(posts, None)[0] is posts
True
>>> _grouped_posts(posts, "outlet", None, "en")
  post_id group
0     a:1   NHK
1     a:2   BBC
"""

from __future__ import annotations

import pandas as pd

from crisisnotes.outlet_groups import post_groups

__all__: list[str] = []  # internal helpers


def _from_corpus(data: object, outlets: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame | None, object]:
    """Accept a :class:`~crisisnotes.Corpus` or a posts table: (posts, outlet registry, corpus or None).

    Given a corpus, the shipped outlet registry is used unless ``outlets`` is given.
    """
    if isinstance(data, pd.DataFrame):
        return data, outlets, None
    from crisisnotes.outlets import load_outlets

    return data.posts, (load_outlets() if outlets is None else outlets), data  # type: ignore[attr-defined]


def _grouped_posts(posts, by, outlets, names) -> pd.DataFrame:
    g = post_groups(posts, by=by, outlets=outlets, names=names)[["post_id", "group"]]
    if g["post_id"].duplicated().any():
        raise ValueError("posts has duplicate post_id values")
    return g
