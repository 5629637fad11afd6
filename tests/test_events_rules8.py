"""Event rules of the eighth session: implied parties, status and dates told around the cue.

Cases written for these tests in generic wording (no dump's sentences), in the copied-timeline
format, one post each (``_one_post_events`` of ``test_events``).
"""

from __future__ import annotations

import datetime as dt

from test_events import NHK, REUTERS, _one_post_events, _one_post_frame

D = dt.date


def test_a_bare_government_in_japanese_news_is_japans(tmp_path):
    """政府は…制裁を発表: Japan's government, as a bare 首相 is Japan's prime minister."""
    got = _one_post_events(tmp_path / "a", "政府は21日、ロシアの銀行を対象とする制裁を発表した。", NHK.format("2022年3月22日"))
    assert got == {(("JPN", "RUS"), "sanctions", "occurred", D(2022, 3, 21))}
    # another government named first: a later bare 政府 is not taken for Japan's
    got = _one_post_events(tmp_path / "b", "英政府は新たな措置を検討している。政府は21日、ロシアの銀行を対象とする制裁を発表した。",
                           NHK.format("2022年3月22日"))  # fmt: skip
    assert not any("JPN" in e[0] for e in got)


def test_a_policy_confirmed_at_a_conference_leaves_it_held(tmp_path):
    """…会議に出席し、…対応する方針を確認した: the policy is what was agreed, the conference was held."""
    got = _one_post_events(
        tmp_path, "首相は20日夜に開かれたG7首脳のテレビ会議に出席し、連携して対応する方針を確認した。", NHK.format("2022年3月21日")
    )
    assert got == {(("G7", "JPN"), "phone_call", "occurred", D(2022, 3, 20))}


def test_a_schedule_told_item_by_item_dates_each_counterpart_by_its_own_day(tmp_path):
    """16日にXと、17日にはYとそれぞれ会談する: the first meeting on the 16th, the second on the 17th."""
    got = _one_post_events(
        tmp_path, "フランスの外相は16日にベルリンでドイツの外相と、17日にはローマでイタリアの外相とそれぞれ会談する。",
        NHK.format("2022年3月14日"),
    )
    assert got == {(("DEU", "FRA"), "meeting", "planned", D(2022, 3, 16)),
                   (("FRA", "ITA"), "meeting", "planned", D(2022, 3, 17))}  # fmt: skip


def test_the_day_before_a_named_occasion_counts_from_that_occasion(tmp_path):
    """…10日に…を採択した。…3日に…。採択の前日には…電話で会談: the 9th, not the day before the last date told."""
    got = _one_post_events(
        tmp_path,
        "国連の総会は10日、停戦を求める決議を採択した。\n同様の決議案は3日に否決されていた。\n"
        "採択の前日には、フランスの外相がドイツの外相と電話で会談した。",
        NHK.format("2022年3月11日"),
    )
    assert (("DEU", "FRA"), "phone_call", "occurred", D(2022, 3, 9)) in got


def test_the_same_moment_on_japans_clock_does_not_date_the_event_again(tmp_path):
    """…は10日(日本時間11日未明)、…と会談した: the 10th, the day where it happened."""
    got = _one_post_events(
        tmp_path, "フランスの大統領は10日(日本時間11日未明)、ドイツの首相と会談した。", NHK.format("2022年3月11日")
    )
    assert got == {(("DEU", "FRA"), "meeting", "occurred", D(2022, 3, 10))}


def test_a_state_named_as_a_portfolio_is_no_party(tmp_path):
    """日米韓の北朝鮮担当の高官が電話で協議: officials in charge of North Korea, who is not on the call."""
    got = _one_post_events(tmp_path, "日米韓の北朝鮮担当の高官は12日、電話で協議した。", NHK.format("2023年7月13日"))
    assert got == {(("JPN", "KOR", "USA"), "phone_call", "occurred", D(2023, 7, 12))}


