"""Build the processed cache: which files are dumps, their folder names, what is stale, ingest.

``ingest`` checks each dump against its manifest (input sha256, package version,
code fingerprint, lexicon) and builds only what changed — one new dump in a
folder of processed ones costs one dump's ingest.

Examples
--------
>>> from crisisnotes.config import SAMPLE_DUMP
>>> [p.name for p in dump_files(SAMPLE_DUMP)]
['sample_ukraine_2022.txt']
>>> len(code_fingerprint())
16
"""

from __future__ import annotations

import functools
import hashlib
import os
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, store
from .actors import Lexicon
from .config import PROCESSED_DATA_DIR
from .dumps import DumpError

DUMP_SUFFIXES = (".txt", ".text", ".jsonl", ".json", ".csv", ".tsv", ".html", ".htm")
"""Files in a folder that are read as dumps (the format itself is detected from the content)."""


@dataclass
class IngestReport:
    """What an ingest did: folders built or reused, files that failed, warnings."""

    folders: list[Path] = field(default_factory=list)
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    errors: list[DumpError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@functools.cache
def code_fingerprint() -> str:
    """sha256 over the package's own source (Python, C and its headers): a code change rebuilds the cache, even within a version."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for p in sorted([*root.rglob("*.py"), *root.rglob("*.c"), *root.rglob("*.h")]):
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def dump_files(path: str | Path) -> list[Path]:
    """The dump files of ``path`` (a file, or the dump files in a folder, sorted).

    Hidden files and ``README*`` files in a folder are not dumps. An entry with a
    dump's suffix that is no readable file (a folder, a broken link) is listed all
    the same, so that ingest names it as an error instead of skipping it silently.
    """
    p = Path(path)
    if p.is_dir():
        return sorted(
            f for f in p.iterdir()
            if f.suffix.lower() in DUMP_SUFFIXES
            and not f.name.startswith(".") and not f.name.upper().startswith("README")
        )  # fmt: skip
    if not p.exists() and not p.is_symlink():  # a broken link is named by ingest
        raise FileNotFoundError(f"{p}: no such file or folder")
    return [p]


def _printable(f: Path) -> str:
    """``f`` for messages: bytes that are not UTF-8 and control characters escaped (``\\xff``, ``\\n``)."""
    s = os.fsencode(f).decode("utf-8", "backslashreplace")
    return "".join(repr(c)[1:-1] if unicodedata.category(c) == "Cc" else c for c in s)


def _input_sha256(f: Path) -> str:
    """sha256 of dump file ``f``; a :class:`DumpError` when ``f`` is no readable file."""
    if not f.is_file():  # never open a folder, a broken link, a pipe or a device
        why = ("Is a directory" if f.is_dir() else f"broken link to {os.readlink(f)}"
               if f.is_symlink() else "not a regular file")  # fmt: skip
        raise DumpError(f, f"cannot read file: {why}")
    if _printable(f) != str(f):
        raise DumpError(_printable(f), "cannot read file: its name is not valid UTF-8 or holds control "
                        "characters (a Shift_JIS name unpacked from a zip archive?); rename the file")  # fmt: skip
    try:
        return store.sha256_file(f)
    except OSError as e:
        raise DumpError(f, f"cannot read file: {e.strerror or e}") from None


def _folder_names(files: Sequence[Path]) -> dict[Path, tuple[str, str]]:
    """Processed-folder name and source name of each dump, unique within one ingest.

    ``news.txt`` → (``news``, ``news.txt``); ``news.txt`` beside ``news.csv`` →
    (``news.txt``, ``news.txt``); ``x/news.txt`` and ``y/news.txt`` →
    (``x_news.txt``, ``x/news.txt``) and (``y_news.txt``, ``y/news.txt``).
    """
    stems = [store.safe_name(f.stem) for f in files]
    names = [f.name for f in files]
    out = {}
    for f, s in zip(files, stems, strict=True):
        if names.count(f.name) > 1:
            out[f] = (store.safe_name(f"{f.parent.name}_{f.name}"), f"{f.parent.name}/{f.name}")
        elif stems.count(s) > 1:
            out[f] = (store.safe_name(f.name), f.name)
        else:
            out[f] = (s, f.name)
    return out


def ingest(
    paths: str | Path | Sequence[str | Path],
    *,
    out: str | Path | None = None,
    lexicon: Lexicon | None = None,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
    workers: int = 1,
    columns: Mapping[str, str] | None = None,
    tz_default: str | None = None,
    client: Any = None,
) -> IngestReport:
    """Build the processed tables of every dump in ``paths`` (skipping unchanged ones).

    A dump that cannot be read is reported in ``errors`` (file and line) and
    the others are still processed. ``workers`` processes share each dump's
    chunks of posts (same output as one worker). ``columns`` and ``tz_default``
    go to the reader (:func:`crisisnotes.dumps.iter_dump`) and are part of the
    cache key. ``client`` (a ``dask.distributed.Client`` or a scheduler address
    such as ``"tcp://host:8786"``) runs the ingest on a Dask cluster instead:
    several dumps are spread whole over its workers, a big one (or a lone one)
    chunk by chunk (:mod:`crisisnotes.distributed`; same tables).
    """
    from .distributed import connect, ingest_on_cluster, whole_dumps
    from .pipeline import ingest_file

    lexicon = lexicon or Lexicon.load()
    out_dir = Path(out) if out else PROCESSED_DATA_DIR
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = [f for p in paths for f in dump_files(p)]
    report = IngestReport()
    todo: list[tuple[Path, Path, dict[str, Any]]] = []  # (file, folder, manifest_extra) to build
    outcome: dict[Path, Any] = {}  # file -> manifest, "reused" or DumpError, reported in file order
    names = _folder_names(files)
    with connect(client) as dask_client:
        for f, (name, source) in names.items():
            if on_file:
                on_file(f)
            folder = out_dir / name
            try:
                sha = _input_sha256(f)
            except DumpError as e:
                outcome[f] = e
                continue
            expect = {
                "input_sha256": sha,
                "input_size": f.stat().st_size,
                "source": source,
                "package_version": __version__,
                "code": code_fingerprint(),
                "lexicon": lexicon.fingerprint,
            }
            if columns:
                expect["columns"] = dict(columns)
            if tz_default:
                expect["tz_default"] = tz_default
            if not force and store.is_valid(folder, expect):
                outcome[f] = "reused"
                if progress:
                    progress(expect["input_size"])
                continue
            todo.append((f, folder, expect))
        options = {"columns": columns, "tz_default": tz_default}
        whole = whole_dumps(todo) if dask_client is not None else []
        for f, folder, expect in todo:
            if f in whole:
                continue  # a worker of the cluster reads and writes it, below
            try:
                outcome[f] = ingest_file(f, folder, lexicon=lexicon, manifest_extra=expect, progress=progress,
                                         workers=workers, source=expect["source"], client=dask_client, **options)  # fmt: skip
            except DumpError as e:
                outcome[f] = e
        if whole:
            jobs = [(f, folder, expect) for f, folder, expect in todo if f in whole]
            for f, result in ingest_on_cluster(dask_client, jobs, lexicon, options):
                outcome[f] = result
                if progress:
                    progress(f.stat().st_size)
    for f, (name, _) in names.items():
        result = outcome[f]
        if isinstance(result, DumpError):
            report.errors.append(result)
            continue
        report.folders.append(out_dir / name)
        if result == "reused":
            report.reused.append(f.name)
            continue
        report.built.append(f.name)
        report.warnings.extend(result.get("warnings", []))
        if not result.get("posts") and not result.get("unassigned"):
            report.warnings.append(f"{f}: no posts: the file is empty or holds only blank lines")
    return report
