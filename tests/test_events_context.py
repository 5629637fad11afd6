"""Events whose status, parties or mode come from the sentences around the cue.

Cases written for these tests in generic wording (no dump's sentences), in the copied-timeline
format, one post each (``_one_post_events`` of ``test_events``).
"""

from __future__ import annotations

import datetime as dt

from test_events import NHK, REUTERS, _one_post_events, _one_post_frame

D = dt.date


def _event_list(tmp_path, body: str, attribution: str) -> list[tuple]:
    """Like ``_one_post_events``, but a list: two events alike are counted twice."""
    ev = _one_post_frame(tmp_path, body, attribution)
    return sorted((tuple(p), m, d.date()) for p, m, d in zip(ev["parties"], ev["mode"], ev["date"], strict=True))


def test_a_continuative_verb_takes_the_tense_of_the_verb_it_leads_to(tmp_path):
    """会談し、…に臨む。: the meeting is as future as the dinner; 会談し、…で一致した。 is past."""
    got = _one_post_events(tmp_path / "a", "フランスの大統領は25日にドイツの首相と会談し、夕食会にも臨む。", NHK.format("2022年1月20日"))
    assert got == {(("DEU", "FRA"), "meeting", "planned", D(2022, 1, 25))}
    got = _one_post_events(tmp_path / "b", "フランスの大統領は18日にドイツの首相と会談し、協力の強化で一致した。", NHK.format("2022年1月20日"))
    assert got == {(("DEU", "FRA"), "meeting", "occurred", D(2022, 1, 18))}


def test_the_two_leaders_named_by_a_later_sentence_are_the_pair_just_told(tmp_path):
    """…と会談する。26日には両首脳による正式な会談が予定: a second meeting of the same two, on its own day."""
    got = _one_post_events(
        tmp_path,
        "フランスの大統領は25日にドイツの首相と非公式に会談する。\n26日には両首脳による正式な会談が予定されている。",
        NHK.format("2022年1月20日"),
    )
    assert got == {(("DEU", "FRA"), "meeting", "planned", D(2022, 1, 25)),
                   (("DEU", "FRA"), "meeting", "planned", D(2022, 1, 26))}  # fmt: skip


def test_a_later_generic_name_for_an_online_summit_is_that_call(tmp_path):
    """オンライン形式で首脳会談… 両首脳による会談は約1時間: one call, not a call and a meeting."""
    got = _one_post_events(
        tmp_path,
        "フランスの大統領は18日、ドイツの首相とオンライン形式で首脳会談を行いました。\n"
        "両首脳による会談では、エネルギー協力についても意見が交わされました。",
        NHK.format("2022年1月19日"),
    )
    assert {(p, m, s) for p, m, s, _ in got} == {(("DEU", "FRA"), "phone_call", "occurred")}


def test_a_one_character_surname_with_shi_carries_its_state_to_a_second_meeting(tmp_path):
    """王毅…と会談。王氏は同日、外相とも会談: Wang's second meeting of the day is its own event."""
    got = _event_list(
        tmp_path,
        "ロシアのプーチン大統領は22日、中国の王毅政治局員と会談した。\n王氏は同日、ロシアのラブロフ外相とも会談した。",
        NHK.format("2023年2月23日"),
    )
    assert got == [(("CHN", "RUS"), "meeting", D(2023, 2, 22))] * 2, got


def test_three_sides_after_the_meeting_is_a_new_meeting_but_a_mediator_present_joins_it(tmp_path):
    """会談後には…も加わり、3者による会談: a trilateral of its own; …が仲介役として同席し、3者による会談となった: the same one."""
    after = _one_post_events(
        tmp_path / "a",
        "中国の国家主席は6日、フランスの大統領と会談した。\n"
        "会談後には欧州連合（EU）の欧州委員長も加わり、3者による会談が開かれた。",
        NHK.format("2023年4月7日"),
    )
    assert {(p, m) for p, m, *_ in after} == {(("CHN", "FRA"), "meeting"), (("CHN", "EU", "FRA"), "meeting")}
    present = _one_post_events(
        tmp_path / "b",
        "ロシアの外相とウクライナの外相は10日、アンタルヤで会談した。\n"
        "トルコの外相が仲介役として同席し、3者による会談となった。",
        NHK.format("2022年3月10日"),
    )
    assert {(p, m) for p, m, *_ in present} == {(("RUS", "TUR", "UKR"), "meeting")}


