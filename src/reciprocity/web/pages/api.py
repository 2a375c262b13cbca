"""What the pages' own script asks while the person types: the phrasing check, the proposal.

Both answer JSON and run the core's rules; the script only shows what comes back.
"""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from reciprocity import phrasing_rules
from reciprocity.core.model import Dimension
from reciprocity.core.phrasing import one_per_rule
from reciprocity.web.context import Ctx
from reciprocity.web.proposing import live_proposal

__all__ = ["phrasing", "proposal"]

# Longer texts are checked only this far (a reflection is a few sentences).
MAX_CHECKED = 5000


def phrasing(ctx: Ctx) -> Response:
    """The reframings the phrasing check offers for a text."""
    text = ctx.value("text")[:MAX_CHECKED]
    findings = one_per_rule(phrasing_rules.check(text, second_opinion=True))
    return JSONResponse({"findings": [{"span": f.span, "reframe": f.reframe} for f in findings]})


def proposal(ctx: Ctx) -> Response:
    """The overall rating the dimensions given so far propose, with its explanation."""
    sections: dict[str, dict[str, object]] = {}
    for dimension in Dimension:
        score = ctx.value(f"{dimension.value}-score")
        if score == "none":
            sections[dimension.value] = {"no_recent_example": True}
        elif score:
            section: dict[str, object] = {"score": score}
            if lean := ctx.value(f"{dimension.value}-lean"):
                section["lean"] = lean
            sections[dimension.value] = section
    value, explanation = live_proposal(sections)
    return JSONResponse({"value": value, "explanation": explanation})
