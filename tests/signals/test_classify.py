"""The signals API: what a message shows, how sure it is, and what it will not guess."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.signals import (
    Language,
    SignalKind,
    SignalName,
    Signals,
    accusatory_tone,
    classify,
    classify_many,
)
from reciprocity.signals._classify import BATCH


def present(text: str) -> set[str]:
    return {signal.name.value for signal in classify(text).present()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how did the scan go? thinking of you", {"check_in"}),
        # Everyday apologies are not the writer's distress (found by a new user's chat).
        ("can't this weekend sorry", set()),
        ("sorry I missed your call", set()),
        ("mum's been taken into hospital, they think it's a stroke", {"disclosure", "distress"}),
        ("I don't want to be here anymore", {"disclosure", "distress"}),
        ("I just want to talk to someone", {"disclosure", "distress"}),
        # Sympathy and an offer of time, as a friend answers (found by a new user's chat).
        ("Oh no, I'm sorry. Want to talk tonight? I can call at 8", {"support"}),
        ("I'll ring you after work", {"support"}),
        ("I want to talk to my boss about it", set()),
        ("thank you so much for the lift today", {"gratitude"}),
        ("could be worse", {"shallow"}),
        ("lol same", {"shallow"}),
        ("I'm so sorry, that sounds really hard", {"support"}),
        ("see you saturday", set()),
    ],
)
def test_a_message_shows_the_signals_it_carries(text: str, expected: set[str]) -> None:
    assert present(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Refusals, plans and apologies that share an offer's words (found in a review).
        "I don't want to talk about it",
        "she doesn't want to talk to me anymore",
        "I'll be there at 8 for the party",
        "I can call you back later, busy now",
        "oh no, sorry I'm late",
    ],
)
def test_words_of_an_offer_without_the_offer_are_not_support(text: str) -> None:
    assert not classify(text).support.present


def test_a_hard_disclosure_is_emotional_and_shows_distress() -> None:
    signals = classify("I can't stop crying since the funeral, I feel so alone")
    assert signals.disclosure.present
    assert signals.disclosure.kind is SignalKind.EMOTIONAL
    assert signals.distress.present


def test_practical_support_is_told_apart_from_emotional() -> None:
    signals = classify("want me to pick the kids up on Thursday so you can go?")
    assert signals.support.present
    assert signals.support.kind is SignalKind.PRACTICAL


def test_a_question_about_logistics_is_not_a_check_in() -> None:
    assert not classify("how much was the train ticket?").check_in.present
    assert not classify("are you ok with pizza tonight?").check_in.present


def test_sarcastic_thanks_are_not_thanks() -> None:
    assert not classify("thanks for nothing").gratitude.present
    assert not classify("oh great, thanks a lot for telling everyone").gratitude.present


def test_condolences_are_care_not_the_writer_in_distress() -> None:
    signals = classify("so sorry to hear about your grandma")
    assert signals.support.present
    assert not signals.distress.present


def test_confidence_is_a_probability_and_present_means_over_half() -> None:
    for signals in classify_many(["thanks!", "ok", "I lost my job today", "see you at 8"]):
        for signal in signals.all():
            assert 0.0 <= signal.confidence <= 1.0
            assert signal.present == (signal.confidence >= 0.5)
            assert signal.kind is None or signal.present


def test_a_rule_match_is_surer_than_a_plain_message() -> None:
    assert classify("how are you holding up?").check_in.confidence >= 0.9
    assert classify("the bins go out tonight").check_in.confidence < 0.1


@pytest.mark.parametrize(
    "text",
    [
        "Wie geht es dir heute, ich vermisse dich sehr",
        "¿Cómo estás? Te echo mucho de menos, de verdad",
        "je suis très fatigué ce soir et je ne sais pas pourquoi",
        "я очень устала сегодня",
        "今日はとても疲れました",
    ],
)
def test_another_language_is_not_read_and_nothing_is_guessed(text: str) -> None:
    signals = classify(text)
    assert signals.language is Language.UNSUPPORTED
    assert signals.present() == ()
    assert all(s.confidence == 0.0 for s in signals.all())
    assert accusatory_tone(text) == 0.0


def test_a_short_message_counts_as_english() -> None:
    assert classify("ok").language is Language.ENGLISH
    assert classify("").language is Language.ENGLISH


def test_empty_text_shows_nothing() -> None:
    assert classify("").present() == ()
    assert classify("   ").present() == ()


def test_a_huge_message_is_read_from_its_start() -> None:
    text = "thank you so much for the lift. " + "I was so tired after the day. " * 20_000
    assert classify(text).gratitude.present
    assert classify("thank you " + "zzz " * 100_000).language is Language.UNSUPPORTED


def test_many_at_once_equals_one_at_a_time() -> None:
    texts = ["how are you?", "", "Je t'aime beaucoup, tu me manques", "thanks x", "ugh. today"]
    assert classify_many(texts) == [classify(t) for t in texts]
    assert classify_many([]) == []


def test_a_long_run_of_messages_reads_the_same_across_batches() -> None:
    texts = [f"thanks {n}" if n % 3 else f"how did day {n} go?" for n in range(2 * BATCH + 7)]
    texts[BATCH - 1] = "I can't cope with any of this, I'm in tears"
    texts[BATCH] = "oh no, I'm so sorry. want me to come over?"
    read = classify_many(iter(texts))
    assert len(read) == len(texts)
    for index in (0, 1, BATCH - 1, BATCH, 2 * BATCH + 6):
        assert read[index] == classify(texts[index])


def test_signals_come_in_a_fixed_order() -> None:
    signals = classify("hi")
    assert [s.name for s in signals.all()] == list(SignalName)
    assert isinstance(signals, Signals)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all_is_read_without_error(text: str) -> None:
    signals = classify(text)
    for signal in signals.all():
        assert not math.isnan(signal.confidence)
        assert 0.0 <= signal.confidence <= 1.0


def test_accusatory_tone_tells_blame_from_a_request() -> None:
    assert accusatory_tone("you only ever call when you need something") >= 0.5
    assert accusatory_tone("I'd love it if we planned a weekend away together") < 0.5


def test_confidences_round_as_python_rounds_them_even_at_a_half() -> None:
    from reciprocity.signals._classify import _thousandths

    values = np.asarray([0.4995, 0.0005, 0.8775, 0.1235, 0.5, 1.2, -0.1, *np.linspace(0, 1, 2001)])
    expected = [round(round(min(max(v, 0.0), 1.0), 3) * 1000) for v in values.tolist()]
    assert _thousandths(values).tolist() == expected
