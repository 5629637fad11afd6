"""One corpus from overlapping dumps: the same post found in several dumps is kept once.

Two posts are the same post when they have the same handle (case and full
width ignored), the same ``posted_on`` date, the same retweet flag and the same
text once NFKC-folded with all whitespace (line breaks too) folded to one space.
Posts without a handle, a date or a tweet text (orphans, posts whose date could
not be read) are never merged. Of each group the post with an article body is
kept (else the first in corpus order); ``also_in`` lists the ``post_id`` of the
others (empty for a post found once).

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({
...     "post_id": ["a.txt:1", "b.jsonl:4", "b.jsonl:5"], "handle": ["Reuters", "reuters", "Reuters"],
...     "posted_on": pd.to_datetime(["2022-01-10"] * 3), "text": ["Talks end\\nhttps://t.co/x",
...     "Talks  end https://t.co/x", "Other"], "body": ["", "", ""], "is_retweet": [False] * 3})
>>> kept, merged = merge_duplicates(posts)
>>> merged, kept[["post_id", "also_in"]].values.tolist()
(1, [['a.txt:1', ['b.jsonl:4']], ['b.jsonl:5', []]])
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

_WS = re.compile(r"\s+")


def text_key(text: object) -> str:
    """The text as compared across dumps: NFKC, whitespace folded, stripped.

    >>> text_key("ＮＡＴＯ　summit\\n https://t.co/x ")
    'NATO summit https://t.co/x'
    """
    if not isinstance(text, str):
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def duplicate_keys(posts: pd.DataFrame) -> pd.Series:
    """One key per post (``None`` where the post is never merged)."""
    handle = posts["handle"].map(
        lambda h: unicodedata.normalize("NFKC", h).casefold() if isinstance(h, str) else None
    )
    day = pd.to_datetime(posts["posted_on"]).dt.strftime("%Y-%m-%d")
    text = posts["text"].map(text_key)
    retweet = posts["is_retweet"] if "is_retweet" in posts else pd.Series(False, index=posts.index)
    ok = handle.notna() & day.notna() & (text != "")
    keys = (
        handle.fillna("")
        + "\x1f"
        + day.fillna("")
        + "\x1f"
        + retweet.astype(bool).astype(str)
        + "\x1f"
        + text
    )
    return keys.where(ok, None)


def merge_duplicates(posts: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """``posts`` with each repeated post kept once (and an ``also_in`` column), and how many were dropped."""
    out = posts.reset_index(drop=True)
    if out.empty:
        return out.assign(also_in=pd.Series([], dtype=object)), 0
    keys = duplicate_keys(out)
    has_body = out["body"].fillna("").astype(str).str.strip() != ""
    order = pd.DataFrame({"key": keys, "no_body": ~has_body, "pos": range(len(out))})
    order = order[order["key"].notna()].sort_values(["key", "no_body", "pos"], kind="stable")
    dup = order.duplicated("key", keep="first")
    dropped = order.loc[dup, "pos"].to_numpy()
    keeper = order.drop_duplicates("key").set_index("key")["pos"]
    also: dict[int, list[str]] = {}
    for key, pos in zip(order.loc[dup, "key"], dropped, strict=True):
        also.setdefault(int(keeper[key]), []).append(str(out.at[pos, "post_id"]))
    out["also_in"] = [also.get(i, []) for i in range(len(out))]
    if len(dropped):
        out = out.drop(index=dropped).reset_index(drop=True)
    return out, len(dropped)
