"""Safety (issue 8): a dump is data, never code.

Nothing from a dump is executed or unpickled; text from a dump is escaped in SVG and XML exports
and never read as TeX; folder names derived from dump names are sanitised; ``data/raw/`` is only
ever read.
"""

from __future__ import annotations

import ast
import hashlib
import os
import pickle
import re
import shutil
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pytest

import crisisnotes
from crisisnotes import config, figures, plots, store
from crisisnotes.cli import main

PACKAGE = Path(crisisnotes.__file__).resolve().parent
SCRIPT = "<script>alert(1)</script>"
FORBIDDEN_MODULES = {
    "pickle",
    "_pickle",
    "cPickle",
    "marshal",
    "shelve",
    "dill",
    "cloudpickle",
    "joblib",
}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}
FORBIDDEN_ATTRS = {"read_pickle", "to_pickle", "system", "popen", "query", "eval", "load_module"}


def _offences(source: str, name: str) -> list[str]:
    """Imports and calls in ``source`` that could run or unpickle data."""
    out = []
    for node in ast.walk(ast.parse(source, filename=name)):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            )
            out += [f"{where}: imports {n}" for n in names if n.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in FORBIDDEN_CALLS:
                out.append(f"{where}: calls {f.id}()")
            if isinstance(f, ast.Attribute) and f.attr in FORBIDDEN_ATTRS:
                out.append(f"{where}: calls .{f.attr}()")
            if (
                isinstance(f, ast.Attribute)
                and f.attr == "load"
                and getattr(f.value, "id", "") == "yaml"
            ):
                out.append(f"{where}: calls yaml.load() (use yaml.safe_load)")
            for kw in node.keywords:
                if (
                    kw.arg in ("shell", "allow_pickle")
                    and getattr(kw.value, "value", False) is True
                ):
                    out.append(f"{where}: {kw.arg}=True")
    return out


def test_the_package_never_executes_or_unpickles_anything():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    offences = [o for f in files for o in _offences(f.read_text(encoding="utf-8"), f.name)]
    assert offences == []


def test_the_offence_finder_finds_offences():
    code = (
        "import pickle\nfrom marshal import loads\neval('1')\ndf.query('a')\nrun(x, shell=True)\n"
        "os.system('x')\nyaml.load(f)\nnp.load(f, allow_pickle=True)\npd.read_pickle(p)\n"
    )
    assert len(_offences(code, "probe.py")) == 9


def test_code_in_a_dump_is_kept_as_text_and_never_run(tmp_path, monkeypatch, capsys):
    marker = tmp_path / "PWNED"
    payloads = [
        f"__import__('os').system('touch {marker}')",
        f"$(touch {marker}) `touch {marker}`; touch {marker} | touch {marker}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }} ${7*7} %run evil.py !touch x",
        "=HYPERLINK(\"http://x\") +cmd|' /C calc'!A0 @SUM(1+1)",
    ]
    lines = []
    for i, payload in enumerate(payloads):
        lines += [
            f"{payload} https://t.co/Sf0000000{i}",
            f"— Reuters (@Reuters) Jan {10 + i}, 2022",
            payload,
        ]
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "code.txt").write_text("\n".join(lines), encoding="utf-8")
    (raw / "evil.pkl").write_bytes(pickle.dumps(_Evil(str(marker))))  # not a dump: never opened
    (raw / "evil_pickle.txt").write_bytes(pickle.dumps(_Evil(str(marker))))  # a pickle named .txt
    monkeypatch.chdir(tmp_path)
    status = main(
        [
            "run",
            str(raw),
            "--out",
            str(tmp_path / "out"),
            "--figures",
            str(tmp_path / "fig"),
            "--quiet",
        ]
    )
    corpus = crisisnotes.load(raw / "code.txt", cache_dir=tmp_path / "out")
    assert not marker.exists() and not (tmp_path / "x").exists()
    assert corpus.posts["body"].tolist() == payloads  # verbatim
    assert status == 1  # evil_pickle.txt is refused as binary data
    assert [
        Path(e.path).name for e in corpus.report.errors
    ] == [] and "evil_pickle.txt" in capsys.readouterr().err


