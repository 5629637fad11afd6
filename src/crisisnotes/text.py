"""Text normalisation, language guess and sentence splitting.

The raw text of a post never changes; normalised text (NFKC, full-width
folded, whitespace folded) is kept beside it and is what matching runs on.
NFKC keeps string length for almost all characters of news text, but not
all (e.g. ``㍻``), so functions that return offsets work on normalised text.

Examples
--------
>>> normalize("２０２２年１月２６日　ＮＡＴＯ")
'2022年1月26日 NATO'
>>> guess_lang("米中外相が電話会談")
'ja'
"""

from __future__ import annotations

import re
import unicodedata

from .compiled import compiled

_WS = re.compile(r"[ \t\u3000\u00a0]+")
_KANA_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")
_KANA_KANJI_RUN = re.compile(_KANA_KANJI.pattern + "+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


def normalize(s: str) -> str:
    """NFKC-normalise ``s`` and fold runs of spaces (incl. ideographic) to one.

    >>> normalize("ロシア\u3000外相")
    'ロシア 外相'
    """
    s = unicodedata.normalize("NFKC", s)  # NFKC turns U+3000 and U+00A0 into spaces
    return _WS.sub(" ", s) if "  " in s or "\t" in s else s


def guess_lang(s: str) -> str:
    """Guess ``'ja'``, ``'en'`` or ``'und'`` from the script of ``s``.

    Any kana or kanji makes a text Japanese unless Latin letters outnumber
    them more than three to one (an English sentence quoting a Japanese name).

    >>> guess_lang("Gas from Russia")
    'en'
    >>> guess_lang("#NATO")
    'en'
    >>> guess_lang("123")
    'und'
    """
    if not _KANA_KANJI.search(s):
        return "en" if _LATIN.search(s) else "und"
    if not _LATIN.search(s):
        return "ja"
    ja = sum(map(len, _KANA_KANJI_RUN.findall(s)))  # runs, not single characters: fewer objects
    en = sum(map(len, _LATIN_RUN.findall(s)))
    return "ja" if ja * 3 >= en else "en"


_LANGS = ("und", "ja", "en")


def guess_langs(texts: list[str]) -> list[str]:
    """:func:`guess_lang` of each text, in one call (C where ``crisisnotes._langscan`` was built).

    >>> guess_langs(["米中外相が電話会談", "Gas from Russia", "123", "NATO加盟"])
    ['ja', 'en', 'und', 'ja']
    """
    module = compiled("_langscan")
    if module is None:
        return [guess_lang(s) for s in texts]
    return [_LANGS[c] for c in module.guess(texts)]

