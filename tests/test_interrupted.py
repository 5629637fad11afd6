"""Interrupted runs and damaged caches (issue 8).

An ``crisisnotes ingest`` killed with SIGKILL in the middle of a build leaves the results built
before it whole and loadable, and the next ingest completes (and clears what the killed run left).
A Parquet table in the cache that is corrupted or truncated fails its manifest checksum and is
rebuilt, never trusted.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import crisisnotes
from crisisnotes import store
from crisisnotes.cli import main

SMALL = "\n".join([
    "米ロ外相がジュネーブで会談 https://t.co/In00000001",
    "— NHKニュース (@nhk_news) 2022年1月21日",
    "ブリンケン国務長官とラブロフ外相が会談しました。",
    "",
    "NATO allies meet in Brussels https://t.co/In00000002",
    "— Reuters (@Reuters) Jan 12, 2022",
    "NATO and Russia held talks in Brussels on Wednesday.",
])  # fmt: skip


def big_dump(n: int) -> str:
    """``2 * n`` distinct posts (Japanese and English) in the copied-timeline format."""
    out = []
    for i in range(n):
        day = 1 + i % 28
        out += [
            f"ロシアとウクライナの外相が協議 第{i}報 https://t.co/K{i:08d}",
            f"— NHKニュース (@nhk_news) 2022年1月{day}日",
            f"ロシアのラブロフ外相は{day}日、ウクライナのクレバ外相と電話で会談しました。",
            "両外相は緊張緩和に向けて協議を続けることで一致しました。",
            f"Russia and Ukraine talk again, report {i} https://t.co/E{i:08d}",
            f"— Reuters (@Reuters) Jan {day}, 2022",
            "Foreign ministers Sergei Lavrov and Dmytro Kuleba spoke by phone on Tuesday.",
            "",
        ]
    return "\n".join(out)


def snapshot(folder: Path) -> tuple[dict, dict[str, pd.DataFrame]]:
    return store.read_manifest(folder), {t: store.read_table(folder, t) for t in store.TABLES}


def assert_same(folder: Path, before: tuple[dict, dict[str, pd.DataFrame]]) -> None:
    manifest, tables = snapshot(folder)
    assert manifest == before[0]
    assert store.is_valid(folder, {"input_sha256": manifest["input_sha256"]})  # checksums verified
    for name, df in tables.items():
        pd.testing.assert_frame_equal(df, before[1][name])


@pytest.fixture
def processed(tmp_path):
    """A raw folder whose two dumps are already processed into ``processed/``."""
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "small.txt").write_text(SMALL, encoding="utf-8")
    (raw / "big.txt").write_text(big_dump(20), encoding="utf-8")
    report = crisisnotes.ingest(raw, out=out)
    assert sorted(report.built) == ["big.txt", "small.txt"] and not report.errors
    return raw, out


def children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (Linux ``/proc``)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead too
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_midway_keeps_earlier_results_and_the_next_ingest_completes(
    processed, tmp_path, workers
):
    raw, out = processed
    before = {name: snapshot(out / name) for name in ("small", "big")}
    (raw / "big.txt").write_text(big_dump(10_000), encoding="utf-8")  # changed: rebuilt next run
    log = (tmp_path / "stdout.txt").open("w"), (tmp_path / "stderr.txt").open("w")
    cmd = [
        sys.executable,
        "-m",
        "crisisnotes.cli",
        "ingest",
        str(raw),
        "--out",
        str(out),
        "--quiet",
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(cmd, stdout=log[0], stderr=log[1])
    try:
        deadline, build = time.monotonic() + 120, None
        while time.monotonic() < deadline and proc.poll() is None:
            builds = [d for d in out.glob(".big.tmp-*") if (d / "tokens.parquet").exists()]
            if builds:  # the first chunk of tokens is written: mid-way through the build
                build = builds[0]
                break
            time.sleep(0.005)
        assert build is not None and proc.poll() is None, "ingest ended before it could be killed"
        pool = children(proc.pid)
        assert len(pool) == (workers if workers > 1 and Path("/proc").is_dir() else 0)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
        deadline = time.monotonic() + 10
        while any(alive(p) for p in pool) and time.monotonic() < deadline:
            time.sleep(0.05)
        orphans = [p for p in pool if alive(p)]
        for p in orphans:  # do not leave them behind when the check fails
            os.kill(p, signal.SIGKILL)
        assert not orphans, "worker processes outlived the killed ingest"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        for f in log:
            f.close()

    assert build.is_dir() and not (build / "manifest.json").exists()  # never swapped in
    for name in ("small", "big"):  # the earlier results are whole, checksums and all
        assert_same(out / name, before[name])
    earlier = crisisnotes.Corpus([out / "small", out / "big"], crisisnotes.Lexicon.load())
    assert len(earlier.posts) == 2 + 40
    assert crisisnotes.load(raw / "small.txt", cache_dir=out).report.reused == ["small.txt"]

    assert main(["ingest", str(raw), "--out", str(out), "--quiet"]) == 0
    corpus = crisisnotes.load(raw, cache_dir=out)
    assert sorted(corpus.report.reused) == ["big.txt", "small.txt"]
    assert len(corpus.posts) == 2 + 20_000
    assert crisisnotes.line_accounting(corpus)["lost"].sum() == 0
    leftovers = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert [
        n for n in leftovers if ".tmp-" in n or ".old-" in n
    ] == []  # the killed build is cleared


def _flip_middle_byte(p: Path) -> None:
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0xFF
    p.write_bytes(bytes(data))


DAMAGE = {
    "flipped-byte-same-size": _flip_middle_byte,
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "empty": lambda p: p.write_bytes(b""),
    "deleted": lambda p: p.unlink(),
    "replaced-by-another-table": lambda p: p.write_bytes(_dump_folder(p).joinpath("posts.parquet").read_bytes()),
    "extra-part": lambda p: shutil.copy(p, p.with_name("part-99999.parquet")),
}


def _dump_folder(p: Path) -> Path:
    """The processed dump's folder of a table file or of a part file."""
    return p.parent.parent if p.parent.name.endswith(".parquet") else p.parent


