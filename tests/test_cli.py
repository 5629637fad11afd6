"""Tests for crisisnotes.cli.main: ingest and run on small dumps, errors without tracebacks."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from crisisnotes.cli import main

DUMP = "\n".join([
    "米ロ首脳が電話会談 #nhk_news https://t.co/Cl00000001",
    "— NHKニュース (@nhk_news) 2022年1月26日",
    "アメリカのバイデン大統領は25日、ロシアのプーチン大統領と電話で会談しました。",
    "ウクライナ情勢をめぐって意見を交わしました。",
    "",
    "Biden and Putin talk by phone https://t.co/Cl00000002",
    "— Reuters (@Reuters) Jan 26, 2022",
    "U.S. President Joe Biden spoke by phone with Russian President Vladimir Putin on Tuesday.",
    "Biden warned Russia of severe costs if it invades Ukraine.",
    "",
    "NATO and Russia hold talks in Brussels https://t.co/Cl00000003",
    "— Reuters (@Reuters) Jan 12, 2022",
    "NATO Secretary-General Jens Stoltenberg said the NATO-Russia Council met in Brussels on Wednesday.",
    "",
])  # fmt: skip
TABLES = {"posts", "unassigned", "sentences", "tokens", "mentions"}
FIGURES = {
    "diplomatic-channels-timeline", "comention-network-actor", "comention-network-country",
    "coverage-posts-per-day", "coverage-outlet-actor-heatmap", "vocabulary-fightin-words-language",
}  # fmt: skip


@pytest.fixture
def dump(tmp_path):
    p = tmp_path / "raw" / "cli_dump.txt"
    p.parent.mkdir()
    p.write_text(DUMP, encoding="utf-8")
    return p


def test_ingest_writes_tables_and_manifest(dump, tmp_path, capsys):
    out = tmp_path / "processed"
    assert main(["ingest", str(dump), "--out", str(out), "--quiet"]) == 0
    folder = out / "cli_dump"
    assert {p.stem for p in folder.glob("*.parquet")} == TABLES
    man = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert set(man["tables"]) == TABLES and len(man["input_sha256"]) == 64
    cap = capsys.readouterr()
    assert "1 built, 0 unchanged, 0 failed" in cap.out
    assert cap.err == ""  # --quiet: no progress bar

    assert main(["ingest", str(dump), "--out", str(out), "--quiet"]) == 0
    assert "0 built, 1 unchanged, 0 failed" in capsys.readouterr().out


def test_one_bad_file_among_good_ones(dump, tmp_path, capsys):
    raw = dump.parent
    (raw / "other.txt").write_text(DUMP.replace("Cl0000000", "Cx0000000"), encoding="utf-8")
    (raw / "broken.txt").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    out = tmp_path / "processed"
    assert main(["ingest", str(raw), "--out", str(out), "--quiet"]) == 1
    cap = capsys.readouterr()
    assert "crisisnotes: error: " in cap.err and "broken.txt" in cap.err
    assert "Traceback" not in cap.err + cap.out
    assert "2 built, 0 unchanged, 1 failed" in cap.out
    assert (out / "cli_dump" / "manifest.json").is_file() and (
        out / "other" / "manifest.json"
    ).is_file()
    assert not (out / "broken").exists()


def test_undecodable_file_is_an_error_without_traceback(tmp_path, capsys):
    bad = tmp_path / "nul.txt"
    bad.write_bytes(b"abc\x00\x00\x00def\x00" * 50)
    assert main(["ingest", str(bad), "--out", str(tmp_path / "p"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"crisisnotes: error: {bad}" in err and "Traceback" not in err


def test_missing_path(tmp_path, capsys):
    assert (
        main(["ingest", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "p"), "--quiet"]) == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("crisisnotes: error: ") and "nope.txt" in err and "Traceback" not in err


def test_run_with_only_bad_files_draws_nothing(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    figs = tmp_path / "figs"
    assert (
        main(["run", str(raw), "--out", str(tmp_path / "p"), "--figures", str(figs), "--quiet"])
        == 1
    )
    assert "no figures drawn" in capsys.readouterr().err
    assert not figs.exists() or not any(figs.iterdir())


def test_run_writes_every_figure_in_three_formats(dump, tmp_path, capsys):
    figs = tmp_path / "figs"
    status = main(
        ["run", str(dump), "--out", str(tmp_path / "p"), "--figures", str(figs), "--quiet"]
    )
    cap = capsys.readouterr()
    assert status == 0, cap.err
    for name in FIGURES:
        for ext in ("pdf", "svg", "png"):
            f = figs / f"{name}.{ext}"
            assert f.is_file() and f.stat().st_size > 0, f
    assert (figs / "diplomatic-channels-timeline.pdf").read_bytes().startswith(b"%PDF-")
    assert (figs / "coverage-posts-per-day.png").read_bytes().startswith(b"\x89PNG")
    for stem in ("comention-network-actor", "comention-network-country"):
        assert (figs / f"{stem}.gexf").is_file() and (figs / f"{stem}.graphml").is_file()
        assert (figs / f"{stem}-edges.csv").is_file()
    assert (figs / "diplomatic-events.jsonl").is_file() and (
        figs / "diplomatic-events.csv"
    ).is_file()
    assert not [p for p in figs.iterdir() if p.name.startswith(".")]  # no temporary files left
    assert cap.out.count("figure: ") >= len(FIGURES)


def test_version_and_usage(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and "crisisnotes 0.1.0" in capsys.readouterr().out
    with pytest.raises(SystemExit) as e:
        main([])
    assert e.value.code == 2


def test_ingest_chooses_workers_by_dump_size(monkeypatch, tmp_path):
    from crisisnotes import pipeline
    from crisisnotes.cli import build_parser

    assert build_parser().parse_args(["ingest"]).workers == 0  # auto
    seen = []
    real = pipeline.auto_workers
    monkeypatch.setattr(pipeline, "auto_workers", lambda size, workers=0: seen.append(real(size, workers)) or 1)
    dump = tmp_path / "small.txt"
    dump.write_text("ロシアが協議\n— NHKニュース (@nhk_news) 2022年1月26日\n", encoding="utf-8")
    assert main(["ingest", str(dump), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert seen == [1]  # a small dump: one process
    monkeypatch.setattr(pipeline, "AUTO_MIN_BYTES", 10)
    import os

    assert real(dump.stat().st_size) == len(os.sched_getaffinity(0))  # a big dump: one per core
    assert real(dump.stat().st_size, 3) == 3  # --workers 3 wins


PLAIN_CSV = (
    "When;Account;Post\n"
    "2022-01-26T23:30:00Z;tokyo_desk;外相が電話で協議 https://t.co/Pc1\n"
    "2022-01-27T12:00:00Z;tokyo_desk;Talks go on\n"
)


def test_columns_and_tz_default_reach_the_reader(tmp_path, capsys):
    raw = tmp_path / "raw" / "mine.csv"
    raw.parent.mkdir()
    raw.write_text(PLAIN_CSV, encoding="utf-8")
    out = tmp_path / "processed"
    # without --columns the CSV's header is not understood: an error naming the file and the way out
    assert main(["ingest", str(raw), "--out", str(out), "--quiet"]) == 1
    assert "mine.csv" in capsys.readouterr().err
    args = ["ingest", str(raw), "--out", str(out), "--quiet", "--columns", "text=Post, date=When ,handle=Account"]
    assert main(args) == 0
    posts = pd.read_parquet(out / "mine" / "posts.parquet")
    assert posts["text"].tolist()[1] == "Talks go on"
    # an unknown outlet: Japanese post dated in Tokyo by default (23:30 UTC is the 27th there) ...
    assert posts["posted_on"].tolist()[0] == pd.Timestamp("2022-01-27")
    # ... and in the zone given with --tz-default (the option is part of the cache key: rebuilt)
    assert main([*args, "--tz-default", "America/New_York"]) == 0
    posts = pd.read_parquet(out / "mine" / "posts.parquet")
    assert posts["posted_on"].tolist() == [pd.Timestamp("2022-01-26"), pd.Timestamp("2022-01-27")]


@pytest.mark.parametrize(("flag", "value", "message"), [
    ("--columns", "Post", "KEY=COLUMN"),
    ("--columns", "date=When", "'text' is required"),
    ("--columns", "text=Post,author=Account", "unknown key"),
    ("--tz-default", "Mars/Olympus", "unknown time zone"),
])  # fmt: skip
def test_bad_columns_or_zone_is_a_usage_error(flag, value, message, capsys):
    with pytest.raises(SystemExit) as info:
        main(["ingest", flag, value])
    assert info.value.code == 2
    assert message in capsys.readouterr().err
