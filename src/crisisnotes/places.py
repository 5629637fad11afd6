"""Cities that name a visit's destination state (北京 → CHN, Moscow → RUS).

>>> CITIES["モスクワ"], bool(_CITY_RX.search("to Kyiv"))
('RUS', True)
"""

from __future__ import annotations

import re
from typing import Any

CITIES: dict[str, str] = {
    "北京": "CHN", "モスクワ": "RUS", "ワシントン": "USA", "キエフ": "UKR", "キーウ": "UKR",
    "ベルリン": "DEU", "パリ": "FRA", "ロンドン": "GBR", "ミンスク": "BLR", "東京": "JPN",
    "ソウル": "KOR", "アンカラ": "TUR", "ワルシャワ": "POL", "ローマ": "ITA", "ジュネーブ": "CHE",
    "Beijing": "CHN", "Moscow": "RUS", "Washington": "USA", "Kyiv": "UKR", "Kiev": "UKR",
    "Berlin": "DEU", "Paris": "FRA", "London": "GBR", "Minsk": "BLR", "Tokyo": "JPN",
    "Seoul": "KOR", "Ankara": "TUR", "Warsaw": "POL", "Rome": "ITA", "Geneva": "CHE",
}  # fmt: skip
_CITY_RX = re.compile("|".join(sorted(map(re.escape, CITIES), key=len, reverse=True)))


def names_city(p: Any, text: str) -> bool:
    """Is the party named by a destination city (a visit's ``キエフ``, ``Moscow``) rather than as a state or person?

    >>> from types import SimpleNamespace as P
    >>> names_city(P(actor_id="rus", start=9, end=15), "visit to Moscow"), names_city(P(actor_id="rus", start=0, end=6), "Russia")
    (True, False)
    """
    return p.actor_id in CITIES or text[max(p.start, 0) : p.end] in CITIES
