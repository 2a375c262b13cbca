"""The domain and the analysis of reciprocity: pure values and functions, no I/O.

Nothing here reads files the user owns, touches a database, looks at the clock or
prints: the faces (CLI, web, importers) pass values in and render what comes out.
"""

from reciprocity.core.archive import Archive, ArchivedAudit, ArchivedPerson, EarlierRevision
from reciprocity.core.audit import (
    REFLECTION_THRESHOLD,
    check_score,
    default_lean,
    lean_problem,
    make_audit,
    needs_reflection,
)
from reciprocity.core.model import (
    MAX_SCORE,
    MIN_SCORE,
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    OverallRating,
    Person,
    Reflection,
    ReflectionKind,
    RelationshipKind,
    SelfCheck,
)
from reciprocity.core.phrasing import (
    PhrasingCategory,
    PhrasingFinding,
    PhrasingRule,
    check_phrasing,
    parse_rules,
)
from reciprocity.core.proposal import (
    Contribution,
    Effect,
    Proposal,
    explain_proposal,
    propose_overall_rating,
)

__all__ = [
    "MAX_SCORE",
    "MIN_SCORE",
    "REFLECTION_THRESHOLD",
    "Archive",
    "ArchivedAudit",
    "ArchivedPerson",
    "Audit",
    "Contribution",
    "Dimension",
    "DimensionRating",
    "EarlierRevision",
    "Effect",
    "Lean",
    "OverallRating",
    "Person",
    "PhrasingCategory",
    "PhrasingFinding",
    "PhrasingRule",
    "Proposal",
    "Reflection",
    "ReflectionKind",
    "RelationshipKind",
    "SelfCheck",
    "check_phrasing",
    "check_score",
    "default_lean",
    "explain_proposal",
    "lean_problem",
    "make_audit",
    "needs_reflection",
    "parse_rules",
    "propose_overall_rating",
]
