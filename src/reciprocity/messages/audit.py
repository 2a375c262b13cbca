"""The audit: the idea, the four dimensions, the guided questions, the proposal explained."""

from __future__ import annotations

from typing import Final

# --- The idea, in the product's words -------------------------------------------------

SEE_ALL_COMMANDS: Final = "See all commands with: reciprocity --help"
WELCOME: Final = (
    "reciprocity helps you look at whether your closest relationships flow both ways.\n"
    "It looks for patterns over months, not a tally of favours; different kinds of giving\n"
    "count; and a hard stretch is not a verdict."
)
FIRST_PERSON_ADDED: Final = (
    "Many people look at three relationships to start with: a partner, a close friend and "
    "someone in their family. Add the others the same way, and when you're ready:\n"
    "  reciprocity audit {name}"
)
FIRST_RUN_SUGGESTION: Final = (
    "Start with the few relationships that matter most to you. Many people begin with three:\n"
    "a partner, a close friend and someone in their family. For example:\n"
    "  reciprocity person add Sam --kind partner\n"
    "  reciprocity person add Alex --kind friend\n"
    "  reciprocity person add Mum --kind family\n"
    "Then look at one of them with: reciprocity audit Sam"
)

# --- The four dimensions ----------------------------------------------------------------

DIMENSION_NAMES: Final[dict[str, str]] = {
    "initiation": "Initiation",
    "depth": "Depth",
    "crisis": "Crisis response",
    "maintenance": "Maintenance",
}

DIMENSION_QUESTIONS: Final[dict[str, str]] = {
    "initiation": "Who reaches out?",
    "depth": "When one of you opens up, how does the other respond?",
    "crisis": "When things got hard, who actually showed up?",
    "maintenance": "Who keeps the relationship going day to day?",
}

DIMENSION_HELP: Final[dict[str, str]] = {
    "initiation": (
        "Think about the last few months. Who gets in touch first, just to connect? When "
        "something is wrong, who makes the first move? Who brings up the hard topics?"
    ),
    "depth": (
        "Recall a time each of you shared something vulnerable. Did the other lean in, ask, "
        "stay with it, or move past it quickly? Depth can flow both ways even when it looks "
        "different for each of you."
    ),
    "crisis": (
        "Think of the last real difficulty each of you had. What did the other actually do, "
        "not what they offered to do? Was the effort and presence roughly comparable? If "
        "neither of you had a hard time lately, choose 'no recent example'; that is not a "
        "low score."
    ),
    "maintenance": (
        "The quiet upkeep: checking in, remembering dates and details, noticing when the "
        "other's mood shifts, keeping plans alive."
    ),
}

SCORE_LABELS: Final[dict[int, str]] = {
    1: "1 - almost entirely one way",
    2: "2 - mostly one way",
    3: "3 - leans one way",
    4: "4 - nearly mutual",
    5: "5 - roughly mutual",
}

LEAN_CHOICES: Final[dict[str, str]] = {
    "i-carry": "I carry more of it",
    "they-carry": "They carry more of it",
    "mutual": "Neither; it moves both ways",
}

LEAN_HELP: Final[dict[str, str]] = {
    "initiation": "'I carry more of it' means you are the one who reaches out more often.",
    "depth": "'I carry more of it' means you are the one who listens and goes deeper more often.",
    "crisis": "'I carry more of it' means you are the one who showed up more when it was hard.",
    "maintenance": "'I carry more of it' means you do more of the upkeep.",
}

LEAN_PHRASES: Final[dict[str, str]] = {
    "i-carry": "you carry more of it",
    "they-carry": "they carry more of it",
    "mutual": "no clear lean",
}

LEAN_SHORT: Final[dict[str, str]] = {
    "i-carry": "I carry",
    "they-carry": "they carry",
    "mutual": "mutual",
}

KIND_LABELS: Final[dict[str, str]] = {
    "partner": "partner",
    "friend": "friend",
    "family": "family",
    "colleague": "colleague",
    "other": "other",
}

REFLECTION_KIND_LABELS: Final[dict[str, str]] = {
    "picture": "A picture of the mutual pattern I want to build",
    "boundary": "A boundary I need, to look after myself",
}

# --- The guided audit -------------------------------------------------------------------

AUDIT_INTRO: Final = (
    "An audit of {name}: four questions about how things flow between you, a little about "
    "yourself, then an overall rating. Answer from what actually happened, not from what "
    "should have. Press Ctrl-C at any time; your answers so far are kept as a draft."
)
ASK_SCORE: Final = "How mutual has it been?"
ASK_LEAN: Final = "Which way does it lean?"
ASK_EXAMPLE: Final = "A concrete example, what actually happened:"
ASK_EXAMPLE_HELP: Final = "One moment is enough: who did what, roughly when."
CHOICE_NO_RECENT_EXAMPLE: Final = "No recent example (this is not a low score)"
ASK_NO_EXAMPLE_NOTE: Final = "Anything to note about that? (optional)"

