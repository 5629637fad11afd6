"""Incremental ingest and notebooks on cached data, measured in one run.

Two measurements (issue 6 item 5):

1. **Adding a dump**: ingest a folder of ``--dumps`` N dumps (each about ``--mb`` MB, built from the
   bundled sample with shifted dates), then add one more dump and ingest the folder again. Prints
   the seconds of that second ingest against the seconds of ingesting the new dump alone into a
   fresh folder (ratio ≈ 1: only the new dump is built) and against the first, full ingest.
2. **Notebooks on cached data**: with the cache of ``--dump`` built, runs every notebook in
   ``notebooks/`` top to bottom in a fresh kernel (nbclient, as nbval does), twice — the first run
   extracts and keeps each dump's events (``crisisnotes.derived``), the rerun reads them — and
   prints the seconds of each notebook (kernel start and figure export included) and of
   ``crisisnotes.load`` on its own. ``--skip-incremental`` runs only this part.

Run on demand (not in CI):

    .venv/bin/python benchmarks/bench_cache.py [--dumps 5] [--mb 2] [--dump data/raw/sample_ukraine_2022.txt]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import build_dump  # noqa: E402


def timed(fn, *args, **kwargs) -> tuple[float, object]:  # noqa: ANN001
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t, out


def incremental(work: Path, n: int, mb: float) -> None:
    from crisisnotes.corpus import ingest

    raw = work / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        build_dump(mb, raw / f"dump_{k:02d}.txt", seed=k)
    first, rep = timed(ingest, raw, out=work / "out")
    assert len(rep.built) == n and not rep.errors, rep
    new = build_dump(mb, raw / f"dump_{n:02d}.txt", seed=n)
    added, rep = timed(ingest, raw, out=work / "out")
    assert rep.built == [new.name] and len(rep.reused) == n, rep
    alone, rep = timed(ingest, new, out=work / "alone")
    assert rep.built == [new.name], rep
    print(f"folder of {n} dumps of ~{mb:g} MB: first ingest {first:.1f} s")
    print(f"add one dump, ingest the folder again: {added:.2f} s; the new dump alone: {alone:.2f} s")
    print(f"  ratio (folder + 1) / (one dump alone) = {added / alone:.2f}; / (first ingest) = {added / first:.3f}")


def notebooks(dump: Path, cache: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    import crisisnotes

    os.environ["CRISISNOTES_DUMP"] = str(dump)  # the kernels inherit it; the notebooks' own cache is used
    crisisnotes.load(dump, cache_dir=cache)  # build the cache the notebooks read (data/processed)
    cold_import = time.perf_counter()
    seconds, corpus = timed(crisisnotes.load, dump, cache_dir=cache)
    assert corpus.report.reused, "cache was not reused"
    _ = corpus.tokens, corpus.mentions
    print(f"crisisnotes.load on cached data (posts, tokens, mentions read): {time.perf_counter() - cold_import:.2f} s "
          f"(load itself {seconds:.2f} s)")  # fmt: skip
    for run in ("first run after ingest", "rerun"):
        total = 0.0
        print(f"notebooks, {run}:")
        for nb_path in sorted((ROOT / "notebooks").glob("*.ipynb")):
            nb = nbformat.read(nb_path, as_version=4)
            client = NotebookClient(nb, timeout=1800, kernel_name="python3",
                                    resources={"metadata": {"path": str(ROOT / "notebooks")}})  # fmt: skip
            s, _ = timed(client.execute)
            total += s
            print(f"  {nb_path.name:<32} {s:6.1f} s")
        print(f"all notebooks, {run}: {total:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dumps", type=int, default=5)
    ap.add_argument("--mb", type=float, default=2)
    ap.add_argument("--dump", type=Path, default=ROOT / "data" / "raw" / "sample_ukraine_2022.txt")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--skip-incremental", action="store_true")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="cn-bench-cache-"))
    try:
        if not args.skip_incremental:
            incremental(work / "incremental", args.dumps, args.mb)
        notebooks(args.dump.resolve(), ROOT / "data" / "processed")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
