"""Tests for crisisnotes.corpus (load, ingest, Corpus) and crisisnotes.accounting on small dumps."""

from __future__ import annotations

import os
import stat
import warnings

import pandas as pd
import pytest

import crisisnotes
from crisisnotes.accounting import account_lines

DUMP_A = "\n".join([
    "米ロ首脳が電話会談 #nhk_news https://t.co/Cp00000001",
    "— NHKニュース (@nhk_news) 2022年1月26日",
    "アメリカのバイデン大統領は25日、ロシアのプーチン大統領と電話で会談しました。",
    "両首脳は緊張緩和に向けて意見を交わしました。",
    "",
    "#ウクライナ",
    "",
    "Blinken meets Lavrov in Geneva https://t.co/Cp00000002",
    "— Reuters (@Reuters) Jan 21, 2022",
    "U.S. Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva on Friday.",
    "",
])  # fmt: skip
DUMP_B = "\n".join([
    "日本政府 ロシアに制裁 https://t.co/Cp00000003",
    "— NHKニュース (@nhk_news) 2022年2月23日",
    "日本政府は23日、ロシアに対する制裁を発表しました。",
    "",
])  # fmt: skip
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("raw")
    (d / "a_dump.txt").write_text(DUMP_A, encoding="utf-8")
    (d / "b_dump.txt").write_text(DUMP_B, encoding="utf-8")
    (d / "README.md").write_text(
        "# not a dump\n— NHKニュース (@nhk_news) 2022年1月26日\n", encoding="utf-8"
    )
    return d


@pytest.fixture(scope="module")
def corpus(folder, tmp_path_factory):
    return crisisnotes.load(folder, cache_dir=tmp_path_factory.mktemp("cache"))


def test_load_one_file(folder, tmp_path):
    c = crisisnotes.load(folder / "b_dump.txt", cache_dir=tmp_path)
    assert len(c.folders) == 1 and len(c.posts) == 1
    assert c.posts.at[0, "handle"] == "nhk_news"
    assert c.report.built == ["b_dump.txt"] and c.report.reused == []
    assert {"posts", "unassigned", "sentences", "tokens", "mentions"} <= {
        p.stem for p in c.folders[0].iterdir()
    }
    assert (c.folders[0] / "manifest.json").is_file()


def test_load_folder_ignores_readme_and_ids_are_unique(corpus):
    assert len(corpus.folders) == 2
    assert sorted(corpus.posts["source"].unique()) == ["a_dump.txt", "b_dump.txt"]
    assert corpus.posts["post_id"].is_unique and len(corpus.posts) == 3
    assert "README.md" not in set(corpus.unassigned["source"])
    assert set(corpus.sentences["post_id"]) <= set(corpus.posts["post_id"])
    assert set(corpus.mentions["post_id"]) <= set(corpus.posts["post_id"])
    assert {"usa", "rus", "blinken", "lavrov"} <= set(corpus.mentions["actor_id"])
    assert repr(corpus) == "Corpus(2 dump(s), 3 posts)"


def test_summary(corpus):
    s = corpus.summary()["count"]
    assert s["dumps"] == 2 and s["posts"] == 3 and s["outlets"] == 2 and s["days"] == 3
    assert s["orphan posts"] == 0 and s["unassigned lines"] == 1
    assert s["sentences"] == len(corpus.sentences) and s["mentions"] == len(corpus.mentions)
    assert s["tokens"] == len(corpus.tokens) > 0
    assert s["actors mentioned"] == corpus.mentions["actor_id"].nunique()


def test_outlet_counts(corpus):
    oc = corpus.outlet_counts()
    assert oc[["handle", "posts"]].values.tolist() == [["nhk_news", 2], ["Reuters", 1]]
    nhk = oc.iloc[0]
    assert nhk["first"] == pd.Timestamp("2022-01-26") and nhk["last"] == pd.Timestamp("2022-02-23")


def test_line_accounting(corpus):
    acc = crisisnotes.line_accounting(corpus)
    assert sorted(acc.index) == ["a_dump.txt", "b_dump.txt"]
    assert (acc["lost"] == 0).all() and (acc["double"] == 0).all()
    assert acc.loc["a_dump.txt"].to_dict() == {
        "nonblank": 8,
        "in_posts": 7,
        "unassigned": 1,
        "lost": 0,
        "double": 0,
    }
    assert corpus.unassigned[["line", "reason"]].values.tolist() == [[6, "hashtag_only"]]


def test_account_lines_finds_lost_and_double():
    posts = pd.DataFrame({"line_start": [1, 2], "line_end": [2, 3]})
    got = account_lines(["a", "b", "c", "", "d"], posts, pd.DataFrame({"line": [3]}))
    assert got == {"nonblank": 4, "in_posts": 3, "unassigned": 1, "lost": 1, "double": 2}


