"""Tests for crisisnotes.coverage (with outlet_groups and vocabulary) on tiny hand-made tables."""

from __future__ import annotations

import copy
import math

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest

from crisisnotes.coverage import (
    NO_OUTLET,
    fightin_words,
    outlet_actor_shares,
    outlet_actor_table,
    outlet_channel_table,
    outlet_coverage,
    post_groups,
    unknown_handles,
)
from crisisnotes.vocabulary import STOPWORDS_EN, clean_terms

# --------------------------------------------------------------------------- tables


def make_posts(rows: list[tuple]) -> pd.DataFrame:
    """Posts from ``(outlet, handle, posted_on, lang)`` tuples; ids ``d:1``, ``d:2``, …"""
    outlet, handle, when, lang = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "post_id": [f"d:{i}" for i in range(1, len(rows) + 1)],
            "source": "d.txt",
            "outlet": list(outlet),
            "handle": list(handle),
            "posted_on": pd.to_datetime(list(when)),
            "lang": list(lang),
            "text": "…",
            "is_orphan": [o is None and h is None for o, h in zip(outlet, handle, strict=True)],
        }
    )


@pytest.fixture
def posts() -> pd.DataFrame:
    return make_posts(
        [
            ("NHKニュース", "nhk_news", "2022-02-21", "ja"),
            ("NHKニュース", "NHK_News", "2022-02-21", "ja"),
            ("Reuters", "Reuters", "2022-02-21", "en"),
            ("NHKニュース", "nhk_news", "2022-02-23", "ja"),  # nothing on 02-22
            ("Reuters", "reuters", "2022-02-23", "en"),
            ("Reuters", "Reuters", None, "en"),  # undated
            (None, None, "2022-02-23", "ja"),  # orphan
        ]
    )


@pytest.fixture
def registry() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "handle": ["NHK_NEWS", "nhkworld", "@Reuters"],
            "outlet_en": ["NHK News", "NHK World", "Reuters"],
            "outlet_ja": ["NHKニュース", "NHKワールド", "ロイター"],
            "organisation": ["NHK", "NHK", "Thomson Reuters"],
            "country": ["JPN", "JPN", "GBR"],
            "language": ["ja", "en", "en"],
            "type": ["broadcaster", "broadcaster", "agency"],
            "timezone": ["Asia/Tokyo", "Asia/Tokyo", "Europe/London"],
        }
    )


@pytest.fixture
def mentions() -> pd.DataFrame:
    rows = [  # post_id, sentence_id, actor_id, label_en, label_ja, kind, country
        ("d:1", 0, "putin", "Putin", "プーチン", "person", "RUS"),
        ("d:1", 1, "putin", "Putin", "プーチン", "person", "RUS"),
        ("d:1", 1, "biden", "Biden", "バイデン", "person", "USA"),
        ("d:3", 0, "putin", "Putin", "プーチン", "person", "RUS"),
        ("d:9", 0, "putin", "Putin", "プーチン", "person", "RUS"),  # post not in posts
    ]
    cols = ["post_id", "sentence_id", "actor_id", "label_en", "label_ja", "kind", "country"]
    return pd.DataFrame(rows, columns=cols)


@pytest.fixture
def events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3", "e4", "e5"],
            "post_id": ["d:1", "d:1", "d:3", "d:3", "d:4"],
            "channel": ["RUS–USA", "FRA–RUS", "RUS–USA", None, "RUS–USA"],
            "mode": ["phone_call", "meeting", "talks", "statement", "meeting"],
            "status": ["occurred", "planned", "occurred", "occurred", "planned"],
        }
    )


def toks(post_id: str, words: str, lang: str = "en") -> list[dict]:
    return [
        {"post_id": post_id, "sentence_id": 0, "i": i, "surface": w, "lemma": w, "pos1": None,
         "pos2": None, "pos3": None, "pos4": None, "lang": lang}
        for i, w in enumerate(words.split())
    ]  # fmt: skip


