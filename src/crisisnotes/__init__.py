"""crisisnotes: news-post dumps about international crises, in Japanese and English.

Examples
--------
>>> import crisisnotes
>>> crisisnotes.__version__
'0.1.0'
"""

from __future__ import annotations

__version__ = "0.1.0"
