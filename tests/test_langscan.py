"""crisisnotes._langscan guesses each text's language exactly as text.guess_lang does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crisisnotes.text import guess_lang, guess_langs

CHARS = st.sampled_from(list("abXYZ019 .ロシア米中ｶﾀぁゟ㐀䶿一鿿ｦﾟ〇ーé") + ["\u309f", "\u30ff", "\u3400", "\uff65", "\uffa0", "😀", "𠮷"])


def test_compiled_guess_is_built_and_used() -> None:
    from crisisnotes import _langscan  # noqa: F401  (CI builds it: pip install -e .)


def test_the_rule_at_its_edges() -> None:
    texts = ["", "123", "NATO", "NATO加盟", "abcdefghi米中日", "abcdefghij米中日", "ｶﾀｶﾅ", "〇", "é"]
    assert guess_langs(texts) == [guess_lang(t) for t in texts] == ["und", "und", "en", "ja", "ja", "en", "ja", "und", "und"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CHARS, max_size=40).map("".join), max_size=8))
def test_same_guess_as_the_python_rule_on_random_text(texts: list[str]) -> None:
    assert guess_langs(texts) == [guess_lang(t) for t in texts]
