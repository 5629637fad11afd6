"""Actor candidates: names that look like actors but are not in the lexicon.

Three rules propose names, each with a kind guess:

(a) runs of UniDic proper nouns in the tokens table (姓 + 名 joined into one);
(b) katakana runs directly before a title (``カルパチェンコ外務次官``, ``…氏``);
(c) in English sentences, 2–3 capitalised words (``Mykola Tochytskyi``) and a
    single capitalised word after a title or before ``said`` (``Minister X``).

An occurrence is dropped when it overlaps a known mention in its sentence or
is a lexicon alias, an outlet name, a month/weekday or a common word. Where
rules propose overlapping spans, the longest span is kept.

Examples
--------
>>> import crisisnotes
>>> corpus = crisisnotes.load(crisisnotes.config.SAMPLE_DUMP)  # doctest: +SKIP
>>> actor_candidates(corpus, min_count=2)[["candidate", "count"]].head(3)  # doctest: +SKIP
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .text import normalize

if TYPE_CHECKING:
    from .corpus import Corpus

COLUMNS = ["candidate", "kind_guess", "count", "n_posts", "example", "post_id", "sentence_id"]
_OCC = ["post_id", "sentence_id", "start", "end", "candidate", "kind_guess", "rule"]
_KIND_RANK = {"person": 0, "org": 1, "place": 2, "unknown": 3}
_POS3_KIND = {"人名": "person", "組織名": "org", "地名": "place", "一般": "unknown"}

JA_TITLES = ("外務次官", "事務総長", "国防相", "報道官", "補佐官", "司令官", "大統領", "書記長", "長官",
             "次官", "外相", "首相", "大使", "議長", "首席", "総裁", "氏")  # fmt: skip
_JA_PREFIX = {"東", "西", "南", "北"}
_JA_SUFFIX = {"海", "洋", "湾", "州", "島", "半島"}
_KATAKANA_TITLE = re.compile(
    r"(?<![ァ-ヴー・=])[ァ-ヴ](?:[ァ-ヴー・=]*[ァ-ヴー])?"
    r"(?=[\u4e00-\u9fff々]{0,8}?(?:" + "|".join(JA_TITLES) + "))"
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?:['’](?![sS]\b)[^\W\d_]+)*")


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# fmt: off
EN_TITLES = _words("president minister secretary chancellor ambassador envoy spokesman spokeswoman "
                   "spokesperson adviser advisor premier senator sen governor general gen commander "
                   "chairman chairwoman chair speaker leader king queen pope mayor mr mrs ms dr "
                   "undersecretary counsellor")
_TITLE_PARTS = _words("foreign defence defense deputy vice prime state national security press chief "
                      "senior top former acting assistant under first interior finance head")
SAID = _words("said says told tells added adds warned warns stressed wrote tweeted insisted argued "
              "noted announced")
DATE_WORDS = _words("january february march april may june july august september october november "
                    "december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday "
                    "wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat "
                    "sun")
STOP = _words("the a an in on at but and or as after before while when with without for from by to of "
              "if this that these those he she it they we i you his her its their our my your "
              "breaking update watch live analysis opinion exclusive also meanwhile both neither some "
              "many new more most here there what why how who where no not yes today yesterday "
              "tonight read video photos explainer factbox several any all other each every such one "
              "two three few western eastern northern southern analysts officials diplomats experts "
              "sources observers critics lawmakers leaders investors residents witnesses")
_ORG_WORDS = _words("council ministry organization organisation agency union committee party bank "
                    "forces army navy department office house parliament assembly court commission "
                    "government")
_PLACE_WORDS = _words("sea river region oblast mountains city island islands bay strait peninsula square")
# fmt: on
_TRAIL = STOP | DATE_WORDS
_STRIP = _TRAIL | _TITLE_PARTS
JA_OUTLETS = {"共同", "時事", "日経", "産経", "読売", "朝日", "毎日", "ロイター", "ブルームバーグ",
              "タス", "インタファクス", "ノーボスチ"}  # fmt: skip


def _is_cap(w: str) -> bool:
    return w[:1].isupper() and not w.isupper()


def _proper_nouns(tokens: pd.DataFrame, norms: pd.Series) -> pd.DataFrame:
    """Rule (a): runs of consecutive proper-noun tokens, located in ``norm``."""
    pid, sid, pos3, surf = (tokens[c] for c in ("post_id", "sentence_id", "pos3", "surface"))
    proper = (tokens["pos1"] == "名詞") & (tokens["pos2"] == "固有名詞") & pos3.isin(_POS3_KIND)
    place = proper & (pos3 == "地名")
    nxt = (pid == pid.shift(-1)) & (sid == sid.shift(-1)) & place.shift(-1, fill_value=False)
    prv = (pid == pid.shift()) & (sid == sid.shift()) & place.shift(fill_value=False)
    glue = (surf.isin(_JA_PREFIX) & nxt) | (surf.isin(_JA_SUFFIX) & prv)  # 東シナ海, インド太平洋
    t = tokens[proper | glue].assign(pos3=pos3.mask(glue, "地名"))
    if t.empty:
        return pd.DataFrame(columns=_OCC)
    new = (
        (t["post_id"] != t["post_id"].shift()) | (t["sentence_id"] != t["sentence_id"].shift())
        | (t["i"] != t["i"].shift() + 1)
    )  # fmt: skip
    rank = t["pos3"].map(_POS3_KIND).map(_KIND_RANK)
    runs = t.assign(rank=rank).groupby(new.cumsum().to_numpy(), sort=False).agg(
        post_id=("post_id", "first"), sentence_id=("sentence_id", "first"),
        parts=("surface", list), rank=("rank", "min"),
    )  # fmt: skip
    runs["candidate"] = runs["parts"].map(lambda p: normalize("".join(p)))
    runs["kind_guess"] = runs["rank"].map({v: k for k, v in _KIND_RANK.items()})
    runs["k"] = runs.groupby(["post_id", "sentence_id", "candidate"]).cumcount()
    keys = zip(runs["post_id"], runs["sentence_id"], strict=True)
    spans = [_kth(norms.get(key, ""), parts, k) for key, parts, k in zip(keys, runs["parts"], runs["k"], strict=True)]  # fmt: skip
    runs["start"], runs["end"], runs["rule"] = [s for s, _ in spans], [e for _, e in spans], "a"
    return runs.loc[runs["start"] >= 0, _OCC]


def _kth(norm: str, parts: list[str], k: int) -> tuple[int, int]:
    """Span of the ``k``-th occurrence of ``parts`` (optional space between) in ``norm``."""
    pat = r"\s?".join(re.escape(normalize(p)) for p in parts)
    for n, m in enumerate(re.finditer(pat, norm)):
        if n == k:
            return m.start(), m.end()
    return -1, -1


def _katakana(sent: pd.DataFrame) -> list[tuple]:
    """Rule (b): katakana runs (with ・ ー) directly before a title."""
    s = sent[sent["norm"].str.contains(_KATAKANA_TITLE, na=False)]
    return [
        (pid, sid, m.start(), m.end(), m.group(), "person", "b")
        for pid, sid, norm in zip(s["post_id"], s["sentence_id"], s["norm"], strict=True)
        for m in _KATAKANA_TITLE.finditer(norm)
    ]  # fmt: skip


def _english(pid: str, sid: int, s: str, common: set[str], aliases: dict) -> list[tuple]:
    """Rule (c): capitalised name sequences and title-adjacent single words in one sentence."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(s)]
    out, k = [], 0
    while k < len(words):
        if not _is_cap(words[k][2]):
            k += 1
            continue
        j = k
        while j + 1 < len(words) and _is_cap(words[j + 1][2]) and s[words[j][1] : words[j + 1][0]] == " ":  # fmt: skip
            j += 1
        seq = words[k : j + 1]
        prev = words[k - 1][2].lower() if k and not s[words[k - 1][1] : words[k][0]].strip() else ""
        after = words[j + 1][2].lower() if j + 1 < len(words) and s[words[j][1] : words[j + 1][0]] == " " else ""  # fmt: skip
        at_start = not s[: seq[0][0]].strip(" \"'“‘(「-—:")
        titled, first, k = prev in EN_TITLES, seq[0][0], j + 1
        while seq:
            w = seq[0][2].lower()
            if w in EN_TITLES:
                titled = True
            elif not (w in _STRIP or seq[0][2] in aliases or (at_start and seq[0][0] == first and w in common)):  # fmt: skip
                break
            seq = seq[1:]
        while seq and (seq[-1][2].lower() in _TRAIL or seq[-1][2] in aliases):
            seq, after = seq[:-1], ""
        if not seq or len(seq) > 3 or (len(seq) == 1 and not (titled or after in SAID)):
            continue
        low = {w.lower() for _, _, w in seq}
        kind = "org" if low & _ORG_WORDS else "place" if low & _PLACE_WORDS else "unknown"
        kind = "person" if kind == "unknown" and (titled or after in SAID) else kind
        a, b = seq[0][0], seq[-1][1]
        out.append((pid, sid, a, b, s[a:b], kind, "c"))
    return out


