"""Tests for crisisnotes.dumps.timeline (GUIDELINES §1 segmentation) through ``read_dump``.

Every dump below is a small hand-written text in the copied-timeline format; the
expected posts are ``(line_start, line_end, handle, date, text)`` and the expected
unassigned lines ``(line, reason)``, with 1-based raw-file line numbers.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from crisisnotes.dumps import POSTS_COLUMNS, UNASSIGNED_COLUMNS, read_dump
from crisisnotes.dumps.timeline import (
    find_hashtags,
    find_urls,
    parse_attribution,
    segment_lines,
    stray_reason,
)

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO.parent / "shared" / "seed"
SEED_DUMP = SEED_DIR / "000_eb35837e95dd632a.txt"
SEED_GOLD = SEED_DIR / "gold_seed.json"


def D(*lines: str) -> str:
    """A dump from its lines (LF line ends, final newline)."""
    return "\n".join(lines) + "\n"


def A(name: str, handle: str, date: str) -> str:
    """An attribution line."""
    return f"— {name} (@{handle}) {date}"


def read_text(tmp_path: Path, text: str, *, raw: bytes | None = None, name: str = "d.txt"):
    p = tmp_path / name
    p.write_bytes(raw if raw is not None else text.encode("utf-8"))
    return read_dump(p)


def as_tuples(tables) -> tuple[list[tuple], list[tuple]]:
    posts = [
        (
            int(r.line_start),
            int(r.line_end),
            None if pd.isna(r.handle) else r.handle,
            None if pd.isna(r.posted_on) else r.posted_on.date().isoformat(),
            r.text,
        )
        for r in tables.posts.itertuples()
    ]
    unassigned = [(int(r.line), r.reason) for r in tables.unassigned.itertuples()]
    return posts, unassigned


# --------------------------------------------------------------------------- segmentation table

RT = "https://t.co/Rt0001"
NHK = A("東京テレビ", "tokyo_tv", "2022年1月26日")

CASES = [
    pytest.param(
        D("外相会談で緊張緩和を協議 https://t.co/aaa111", NHK, "両外相は26日に会談した。"),
        [(1, 3, "tokyo_tv", "2022-01-26", "外相会談で緊張緩和を協議 https://t.co/aaa111")],
        [],
        id="one-line-tweet-ja-with-body",
    ),
    pytest.param(
        D(
            "#BREAKING",
            "Envoys meet in Vienna https://t.co/bbb",
            A("Wire", "wire", "Jan 26, 2022"),
            "Body.",
        ),
        [(1, 4, "wire", "2022-01-26", "#BREAKING\nEnvoys meet in Vienna https://t.co/bbb")],
        [],
        id="breaking-line-plus-headline",
    ),
    pytest.param(
        D("Ministers agree to resume talks", "https://t.co/ccc", A("Wire", "wire", "Jan 26, 2022")),
        [(1, 3, "wire", "2022-01-26", "Ministers agree to resume talks\nhttps://t.co/ccc")],
        [],
        id="headline-plus-bare-url-line",
    ),
    pytest.param(
        D(
            "Earlier story ends here.",
            "Ministers agree to resume talks.",
            "https://t.co/ccc",
            A("Wire", "wire", "Jan 26, 2022"),
        ),
        [
            (1, 1, None, None, ""),
            (2, 4, "wire", "2022-01-26", "Ministers agree to resume talks.\nhttps://t.co/ccc"),
        ],
        [],
        id="headline-with-full-stop-above-bare-url",
    ),
    pytest.param(
        D(
            "Leaders to meet",
            "in Geneva next week https://t.co/ddd",
            A("Wire", "wire", "Jan 26, 2022"),
        ),
        [(1, 3, "wire", "2022-01-26", "Leaders to meet\nin Geneva next week https://t.co/ddd")],
        [],
        id="headline-over-two-lines",
    ),
    pytest.param(
        D("首脳が電話で協議 https://t.co/e1", A("速報ニュース", "sokuho", "２０２２年２月２４日")),
        [(1, 2, "sokuho", "2022-02-24", "首脳が電話で協議 https://t.co/e1")],
        [],
        id="date-fullwidth-digits",
    ),
    pytest.param(
        D(
            "Talks end without a deal https://t.co/e2",
            A("The Daily Planet", "dailyplanet", "January 26, 2022"),
        ),
        [(1, 2, "dailyplanet", "2022-01-26", "Talks end without a deal https://t.co/e2")],
        [],
        id="date-long-english-name-with-spaces",
    ),
    pytest.param(
        D("Sanctions list grows https://t.co/e3", A("Wire", "wire", "Jan 26, 2022")),
        [(1, 2, "wire", "2022-01-26", "Sanctions list grows https://t.co/e3")],
        [],
        id="date-short-english",
    ),
    pytest.param(
        D("Troops move north https://t.co/e4", A("Globe Desk", "globedesk", "Feb. 24, 2022")),
        [(1, 2, "globedesk", "2022-02-24", "Troops move north https://t.co/e4")],
        [],
        id="date-abbrev-with-dot",
    ),
    pytest.param(
        D("Summit called off https://t.co/e5", A("Euro Times", "eurotimes", "24 February 2022")),
        [(1, 2, "eurotimes", "2022-02-24", "Summit called off https://t.co/e5")],
        [],
        id="date-day-first",
    ),
    pytest.param(
        D("停戦交渉が再開 https://t.co/e6", A("日本放送ニュース", "nihon_hoso", "2022年3月1日")),
        [(1, 2, "nihon_hoso", "2022-03-01", "停戦交渉が再開 https://t.co/e6")],
        [],
        id="japanese-display-name",
    ),
    pytest.param(
        D("Grain corridor reopens https://t.co/e7", A("Kyiv Wire 🇺🇦⚡", "kyivwire", "Mar 2, 2022")),
        [(1, 2, "kyivwire", "2022-03-02", "Grain corridor reopens https://t.co/e7")],
        [],
        id="emoji-display-name",
    ),
    pytest.param(
        D("大使を召還 https://t.co/e8", "— ニュース速報（＠flash_jp）2022年3月1日"),
        [(1, 2, "flash_jp", "2022-03-01", "大使を召還 https://t.co/e8")],
        [],
        id="fullwidth-parentheses-and-at",
    ),
    pytest.param(
        D("大使を召還 https://t.co/e9", "— 速報（＠ｆｌａｓｈ＿ｊｐ）2022年3月1日"),
        [(1, 2, "flash_jp", "2022-03-01", "大使を召還 https://t.co/e9")],
        [],
        id="fullwidth-handle-folded",
    ),
    pytest.param(
        D("協議は平行線 https://t.co/f1", NHK, "第1段落です。", "", "第2段落です。", "", ""),
        [(1, 5, "tokyo_tv", "2022-01-26", "協議は平行線 https://t.co/f1")],
        [],
        id="body-with-blank-lines-inside",
    ),
    pytest.param(
        D(
            "",
            "",
            "協議は平行線 https://t.co/f2",
            NHK,
            "",
            "本文。",
            "",
            "",
            "次の見出し https://t.co/f3",
            NHK,
        ),
        [
            (3, 6, "tokyo_tv", "2022-01-26", "協議は平行線 https://t.co/f2"),
            (9, 10, "tokyo_tv", "2022-01-26", "次の見出し https://t.co/f3"),
        ],
        [],
        id="leading-and-separating-blank-lines",
    ),
    pytest.param(
        D(
            "見出し一 https://t.co/g1",
            NHK,
            "見出し二 https://t.co/g2",
            NHK,
            "見出し三 https://t.co/g3",
            NHK,
        ),
        [
            (1, 2, "tokyo_tv", "2022-01-26", "見出し一 https://t.co/g1"),
            (3, 4, "tokyo_tv", "2022-01-26", "見出し二 https://t.co/g2"),
            (5, 6, "tokyo_tv", "2022-01-26", "見出し三 https://t.co/g3"),
        ],
        [],
        id="consecutive-tweets-without-bodies",
    ),
    pytest.param(
        D(
            "Soldiers find comfort in stray dogs",
            A("Photo Agency", "photoagency", "January 26, 2022"),
            "Footage shot on 9 January. pic.twitter.com/Vid001",
            "What if gas stops flowing? A scenario https://t.co/h2",
            A("The Weekly", "theweekly", "January 26, 2022"),
        ),
        [
            (1, 3, "photoagency", "2022-01-26", "Soldiers find comfort in stray dogs"),
            (
                4,
                5,
                "theweekly",
                "2022-01-26",
                "What if gas stops flowing? A scenario https://t.co/h2",
            ),
        ],
        [],
        id="seed-rule-line-after-attribution-is-body",
    ),
    pytest.param(
        D(
            "Headline one https://t.co/h3",
            A("Wire", "wire", "Jan 26, 2022"),
            "Photo gallery",
            "Headline two https://t.co/h4",
            A("Wire", "wire", "Jan 27, 2022"),
        ),
        [
            (1, 3, "wire", "2022-01-26", "Headline one https://t.co/h3"),
            (4, 5, "wire", "2022-01-27", "Headline two https://t.co/h4"),
        ],
        [],
        id="unpunctuated-line-after-attribution-is-body",
    ),
    pytest.param(
        D(
            "Headline one https://t.co/h5",
            A("Wire", "wire", "Jan 26, 2022"),
            "",
            "Photo gallery",
            "Headline two https://t.co/h6",
            A("Wire", "wire", "Jan 27, 2022"),
        ),
        [
            (1, 2, "wire", "2022-01-26", "Headline one https://t.co/h5"),
            (4, 6, "wire", "2022-01-27", "Photo gallery\nHeadline two https://t.co/h6"),
        ],
        [],
        id="blank-separates-attribution-from-next-tweet-head",
    ),
    pytest.param(
        D(
            "Headline one https://t.co/h7",
            A("Wire", "wire", "Jan 26, 2022"),
            "#BREAKING",
            "Headline two https://t.co/h8",
            A("Wire", "wire", "Jan 27, 2022"),
        ),
        [
            (1, 2, "wire", "2022-01-26", "Headline one https://t.co/h7"),
            (3, 5, "wire", "2022-01-27", "#BREAKING\nHeadline two https://t.co/h8"),
        ],
        [],
        id="breaking-right-after-attribution-heads-next-tweet",
    ),
    pytest.param(
        D("#速報", "首相が声明 https://t.co/h9", NHK),
        [(1, 3, "tokyo_tv", "2022-01-26", "#速報\n首相が声明 https://t.co/h9")],
        [],
        id="japanese-breaking-tag",
    ),
    pytest.param(
        D("前の記事の続きです。", "さらに続きます。", "見出し https://t.co/i1", NHK, "本文。"),
        [
            (1, 2, None, None, ""),
            (3, 5, "tokyo_tv", "2022-01-26", "見出し https://t.co/i1"),
        ],
        [],
        id="orphan-body-before-first-tweet",
    ),
    pytest.param(
        D("只の本文です。", "", "もう一段落。"),
        [(1, 3, None, None, "")],
        [],
        id="file-without-attribution-is-one-orphan",
    ),
    pytest.param(
        D("本文。", "見出し https://t.co/i2", NHK),
        [(1, 1, None, None, ""), (2, 3, "tokyo_tv", "2022-01-26", "見出し https://t.co/i2")],
        [],
        id="punctuated-line-above-tweet-not-absorbed",
    ),
    pytest.param(
        D(
            "見出し https://t.co/j1",
            NHK,
            "本文。",
            "#NATOexpansion",
            "次の見出し https://t.co/j2",
            NHK,
        ),
        [
            (1, 3, "tokyo_tv", "2022-01-26", "見出し https://t.co/j1"),
            (5, 6, "tokyo_tv", "2022-01-26", "次の見出し https://t.co/j2"),
        ],
        [(4, "hashtag_only")],
        id="hashtag-line-between-posts",
    ),
    pytest.param(
        D("見出し https://t.co/j3", NHK, "本文。", "#反ロシア#対中露戦"),
        [(1, 3, "tokyo_tv", "2022-01-26", "見出し https://t.co/j3")],
        [(4, "hashtag_only")],
        id="chained-hashtags-trailing",
    ),
    pytest.param(
        D(
            "見出し https://t.co/j4",
            NHK,
            "ロイターさんがリツイート",
            "次の見出し https://t.co/j5",
            NHK,
        ),
        [
            (1, 2, "tokyo_tv", "2022-01-26", "見出し https://t.co/j4"),
            (4, 5, "tokyo_tv", "2022-01-26", "次の見出し https://t.co/j5"),
        ],
        [(3, "retweet_marker")],
        id="retweet-marker-ja",
    ),
    pytest.param(
        D("Reuters Retweeted", "Headline https://t.co/j6", A("Reuters", "Reuters", "Jan 26, 2022")),
        [(2, 3, "Reuters", "2022-01-26", "Headline https://t.co/j6")],
        [(1, "retweet_marker")],
        id="retweet-marker-en-at-top",
    ),
    pytest.param(
        D(
            "Headline https://t.co/j7",
            A("Wire", "wire", "Jan 26, 2022"),
            "Body.",
            "",
            "#Ukraine #Russia",
            "Wire Retweeted",
            "",
        ),
        [(1, 3, "wire", "2022-01-26", "Headline https://t.co/j7")],
        [(5, "hashtag_only"), (6, "retweet_marker")],
        id="trailing-stray-lines",
    ),
    pytest.param(
        D(
            "Headline https://t.co/j8",
            A("Wire", "wire", "Jan 26, 2022"),
            "Translate Tweet",
            "Next https://t.co/j9",
            A("Wire", "wire", "Jan 26, 2022"),
        ),
        [
            (1, 2, "wire", "2022-01-26", "Headline https://t.co/j8"),
            (4, 5, "wire", "2022-01-26", "Next https://t.co/j9"),
        ],
        [(3, "ui_chrome")],
        id="ui-chrome-between-posts",
    ),
    pytest.param(
        D("Headline https://t.co/k1", "#Ukraine", A("Wire", "wire", "Jan 26, 2022")),
        [(1, 3, "wire", "2022-01-26", "Headline https://t.co/k1\n#Ukraine")],
        [],
        id="hashtag-line-directly-above-attribution-ends-tweet",
    ),
    pytest.param(
        D("Headline https://t.co/k2", "", A("Wire", "wire", "Jan 26, 2022"), "Body."),
        [(1, 4, "wire", "2022-01-26", "Headline https://t.co/k2")],
        [],
        id="blank-line-between-tweet-and-attribution",
    ),
    pytest.param(
        D(
            "Headline https://t.co/k3",
            A("Wire", "wire", "Jan 26, 2022"),
            "Body ends.",
            "",
            A("Wire", "wire", "Jan 27, 2022"),
        ),
        [
            (1, 3, "wire", "2022-01-26", "Headline https://t.co/k3"),
            (5, 5, "wire", "2022-01-27", ""),
        ],
        [],
        id="attribution-without-tweet-text",
    ),
    pytest.param(
        D(A("Wire", "wire", "Jan 26, 2022"), "Body only."),
        [(1, 2, "wire", "2022-01-26", "")],
        [],
        id="attribution-on-first-line",
    ),
    pytest.param(
        D(
            "Headline https://t.co/k4",
            A("Wire", "wire", "Jan 26, 2022"),
            "— Lavrov (@mfa_russia) said the talks were useful.",
            "More body.",
        ),
        [(1, 4, "wire", "2022-01-26", "Headline https://t.co/k4")],
        [],
        id="dash-quote-with-handle-in-body-is-not-attribution",
    ),
    pytest.param(
        D("見出し https://t.co/k5", A("東京テレビ", "tokyo_tv", "2022年2月30日"), "本文。"),
        [(1, 3, "tokyo_tv", None, "見出し https://t.co/k5")],
        [],
        id="impossible-date-keeps-post",
    ),
    pytest.param(
        D("見出し https://t.co/k6", A("東京テレビ", "tokyo_tv", "2022年3月11日"), "本文は日本語で終わる。",
          "A weekly says it wants calm.", "Its actions tell another story https://t.co/k7",
          A("Weekly", "weekly", "March 12, 2022")),
        [(1, 3, "tokyo_tv", "2022-03-11", "見出し https://t.co/k6"),
         (4, 6, "weekly", "2022-03-12", "A weekly says it wants calm.\nIts actions tell another story https://t.co/k7")],
        [],
        id="a-whole-sentence-in-the-tweets-script-under-a-body-in-another-opens-the-tweet",
    ),
    pytest.param(
        D("Headline https://t.co/k6", A("Wire", "wire", "Mar 11, 2022"), "The body ends here.",
          "Another body sentence.", "Its actions tell another story https://t.co/k7",
          A("Weekly", "weekly", "March 12, 2022")),
        [(1, 4, "wire", "2022-03-11", "Headline https://t.co/k6"),
         (5, 6, "weekly", "2022-03-12", "Its actions tell another story https://t.co/k7")],
        [],
        id="a-whole-sentence-in-the-bodys-script-stays-body",
    ),
]


@pytest.mark.parametrize(("dump", "posts", "unassigned"), CASES)
def test_segmentation(tmp_path, dump, posts, unassigned):
    got_posts, got_unassigned = as_tuples(read_text(tmp_path, dump))
    assert got_posts == posts
    assert got_unassigned == unassigned


# --------------------------------------------------------------------------- line ends, BOM

LINE_END_CASES = [
    pytest.param(
        b"Headline https://t.co/x1\r\n\xe2\x80\x94 Wire (@wire) Jan 26, 2022\r\nBody.\r\n",
        id="crlf",
    ),
    pytest.param(
        b"Headline https://t.co/x1\r\xe2\x80\x94 Wire (@wire) Jan 26, 2022\rBody.\r", id="lone-cr"
    ),
    pytest.param(
        b"Headline https://t.co/x1\n\xe2\x80\x94 Wire (@wire) Jan 26, 2022\r\nBody.\r", id="mixed"
    ),
    pytest.param(
        b"\xef\xbb\xbfHeadline https://t.co/x1\n\xe2\x80\x94 Wire (@wire) Jan 26, 2022\nBody.\n",
        id="utf8-bom",
    ),
]


@pytest.mark.parametrize("raw", LINE_END_CASES)
def test_line_ends_and_bom(tmp_path, raw):
    tables = read_text(tmp_path, "", raw=raw)
    posts, unassigned = as_tuples(tables)
    assert posts == [(1, 3, "wire", "2022-01-26", "Headline https://t.co/x1")]
    assert unassigned == []
    assert tables.posts.loc[0, "body"] == "Body."
    assert "\r" not in tables.posts.loc[0, "text"] + tables.posts.loc[0, "body"]


# --------------------------------------------------------------------------- post fields

URL_TAG_CASES = [
    pytest.param(
        D("見出し #nhk_news https://t.co/AbC123", NHK, "本文。"),
        ["https://t.co/AbC123"],
        ["nhk_news"],
        id="tco-and-hashtag",
    ),
    pytest.param(
        D("Look https://t.co/Zz9 pic.twitter.com/Pic42", A("W", "w", "Jan 1, 2022")),
        ["https://t.co/Zz9", "pic.twitter.com/Pic42"],
        [],
        id="tco-and-pic-twitter",
    ),
    pytest.param(
        D("見出し #反ロシア#対中露戦 https://t.co/q", NHK),
        ["https://t.co/q"],
        ["反ロシア", "対中露戦"],
        id="chained-hashtags-count-twice",
    ),
    pytest.param(
        D(
            "Head https://t.co/q1",
            A("W", "w", "Jan 1, 2022"),
            "Body cites (https://t.co/q2). #Kyiv",
        ),
        ["https://t.co/q1", "https://t.co/q2"],
        ["Kyiv"],
        id="urls-in-body-punctuation-trimmed",
    ),
    pytest.param(
        D("No links, just words #1 and C#", A("W", "w", "Jan 1, 2022")),
        [],
        [],
        id="no-urls-no-hashtags",
    ),
]


@pytest.mark.parametrize(("dump", "urls", "hashtags"), URL_TAG_CASES)
def test_urls_and_hashtags(tmp_path, dump, urls, hashtags):
    post = read_text(tmp_path, dump).posts.iloc[-1]
    assert list(post["urls"]) == urls
    assert list(post["hashtags"]) == hashtags


def test_orphan_post_fields(tmp_path):
    dump = D("前の記事の続きです。", "", "さらに続きます。", "見出し https://t.co/o1", NHK)
    posts = read_text(tmp_path, dump).posts
    orphan = posts.iloc[0]
    assert orphan["is_orphan"]
    assert pd.isna(orphan["handle"]) and pd.isna(orphan["outlet"]) and pd.isna(orphan["posted_on"])
    assert orphan["text"] == ""
    assert orphan["body"] == "前の記事の続きです。\n\nさらに続きます。"
    assert pd.isna(orphan["text_line_end"])
    assert not posts.iloc[1]["is_orphan"]


def test_post_columns_and_ids(tmp_path):
    dump = D("見出し https://t.co/p1", NHK, "一段落。", "", "二段落。")
    tables = read_text(tmp_path, dump, name="my dump.txt")
    assert list(tables.posts.columns) == POSTS_COLUMNS
    assert list(tables.unassigned.columns) == UNASSIGNED_COLUMNS
    post = tables.posts.iloc[0]
    assert post["post_id"] == "my dump.txt:1"
    assert post["source"] == "my dump.txt"
    assert post["outlet"] == "東京テレビ"
    assert post["text_line_end"] == 1 and post["body_line_start"] == 3
    assert post["body"] == "一段落。\n\n二段落。"
    assert post["lang"] == "ja"
    assert str(tables.posts["posted_on"].dtype).startswith("datetime64")


def test_impossible_date_warning_names_file_and_line(tmp_path):
    dump = D("", "見出し https://t.co/k5", A("東京テレビ", "tokyo_tv", "2022年2月30日"), "本文。")
    tables = read_text(tmp_path, dump)
    post = tables.posts.iloc[0]
    assert pd.isna(post["posted_on"])
    assert "impossible date" in post["date_error"]
    assert post["date_raw"] == "2022年2月30日"
    path = tmp_path / "d.txt"
    assert any(w.startswith(f"{path}:3:") and "2022年2月30日" in w for w in tables.warnings)


def test_empty_file(tmp_path):
    tables = read_text(tmp_path, "")
    assert tables.posts.empty and tables.unassigned.empty


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "— Reuters (@Reuters) Jan 26, 2022", ("Reuters", "Reuters", "2022-01-26"), id="en"
        ),
        pytest.param(
            "―ロイター（＠ReutersJapan）2022年1月26日",
            ("ロイター", "ReutersJapan", "2022-01-26"),
            id="ja-bar",
        ),
        pytest.param(
            "-- BBC News (World) (@BBCWorld) 24 February 2022",
            ("BBC News (World)", "BBCWorld", "2022-02-24"),
            id="name-with-parens",
        ),
        pytest.param("— (@nobody) Jan 26, 2022", None, id="no-name"),
        pytest.param("— Lavrov (@mfa_russia) told reporters", None, id="running-text"),
        pytest.param("Headline https://t.co/x", None, id="not-attribution"),
    ],
)
def test_parse_attribution(line, expected):
    a = parse_attribution(line)
    got = None if a is None else (a.outlet, a.handle, a.date.isoformat())
    assert got == expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param("#NATOexpansion", "hashtag_only", id="hashtag"),
        pytest.param("#反ロシア#対中露戦", "hashtag_only", id="chained-hashtags"),
        pytest.param("＃ウクライナ　＃ロシア", "hashtag_only", id="fullwidth-hashtags"),
        pytest.param("ロイターさんがリツイート", "retweet_marker", id="rt-ja"),
        pytest.param("Reuters Retweeted", "retweet_marker", id="rt-en"),
        pytest.param("NHK reposted", "retweet_marker", id="repost-en"),
        pytest.param("Show this thread", "ui_chrome", id="ui"),
        pytest.param("#BREAKING", None, id="breaking-is-tweet-head"),
        pytest.param("The post was widely retweeted", None, id="headline-mentioning-retweets"),
        pytest.param("本文です。", None, id="body"),
    ],
)
def test_stray_reason(line, reason):
    assert stray_reason(line) == reason


def test_find_urls_and_hashtags_helpers():
    assert find_urls("「詳細はhttps://t.co/Ab1」と") == ["https://t.co/Ab1"]
    assert find_urls("(https://en.wikipedia.org/wiki/A_(b))") == [
        "https://en.wikipedia.org/wiki/A_(b)"
    ]
    assert find_hashtags("https://t.co/x#frag #ok") == ["ok"]


def test_segment_lines_quarantines_bad_lines():
    lines = ["見出し https://t.co/z", NHK, "本文。", "壊れ\ufffd"]
    posts, unassigned = segment_lines(lines, source="s.txt", bad_lines=[4])
    assert [(p["line_start"], p["line_end"]) for p in posts] == [(1, 3)]
    assert [(u["line"], u["reason"]) for u in unassigned] == [(4, "undecodable")]


# --------------------------------------------------------------------------- seed dump


def _norm(s) -> str:
    """Same folding as shared/tools/score.py: NFKC, newlines, whitespace runs."""
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return ""
    s = unicodedata.normalize("NFKC", str(s)).replace("\r\n", "\n").replace("\r", "\n")
    return " ".join(s.split())


@pytest.mark.seed
def test_seed_segmentation_matches_gold():
    if not (SEED_DUMP.is_file() and SEED_GOLD.is_file()):
        pytest.skip(
            f"seed dump/gold not found under {SEED_DIR} (needs ../shared/seed beside the repo)"
        )
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["posts"]
    tables = read_dump(SEED_DUMP)
    posts = tables.posts.sort_values("line_start").reset_index(drop=True)
    assert len(posts) == len(gold) == 9
    for i, (g, (_, p)) in enumerate(zip(gold, posts.iterrows(), strict=True)):
        got = (p["handle"], p["outlet"], p["posted_on"].date().isoformat())
        assert got == (g["handle"], g["outlet"], g["date"]), f"post {i}"
        start = _norm(p["text"]) or _norm(p["body"])
        assert start[:12] == _norm(g["text_starts"])[:12], f"post {i}"

    raw = SEED_DUMP.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    count = {i + 1: 0 for i, ln in enumerate(raw.split("\n")) if ln.strip()}
    for p in posts.itertuples():
        for n in range(p.line_start, p.line_end + 1):
            if n in count:
                count[n] += 1
    for n in tables.unassigned["line"]:
        count[int(n)] += 1
    assert [n for n, c in count.items() if c == 0] == [], "lines lost"
    assert [n for n, c in count.items() if c > 1] == [], "lines doubled"
    assert sorted(tables.unassigned["reason"]) == ["hashtag_only", "hashtag_only"]
