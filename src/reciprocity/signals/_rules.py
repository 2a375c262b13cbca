"""The formulaic signals, as rules: check-ins, thanks, shallow replies, sarcasm, plain support.

Check-ins and thanks are said in a few set ways, and a rule that names them is
both more accurate on chat messages and easier to explain than a model trained
on Reddit comments. Each rule group answers "did anything match?"; the
combination with the models is in :mod:`reciprocity.signals._classify`.
Patterns run on text already lower-cased with straight apostrophes. Each
alternative starts with a word boundary and a letter (or is anchored at the start)
so that it searches fast: an optional lead-in (such as "just " before "checking
in") changes nothing a search finds, and is left out (a test lists the few
exceptions).
"""

from __future__ import annotations

import re

__all__ = [
    "APOLOGY",
    "CHECK_IN",
    "DISTRESS",
    "EMOTIONAL_SUPPORT",
    "GRATITUDE",
    "GROUPS",
    "NOT_GRATITUDE",
    "PRACTICAL_SUPPORT",
    "SARCASM",
    "SHALLOW",
    "RuleGroup",
    "matches",
    "union",
]


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|`` (not inside brackets or a class)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def _distribute(alternative: str) -> list[str]:
    r"""``\b(?:x|y)rest`` as ``\bxrest`` and ``\byrest``, so each can be grouped by letter."""
    opening = "\\b(?:"
    if not alternative.startswith(opening):
        return [alternative]
    depth = 1
    index = len(opening)
    while index < len(alternative) and depth:
        char = alternative[index]
        if char == "\\":
            index += 2
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        index += 1
    if depth or alternative[index : index + 1] in {"?", "*", "+", "{"}:
        return [alternative]
    inside = alternative[len(opening) : index - 1]
    tail = alternative[index:]
    return ["\\b" + choice + tail for choice in _alternatives(inside)]


def union(*patterns: str) -> str:
    """One pattern that matches where any of ``patterns`` does, arranged to search fast.

    Alternatives that start with a word boundary and a letter are grouped by
    that letter under one boundary, so at each position the engine looks at
    one letter instead of trying every alternative in turn. The rule groups
    have dozens of alternatives; this makes them several times faster.
    """
    grouped: dict[str, list[str]] = {}
    rest: list[str] = []
    for pattern in patterns:
        for alternative in (a for p in _alternatives(pattern) for a in _distribute(p)):
            head = alternative[2:3]
            quantified = alternative[3:4] in {"?", "*", "+", "{"}
            if (
                alternative.startswith("\\b")
                and head.isalpha()
                and head.isascii()
                and not quantified
            ):
                grouped.setdefault(head, []).append(alternative[3:])
            else:
                rest.append(alternative)
    letters = [f"{h}(?:{'|'.join(tails)})" for h, tails in sorted(grouped.items())]
    return "|".join([*([f"\\b(?:{'|'.join(letters)})"] if letters else []), *rest])


class RuleGroup:
    """A rule group: the patterns it was written as, compiled to search fast.

    Alternatives anchored at the start of the text (``^...``) are tried there
    only, with one ``match``; searched at every position, they made the
    shallow-reply group twice as slow. The rest form one :func:`union`.
    """

    def __init__(self, *patterns: str) -> None:
        self.sources = patterns
        alternatives = [a for p in patterns for a in _alternatives(p)]
        at_start = [a for a in alternatives if a.startswith("^")]
        anywhere = [a for a in alternatives if not a.startswith("^")]
        self._at_start = re.compile("|".join(at_start)).match if at_start else None
        self._anywhere = re.compile(union(*anywhere)).search if anywhere else None

    def found(self, text: str) -> bool:
        """Whether anything in the group matches an already normalised text."""
        if self._at_start is not None and self._at_start(text) is not None:
            return True
        return self._anywhere is not None and self._anywhere(text) is not None


# Every rule group, for checking the fast form against the patterns as written.
GROUPS: list[RuleGroup] = []


def _any(*patterns: str) -> RuleGroup:
    group = RuleGroup(*patterns)
    GROUPS.append(group)
    return group


_YOU = r"(?:you|u|ya|yous)"
_TOPIC = r"(?:the|your|ur|his|her|their|mum's|dad's)"