def test_a_protest_lodged_with_a_state_is_a_statement(tmp_path):
    """政府は…北朝鮮に厳重に抗議した; "lodged a protest with": a demand addressed to that state (GUIDELINES §3)."""
    got = _one_post_events(tmp_path / "a", "日本政府は21日、外交ルートを通じて北朝鮮に厳重に抗議しました。", NHK.format("2023年11月22日"))
    assert got == {(("JPN", "PRK"), "statement", "occurred", D(2023, 11, 21))}
    got = _one_post_events(tmp_path / "b", "Japan lodged a strong protest with China on Thursday.", REUTERS.format("September 15, 2023"))
    assert got == {(("CHN", "JPN"), "statement", "occurred", D(2023, 9, 14))}


def test_a_bare_korean_surname_is_the_person_the_post_names_in_full(tmp_path):
    """North Korean leader Kim Jong Un … Kim met Putin: that Kim; a bare Kim with no one named in full is no one."""
    got = _one_post_events(
        tmp_path / "a",
        "North Korean leader Kim Jong Un left for Russia on Sunday.\nRussian Foreign Minister Sergei Lavrov praised the visit.\n"
        "Kim met Putin at a space centre on Wednesday.",
        REUTERS.format("September 15, 2023"),
    )
    assert (("PRK", "RUS"), "meeting", "occurred", D(2023, 9, 13)) in got
    got = _one_post_events(tmp_path / "b", "Kim met Putin at a space centre on Wednesday.", REUTERS.format("September 15, 2023"))
    assert got == set()


def test_a_headline_opening_with_the_summit_as_topic_takes_its_predicate(tmp_path):
    """日米首脳会談、18日に…で開催へ: planned, on the 18th; 米ロ外相がジュネーブで会談、…へ: held."""
    got = _one_post_events(tmp_path / "a", "", NHK.format("2023年7月29日"), headline="日米首脳会談、8月18日にワシントンで開催へ　政府発表")
    assert got == {(("JPN", "USA"), "meeting", "planned", D(2023, 8, 18))}
    got = _one_post_events(tmp_path / "b", "", NHK.format("2022年1月22日"), headline="米ロ外相がジュネーブで会談、来週に再協議へ")
    assert (("RUS", "USA"), "meeting", "occurred", None) in got


def test_to_meet_told_by_the_verb_au_is_a_meeting(tmp_path):
    """…とも会い、…を話し合った: 会う with a counterpart is a meeting, as 会談 is."""
    got = _one_post_events(
        tmp_path, "フランスの外相は13日、ベルリンでドイツの首相と会談したほか、イタリアの外相とも会い、支援策を話し合った。",
        NHK.format("2023年10月14日"),
    )
    assert got == {(("DEU", "FRA"), "meeting", "occurred", D(2023, 10, 13)),
                   (("FRA", "ITA"), "meeting", "occurred", D(2023, 10, 13))}  # fmt: skip


def test_telephone_conversations_with_several_leaders_are_one_call_each(tmp_path):
    """"held telephone conversations with A, B and C": three calls, not one conference call."""
    got = _one_post_events(
        tmp_path,
        "French President Emmanuel Macron held telephone conversations on Monday with German Chancellor Olaf Scholz, "
        "Italy's prime minister and Polish President Andrzej Duda, the Elysee said.",
        REUTERS.format("October 17, 2023"),
    )
    assert {e[0] for e in got if e[1] == "phone_call"} == {("DEU", "FRA"), ("FRA", "ITA"), ("FRA", "POL")}


def test_a_leader_who_spoke_with_a_foreign_leader_called_unless_they_met(tmp_path):
    """"X spoke with Israeli Prime Minister Y on Sunday": a call; "… in Tel Aviv": no medium told, talks."""
    got = _one_post_events(tmp_path / "a", "French President Emmanuel Macron spoke with German Chancellor Olaf Scholz on Sunday "
                           "about aid, the Elysee said.", REUTERS.format("October 23, 2023"))  # fmt: skip
    assert got == {(("DEU", "FRA"), "phone_call", "occurred", D(2023, 10, 22))}
    got = _one_post_events(tmp_path / "b", "Macron spoke with Chancellor Olaf Scholz in Berlin on Sunday.", REUTERS.format("October 23, 2023"))
    assert {e[1] for e in got} == {"talks"}


