"""Dump formats beside copied timeline text: JSON tweet archives, CSV, saved pages; one corpus from many.

Every fixture is written here, in the project's own words.
"""

from __future__ import annotations

import csv
import io
import json
import warnings

import pandas as pd
import pytest

import crisisnotes
from crisisnotes.accounting import account_lines, raw_lines
from crisisnotes.corpus import DUMP_SUFFIXES
from crisisnotes.dumps import DumpError, read_dump

# ------------------------------------------------------------------ the same three posts, four ways
NHK_TEXT = "米ロ外相がジュネーブで会談へ 緊張緩和を協議 https://t.co/Gv1aB2"
REUTERS_TEXT = "Foreign ministers end talks in Geneva without a breakthrough https://t.co/Rt9xY1"
DESK_TEXT = "【速報】首脳電話会談の日程を調整\n詳細は追って https://t.co/Qm3Zp7"
EXPECTED = [
    (NHK_TEXT, "nhk_news", pd.Timestamp("2022-01-21")),
    (REUTERS_TEXT, "Reuters", pd.Timestamp("2022-01-21")),
    (DESK_TEXT, "tokyo_desk", pd.Timestamp("2022-01-22")),
]
TIMELINE = "\n".join([
    NHK_TEXT,
    "— NHKニュース (@nhk_news) 2022年1月21日",
    "両外相は21日、ジュネーブで会談する予定だ。",
    "",
    REUTERS_TEXT,
    "— Reuters (@Reuters) January 21, 2022",
    "The two sides agreed to keep talking.",
    "",
    *DESK_TEXT.split("\n"),
    "— 東京デスク (@tokyo_desk) 2022年1月22日",
    "",
])  # fmt: skip
# 23:15 UTC on the 20th is 08:15 on the 21st in Tokyo: the local date is the 21st.
TWEETS = [
    {"id": "101", "text": NHK_TEXT, "created_at": "2022-01-20T23:15:00.000Z", "lang": "ja",
     "author": {"id": "1", "username": "nhk_news", "name": "NHKニュース"}},
    {"id": "102", "text": REUTERS_TEXT, "created_at": "2022-01-21T15:40:00.000Z", "lang": "en",
     "author": {"id": "2", "username": "Reuters", "name": "Reuters"}},
    {"id": "103", "text": DESK_TEXT, "created_at": "2022-01-22T03:00:00.000Z", "lang": "ja",
     "author": {"id": "3", "username": "tokyo_desk", "name": "東京デスク"}},
]  # fmt: skip
TWARC_CSV_HEADER = ["id", "conversation_id", "referenced_tweets.retweeted.id", "author_id",
                    "created_at", "text", "lang", "entities.hashtags", "entities.urls",
                    "author.id", "author.username", "author.name"]  # fmt: skip


