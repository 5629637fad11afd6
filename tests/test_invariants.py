"""Property tests for the timeline reader (hypothesis): random dumps built from blocks.

Invariants (docs/architecture.md, GUIDELINES §1): every non-blank raw line is in exactly
one post's ``[line_start, line_end]`` or in ``unassigned``; posts are sorted and disjoint;
reading is deterministic; a post's text and body are its own raw lines; writing the posts
back as a dump and reading it again gives the same posts.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisnotes.dumps import read_dump
from crisisnotes.dumps.encoding import NEWLINES
from crisisnotes.dumps.timeline import parse_attribution

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_counter = itertools.count()

# --------------------------------------------------------------------------- blocks

WORDS_JA = ["ロシア", "外相", "会談", "米国", "協議", "ウクライナ", "首脳", "電話", "制裁", "停戦"]
WORDS_EN = ["Russia", "talks", "envoy", "Kyiv", "sanctions", "summit", "NATO", "ceasefire"]
NAMES = ["Reuters", "ロイター", "NHKニュース", "The Economist", "Kyiv Wire 🇺🇦", "日経 新聞"]
HANDLES = ["Reuters", "ReutersJapan", "nhk_news", "TheEconomist", "kyiv_wire", "nikkei"]
MONTHS = ["January", "February", "March", "Jan", "Feb.", "Mar"]

words = st.lists(st.sampled_from(WORDS_JA + WORDS_EN), min_size=1, max_size=6)
link = st.sampled_from(["https://t.co/", "pic.twitter.com/"]).flatmap(
    lambda head: st.from_regex(r"[A-Za-z0-9]{4,10}", fullmatch=True).map(lambda tail: head + tail)
)


@st.composite
def tweet_line(draw) -> str:
    text = " ".join(draw(words))
    if draw(st.booleans()):
        text += " " + draw(link)
    return text


@st.composite
def date_text(draw) -> str:
    y, m, d = draw(st.integers(2021, 2023)), draw(st.integers(1, 12)), draw(st.integers(1, 31))
    fmt = draw(st.integers(0, 4))
    if fmt == 0:
        return f"{y}年{m}月{d}日"  # may be impossible (2月30日): the post is kept, date NaT
    if fmt == 1:
        return f"{y}年{m}月{d}日".translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == 2:
        return f"{draw(st.sampled_from(MONTHS))} {d}, {y}"
    if fmt == 3:
        return f"{d} {draw(st.sampled_from(MONTHS))} {y}"
    return f"{y}-{m:02d}-{d:02d}"


@st.composite
def attribution_line(draw) -> str:
    dash = draw(st.sampled_from(["—", "―", "-"]))
    name, handle = draw(st.sampled_from(NAMES)), draw(st.sampled_from(HANDLES))
    left, right = draw(st.sampled_from([("(", ")"), ("（", "）")]))
    return f"{dash} {name} {left}@{handle}{right} {draw(date_text())}"


@st.composite
def body_paragraph(draw) -> list[str]:
    n = draw(st.integers(1, 3))
    end = draw(st.sampled_from(["。", ".", "", "」と述べた。"]))
    return ["".join(draw(words)) + end for _ in range(n)]


hashtag_line = st.lists(
    st.sampled_from(["#NATOexpansion", "#反ロシア", "#対中露戦", "＃ウクライナ", "#Kyiv"]),
    min_size=1,
    max_size=3,
).map(lambda tags: draw_sep(tags))


def draw_sep(tags: list[str]) -> str:
    return " ".join(tags) if len(tags) % 2 else "".join(tags)


retweet_marker = st.sampled_from(["ロイターさんがリツイート", "Reuters Retweeted", "NHK reposted"])
# printable text only: no line or paragraph separators, controls or surrogates
unicode_line = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"),
        blacklist_characters="\ufeff\ufffd",
    ),
    min_size=1,
    max_size=40,
).filter(
    lambda s: s.lstrip()[:1] not in ("<", "{", "[")
)  # a file opening like HTML/JSON is refused

BLOCK = st.one_of(
    tweet_line().map(lambda s: [s]),
    attribution_line().map(lambda s: [s]),
    body_paragraph(),
    st.just([""]),
    hashtag_line.map(lambda s: [s]),
    retweet_marker.map(lambda s: [s]),
    unicode_line.map(lambda s: [s]),
    st.just(["#BREAKING"]),
)


@st.composite
def dump_lines(draw, block=BLOCK) -> list[str]:
    blocks = draw(st.lists(block, max_size=25))
    return [ln for b in blocks for ln in b]


@st.composite
def tweet_block(draw) -> list[str]:
    """A tweet (one to three lines, the last one never blank or stray) and its attribution."""
    head = draw(st.lists(tweet_line(), max_size=2))
    return [*head, draw(tweet_line()), draw(attribution_line())]


WELL_FORMED_BLOCK = st.one_of(
    tweet_block(),
    tweet_block(),
    body_paragraph(),
    st.just([""]),
    hashtag_line.map(lambda s: [s]),
    retweet_marker.map(lambda s: [s]),
    unicode_line.map(lambda s: [s]),
)


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("invariants")


def read_lines(folder: Path, lines: list[str], *, newline: str = "\n"):
    path = folder / f"dump{next(_counter)}.txt"
    path.write_bytes(newline.join(lines).encode("utf-8"))
    return read_dump(path)


def raw_lines(lines: list[str]) -> list[str]:
    """The lines as the reader sees them (a line may hold no separator of its own)."""
    return NEWLINES.split("\n".join(lines))


def key(posts: pd.DataFrame) -> list[tuple]:
    return [
        (
            r.text,
            None if pd.isna(r.handle) else r.handle,
            None if pd.isna(r.posted_on) else r.posted_on,
        )
        for r in posts.itertuples()
    ]


def write_back(posts: pd.DataFrame) -> list[str]:
    """Posts as a dump again: text, rebuilt attribution line, body; a blank line where lines lay between
    two posts (blank or stray), none where one post's lines ran straight into the next one's (a whole
    sentence opening a tweet is read by the script of the line above it: docs/reading.md)."""
    out: list[str] = []
    rows = list(posts.itertuples())
    for k, r in enumerate(rows):
        if r.is_orphan:
            out += r.body.split("\n")
        else:
            if r.text:
                out += r.text.split("\n")
            out.append(f"— {r.outlet} (@{r.handle}) {r.date_raw}")
            if r.body:
                out += r.body.split("\n")
        if k + 1 == len(rows) or rows[k + 1].line_start > r.line_end + 1 or not r.body:
            out.append("")  # (a post without a body always: its next line would read as body)
    return out


# --------------------------------------------------------------------------- properties


@SETTINGS
@given(lines=dump_lines(), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_every_line_exactly_once_and_posts_disjoint(workdir, lines, newline):
    tables = read_lines(workdir, lines, newline=newline)
    raw = raw_lines(lines)
    posts = tables.posts
    count = {i + 1: 0 for i, ln in enumerate(raw) if ln.strip()}
    for r in posts.itertuples():
        assert 1 <= r.line_start <= r.line_end <= len(raw)
        for n in range(r.line_start, r.line_end + 1):
            if n in count:
                count[n] += 1
    for n in tables.unassigned["line"]:
        assert int(n) in count, f"blank line {n} unassigned"
        count[int(n)] += 1
    assert {n: c for n, c in count.items() if c != 1} == {}
    starts, ends = posts["line_start"].tolist(), posts["line_end"].tolist()
    assert starts == sorted(starts)
    assert all(e < s for e, s in zip(ends, starts[1:], strict=False)), "posts overlap"
    assert tables.unassigned["line"].is_monotonic_increasing
    assert posts["post_id"].is_unique
    assert posts["is_orphan"].sum() <= 1
    if len(posts) and posts["is_orphan"].any():
        assert bool(posts["is_orphan"].iloc[0])


@SETTINGS
@given(lines=dump_lines())
def test_reading_is_deterministic(workdir, lines):
    a, b = read_lines(workdir, lines), read_lines(workdir, lines)
    pdt.assert_frame_equal(
        a.posts.drop(columns=["post_id", "source"]), b.posts.drop(columns=["post_id", "source"])
    )
    pdt.assert_frame_equal(a.unassigned.drop(columns="source"), b.unassigned.drop(columns="source"))
    assert [re.sub(r"^\S+:", "", w) for w in a.warnings] == [
        re.sub(r"^\S+:", "", w) for w in b.warnings
    ]


@SETTINGS
@given(lines=dump_lines())
def test_text_and_body_are_raw_lines_of_the_span(workdir, lines):
    tables = read_lines(workdir, lines)
    raw = raw_lines(lines)
    for r in tables.posts.itertuples():
        if r.text:
            assert not r.is_orphan
            for k, part in enumerate(r.text.split("\n")):
                n = r.line_start + k
                assert n <= r.text_line_end and part == raw[n - 1].strip()
            assert r.text_line_end + 1 <= r.line_end
        if not r.is_orphan:
            attribution = r.text_line_end + 1
            assert r.line_start <= attribution <= r.line_end
            parsed = parse_attribution(raw[attribution - 1])
            assert parsed is not None and (parsed.outlet, parsed.handle) == (r.outlet, r.handle)
        if r.body:
            assert not pd.isna(r.body_line_start)
            for k, part in enumerate(r.body.split("\n")):
                n = r.body_line_start + k
                assert r.line_start <= n <= r.line_end and part == raw[n - 1].rstrip()
            assert r.body_line_start + r.body.count("\n") == r.line_end
        else:
            assert pd.isna(r.body_line_start)


@SETTINGS
@given(lines=dump_lines(WELL_FORMED_BLOCK))
def test_round_trip_through_written_back_dump(workdir, lines):
    # Attribution lines here always have a tweet line above them: an attribution with no
    # text cannot be written back unambiguously (the body line above it would read as text).
    first = read_lines(workdir, lines)
    second = read_lines(workdir, write_back(first.posts))
    assert key(second.posts) == key(first.posts)
