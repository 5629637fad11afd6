"""Interaction cues: words and patterns that state a diplomatic interaction, by mode.

Shipped as ``lexicons/interactions.csv`` (columns ``pattern, lang, mode, cameo,
plover_event, plover_mode, note``); ``pattern`` is a Python regular
expression over NFKC text (English patterns match case-insensitively). Rows
with mode ``ignore`` (vague commitments such as 対話を続け, press conferences)
block any cue they overlap. Overlapping cues resolve longest first, so
電話会談 is a phone call, not a 会談 meeting.

Examples
--------
>>> lex = CueLexicon.load()
>>> [(c.surface, c.mode) for c in lex.find("米中外相が電話会談", "ja")]
[('電話会談', 'phone_call')]
>>> [(c.surface, c.mode) for c in lex.find("Biden spoke with Putin by phone", "en")]
[('spoke with Putin by phone', 'phone_call')]
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import LEXICON_DIR

MODES = ("phone_call", "meeting", "talks", "written_message", "statement", "visit", "sanctions", "other")
CUE_COLUMNS = ["pattern", "lang", "mode", "cameo", "plover_event", "plover_mode", "note"]


@dataclass(frozen=True)
class Cue:
    """One cue found in a sentence: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    mode: str
    cameo: str
    plover_event: str
    plover_mode: str


@dataclass
class CueLexicon:
    """Compiled cue patterns per language."""

    rows: list[dict[str, str]]

    @classmethod
    def load(cls, extra: str | Path | Sequence[str | Path] | None = None) -> CueLexicon:
        """The shipped cues plus the user's CSV(s) of the same columns (added)."""
        paths = [LEXICON_DIR / "interactions.csv"]
        if extra is not None:
            paths += [Path(extra)] if isinstance(extra, (str, Path)) else [Path(p) for p in extra]
        rows: list[dict[str, str]] = []
        for p in paths:
            with open(p, encoding="utf-8-sig", newline="") as f:
                for k, row in enumerate(csv.DictReader(f), start=2):
                    row = {c: (row.get(c) or "").strip() for c in CUE_COLUMNS}
                    if row["mode"] not in (*MODES, "ignore"):
                        raise ValueError(f"{p}:{k}: unknown mode {row['mode']!r}")
                    try:
                        re.compile(row["pattern"])
                    except re.error as e:
                        raise ValueError(f"{p}:{k}: bad pattern: {e}") from None
                    rows.append(row)
        return cls(rows)

    def __post_init__(self) -> None:
        self._compiled: dict[str, list[tuple[re.Pattern[str], dict[str, str]]]] = {"ja": [], "en": []}
        for row in self.rows:
            flags = re.I if row["lang"] == "en" else 0
            self._compiled.setdefault(row["lang"], []).append((re.compile(row["pattern"], flags), row))

    def find(self, text: str, lang: str) -> list[Cue]:
        """Non-overlapping cues in ``text`` (longest first), without ``ignore`` ones.

        Japanese text is also searched with the English patterns (quoted English,
        acronyms) and vice versa is not done.
        """
        langs = ["ja", "en"] if lang == "ja" else ["en"]
        found: list[tuple[int, int, dict[str, str]]] = []
        for lg in langs:
            for rx, row in self._compiled.get(lg, []):
                found.extend((m.start(), m.end(), row) for m in rx.finditer(text) if m.end() > m.start())
        found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        taken: list[tuple[int, int]] = []
        out: list[Cue] = []
        for s, e, row in found:
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if row["mode"] != "ignore":
                out.append(Cue(s, e, text[s:e], row["mode"], row["cameo"], row["plover_event"], row["plover_mode"]))
        return sorted(out, key=lambda c: c.start)