def test_meeting_again_is_with_the_pair_named_not_the_last_gathering(tmp_path):
    """A and B meet, a trilateral with C follows, then A meets B 再び: the plan is A–B's."""
    got = _one_post_events(
        tmp_path,
        "中国の習近平国家主席は6日、フランスのマクロン大統領と会談した。\n"
        "会談後には欧州連合（EU）の欧州委員長も加わり、3者による会談が開かれた。\n"
        "マクロン氏は7日、広州に移動し、習氏と非公式な形で再び会談する予定だ。",
        NHK.format("2023年4月7日"),
    )
    assert (("CHN", "FRA"), "meeting", "planned", D(2023, 4, 7)) in got, got


def test_a_summit_accepted_in_principle_is_undated_and_apart_from_a_dated_plan(tmp_path):
    """The agreement is dated (afterwards, 21日未明の声明); the summit it accepts has no day yet (§4 rule 5)."""
    got = _one_post_events(
        tmp_path / "a",
        "Antony Blinken still planned to meet Sergei Lavrov in Europe on Thursday, the White House said.",
        "— Reuters (@Reuters) Feb 20, 2022",
        headline="Joe Biden accepts 'in principle' a summit with Vladimir Putin",
    )
    assert got == {(("RUS", "USA"), "meeting", "planned", None), (("RUS", "USA"), "meeting", "planned", D(2022, 2, 24))}, got
    got = _one_post_events(
        tmp_path / "b", "大統領府が21日未明に出した声明によると、バイデン、プーチン両大統領は、首脳会談の開催に原則として応じた。",
        NHK.format("2022年2月21日"),
    )
    assert got == {(("RUS", "USA"), "meeting", "planned", None)}


def test_english_headline_parties_leave_out_the_theme_and_the_reporter(tmp_path):
    """"X and Y accept a summit on Ukraine, the French presidency says": Ukraine is the theme, France reports."""
    got = _one_post_events(
        tmp_path, "The leaders' aides will prepare the details.", "— AFP News Agency (@AFP) February 21, 2022",
        headline='Joe Biden and Vladimir Putin accept "in principle" a summit on Ukraine, the French presidency says',
    )
    assert got == {(("RUS", "USA"), "meeting", "planned", None)}, got


def test_a_relative_clause_after_two_names_has_both_as_its_antecedent(tmp_path):
    """"X and Y, who are due to meet on Thursday, will prepare …": X meets Y."""
    got = _one_post_events(
        tmp_path,
        "US Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov, who are due to meet on Thursday,"
        " will prepare the summit.",
        "— Reuters (@Reuters) February 21, 2022",
        headline="Ministers to prepare summit",
    )
    assert (("RUS", "USA"), "meeting", "planned", D(2022, 2, 24)) in got, got


def test_a_time_of_day_before_a_comma_does_not_end_the_clause(tmp_path):
    """AのX大統領とBのY大統領は、30日午後、電話で会談: 午後、 is no clause end (会談後、 is), both topics stay."""
    got = _one_post_events(
        tmp_path / "a", "アメリカのバイデン大統領とロシアのプーチン大統領は、現地時間の30日午後、電話で会談しました。",
        NHK.format("2021年12月31日"),
    )
    assert got == {(("RUS", "USA"), "phone_call", "occurred", D(2021, 12, 30))}, got


def test_two_topics_joined_by_to_each_with_its_state(tmp_path):
    """アメリカのX大統領とロシアのY大統領は、…後、電話で会談: X is a topic too, though ロシアの stands between."""
    got = _one_post_events(
        tmp_path / "b", "アメリカのバイデン大統領とロシアのプーチン大統領は、先月の会談の後、再び電話で会談しました。",
        NHK.format("2021年12月31日"),
    )
    assert {(p, m) for p, m, *_ in got} == {(("RUS", "USA"), "phone_call")}, got


def test_a_visit_agreed_at_a_meeting_is_a_planned_visit_of_its_own(tmp_path):
    """AとBが会談し、Aが年内にBを訪問することで一致: the meeting held and the visit planned are two events
    (a visit is folded only into a contact of the same status, or a headline's into the body's)."""
    got = _one_post_events(
        tmp_path,
        "岸田総理大臣は21日、アメリカのバイデン大統領と会談しました。\n両首脳は、バイデン大統領が年内に日本を訪問することで一致しました。",
        NHK.format("2022年1月22日"),
    )
    assert {(p, m, s) for p, m, s, _ in got} == {(("JPN", "USA"), "meeting", "occurred"), (("JPN", "USA"), "visit", "planned")}, got


