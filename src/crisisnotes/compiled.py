"""The optional compiled modules, and the switch that turns them off.

Four small C modules speed up ingest; each has a pure-Python twin that gives
the same tables, used where the module was not built (no C compiler at
``pip install``) or when the environment variable ``CRISISNOTES_PURE=1`` is
set (to compare the two, or to rule the C code out when hunting a bug):

* ``_nodecols`` (:mod:`crisisnotes.nodecols`): MeCab's nodes and the rule tokenizer into Arrow columns;
* ``_wordtrie`` (:class:`crisisnotes.trie.WordTrie`): leftmost-longest alias matching;
* ``_sentsplit`` (:func:`crisisnotes.sentences.sentence_spans_of`): sentence splitting;
* ``_langscan`` (:func:`crisisnotes.text.guess_langs`): the language guess.

Examples
--------
>>> compiled("_no_such_module") is None
True
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

PURE_ENV = "CRISISNOTES_PURE"
MODULES = ("_nodecols", "_wordtrie", "_sentsplit", "_langscan")


def compiled(name: str) -> ModuleType | None:
    """``crisisnotes.<name>``, or ``None`` where it was not built or ``CRISISNOTES_PURE=1``.

    >>> compiled("_langscan") is None or hasattr(compiled("_langscan"), "guess")
    True
    """
    if os.environ.get(PURE_ENV) == "1":
        return None
    try:
        return importlib.import_module(f"crisisnotes.{name}")
    except ImportError:
        return None


def status() -> dict[str, bool]:
    """Which compiled modules this process uses.

    >>> sorted(status()) == sorted(MODULES)
    True
    """
    return {name: compiled(name) is not None for name in MODULES}
