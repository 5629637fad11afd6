"""Tests for crisisnotes.sentences: Japanese and English sentence splitting, one line at a time."""

from __future__ import annotations

import pytest

from crisisnotes.sentences import sentence_spans, split_sentences

CASES = [
    # Japanese enders
    pytest.param(
        "両国は会談した。協議は続く。", ["両国は会談した。", "協議は続く。"], id="ja-maru"
    ),
    pytest.param(
        "本当か？そうだ！終わり。",
        ["本当か？", "そうだ！", "終わり。"],
        id="ja-fullwidth-question-exclaim",
    ),
    pytest.param(
        "停戦は可能か?協議が続く!",
        ["停戦は可能か?", "協議が続く!"],
        id="ja-halfwidth-question-exclaim",
    ),
    pytest.param("合意した。。次へ。", ["合意した。。", "次へ。"], id="ja-repeated-maru"),
    pytest.param("見出しだけの行", ["見出しだけの行"], id="ja-no-ender"),
    # closing quotes stay with their sentence, closed quotes are not split
    pytest.param(
        "外相は「対話を続ける。」と述べた。次に移る。",
        ["外相は「対話を続ける。」と述べた。", "次に移る。"],
        id="closed-quote-kept-whole",
    ),
    pytest.param(
        "「撤退すべきだ。」次の話題。",
        ["「撤退すべきだ。」", "次の話題。"],
        id="closing-quote-after-maru",
    ),
    pytest.param(
        "書名は『平和への道。』だ。以上。",
        ["書名は『平和への道。』だ。", "以上。"],
        id="double-quote-brackets",
    ),
    pytest.param(
        "会見で「準備はできている。侵攻すれば代償を払う」と警告した。",
        ["会見で「準備はできている。侵攻すれば代償を払う」と警告した。"],
        id="no-split-inside-closed-quote",
    ),
    pytest.param(
        "声明（速報。詳細は後で）を出した。次。",
        ["声明（速報。詳細は後で）を出した。", "次。"],
        id="no-split-inside-parentheses",
    ),
    pytest.param(
        "記者団に対し「緊張を緩和させるよう改めて呼び掛ける。対話を選ぶことを望む",
        ["記者団に対し「緊張を緩和させるよう改めて呼び掛ける。", "対話を選ぶことを望む"],
        id="split-inside-unclosed-quote-seed-line-8-style",
    ),
    # English
    pytest.param(
        "Talks ended. A deal is near.", ["Talks ended.", "A deal is near."], id="en-simple"
    ),
    pytest.param(
        "The U.S. envoy arrived. Talks began.",
        ["The U.S. envoy arrived.", "Talks began."],
        id="en-us-abbrev",
    ),
    pytest.param(
        "Mr. Lavrov spoke. Ms. Truss replied.",
        ["Mr. Lavrov spoke.", "Ms. Truss replied."],
        id="en-titles",
    ),
    pytest.param(
        "The call on Feb. 24 was short. Both sides spoke.",
        ["The call on Feb. 24 was short.", "Both sides spoke."],
        id="en-month-abbrev",
    ),
    pytest.param(
        "Prices rose 2.5 percent. Markets fell.",
        ["Prices rose 2.5 percent.", "Markets fell."],
        id="en-decimal",
    ),
    pytest.param(
        "Will they meet? Yes! Soon.", ["Will they meet?", "Yes!", "Soon."], id="en-question-exclaim"
    ),
    pytest.param(
        '"Is it over?" he asked.',
        ['"Is it over?" he asked.'],
        id="en-question-in-quote-then-lowercase",
    ),
    pytest.param(
        "He said “no.” Then he left.",
        ["He said “no.”", "Then he left."],
        id="en-closing-curly-quote-kept",
    ),
    pytest.param(
        "See No. 5 on the list. Then stop.",
        ["See No. 5 on the list.", "Then stop."],
        id="en-number-abbrev",
    ),
    pytest.param(
        "J.D. Smith spoke. Then N.A.T.O. replied.",
        ["J.D. Smith spoke.", "Then N.A.T.O. replied."],
        id="en-initials",
    ),
    pytest.param(
        "Read more at https://t.co/Ab.Cd?x=1 today. Next.",
        ["Read more at https://t.co/Ab.Cd?x=1 today.", "Next."],
        id="en-url-with-dot-and-question",
    ),
    # mixed and link-only lines
    pytest.param("米中が会談。 Talks began.", ["米中が会談。", "Talks began."], id="ja-then-en"),
    pytest.param(
        "Talks began. 米国は協議した。", ["Talks began.", "米国は協議した。"], id="en-then-ja"
    ),
    pytest.param(
        "ロシアはU.S.の提案を拒否した。NATOも反発。",
        ["ロシアはU.S.の提案を拒否した。", "NATOも反発。"],
        id="ja-with-latin-abbrev",
    ),
    pytest.param(
        "映像は1月9日撮影。 pic.twitter.com/Ab12Cd",
        ["映像は1月9日撮影。", "pic.twitter.com/Ab12Cd"],
        id="ja-then-pic-link",
    ),
    pytest.param("https://t.co/OnlyLink1", ["https://t.co/OnlyLink1"], id="link-only-line"),
    pytest.param("pic.twitter.com/OnlyPic2", ["pic.twitter.com/OnlyPic2"], id="pic-only-line"),
    pytest.param(
        "詳細はhttps://t.co/Ab1?s=20。次。",
        ["詳細はhttps://t.co/Ab1?s=20。", "次。"],
        id="ja-url-then-maru",
    ),
    pytest.param("  余白のある文。  ", ["余白のある文。"], id="surrounding-space-trimmed"),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_split_sentences(line, expected):
    assert split_sentences(line) == expected


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_spans_point_into_the_line(line, expected):
    spans = sentence_spans(line)
    assert [line[a:b] for a, b in spans] == expected
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))


def test_a_sentence_never_spans_two_lines():
    text = "書面では\n▽交渉の余地がある。\nTalks\ncontinue."
    assert split_sentences(text) == ["書面では", "▽交渉の余地がある。", "Talks", "continue."]


def test_blank_lines_give_no_sentences():
    assert split_sentences("一文。\n\n  \n二文。") == ["一文。", "二文。"]