def test_going_on_to_several_states_is_a_planned_visit_to_each(tmp_path):
    """"X, who served as Beijing's ambassador, is expected to go on to A, B and C": three visits by X's state
    (the traveller is the person, not the city that names the same state)."""
    got = _one_post_events(
        tmp_path,
        "Li Hui, China's special envoy, met Ukraine's foreign minister in Kyiv on Wednesday.\n"
        "Li, who served as Beijing's ambassador to Moscow for a decade, is expected to go on to Poland, France and Germany.",
        "— Reuters (@Reuters) May 17, 2023",
        headline="Chinese envoy in Kyiv",
    )
    assert {(p, m, s) for p, m, s, _ in got} == {
        (("CHN", "UKR"), "meeting", "occurred"), (("CHN", "POL"), "visit", "planned"),
        (("CHN", "FRA"), "visit", "planned"), (("CHN", "DEU"), "visit", "planned")}, got  # fmt: skip


def test_a_conditional_firm_response_is_a_threat_and_also_said_continues_the_press_remarks(tmp_path):
    """「Xが侵攻した場合には、G7と連携して厳しく対応する」とも強調: a threat to X (G7 in brackets is a partner),
    said to the press after the call (…とも強調した continues the remarks to reporters), so it is not folded into it."""
    got = _one_post_events(
        tmp_path / "a",
        "日本の首相は17日夜、ロシアの大統領と電話で会談した。\n"
        "首相は会談後、官邸で記者団に「日本の立場を明確に伝えた」と述べた。\n"
        "両首脳の電話会談はこれが2回目。\n"
        "首相は「ロシアが侵攻した場合には、主要7か国（G7）と連携して厳しく対応する」とも強調した。",
        NHK.format("2022年2月18日"),
    )
    assert {(p, m) for p, m, *_ in got} == {(("JPN", "RUS"), "phone_call"), (("JPN", "RUS"), "statement")}, got
    told = _one_post_events(
        tmp_path / "b",
        "アメリカの大統領は27日、ウクライナの大統領と電話で会談し、ロシアが侵攻した場合には断固として対応すると伝えた。",
        NHK.format("2022年1月28日"),
    )
    assert {(p, m) for p, m, *_ in told} == {(("UKR", "USA"), "phone_call")}, told  # told in the call: part of it


def test_the_war_named_as_a_time_reference_is_no_party(tmp_path):
    """"his first trip to Russia since Moscow sent troops into Ukraine", "since Russia launched its full-scale
    invasion": Ukraine and Russia are the setting of a since-clause, not parties of the visit or the meeting."""
    got = _one_post_events(
        tmp_path / "a", "The visit is the Chinese president's first trip to Russia since Moscow sent troops into Ukraine.",
        "— Reuters (@Reuters) March 20, 2023", headline="Chinese President Xi Jinping lands in Moscow for a state visit",
    )
    assert {(p, m) for p, m, *_ in got} == {(("CHN", "RUS"), "visit")}, got
    got = _one_post_events(
        tmp_path / "b",
        "China's envoy Li Hui met Ukrainian Foreign Minister Dmytro Kuleba in Kyiv on Wednesday, the most senior Chinese"
        " official to visit Ukraine since Russia launched its full-scale invasion.",
        "— Reuters (@Reuters) May 17, 2023", headline="Chinese envoy in Kyiv",
    )
    assert {(p, m) for p, m, *_ in got} == {(("CHN", "UKR"), "meeting")}, got


def test_a_delegation_of_leaders_meeting_a_leader_is_a_meeting(tmp_path):
    """首脳らによる代表団…と会談: named principals meet in person (a meeting), unlike negotiators' delegations (talks)."""
    got = _one_post_events(
        tmp_path,
        "南アフリカのラマポーザ大統領やセネガルのサル大統領らアフリカ諸国の首脳らによる代表団は17日、"
        "サンクトペテルブルクでロシアのプーチン大統領と会談した。",
        NHK.format("2023年6月18日"),
    )
    assert {(p, m) for p, m, *_ in got} == {(("RUS", "SEN", "ZAF"), "meeting")}, got


