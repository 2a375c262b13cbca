"""Invitations and their responses in the export: written, checked field by field, imported."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reciprocity import messages
from reciprocity.core import Archive, ArchivedResponse, Dimension, Lean
from reciprocity.core.invitation import Invitation, Response
from reciprocity.errors import InvalidFileError
from reciprocity.formats.exchange import archive_to_json, parse_archive
from reciprocity.store import ImportReport, Store, new_id
from tests.store.helpers import (
    CEST,
    TODAY,
    mutual_audit,
    row_counts,
    sample_archive,
    strained_audit,
)

EXPORTED_AT = dt.datetime(2025, 6, 30, 12, 0, tzinfo=CEST)
SECRET = "0123456789abcdef" * 4


def invitation(person_id: str, secret: str = SECRET) -> Invitation:
    return Invitation(new_id(), person_id, dt.datetime(2025, 5, 1, 9, 30, tzinfo=CEST), secret)


def answered(item: Invitation, on: dt.date = dt.date(2025, 5, 3)) -> ArchivedResponse:
    """Their answers to an invitation, in the user's frame (they see Sam carrying more)."""
    ratings = strained_audit(item.person_id, on).dimensions
    response = Response(item.id, item.person_id, on, ratings)
    return ArchivedResponse(new_id(), response, dt.datetime(2025, 5, 4, 8, 0, tzinfo=dt.UTC))


def conversation_archive() -> Archive:
    """Sam and Rosa; Sam has one answered invitation and one still open."""
    base = sample_archive()
    sam = next(p.person for p in base.people if p.person.name == "Sam")
    first, second = invitation(sam.id), invitation(sam.id, "f" * 64)
    return dataclasses.replace(
        base,
        invitations=tuple(sorted((first, second), key=lambda i: i.id)),
        responses=(answered(first),),
    )


def document(archive: Archive) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(archive_to_json(archive, exported_at=EXPORTED_AT))
    return data


def problems_of(data: dict[str, Any]) -> list[tuple[str | None, str]]:
    with pytest.raises(InvalidFileError) as raised:
        parse_archive(json.dumps(data), file="backup.json", today=TODAY)
    return [(p.field, p.message) for p in raised.value.problems]


# --- the file ----------------------------------------------------------------------------


def test_a_response_is_written_in_the_audit_shape_with_leans_in_my_frame() -> None:
    archive = conversation_archive()
    (entry,) = document(archive)["responses"]
    (response,) = archive.responses

    assert entry["id"] == response.id
    assert entry["invitation_id"] == response.response.invitation_id
    assert entry["date"] == response.response.date.isoformat()
    assert entry["received_at"] == "2025-05-04T08:00:00+00:00"
    assert entry["initiation"] == {
        "score": 1,
        "lean": Lean.I_CARRY.value,
        "example": response.response.rating(Dimension.INITIATION).example,
    }
    assert set(entry) == {
        "id",
        "invitation_id",
        "person_id",
        "date",
        "received_at",
        *(d.value for d in Dimension),
    }


def test_the_invitation_secret_is_in_the_file_so_a_restore_keeps_it() -> None:
    archive = conversation_archive()

    written = document(archive)["invitations"]

    assert [(i["id"], i["secret"]) for i in written] == [
        (i.id, i.secret) for i in archive.invitations
    ]
    assert parse_archive(json.dumps(document(archive)), file="b", today=TODAY) == archive


def test_a_file_written_before_invitations_were_exported_still_reads() -> None:
    archive = conversation_archive()
    data = document(archive)
    del data["invitations"], data["responses"]

    parsed = parse_archive(json.dumps(data), file="older.json", today=TODAY)

    assert parsed == dataclasses.replace(archive, invitations=(), responses=())


def test_the_export_format_doc_names_every_key_an_invitation_and_a_response_have() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "export-format.md").read_text(encoding="utf-8")
    data = document(conversation_archive())

    assert all(f"`{key}" in doc for key in data)
    keys = {*data["invitations"][0], *data["responses"][0]} - {d.value for d in Dimension}
    assert sorted(key for key in keys if f"`{key}`" not in doc) == []


Change = Callable[[dict[str, Any]], object]


