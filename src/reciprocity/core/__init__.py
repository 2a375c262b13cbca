"""The domain and the analysis of reciprocity: pure values and functions, no I/O.

Nothing here reads files the user owns, touches a database, looks at the clock or
prints: the faces (CLI, web, importers) pass values in and render what comes out.

Names are loaded on first use, so a face that needs one enum does not pay for the
whole analysis at start-up (``reciprocity --help`` must answer at once).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reciprocity.core.archive import (
        Archive,
        ArchivedAudit,
        ArchivedPerson,
        ArchivedResponse,
        EarlierRevision,
    )
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
    from reciprocity.core.seasons import Season, SeasonKind, Whose, make_season

_HOMES = {
    "Season": "reciprocity.core.seasons",
    "SeasonKind": "reciprocity.core.seasons",
    "Whose": "reciprocity.core.seasons",
    "make_season": "reciprocity.core.seasons",
    "Archive": "reciprocity.core.archive",
    "ArchivedAudit": "reciprocity.core.archive",
    "ArchivedPerson": "reciprocity.core.archive",
    "ArchivedResponse": "reciprocity.core.archive",
    "Audit": "reciprocity.core.model",
    "Contribution": "reciprocity.core.proposal",
    "Dimension": "reciprocity.core.model",
    "DimensionRating": "reciprocity.core.model",
    "EarlierRevision": "reciprocity.core.archive",
    "Effect": "reciprocity.core.proposal",
    "Lean": "reciprocity.core.model",
    "MAX_SCORE": "reciprocity.core.model",
    "MIN_SCORE": "reciprocity.core.model",
    "OverallRating": "reciprocity.core.model",
    "Person": "reciprocity.core.model",
    "PhrasingCategory": "reciprocity.core.phrasing",
    "PhrasingFinding": "reciprocity.core.phrasing",
    "PhrasingRule": "reciprocity.core.phrasing",
    "Proposal": "reciprocity.core.proposal",
    "REFLECTION_THRESHOLD": "reciprocity.core.audit",
    "Reflection": "reciprocity.core.model",
    "ReflectionKind": "reciprocity.core.model",
    "RelationshipKind": "reciprocity.core.model",
    "SelfCheck": "reciprocity.core.model",
    "check_phrasing": "reciprocity.core.phrasing",
    "check_score": "reciprocity.core.audit",
    "default_lean": "reciprocity.core.audit",
    "explain_proposal": "reciprocity.core.proposal",
    "lean_problem": "reciprocity.core.audit",
    "make_audit": "reciprocity.core.audit",
    "needs_reflection": "reciprocity.core.audit",
    "parse_rules": "reciprocity.core.phrasing",
    "propose_overall_rating": "reciprocity.core.proposal",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "MAX_SCORE",
    "MIN_SCORE",
    "REFLECTION_THRESHOLD",
    "Archive",
    "ArchivedAudit",
    "ArchivedPerson",
    "ArchivedResponse",
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
    "Season",
    "SeasonKind",
    "SelfCheck",
    "Whose",
    "check_phrasing",
    "check_score",
    "default_lean",
    "explain_proposal",
    "lean_problem",
    "make_audit",
    "make_season",
    "needs_reflection",
    "parse_rules",
    "propose_overall_rating",
]
