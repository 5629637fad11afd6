"""Processed data on disk: ``<out>/<dump>/<table>.parquet`` plus ``manifest.json``.

A table is one Parquet file (posts, unassigned) or a folder of that name
holding one part per chunk of posts (sentences, tokens, mentions: each part
written by the process that made it, see :func:`write_part`).

A dump's tables are built in a temporary folder beside the final one and
swapped in with two renames, so an interrupted run leaves the previous result
whole (an interrupted swap is repaired on the next read, and the temporary
folder of a killed build is removed by the next build of that dump). The manifest records
the input's sha256 and size, the package version, the lexicon fingerprint, row
counts, each table's sha256 and the seconds taken; a table whose checksum does
not match is not trusted and the dump is rebuilt.

Examples
--------
>>> safe_name("../../etc/passwd")
'etc_passwd'
>>> safe_name("sample ukraine 2022")
'sample_ukraine_2022'
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

MANIFEST = "manifest.json"
TABLES = ("posts", "unassigned", "sentences", "tokens", "mentions")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


MAX_NAME_BYTES = 120
"""Longest folder name (UTF-8 bytes): room for ``.<name>.tmp-<pid>-<random>`` in 255 bytes."""


def safe_name(name: str) -> str:
    """A folder name derived from a dump name: no path parts, no odd characters, not too long.

    A name longer than :data:`MAX_NAME_BYTES` is cut and ends in a hash of the whole name.

    >>> safe_name("$(rm -rf ~)"), safe_name("-rf")
    ('rm_-rf', 'rf')
    >>> n = safe_name("ロシア" * 60); len(n.encode()) <= MAX_NAME_BYTES, n[-11:-10]
    (True, '-')
    """
    s = re.sub(r"[^\w.\-]+", "_", name)
    s = re.sub(r"\.{2,}", "_", s)
    s = re.sub(r"_+", "_", s).strip("._-") or "dump"
    if len(s.encode()) > MAX_NAME_BYTES:
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        head = s.encode()[: MAX_NAME_BYTES - 11].decode("utf-8", "ignore").rstrip("._-")
        s = f"{head}-{digest}"
    return s


def sha256_file(path: str | Path, *, chunk: int = 1 << 20) -> str:
    """Hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(df: pd.DataFrame) -> str:
    """``df`` as CSV text, safe to open in a spreadsheet.

    A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return would be run as a formula by Excel or LibreOffice (CSV injection:
    a quoted tweet can start with ``=HYPERLINK(...)``); such cells get a leading
    apostrophe, which spreadsheets hide and which marks the cell as text. Numbers
    and dates are written unchanged. Read the file back with pandas and strip the
    apostrophe, or use the Parquet/JSONL exports, for the exact text.

    >>> print(csv_text(pd.DataFrame({"text": ["=1+1", "ok"], "n": [-1, 2]})), end="")
    text,n
    '=1+1,-1
    ok,2
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out.to_csv(index=False)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def building(final: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder; on success swap it in as ``final``.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()) / "x"
    >>> with building(d) as tmp:
    ...     _ = (tmp / "a.txt").write_text("1")
    >>> (d / "a.txt").read_text()
    '1'
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    clear_stale_builds(final)
    tmp = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{final.name}.tmp-{os.getpid()}-"))
    os.chmod(tmp, 0o777 & ~_umask())
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = final.parent / f".{final.name}.old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)  # left by an earlier interrupted swap of this pid
    if final.exists():
        os.replace(final, old)
    try:
        os.replace(tmp, final)
    except BaseException:
        if old.exists() and not final.exists():
            os.replace(old, final)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def clear_stale_builds(final: Path) -> None:
    """Remove the temporary folders of builds of ``final`` whose process is gone (killed runs).

    A build folder is named ``.<name>.tmp-<pid>-<random>``; one whose process still runs
    (another ingest of the same dump) is left alone.
    """
    pattern = re.compile(rf"\.{re.escape(final.name)}\.tmp-(\d+)-")
    for d in final.parent.glob(f".{final.name}.tmp-*"):
        m = pattern.match(d.name)
        if m and not _alive(int(m.group(1))):
            shutil.rmtree(d, ignore_errors=True)


def repair(final: Path) -> None:
    """Undo an interrupted swap: bring back the previous result if ``final`` is missing."""
    if final.exists():
        for stale in final.parent.glob(f".{final.name}.old-*"):
            shutil.rmtree(stale, ignore_errors=True)
        return
    olds = sorted(final.parent.glob(f".{final.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds:
        os.replace(olds[-1], final)


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a processed dump, or ``None`` if missing or unreadable."""
    repair(folder)
    try:
        man = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return man if isinstance(man, dict) else None


def table_files(folder: Path, name: str) -> list[Path]:
    """The Parquet files of table ``name``: ``<name>.parquet`` itself, or the parts in that folder.

    A table written in parts (one per chunk of posts, by whichever process
    made it) is a folder ``<name>.parquet/`` of ``part-NNNNN.parquet`` files,
    read in part order — a Parquet dataset as pandas, Dask, Spark and DuckDB
    read it. Missing → ``[]``.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_part(d, "tokens", 1, pa.table({"a": [2]})); write_part(d, "tokens", 0, pa.table({"a": [1]}))
    >>> [p.name for p in table_files(d, "tokens")], read_table(d, "tokens")["a"].tolist()
    (['part-00000.parquet', 'part-00001.parquet'], [1, 2])
    """
    p = folder / f"{name}.parquet"
    if p.is_dir():
        return sorted(p.glob("part-*.parquet"))
    return [p] if p.is_file() else []