class _Evil:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _assert_clean_xml(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    root = ET.fromstring(text)  # well-formed: dump text cannot break out of its element
    for el in root.iter():
        assert not el.tag.lower().endswith("script")
        assert not [k for k in el.attrib if k.lower().startswith("on")]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_svg_of_a_network_escapes_dump_text(tmp_path, lang):
    G = nx.Graph()
    hostile = {"label_en": SCRIPT, "label_ja": f"{SCRIPT}ロシア", "kind": "person", "frequency": 5}
    G.add_node("a", **hostile)
    G.add_node(
        "b",
        label_en='"><svg onload=alert(2)> $x^$',
        label_ja="米国 $5 & $6",
        kind="state",
        frequency=3,
    )
    G.add_edge("a", "b", count=2, weight=1.0)
    fig = plots.network(G, lang=lang, title=f"{SCRIPT} $\\frac{{a}}{{b}}$")
    paths = figures.save(fig, f"hostile-{lang}", out_dir=tmp_path, formats=("svg",), close=True)
    _assert_clean_xml(paths["svg"])


def test_exports_keep_hostile_text_escaped(tmp_path):
    """A whole run over a dump whose outlet name and text are markup and TeX: every figure is
    drawn (``$x^$`` is not TeX), every SVG/GEXF/GraphML is well-formed with no raw script."""
    raw = tmp_path / "raw"
    raw.mkdir()
    outlet = f"{SCRIPT} $x^$ News"  # one tag pair: still sniffed as copied text, not HTML
    (raw / "hostile.txt").write_text("\n".join([
        "Biden and Putin talk, $5 and $6 https://t.co/Sf00000010",
        f"— {outlet} (@evil_news) Jan 26, 2022",
        "U.S. President Joe Biden spoke with Russian President Vladimir Putin. $\\frac{a}{b}$ & co",
        "NATO meets Russia https://t.co/Sf00000011",
        "— Reuters (@Reuters) Jan 27, 2022",
        "NATO and Russia held talks in Brussels on Ukraine.",
    ]), encoding="utf-8")  # fmt: skip
    fig_dir = tmp_path / "fig"
    assert (
        main(
            ["run", str(raw), "--out", str(tmp_path / "out"), "--figures", str(fig_dir), "--quiet"]
        )
        == 0
    )
    written = sorted(p.suffix for p in fig_dir.iterdir())
    assert (
        written.count(".svg") >= 4
        and written.count(".gexf") == 2
        and written.count(".graphml") == 2
    )
    for p in fig_dir.iterdir():
        if p.suffix in (".svg", ".gexf", ".graphml"):
            _assert_clean_xml(p)
    svg = (fig_dir / "coverage-posts-per-day.svg").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in svg  # the outlet's name is in the figure, escaped
    assert "script" not in re.sub(r"&lt;/?script&gt;|description", "", svg)


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "..", ".", "", "a/b", "$(rm -rf ~)", "-rf", "~", "a\nb", "con",
     "x" * 300, "ロシア" * 60, "\udcff\udcfe", "名前 with spaces;|&"],
)  # fmt: skip
def test_safe_name_is_a_plain_short_folder_name(name):
    s = store.safe_name(name)
    assert s and s not in (".", "..") and not s.startswith((".", "-", "~"))
    assert all(c.isalnum() or c in "._-" for c in s)
    assert len(s.encode()) <= store.MAX_NAME_BYTES
    assert store.safe_name("x" * 300) != store.safe_name("x" * 299 + "y")  # hashed, not just cut


def test_odd_dump_names_stay_inside_the_cache(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "cache" / "processed"
    raw.mkdir()
    good = "A https://t.co/Sf00000020\n— Reuters (@Reuters) Jan 26, 2022\nRussia and Ukraine talk {}.\n"
    names = ["-rf.txt", "$(touch PWNED).txt", "a b;c|d&e.txt", "ロシア" * 27 + ".txt", "y" * 250 + ".txt",
             "weird..name.txt", "ロシア　報道.txt", "ok.txt"]  # fmt: skip
    for i, n in enumerate(names):
        (raw / n).write_text(good.format(i), encoding="utf-8")
    bad = [os.fsdecode(b"\xff\xfe_cp932.txt"), "new\nline.txt"]  # not UTF-8; a control character
    for n in bad:
        (raw / n).write_text(
            good.format(n.encode("utf-8", "surrogateescape").hex()), encoding="utf-8"
        )
    assert main(["ingest", str(raw), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.count("its name is not valid UTF-8") == 2 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "raw"]
    assert not list(tmp_path.rglob("PWNED"))
    folders = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert len(folders) == len(names)
    for f in folders:
        assert f.parent == out and (f / "manifest.json").is_file()
        assert len(f.name.encode()) <= store.MAX_NAME_BYTES
    assert list(out.glob(".*")) == []  # no build or backup folder left


def _tree(root: Path) -> dict[str, tuple]:
    out = {}
    for p in sorted([root, *root.rglob("*")]):
        st = p.lstat()
        digest = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else None
        out[str(p.relative_to(root))] = (st.st_mode, st.st_size, st.st_mtime_ns, digest)
    return out


def test_the_package_never_writes_inside_the_raw_folder(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DATA_DIR, raw)
    for p in [*raw.rglob("*"), raw]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = _tree(raw)
    monkeypatch.chdir(raw)  # even run from inside it
    try:
        out, fig = tmp_path / "processed", tmp_path / "figures"
        assert main(["run", str(raw), "--out", str(out), "--figures", str(fig), "--quiet"]) in (
            0,
            1,
        )
        corpus = crisisnotes.load(raw, cache_dir=out)
        crisisnotes.line_accounting(corpus)
        assert len(corpus.posts) > 30 and any(fig.iterdir())
        assert _tree(raw) == before
    finally:
        for p in [raw, *raw.rglob("*")]:
            p.chmod(p.stat().st_mode | stat.S_IWUSR)
    plt.close("all")


def test_pyarrow_never_unpickles_from_a_parquet_file():
    """pyarrow 14.0.0 and older unpickle "arrow.py_extension_type" columns (CVE-2023-47248)."""
    import tomllib

    import pyarrow as pa
    from packaging.version import Version

    assert Version(pa.__version__) >= Version("14.0.1")
    root = Path(__file__).resolve().parents[1]
    deps = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
    assert "pyarrow>=14.0.1" in deps
    assert "pyarrow>=14.0.1" in (root / "environment.yml").read_text(encoding="utf-8")