SELF_INTRO: Final = (
    "Now a look at yourself. Reciprocity needs both giving and receiving; someone who never "
    "lets themselves be cared for blocks it as surely as someone who never gives."
)
ASK_SELF_GIVING: Final = "Does my own care reach them here, in whatever form suits me?"
ASK_SELF_RECEIVING: Final = (
    "Am I open to receiving: do I accept help, ask for it, let myself be supported?"
)
ASK_SELF_NOTE: Final = "A note for yourself (optional):"
SELF_GIVING_LABELS: Final[dict[int, str]] = {
    1: "1 - hardly: here I am mostly the one cared for",
    2: "2 - a little: I lean on them more than I offer",
    3: "3 - some: I offer care, and lean on them a bit more",
    4: "4 - mostly: my care reaches them in my own ways",
    5: "5 - fully: care flows from me as freely as it comes to me",
}
SELF_RECEIVING_LABELS: Final[dict[int, str]] = {
    1: "1 - hardly: I rarely accept help or ask for it",
    2: "2 - not often",
    3: "3 - sometimes",
    4: "4 - mostly",
    5: "5 - yes, I let myself be supported",
}

OVERALL_INTRO: Final = "Here is an overall rating proposed from your answers, and why:"
ASK_ACCEPT_PROPOSAL: Final = "Does {value} of 5 feel right for the relationship as a whole?"
CHOICE_ACCEPT: Final = "Yes, {value} feels right"
CHOICE_OVERRIDE: Final = "No, I'd rate it differently"
ASK_OVERALL: Final = "Your overall rating:"
ASK_OVERRIDE_REASON: Final = "What does the proposal miss? (optional)"

REFLECTION_INTRO: Final = (
    "You rated this relationship {score} of 5. It can help to put this as what you would love, "
    "rather than what has been missing: a concrete picture of the mutual pattern you'd like to "
    "build, or a boundary that looks after you. Describe it as something you could both "
    "recognise."
)
ASK_REFLECTION_KIND: Final = "Which fits better?"
ASK_REFLECTION_TEXT: Final[dict[str, str]] = {
    "picture": "What would it look like if it flowed both ways?",
    "boundary": "What boundary do you need, in concrete terms?",
}
ASK_FIRST_STEP: Final = "One small first step you could take:"
PHRASING_NOTE_HEADER: Final = "A thought on the wording (you decide):"
ASK_KEEP_WORDING: Final = "Keep it as written, or rewrite it?"
CHOICE_KEEP: Final = "Keep it as written"
CHOICE_REWRITE: Final = "Rewrite it"

DRAFT_FOUND: Final = "You have an unfinished audit of {name}, last touched {when}."
ASK_RESUME: Final = "Pick up where you left off?"
DRAFT_KEPT: Final = (
    "Paused. Your answers so far are kept as a draft; run `reciprocity audit {name}` to pick up "
    "where you left off."
)
CHOICE_RESUME: Final = "Yes, carry on"
CHOICE_START_AFRESH: Final = "No, start afresh"
DRAFT_DISCARDED: Final = "Starting afresh; the earlier draft is deleted."
PAUSED_BEFORE_FIRST_ANSWER: Final = "Paused before the first answer; nothing was saved."
TEXT_REQUIRED: Final = "Please write a few words."
AUDIT_SAVED: Final = "Saved the audit of {name} for {date}."
AUDIT_REVISED: Final = (
    "Saved revision {revision} of the audit of {name} for {date}; the earlier one is kept."
)
NEEDS_TERMINAL: Final = (
    "The guided audit needs an interactive terminal. To audit from a file instead, use "
    "`reciprocity audit {name} --answers FILE.toml` (see docs/answers-format.md)."
)

# --- The proposal, explained ------------------------------------------------------------

EXPLAIN_HEADLINE: Final = "Proposed overall rating: {value} of 5."
EXPLAIN_LEFT_OUT: Final = (
    "{dimension}: no recent example, so it is left out rather than counted low."
)
EXPLAIN_MUTUAL: Final = "{dimension}: 5, roughly mutual; it does not bring the proposal down."
EXPLAIN_UNDIRECTED: Final = (
    "{dimension}: {score}, nearly mutual with no clear lean; it brings the proposal down {degree}."
)
EXPLAIN_LEANS: Final = "{dimension}: {score}, {lean}; it brings the proposal down {degree}."
EXPLAIN_PARTLY_OFFSET: Final = (
    "{dimension}: {score}, {lean}. Another dimension leans the other way, which softens this: "
    "it brings the proposal down only {degree}."
)
# (threshold, words): how far one dimension brings the proposal down, largest first.
EXPLAIN_DEGREES: Final[tuple[tuple[float, str], ...]] = (
    (0.75, "a lot"),
    (0.375, "somewhat"),
    (0.0, "a little"),
)
EXPLAIN_LOW_NOTE: Final = (
    "This can be hard to look at. A rating describes how things are now, not who either of "
    "you is, and not how it has to stay."
)
EXPLAIN_OFFSETS_MEAN: Final = (
    "Where one of you carries one part and the other carries another, care is flowing both "
    "ways through different channels. Mutual flow is not identical flow."
)
EXPLAIN_OVERALL_LEAN: Final[dict[str, str]] = {
    "i-carry": "Taken together, you carry more of this relationship at the moment.",
    "they-carry": "Taken together, they carry more of this relationship at the moment.",
    "mutual": "Taken together, it flows both ways.",
}
EXPLAIN_NOTHING_RATED: Final = (
    "Every dimension is marked 'no recent example', so there is nothing to propose from; "
    "give the overall rating yourself."
)
