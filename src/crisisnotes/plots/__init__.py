"""Drawing: each function takes computed data and returns a matplotlib Figure.

Computing and drawing are apart: :mod:`crisisnotes.coverage`, :mod:`crisisnotes.network`
and :mod:`crisisnotes.channels` return DataFrames or graphs; the functions here draw them
(computing nothing beyond layout) and :func:`crisisnotes.figures.save` writes the result.

Every function

* accepts ``ax=`` to draw into an existing Axes (otherwise it creates a pyplot figure
  with constrained layout) and returns the top-level :class:`~matplotlib.figure.Figure`;
* never modifies its input;
* calls :func:`crisisnotes.figures.setup_fonts`, so Japanese labels render;
* takes ``seed=`` where the layout is random.

Functions
---------
network
    Co-mention graph (node size = frequency, colour = community or kind).
timeline
    Diplomatic events, one lane per channel.
coverage
    Posts per period stacked by outlet.
heatmap
    Outlet × actor share matrix.
fightin_words
    Vocabulary contrast: z-score against frequency.

Examples
--------
>>> import pandas as pd
>>> from crisisnotes import plots
>>> m = pd.DataFrame({"米国": [0.5]}, index=["NHK"])
>>> fig = plots.heatmap(m, title="言及の割合")
>>> fig.axes[0].get_title(loc="left")
'言及の割合'
"""

from __future__ import annotations

from crisisnotes.plots._coverage import coverage
from crisisnotes.plots._heatmap import heatmap
from crisisnotes.plots._network import network
from crisisnotes.plots._timeline import MODE_COLORS, MODE_LABELS, MODE_MARKERS, MODES, timeline
from crisisnotes.plots._words import fightin_words

__all__ = [
    "MODES",
    "MODE_COLORS",
    "MODE_LABELS",
    "MODE_MARKERS",
    "coverage",
    "fightin_words",
    "heatmap",
    "network",
    "timeline",
]
