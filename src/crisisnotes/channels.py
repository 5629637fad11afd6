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
from pathlib import Path
from typing import Literal

import pandas as pd

from .store import atomic_write_text

CHANNEL_COLUMNS = [
    "channel_id", "channel", "parties", "mode", "status", "date", "date_exact", "window_start",
    "window_end", "n_posts", "n_outlets", "outlets", "first_report", "last_report", "event_ids",
    "evidence",
]  # fmt: skip


def _interval(r: pd.Series) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    if pd.isna(r["date"]):
        return None, None
    if r["date_exact"]:
        return r["date"], r["date"]
    lo = r["window_start"] if not pd.isna(r["window_start"]) else r["date"]
    hi = r["window_end"] if not pd.isna(r["window_end"]) else r["date"]
    return lo, hi


def channels(events: pd.DataFrame, *, level: Literal["country", "actor"] = "country") -> pd.DataFrame:
    """Merge events reporting the same interaction (same parties and mode, agreeing dates).

    ``level="actor"`` keys channels by ``participants`` (the actor ids named:
    persons, and states or organisations named as such) instead of parties. Returns one row per interaction with ``n_posts``, ``n_outlets``,
    the first and last report and all evidence. The input is not modified.
    """
    if events.empty:
        return pd.DataFrame(columns=CHANNEL_COLUMNS)
    key_col = "parties" if level == "country" else "participants"
    ev = events.copy()
    ev["_key"] = ev[key_col].map(lambda v: "–".join(sorted(v)))
    ev["_lo"], ev["_hi"] = zip(*ev.apply(_interval, axis=1), strict=True)
    rows = []
    for (key, mode), g in ev.groupby(["_key", "mode"], sort=True):
        dated = g[g["_lo"].notna()].sort_values(["_lo", "_hi"])
        clusters: list[list[int]] = []
        bounds: list[tuple[pd.Timestamp, pd.Timestamp]] = []
        for idx, r in dated.iterrows():
            if clusters and r["_lo"] <= bounds[-1][1]:
                clusters[-1].append(idx)
                bounds[-1] = (max(bounds[-1][0], r["_lo"]), min(bounds[-1][1], r["_hi"]))
                if bounds[-1][0] > bounds[-1][1]:  # windows chain but do not share a day
                    bounds[-1] = (r["_lo"], r["_hi"])
            else:
                clusters.append([idx])
                bounds.append((r["_lo"], r["_hi"]))
        for _status, u in g[g["_lo"].isna()].groupby("status"):
            clusters.append(list(u.index))
        for members in clusters:
            rows.append(_row(ev.loc[members], key, mode))
    out = pd.DataFrame(rows, columns=CHANNEL_COLUMNS[1:])
    out = out.sort_values(["date", "channel", "mode"], na_position="last", ignore_index=True)
    out.insert(0, "channel_id", [f"ch{i}" for i in range(len(out))])
    return out


def _row(g: pd.DataFrame, key: str, mode: str) -> dict:
    exact = g[g["date_exact"].astype(bool) & g["date"].notna()]
    if len(exact):
        date, is_exact, lo, hi = exact["date"].mode().iloc[0], True, pd.NaT, pd.NaT
    elif g["date"].notna().any():
        lo, hi = g["_lo"].max(), g["_hi"].min()
        if lo > hi:
            lo, hi = g["_lo"].min(), g["_hi"].max()
        date, is_exact = lo, False
    else:
        date, is_exact, lo, hi = pd.NaT, False, pd.NaT, pd.NaT
    handles = g["handle"].fillna(g["outlet"]).dropna().astype(str).str.lower()  # none: orphan posts
    return {
        "channel": key, "parties": key.split("–"), "mode": mode,
        "status": "occurred" if (g["status"] == "occurred").any() else "planned",
        "date": date, "date_exact": is_exact, "window_start": lo, "window_end": hi,
        "n_posts": g["post_id"].nunique(), "n_outlets": handles.nunique(),
        "outlets": sorted(g["outlet"].dropna().unique().tolist()),
        "first_report": g["posted_on"].min(), "last_report": g["posted_on"].max(),
        "event_ids": g["event_id"].tolist(), "evidence": g["evidence"].tolist(),
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
    atomic_write_text(stem.with_suffix(".csv"), flat.to_csv(index=False))
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