@pytest.fixture
def toy_tokens() -> pd.DataFrame:
    # group A (posts a1, a2): tanks ×3, talks   group B (post b1): talks ×2, gas ×2
    return pd.DataFrame(
        toks("a1", "tanks tanks") + toks("a2", "tanks talks") + toks("b1", "talks talks gas gas")
    )


TOY_GROUPS = {"a1": "A", "a2": "A", "b1": "B"}


# --------------------------------------------------------------------------- outlet_coverage


def test_coverage_counts_shares_and_empty_day(posts):
    t = outlet_coverage(posts)
    assert list(t.columns) == [
        "group", "outlet", "handle", "period", "posts", "share", "total", "ratio",
    ]  # fmt: skip
    days = pd.to_datetime(["2022-02-21", "2022-02-22", "2022-02-23"])
    nhk = t[t["group"] == "NHKニュース"]
    assert nhk["period"].tolist() == list(days)
    assert nhk["posts"].tolist() == [2, 0, 1]  # the empty day is there, with 0
    assert nhk["share"].tolist() == pytest.approx([2 / 3, 0.0, 1 / 3])
    assert nhk["total"].tolist() == [3, 3, 3]
    assert nhk["ratio"].tolist() == pytest.approx([2 / 3, 0.0, 1 / 3])
    assert set(nhk["handle"]) == {"nhk_news"}  # the most frequent spelling
    assert sorted(t["group"].unique()) == sorted([NO_OUTLET, "NHKニュース", "Reuters"])
    by_period = t.groupby("period")["share"].sum()
    assert by_period[by_period > 0].tolist() == pytest.approx([1.0, 1.0])
    assert t.groupby("group")["ratio"].sum().tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_coverage_without_fill_has_no_zero_rows(posts):
    t = outlet_coverage(posts, fill_empty=False)
    assert (t["posts"] > 0).all()
    assert pd.Timestamp("2022-02-22") not in set(t["period"])
    assert t["posts"].sum() == 6


def test_undated_posts_are_excluded_and_counted(posts):
    t = outlet_coverage(posts)
    assert t["posts"].sum() == 6
    assert t.attrs["undated_posts"] == 1
    assert t.attrs["undated_by_group"] == {"Reuters": 1}
    assert t.loc[t["group"] == "Reuters", "total"].unique().tolist() == [2]


def test_all_posts_undated_gives_empty_table():
    p = make_posts([("NHK", "nhk_news", None, "ja")])
    t = outlet_coverage(p)
    assert t.empty and "ratio" in t.columns
    assert t.attrs["undated_posts"] == 1


def test_single_outlet_dump_has_share_one():
    p = make_posts(
        [("TASS", "tass_agency", d, "en") for d in ["2022-02-21", "2022-02-21", "2022-02-23"]]
    )
    t = outlet_coverage(p)
    assert t["group"].unique().tolist() == ["TASS"]
    assert t["posts"].tolist() == [2, 0, 1]
    assert t.loc[t["posts"] > 0, "share"].tolist() == [1.0, 1.0]
    assert t.loc[t["posts"] == 0, "share"].tolist() == [0.0]  # a day nobody posted


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        ("2022-02-20", "2022-02-14"),  # Sunday belongs to the week before
        ("2022-02-21", "2022-02-21"),  # Monday
        ("2022-02-24", "2022-02-21"),  # Thursday
        ("2022-02-27 23:59", "2022-02-21"),  # Sunday night
        ("2022-03-01", "2022-02-28"),  # across a month boundary
    ],
)
def test_weekly_periods_start_on_monday(day, monday):
    t = outlet_coverage(make_posts([("BBC", "BBCWorld", day, "en")]), freq="W")
    assert t["period"].tolist() == [pd.Timestamp(monday)]
    assert t["period"].dt.day_of_week.tolist() == [0]


def test_weekly_fill_has_every_monday():
    p = make_posts(
        [("BBC", "BBCWorld", "2022-02-02", "en"), ("BBC", "BBCWorld", "2022-02-24", "en")]
    )
    t = outlet_coverage(p, freq="W")
    assert t["period"].dt.strftime("%m-%d").tolist() == ["01-31", "02-07", "02-14", "02-21"]
    assert t["posts"].tolist() == [1, 0, 0, 1]