CHECK_IN = _any(
    rf"\bhow\s+(?:are|r|re)\s+(?:{_YOU}|things|the\s+kids|you\s+two|you\s+both|y'all)\b"
    r"(?!\s+(?:this|that|so)\s+\w+\s+at\b)(?!\s+(?:getting|going)\s+to\b)",
    rf"\bhow(?:'s|s|\s+is|\s+was|\s+were)\s+(?:it\s+going|things|life|everything|work|uni|school"
    rf"|{_YOU}|he|she|they|mum|dad|your\s+\w+|the\s+(?!wifi|password|price)\w+)\b"
    r"(?!\s+(?:that|this)\s+my\b)",
    r"\bhow\s+did\s+(?:it|that|things|(?:the|your)\s+(?:\w+\s+){0,2}?\w+)\s+go\b",
    r"\bhow\s+(?:you're|you\s+are|ur)\s+(?:doing|feeling|getting\s+on|holding\s+up)\b",
    r"\bhow\s+(?:'ve|have|has|you)\s*(?:you\s+)?(?:been|doing|feeling|holding\s+up|getting\s+on)\b",
    r"\bhow\s+(?:are|r)\s+(?:you|u)\s+(?:doing|feeling|holding\s+up|getting\s+on|coping|settling)",
    rf"\bthinking\s+(?:of|about)\s+{_YOU}\b",
    rf"\b(?:reminded\s+me\s+of|thought\s+of)\s+{_YOU}\b",
    r"\bchecking\s+in\b",
    rf"\bcheck(?:ing)?\s+on\s+{_YOU}\b",
    rf"\bhope\s+(?:you(?:'re|\s+are|r)?|u|ur|your|{_TOPIC}|it|everything|things|today(?:'s)?"
    r"|tomorrow|all)\s+(?:\w+\s+){0,3}?(?:ok|okay|alright|well|better|good|great|fine|going|went"
    r"|doing|having|feeling|home|safe|smoothly|easier|kind)\b",
    rf"\b{_YOU}\s+(?:ok|okay|alright|all\s+right|doing\s+ok)\b"
    r"(?!\s+(?:with|to|for|if)\b)",
    r"\beverything\s+(?:ok|okay|alright|all\s+right)\b",
    rf"\bmiss(?:ing)?\s+{_YOU}\b",
    r"\bany\s+news\s+(?:on|from|about)\b",
    r"\b(?:getting\s+on|settling\s+in|holding\s+up)\b",
    r"\bgood\s+luck\s+(?:today|tomorrow|tonight|with|for|on|at|in)\b"
    r"|\bgood\s+luck\b.*\blet\s+me\s+know\b",
    r"\blet\s+me\s+know\s+how\s+(?:it|they|things|that)\s+go",
    r"\bsending\s+(?:good\s+vibes|love|hugs|strength)\b",
    r"\bfingers\s+crossed\s+for\b",
    r"\bhappy\s+(?:birthday|anniversary|bday)\b",
    r"\bget\s+home\s+(?:ok|okay|safe|safely|alright)\b",
    r"\b(?:long\s+time\s+no\s+(?:see|speak|talk|chat)|hey\s+stranger)\b",
    rf"\b{_YOU}\s+feeling\s+(?:any\s+)?better\b",
    r"\bis\s+(?:your|ur)\s+\w+\s+(?:home|ok|okay|better|out)\b",
    r"\bhaven't\s+heard\s+from\s+you\b",
)

GRATITUDE = _any(
    r"\bthank(?:s|\s*(?:you|u|ya|yo))\b",
    r"\b(?:thanx|thnx|thx|tysm|ty|ta)\b(?!\s+(?:da|dah)\b)",
    r"\bcheers\s+for\b",
    r"\b(?:grateful|thankful)\b",
    r"\bappreciat(?:e|ed|es|ing)\s+(?:you|it|that|this|all|everything|how)\b",
    r"\b(?:means?|meant)\s+(?:a\s+lot|so\s+much|the\s+world|more\s+than)\b",
    r"\b(?:you're|you\s+are|ur)\s+(?:the\s+best|a\s+(?:star|gem|legend|saint|lifesaver))\b",
    r"\blife\s*saver\b",
    r"\b(?:so|really|very|that's|that\s+was|how)\s+(?:kind|thoughtful|sweet|generous)\s+(?:of\s+you)?",
    r"\blucky\s+to\s+have\s+(?:you|u)\b",
    r"\bcouldn't\s+have\s+done\s+it\s+without\s+(?:you|u)\b",
    r"\bmade\s+my\s+(?:day|week|month|year)\b",
    r"\b(?:it|that|this|you)\s+(?:was|were|is|are)\s+(?:amazing|brilliant|perfect|exactly\s+what)",
)
NOT_GRATITUDE = _any(
    r"\bthanks?\s+(?:you\s+)?for\s+nothing\b",
    r"\bno\s+thanks?\b",
    r"\bthanks?\s+but\s+no\b",
    r"\bthank\s+(?:god|goodness|heavens|christ|fuck)\b",
    r"\bthanks\s+a\s+lot\s+for\s+(?:ruining|telling|nothing|making)\b",
)
SARCASM = _any(
    "\U0001f644",  # the eye roll
    r"^(?:oh\s+)?(?:great|fantastic|lovely|brilliant|perfect|wonderful)[,.!]\s",
    r"^oh\s+(?:great|sure|lovely|fantastic|brilliant|perfect|joy)\b",
    r"\b(?:yeah|oh)\s+right\b",
    r"\bwow\s+thanks\b",
    r"\boh\s+wait\b",
    r"[.!]\s*not[.!]*$",
    r"\s/s$",
    r"\bnice\s+of\s+you\s+to\s+finally\b",
    r"\blove\s+that\s+for\s+me\b",
    r"\bwhat\s+a\s+surprise\b",
    r"\bbecause\s+(?:you're|you\s+are|that\s+went)\s+so\b",
)