def _excluded_names(corpus: Corpus) -> set[str]:
    """Normalised outlet names and handles (the shipped registry and the corpus's outlets)."""
    from .outlets import load_outlets

    reg = load_outlets()
    names = pd.concat([reg[c] for c in ("handle", "outlet_en", "outlet_ja", "organisation")])
    names = pd.concat([names, corpus.posts["outlet"]]).dropna().map(normalize)
    return set(names) | {n.removeprefix("The ") for n in names} | JA_OUTLETS


def _drop_overlaps(occ: pd.DataFrame, spans: pd.DataFrame | None = None) -> pd.DataFrame:
    """Drop occurrences overlapping a row of ``spans`` (default: a longer or earlier occurrence)."""
    o = occ.reset_index(drop=True).rename_axis("row").reset_index()
    j = o.merge(o if spans is None else spans, on=["post_id", "sentence_id"], suffixes=("", "_o"))
    hit = (j["start"] < j["end_o"]) & (j["start_o"] < j["end"])
    if spans is None:
        n, n_o = j["end"] - j["start"], j["end_o"] - j["start_o"]
        first = (j["rule_o"] < j["rule"]) | ((j["rule_o"] == j["rule"]) & (j["row_o"] < j["row"]))
        hit &= (j["row"] != j["row_o"]) & ((n_o > n) | ((n_o == n) & first))
    return o[~o["row"].isin(j.loc[hit, "row"])].drop(columns="row")


