"""Tests for crisisnotes.channels: merging events into channels and exporting events."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import crisisnotes
from crisisnotes.channels import CHANNEL_COLUMNS

DUMP = "\n".join([
    "米ロ首脳が電話会談 #nhk_news https://t.co/Ch00000001",
    "— NHKニュース (@nhk_news) 2022年1月26日",
    "アメリカのバイデン大統領は25日、ロシアのプーチン大統領と電話で会談しました。",
    "",
    "Biden and Putin talk by phone as tensions rise https://t.co/Ch00000002",
    "— Reuters (@Reuters) Jan 26, 2022",
    "U.S. President Joe Biden spoke by phone with Russian President Vladimir Putin on Tuesday.",
    "",
    "ドイツ、フランス、ロシア、ウクライナの高官協議 https://t.co/Ch00000003",
    "— NHKニュース (@nhk_news) 2022年1月27日",
    "ドイツ、フランス、ロシア、ウクライナの4か国による高官協議が26日、パリで行われました。",
    "",
])  # fmt: skip


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    d = tmp_path_factory.mktemp("channels")
    (d / "two_outlets.txt").write_text(DUMP, encoding="utf-8")
    corpus = crisisnotes.load(
        d / "two_outlets.txt", cache_dir=tmp_path_factory.mktemp("channels-cache")
    )
    return crisisnotes.diplomatic_events(corpus)


def ev(rows: list[dict]) -> pd.DataFrame:
    """An events table from short rows (parties, mode, status, date, exact, lo, hi, post, handle)."""
    out = []
    for k, r in enumerate(rows):
        parties = sorted(r["parties"])
        out.append({
            "event_id": f"{r.get('post', f'p{k}')}#0", "date": r.get("date"), "date_exact": r.get("exact", True),
            "window_start": r.get("lo"), "window_end": r.get("hi"), "status": r.get("status", "occurred"),
            "mode": r.get("mode", "phone_call"), "participants": parties, "parties": parties,
            "channel": "–".join(parties), "post_id": r.get("post", f"p{k}"), "sentence_id": 1,
            "evidence": f"sentence {k}", "handle": r.get("handle", f"outlet{k}"),
            "outlet": r.get("handle", f"Outlet {k}"), "posted_on": r.get("posted", "2022-01-27"),
            "initiator": parties[0], "cameo": "036", "plover_event": "CONSULT", "plover_mode": "phone",
        })  # fmt: skip
    df = pd.DataFrame(out)
    for col in ("date", "window_start", "window_end", "posted_on"):
        df[col] = pd.to_datetime(df[col])
    return df


def test_same_call_from_two_outlets_is_one_channel(events):
    call = events[events["channel"] == "RUS–USA"]
    assert len(call) == 2 and call["post_id"].nunique() == 2
    ch = crisisnotes.channels(events)
    row = ch[ch["channel"] == "RUS–USA"]
    assert len(row) == 1
    r = row.iloc[0]
    assert (r["mode"], r["status"], r["n_posts"], r["n_outlets"]) == (
        "phone_call",
        "occurred",
        2,
        2,
    )
    assert r["date"] == pd.Timestamp("2022-01-25") and r["date_exact"]
    assert sorted(r["event_ids"]) == sorted(call["event_id"])
    assert len(r["evidence"]) == 2


def test_normandy_format_is_one_four_party_channel(events):
    ch = crisisnotes.channels(events)
    assert "DEU–FRA–RUS–UKR" in set(ch["channel"])
    row = ch[ch["channel"] == "DEU–FRA–RUS–UKR"].iloc[0]
    assert row["parties"] == ["DEU", "FRA", "RUS", "UKR"] and row["mode"] == "talks"
    assert not any(len(p) == 2 and set(p) <= {"DEU", "FRA", "RUS", "UKR"} for p in ch["parties"])


def test_columns_and_ids(events):
    ch = crisisnotes.channels(events)
    assert list(ch.columns) == CHANNEL_COLUMNS
    assert ch["channel_id"].tolist() == [f"ch{i}" for i in range(len(ch))]
    assert ch["n_posts"].sum() == len(events)


def test_exact_and_window_reports_agree():
    e = ev([
        {"parties": ["CHN", "USA"], "date": "2022-01-26"},
        {"parties": ["USA", "CHN"], "date": "2022-01-26", "exact": False, "lo": "2022-01-24", "hi": "2022-01-26"},
    ])  # fmt: skip
    ch = crisisnotes.channels(e)
    assert len(ch) == 1
    assert (ch.at[0, "channel"], ch.at[0, "n_posts"], ch.at[0, "n_outlets"]) == ("CHN–USA", 2, 2)
    assert ch.at[0, "date_exact"] and ch.at[0, "date"] == pd.Timestamp("2022-01-26")


def test_same_outlet_twice_counts_one_outlet():
    e = ev([
        {"parties": ["RUS", "USA"], "date": "2022-01-25", "handle": "Reuters"},
        {"parties": ["RUS", "USA"], "date": "2022-01-25", "handle": "REUTERS"},
    ])  # fmt: skip
    ch = crisisnotes.channels(e)
    assert (len(ch), ch.at[0, "n_posts"], ch.at[0, "n_outlets"]) == (1, 2, 1)


def test_different_modes_and_dates_stay_apart():
    e = ev([
        {"parties": ["RUS", "USA"], "date": "2022-01-10", "mode": "talks"},
        {"parties": ["RUS", "USA"], "date": "2022-01-10", "mode": "meeting"},
        {"parties": ["RUS", "USA"], "date": "2022-01-21", "mode": "meeting"},
        {"parties": ["RUS", "USA"], "date": "2022-01-21", "mode": "meeting"},
        {"parties": ["NATO", "RUS"], "date": "2022-01-21", "mode": "meeting"},
    ])  # fmt: skip
    ch = crisisnotes.channels(e)
    got = sorted(zip(ch["channel"], ch["mode"], ch["date"].dt.day, ch["n_posts"], strict=True))
    assert got == [("NATO–RUS", "meeting", 21, 1), ("RUS–USA", "meeting", 10, 1),
                   ("RUS–USA", "meeting", 21, 2), ("RUS–USA", "talks", 10, 1)]  # fmt: skip
    assert ch["date"].is_monotonic_increasing


def test_undated_planned_event_is_not_merged_with_dated_ones():
    e = ev([
        {"parties": ["FRA", "RUS"], "date": "2022-02-07", "status": "planned"},
        {"parties": ["FRA", "RUS"], "date": None, "exact": False, "status": "planned"},
        {"parties": ["FRA", "RUS"], "date": "2022-02-07"},
    ])  # fmt: skip
    ch = crisisnotes.channels(e)
    assert len(ch) == 2
    undated = ch[ch["date"].isna()]
    assert (
        len(undated) == 1
        and undated.iloc[0]["status"] == "planned"
        and undated.iloc[0]["n_posts"] == 1
    )
    assert not undated.iloc[0]["date_exact"]
    dated = ch[ch["date"].notna()].iloc[0]
    assert dated["n_posts"] == 2 and dated["status"] == "occurred"
    assert ch.index[ch["date"].isna()].tolist() == [len(ch) - 1]  # undated rows last


def test_non_overlapping_windows_stay_apart():
    e = ev([
        {"parties": ["RUS", "USA"], "date": "2022-01-17", "exact": False, "lo": "2022-01-17", "hi": "2022-01-23"},
        {"parties": ["RUS", "USA"], "date": "2022-01-31", "exact": False, "lo": "2022-01-31", "hi": "2022-02-06"},
    ])  # fmt: skip
    assert len(crisisnotes.channels(e)) == 2


def test_actor_level_keys_by_participants():
    e = ev([{"parties": ["RUS", "USA"], "date": "2022-01-25"}] * 2)
    e.at[1, "participants"] = ["blinken", "lavrov"]
    e.at[0, "participants"] = ["biden", "putin"]
    ch = crisisnotes.channels(e, level="actor")
    assert sorted(ch["channel"]) == ["biden–putin", "blinken–lavrov"]


def test_input_not_mutated(events):
    before = events.copy(deep=True)
    crisisnotes.channels(events)
    crisisnotes.channels(events, level="actor")
    pd.testing.assert_frame_equal(events, before)


def test_empty_events(events):
    ch = crisisnotes.channels(events.iloc[:0])
    assert ch.empty and list(ch.columns) == CHANNEL_COLUMNS


def test_export_events_csv_and_jsonl(events, tmp_path):
    before = events.copy(deep=True)
    paths = crisisnotes.export_events(events, tmp_path / "out" / "events")
    assert paths == {
        "csv": tmp_path / "out" / "events.csv",
        "jsonl": tmp_path / "out" / "events.jsonl",
    }
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "events.csv",
        "events.jsonl",
    ]  # no temp files
    pd.testing.assert_frame_equal(events, before)

    csv = pd.read_csv(paths["csv"])
    assert len(csv) == len(events) and list(csv.columns) == list(events.columns)
    assert set(csv["parties"]) == {";".join(p) for p in events["parties"]}

    records = [json.loads(line) for line in paths["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(events)
    by_id = {r["id"]: r for r in records}
    for e in events.itertuples(index=False):
        r = by_id[e.event_id]
        assert {
            "actor",
            "recipient",
            "event",
            "mode",
            "event_text",
            "source",
            "publication",
            "status",
        } <= set(r)
        assert r["actor"] in e.parties and sorted([r["actor"], *r["recipient"]]) == list(e.parties)
        assert r["event_text"] == e.evidence and r["source"] == e.handle
        assert r["publication"] == e.posted_on.date().isoformat()
        assert r["crisisnotes_mode"] == e.mode and r["event"] == e.plover_event
        if e.date_exact:
            assert r["date"] == e.date.date().isoformat() and r["window"] is None
    call = next(
        r for r in records if r["source"] == "nhk_news" and r["crisisnotes_mode"] == "phone_call"
    )
    assert call["date"] == "2022-01-25" and "電話で会談" in call["event_text"]  # not escaped


def test_export_events_replaces_existing_files(events, tmp_path):
    crisisnotes.export_events(events, tmp_path / "e")
    crisisnotes.export_events(events.iloc[:1], tmp_path / "e")
    assert len((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.csv", "e.jsonl"]


def test_export_events_csv_neutralises_formulas(events, tmp_path):
    """A quoted tweet may start with '=' or '@': the CSV must not hand a spreadsheet a formula."""
    evil = events.copy()
    evil.loc[evil.index[0], "evidence"] = '=HYPERLINK("http://x.example","click")'
    evil.loc[evil.index[1], "evidence"] = "@nhk_news 会談"
    paths = crisisnotes.export_events(evil, tmp_path / "events")
    csv = pd.read_csv(paths["csv"])
    assert csv.loc[0, "evidence"] == "'" + evil.loc[evil.index[0], "evidence"]
    assert csv.loc[1, "evidence"] == "'@nhk_news 会談"
    assert csv.loc[2, "evidence"] == evil.loc[evil.index[2], "evidence"]  # ordinary text unchanged
    first = json.loads(paths["jsonl"].read_text(encoding="utf-8").splitlines()[0])
    assert first["event_text"].startswith("=HYPERLINK")  # the JSONL keeps the exact text
