"""MeCab user dictionary for unidic-lite, built at run time from the actor lexicon.

The binary dictionary is tied to the installed unidic-lite, so it is built
into the cache (keyed by the lexicon fingerprint), never shipped. Rows use
unidic-lite's person-name context id 4788 (``名詞,固有名詞,人名,一般``, see
its ``left-id.def``) and an explicit cost.

Examples
--------
>>> user_csv_row("ブリンケン").split(",")[:8]
['ブリンケン', '4788', '4788', '3000', '名詞', '固有名詞', '人名', '一般']
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

PERSON_CONTEXT_ID = 4788
COST = 3000


def user_csv_row(surface: str) -> str:
    """One user-dictionary CSV row (26 features, like unidic-lite's) for a person name."""
    s = surface.replace(",", "，")
    feats = ["名詞", "固有名詞", "人名", "一般", "*", "*", s, s, s, s, s, s, "固",
             "*", "*", "*", "*", s, s, s, s, "*", "*", "*", "*", "*"]  # fmt: skip
    return ",".join([s, str(PERSON_CONTEXT_ID), str(PERSON_CONTEXT_ID), str(COST), *feats])


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence the C-level stdout/stderr chatter of MeCab's dictionary compiler."""
    saved = [os.dup(1), os.dup(2)]
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in (1, 2):
            os.dup2(devnull, fd)
        yield
    finally:
        for fd, keep in zip((1, 2), saved, strict=True):
            os.dup2(keep, fd)
            os.close(keep)
        os.close(devnull)


def build_user_dictionary(names: list[str], cache_dir: Path, key: str) -> Path | None:
    """Build ``user-<key>.dic`` in ``cache_dir`` unless present; return its path or ``None``."""
    import fugashi
    import unidic_lite

    target = cache_dir / f"user-{key[:16]}.dic"
    if target.exists():
        return target
    names = [n for n in names if n and "," not in n and " " not in n]
    if not names:
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".userdict-"))
    try:
        src = tmpdir / "user.csv"
        src.write_text("\n".join(user_csv_row(n) for n in names) + "\n", encoding="utf-8")
        out = tmpdir / "user.dic"
        with _quiet():
            fugashi.build_dictionary(f"x -f utf8 -t utf8 -d {unidic_lite.DICDIR} -u {out} {src}")
        os.replace(out, target)
        return target
    except Exception:  # a missing build never blocks ingest: tokens fall back to unidic-lite
        with contextlib.suppress(OSError):
            target.unlink()
        return None
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