def stats_columns(schema: pa.Schema) -> list[str]:
    """Columns of a part written with Parquet min/max statistics: ``post_id`` and the integer columns.

    A part holds a run of posts, so their ids and line numbers let a reader
    (DuckDB, Dask, pyarrow filters) skip parts; the min/max of text, labels
    and POS tags prune nothing and cost about 15 % of writing the tokens.

    >>> stats_columns(pa.schema([("post_id", pa.string()), ("i", pa.int32()), ("pos1", pa.string())]))
    ['post_id', 'i']
    """
    return [f.name for f in schema if f.name == "post_id" or pa.types.is_integer(f.type)]


def part_path(folder: Path, name: str, k: int) -> Path:
    """Where part ``k`` of table ``name`` goes: ``<folder>/<name>.parquet/part-<k>.parquet``."""
    return folder / f"{name}.parquet" / f"part-{k:05d}.parquet"


def write_part(folder: Path, name: str, k: int, table: pa.Table) -> None:
    """Write part ``k`` of table ``name`` (one row group; an empty part keeps the schema)."""
    path = part_path(folder, name, k)
    path.parent.mkdir(exist_ok=True)
    pq.write_table(table, path, compression="zstd", write_statistics=stats_columns(table.schema))


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Write ``manifest.json`` atomically, adding each table's rows and each file's size and sha256."""
    tables = {}
    for name in TABLES:
        files = table_files(folder, name)
        if files:
            tables[name] = {
                "rows": sum(pq.ParquetFile(p).metadata.num_rows for p in files),
                "bytes": sum(p.stat().st_size for p in files),
                "files": {p.relative_to(folder).as_posix(): {"bytes": p.stat().st_size, "sha256": sha256_file(p)}
                          for p in files},
            }  # fmt: skip
    manifest = {**manifest, "tables": tables}
    atomic_write_text(
        folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2, default=str)
    )


def is_valid(folder: Path, expect: dict[str, Any], *, verify: bool = True) -> bool:
    """Does ``folder`` hold intact tables built from the same input and code as ``expect``?

    ``expect`` holds the keys that must match (input sha256, version, lexicon…).
    Every file of every table must be there, with its recorded size; with
    ``verify`` its checksum is checked too.
    """
    man = read_manifest(folder)
    if not man:
        return False
    for key, value in expect.items():
        if man.get(key) != value:
            return False
    tables = man.get("tables")
    if not isinstance(tables, dict) or set(tables) != set(TABLES):
        return False
    for name, info in tables.items():
        recorded = info.get("files") if isinstance(info, dict) else None
        if not isinstance(recorded, dict):
            return False
        files = {p.relative_to(folder).as_posix(): p for p in table_files(folder, name)}
        if set(files) != set(recorded):
            return False
        for rel, p in files.items():
            meta = recorded[rel]
            if not isinstance(meta, dict) or p.stat().st_size != meta.get("bytes"):
                return False
            if verify and sha256_file(p) != meta.get("sha256"):
                return False
    return True


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write one DataFrame as Parquet (no pandas index)."""
    df.to_parquet(path, index=False)


class TableWriter:
    """Append DataFrames to one Parquet file as row groups (flat memory for big tables).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.parquet"
    >>> with TableWriter(p, pa.schema([("a", pa.int64())])) as w:
    ...     w.write(pd.DataFrame({"a": [1, 2]})); w.write(pd.DataFrame({"a": [3]}))
    >>> pd.read_parquet(p)["a"].tolist()
    [1, 2, 3]
    """

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        self._writer: pq.ParquetWriter | None = None

    def _open(self, schema: pa.Schema) -> pq.ParquetWriter:
        if self._writer is None:
            self.schema = schema  # the first table's schema, with its pandas metadata if any
            self._writer = pq.ParquetWriter(self.path, schema, compression="zstd")
        return self._writer

    def write(self, df: pd.DataFrame) -> None:
        """Append ``df`` as one row group (nothing for an empty frame)."""
        if not len(df):
            return
        table = pa.Table.from_pandas(df, schema=self.schema, preserve_index=False)
        self._open(table.schema).write_table(table.cast(self.schema) if self._writer else table)

    def close(self) -> None:
        """Close the file; a writer that got no rows still writes an empty table."""
        self._open(self.schema).close()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def table_rows(folder: Path, name: str) -> int:
    """Row count of a stored table, from the Parquet footers (no data read)."""
    return sum(pq.ParquetFile(p).metadata.num_rows for p in table_files(folder, name))


def read_table(folder: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Read one table of a processed dump (only ``columns`` when given), parts in order."""
    files = table_files(folder, name)
    if len(files) == 1:
        return pd.read_parquet(files[0], columns=columns)
    if not files:
        raise FileNotFoundError(folder / f"{name}.parquet")
    return pd.read_parquet([str(p) for p in files], columns=columns)  # a list keeps the part order