_ACK = (
    r"(?:ok(?:ay)?|k+|kk|cool|nice|lol+|lmao+|rofl|haha+|ha|heh|yeah|yea|yep|yup|mm+|hm+|meh"
    r"|shrug|sucks|oh|ah|wow|fair|true|right|same|well|\U0001f44d|\U0001f602|\U0001f937\S*)"
    r"(?:[\s,.!]+(?:ok(?:ay)?|then|cool|same|one|well|lol|haha+|\U0001f44d))?"
)
SHALLOW = _any(
    rf"^\s*(?:{_ACK})\s*[.!]*\s*$",
    r"\bcould\s+(?:be|have\s+been)\s+(?:a\s+lot\s+|much\s+|way\s+)?worse\b",
    r"^\s*at\s+least\b|\bat\s+least\s+(?:you|it|he|she|they|u)\b",
    r"\bnot\s+the\s+end\s+of\s+the\s+world\b",
    r"\b(?:it's|its|it\s+is)\s+not\s+(?:that\s+bad|that\s+deep|that\s+serious|a\s+big\s+deal"
    r"|that\s+big\s+a\s+deal)\b|\bit\s+is\s+what\s+it\s+is\b",
    r"\bignore\s+(?:it|them|him|her)\b|\bget\s+a\s+grip\b|\bworry\s+too\s+much\b",
    r"\bnot\s+that\s+deep\b",
    r"\bcheer\s+up\b",
    r"\bget\s+over\s+it\b",
    rf"\b{_YOU}'?ll\s+(?:be\s+fine|live|get\s+over\s+it|survive)\b",
    r"\bi'm\s+sure\s+(?:it's\s+nothing|it\s+was\s+nothing|they\s+didn't\s+mean)",
    r"\b(?:it's|its)\s+only\s+an?\b",
    r"\b(?:other|some)\s+people\s+have\s+it\s+(?:way\s+|much\s+|a\s+lot\s+)?(?:harder|worse)\b",
    r"\bwe\s+all\s+have\s+(?:problems|stuff|our\s+problems)\b",
    r"\beveryone\s+(?:gets|goes\s+through|has|feels)\b",
    r"\bthat's\s+life\b|\b(?:it|these\s+things|shit)\s+happens?\b",
    r"\beverything\s+happens\s+for\s+a\s+reason\b",
    r"\bplenty\s+(?:more\s+)?fish\b",
    r"\bbe\s+positive\b|\bso\s+negative\b",
    r"\bdon't\s+think\s+about\s+it\b",
    r"\bdramatic\b|\bmake\s+(?:such\s+)?a\s+(?:drama|fuss)\b",
    r"\boverthinking\b",
    r"^\s*calm\s+down\b",
    r"\ba\s+you\s+problem\b",
    r"\bwhatever\s+you\s+say\b",
    r"\b(?:your|ur)\s+own\s+fault\b",
    r"\bshould(?:'ve|\s+have)\s+seen\s+it\s+coming\b",
    rf"\b{_YOU}(?:'re|\s+are|r)\s+lucky\s+(?:you|to)\b",
    r"\bwhat\s+about\s+me\b",
    r"\bthat's\s+nothing\b|\bwait\s+(?:till|until)\s+you\s+hear\b",
    r"^(?:\S+[.!,]?\s+){0,2}anyway(?:s)?\b",
    r"\btalk\s+about\s+something\s+else\b",
    r"^(?:oh|ah|wow)[.!]+\s+(?:so|anyway)\b",
    r"\bclassic\s+you\b",
    r"\byou\s+did\s+choose\b|\byou\s+chose\s+(?:this|that|to)\b",
    r"\bjust\s+get\s+on\s+with\s+it\b",
)

