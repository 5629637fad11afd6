"""Tokens: fugashi + unidic-lite for Japanese, a rule tokenizer for Latin-script runs.

One MeCab Tagger per process and per user dictionary (fugashi never frees a
Tagger). The Tagger prints a custom output format (surface, four POS levels,
lemma), which is parsed as a string: about 2× faster than reading fugashi's
named-tuple features.

Latin-script runs inside Japanese text (``U.S.``, ``NATO``, English quotes)
and whole English sentences go to the rule tokenizer, whose ``pos1`` is one of
``word``, ``num``, ``punct``, ``url``, ``hashtag``, ``mention``; its lemma is
the lower-cased word (acronyms keep their case). URLs are one token.
Dictionary assumed: unidic-lite 1.0.8 (UniDic 2.1.2 fields).

Examples
--------
>>> [t[0] for t in tokenize("ロシアがU.S.と協議")]
['ロシア', 'が', 'U.S.', 'と', '協議']
>>> tokenize("Putin's call", lang="en")[0]
('Putin', 'putin', 'word', '', '', '')
"""

from __future__ import annotations

import re
from pathlib import Path

import fugashi

Token = tuple[str, str, str, str, str, str]  # surface, lemma, pos1, pos2, pos3, pos4
TOKEN_COLUMNS = [
    "post_id",
    "sentence_id",
    "i",
    "surface",
    "lemma",
    "pos1",
    "pos2",
    "pos3",
    "pos4",
    "lang",
]

_FORMAT = (
    r"-O '' -F '%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[7]\n' "
    r"-U '%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%m\n' -E ''"
)
_TAGGERS: dict[str, fugashi.GenericTagger] = {}
_LATIN_RUN = re.compile(
    r"(?:https?://|pic\.twitter\.com/)[!-~]+"
    r"|[#＃]\w+|[@＠][A-Za-z0-9_]+"
    r"|[A-Za-z][A-Za-z0-9.'’&\-]*(?:[ ]+[A-Za-z0-9][A-Za-z0-9.'’&\-]*)*"
)
_RULE = re.compile(
    r"(?P<url>(?:https?://|pic\.twitter\.com/)[!-~]+)"
    r"|(?P<hashtag>[#＃]\w+)|(?P<mention>[@＠][A-Za-z0-9_]+)"
    r"|(?P<abbr>(?:[A-Za-z]\.){2,})"
    r"|(?P<word>[A-Za-z]+(?:-[A-Za-z]+)*(?:['’](?![sS]\b)[A-Za-z]+)*)"
    r"|(?P<clitic>['’][sS]\b)"
    r"|(?P<num>\d+(?:[.,:]\d+)*)"
    r"|(?P<punct>[^\s\w]|_)"
    r"|(?P<other>\w+)"
)
_LEMMA_TAIL = re.compile(r"(?<=[^-])-[^-].*$")  # UniDic "ロシア-Rossiya", "プーチン-外国"


def get_tagger(user_dic: str | Path | None = None) -> fugashi.GenericTagger:
    """The process-wide Tagger (one per user dictionary).

    >>> get_tagger() is get_tagger()
    True
    """
    key = str(user_dic or "")
    tagger = _TAGGERS.get(key)
    if tagger is None:
        import unidic_lite

        args = f"-d '{unidic_lite.DICDIR}' -r /dev/null {_FORMAT}"
        if user_dic:
            args = f"-u '{Path(user_dic).resolve()}' " + args
        tagger = fugashi.GenericTagger(args)
        _TAGGERS[key] = tagger
    return tagger


def rule_tokens(s: str) -> list[Token]:
    """Tokenize Latin-script text by rule.

    >>> [t[0] for t in rule_tokens("U.S. envoy, 2.5 hours https://t.co/x #Ukraine")]
    ['U.S.', 'envoy', ',', '2.5', 'hours', 'https://t.co/x', '#Ukraine']
    """
    out: list[Token] = []
    for m in _RULE.finditer(s):
        kind = m.lastgroup or "other"
        surf = m.group()
        if kind == "abbr":
            kind, lemma = "word", surf
        elif kind == "word":
            lemma = surf if surf.isupper() and len(surf) > 1 else surf.lower()
        elif kind == "clitic":
            kind, lemma = "word", "'s"
        elif kind == "other":
            kind, lemma = "word", surf.lower()
        else:
            lemma = surf
        out.append((surf, lemma, kind, "", "", ""))
    return out


