"""Japanese tokenizers on the same text, measured in one run: ours vs fugashi, SudachiPy, Janome.

Builds a dump from the bundled sample (as ``bench_ingest.build_dump``), reads its
posts and splits them into sentences as ingest does, and keeps the Japanese
sentences. Then times, over exactly those sentences, in this process:

* **bare fugashi** (unidic-lite): iterate the nodes, touch ``.surface`` — the baseline;
* **crisisnotes tokenize_tsv**: our tokenization (MeCab custom output format with
  the lexicon's user dictionary, rule tokenizer for Latin-script runs);
* **crisisnotes token table**: the same, plus building the Arrow token columns
  (``pipeline.token_table``), i.e. what ingest stores;
* **SudachiPy** (sudachidict-core, split mode C): ``.surface()`` of every morpheme;
* **Janome**: ``.surface`` of every token.

Prints chars/s and the ratio to bare fugashi. SudachiPy and Janome are an
optional extra; a tokenizer that is not installed is skipped with a message:

    pip install -e '.[bench]'
    .venv/bin/python benchmarks/bench_tokenizers.py [--mb 2] [--repeat 3]

Examples
--------
>>> from bench_tokenizers import ratio_table  # doctest: +SKIP
>>> print(ratio_table({"bare fugashi": 2.0, "janome": 0.04}, 1_000))  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import build_dump  # noqa: E402

Runner = Callable[[list[str]], None]


def japanese_sentences(dump: Path) -> list[dict]:
    """Sentence rows (as ingest makes them) of the Japanese sentences of ``dump``."""
    from crisisnotes.dumps import read_dump
    from crisisnotes.pipeline import _chunks, sentence_rows

    posts = read_dump(dump).posts
    return [s for chunk in _chunks(posts) for s in sentence_rows(chunk) if s["lang"] == "ja"]


def runners(rows: list[dict]) -> dict[str, Runner | str]:
    """Name → a function tokenizing every text, or the reason it is skipped."""
    import fugashi

    from crisisnotes.actors import Lexicon
    from crisisnotes.pipeline import token_table
    from crisisnotes.tokenize import get_tagger, tokenize_tsv

    out: dict[str, Runner | str] = {}
    bare = fugashi.Tagger()

    def run_bare(texts: list[str]) -> None:
        for t in texts:
            for node in bare(t):
                node.surface  # noqa: B018 - touch the surface, as a minimal consumer would

    ours = get_tagger(Lexicon.load().user_dictionary())

    def run_ours(texts: list[str]) -> None:
        for t in texts:
            tokenize_tsv(t, lang="ja", tagger=ours)

    out["bare fugashi"] = run_bare
    out["crisisnotes tokenize_tsv"] = run_ours
    out["crisisnotes token table"] = lambda texts: token_table(rows, ours)
    try:
        from sudachipy import Dictionary, SplitMode

        dic = Dictionary(dict="core")
        make = getattr(dic, "tokenizer", None) or dic.create  # create() before SudachiPy 0.7
        sudachi = make(mode=SplitMode.C)

        def run_sudachi(texts: list[str]) -> None:
            for t in texts:
                for m in sudachi.tokenize(t):
                    m.surface()

        out["SudachiPy (core, mode C)"] = run_sudachi
    except ImportError as e:
        out["SudachiPy (core, mode C)"] = f"skipped: {e.name or e} not installed (pip install -e '.[bench]')"
    try:
        from janome.tokenizer import Tokenizer

        janome = Tokenizer()

        def run_janome(texts: list[str]) -> None:
            for t in texts:
                for tok in janome.tokenize(t):
                    tok.surface  # noqa: B018

        out["Janome"] = run_janome
    except ImportError as e:
        out["Janome"] = f"skipped: {e.name or e} not installed (pip install -e '.[bench]')"
    return out


def best_seconds(run: Runner, texts: list[str], repeat: int) -> float:
    """Fastest of ``repeat`` timed runs (after one warm-up sentence)."""
    run(texts[:1])
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        run(texts)
        best = min(best, time.perf_counter() - t)
    return best


def ratio_table(cps: dict[str, float], chars: int) -> str:
    """Markdown table of chars/s and the ratio to bare fugashi."""
    base = cps["bare fugashi"]
    lines = [f"Japanese text: {chars:,} chars", "",
             "| tokenizer | chars/s | ratio to bare fugashi |", "| --- | --- | --- |"]  # fmt: skip
    lines += [f"| {name} | {v:,.0f} | {v / base:.3f} |" for name, v in cps.items()]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2, help="size of the dump built from the sample")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per tokenizer (best kept)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cn-tok-") as work:
        rows = japanese_sentences(build_dump(args.mb, Path(work) / "bench.txt"))
    texts = [r["text"] for r in rows]
    chars = sum(map(len, texts))
    cps: dict[str, float] = {}
    for name, run in runners(rows).items():
        if isinstance(run, str):
            print(f"{name}: {run}")
            continue
        cps[name] = chars / best_seconds(run, texts, args.repeat)
        print(f"{name}: {cps[name]:,.0f} chars/s", flush=True)
    print()
    print(ratio_table(cps, chars))


if __name__ == "__main__":
    main()
