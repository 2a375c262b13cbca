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
    import typer
    from typer.exceptions import TyperException

    from reciprocity import messages
    from reciprocity.cli.app import app
    from reciprocity.errors import ReciprocityError

    try:
        # Not standalone: the messages for usage errors and interruptions are ours to give.
        result = app(
            args=list(argv) if argv is not None else None,
            prog_name="reciprocity",
            standalone_mode=False,
        )
    except typer.Abort:
        print(messages.STOPPED, file=sys.stderr)
        return 130
    except TyperException as error:
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            print(f"{messages.ERR_PREFIX}{error.format_message()}", file=sys.stderr)
        return error.exit_code
    except ReciprocityError as error:
        for line in error.lines():
            print(f"{messages.ERR_PREFIX}{line}", file=sys.stderr)
        return error.exit_code
    return result if isinstance(result, int) else 0


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())
