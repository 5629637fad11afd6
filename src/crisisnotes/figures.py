"""Japanese-capable fonts and publication export of figures.

Plot functions in :mod:`crisisnotes.plots` return a :class:`~matplotlib.figure.Figure`;
this module makes sure its text renders (Japanese and Latin, one font) and writes it as
PDF, SVG and PNG with provenance metadata.

* :func:`save` (here) writes ``<name>.pdf|svg|png`` atomically and embeds metadata such
  as the hash of the input the figure was drawn from.
* :func:`setup_fonts` (:mod:`crisisnotes.fonts`) selects IPAexGothic (bundled by
  ``matplotlib-fontja``) and makes PDF/PS embed TrueType fonts and SVG carry text as paths.
* :func:`check_glyphs` (static check of every text, then a draw) and the context manager
  :func:`fail_on_missing_glyphs` (:mod:`crisisnotes.glyphs`) turn tofu, which matplotlib
  only warns about ("Glyph ... missing from font(s)"), into :class:`MissingGlyphError`.

The font and glyph functions are re-exported here, so ``from crisisnotes.figures import
setup_fonts`` keeps working.

Examples
--------
>>> import tempfile
>>> import matplotlib.pyplot as plt
>>> from crisisnotes import figures
>>> figures.setup_fonts()
'IPAexGothic'
>>> fig, ax = plt.subplots()
>>> _ = ax.set_title("米中外相が電話会談")
>>> figures.check_glyphs(fig)
>>> with tempfile.TemporaryDirectory() as d:
...     paths = figures.save(fig, "demo", out_dir=d, metadata={"input_sha256": "ab12"})
...     sorted(p.name for p in paths.values())
['demo.pdf', 'demo.png', 'demo.svg']
>>> plt.close(fig)
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib.figure import Figure

from crisisnotes.fonts import _EXPORT_RC, FONT_FAMILY, setup_fonts
from crisisnotes.glyphs import (
    MissingGlyphError,
    check_glyphs,
    fail_on_missing_glyphs,
    missing_glyphs,
)

__all__ = [
    "FONT_FAMILY",
    "SUPPORTED_FORMATS",
    "MissingGlyphError",
    "check_glyphs",
    "fail_on_missing_glyphs",
    "missing_glyphs",
    "save",
    "setup_fonts",
]

SUPPORTED_FORMATS: tuple[str, ...] = ("pdf", "svg", "png")

_NAME_RE = re.compile(r"[A-Za-z0-9._-]+")
_META_KEY_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_ .-]{0,78}")

# Metadata keys that each backend knows natively (other keys go to Keywords etc.).
_TITLE_KEYS = ("Title",)
_AUTHOR_KEYS = ("Author",)
_DESCRIPTION_KEYS = ("Description", "Subject")


def _check_name(name: str, formats: Iterable[str]) -> str:
    if not isinstance(name, str) or not name:
        raise ValueError("figure name must be a non-empty string")
    if not _NAME_RE.fullmatch(name) or ".." in name or name.startswith((".", "-")):
        raise ValueError(
            f"invalid figure name {name!r}: use only letters, digits, '.', '_' and '-', "
            "no path separators, no '..', and no leading '.' or '-'"
        )
    for ext in formats:
        if name.lower().endswith("." + ext):
            raise ValueError(f"figure name {name!r} must not include the extension")
    return name


def _creator() -> str:
    from crisisnotes import __version__

    return f"crisisnotes {__version__}"


def _backend_metadata(fmt: str, metadata: Mapping[str, Any] | None) -> dict[str, Any]:
    """Translate free-form *metadata* into the keys the backend for *fmt* accepts."""
    user = {str(k): v for k, v in (metadata or {}).items()}
    for key in user:
        if not _META_KEY_RE.fullmatch(key):
            raise ValueError(f"invalid metadata key {key!r}: use ASCII letters, digits, _ . -")
    creator = str(user.pop("Creator", None) or _creator())
    title = user.pop("Title", None)
    author = user.pop("Author", None)
    description = None
    for key in _DESCRIPTION_KEYS:
        value = user.pop(key, None)
        if value is not None and description is None:
            description = str(value)
    pairs = [f"{k}={v}" for k, v in user.items() if v is not None]
    joined = "; ".join(pairs)

    if fmt == "pdf":
        out: dict[str, Any] = {"Creator": creator}
        if title is not None:
            out["Title"] = str(title)
        if author is not None:
            out["Author"] = str(author)
        if pairs:
            out["Keywords"] = joined
        subject = "; ".join(x for x in (description, joined) if x)
        if subject:
            out["Subject"] = subject
        return out
    if fmt == "svg":
        out = {"Creator": creator}
        if title is not None:
            out["Title"] = str(title)
        if author is not None:
            out["Contributor"] = str(author)
        text = "; ".join(x for x in (description, joined) if x)
        if text:
            out["Description"] = text
        if pairs:
            out["Keywords"] = pairs
        return out
    if fmt == "png":
        # PNG tEXt/iTXt chunks take arbitrary keywords; one chunk per user key.
        out = {"Software": creator}
        if title is not None:
            out["Title"] = str(title)
        if author is not None:
            out["Author"] = str(author)
        if description is not None:
            out["Description"] = description
        out.update({k: str(v) for k, v in user.items() if v is not None})
        return out
    raise ValueError(f"unsupported format {fmt!r}; choose from {SUPPORTED_FORMATS}")


def _open_temp(directory: Path, stem: str) -> tuple[Path, int]:
    """Create an empty, exclusive temp file in *directory* (mode honours the umask)."""
    for _ in range(100):
        tmp = directory / f".{stem}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        return tmp, fd
    raise FileExistsError(f"could not create a temporary file in {directory}")


def save(
    fig: Figure,
    name: str,
    *,
    out_dir: str | os.PathLike[str] | None = None,
    formats: Iterable[str] = ("pdf", "svg", "png"),
    dpi: int = 300,
    metadata: Mapping[str, Any] | None = None,
    bbox_inches: str | None = "tight",
    strict_glyphs: bool = False,
    close: bool = False,
    show: bool | None = None,
) -> dict[str, Path]:
    """Write *fig* as ``<out_dir>/<name>.<ext>`` for each format, atomically.

    Every file is first rendered into a temporary file in the target directory and then
    moved into place with :func:`os.replace`, so readers never see a half-written figure.
    All formats are rendered before any is replaced: if one fails, none is changed.
    The figure's layout engine runs once and a ``"tight"`` box is measured once, before any
    format is drawn; every format reuses both (the same page in every file, and one draw
    per format, the bulk of the time).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to write.
    name : str
        File stem, named by what the figure shows (``"comention-network-country"``).
        Only ``[A-Za-z0-9._-]``; no path separators, no ``..``, no extension.
    out_dir : path-like, optional
        Target directory, created if missing. Default :data:`crisisnotes.config.FIGURES_DIR`.
    formats : iterable of {"pdf", "svg", "png"}
        Formats to write.
    dpi : int
        Resolution of the PNG (and of raster parts inside PDF/SVG).
    metadata : mapping, optional
        Provenance to embed, e.g. ``{"input_sha256": "...", "dump": "ukraine_2022"}``.
        ``Title``, ``Author`` and ``Description`` map to each format's native field;
        other keys become ``key=value`` entries in the PDF ``Keywords`` and ``Subject``,
        the SVG ``Description`` and ``Keywords``, and one PNG text chunk per key.
        ``Creator`` defaults to ``"crisisnotes <version>"``.
    bbox_inches : str or None
        Passed to :meth:`~matplotlib.figure.Figure.savefig`; ``"tight"`` keeps legends
        placed outside the axes.
    strict_glyphs : bool
        Raise :class:`MissingGlyphError` (and write nothing) if any text lacks glyphs.
    close : bool
        Close the figure in pyplot after writing (for batch jobs).
    show : bool, optional
        Show the exported PNG (reduced to the screen resolution) as the cell's output and
        close the figure in pyplot, instead of letting Jupyter lay the figure out and draw
        it once more. ``None`` (default): do so in a Jupyter kernel that draws figures
        inline when a PNG was written; what the notebook shows is then the exported file.
        The figure object stays usable (``fig.savefig`` still works).

    Returns
    -------
    dict of str to pathlib.Path
        Path written for each format, keyed by extension.

    Raises
    ------
    ValueError
        For an unsafe name, an unknown format or an invalid metadata key.

    Examples
    --------
    >>> import tempfile
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], [0, 1])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     paths = save(fig, "line", out_dir=d, formats=("png",), dpi=72)
    ...     paths["png"].name
    'line.png'
    >>> plt.close(fig)
    """
    fmts = [str(f).lower().lstrip(".") for f in formats]
    if not fmts:
        raise ValueError("no formats given")
    for fmt in fmts:
        if fmt not in SUPPORTED_FORMATS:
            raise ValueError(f"unsupported format {fmt!r}; choose from {SUPPORTED_FORMATS}")
    fmts = list(dict.fromkeys(fmts))
    _check_name(name, SUPPORTED_FORMATS)
    per_format = {fmt: _backend_metadata(fmt, metadata) for fmt in fmts}

    if out_dir is None:
        from crisisnotes.config import FIGURES_DIR

        out_dir = FIGURES_DIR
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)

    rc = dict(_EXPORT_RC)
    if mpl.rcParams["svg.hashsalt"] is None:
        rc["svg.hashsalt"] = "crisisnotes"  # stable element ids: reproducible SVG files

    pending: list[tuple[Path, Path]] = []
    engine = None
    try:
        with mpl.rc_context(rc):
            if strict_glyphs:
                check_glyphs(fig)
            guard = fail_on_missing_glyphs() if strict_glyphs else contextlib.nullcontext()
            engine = fig.get_layout_engine()
            box: Any = bbox_inches
            with guard:
                if engine is not None or box == "tight":  # lay out and measure once, for every format
                    fig.draw_without_rendering()  # runs the layout engine
                    if engine is not None:
                        fig.set_layout_engine(None)  # no engine (not even a placeholder): no pre-draw
                    if box == "tight":  # else "tight" costs every format an extra draw
                        pad = mpl.rcParams["savefig.pad_inches"]
                        box = fig.get_tightbbox().padded(pad)  # with the renderer it was laid out by
                for fmt in fmts:
                    tmp, fd = _open_temp(directory, f"{name}.{fmt}")
                    pending.append((tmp, directory / f"{name}.{fmt}"))
                    with os.fdopen(fd, "wb") as fh:
                        fig.savefig(fh, format=fmt, dpi=dpi, metadata=per_format[fmt], bbox_inches=box)
                        fh.flush()
                        os.fsync(fh.fileno())
        for tmp, final in pending:
            os.replace(tmp, final)
    finally:
        if engine is not None and fig.get_layout_engine() is not engine:
            fig.set_layout_engine(engine)  # the figure lays itself out again if shown or changed
        for tmp, _ in pending:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    paths = {fmt: directory / f"{name}.{fmt}" for fmt in fmts}
    if "png" in paths and (show or (show is None and _inline_kernel())):
        _display_png(paths["png"], dpi)
        close = True
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    return paths


def _inline_kernel() -> bool:
    """Is this a Jupyter kernel that draws pyplot figures inline?"""
    if "inline" not in str(mpl.get_backend()).lower():
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None


def _display_png(path: Path, dpi: int) -> None:
    """Show the PNG at ``path`` as an output, reduced from ``dpi`` to about the screen's 100 dpi."""
    import io

    from IPython.display import Image as IPImage
    from IPython.display import display
    from PIL import Image

    factor = max(1, round(dpi / float(mpl.rcParams["figure.dpi"] or 100)))
    with Image.open(path) as img:
        small = img.reduce(factor) if factor > 1 else img.copy()
    buf = io.BytesIO()
    small.save(buf, format="png")
    display(IPImage(data=buf.getvalue(), format="png"))