def test_rerun_reuses_the_cache(folder, tmp_path):
    first = crisisnotes.load(folder, cache_dir=tmp_path)
    assert sorted(first.report.built) == ["a_dump.txt", "b_dump.txt"]
    again = crisisnotes.load(folder, cache_dir=tmp_path)
    assert again.report.built == [] and sorted(again.report.reused) == ["a_dump.txt", "b_dump.txt"]
    pd.testing.assert_frame_equal(first.posts, again.posts)
    forced = crisisnotes.load(folder, cache_dir=tmp_path, force=True)
    assert sorted(forced.report.built) == ["a_dump.txt", "b_dump.txt"]


def test_touching_reuses_and_changing_rebuilds(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    dump = raw / "d.txt"
    dump.write_text(DUMP_B, encoding="utf-8")
    cache = tmp_path / "cache"
    crisisnotes.load(dump, cache_dir=cache)
    st = dump.stat()
    os.utime(dump, (st.st_atime + 100, st.st_mtime + 100))  # same content: the cache is by content
    assert crisisnotes.load(dump, cache_dir=cache).report.reused == ["d.txt"]
    dump.write_text(
        DUMP_B.replace("23日、ロシア", "22日、ロシア"), encoding="utf-8"
    )  # same size, new content
    c = crisisnotes.load(dump, cache_dir=cache)
    assert c.report.built == ["d.txt"]
    assert "22日" in c.sentences["text"].str.cat()
    dump.write_text(DUMP_A, encoding="utf-8")
    c = crisisnotes.load(dump, cache_dir=cache)
    assert c.report.built == ["d.txt"] and len(c.posts) == 2


def test_changed_lexicon_rebuilds(tmp_path):
    dump = tmp_path / "lex.txt"
    dump.write_text(DUMP_B.replace("日本政府は", "架空国政府は"), encoding="utf-8")
    cache = tmp_path / "cache"
    plain = crisisnotes.load(dump, cache_dir=cache)
    assert "zz_land" not in set(plain.mentions["actor_id"])
    actors = tmp_path / "my_actors.csv"
    actors.write_text(
        "actor_id,kind,country,label_en,label_ja,aliases_ja,aliases_en,abbrev_ja,adjectives_en,wikidata\n"
        "zz_land,state,ZZL,Fictionland,架空国,架空国,Fictionland,,,\n",
        encoding="utf-8",
    )
    mine = crisisnotes.load(dump, cache_dir=cache, actors=actors)
    assert mine.report.built == ["lex.txt"]
    assert "zz_land" in set(mine.mentions["actor_id"])
    assert crisisnotes.load(dump, cache_dir=cache, actors=actors).report.reused == ["lex.txt"]
    assert crisisnotes.load(dump, cache_dir=cache).report.built == ["lex.txt"]


def test_bad_file_in_a_folder_warns_and_the_rest_loads(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(DUMP_A, encoding="utf-8")
    (raw / "picture.txt").write_bytes(BINARY)
    with pytest.warns(UserWarning, match="picture.txt"):
        c = crisisnotes.load(raw, cache_dir=tmp_path / "cache")
    assert len(c.folders) == 1 and len(c.posts) == 2
    assert [os.path.basename(e.path) for e in c.report.errors] == ["picture.txt"]


def test_single_bad_file_raises(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BINARY)
    with pytest.raises(crisisnotes.DumpError, match="bad.txt"):
        crisisnotes.load(bad, cache_dir=tmp_path / "cache")


def test_missing_path_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        crisisnotes.load(tmp_path / "nope.txt", cache_dir=tmp_path / "cache")


def test_read_only_input_folder_is_never_written(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "ro.txt").write_text(DUMP_A, encoding="utf-8")
    (raw / "ro.txt").chmod(0o444)
    raw.chmod(0o555)
    before = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in raw.iterdir()}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            c = crisisnotes.load(raw, cache_dir=tmp_path / "cache")
            c2 = crisisnotes.load(raw / "ro.txt", cache_dir=tmp_path / "cache")
        assert len(c.posts) == 2 and c2.report.reused == ["ro.txt"]
        assert crisisnotes.line_accounting(c)["lost"].sum() == 0
        after = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in raw.iterdir()}
        assert after == before
        assert stat.S_IMODE(raw.stat().st_mode) == 0o555
    finally:
        raw.chmod(0o755)
    assert all(p.is_relative_to(tmp_path / "cache") for p in c.folders)


def test_same_file_name_in_two_folders(tmp_path):
    for sub, text in (("x", DUMP_A), ("y", DUMP_B)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "news.txt").write_text(text, encoding="utf-8")
    c = crisisnotes.load(
        [tmp_path / "x", tmp_path / "y" / "news.txt"], cache_dir=tmp_path / "cache"
    )
    assert len(set(c.folders)) == 2
    assert len(c.posts) == 3 and c.posts["post_id"].is_unique
