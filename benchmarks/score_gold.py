"""Score crisisnotes against a gold annotation (GUIDELINES rules), with a diff of the events.

Prints the reference scorer's figures (posts, lost lines, actor P/R/F1, event
P/R/F1, core-mode F1, date and status accuracy), then, with ``--diff``, every
gold event that was missed and every predicted event that matches no gold
event. Run on demand:

    .venv/bin/python benchmarks/score_gold.py ../shared/seed/000_eb35837e95dd632a.txt ../shared/seed/gold_seed.json --diff
    .venv/bin/python benchmarks/score_gold.py data/raw/sample_ukraine_2022.txt tests/data/sample_gold.json --diff
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def diff(dump: Path, gold_path: Path) -> None:
    import crisisnotes

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    corpus = crisisnotes.load(dump, cache_dir=tempfile.mkdtemp(prefix="cn-score-"))
    posts = corpus.posts.sort_values("line_start").reset_index(drop=True)
    ev = crisisnotes.diplomatic_events(corpus)
    pid_index = {pid: i for i, pid in enumerate(posts["post_id"])}
    pred = [(pid_index[r.post_id], frozenset(r.parties), r.mode, r) for r in ev.itertuples()]
    used = set()
    print("\n# missed gold events")
    for g in gold["events"]:
        key = (g["post_index"], frozenset(g["participants"]), g["mode"])
        hit = next((k for k, p in enumerate(pred) if k not in used and p[:3] == key), None)
        if hit is None:
            print(f"  post {g['post_index']}: {'-'.join(sorted(g['participants']))} {g['mode']} {g['status']} "
                  f"{g['date']} | {g['evidence'][:90]}")
        else:
            used.add(hit)
            r = pred[hit][3]
            d = None if r.date != r.date else str(r.date)[:10]
            ok = (g["date"] is None and d is None) or (g.get("window") and d and g["window"][0] <= d <= g["window"][1]) or d == g["date"]
            if not ok or r.status != g["status"]:
                print(f"  [date/status] post {g['post_index']}: {r.channel} {r.mode} got {d} {r.status}, "
                      f"gold {g['date']} {g.get('window')} {g['status']} | {g['evidence'][:60]}")
    print("\n# spurious predicted events")
    for k, (pi, _parties, mode, r) in enumerate(pred):
        if k not in used:
            d = None if r.date != r.date else str(r.date)[:10]
            print(f"  post {pi}: {r.channel} {mode} {r.status} {d} | {r.evidence[:90]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--diff", action="store_true", help="list missed and spurious events")
    a = ap.parse_args()
    if SCORER.exists():
        out = subprocess.run([sys.executable, str(SCORER), str(a.dump), str(a.gold)], capture_output=True, text=True)
        print(out.stdout.strip() or out.stderr.strip())
    else:
        print(f"reference scorer not found at {SCORER}")
    if a.diff:
        diff(a.dump, a.gold)


if __name__ == "__main__":
    main()
