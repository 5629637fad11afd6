"""Tests for crisisnotes.tokenize: fugashi tokens for Japanese, rule tokens for Latin script.

Dictionary version assumed: unidic-lite 1.0.8 (UniDic 2.1.2 fields); the expected
segmentations and lemmas below are what that dictionary gives.
"""

from __future__ import annotations

import pytest

from crisisnotes.tokenize import get_tagger, mecab_tokens, rule_tokens, tokenize
from crisisnotes.userdict import build_user_dictionary

JA_CASES = [
    pytest.param(
        "米中外相が電話会談",
        [
            ("米中", "米中", "名詞"),
            ("外相", "外相", "名詞"),
            ("が", "が", "助詞"),
            ("電話", "電話", "名詞"),
            ("会談", "会談", "名詞"),
        ],
        id="nouns-and-particle",
    ),
    pytest.param(
        "ロシアが言った",
        [
            ("ロシア", "ロシア", "名詞"),
            ("が", "が", "助詞"),
            ("言っ", "言う", "動詞"),
            ("た", "た", "助動詞"),
        ],
        id="verb-lemma-and-foreign-suffix-stripped",
    ),
    pytest.param(
        "プーチン大統領",
        [("プーチン", "プーチン", "名詞"), ("大統領", "大統領", "名詞")],
        id="person-lemma-without-unidic-tail",
    ),
    pytest.param("会談。", [("会談", "会談", "名詞"), ("。", "。", "補助記号")], id="punctuation"),
]


@pytest.mark.parametrize(("text", "expected"), JA_CASES)
def test_mecab_surface_lemma_pos(text, expected):
    assert [t[:3] for t in tokenize(text)] == expected


def test_mecab_pos_levels():
    (tok,) = [t for t in mecab_tokens("ロシアへ") if t[0] == "ロシア"]
    assert tok[2:5] == ("名詞", "固有名詞", "地名")