def _response(data: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = data["responses"][0]
    return entry


def _answered_invitation(data: dict[str, Any]) -> dict[str, Any]:
    return next(i for i in data["invitations"] if i["id"] == _response(data)["invitation_id"])


def _open_invitation(data: dict[str, Any]) -> dict[str, Any]:
    return next(i for i in data["invitations"] if i["id"] != _response(data)["invitation_id"])


def _rosa(data: dict[str, Any]) -> str:
    return str(next(p["id"] for p in data["people"] if p["name"] == "Rosa"))


def _index(data: dict[str, Any], item: dict[str, Any]) -> int:
    return int(data["invitations"].index(item))


TOMORROW_BUT_ONE = TODAY + dt.timedelta(days=2)
CASES: list[tuple[str, Change, Callable[[dict[str, Any]], tuple[str, str]]]] = [
    (
        "a secret of the wrong length",
        lambda d: _answered_invitation(d).update(secret="abc123"),
        lambda d: (
            f"invitations[{_index(d, _answered_invitation(d))}].secret",
            messages.ERR_SECRET_SHAPE,
        ),
    ),
    (
        "a secret in capitals",
        lambda d: _answered_invitation(d).update(secret=SECRET.upper()),
        lambda d: (
            f"invitations[{_index(d, _answered_invitation(d))}].secret",
            messages.ERR_SECRET_SHAPE,
        ),
    ),
    (
        "an invitation of someone not in the file",
        lambda d: _open_invitation(d).update(person_id="someone-else"),
        lambda d: (
            f"invitations[{_index(d, _open_invitation(d))}].person_id",
            messages.ERR_UNKNOWN_PERSON_ID.format(person_id="someone-else"),
        ),
    ),
    (
        "an invitation without its date",
        lambda d: _open_invitation(d).pop("created_at"),
        lambda d: (
            f"invitations[{_index(d, _open_invitation(d))}].created_at",
            messages.ERR_MISSING,
        ),
    ),
    (
        "a score of nine",
        lambda d: _response(d)["depth"].update(score=9),
        lambda d: ("responses[0].depth.score", messages.ERR_SCORE_RANGE.format(value=9)),
    ),
    (
        "a five that leans",
        lambda d: _response(d)["maintenance"].update(score=5, lean="they-carry"),
        lambda d: ("responses[0].maintenance.lean", messages.ERR_LEAN_ON_FIVE),
    ),
    (
        "a dimension left out",
        lambda d: _response(d).pop("crisis"),
        lambda d: ("responses[0].crisis", messages.ERR_DIMENSION_MISSING),
    ),
    (
        "a key the format does not have",
        lambda d: _response(d).update(mood="fine"),
        lambda d: ("responses[0].mood", messages.ERR_UNKNOWN_KEY),
    ),
    (
        "an invitation that is not in the file",
        lambda d: _response(d).update(invitation_id="made-by-hand"),
        lambda d: (
            "responses[0].invitation_id",
            messages.ERR_UNKNOWN_INVITATION_ID.format(invitation_id="made-by-hand"),
        ),
    ),
    (
        "another person than the invitation's",
        lambda d: _response(d).update(person_id=_rosa(d)),
        lambda d: (
            "responses[0].person_id",
            messages.ERR_ARCHIVED_RESPONSE_PERSON.format(
                invitation_id=_response(d)["invitation_id"]
            ),
        ),
    ),
    (
        "a date after tomorrow",
        lambda d: _response(d).update(date=TOMORROW_BUT_ONE.isoformat()),
        lambda d: (
            "responses[0].date",
            messages.ERR_RESPONSE_DATE_FUTURE.format(date=TOMORROW_BUT_ONE),
        ),
    ),
    (
        "a date that is not one",
        lambda d: _response(d).update(date="last spring"),
        lambda d: ("responses[0].date", messages.ERR_NOT_DATE),
    ),
    (
        "an arrival that is not a moment",
        lambda d: _response(d).update(received_at="yesterday"),
        lambda d: ("responses[0].received_at", messages.ERR_NOT_DATETIME),
    ),
    (
        "one invitation twice",
        lambda d: d["invitations"].append(dict(_open_invitation(d))),
        lambda d: (
            "invitations[2].id",
            messages.ERR_DUPLICATE_ID.format(id=_open_invitation(d)["id"]),
        ),
    ),
    (
        "one response id twice",
        lambda d: d["responses"].append(
            {**_response(d), "invitation_id": _open_invitation(d)["id"]}
        ),
        lambda d: ("responses[1].id", messages.ERR_DUPLICATE_ID.format(id=_response(d)["id"])),
    ),
    (
        "two responses to one invitation",
        lambda d: d["responses"].append({**_response(d), "id": "another-response"}),
        lambda d: (
            "responses[1].invitation_id",
            messages.ERR_RESPONSE_TWICE.format(id=_response(d)["invitation_id"]),
        ),
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_problem_with_an_invitation_or_response_is_located_by_its_field(
    change: Change, expected: Callable[[dict[str, Any]], tuple[str, str]]
) -> None:
    data = document(conversation_archive())
    change(data)
    field, message = expected(data)

    assert problems_of(data) == [(field, message)]


def test_a_response_to_an_unreadable_invitation_is_not_reported_twice() -> None:
    data = document(conversation_archive())
    _answered_invitation(data)["secret"] = "not hex at all"

    ((field, message),) = problems_of(data)

    assert field is not None
    assert field.startswith("invitations[")
    assert field.endswith("].secret")
    assert message == messages.ERR_SECRET_SHAPE


# --- the import ----------------------------------------------------------------------------


def test_invitations_and_responses_come_back_equal_from_an_empty_store(store: Store) -> None:
    archive = conversation_archive()

    report = store.import_archive(archive, file="backup.json")

    assert (report.invitations_added, report.responses_added) == (2, 1)
    assert (report.invitations_unchanged, report.responses_unchanged) == (0, 0)
    assert store.archive() == archive
    sam = store.person("Sam")
    assert store.latest_response(sam.id) == archive.responses[0].response


def test_what_is_stored_stays_as_it_is_and_counts_as_already_here(store: Store) -> None:
    archive = conversation_archive()
    store.import_archive(archive, file="backup.json")
    before = store.archive()
    (response,) = archive.responses
    kinder = dataclasses.replace(
        response,
        response=dataclasses.replace(
            response.response,
            dimensions=mutual_audit(response.response.person_id, TODAY).dimensions,
        ),
    )
    older = dataclasses.replace(
        archive,
        invitations=tuple(dataclasses.replace(i, secret="e" * 64) for i in archive.invitations),
        responses=(kinder,),
    )

    report = store.import_archive(older, file="older.json")

    assert (report.invitations_added, report.responses_added) == (0, 0)
    assert (report.invitations_unchanged, report.responses_unchanged) == (2, 1)
    assert store.archive() == before


def test_a_response_to_an_invitation_stored_here_needs_no_invitation_in_the_file(
    store: Store,
) -> None:
    archive = conversation_archive()
    store.import_archive(dataclasses.replace(archive, responses=()), file="first.json")

    report = store.import_archive(
        dataclasses.replace(archive, invitations=()), file="responses-only.json"
    )

    assert report == ImportReport(
        people_added=0,
        audits_added=0,
        audits_updated=0,
        people_unchanged=2,
        audits_unchanged=2,
        seasons_added=0,
        seasons_unchanged=2,
        responses_added=1,
    )
    assert store.archive() == archive


def refused(store: Store, archive: Archive) -> list[tuple[str | None, str]]:
    """Import what must be refused; check nothing was written, give the problems."""
    counts, before = row_counts(store), store.archive()
    with pytest.raises(InvalidFileError) as raised:
        store.import_archive(archive, file="theirs.json")
    assert row_counts(store) == counts
    assert store.archive() == before
    return [(p.field, p.message) for p in raised.value.problems]


def test_a_response_whose_invitation_is_neither_here_nor_in_the_file_writes_nothing(
    store: Store,
) -> None:
    archive = conversation_archive()
    (response,) = archive.responses

    problems = refused(store, dataclasses.replace(archive, invitations=()))

    assert problems == [
        (
            "responses[0].invitation_id",
            messages.ERR_RESPONSE_INVITATION_NOT_FOUND.format(
                invitation_id=response.response.invitation_id
            ),
        )
    ]


def test_a_response_for_another_person_than_its_stored_invitation_writes_nothing(
    store: Store,
) -> None:
    archive = conversation_archive()
    store.import_archive(dataclasses.replace(archive, responses=()), file="first.json")
    (response,) = archive.responses
    rosa = next(p.person.id for p in archive.people if p.person.name == "Rosa")
    moved = dataclasses.replace(
        response, response=dataclasses.replace(response.response, person_id=rosa)
    )

    problems = refused(store, dataclasses.replace(archive, responses=(moved,)))

    assert problems == [
        (
            "responses[0].person_id",
            messages.ERR_ARCHIVED_RESPONSE_PERSON.format(
                invitation_id=response.response.invitation_id
            ),
        )
    ]


def test_an_invitation_of_someone_neither_here_nor_in_the_file_writes_nothing(
    store: Store,
) -> None:
    archive = conversation_archive()
    stray = invitation("someone-else")

    problems = refused(
        store, dataclasses.replace(archive, invitations=(*archive.invitations, stray))
    )

    assert problems == [
        (
            "invitations[2].person_id",
            messages.ERR_UNKNOWN_PERSON_ID.format(person_id="someone-else"),
        )
    ]


def test_a_stored_invitation_says_whose_it_is_whatever_the_file_claims(store: Store) -> None:
    archive = conversation_archive()
    store.import_archive(dataclasses.replace(archive, responses=()), file="first.json")
    (response,) = archive.responses
    rosa = next(p.person.id for p in archive.people if p.person.name == "Rosa")
    # The file says the answered invitation, and so its answers, were Rosa's.
    claimed = tuple(
        dataclasses.replace(i, person_id=rosa) if i.id == response.response.invitation_id else i
        for i in archive.invitations
    )
    moved = dataclasses.replace(
        response, response=dataclasses.replace(response.response, person_id=rosa)
    )

    problems = refused(store, dataclasses.replace(archive, invitations=claimed, responses=(moved,)))

    assert problems == [
        (
            "responses[0].person_id",
            messages.ERR_ARCHIVED_RESPONSE_PERSON.format(
                invitation_id=response.response.invitation_id
            ),
        )
    ]


def test_a_response_to_an_invitation_refused_for_its_person_is_not_called_missing(
    store: Store,
) -> None:
    archive = conversation_archive()
    (response,) = archive.responses
    wanted = response.response.invitation_id
    stray = tuple(
        dataclasses.replace(i, person_id="someone-else") if i.id == wanted else i
        for i in archive.invitations
    )
    index = next(i for i, item in enumerate(stray) if item.id == wanted)

    problems = refused(store, dataclasses.replace(archive, invitations=stray))

    assert problems == [
        (
            f"invitations[{index}].person_id",
            messages.ERR_UNKNOWN_PERSON_ID.format(person_id="someone-else"),
        ),
        (
            "responses[0].person_id",
            messages.ERR_ARCHIVED_RESPONSE_PERSON.format(invitation_id=wanted),
        ),
    ]


def test_the_same_answers_kept_under_another_id_elsewhere_are_already_here(
    store: Store,
) -> None:
    archive = conversation_archive()
    store.import_archive(archive, file="here.json")
    before = store.archive()
    # The same response file imported into another database got its own id there.
    elsewhere = dataclasses.replace(archive.responses[0], id=new_id())

    report = store.import_archive(
        dataclasses.replace(archive, responses=(elsewhere,)), file="elsewhere.json"
    )

    assert (report.responses_added, report.responses_unchanged) == (0, 1)
    assert store.archive() == before


def test_different_answers_to_an_invitation_answered_here_write_nothing(store: Store) -> None:
    archive = conversation_archive()
    store.import_archive(archive, file="here.json")
    (response,) = archive.responses
    other_answers = dataclasses.replace(
        response,
        id=new_id(),
        response=dataclasses.replace(
            response.response,
            dimensions=mutual_audit(response.response.person_id, TODAY).dimensions,
        ),
    )

    problems = refused(store, dataclasses.replace(archive, responses=(other_answers,)))

    assert problems == [
        (
            "responses[0].invitation_id",
            messages.ERR_ARCHIVED_RESPONSE_CONFLICT.format(
                invitation_id=response.response.invitation_id
            ),
        )
    ]


def test_one_invitation_or_response_twice_in_an_archive_is_refused(store: Store) -> None:
    archive = conversation_archive()
    (response,) = archive.responses
    first = archive.invitations[0]

    problems = refused(
        store,
        dataclasses.replace(
            archive,
            invitations=(*archive.invitations, first),
            responses=(response, response),
        ),
    )

    assert problems == [
        ("invitations[2].id", messages.ERR_DUPLICATE_ID.format(id=first.id)),
        ("responses[1].id", messages.ERR_DUPLICATE_ID.format(id=response.id)),
    ]
