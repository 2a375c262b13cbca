"""Patterns over time: states, their reasons and the guidance."""

from __future__ import annotations

from typing import Final

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
    "too-few-audits": "{audits} so far; reading a pattern takes at least {min_audits}.",
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
        "Low in the latest {audits} over {days} days; it takes {min_count} audits "
        "leaning the same way over {min_days} days outside seasons to call it chronic."
    ),
}
STATUS_FIRST_AUDIT: Final = "When you're ready: reciprocity audit {name}"
STATUS_POINT: Final = "{date}: {score}, {lean}"
STATUS_POINT_PLAIN: Final = "{date}: {score}"
# Beside the overall state ("mutual; you carry more of Initiation, Maintenance"): a role is
# read per dimension, so it names them, and does not read as contradicting the state.
STATUS_ROLE: Final[dict[str, str]] = {
    "i-carry": "you carry more of {dimensions}",
    "they-carry": "they carry more of {dimensions}",
}
STATUS_POINT_IN_SEASON: Final = "{date}: {score}, {lean} (during {seasons})"
# The kind as it stands before "season": "their illness season", "your moving season".
SEASON_KIND_BEFORE: Final[dict[str, str]] = {
    "illness": "illness",
    "grief": "grief",
    "caregiving": "caregiving",
    "new-baby": "new-baby",
    "move": "moving",
    "job-loss": "job-loss",
    "other": "transition",
}
STATUS_SEASON: Final = "{whose} {kind} season ({start} to {end})"
STATUS_SEASON_ONGOING: Final = "{whose} {kind} season (since {start})"
STATUS_SET_ASIDE: Final = "Audits during {seasons} were set aside as temporary."
STATUS_HEADLINE: Final = "{name} ({kind}): {state}"
STATUS_DIMENSION: Final = "{dimension}: {state}"
STATUS_GUIDANCE: Final = "What might help:"
STATUS_NO_PEOPLE: Final = "No relationships yet. Add one with: reciprocity person add NAME"
ERR_SETTING_UNKNOWN: Final = "unknown setting; the settings are: {known}"
ERR_SETTING_VALUE: Final = "must be a {kind} from {minimum} to {maximum}"
ERR_SETTING_LOW_MUTUAL: Final = (
    "the score that leans one way (patterns.low_at_or_below) must be below the score that is "
    "mutual (patterns.mutual_at_or_above)"
)
ERR_SETTING_UNREADABLE: Final = (
    "this stored setting cannot be read; put it back with `reciprocity settings reset {key}`"
)
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
