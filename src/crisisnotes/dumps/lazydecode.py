"""Decode a big dump line by line, so memory does not hold the whole decoded text.

The encoding is detected on the file's first megabytes (:func:`~.encoding.decode_bytes`,
cut at a newline); the rest is decoded one line at a time. Only ASCII-compatible
encodings (UTF-8, CP932/Shift_JIS, EUC-JP), in which a newline byte is always a
newline, are read this way; UTF-16 dumps are decoded whole. A line that does not
decode strictly is decoded with replacement characters and its number recorded,
as the whole-file decoder does.

Examples
--------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "d.txt"
>>> _ = p.write_bytes("ロシア\\r\\nNATO\\n".encode("cp932"))
>>> bad: list[int] = []
>>> list(stream_lines(p, "cp932", bad)), bad
(['ロシア', 'NATO', ''], [])
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .encoding import Decoded, decode_bytes

HEAD_BYTES = 4 << 20
STREAM_DECODE_BYTES = 16 << 20
"""Files larger than this are decoded line by line (smaller ones whole, as before)."""
LAZY_ENCODINGS = {"utf-8", "utf-8-sig", "cp932", "euc_jp"}
_CR = re.compile(r"\r\n|\r")


def head_decoded(path: Path) -> Decoded:
    """Decode the first :data:`HEAD_BYTES` of ``path``, cut after its last newline."""
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    cut = head.rfind(b"\n")
    return decode_bytes(head[: cut + 1] if cut > 0 else head, path)


def stream_lines(path: Path, encoding: str, bad_lines: list[int]) -> Iterator[str]:
    """The lines of ``path`` (CRLF, CR or LF) decoded one at a time; appends undecodable line numbers."""
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    n = 0
    ended_with_newline = True
    with open(path, "rb") as f:
        for k, raw in enumerate(f):
            if k == 0 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            ended_with_newline = raw.endswith(b"\n")
            body = raw[:-1] if ended_with_newline else raw
            try:
                text = body.decode(codec)
                damaged = False
            except UnicodeDecodeError:
                text = body.decode(codec, errors="replace")
                damaged = True
            parts = _CR.split(text)
            if ended_with_newline and text.endswith("\r"):  # a CRLF ending: the \r belongs to the newline
                parts = parts[:-1]
            for part in parts:
                n += 1
                if damaged and "\ufffd" in part:
                    bad_lines.append(n)
                yield part
    if ended_with_newline:
        yield ""