@pytest.mark.parametrize(
    ("freq", "periods", "counts"),
    [
        ("D", ["2022-01-31", "2022-02-01"], [1, 1]),
        ("M", ["2022-01-01", "2022-02-01", "2022-03-01"], [1, 1, 1]),
    ],
)
def test_daily_and_monthly_periods(freq, periods, counts):
    dates = (
        ["2022-01-31", "2022-02-01"] if freq == "D" else ["2022-01-31", "2022-02-28", "2022-03-01"]
    )
    t = outlet_coverage(make_posts([("BBC", "BBCWorld", d, "en") for d in dates]), freq=freq)
    assert t["period"].tolist() == [pd.Timestamp(p) for p in periods]
    assert t["posts"].tolist() == counts


def test_timezone_aware_dates_use_local_calendar_day():
    p = make_posts([("NHK", "nhk_news", "2022-02-24", "ja")])
    p["posted_on"] = pd.to_datetime(["2022-02-24 23:30"]).tz_localize("Asia/Tokyo")
    t = outlet_coverage(p)
    assert t["period"].tolist() == [pd.Timestamp("2022-02-24")]


def test_registry_names_organisations_and_languages(posts, registry):
    posts = pd.concat(
        [posts, make_posts([("NHK WORLD", "NHKWorld", "2022-02-21", "en")]).assign(post_id="d:8")],
        ignore_index=True,
    )
    t = outlet_coverage(posts, outlets=registry, fill_empty=False)
    assert set(t["group"]) == {"NHK News", "NHK World", "Reuters", NO_OUTLET}
    assert set(t.loc[t["group"] == "NHK News", "handle"]) == {"NHK_NEWS"}
    ja = outlet_coverage(posts, outlets=registry, names="ja", fill_empty=False)
    assert set(ja["group"]) == {"NHKニュース", "NHKワールド", "ロイター", NO_OUTLET}
    org = outlet_coverage(posts, by="organisation", outlets=registry, fill_empty=False)
    assert list(org.columns) == ["group", "period", "posts", "share", "total", "ratio"]
    assert org.groupby("group")["posts"].sum().to_dict() == {
        NO_OUTLET: 1, "NHK": 4, "Thomson Reuters": 2,
    }  # fmt: skip
    lang = outlet_coverage(posts, by="language", outlets=registry, fill_empty=False)
    # the orphan falls back to its own lang; NHK World is English by the registry
    assert lang.groupby("group")["posts"].sum().to_dict() == {"en": 3, "ja": 4}


def test_unregistered_outlets_fall_back(posts):
    org = outlet_coverage(posts, by="organisation", fill_empty=False)
    assert set(org["group"]) == {"NHKニュース", "Reuters", NO_OUTLET}
    lang = outlet_coverage(posts, by="language", fill_empty=False)
    assert lang.groupby("group")["posts"].sum().to_dict() == {"en": 2, "ja": 4}


def test_post_groups_joins_name_only_posts_and_separates_clashing_names():
    p = make_posts(
        [
            ("Reuters", "Reuters", "2022-02-21", "en"),
            ("Reuters", None, "2022-02-21", "en"),  # no handle: joins @Reuters
            ("Kyodo", "kyodo_english", "2022-02-21", "en"),
            ("Kyodo", "kyodo_jp", "2022-02-21", "ja"),  # same name, other handle
            ("Kyodo", None, "2022-02-21", "en"),  # ambiguous name: its own group
        ]
    )
    g = post_groups(p)
    assert g.index.equals(p.index)
    assert g["group"].tolist() == [
        "Reuters", "Reuters", "Kyodo (@kyodo_english)", "Kyodo (@kyodo_jp)", "Kyodo",
    ]  # fmt: skip
    assert g["handle"].iloc[1] == "Reuters"


