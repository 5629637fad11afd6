"""A regular expression from a word list, built as a trie (fast longest-first matching).

Also span helpers for its matches as numpy arrays (:func:`matches`, :func:`ranges`,
:func:`overlaps`), which :mod:`crisisnotes.matching` checks all at once.

Python's ``re`` tries alternatives one by one; a trie-shaped pattern shares
prefixes, so one pass over a text matches thousands of aliases quickly, and
at each position the longest alias wins.

Examples
--------
>>> import re
>>> rx = re.compile(trie_pattern(["ロシア", "ロシア外相", "米国"]))
>>> [m.group() for m in rx.finditer("ロシア外相と米国とロシア")]
['ロシア外相', '米国', 'ロシア']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .compiled import compiled as _compiled

_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words``, longest alternative first at each point."""
    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _node(root) if root else r"(?!x)x"


def _node(node: dict) -> str:
    end = _END in node
    branches = []
    singles = []
    for ch in sorted(k for k in node if k != _END):
        child = node[ch]
        if list(child) == [_END]:
            singles.append(re.escape(ch))
        else:
            branches.append(re.escape(ch) + _node(child))
    if singles:
        branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
    if end:
        body += "?"
    return body


def matches(rx: re.Pattern[str], text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """What ``rx.finditer(text)`` finds, with starts and ends, from one ``split``.

    ``rx`` must be one capturing group around the whole pattern and never match ``""``
    (no match objects are made: the lengths of the pieces give the offsets).

    >>> found, s, e = matches(re.compile("(b+)"), "abbcb")
    >>> found, s.tolist(), e.tolist()
    (['bb', 'b'], [1, 4], [3, 5])
    """
    parts = rx.split(text)
    ends = np.cumsum(np.fromiter(map(len, parts), np.int64, len(parts)))
    return parts[1::2], ends[0:-1:2], ends[1::2]


class WordTrie:
    """Leftmost-longest matches of a word list, each with its word's id.

    Finds what ``re.compile(f"({trie_pattern(words)})")`` finds (:func:`matches`),
    in C where ``crisisnotes._wordtrie`` was built (one table lookup per
    character instead of ``re`` trying each first character in turn), else
    with that regex. A later duplicate word takes the id, as in a dict.

    >>> t = WordTrie(["ロシア", "ロシア外相", "米国"], [0, 1, 2])
    >>> ids, s, e = t.find("ロシア外相と米国とロシア")
    >>> ids.tolist(), s.tolist(), e.tolist()
    ([1, 2, 0], [0, 6, 9], [5, 8, 12])
    """

    def __init__(self, words: Sequence[str], ids: Sequence[int], *, compiled: bool = True) -> None:
        self.ids = dict(zip(words, ids, strict=True))
        self._rx: re.Pattern[str] | None = None
        self._c = None
        module = _compiled("_wordtrie") if compiled else None
        if module is not None:
            self._c = (module, module.build(list(words), [int(i) for i in ids]))

    def __reduce__(self) -> tuple[Any, tuple[list[str], list[int], bool]]:
        """Pickled as its words and ids (a C trie cannot be): rebuilt where it is unpickled (a Dask worker).

        >>> import pickle
        >>> pickle.loads(pickle.dumps(WordTrie(["米国"], [4]))).find("米国")[0].tolist()
        [4]
        """
        return (_rebuild, (list(self.ids), list(self.ids.values()), self._c is not None))

    @property
    def rx(self) -> re.Pattern[str]:
        """The trie regex (compiled on first use: the compiled path never needs it)."""
        if self._rx is None:
            self._rx = re.compile(f"({trie_pattern(self.ids)})")
        return self._rx

    def find(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Ids, starts and ends (str indices) of the matches in ``text``, left to right."""
        if self._c is not None:
            module, trie = self._c
            out = np.frombuffer(module.find(trie, text), np.int64).reshape(-1, 3)
            return out[:, 0], out[:, 1], out[:, 2]
        found, s, e = matches(self.rx, text)
        return np.fromiter(map(self.ids.__getitem__, found), np.int64, len(s)), s, e


def _rebuild(words: list[str], ids: list[int], compiled: bool) -> WordTrie:
    return WordTrie(words, ids, compiled=compiled)


def ranges(start: np.ndarray, count: np.ndarray) -> np.ndarray:
    """``count[0]`` numbers from ``start[0]``, then ``count[1]`` from ``start[1]``, and so on.

    >>> ranges(np.array([5, 0]), np.array([2, 3])).tolist()
    [5, 6, 0, 1, 2]
    """
    return np.repeat(start - np.cumsum(count) + count, count) + np.arange(int(count.sum()))


def overlaps(cov_s: np.ndarray, cov_e: np.ndarray, s: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Does each ``[s, e)`` overlap one of the spans ``[cov_s, cov_e)``? O(log n) per query.

    >>> overlaps(np.array([10, 0]), np.array([12, 3]), np.array([2, 3, 11]), np.array([5, 10, 20])).tolist()
    [True, False, True]
    """
    if not len(cov_s):
        return np.zeros(len(s), bool)
    order = np.argsort(cov_s, kind="stable")
    reach = np.maximum.accumulate(cov_e[order])  # furthest end among the k first spans
    k = np.searchsorted(cov_s[order], e, "left")  # spans starting before e
    return (k > 0) & (reach[np.maximum(k - 1, 0)] > s)
