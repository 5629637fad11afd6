"""Parties a sentence or a post implies without naming them.

理事会は… is the organisation whose council the post named before; 同国 is the state named just before
it; a bare 首相 (and a bare 政府) is Japan's prime minister (government) in Japanese news unless the
post first names another one;
a government's or leader's own account speaks for its actor (the posting account as speaker).

Examples
--------
>>> [p.code for p in implied_parties("理事会は警告した。", [], "EU", False)]
['EU']
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .party import Party
from .setting import same_state

COUNCIL_TOPIC = re.compile(r"(?:^|、)(?:同)?((?:外相)?理事会)(?:は|も)")
"""理事会は / 同理事会も / 外相理事会は opening a clause: the council of an organisation named before."""


def implied_parties(
    text: str, parties: list[Party], council: str | None, japans_pm: bool, japans_gov: bool = False
) -> list[Party]:
    """A Japanese sentence's parties plus those it names without a name (in order of position).

    理事会は… is the organisation whose council the post named before (``council``); 同国 is the
    state named just before it; a bare 首相 is Japan's prime minister when the post says so
    (:func:`bare_pm_is_japans`), and a bare 政府 opening a clause is Japan's government when the post
    names no other government first (``japans_gov``, :func:`bare_gov_is_japans`).

    >>> [p.code for p in implied_parties("理事会は警告した。", [], "EU", False)]
    ['EU']
    """
    if council and (m := COUNCIL_TOPIC.search(text)) and not any(p.start < m.start() for p in parties):
        parties = [Party(council, council.lower(), m.start(1), m.end(1), "org"), *parties]
    if "同国" in text:  # ハノイで同国首相と会談: that state
        parties = sorted(parties + same_state(text, parties), key=lambda p: p.start)
    if japans_pm and not any(p.code == "JPN" for p in parties):
        parties += [Party("JPN", "jpn", m.start(1), m.end(1), "state") for m in _BARE_PM.finditer(text)][:1]
    if japans_gov and (m := _BARE_GOV.search(text)) and not any(p.code == "JPN" and p.start < m.start(1) for p in parties):
        parties = sorted([*parties, Party("JPN", "jpn", m.start(1), m.end(1), "state")], key=lambda p: p.start)
    return parties


_BARE_PM = re.compile(r"(?:^|[、。」\s])(首相)(?:は|が|も|と|に)")
_BARE_GOV = re.compile(r"(?:^|[、。」\s])(政府)(?:は|が|も)")
_FIRST_GOV = re.compile(r"([\u4e00-\u9fff\u30a0-\u30ffー・]|の)?政府")
_FIRST_PM = re.compile(r"([\u30a0-\u30ffー・]|の|国|岸田|日本)?首相")


def bare_pm_is_japans(post_text: str) -> bool:
    """Does a bare 首相 (no name, no country) in this Japanese post mean Japan's prime minister?

    So it does in Japanese news, unless the post first names another state's prime minister
    (ジョンソン首相, 英国の首相), whom a later bare 首相 then means.

    >>> bare_pm_is_japans("首相は21日、会談した。"), bare_pm_is_japans("英国のジョンソン首相は…首相は")
    (True, False)
    """
    m = _FIRST_PM.search(post_text)
    return m is not None and m.group(1) in (None, "岸田", "日本")


def speakers(posts: pd.DataFrame, lexicon: Any) -> dict[str, Party]:
    """Posting accounts that speak for an actor (government and leaders' accounts)."""
    from .outlets import load_outlets

    reg = load_outlets()
    reg = reg[reg["type"].isin(["government", "person"])]
    out = {}
    for handle, org in zip(reg["handle"].str.lower(), reg["organisation"], strict=True):
        if org and org in lexicon.actors:
            out[handle] = Party(lexicon.actors[org]["country"], org, -1, -1, lexicon.actors[org]["kind"])
    return out


def bare_gov_is_japans(post_text: str) -> bool:
    """Does a bare 政府 (政府は, 政府が) in this Japanese post mean Japan's government?

    So it does in Japanese news, unless the post first names another state's government
    (ロシア政府, 米政府), which a later bare 政府 may then mean.

    >>> bare_gov_is_japans("政府は23日、制裁を発表した。"), bare_gov_is_japans("米政府は…政府は")
    (True, False)
    >>> bare_gov_is_japans("日本政府は…。政府は")
    True
    """
    m = _FIRST_GOV.search(post_text)
    return m is not None and (m.group(1) is None or post_text.endswith("日本", 0, m.start(1) + 1))
