"""Bare surnames (crisisnotes.surnames): one-word person aliases that need a title or the name elsewhere.

Each case is a whole post (sentences joined by newlines, as ingest matches them) and the
(actor_id, surface) pairs that must or must not be found.
"""

from __future__ import annotations

import datetime as dt

import pytest

from crisisnotes.actors import Lexicon
from crisisnotes.match_rules import GUARDED_SURNAMES
from crisisnotes.matching import find_mentions
from crisisnotes.surnames import GUARDED, SHARED, BareSurnames
from crisisnotes.text import normalize

D = dt.date(2022, 1, 26)
AMBIGUOUS = "sullivan_jake|sullivan_john"


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def found(lex: Lexicon, text: str, on: dt.date | None = D) -> set[tuple[str, str]]:
    return {(m.actor_id, m.surface) for m in find_mentions(normalize(text), lex, on=on)}


KEPT = [
    # a title next to the bare surname
    ("Secretary Austin said on Friday", ("austin", "Austin")),
    # a listed English surname standing alone in running text names the person
    ("Truss said", ("truss", "Truss")),
    ("Britain's Johnson warns Moscow", ("johnson", "Johnson")),
    ("Biden, Johnson Discuss Ukraine", ("johnson", "Johnson")),
    ("Austin, Milley brief Congress", ("austin", "Austin")),
    ("Defense Secretary Austin said", ("austin", "Austin")),
    ("Mr Johnson told MPs", ("johnson", "Johnson")),
    ("PM Truss spoke", ("truss", "Truss")),
    ("Price, the State Department spokesman, said", ("price", "Price")),
    ("イギリスのトラス外相は", ("truss", "トラス")),
    ("トラス英外相は", ("truss", "トラス")),
    ("トラス氏は警告した", ("truss", "トラス")),
    ("シャーマン国務副長官", ("sherman", "シャーマン")),
    ("ジョンソン英首相", ("johnson", "ジョンソン")),
    # the post names the person safely elsewhere (before or after: a headline, then the body)
    (
        "State Department spokesman Ned Price spoke.\nPrice said talks would go on",
        ("price", "Price"),
    ),
    ("Truss warns Moscow\nBritish Foreign Secretary Liz Truss said", ("truss", "Truss")),
    ("Lloyd Austin flew in. Austin said", ("austin", "Austin")),
    ("Charles Michel said. Michel added", ("michel", "Michel")),
    ("英首相が会見した。\nジョンソン政権は", ("johnson", "ジョンソン")),
    # free surnames need nothing
    ("Blinken said", ("blinken", "Blinken")),
    ("プーチンが演説", ("putin", "プーチン")),
]

DROPPED = [
    ("oil price rose", "price"),
    ("Oil Price Jumps", "price"),
    ("Price said", "price"),
    ("Price cap on Russian oil", "price"),
    ("Austin, Texas", "austin"),
    ("a concert in Austin on Friday", "austin"),
    ("Truss Bridge opened", "truss"),
    ("the Dwayne Johnson film", "johnson"),
    ("a concert near Austin", "austin"),
    ("Johnson & Johnson vaccine", "johnson"),
    ("Michel Barnier said", "michel"),
    ("Linde shares rose", "linde"),
    ("Harris County", "harris"),
    ("Sherman tanks", "sherman"),
    ("トラス構造の橋", "truss"),
    ("ジョンソン・エンド・ジョンソン", "johnson"),
    ("シャーマンの儀式", "sherman"),
    ("テキサス州オースティンで", "austin"),
    # a role title without a date names nobody, so it anchors nobody
    ("英首相は会見した。ジョンソンは", "johnson"),
]


@pytest.mark.parametrize(("text", "mention"), KEPT, ids=[t for t, _ in KEPT])
def test_anchored_surname_is_kept(lex: Lexicon, text: str, mention: tuple[str, str]) -> None:
    assert mention in found(lex, text)


@pytest.mark.parametrize(("text", "actor"), DROPPED, ids=[t for t, _ in DROPPED])
def test_unanchored_surname_is_dropped(lex: Lexicon, text: str, actor: str) -> None:
    on = None if "英首相" in text else D
    assert actor not in {a for a, _ in found(lex, text, on)}


def test_role_on_the_post_date_anchors_the_surname(lex: Lexicon) -> None:
    text = "英首相は会見した。ジョンソンは"
    assert ("johnson", "ジョンソン") in found(lex, text, D)
    assert ("johnson", "ジョンソン") not in found(lex, text, None)
    assert ("austin", "Austin") in found(
        lex, "the U.S. Secretary of Defense met allies.\nAustin said", D
    )


