"""The message catalogue: every text a person reads, in one place and one voice.

Dictionaries are keyed by the values of the core's enums (a ``StrEnum`` member
finds its own value), so this module imports nothing and the core may use it.

The voice is warm and plain. It never blames the other person, never talks
like a ledger (no balances, debts or scores to settle) and never suggests
giving less in reply to an imbalance. A test reads every string here and
holds it to that.
"""

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
ASK_SELF_GIVING: Final = "Am I giving about as much as I receive here?"
ASK_SELF_RECEIVING: Final = (
    "Am I open to receiving: do I accept help, ask for it, let myself be supported?"
)
ASK_SELF_NOTE: Final = "A note for yourself (optional):"
SELF_GIVING_LABELS: Final[dict[int, str]] = {
    1: "1 - I receive much more than I give here",
    2: "2 - I receive more than I give",
    3: "3 - I receive a little more than I give",
    4: "4 - I give nearly as much as I receive",
    5: "5 - I give as much as I receive, or more",
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
    "done-trying": (
        '"{span}" sounds worn out, and that matters. Before deciding anything, try naming '
        "what you need in order to keep going, and a boundary that protects your energy."
    ),
}

# --- People ------------------------------------------------------------------------------

PERSON_ADDED: Final = "Added {name} ({kind})."
PERSON_ADDED_NEXT: Final = (
    "When you're ready, look at how things flow with: reciprocity audit {name}"
)
PERSON_RENAMED: Final = "Renamed {old} to {new}."
PERSON_REMOVED: Final = "Removed {name} and everything kept about them ({audits} audit(s))."
ASK_CONFIRM_REMOVE: Final = (
    "Remove {name} and everything kept about them ({audits} audit(s))? This cannot be undone"
)
NOTHING_REMOVED: Final = "Nothing removed."
NO_PEOPLE_YET: Final = "No relationships yet."
PEOPLE_HEADER: Final = ("Name", "Kind", "Audits", "Latest")

# --- Showing audits ----------------------------------------------------------------------

NO_AUDITS_YET: Final = "No audits of {name} yet. Start one with: reciprocity audit {name}"
SHOW_TITLE: Final = "{name} ({kind}), audit of {date}"
SHOW_REVISION: Final = "revision {revision}"
SHOW_NO_EXAMPLE: Final = "no recent example"
SHOW_SELF: Final = (
    "You: giving about as much as you receive, {giving} of 5; open to receiving, {receiving} of 5"
)
SHOW_OVERALL: Final = "Overall: {score} of 5"
SHOW_OVERALL_OVERRIDDEN: Final = "Overall: {score} of 5 (proposed {proposed})"
SHOW_REASON: Final = "Why: {reason}"
SHOW_REFLECTION: Final[dict[str, str]] = {
    "picture": "The pattern you want to build: {text}",
    "boundary": "The boundary you need: {text}",
}
SHOW_FIRST_STEP: Final = "First step: {text}"
SHOW_HOW_PROPOSED: Final = "How the proposal came about:"
SHOW_EARLIER: Final = (
    "You revised this audit; the earlier version(s) are kept too ({count}, in the export)."
)
HISTORY_KEY: Final = (
    "A dash: no recent example. Overall in brackets: the proposal, where you chose differently. "
    "Rev: how many times the audit was saved."
)
NO_AUDITS_DRAFT_WAITING: Final = (
    "An unfinished audit is waiting; pick it up with: reciprocity audit {name}"
)
HISTORY_HEADER: Final = ("Date", "Initiation", "Depth", "Crisis", "Maintenance", "Overall", "Rev")

# --- Patterns over time ---------------------------------------------------------------