EMOTIONAL_SUPPORT = _any(
    r"\b(?:so|really|very|truly)\s+sorry\b(?!\s+(?:for\s+(?:the|my)|i'm\s+late|i\s+forgot))",
    r"\bsorry\s+(?:to\s+hear|about\s+(?:your|the)|you|that\s+(?:you|it)|for\s+your\s+loss"
    r"|it's\s+been|today\s+was)\b",
    r"\bsending\s+(?:you\s+)?(?:so\s+much\s+|the\s+biggest\s+|a\s+big\s+|lots\s+of\s+)?"
    r"(?:love|hugs?|strength)\b",
    r"\b(?:here|there)\s+for\s+(?:you|u)\b|\bnot\s+going\s+anywhere\b",
    r"\bi'm\s+(?:always\s+)?here\b(?!\s+(?:at|in|now|with))|\ballowed\s+to\s+feel\b",
    r"\bstronger\s+than\s+you\s+think\b|\bwell\s+done\b",
    r"\bproud\s+of\s+(?:you|u)\b|\bproud\s+of\s+how\s+you\b",
    r"\byou(?:'ve|\s+have)\s+got\s+this\b|\bbelieve\s+in\s+(?:you|u)\b",
    r"\bnot\s+alone\b",
    r"\bhugs\b",
    r"\bthat\s+(?:sounds|must\s+(?:have\s+been|be))\s+(?:\w+\s+)?(?:hard|tough|awful|rough|horrible"
    r"|exhausting|scary|frightening|painful|difficult|heartbreaking|stressful|a\s+lot)\b",
    r"\b(?:that's|that\s+is|it's)\s+(?:\w+\s+)?(?:heartbreaking|awful|so\s+unfair|really\s+unfair"
    r"|so\s+scary)\b",
    r"\byou\s+deserve\b|\bcongrat",
    r"\bhappy\s+for\s+(?:you|u)\b",
    r"\bvalid\b|\bmakes\s+(?:total\s+|complete\s+)?sense\b",
    r"\bnot\s+your\s+fault\b|\bpoor\s+(?:you|thing|love)\b",
    r"\bi\s+hate\s+(?:that|seeing)\s+you\b",
    r"\bi\s+know\s+how\s+you\s+feel\b",
    r"\bof\s+course\s+you're\s+(?:upset|sad|angry|hurt|scared)\b",
    r"\bno\s+wonder\s+you\b",
    r"\byou\s+(?:matter|handled\s+that|did\s+everything|should\s+be\s+(?:really\s+)?proud)\b",
    r"\bit's\s+ok(?:ay)?\s+not\s+to\s+be\s+ok",
    r"\b(?:going\s+to|gonna)\s+be\s+an?\s+amazing\b",
    r"\bglad\s+you're\s+ok\b",
    r"\bdoing\s+so\s+much\s+better\s+than\b",
    # "Oh no, I'm sorry": sympathy, unlike "I'm sorry I'm late" (an apology, see APOLOGY).
    r"\boh\s+no\b[\s,.!]+(?:i'm\s+|im\s+)?(?:so\s+|really\s+)?sorry\b"
    r"(?!\s+(?:i\b|i'm|im\b|for\s+(?:being|the|my)|about\s+(?:that|this|earlier)))",
    r"\b(?:i'm|im|i\s+am)\s+(?:so\s+|really\s+)?sorry\s*[.!,]*\s*$",
)
PRACTICAL_SUPPORT = _any(
    r"\bwant\s+me\s+to\b|\bshall\s+i\b",
    r"\bi(?:\s+(?:can|could|will)|'ll)\s+(?:\w+\s+)?(?:pick|drive|take|lend|help|look|bring|"
    r"cover|sort|fill|have\s+the)\b",
    r"\bi(?:\s+(?:can|could|will)|'ll)\s+\w+(?:\s+\w+){0,3}\s+for\s+you\b",
    r"\bi(?:\s+(?:can|could|will)|'ll)\s+come\s+(?:with|round|over|and)\b",
    r"\blet\s+me\s+(?:do|help|take|sort|know\s+if\s+you\s+need)\b",
    r"\bhave\s+you\s+(?:thought\s+about|tried|considered)\b",
    r"\byou\s+(?:could|might\s+want\s+to|should)\s+(?:try|ask|call|talk|speak|ring|look)\b",
    r"\bmaybe\s+(?:try|take|look|talk|ask|see|ring|call|get|speak)\b|\bmight\s+be\s+worth\b",
    r"\btry\s+(?:writing|talking|calling|to\s+get|not\s+to\s+(?!be))\b",
    r"\bif\s+you\s+need\s+anything\b",
    # Offering time, as a question or an offer: "want to talk tonight?", "do you want to
    # talk?", "I can call at 8", "shall we talk?"; not "I don't want to talk about it".
    r"^(?:do\s+you\s+)?want\s+to\s+(?:talk|chat|call|meet\s+up|come\s+over)\b",
    r"\b(?:do|d')\s*(?:you|u)\s+want\s+to\s+(?:talk|chat|call|meet\s+up|come\s+over)\b",
    r"[.!?]\s+want\s+to\s+(?:talk|chat|call|meet\s+up|come\s+over)\b",
    r"\bshall\s+(?:we|i)\s+(?:talk|call|ring|meet|come)\b",
    r"\bi(?:\s+(?:can|could|will)|'ll)\s+(?:call|ring|phone|facetime)\s+(?:you\s+)?"
    r"(?:tonight|at\s+\d|after\s+(?:work|school|dinner)|in\s+(?:a\s+bit|an\s+hour)|now)\b",
    r"\bi(?:\s+(?:can|could|will)|'ll)\s+(?:come\s+over|pop\s+(?:over|round))\b",
)

