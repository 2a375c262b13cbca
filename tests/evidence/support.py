"""What the reader tests share: strategies for messages, and reading a file as the app would."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage, ChatReader

HEAD_SIZE = 4096
# Hypothesis runs many examples in one test; they share the test's tmp_path on purpose.
SHARED_TMP = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None
)

NAMES = (
    st.text(
        alphabet=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéøßŁ李 -'"),
        min_size=1,
        max_size=24,
    )
    .map(str.strip)
    .filter(bool)
)

# Any text a person might type, emoji and other scripts included; no surrogates, no NUL.
TEXTS = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    max_size=120,
)
ONE_LINE_TEXTS = st.text(
    alphabet=st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="\x85"),
    max_size=120,
)

# Whole seconds, aware, within the years real exports cover.
INSTANTS = st.integers(min_value=946_684_800, max_value=2_051_222_400).map(
    lambda seconds: datetime.fromtimestamp(seconds, tz=UTC)
)
MILLI_INSTANTS = st.integers(min_value=946_684_800_000, max_value=2_051_222_400_000).map(
    lambda millis: datetime.fromtimestamp(millis / 1000, tz=UTC)
)
WALL_CLOCKS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2034, 12, 31)).map(
    lambda moment: moment.replace(microsecond=0)
)


def head_of(path: Path) -> bytes:
    """The first bytes of a file, as the importer hands them to ``sniff``."""
    with path.open("rb") as handle:
        return handle.read(HEAD_SIZE)


def sniffs(reader: ChatReader, path: Path) -> bool:
    """Whether ``reader`` claims the file."""
    return reader.sniff(path, head_of(path))


def read_all(reader: ChatReader, path: Path) -> list[ChatMessage]:
    """Every message the reader finds."""
    return list(reader.read(path))


def reads_or_rejects(reader: ChatReader, path: Path) -> InvalidFileError | None:
    """Read the file; a refusal must be InvalidFileError naming the file (anything else fails).

    Returns:
        The error, or None when the file read cleanly.
    """
    if not sniffs(reader, path):
        return None
    refusal: InvalidFileError | None = None
    try:
        for message in reader.read(path):
            assert isinstance(message, ChatMessage)
    except InvalidFileError as error:
        refusal = error
    if refusal is not None:
        assert refusal.file == str(path)
        assert refusal.problems
    return refusal
