"""Combine the rules and the models into one set of signals per message."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import numpy as np
import numpy.typing as npt

from reciprocity.signals import _rules as rules
from reciprocity.signals._features import normalise
from reciprocity.signals._language import looks_english
from reciprocity.signals._model import Floats, LinearModel, shipped_model

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

# Messages read together: large enough to spread numpy's cost per call, small enough
# that a batch's arrays stay in the processor's cache (measured in docs/performance.md).
BATCH = 1000


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
# A check-in is a rule's finding alone; without one, this small doubt remains.
NO_CHECK_IN = 0.05
# How far a sarcastic cue lowers thanks and support read by the model.
SARCASM_DAMPING = 0.3

Bools = npt.NDArray[np.bool_]
Numbers = npt.NDArray[np.float64]


def _none(name: SignalName) -> Signal:
    return Signal(name, present=False, confidence=0.0)


def _unsupported() -> Signals:
    return Signals(Language.UNSUPPORTED, *(_none(n) for n in SignalName))


@cache
def _signal(name: SignalName, thousandths: int, kind: SignalKind | None, by_rule: bool) -> Signal:
    # Signals are values, so equal ones are shared: a batch builds six a message.
    present = thousandths >= THRESHOLD * 1000
    return Signal(name, present, thousandths / 1000, kind if present else None, by_rule and present)


def _thousandths(confidence: Numbers) -> npt.NDArray[np.int64]:
    """Confidences clipped to 0..1 and rounded to three decimals, as whole thousandths.

    Rounded as Python's ``round(x, 3)`` does: scaling first can land a value just
    under a half on one (0.4995 * 1000), so values that close to a half are rounded
    by Python, from their exact value.
    """
    clipped = np.clip(confidence, 0.0, 1.0)
    scaled = clipped * 1000
    out = np.rint(scaled).astype(np.int64)
    for index in np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6).tolist():
        out[index] = round(round(float(clipped[index]), 3) * 1000)
    return out


def _found(group: rules.RuleGroup, plains: Sequence[str], where: Bools | None = None) -> Bools:
    """Which texts a rule group matches (only those ``where`` allows, when given)."""
    found = group.found
    if where is None:
        return np.fromiter(map(found, plains), bool, len(plains))
    out = np.zeros(len(plains), dtype=bool)
    for index in np.flatnonzero(where).tolist():
        out[index] = found(plains[index])
    return out


def _combine(plains: Sequence[str], scores: Floats, heads: Sequence[str]) -> list[Signals]:
    """The signals of normalised English texts from their rule matches and model scores.

    Worked out for the whole batch at once with numpy: each line is one step of the
    reasoning applied to every message.
    """
    head = {name: scores[:, index].astype(np.float64) for index, name in enumerate(heads)}
    thanked = _found(rules.GRATITUDE, plains)
    shallow_rule = _found(rules.SHALLOW, plains)
    consoling = _found(rules.EMOTIONAL_SUPPORT, plains)
    offering = _found(rules.PRACTICAL_SUPPORT, plains)
    checked_in = _found(rules.CHECK_IN, plains)
    lexicon = _found(rules.DISTRESS, plains)
    # Sarcasm only matters where it could turn thanks or support around.
    supportive = np.maximum.reduce(
        [head["emotional_support"], head["caring"], head["practical_support"]]
    )
    sarcastic = _found(
        rules.SARCASM,
        plains,
        thanked | consoling | offering | (supportive * MODEL_ONLY >= THRESHOLD),
    )
    damp = np.where(sarcastic, SARCASM_DAMPING, 1.0)

    # Thanks: the rule finds it, a sarcastic or refusing phrase cancels it.
    grateful = head["gratitude"]
    refused = _found(rules.NOT_GRATITUDE, plains, thanked | (grateful * MODEL_ONLY >= THRESHOLD))
    cancelled = refused | (sarcastic & thanked)
    gratitude = np.where(
        cancelled,
        np.minimum(grateful, 0.2),
        np.where(thanked, np.maximum(RULE_CONFIDENCE, grateful), grateful * MODEL_ONLY),
    )
    gratitude_by_rule = cancelled | thanked

    # Distress: the hard-emotion model, the writer's distress score, and a lexicon.
    emotion = head["distress_emotion"]
    personal = np.clip((head["personal_distress"] - 3.0) / 3.0, 0.0, 1.0)
    distress = 0.75 * emotion + 0.15 * personal
    distress = np.where(lexicon, np.maximum(distress, 0.55 + 0.4 * emotion), distress)
    # "I'm so sorry" is care for someone else, not one's own trouble.
    apologising = _found(rules.APOLOGY, plains)
    distress = np.where(
        (consoling | shallow_rule | apologising) & ~lexicon, distress * 0.5, distress
    )
    distress_t = _thousandths(distress)

    # Disclosure: CL-Aff's two kinds; something hard is always a disclosure.
    emotional_d = head["emotional_disclosure"]
    informational_d = head["informational_disclosure"]
    disclosure = np.maximum(0.75 * np.maximum(emotional_d, informational_d), distress)
    # Thanks, sympathy and small apologies share feelings, but not something personal.
    sharing = (thanked | consoling | apologising) & (distress_t < THRESHOLD * 1000)
    disclosure = np.where(sharing, disclosure * 0.6, disclosure)
    emotional_kind = emotional_d >= informational_d * 0.9

    # Support, and its other side: a reply that minimises, dismisses or moves on.
    emotional_rule = consoling & ~shallow_rule
    practical_rule = offering & ~shallow_rule
    emotional_s = np.maximum(head["emotional_support"], head["caring"]) * damp * MODEL_ONLY
    practical_s = head["practical_support"] * damp * MODEL_ONLY
    upkeep = np.where(checked_in | thanked | apologising, 0.7, 1.0)
    emotional_s, practical_s = emotional_s * upkeep, practical_s * upkeep
    emotional_s = np.where(
        emotional_rule, np.maximum(emotional_s, RULE_CONFIDENCE * damp), emotional_s
    )
    practical_s = np.where(
        practical_rule, np.maximum(practical_s, RULE_CONFIDENCE * damp), practical_s
    )
    softened = np.where(shallow_rule, 0.3, 1.0)
    emotional_s, practical_s = emotional_s * softened, practical_s * softened
    emotional_support = emotional_s >= practical_s
    support_t = _thousandths(np.maximum(emotional_s, practical_s))
    shallow = np.where(shallow_rule, RULE_CONFIDENCE, 0.0) * (1 - 0.5 * (support_t / 1000))

    columns = zip(
        _thousandths(disclosure).tolist(),
        emotional_kind.tolist(),
        support_t.tolist(),
        emotional_support.tolist(),
        (emotional_rule | practical_rule).tolist(),
        _thousandths(shallow).tolist(),
        shallow_rule.tolist(),
        checked_in.tolist(),
        _thousandths(gratitude).tolist(),
        gratitude_by_rule.tolist(),
        distress_t.tolist(),
        lexicon.tolist(),
        strict=True,
    )
    checked, unchecked = round(RULE_CONFIDENCE * 1000), round(NO_CHECK_IN * 1000)
    emotional, informational, practical = (
        SignalKind.EMOTIONAL,
        SignalKind.INFORMATIONAL,
        SignalKind.PRACTICAL,
    )
    return [
        Signals(
            Language.ENGLISH,
            _signal(SignalName.DISCLOSURE, d, emotional if d_kind else informational, False),
            _signal(SignalName.SUPPORT, s, emotional if s_kind else practical, s_rule),
            _signal(SignalName.SHALLOW, sh, None, sh_rule),
            _signal(SignalName.CHECK_IN, checked if c else unchecked, None, c),
            _signal(SignalName.GRATITUDE, g, None, g_rule),
            _signal(SignalName.DISTRESS, x, None, x_rule),
        )
        for d, d_kind, s, s_kind, s_rule, sh, sh_rule, c, g, g_rule, x, x_rule in columns
    ]


def classify_many(texts: Iterable[str], *, model: LinearModel | None = None) -> list[Signals]:
    """Read the signals of many messages at once (faster than one at a time).

    Args:
        texts: The messages, each a short chat message in English. Longer
            texts are read up to their first 2,000 characters.
        model: The linear models to use; the ones shipped in the package by default.

    Returns:
        One :class:`Signals` per message, in order.
    """
    scorer = model or shipped_model()
    out: list[Signals] = []
    remaining = iter(texts)
    while batch := list(itertools.islice(remaining, BATCH)):
        plains = [normalise(text) for text in batch]  # each cut at MAX_CHARS
        english = [looks_english(plain, normalised=True) for plain in plains]
        readable = [plain for plain, ok in zip(plains, english, strict=True) if ok]
        scores = scorer.scores(readable, normalised=True)
        read = iter(_combine(readable, scores, scorer.heads))
        out.extend(next(read) if ok else _unsupported() for ok in english)
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
    plain = normalise(text)
    if not looks_english(plain, normalised=True):  # as classify_many decides it
        return 0.0
    scorer = model or shipped_model()
    return round(float(scorer.scores([plain], normalised=True)[0, scorer.column("accusatory")]), 3)


def head_scores(
    texts: Sequence[str], *, model: LinearModel | None = None
) -> list[dict[str, float]]:
    """Every model head's raw score per text (for measuring and debugging)."""
    scorer = model or shipped_model()
    return [dict(zip(scorer.heads, row, strict=True)) for row in scorer.scores(texts).tolist()]
