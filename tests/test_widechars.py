"""The reader's fast paths give what the plain definitions give.

``weighted_length`` counts wide characters with regular expressions
(:mod:`crisisnotes.dumps.widechars`) instead of asking :mod:`unicodedata` per
character; ``URL`` has its lookbehinds moved after the first character; the
line classifiers skip their regular expressions when a required character is
missing. Each is checked here against the straightforward version.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from crisisnotes.dumps import widechars
from crisisnotes.dumps.timeline import (
    ATTRIBUTION,
    BREAKING_TAG,
    HASHTAG_ONLY,
    RETWEET_MARKER,
    UI_CHROME,
    URL,
    find_hashtags,
    parse_attribution,
    stray_reason,
    weighted_length,
)

PLAIN_URL = re.compile(r"(?:https?://|(?<![\w/.])pic\.twitter\.com/|(?<![\w/.])t\.co/)[!-~]+")
PIECES = [
    "https://t.co/AbC1", "http://x.y/(a)", "pic.twitter.com/xY2", "t.co/z9", "a.t.co/x", "/t.co/x",
    "wpic.twitter.com/u", ".pic.twitter.com/", "#tag", "＃タグ", "#BREAKING", " ", "\u3000", "(@",
    "（＠", "— ", "Reuters", ")", "2022年1月10日", "さんがリツイート", " Retweeted", "。", "米ロ",
    "ｱｲｳ", "Ｎ", "😀", "\U00020000", "\u0378", "\udcff", "p", "t", "/", "x" * 30,
]  # fmt: skip


def _plain_weighted_length(s: str) -> int:
    rest = PLAIN_URL.sub("", s)
    wide = sum(unicodedata.east_asian_width(ch) in ("W", "F") for ch in rest)
    return 23 * len(PLAIN_URL.findall(s)) + len(rest) + wide


def _samples() -> list[str]:
    out = ["", *PIECES]
    out += ["".join(p) for p in itertools.product(PIECES[:12], repeat=2)]
    out += ["".join(p) for p in itertools.product(["a", "/", ".", "p", "t", "#", "@"], repeat=4)]
    return out


def test_count_wide_matches_unicodedata_for_every_code_point():
    everything = "".join(map(chr, range(0x110000)))
    wide = {ch for ch in everything if unicodedata.east_asian_width(ch) in ("W", "F")}
    assert widechars.count_wide(everything) == len(wide)
    # every wide run found is made of wide characters only, so the count above is per character
    found = "".join(
        widechars._WIDE_BMP.findall(everything) + widechars._WIDE_ASTRAL.findall(everything)
    )
    assert set(found) == wide and len(found) == len(wide)


@pytest.mark.skipif(
    unicodedata.unidata_version != widechars.UNIDATA_VERSION, reason="table is rebuilt at import"
)
def test_stored_table_is_unicodedata():
    assert widechars.wide_ranges() == widechars.RANGES


def test_url_regex_matches_plain_lookbehinds():
    for s in _samples():
        assert [m.span() for m in URL.finditer(s)] == [m.span() for m in PLAIN_URL.finditer(s)], s


def test_weighted_length_matches_definition():
    for s in _samples():
        assert weighted_length(s) == _plain_weighted_length(s), s


def test_prefilters_do_not_change_answers():
    def plain_stray(line: str) -> str | None:
        if BREAKING_TAG.match(line):
            return None
        if HASHTAG_ONLY.match(line):
            return "hashtag_only"
        if RETWEET_MARKER.match(line):
            return "retweet_marker"
        return "ui_chrome" if UI_CHROME.match(line) else None

    extra = [
        "ロイターさんがリポスト",
        "NHK reposted",
        " #速報 ",
        "＃ＢＲＥＡＫＩＮＧ",
        "— X (＠x) 1月1日",
    ]
    for s in _samples() + extra:
        assert stray_reason(s) == plain_stray(s), s
        if parse_attribution(s) is not None:
            assert ATTRIBUTION.match(s)
        if find_hashtags(s):
            assert "#" in s or "＃" in s