def test_due_somewhere_for_talks_is_planned(tmp_path):
    """"He is due in Rome later on Thursday for talks with X": talks still to come."""
    got = _one_post_events(
        tmp_path, "German Chancellor Olaf Scholz is due in Rome later on Thursday for talks with Italy's prime minister.",
        REUTERS.format("October 19, 2023"),
    )
    assert {(e[0], e[2]) for e in got} == {(("DEU", "ITA"), "planned")}


def test_a_visit_announced_with_its_meeting_is_planned_on_its_day(tmp_path):
    """外相は…、首相が18日に…を訪問し、大統領と会談すると発表: planned on the 18th (not held last month)."""
    ev = _one_post_frame(
        tmp_path, "ドイツの外相は16日、ショルツ首相が18日にフランスを訪問し、マクロン大統領と会談すると発表しました。\n"
        "ショルツ首相はその後、イタリアに移り、メローニ首相と会談する予定です。", NHK.format("2023年10月17日"),
    )  # fmt: skip
    days = ev["window_start"].fillna(ev["date"])
    got = {(tuple(p), m, s, d.date()) for p, m, s, d in zip(ev["parties"], ev["mode"], ev["status"], days, strict=True)}
    # the trip that states a meeting is the meeting; what follows it counts from the 18th
    assert got == {(("DEU", "FRA"), "meeting", "planned", D(2023, 10, 18)), (("DEU", "ITA"), "meeting", "planned", D(2023, 10, 18))}


def test_a_visit_announced_in_a_headline_is_planned(tmp_path):
    """大統領のフランス訪問を発表: the visit is still to come."""
    got = _one_post_events(tmp_path, "", NHK.format("2023年10月17日"), headline="ドイツ外相 ショルツ首相のフランス訪問を発表")
    assert {(e[0], e[1], e[2]) for e in got} == {(("DEU", "FRA"), "visit", "planned")}


def test_a_plan_after_what_followed_a_dated_meeting_counts_from_its_day(tmp_path):
    """3日に会談。会談のあと…面会。このあと…と会談する: planned in [3rd, 5th], not undated."""
    ev = _one_post_frame(
        tmp_path,
        "フランスの外相は3日、ベルリンでドイツの外相と会談しました。\n会談のあと、外相は地元の市長と面会しました。\n"
        "外相は、このあとローマを訪れてイタリアの外相と会談する予定です。",
        NHK.format("2023年11月3日"),
    )
    row = ev[ev["parties"].map(tuple) == ("FRA", "ITA")].iloc[0]
    assert (row["status"], row["window_start"].date(), row["window_end"].date()) == ("planned", D(2023, 11, 3), D(2023, 11, 5))


def test_the_day_a_gathering_closed_dates_what_it_said(tmp_path):
    """7日から開かれていた外相会合は8日、共同声明を発表。さらに…に求めています: the 8th, not the 7th."""
    got = _one_post_events(
        tmp_path,
        "東京で7日から開かれていたG7の外相会合は8日、共同声明を発表して閉幕しました。\nさらにイランに対して、地域を不安定にする行動を控えるよう求めています。",
        NHK.format("2023年11月8日"),
    )
    assert (("G7", "IRN"), "statement", "occurred", D(2023, 11, 8)) in got


def test_a_post_the_rules_cannot_read_costs_only_its_own_events(tmp_path, monkeypatch):
    """A fault of the rules on one post is a warning naming that post; the other posts keep their events."""
    import warnings

    import crisisnotes
    import crisisnotes.events as ev

    dump = tmp_path / "two.txt"
    dump.write_text(
        "見出し一 https://t.co/Sg00000001\n" + NHK.format("2022年3月22日") + "\nフランスの大統領は21日、ドイツの首相と会談した。\n\n"
        "見出し二 https://t.co/Sg00000002\n" + NHK.format("2022年3月22日") + "\nイタリアの首相は21日、スペインの首相と会談した。\n",
        encoding="utf-8",
    )  # fmt: skip
    corpus = crisisnotes.load(dump, cache_dir=tmp_path / "c")
    bad = corpus.posts["post_id"].iloc[0]
    real = ev._post_events

    def fails_on_first(group, *args):
        if group[0].post_id == bad:
            raise IndexError("list index out of range")
        return real(group, *args)

    monkeypatch.setattr(ev, "_post_events", fails_on_first)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = crisisnotes.diplomatic_events(corpus)
    assert [tuple(p) for p in got["parties"]] == [("ESP", "ITA")]
    assert any(issubclass(w.category, ev.EventExtractionWarning) and str(bad) in str(w.message) for w in caught)


