"""Combine the rules and the models into one set of signals per message."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reciprocity.signals import _rules as rules
from reciprocity.signals._features import normalise
from reciprocity.signals._language import looks_english
from reciprocity.signals._model import LinearModel, shipped_model

__all__ = [
    "Language",
    "Signal",
    "SignalKind",
    "SignalName",
    "Signals",
    "accusatory_tone",
    "classify",
    "classify_many",
]

MAX_CHARS = 2000  # longer messages are read up to here


class SignalName(StrEnum):
    """The signals read from one message."""

    DISCLOSURE = "disclosure"
    SUPPORT = "support"
    SHALLOW = "shallow"
    CHECK_IN = "check_in"
    GRATITUDE = "gratitude"
    DISTRESS = "distress"


class SignalKind(StrEnum):
    """Which kind of disclosure or support a message shows."""

    EMOTIONAL = "emotional"
    INFORMATIONAL = "informational"
    PRACTICAL = "practical"


class Language(StrEnum):
    """Whether the signals could read the message."""

    ENGLISH = "en"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class Signal:
    """One signal in one message.

    Attributes:
        name: Which signal.
        present: Whether the message shows it (``confidence`` reached the threshold).
        confidence: How likely the signal is present, 0 to 1.
        kind: For disclosure, emotional or informational; for support,
            emotional or practical; otherwise None.
        by_rule: Whether a rule (rather than the models alone) decided it.
    """

    name: SignalName
    present: bool
    confidence: float
    kind: SignalKind | None = None
    by_rule: bool = False


@dataclass(frozen=True)
class Signals:
    """The signals of one message, in the order of :class:`SignalName`.

    A message in an unsupported language has ``language`` UNSUPPORTED and no
    signal present, each with confidence 0: nothing is guessed about it.
    """

    language: Language
    disclosure: Signal
    support: Signal
    shallow: Signal
    check_in: Signal
    gratitude: Signal
    distress: Signal

    def all(self) -> tuple[Signal, ...]:
        """Every signal, present or not."""
        return (
            self.disclosure,
            self.support,
            self.shallow,
            self.check_in,
            self.gratitude,
            self.distress,
        )

    def present(self) -> tuple[Signal, ...]:
        """The signals the message shows."""
        return tuple(s for s in self.all() if s.present)


THRESHOLD = 0.5
# Confidence given by a rule match on its own; a model may still raise it.
RULE_CONFIDENCE = 0.9
# A model's probability alone counts for less than a rule's: the models learnt from
# Reddit comments, and these are chat messages.
MODEL_ONLY = 0.75
# How far a sarcastic cue lowers thanks and support read by the model.
SARCASM_DAMPING = 0.3


def _none(name: SignalName) -> Signal:
    return Signal(name, present=False, confidence=0.0)


def _unsupported() -> Signals:
    return Signals(Language.UNSUPPORTED, *(_none(n) for n in SignalName))


def _signal(
    name: SignalName, confidence: float, kind: SignalKind | None = None, *, by_rule: bool = False
) -> Signal:
    value = round(min(max(confidence, 0.0), 1.0), 3)
    present = value >= THRESHOLD
    return Signal(name, present, value, kind if present else None, by_rule and present)


def _combine(plain: str, heads: dict[str, float]) -> Signals:
    thanked = rules.matches(rules.GRATITUDE, plain)
    shallow_rule = rules.matches(rules.SHALLOW, plain)
    consoling = rules.matches(rules.EMOTIONAL_SUPPORT, plain)
    offering = rules.matches(rules.PRACTICAL_SUPPORT, plain)
    # Sarcasm only matters where it could turn thanks or support around.
    supportive = max(heads["emotional_support"], heads["caring"], heads["practical_support"])
    sarcastic = (thanked or consoling or offering or supportive * MODEL_ONLY >= THRESHOLD) and (
        rules.matches(rules.SARCASM, plain)
    )
    damp = SARCASM_DAMPING if sarcastic else 1.0

    # Thanks: the rule finds it, a sarcastic or refusing phrase cancels it.
    refused = (thanked or heads["gratitude"] * MODEL_ONLY >= THRESHOLD) and rules.matches(
        rules.NOT_GRATITUDE, plain
    )
    if refused or (sarcastic and thanked):
        gratitude = _signal(SignalName.GRATITUDE, min(heads["gratitude"], 0.2), by_rule=True)
    elif thanked:
        gratitude = _signal(
            SignalName.GRATITUDE, max(RULE_CONFIDENCE, heads["gratitude"]), by_rule=True
        )
    else:
        gratitude = _signal(SignalName.GRATITUDE, heads["gratitude"] * MODEL_ONLY)

    checked_in = rules.matches(rules.CHECK_IN, plain)
    check_in = _signal(
        SignalName.CHECK_IN, RULE_CONFIDENCE if checked_in else 0.05, by_rule=checked_in
    )

    # Distress: the hard-emotion model, the writer's distress score, and a lexicon.
    emotion = heads["distress_emotion"]
    personal = min(max((heads["personal_distress"] - 3.0) / 3.0, 0.0), 1.0)
    lexicon = rules.matches(rules.DISTRESS, plain)
    distress_p = 0.75 * emotion + 0.15 * personal
    if lexicon:
        distress_p = max(distress_p, 0.55 + 0.4 * emotion)
    if (consoling or shallow_rule) and not lexicon:
        distress_p *= 0.5  # "I'm so sorry" is care for someone else, not one's own trouble
    distress = _signal(SignalName.DISTRESS, distress_p, by_rule=lexicon)

    # Disclosure: CL-Aff's two kinds; something hard is always a disclosure.
    emotional_d = heads["emotional_disclosure"]
    informational_d = heads["informational_disclosure"]
    disclosure_p = max(0.75 * max(emotional_d, informational_d), distress_p)
    if (thanked or consoling) and not distress.present:
        disclosure_p *= 0.6  # thanks and sympathy share feelings, but not something personal
    kind = (
        SignalKind.EMOTIONAL if emotional_d >= informational_d * 0.9 else SignalKind.INFORMATIONAL
    )
    disclosure = _signal(SignalName.DISCLOSURE, disclosure_p, kind)

    # Support, and its other side: a reply that minimises, dismisses or moves on.
    emotional_rule = consoling and not shallow_rule
    practical_rule = offering and not shallow_rule
    emotional_s = max(heads["emotional_support"], heads["caring"]) * damp * MODEL_ONLY
    practical_s = heads["practical_support"] * damp * MODEL_ONLY
    if checked_in or thanked:
        emotional_s, practical_s = emotional_s * 0.7, practical_s * 0.7
    if emotional_rule:
        emotional_s = max(emotional_s, RULE_CONFIDENCE * damp)
    if practical_rule:
        practical_s = max(practical_s, RULE_CONFIDENCE * damp)
    if shallow_rule:
        emotional_s, practical_s = emotional_s * 0.3, practical_s * 0.3
    support_kind = SignalKind.EMOTIONAL if emotional_s >= practical_s else SignalKind.PRACTICAL
    support = _signal(
        SignalName.SUPPORT,
        max(emotional_s, practical_s),
        support_kind,
        by_rule=emotional_rule or practical_rule,
    )
    shallow_p = (RULE_CONFIDENCE if shallow_rule else 0.0) * (1 - 0.5 * support.confidence)
    shallow = _signal(SignalName.SHALLOW, shallow_p, by_rule=shallow_rule)
    return Signals(Language.ENGLISH, disclosure, support, shallow, check_in, gratitude, distress)


def classify_many(texts: Iterable[str], *, model: LinearModel | None = None) -> list[Signals]:
    """Read the signals of many messages at once (faster than one at a time).

    Args:
        texts: The messages, each a short chat message in English. Longer
            texts are read up to their first 2,000 characters.
        model: The linear models to use; the ones shipped in the package by default.

    Returns:
        One :class:`Signals` per message, in order.
    """
    batch = [text[:MAX_CHARS] for text in texts]
    scorer = model or shipped_model()
    english = [looks_english(text) for text in batch]
    readable = [normalise(text) for text, ok in zip(batch, english, strict=True) if ok]
    scores = scorer.scores(readable, normalised=True).tolist() if readable else []
    names = scorer.heads
    out: list[Signals] = []
    position = 0
    for ok in english:
        if not ok:
            out.append(_unsupported())
            continue
        heads = dict(zip(names, scores[position], strict=True))
        out.append(_combine(readable[position], heads))
        position += 1
    return out


def classify(text: str, *, model: LinearModel | None = None) -> Signals:
    """Read the signals of one message.

    Example:
        >>> classify("how did the interview go?").check_in.present
        True
    """
    return classify_many([text], model=model)[0]


def accusatory_tone(text: str, *, model: LinearModel | None = None) -> float:
    """How likely a text reads as blaming the other person, 0 to 1 (a model's opinion).

    Meant as the second opinion of the phrasing check
    (:func:`reciprocity.core.phrasing.check_phrasing`), after its rules.
    Returns 0 for text not in English.
    """
    text = text[:MAX_CHARS]
    if not looks_english(text):
        return 0.0
    scorer = model or shipped_model()
    return round(float(scorer.scores([text])[0, scorer.column("accusatory")]), 3)


def head_scores(
    texts: Sequence[str], *, model: LinearModel | None = None
) -> list[dict[str, float]]:
    """Every model head's raw score per text (for measuring and debugging)."""
    scorer = model or shipped_model()
    return [dict(zip(scorer.heads, row, strict=True)) for row in scorer.scores(texts).tolist()]
