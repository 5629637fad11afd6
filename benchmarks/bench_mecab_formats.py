"""What MeCab costs by output format, on the Japanese runs of a dump (issue 6, point 1).

Splits each line of DUMP at Latin-script runs as ingest does (``tokenize._LATIN_RUN``), keeps the
runs with kana or kanji, and times, best of two, in this process:

* bare fugashi (iterate nodes, touch ``.surface``) over all lines, and over the Japanese runs;
* ``GenericTagger.parse`` with ingest's format (surface, four POS levels, lemma) and with
  cheaper ones (wakati, surface only, surface + pos1, the whole feature string).

It shows how much of the one-core budget MeCab itself takes before any Python stage. Run on demand:

    .venv/bin/python benchmarks/bench_mecab_formats.py DUMP     # e.g. a dump built by bench_ingest.py
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import fugashi
import unidic_lite

from crisisnotes.tokenize import _FORMAT, _LATIN_RUN

_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def best(f: Callable[[], object], n: int = 2) -> float:
    """Best wall time of ``n`` runs of ``f``."""
    out = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        out = min(out, time.perf_counter() - t0)
    return out


def main(path: str) -> None:
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    runs: list[str] = []
    for line in lines:
        pos = 0
        for m in _LATIN_RUN.finditer(line):
            runs.append(line[pos : m.start()])
            pos = m.end()
        runs.append(line[pos:])
    runs = [r for r in runs if _JA.search(r)]
    print(f"{sum(map(len, lines)):,} chars; Japanese runs: {len(runs):,}, {sum(map(len, runs)):,} chars")
    bare = fugashi.Tagger()

    def bare_over(xs: list[str]) -> None:
        for x in xs:
            for node in bare(x):
                node.surface  # noqa: B018

    base = best(lambda: bare_over(lines))
    print(f"{'bare fugashi, all lines (baseline)':44s} {base:6.3f} s  1.00")
    print(f"{'bare fugashi, Japanese runs':44s} {best(lambda: bare_over(runs)):6.3f} s")
    d = f"-d '{unidic_lite.DICDIR}' -r /dev/null"
    formats = {
        "ingest's format (5 features + lemma)": f"{d} {_FORMAT}",
        "wakati": f"{d} -Owakati",
        "surface only": rf"{d} -O '' -F '%m\n' -U '%m\n' -E ''",
        "surface + pos1": rf"{d} -O '' -F '%m\t%f[0]\n' -U '%m\t%f[0]\n' -E ''",
        "surface + whole feature string (%H)": rf"{d} -O '' -F '%m\t%H\n' -U '%m\t%H\n' -E ''",
        "surface + %F multi-field (one parse)": rf"{d} -O '' -F '%m\t%F\t[0,1,2,3,7]\n' -U '%m\t%F\t[0,1,2,3]\n' -E ''",
    }
    for name, args in formats.items():
        tagger = fugashi.GenericTagger(args)
        t = best(lambda tagger=tagger: [tagger.parse(r) for r in runs])
        print(f"{name + ', Japanese runs':44s} {t:6.3f} s  {t / base:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
