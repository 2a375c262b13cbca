"""The message catalogue: every text a person reads, in one place and one voice.

One catalogue in several files, one per area; every name is importable from here.

Dictionaries are keyed by the values of the core's enums (a ``StrEnum`` member
finds its own value), so this module imports nothing and the core may use it.

The voice is warm and plain. It never blames the other person, never talks
like a ledger (no balances, debts or scores to settle) and never suggests
giving less in reply to an imbalance. A test reads every string here and
holds it to that.
"""

# ruff: noqa: F403 - the catalogue is the union of its parts
from reciprocity.messages.audit import *
from reciprocity.messages.conversation import *
from reciprocity.messages.evidence import *
from reciprocity.messages.evidence_formats import *
from reciprocity.messages.evidence_import import *
from reciprocity.messages.help import *
from reciprocity.messages.keeping import *
from reciprocity.messages.patterns import *
from reciprocity.messages.phrasing import *
from reciprocity.messages.plural import *
from reciprocity.messages.problems import *
from reciprocity.messages.signals import *
from reciprocity.messages.views import *
from reciprocity.messages.web import *