def mecab_columns(s: str, tagger: fugashi.GenericTagger | None = None) -> list[list[str]]:
    """Tokenize Japanese text with MeCab into six columns (surface, lemma, pos1…pos4).

    The custom output format has six tab-separated fields a token, so the
    columns are plain slices of one split: no per-token Python work except
    for the few lemmas that carry a UniDic gloss (``ブリン-bling``).

    >>> mecab_columns("電話会談")[0]
    ['電話', '会談']
    """
    tagger = tagger or get_tagger()
    parsed = tagger.parse(s.replace("\t", " "))
    if not parsed:
        return [[], [], [], [], [], []]
    f = parsed.replace("\n", "\t").split("\t")
    if len(f) % 6:
        f = f[: len(f) - len(f) % 6]
    surface, lemma = f[0::6], f[5::6]
    if "-" in parsed:
        lemma = [(_LEMMA_TAIL.sub("", x) or y) if "-" in x else x for x, y in zip(lemma, surface, strict=True)]
    return [surface, lemma, f[1::6], f[2::6], f[3::6], f[4::6]]


def mecab_tokens(s: str, tagger: fugashi.GenericTagger | None = None) -> list[Token]:
    """Tokenize Japanese text with MeCab (unidic-lite).

    >>> mecab_tokens("電話会談")[0][:3]
    ('電話', '電話', '名詞')
    >>> [t[1] for t in mecab_tokens("プーチン大統領")]
    ['プーチン', '大統領']
    """
    return list(zip(*mecab_columns(s, tagger), strict=True))


RULE_MARK = "\x01"


def tokenize_tsv(s: str, *, lang: str = "ja", tagger: fugashi.GenericTagger | None = None) -> str:
    """Tokens of one sentence as rows ``surface\\tpos1\\tpos2\\tpos3\\tpos4\\tlemma`` joined by newlines.

    MeCab writes its rows itself (custom output format); a rule token's row
    carries ``RULE_MARK`` as pos1, to be classified in bulk by :func:`finish_rule_tokens`.
    This is the fast path of ingest: no Python object is made per Japanese token.

    >>> tokenize_tsv("米ロ NATO").split("\\n")[0].split("\\t")[:2]
    ['米ロ', '名詞']
    """
    tagger = tagger or get_tagger()
    if lang != "ja":
        return _rule_tsv(s)
    s = s.replace("\t", " ").replace("\r", " ")  # the rows are tab-separated lines
    if not _LATIN_RUN.search(s):
        return tagger.parse(s) or ""
    parts: list[str] = []
    pos = 0
    for m in _LATIN_RUN.finditer(s):
        if m.start() > pos:
            parts.append(tagger.parse(s[pos : m.start()]) or "")
        parts.append(_rule_tsv(m.group()))
        pos = m.end()
    if pos < len(s):
        parts.append(tagger.parse(s[pos:]) or "")
    return "\n".join(p for p in parts if p)


_RULE_ANY = re.compile(re.sub(r"\(\?P<\w+>", "(?:", _RULE.pattern))  # same tokens, no groups: findall gives strings
_RULE_MID = "\t" + RULE_MARK + "\t\t\t\t"


def _rule_tsv(s: str) -> str:
    return "\n".join([t + _RULE_MID + t for t in _RULE_ANY.findall(s)])


def tokenize(
    s: str, *, lang: str = "ja", tagger: fugashi.GenericTagger | None = None
) -> list[Token]:
    """Tokenize one sentence: MeCab for Japanese runs, rules for Latin-script runs.

    >>> [t[2] for t in tokenize("NATOは拡大しない https://t.co/x")][:2]
    ['word', '助詞']
    """
    if lang != "ja":
        return rule_tokens(s)
    out: list[Token] = []
    pos = 0
    for m in _LATIN_RUN.finditer(s):
        if m.start() > pos:
            out.extend(mecab_tokens(s[pos : m.start()], tagger))
        out.extend(rule_tokens(m.group()))
        pos = m.end()
    if pos < len(s):
        out.extend(mecab_tokens(s[pos:], tagger))
    return out