STATE_LABELS: Final[dict[str, str]] = {
    "mutual": "mutual",
    "temporary-asymmetry": "temporary asymmetry",
    "chronic-imbalance": "chronic imbalance",
    "improving": "improving",
    "declining": "declining",
    "not-enough-history": "not enough history yet",
}
CARRIED_BY: Final[dict[str, str]] = {
    "i-carry": "carried by you",
    "they-carry": "carried by them",
    "mutual": "carried by both",
}
RULE_TEXT: Final[dict[str, str]] = {
    "no-audits": "No audits yet.",
    "in-season": (
        "The latest audit ({date}) is {score} and leans the way {seasons} would make it lean: "
        "a season, not a problem to fix."
    ),
    "too-few-audits": "{count} audit(s) so far; reading a pattern takes at least {min_audits}.",
    "recent-dip": (
        "The latest audit ({date}, {score}) dips after {history} mutual ones; one low audit "
        "after a mutual history is read as temporary."
    ),
    "rising": (
        "The last {window} audits average {recent}, the {window} before them {before}: "
        "a rise of {change} or more is read as improving."
    ),
    "falling": (
        "The last {window} audits average {recent}, the {window} before them {before}: "
        "a fall of {change} or more is read as declining."
    ),
    "chronic": (
        "Low ({low} or less) and leaning the same way in {count} audits over {days} days, "
        "none of them explained by a season; it takes {min_count} audits over {min_days} days "
        "to call it chronic."
    ),
    "mutual": "The latest audit ({date}) is {score}: it flows both ways.",
    "taking-turns": (
        "In the last {count} audits it leaned one way, then the other: over time it flows "
        "both ways, with each of you carrying it at different times."
    ),
    "low-not-yet-chronic": (
        "Low in the latest {count} audit(s) over {days} days; it takes {min_count} audits "
        "leaning the same way over {min_days} days outside seasons to call it chronic."
    ),
}
STATUS_POINT: Final = "{date}: {score}, {lean}"
STATUS_POINT_PLAIN: Final = "{date}: {score}"
STATUS_ROLE: Final[dict[str, str]] = {
    "i-carry": "you are in the giving role",
    "they-carry": "they are in the giving role",
}
STATUS_POINT_IN_SEASON: Final = "{date}: {score}, {lean} (during {seasons})"
STATUS_SEASON: Final = "{whose} {kind} season ({start} to {end})"
STATUS_SEASON_ONGOING: Final = "{whose} {kind} season (since {start})"
STATUS_SET_ASIDE: Final = "Audits during {seasons} were set aside as temporary."
STATUS_HEADLINE: Final = "{name} ({kind}): {state}"
STATUS_DIMENSION: Final = "{dimension}: {state}"
STATUS_GUIDANCE: Final = "What might help:"
STATUS_NO_PEOPLE: Final = "No relationships yet. Add one with: reciprocity person add NAME"
ERR_SETTING_UNKNOWN: Final = "unknown setting; the settings are: {known}"
ERR_SETTING_VALUE: Final = "must be a {kind} of at least {minimum}"
ERR_SETTING_LOW_MUTUAL: Final = "patterns.low_at_or_below must be below patterns.mutual_at_or_above"
ERR_SETTING_UNREADABLE: Final = (
    "this stored setting cannot be read; put it back with `reciprocity settings reset {key}`"
)
ERR_SETTING_AT_MOST: Final = " and at most {maximum}"
WHOLE_NUMBER: Final = "whole number"
NUMBER: Final = "number"
SETTINGS_HEADER: Final = ("Setting", "Value", "Default")
SETTING_SAVED: Final = "{key} is now {value} (the default is {default})."
SETTING_RESET: Final = "{key} is back to its default, {default}."
WHOSE_SEASON: Final[dict[str, str]] = {"me": "your", "them": "their", "both": "your shared"}
GUIDE_CHRONIC: Final[dict[str, str]] = {
    "i-carry": (
        "{dimension} has leaned your way for a while. You might talk about it, describe the "
        "pattern you would like to build, or set a boundary that protects your energy."
    ),
    "they-carry": (
        "They have carried more of {dimension} for a while. You might ask what would help "
        "them, or tell them you have noticed and are grateful."
    ),
}
GUIDE_DECLINING: Final = (
    "{dimension} has been slipping lately. A check-in, or a conversation about what changed, "
    "may help."
)
GUIDE_TEMPORARY: Final[dict[str, str]] = {
    "i-carry": (
        "{dimension} leans your way in a season. Carrying more for a while is part of a close "
        "relationship; look after yourself while you do."
    ),
    "they-carry": (
        "{dimension} leans their way while you go through this. Letting yourself be cared for "
        "is part of reciprocity too."
    ),
}
GUIDE_COMPLEMENTARY: Final = (
    "You carry {mine} and they carry {theirs}: different kinds of giving, and both count. "
    "If one of them feels heavy, it may be worth saying so."
)
GUIDE_ROLE: Final[dict[str, str]] = {
    "i-carry": (
        "Across {dimensions} you are in the giving role. Reciprocity includes letting them "
        "give to you: is there something you could ask for?"
    ),
    "they-carry": (
        "Across {dimensions} they are in the giving role. Tell them you see it, and ask what "
        "feels like care to them."
    ),
}
GUIDE_RECEIVING: Final = (
    "In your last {count} audits you rated your openness to receiving {scores} of 5. Letting "
    "yourself be supported is part of reciprocity too; accepting the next offer of help is a "
    "small place to start."
)
GUIDE_GIVES_EVERYWHERE: Final = (
    "In several relationships you carry a lot and rarely let yourself receive. That is worth "
    "a gentle look: reciprocity needs both giving and receiving, and you deserve care too."
)

# --- The conversation guide --------------------------------------------------------------

GUIDE_TITLE: Final = "A conversation with {name} (from your audit of {date})"
GUIDE_HEAD_OPENING: Final = "To open, from your side"
GUIDE_OPENING_PICTURE: Final = (
    "\"I've been thinking about us, {name}, and about what I'd love us to build together. "
    'Can I tell you what I have in mind?"'
)
GUIDE_OPENING_BOUNDARY: Final = (
    "\"There's something I need, {name}, so that I can keep showing up for us well. "
    'Can I tell you about it?"'
)
GUIDE_HEAD_PATTERN: Final[dict[str, str]] = {
    "picture": "The pattern you would like, in concrete terms",
    "boundary": "The boundary you need, in concrete terms",
}
GUIDE_PATTERN_HINT: Final = (
    "Say it as what you would love to happen, with an example or two, rather than what has "
    "been missing."
)
GUIDE_HEAD_ASK: Final = "Your first step, and one specific ask"
GUIDE_ASK: Final = (
    "Your first step: {step}.",
    'Then ask for one concrete thing, small enough to say yes to: "Could we try this for the '
    'next month, and see how it feels?"',
)
GUIDE_HEAD_QUESTION: Final = "Their side"
GUIDE_QUESTIONS: Final = (
    '"How does this look from where you are?"',
    '"Is there something you would like more of from me?"',
)
GUIDE_HEAD_IF_HARD: Final = "If it goes badly"
GUIDE_IF_HARD: Final = (
    "It is fine to pause: \"I'd like to come back to this when we're both calmer.\"",
    "One conversation does not have to settle it; a first step is enough.",
    "Look after yourself afterwards, and notice what they offer, however small.",
)
GUIDE_NO_REFLECTION: Final = (
    "There is no picture or boundary for {name} yet. It is written in an audit rated 1 or 2, "
    "or add one to any audit's answers file as a [reflection] table and revise it with --edit."
)
GUIDE_WRITTEN: Final = "Wrote the conversation guide for {name} to {path}."
HELP_CMD_GUIDE: Final = (
    "A guide for the conversation, from your picture or boundary."
    "\n\n"
    "An opening in your own voice, the pattern you want, one ask, a question for their side "
    "and what to do if it goes badly. Markdown when the file ends in .md."
)
HELP_GUIDE_OUTPUT: Final = "Write the guide to this file (Markdown if it ends in .md)."

