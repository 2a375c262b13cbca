"""``reciprocity evidence ...``: import chat exports, show the patterns in them, forget them."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity import messages
from reciprocity.cli.inputs import confirmed
from reciprocity.cli.state import state
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem
from reciprocity.formats.shell import shell_quote

if TYPE_CHECKING:
    from reciprocity.core.evidence import EvidenceImport, Role
    from reciprocity.evidence._helper import StartedHelper
    from reciprocity.evidence.importer import ChatOutline, ImportOutcome
    from reciprocity.evidence.model import ChatReader

__all__ = ["app"]

app = typer.Typer(help=messages.HELP_CMD_EVIDENCE, rich_markup_mode=None, no_args_is_help=True)


def _zone(name: str | None) -> dt.tzinfo | None:
    if name is None:
        return None
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(name.strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        message = messages.ERR_EVIDENCE_TIMEZONE.format(value=name)
        raise InvalidInputError([Problem(message, "--timezone")]) from error


def _reader(file: Path, format_name: str | None, columns: str | None) -> ChatReader:
    """The reader for an export: a CSV one with ``--columns`` (``timestamp=When,...``)."""
    from reciprocity.evidence import choosing

    if columns is None:
        return choosing.pick_reader(file, format_name)
    from reciprocity.evidence.readers.csv_generic import ROLES, CsvColumns, CsvReader

    if format_name is not None and format_name.strip().lower() != CsvReader.name:
        text = messages.ERR_EVIDENCE_COLUMNS_NOT_CSV.format(format=format_name)
        raise InvalidInputError([Problem(text, "--columns")])
    parts: dict[str, str] = {}
    for item in columns.split(","):
        role, equals, name = (part.strip() for part in item.partition("="))
        if not equals or role.lower() not in ROLES or not name or role.lower() in parts:
            text = messages.ERR_EVIDENCE_COLUMNS.format(value=columns)
            raise InvalidInputError([Problem(text, "--columns")])
        parts[role.lower()] = name
    return CsvReader(CsvColumns(**parts))


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask_participant(
    question: str, outline: ChatOutline, exclude: str | None = None, *, order: list[str]
) -> str:
    """Ask which participant is who, listed in ``order`` (a test replaces this)."""
    import questionary

    choices = [
        questionary.Choice(
            title=messages.EVIDENCE_PARTICIPANT_CHOICE.format(
                participant=name, count=outline.participants[name]
            ),
            value=name,
        )
        for name in order
        if name != exclude
    ]
    return str(questionary.select(question, choices=choices).unsafe_ask())


def _resolve_roles(
    outline: ChatOutline,
    remembered: dict[str, Role],
    *,
    person: str,
    me: str | None,
    them: str | None,
) -> dict[str, Role]:
    """Who each participant is: from the options, then what was remembered, then by asking."""
    from reciprocity.core.evidence import Role
    from reciprocity.evidence import choosing

    choosing.check_not_alone(outline)
    if me is not None:
        chosen_me = choosing.participant(me, outline, "--me")
        if them is None:
            _check_me_not_them(outline, chosen_me, person)
    elif known := choosing.remembered_as(outline, remembered, Role.ME):
        chosen_me = known
    elif _interactive():
        order = choosing.likely_you_first(outline, person)
        chosen_me = _ask_participant(messages.ASK_WHO_IS_ME, outline, order=order)
    else:
        text = messages.ERR_EVIDENCE_NEEDS_ME.format(participants=choosing.listed(outline))
        raise InvalidInputError([Problem(text, "--me")])
    if them is not None:
        chosen_them: str | None = choosing.participant(them, outline, "--them")
    else:
        chosen_them = choosing.remembered_as(outline, remembered, Role.THEM, exclude=chosen_me)
        if chosen_them is None:
            chosen_them = choosing.guess_them(outline, chosen_me, person)
            if chosen_them is not None:
                _check_same_other(chosen_them, remembered, person)
        if chosen_them is None and _interactive():
            question = messages.ASK_WHO_IS_THEM.format(name=person)
            order = list(outline.participants)
            chosen_them = _ask_participant(question, outline, exclude=chosen_me, order=order)
    if chosen_them is None:
        others = ", ".join(repr(name) for name in outline.participants if name != chosen_me)
        text = messages.ERR_EVIDENCE_NEEDS_THEM.format(name=person, participants=others)
        raise InvalidInputError([Problem(text, "--them")])
    roles = choosing.roles_for(outline, chosen_me, chosen_them)
    forget = messages.EVIDENCE_FORGET_COMMAND.format(arg=shell_quote(person))
    # Said at what the person gave: a turn-round of someone found, not given, comes of --me.
    fields = ("--me", "--them" if them is not None else "--me")
    choosing.check_roles_kept(remembered, roles, person=person, forget=forget, fields=fields)
    return roles


def _helper_started(ctx: typer.Context, file: Path) -> StartedHelper | None:
    """For a file big enough to be read in a helper process, one starting now.

    Its interpreter starts up while this one opens the store and settles who is who;
    the command's end stops it if no import took it (an error before the import).
    """
    from reciprocity.evidence import importer

    if file.stat().st_size < importer.HELPER_MIN_BYTES:
        return None
    from reciprocity.evidence._helper import helper_started

    return ctx.with_resource(helper_started())


def _check_same_zone(given: dt.tzinfo | None, same_file: list[EvidenceImport], name: str) -> None:
    """Refuse --timezone other than the zone an earlier import of this file's name used.

    A newer export of the same chat read in another zone would store the messages the
    two share again, at other moments; refused before anything is written.
    """
    from reciprocity.evidence.zone import remembered_zone, zone_name

    before = remembered_zone(same_file)
    if given is None or before is None or zone_name(given) == zone_name(before):
        return
    text = messages.ERR_EVIDENCE_ZONE_DIFFERS.format(
        given=zone_name(given) or str(given),
        before=zone_name(before),
        name=name,
        arg=shell_quote(name),
    )
    raise InvalidInputError([Problem(text, "--timezone")])


def _check_same_other(them: str, remembered: dict[str, Role], person: str) -> None:
    """Ask (or, without a terminal, refuse) when the other person is not the earlier one."""
    from reciprocity.evidence import choosing

    earlier = choosing.earlier_others(remembered, them, person)
    if not earlier:
        return
    changed = choosing.other_changed(earlier, them, person)
    if _interactive() and _confirm(
        messages.ASK_EVIDENCE_SAME_OTHER.format(changed=changed, participant=them, name=person)
    ):
        return
    text = messages.ERR_EVIDENCE_OTHER_CHANGED.format(
        changed=changed, participant=repr(them), name=person, arg=shell_quote(them)
    )
    raise InvalidInputError([Problem(text, "--them")])


def _check_me_not_them(outline: ChatOutline, me: str, person: str) -> None:
    """Refuse --me naming the relationship's namesake while someone else is not (a slip).

    Saying who the other person is too (--them) settles it: then both were meant.
    """
    from reciprocity.evidence import choosing

    others = [name for name in outline.participants if name != me]
    if choosing.named_like(outline, person) != me or not others:
        return
    text = messages.ERR_EVIDENCE_ME_NAMED_LIKE_THEM.format(
        participant=repr(me), name=person, others=", ".join(repr(name) for name in others)
    )
    raise InvalidInputError([Problem(text, "--me")])


def _confirm(question: str) -> bool:
    """A yes-or-no question in the terminal, no by default (a test replaces this)."""
    import questionary

    answer = questionary.confirm(question, default=False).ask()
    if answer is None:
        raise typer.Abort
    return bool(answer)


# How many messages from the start of a file settle who is who on a first import
# given --me alone (see _provisional_roles).
PROVISIONAL_MESSAGES = 1_000


def _provisional_roles(
    reader: ChatReader, path: Path, me: str, person: str
) -> dict[str, Role] | None:
    """Who is who from the file's first messages, when two people write there, one --me.

    Provisional: if someone else writes later in the file, the import stops at them
    (nothing kept) and is started again with everyone in the whole file listed, as when
    the first messages settle nothing (None).
    """
    from itertools import islice

    from reciprocity.evidence.importer import outline_chat

    outline = outline_chat(islice(reader.read(path), PROVISIONAL_MESSAGES))
    if outline.chats or len(outline.participants) != 2:
        return None
    try:
        return _resolve_roles(outline, {}, person=person, me=me, them=None)
    except InvalidInputError:  # --me is not one of the two: the whole file decides
        return None


def _outline(reader: ChatReader, path: Path, chat: str | None) -> ChatOutline:
    """Who writes in the file, after checking the conversation asked for is in it."""
    from reciprocity.core.people import name_key
    from reciprocity.evidence.importer import outline_chat

    outline = outline_chat(reader.read(path), chat=chat)
    chats = ", ".join(repr(c) for c in outline.chats)
    if chat is None and len(outline.chats) > 1:
        text = messages.ERR_EVIDENCE_CHATS_LISTED.format(chats=chats)
        raise InvalidInputError([Problem(text, "--chat")])
    if chat is not None and not outline.chats:
        raise InvalidInputError([Problem(messages.ERR_EVIDENCE_ONE_CHAT, "--chat")])
    wanted = None if chat is None else name_key(chat)
    if outline.chats and wanted is not None and wanted not in map(name_key, outline.chats):
        text = messages.ERR_EVIDENCE_NO_SUCH_CHAT.format(value=chat, chats=chats)
        raise InvalidInputError([Problem(text, "--chat")])
    return outline


def _say_outcome(outcome: ImportOutcome, name: str, roles: dict[str, Role] | None) -> None:
    from reciprocity.core.evidence import Role

    record = outcome.record
    file, read, added = record.file_name, record.messages_read, record.messages_added
    if read == 0:
        typer.echo(messages.EVIDENCE_NOTHING_READ.format(file=file, name=name))
    elif added == 0:
        typer.echo(messages.EVIDENCE_NOTHING_NEW.format(file=file, read=read, name=name))
    elif added == read:
        typer.echo(messages.EVIDENCE_IMPORTED_ALL_NEW.format(file=file, name=name, added=added))
    else:
        typer.echo(messages.EVIDENCE_IMPORTED.format(file=file, name=name, added=added, read=read))
    if outcome.group_chat:
        typer.echo(messages.EVIDENCE_GROUP_NOTICE.format(name=name))
    if outcome.mostly_not_english:
        typer.echo(messages.EVIDENCE_NOT_ENGLISH)
    if added:  # nothing stored, nothing to say about what was kept of it
        if not record.kept_text:
            typer.echo(messages.EVIDENCE_TEXT_NOT_KEPT)
        elif added < read:
            typer.echo(messages.EVIDENCE_TEXT_KEPT_NEW)
        else:
            typer.echo(messages.EVIDENCE_TEXT_KEPT)
    if roles is not None:
        me = next(n for n, r in roles.items() if r is Role.ME)
        them = next(n for n, r in roles.items() if r is Role.THEM)
        typer.echo(messages.EVIDENCE_ROLES_REMEMBERED.format(me=me, them=them, name=name))
    if added:
        typer.echo(messages.EVIDENCE_SEE_SHOW.format(arg=shell_quote(name)))


@app.command("import", help=messages.HELP_CMD_EVIDENCE_IMPORT)
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=messages.HELP_EVIDENCE_FILE)],
    *,
    person: Annotated[
        str, typer.Option("--person", metavar="NAME", help=messages.HELP_EVIDENCE_PERSON)
    ],
    me: Annotated[
        str | None, typer.Option("--me", metavar="PARTICIPANT", help=messages.HELP_EVIDENCE_ME)
    ] = None,
    them: Annotated[
        str | None,
        typer.Option("--them", metavar="PARTICIPANT", help=messages.HELP_EVIDENCE_THEM),
    ] = None,
    format_name: Annotated[
        str | None, typer.Option("--format", metavar="NAME", help=messages.HELP_EVIDENCE_FORMAT)
    ] = None,
    keep_text: Annotated[
        bool, typer.Option("--keep-text", help=messages.HELP_EVIDENCE_KEEP_TEXT)
    ] = False,
    chat: Annotated[
        str | None, typer.Option("--chat", metavar="NAME", help=messages.HELP_EVIDENCE_CHAT)
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option("--timezone", metavar="ZONE", help=messages.HELP_EVIDENCE_TIMEZONE),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option("--columns", metavar="MAPPING", help=messages.HELP_EVIDENCE_COLUMNS),
    ] = None,
) -> None:
    """Import a chat export as evidence about one relationship."""
    try:
        report = _import(
            ctx,
            file,
            person=person,
            me=me,
            them=them,
            format_name=format_name,
            keep_text=keep_text,
            chat=chat,
            timezone=timezone,
            columns=columns,
        )
    except KeyboardInterrupt:
        # Whatever was under way (listing who writes, the import's one transaction, the
        # helper process) was stopped and nothing was kept: say so.
        typer.echo(messages.EVIDENCE_INTERRUPTED.format(file=file.name), err=True)
        raise typer.Exit(130) from None
    report()  # told once the import is kept: a Ctrl-C from here on stops only the telling


def _import(
    ctx: typer.Context,
    file: Path,
    *,
    person: str,
    me: str | None,
    them: str | None,
    format_name: str | None,
    keep_text: bool,
    chat: str | None,
    timezone: str | None,
    columns: str | None,
) -> Callable[[], None]:
    """The import itself; returns how to tell what it did."""
    from reciprocity.cli.evidence_output import import_progress
    from reciprocity.core.evidence import Role
    from reciprocity.errors import SeveralChatsError, UnknownParticipantError
    from reciprocity.evidence.importer import ChatSource, import_file
    from reciprocity.evidence.zone import remembered_zone, zone_name

    if file.is_dir():
        raise InvalidFileError([Problem(messages.ERR_EVIDENCE_FOLDER)], file=str(file))
    if not file.is_file():
        raise InvalidFileError([Problem(messages.ERR_EVIDENCE_NO_FILE)], file=str(file))
    reader = _reader(file, format_name, columns)
    started = _helper_started(ctx, file)
    given = _zone(timezone)
    store = state(ctx).store()
    found = store.person(person)
    imports = store.evidence_imports(found.id)
    earlier = remembered_zone(imports, file_name=file.name)
    _check_same_zone(given, [i for i in imports if i.file_name == file.name], found.name)
    zone = given or earlier
    remembered = store.participant_roles(found.id)
    source = ChatSource(file.name, reader.name)
    chosen: dict[str, Role] | None = None
    # What --me and --them say may be what is remembered already (a script passes them
    # every time): then the file need not be read once more just to list who writes.
    # (A chosen --chat is still looked for in the file, to say so when it is not there.)
    known = (
        chat is None
        and bool(remembered)
        and all(
            name is None or remembered.get(name) is role
            for name, role in ((me, Role.ME), (them, Role.THEM))
        )
    )
    # On a first import given --me alone, who is who comes from the file's first
    # messages when two people write there: the file is then read once, not twice (but
    # for the formats put in time order after reading, which read it all first anyway).
    provisional = False
    if me is not None and them is None and chat is None and not remembered:
        chosen = _provisional_roles(reader, file, me, found.name)
        provisional = chosen is not None
    if (me is not None or them is not None or not remembered) and not known and not provisional:
        outline = _outline(reader, file, chat)
        chosen = _resolve_roles(outline, remembered, person=found.name, me=me, them=them)
    for _ in range(2):
        roles = chosen if chosen is not None else remembered
        try:
            with import_progress(file, reader.label) as progress:
                outcome = import_file(
                    store,
                    found.id,
                    reader,
                    file,
                    source,
                    roles=roles,
                    keep_text=keep_text,
                    chat=chat,
                    zone=zone,
                    progress=progress,
                    started=started,
                )
            break
        except (UnknownParticipantError, SeveralChatsError) as error:
            # The first messages misled (someone else writes later, or the file holds
            # several chats), or someone new writes since the last import: decide again
            # with everyone in the whole file listed. Nothing of the attempt was kept.
            someone_new = isinstance(error, UnknownParticipantError) and chosen is None
            if not (provisional or someone_new):
                raise
            provisional = False
            outline = _outline(reader, file, chat)
            chosen = _resolve_roles(outline, remembered, person=found.name, me=me, them=them)

    def report() -> None:
        _say_outcome(outcome, found.name, chosen)
        used = outcome.record.zone
        if used is not None and earlier is not None and used != zone_name(earlier):
            # Only now is it known that the export's times needed a zone at all.
            note = messages.EVIDENCE_ZONE_CHANGED.format(
                given=used,
                earlier=zone_name(earlier),
                arg=shell_quote(found.name),
                name=found.name,
            )
            typer.echo(note)

    return report


@app.command("show", help=messages.HELP_CMD_EVIDENCE_SHOW)
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_EVIDENCE_NAME)],
    period: Annotated[
        str, typer.Option("--period", metavar="month|quarter", help=messages.HELP_EVIDENCE_PERIOD)
    ] = "month",
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """Show the patterns in a relationship's imported chats."""
    from reciprocity.cli.evidence_output import report_document
    from reciprocity.cli.inputs import parse_choice
    from reciprocity.core.indicator_words import describe_evidence
    from reciprocity.core.indicators import PeriodKind
    from reciprocity.evidence.report import relationship_evidence

    kind = parse_choice(period, PeriodKind, "--period")
    app_state = state(ctx)
    store = app_state.store()
    person = store.person(name)
    report = relationship_evidence(store, person.id, period=kind, today=app_state.today())
    if as_json:
        import json

        document = report_document(report, person.name, store.evidence_imports(person.id))
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    paragraphs = describe_evidence(report, person.name, name_arg=shell_quote(person.name))
    typer.echo("\n\n".join("\n".join(lines) for lines in paragraphs))


@app.command("remove", help=messages.HELP_CMD_EVIDENCE_REMOVE)
def remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_EVIDENCE_NAME)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=messages.HELP_EVIDENCE_YES)] = False,
) -> None:
    """Forget everything imported from chats for a relationship, after confirmation."""
    store = state(ctx).store()
    person = store.person(name)
    if not store.count_evidence(person.id) and not store.evidence_imports(person.id):
        typer.echo(messages.EVIDENCE_NOTHING_TO_REMOVE.format(name=person.name))
        return
    question = messages.ASK_REMOVE_EVIDENCE.format(name=person.name)
    if not yes and not confirmed(question):
        typer.echo(messages.EVIDENCE_REMOVE_KEPT)
        return
    count = store.remove_evidence(person.id)
    typer.echo(messages.EVIDENCE_REMOVED.format(name=person.name, count=count))
