"""Validation of the shipped lexicon data (actors, roles, outlets).

The CSVs are read with the ``csv`` module only (no crisisnotes code), so these
tests check the data itself: headers, codes, uniqueness of surface forms,
dated roles, outlet handles. The conventions are in
``src/crisisnotes/lexicons/README.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEX = ROOT / "src" / "crisisnotes" / "lexicons"
GOLD = ROOT.parent / "shared" / "seed" / "gold_seed.json"

ACTOR_COLUMNS = [
    "actor_id", "kind", "country", "label_en", "label_ja", "aliases_ja", "aliases_en",
    "abbrev_ja", "adjectives_en", "wikidata",
]  # fmt: skip
ROLE_COLUMNS = ["role_ja", "role_en", "actor_id", "start", "end"]
OUTLET_COLUMNS = [
    "handle", "outlet_en", "outlet_ja", "organisation", "country", "language", "type", "timezone",
]  # fmt: skip
KINDS = {"person", "state", "org"}
ORG_CODES = {"NATO", "EU", "UN", "OSCE", "G7"}
OUTLET_TYPES = {
    "broadcaster", "wire", "newspaper", "magazine", "state_media", "government", "person", "digital",
}  # fmt: skip

# Names listed in GUIDELINES.md §2 (persons, states, organisations).
GUIDELINE_PERSONS = [
    "Blinken", "Lavrov", "Putin", "Biden", "Macron", "Scholz", "Zelensky", "Stoltenberg",
    "Sullivan", "Grushko", "Kozak", "Truss", "Wallace", "Kishida", "Hayashi", "Sherman",
    "Ryabkov", "Le Drian", "Erdogan", "Cavusoglu", "Kuleba", "Medinsky", "Podolyak",
    "Lukashenko", "Bennett", "Johnson", "Makei", "Venislavsky", "Wang Yi", "Xi Jinping",
    "Yang Jiechi",
]  # fmt: skip
GUIDELINE_STATES = [
    "United States", "Russia", "Ukraine", "China", "Japan", "France", "Germany",
    "United Kingdom", "Belarus", "Italy", "Switzerland", "Turkey", "Poland", "Israel",
    "North Korea", "South Korea",
]  # fmt: skip
GUIDELINE_ORGS = ["NATO", "EU", "UN", "OSCE", "G7"]

# Documented exceptions (lexicons/README.md, "Known ambiguities").
SHARED_FORMS = {
    "Sullivan": {"sullivan_jake", "sullivan_john"},
    "サリバン": {"sullivan_jake", "sullivan_john"},
    "Wang": {"wang_wenbin", "wang_yi"},
    "Li": {"li_hui", "li_keqiang"},  # guarded too: "Mr Wang" is the one the post names in full, else dropped
    "李氏": {"li_hui", "li_keqiang"},  # 李氏, 王氏: bound to the full name in the post (surnames.post_bound)
    "Burns": {"burns", "burns_nicholas"},  # William (CIA) and Nicholas (ambassador to China), as Sullivan
    "バーンズ": {"burns", "burns_nicholas"},
    # Kim Jong Un and Kim Yo Jong; guarded too ("Kim" is the commonest Korean surname): a bare Kim
    # or 金氏 is the one the post names in full, else dropped
    "Kim": {"kim_jong_un", "kim_yo_jong"},
    "金氏": {"kim_jong_un", "kim_yo_jong"},
}
CONTAINED_OK = {
    ("国連", "アラブ首長国連邦"),
    # a state's name inside a longer state name (longest match gives the longer one)
    ("Guinea", "Equatorial Guinea"), ("Guinea", "Guinea-Bissau"), ("Guinea", "Papua New Guinea"),
    ("Guinean", "Equatorial Guinean"), ("Guinean", "Bissau-Guinean"),
    ("Guinean", "Papua New Guinean"), ("ギニア", "赤道ギニア"),
    ("Republic of the Congo", "Democratic Republic of the Congo"),
    ("Republic of Congo", "Democratic Republic of Congo"),
    ("Sudan", "South Sudan"), ("Sudanese", "South Sudanese"), ("スーダン", "南スーダン"),
    # a person whose given name is another actor's name (longest match gives the person)
    ("Israel", "Israel Katz"), ("イスラエル", "イスラエル・カッツ"), ("Abbas", "Abbas Araghchi"), ("アッバス", "アッバス・アラグチ"),
}  # fmt: skip
NOT_ALIASES = [
    "Moscow", "Washington", "Kyiv", "Kiev", "Beijing", "Geneva", "モスクワ", "ワシントン",
    "us", "Us", "the", "林", "岸", "菅", "習", "王", "Korea", "Moon",
    "欧米", "West", "Europe", "Crimea", "Donbas", "Taiwan", "台湾", "クリミア", "コロナ", "サキ",
    "カラス", "マリン", "カシス", "ラウ", "プライス", "Republic of Korea", "Foreign Office",
]  # fmt: skip

_WS = re.compile(r"[ \t\u3000\u00a0]+")
_KATA = re.compile(r"[\u30a0-\u30ffー]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def norm(s: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", s))


def split(v: str) -> list[str]:
    return v.split("|") if v else []


def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (LEX / name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def actors() -> list[dict[str, str]]:
    return read("actors.csv")[1]


@pytest.fixture(scope="module")
def by_id(actors: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {r["actor_id"]: r for r in actors}


@pytest.fixture(scope="module")
def roles() -> list[dict[str, str]]:
    return read("roles.csv")[1]


@pytest.fixture(scope="module")
def outlets() -> list[dict[str, str]]:
    return read("outlets.csv")[1]


def surfaces(row: dict[str, str]) -> set[str]:
    """Every form the loader matches for ``row`` (labels included)."""
    out = {row["label_en"], row["label_ja"]}
    for col in ("aliases_ja", "aliases_en", "adjectives_en"):
        out.update(split(row[col]))
    return {s for s in out if s}


def contained_as_word(short: str, long: str) -> bool:
    """``short`` inside ``long`` where the matcher's boundary rules would find it."""
    for m in re.finditer(re.escape(short), long):
        s, e = m.start(), m.end()
        pre = long[s - 1] if s else ""
        post = long[e] if e < len(long) else ""
        if _ALNUM.match(short[0]) and pre and _ALNUM.match(pre):
            continue
        if _ALNUM.match(short[-1]) and post and _ALNUM.match(post):
            continue
        if _KATA.match(short[0]) and pre and _KATA.match(pre) and pre != "・":
            continue
        if _KATA.match(short[-1]) and post and _KATA.match(post) and post != "・":
            continue
        return True
    return False