def test_duplicate_index_labels_are_fine(posts):
    twice = pd.concat([posts, posts.assign(post_id=posts["post_id"] + "b")])  # index 0..6 twice
    g = post_groups(twice, by="language")
    assert g.index.equals(twice.index)
    assert g["group"].tolist() == post_groups(posts, by="language")["group"].tolist() * 2
    t = outlet_coverage(twice)
    assert t["posts"].tolist() == [2 * n for n in outlet_coverage(posts)["posts"]]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"freq": "Q"}, "freq"), ({"by": "country"}, "by"), ({"names": "fr"}, "names")],
)
def test_bad_options_raise(posts, kwargs, message):
    with pytest.raises(ValueError, match=message):
        outlet_coverage(posts, **kwargs)


def test_duplicate_registry_handles_raise(posts, registry):
    dup = pd.concat([registry, registry.iloc[[0]].assign(handle="nhk_news")])
    with pytest.raises(ValueError, match="more than once"):
        outlet_coverage(posts, outlets=dup)


# --------------------------------------------------------------------------- unknown_handles


def test_unknown_handles(posts, registry):
    reg = registry[registry["handle"] != "@Reuters"]
    extra = make_posts([("ロイター", "REUTERS", "2022-02-25", "ja")]).assign(post_id="d:8")
    u = unknown_handles(pd.concat([posts, extra], ignore_index=True), reg)
    assert u["handle"].tolist() == ["Reuters"]
    row = u.iloc[0]
    assert row["posts"] == 4
    assert row["outlet"] == "Reuters"
    assert row["names"] == ["Reuters", "ロイター"]
    assert row["lang"] == "en"
    assert row["first_posted"] == pd.Timestamp("2022-02-21")
    assert row["last_posted"] == pd.Timestamp("2022-02-25")
    assert unknown_handles(posts, registry).empty


def test_unknown_handles_without_registry_lists_every_handle(posts):
    assert unknown_handles(posts, None)["posts"].tolist() == [3, 3]


# --------------------------------------------------------------------------- actors


def test_actor_table_counts_and_shares(posts, mentions):
    t = outlet_actor_table(posts, mentions)
    nhk = t[t["group"] == "NHKニュース"].set_index("actor")
    assert nhk.loc["Putin", ["posts", "mentions", "group_posts", "group_mentions"]].tolist() == [
        1, 2, 3, 3,
    ]  # fmt: skip
    assert nhk.loc["Putin", "post_share"] == pytest.approx(1 / 3)
    assert nhk.loc["Putin", "mention_share"] == pytest.approx(2 / 3)
    assert nhk.loc["Biden", "mention_share"] == pytest.approx(1 / 3)
    assert nhk.loc["Biden", ["kind", "country"]].tolist() == ["person", "USA"]
    reuters = t[t["group"] == "Reuters"]
    assert reuters["actor"].tolist() == ["Putin"]
    assert reuters["post_share"].tolist() == pytest.approx([1 / 3])  # 1 of 3 posts (undated too)
    assert t.attrs["unmatched_mentions"] == 1


@pytest.mark.parametrize(
    ("unit", "nhk", "reuters"),
    [("post", [1 / 3, 1 / 3], [1 / 3, 0.0]), ("mention", [2 / 3, 1 / 3], [1.0, 0.0])],
)
def test_actor_shares_matrix(posts, mentions, unit, nhk, reuters):
    w = outlet_actor_shares(posts, mentions, unit=unit)
    assert w.columns.tolist() == ["Putin", "Biden"]  # most frequent first
    assert w.index.tolist() == sorted([NO_OUTLET, "NHKニュース", "Reuters"])
    assert w.loc["NHKニュース"].tolist() == pytest.approx(nhk)
    assert w.loc["Reuters"].tolist() == pytest.approx(reuters)
    assert w.loc[NO_OUTLET].tolist() == [0.0, 0.0]  # a group with no mentions is a zero row


def test_actor_shares_top_n_and_japanese_labels(posts, mentions):
    m = mentions.copy()
    m.loc[m["actor_id"] == "biden", "label_ja"] = None  # falls back to label_en
    assert outlet_actor_shares(posts, m, top_n=1).columns.tolist() == ["Putin"]
    assert outlet_actor_shares(posts, m, label="label_ja").columns.tolist() == ["プーチン", "Biden"]


