"""Tests for crisisnotes.dates (time expressions, event dates) and crisisnotes.tense.

Assumptions, stated once for every table below:

* Rules only: no dictionary, no tokenizer (fugashi/unidic-lite are not used by these
  modules, so their versions do not matter here); Python >= 3.11, ``datetime`` calendar.
* Sentences are NFKC-normalised by the functions; offsets are into the NFKC text.
* Dates follow GUIDELINES §4 of ``../shared/seed``. The reference post date is mostly
  ``WED`` = Wednesday 2022-01-26, so "last week" is 2022-01-17..23 and Friday is 01-21.
* A window is ``(first, last)``; ``None`` means "no window".
* The seed tests read ``/work/shared/seed`` (``../shared/seed`` from the project root) at
  run time and are skipped where it is absent.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from crisisnotes.dates import (
    EventDate,
    TimeExpr,
    find_time_expressions,
    guess_status,
    is_year_only,
    parse_attribution_date,
    relation_to_anchor,
    resolve,
    resolve_event_date,
)
from crisisnotes.relation import relation_marker
from crisisnotes.tense import scope_ids

D = dt.date
WED = D(2022, 1, 26)  # a Wednesday
OCC, PLN = "occurred", "planned"


def at(sentence: str, cue: str, nth: int = 0) -> int:
    """Offset of the ``nth`` occurrence of ``cue`` in ``sentence`` (sentences here are NFKC)."""
    i = -1
    for _ in range(nth + 1):
        i = sentence.index(cue, i + 1)
    return i


def window(a: dt.date | None, b: dt.date | None) -> tuple[dt.date, dt.date] | None:
    return None if a is None else (a, b)  # type: ignore[return-value]


# --------------------------------------------------------------------------- event dates
# (sentence, post date, status, expected date, exact, expected window)
DATE_CASES = [
    # Japanese, explicit days
    ("外相は2022年2月10日にモスクワを訪問した。", WED, OCC, D(2022, 2, 10), True, None),
    ("両首脳は1月21日に会談した。", WED, OCC, D(2022, 1, 21), True, None),
    ("首相は24日、大統領と電話で会談した。", WED, OCC, D(2022, 1, 24), True, None),
    ("大使は28日に書簡を手渡した。", D(2022, 3, 1), OCC, D(2022, 2, 28), True, None),
    ("大使は27日に書簡を手渡した。", WED, OCC, D(2021, 12, 27), True, None),
    ("外相会談は28日に開かれる予定だ。", WED, PLN, D(2022, 1, 28), True, None),
    ("外相会談は20日に開かれる予定だ。", WED, PLN, D(2022, 2, 20), True, None),
    ("国防相は30日にキエフを訪問した。", D(2022, 3, 1), OCC, D(2022, 1, 30), True, None),
    ("英政府は今月17日に支援の開始を発表した。", WED, OCC, D(2022, 1, 17), True, None),
    ("先月28日に両国の外相が会談した。", WED, OCC, D(2021, 12, 28), True, None),
    ("来月3日に首脳会談を開く方向で調整している。", WED, PLN, D(2022, 2, 3), True, None),
    ("大使は26日夕方に外務省に到着した。", WED, OCC, D(2022, 1, 26), True, None),
    ("大使は26日夕に外務省を訪れた。", WED, OCC, D(2022, 1, 26), True, None),
    ("大臣は２５日午前、記者会見した。", WED, OCC, D(2022, 1, 25), True, None),
    ("合同演習は2月9、10日に行われた。", D(2022, 2, 24), OCC, D(2022, 2, 9), True, None),
    ("外相は12月29日に電話会談を行った。", D(2022, 1, 5), OCC, D(2021, 12, 29), True, None),
    ("首脳会談は1月4日に行われる予定だ。", D(2021, 12, 28), PLN, D(2022, 1, 4), True, None),
    ("首相は26日(水)に声明を出した。", WED, OCC, D(2022, 1, 26), True, None),
    # Japanese, weekdays and relative days
    ("首相は金曜日に大統領と会談した。", WED, OCC, D(2022, 1, 21), True, None),
    ("来週月曜日に協議が行われる。", WED, PLN, D(2022, 1, 31), True, None),
    ("先週金曜日に電話会談が行われた。", WED, OCC, D(2022, 1, 21), True, None),
    ("外相は昨日、大使を呼び出した。", WED, OCC, D(2022, 1, 25), True, None),
    ("首相はきのう大統領と会談した。", WED, OCC, D(2022, 1, 25), True, None),
    ("外相はきょう、声明を発表した。", WED, OCC, D(2022, 1, 26), True, None),
    ("今日、首脳会談が開かれた。", WED, OCC, D(2022, 1, 26), True, None),
    ("本日、両国の外相が電話会談を行いました。", WED, OCC, D(2022, 1, 26), True, None),
    ("外相は明日、北京を訪れる予定だ。", WED, PLN, D(2022, 1, 27), True, None),
    ("あす、首脳が電話で会談する見通しだ。", WED, PLN, D(2022, 1, 27), True, None),
    ("前日に大使が書簡を渡した。", WED, OCC, D(2022, 1, 25), True, None),
    ("3日後に再び会談する。", WED, PLN, D(2022, 1, 29), True, None),
    # Japanese, windows
    ("先週の会談で外相は懸念を伝えた。", WED, OCC, D(2022, 1, 17), False, (D(2022, 1, 17), D(2022, 1, 23))),
    ("来週、外相会談が開かれる見通しだ。", WED, PLN, D(2022, 1, 31), False, (D(2022, 1, 31), D(2022, 2, 6))),
    ("今週、両国の高官が協議した。", WED, OCC, D(2022, 1, 24), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("今週中に首脳が電話会談を行う。", WED, PLN, D(2022, 1, 26), False, (D(2022, 1, 26), D(2022, 1, 30))),
    ("来月、首相が訪米する予定だ。", WED, PLN, D(2022, 2, 1), False, (D(2022, 2, 1), D(2022, 2, 28))),
    ("来月上旬にも外相が訪問する方向だ。", WED, PLN, D(2022, 2, 1), False, (D(2022, 2, 1), D(2022, 2, 10))),
    ("来月中旬に協議を開く予定だ。", WED, PLN, D(2022, 2, 11), False, (D(2022, 2, 11), D(2022, 2, 20))),
    ("来月下旬に首脳会談を行う方針だ。", D(2022, 3, 15), PLN, D(2022, 4, 21), False, (D(2022, 4, 21), D(2022, 4, 30))),
    ("今月下旬に外相が来日する予定だ。", D(2022, 2, 3), PLN, D(2022, 2, 21), False, (D(2022, 2, 21), D(2022, 2, 28))),
    ("週明けにも電話会談を行う方向で調整している。", D(2022, 1, 28), PLN, D(2022, 1, 31), False, (D(2022, 1, 31), D(2022, 2, 1))),
    ("2週間後に再び協議を行うとしている。", WED, PLN, D(2022, 2, 9), False, (D(2022, 2, 6), D(2022, 2, 12))),
    ("3週間後に次の会合を開く。", D(2022, 2, 24), PLN, D(2022, 3, 17), False, (D(2022, 3, 14), D(2022, 3, 20))),
    ("数日以内に書面で回答する見通しだ。", WED, PLN, D(2022, 1, 26), False, (D(2022, 1, 26), D(2022, 1, 31))),
    ("数時間以内に電話会談が行われる見込みだ。", WED, PLN, D(2022, 1, 26), False, (D(2022, 1, 26), D(2022, 1, 27))),
    # Japanese, vague future
    ("近く外相会談が行われる見通しだ。", WED, PLN, None, False, None),
    ("近日中に書面で回答する予定だ。", WED, PLN, None, False, None),
    ("外相は近日、北京を訪問する。", WED, PLN, None, False, None),
    ("今後、協議を続けていく考えだ。", WED, PLN, None, False, None),
    # Japanese, no time expression: rule 4 (occurred) / rule 5 (planned)
    ("外相は書面で回答したと表明した。", WED, OCC, D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("ロシアは2014年にクリミアを併合した。", WED, OCC, D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("国境近くで演習を行った。", WED, OCC, D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("10日間にわたる演習を終えた。", WED, OCC, D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("両国は首脳会談を開くことで合意した。", WED, PLN, None, False, None),
    ("3月に訪問する予定だ。", WED, PLN, None, False, None),
    # English, explicit days
    ("The ministers met in Geneva on January 21.", WED, OCC, D(2022, 1, 21), True, None),
    ("Blinken handed over the reply on Jan. 26.", WED, OCC, D(2022, 1, 26), True, None),
    ("Talks are scheduled for 10 February.", WED, PLN, D(2022, 2, 10), True, None),
    ("Putin and Macron will talk by phone on Jan 28.", WED, PLN, D(2022, 1, 28), True, None),
    ("The summit took place on February 24, 2022.", D(2022, 3, 1), OCC, D(2022, 2, 24), True, None),
    ("The two leaders spoke on the 24th.", WED, OCC, D(2022, 1, 24), True, None),
    ("Leaders met on Dec. 30 in Moscow.", D(2022, 1, 5), OCC, D(2021, 12, 30), True, None),
    # English, weekdays
    ("Biden spoke with Putin on Friday.", WED, OCC, D(2022, 1, 21), True, None),
    ("Biden will speak with Putin on Friday.", WED, PLN, D(2022, 1, 28), True, None),
    ("The foreign ministers met on Monday (24) in Brussels.", WED, OCC, D(2022, 1, 24), True, None),
    ("Blinken arrives in Kyiv Wednesday.", WED, PLN, D(2022, 1, 26), True, None),
    ("Scholz travelled to Washington last Monday.", WED, OCC, D(2022, 1, 24), True, None),
    ("The envoys will meet next Tuesday.", WED, PLN, D(2022, 2, 1), True, None),
    # English, relative days
    ("Lavrov met his counterpart yesterday.", WED, OCC, D(2022, 1, 25), True, None),
    ("Macron called Putin last night.", WED, OCC, D(2022, 1, 25), True, None),
    ("Biden is speaking with Zelensky today.", WED, OCC, D(2022, 1, 26), True, None),
    ("Truss will meet Lavrov tonight.", WED, PLN, D(2022, 1, 26), True, None),
    ("Earlier today, the minister phoned his counterpart.", WED, OCC, D(2022, 1, 26), True, None),
    ("The ambassador was summoned this morning.", WED, OCC, D(2022, 1, 26), True, None),
    ("Blinken will fly to Berlin tomorrow.", WED, PLN, D(2022, 1, 27), True, None),
    # English, windows
    ("Blinken and Lavrov met in Geneva last week.", WED, OCC, D(2022, 1, 17), False, (D(2022, 1, 17), D(2022, 1, 23))),
    ("NATO and Russia will hold talks next week.", WED, PLN, D(2022, 1, 31), False, (D(2022, 1, 31), D(2022, 2, 6))),
    ("Officials met this week in Paris.", WED, OCC, D(2022, 1, 24), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("A summit is planned for next month.", WED, PLN, D(2022, 2, 1), False, (D(2022, 2, 1), D(2022, 2, 28))),
    ("The envoys will meet again in two weeks.", WED, PLN, D(2022, 2, 9), False, (D(2022, 2, 6), D(2022, 2, 12))),
    ("A follow-up round is expected in 3 weeks.", WED, PLN, D(2022, 2, 16), False, (D(2022, 2, 13), D(2022, 2, 19))),
    ("The chancellor is set to visit Moscow early next month.", WED, PLN, D(2022, 2, 1), False, (D(2022, 2, 1), D(2022, 2, 10))),
    ("Washington will respond in writing in the coming days.", WED, PLN, None, False, None),  # as vague as "soon" (gold of two dumps)
    ("Washington will respond in writing within days.", WED, PLN, D(2022, 1, 26), False, (D(2022, 1, 26), D(2022, 1, 31))),
    ("A call between the leaders is expected within hours.", WED, PLN, D(2022, 1, 26), False, (D(2022, 1, 26), D(2022, 1, 27))),
    ("The envoys are due to meet later this week.", WED, PLN, D(2022, 1, 26), False, (D(2022, 1, 26), D(2022, 1, 30))),
    ("They spoke earlier this month.", WED, OCC, D(2022, 1, 1), False, (D(2022, 1, 1), D(2022, 1, 26))),
    # English, vague future and no time expression
    ("Biden will speak with Putin soon.", WED, PLN, None, False, None),
    ("The leaders hope to meet in the near future.", WED, PLN, None, False, None),
    ("Russia annexed Crimea in 2014.", WED, OCC, D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("The White House said the two presidents would talk.", WED, PLN, None, False, None),
    ("Stoltenberg said NATO had sent its written answer.", WED, OCC, D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "post", "status", "date", "exact", "win"), DATE_CASES)
def test_resolve_event_date(sentence, post, status, date, exact, win):
    got = resolve_event_date(sentence, post, status=status)
    assert (got.date, got.exact, window(got.window_start, got.window_end)) == (date, exact, win)


def test_enough_cases():
    assert len(DATE_CASES) + len(ANCHOR_CASES) >= 70
    assert len(STATUS_CASES) >= 30
    langs = {s.isascii() for s, *_ in DATE_CASES}
    assert langs == {True, False}


# --------------------------------------------------------------------------- anchors, relations
A26 = EventDate(D(2022, 1, 26), True, source="26日")
# (sentence, post, status, cue, anchor, relation, expected date, exact, window)
ANCHOR_CASES = [
    ("首脳会談の前日、外相が協議した。", WED, OCC, "協議", EventDate(D(2022, 2, 1), True), None, D(2022, 1, 31), True, None),
    ("翌日、両外相は再び会談した。", WED, OCC, "会談", EventDate(D(2022, 1, 20), True), None, D(2022, 1, 21), True, None),
    ("首脳会談の翌週に実務者協議を行う。", WED, PLN, "協議", EventDate(D(2022, 2, 2), True), None, D(2022, 2, 7), False, (D(2022, 2, 7), D(2022, 2, 13))),
    ("2週間後に再び協議を行う。", WED, PLN, "協議", EventDate(D(2022, 2, 10), True), None, D(2022, 2, 24), False, (D(2022, 2, 21), D(2022, 2, 27))),
    ("The two ministers met again the following day.", WED, OCC, "met", EventDate(D(2022, 1, 20), True), None, D(2022, 1, 21), True, None),
    # rule 1: same occasion inherits the anchor as it is
    ("ただ、どう反応するかはロシア次第と警告。", WED, OCC, "警告", A26, "same", D(2022, 1, 26), True, None),
    ("In the same interview, Truss warned Moscow.", WED, OCC, "warned", EventDate(D(2022, 1, 17), False, D(2022, 1, 17), D(2022, 1, 23)), "same", D(2022, 1, 17), False, (D(2022, 1, 17), D(2022, 1, 23))),
    # rule 2: antecedent
    ("米国は回答するに当たり、同盟国と見解を調整したと表明。", WED, OCC, "調整", A26, "antecedent", D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("Blinken had consulted European allies.", WED, OCC, "consulted", A26, "antecedent", D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("英政府は今月17日に国防相が兵器の供与を始めたことを明らかにした。", WED, OCC, "供与", None, "antecedent", D(2022, 1, 17), False, (D(2022, 1, 15), D(2022, 1, 17))),
    # rule 3: consequent of an exact anchor
    ("会談後、首相は記者団に説明した。", WED, OCC, "説明", A26, "consequent", D(2022, 1, 26), False, (D(2022, 1, 26), D(2022, 1, 28))),
    ("Macron then flew on to Berlin.", D(2022, 2, 8), OCC, "flew", EventDate(D(2022, 2, 7), True), "consequent", D(2022, 2, 7), False, (D(2022, 2, 7), D(2022, 2, 9))),
    ("26日の会談後、外相は記者団に説明した。", WED, OCC, "説明", None, "consequent", D(2022, 1, 26), False, (D(2022, 1, 26), D(2022, 1, 28))),
    ("After the call on Monday, Biden briefed allies.", WED, OCC, "briefed", None, "consequent", D(2022, 1, 24), False, (D(2022, 1, 24), D(2022, 1, 26))),
    # an expression on the cue's own side of the marker dates the event itself
    ("会談後、27日に共同声明を発表した。", D(2022, 1, 28), OCC, "共同声明", A26, "consequent", D(2022, 1, 27), True, None),
    ("After meeting Scholz on Monday, Macron flew to Moscow.", WED, OCC, "meeting", None, "antecedent", D(2022, 1, 24), True, None),
    # a planned event inside a reported clause: the date belongs to the report, not the event
    ("ゼレンスキー大統領は27日夜、国境で協議を行うことに同意したと明らかにしました。", D(2022, 2, 28), PLN, "協議", None, None, None, False, None),
    ("首相は25日夜、大統領と電話会談を行う方向で調整しています。", D(2022, 2, 25), PLN, "電話会談", None, None, D(2022, 2, 25), True, None),
    ("Zelensky said on Sunday that the delegations would meet.", D(2022, 2, 28), PLN, "meet", None, None, None, False, None),
    ("Zelensky said the delegations would meet on Monday.", D(2022, 2, 27), PLN, "meet", None, None, D(2022, 2, 28), True, None),
    # rule 5: planned after an undated or approximately dated occasion
    ("北京訪問の後に首脳会談を行う。", WED, PLN, "首脳会談", EventDate(D(2022, 2, 1), False, D(2022, 2, 1), D(2022, 2, 28)), "consequent", None, False, None),
    ("回答が届いた後、協議する考えだ。", WED, PLN, "協議", None, "consequent", None, False, None),
    # no anchor known: rule 4 even when "same" is claimed; "news" keeps an expression
    ("外相も書面で回答したと述べた。", WED, OCC, "回答", None, "same", D(2022, 1, 26), False, (D(2022, 1, 24), D(2022, 1, 26))),
    ("外相は25日、書面で回答した。", WED, OCC, "回答", None, "news", D(2022, 1, 25), True, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "post", "status", "cue", "anchor", "relation", "date", "exact", "win"), ANCHOR_CASES
)
def test_resolve_with_anchor(sentence, post, status, cue, anchor, relation, date, exact, win):
    got = resolve_event_date(
        sentence, post, status=status, cue_start=at(sentence, cue), anchor=anchor, relation=relation
    )
    assert (got.date, got.exact, window(got.window_start, got.window_end)) == (date, exact, win)
    assert got.source


def test_rule_sources():
    s = "外相は書面で回答したと表明した。"
    assert resolve_event_date(s, WED, status=OCC).source == "rule:news"
    assert resolve_event_date(s, WED, status=PLN).source == "rule:undated"
    assert resolve_event_date(s, WED, status=OCC, anchor=A26, relation="same").source == "rule:same"
    got = resolve_event_date(s, WED, status=OCC, anchor=A26, relation="antecedent")
    assert got.source == "rule:antecedent"


def test_no_post_date():
    assert resolve_event_date("26日に会談した。", None, status=OCC).date is None
    got = resolve_event_date("2022年1月26日に会談した。", None, status=OCC)
    assert (got.date, got.exact) == (D(2022, 1, 26), True)
    assert resolve_event_date("外相が会談した。", None, status=OCC).date is None


def test_quote_scopes_pick_the_cues_own_expression():
    s = "長官は26日「近くラブロフ外相と協議することになるだろう」と述べ、ロシアをけん制しました。"
    talks = resolve_event_date(s, WED, status=PLN, cue_start=at(s, "協議"))
    warn = resolve_event_date(s, WED, status=OCC, cue_start=at(s, "けん制"))
    assert (talks.date, talks.source) == (None, "近く")
    assert (warn.date, warn.exact) == (D(2022, 1, 26), True)


def test_nearest_before_the_cue_in_japanese_and_nearest_in_english():
    s = "外相は24日に会談し、26日に書面を送った。"
    assert resolve_event_date(s, WED, status=OCC, cue_start=at(s, "書面")).date == D(2022, 1, 26)
    assert resolve_event_date(s, WED, status=OCC, cue_start=at(s, "会談")).date == D(2022, 1, 24)
    e = "On Monday, Biden said he would meet Putin next week."
    got = resolve_event_date(e, WED, status=PLN, cue_start=at(e, "meet"))
    assert got.window_start == D(2022, 1, 31)
    assert resolve_event_date(e, WED, status=OCC, cue_start=at(e, "said")).date == D(2022, 1, 24)


# --------------------------------------------------------------------------- finding expressions
FIND_CASES = [
    ("2022年1月26日、外相が会談した", [("2022年1月26日", "explicit")]),
    ("映像は1月9、10日撮影。", [("1月9、10日", "explicit")]),
    ("今月17日と先月28日", [("今月17日", "explicit"), ("先月28日", "explicit")]),
    ("来月3日の会談", [("来月3日", "explicit")]),
    ("２６日午前", [("26日午前", "explicit")]),
    ("on Jan 26 and on 27 January", [("Jan 26", "explicit"), ("27 January", "explicit")]),
    ("on Friday, then Monday (7)", [("Friday", "weekday"), ("Monday (7)", "weekday")]),
    ("昨日と前日と翌日", [("昨日", "relative"), ("前日", "relative"), ("翌日", "relative")]),
    ("earlier today and last night", [("earlier today", "relative"), ("last night", "relative")]),
    ("来月上旬か今月下旬", [("来月上旬", "window"), ("今月下旬", "window")]),
    ("週明けか翌週", [("週明け", "window"), ("翌週", "window")]),
    ("in 2 weeks or early next month", [("in 2 weeks", "window"), ("early next month", "window")]),
    ("近く、近日中に、soon", [("近く", "vague"), ("近日中", "vague"), ("soon", "vague")]),
    ("ロシアは2014年に併合", []),
    ("in 2014 and in March", []),
    ("国境近くに1000人近く", []),
    ("3日間の日程で5日目", []),
    ("Biden may 10 times", []),
    ("Mondays are busy", []),
    ("今後の対応", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES)
def test_find_time_expressions(sentence, expected):
    got = find_time_expressions(sentence)
    assert [(e.surface, e.kind) for e in got] == expected


def test_offsets_index_the_nfkc_text():
    s = "外相は２６日、ＮＡＴＯと協議した"
    (e,) = find_time_expressions(s)
    assert (e.start, e.end, e.surface) == (3, 6, "26日")
    assert isinstance(e, TimeExpr)


def test_year_only_is_background():
    assert is_year_only("ロシアは2014年、クリミアを一方的に併合した。")
    assert is_year_only("The ceasefire of 2015 never held.")
    assert is_year_only("Russia annexed Crimea in 2014.")
    assert not is_year_only("2022年1月26日に会談した。")
    assert not is_year_only("外相が会談した。")


def test_resolve_directly():
    (e,) = find_time_expressions("翌日")
    assert resolve(e, WED, status=OCC).date == D(2022, 1, 27)  # no anchor: the post date
    assert resolve(e, WED, status=OCC, anchor=D(2022, 2, 1)).date == D(2022, 2, 2)
    (e,) = find_time_expressions("31日")
    assert resolve(e, D(2022, 3, 1), status=OCC).date == D(2022, 1, 31)  # February has no 31st
    assert resolve(e, D(2022, 4, 2), status=PLN).date == D(2022, 5, 31)


def test_attribution_dates_still_parse():
    assert parse_attribution_date("January 26, 2022") == D(2022, 1, 26)
    assert parse_attribution_date("２０２２年１月２７日") == D(2022, 1, 27)


# --------------------------------------------------------------------------- held vs planned
# (sentence, cue, nth occurrence of the cue, expected status)
STATUS_CASES = [
    ("外相は26日、大統領と電話で会談しました。", "会談", 0, OCC),
    ("首脳会談は28日に開かれる予定だ。", "首脳会談", 0, PLN),
    ("両国は外相会談を開く方向で調整している。", "外相会談", 0, PLN),
    ("28日には電話会談も調整されていて、各国の動きが活発だ。", "電話会談", 0, PLN),
    ("首相は来週、訪米する方針だ。", "訪米", 0, PLN),
    ("大統領は首脳会談に応じる考えを示した。", "首脳会談", 0, PLN),
    ("外相は早期に訪問したい考えだ。", "訪問", 0, PLN),
    ("日米首脳が電話会談へ", "電話会談", 0, PLN),
    ("近く協議が行われるとの見通しを示した。", "協議", 0, PLN),
    ("両外相は来月会談することで合意した。", "会談", 0, PLN),
    ("次回の協議を2週間後に行うことで一致した。", "協議", 0, PLN),
    ("「ラブロフ外相と協議することになるだろう」と述べた。", "協議", 0, PLN),
    ("一致し2週間後にドイツで再び協議を行うとしています。", "協議", 0, PLN),
    ("首脳会談を行う見込みだ。", "首脳会談", 0, PLN),
    ("首相、来月にも訪米", "訪米", 0, PLN),
    ("米政府の回答を文書で提出した。", "提出", 0, OCC),
    ("4か国の協議がパリで行われました。", "協議", 0, OCC),
    ("先週の会談で書面で回答すると伝えていました。", "会談", 0, OCC),
    ("同盟国と見解を調整したと表明。", "調整", 0, OCC),
    ("外相はロシアを訪れ、大統領と会談した。", "訪れ", 0, OCC),
    ("会談した後、共同会見を開く予定だ。", "会談", 0, PLN),
    ("米中外相が電話会談", "電話会談", 0, OCC),
    ("首相は首脳会談に臨む。", "首脳会談", 0, PLN),
    ("両首脳の会談が行われている。", "会談", 0, OCC),
    ("国防相は支援を始めたことを明らかにした。", "支援", 0, OCC),
    ("昨日の電話会談で大統領は懸念を伝えた。", "電話会談", 0, OCC),
    ("首相は7日に首都を訪れ、大統領と初めて会談します。", "会談", 0, PLN),  # the polite non-past is a plan
    ("外相は来週、現地で首脳会議に出席します。", "出席", 0, PLN),
    ("大統領は電話で会談しています。", "会談", 0, OCC),  # 〜ています is no plan
    ("両国は協議を行いました。", "協議", 0, OCC),
    ("Biden spoke with Putin on Friday.", "spoke", 0, OCC),
    ("Biden will speak with Putin on Friday.", "speak", 0, PLN),
    ("Biden to speak with Putin as tensions rise", "speak", 0, PLN),
    ("Blinken met Lavrov in Geneva.", "met", 0, OCC),
    ("The two sides held talks in Paris.", "talks", 0, OCC),
    ("The two sides agreed to hold talks in Berlin.", "talks", 0, PLN),
    ("Scholz is expected to visit Moscow.", "visit", 0, PLN),
    ("Macron is set to travel to Kyiv.", "travel", 0, PLN),
    ("The leaders are scheduled to meet next week.", "meet", 0, PLN),
    ("The talks will take place in Geneva.", "talks", 0, PLN),
    ("Putin has spoken with Macron twice.", "spoken", 0, OCC),
    ("Blinken had consulted European allies.", "consulted", 0, OCC),
    ("The upcoming summit in Brussels", "summit", 0, PLN),
    ("NATO delivered its written answer to Moscow.", "delivered", 0, OCC),
    ("Truss warned Russia of severe sanctions.", "warned", 0, OCC),
    ("Biden said he would meet Putin.", "meet", 0, PLN),
    ("Officials say Biden plans to call Xi.", "call", 0, PLN),
    ("The ministers' meeting last week ended without agreement.", "meeting", 0, OCC),
    ("Next week's talks in Brussels", "talks", 0, PLN),
    ("Russia and Ukraine to hold talks on Belarus border", "talks", 0, PLN),
    ("Putin spoke to Macron by phone.", "spoke", 0, OCC),
    ("Biden and Scholz met, and they will meet again in June.", "meet", 0, PLN),
    ("Biden and Scholz met, and they will meet again in June.", "met", 0, OCC),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "cue", "nth", "status"), STATUS_CASES)
def test_guess_status(sentence, cue, nth, status):
    start = at(sentence, cue, nth)
    assert guess_status(sentence, start + len(cue)) == status


def test_guess_status_without_cue_and_with_lang():
    assert guess_status("近く協議が行われる見通し。") == PLN
    assert guess_status("外相が会談した。") == OCC
    assert guess_status("Biden will call Putin") == PLN
    assert guess_status("Biden called Putin", lang="en") == OCC
    assert guess_status("") == OCC


# --------------------------------------------------------------------------- relation to an anchor
RELATION_CASES = [
    ("会談後、外相は記者団に対し説明した。", "説明", "consequent"),
    ("回答するに当たり、同盟国と調整した。", "調整", "antecedent"),
    ("訪問を前に、首相は大統領と電話で会談した。", "会談", "antecedent"),
    ("首脳会談に先立ち、外相が協議した。", "協議", "antecedent"),
    ("書面を検討したあと、外相と協議する。", "協議", "consequent"),
    ("その後、大統領はベルリンに向かった。", "向か", "consequent"),
    ("外相は記者会見で、制裁を警告した。", "警告", "same"),
    ("述べたうえで、ロシアをけん制しました。", "けん制", "same"),
    ("Afterwards, Macron flew on to Berlin.", "flew", "consequent"),
    ("Macron met Scholz, then flew on to Berlin.", "flew", "consequent"),
    ("After meeting Scholz, Macron flew to Moscow.", "meeting", "antecedent"),
    ("After meeting Scholz, Macron flew to Moscow.", "flew", "consequent"),
    ("Macron flew to Moscow after meeting Scholz.", "flew", "consequent"),
    ("Blinken had consulted allies before answering.", "consulted", "antecedent"),
    ("Biden will brief allies on the call.", "brief", "consequent"),
    ("In the same interview, Truss warned Moscow.", "warned", "same"),
    ("Ahead of the summit, Biden called Scholz.", "called", "antecedent"),
    ("Biden spoke with Putin on Friday.", "spoke", None),
    ("緊張が続いていることを受けて、外相は電話で会談した。", "会談", None),
    ("Since then, the two sides have met twice.", "met", None),
    ("外相は26日、大統領と会談した。", "会談", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "cue", "relation"), RELATION_CASES)
def test_relation_to_anchor(sentence, cue, relation):
    assert relation_to_anchor(sentence, at(sentence, cue)) == relation


def test_relation_marker_sides():
    rel, p, q = relation_marker("26日の会談後、外相は記者団に説明した。", 16)  # type: ignore[misc]
    assert rel == "consequent" and p[0] <= 0 < p[1] and q[0] <= 16 < q[1]
    assert relation_to_anchor("会談後、外相は記者団に説明した。") == "consequent"  # no cue: main clause


def test_scope_ids_quotes_and_clauses():
    ids = scope_ids("A「B」C。D")
    assert ids[0] == ids[4] < 0 < ids[1] == ids[2] == ids[3]
    assert ids[6] < ids[0]


# --------------------------------------------------------------------------- the seed's gold events
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
SEED_POST_DATES = [D(2022, 1, 26)] * 6 + [D(2022, 1, 27)] * 2 + [D(2022, 1, 26)]  # by post_index,
# from the attribution lines of 000_eb35837e95dd632a.txt
# per gold event (in file order): the cue word, its occurrence, and the anchor/relation the
# event needs when its sentence carries no date of its own (GUIDELINES §4 rules 1-3)
SEED_CUES = [
    ("提出", 0, None, None), ("協議", 0, None, None), ("調整", 0, A26, "antecedent"),
    ("警告", 0, A26, "same"), ("回答", 0, None, None), ("呼び掛け", 0, None, None),
    ("会談", 0, None, None), ("回答", 0, None, None), ("協議", 0, None, None),
    ("けん制", 0, A26, "same"), ("回答", 0, None, None), ("協議", 0, None, None),
    ("協議", 1, None, None), ("電話会談", 0, None, None), ("述べ", 0, None, None),
    ("供与", 0, None, "antecedent"), ("会談", 0, None, None), ("出席", 0, None, None),
]  # fmt: skip


def _seed_events() -> list[dict]:
    path = SEED / "gold_seed.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["events"]


@pytest.mark.seed
@pytest.mark.skipif(not (SEED / "gold_seed.json").exists(), reason="needs ../shared/seed")
@pytest.mark.parametrize("i", range(18))
def test_seed_gold_event(i):
    events = _seed_events()
    assert len(events) == len(SEED_CUES)
    ev = events[i]
    cue, nth, anchor, relation = SEED_CUES[i]
    s, post = ev["evidence"], SEED_POST_DATES[ev["post_index"]]
    start = at(s, cue, nth)
    assert guess_status(s, start + len(cue)) == ev["status"]
    got = resolve_event_date(
        s, post, status=ev["status"], cue_start=start, anchor=anchor, relation=relation
    )
    gold_date = D.fromisoformat(ev["date"]) if ev["date"] else None
    gold_win = tuple(D.fromisoformat(x) for x in ev["window"]) if "window" in ev else None
    assert (got.date, got.exact) == (gold_date, ev["date_is_exact"])
    assert window(got.window_start, got.window_end) == gold_win


@pytest.mark.seed
@pytest.mark.skipif(not (SEED / "gold_seed.json").exists(), reason="needs ../shared/seed")
def test_seed_relations_found_in_text():
    """Relations the text itself marks (回答するに当たり → antecedent; たうえで → same)."""
    events = _seed_events()
    s = events[2]["evidence"]
    assert relation_to_anchor(s, at(s, "調整")) == "antecedent"
    s = events[9]["evidence"]
    assert relation_to_anchor(s, at(s, "けん制")) == "same"
    s = events[15]["evidence"]  # the text does not mark it: the caller passes "antecedent"
    assert relation_to_anchor(s, at(s, "供与")) is None


def test_a_future_window_before_a_comma_dates_the_plan_not_the_past_report():
    """…考えを来週、書面で伝える考えを示した: 来週 is when the reply is to be sent, not when it was said
    (a day before a comma in a past sentence, 27日、…と述べた, still dates the report)."""
    s = "長官は会見で、相手国の提案に対する考えを来週、書面で伝える考えを示しました。"
    got = resolve_event_date(s, dt.date(2022, 1, 22), status="planned", cue_start=s.index("書面"))
    assert (got.date, got.window_start, got.window_end) == (dt.date(2022, 1, 24), dt.date(2022, 1, 24), dt.date(2022, 1, 30))
    s = "外相は20日、来月の協議に応じる考えを示しました。"
    got = resolve_event_date(s, dt.date(2022, 1, 22), status="planned", cue_start=s.index("協議"))
    assert got.date == dt.date(2022, 2, 1) and not got.exact