def date(s: str) -> dt.date:
    assert _DATE.fullmatch(s), s
    return dt.date.fromisoformat(s)


# ------------------------------------------------------------------ files


@pytest.mark.parametrize(
    ("name", "columns"),
    [("actors.csv", ACTOR_COLUMNS), ("roles.csv", ROLE_COLUMNS), ("outlets.csv", OUTLET_COLUMNS)],
)
def test_header_and_shape(name: str, columns: list[str]) -> None:
    raw = (LEX / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert b"\r\n" not in raw, "LF line ends"
    header, rows = read(name)
    assert header == columns
    for k, row in enumerate(rows, start=2):
        assert None not in row and all(v is not None for v in row.values()), f"{name}:{k} width"
        for c, v in row.items():
            assert v == v.strip(), f"{name}:{k} {c} has surrounding spaces"


def test_readme_documents_every_column() -> None:
    text = (LEX / "README.md").read_text(encoding="utf-8")
    for c in {*ACTOR_COLUMNS, *ROLE_COLUMNS, *OUTLET_COLUMNS}:
        assert f"`{c}`" in text, c


# ------------------------------------------------------------------ actors


def test_actor_ids_unique_and_slugs(actors: list[dict[str, str]]) -> None:
    ids = [r["actor_id"] for r in actors]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), ids


