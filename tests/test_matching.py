"""Actor matching on normalised text, Japanese and English (shipped lexicon).

Each case: text, post date, the set of actor ids expected, and ids that must
NOT be found. Matching never depends on tokens (unidic-lite 1.0.8 splits
ブリンケン into ブリン+ケン; the matcher does not care).
"""

from __future__ import annotations

import datetime as dt

import pytest

from crisisnotes.actors import Lexicon
from crisisnotes.matching import find_mentions
from crisisnotes.text import normalize

D = dt.date(2022, 1, 26)


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def ids(lex: Lexicon, text: str, on: dt.date | None = D) -> set[str]:
    return {m.actor_id for m in find_mentions(normalize(text), lex, on=on)}


POSITIVE = [
    # Japanese names, titles and compounds
    ("ブリンケン国務長官は記者団に語った", {"blinken"}),
    ("ブリンケン長官は26日", {"blinken"}),
    ("ブリンケン米国務長官が会見", {"blinken", "usa"}),
    ("ロシアのラブロフ外相と会談した", {"rus", "lavrov"}),
    ("米中外相が電話会談", {"usa", "chn"}),
    ("日米豪印の枠組み", {"jpn", "usa", "aus", "ind"}),
    ("米ロ首脳会談が行われた", {"usa", "rus"}),
    ("独仏首脳は結束を確認", {"deu", "fra"}),
    ("英外相はモスクワを訪れた", {"gbr"}),
    ("露大統領府の報道官", {"rus"}),
    ("対中露で連携する", {"chn", "rus"}),
    ("米、ロシアに回答文書提示", {"usa", "rus"}),
    ("駐米大使が抗議", {"usa"}),
    ("訪米した首相", {"usa"}),
    ("王毅外相と電話で会談", {"wang_yi"}),
    ("中国の王毅外相", {"chn", "wang_yi"}),
    ("習近平国家主席", {"xi_jinping"}),
    ("プーチン大統領とマクロン大統領", {"putin", "macron"}),
    ("ゼレンスキー大統領", {"zelensky"}),
    ("ショルツ首相はワシントンを訪問", {"scholz"}),
    ("ストルテンベルグ事務総長", {"stoltenberg"}),
    ("NATO=北大西洋条約機構", {"nato"}),
    ("北大西洋条約機構の会合", {"nato"}),
    ("国連安全保障理事会", {"un"}),
    ("ＥＵの外相理事会", {"eu"}),
    ("Ｇ７外相会合", {"g7"}),
    ("グルシコ外務次官が受け取った", {"grushko"}),
    ("コザク大統領府副長官", {"kozak"}),
    ("イギリスのトラス外相", {"gbr", "truss"}),
    ("ウォレス国防相", {"wallace"}),
    ("アメリカ国務省によりますと", {"usa"}),
    ("ホワイトハウスの報道官", {"usa"}),
    ("クレムリンは反発", {"rus"}),
    ("スイスのジュネーブで", {"che"}),
    ("ベラルーシのルカシェンコ大統領", {"blr", "lukashenko"}),
    ("トルコのエルドアン大統領", {"tur", "erdogan"}),
    ("岸田総理大臣は", {"kishida"}),
    ("林外務大臣", {"hayashi"}),
    ("ウクライナ東部で", {"ukr"}),
    # English
    ("Putin's demands were rejected", {"putin"}),
    ("the U.S. and its allies", {"usa"}),
    ("US officials said", {"usa"}),
    ("Secretary Blinken met Lavrov", {"blinken", "lavrov"}),
    ("Secretary of State Antony Blinken", {"blinken"}),
    ("Russian gas flows", {"rus"}),
    ("British Foreign Secretary Liz Truss", {"gbr", "truss"}),
    ("the Kremlin said", {"rus"}),
    ("Moscow said it would respond", {"rus"}),
    ("talks between Moscow and Kyiv", {"rus", "ukr"}),
    ("Washington's reply was delivered", {"usa"}),
    ("NATO sent its written reply to Moscow", {"nato", "rus"}),
    ("首相の訪中は来月", {"chn"}),
    ("NATO Secretary General Jens Stoltenberg", {"nato", "stoltenberg"}),
    ("Chinese Foreign Minister Wang Yi", {"chn", "wang_yi"}),
    ("Xi Jinping and Vladimir Putin", {"xi_jinping", "putin"}),
    ("French President Emmanuel Macron", {"fra", "macron"}),
    ("German Chancellor Olaf Scholz", {"deu", "scholz"}),
    ("President Zelensky of Ukraine", {"zelensky", "ukr"}),
    ("the European Union imposed", {"eu"}),
    ("the OSCE meeting in Vienna", {"osce"}),
    ("Japan's prime minister", {"jpn"}),
    # a bare surname before a coordinator's or bureau chief's title, perhaps after its state
    ("一方、カービー米戦略広報調整官は1日、述べた", {"kirby", "usa"}),
    ("ホワイトハウスのカービー調整官", {"kirby"}),
]

