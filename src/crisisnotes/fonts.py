"""The figure font: one Japanese-capable family, embedded when a figure is written.

:func:`setup_fonts` selects IPAexGothic (bundled by ``matplotlib-fontja``; kana, kanji and
Latin in one font) with DejaVu Sans as a fallback for rare symbols, and applies the
rcParams in ``_EXPORT_RC`` (TrueType embedded in PDF/PS, SVG text as paths, no TeX parsing of
dump text), which :func:`crisisnotes.figures.save` also applies while writing. Re-exported
by :mod:`crisisnotes.figures`.

Examples
--------
>>> from crisisnotes.fonts import FONT_FAMILY, setup_fonts
>>> setup_fonts() == FONT_FAMILY
True
"""

from __future__ import annotations

from typing import Any

import matplotlib as mpl

__all__ = ["FONT_FAMILY", "setup_fonts"]

FONT_FAMILY = "IPAexGothic"
"""Family name of the font bundled by ``matplotlib-fontja`` (Japanese and Latin)."""

_FALLBACK_FAMILY = "DejaVu Sans"  # ships with matplotlib; catches rare symbols

_EXPORT_RC: dict[str, Any] = {
    "pdf.fonttype": 42,  # embed TrueType (Type 42), text stays selectable/searchable
    "ps.fonttype": 42,
    "svg.fonttype": "path",  # SVG needs no installed fonts
    "text.parse_math": False,  # labels come from dumps: "$5 and $6" is text, not TeX (nor an error)
}


def setup_fonts() -> str:
    """Configure matplotlib so Japanese and Latin text render and embed.

    Idempotent: safe to call before every plot. Sets ``font.family`` to IPAexGothic
    (bundled by ``matplotlib-fontja``; it covers kana, kanji and Latin) with DejaVu Sans as
    a fallback for rare symbols, ``pdf.fonttype``/``ps.fonttype`` to 42 (embedded
    TrueType), ``svg.fonttype`` to ``"path"``, ``text.parse_math`` to False (text from
    dumps is never read as TeX) and ``axes.unicode_minus`` to False.

    Returns
    -------
    str
        The primary font family name, ``"IPAexGothic"``.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> setup_fonts()
    'IPAexGothic'
    >>> mpl.rcParams["pdf.fonttype"], mpl.rcParams["svg.fonttype"]
    (42, 'path')
    """
    import matplotlib_fontja  # noqa: F401  (registers the bundled font on import)

    mpl.rcParams["font.family"] = [FONT_FAMILY, _FALLBACK_FAMILY]
    mpl.rcParams.update(_EXPORT_RC)
    mpl.rcParams["axes.unicode_minus"] = False
    return FONT_FAMILY