def test_enough_actors(actors: list[dict[str, str]]) -> None:
    assert len(actors) >= 120
    kinds = defaultdict(int)
    for r in actors:
        kinds[r["kind"]] += 1
    assert kinds["state"] >= 45
    assert kinds["org"] == len(ORG_CODES)


def test_kind_and_country(actors: list[dict[str, str]]) -> None:
    for r in actors:
        assert r["kind"] in KINDS, r
        c = r["country"]
        assert c in ORG_CODES or re.fullmatch(r"[A-Z]{3}", c), r
        if r["kind"] == "state":
            assert c not in ORG_CODES and r["actor_id"] == c.lower(), r
        if r["kind"] == "org":
            assert c in ORG_CODES and r["actor_id"] == c.lower(), r


def test_person_country_is_a_row(actors: list[dict[str, str]]) -> None:
    codes = {r["country"] for r in actors if r["kind"] in ("state", "org")}
    for r in actors:
        if r["kind"] == "person":
            assert r["country"] in codes, r


def test_labels(actors: list[dict[str, str]]) -> None:
    for r in actors:
        assert r["label_en"] and r["label_ja"], r
        assert r["label_en"].isascii(), r  # no diacritics (Cavusoglu, Erdogan)
        assert norm(r["label_ja"]) == r["label_ja"], r


@pytest.mark.parametrize("name", GUIDELINE_PERSONS + GUIDELINE_STATES + GUIDELINE_ORGS)
def test_guideline_names_are_labels(by_id: dict[str, dict[str, str]], name: str) -> None:
    assert name in {r["label_en"] for r in by_id.values()}


@pytest.mark.seed
def test_gold_actor_names_are_labels(actors: list[dict[str, str]]) -> None:
    if not GOLD.exists():
        pytest.skip("../shared/seed not present")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    names = {a for p in gold["posts"] for a in p["actors"]}
    labels = {r["label_en"] for r in actors}
    assert names <= labels, names - labels
    codes = {c for e in gold["events"] for c in e["participants"]}
    assert codes <= {r["country"] for r in actors if r["kind"] != "person"}


def test_list_fields_are_clean(actors: list[dict[str, str]]) -> None:
    for r in actors:
        for col in ("aliases_ja", "aliases_en", "abbrev_ja", "adjectives_en"):
            items = split(r[col])
            assert all(items), f"{r['actor_id']} {col}: empty item"
            assert len(items) == len(set(items)), f"{r['actor_id']} {col}: duplicate"
            for a in items:
                assert a == a.strip() and norm(a) == a, f"{r['actor_id']} {col}: {a!r} not NFKC"


def test_every_actor_has_aliases(actors: list[dict[str, str]]) -> None:
    for r in actors:
        assert split(r["aliases_ja"]) and split(r["aliases_en"]), r["actor_id"]


def test_state_only_columns(actors: list[dict[str, str]]) -> None:
    owner: dict[str, str] = {}
    for r in actors:
        if r["kind"] != "state":
            assert not r["abbrev_ja"] and not r["adjectives_en"], r["actor_id"]
        for a in split(r["abbrev_ja"]):
            assert len(a) == 1, (r["actor_id"], a)
            assert a not in owner, (a, owner.get(a), r["actor_id"])
            owner[a] = r["actor_id"]


def test_wikidata_ids(actors: list[dict[str, str]]) -> None:
    qs = [r["wikidata"] for r in actors if r["wikidata"]]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qs), qs
    assert len(qs) == len(set(qs))
    by = {r["actor_id"]: r["wikidata"] for r in actors}
    assert (by["usa"], by["rus"], by["ukr"], by["nato"]) == ("Q30", "Q159", "Q212", "Q7184")


