"""Command line: ``crisisnotes ingest``, ``crisisnotes figures``, ``crisisnotes run``.

Every command processes all it can, prints what failed (file and line, no
traceback) and exits 1 if anything failed, 0 otherwise.

Examples
--------
>>> build_parser().parse_args(["ingest", "--force"]).force
True
>>> build_parser().parse_args(["ingest", "--columns", "text=Tweet,date=Date"]).columns
{'text': 'Tweet', 'date': 'Date'}
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import FIGURES_DIR, PROCESSED_DATA_DIR, RAW_DATA_DIR


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``crisisnotes`` command."""
    p = argparse.ArgumentParser(prog="crisisnotes", description=__doc__.split("\n")[0])
    p.add_argument("--version", action="version", version=f"crisisnotes {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="*", type=Path, help=f"dump files or folders (default {RAW_DATA_DIR})")
        sp.add_argument("--out", type=Path, default=None, help=f"processed data folder (default {PROCESSED_DATA_DIR})")
        sp.add_argument("--actors", type=Path, action="append", help="your own actor CSV, merged over the shipped one")
        sp.add_argument("--force", action="store_true", help="rebuild even when the cache is valid")
        sp.add_argument("--quiet", action="store_true", help="no progress bar")
        sp.add_argument("--workers", type=int, default=0,
                        help="worker processes for ingest (default 0 = one per core for dumps of 4 MB or more)")  # fmt: skip
        sp.add_argument("--columns", type=_columns, default=None, metavar="KEY=COLUMN,...",
                        help="for a CSV with your own column names, which column holds what, e.g. "
                             "text=Tweet,date=Date,handle=Account (as load(columns=...))")  # fmt: skip
        sp.add_argument("--tz-default", type=_zone, default=None, metavar="ZONE",
                        help="IANA time zone that archive times are dated in for outlets not in the "
                             "registry, e.g. Europe/Kyiv (default: Asia/Tokyo for Japanese posts, else UTC)")  # fmt: skip
        sp.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="ingest on a Dask cluster, e.g. tcp://HOST:8786 (pip install 'crisisnotes[dask]')")  # fmt: skip

    ing = sub.add_parser("ingest", help="parse dumps into Parquet tables")
    common(ing)
    for name, text in (("figures", "draw every figure from processed dumps"),
                       ("run", "ingest, then draw every figure (the main job)")):  # fmt: skip
        sp = sub.add_parser(name, help=text)
        common(sp)
        sp.add_argument("--figures", type=Path, default=None, help=f"figure folder (default {FIGURES_DIR})")
        sp.add_argument("--lang", choices=("en", "ja"), default="en", help="label language")
    cand = sub.add_parser("candidates", help="names that look like actors, not in the lexicon")
    common(cand)
    cand.add_argument("--min-count", type=int, default=1, help="keep names seen at least N times")
    cand.add_argument("--csv", type=Path, default=None, help="write all candidates to this CSV")
    return p


def _columns(value: str) -> dict[str, str]:
    """``text=Tweet,date=Date`` → ``{"text": "Tweet", "date": "Date"}`` (checked as ``load(columns=...)`` is)."""
    from .dumps.csvdump import check_columns

    pairs = [part.split("=", 1) for part in value.split(",") if part.strip()]
    if not pairs or any(len(p) != 2 or not p[0].strip() or not p[1].strip() for p in pairs):
        raise argparse.ArgumentTypeError(f"expected KEY=COLUMN[,KEY=COLUMN...], got {value!r}")
    try:
        return check_columns({k.strip(): v.strip() for k, v in pairs})
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _zone(value: str) -> str:
    from .dumps.records import check_timezone

    try:
        return check_timezone(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _ingest(args: argparse.Namespace):
    from tqdm import tqdm

    from .actors import Lexicon
    from .corpus import Corpus, dump_files, ingest

    paths = args.paths or [RAW_DATA_DIR]
    files = [f for p in paths for f in dump_files(p)]
    total = sum(f.stat().st_size for f in files if f.is_file())  # others are reported by ingest
    lexicon = Lexicon.load(args.actors)
    with tqdm(total=total, unit="B", unit_scale=True, desc="ingest", disable=args.quiet, file=sys.stderr) as bar:
        report = ingest(
            paths, out=args.out, lexicon=lexicon, force=args.force,
            progress=bar.update, on_file=lambda f: bar.set_postfix_str(f.name), workers=args.workers,
            client=args.scheduler, columns=args.columns, tz_default=args.tz_default,
        )  # fmt: skip
    for w in report.warnings:
        print(f"crisisnotes: warning: {w}", file=sys.stderr)
    for e in report.errors:
        print(f"crisisnotes: error: {e}", file=sys.stderr)
    print(
        f"ingest: {len(report.built)} built, {len(report.reused)} unchanged, "
        f"{len(report.errors)} failed -> {args.out or PROCESSED_DATA_DIR}"
    )
    return Corpus(report.folders, lexicon, report=report), report


def _figures(corpus, args: argparse.Namespace) -> int:
    from .report import render_all

    written = render_all(corpus, out_dir=args.figures, lang=args.lang)
    for name, paths in written.items():
        print(f"figure: {name} -> {', '.join(str(p) for p in paths.values())}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        corpus, report = _ingest(args)
        status = 1 if report.errors else 0
        if args.command in ("figures", "run"):
            if not corpus.folders:
                print("crisisnotes: error: no dump could be read; no figures drawn", file=sys.stderr)
                return 1
            status = max(status, _figures(corpus, args))
        if args.command == "candidates":
            from .candidates import report_candidates

            status = max(status, report_candidates(corpus, min_count=args.min_count, csv=args.csv))
        return status
    except (FileNotFoundError, ValueError, OSError, ImportError) as e:
        print(f"crisisnotes: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("crisisnotes: interrupted; finished dumps are kept", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: one line for the user, the traceback on request
        if os.environ.get("CRISISNOTES_DEBUG"):
            raise
        print(f"crisisnotes: error: internal error ({type(e).__name__}: {e}); finished dumps are kept. "
              "Please report it; CRISISNOTES_DEBUG=1 shows the traceback", file=sys.stderr)  # fmt: skip
        return 1


if __name__ == "__main__":
    sys.exit(main())
