"""Decode a dump's bytes: UTF-8 (with or without BOM), UTF-16, CP932/Shift_JIS or EUC-JP.

Decoding never loses a line silently: bytes that no candidate encoding can
decode become U+FFFD and the lines holding them are reported, so the reader
can quarantine them with a reason.

Examples
--------
>>> decode_bytes("ロシア".encode("cp932"), "x.txt").encoding
'cp932'
>>> decode_bytes(b"\\xef\\xbb\\xbfabc", "x.txt").text
'abc'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DumpError

_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NEWLINES = re.compile(r"\r\n|\r|\n")
_BINARY_MAGIC = re.compile(
    rb"\x89PNG|GIF8[79]a|\xff\xd8\xff|%PDF-|PK\x03\x04|\x1f\x8b\x08|BZh[1-9]1AY|\x7fELF"
    rb"|RIFF.{4}(?:WAVE|AVI |WEBP)|\xd0\xcf\x11\xe0|\xfd7zXZ\x00|7z\xbc\xaf",
    re.S,
)  # image, archive, document and executable signatures


@dataclass
class Decoded:
    """Text of a dump, the encoding it was read with and the lines with undecodable bytes."""

    text: str
    encoding: str
    bad_lines: list[int] = field(default_factory=list)


def _score(text: str) -> float:
    """Share of Japanese or ASCII-printable characters (higher is more plausible)."""
    if not text:
        return 1.0
    good = sum(1 for c in text if c.isascii() and c.isprintable() or c in "\n\r\t")
    good += len(_JA.findall(text))
    return good / len(text)


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    # Japanese UTF-16 has few NULs; look for a newline code unit pattern
    if b"\n\x00" in sample and sample.count(b"\n\x00") > sample.count(b"\n") // 2:
        return "utf-16-le"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Is ``data`` UTF-8 with only a few bad bytes (cut at the end, or a rare damaged byte)?

    Legacy Japanese encodings almost never form valid UTF-8 multi-byte
    sequences, so many valid ones and few errors mean damaged UTF-8.
    """
    for cut in (1, 2, 3):  # cut inside the last character: a lead byte and too few continuations
        tail = data[-cut:]
        need = 2 if 0xC2 <= tail[0] <= 0xDF else 3 if 0xE0 <= tail[0] <= 0xEF else 4
        if tail[0] < 0xC2 or tail[0] > 0xF4 or need <= cut:
            continue
        if all(0x80 <= b <= 0xBF for b in tail[1:]):
            try:
                data[:-cut].decode("utf-8")
                return True
            except UnicodeDecodeError:
                break
    lossy = data.decode("utf-8", errors="replace")
    n_bad = lossy.count("\ufffd")
    n_multi = sum(1 for c in lossy if ord(c) > 0x7F) - n_bad
    return n_bad <= max(3, len(lossy) // 1000) and n_multi >= 10 * n_bad


def decode_bytes(data: bytes, path: str | Path) -> Decoded:
    """Decode ``data`` (the whole file) or raise :class:`DumpError` naming ``path``.

    Order: file signatures of binary formats (PNG, JPEG, PDF, ZIP…) are
    refused; BOM; UTF-16 by NUL pattern; strict UTF-8; UTF-8 with replacement
    when only a few bytes are bad (a file cut inside a character); CP932 and
    EUC-JP (the more plausible Japanese decoding wins). Binary data is refused.

    >>> decode_bytes("ウクライナ".encode("euc_jp"), "x.txt").encoding
    'euc_jp'
    """
    if _BINARY_MAGIC.match(data):
        raise DumpError(path, "binary data (an image, archive or document), not a text dump")
    if data.startswith(b"\xef\xbb\xbf"):
        return _finish(data[3:].decode("utf-8", errors="replace"), "utf-8-sig", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _finish(data.decode("utf-16", errors="replace"), "utf-16", path)
    enc16 = _looks_utf16(data)
    if enc16:
        return _finish(data.decode(enc16, errors="replace"), enc16, path)
    if b"\x00" in data[:8000]:
        raise DumpError(path, "binary data (NUL bytes), not a text dump")
    try:
        return _finish(data.decode("utf-8"), "utf-8", path, lossy=False)
    except UnicodeDecodeError as e:
        utf8_error = e
    if _mostly_utf8(data):  # UTF-8 with a few damaged bytes (e.g. a file cut inside a character)
        return _finish(data.decode("utf-8", errors="replace"), "utf-8", path)
    candidates: list[tuple[float, str, str]] = []
    for enc in ("cp932", "euc_jp"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    if candidates:
        score, enc, text = max(candidates)
        if score > 0.9:
            return _finish(text, enc, path, lossy=False)
    line = data[: utf8_error.start].count(b"\n") + 1
    raise DumpError(
        path,
        "cannot decode as UTF-8, UTF-16, CP932/Shift_JIS or EUC-JP "
        f"(first bad byte at offset {utf8_error.start})",
        line=line,
    )


def _finish(text: str, encoding: str, path: str | Path, *, lossy: bool = True) -> Decoded:
    """Check for binary data; with ``lossy`` (decoded with replacement), report U+FFFD lines."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if lossy and "\ufffd" in text:
        bad = [i + 1 for i, ln in enumerate(NEWLINES.split(text)) if "\ufffd" in ln]
    else:
        bad = []
    # control characters in the first 2000 lines (newlines are not control characters here)
    ctrl = len(_CONTROL.findall(text, 0, _end_of_lines(text, 2000)))
    if ctrl > max(8, len(text[:200000]) // 50):
        raise DumpError(path, "binary data (control characters), not a text dump")
    return Decoded(text=text, encoding=encoding, bad_lines=bad)


def _end_of_lines(text: str, k: int) -> int:
    """Offset in ``text`` where its first ``k`` lines end (``len(text)`` if it has fewer).

    >>> _end_of_lines("a\\r\\nb\\rc", 1), _end_of_lines("a\\r\\nb\\rc", 2), _end_of_lines("a\\nb", 5)
    (1, 4, 3)
    """
    for n, m in enumerate(NEWLINES.finditer(text), 1):
        if n == k:
            return m.start()
    return len(text)
