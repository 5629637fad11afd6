"""A regular expression from a word list, built as a trie (fast longest-first matching).

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
from collections.abc import Iterable

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
