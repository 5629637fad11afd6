"""Window-by-window segmentation gives exactly what whole-file segmentation gives."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisnotes.dumps.encoding import NEWLINES, decode_bytes
from crisisnotes.dumps.stream import iter_lines, segment_stream
from crisisnotes.dumps.timeline import segment_lines

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_eb35837e95dd632a.txt"
SAMPLE = ROOT / "data" / "raw" / "sample_ukraine_2022.txt"


def _both(text: str, window: int, bad: tuple[int, ...] = ()) -> tuple:
    whole = segment_lines(NEWLINES.split(text), source="d.txt", bad_lines=bad)
    posts, unassigned = [], []
    for p, u in segment_stream(iter_lines(text), source="d.txt", bad_lines=bad, window=window):
        posts += p
        unassigned += u
    return whole, (posts, unassigned)


@pytest.mark.parametrize("window", [1, 2, 5, 17, 100, 100000])
def test_sample_dump_windows_equal_whole(window: int) -> None:
    text = decode_bytes(SAMPLE.read_bytes(), SAMPLE).text
    whole, streamed = _both(text, window)
    assert streamed == whole


@pytest.mark.parametrize("window", [1, 3, 10])
def test_seed_windows_equal_whole(window: int) -> None:
    if not SEED.exists():
        pytest.skip(f"seed dump not present at {SEED}")
    text = decode_bytes(SEED.read_bytes(), SEED).text
    whole, streamed = _both(text, window)
    assert streamed == whole


BLOCKS = st.sampled_from([
    "Talks end without a deal https://t.co/AbCdEfGhIj",
    "米ロが協議 https://t.co/XyZaBcDeFg",
    "#BREAKING",
    "— NHKニュース (@nhk_news) 2022年1月26日",
    "— Reuters (@Reuters) Jan 26, 2022",
    "本文の一文です。",
    "A body line in English.",
    "",
    "#ウクライナ情勢",
    "ロイターさんがリツイート",
    "short headline",
])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(BLOCKS, max_size=60), st.integers(min_value=1, max_value=12))
def test_any_dump_any_window(blocks: list[str], window: int) -> None:
    whole, streamed = _both("\n".join(blocks), window)
    assert streamed == whole


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "euc_jp"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_by_line_decoding_equals_whole_file(tmp_path, monkeypatch, encoding: str, newline: str) -> None:
    """Big dumps are decoded line by line; the tables are the same as decoding the file whole."""
    import crisisnotes.dumps as dumps

    text = SAMPLE.read_text(encoding="utf-8").replace("🇺🇦", "")  # CP932/EUC-JP have no flags
    path = tmp_path / "d.txt"
    path.write_bytes(text.replace("\n", newline).encode(encoding, errors="replace"))
    monkeypatch.setattr(dumps, "STREAM_DECODE_BYTES", 1 << 40)
    whole = dumps.read_dump(path)
    monkeypatch.setattr(dumps, "STREAM_DECODE_BYTES", 0)
    lazy = dumps.read_dump(path)
    pd.testing.assert_frame_equal(lazy.posts, whole.posts)
    pd.testing.assert_frame_equal(lazy.unassigned, whole.unassigned)
    assert (lazy.encoding, lazy.n_lines) == (whole.encoding, whole.n_lines)


def test_line_by_line_decoding_quarantines_a_damaged_line(tmp_path, monkeypatch) -> None:
    import crisisnotes.dumps as dumps

    data = SAMPLE.read_bytes()
    cut = data.index("ロシア".encode()) + 1  # inside a character
    path = tmp_path / "d.txt"
    path.write_bytes(data[:cut] + data[cut + 1 :])
    monkeypatch.setattr(dumps, "STREAM_DECODE_BYTES", 1 << 40)
    whole = dumps.read_dump(path)
    monkeypatch.setattr(dumps, "STREAM_DECODE_BYTES", 0)
    lazy = dumps.read_dump(path)
    pd.testing.assert_frame_equal(lazy.posts, whole.posts)
    assert lazy.warnings == whole.warnings and any("undecodable" in w for w in lazy.warnings)