# --- Export, import, demo ----------------------------------------------------------------

EXPORTED: Final = "Wrote {people} relationship(s) and {audits} audit(s) to {path}."
IMPORTED: Final = (
    "Imported {file}: {people_added} relationship(s) added ({people_unchanged} already here); "
    "{audits_added} audit(s) added, {audits_updated} updated ({audits_unchanged} already here); "
    "{seasons_added} season(s) added ({seasons_unchanged} already here)."
)
DEMO_WRITTEN: Final = (
    "Wrote a demo data set to {path}: three relationships with two years of quarterly audits.\n"
    "It is separate from your own data. Look around with:\n"
    "  reciprocity --db {path} person list\n"
    "  reciprocity --db {path} history {name}\n"
    "  reciprocity --db {path} show {name}"
)


# --- Rhythm ------------------------------------------------------------------------------

ERR_RHYTHM: Final = "the rhythm is a whole number of months from 1 to {maximum}"
RHYTHM_SET: Final = "{name} will be due for an audit every {months} month(s)."
RHYTHM_DEFAULT: Final = "{name} is back to the usual rhythm, every {months} months."
DUE_NOW: Final = "{name}: an audit is due{since} (every {months} months)."
DUE_SINCE: Final = " since {date}"
DUE_FIRST: Final = "{name}: no audit yet; the first one is whenever you are ready."
DUE_SOON: Final = "{name}: the next audit is due on {date}, in {days} day(s)."
DUE_NOTHING: Final = "Nothing due in the next {days} days. The next audit is {name}'s, on {date}."
DUE_NO_PEOPLE: Final = "No relationships yet. Add one with: reciprocity person add NAME"
HELP_CMD_DUE: Final = "List the audits that are due, and those coming up."
HELP_DUE_WITHIN: Final = "Also list what falls due within this many days."
HELP_CMD_PERSON_RHYTHM: Final = "Set how often a relationship is audited (in months)."
HELP_RHYTHM_MONTHS: Final = "Months between audits (1 to 24); 'default' for every 3 months."

# --- Seasons ------------------------------------------------------------------------------

SEASON_KIND_LABELS: Final[dict[str, str]] = {
    "illness": "illness",
    "grief": "grief",
    "caregiving": "caregiving",
    "new-baby": "a new baby",
    "move": "a move",
    "job-loss": "a job loss",
    "other": "another transition",
}
WHOSE_LABELS: Final[dict[str, str]] = {"me": "yours", "them": "theirs", "both": "both of yours"}
ERR_SEASON_STARTS_LATER: Final = (
    "{date} is in the future; add a season once it has begun (it can be ongoing)"
)
ERR_SEASON_ENDS_FIRST: Final = "the season cannot end ({end}) before it starts ({start})"
SEASON_OWNERS: Final[dict[str, str]] = {
    "me": "your season with {name}",
    "them": "{name}'s season",
    "both": "the season you and {name} share",
}
SEASON_SPAN: Final = "from {start} to {end}"
SEASON_SPAN_ONGOING: Final = "from {start}, ongoing"
SEASON_DESCRIBED: Final = "{owner}, marked by {kind} ({span})"
# In someone's season the other one carries more; that lean is read as part of the season.
SEASON_READING: Final[dict[str, str]] = {
    "me": (
        "While it lasts, low scores where {name} carries more will be read as temporary, "
        "not as a problem to fix."
    ),
    "them": (
        "While it lasts, low scores where you carry more will be read as temporary, "
        "not as a problem to fix."
    ),
    "both": (
        "While it lasts, low scores leaning either way will be read as temporary, "
        "not as a problem to fix."
    ),
}
SEASON_ADDED: Final = "Added {season}. {reading}"
SEASON_ENDED: Final = "Ended {season}."
SEASON_CHANGED: Final = "Updated {season}."
SEASON_REMOVED: Final = "Removed {season}."
ASK_CONFIRM_REMOVE_SEASON: Final = "Remove {season}? This cannot be undone"
NO_SEASONS_YET: Final = (
    "No seasons marked yet. When one of you is going through something (illness, grief, a "
    "move ...), mark it, so that a hard stretch is read as a season:\n"
    "  reciprocity season add NAME --whose them --kind grief --from DATE"
)
NO_SEASONS_FOR: Final = "No seasons marked for {name}."
SEASONS_HEADER: Final = ("Person", "Id", "Whose", "Kind", "From", "To", "Note")
SEASON_ONGOING: Final = "ongoing"
ERR_UNKNOWN_WHOSE: Final = "unknown {value!r}; say whose season it is with one of {choices}"
ERR_SEASON_TO_AND_ONGOING: Final = "give either --to DATE or --ongoing, not both"
ERR_SEASON_NOTHING_TO_EDIT: Final = (
    "nothing to change; give one or more of --whose, --kind, --from, --to, --ongoing, --note"
)
ERR_SEASON_ALREADY_ENDED: Final = (
    "this season already ended on {end}; to change when it ended, use "
    "`reciprocity season edit {id} --to DATE`"
)
ERR_NO_SEASON: Final = "no season with an id starting {prefix!r}; see `reciprocity season list`"
ERR_SEASON_AMBIGUOUS: Final = (
    "more than one season has an id starting {prefix!r}; give more of it "
    "(see `reciprocity season list`)"
)
ERR_SEASON_ID_SHORT: Final = (
    "give at least {minimum} characters of the season's id (got {prefix!r}); "
    "see `reciprocity season list`"
)

