"""Cities that name a visit's destination state (北京 → CHN, Moscow → RUS).

>>> CITIES["モスクワ"], bool(_CITY_RX.search("to Kyiv"))
('RUS', True)
"""

from __future__ import annotations

import re

CITIES: dict[str, str] = {
    "北京": "CHN", "モスクワ": "RUS", "ワシントン": "USA", "キエフ": "UKR", "キーウ": "UKR",
    "ベルリン": "DEU", "パリ": "FRA", "ロンドン": "GBR", "ミンスク": "BLR", "東京": "JPN",
    "ソウル": "KOR", "アンカラ": "TUR", "ワルシャワ": "POL", "ローマ": "ITA", "ジュネーブ": "CHE",
    "Beijing": "CHN", "Moscow": "RUS", "Washington": "USA", "Kyiv": "UKR", "Kiev": "UKR",
    "Berlin": "DEU", "Paris": "FRA", "London": "GBR", "Minsk": "BLR", "Tokyo": "JPN",
    "Seoul": "KOR", "Ankara": "TUR", "Warsaw": "POL", "Rome": "ITA", "Geneva": "CHE",
}  # fmt: skip
_CITY_RX = re.compile("|".join(sorted(map(re.escape, CITIES), key=len, reverse=True)))
