"""The compiled token path (crisisnotes._nodecols) gives exactly the pure path's token table.

The pure path (MeCab's text output read back by Arrow) is the reference: every
test tokenizes the same sentences through both and compares the whole table.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisnotes import nodecols
from crisisnotes.actors import Lexicon
from crisisnotes.dumps import read_dump
from crisisnotes.pipeline import sentence_rows, token_table
from crisisnotes.tokenize import get_tagger

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "sample_ukraine_2022.txt"
SEED = ROOT.parent / "shared" / "seed" / "000_eb35837e95dd632a.txt"

pytestmark = pytest.mark.skipif(
    os.environ.get("CRISISNOTES_PURE") == "1", reason="CRISISNOTES_PURE=1 turns the compiled modules off"
)


@pytest.fixture(scope="module")
def taggers() -> tuple[object, nodecols.NodeTagger]:
    user_dic = Lexicon.load().user_dictionary()
    node = nodecols.node_tagger(user_dic)
    assert node is not None, "crisisnotes._nodecols was not built or failed its self-check (pip install -e . builds it)"
    return get_tagger(user_dic), node


def _sentences(texts: list[str], lang: str = "ja") -> list[dict[str, object]]:
    return [{"post_id": f"p{k}", "sentence_id": 0, "lang": lang, "text": t} for k, t in enumerate(texts)]


def _both(sentences: list[dict[str, object]], taggers: tuple[object, nodecols.NodeTagger]) -> tuple[pa.Table, pa.Table]:
    pure, node = taggers
    return token_table(sentences, pure), token_table(sentences, pure, node)


def test_compiled_path_is_built_and_used() -> None:
    """CI builds the C module (pip install -e .); a silent fallback would leave it untested."""
    assert nodecols.available()


@pytest.mark.parametrize("dump", [SAMPLE, SEED], ids=["sample", "seed"])
def test_same_token_table_as_the_pure_path_on_whole_dumps(dump: Path, taggers) -> None:
    if not dump.exists():
        pytest.skip(f"{dump} absent (the seed lives in ../shared/seed)")
    posts = read_dump(dump).posts
    sents = sentence_rows(posts.to_dict("records"))
    pure, compiled = _both(sents, taggers)
    assert compiled.num_rows > 1000
    assert compiled.equals(pure)


TRICKY = [
    "ロシア外相はブリンケン米国務長官と、ジュネーブで会談した。",  # known words, a user-dictionary name, glosses
    "ｗｗｗ　ーー😀❗️",  # unknown words, a variation selector, full-width blanks
    "「協議」を続け,2022年1月21日に合意",  # a comma token (its feature is a quoted field)
    "米ロ\t首脳\r会談 U.S.-led talks",  # tabs and carriage returns, a Latin run with a hyphen
    "　　",  # blanks only: no token
    "*印の*を* 付けた",  # asterisks as surfaces
    "x-y は〜Ａ－Ｂ",  # hyphens in Latin and full-width runs
]


def test_same_token_table_on_tricky_text(taggers) -> None:
    pure, compiled = _both(_sentences(TRICKY), taggers)
    assert compiled.equals(pure)
    assert compiled.column("pos1").to_pylist().count("punct") >= 1  # the rule tokens are classified


def test_english_sentences_are_rule_tokens_only(taggers) -> None:
    pure, compiled = _both(_sentences(["Blinken met Lavrov in Geneva, U.S. officials said."], lang="en"), taggers)
    assert compiled.equals(pure)
    assert set(compiled.column("pos1").to_pylist()) <= {"word", "punct", "num"}


ALPHABET = st.sampled_from(
    list("ロシアウクライナ米中外相会談協議電話ーｗＡ－・、。「」,.'’-*#@ 　\t\r")
    + ["NATO", "U.S.", "https://t.co/x1", "2022年", "😀", "❗️", "\u200b", "\u0301", "ｶﾀｶﾅ", "Ⅻ", "①"]
)
LATIN = st.sampled_from(  # the rule tokenizer's corners: clitics, abbreviations, numbers, links, Unicode letters
    list("abcsSxyzAZ019.,:;'’-_#@＃＠&!?()\"/ \t") + ["Putin", "it's", "’s", "rock'n-roll", "e.g.", "U.S.A.",
    "3.5", "1,000", "10:30", "http://", "https://a.b/c", "pic.twitter.com/x", "Café", "naïve", "İstanbul",
    "ß", "é", "²", "٣", "x_y", "ＮＡＴＯ", "—", "…", "“", "ロシア"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.lists(ALPHABET, max_size=25).map("".join), min_size=1, max_size=5),
       lang=st.sampled_from(["ja", "en"]))  # fmt: skip
def test_same_token_table_on_random_text(taggers, texts: list[str], lang: str) -> None:
    pure, compiled = _both(_sentences(texts, lang), taggers)
    assert compiled.equals(pure)


RULE_CORNERS = [  # one per branch of the rule tokenizer and of the classes
    "Putin's PUTIN'S it'S it'sy it’s O'Neill rock'n-roll x-'s ’s 's' 'S.",
    "U.S U.S. U.S.A. e.g. A.B.c a.b. N.Y.-based NATO's NATO A1 A a Ab",
    "3.5 1,000 10:30 3. .5 3:x ٣٫٤ ٣.٤ ² x_y _ __init__ é Café naïve İSTANBUL ß ＮＡＴＯ",
    "# #x #é ＃タグ @ @x_1 @é ＠x http:// https://a.b/c pic.twitter.com/ pic.twitter.com/x http://x",
    "—…“”‘ (a) [b] & ! ? \" / \t\u3000 \u00a0x",
    "¿ ¡ § ¶ · × ÷ ‰ ′ ″ ‹ › ※ 〜 〃 々 〆 〇 ＃ ％ ＆ ² ª µ ʰ \u0301 \u200b ⸀ 🙂 ﹏",  # one character each: punctuation or not
]


def test_same_rule_tokens_on_the_corners(taggers) -> None:
    for lang in ("ja", "en"):
        pure, compiled = _both(_sentences(RULE_CORNERS, lang), taggers)
        assert compiled.equals(pure), lang
    assert {"url", "hashtag", "mention", "num", "punct", "word"} <= set(compiled.column("pos1").to_pylist())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.lists(LATIN, max_size=30).map("".join), min_size=1, max_size=5),
       lang=st.sampled_from(["ja", "en"]))  # fmt: skip
def test_same_rule_tokens_on_random_latin_text(taggers, texts: list[str], lang: str) -> None:
    pure, compiled = _both(_sentences(texts, lang), taggers)
    assert compiled.equals(pure)


def test_a_failing_compiled_path_falls_back_to_the_pure_one(taggers) -> None:
    class Broken:
        def columns(self, pieces, kinds):
            raise RuntimeError("MeCab failed")

    pure, _ = taggers
    sents = _sentences(["ロシアはNATOと協議した"])
    assert token_table(sents, pure, Broken()).equals(token_table(sents, pure))  # type: ignore[arg-type]