def actor_candidates(corpus: Corpus, *, min_count: int = 1, top_n: int | None = None) -> pd.DataFrame:  # fmt: skip
    """Names that look like actors but are not in the lexicon, most frequent first.

    Parameters
    ----------
    corpus : a loaded :class:`~crisisnotes.Corpus`.
    min_count : keep candidates seen at least this often.
    top_n : keep only the first ``top_n`` rows.

    Returns
    -------
    DataFrame with ``candidate``, ``kind_guess`` (person/place/org/unknown),
    ``count`` (occurrences), ``n_posts``, ``example`` (the first sentence's
    text) and its ``post_id``, ``sentence_id``; sorted by count, descending.

    Examples
    --------
    >>> c = actor_candidates(corpus, min_count=2)  # doctest: +SKIP
    >>> c.loc[0, ["candidate", "kind_guess", "count"]].tolist()  # doctest: +SKIP
    ['カルパチェンコ', 'person', 3]
    """
    if not corpus.folders or corpus.sentences.empty:
        return pd.DataFrame(columns=COLUMNS)
    sent = corpus.sentences[["post_id", "sentence_id", "text", "norm", "lang"]]
    aliases = corpus.lexicon.aliases
    tokens = corpus.tokens
    norms = pd.Series(sent["norm"].to_numpy(), index=pd.MultiIndex.from_frame(sent[["post_id", "sentence_id"]]))  # fmt: skip
    en_tok = tokens.loc[(tokens["lang"] == "en") & (tokens["pos1"] == "word"), "surface"]
    common = set(en_tok[en_tok.str.islower()]) | STOP
    en = sent[sent["lang"] == "en"]
    rows = _katakana(sent) + [
        r for pid, sid, s in zip(en["post_id"], en["sentence_id"], en["norm"], strict=True)
        for r in _english(pid, sid, s, common, aliases)
    ]  # fmt: skip
    occ = pd.concat([_proper_nouns(tokens, norms), pd.DataFrame(rows, columns=_OCC)], ignore_index=True)  # fmt: skip
    skip = _excluded_names(corpus) | DATE_WORDS
    bad = occ["candidate"].isin(aliases.keys()) | occ["candidate"].isin(skip)
    bad |= occ["candidate"].str.lower().isin(STOP | DATE_WORDS) | (occ["candidate"].str.len() < 2)
    occ = occ[~bad]
    known = corpus.mentions[["post_id", "sentence_id", "start", "end"]]
    occ = _drop_overlaps(_drop_overlaps(occ, known.rename(columns={"start": "start_o", "end": "end_o"})))  # fmt: skip
    if occ.empty:
        return pd.DataFrame(columns=COLUMNS)
    order = sent[["post_id", "sentence_id", "text"]].rename_axis("order").reset_index()
    occ = occ.merge(order, on=["post_id", "sentence_id"]).sort_values(["order", "start"], kind="stable")  # fmt: skip
    out = occ.groupby("candidate", sort=False).agg(
        count=("candidate", "size"), n_posts=("post_id", "nunique"), example=("text", "first"),
        post_id=("post_id", "first"), sentence_id=("sentence_id", "first"),
    )  # fmt: skip
    kinds = occ.groupby(["candidate", "kind_guess"]).size().rename("n").reset_index()
    kinds = kinds.assign(r=kinds["kind_guess"].map(_KIND_RANK)).sort_values(["n", "r"], ascending=[False, True])  # fmt: skip
    out["kind_guess"] = kinds.drop_duplicates("candidate").set_index("candidate")["kind_guess"]
    out = out.reset_index().sort_values(["count", "n_posts", "candidate"], ascending=[False, False, True])  # fmt: skip
    out = out[out["count"] >= min_count][COLUMNS].reset_index(drop=True)
    return out.head(top_n) if top_n is not None else out