@pytest.mark.parametrize("table", ["tokens", "posts"])
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_table_is_detected_and_rebuilt(processed, damage, table):
    raw, out = processed
    folder = out / "small"
    before = snapshot(folder)
    if damage in ("replaced-by-another-table", "extra-part") and table == "posts":
        table = "mentions"  # only a table in parts can get an extra part
    DAMAGE[damage](store.table_files(folder, table)[0])  # a table's file, or its first part
    assert not store.is_valid(folder, {"input_sha256": before[0]["input_sha256"]})

    corpus = crisisnotes.load(raw / "small.txt", cache_dir=out)
    assert corpus.report.built == ["small.txt"] and corpus.report.reused == []  # not trusted
    assert_same(
        folder, (before[0] | {"seconds": store.read_manifest(folder)["seconds"]}, before[1])
    )
    assert len(corpus.posts) == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_text("{not json", encoding="utf-8"), id="manifest-not-json"),
        pytest.param(lambda p: p.write_text("[]", encoding="utf-8"), id="manifest-a-list"),
        pytest.param(lambda p: p.unlink(), id="manifest-deleted"),
        pytest.param(
            lambda p: p.write_text(
                json.dumps({**json.loads(p.read_text(encoding="utf-8")), "tables": {}}),
                encoding="utf-8",
            ),
            id="manifest-without-checksums",
        ),
    ],
)
def test_a_damaged_manifest_is_rebuilt_by_the_cli(processed, damage, capsys):
    raw, out = processed
    damage(out / "small" / "manifest.json")
    assert main(["ingest", str(raw), "--out", str(out), "--quiet"]) == 0
    assert "1 built, 1 unchanged, 0 failed" in capsys.readouterr().out
    man = store.read_manifest(out / "small")
    assert store.is_valid(out / "small", {"input_sha256": man["input_sha256"]})


def test_only_builds_of_dead_processes_are_cleared(tmp_path):
    final = tmp_path / "dump"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_path / f".dump.tmp-{int(gone.stdout)}-abc"
    live = tmp_path / f".dump.tmp-{os.getpid()}-def"
    other = tmp_path / f".dumpling.tmp-{int(gone.stdout)}-ghi"  # another dump's build
    for d in (dead, live, other):
        (d / "x").mkdir(parents=True)
    store.clear_stale_builds(final)
    assert not dead.exists() and live.exists() and other.exists()
    with store.building(final) as tmp:
        assert tmp.name.startswith(f".dump.tmp-{os.getpid()}-")
    assert live.exists() and final.is_dir() and not tmp.exists()
