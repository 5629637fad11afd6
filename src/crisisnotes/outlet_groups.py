"""Which outlet, organisation or language each post belongs to.

Posts are grouped by outlet (``by="outlet"``), by the owning organisation or
by language. An optional outlet registry (``lexicons/outlets.csv``: columns
``handle, outlet_en, outlet_ja, organisation, country, language, type,
timezone``) is matched on the handle, case-insensitively and without ``@``;
outlets missing from it fall back to the display name in the post
(organisation) or to the post's own ``lang`` (language, ``"und"`` if null).
Posts without an outlet form the group ``"(no outlet)"``. Inputs are never
modified.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

__all__ = ["NO_OUTLET", "post_groups", "unknown_handles"]

NO_OUTLET = "(no outlet)"
"""Group of posts with neither an outlet name nor a handle (orphans)."""

By = Literal["outlet", "organisation", "language"]
Names = Literal["en", "ja"]
_REGISTRY_COLUMNS = ("outlet_en", "outlet_ja", "organisation", "language")


def _text(s: pd.Series) -> pd.Series:
    """Strip strings; empty strings and nulls become ``pd.NA`` (``string`` dtype)."""
    t = s.astype("string").str.strip()
    return t.mask(t.eq("").fillna(False))


def _mode(s: pd.Series) -> object:
    """Most frequent non-null value (ties: the smallest), or ``pd.NA``."""
    vc = s.dropna().value_counts()
    return min(vc.index[vc == vc.max()]) if len(vc) else pd.NA


def _registry(outlets: pd.DataFrame | None) -> pd.DataFrame:
    """Registry indexed by case-folded handle; raise on duplicate handles."""
    if outlets is None or len(outlets) == 0:
        return pd.DataFrame(columns=["handle", *_REGISTRY_COLUMNS], index=pd.Index([], dtype=str))
    if "handle" not in outlets:
        raise ValueError("outlet registry needs a 'handle' column")
    reg = pd.DataFrame({"handle": _text(outlets["handle"]).str.lstrip("@")})
    for c in _REGISTRY_COLUMNS:
        reg[c] = _text(outlets[c]) if c in outlets else pd.NA
    reg = reg.dropna(subset=["handle"])
    reg.index = pd.Index(reg["handle"].str.casefold())
    dup = reg.index[reg.index.duplicated()].unique().tolist()
    if dup:
        raise ValueError(f"outlet registry lists these handles more than once: {dup}")
    return reg


def post_groups(
    posts: pd.DataFrame,
    *,
    by: By = "outlet",
    outlets: pd.DataFrame | None = None,
    names: Names = "en",
) -> pd.DataFrame:
    """The group of every post: its outlet, organisation or language.

    The input is not modified; a new DataFrame is returned.

    Parameters
    ----------
    posts : DataFrame
        Posts table; uses ``post_id, outlet, handle, lang``.
    by : {"outlet", "organisation", "language"}
        What a group is (see the module docstring for the fall-backs).
    outlets : DataFrame, optional
        Outlet registry (``handle, outlet_en, outlet_ja, organisation,
        language``, …), matched on the handle case-insensitively.
    names : {"en", "ja"}
        Which registry name (``outlet_en``/``outlet_ja``) labels an outlet.

    Returns
    -------
    DataFrame
        ``post_id, group, outlet, handle`` with the index of ``posts``.
        An outlet is keyed by its handle (case-insensitively); a post with a
        display name but no handle joins the handle that name unambiguously
        belongs to. ``outlet`` is the registry name, else the most frequent
        display name; ``group`` is ``outlet``, with `` (@handle)`` added where
        two outlets share a name.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a:1", "a:2", "a:3", "a:4"],
    ...     "outlet": ["NHKニュース", "NHK", "NHK", None], "handle": ["nhk_news", "NHK_News", None, None],
    ...     "lang": ["ja", "ja", "ja", "und"]})
    >>> registry = pd.DataFrame({"handle": ["nhk_news"], "outlet_en": ["NHK"],
    ...     "outlet_ja": ["NHKニュース"], "organisation": ["NHK"], "language": ["ja"]})
    >>> post_groups(posts, outlets=registry)
      post_id        group       outlet    handle
    0     a:1          NHK          NHK  nhk_news
    1     a:2          NHK          NHK  nhk_news
    2     a:3          NHK          NHK  nhk_news
    3     a:4  (no outlet)  (no outlet)       NaN
    """
    if by not in ("outlet", "organisation", "language"):
        raise ValueError(f"by must be 'outlet', 'organisation' or 'language', not {by!r}")
    if names not in ("en", "ja"):
        raise ValueError(f"names must be 'en' or 'ja', not {names!r}")
    idx = posts.index
    name = _text(posts["outlet"]) if "outlet" in posts else pd.Series(pd.NA, idx, "string")
    handle = (
        _text(posts["handle"]).str.lstrip("@")
        if "handle" in posts
        else pd.Series(pd.NA, idx, "string")
    )
    reg = _registry(outlets)
    # Outlet key: the case-folded handle; a post with a name but no handle joins
    # the handle that name unambiguously belongs to, otherwise keys on the name.
    pairs = pd.concat(
        [
            pd.DataFrame({"name": name.str.casefold(), "key": handle.str.casefold()}),
            *(
                pd.DataFrame({"name": reg[c].str.casefold(), "key": reg.index})
                for c in _REGISTRY_COLUMNS[:2]
            ),
        ]
    ).dropna()
    n_keys = pairs.groupby("name")["key"].nunique()
    name_to_key = (
        pairs[pairs["name"].isin(n_keys.index[n_keys == 1])].groupby("name")["key"].first()
    )
    key = handle.str.casefold()
    key = key.fillna(name.str.casefold().map(name_to_key).astype("string"))
    key = key.fillna("name:" + name.str.casefold()).fillna("")
    frame = pd.DataFrame({"key": key, "name": name, "handle": handle}, index=idx)
    per_key = frame.groupby("key").agg(name=("name", _mode), handle=("handle", _mode))
    known = reg.reindex(per_key.index)
    order = ["outlet_en", "outlet_ja"] if names == "en" else ["outlet_ja", "outlet_en"]
    label = known[order[0]].fillna(known[order[1]]).astype(object)
    label = label.where(label.notna(), per_key["name"]).astype(object)
    at = "@" + per_key["handle"].astype(object).where(per_key["handle"].notna(), "")
    label = label.where(label.notna(), at.where(per_key["handle"].notna())).fillna(NO_OUTLET)
    per_key["outlet"] = label
    per_key["handle"] = (
        known["handle"].astype(object).where(known["handle"].notna(), per_key["handle"])
    )
    clash = label.duplicated(keep=False) & per_key["handle"].notna()
    per_key["group"] = label.where(~clash, label + " (" + at + ")")
    out = pd.DataFrame({"post_id": posts["post_id"]}, index=idx)
    for c in ("group", "outlet", "handle"):
        out[c] = key.map(per_key[c]).astype(object)
    if by == "organisation":
        out["group"] = key.map(known["organisation"]).astype(object).fillna(out["group"])
    elif by == "language":
        lang = _text(posts["lang"]) if "lang" in posts else pd.Series(pd.NA, idx, "string")
        lang = lang.astype(object).fillna("und")
        out["group"] = key.map(known["language"]).astype(object).fillna(lang)
    return out.astype({"group": "str", "outlet": "str", "handle": "str"})


def unknown_handles(posts: pd.DataFrame, outlets: pd.DataFrame | None) -> pd.DataFrame:
    """Handles used in ``posts`` that the outlet registry does not list.

    Handles are compared case-insensitively and without ``@``. The input is
    not modified; a new DataFrame is returned.

    Returns
    -------
    DataFrame
        ``handle`` (most frequent spelling), ``outlet`` (most frequent display
        name), ``names`` (every display name, most frequent first), ``lang``
        (most frequent post language), ``posts``, ``first_posted``,
        ``last_posted``; most posts first.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a:1", "a:4", "a:8"],
    ...     "outlet": ["NHK", "Kyodo", "共同通信"], "handle": ["nhk_news", "kyodo_english", "Kyodo_English"],
    ...     "lang": ["ja", "en", "ja"], "posted_on": pd.to_datetime(["2022-02-24"] * 3)})
    >>> registry = pd.DataFrame({"handle": ["NHK_NEWS"], "outlet_en": ["NHK"]})
    >>> unknown_handles(posts, registry)[["handle", "outlet", "names", "posts"]]  # doctest: +NORMALIZE_WHITESPACE
              handle outlet            names  posts
    0  Kyodo_English  Kyodo  [Kyodo, 共同通信]      2
    """
    reg = _registry(outlets)
    handle = _text(posts["handle"]).str.lstrip("@")
    key = handle.str.casefold()
    keep = (key.notna() & ~key.isin(reg.index)).to_numpy(dtype=bool)
    when = pd.to_datetime(posts["posted_on"]) if "posted_on" in posts else pd.NaT
    frame = pd.DataFrame(
        {
            "key": key,
            "handle": handle,
            "outlet": _text(posts["outlet"]) if "outlet" in posts else pd.NA,
            "lang": _text(posts["lang"]) if "lang" in posts else pd.NA,
            "when": when,
        },
        index=posts.index,
    )[keep]
    out = frame.groupby("key").agg(
        handle=("handle", _mode),
        outlet=("outlet", _mode),
        lang=("lang", _mode),
        posts=("handle", "size"),
        first_posted=("when", "min"),
        last_posted=("when", "max"),
    )
    out["posts"] = out["posts"].astype("int64")
    ranked = frame.dropna(subset=["outlet"]).groupby(["key", "outlet"]).size().reset_index(name="n")
    ranked = ranked.sort_values(["key", "n", "outlet"], ascending=[True, False, True])
    all_names = {k: list(v) for k, v in ranked.groupby("key")["outlet"]}
    out.insert(2, "names", [all_names.get(k, []) for k in out.index])
    return out.sort_values(["posts", "handle"], ascending=[False, True], ignore_index=True)