def test_being_open_or_ready_to_talk_plans_nothing(tmp_path):
    """"is open to talks", "was ready to travel to Geneva for talks": an offer, not a plan (GUIDELINES §3 status);
    "agreed to hold talks" is still a plan."""
    got = _one_post_events(
        tmp_path / "a",
        "A deputy foreign minister told reporters on Friday that Russia was ready to travel to Geneva for talks with the"
        " United States as early as Saturday.",
        "— Reuters (@Reuters) Dec 17, 2021", headline="Russia says it is open to talks with the United States",
    )
    assert got == set(), got
    got = _one_post_events(
        tmp_path / "b", "Russia and the United States agreed to hold talks in Geneva on Jan. 10.",
        "— Reuters (@Reuters) Dec 28, 2021", headline="Geneva talks set",
    )
    assert {(p, m, s) for p, m, s, _ in got} == {(("RUS", "USA"), "talks", "planned")}, got


def test_a_state_whose_sovereignty_is_the_theme_is_no_addressee(tmp_path):
    """"any violation of X's territorial integrity would bring consequences for Y", Xの主権を尊重するよう求め:
    X's sovereignty is the theme of the warning or demand, Y is its addressee."""
    got = _one_post_events(
        tmp_path / "a",
        "At a joint press conference, the German chancellor Olaf Scholz warned that any violation of Ukraine's"
        " territorial integrity would bring far-reaching consequences for Russia.",
        "— Reuters (@Reuters) Feb 14, 2022", headline="Scholz in Kyiv",
    )
    assert {(p, m) for p, m, *_ in got} == {(("DEU", "RUS"), "statement")}, got
    got = _one_post_events(
        tmp_path / "b", "イギリスの首相は、ロシアに対し、ウクライナの主権を尊重するよう求めた。", NHK.format("2022年2月2日"),
    )
    assert {(p, m) for p, m, *_ in got} == {(("GBR", "RUS"), "statement")}, got


def test_speaking_with_a_named_counterpart_is_talks_unless_the_medium_or_length_makes_it_a_call(tmp_path):
    """"expected to speak with his Russian counterpart again in the coming days": talks (medium unstated, §3),
    undated (as vague as "soon"); "spoke to X for more than an hour" stays a call; "speak with one voice" is nothing."""
    got = _one_post_events(
        tmp_path / "a",
        "Secretary of State Antony Blinken said he expected to speak with his Russian counterpart Sergei Lavrov again"
        " in the coming days.",
        "— Reuters (@Reuters) Jan 27, 2022", headline="Blinken expects more contacts",
    )
    assert got == {(("RUS", "USA"), "talks", "planned", None)}, got
    got = _one_post_events(
        tmp_path / "b",
        "Earlier on Saturday, French President Emmanuel Macron spoke to Vladimir Putin for more than an hour.\n"
        "The two leaders said afterwards that Europe had to speak with one voice.",
        "— Reuters (@Reuters) Feb 12, 2022", headline="Macron and Putin",
    )
    assert {(p, m) for p, m, *_ in got} == {(("FRA", "RUS"), "phone_call")}, got


def test_sanctions_agreed_that_would_be_adopted_later_are_planned_sanctions_not_a_threat(tmp_path):
    """"agreed on an initial package of sanctions that would be formally adopted in the coming days": planned
    sanctions with no date; "would" without "if" makes no threat."""
    got = _one_post_events(
        tmp_path,
        "The European Union's member states agreed on an initial package of sanctions against Russia that would be"
        " formally adopted in the coming days.",
        "— Reuters (@Reuters) Feb 22, 2022", headline="EU sanctions",
    )
    assert got == {(("EU", "RUS"), "sanctions", "planned", None)}, got


def test_a_second_same_day_call_by_other_officials_named_by_office_is_its_own(tmp_path):
    """国務長官も…外相と電話で会談; 国防長官も…国防相と電話で会談: the office holders (read from the role titles on
    the post's date) differ, so the second call is not merged into the first."""
    got = _event_list(
        tmp_path,
        "アメリカのブリンケン国務長官も12日、ロシアのラブロフ外相と電話で会談しました。\n"
        "アメリカの国防長官もロシアの国防相と電話で会談しました。",
        NHK.format("2022年2月13日"),
    )
    assert [(p, m) for p, m, _ in got] == [(("RUS", "USA"), "phone_call")] * 2, got


