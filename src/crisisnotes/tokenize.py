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
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

Token = tuple[str, str, str, str, str, str]  # surface, lemma, pos1, pos2, pos3, pos4
TOKEN_FIELDS = ("surface", "lemma", "pos1", "pos2", "pos3", "pos4")
RULE_MARK = "\x01"  # pos1 of a rule token in TSV rows, until token_columns classifies it

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
_RULE = re.compile(  # the rule tokenizer, in order: url, hashtag, mention, abbreviation, word, clitic, number, punctuation, other
    r"(?:https?://|pic\.twitter\.com/)[!-~]+"
    r"|[#＃]\w+|[@＠][A-Za-z0-9_]+"
    r"|(?:[A-Za-z]\.){2,}"
    r"|[A-Za-z]+(?:-[A-Za-z]+)*(?:['’](?![sS]\b)[A-Za-z]+)*"
    r"|['’][sS]\b"
    r"|\d+(?:[.,:]\d+)*"
    r"|[^\s\w]|_"
    r"|\w+"
)
_RULE_MID = "\t" + RULE_MARK + "\t\t\t\t"
_TSV_COLUMNS = ["surface", "pos1", "pos2", "pos3", "pos4", "lemma"]  # the order MeCab prints them in
_TSV_READ = pcsv.ReadOptions(column_names=_TSV_COLUMNS, block_size=1 << 26, use_threads=False)
_TSV_PARSE = pcsv.ParseOptions(delimiter="\t", quote_char=False, escape_char=False, double_quote=False,
                               newlines_in_values=False, ignore_empty_lines=False)  # fmt: skip
_TSV_CONVERT = pcsv.ConvertOptions(column_types=dict.fromkeys(_TSV_COLUMNS, pa.string()),
                                   strings_can_be_null=False, quoted_strings_can_be_null=False)  # fmt: skip


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


def tokenize_tsv(s: str, *, lang: str = "ja", tagger: fugashi.GenericTagger | None = None) -> str:
    """Tokens of one sentence as rows ``surface\\tpos1\\tpos2\\tpos3\\tpos4\\tlemma`` joined by newlines.

    MeCab writes its rows itself (custom output format) for Japanese runs;
    Latin-script runs (and whole English sentences) go to the rule tokenizer,
    whose rows carry ``RULE_MARK`` as pos1, classified in bulk by :func:`token_columns`.
    This is the fast path of ingest: no Python object is made per Japanese token.

    >>> tokenize_tsv("米ロ NATO").split("\\n")[0].split("\\t")[:2]
    ['米ロ', '名詞']
    """
    tagger = tagger or get_tagger()
    s = s.replace("\t", " ").replace("\r", " ")  # the rows are tab-separated lines
    if lang != "ja":
        return _rule_tsv(s)
    if not _LATIN_RUN.search(s):
        return _mecab(tagger, s)
    parts: list[str] = []
    pos = 0
    for m in _LATIN_RUN.finditer(s):
        if m.start() > pos:
            parts.append(_mecab(tagger, s[pos : m.start()]))
        parts.append(_rule_tsv(m.group()))
        pos = m.end()
    if pos < len(s):
        parts.append(_mecab(tagger, s[pos:]))
    return "\n".join(p for p in parts if p)


def _mecab(tagger: fugashi.GenericTagger, run: str) -> str:
    """MeCab's rows for one run, whose edges carry no whitespace: fugashi strips its output, which
    would cut the row of an edge full-width space (``に\u3000``) short."""
    run = run.strip()
    return (tagger.parse(run) or "") if run else ""


def _rule_tsv(s: str) -> str:
    return "\n".join([t + _RULE_MID + t for t in _RULE.findall(s)])


def token_columns(tsv: str) -> dict[str, pa.Array]:
    """The columns :data:`TOKEN_FIELDS` of TSV token rows (:func:`tokenize_tsv`, any number joined by newlines).

    Parsed by Arrow's CSV reader (no Python object per token). UniDic's gloss is
    cut from lemmas (``ロシア-Rossiya`` → ``ロシア``) and rule tokens are classified
    (:func:`_classify_rule_tokens`).

    >>> cols = token_columns(tokenize_tsv("プーチン大統領はNATO's"))
    >>> cols["lemma"].to_pylist(), cols["pos1"].to_pylist()
    (['プーチン', '大統領', 'は', 'NATO', "'s"], ['名詞', '名詞', '助詞', 'word', 'word'])
    """
    if not tsv:
        return {c: pa.array([], pa.string()) for c in TOKEN_FIELDS}
    try:
        cols = pcsv.read_csv(pa.py_buffer(tsv.encode("utf-8")), read_options=_TSV_READ, parse_options=_TSV_PARSE,
                             convert_options=_TSV_CONVERT)  # fmt: skip
    except pa.ArrowInvalid:  # a row cut short or split by a character MeCab or Arrow reads oddly: mend, never fail
        cols = pcsv.read_csv(pa.py_buffer(_mend_rows(tsv).encode("utf-8")), read_options=_TSV_READ,
                             parse_options=_TSV_PARSE, convert_options=_TSV_CONVERT)  # fmt: skip
    out = {c: cols.column(c).combine_chunks() for c in _TSV_COLUMNS}
    surface, lemma = out["surface"], out["lemma"]
    glossed = pc.match_substring(lemma, "-")
    if pc.any(glossed).as_py():
        lemma = pc.replace_with_mask(
            lemma, glossed, pc.replace_substring_regex(lemma.filter(glossed), r"([^-])-[^-].*$", r"\1")
        )
    lemma = pc.if_else(pc.equal(pc.utf8_length(lemma), 0), surface, lemma)
    out["pos1"], out["lemma"] = _classify_rule_tokens(surface, out["pos1"], lemma)
    return {c: out[c] for c in TOKEN_FIELDS}


