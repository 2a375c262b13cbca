"""The indicators read the promises of the product from a pair's own messages."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable

from reciprocity.core.evidence import EvidenceFacts, SignalFlag
from reciprocity.core.indicator_words import describe_evidence, duration_words, share_words
from reciprocity.core.indicators import PeriodKind, read_evidence
from reciprocity.core.memory import ImportantDate
from reciprocity.core.rhythm_fit import MAX_SILENCE, MIN_SILENCE, fit_silence
from reciprocity.core.seasons import Season, SeasonKind, Whose
from reciprocity.phrasing_rules import check

TODAY = dt.date(2026, 12, 1)
JAN = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)
HARD = SignalFlag.READ | SignalFlag.DISCLOSURE | SignalFlag.DISTRESS | SignalFlag.EMOTIONAL
KIND = SignalFlag.READ | SignalFlag.SUPPORT
ME, THEM = True, False
LEDGER = re.compile(
    r"\b(owe[sd]?|debts?|balance|repay|pay\s+back|settle|even\s+up|score|give\s+less|in\s+return)\b",
    re.IGNORECASE,
)

Message = tuple[dt.datetime, bool, int]


def facts_of(messages: Iterable[Message]) -> EvidenceFacts:
    facts = EvidenceFacts()
    for at, from_me, flags in sorted(messages, key=lambda m: m[0]):
        facts.append(int(at.timestamp()), from_me, 20, int(flags))
    return facts


def daily(days: int, opener: bool | None = None, start: dt.datetime = JAN) -> list[Message]:
    """One conversation a day of four quick messages; openers alternate unless one is given."""
    out = []
    for day in range(days):
        first = opener if opener is not None else bool(day % 2)
        at = start + dt.timedelta(days=day)
        for minute, side in ((0, first), (2, not first), (4, first), (7, not first)):
            out.append((at + dt.timedelta(minutes=minute), side, 0))
    return out


def test_the_silence_is_fitted_to_the_pairs_own_rhythm() -> None:
    quick = [60, 90, 120, 45, 30] * 40 + [86_400, 100_000, 70_000] * 20
    slow = [3_600, 5_400, 7_200, 2_700] * 40 + [4 * 86_400, 5 * 86_400] * 20
    quick_silence, slow_silence = fit_silence(quick), fit_silence(slow)
    assert MIN_SILENCE <= quick_silence < slow_silence <= MAX_SILENCE
    assert quick_silence > 120
    assert slow_silence > 7_200


def test_a_chat_too_short_for_a_rhythm_gets_an_hour() -> None:
    assert fit_silence([60, 120, 86_400]) == 3_600


def test_a_friend_who_always_starts_the_conversation() -> None:
    report = read_evidence(facts_of(daily(59, opener=THEM)), today=TODAY)
    started = [p.started_by_me for p in report.periods]
    assert all(s is not None and s.value == 0 for s in started)
    words = "\n".join(line for part in describe_evidence(report, "Sam") for line in part)
    assert (
        "Who started conversations after a quiet spell: you none or nearly none, "
        "Sam all or nearly all" in words
    )


def test_a_pair_who_take_turns_starting_is_about_even() -> None:
    report = read_evidence(facts_of(daily(62)), today=TODAY)
    january = report.periods[0].started_by_me
    assert january is not None
    assert 0.4 <= january.value <= 0.6
    assert abs(january.value - january.usual) < 0.1


def test_quarters_group_three_months() -> None:
    report = read_evidence(facts_of(daily(120)), period=PeriodKind.QUARTER, today=TODAY)
    assert [p.label for p in report.periods] == ["2026 Q1", "2026 Q2"]
    assert report.periods[0].end == dt.date(2026, 3, 31)


def grief_messages() -> list[Message]:
    """Daily chat all year; in my grief season (March and April) Sam writes every fifth day."""
    out = []
    for day in range(180):
        at = JAN + dt.timedelta(days=day)
        grieving = dt.date(2026, 3, 1) <= at.date() <= dt.date(2026, 4, 30)
        out.append((at, ME, 0))
        if not grieving or day % 5 == 0:
            out.append((at + dt.timedelta(minutes=3), THEM, 0))
    return out


GRIEF = Season("s1", "p", Whose.ME, SeasonKind.GRIEF, dt.date(2026, 3, 1), dt.date(2026, 4, 30))


def test_a_partner_who_goes_quiet_in_my_grief_season() -> None:
    report = read_evidence(facts_of(grief_messages()), seasons=[GRIEF], today=TODAY)
    (reading,) = report.crises
    assert reading.season == GRIEF
    assert reading.them is not None
    assert reading.them <= 0.25
    assert reading.usual_them == 1.0
    assert reading.me is None  # in my season, the question is their presence
    march = next(p for p in report.periods if p.label == "2026-03")
    assert march.seasons == (GRIEF,)
    words = "\n".join(line for part in describe_evidence(report, "Sam") for line in part)
    assert "Sam was in touch on about 2 in 10 of its 61 days, against all or nearly all" in words


def test_hard_news_answered_quickly_with_support() -> None:
    messages = daily(40)
    for day in (3, 10, 17):
        at = JAN + dt.timedelta(days=day, hours=5)
        messages += [(at, THEM, HARD), (at + dt.timedelta(minutes=4), ME, KIND)]
    report = read_evidence(facts_of(messages), today=TODAY)
    january = report.periods[0]
    assert january.my_answers is not None
    assert january.my_answers.shared == 3
    assert january.my_answers.answered == 1.0
    assert january.my_answers.supportive == 1.0
    assert january.my_answers.reply_minutes == 4
    assert january.their_answers is None  # I shared nothing hard


def test_hard_news_left_unanswered_for_more_than_a_day() -> None:
    messages = daily(4)
    messages += [(JAN + dt.timedelta(days=4, hours=5), ME, HARD)]
    messages += daily(20, start=JAN + dt.timedelta(days=6))
    report = read_evidence(facts_of(messages), today=TODAY)
    theirs = report.periods[0].their_answers
    assert theirs is not None
    assert theirs.answered == 0.0
    assert theirs.supportive is None
    words = "\n".join(line for part in describe_evidence(report, "Sam") for line in part)
    assert "When you shared something hard (once), no answer from Sam came within a day." in words


def test_hard_news_shared_twice_is_said_as_what_happened_not_as_a_share() -> None:
    messages = daily(30)
    for day in (3, 10):
        at = JAN + dt.timedelta(days=day, hours=5)
        messages.append((at, ME, HARD))
    answer = JAN + dt.timedelta(days=3, hours=5, minutes=45)
    messages.append((answer, THEM, KIND))
    report = read_evidence(facts_of(messages), today=TODAY)
    words = "\n".join(line for part in describe_evidence(report, "Sam") for line in part)
    assert "When you shared something hard (twice), Sam answered within a day both times" in words
    assert "in 10" not in words.split("shared something hard (twice)")[1].split(".")[0]


def test_feelings_shared_without_distress_are_not_hard_news() -> None:
    happy = SignalFlag.READ | SignalFlag.DISCLOSURE | SignalFlag.EMOTIONAL  # "so happy for you!"
    messages = [*daily(30), (JAN + dt.timedelta(days=4, hours=5), ME, happy)]
    report = read_evidence(facts_of(messages), today=TODAY)
    assert report.periods[0].their_answers is None


def test_an_answer_hours_later_still_counts_though_the_conversation_ended() -> None:
    # Jo's redundancy at 9, the answer after an afternoon at work: four hours, well past
    # the quiet spell that ends a conversation in this chat.
    messages = daily(30)
    at = JAN + dt.timedelta(days=4, hours=9)
    messages += [(at, THEM, HARD), (at + dt.timedelta(hours=4), ME, KIND)]
    report = read_evidence(facts_of(messages), today=TODAY)
    mine = report.periods[0].my_answers
    assert mine is not None
    assert mine.answered == 1.0
    assert mine.reply_minutes == 240
    words = "\n".join(line for part in describe_evidence(report, "Jo") for line in part)
    assert "When Jo shared something hard (once), you answered within a day" in words


def test_a_hard_few_days_across_two_calendar_weeks_are_offered_too() -> None:
    # Sam's mum's stroke: distress from a Saturday to the Tuesday after.
    messages = daily(90)
    saturday = dt.date.fromordinal((JAN.date().toordinal() // 7 + 6) * 7 + 5)
    for offset in (0, 1, 3):
        at = dt.datetime.combine(saturday + dt.timedelta(days=offset), dt.time(10), dt.UTC)
        messages.append((at, THEM, HARD))
    report = read_evidence(facts_of(messages), today=TODAY)
    (candidate,) = report.candidates
    assert candidate.whose is Whose.THEM
    # From the first hard day to the last, not the calendar weeks around them (a new user
    # was offered a season starting on the Sunday before and ending the Saturday after).
    assert (candidate.start, candidate.end) == (saturday, saturday + dt.timedelta(days=3))


def test_a_stretch_of_distress_is_offered_as_a_season_to_confirm() -> None:
    messages = daily(90)
    for day in range(30, 44):
        messages.append((JAN + dt.timedelta(days=day, hours=6), THEM, HARD))
    report = read_evidence(facts_of(messages), today=TODAY)
    (candidate,) = report.candidates
    assert candidate.whose is Whose.THEM
    assert dt.date(2026, 1, 25) <= candidate.start <= dt.date(2026, 2, 1)
    marked = Season("s2", "p", Whose.THEM, SeasonKind.OTHER, candidate.start, candidate.end)
    again = read_evidence(facts_of(messages), seasons=[marked], today=TODAY)
    assert again.candidates == ()


def test_who_wrote_on_a_remembered_date() -> None:
    birthday = ImportantDate("d1", "p", "Sam's birthday", dt.date(1990, 1, 10))
    messages = [m for m in daily(31) if m[0].day != 10 or m[1] is ME]
    report = read_evidence(facts_of(messages), dates=[birthday], today=TODAY)
    (remembered,) = report.periods[0].remembered
    assert remembered.day == dt.date(2026, 1, 10)
    assert remembered.i_wrote
    assert not remembered.they_wrote


def test_check_ins_and_thanks_are_shares_of_each_period() -> None:
    messages = daily(31)
    for day in range(0, 30, 3):
        messages.append((JAN + dt.timedelta(days=day, hours=8), THEM, SignalFlag.CHECK_IN | 1))
    messages.append((JAN + dt.timedelta(days=5, hours=8), ME, SignalFlag.CHECK_IN | 1))
    report = read_evidence(facts_of(messages), today=TODAY)
    check_ins = report.periods[0].check_ins_by_me
    assert check_ins is not None
    assert round(check_ins.value, 2) == round(1 / 11, 2)


def test_nothing_imported_says_how_to_import() -> None:
    report = read_evidence(EvidenceFacts(), today=TODAY)
    assert report.periods == ()
    assert "reciprocity evidence import" in describe_evidence(report, "Sam")[0][0]


def test_shares_and_durations_read_plainly() -> None:
    assert share_words(0.68) == "about 7 in 10"
    assert share_words(0.97) == "all or nearly all"
    assert share_words(0.02) == "none or nearly none"
    assert duration_words(90) == "2 min"
    assert duration_words(3 * 3600 + 600) == "3 h 10 min"
    assert duration_words(3 * 3600) == "3 h"
    assert duration_words(24 * 3600) == "1 day"
    assert duration_words(26 * 3600) == "1 day 2 h"  # a new user saw "1 days 2 h"
    assert duration_words(48 * 3600) == "2 days"
    assert duration_words(75 * 3600) == "3 days 3 h"


def test_no_evidence_text_keeps_accounts_or_blames() -> None:
    messages = grief_messages()
    for day in (3, 50, 100):
        at = JAN + dt.timedelta(days=day, hours=5)
        messages += [(at, THEM, HARD), (at + dt.timedelta(minutes=30), ME, KIND)]
        messages += [(at + dt.timedelta(hours=2), ME, HARD)]
    birthday = ImportantDate("d1", "p", "Sam's birthday", dt.date(1990, 2, 10))
    for period in PeriodKind:
        report = read_evidence(
            facts_of(messages), seasons=[GRIEF], dates=[birthday], period=period, today=TODAY
        )
        for paragraph in describe_evidence(report, "Sam"):
            for line in paragraph:
                assert not LEDGER.search(line), line
                assert not check(line), line


def test_days_are_the_persons_local_days() -> None:
    auckland = zoneinfo.ZoneInfo("Pacific/Auckland")
    birthday = ImportantDate("d1", "p", "Sam's birthday", dt.date(1990, 1, 10))
    # 12:00 UTC on the 9th is 01:00 on the 10th in Auckland (summer, UTC+13).
    late = dt.datetime(2026, 1, 9, 12, 0, tzinfo=dt.UTC)
    messages = [*daily(8), (late, THEM, 0), *daily(20, start=JAN + dt.timedelta(days=10))]
    in_utc = read_evidence(facts_of(messages), dates=[birthday], today=TODAY)
    local = read_evidence(facts_of(messages), dates=[birthday], zone=auckland, today=TODAY)
    assert not in_utc.periods[0].remembered[0].they_wrote
    assert local.periods[0].remembered[0].they_wrote


def test_the_indicators_judge_as_many_answers_as_the_import_reads() -> None:
    from reciprocity.core.indicators import ANSWER_MESSAGES
    from reciprocity.evidence.importer import REPLIES_READ

    assert ANSWER_MESSAGES == REPLIES_READ


def test_the_felt_ratings_beside_a_period_say_their_scale_and_lean() -> None:
    from tests.store.helpers import strained_audit

    audit = strained_audit("p", dt.date(2025, 1, 20))
    january = dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC)
    report = read_evidence(facts_of(daily(30, start=january)), audits=[audit], today=TODAY)
    words = "\n".join(line for part in describe_evidence(report, "Sam") for line in part)
    assert (
        "How your audit of 2025-01-20 felt (1 one-way to 5 mutual): "
        "Initiation 1, you carry more of it; Depth 3, you carry more of it" in words
    )
    assert "Maintenance 4." in words  # a mutual score says no lean


def test_a_month_the_chats_cover_only_in_part_says_so() -> None:
    # From 10 January to 12 February: both months are partly covered, none wholly.
    report = read_evidence(facts_of(daily(34, start=JAN + dt.timedelta(days=9))), today=TODAY)
    labels = [part[0] for part in describe_evidence(report, "Sam")[1:3]]
    assert labels == [
        "2026-01 (the chats cover only 2026-01-10 to 2026-01-31 of it)",
        "2026-02 (the chats cover only 2026-02-01 to 2026-02-12 of it)",
    ]
    whole = read_evidence(facts_of(daily(59)), today=TODAY)  # 1 January to 28 February
    assert [part[0] for part in describe_evidence(whole, "Sam")[1:3]] == ["2026-01", "2026-02"]


def test_answers_to_hard_news_that_show_no_support_are_said_so() -> None:
    # Found by a new user: "lol" and "anyway, did you see the match?" after "I cried all
    # night" read like good news when the clause about support was simply left out.
    plain = SignalFlag.READ  # read by the signals, no support in it
    for times, expected in ((1, "; the answer did not read as support."), (2, "neither")):
        messages = daily(30)
        for day in (3, 10)[:times]:
            at = JAN + dt.timedelta(days=day, hours=5)
            messages += [(at, THEM, HARD), (at + dt.timedelta(minutes=3), ME, plain)]
        report = read_evidence(facts_of(messages), today=TODAY)
        words = "\n".join(line for part in describe_evidence(report, "Max") for line in part)
        line = next(x for x in words.splitlines() if "When Max shared" in x)
        assert expected in line, line


def test_a_check_in_counts_when_it_reaches_out_not_when_it_answers_one() -> None:
    # Sam opens each day with "how are you?"; my "good! and you?" answers it. The issue
    # asks for check-ins that are not replies: only Sam's count.
    asked = SignalFlag.READ | SignalFlag.CHECK_IN
    messages = []
    for day in range(30):
        at = JAN + dt.timedelta(days=day, hours=9)
        messages += [
            (at, THEM, asked),  # reaching out after the night's silence
            (at + dt.timedelta(minutes=1), THEM, asked),  # still Sam's opening turn
            (at + dt.timedelta(minutes=3), ME, asked),  # an answer, with "and you?"
            (at + dt.timedelta(minutes=5), THEM, asked),  # a reply too, now
        ]
    report = read_evidence(facts_of(messages), today=TODAY)
    january = report.periods[0]
    assert january.check_ins_by_me is not None
    assert january.check_ins_by_me.value == 0.0
    assert january.check_ins_by_me.basis == 30 * 2  # Sam's two a morning, no answer


def test_each_share_says_what_it_is_a_share_of_and_what_usually_means() -> None:
    report = read_evidence(facts_of(daily(30)), today=TODAY)
    words = "\n".join(line for part in describe_evidence(report, "Sam") for line in part)
    assert '"usually" is the same share over everything imported' in words
    started = next(x for x in words.splitlines() if "Who started" in x)
    assert ", of 29 conversations (" in started, started  # the first starts no silence
    # Each line names the audit's dimension it is evidence for.
    assert started.startswith("Initiation \u2014 Who started conversations"), started
    assert "\nMaintenance \u2014 Who reached out after a long quiet" in words
    assert "\nCrisis response \u2014 presence in difficult stretches" in words


def test_a_share_of_a_few_occasions_is_not_set_against_the_usual() -> None:
    # Found by a new user: two thanks, one each, read "more of it came from Robin than
    # usual" beside a usual of mostly mine.
    thanks = SignalFlag.READ | SignalFlag.GRATITUDE
    messages = daily(60)
    for day in range(0, 30, 3):  # January: ten thanks, all mine
        messages.append((JAN + dt.timedelta(days=day, hours=12), ME, thanks))
    for day, side in ((35, ME), (40, THEM)):  # February: two, one each
        messages.append((JAN + dt.timedelta(days=day, hours=12), side, thanks))
    report = read_evidence(facts_of(messages), today=TODAY)
    words = "\n".join(line for part in describe_evidence(report, "Robin") for line in part)
    january, february = (x for x in words.splitlines() if "Who thanked" in x)
    assert "of 10 messages of thanks (as usual;" in january
    assert "of 2 messages of thanks (too few to compare with the usual;" in february
    assert "than usual" not in february
