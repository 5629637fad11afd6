"""The outlet registry: handle → outlet names, organisation, country, language, type, time zone.

Shipped as ``lexicons/outlets.csv``; a user's CSV with the same columns is
merged over it (a row with an existing handle, compared case-insensitively,
replaces the shipped row).

Examples
--------
>>> reg = load_outlets()
>>> reg.set_index("handle").loc["nhk_news", "organisation"]
'NHK'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .config import LEXICON_DIR

OUTLET_COLUMNS = ["handle", "outlet_en", "outlet_ja", "organisation", "country", "language", "type", "timezone"]


def load_outlets(extra: str | Path | Sequence[str | Path] | None = None) -> pd.DataFrame:
    """The shipped outlet registry with the user's file(s) merged over it."""
    paths = [LEXICON_DIR / "outlets.csv"]
    if extra is not None:
        paths += [Path(extra)] if isinstance(extra, (str, Path)) else [Path(p) for p in extra]
    frames = []
    for p in paths:
        df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        missing = [c for c in OUTLET_COLUMNS if c not in df.columns]
        if missing:
            raise ValueError(f"{p}: missing column(s) {missing}; expected {OUTLET_COLUMNS}")
        frames.append(df[OUTLET_COLUMNS])
    reg = pd.concat(frames, ignore_index=True)
    reg["_key"] = reg["handle"].str.lstrip("@").str.lower()
    reg = reg.drop_duplicates("_key", keep="last").drop(columns="_key")
    return reg.replace("", None).reset_index(drop=True)