def test_the_summit_being_held_where_they_meet_is_no_party(tmp_path):
    """…G7サミットが開かれている広島で会談; "who are in Vilnius for a NATO summit, held talks": the setting."""
    got = _one_post_events(tmp_path / "a", "フランスの大統領とドイツの首相は21日、G7サミットが開かれている広島市内で会談した。",
                           NHK.format("2023年5月21日"))  # fmt: skip
    assert got == {(("DEU", "FRA"), "meeting", "occurred", D(2023, 5, 21))}
    got = _one_post_events(tmp_path / "b", "French President Emmanuel Macron and German Chancellor Olaf Scholz, who are both in "
                           "Vilnius for a NATO summit, held talks on Wednesday.", REUTERS.format("July 12, 2023"))  # fmt: skip
    assert {(e[0], e[1]) for e in got} == {(("DEU", "FRA"), "meeting")}


def test_the_topic_of_an_earlier_clause_is_not_one_of_the_two_leaders(tmp_path):
    """北朝鮮は…発射しており、両首脳は会談で…: the two leaders just told, not the one who fired."""
    got = _one_post_events(
        tmp_path,
        "フランスの大統領は16日、ドイツの首相と会談した。\n北朝鮮はこの日の朝、ミサイルを発射しており、両首脳は会談で連携を確認した。",
        NHK.format("2023年3月16日"),
    )
    assert all("PRK" not in e[0] for e in got)


def test_a_day_told_for_a_plan_with_no_interaction_is_a_future_day(tmp_path):
    """20日の投稿: …21日、…に出席する。…の首脳会談も同日に予定: the 21st of this month, not of last month."""
    got = _one_post_events(
        tmp_path, "ウクライナの大統領は21日、各国首脳の討議に出席する。\nドイツの首相との首脳会談も同日に予定されている。",
        NHK.format("2023年5月20日"),
    )
    assert got == {(("DEU", "UKR"), "meeting", "planned", D(2023, 5, 21))}


def test_a_trip_to_several_states_to_meet_each_ones_leaders_is_a_meeting_in_each(tmp_path):
    """A、B、C、Dを訪れ、各国の指導者らと会談すると発表: one planned meeting with each host, not one of five parties."""
    got = _one_post_events(
        tmp_path, "米国の国務長官は31日、シンガポール、マレーシア、韓国、日本を訪れ、各国の指導者らと会談すると発表した。",
        NHK.format("2022年8月1日"),
    )
    assert {(e[0], e[1], e[2]) for e in got} == {
        (("SGP", "USA"), "meeting", "planned"), (("MYS", "USA"), "meeting", "planned"),
        (("KOR", "USA"), "meeting", "planned"), (("JPN", "USA"), "meeting", "planned")}  # fmt: skip


def test_a_speech_used_to_urge_was_given(tmp_path):
    """"X used his speech to urge Y to halt …": the demand was made, not planned."""
    got = _one_post_events(tmp_path, "German Chancellor Olaf Scholz used his speech to urge Russia to halt its attacks.",
                           REUTERS.format("August 5, 2022"))  # fmt: skip
    assert {(e[0], e[1], e[2]) for e in got} == {(("DEU", "RUS"), "statement", "occurred")}


def test_a_leader_who_will_receive_others_will_meet_them(tmp_path):
    """"X will receive the Finnish president and the Swedish prime minister at the White House on Thursday": planned."""
    got = _one_post_events(tmp_path, "US President Joe Biden will receive Finnish President Sauli Niinisto at the White House "
                           "on Thursday.", REUTERS.format("May 18, 2022"))  # fmt: skip
    assert got == {(("FIN", "USA"), "meeting", "planned", D(2022, 5, 19))}