# --- Command-line help ------------------------------------------------------------------
HELP_APP: Final = (
    "See whether your closest relationships flow both ways, and what to do when they "
    "don't. Patterns over time, never a ledger."
)
HELP_DB: Final = "The database file (or a database URL). Default: in your user data folder."
HELP_VERSION: Final = "Show the version."
HELP_AUDIT_NAME: Final = "The relationship to look at."
HELP_ANSWERS: Final = (
    "Read the answers from a TOML file instead of asking (docs/answers-format.md)."
)
HELP_AUDIT_DATE: Final = "The day the audit is for (YYYY-MM-DD); today if left out."
HELP_EDIT: Final = (
    "Revise the audit of this date (YYYY-MM-DD) with the answers file; the earlier "
    "revision is kept."
)
HELP_DEMO_FORCE: Final = "Replace the file if it already exists."
HELP_DEMO_OUTPUT: Final = "Where to write the demo database."
HELP_EXPORT_FORMAT: Final = "json round-trips everything; csv is for spreadsheets."
HELP_EXPORT_OUTPUT: Final = "Write here, not to stdout."
HELP_IMPORT_FILE: Final = "A JSON export of reciprocity."
HELP_PERSON_GROUP: Final = "Add, list, rename and remove the relationships you look at."
HELP_PERSON_NAME: Final = "What you call them."
HELP_PERSON_KIND: Final = "What they are to you."
HELP_CURRENT_NAME: Final = "The current name."
HELP_NEW_NAME: Final = "The new name."
HELP_REMOVE_NAME: Final = "The relationship to remove."
HELP_YES: Final = "Do not ask for confirmation."
HELP_RELATIONSHIP: Final = "The relationship."
HELP_SHOW_DATE: Final = "Show the audit of this date."
HELP_CMD_STATUS: Final = (
    "Show where each relationship stands over time, and why."
    "\n\n"
    "One state per relationship and per dimension, with the audits and seasons behind it "
    "(docs/patterns.md)."
)
HELP_STATUS_NAME: Final = "One relationship (all of them if left out)."
HELP_CMD_SETTINGS: Final = "Show or change your settings, such as the pattern thresholds."
HELP_SETTING_KEY: Final = "The setting, for example patterns.chronic_min_days."
HELP_SETTING_VALUE: Final = "The new value."
HELP_JSON: Final = "Print JSON for scripts instead of text."

HELP_CMD_AUDIT: Final = (
    "Audit one relationship, guided or from an answers file."
    "\n\n"
    "Four dimensions, a look at yourself, and an overall rating with its explanation."
)
HELP_CMD_DEMO: Final = (
    "Write a demo data set to a file of its own."
    "\n\n"
    "Three relationships with two years of quarterly audits, never in your own database."
)
HELP_CMD_EXPORT: Final = (
    "Export everything as versioned JSON or as CSV."
    "\n\n"
    "The formats are described in docs/export-format.md."
)
HELP_CMD_IMPORT: Final = (
    "Import a JSON export, all or nothing."
    "\n\n"
    "The whole file is checked first; importing the same file twice changes nothing."
)
HELP_CMD_PERSON_ADD: Final = "Add a relationship to look at."
HELP_CMD_PERSON_LIST: Final = "List your relationships with their number of audits."
HELP_CMD_PERSON_RENAME: Final = "Rename a relationship; its audits stay with it."
HELP_CMD_PERSON_REMOVE: Final = "Remove a relationship and all its audits, after confirmation."
HELP_CMD_SHOW: Final = "Show the latest audit and how its rating was proposed."
HELP_CMD_HISTORY: Final = "List every audit of a relationship, oldest first."
HELP_SEASON_GROUP: Final = (
    "Mark seasons: times when one of you is going through something (illness, grief, a move "
    "...)."
    "\n\n"
    "Low scores leaning towards the person in a season are read as temporary, not as a "
    "problem to fix."
)
HELP_CMD_SEASON_ADD: Final = "Mark a season in a relationship: whose it is, what, and since when."
HELP_CMD_SEASON_LIST: Final = "List the seasons, earliest first."
HELP_CMD_SEASON_END: Final = "Say that an ongoing season has ended."
HELP_CMD_SEASON_EDIT: Final = "Change a season; only what you give changes."
HELP_CMD_SEASON_REMOVE: Final = "Remove a season, after confirmation."
HELP_SEASON_NAME: Final = "The relationship the season belongs to."
HELP_SEASON_LIST_NAME: Final = "Only the seasons of this relationship."
HELP_SEASON_ID: Final = (
    "The season's id, or its first 4 characters or more (see `reciprocity season list`)."
)
HELP_SEASON_WHOSE: Final = "Whose season it is: yours (me), theirs (them) or both of yours."
HELP_SEASON_KIND: Final = "What the season is."
HELP_SEASON_FROM: Final = "When it began (YYYY-MM-DD)."
HELP_SEASON_TO: Final = "When it ended (YYYY-MM-DD); leave out while it goes on."
HELP_SEASON_ONGOING: Final = "It is still going on (the same as leaving out --to)."
HELP_SEASON_NOTE: Final = "A few words for yourself about it."
HELP_SEASON_END_ON: Final = "The day it ended (YYYY-MM-DD); today if left out."
HELP_SEASON_EDIT_TO: Final = "A new end (YYYY-MM-DD)."
HELP_SEASON_EDIT_ONGOING: Final = "Make it ongoing again (no end)."

