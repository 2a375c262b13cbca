"""The conversation: the guide, the invitation, the response and the comparison."""

from __future__ import annotations

from typing import Final

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
GUIDE_PATTERN_HINT: Final[dict[str, str]] = {
    "picture": (
        "Say it as what you would love to happen, with an example or two, rather than what "
        "has been missing."
    ),
    "boundary": (
        "Say it as what you will do to look after yourself, and what that keeps possible "
        "between you, rather than as a rule for them."
    ),
}
GUIDE_HEAD_ASK: Final = "Your first step, and one specific ask"
GUIDE_ASK: Final = "Your first step: {step}."
GUIDE_ASK_ONE_THING: Final[dict[str, str]] = {
    "picture": (
        'Then ask for one concrete thing, small enough to say yes to: "Could we try this '
        'for the next month, and see how it feels?"'
    ),
    "boundary": (
        "Then say how you will keep it, kindly, and ask for one thing that would help you "
        'keep showing up: "Would that work for you, and is there anything you need from me?"'
    ),
}
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
COMPARE_APART: Final = "  You see it {apart} apart."
COMPARE_LEANS_DIFFER: Final = (
    "  You each see it leaning a different way ({apart} apart on the score)."
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
COMPARE_QUESTION_NEITHER_EXAMPLE: Final = (
    "Neither of you had anything recent to go on here. How would each of you like this to "
    "go between you, when the time comes?"
)
COMPARE_EXAMPLE: Final = '    "{example}"'
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
# An export's invitations and responses (docs/export-format.md).
ERR_SECRET_SHAPE: Final = (
    "must be 64 characters, each 0-9 or a-f, just as the export wrote it; without it, answers "
    "to this invitation cannot be recognised"
)
ERR_UNKNOWN_INVITATION_ID: Final = (
    "refers to invitation id {invitation_id!r}, which is not in the file"
)
ERR_RESPONSE_INVITATION_NOT_FOUND: Final = (
    "answers invitation {invitation_id!r}, which is neither in this database nor in the file"
)
ERR_ARCHIVED_RESPONSE_PERSON: Final = (
    "names another relationship than the one invitation {invitation_id!r} was made for"
)
ERR_RESPONSE_TWICE: Final = (
    "invitation {id!r} is answered more than once in this file; an invitation "
    "brings back one response"
)
ERR_ARCHIVED_RESPONSE_CONFLICT: Final = (
    "different answers to invitation {invitation_id!r} are already here; an invitation keeps "
    "the one response it brought back"
)
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
