"""Tests for crisisnotes.candidates: names that look like actors but are not in the lexicon."""

from __future__ import annotations

import pandas as pd
import pytest

import crisisnotes
from crisisnotes.candidates import COLUMNS, actor_candidates
from crisisnotes.cli import main

DUMP = "\n".join([
    "ウクライナのカルパチェンコ外務次官が来日 #nhk_news https://t.co/AbCdEfGhIj",
    "— NHKニュース (@nhk_news) 2022年1月26日",
    "ウクライナのカルパチェンコ外務次官は26日、東京でブリンケン国務長官と会談しました。",
    "カルパチェンコ氏は、ロシアの動きに強い懸念を示しました。",
    "会談には山田太郎副大臣も同席しました。",
    "",
    "Ukrainian envoy meets Blinken in Washington https://t.co/KlMnOpQrSt",
    "— Reuters (@Reuters) Jan 26, 2022",
    "Deputy Foreign Minister Mykola Tochytskyi met Secretary of State Antony Blinken on Wednesday.",
    "Mykola Tochytskyi said the talks with Blinken had been useful.",
    "Talks will continue in February, officials said.",
    "",
])  # fmt: skip
KNOWN_ONLY = "\n".join([
    "米ロ外相が会談 #nhk_news https://t.co/ZzYyXxWwVv",
    "— NHKニュース (@nhk_news) 2022年1月21日",
    "ブリンケン国務長官とラブロフ外相が会談しました。",
    "",
])  # fmt: skip


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    p = tmp_path_factory.mktemp("raw") / "cand_dump.txt"
    p.write_text(DUMP, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def cands(dump, tmp_path_factory):
    corpus = crisisnotes.load(dump, cache_dir=tmp_path_factory.mktemp("processed"))
    return actor_candidates(corpus).set_index("candidate", drop=False)


def test_columns_and_order(cands):
    assert list(cands.columns) == COLUMNS
    assert cands["count"].is_monotonic_decreasing


def test_katakana_name_before_title(cands):
    row = cands.loc["カルパチェンコ"]
    assert (row["kind_guess"], row["count"], row["n_posts"]) == ("person", 3, 1)
    assert row["sentence_id"] == 0 and row["example"].startswith(
        "ウクライナのカルパチェンコ外務次官が来日"
    )
    assert row["post_id"].endswith(":1")


def test_proper_noun_tokens_joined(cands):
    row = cands.loc["山田太郎"]  # 山田 (人名/姓) + 太郎 (人名/名): one candidate
    assert (row["kind_guess"], row["count"], row["sentence_id"]) == ("person", 1, 3)
    assert "山田" not in cands.index and "太郎" not in cands.index


def test_english_name_after_title_and_before_said(cands):
    row = cands.loc["Mykola Tochytskyi"]
    assert (row["kind_guess"], row["count"], row["n_posts"]) == ("person", 2, 1)
    assert row["example"].startswith("Deputy Foreign Minister Mykola Tochytskyi met")
    assert row["post_id"].endswith(":7")


def test_known_actors_outlets_dates_and_common_words_are_not_candidates(cands):
    names = set(cands["candidate"])
    for known in ("ブリンケン", "Blinken", "Antony Blinken", "State Antony Blinken", "ウクライナ",
                  "ロシア", "Ukrainian", "Reuters", "NHK", "Wednesday", "February", "Talks",
                  "Deputy Foreign Minister Mykola Tochytskyi", "Minister", "Officials"):  # fmt: skip
        assert known not in names
    assert not any("ブリンケン" in n or "Blinken" in n for n in names)


def test_min_count_and_top_n(cands, dump, tmp_path):
    corpus = crisisnotes.load(dump, cache_dir=tmp_path)
    two = actor_candidates(corpus, min_count=2)
    assert set(two["candidate"]) >= {"カルパチェンコ", "Mykola Tochytskyi"}
    assert (two["count"] >= 2).all()
    top = actor_candidates(corpus, top_n=1)
    assert len(top) == 1 and top.loc[0, "candidate"] == "カルパチェンコ"


def test_no_candidates_gives_empty_frame(tmp_path):
    p = tmp_path / "known.txt"
    p.write_text(KNOWN_ONLY, encoding="utf-8")
    out = actor_candidates(crisisnotes.load(p, cache_dir=tmp_path / "processed"))
    assert out.empty and list(out.columns) == COLUMNS


def test_cli_prints_table_and_writes_csv(dump, tmp_path, capsys):
    csv = tmp_path / "out" / "candidates.csv"
    args = [
        "candidates",
        str(dump),
        "--out",
        str(tmp_path / "processed"),
        "--quiet",
        "--csv",
        str(csv),
    ]
    assert main(args) == 0
    out = capsys.readouterr().out.split("\n", 1)[1]  # after the "ingest: ..." line
    lines = out.splitlines()
    assert lines[0].startswith("candidate ") and lines[-1].startswith(
        "candidates: 4 found, 4 shown"
    )
    assert lines[1].startswith("カルパチェンコ ") and lines[2].startswith("Mykola Tochytskyi ")
    assert not any(x.startswith(("ブリンケン", "Blinken", "Antony")) for x in lines)
    df = pd.read_csv(csv, keep_default_na=False)
    assert list(df.columns) == COLUMNS
    assert df.set_index("candidate").loc["カルパチェンコ", "count"] == 3
    assert [p.name for p in csv.parent.iterdir()] == ["candidates.csv"]  # no temp file left
    assert main([*args, "--min-count", "99"]) == 0
    assert pd.read_csv(csv).empty