# --- Errors (what went wrong, in plain words) ---------------------------------------------

ERR_SCORE_RANGE: Final = "must be a whole number from 1 to 5 (got {value})"
ERR_LEAN_ON_FIVE: Final = "a 5 means roughly mutual, so it cannot lean one way; use 'mutual'"
ERR_LEAN_NEEDED: Final = "a score of {score} leans one way; say which: 'i-carry' or 'they-carry'"
ERR_LEAN_UNKNOWN: Final = "unknown lean {value!r}; use 'i-carry', 'they-carry' or 'mutual'"
ERR_EXAMPLE_NEEDED: Final = (
    "needs a concrete example of what actually happened, or no_recent_example = true"
)
ERR_DIMENSION_MISSING: Final = "missing: give score, lean and example, or no_recent_example = true"
ERR_NO_EXAMPLE_WITH_SCORE: Final = (
    "no_recent_example = true cannot have a score or lean; remove one or the other"
)
ERR_OVERALL_NEEDED: Final = "nothing was rated, so give the overall score yourself"
ERR_REFLECTION_NEEDED: Final = (
    "an overall rating of {score} asks for a reflection: kind ('picture' or 'boundary'), "
    "text and first_step"
)
ERR_REFLECTION_TEXT: Final = "describe the pattern you want or the boundary you need"
ERR_FIRST_STEP: Final = "name one small first step"
ERR_DATE_IN_FUTURE: Final = "{date} is in the future; an audit looks back at what happened"
ERR_UNKNOWN_PERSON: Final = "no relationship called {name!r}; see `reciprocity person list`"
ERR_DUPLICATE_PERSON: Final = "there is already a relationship called {name!r}"
ERR_EMPTY_NAME: Final = "a name cannot be empty"
ERR_NAME_TOO_LONG: Final = "a name can be at most {limit} characters"
ERR_NAME_CONTROL: Final = "a name cannot contain control characters"
ERR_TEXT_CONTROL: Final = "cannot contain a NUL character"
ERR_DUPLICATE_AUDIT: Final = (
    "there is already an audit of {name} on {date}; to revise it, add --edit {date}"
)
ERR_NO_AUDIT_ON: Final = "no audit of {name} on {date}"
HINT_AUDIT_DATES: Final = "; the latest audits are on {dates}"
ERR_UNKNOWN_KIND: Final = "unknown kind {value!r}; use one of {choices}"
HINT_DID_YOU_MEAN: Final = " (did you mean {word}?)"
ERR_FILE_UNWRITABLE: Final = "cannot write the file: {detail}"
DETAIL_IS_A_FOLDER: Final = "that is a folder; give a file name"
DETAIL_NO_FOLDER: Final = "the folder {folder} does not exist"
ERR_EMPTY_DATABASE: Final = "the database path is empty; leave out --db to use your usual database"
ERR_LOCK_TIMEOUT: Final = "RECIPROCITY_LOCK_TIMEOUT must be a number of seconds (got {value!r})"
ERR_EDIT_NEEDS_REVISION: Final = (
    "to revise, add revision = {current} to the file: the revision your changes start from "
    "(`reciprocity show {name} --date {date} --json` shows it)"
)
ERR_EDIT_OTHER_DATE: Final = (
    "the file is dated {found}, but the audit being revised is of {date}; "
    "make them the same (an audit keeps its date)"
)
ERR_GUIDED_DATE_TAKEN: Final = (
    "there is already an audit of {name} on {date}. Choose another day with --date, "
    "or revise that one from a file: --answers FILE.toml --edit {date}"
)
ERR_SAVED_MEANWHILE_NAME: Final = (
    "another relationship with that name was saved at the same moment; nothing was changed"
)
ERR_SAVED_MEANWHILE_DATE: Final = (
    "there is already an audit of this relationship on that date; nothing was changed"
)
ERR_PERSON_GONE: Final = "that relationship no longer exists; nothing was changed"
ERR_AUDIT_DIVERGED: Final = (
    "audit {audit_id} was edited both here and in the file since they were last the same; "
    "nothing was imported"
)
ERR_NAME_TWICE: Final = "the name {name!r} is used by two relationships in this file"
ERR_STALE: Final = (
    "this audit was changed elsewhere since you opened it (now revision {current}, you "
    "started from {expected}); nothing was saved. Look at it again and redo your change."
)
ERR_NOT_WHOLE_NUMBER: Final = "must be a whole number"
ERR_NOT_TRUE_FALSE: Final = "must be true or false"
ERR_NOT_TEXT: Final = "must be text (in quotes)"
ERR_NOT_DATE: Final = "must be a date like 2026-11-01"
ERR_NOT_DATETIME: Final = "must be a date and time like 2026-11-01T20:00:00+00:00"
ERR_EMPTY_VALUE: Final = "cannot be empty"
ERR_TOO_LONG: Final = "can be at most {max_length} characters"
ERR_BAD_CHARACTERS: Final = "contains characters that are not allowed here"
ERR_NOT_ONE_OF: Final = "must be one of {expected}"
ERR_NOT_TABLE: Final = "must be a table of keys and values"
ERR_NOT_LIST: Final = "must be a list"
ERR_TOO_SMALL: Final = "must be at least {ge}"
ERR_INVALID_VALUE: Final = "is not a valid value here"
ERR_DUPLICATE_ID: Final = "the id {id!r} appears more than once in this file"
ERR_UNKNOWN_KEY: Final = "unknown key (check the spelling; see docs/answers-format.md)"
ERR_MISSING: Final = "missing"
ERR_UNKNOWN_REFLECTION_KIND: Final = "unknown kind {value!r}; use 'picture' or 'boundary'"
ERR_EDIT_NEEDS_ANSWERS: Final = "--edit needs --answers FILE.toml"
ERR_NO_AUDIT_ID: Final = "no audit with id {audit_id}"
ERR_TOML_SYNTAX: Final = "not valid TOML: {detail}"
TOML_AT_COLUMN: Final = "column {column}: {reason}"
TOML_HINT_UNCLOSED_QUOTE: Final = "a quote is not closed on this line"
TOML_HINT_ONE_PER_LINE: Final = (
    "one key = value per line; text goes in quotes and dates are written 2026-11-01"
)
TOML_HINT_VALUE: Final = (
    "a key has no value, or the value is not a number, text in quotes or a date"
)
TOML_HINT_TWICE: Final = "the same key or table is given twice"
ERR_JSON_SYNTAX: Final = "not valid JSON: {detail}"
ERR_FILE_UNREADABLE: Final = "cannot read the file: {detail}"
ERR_IMPORT_CSV: Final = (
    "import reads the JSON export; CSV is for spreadsheets. Export with --format json to move data"
)
ERR_NOT_AN_EXPORT: Final = "not a reciprocity export (no format = 'reciprocity-export')"
ERR_NEWER_EXPORT: Final = (
    "written by a newer version of reciprocity (schema {found}; this version reads up to "
    "{supported}); upgrade reciprocity to import it"
)
ERR_UNKNOWN_PERSON_ID: Final = "refers to person id {person_id!r}, which is not in the file"
ERR_NAME_TAKEN: Final = (
    "relationship {name!r} already exists here as a different person; rename one of them first"
)
ERR_AUDIT_CONFLICT: Final = (
    "audit {audit_id} is already stored with different answers at the same revision; "
    "nothing was imported"
)
ERR_DATE_FORMAT: Final = "{value!r} is not a date; use YYYY-MM-DD"
ERR_DB_UNREADABLE: Final = "cannot open the database: {detail}"
ERR_DB_NOT_DATABASE: Final = "this file is not a reciprocity database"
ERR_DB_LOCKED: Final = (
    "the database is busy: another program (perhaps another reciprocity window) is writing "
    "to it. Try again in a moment; nothing was changed."
)
ERR_DB_NEWER: Final = (
    "this database was written by a newer version of reciprocity (schema {found}); "
    "upgrade reciprocity to open it. Nothing was changed."
)
ERR_DEMO_WOULD_REPLACE: Final = (
    "{path} already exists; choose another file, or add --force to replace it"
)
ERR_DEMO_IS_USER_DB: Final = (
    "the demo would overwrite your own database; choose another file with -o"
)
ERR_PREFIX: Final = "error: "
STOPPED: Final = "Stopped; nothing was changed."