RULE_CASES = [
    pytest.param("U.S.", [("U.S.", "U.S.", "word")], id="us-one-token"),
    pytest.param(
        "The U.K. envoy",
        [("The", "the", "word"), ("U.K.", "U.K.", "word"), ("envoy", "envoy", "word")],
        id="uk-in-sentence",
    ),
    pytest.param(
        "Putin's", [("Putin", "putin", "word"), ("'s", "'s", "word")], id="possessive-split"
    ),
    pytest.param(
        "Putin’s", [("Putin", "putin", "word"), ("’s", "'s", "word")], id="curly-possessive-split"
    ),
    pytest.param("don't", [("don't", "don't", "word")], id="contraction-kept"),
    pytest.param(
        "https://t.co/AbC.1?x=2",
        [("https://t.co/AbC.1?x=2", "https://t.co/AbC.1?x=2", "url")],
        id="url-one-token",
    ),
    pytest.param(
        "pic.twitter.com/Xy9",
        [("pic.twitter.com/Xy9", "pic.twitter.com/Xy9", "url")],
        id="pic-link-one-token",
    ),
    pytest.param("NATO", [("NATO", "NATO", "word")], id="acronym-keeps-case"),
    pytest.param(
        "2.5 1,000 3:30",
        [("2.5", "2.5", "num"), ("1,000", "1,000", "num"), ("3:30", "3:30", "num")],
        id="numbers",
    ),
    pytest.param(
        "#Ukraine @SecBlinken",
        [("#Ukraine", "#Ukraine", "hashtag"), ("@SecBlinken", "@SecBlinken", "mention")],
        id="hashtag-and-mention",
    ),
    pytest.param(
        "co-operation, now.",
        [
            ("co-operation", "co-operation", "word"),
            (",", ",", "punct"),
            ("now", "now", "word"),
            (".", ".", "punct"),
        ],
        id="hyphen-word-and-punct",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULE_CASES)
def test_rule_tokens(text, expected):
    assert [t[:3] for t in rule_tokens(text)] == expected
    assert [t[:3] for t in tokenize(text, lang="en")] == expected


MIXED_CASES = [
    pytest.param(
        "ロシアがU.S.と協議", ["ロシア", "が", "U.S.", "と", "協議"], id="latin-abbrev-inside-ja"
    ),
    pytest.param(
        "見てhttps://t.co/Ab1と述べた",
        ["見", "て", "https://t.co/Ab1", "と", "述べ", "た"],
        id="url-ends-at-japanese",
    ),
    pytest.param(
        "@nhk_newsによると", ["@nhk_news", "に", "よる", "と"], id="mention-ends-at-japanese"
    ),
    pytest.param("#反ロシア#対中露戦", ["#反ロシア", "#対中露戦"], id="chained-japanese-hashtags"),
    pytest.param("Putin'sの発言", ["Putin", "'s", "の", "発言"], id="possessive-inside-ja"),
]


@pytest.mark.parametrize(("text", "surfaces"), MIXED_CASES)
def test_mixed_japanese_and_latin(text, surfaces):
    assert [t[0] for t in tokenize(text)] == surfaces


def test_tokens_have_six_string_fields():
    for tok in tokenize("NATOは拡大しない https://t.co/x"):
        assert len(tok) == 6 and all(isinstance(f, str) for f in tok)


def test_one_tagger_per_process():
    assert get_tagger() is get_tagger()
    assert get_tagger(None) is get_tagger("")


def test_user_dictionary_keeps_name_whole(tmp_path):
    assert [t[0] for t in tokenize("ブリンケン国務長官")][:2] != ["ブリンケン", "国務"]
    dic = build_user_dictionary(["ブリンケン"], tmp_path, "test")
    assert dic is not None and dic.exists()
    tagger = get_tagger(dic)
    assert tagger is get_tagger(dic)
    assert tagger is not get_tagger()
    toks = tokenize("ブリンケン国務長官が会談", tagger=tagger)
    assert toks[0][:4] == ("ブリンケン", "ブリンケン", "名詞", "固有名詞")
    assert [t[0] for t in toks] == ["ブリンケン", "国務", "長官", "が", "会談"]


def test_rule_classes_of_edge_tokens():
    # one code path for tokenize() and ingest: the Arrow classifier follows the rule tokenizer's
    # Unicode \w and \d, a lone # or @ is punctuation, and every clitic has the lemma 's
    assert [t[:3] for t in tokenize("# @ ＠nhk_news Putin’S ÉTÉ ２０ 3.5 — NATO", lang="en")] == [
        ("#", "#", "punct"), ("@", "@", "punct"), ("＠nhk_news", "＠nhk_news", "mention"),
        ("Putin", "putin", "word"), ("’S", "'s", "word"), ("ÉTÉ", "été", "word"),
        ("２０", "２０", "num"), ("3.5", "3.5", "num"), ("—", "—", "punct"), ("NATO", "NATO", "word"),
    ]  # fmt: skip


def test_tokenize_gives_the_rows_ingest_stores(tmp_path):
    import crisisnotes
    from crisisnotes import config

    corpus = crisisnotes.load(config.SAMPLE_DUMP, cache_dir=tmp_path)
    tokens = corpus.tokens
    for s in corpus.sentences.head(40).itertuples():
        stored = tokens[(tokens.post_id == s.post_id) & (tokens.sentence_id == s.sentence_id)]
        stored = list(stored[["surface", "lemma", "pos1", "pos2", "pos3", "pos4"]].itertuples(index=False, name=None))
        tagger = get_tagger(corpus.lexicon.user_dictionary())
        assert tokenize(s.text, lang="ja" if s.lang == "ja" else "en", tagger=tagger) == stored


def test_a_full_width_space_at_the_edge_of_a_run_keeps_every_row_whole(tmp_path):
    """fugashi strips MeCab's output: an edge U+3000 (に　EU, a headline's gap) must not cut a row short."""
    from crisisnotes.tokenize import token_columns, tokenize_tsv

    for s in ["加盟候補国」に\u3000EU首脳会議が承認", "\u3000ロシア\u3000", "ロシア\u3000外相", "\u3000"]:
        tsv = tokenize_tsv(s)
        assert all(row.count("\t") == 5 for row in tsv.split("\n") if tsv), (s, tsv)
        token_columns(tsv)  # parses


def test_token_columns_mends_rows_it_cannot_read():
    from crisisnotes.tokenize import token_columns

    cols = token_columns("\u3000\t空白\nロシア\t名詞\t固有名詞\t地名\t国\tロシア")
    assert cols["surface"].to_pylist() == ["\u3000", "ロシア"]
    assert cols["pos1"].to_pylist() == ["空白", "名詞"]


def test_a_chunk_whose_token_rows_fail_falls_back_sentence_by_sentence(monkeypatch):
    """The fast path parses a whole chunk at once; if that fails, each sentence is tried alone and one that
    still fails keeps rule tokens with a warning: the dump is never lost for one sentence."""
    import pyarrow as pa

    from crisisnotes import tokenize, tokentable

    real = tokenize.token_columns
    bad = "壊れ"  # a token of the second sentence

    def flaky(tsv: str):
        if bad in tsv:
            raise pa.ArrowInvalid("unreadable row")
        return real(tsv)

    monkeypatch.setattr(tokentable, "token_columns", flaky)
    sents = [{"post_id": "p1", "sentence_id": 0, "text": "ロシアと協議した。", "lang": "ja"},
             {"post_id": "p1", "sentence_id": 1, "text": "壊れた文です。", "lang": "ja"}]  # fmt: skip
    with pytest.warns(UserWarning, match="p1 sentence 1"):
        table = tokentable.token_table(sents, tokenize.get_tagger())
    assert set(table.column("sentence_id").to_pylist()) == {0, 1}
    assert "ロシア" in table.column("surface").to_pylist()
