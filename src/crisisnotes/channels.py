"""Channels: the same interaction reported by several posts or outlets, merged into one row.

A channel is a set of parties (``RUS–USA``; a multilateral format such as
the Normandy format ``DEU–FRA–RUS–UKR`` is one channel, not six pairs).
Events of one channel and mode whose dates agree (equal exact dates, or
overlapping windows) are one interaction, reported ``n_posts`` times by
``n_outlets`` outlets.

Examples
--------
>>> import pandas as pd
>>> ev = pd.DataFrame({
...     "event_id": ["a#0", "b#0"], "date": pd.to_datetime(["2022-01-26", "2022-01-26"]),
...     "date_exact": [True, False], "window_start": pd.to_datetime([None, "2022-01-24"]),
...     "window_end": pd.to_datetime([None, "2022-01-26"]), "status": ["occurred"] * 2,
...     "mode": ["phone_call"] * 2, "parties": [["CHN", "USA"]] * 2, "participants": [["blinken", "wang_yi"]] * 2,
...     "channel": ["CHN–USA"] * 2, "post_id": ["a", "b"], "sentence_id": [1, 0], "evidence": ["x", "y"],
...     "handle": ["nhk_news", "Reuters"], "outlet": ["NHK", "Reuters"], "posted_on": pd.to_datetime(["2022-01-27"] * 2)})
>>> ch = channels(ev)
>>> ch[["channel", "mode", "n_posts", "n_outlets", "date_exact"]].values.tolist()
[['CHN–USA', 'phone_call', 2, 2, True]]
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .store import atomic_write_text, csv_text

CHANNEL_COLUMNS = [
    "channel_id", "channel", "parties", "mode", "status", "date", "date_exact", "window_start",
    "window_end", "n_posts", "n_outlets", "outlets", "first_report", "last_report", "event_ids",
    "evidence",
]  # fmt: skip


def _na(x: Any) -> bool:
    return x is None or x is pd.NaT or x is pd.NA or (isinstance(x, float) and x != x)


def _interval(r: Mapping[str, Any]) -> tuple[Any, Any]:
    if _na(r["date"]):
        return None, None
    if r["date_exact"]:
        return r["date"], r["date"]
    lo = r["window_start"] if not _na(r["window_start"]) else r["date"]
    hi = r["window_end"] if not _na(r["window_end"]) else r["date"]
    return lo, hi


def channels(events: pd.DataFrame, *, level: Literal["country", "actor"] = "country") -> pd.DataFrame:
    """Merge events reporting the same interaction (same parties and mode, agreeing dates).

    ``level="actor"`` keys channels by ``participants`` (the actor ids named:
    persons, and states or organisations named as such) instead of parties. Returns one row per interaction with ``n_posts``, ``n_outlets``,
    the first and last report and all evidence. The input is not modified.
    Works on plain Python rows (a 10 MB dump's 21,000 events: 0.5 s; pandas per cluster took 20 s).
    """
    if events.empty:
        return pd.DataFrame(columns=CHANNEL_COLUMNS)
    key_col = "parties" if level == "country" else "participants"
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in events.to_dict("records"):
        r["_lo"], r["_hi"] = _interval(r)
        groups.setdefault(("–".join(sorted(r[key_col])), r["mode"]), []).append(r)
    rows = []
    for (key, mode), g in sorted(groups.items(), key=lambda kv: kv[0]):
        dated = sorted((r for r in g if r["_lo"] is not None), key=lambda r: (r["_lo"], r["_hi"]))
        clusters: list[list[dict[str, Any]]] = []
        bounds: list[tuple[Any, Any]] = []
        for r in dated:
            if clusters and r["_lo"] <= bounds[-1][1]:
                clusters[-1].append(r)
                bounds[-1] = (max(bounds[-1][0], r["_lo"]), min(bounds[-1][1], r["_hi"]))
                if bounds[-1][0] > bounds[-1][1]:  # windows chain but do not share a day
                    bounds[-1] = (r["_lo"], r["_hi"])
            else:
                clusters.append([r])
                bounds.append((r["_lo"], r["_hi"]))
        undated: dict[str, list[dict[str, Any]]] = {}
        for r in g:
            if r["_lo"] is None:
                undated.setdefault(r["status"], []).append(r)
        clusters += [undated[k] for k in sorted(undated)]
        rows += [_row(members, key, mode) for members in clusters]
    out = pd.DataFrame(rows, columns=CHANNEL_COLUMNS[1:])
    out = out.sort_values(["date", "channel", "mode"], na_position="last", ignore_index=True)
    out.insert(0, "channel_id", [f"ch{i}" for i in range(len(out))])
    return out


def _row(g: list[dict[str, Any]], key: str, mode: str) -> dict:
    exact = Counter(r["date"] for r in g if r["date_exact"] and not _na(r["date"]))
    lo = hi = pd.NaT
    if exact:
        top = max(exact.values())
        date, is_exact = min(d for d, n in exact.items() if n == top), True  # the most reported day
    elif any(not _na(r["date"]) for r in g):
        los = [r["_lo"] for r in g if r["_lo"] is not None]
        his = [r["_hi"] for r in g if r["_hi"] is not None]
        lo, hi = max(los), min(his)
        if lo > hi:
            lo, hi = min(los), max(his)
        date, is_exact = lo, False
    else:
        date, is_exact = pd.NaT, False
    handles = {str(h).lower() for h in (r["handle"] if not _na(r["handle"]) else r["outlet"] for r in g)
               if not _na(h)}  # fmt: skip  # none: orphan posts
    posted = [r["posted_on"] for r in g if not _na(r["posted_on"])]
    return {
        "channel": key, "parties": key.split("–"), "mode": mode,
        "status": "occurred" if any(r["status"] == "occurred" for r in g) else "planned",
        "date": date, "date_exact": is_exact, "window_start": lo, "window_end": hi,
        "n_posts": len({r["post_id"] for r in g}), "n_outlets": len(handles),
        "outlets": sorted({r["outlet"] for r in g if not _na(r["outlet"])}),
        "first_report": min(posted) if posted else pd.NaT, "last_report": max(posted) if posted else pd.NaT,
        "event_ids": [r["event_id"] for r in g], "evidence": [r["evidence"] for r in g],
    }  # fmt: skip


def export_events(events: pd.DataFrame, stem: str | Path) -> dict[str, Path]:
    """Write events as ``stem.csv`` and PLOVER-style ``stem.jsonl`` (atomically).

    JSONL fields: ``id``, ``date``, ``date_exact``, ``window``, ``actor`` (the
    initiating party where known, else the first), ``recipient`` (the other
    parties), ``event`` (PLOVER event), ``mode`` (PLOVER mode), ``crisisnotes_mode``,
    ``status``, ``cameo``, ``event_text`` (the evidence sentence), ``source`` (the
    outlet's handle), ``publication`` (post date), ``post_id``.
    """
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    flat = events.copy()
    for col in ("participants", "parties"):
        if col in flat:
            flat[col] = flat[col].map(lambda v: ";".join(v))
    atomic_write_text(stem.with_suffix(".csv"), csv_text(flat))
    lines = []
    for r in events.itertuples(index=False):
        parties = list(r.parties)
        actor = r.initiator if getattr(r, "initiator", None) in parties else parties[0]
        lines.append(json.dumps({
            "id": r.event_id, "date": _iso(r.date), "date_exact": bool(r.date_exact),
            "window": [_iso(r.window_start), _iso(r.window_end)] if not pd.isna(r.window_start) else None,
            "actor": actor, "recipient": [p for p in parties if p != actor],
            "event": r.plover_event, "mode": r.plover_mode, "crisisnotes_mode": r.mode,
            "status": r.status, "cameo": r.cameo, "event_text": r.evidence,
            "source": r.handle, "publication": _iso(r.posted_on), "post_id": r.post_id,
        }, ensure_ascii=False))  # fmt: skip
    atomic_write_text(stem.with_suffix(".jsonl"), "\n".join(lines) + ("\n" if lines else ""))
    return {"csv": stem.with_suffix(".csv"), "jsonl": stem.with_suffix(".jsonl")}


def _iso(v: object) -> str | None:
    return None if v is None or pd.isna(v) else pd.Timestamp(v).date().isoformat()