def test_a_day_after_the_cue_and_a_comma_dates_the_next_clause_not_the_cue(tmp_path):
    """Headline 「…と会談、あすモスクワへ」: あす is the trip to Moscow, not the meeting (dated 14日 in the body);
    「交渉が、きのう（7日）…行われた」: after a particle and a comma the day still dates the cue."""
    got = _one_post_events(
        tmp_path / "a",
        "ドイツの首相は14日、ウクライナを訪問し、キエフでウクライナの大統領と会談した。",
        NHK.format("2022年2月15日"), headline="独首相がキエフ訪問 ウクライナ大統領と会談、あすモスクワへ",
    )
    assert got == {(("DEU", "UKR"), "meeting", "occurred", D(2022, 2, 14))}, got
    got = _one_post_events(
        tmp_path / "b", "ロシアとウクライナの代表団による3回目の交渉が、きのう（7日）ベラルーシで行われました。",
        NHK.format("2022年3月8日"),
    )
    assert {(p, m, d) for p, m, _, d in got} == {(("RUS", "UKR"), "talks", D(2022, 3, 7))}, got


def test_a_plan_told_in_a_call_does_not_make_the_call_planned(tmp_path):
    """…にそれぞれ電話をかけ、承認する方針を伝えていた: the plan (承認する方針) is what the calls told; the calls were
    made. …協議が行われる見通しを明らかにした stays a plan of the talks."""
    got = _one_post_events(
        tmp_path / "a",
        "ロシアの大統領は署名に先立って、フランスの大統領とドイツの首相にそれぞれ電話をかけ、承認する方針を伝えていました。",
        NHK.format("2022年2月22日"),
    )
    assert {(p, m, s) for p, m, s, _ in got} == {(("FRA", "RUS"), "phone_call", "occurred"),
                                                (("DEU", "RUS"), "phone_call", "occurred")}, got  # fmt: skip
    got = _one_post_events(
        tmp_path / "b", "ロシアの大統領は、ジュネーブで米ロの協議が行われる見通しを明らかにした。", NHK.format("2021年12月24日"),
    )
    assert {(p, m, s) for p, m, s, _ in got} == {(("RUS", "USA"), "talks", "planned")}, got


def _by_mode(tmp_path, body: str, attribution: str, mode: str) -> set[tuple]:
    """(parties, status, date) of the events of ``mode``, the date exact or not."""
    ev = _one_post_frame(tmp_path, body, attribution)
    ev = ev[ev["mode"] == mode]
    return {(tuple(p), s, d.date()) for p, s, d in zip(ev["parties"], ev["status"], ev["date"], strict=True)}


def test_after_the_talks_counts_from_the_talks_not_from_the_last_day_told(tmp_path):
    """協議が10日…前日の9日夜にも会談…協議のあと記者会見した次官は: the remarks follow the talks of the 10th."""
    body = ("アメリカとロシアの高官による協議が10日、スイスで開かれました。\n"
            "両氏は前日の9日夜にも夕食をとりながら会談していました。\n"
            "協議のあと記者会見したロシアの次官は、アメリカが提案を拒めば対抗措置をとると警告しました。")  # fmt: skip
    got = _by_mode(tmp_path, body, NHK.format("2022年1月11日"), "statement")
    assert got == {(("RUS", "USA"), "occurred", D(2022, 1, 10))}, got


def test_a_press_conference_after_the_talks_is_the_occasion_its_next_sentence_continues(tmp_path):
    """協議のあと記者会見を開き… そのうえで…と警告: the warning is dated by the talks, not by an earlier dinner."""
    body = ("アメリカとロシアの高官による協議が10日、スイスで開かれました。\n"
            "両氏は前日の9日夜にも夕食をとりながら会談していました。\n"
            "協議のあと、アメリカの副長官は電話で記者会見を開き、提案の一部は受け入れられないと述べました。\n"
            "そのうえで副長官は、ロシアが侵攻すれば厳しい制裁を科すと警告しました。")  # fmt: skip
    got = _by_mode(tmp_path, body, NHK.format("2022年1月11日"), "statement")
    assert got == {(("RUS", "USA"), "occurred", D(2022, 1, 10))}, got