def test_no_form_names_two_actors(actors: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for r in actors:
        for s in surfaces(r) | set(split(r["abbrev_ja"])):
            owners[s].add(r["actor_id"])
    clashes = {s: ids for s, ids in owners.items() if len(ids) > 1}
    assert clashes == SHARED_FORMS


def test_no_alias_swallows_another_actor(actors: list[dict[str, str]]) -> None:
    forms = [(s, r["actor_id"]) for r in actors for s in surfaces(r)]
    bad = set()
    for short, a in forms:
        for long, b in forms:
            if a == b or short == long or short in SHARED_FORMS:
                continue
            if contained_as_word(short, long) and (short, long) not in CONTAINED_OK:
                bad.add((short, a, long, b))
    assert not bad, sorted(bad)


@pytest.mark.parametrize("form", NOT_ALIASES)
def test_excluded_forms(actors: list[dict[str, str]], form: str) -> None:
    assert all(form not in surfaces(r) for r in actors)


@pytest.mark.parametrize(
    ("form", "actor_id"),
    [
        ("ブリンケン", "blinken"), ("アントニー・ブリンケン", "blinken"), ("Tony Blinken", "blinken"),
        ("王毅", "wang_yi"), ("習近平", "xi_jinping"), ("林芳正", "hayashi"), ("林外相", "hayashi"),
        ("岸田", "kishida"), ("岸田文雄", "kishida"), ("ゼレンシキー", "zelensky"),
        ("Zelenskyy", "zelensky"), ("ストルテンベルク", "stoltenberg"), ("グルシコ", "grushko"),
        ("コザク", "kozak"), ("ルカシェンコ", "lukashenko"), ("エルドアン", "erdogan"),
        ("チャブシオール", "cavusoglu"), ("チャウショール", "cavusoglu"), ("Çavuşoğlu", "cavusoglu"),
        ("ショルツ", "scholz"), ("ル・ドリアン", "le_drian"), ("ルドリアン", "le_drian"),
        ("トラス", "truss"), ("ウォレス", "wallace"), ("マクロン", "macron"), ("プーチン", "putin"),
        ("ラブロフ", "lavrov"), ("サリバン大使", "sullivan_john"), ("ジェイク・サリバン", "sullivan_jake"),
        ("アメリカ", "usa"), ("米国", "usa"), ("合衆国", "usa"), ("U.S.", "usa"), ("US", "usa"),
        ("USA", "usa"), ("America", "usa"), ("White House", "usa"), ("ホワイトハウス", "usa"),
        ("国務省", "usa"), ("国防総省", "usa"), ("Pentagon", "usa"), ("State Department", "usa"),
        ("クレムリン", "rus"), ("ロシア大統領府", "rus"), ("露大統領府", "rus"), ("Kremlin", "rus"),
        ("ロシア外務省", "rus"), ("エリゼ宮", "fra"), ("Élysée", "fra"), ("Elysee", "fra"),
        ("Downing Street", "gbr"), ("British", "gbr"), ("Belarussian", "blr"),
        ("北大西洋条約機構", "nato"), ("NATO", "nato"), ("欧州連合", "eu"), ("EU", "eu"),
        ("国連", "un"), ("国際連合", "un"), ("United Nations", "un"), ("UN", "un"),
        ("欧州安保協力機構", "osce"), ("全欧安保協力機構", "osce"), ("OSCE", "osce"),
        ("G7", "g7"), ("主要7か国", "g7"), ("主要7カ国", "g7"),
    ],
)  # fmt: skip
def test_expected_forms(by_id: dict[str, dict[str, str]], form: str, actor_id: str) -> None:
    assert form in surfaces(by_id[actor_id])


@pytest.mark.parametrize(
    ("abbrev", "actor_id"),
    [("米", "usa"), ("露", "rus"), ("ロ", "rus"), ("中", "chn"), ("英", "gbr"), ("仏", "fra"),
     ("独", "deu"), ("日", "jpn"), ("韓", "kor"), ("朝", "prk"), ("宇", "ukr"), ("伊", "ita"),
     ("加", "can"), ("豪", "aus"), ("印", "ind"), ("土", "tur"), ("蘭", "nld")],
)  # fmt: skip
def test_abbreviations(by_id: dict[str, dict[str, str]], abbrev: str, actor_id: str) -> None:
    assert abbrev in split(by_id[actor_id]["abbrev_ja"])


# ------------------------------------------------------------------ roles


def test_enough_roles(roles: list[dict[str, str]]) -> None:
    assert len(roles) >= 40


def test_roles_are_valid(roles: list[dict[str, str]], by_id: dict[str, dict[str, str]]) -> None:
    for k, r in enumerate(roles, start=2):
        assert r["actor_id"] in by_id, f"roles.csv:{k} unknown {r['actor_id']}"
        assert by_id[r["actor_id"]]["kind"] == "person", f"roles.csv:{k}"
        titles = split(r["role_ja"]) + split(r["role_en"])
        assert split(r["role_ja"]) and split(r["role_en"]) and all(titles), f"roles.csv:{k}"
        assert len(titles) == len(set(titles)), f"roles.csv:{k} duplicate title"
        assert all(norm(t) == t for t in titles), f"roles.csv:{k} not NFKC"
        start = date(r["start"])
        if r["end"]:
            assert start < date(r["end"]), f"roles.csv:{k} start >= end"


def test_role_titles_are_not_actor_names(
    roles: list[dict[str, str]], actors: list[dict[str, str]]
) -> None:
    names = set().union(*(surfaces(r) for r in actors))
    titles = {t for r in roles for t in split(r["role_ja"]) + split(r["role_en"])}
    assert not titles & names


def test_no_title_has_two_holders_at_once(roles: list[dict[str, str]]) -> None:
    spans: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    far = dt.date(9999, 12, 31)
    for r in roles:
        s, e = date(r["start"]), date(r["end"]) if r["end"] else far
        for t in split(r["role_ja"]) + split(r["role_en"]):
            spans[t].append((s, e, r["actor_id"]))
    for t, ss in spans.items():
        ss.sort()
        for (_, e1, a1), (s2, _, a2) in zip(ss, ss[1:], strict=False):
            assert e1 <= s2, f"{t}: {a1} and {a2} overlap"


@pytest.mark.parametrize(
    ("title", "on", "holder"),
    [
        ("米国務長官", "2022-01-26", "blinken"),
        ("U.S. Secretary of State", "2022-01-26", "blinken"),
        ("米大統領", "2022-01-26", "biden"),
        ("米大統領", "2020-06-01", "trump"),
        ("ロシア大統領", "2022-01-26", "putin"),
        ("ロシア外相", "2022-01-26", "lavrov"),
        ("ロシア国防相", "2022-02-24", "shoigu"),
        ("ウクライナ大統領", "2022-02-24", "zelensky"),
        ("中国外相", "2022-01-26", "wang_yi"),
        ("中国外相", "2023-03-01", "qin_gang"),
        ("英外相", "2022-01-26", "truss"),
        ("英外相", "2021-06-01", "raab"),
        ("英首相", "2022-01-26", "johnson"),
        ("独首相", "2022-01-26", "scholz"),
        ("独首相", "2021-06-01", "merkel"),
        ("仏大統領", "2022-01-26", "macron"),
        ("日本の首相", "2022-01-26", "kishida"),
        ("日本の外相", "2022-01-26", "hayashi"),
        ("NATO事務総長", "2022-01-26", "stoltenberg"),
        ("国連事務総長", "2022-01-26", "guterres"),
        ("米国防長官", "2022-01-26", "austin"),
        ("ホワイトハウス報道官", "2022-05-12", "psaki"),
        ("ホワイトハウス報道官", "2022-05-13", "jean_pierre"),
        ("OSCE議長", "2022-01-13", "rau"),
    ],
)
def test_role_holders(roles: list[dict[str, str]], title: str, on: str, holder: str) -> None:
    d = date(on)
    found = {
        r["actor_id"]
        for r in roles
        if title in split(r["role_ja"]) + split(r["role_en"])
        and date(r["start"]) <= d
        and (not r["end"] or d < date(r["end"]))
    }
    assert found == {holder}


# ------------------------------------------------------------------ outlets


def test_enough_outlets(outlets: list[dict[str, str]]) -> None:
    assert len(outlets) >= 80


def test_handles_unique_case_insensitively(outlets: list[dict[str, str]]) -> None:
    keys = [r["handle"].lower() for r in outlets]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[A-Za-z0-9_]{1,15}", r["handle"]) for r in outlets)


@pytest.fixture(scope="module")
def zones(outlets: list[dict[str, str]]) -> set[str]:
    return {r["timezone"] for r in outlets}


def test_outlet_fields(outlets: list[dict[str, str]], by_id: dict[str, dict[str, str]]) -> None:
    codes = {r["country"] for r in by_id.values() if r["kind"] != "person"}
    for r in outlets:
        h = r["handle"]
        assert r["type"] in OUTLET_TYPES, h
        assert re.fullmatch(r"[a-z]{2}", r["language"]), h
        assert r["country"] in codes, h
        assert r["outlet_en"] and r["outlet_ja"] and r["organisation"], h
        if r["language"] == "ja":
            assert r["timezone"] == "Asia/Tokyo", h
        if r["type"] in ("government", "person"):
            owner = by_id.get(r["organisation"])
            assert owner is not None, f"{h}: organisation must be an actor_id"
            assert owner["country"] == r["country"], h
            assert (owner["kind"] == "person") == (r["type"] == "person"), h


def test_timezones_are_iana(zones: set[str]) -> None:
    for z in zones:
        try:
            ZoneInfo(z)
        except (ZoneInfoNotFoundError, ValueError) as e:  # pragma: no cover - message only
            pytest.fail(f"{z}: {e}")


@pytest.mark.parametrize(
    ("world", "japan"),
    [("Reuters", "ReutersJapan"), ("AFP", "afpbbcom"), ("BBCWorld", "bbcnewsjapan"),
     ("NikkeiAsia", "nikkei"), ("kyodo_english", "kyodo_official"), ("CNN", "cnn_co_jp"),
     ("WSJ", "WSJJapan"), ("business", "BloombergJapan"), ("NHKWORLD_News", "nhk_news"),
     ("SputnikInt", "sputnik_jp")],
)  # fmt: skip
def test_language_editions_share_organisation(
    outlets: list[dict[str, str]], world: str, japan: str
) -> None:
    by = {r["handle"]: r for r in outlets}
    assert by[world]["organisation"] == by[japan]["organisation"]
    assert by[japan]["language"] == "ja" and by[world]["language"] != "ja"


@pytest.mark.parametrize(
    ("handle", "outlet_ja"),
    [("ReutersJapan", "ロイター"), ("nhk_news", "NHKニュース"), ("afpbbcom", "AFPBB News")],
)
def test_seed_attribution_names(outlets: list[dict[str, str]], handle: str, outlet_ja: str) -> None:
    assert {r["handle"]: r["outlet_ja"] for r in outlets}[handle] == outlet_ja


@pytest.mark.parametrize(
    ("title", "on", "holder"),
    [
        ("米国務長官", "2024-12-01", "blinken"), ("米国務長官", "2025-03-01", "rubio"),
        ("日本の首相", "2025-03-01", "ishiba"), ("日本の外相", "2024-11-01", "iwaya"),
        ("英首相", "2024-08-01", "starmer"), ("独首相", "2025-06-01", "merz"),
        ("NATO事務総長", "2025-01-10", "rutte"), ("EU上級代表", "2025-02-01", "kallas"),
    ],
)  # fmt: skip
def test_a_title_names_its_holder_on_the_day_of_the_post(title: str, on: str, holder: str) -> None:
    """Offices that changed hands in 2024-2025 name the new holder after the handover, the old one before."""
    import datetime as dt

    from crisisnotes.actors import Lexicon

    assert Lexicon.load().role_holder(title, dt.date.fromisoformat(on)) == holder