NEGATIVE = [
    # ordinary words that contain an alias or abbreviation
    ("米価が上がった", {"usa"}),
    ("新米の季節", {"usa"}),
    ("大会は中止になった", {"chn"}),
    ("期間中は混雑する", {"chn"}),
    ("欧州を歴訪中の首相", {"chn"}),
    ("来訪中の外相と会談", {"chn", "jpn"}),
    ("英語で話した", {"gbr"}),
    ("日本時間の午後", {"jpn"}),
    ("26日に発表", {"jpn"}),
    ("毎日の会見", {"jpn"}),
    ("独自の制裁", {"deu"}),
    ("仏教の寺院", {"fra"}),
    ("ロシア語の報道", {"rus"}),
    ("テロ対策を強化", {"rus"}),
    ("北米と南米の市場", {"usa"}),
    ("欧米の同盟国", {"usa"}),
    ("宇宙開発", {"ukr"}),
    ("自由で開かれたインド太平洋", {"ind"}),
    ("加盟国が増加", {"can"}),
    ("この日は晴れ", {"jpn"}),
    ("朝日新聞によると", {"prk", "jpn"}),
    ("let us know", {"usa"}),
    ("the bus stopped", {"usa"}),
    ("a Putinesque speech", {"putin"}),
    ("in Geneva on Friday", {"che"}),
    ("flew to Moscow on Monday", {"rus"}),
    ("the road to Moscow", {"rus"}),
    ("the West and Europe", set()),
    ("Crimea and Donbas", set()),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds(lex: Lexicon, text: str, expected: set[str]) -> None:
    assert expected <= ids(lex, text)


@pytest.mark.parametrize(("text", "forbidden"), NEGATIVE, ids=[t for t, _ in NEGATIVE])
def test_does_not_find(lex: Lexicon, text: str, forbidden: set[str]) -> None:
    found = ids(lex, text)
    if forbidden:
        assert not (forbidden & found), found
    else:
        assert not found, found


def test_name_and_title_are_one_mention(lex: Lexicon) -> None:
    found = find_mentions(normalize("ブリンケン米国務長官は"), lex, on=D)
    assert [m.actor_id for m in found if m.actor_id == "blinken"] == ["blinken"]


@pytest.mark.parametrize(
    ("title", "on", "holder"),
    [
        ("米国務長官", dt.date(2022, 1, 26), "blinken"),
        ("米大統領", dt.date(2022, 1, 26), "biden"),
        ("ロシア外相", dt.date(2022, 1, 26), "lavrov"),
        ("米国務長官", dt.date(2020, 6, 1), None),
    ],
)
def test_roles_resolve_by_date(lex: Lexicon, title: str, on: dt.date, holder: str | None) -> None:
    roles = [m for m in find_mentions(normalize(title), lex, on=on) if m.via == "role"]
    assert [m.actor_id for m in roles] == ([holder] if holder else [])


def test_role_title_without_date_names_no_person(lex: Lexicon) -> None:
    assert all(m.via != "role" for m in find_mentions("米国務長官", lex, on=None))


def test_offsets_point_at_the_surface(lex: Lexicon) -> None:
    text = normalize("米国のサリバン駐ロシア大使とブリンケン長官")
    for m in find_mentions(text, lex, on=D):
        assert text[m.start : m.end] == m.surface


def test_user_file_is_merged_over_the_lexicon(tmp_path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "actor_id,kind,country,label_en,label_ja,aliases_ja,aliases_en,abbrev_ja,adjectives_en,wikidata\n"
        "navalny,person,RUS,Navalny,ナワリヌイ,ナワリヌイ,Navalny,,,\n"
        "blinken,person,USA,Blinken (Sec.),ブリンケン,ブリンケン,Blinken,,,\n",
        encoding="utf-8",
    )
    lex = Lexicon.load(extra)
    assert ids(lex, "ナワリヌイ氏") == {"navalny"}
    assert lex.actor("blinken")["label_en"] == "Blinken (Sec.)"


# Posts that could interact if matched as one text: a metonym or a role merge across
# the newline between posts, role titles on different dates, a post with no text.
CHUNK = [
    ("a", D, ["米国務長官は会見した", "ブリンケン"]),
    ("b", dt.date(2020, 6, 1), ["米国務長官", "Talks with Moscow"]),
    ("c", None, ["Kyiv and"]),
    ("d", D, ["Moscow said it would", ""]),
    ("e", D, ["between Moscow", "and Kyiv", "ブリンケン氏", "米国務長官が日米豪印の枠組み"]),
    ("f", dt.date(2022, 3, 1), ["ラブロフ外相", "ロシア外相は米中外相会談"]),
    ("g", D, ["Jake Sullivan met Lloyd Austin", "Sullivan and Austin said"]),
    ("h", D, ["Sullivan and Austin said"]),
    ("i", D, ["サリバン駐ロシア大使", "Sullivan said"]),
]


def test_chunk_columns_match_each_post_alone(lex: Lexicon) -> None:
    """``mention_columns_for`` matches all posts at once, exactly as one by one."""
    sents = [{"post_id": p, "sentence_id": k, "norm": normalize(s)}
             for p, _, ss in CHUNK for k, s in enumerate(ss)]  # fmt: skip
    cols = lex.mention_columns_for(sents, {p: on for p, on, _ in CHUNK})
    expected = []
    for p, on, ss in CHUNK:
        norms = [normalize(s) for s in ss]
        starts = [sum(len(x) + 1 for x in norms[:k]) for k in range(len(norms))]
        for m in find_mentions("\n".join(norms), lex, on=on):
            k = max(i for i, s in enumerate(starts) if s <= m.start)
            expected.append((p, k, m.actor_id, m.surface, m.start - starts[k], m.via))
    got = list(zip(*(cols[c] for c in ("post_id", "sentence_id", "actor_id", "surface", "start", "via")), strict=True))
    assert got == expected
    assert {"blinken", "rus", "ukr", "lavrov"} <= set(cols["actor_id"])
    assert cols["label_en"][cols["actor_id"].index("blinken")] == "Blinken"
    assert cols["actor_id"].count("austin") == 3  # g and h: a bare Austin standing alone in running text
    assert cols["actor_id"].count("sullivan_jake|sullivan_john") == 1  # h; i's is John's (title)
    assert cols["actor_id"].count("sullivan_john") == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("ヨルダン川西岸で衝突が続く。ヨルダンの国王は懸念を示した。", ["jor"]),
    ("コロンビア大学の教授は、コロンビアの大統領の発言に触れた。", ["col"]),
    ("Piracy in the Gulf of Guinea worries Guinea and Papua New Guinea.", ["gin", "png"]),
    ("The Panama Papers named no one in Panama.", ["pan"]),
    ("パプアニューギニアと赤道ギニアとギニア", ["png", "gnq", "gin"]),
])  # fmt: skip
def test_a_place_or_thing_named_after_a_state_is_no_mention_of_it(text, expected):
    """Blockers outrank the state name inside them (ヨルダン川西岸, Gulf of Guinea); the longer state name wins."""
    from crisisnotes.matching import find_mentions

    assert [m.actor_id for m in find_mentions(text, Lexicon.load())] == expected