def test_what_has_happened_does_not_take_the_day_of_a_meeting_still_to_come(tmp_path):
    """…12日に開かれる会合。…内容を説明した: the briefing is the news, not the 12th (nor the 12th of last month)."""
    body = ("アメリカとロシアの高官による協議が10日、スイスで開かれました。\n"
            "12日にはブリュッセルでNATOとロシアの会合が開かれます。\n"
            "アメリカ政府は、協議の内容をウクライナ政府に説明したとしています。")  # fmt: skip
    got = _by_mode(tmp_path, body, NHK.format("2022年1月11日"), "talks")
    assert (("UKR", "USA"), "occurred", D(2022, 1, 11)) in got, got
    body = ("Blinken will travel to Berlin on Thursday to consult his counterparts from Germany and France.\n"
            "Russia has demanded that NATO halt any further enlargement after 1997.")  # fmt: skip
    got = _by_mode(tmp_path / "en", body, REUTERS.format("January 19, 2022"), "statement")
    assert got == {(("NATO", "RUS"), "occurred", D(2022, 1, 19))}, got


def test_letters_sent_before_this_visit_count_from_the_visit_held_not_the_one_planned(tmp_path):
    """26日に会談…28日には会談する予定…今回の訪問に先立ち書簡を送っていた: before the visit held on the 26th."""
    body = ("国連の事務総長は26日、モスクワでロシアの大統領と会談しました。\n"
            "事務総長は28日には、キーウでウクライナの大統領と会談する予定です。\n"
            "事務総長は今回の訪問に先立ち、ロシアの大統領に書簡を送っていました。")  # fmt: skip
    got = _by_mode(tmp_path, body, NHK.format("2022年4月27日"), "written_message")
    assert got == {(("RUS", "UN"), "occurred", D(2022, 4, 26))}, got


def test_summoning_an_ambassador_is_a_meeting_and_a_protest_by_phone_a_call(tmp_path):
    """大使を呼び出し / 大使を外務省に呼んで抗議 / summoned the ambassador: in person; 電話で抗議: a call (§3 mode)."""
    got = _one_post_events(tmp_path / "a", "中国の外務次官は2日夜、米国の駐中国大使を呼び出し、厳正な申し入れを行った。",
                           NHK.format("2022年8月3日"))  # fmt: skip
    assert got == {(("CHN", "USA"), "meeting", "occurred", D(2022, 8, 2))}, got
    got = _one_post_events(tmp_path / "b", "外務省の事務次官は22日、ロシアの駐日大使を外務省に呼んで抗議しました。",
                           NHK.format("2022年3月23日"))  # fmt: skip
    assert got == {(("JPN", "RUS"), "meeting", "occurred", D(2022, 3, 22))}, got
    got = _one_post_events(tmp_path / "c", "外務省の事務次官は4日夜、中国の駐日大使に電話で強く抗議し、即時中止を求めました。",
                           NHK.format("2022年8月5日"))  # fmt: skip
    assert got == {(("CHN", "JPN"), "phone_call", "occurred", D(2022, 8, 4))}, got
    got = _one_post_events(tmp_path / "d", "The White House summoned Chinese Ambassador Qin Gang on Thursday to protest the drills.",
                           REUTERS.format("August 5, 2022"))  # fmt: skip
    assert got == {(("CHN", "USA"), "meeting", "occurred", D(2022, 8, 4))}, got


def test_a_meeting_called_off_earlier_in_the_month_is_no_event(tmp_path):
    """会談は今月上旬、…の取りやめで見送られていた: a cancelled meeting (§3 not annotated), comma or not."""
    got = _one_post_events(tmp_path, "日中外相会談は今月上旬、中国側の取りやめで見送られていた。", NHK.format("2022年8月18日"))
    assert got == set(), got


def test_a_schedule_of_two_days_announced_is_two_plans_each_with_its_own_counterpart(tmp_path):
    """報道官は9日、首相が14日にXと会談し、15日にはYと会談すると発表: both planned; the 15th is not with X."""
    body = ("ドイツ政府の報道官は9日、ショルツ首相が14日にキエフでウクライナの大統領と会談し、"
            "15日にはモスクワでロシアの大統領と会談すると発表した。")  # fmt: skip
    got = _one_post_events(tmp_path, body, NHK.format("2022年2月10日"))
    assert got == {(("DEU", "UKR"), "meeting", "planned", D(2022, 2, 14)),
                   (("DEU", "RUS"), "meeting", "planned", D(2022, 2, 15))}, got  # fmt: skip