def test_what_was_told_in_a_telephone_call_far_from_the_verb_was_told(tmp_path):
    """"X told Russian President Vladimir Putin in a telephone call on Thursday that …": held, however long the names."""
    got = _one_post_events(
        tmp_path, "U.S. President Joe Biden told Russian President Vladimir Putin in a telephone call on Thursday that "
        "Washington would respond firmly, the White House said.", REUTERS.format("December 31, 2021"),
    )  # fmt: skip
    assert (("RUS", "USA"), "phone_call", "occurred", D(2021, 12, 30)) in got


def test_visiting_a_state_names_that_state_alone(tmp_path):
    """訪米中の…: 中 is "during" (visiting the US), not China; 訪中 and 米中 still name China."""
    from crisisnotes.actors import Lexicon
    from crisisnotes.matching import find_mentions

    lex = Lexicon.load()
    assert [m.actor_id for m in find_mentions("訪米中の首相は記者団に語った", lex)] == ["usa"]
    assert [m.actor_id for m in find_mentions("首相は近く訪中し、米中関係を話し合う", lex)] == ["chn", "usa", "chn"]
    # 歴訪中 and 来訪中 are "during a tour/visit"; a month or an adjective before 訪中 is not (来月訪中, 公式訪中)
    assert [m.actor_id for m in find_mentions("首相は来月訪中し、公式訪中を終えた", lex)] == ["chn", "chn"]
    assert [m.actor_id for m in find_mentions("首相は歴訪中のパリで、来訪中の閣僚と会った", lex)] == []


def test_a_purpose_clause_does_not_make_a_held_meeting_a_plan(tmp_path):
    """…と会談し、…脅威に対抗するため、…宣言を発表した: held on the 26th."""
    got = _one_post_events(
        tmp_path, "フランスの大統領は26日、ドイツの首相と会談し、脅威に対抗するため、防衛協力の強化をうたった宣言を発表した。",
        NHK.format("2023年4月27日"),
    )
    assert (("DEU", "FRA"), "meeting", "occurred", D(2023, 4, 26)) in got


def test_talks_named_as_a_theme_are_no_event(tmp_path):
    """和平交渉を支持, 協議を再開させることで一致, 協議は難航, 協議を停止, "the talks had reached a dead end": no talks held
    or planned; 予定されている協議を支持 still plans them."""
    for k, (body, attribution) in enumerate([
        ("中国の外相は30日、ロシアとウクライナの和平交渉を引き続き支持する考えを伝えた。", NHK.format("2022年3月31日")),
        ("フランスの外相とドイツの外相は、ロシアとウクライナの協議を再開させることで一致した。", NHK.format("2022年1月18日")),
        ("ロシアとアメリカの協議は難航も予想されています。", NHK.format("2022年1月8日")),
        ("中国は米国との気候変動をめぐる協議を停止した。", NHK.format("2022年8月6日")),
        ("Putin said on Tuesday that the peace talks with Ukraine had reached a dead end.", REUTERS.format("April 13, 2022")),
    ]):  # fmt: skip
        assert not any(e[1] == "talks" for e in _one_post_events(tmp_path / str(k), body, attribution)), body
    got = _one_post_events(tmp_path / "p", "両首脳は、来月10日にジュネーブで予定されている米ロの高官協議を支持する考えを示しました。",
                           NHK.format("2021年12月8日"))  # fmt: skip
    assert (("RUS", "USA"), "talks", "planned", D(2022, 1, 10)) in got


def test_talks_to_resume_online_are_a_call(tmp_path):
    """…の協議は、近くオンライン形式で再開される見通しだ: a planned call (online, GUIDELINES §3), undated (近く)."""
    got = _one_post_events(tmp_path, "ロシアとウクライナの代表団による協議は、近くオンライン形式で再開される見通しだ。", NHK.format("2022年4月1日"))
    assert got == {(("RUS", "UKR"), "phone_call", "planned", None)}