# The writer apologising for something small (a missed call, a change of plan): "sorry"
# on its own is not their distress, nor a disclosure.
APOLOGY = _any(
    r"^\s*(?:so\s+|really\s+)?sorry\b(?!\s+(?:to\s+hear|about\s+your|for\s+your))",
    r"\bsorry\s+(?:i|i'm|im|i've|for\s+(?:the|being|not|missing|my)|about\s+(?:that|this|earlier))\b",
    r"\bsorry\s*$",
    r"\bcan't\s+(?:make\s+it|come|this\s+(?:weekend|week|time)|tonight|tomorrow|today)\b",
)

DISTRESS = _any(
    r"\b(?:can't|cannot|can\s+not)\s+(?:cope|do\s+this|sleep|stop\s+crying|breathe|take\s+it)\b",
    r"\bnot\s+coping\b|\b(?:i'm|im|i\s+am)\s+not\s+(?:ok|okay|alright|fine)\b",
    r"\bnot\s+doing\s+(?:great|well|good|ok|okay)\b|\bletting\s+(?:everyone|you|people)\s+down\b",
    r"\b(?:struggling|overwhelmed|exhausted|falling\s+apart|burn(?:ing|t)\s+out|heartbroken"
    r"|stressed|gutted|devastated|dementia|divorc\w*|lump|signed\s+off)\b",
    r"\b(?:panic\s+attack|crying|cried|in\s+tears|dark\s+thoughts|can't\s+get\s+out\s+of\s+bed)\b",
    r"\b(?:scared|terrified|frightened|dreading|anxious|worried\s+sick|lonely)\b",
    r"(?<!not\s)\balone\b",
    r"\b(?:passed\s+away|funeral|died|lost\s+(?:my|the|our)\s+\w+|diagnos|tumour|tumor|cancer"
    r"|chemo|biopsy|miscarriage)\b",
    r"\b(?:redundant|evicted|evicting|laid\s+off|lost\s+my\s+job|cut\s+my\s+hours)\b",
    r"\b(?:in|to|into)\s+(?:hospital|a&e|the\s+er)\b|\badmitted\b|\bintensive\s+care\b",
    r"\b(?:stroke|heart\s+attack|ambulance)\b",
    r"\b(?:don't|do\s+not|dont)\s+want\s+to\s+(?:be\s+here|live|wake\s+up)\b|\bwant\s+to\s+die\b"
    r"|\bkill\s+myself\b|\bend\s+it\s+all\b|\bno\s+point\s+(?:in\s+)?(?:living|anything|going\s+on)\b",
    r"\b(?:feel(?:ing)?|so|really)\s+(?:low|down|sad|lost|useless|guilty|hurt|alone|empty)\b",
    # Reaching for anyone at all: "I just want to talk to someone", "I need someone to talk to".
    r"\b(?:want|need)\s+(?:to\s+talk\s+to\s+someone|someone\s+to\s+talk\s+to)\b",
)


def matches(group: RuleGroup, text: str) -> bool:
    """Whether a rule group finds anything in an already normalised text."""
    return group.found(text)