def test_a_council_one_holds_on_a_coming_day_is_planned(tmp_path):
    """12日にブリュッセルで開くNATO・ロシア理事会で…用意があると表明: the council is still to come."""
    body = "NATOの事務総長は、12日にブリュッセルで開くNATO・ロシア理事会で、軍備管理を話し合う用意があると表明した。"
    got = _by_mode(tmp_path, body, NHK.format("2022年1月8日"), "talks")
    assert got == {(("NATO", "RUS"), "planned", D(2022, 1, 12))}, got


def test_a_day_in_another_segment_of_a_headline_does_not_date_its_warning(tmp_path):
    """事務総長、ロシアに警告 12日に理事会: the warning is not of the 12th (nor of last month's 12th)."""
    ev = _one_post_frame(tmp_path, "NATOの事務総長は7日、ロシアに深刻な代償を払うことになると警告した。", NHK.format("2022年1月8日"),
                         headline="NATO事務総長、ロシアに警告 12日に理事会")  # fmt: skip
    got = {(tuple(p), d.date()) for p, m, d in zip(ev["parties"], ev["mode"], ev["date"], strict=True) if m == "statement"}
    assert got == {(("NATO", "RUS"), D(2022, 1, 7))}, got


def test_what_a_headline_says_a_planned_summit_will_press_is_part_of_that_summit(tmp_path):
    """EU 来月1日に中国と首脳会議 ロシアへの支援けん制へ: one planned summit, no statement of its own."""
    ev = _one_post_frame(tmp_path, "首脳会議はオンライン形式で行われる予定だ。", NHK.format("2022年3月31日"),
                         headline="EU 来月1日に中国と首脳会議 ロシアへの支援けん制へ")  # fmt: skip
    assert "statement" not in set(ev["mode"]), ev[["parties", "mode", "status"]]


def test_a_host_who_opened_the_talks_just_told_joins_them(tmp_path):
    """X and Y met in a city on Tuesday. Z's president opened the talks…: one round of X, Y and Z."""
    body = ("Russian and Ukrainian negotiators met face to face in Istanbul on Tuesday.\n"
            "Turkish President Recep Tayyip Erdogan opened the talks, telling the delegations to end the war.")  # fmt: skip
    got = _by_mode(tmp_path, body, REUTERS.format("March 29, 2022"), "talks")
    assert got == {(("RUS", "TUR", "UKR"), "occurred", D(2022, 3, 29))}, got


def test_a_meeting_said_to_be_held_through_a_mediator_is_one_meeting_of_three(tmp_path):
    """XとYは10日に会談した。会談はZの外相の仲介によるもので、3者で行われた: one meeting, Z included."""
    body = ("ロシアの外相とウクライナの外相は10日、トルコ南部で会談した。\n"
            "会談はトルコの外相の仲介によるもので、3者で約1時間半にわたって行われた。")  # fmt: skip
    got = _by_mode(tmp_path, body, NHK.format("2022年3月10日"), "meeting")
    assert got == {(("RUS", "TUR", "UKR"), "occurred", D(2022, 3, 10))}, got


def test_travelled_to_a_capital_and_met_is_held(tmp_path):
    """"X traveled to Kyiv on Saturday and met Y": "to" after a past verb of travel plans nothing."""
    body = "Austrian Chancellor Karl Nehammer also traveled to Kyiv on Saturday and met President Volodymyr Zelensky."
    got = _by_mode(tmp_path, body, REUTERS.format("April 10, 2022"), "meeting")
    assert got == {(("AUT", "UKR"), "occurred", D(2022, 4, 9))}, got


def test_a_call_in_which_one_assured_the_other_is_held_whatever_it_promised(tmp_path):
    """"X assured Y in a phone call on Sunday that … would respond": the call is past; "would" is what was said."""
    body = "Biden assured Zelensky in a phone call on Sunday that the U.S. would respond decisively."
    got = _by_mode(tmp_path, body, REUTERS.format("January 3, 2022"), "phone_call")
    assert got == {(("UKR", "USA"), "occurred", D(2022, 1, 2))}, got


def test_a_second_predicate_and_an_offer_to_host_add_no_party_and_no_plan(tmp_path):
    """"X met Y on Thursday and repeated an offer to host talks between Y and Z": one meeting of X and Y."""
    body = ("Turkish President Tayyip Erdogan met Ukrainian President Volodymyr Zelenskiy in Kyiv on Thursday "
            "and repeated an offer to host talks between the leaders of Ukraine and Russia.")  # fmt: skip
    got = _one_post_events(tmp_path, body, REUTERS.format("February 3, 2022"))
    assert got == {(("TUR", "UKR"), "meeting", "occurred", D(2022, 2, 3))}, got