# --- What to remember about each person (a memory aid, never a ledger) -------------------

HELP_REMEMBER_GROUP: Final = (
    "Keep what you want to remember about someone: important dates, things they shared "
    "that deserve a follow-up, and how each of you likes to receive care."
)
HELP_CMD_REMEMBER_DATE: Final = "Remember an important date (yearly unless --once)."
HELP_CMD_REMEMBER_SHARED: Final = (
    "Remember something they shared, with a follow-up date if you like."
)
HELP_CMD_REMEMBER_CARE: Final = "Note how they like to receive care, and how you do."
HELP_CMD_REMEMBER_LIST: Final = "Show what you keep in mind about someone."
HELP_CMD_REMEMBER_DONE: Final = "Mark a follow-up as done."
HELP_CMD_REMEMBER_REMOVE: Final = "Forget a remembered date or shared thing."
HELP_REMEMBER_NAME: Final = "The relationship it is about."
HELP_REMEMBER_LABEL: Final = "What the date is, e.g. 'birthday'."
HELP_REMEMBER_DATE: Final = "The date, YYYY-MM-DD (for a birthday, any year will do)."
HELP_REMEMBER_ONCE: Final = "The date happens once rather than every year."
HELP_REMEMBER_TEXT: Final = "What they shared, in a few words."
HELP_REMEMBER_FOLLOW_UP: Final = "When to come back to it, YYYY-MM-DD."
HELP_REMEMBER_THEIRS: Final = "How they like to receive care, comma-separated: {ways}."
HELP_REMEMBER_MINE: Final = "How you like to receive care, comma-separated: {ways}."
HELP_REMEMBER_NOTE: Final = "A free note about care (replaces the earlier one)."
HELP_REMEMBER_ID: Final = "The item's id, or its first 4 or more characters (see remember list)."
ERR_MEMORY_TEXT_EMPTY: Final = "cannot be empty; say in a few words what to remember"
ERR_UNKNOWN_CARE_WAY: Final = "unknown way of receiving care {value!r}; use one of {choices}"
ERR_NO_MEMORY: Final = (
    "nothing remembered with an id starting {prefix!r}; see `reciprocity remember list NAME`"
)
ERR_MEMORY_AMBIGUOUS: Final = (
    "more than one remembered item has an id starting {prefix!r}; give more of the id"
)
ERR_MEMORY_ID_SHORT: Final = (
    "give at least {minimum} characters of the id (got {prefix!r}); "
    "see `reciprocity remember list NAME`"
)
ERR_NOT_A_FOLLOW_UP: Final = (
    "{id} is an important date, not a follow-up; only things shared can be marked done"
)
ERR_REMEMBER_CARE_NOTHING: Final = "give --theirs, --mine or --note to say what to keep"
REMEMBERED_DATE: Final = "Remembered for {name}: {label} on {day}{yearly}."
REMEMBERED_YEARLY: Final = ", every year"
REMEMBERED_SHARED: Final = "Remembered for {name}: {text}{follow_up}."
REMEMBERED_FOLLOW_UP: Final = " (to come back to on {date})"
REMEMBERED_CARE: Final = "Noted how care lands for you and {name}."
FOLLOW_UP_DONE: Final = "Marked as followed up: {text}."
REMEMBERED_REMOVED: Final = "Forgotten: {what}."
NOTHING_REMEMBERED: Final = (
    "Nothing kept for {name} yet. Try: reciprocity remember date {quoted} birthday YYYY-MM-DD"
)
REMEMBER_HEAD_DATES: Final = "Important dates"
REMEMBER_HEAD_SHARED: Final = "Things {name} shared"
REMEMBER_HEAD_CARE: Final = "How care lands"
REMEMBER_DATE_LINE: Final = "  {id}  {day}  {label}{yearly}"
REMEMBER_DATE_YEARLY: Final = " (every year)"
REMEMBER_SHARED_LINE: Final = "  {id}  {text}{follow_up}{done}"
REMEMBER_SHARED_FOLLOW_UP: Final = " (follow up on {date})"
REMEMBER_SHARED_DONE: Final = " (followed up)"
REMEMBER_CARE_THEIRS: Final = "  {name}: {ways}"
REMEMBER_CARE_MINE: Final = "  You: {ways}"
REMEMBER_CARE_NOTE: Final = "  Note: {note}"
REMEMBER_CARE_UNSET: Final = "not noted yet"
DUE_DATE: Final = "{name}: {label} on {date}{when}."
DUE_FOLLOW_UP: Final = "{name}: a follow-up on what they shared, {text!r}{when}."
DUE_TODAY: Final = ", today"
DUE_IN_DAYS: Final = ", in {days} day(s)"
DUE_SINCE_DAY: Final = ", waiting since {date}"
IMPORTED_REMEMBERED: Final = "What to remember: {added} added, {unchanged} already here."

