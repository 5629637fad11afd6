"""crisisnotes._sentsplit splits lines exactly as sentences.sentence_spans does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisnotes.sentences import sentence_spans, sentence_spans_of

ROOT = Path(__file__).resolve().parents[1]
DUMPS = sorted((ROOT / "tests" / "data").glob("*.txt")) + [ROOT / "data" / "raw" / "sample_ukraine_2022.txt"]
SEED = ROOT.parent / "shared" / "seed" / "000_eb35837e95dd632a.txt"

TRICKY = [
    "会談した。「対話を続ける。」と述べた。「合意した。」政府は",  # a quoted sentence that stands alone, one that goes on
    "Mr. Blinken met the U.S. envoy. They spoke for 2.5 hours. No. 3 is next. Fig. A shows e.g. this.",
    "He said \"Stop!\" She left.  (Then) “Quoted.” ‘Single’ 「鍵」 A. B. Smith arrived. i.e. Done.",
    "Why? because... Yahoo! news said so! OK? 米国が反発！ロシアは？ 」ａ（未完",
    "See https://t.co/ab.C? Next. pic.twitter.com/x.Y and http://a.b/c!D then Done. http:// x.",
    "（ロシアは「NATO拡大。」と）主張。【速報】〔注〕［資料］『本。』と",
    "a.b.c.d.e.f.g.h.i. Next one. U.S.-Russia talks. No.5 no. 5 vol. ２ Art. III.",
    "\u3000 全角の空白。\u3000次の文。  ",
    "",
    "。。！？",
]


def _lines(paths: list[Path]) -> list[str]:
    return [ln for p in paths for ln in p.read_text(encoding="utf-8", errors="replace").split("\n")]


def test_compiled_splitter_is_built_and_used() -> None:
    from crisisnotes import _sentsplit  # noqa: F401  (CI builds it: pip install -e .)


def test_same_spans_on_tricky_lines() -> None:
    assert sentence_spans_of(TRICKY) == [sentence_spans(ln) for ln in TRICKY]
    assert len(sentence_spans_of(TRICKY)[1]) == 5  # Mr. U.S. No. (before a number) e.g. end none; Fig. before A does


def test_same_spans_on_every_line_of_the_bundled_dumps() -> None:
    lines = _lines(DUMPS)
    assert len(lines) > 5000
    assert sentence_spans_of(lines) == [sentence_spans(ln) for ln in lines]


@pytest.mark.seed
def test_same_spans_on_every_line_of_the_seed() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed absent")
    lines = _lines([SEED])
    assert sentence_spans_of(lines) == [sentence_spans(ln) for ln in lines]


CHARS = st.sampled_from(
    list("。！？!?.「」『』（）()“”‘’【】〔〕［］\"' \u3000\tとは、aAbZz0９ｱ米/:")
    + ["Mr", "U.S", "no", "e.g", "https://t.co/x", "pic.twitter.com/", "http://", "\u2028", "\u00a0", "²", "٣"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(CHARS, max_size=40).map("".join), max_size=6))
def test_same_spans_on_random_lines(lines: list[str]) -> None:
    assert sentence_spans_of(lines) == [sentence_spans(ln) for ln in lines]