def test_a_day_in_an_aside_dates_the_aside_not_the_main_clause(tmp_path):
    """"X, who visited Kyiv on Tuesday, spoke by phone with Y on Wednesday": the call is Wednesday's."""
    body = ("British Prime Minister Boris Johnson, who visited Kyiv on Tuesday, spoke by phone with "
            "Russian President Vladimir Putin on Wednesday.")  # fmt: skip
    got = _by_mode(tmp_path, body, REUTERS.format("February 3, 2022"), "phone_call")
    assert got == {(("GBR", "RUS"), "occurred", D(2022, 2, 2))}, got


def test_a_trip_to_a_territory_is_no_visit_of_a_state(tmp_path):
    """議長の台湾訪問を機に / "if she visited Taiwan": Taiwan is no state (GUIDELINES §2), nor China by it."""
    got = _one_post_events(tmp_path / "a", "米下院議長の台湾訪問を機に米中関係が冷え込んだ。", NHK.format("2022年8月27日"))
    assert not any(m == "visit" for _, m, _, _ in got), got
    got = _one_post_events(tmp_path / "b", "China said it would impose sanctions on the Speaker over her visit to Taiwan.",
                           REUTERS.format("August 5, 2022"))  # fmt: skip
    assert not any(m == "visit" for _, m, _, _ in got), got


def test_a_name_with_its_reading_in_brackets_is_still_the_topic(tmp_path):
    """王毅（ワンイー）外相は3日、…と述べ、米国に警告した: the bracketed reading does not hide the speaker."""
    body = "中国の王毅（ワンイー）外相は3日、「侮辱する者は罰を受ける」と述べ、米国に警告した。"
    got = _one_post_events(tmp_path, body, NHK.format("2022年8月4日"))
    assert got == {(("CHN", "USA"), "statement", "occurred", D(2022, 8, 3))}, got


def test_a_counterpart_outside_the_lexicon_is_not_replaced_by_the_topic_carried(tmp_path):
    """…を訪れている議長は3日、X（…）総統と会談した: X is no known actor; China, told before, is not X."""
    body = ("中国外務省は2日、米国に対し強く抗議した。\n"
            "台湾を訪れている米下院議長は3日、蔡英文（ツァイインウェン）総統と会談した。")  # fmt: skip
    got = _one_post_events(tmp_path, body, NHK.format("2022年8月4日"))
    assert not any(m == "meeting" for _, m, _, _ in got), got


def test_tensions_and_an_alliances_expansion_are_themes_and_a_security_council_at_home_no_gathering(tmp_path):
    """"talks … amid Ukraine tensions", "differences over Ukraine and NATO's expansion", "a spokesperson for
    the White House National Security Council said on Monday": the talks are the two states' alone."""
    body = ("U.S. and Russian officials will hold talks in Geneva on Jan. 10 amid Ukraine tensions, "
            "a spokesperson for the White House National Security Council said on Monday.\n"
            "The sides hope to narrow their differences over Ukraine and NATO's expansion.")  # fmt: skip
    got = _by_mode(tmp_path, body, REUTERS.format("December 28, 2021"), "talks")
    assert got == {(("RUS", "USA"), "planned", D(2022, 1, 10))}, got


def test_a_quoted_comparison_is_no_talks_and_a_warning_at_the_joint_press_conference_is_the_meetings(tmp_path):
    """会談後の共同記者会見で…「…の対話」のようだった。Y氏は会見で、Xに…と警告した: one meeting, nothing more."""
    body = ("イギリスの外相は10日、モスクワでロシアの外相と会談した。\n"
            "会談後の共同記者会見でロシアの外相は、話し合いは「耳の聞こえない者同士の対話」のようだったと述べた。\n"
            "イギリスの外相は会見で、ロシアに対し部隊を撤収させるよう要求し、侵攻すれば深刻な結果を招くと警告した。")  # fmt: skip
    got = _one_post_events(tmp_path, body, NHK.format("2022年2月11日"))
    assert got == {(("GBR", "RUS"), "meeting", "occurred", D(2022, 2, 10))}, got
