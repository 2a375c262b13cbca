"""The named errors of reciprocity: each one says what is wrong and where."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

__all__ = [
    "AuditNotFoundError",
    "DatabaseError",
    "DatabaseLockedError",
    "DatabaseUnreadableError",
    "DuplicateAuditError",
    "DuplicatePersonError",
    "InvalidFileError",
    "InvalidInputError",
    "MemoryNotFoundError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "PersonNotFoundError",
    "Problem",
    "ReciprocityError",
    "SeasonNotFoundError",
    "SeveralChatsError",
    "StaleEditError",
    "UnknownParticipantError",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with some input, with where it is.

    Attributes:
        message: What is wrong, in plain words.
        field: The dotted path of the field (``initiation.score``), if any.
        line: The line in the file, if known.
        kind: Which problem it is, for a face that words it in its own terms (the
            web page names its choices where the answers file names its values);
            None for problems every face shows as they are.
    """

    message: str
    field: str | None = None
    line: int | None = None
    kind: str | None = None

    def under(self, prefix: str) -> Problem:
        """The same problem with its field inside a larger document (``audits[3].``)."""
        return dataclasses.replace(self, field=f"{prefix}{self.field}" if self.field else None)

    def located(self, file: str | None = None) -> str:
        """Render the problem as one line: ``file:line: field: message``."""
        where = []
        if file:
            where.append(file if self.line is None else f"{file}:{self.line}")
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(self.field)
        return ": ".join([*where, self.message])


def _rebuilt(
    kind: type[ReciprocityError], args: tuple[object, ...], state: dict[str, object]
) -> ReciprocityError:
    """An error as it was pickled (see ``ReciprocityError.__reduce__``)."""
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


class ReciprocityError(Exception):
    """Base class of every error reciprocity raises on purpose.

    Anything else that escapes is a bug. Faces turn these into one clear line
    (CLI) or a message at the field (web).
    """

    exit_code = 1

    def __init__(self, message: str, *, file: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled whole (an error found in a helper process is raised in the one that
        # started it): the default would call ``__init__`` with ``args`` alone.
        return (_rebuilt, (type(self), self.args, dict(self.__dict__)))

    def lines(self) -> list[str]:
        """The message as the lines a person should read."""
        return [f"{self.file}: {self.message}" if self.file else self.message]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class InvalidInputError(ReciprocityError):
    """Input that cannot be accepted; carries every problem found, each located."""

    exit_code = 2

    def __init__(self, problems: list[Problem], *, file: str | None = None) -> None:
        if not problems:
            raise ValueError("InvalidInputError needs at least one problem")
        super().__init__(problems[0].message, file=file)
        self.problems = list(problems)

    def lines(self) -> list[str]:
        """One line per problem, each with its location."""
        return [problem.located(self.file) for problem in self.problems]


class InvalidFileError(InvalidInputError):
    """A file (answers, export, response) that is malformed or fails validation."""


class PersonNotFoundError(ReciprocityError):
    """No relationship with that name is stored."""


class DuplicatePersonError(ReciprocityError):
    """A relationship with that name already exists."""


class AuditNotFoundError(ReciprocityError):
    """The audit asked for does not exist."""


class DuplicateAuditError(ReciprocityError):
    """An audit for that relationship and date already exists."""


class SeasonNotFoundError(ReciprocityError):
    """No season has that id, or too many start with the part of it given."""


class MemoryNotFoundError(ReciprocityError):
    """No remembered date or shared thing has that id, or too many start with the part given."""


class StaleEditError(ReciprocityError):
    """The thing being saved changed since it was read (another window saved first)."""


class DatabaseError(ReciprocityError):
    """The database file cannot be used as it is."""


class DatabaseUnreadableError(DatabaseError):
    """The database file cannot be opened, read or written."""


class NotADatabaseError(DatabaseError):
    """The file exists but is not a reciprocity database."""


class DatabaseLockedError(DatabaseError):
    """Another program holds the database and did not let go in time."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of reciprocity."""


class UnknownParticipantError(ReciprocityError):
    """A chat export names a participant nobody said is the person, the other, or someone else.

    Attributes:
        participant: The name as the export gives it.
    """

    exit_code = 2

    def __init__(self, message: str, participant: str, *, file: str | None = None) -> None:
        super().__init__(message, file=file)
        self.participant = participant


class SeveralChatsError(ReciprocityError):
    """An export holds several conversations and none was chosen."""

    exit_code = 2
