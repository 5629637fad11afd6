"""Glyph checks: text a figure's fonts cannot draw is an error, not tofu.

matplotlib only warns ("Glyph ... missing from font(s)") and draws an empty box. The
static check :func:`missing_glyphs` lists the offending characters per text;
:func:`check_glyphs` (static check, then a draw) and the context manager
:func:`fail_on_missing_glyphs` raise :class:`MissingGlyphError` instead. Re-exported by
:mod:`crisisnotes.figures`.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> from crisisnotes.fonts import setup_fonts
>>> _ = setup_fonts()
>>> fig = plt.figure()
>>> _ = fig.text(0.1, 0.5, "米中外相 \U0001f643")
>>> missing_glyphs(fig)
{'米中外相 \U0001f643': ['\U0001f643']}
>>> plt.close(fig)
"""

from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Iterator

from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.text import Text

__all__ = ["MissingGlyphError", "check_glyphs", "fail_on_missing_glyphs", "missing_glyphs"]

_GLYPH_RE = re.compile(r"Glyph .* missing from font")


class MissingGlyphError(RuntimeError):
    """Raised when text in a figure uses characters the configured fonts lack."""


@contextlib.contextmanager
def fail_on_missing_glyphs() -> Iterator[None]:
    """Raise :class:`MissingGlyphError` if text drawn inside the block lacks glyphs.

    matplotlib only warns (``UserWarning: Glyph 12354 (...) missing from font(s) ...``)
    and then draws an empty box ("tofu"). Inside this block those warnings are collected;
    on exit they are raised together as one error. Other warnings pass through unchanged.

    Raises
    ------
    MissingGlyphError
        Listing every missing-glyph message seen in the block.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from crisisnotes.fonts import setup_fonts
    >>> _ = setup_fonts()
    >>> fig = plt.figure()
    >>> _ = fig.text(0.5, 0.5, "ロシア外相 Lavrov")
    >>> with fail_on_missing_glyphs():
    ...     fig.canvas.draw()
    >>> plt.close(fig)
    """
    with warnings.catch_warnings(record=True) as caught:
        # Keep the caller's filters but never let a glyph warning be swallowed as "once".
        warnings.filterwarnings("always", message=_GLYPH_RE.pattern, category=UserWarning)
        yield
    missing: list[str] = []
    for w in caught:
        text = str(w.message)
        if _GLYPH_RE.search(text):
            if text not in missing:
                missing.append(text)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
    if missing:
        raise MissingGlyphError("; ".join(missing))


def _charmap(path: str) -> frozenset[int]:
    cached = _CHARMAPS.get(path)
    if cached is None:
        from matplotlib.font_manager import get_font

        cached = frozenset(get_font(path).get_charmap())
        _CHARMAPS[path] = cached
    return cached


_CHARMAPS: dict[str, frozenset[int]] = {}


def _font_paths(prop: FontProperties) -> list[str]:
    """Font files matplotlib would try for *prop*, in fallback order."""
    paths: list[str] = []
    for family in prop.get_family():
        single = prop.copy()
        single.set_family(family)
        try:
            path = str(fontManager.findfont(single, fallback_to_default=False))
        except ValueError:
            continue
        if path not in paths:
            paths.append(path)
    if not paths:
        paths.append(str(fontManager.findfont(prop)))
    return paths


def missing_glyphs(fig: Figure) -> dict[str, list[str]]:
    """Characters of visible text in *fig* that none of its fonts can draw.

    A static check over the Text artists (titles, labels, tick labels, annotations,
    legend entries), independent of whether the figure was drawn before. Mathtext
    (``$...$``) and TeX text are skipped; :func:`check_glyphs` catches those by drawing.

    Returns
    -------
    dict of str to list of str
        Each offending text mapped to its missing characters (empty if all is well).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from crisisnotes.fonts import setup_fonts
    >>> _ = setup_fonts()
    >>> fig = plt.figure()
    >>> _ = fig.text(0.1, 0.5, "ロシア外相")
    >>> missing_glyphs(fig)
    {}
    >>> plt.close(fig)
    """
    with warnings.catch_warnings():
        # this layout pass would warn about exactly what we report below
        warnings.filterwarnings("ignore", message=_GLYPH_RE.pattern, category=UserWarning)
        fig.draw_without_rendering()  # creates tick labels and legend texts
    found: dict[str, list[str]] = {}
    for artist in fig.findobj(lambda a: isinstance(a, Text)):
        s = artist.get_text()
        if not s or not artist.get_visible() or artist.get_usetex() or is_math_text(s):
            continue
        charsets = [_charmap(p) for p in _font_paths(artist.get_fontproperties())]
        lacking = [
            ch
            for ch in dict.fromkeys(s)
            if not ch.isspace() and not any(ord(ch) in cs for cs in charsets)
        ]
        if lacking:
            found.setdefault(s, lacking)
    return found


def check_glyphs(fig: Figure) -> None:
    """Raise :class:`MissingGlyphError` if any text in *fig* would render as tofu.

    Checks every visible Text artist against its fonts (see :func:`missing_glyphs`), then
    draws the figure inside :func:`fail_on_missing_glyphs` to catch the rest.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to check. It is rendered with its current canvas (Agg by default).

    Raises
    ------
    MissingGlyphError
        Naming the texts and characters no font covers.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from crisisnotes.fonts import setup_fonts
    >>> _ = setup_fonts()
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_xlabel("ブリンケン")
    >>> check_glyphs(fig)
    >>> plt.close(fig)
    """
    found = missing_glyphs(fig)
    if found:
        detail = "; ".join(
            f"{text!r} lacks " + ", ".join(f"U+{ord(c):04X} {c!r}" for c in chars)
            for text, chars in found.items()
        )
        raise MissingGlyphError(f"Glyphs missing from font(s): {detail}")
    with fail_on_missing_glyphs():
        fig.canvas.draw()