def _mend_rows(tsv: str) -> str:
    r"""``tsv`` with every row exactly six fields (padded, or extra fields folded into the last) and no
    character Arrow's reader would take as a line end inside a row. The slow path, taken only
    when the fast one fails.

    >>> _mend_rows("\u3000\t空白\nロシア\t名詞\t固有名詞\t地名\t国\tロシア")
    '\u3000\t空白\t\t\t\t\nロシア\t名詞\t固有名詞\t地名\t国\tロシア'
    """
    rows = []
    for row in tsv.split("\n"):
        f = row.replace("\r", " ").split("\t")
        f = f[:5] + [" ".join(f[5:])] if len(f) > 6 else f + [""] * (6 - len(f))
        rows.append("\t".join(f))
    return "\n".join(rows)


def _classify_rule_tokens(surface: pa.Array, pos1: pa.Array, lemma: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Classify rule tokens (pos1 = ``RULE_MARK``) and lower-case their word lemmas, in bulk.

    Classes: ``url``, ``hashtag``, ``mention``, ``num``, ``punct``, ``word``; a
    word's lemma is lower-cased unless it is an acronym (``NATO``, ``U.S.``); the
    clitic ``'s``/``’s`` has the lemma ``'s``. Only the rule rows are classified
    (a filter, then a masked replace). The classes use Unicode letters and digits,
    as the rule tokenizer's ``\\w`` and ``\\d`` do.
    """
    is_rule = pc.equal(pos1, RULE_MARK)
    if not pc.any(is_rule).as_py():
        return pos1, lemma
    surface = surface.filter(is_rule)

    def rx(pattern: str) -> pa.Array:
        return pc.match_substring_regex(surface, pattern)

    kind = pc.if_else(rx(r"^(?:https?://|pic\.twitter\.com/)"), "url",
           pc.if_else(rx(r"^[#＃]."), "hashtag",  # a lone # or @ is punctuation
           pc.if_else(rx(r"^[@＠]."), "mention",
           pc.if_else(rx(r"^\p{Nd}+(?:[.,:]\p{Nd}+)*$"), "num",
           pc.if_else(rx(r"^[^\pL\pN]$"), "punct", "word")))))  # fmt: skip
    acronym = pc.or_(pc.and_(pc.and_(rx("^[A-Za-z]"), pc.utf8_is_upper(surface)), pc.greater(pc.utf8_length(surface), 1)),
                     rx(r"^(?:[A-Za-z]\.){2,}$"))  # an all-caps Latin word (NATO), an abbreviation (U.S.)  # fmt: skip
    word_lemma = pc.if_else(rx(r"^['’][sS]$"), "'s", pc.if_else(acronym, surface, pc.utf8_lower(surface)))
    rule_lemma = pc.if_else(pc.equal(kind, "word"), word_lemma, surface)
    return pc.replace_with_mask(pos1, is_rule, kind), pc.replace_with_mask(lemma, is_rule, rule_lemma)


def _tokens(cols: dict[str, pa.Array]) -> list[Token]:
    return list(zip(*(cols[c].to_pylist() for c in TOKEN_FIELDS), strict=True))


def tokenize(s: str, *, lang: str = "ja", tagger: fugashi.GenericTagger | None = None) -> list[Token]:
    """Tokenize one sentence: MeCab for Japanese runs, rules for Latin-script runs.

    The same tokens, lemmas and classes as ingest stores (one code path).

    >>> [t[0] for t in tokenize("ロシアがU.S.と協議")]
    ['ロシア', 'が', 'U.S.', 'と', '協議']
    >>> tokenize("Putin's call", lang="en")[0]
    ('Putin', 'putin', 'word', '', '', '')
    >>> [t[2] for t in tokenize("NATOは拡大しない https://t.co/x")][:2]
    ['word', '助詞']
    """
    return _tokens(token_columns(tokenize_tsv(s, lang=lang, tagger=tagger)))


def rule_tokens(s: str) -> list[Token]:
    """Tokenize Latin-script text by rule (:func:`tokenize` with ``lang="en"``).

    >>> [t[0] for t in rule_tokens("U.S. envoy, 2.5 hours https://t.co/x #Ukraine")]
    ['U.S.', 'envoy', ',', '2.5', 'hours', 'https://t.co/x', '#Ukraine']
    """
    return tokenize(s, lang="en")


def mecab_tokens(s: str, tagger: fugashi.GenericTagger | None = None) -> list[Token]:
    """Tokenize text with MeCab (unidic-lite) alone, Latin-script runs included.

    >>> mecab_tokens("電話会談")[0][:3]
    ('電話', '電話', '名詞')
    >>> [t[1] for t in mecab_tokens("プーチン大統領")]
    ['プーチン', '大統領']
    """
    tagger = tagger or get_tagger()
    return _tokens(token_columns(tagger.parse(s.replace("\t", " ").replace("\r", " ")) or ""))
