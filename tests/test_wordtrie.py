"""The compiled word trie (crisisnotes._wordtrie) finds exactly what the trie regex finds."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisnotes.actors import Lexicon
from crisisnotes.matching import matcher_for
from crisisnotes.trie import WordTrie

CHARS = st.sampled_from(list("abアイロシ米中外相 .・") + ["😀", "𠮷"])  # BMP, astral, blanks, dots


def _both(words: list[str], ids: list[int], text: str) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    return WordTrie(words, ids).find(text), WordTrie(words, ids, compiled=False).find(text)


@pytest.mark.skipif(os.environ.get("CRISISNOTES_PURE") == "1", reason="CRISISNOTES_PURE=1 turns the C modules off")
def test_compiled_trie_is_built_and_used() -> None:
    assert WordTrie(["a"], [0])._c is not None, "crisisnotes._wordtrie was not built (pip install -e . builds it)"


def test_longest_word_at_the_leftmost_point_then_on_from_its_end() -> None:
    words = ["ロシア", "ロシア外相", "外相", "米", "米中", "𠮷野", "ab", "abcd"]
    (ids, s, e), _ = _both(words, list(range(len(words))), "ロシア外相と米中、𠮷野 abc abcd")
    assert [words[i] for i in ids] == ["ロシア外相", "米中", "𠮷野", "ab", "abcd"]
    assert s.tolist() == [0, 6, 9, 12, 16] and e.tolist() == [5, 8, 11, 14, 20]


def test_a_later_duplicate_takes_the_id() -> None:
    compiled, regex = _both(["米", "米"], [3, 7], "米")
    assert compiled[0].tolist() == regex[0].tolist() == [7]


def test_same_matches_as_the_regex_on_the_actor_lexicon() -> None:
    m = matcher_for(Lexicon.load())
    text = "ブリンケン米国務長官はロシアのラブロフ外相と会談。米中外相、日米豪印、NATO's Stoltenberg met Blinken."
    for trie in (m.names, m.names_no_roles):
        compiled, regex = trie.find(text), WordTrie(list(trie.ids), list(trie.ids.values()), compiled=False).find(text)
        assert len(compiled[0]) >= 5
        assert all((a == b).all() for a, b in zip(compiled, regex, strict=True))


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.lists(CHARS, min_size=1, max_size=4).map("".join), min_size=1, max_size=12),
       text=st.lists(CHARS, max_size=60).map("".join))  # fmt: skip
def test_same_matches_as_the_regex_on_random_words_and_text(words: list[str], text: str) -> None:
    compiled, regex = _both(words, list(range(len(words))), text)
    assert all((a == b).all() for a, b in zip(compiled, regex, strict=True))