# --- The calendar file ------------------------------------------------------------------

HELP_CMD_CALENDAR: Final = (
    "Write a calendar file (.ics) of due audits, important dates and follow-ups, "
    "for the calendar you already use."
)
HELP_CALENDAR_OUTPUT: Final = "The .ics file to write."
HELP_CALENDAR_WITHIN: Final = "Include follow-ups and audits due within this many days."
CALENDAR_NAME: Final = "reciprocity: people to keep in mind"
CAL_AUDIT_SUMMARY: Final = "A moment to reflect on your relationship with {name}"
CAL_AUDIT_DESCRIPTION: Final = (
    "Your audit of how things flow between you and {name} is due. Run: reciprocity audit {quoted}"
)
CAL_DATE_SUMMARY: Final = "{name}: {label}"
CAL_DATE_DESCRIPTION: Final = "A date you wanted to remember for {name}."
CAL_FOLLOW_UP_SUMMARY: Final = "Ask {name} about: {text}"
CAL_FOLLOW_UP_DESCRIPTION: Final = (
    "Something {name} shared that you wanted to come back to. "
    "When you have, run: reciprocity remember done {id}"
)
CALENDAR_WRITTEN: Final = (
    "Wrote {count} reminder(s) to {path}. Import it into your calendar; "
    "importing it again updates what is there rather than adding twice."
)

# --- The invitation, the response and the comparison (two views, never a verdict) -------

