"""Tests for crisisnotes.store: folder names, atomic builds and swap repair, cache validity,
row-group writing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from crisisnotes import store
from crisisnotes.store import (
    MANIFEST,
    TABLES,
    TableWriter,
    atomic_write_text,
    building,
    is_valid,
    read_manifest,
    read_table,
    repair,
    safe_name,
    write_manifest,
    write_table,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("../x", "x", id="parent-dir"),
        pytest.param("../../etc/passwd", "etc_passwd", id="path-traversal"),
        pytest.param("/abs/path", "abs_path", id="absolute"),
        pytest.param("sample ukraine 2022", "sample_ukraine_2022", id="spaces"),
        pytest.param("a/b\\c:d*e?f|g", "a_b_c_d_e_f_g", id="odd-chars"),
        pytest.param("ウクライナ情勢_2022", "ウクライナ情勢_2022", id="japanese-kept"),
        pytest.param("dump.v2", "dump.v2", id="single-dot-kept"),
        pytest.param("x..y", "x_y", id="double-dot"),
        pytest.param(".hidden", "hidden", id="leading-dot"),
        pytest.param("...", "dump", id="only-dots"),
        pytest.param("", "dump", id="empty"),
    ],
)
def test_safe_name(name, expected):
    got = safe_name(name)
    assert got == expected
    assert "/" not in got and "\\" not in got and ".." not in got


# --------------------------------------------------------------------------- atomic builds


def leftovers(parent: Path, final: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p != final)


def test_building_swaps_in_the_new_folder(tmp_path):
    final = tmp_path / "out" / "dump"
    with building(final) as tmp:
        (tmp / "a.txt").write_text("1")
    with building(final) as tmp:
        (tmp / "b.txt").write_text("2")
    assert sorted(p.name for p in final.iterdir()) == ["b.txt"]
    assert leftovers(final.parent, final) == []


def test_building_failure_keeps_previous_folder(tmp_path):
    final = tmp_path / "dump"
    with building(final) as tmp:
        (tmp / "a.txt").write_text("old")
    with pytest.raises(RuntimeError, match="boom"), building(final) as tmp:
        (tmp / "a.txt").write_text("new")
        raise RuntimeError("boom")
    assert (final / "a.txt").read_text() == "old"
    assert leftovers(tmp_path, final) == []


def test_building_failure_without_previous_folder(tmp_path):
    final = tmp_path / "dump"
    with pytest.raises(KeyboardInterrupt), building(final):
        raise KeyboardInterrupt
    assert not final.exists()
    assert list(tmp_path.iterdir()) == []


def test_building_clears_a_stale_old_folder_of_this_pid(tmp_path):
    final = tmp_path / "dump"
    with building(final) as tmp:
        (tmp / "a.txt").write_text("1")
    stale = tmp_path / f".dump.old-{os.getpid()}"
    stale.mkdir()
    (stale / "junk").write_text("x")
    with building(final) as tmp:
        (tmp / "a.txt").write_text("2")
    assert (final / "a.txt").read_text() == "2"
    assert leftovers(tmp_path, final) == []


def make_processed(folder: Path, extra: dict | None = None) -> dict:
    """A processed-dump folder with every table and a manifest."""
    manifest = {"input_sha256": "abc123", "package_version": "0.1.0", **(extra or {})}
    with building(folder) as tmp:
        for i, name in enumerate(TABLES):
            write_table(pd.DataFrame({"x": list(range(i + 3))}), tmp / f"{name}.parquet")
        write_manifest(tmp, manifest)
    return manifest


def test_repair_restores_an_interrupted_swap(tmp_path):
    final = tmp_path / "dump"
    manifest = make_processed(final)
    os.replace(final, tmp_path / ".dump.old-123")  # killed between the two renames
    man = read_manifest(final)
    assert man is not None and man["input_sha256"] == manifest["input_sha256"]
    assert final.is_dir() and leftovers(tmp_path, final) == []
    assert is_valid(final, manifest)


def test_repair_removes_stale_old_folders(tmp_path):
    final = tmp_path / "dump"
    make_processed(final)
    (tmp_path / ".dump.old-999").mkdir()
    repair(final)
    assert leftovers(tmp_path, final) == []


def test_repair_of_missing_folder_without_backup_is_a_no_op(tmp_path):
    repair(tmp_path / "never")
    assert read_manifest(tmp_path / "never") is None


# --------------------------------------------------------------------------- validity


def test_is_valid_on_intact_folder(tmp_path):
    folder = tmp_path / "dump"
    manifest = make_processed(folder)
    assert is_valid(folder, manifest)
    assert is_valid(folder, {"input_sha256": "abc123"})
    man = read_manifest(folder)
    assert set(man["tables"]) == set(TABLES)
    assert man["tables"]["posts"]["rows"] == 3
    assert store.table_rows(folder, "posts") == 3
    assert read_table(folder, "posts")["x"].tolist() == [0, 1, 2]


def test_is_valid_false_on_truncated_table(tmp_path):
    folder = tmp_path / "dump"
    manifest = make_processed(folder)
    p = folder / "tokens.parquet"
    p.write_bytes(p.read_bytes()[:-10])
    assert not is_valid(folder, manifest)
    assert not is_valid(folder, manifest, verify=False)


def test_is_valid_false_on_corrupted_table_of_same_size(tmp_path):
    folder = tmp_path / "dump"
    manifest = make_processed(folder)
    p = folder / "sentences.parquet"
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0xFF
    p.write_bytes(bytes(data))
    assert not is_valid(folder, manifest)  # checksum
    assert is_valid(folder, manifest, verify=False)  # size alone cannot see it


@pytest.mark.parametrize(
    "expect",
    [
        pytest.param({"input_sha256": "changed"}, id="input-changed"),
        pytest.param({"package_version": "9.9"}, id="version-changed"),
        pytest.param({"lexicon": "abc"}, id="new-key-missing-in-manifest"),
    ],
)
def test_is_valid_false_on_changed_expectations(tmp_path, expect):
    folder = tmp_path / "dump"
    make_processed(folder)
    assert not is_valid(folder, expect)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda f: (f / MANIFEST).write_text("{not json"), id="manifest-not-json"),
        pytest.param(lambda f: (f / MANIFEST).write_text("[1, 2]"), id="manifest-not-object"),
        pytest.param(lambda f: (f / MANIFEST).unlink(), id="manifest-missing"),
        pytest.param(lambda f: (f / "mentions.parquet").unlink(), id="table-missing"),
        pytest.param(
            lambda f: (f / MANIFEST).write_text(
                json.dumps({"input_sha256": "abc123", "tables": {}})
            ),
            id="manifest-without-tables",
        ),
        pytest.param(
            lambda f: (f / MANIFEST).write_text(
                json.dumps({"input_sha256": "abc123", "tables": dict.fromkeys(TABLES, 1)})
            ),
            id="manifest-tables-malformed",
        ),
    ],
)
def test_is_valid_false_on_damaged_folder(tmp_path, damage):
    folder = tmp_path / "dump"
    make_processed(folder)
    damage(folder)
    assert not is_valid(folder, {"input_sha256": "abc123"})


def test_atomic_write_text_leaves_no_temp_files(tmp_path):
    target = tmp_path / "m.json"
    atomic_write_text(target, "一")
    atomic_write_text(target, "二")
    assert target.read_text(encoding="utf-8") == "二"
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]


# --------------------------------------------------------------------------- TableWriter


def test_table_writer_row_groups(tmp_path):
    schema = pa.schema([("a", pa.int64()), ("s", pa.string())])
    path = tmp_path / "t.parquet"
    with TableWriter(path, schema) as w:
        w.write(pd.DataFrame({"a": [1, 2], "s": ["x", "y"]}))
        w.write(pd.DataFrame({"a": [], "s": []}))  # empty: no row group
        w.write(pd.DataFrame({"a": [3], "s": ["ロシア"]}))
        w.write(pd.DataFrame({"a": pd.Series([], dtype="int64"), "s": pd.Series([], dtype=object)}))
        w.write(pd.DataFrame({"a": [4, 5, 6], "s": ["p", "q", None]}))
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups == 3
    assert [meta.row_group(i).num_rows for i in range(3)] == [2, 1, 3]
    df = pd.read_parquet(path)
    assert df["a"].tolist() == [1, 2, 3, 4, 5, 6]
    assert df["s"].tolist()[:3] == ["x", "y", "ロシア"]
    assert pq.read_schema(path).equals(schema, check_metadata=False)


def test_table_writer_without_rows_writes_an_empty_table(tmp_path):
    schema = pa.schema([("a", pa.int64())])
    path = tmp_path / "t.parquet"
    with TableWriter(path, schema):
        pass
    assert pd.read_parquet(path).empty
    assert pq.read_schema(path).names == ["a"]


# --------------------------------------------------------------------------- tables in parts


def make_parted(folder: Path) -> dict:
    """A processed-dump folder whose tokens table is three parts (one per chunk)."""
    manifest = {"input_sha256": "abc123"}
    with building(folder) as tmp:
        for name in TABLES:
            if name == "tokens":
                for k in (2, 0, 1):  # written out of order, as workers finish
                    store.write_part(tmp, name, k, pa.table({"x": [10 * k, 10 * k + 1]}))
            else:
                write_table(pd.DataFrame({"x": [1]}), tmp / f"{name}.parquet")
        write_manifest(tmp, manifest)
    return manifest


def test_a_table_in_parts_reads_in_part_order_and_is_checksummed(tmp_path):
    folder = tmp_path / "dump"
    manifest = make_parted(folder)
    assert read_table(folder, "tokens")["x"].tolist() == [0, 1, 10, 11, 20, 21]
    assert read_table(folder, "tokens", columns=["x"]).shape == (6, 1)
    assert store.table_rows(folder, "tokens") == 6
    man = read_manifest(folder)
    assert man["tables"]["tokens"]["rows"] == 6
    assert sorted(man["tables"]["tokens"]["files"]) == [f"tokens.parquet/part-0000{k}.parquet" for k in range(3)]
    assert is_valid(folder, manifest)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: (d / "part-00001.parquet").unlink(), id="part-missing"),
        pytest.param(lambda d: shutil.copy(d / "part-00000.parquet", d / "part-00003.parquet"), id="extra-part"),
        pytest.param(lambda d: (d / "part-00002.parquet").write_bytes(b""), id="part-emptied"),
    ],
)
def test_a_damaged_part_makes_the_folder_invalid(tmp_path, damage):
    folder = tmp_path / "dump"
    manifest = make_parted(folder)
    damage(folder / "tokens.parquet")
    assert not is_valid(folder, manifest, verify=False)