def _pad(s: str, width: int) -> str:
    """``s`` cut or padded to ``width`` terminal columns (wide CJK characters count two).

    >>> _pad("東京", 6) + "|"
    '東京  |'
    """
    out, w = "", 0
    for ch in s:
        cw = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if w + cw > width:
            break
        out, w = out + ch, w + cw
    return out + " " * (width - w)


def format_table(df: pd.DataFrame, n: int = 50) -> str:
    """The first ``n`` candidates as a plain-text table (example cut to fit one line)."""
    rows = [("candidate", "kind", "count", "posts", "example")] + [
        (r.candidate, r.kind_guess, str(r.count), str(r.n_posts), r.example)
        for r in df.head(n).itertuples()
    ]  # fmt: skip
    return "\n".join(
        f"{_pad(c, 24)} {_pad(k, 8)} {x:>5} {p:>5}  {_pad(e, 60).rstrip()}"
        for c, k, x, p, e in rows
    )


def report_candidates(corpus: Corpus, *, min_count: int = 1, csv: Path | None = None, n: int = 50) -> int:  # fmt: skip
    """Print the top ``n`` candidates as a table; write all of them to ``csv`` (atomically)."""
    from .store import atomic_write_text, csv_text

    df = actor_candidates(corpus, min_count=min_count)
    if csv is not None:
        Path(csv).parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(csv, csv_text(df))
    if len(df):
        print(format_table(df, n))
    print(f"candidates: {len(df)} found, {min(n, len(df))} shown" + (f"; all -> {csv}" if csv else ""))  # fmt: skip
    return 0
