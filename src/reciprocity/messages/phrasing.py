"""The phrasing check's reframings, by rule id."""

from __future__ import annotations

from typing import Final

# --- The phrasing check's reframings, by rule id ----------------------------------------

_ABSOLUTE: Final = (
    'Words like "{span}" tend to start a defence rather than a conversation. Try one real '
    "moment and what you'd like instead, from your side: \"When ..., I felt ...; what I'd "
    'love is ..."'
)
REFRAMES: Final[dict[str, str]] = {
    "you-always": _ABSOLUTE,
    "you-never": _ABSOLUTE,
    "they-always-never": _ABSOLUTE,
    "your-fault": (
        '"{span}" puts the weight on one person. Try describing the pattern you both '
        "share and the part you'd like to change together: \"I'd like us to ...\""
    ),
    "character-label": (
        '"{span}" describes who someone is rather than what happened. Try naming one '
        'behaviour and how it lands for you: "When ..., I feel ..."'
    ),
    "dont-care": (
        '"{span}" guesses at what the other person feels. Try saying what you need to '
        'feel cared for: "It would mean a lot to me if ..."'
    ),
    "owe": (
        '"{span}" turns care into an account. Try describing the mutual pattern you '
        'want: "I\'d love it if we both ... - for example ..."'
    ),
    "pay-back": (
        '"{span}" frames care as something to return. Try naming what you need now and '
        'asking for it directly: "Right now I could really use ..."'
    ),
    "make-it-even": (
        '"{span}" aims at a tally rather than a relationship. Try describing how you '
        "would like things to flow between you over the coming months."
    ),
    "keeping-score": (
        '"{span}" counts acts instead of noticing a pattern. Try describing the pattern '
        "you see over time and the one you'd like to build."
    ),
    "after-all-i-did": (
        '"{span}" asks for a return on what you gave. Try saying what you need from '
        'them now, on its own terms: "What I need at the moment is ..."'
    ),
    "stop-giving": (
        '"{span}" holds back care to make a point. If you need protecting, a boundary '
        "does that better: say what you will do to look after yourself, and what you'd "
        "like to build together."
    ),
    "not-until": (
        '"{span}" makes your care wait for theirs. Try asking for what you want directly, '
        "and say what you will do to look after yourself meanwhile."
    ),
    "give-less": (
        '"{span}" answers an imbalance by pulling away. A conversation, a concrete picture '
        "of what you want, or a boundary that protects you tends to work better."
    ),
    "one-sided-summary": (
        '"{span}" sums up a lot of tiredness in a few words, and it can be hard to hear. '
        "Try one recent moment and what would help you feel less alone with it: "
        '"Last week I ..., and I\'d love it if we ..."'
    ),
    "test-them": (
        '"{span}" waits to see whether they notice, which leaves both of you guessing. '
        "Try telling them what you'd love instead: \"It would mean a lot if you reached "
        'out first sometimes."'
    ),
    "done-trying": (
        '"{span}" sounds worn out, and that matters. Before deciding anything, try naming '
        "what you need in order to keep going, and a boundary that protects your energy."
    ),
}

# The second opinion on tone (a model, so it quotes nothing and may be wrong).
TONE_REFRAME: Final = (
    "This might land as blame, even though no single phrase says so (a second opinion "
    "from a small model, which can be wrong). If it fits, try one real moment and what "
    "you'd like instead, from your side: \"When ..., I felt ...; what I'd love is ...\""
)
