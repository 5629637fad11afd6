"""Ingest speed and memory against bare fugashi, measured in one run.

Builds dumps of about 10 MB and 40 MB from the bundled sample (dates shifted
and link ids varied per copy, so no two posts are identical), then for each:

* times a full ``crisisnotes ingest`` (read, split, tokenize, find actors,
  write Parquet) in a fresh subprocess, which also reports its peak RSS,
  with 1 and with 2 worker processes (``--workers``);
* times bare fugashi over the same text in this process (iterate the nodes
  of every line, touch ``.surface``) — the baseline.

Prints chars/s of each, their ratio, and the peak RSS of each ingest and the
ratio of the two. Run on demand (not in CI):

    .venv/bin/python benchmarks/bench_ingest.py [--sizes 10 40] [--workers 1 2] [--workdir /tmp/cn-bench] [--base DUMP] [--pure]

``--base`` builds the dumps from another copied-timeline dump than the bundled
sample (e.g. ``../shared/seed/<file>.txt``, whose text is 73 % Japanese against
the sample's 35 %): the baseline is much slower on Japanese than on English, so
the ratio depends on the mix.

With ``--pure``, also times one worker with the C modules turned off
(``CRISISNOTES_PURE=1``, :mod:`crisisnotes.compiled`): the pure-Python twins,
which write the same tables — the gain of the compiled path, in the same run.

Peak RSS of a worker run counts the parent only (the workers are children).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "sample_ukraine_2022.txt"
_DATE_JA = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_JA_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_TCO = re.compile(r"(t\.co/|pic\.twitter\.com/)([A-Za-z0-9]{10})")

CHILD = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from crisisnotes.corpus import ingest
t1 = time.perf_counter()
report = ingest(sys.argv[1], out=sys.argv[2], force=True, workers=int(sys.argv[3]))
t2 = time.perf_counter()
assert not report.errors, report.errors
# VmHWM is this process's own peak RSS; ru_maxrss would also count the parent's RSS at fork time
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"seconds": t2 - t1, "import_seconds": t1 - t0, "peak_rss_mb": hwm / 1024}))
"""


def build_dump(target_mb: float, out: Path, seed: int = 0, base_dump: Path = SAMPLE) -> Path:
    """Concatenate shifted copies of ``base_dump`` (the bundled sample) until ``target_mb`` megabytes."""
    rng = random.Random(seed)
    base = base_dump.read_text(encoding="utf-8")
    target = int(target_mb * 1024 * 1024)
    size, k = 0, 0
    with out.open("w", encoding="utf-8") as f:
        while size < target:
            shift = dt.timedelta(days=7 * k)

            def ja(m: re.Match[str], shift: dt.timedelta = shift) -> str:
                d = dt.date(int(m[1]), int(m[2]), int(m[3])) + shift
                return f"{d.year}年{d.month}月{d.day}日"

            def tco(m: re.Match[str]) -> str:
                return m[1] + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(10))

            chunk = _TCO.sub(tco, _DATE_JA.sub(ja, base)) + "\n"
            f.write(chunk)
            size += len(chunk.encode("utf-8"))
            k += 1
    return out


def bare_fugashi(path: Path) -> tuple[float, int]:
    """Seconds and characters for bare fugashi over every line of ``path``."""
    import fugashi

    tagger = fugashi.Tagger()
    lines = path.read_text(encoding="utf-8").split("\n")
    chars = sum(len(ln) for ln in lines)
    t = time.perf_counter()
    for ln in lines:
        for node in tagger(ln):
            node.surface  # noqa: B018 - touch the surface, as a minimal consumer would
    return time.perf_counter() - t, chars


def run_ingest(path: Path, out: Path, workers: int = 1, *, pure: bool = False) -> dict[str, float]:
    cmd = [sys.executable, "-c", CHILD, str(path), str(out), str(workers)]
    env = {**os.environ, "CRISISNOTES_PURE": "1" if pure else "0"}
    res = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 40], help="dump sizes in MB")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="ingest worker counts to time")
    ap.add_argument("--base", type=Path, default=SAMPLE, help="copied-timeline dump the bench dumps are built from")
    ap.add_argument("--pure", action="store_true",
                    help="also time one worker with the C modules off (CRISISNOTES_PURE=1): the pure-Python twins")  # fmt: skip
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="cn-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    text = args.base.read_text(encoding="utf-8")
    ja = len(_JA_CHAR.findall(text)) / max(1, len(text))
    print(f"dumps built from {args.base.name}: {ja:.0%} of its characters are kana or kanji")
    for mb in args.sizes:
        dump = build_dump(mb, work / f"bench_{int(mb)}mb.txt", base_dump=args.base)
        fug_s, chars = bare_fugashi(dump)
        for w, pure in [(w, False) for w in args.workers] + ([(1, True)] if args.pure else []):
            ing = run_ingest(dump, work / f"processed_{int(mb)}mb_{w}{'_pure' if pure else ''}", w, pure=pure)
            rows.append({"mb": mb, "workers": f"{w} pure" if pure else w, "chars": chars, "fugashi_cps": chars / fug_s,
                         "ingest_cps": chars / ing["seconds"], "ingest_s": ing["seconds"], "fugashi_s": fug_s,
                         "rss": ing["peak_rss_mb"]})  # fmt: skip
    print(f"{'size':>6} {'workers':>7} {'chars':>11} {'fugashi c/s':>12} {'ingest c/s':>11} {'ratio':>6} "
          f"{'ingest s':>9} {'peak RSS MB':>12}")  # fmt: skip
    for r in rows:
        print(f"{r['mb']:>4.0f}MB {r['workers']!s:>7} {r['chars']:>11,} {r['fugashi_cps']:>12,.0f} {r['ingest_cps']:>11,.0f} "
              f"{r['ingest_cps'] / r['fugashi_cps']:>6.3f} {r['ingest_s']:>9.1f} {r['rss']:>12.0f}")  # fmt: skip
    one = [r for r in rows if r["workers"] == 1]
    if len(one) >= 2:
        print(f"peak RSS ratio {one[-1]['mb']:.0f}MB / {one[0]['mb']:.0f}MB (1 worker): {one[-1]['rss'] / one[0]['rss']:.2f}")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
