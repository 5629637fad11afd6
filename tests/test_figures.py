"""Tests for crisisnotes.figures: fonts, glyph checks, atomic multi-format export."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from PIL import Image

import crisisnotes
from crisisnotes import config, figures

JA_TEXT = "米中外相 ブリンケン ロシア"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def ja_fig():
    figures.setup_fonts()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([0, 1], [0, -1])
    ax.set_title(JA_TEXT)
    ax.set_xlabel("Blinken – Lavrov")
    return fig


def test_setup_fonts_is_idempotent_and_sets_rc():
    assert figures.setup_fonts() == "IPAexGothic"
    mpl.rcParams["font.family"] = ["serif"]
    assert figures.setup_fonts() == "IPAexGothic"
    assert mpl.rcParams["font.family"][0] == "IPAexGothic"
    assert mpl.rcParams["pdf.fonttype"] == 42
    assert mpl.rcParams["ps.fonttype"] == 42
    assert mpl.rcParams["svg.fonttype"] == "path"
    assert mpl.rcParams["axes.unicode_minus"] is False


def test_japanese_renders_without_missing_glyph_warning(ja_fig, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ja_fig.canvas.draw()
        for ext in ("pdf", "svg", "png"):
            ja_fig.savefig(tmp_path / f"x.{ext}")
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_fail_on_missing_glyphs_raises_for_tofu():
    figures.setup_fonts()
    fig = plt.figure()
    fig.text(0.5, 0.5, "ロシア \U0001f643")  # no bundled font has emoji
    with (
        pytest.raises(figures.MissingGlyphError, match="missing from font"),
        figures.fail_on_missing_glyphs(),
    ):
        fig.canvas.draw()
    # already drawn: matplotlib would not warn again, the static check still sees it
    with pytest.raises(figures.MissingGlyphError, match="U\\+1F643"):
        figures.check_glyphs(fig)
    assert figures.missing_glyphs(fig) == {"ロシア \U0001f643": ["\U0001f643"]}


def test_fail_on_missing_glyphs_passes_japanese_and_keeps_other_warnings(ja_fig):
    with pytest.warns(RuntimeWarning, match="unrelated"), figures.fail_on_missing_glyphs():
        ja_fig.canvas.draw()
        warnings.warn("unrelated", RuntimeWarning, stacklevel=1)
    figures.check_glyphs(ja_fig)


def test_save_writes_all_formats_with_fonts_and_metadata(ja_fig, tmp_path):
    meta = {"input_sha256": "deadbeef" * 8, "dump": "ウクライナ2022", "Title": "米中"}
    paths = figures.save(ja_fig, "comention-network-country", out_dir=tmp_path, metadata=meta)
    assert set(paths) == {"pdf", "svg", "png"}
    for ext, path in paths.items():
        assert path == tmp_path / f"comention-network-country.{ext}"
        assert path.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths.values())

    pdf = paths["pdf"].read_bytes()
    assert b"/FontFile2" in pdf  # embedded TrueType
    assert b"/Type3" not in pdf
    assert b"crisisnotes " + crisisnotes.__version__.encode() in pdf
    # non-ASCII info strings are UTF-16BE (with BOM) in the PDF Info dictionary
    assert ("input_sha256=" + "deadbeef" * 8).encode("utf-16-be") in pdf
    assert "dump=ウクライナ2022".encode("utf-16-be") in pdf
    assert b"/Keywords" in pdf and b"/Subject" in pdf

    svg = paths["svg"].read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    ns = {"dc": "http://purl.org/dc/elements/1.1/"}
    description = root.find(".//dc:description", ns)
    assert description is not None and "input_sha256=" + "deadbeef" * 8 in description.text
    assert "dump=ウクライナ2022" in description.text
    assert f"crisisnotes {crisisnotes.__version__}" in svg
    assert "<text" not in svg  # text drawn as paths: no fonts needed to view

    with Image.open(paths["png"]) as im:
        im.load()
        assert im.info["dpi"] == pytest.approx((300, 300), abs=0.01)
        assert im.info["input_sha256"] == "deadbeef" * 8
        assert im.info["dump"] == "ウクライナ2022"
        assert im.info["Software"] == f"crisisnotes {crisisnotes.__version__}"
        assert im.info["Title"] == "米中"


def test_save_png_dpi_and_subset_of_formats(ja_fig, tmp_path):
    paths = figures.save(ja_fig, "small", out_dir=tmp_path / "new" / "dir", formats=["png"], dpi=72)
    assert list(paths) == ["png"]
    with Image.open(paths["png"]) as im:
        assert im.info["dpi"] == pytest.approx((72, 72), abs=0.01)


def test_save_defaults_to_figures_dir(ja_fig, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "FIGURES_DIR", tmp_path / "figs")
    paths = figures.save(ja_fig, "default-dir", formats=("svg",))
    assert paths["svg"].parent == tmp_path / "figs"
    assert paths["svg"].exists()


@pytest.mark.parametrize(
    "name",
    [
        "",
        "../evil",
        "a/b",
        "a\\b",
        "..",
        "a..b",
        ".hidden",
        "-x",
        "with space",
        "ü",
        "x.pdf",
        "x;y",
    ],
)
def test_save_rejects_bad_names(ja_fig, tmp_path, name):
    with pytest.raises(ValueError):
        figures.save(ja_fig, name, out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["comention-network-country", "fig_1.v2", "A"])
def test_save_accepts_good_names(ja_fig, tmp_path, name):
    paths = figures.save(ja_fig, name, out_dir=tmp_path, formats=("svg",))
    assert paths["svg"].name == f"{name}.svg"


def test_save_rejects_unknown_format_and_metadata_key(ja_fig, tmp_path):
    with pytest.raises(ValueError, match="unsupported format"):
        figures.save(ja_fig, "x", out_dir=tmp_path, formats=("gif",))
    with pytest.raises(ValueError, match="metadata key"):
        figures.save(ja_fig, "x", out_dir=tmp_path, metadata={"bad/key": "v"})
    assert list(tmp_path.iterdir()) == []


def test_save_is_atomic_and_all_or_nothing(ja_fig, tmp_path, monkeypatch):
    first = figures.save(ja_fig, "fig", out_dir=tmp_path)
    before = {ext: p.read_bytes() for ext, p in first.items()}
    real_savefig = ja_fig.savefig

    def failing_savefig(fname, *args, **kwargs):
        if kwargs.get("format") == "png":
            raise RuntimeError("disk full")
        return real_savefig(fname, *args, **kwargs)

    monkeypatch.setattr(ja_fig, "savefig", failing_savefig)
    with pytest.raises(RuntimeError, match="disk full"):
        figures.save(ja_fig, "fig", out_dir=tmp_path)
    # no temp files left, old files untouched (pdf/svg were rendered but not moved in)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig.pdf", "fig.png", "fig.svg"]
    assert {ext: p.read_bytes() for ext, p in first.items()} == before


def test_save_strict_glyphs_writes_nothing_on_tofu(tmp_path):
    figures.setup_fonts()
    fig = plt.figure()
    fig.text(0.1, 0.5, "\U0001f643")
    with pytest.raises(figures.MissingGlyphError):
        figures.save(fig, "tofu", out_dir=tmp_path, strict_glyphs=True)
    assert list(tmp_path.iterdir()) == []


def test_save_svg_is_reproducible(ja_fig, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1645660800")
    a = figures.save(ja_fig, "a", out_dir=tmp_path, formats=("svg",))["svg"].read_bytes()
    b = figures.save(ja_fig, "b", out_dir=tmp_path, formats=("svg",))["svg"].read_bytes()
    assert a == b


def test_save_close(ja_fig, tmp_path):
    num = ja_fig.number
    figures.save(ja_fig, "closed", out_dir=tmp_path, formats=("png",), close=True)
    assert not plt.fignum_exists(num)


def test_save_shows_the_exported_png_instead_of_a_redraw(ja_fig, tmp_path, monkeypatch):
    import io

    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    num = ja_fig.number
    # outside a Jupyter kernel nothing is shown and the figure stays open
    figures.save(ja_fig, "plain", out_dir=tmp_path, formats=("png",), dpi=300)
    assert shown == [] and plt.fignum_exists(num)
    # show=True: the exported PNG, reduced to the screen's dpi, is the output; pyplot lets go of the figure
    paths = figures.save(ja_fig, "shown", out_dir=tmp_path, formats=("png", "pdf"), dpi=300, show=True)
    assert len(shown) == 1 and not plt.fignum_exists(num)
    full = Image.open(paths["png"])
    small = Image.open(io.BytesIO(shown[0].data))
    factor = round(300 / mpl.rcParams["figure.dpi"])
    assert small.size == (full.size[0] // factor, full.size[1] // factor)
    assert ja_fig.savefig(io.BytesIO(), format="png") is None  # the figure object still works
    # no PNG written: nothing to show
    figures.save(ja_fig, "vector", out_dir=tmp_path, formats=("pdf",), show=True)
    assert len(shown) == 1