def test_actor_shares_without_mentions(posts, mentions):
    w = outlet_actor_shares(posts, mentions.iloc[0:0])
    assert w.shape == (3, 0)


# --------------------------------------------------------------------------- channels


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("all", {"NHKニュース": [2, 1], "Reuters": [1, 0], NO_OUTLET: [0, 0]}),
        ("occurred", {"NHKニュース": [1, 0], "Reuters": [1, 0], NO_OUTLET: [0, 0]}),
    ],
)
def test_channel_table(posts, events, status, expected):
    t = outlet_channel_table(posts, events, status=status)
    assert t.index.name == "group" and t.columns.name == "channel"
    assert t.columns.tolist() == ["RUS–USA", "FRA–RUS"][: len(t.columns)]  # most events first
    got = {g: row.reindex(["RUS–USA", "FRA–RUS"], fill_value=0).tolist() for g, row in t.iterrows()}
    assert got == expected  # a group without events is a zero row
    assert t.attrs["events_without_channel"] == 1
    assert t.dtypes.map(lambda d: d == "int64").all()


def test_channel_table_planned_only(posts, events):
    t = outlet_channel_table(posts, events, status="planned")
    assert t.columns.tolist() == ["FRA–RUS", "RUS–USA"]  # a tie: alphabetical
    assert t.loc["NHKニュース"].tolist() == [1, 1]  # e2 (d:1) and e5 (d:4)
    assert t.attrs["events_without_channel"] == 0


def test_channel_table_unmatched_events(posts, events):
    ev = pd.concat([events, events.iloc[[0]].assign(post_id="other:1")], ignore_index=True)
    assert outlet_channel_table(posts, ev).attrs["unmatched_events"] == 1


# --------------------------------------------------------------------------- fightin_words


def _hand_delta(y_i, n_i, y_j, n_j, a, a0):
    """Monroe et al. (2008) eq. 16 and 18, written out once more for the tests."""
    delta = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log((y_j + a) / (n_j + a0 - y_j - a))
    var = 1 / (y_i + a) + 1 / (y_j + a)
    return delta, var, delta / math.sqrt(var)


def test_fightin_words_flat_prior_by_hand(toy_tokens):
    fw = fightin_words(toy_tokens, TOY_GROUPS, prior=0.5, min_count=1)
    # counts: tanks: A 3, B 0; talks: A 1, B 2; gas: A 0, B 2;  n_A = 4, n_B = 4
    # flat prior α_w = 0.5 for 3 terms, α_0 = 1.5
    # tanks for A: δ = log(3.5 / (4 + 1.5 - 3 - 0.5)) - log(0.5 / (4 + 1.5 - 0 - 0.5))
    #            = log(3.5 / 2) - log(0.5 / 5) = log(17.5) ≈ 2.862
    #          var = 1/3.5 + 1/0.5 ≈ 2.286, z ≈ 1.893
    expected = {
        ("A", "tanks"): _hand_delta(3, 4, 0, 4, 0.5, 1.5),
        ("A", "talks"): _hand_delta(1, 4, 2, 4, 0.5, 1.5),
        ("A", "gas"): _hand_delta(0, 4, 2, 4, 0.5, 1.5),
        ("B", "tanks"): _hand_delta(0, 4, 3, 4, 0.5, 1.5),
        ("B", "talks"): _hand_delta(2, 4, 1, 4, 0.5, 1.5),
        ("B", "gas"): _hand_delta(2, 4, 0, 4, 0.5, 1.5),
    }
    assert math.log(17.5) == pytest.approx(expected["A", "tanks"][0])
    assert expected["A", "tanks"][2] == pytest.approx(
        math.log(17.5) / math.sqrt(1 / 3.5 + 2), rel=1e-12
    )
    got = fw.set_index(["group", "term"])
    assert got.loc[("A", "tanks"), "z"] == pytest.approx(1.89317, abs=1e-5)
    for key, (delta, var, z) in expected.items():
        assert got.loc[key, ["delta", "var", "z"]].tolist() == pytest.approx([delta, var, z])
    assert got.loc[("A", "talks"), ["count", "count_other", "total"]].tolist() == [1, 2, 3]
    assert list(fw.columns) == [
        "group",
        "term",
        "count",
        "count_other",
        "total",
        "delta",
        "var",
        "z",
    ]
    assert fw["term"].tolist() == [
        "tanks",
        "talks",
        "gas",
        "gas",
        "talks",
        "tanks",
    ]  # group, then z descending
    assert fw.attrs["group_tokens"] == {"A": 4, "B": 4}