SULLIVAN = [
    ("Sullivan said", AMBIGUOUS),
    ("サリバン氏は", AMBIGUOUS),
    ("Jake Sullivan met Wang Yi. Sullivan said", "sullivan_jake"),
    ("John Sullivan met Ryabkov. Sullivan said", "sullivan_john"),
    ("サリバン補佐官が会見。サリバン氏は", "sullivan_jake"),
    ("米国のサリバン駐ロシア大使は", "sullivan_john"),
    ("Ambassador Sullivan said", "sullivan_john"),
    ("Sullivan, the U.S. ambassador to Russia, said", "sullivan_john"),
    ("national security adviser Sullivan said", "sullivan_jake"),
    ("Jake Sullivan and John Sullivan met. Sullivan said", AMBIGUOUS),
]


@pytest.mark.parametrize(("text", "actor"), SULLIVAN, ids=[t for t, _ in SULLIVAN])
def test_shared_surname_goes_to_the_anchored_person_or_is_not_guessed(
    lex: Lexicon, text: str, actor: str
) -> None:
    bare = [
        m
        for m in find_mentions(normalize(text), lex, on=D)
        if m.surface in ("Sullivan", "サリバン", "Ambassador Sullivan")
    ]
    assert [m.actor_id for m in bare] == [actor]
    assert bare[0].via == ("ambiguous" if actor == AMBIGUOUS else "name")


def test_ambiguous_row_carries_what_the_candidates_share(lex: Lexicon) -> None:
    sents = [{"post_id": "p", "sentence_id": 0, "norm": "Sullivan said"}]
    cols = lex.mention_columns_for(sents, {"p": D})
    row = {c: v[0] for c, v in cols.items()}
    assert row["actor_id"] == AMBIGUOUS and row["via"] == "ambiguous"
    assert (row["label_en"], row["label_ja"], row["kind"], row["country"]) == (
        "Sullivan",
        "サリバン",
        "person",
        "USA",
    )


def test_other_post_does_not_anchor(lex: Lexicon) -> None:
    sents = [
        {"post_id": "a", "sentence_id": 0, "norm": "Ned Price and Jake Sullivan met"},
        {"post_id": "b", "sentence_id": 0, "norm": "Price and Sullivan said"},
    ]
    cols = lex.mention_columns_for(sents, {"a": D, "b": D})
    in_b = [a for p, a in zip(cols["post_id"], cols["actor_id"], strict=True) if p == "b"]
    assert in_b == [AMBIGUOUS]


def test_survey_of_the_shipped_lexicon(lex: Lexicon) -> None:
    bs = BareSurnames(lex)
    assert {f for f, s in bs.status.items() if s == SHARED} == {"Sullivan", "サリバン", "Wang", "Li", "李氏", "Burns", "バーンズ", "Kim", "金氏"}
    assert bs.status["王氏"] == GUARDED and bs.status["華氏"] == GUARDED  # bound to the full name in the post
    label_only = {"Price", "Michel", "Linde", "Anand", "Sanchez", "Borne", "Antonov"}
    assert label_only <= {f for f, s in bs.status.items() if s == GUARDED}
    # every listed surname is a one-word alias of a person (a typo would guard nothing)
    assert set(bs.status) >= GUARDED_SURNAMES
    assert "Blinken" not in bs.status and "プーチン" not in bs.status
    assert (
        bs.titled["サリバン", "大使"] == "sullivan_john"
        and bs.titled["Sullivan", "adviser"] == "sullivan_jake"
        and bs.titled["バーンズ", "大使"] == "burns_nicholas" and bs.titled["バーンズ", "長官"] == "burns"
    )


def test_mr_wang_is_the_wang_the_post_names_in_full():
    from crisisnotes.matching import find_mentions

    lex = Lexicon.load()
    got = [(m.actor_id, m.via) for m in find_mentions("Blinken met Wang Yi in Munich. Mr Wang said China would act.", lex)]
    assert got.count(("wang_yi", "name")) == 2 and not any(a == "wang_wenbin" for a, _ in got)
    for text in ("Wang Ming, a professor, said so.", "Mr Wang said China would act.", "Li Na won."):
        assert not [m for m in find_mentions(text, lex) if m.actor_id not in ("chn",)], text


def test_a_one_character_surname_with_shi_is_the_person_the_post_names_in_full():
    """王氏 after 王毅 is Wang Yi; 李氏 with 李輝 named is Li Hui; alone, or 華氏 (Fahrenheit), it is no one."""
    from crisisnotes.matching import find_mentions

    lex = Lexicon.load()

    def ids(text: str) -> list[str]:
        return [m.actor_id for m in find_mentions(text, lex) if lex.actors.get(m.actor_id, {}).get("kind") == "person"]

    assert ids("ロシアの大統領は中国の王毅氏と会談した。王氏は外相とも会った。") == ["wang_yi", "wang_yi"]
    assert ids("中国の李輝特別代表がキーウを訪れた。李氏は外相と会談した。") == ["li_hui", "li_hui"]
    assert ids("王氏は外相と会談した。李氏も同席した。気温は華氏100度に達した。") == []
