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
        _say_usage_error(error)
        return error.exit_code
    except ReciprocityError as error:
        for line in error.lines():
            print(f"{messages.ERR_PREFIX}{line}", file=sys.stderr)
        return error.exit_code
    return result if isinstance(result, int) else 0


def _say_usage_error(error: Exception) -> None:
    """A usage error as Click shows it (usage, where to find help), in our error's words.

    Click ends with ``Error: Missing option...``; every other error here starts with
    ``error:`` in lower case, so a script or a person sees one form.
    """
    from reciprocity import messages

    context = getattr(error, "ctx", None)
    if context is not None:
        print(context.get_usage(), file=sys.stderr)
        if context.command.get_help_option(context) is not None:
            hint = f"Try '{context.command_path} {context.help_option_names[0]}' for help."
            print(hint, file=sys.stderr)
    format_message = getattr(error, "format_message", None)
    text = format_message() if callable(format_message) else str(error)
    print(f"{messages.ERR_PREFIX}{text[:1].lower()}{text[1:]}", file=sys.stderr)


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())
