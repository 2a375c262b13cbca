"""The terminal face of reciprocity: ``main(argv) -> int``, a thin shell over the library."""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (the process arguments by default) and return the exit code.

    Errors reciprocity raises on purpose become one clear line per problem on
    stderr and a non-zero exit code; anything else is a bug and keeps its traceback.
    """
    from reciprocity import messages
    from reciprocity.cli.app import app
    from reciprocity.errors import ReciprocityError

    try:
        app(args=list(argv) if argv is not None else None, prog_name="reciprocity")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except ReciprocityError as error:
        for line in error.lines():
            print(f"{messages.ERR_PREFIX}{line}", file=sys.stderr)
        return error.exit_code
    return 0


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())
