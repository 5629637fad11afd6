"""Texts as numpy arrays of code points, and hits as tuples of columns: what the matcher checks at once.

:mod:`crisisnotes.matching` scans a whole chunk of posts (joined by newlines) with one regex and
then tests every hit's neighbours with these array functions instead of one hit at a time.

Examples
--------
>>> c = code_points("aア中")
>>> c.tolist()[1:-1] == [ord("a"), ord("ア"), ord("中")], alnum(c).tolist()[1:-1], bool(kata(c)[2]), bool(kanji(c)[3])
(True, [True, False, False], True, True)
>>> post_of(np.array([0, 10]), np.array([3, 12])).tolist()
[0, 1]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

Row = tuple[int, int, int, str, int]  # start, end, actor index, surface, via index
Cols = tuple[np.ndarray, ...]  # the columns of matching.Hits


def code_points(text: str) -> np.ndarray:
    """Code points of ``"\\n" + text + "\\n"``: ``codes[i]`` is the one before ``text[i]``."""
    return np.frombuffer(("\n" + text + "\n").encode("utf-32-le", "surrogatepass"), np.int32)


def alnum(c: np.ndarray) -> np.ndarray:
    """ASCII letters and digits."""
    return ((c >= 48) & (c <= 57)) | ((c >= 65) & (c <= 90)) | ((c >= 97) & (c <= 122))


def kata(c: np.ndarray) -> np.ndarray:
    """Katakana (and ・, ー)."""
    return (c >= 0x30A0) & (c <= 0x30FF)


def kanji(c: np.ndarray) -> np.ndarray:
    """CJK ideographs and 々."""
    return ((c >= 0x3400) & (c <= 0x9FFF)) | (c == 0x3005)


def where(c: np.ndarray, test: Callable[[str], bool]) -> np.ndarray:
    """``test(chr(x))`` for each code point ``x`` of ``c`` (once per distinct code)."""
    u, inv = np.unique(c, return_inverse=True)
    return np.array([test(chr(x)) for x in u.tolist()], bool)[inv].reshape(c.shape)


def post_of(bounds: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """The post of each offset ``pos``, posts starting at ``bounds``."""
    return np.searchsorted(bounds, pos, "right") - 1


def objects(items: Sequence[str]) -> np.ndarray:
    """``items`` as a 1-d numpy object array."""
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def columns(rows: list[Row]) -> Cols:
    """Rows as columns (empty columns of the right types for no rows)."""
    s, e, a, sur, v = zip(*rows, strict=True) if rows else ((), (), (), (), ())
    return (*(np.array(x, np.int64) for x in (s, e, a)), objects(sur), np.array(v, np.int64))


def concat(parts: list[Cols]) -> Cols:
    """Each column of ``parts`` concatenated."""
    return tuple(np.concatenate(cols) for cols in zip(*parts, strict=True))