def twarc_csv(tweets: list[dict]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(TWARC_CSV_HEADER)
    for t in tweets:
        a = t["author"]
        rt = next((r["id"] for r in t.get("referenced_tweets", []) if r["type"] == "retweeted"), "")
        tags = json.dumps(["#" + h for h in t.get("tags", [])]) if t.get("tags") else ""
        w.writerow([t["id"], t["id"], rt, a["id"], t["created_at"],
                    t["text"].replace("\n", r"\n"), t["lang"], tags, "", a["id"], a["username"],
                    a["name"]])  # fmt: skip
    return out.getvalue()


def embed(text: str, name: str, handle: str, date: str, lang: str = "ja") -> str:
    body = text.replace("&", "&amp;").replace("\n", "<br>")
    return (
        f'<blockquote class="twitter-tweet"><p lang="{lang}" dir="ltr">{body}</p>&mdash; {name} '
        f'(@{handle}) <a href="https://twitter.com/{handle}/status/1?ref_src=twsrc%5Etfw">{date}</a>'
        "</blockquote>\n"
        '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
    )


PAGE_OF_THREE = "\n".join([
    "<!DOCTYPE html>", "<html><head><title>まとめ</title></head><body>",
    embed(NHK_TEXT, "NHKニュース", "nhk_news", "2022年1月21日"),
    embed(REUTERS_TEXT, "Reuters", "Reuters", "January 21, 2022", "en"),
    embed(DESK_TEXT, "東京デスク", "tokyo_desk", "2022年1月22日"),
    "</body></html>", "",
])  # fmt: skip


@pytest.fixture(scope="module")
def four_ways(tmp_path_factory):
    d = tmp_path_factory.mktemp("four_ways")
    (d / "copied.txt").write_text(TIMELINE, encoding="utf-8")
    (d / "flat.jsonl").write_text(
        "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in TWEETS), encoding="utf-8"
    )
    (d / "table.csv").write_text(twarc_csv(TWEETS), encoding="utf-8")
    (d / "page.html").write_text(PAGE_OF_THREE, encoding="utf-8")
    return d


def rows(posts: pd.DataFrame) -> list[tuple]:
    return [(t, h, d) for t, h, d in posts[["text", "handle", "posted_on"]].itertuples(index=False)]


@pytest.mark.parametrize("name", ["copied.txt", "flat.jsonl", "table.csv", "page.html"])
def test_the_same_posts_in_every_format_give_the_same_rows(four_ways, name):
    tables = read_dump(four_ways / name)
    assert rows(tables.posts) == EXPECTED
    kinds = {"txt": "timeline", "jsonl": "json", "csv": "csv", "html": "html"}
    assert tables.format == kinds[name.split(".")[1]]
    assert tables.posts["post_id"].is_unique and not tables.posts["is_retweet"].any()


def test_one_corpus_from_four_dumps_keeps_each_post_once(four_ways, tmp_path):
    with pytest.warns(UserWarning, match="9 duplicate post"):
        c = crisisnotes.load(four_ways, cache_dir=tmp_path)
    assert len(c.folders) == 4 and c.duplicates_merged == 9
    assert sorted(rows(c.posts)) == sorted(EXPECTED)
    # the copies are recorded; the text dump's posts (with a body) are the ones kept
    also = dict(zip(c.posts["post_id"], c.posts["also_in"], strict=True))
    assert sorted(also["copied.txt:1"]) == ["flat.jsonl:1", "page.html:3", "table.csv:2"]
    assert {len(v) for v in also.values()} == {3}
    kept = set(c.posts["post_id"])
    for table in (c.sentences, c.tokens, c.mentions):
        assert set(table["post_id"]) <= kept
    assert "flat.jsonl:1" in set(c.table("posts")["post_id"])  # as stored, before merging
    assert c.summary().loc["posts", "count"] == 3
    # only the text dump has a line check
    assert list(crisisnotes.line_accounting(c).index) == ["copied.txt"]


def test_every_dump_suffix_is_picked_up_from_a_folder():
    assert {".txt", ".jsonl", ".json", ".csv", ".html", ".htm"} <= set(DUMP_SUFFIXES)


@pytest.mark.parametrize("name", ["flat.jsonl", "table.csv", "page.html"])
def test_format_is_read_from_the_content_not_the_name(four_ways, tmp_path, name):
    renamed = tmp_path / "export.txt"
    renamed.write_bytes((four_ways / name).read_bytes())
    assert rows(read_dump(renamed).posts) == EXPECTED


# ------------------------------------------------------------------ JSON tweet archives
def page(tweets: list[dict], users: list[dict], included: list[dict] | None = None) -> str:
    p = {"data": tweets, "includes": {"users": users, **({"tweets": included} if included else {})},
         "meta": {"result_count": len(tweets)}}  # fmt: skip
    return json.dumps(p, ensure_ascii=False)


USERS = [{"id": "1", "username": "nhk_news", "name": "NHKニュース"},
         {"id": "7", "username": "world_watch", "name": "World Watch"}]  # fmt: skip
LONG = "NATO and Russia held a long session in Brussels. " * 6 + "Both sides will meet again."
RAW_PAGES = "\n".join([
    page([
        {"id": "201", "author_id": "1", "created_at": "2022-01-26T22:30:00.000Z", "lang": "ja",
         "text": "米国がNATO拡大問題で文書回答 https://t.co/Wp1", "entities": {"hashtags": [],
         "urls": [{"url": "https://t.co/Wp1", "expanded_url": "https://example.org/a"}]}},
        {"id": "202", "author_id": "7", "created_at": "2022-01-27T09:00:00.000Z", "lang": "en",
         "text": "RT @nhk_news: 米国がNATO拡大問題で文書回答 https://t.co/Wp1",
         "referenced_tweets": [{"type": "retweeted", "id": "201"}]},
        {"id": "203", "author_id": "7", "created_at": "2022-01-27T10:00:00.000Z", "lang": "en",
         "text": "NATO and Russia held a long session in Brussels. NATO and Russia held a long…",
         "note_tweet": {"text": LONG, "entities": {"hashtags": [{"tag": "NATO"}]}}},
    ], USERS, included=[{"id": "201", "text": "米国がNATO拡大問題で文書回答 https://t.co/Wp1 &amp; 詳報"}]),
    '{"data": [{"id": "204", "author_id": "7", "text": "cut off here',  # a broken line
    page([{"id": "205", "author_id": "7", "created_at": "2022-01-28T01:00:00.000Z", "lang": "en",
           "text": "Talks &amp; more talks in Geneva"}], USERS),
    json.dumps({"errors": [{"title": "Not Found Error"}]}),
    "",
])  # fmt: skip


@pytest.fixture
def raw_pages(tmp_path):
    p = tmp_path / "pages.jsonl"
    p.write_text(RAW_PAGES, encoding="utf-8")
    return p


def test_twarc2_pages(raw_pages):
    t = read_dump(raw_pages)
    p = t.posts.set_index("post_id")
    assert list(p.index) == ["pages.jsonl:1", "pages.jsonl:1#2", "pages.jsonl:1#3", "pages.jsonl:3"]
    assert (p["line_start"] == p["line_end"]).all() and list(p["line_start"]) == [1, 1, 1, 3]
    assert list(p["handle"]) == ["nhk_news", "world_watch", "world_watch", "world_watch"]
    assert list(p["outlet"]) == ["NHKニュース", "World Watch", "World Watch", "World Watch"]
    assert (p["body"] == "").all() and not p["is_orphan"].any()
    assert list(p.at["pages.jsonl:1", "urls"]) == ["https://example.org/a"]
    assert p.at["pages.jsonl:3", "text"] == "Talks & more talks in Geneva"  # API entities unescaped


def test_a_broken_json_line_is_unassigned_with_a_warning(raw_pages):
    t = read_dump(raw_pages)
    un = t.unassigned.set_index("line")
    assert un.loc[2, "reason"] == "bad_json" and un.loc[2, "text"].startswith('{"data"')
    assert un.loc[4, "reason"] == "no_tweets"
    assert any(w.startswith(f"{raw_pages}:2: broken JSON line") for w in t.warnings)
    acc = account_lines(raw_lines(raw_pages), t.posts, t.unassigned)
    assert acc["lost"] == 0 and acc["nonblank"] == 4  # a page's line holds several posts


def test_retweet_is_marked_with_the_full_original_text(raw_pages):
    p = read_dump(raw_pages).posts.set_index("post_id")
    assert list(p["is_retweet"]) == [False, True, False, False]
    assert p.at["pages.jsonl:1#2", "text"] == "米国がNATO拡大問題で文書回答 https://t.co/Wp1 & 詳報"


def test_note_tweet_text_is_preferred(raw_pages):
    p = read_dump(raw_pages).posts.set_index("post_id")
    assert p.at["pages.jsonl:1#3", "text"] == LONG.strip()
    assert list(p.at["pages.jsonl:1#3", "hashtags"]) == ["NATO"]


def test_utc_evening_is_the_next_day_in_tokyo(raw_pages):
    p = read_dump(raw_pages).posts.set_index("post_id")
    nhk = p.loc["pages.jsonl:1"]
    assert nhk["posted_at"] == pd.Timestamp("2022-01-26T22:30:00Z")
    assert nhk["posted_on"] == pd.Timestamp("2022-01-27")  # 07:30 on the 27th in Tokyo
    assert p.at["pages.jsonl:3", "posted_on"] == pd.Timestamp("2022-01-28")  # world_watch: UTC
    assert str(p["posted_at"].dtype).endswith("UTC]")


def test_tz_default_dates_outlets_not_in_the_registry(raw_pages):
    p = read_dump(raw_pages, tz_default="America/New_York").posts.set_index("post_id")
    assert p.at["pages.jsonl:3", "posted_on"] == pd.Timestamp("2022-01-27")  # 20:00 the day before
    nhk = p.at["pages.jsonl:1", "posted_on"]
    assert nhk == pd.Timestamp("2022-01-27")  # nhk_news: the registry's zone wins
    with pytest.raises(ValueError, match="time zone"):
        read_dump(raw_pages, tz_default="Mars/Olympus")


def test_retweets_add_no_sentences(raw_pages, tmp_path):
    c = crisisnotes.load(raw_pages, cache_dir=tmp_path)
    rt = c.posts.loc[c.posts["is_retweet"], "post_id"].tolist()
    assert rt == ["pages.jsonl:1#2"] and rt[0] not in set(c.sentences["post_id"])
    assert set(c.sentences.loc[c.sentences["post_id"] == "pages.jsonl:1#3", "line"]) == {1}
    assert c.report.folders and crisisnotes.line_accounting(c).empty


FLAT = "\n".join([
    json.dumps(TWEETS[0], ensure_ascii=False),
    json.dumps({"id": "301", "text": "RT @nhk_news: 米ロ外相がジュネーブで会談へ…", "created_at":
                "2022-01-21T00:00:00.000Z", "lang": "ja", "author": USERS[1],
                "referenced_tweets": [{"type": "retweeted", "id": "101", **TWEETS[0]}]},
               ensure_ascii=False),
    "{not json at all",
    json.dumps({"id": "302", "text": "Short cut…", "note_tweet": {"text": "Long and full\ntext of it."},
                "created_at": "2022-01-21T01:00:00.000Z", "lang": "en", "author": USERS[1]}),
    json.dumps({"__twarc": {"version": "2.14"}}),
])  # fmt: skip


def test_twarc2_flatten_output(tmp_path):
    (tmp_path / "flat.jsonl").write_text(FLAT, encoding="utf-8")
    t = read_dump(tmp_path / "flat.jsonl")
    p = t.posts
    assert p["post_id"].tolist() == ["flat.jsonl:1", "flat.jsonl:2", "flat.jsonl:4"]
    assert p["is_retweet"].tolist() == [False, True, False]
    assert p.at[1, "text"] == NHK_TEXT and p.at[1, "handle"] == "world_watch"
    assert p.at[2, "text"] == "Long and full\ntext of it."
    assert t.unassigned[["line", "reason"]].values.tolist() == [[3, "bad_json"], [5, "not_a_tweet"]]
    assert any(":3: broken JSON line" in w for w in t.warnings)
    acc = account_lines(raw_lines(tmp_path / "flat.jsonl"), p, t.unassigned)
    assert (acc["lost"], acc["double"]) == (0, 0)


SNSCRAPE = "\n".join([
    json.dumps({"_type": "snscrape.modules.twitter.Tweet", "url": "https://twitter.com/kyodo_official/status/9",
                "date": "2022-02-23T16:30:00+00:00", "rawContent": "政府、対ロ制裁を発表 #ウクライナ https://t.co/Ks1",
                "id": 9, "user": {"username": "kyodo_official", "displayname": "共同通信"}, "lang": "ja",
                "hashtags": ["ウクライナ"], "links": [{"url": "https://example.org/k", "tcourl": "https://t.co/Ks1"}],
                "retweetedTweet": None}, ensure_ascii=False),
    json.dumps({"url": "https://twitter.com/some_user/status/10", "date": "2022-02-24T02:00:00+00:00",
                "content": "Old snscrape field name: talks resume.", "id": 10,
                "user": {"username": "some_user", "displayname": "Some User"}, "lang": "en",
                "hashtags": None, "outlinks": []}),
    json.dumps({"_type": "snscrape.modules.twitter.Tweet", "date": "2022-02-24T03:00:00+00:00",
                "rawContent": "RT @kyodo_official: 政府、対ロ制裁を発表", "id": 11,
                "user": {"username": "some_user", "displayname": "Some User"}, "lang": "ja",
                "retweetedTweet": {"rawContent": "政府、対ロ制裁を発表 #ウクライナ https://t.co/Ks1",
                                   "hashtags": ["ウクライナ"]}}, ensure_ascii=False),
])  # fmt: skip


def test_snscrape_jsonl(tmp_path):
    (tmp_path / "scraped.json").write_text(SNSCRAPE, encoding="utf-8")
    p = read_dump(tmp_path / "scraped.json").posts
    assert p["handle"].tolist() == ["kyodo_official", "some_user", "some_user"]
    assert p["outlet"].tolist() == ["共同通信", "Some User", "Some User"]
    assert p.at[0, "posted_on"] == pd.Timestamp("2022-02-24")  # 01:30 in Tokyo
    assert list(p.at[0, "hashtags"]) == ["ウクライナ"] and list(p.at[0, "urls"]) == [
        "https://example.org/k"
    ]
    assert p.at[1, "text"] == "Old snscrape field name: talks resume." and p.at[1, "lang"] == "en"
    assert p["is_retweet"].tolist() == [False, False, True]
    assert p.at[2, "text"] == p.at[0, "text"]


# ------------------------------------------------------------------ CSV
def test_twarc_csv(tmp_path):
    tweets = [
        {**TWEETS[0], "text": "見出し & 続報\n2行目です https://t.co/Cv1", "tags": ["NATO"]},
        {**TWEETS[1], "id": "110", "text": "RT @nhk_news: 見出し", "referenced_tweets": [{"type": "retweeted", "id": "101"}]},
    ]  # fmt: skip
    text = twarc_csv(tweets).replace("見出し & 続報", "見出し &amp; 続報")
    (tmp_path / "tw.csv").write_text(text, encoding="utf-8")
    t = read_dump(tmp_path / "tw.csv")
    p = t.posts
    assert p["post_id"].tolist() == ["tw.csv:2", "tw.csv:3"] and p["line_start"].tolist() == [2, 3]
    # the escaped \n is a line break again, the entity unescaped
    assert p.at[0, "text"] == "見出し & 続報\n2行目です https://t.co/Cv1"
    assert list(p.at[0, "hashtags"]) == ["NATO"]
    assert p.at[0, "posted_at"] == pd.Timestamp("2022-01-20T23:15:00Z")
    assert p["is_retweet"].tolist() == [False, True]
    assert t.unassigned[["line", "reason"]].values.tolist() == [[1, "csv_header"]]
    acc = account_lines(raw_lines(tmp_path / "tw.csv"), p, t.unassigned)
    assert (acc["lost"], acc["double"]) == (0, 0)


PLAIN_CSV = (
    "When;Account;Post;Site\n"
    '2022年1月26日;@nhk_news;"米国が文書で回答\nhttps://t.co/Pc1";NHK\n'
    "2022-01-26T23:30:00Z;tokyo_desk;協議は続く;Desk\n"
    ";someone;\n"
    "2022-01-27 21:00;someone;Evening note, local time;X\n"
)
PLAIN_COLUMNS = {"text": "Post", "date": "When", "handle": "Account", "outlet": "Site"}


def test_plain_csv_with_named_columns(tmp_path):
    (tmp_path / "mine.csv").write_text(PLAIN_CSV, encoding="utf-8")
    t = read_dump(tmp_path / "mine.csv", columns=PLAIN_COLUMNS)
    p = t.posts
    assert p["line_start"].tolist() == [2, 4, 6] and p["line_end"].tolist() == [3, 4, 6]
    assert (
        p.at[0, "text"] == "米国が文書で回答\nhttps://t.co/Pc1" and p.at[0, "handle"] == "nhk_news"
    )
    assert p["posted_on"].tolist() == [pd.Timestamp("2022-01-26"), pd.Timestamp("2022-01-27"),
                                       pd.Timestamp("2022-01-27")]  # fmt: skip
    assert pd.isna(p.at[0, "posted_at"]) and p.at[1, "posted_at"] == pd.Timestamp(
        "2022-01-26T23:30Z"
    )
    assert p["outlet"].tolist() == ["NHK", "Desk", "X"]
    assert t.unassigned[["line", "reason"]].values.tolist() == [
        [1, "csv_header"],
        [5, "empty_text"],
    ]


def test_load_passes_columns_to_the_reader(tmp_path):
    (tmp_path / "mine.csv").write_text(PLAIN_CSV, encoding="utf-8")
    c = crisisnotes.load(tmp_path / "mine.csv", cache_dir=tmp_path / "cache", columns=PLAIN_COLUMNS)
    assert len(c.posts) == 3 and set(c.sentences["post_id"]) == set(c.posts["post_id"])
    other = {**PLAIN_COLUMNS, "outlet": "Account"}
    c2 = crisisnotes.load(tmp_path / "mine.csv", cache_dir=tmp_path / "cache", columns=other)
    assert c2.report.built == ["mine.csv"]  # other columns: rebuilt, not the cached tables
    assert c2.posts["outlet"].tolist() == ["@nhk_news", "tokyo_desk", "someone"]


def test_csv_with_unknown_columns_is_refused_with_a_hint(tmp_path):
    (tmp_path / "mine.csv").write_text(PLAIN_CSV, encoding="utf-8")
    with pytest.raises(DumpError, match=r"columns=") as info:
        read_dump(tmp_path / "mine.csv")
    assert info.value.line == 1
    with pytest.raises(ValueError, match="unknown key"):
        read_dump(tmp_path / "mine.csv", columns={"text": "Post", "author": "Account"})


# ------------------------------------------------------------------ HTML
PAGE = """<!DOCTYPE html>
<html><head><title>Geneva talks</title>
<style>p { color: red; }</style></head>
<body>
<nav><a href="/">Home</a></nav>
<h1>Live: the Geneva talks</h1>
<p>Our correspondents follow the day.</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Ministers arrive in Geneva &amp; talks begin
<a href="https://t.co/Hx1">https://t.co/Hx1</a></p>&mdash; World Watch (@world_watch)
<a href="https://twitter.com/world_watch/status/5?ref_src=twsrc%5Etfw">January 21, 2022</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
<p>The meeting started at nine.</p>
<!-- <p>an old paragraph, commented out</p> -->
<script>document.write("<p>not text</p>");</p></script>

<p>It lasted <b>ninety</b> minutes.</p>
<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">両外相の会談が終了<br>来週も協議 <a href="https://t.co/Hx2">pic.twitter.com/Hx2</a></p>&mdash; 東京デスク <a href="https://twitter.com/tokyo_desk/status/6">2022年1月21日</a></blockquote>
<ul><li>Next round: next week</li></ul>
</body></html>
"""


def test_saved_page_with_two_embeds(tmp_path):
    (tmp_path / "live.htm").write_text(PAGE, encoding="utf-8")
    t = read_dump(tmp_path / "live.htm")
    p = t.posts
    assert t.format == "html" and len(p) == 3
    orphan, first, second = (p.iloc[i] for i in range(3))
    assert orphan["is_orphan"] and orphan["text"] == "" and pd.isna(orphan["handle"])
    assert orphan["body"] == "Live: the Geneva talks\nOur correspondents follow the day."
    assert (orphan["line_start"], orphan["body_line_start"]) == (6, 6)
    assert first["text"] == "Ministers arrive in Geneva & talks begin https://t.co/Hx1"
    assert (first["handle"], first["outlet"], first["posted_on"]) == (
        "world_watch", "World Watch", pd.Timestamp("2022-01-21"))  # fmt: skip
    assert first["line_start"] == 8 and first["body_line_start"] == 12
    assert first["body"] == "The meeting started at nine.\n\n\n\nIt lasted ninety minutes."
    assert "not text" not in "".join(p["body"]) and "commented out" not in "".join(p["body"])
    assert "color" not in "".join(p["body"]) and "Home" not in "".join(p["body"])
    # no (@handle) in the attribution: the handle comes from the status link
    assert (second["handle"], second["text"]) == (
        "tokyo_desk",
        "両外相の会談が終了\n来週も協議 pic.twitter.com/Hx2",
    )
    assert (
        second["line_start"] == 17
        and second["body"] == "Next round: next week"
        and second["lang"] == "ja"
    )
    assert second["posted_on"] == pd.Timestamp("2022-01-21") and second["outlet"] == "東京デスク"


def test_page_sentences_point_at_their_source_lines(tmp_path):
    (tmp_path / "live.html").write_text(PAGE, encoding="utf-8")
    c = crisisnotes.load(tmp_path / "live.html", cache_dir=tmp_path / "cache")
    s = c.sentences.set_index("text")["line"]
    assert s["The meeting started at nine."] == 12 and s["It lasted ninety minutes."] == 16
    assert s["Next round: next week"] == 18
    lines = (tmp_path / "live.html").read_text(encoding="utf-8").split("\n")
    assert "nine" in lines[12 - 1] and "ninety" in lines[16 - 1]


def test_no_warnings_for_clean_archives(four_ways):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in ("flat.jsonl", "table.csv", "page.html"):
            assert read_dump(four_ways / name).warnings == []


def test_a_deeply_nested_page_is_read(tmp_path):
    page = (
        "<html><body>" + "<div>" * 3000 + "<p>Deep text.</p>" + "</div>" * 3000
        + embed("Ministers meet", "A", "a_desk", "January 3, 2022", "en") + "<p>After.</p></body></html>"
    )  # fmt: skip
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    p = read_dump(tmp_path / "deep.html").posts
    assert p[["text", "body"]].values.tolist() == [["", "Deep text."], ["Ministers meet", "After."]]


def test_archive_windows_add_up_to_the_whole(raw_pages, four_ways):
    from crisisnotes.dumps import iter_dump

    for path in (raw_pages, four_ways / "flat.jsonl", four_ways / "table.csv"):
        stream = iter_dump(path, window=1)
        parts = list(stream.windows)
        assert len(parts) > 1
        whole = read_dump(path)
        got = pd.concat([p for p, _ in parts], ignore_index=True)
        pd.testing.assert_frame_equal(got, whole.posts, check_dtype=False)
        assert stream.n_lines == whole.n_lines


def test_copied_text_quoting_markup_stays_a_timeline(tmp_path):
    """A copied timeline whose body quotes HTML tags is not taken for a saved page."""
    text = "\n".join([
        "Embed code of the statement leaked https://t.co/Mk00000001",
        "— Reuters (@Reuters) Jan 26, 2022",
        "The page showed <div class=\"note\"><p>Talks</p> and <br> tags <span>in full</span></div>.",
        "Diplomats met again later.",
    ])  # fmt: skip
    (tmp_path / "quoted.txt").write_text(text, encoding="utf-8")
    t = read_dump(tmp_path / "quoted.txt")
    assert t.format == "timeline" and len(t.posts) == 1
    assert t.posts.at[0, "handle"] == "Reuters" and "<br>" in t.posts.at[0, "body"]
    # a page fragment (no doctype) with the same tags is still a page
    (tmp_path / "frag.txt").write_text('<div><p>Intro</p><blockquote class="twitter-tweet"><p>x</p></blockquote></div>',
                                       encoding="utf-8")  # fmt: skip
    assert read_dump(tmp_path / "frag.txt").format == "html"