def test_fightin_words_corpus_prior_by_hand(toy_tokens):
    fw = fightin_words(toy_tokens, TOY_GROUPS, prior="corpus", prior_scale=8.0, min_count=1)
    # corpus frequencies tanks 3, talks 3, gas 2 of N = 8  →  α = 8 · (3/8, 3/8, 2/8) = (3, 3, 2), α_0 = 8
    got = fw.set_index(["group", "term"])
    assert got.loc[("A", "tanks"), "z"] == pytest.approx(_hand_delta(3, 4, 0, 4, 3.0, 8.0)[2])
    assert got.loc[("B", "gas"), "z"] == pytest.approx(_hand_delta(2, 4, 0, 4, 2.0, 8.0)[2])
    assert got.loc[("A", "talks"), "delta"] == pytest.approx(_hand_delta(1, 4, 2, 4, 3.0, 8.0)[0])


@pytest.mark.parametrize("prior", [0.01, 0.5, "corpus"])
def test_fightin_words_two_groups_are_symmetric(toy_tokens, prior):
    fw = fightin_words(toy_tokens, TOY_GROUPS, prior=prior, min_count=1)
    a = fw[fw["group"] == "A"].set_index("term")["z"].sort_index()
    b = fw[fw["group"] == "B"].set_index("term")["z"].sort_index()
    pdt.assert_series_equal(a, -b, check_names=False)
    assert a["tanks"] > 0  # used only by A
    assert b["gas"] > 0 and a["gas"] < 0  # used only by B


def test_fightin_words_more_than_two_groups(toy_tokens):
    extra = pd.DataFrame(toks("c1", "gas tanks tanks"))
    fw = fightin_words(pd.concat([toy_tokens, extra]), {**TOY_GROUPS, "c1": "C"}, min_count=1)
    assert len(fw) == 3 * 3
    c = fw[fw["group"] == "C"].set_index("term")
    assert c.loc["tanks", ["count", "count_other", "total"]].tolist() == [2, 3, 5]
    assert (fw.groupby("term")["total"].nunique() == 1).all()


def test_fightin_words_min_count_groups_and_series(toy_tokens):
    fw = fightin_words(toy_tokens, pd.Series(TOY_GROUPS), prior=0.5, min_count=3)
    assert sorted(fw["term"].unique()) == ["talks", "tanks"]
    # a post without a group is ignored
    fw2 = fightin_words(toy_tokens, {"a1": "A", "b1": "B"}, prior=0.5, min_count=1)
    assert fw2.attrs["group_tokens"] == {"A": 2, "B": 4}


def test_fightin_words_background_prior(toy_tokens):
    bg = pd.DataFrame(toks("r1", "tanks talks talks talks war war"))
    fw = fightin_words(toy_tokens, TOY_GROUPS, background=bg, prior_scale=10.0, min_count=1)
    # add-one smoothed background over the vocabulary tanks, talks, gas: (1+1, 3+1, 0+1) / 7
    alpha_tanks, alpha_gas = 10 * 2 / 7, 10 * 1 / 7
    got = fw.set_index(["group", "term"])
    assert got.loc[("A", "tanks"), "z"] == pytest.approx(
        _hand_delta(3, 4, 0, 4, alpha_tanks, 10.0)[2]
    )
    assert got.loc[("B", "gas"), "z"] == pytest.approx(_hand_delta(2, 4, 0, 4, alpha_gas, 10.0)[2])
    assert np.isfinite(fw["z"]).all()


