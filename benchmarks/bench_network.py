"""Co-mention edges on ~1 M mentions: the vectorised projection against a Python-loop baseline.

Both build the same sentence-window edge counts (and each edge's evidence windows) from the same synthetic mentions
table (Zipf-distributed actors, 1–6 mentions a sentence); the script checks the
results agree and prints the time of each and their ratio. Run on demand:

    .venv/bin/python benchmarks/bench_network.py [--mentions 1000000]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from itertools import combinations

import numpy as np
import pandas as pd

from crisisnotes.network import comention_edges


def synthetic_mentions(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    per_sentence = rng.integers(1, 7, size=n // 3 + 1)
    sentence = np.repeat(np.arange(len(per_sentence)), per_sentence)[:n]
    actors = np.minimum(rng.zipf(1.6, size=n), 400)
    ids = np.array([f"a{k}" for k in range(401)], dtype=object)[actors]
    return pd.DataFrame({
        "post_id": (sentence // 5).astype(str), "sentence_id": sentence % 5, "actor_id": ids,
        "label_en": ids, "label_ja": ids, "kind": "person", "country": "XXX",
    })  # fmt: skip


def python_loop(m: pd.DataFrame) -> tuple[Counter, dict]:
    """The obvious loop: group mentions by sentence, count each unordered pair once, keep evidence."""
    counts: Counter = Counter()
    evidence: dict[tuple[str, str], list[tuple[str, int]]] = {}
    windows: dict[tuple[str, int], set[str]] = {}
    for pid, sid, aid in zip(m["post_id"], m["sentence_id"], m["actor_id"], strict=True):
        windows.setdefault((pid, sid), set()).add(aid)
    for win, actors in windows.items():
        for a, b in combinations(sorted(actors), 2):
            counts[(a, b)] += 1
            evidence.setdefault((a, b), []).append(win)
    return counts, evidence


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=1_000_000)
    n = ap.parse_args().mentions
    m = synthetic_mentions(n)
    t = time.perf_counter()
    edges = comention_edges(m, window="sentence")
    vec_s = time.perf_counter() - t
    t = time.perf_counter()
    loop, _ = python_loop(m)
    loop_s = time.perf_counter() - t
    got = dict(zip(zip(edges["source"], edges["target"], strict=True), edges["count"], strict=True))
    assert got == dict(loop), "vectorised and loop edge counts differ"
    print(f"mentions {len(m):,}  edges {len(edges):,}")
    print(f"vectorised (pandas merge) {vec_s:8.2f} s")
    print(f"python loop baseline      {loop_s:8.2f} s")
    print(f"ratio loop / vectorised   {loop_s / vec_s:8.2f}x")


if __name__ == "__main__":
    main()