HELP_CMD_INVITE: Final = (
    "Write an invitation (one HTML file) for the other person to do the audit from their side."
    "\n\n"
    "It works in any browser without the internet and shows nothing of your answers; it gives "
    "them a response file to send back (docs/conversation.md)."
)
HELP_INVITE_OUTPUT: Final = "The .html file to write."
HELP_CMD_IMPORT_RESPONSE: Final = (
    "Import the response file the other person sent back, all or nothing."
    "\n\n"
    "It must answer an invitation made here; importing the same file twice changes nothing."
)
HELP_RESPONSE_FILE: Final = "The response file (reciprocity-response-....json)."
HELP_CMD_COMPARE: Final = (
    "Set their answers beside your audit: where you agree, where your views differ, and a "
    "question to talk about for each difference."
)
INVITE_WRITTEN: Final = (
    "Wrote an invitation for {name} to {path}. Send them the file: they open it in any "
    "browser, answer from their side, and send back the small file it gives them. Then:\n"
    "  reciprocity import-response FILE"
)
RESPONSE_IMPORTED: Final = (
    "Imported {name}'s answers of {date}. See both views side by side with:\n"
    "  reciprocity compare {quoted}"
)
RESPONSE_ALREADY_HERE: Final = "{name}'s answers of {date} are already here; nothing changed."
COMPARE_NO_RESPONSE: Final = (
    "No answers from {name} yet. Invite them to look from their side with:\n"
    "  reciprocity invite {quoted} -o invitation.html"
)
COMPARE_NO_AUDIT: Final = (
    "There is no audit of your own for {name} yet to set beside their answers. "
    "When you are ready: reciprocity audit {quoted}"
)
COMPARE_TITLE: Final = (
    "Two views of your relationship with {name}: your audit of {mine}, their answers of {theirs}"
)
COMPARE_INTRO: Final = (
    "Both views are shown from your side, so 'you carry more of it' means you in each. "
    "Where you see things differently, neither view is the wrong one: it is something to "
    "talk about together."
)
COMPARE_SIDE: Final = "{score} of 5, {lean}"
COMPARE_NO_EXAMPLE: Final = "no recent example"
COMPARE_YOU: Final = "  You: {side}"
COMPARE_THEM: Final = "  {name}: {side}"
COMPARE_AGREE: Final = "  You agree."
COMPARE_APART: Final = "  You see it {apart} points apart."
COMPARE_LEANS_DIFFER: Final = (
    "  You each see it leaning a different way ({apart} point(s) apart on the score)."
)
COMPARE_TALK: Final = "  To talk about: {question}"
COMPARE_QUESTION_SCORE: Final[dict[str, str]] = {
    "initiation": (
        "What does reaching out look like for each of you, and when does it feel like enough?"
    ),
    "depth": (
        "When one of you opens up, what helps you feel heard, and what would you like more of?"
    ),
    "crisis": (
        "Think of the last hard time: what did each of you need then, and how did it feel to "
        "get it?"
    ),
    "maintenance": (
        "Which parts of the everyday upkeep does each of you notice, and which go by unseen?"
    ),
}
COMPARE_QUESTION_LEAN: Final[dict[str, str]] = {
    "initiation": (
        "You each feel the reaching out comes more from a different side. What does each of "
        "you count as reaching out?"
    ),
    "depth": (
        "You remember the listening differently. Could each of you share a moment when you "
        "felt truly heard by the other?"
    ),
    "crisis": (
        "You remember the hard times differently. What did showing up look like to each of you?"
    ),
    "maintenance": (
        "You each see the everyday care coming from a different side. What quiet care does "
        "each of you give that the other might not see?"
    ),
}
COMPARE_QUESTION_NO_EXAMPLE: Final = (
    "One of you had nothing recent to go on here. How would each of you like this to go "
    "between you, when the time comes?"
)
ERR_NOT_A_RESPONSE: Final = (
    "not a reciprocity response file (no format = 'reciprocity-response'); it is made by the "
    "invitation page"
)
ERR_NEWER_RESPONSE: Final = (
    "written by a newer version of reciprocity (version {found}; this version reads "
    "{supported}); upgrade reciprocity to import it"
)
ERR_RESPONSE_UNKNOWN_INVITATION: Final = (
    "this answers an invitation that is not in this database (made from another one, or "
    "removed with its relationship); nothing was imported"
)
ERR_RESPONSE_WRONG_PERSON: Final = (
    "this response names another relationship than its invitation; nothing was imported"
)
ERR_RESPONSE_CODE: Final = (
    "the integrity code does not match the invitation: the file was changed, or it belongs to "
    "another invitation; nothing was imported"
)
ERR_RESPONSE_CONFLICT: Final = (
    "different answers to this invitation are already here; for fresh answers, send a new "
    "invitation (reciprocity invite NAME -o FILE.html)"
)
ERR_RESPONSE_DATE_FUTURE: Final = "{date} is after today"
INVITE_PAGE_TITLE: Final = "How do things flow between us?"
INVITE_PAGE_INTRO: Final = (
    "Someone close to you would like to hear how your relationship looks from your side. "
    "Four short questions about the last few months; answer from what actually happened."
)
INVITE_PAGE_PRIVATE: Final = (
    "This page works without the internet and sends nothing anywhere. You do not see their "
    "answers here, and they see yours only when you send them the file the button gives you."
)
INVITE_PAGE_BUTTON: Final = "Download my answers"
INVITE_PAGE_DONE: Final = (
    "Your answers are in the file {file}. Send it back to the person who invited you. Thank "
    "you for taking the time."
)
INVITE_PAGE_NEED_SCORE: Final = (
    "{dimension}: please choose how mutual it has been, or tick 'no recent example'."
)
INVITE_PAGE_NEED_LEAN: Final = "{dimension}: a score of 1 to 3 leans one way; please say which."
INVITE_PAGE_NEED_EXAMPLE: Final = "{dimension}: please write one concrete example."