@pytest.mark.parametrize(
    ("kwargs", "groups", "message"),
    [
        ({"prior": 0.5, "background": pd.DataFrame(toks("r", "tanks"))}, TOY_GROUPS, "background"),
        ({"prior": 0}, TOY_GROUPS, "prior"),
        ({"prior_scale": -1.0}, TOY_GROUPS, "prior_scale"),
    ],
)
def test_fightin_words_errors(toy_tokens, kwargs, groups, message):
    with pytest.raises(ValueError, match=message):
        fightin_words(toy_tokens, groups, **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "groups", "message"),
    [
        ({}, {"a1": "A", "a2": "A"}, "two groups"),
        ({"min_count": 10}, TOY_GROUPS, "min_count"),
    ],
)
def test_fightin_words_nothing_to_contrast_is_empty_not_an_error(toy_tokens, kwargs, groups, message):
    """A one-language or one-outlet dump must not break a notebook rerun."""
    with pytest.warns(UserWarning, match=message):
        fw = fightin_words(toy_tokens, groups, **kwargs)
    assert fw.empty and list(fw.columns)[:2] == ["group", "term"]


def test_clean_terms_filters():
    rows = toks("p", "The Kremlin said 2022 talks , https://t.co/x @nhk_news Talks s") + [
        {"post_id": "q", "sentence_id": 0, "i": i, "surface": s, "lemma": lem, "pos1": p1,
         "pos2": p2, "pos3": None, "pos4": None, "lang": "ja"}
        for i, (s, lem, p1, p2) in enumerate([
            ("ロシア", "ロシア", "名詞", "固有名詞"),
            ("が", "が", "助詞", "格助詞"),
            ("テレビ", "テレビ-television", "名詞", "普通名詞"),
            ("三", "三", "名詞", "数詞"),
            ("。", "。", "補助記号", "句点"),
            ("し", "為る", "動詞", "非自立可能"),
            ("侵攻", "*", "名詞", "普通名詞"),
        ])
    ]  # fmt: skip
    tokens = pd.DataFrame(rows)
    assert clean_terms(tokens)["term"].tolist() == [
        "kremlin", "talks", "talks", "ロシア", "テレビ", "侵攻",
    ]  # fmt: skip
    kept = clean_terms(tokens, remove_stopwords=False)["term"].tolist()
    assert "the" in kept and "が" in kept and "為る" in kept
    assert not {",", "2022", "三", "。", "https://t.co/x", "@nhk_news"} & set(kept)
    assert clean_terms(tokens, lang="ja")["post_id"].unique().tolist() == ["q"]
    assert 100 <= len(STOPWORDS_EN) <= 250


# --------------------------------------------------------------------------- inputs untouched

CALLS = [
    ("outlet_coverage", lambda p, r, m, e, t: outlet_coverage(p, outlets=r, freq="W")),
    ("outlet_coverage_lang", lambda p, r, m, e, t: outlet_coverage(p, by="language", outlets=r)),
    ("post_groups", lambda p, r, m, e, t: post_groups(p, outlets=r)),
    ("unknown_handles", lambda p, r, m, e, t: unknown_handles(p, r)),
    ("outlet_actor_table", lambda p, r, m, e, t: outlet_actor_table(p, m, outlets=r)),
    ("outlet_actor_shares", lambda p, r, m, e, t: outlet_actor_shares(p, m, unit="mention")),
    ("outlet_channel_table", lambda p, r, m, e, t: outlet_channel_table(p, e, status="occurred")),
    ("fightin_words", lambda p, r, m, e, t: fightin_words(t, pd.Series(TOY_GROUPS), min_count=1)),
    ("clean_terms", lambda p, r, m, e, t: clean_terms(t)),
]


@pytest.mark.parametrize("call", [c for _, c in CALLS], ids=[n for n, _ in CALLS])
def test_inputs_are_not_mutated(posts, registry, mentions, events, toy_tokens, call):
    inputs = (posts, registry, mentions, events, toy_tokens)
    before = copy.deepcopy(inputs)
    out = call(*inputs)
    assert isinstance(out, pd.DataFrame)
    for frame, saved in zip(inputs, before, strict=True):
        pdt.assert_frame_equal(frame, saved)
        assert out is not frame
