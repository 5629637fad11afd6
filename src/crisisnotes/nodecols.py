"""The compiled token path: MeCab's nodes read in C straight into Arrow columns.

The pure-Python path (:func:`crisisnotes.tokenize.tokenize_tsv` then
:func:`~crisisnotes.tokenize.token_columns`) has MeCab print each token as a
text row and Arrow read the rows back. The C module ``crisisnotes._nodecols``
(``_nodecols.c``, built by ``pip install``) skips both: it walks MeCab's nodes
and appends their fields to Arrow string buffers. Same rows, same columns;
the C module opens the libmecab that fugashi ships, so it needs no MeCab
install of its own.

The compiled path is used when the module was built, libmecab is found, and
a self-check gives exactly the pure path's columns on a test text (unknown
words, glosses, a quoted feature, Latin runs); otherwise, or with the
environment variable ``CRISISNOTES_PURE=1`` (:mod:`crisisnotes.compiled`),
ingest takes the pure path. :func:`available` says which one runs.

Examples
--------
>>> tagger = node_tagger()
>>> tagger is None or tagger.columns(["ロシアはNATOと協議"], ["ja"])[1]["lemma"].to_pylist() == ["ロシア", "は", "NATO", "と", "協議"]
True
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from .compiled import compiled
from .tokenize import (
    TOKEN_FIELDS,
    _classify_rule_tokens,
    token_columns,
    tokenize_tsv,
)

_COLUMN_ORDER = ("surface", "lemma", "pos1", "pos2", "pos3", "pos4")  # the order _nodecols returns them in
_CHECK_TEXT = (  # known and unknown words, glosses, a quoted feature (the comma), Latin runs, blanks
    "ロシア外相はブリンケン米国務長官と、ジュネーブで会談した。ｗｗｗ　"
    "U.S.とNATOは「協議」を続け,2022年1月21日に合意😀❗️ーー"
)
_TAGGERS: dict[str, NodeTagger | None] = {}


class NodeTagger:
    """A MeCab tagger of the C module, with the pure path's dictionary arguments.

    >>> t = node_tagger()
    >>> t is None or isinstance(t, NodeTagger)
    True
    """

    def __init__(self, module: Any, args: list[str]) -> None:
        self._module = module
        self._tagger = module.new(args)

    def columns(self, texts: list[str], langs: Sequence[str]) -> tuple[np.ndarray, dict[str, pa.Array]]:
        """Tokens of sentences: their count per sentence and the columns of :data:`TOKEN_FIELDS`.

        A sentence whose ``lang`` is ``ja`` is cut as :func:`~crisisnotes.tokenize.tokenize_tsv`
        cuts it (MeCab for its runs, the rule tokenizer for its Latin-script runs); any other
        is rule tokens only.

        >>> t = node_tagger()
        >>> counts, cols = t.columns(["ロシアはNATOと協議", "Talks end."], ["ja", "en"]) if t else ([5, 3], None)
        >>> [int(c) for c in counts]
        [5, 3]
        """
        is_ja = bytes(lang == "ja" for lang in langs)
        n, unclassified, counts, *bufs = self._module.columns(self._tagger, texts, is_ja)
        cols = {
            name: pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(bufs[2 * j]), pa.py_buffer(bufs[2 * j + 1])])
            for j, name in enumerate(_COLUMN_ORDER)
        }
        if unclassified:  # a rule token C left to Arrow's Unicode classes (not ASCII, not one punctuation mark)
            cols["pos1"], cols["lemma"] = _classify_rule_tokens(cols["surface"], cols["pos1"], cols["lemma"])
        return np.frombuffer(counts, dtype=np.int64), {c: cols[c] for c in TOKEN_FIELDS}


def _libmecab() -> str | None:
    """The libmecab that fugashi loaded (``/proc/self/maps``), else one beside its package."""
    import fugashi

    maps = Path("/proc/self/maps")
    if maps.exists():
        for line in maps.read_text().splitlines():
            path = line.split(maxsplit=5)[-1]
            if re.search(r"/libmecab[^/]*\.so", path) and Path(path).exists():
                return path
    here = Path(fugashi.__file__).resolve().parent
    for pattern in ("../fugashi.libs/libmecab*.so*", ".dylibs/libmecab*.dylib", "libmecab*.so*"):
        found = sorted(here.glob(pattern))
        if found:
            return str(found[0])
    return None


def _same(a: dict[str, pa.Array], b: dict[str, pa.Array]) -> bool:
    return all(a[c].equals(b[c]) for c in TOKEN_FIELDS)


def node_tagger(user_dic: str | Path | None = None) -> NodeTagger | None:
    """The process-wide :class:`NodeTagger` for ``user_dic``, or ``None`` where the pure path must run.

    >>> node_tagger() is node_tagger()
    True
    """
    key = str(user_dic or "")
    if key in _TAGGERS:
        return _TAGGERS[key]
    _TAGGERS[key] = None
    _nodecols = compiled("_nodecols")
    if _nodecols is None:
        return None
    from .tokenize import get_tagger

    pure = get_tagger(user_dic)  # loads libmecab, and is the reference of the self-check
    try:
        lib = _libmecab()
        if lib is None:
            return None
        _nodecols.load(lib)
        import unidic_lite

        args = ["-d", unidic_lite.DICDIR, "-r", "/dev/null"]
        if user_dic:
            args = ["-u", str(Path(user_dic).resolve()), *args]
        tagger = NodeTagger(_nodecols, args)
        if not _same(tagger.columns([_CHECK_TEXT], ["ja"])[1], token_columns(tokenize_tsv(_CHECK_TEXT, tagger=pure))):
            warnings.warn("crisisnotes._nodecols disagrees with MeCab's text output; using the pure path",
                          RuntimeWarning, stacklevel=2)  # fmt: skip
            return None
    except (OSError, RuntimeError) as e:
        warnings.warn(f"crisisnotes._nodecols unusable ({e}); using the pure path", RuntimeWarning, stacklevel=2)
        return None
    _TAGGERS[key] = tagger
    return tagger


def available() -> bool:
    """Whether ingest tokenizes through the compiled path (else the pure-Python one).

    >>> isinstance(available(), bool)
    True
    """
    return node_tagger() is not None
