"""Tests for crisisnotes.dumps.encoding: every supported encoding reads to the same posts,
binary and non-text input is refused with a DumpError naming the file, damaged UTF-8 loads."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from crisisnotes.dumps import DumpError, read_dump
from crisisnotes.dumps.encoding import decode_bytes

# U+2015 (―) rather than U+2014 (—): the em dash has no CP932/Shift_JIS/EUC-JP code.
JA_DUMP = "\n".join(
    [
        "米ロ外相が電話で協議 https://t.co/AbC001",
        "― 東京テレビ (@tokyo_tv) 2022年1月26日",
        "両外相は26日、電話で協議した。",
        "緊張緩和に向けて対話を続ける方針だ。",
        "#反ロシア",
        "ロシア側の回答 https://t.co/AbC002",
        "― 東京テレビ (@tokyo_tv) 2022年1月27日",
        "外務省は書面で回答したと発表した。",
    ]
)
EXPECTED_POSTS = [
    (1, 4, "tokyo_tv", "2022-01-26", "米ロ外相が電話で協議 https://t.co/AbC001"),
    (6, 8, "tokyo_tv", "2022-01-27", "ロシア側の回答 https://t.co/AbC002"),
]
EXPECTED_UNASSIGNED = [(5, "hashtag_only")]


def write(tmp_path: Path, data: bytes, name: str = "dump.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def summary(tables) -> tuple[list[tuple], list[tuple]]:
    posts = [
        (r.line_start, r.line_end, r.handle, r.posted_on.date().isoformat(), r.text)
        for r in tables.posts.itertuples()
    ]
    return posts, [(r.line, r.reason) for r in tables.unassigned.itertuples()]


ENCODINGS = [
    pytest.param(JA_DUMP.encode("utf-8"), "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + JA_DUMP.encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
    pytest.param(codecs.BOM_UTF16_LE + JA_DUMP.encode("utf-16-le"), "utf-16", id="utf-16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + JA_DUMP.encode("utf-16-be"), "utf-16", id="utf-16-be-bom"),
    pytest.param(JA_DUMP.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
    pytest.param(
        JA_DUMP.replace("\n", "\r\n").encode("utf-16-le"), "utf-16-le", id="utf-16-le-crlf"
    ),
    pytest.param(JA_DUMP.encode("cp932"), "cp932", id="cp932"),
    pytest.param(JA_DUMP.encode("shift_jis"), "cp932", id="shift_jis-read-as-cp932"),
    pytest.param(JA_DUMP.replace("\n", "\r\n").encode("cp932"), "cp932", id="cp932-crlf"),
    pytest.param(JA_DUMP.encode("euc_jp"), "euc_jp", id="euc-jp"),
]


@pytest.mark.parametrize(("data", "encoding"), ENCODINGS)
def test_japanese_dump_reads_the_same_in_every_encoding(tmp_path, data, encoding):
    tables = read_dump(write(tmp_path, data))
    assert tables.encoding == encoding
    assert summary(tables) == (EXPECTED_POSTS, EXPECTED_UNASSIGNED)
    assert (
        tables.posts.loc[0, "body"]
        == "両外相は26日、電話で協議した。\n緊張緩和に向けて対話を続ける方針だ。"
    )
    assert tables.warnings == []


def test_english_dump_utf16_le_without_bom(tmp_path):
    text = "Talks resume https://t.co/E1\n— Wire (@wire) Jan 26, 2022\nBody.\n"
    tables = read_dump(write(tmp_path, text.encode("utf-16-le")))
    assert tables.encoding == "utf-16-le"
    assert summary(tables)[0] == [(1, 3, "wire", "2022-01-26", "Talks resume https://t.co/E1")]


PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    b"\x1f\xf3\xffa\x00\x00\x00\x19tEXtSoftware\x00Adobe ImageReadyq\xc9e<"
)
BINARY = [
    pytest.param(random.Random(1).randbytes(4096), id="random-bytes"),
    pytest.param(bytes(b for b in random.Random(2).randbytes(4096) if b), id="random-bytes-no-nul"),
    pytest.param(PNG_HEADER, id="png-header"),
    pytest.param(PNG_HEADER[:8], id="png-signature-only"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", id="jpeg-header"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", id="pdf-header"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00\x08\x00", id="zip-header"),
]


@pytest.mark.parametrize("data", BINARY)
def test_binary_input_is_refused_naming_the_file(tmp_path, data):
    path = write(tmp_path, data, name="looks_like_text.txt")
    with pytest.raises(DumpError) as info:
        read_dump(path)
    assert str(path) in str(info.value)
    assert info.value.path == str(path)


HTML_WITHOUT_EMBEDS = [
    pytest.param("<!DOCTYPE html>\n<html><body><p>x</p></body></html>\n", id="html-doctype"),
    pytest.param("<html lang='ja'><head></head><body>本文</body></html>", id="html-tag"),
    pytest.param(
        '<div class="tweet"><blockquote><p>見出し</p></blockquote></div>\n<div><span>x</span></div>',
        id="html-fragment",
    ),
]
JSON_NOT_A_TWEET_ARCHIVE = [
    pytest.param('{"posts": [{"text": "見出し", "handle": "nhk_news"}]}', id="json-object"),
    pytest.param('[\n  {"text": "Headline"}\n]\n', id="json-array"),
    pytest.param('{"text": "a"}\n{"text": "b"}\n', id="json-lines"),
]


@pytest.mark.parametrize("text", HTML_WITHOUT_EMBEDS)
def test_html_with_txt_name_is_read_as_html(tmp_path, text):
    tables = read_dump(write(tmp_path, text.encode("utf-8"), name="export.txt"))
    assert tables.format == "html"
    assert tables.posts["is_orphan"].all()  # no embedded tweet: the page's text is one orphan post
    body = tables.posts["body"]
    assert body.str.len().gt(0).all() and not body.str.contains("<").any()


@pytest.mark.parametrize("text", JSON_NOT_A_TWEET_ARCHIVE)
def test_json_that_is_no_tweet_archive_is_refused(tmp_path, text):
    path = write(tmp_path, text.encode("utf-8"), name="export.txt")
    with pytest.raises(DumpError) as info:
        read_dump(path)
    message = str(info.value)
    assert message.startswith(f"{path}:1:")
    assert "JSON" in message and "twarc2" in message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "[速報] 首脳が会談 https://t.co/b1\n― 東京テレビ (@tokyo_tv) 2022年1月26日\n",
            id="bracket-headline",
        ),
        pytest.param(
            "{注} 見出し https://t.co/b2\n― 東京テレビ (@tokyo_tv) 2022年1月26日\n",
            id="brace-headline",
        ),
        pytest.param(
            "米国は<NATO>の拡大で協議 https://t.co/b3\n― 東京テレビ (@tokyo_tv) 2022年1月26日\n",
            id="angle-brackets",
        ),
    ],
)
def test_text_that_merely_starts_like_json_or_html_is_read(tmp_path, text):
    tables = read_dump(write(tmp_path, text.encode("utf-8")))
    assert len(tables.posts) == 1 and tables.posts.loc[0, "handle"] == "tokyo_tv"


@pytest.mark.parametrize("cut", [1, 2], ids=["cut-after-1-byte", "cut-after-2-bytes"])
def test_file_cut_inside_a_utf8_character_loads(tmp_path, cut):
    data = JA_DUMP.encode("utf-8")
    data = data[: len(data) - 3 + cut]  # the last character (。) is 3 bytes long
    path = write(tmp_path, data)
    tables = read_dump(path)
    assert tables.encoding == "utf-8"
    posts, unassigned = summary(tables)
    assert posts == [EXPECTED_POSTS[0], (6, 7, "tokyo_tv", "2022-01-27", EXPECTED_POSTS[1][4])]
    assert unassigned == [(5, "hashtag_only"), (8, "undecodable")]
    assert tables.unassigned.iloc[-1]["text"].endswith("\ufffd")
    assert any(w.startswith(f"{path}:8:") and "quarantined" in w for w in tables.warnings)


def test_damaged_byte_inside_a_body_is_kept_with_a_warning(tmp_path):
    good = JA_DUMP.encode("utf-8")
    k = good.index("電話で協議した".encode())
    data = good[:k] + b"\xff" + good[k:]  # line 3
    path = write(tmp_path, data)
    tables = read_dump(path)
    assert summary(tables)[0][0][:2] == (1, 4)
    assert "\ufffd" in tables.posts.loc[0, "body"]
    assert any(w.startswith(f"{path}:3:") for w in tables.warnings)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param("ロシア".encode("cp932"), "cp932", id="tiny-cp932"),
        pytest.param("ウクライナ".encode("euc_jp"), "euc_jp", id="tiny-euc-jp"),
        pytest.param("米".encode()[:2], "utf-8", id="tiny-cut-utf8"),
        pytest.param(b"plain ascii", "utf-8", id="ascii"),
        pytest.param(b"", "utf-8", id="empty"),
    ],
)
def test_decode_bytes_small_inputs(data, encoding):
    assert decode_bytes(data, "x.txt").encoding == encoding


def test_missing_file_is_a_dump_error(tmp_path):
    with pytest.raises(DumpError, match="nope.txt"):
        read_dump(tmp_path / "nope.txt")
