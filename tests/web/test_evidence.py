"""The chats' evidence in the browser's pages: the section, the patterns, forgetting them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html import unescape as html_unescape
from pathlib import Path

import httpx2
import pytest

from reciprocity import messages
from reciprocity.cli import main
from reciprocity.core.evidence import Role
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers.whatsapp import WhatsAppReader
from reciprocity.store import open_store
from tests.web.conftest import Web

HARD = "I had a really hard day, my dad is in hospital"
KIND = "oh no, I'm so sorry, do you want me to come over?"


def whatsapp_chat(path: Path) -> Path:
    """An Android WhatsApp export of a year, Sam and Alex in turn, written as the app does."""
    lines = []
    at = dt.datetime(2026, 1, 5, 9, 0)
    texts = ["how are you?", HARD, KIND, "thanks so much", "see you tomorrow"]
    for i in range(400):
        at += dt.timedelta(hours=7 if i % 3 else 30)
        who = "Sam" if i % 2 else "Alex"
        lines.append(f"{at:%d/%m/%Y, %H:%M} - {who}: {texts[i % len(texts)]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def imported(web: Web, tmp_path: Path) -> str:
    pid = web.add_person("Sam", "partner")
    chat = whatsapp_chat(tmp_path / "WhatsApp Chat with Sam.txt")
    code = main(
        ["--db", str(web.db), "evidence", "import", str(chat), "--person", "Sam", "--me", "Alex"]
    )
    assert code == 0
    return pid


def test_before_any_import_the_page_says_how_to_bring_chats_in(web: Web) -> None:
    pid = web.add_person("Jo Ann", "friend")

    section = web.client.get(f"/people/{pid}").text
    page = web.client.get(f"/people/{pid}/evidence")

    assert messages.WEB_EVIDENCE_SECTION_TITLE in section
    assert messages.WEB_EVIDENCE_NONE.format(name="Jo Ann") in section
    assert page.status_code == 200
    assert "reciprocity evidence import FILE --person &#39;Jo Ann&#39;" in page.text
    assert "<svg" not in page.text


def test_imported_chats_show_per_period_with_a_chart_and_its_table(
    web: Web, tmp_path: Path
) -> None:
    pid = imported(web, tmp_path)

    section = web.client.get(f"/people/{pid}").text
    monthly = web.client.get(f"/people/{pid}/evidence").text
    quarterly = web.client.get(f"/people/{pid}/evidence?period=quarter").text

    assert "400 messages kept from 1 import" in section
    assert f'href="/people/{pid}/evidence"' in section
    assert 'role="img"' in monthly
    assert messages.WEB_EVIDENCE_SERIES["started"] in monthly
    # The chats start a few days into January: the first period says it is only part.
    assert re.search(
        r"<h3>2026-01 \(the chats cover only 2026-01-0\d to 2026-01-31 of it\)</h3>", monthly
    )
    assert "<h3>2026-02</h3>" in monthly
    assert re.search(
        r"<h3>2026 Q1 \(the chats cover only 2026-01-0\d to 2026-03-31 of it\)</h3>", quarterly
    )
    assert re.search(r"you about \d+ in 10", monthly)
    assert "WhatsApp Chat with Sam.txt" in monthly


def test_forgetting_the_chats_needs_the_box_ticked_then_removes_everything(
    web: Web, tmp_path: Path
) -> None:
    pid = imported(web, tmp_path)

    refused = web.post(f"/people/{pid}/evidence/remove", {})
    kept = open_store(web.db).count_evidence(pid)
    removed = web.post(f"/people/{pid}/evidence/remove", {"confirm": "yes"})

    assert refused.status_code == 400
    assert messages.WEB_EVIDENCE_CONFIRM_NEEDED in refused.text
    assert kept == 400
    assert messages.WEB_NOTICES["evidence-removed"] in removed.text
    assert open_store(web.db).count_evidence(pid) == 0
    assert open_store(web.db).evidence_imports(pid) == []


def test_an_unknown_period_falls_back_to_months(web: Web, tmp_path: Path) -> None:
    pid = imported(web, tmp_path)
    page = web.client.get(f"/people/{pid}/evidence?period=fortnight")
    assert page.status_code == 200
    assert f'<strong aria-current="page">{messages.WEB_EVIDENCE_PERIOD_NAMES["month"]}' in page.text


def upload(web: Web, pid: str, path: Path, **fields: str) -> httpx2.Response:
    files = {"file": (path.name, path.read_bytes(), "text/plain")}
    return web.client.post(
        f"/people/{pid}/evidence/import", data={"csrf": web.token, **fields}, files=files
    )


def test_an_export_uploaded_in_the_browser_asks_who_is_who_once(web: Web, tmp_path: Path) -> None:
    pid = web.add_person("Sam", "partner")
    chat = whatsapp_chat(tmp_path / "WhatsApp Chat with Sam.txt")

    asked = upload(web, pid, chat)
    token = re.search(r'name="upload" value="([^"]+)"', asked.text)
    assert asked.status_code == 200
    assert messages.WEB_EVIDENCE_WHO_ME in asked.text
    # Between two people, which one is you is the only question.
    assert 'name="them"' not in asked.text
    assert token is not None
    assert open_store(web.db).count_evidence(pid) == 0

    done = web.post(f"/people/{pid}/evidence/import", {"upload": token.group(1), "me": "Alex"})
    again = upload(web, pid, chat)

    assert messages.WEB_NOTICES["evidence-imported"] in done.text
    assert open_store(web.db).count_evidence(pid) == 400
    # The second time nothing is asked: who is who was remembered, and nothing is new.
    assert messages.WEB_NOTICES["evidence-nothing-new"] in again.text
    assert open_store(web.db).count_evidence(pid) == 400
    assert open_store(web.db).participant_roles(pid) == {"Alex": Role.ME, "Sam": Role.THEM}


def test_a_file_that_is_no_chat_export_is_refused_by_name(web: Web, tmp_path: Path) -> None:
    pid = web.add_person("Sam", "partner")
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\nnothing like a chat\n", encoding="utf-8")

    refused = upload(web, pid, notes)

    assert refused.status_code == 400
    assert 'class="problem" role="alert"' in refused.text
    assert "notes.txt:" in refused.text
    assert str(tmp_path) not in refused.text
    assert 'aria-invalid="true"' in refused.text


def test_a_table_with_its_own_column_names_is_told_to_name_them(web: Web, tmp_path: Path) -> None:
    pid = web.add_person("Sam", "partner")
    table = tmp_path / "messages.csv"
    table.write_text("When,Who,What\n2026-01-05T09:00,Sam,hi\n", encoding="utf-8")

    refused = upload(web, pid, table)

    assert refused.status_code == 400
    text = refused.text.replace("&#39;", "'")
    assert "its first row ('When', 'Who', 'What') names no timestamp, sender or text" in text
    assert "rename the columns timestamp, sender and text" in text


def test_the_same_participant_for_both_is_asked_again(web: Web, tmp_path: Path) -> None:
    pid = web.add_person("Sam", "partner")
    asked = upload(web, pid, whatsapp_chat(tmp_path / "WhatsApp Chat with Sam.txt"))
    token = re.search(r'name="upload" value="([^"]+)"', asked.text)
    assert token is not None

    same = web.post(
        f"/people/{pid}/evidence/import", {"upload": token.group(1), "me": "Sam", "them": "Sam"}
    )
    gone = web.post(f"/people/{pid}/evidence/import", {"upload": "not-a-token", "me": "Alex"})

    assert same.status_code == 400
    assert messages.ERR_EVIDENCE_SAME_PARTICIPANT in same.text
    assert open_store(web.db).count_evidence(pid) == 0
    assert gone.status_code == 400
    assert messages.WEB_EVIDENCE_UPLOAD_GONE in gone.text


def test_an_answer_that_leaves_a_choice_out_is_asked_again_at_that_choice(
    web: Web, tmp_path: Path
) -> None:
    pid = web.add_person("Sam", "partner")
    asked = upload(web, pid, whatsapp_chat(tmp_path / "WhatsApp Chat with Sam.txt"))
    token = re.search(r'name="upload" value="([^"]+)"', asked.text)
    assert token is not None

    again = web.post(
        f"/people/{pid}/evidence/import", {"upload": token.group(1), "asked": "me them"}
    )

    assert again.status_code == 400
    assert 'id="me-error"' in again.text
    assert open_store(web.db).count_evidence(pid) == 0


def test_odd_file_names_are_kept_safely_and_refused_in_words(web: Web, tmp_path: Path) -> None:
    pid = web.add_person("Sam", "partner")
    for name in ("..", "a/../..", "é" * 200 + ".txt"):
        files = {"file": (name, b"not a chat\n", "text/plain")}
        refused = web.client.post(
            f"/people/{pid}/evidence/import", data={"csrf": web.token}, files=files
        )
        assert refused.status_code == 400, name
        assert "not a chat export" in refused.text


def test_a_stretch_the_chats_show_is_marked_as_a_season_after_choosing_what_it_was(
    web: Web, tmp_path: Path
) -> None:
    pid = web.add_person("Sam", "partner")
    lines = []
    at = dt.datetime(2026, 1, 5, 9, 0)
    for i in range(300):
        at += dt.timedelta(hours=9)
        who = "Sam" if i % 2 else "Alex"
        hard = 200 <= i < 214 and who == "Sam"
        lines.append(f"{at:%d/%m/%Y, %H:%M} - {who}: {HARD if hard else 'see you tomorrow'}")
    chat = tmp_path / "WhatsApp Chat with Sam.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["--db", str(web.db), "evidence", "import", str(chat), "--person", "Sam"]
    assert main([*args, "--me", "Alex"]) == 0

    page = web.client.get(f"/people/{pid}/evidence").text
    link = re.search(r'href="(/people/[^"]+propose=season[^"]+)"', page)
    assert link is not None, "the stretch is offered"
    # Nothing is marked by following the offer: the form opens with whose and when filled.
    form = web.client.get(link.group(1).replace("&amp;", "&")).text
    assert open_store(web.db).seasons(pid) == []
    start = re.search(r'name="start"[^>]*value="([0-9-]+)"', form)
    assert start is not None
    assert 'name="back" value="evidence"' in form

    saved = web.post(
        f"/people/{pid}/seasons",
        {
            "whose": "them",
            "kind": "caregiving",
            "start": start.group(1),
            "end": "",
            "note": "Dad's stroke",
            "back": "evidence",
        },
    )
    assert saved.status_code == 200
    assert saved.url.path == f"/people/{pid}/evidence"  # back where the stretch was shown
    assert messages.WEB_NOTICES["season-added"] in saved.text
    (season,) = open_store(web.db).seasons(pid)
    assert season.kind.value == "caregiving"
    assert season.note == "Dad's stroke"


def test_each_period_is_drawn_at_its_middle_inside_a_season_that_covers_it(
    web: Web, tmp_path: Path
) -> None:
    pid = imported(web, tmp_path)
    web.post(
        f"/people/{pid}/seasons",
        {"whose": "them", "kind": "illness", "start": "2026-03-01", "end": "2026-03-31"},
    )

    page = web.client.get(f"/people/{pid}/evidence").text

    band = re.search(r'<rect class="season-band" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', page)
    assert band is not None
    left, width = float(band.group(1)), float(band.group(2))
    xs = sorted(
        {float(x) for x in re.findall(r'class="mark dim-[a-z-]+"[^>]*?c?x="([\d.]+)"', page)}
    )
    assert xs, "the periods are drawn"
    assert any(left < x < left + width for x in xs), "March's point lies inside March's season"


def test_a_chat_too_small_to_draw_says_so_instead_of_an_empty_chart(
    web: Web, tmp_path: Path
) -> None:
    pid = web.add_person("Jordan", "friend")
    chat = tmp_path / "small.txt"
    chat.write_text(
        "05/01/2026, 09:00 - Alex: hi\n05/01/2026, 09:05 - Jordan: hey\n", encoding="utf-8"
    )
    args = ["--db", str(web.db), "evidence", "import", str(chat), "--person", "Jordan"]
    assert main([*args, "--me", "Alex"]) == 0

    page = web.client.get(f"/people/{pid}/evidence").text

    assert "<svg" not in page
    assert html_unescape(messages.WEB_EVIDENCE_CHART_EMPTY) in html_unescape(page)


def test_a_later_export_with_who_is_who_remembered_is_read_once(
    web: Web, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = imported(web, tmp_path)
    readings: list[Path] = []
    original = WhatsAppReader.read

    def counted(self: WhatsAppReader, path: Path) -> Iterator[ChatMessage]:
        readings.append(path)
        return original(self, path)

    monkeypatch.setattr(WhatsAppReader, "read", counted)
    later = whatsapp_chat(tmp_path / "WhatsApp Chat with Sam (2).txt")
    with later.open("a", encoding="utf-8") as more:
        more.write("01/06/2027, 10:00 - Sam: one more\n")
    done = upload(web, pid, later)
    assert messages.WEB_NOTICES["evidence-imported"] in done.text
    assert open_store(web.db).count_evidence(pid) == 401
    assert len(readings) == 1  # straight to the import: nobody to ask about


def test_someone_new_in_a_later_upload_is_taken_as_someone_else(web: Web, tmp_path: Path) -> None:
    pid = imported(web, tmp_path)
    later = whatsapp_chat(tmp_path / "WhatsApp Chat with Sam (2).txt")
    with later.open("a", encoding="utf-8") as more:
        more.write(
            "01/06/2027, 10:00 - Jo: hello all\n"
            "01/06/2027, 10:05 - Sam: hi Jo\n"
            "01/06/2027, 10:06 - Alex: hi both\n"
        )
    done = upload(web, pid, later)
    # The remembered two stay who they are; Jo, new, is someone else in a group chat,
    # and the two's exchange after Jo's message counts.
    assert messages.WEB_NOTICES["evidence-imported"] in done.text
    assert open_store(web.db).count_evidence(pid) == 402
    roles = open_store(web.db).participant_roles(pid)
    assert roles == {"Alex": Role.ME, "Sam": Role.THEM, "Jo": Role.OTHER}


def test_who_is_who_cannot_be_turned_round_in_the_browser_either(web: Web, tmp_path: Path) -> None:
    pid = imported(web, tmp_path)  # Alex is you, Sam is Sam
    chat = tmp_path / "WhatsApp Chat with Sam.txt"
    turned = upload(web, pid, chat, me="Sam")
    assert turned.status_code == 400
    text = html_unescape(turned.text)
    assert 'id="me-error"' in turned.text
    assert "in the chats already imported for Sam, Sam is Sam; taking them as you" in text
    assert messages.WEB_EVIDENCE_FORGET_HINT in text  # the page's button, not a command
    assert open_store(web.db).count_evidence(pid) == 400
    assert open_store(web.db).participant_roles(pid) == {"Alex": Role.ME, "Sam": Role.THEM}


def test_in_a_group_with_someone_named_like_the_relationship_only_you_are_asked(
    web: Web, tmp_path: Path
) -> None:
    pid = web.add_person("Robin", "friend")
    lines = []
    at = dt.datetime(2026, 3, 1, 9, 0)
    for i in range(90):
        at += dt.timedelta(hours=5)
        lines.append(f"{at:%d/%m/%Y, %H:%M} - {('Kim', 'Robin', 'Alex')[i % 3]}: hello there")
    chat = tmp_path / "WhatsApp Chat with friends.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")

    asked = upload(web, pid, chat)
    assert messages.WEB_EVIDENCE_WHO_ME in asked.text
    assert 'name="them"' not in asked.text  # Robin is Robin: only "you" is asked
    token = re.search(r'name="upload" value="([^"]+)"', asked.text)
    assert token is not None
    done = web.post(f"/people/{pid}/evidence/import", {"upload": token.group(1), "me": "Alex"})
    assert messages.WEB_NOTICES["evidence-imported"] in done.text
    roles = open_store(web.db).participant_roles(pid)
    assert roles == {"Kim": Role.OTHER, "Robin": Role.THEM, "Alex": Role.ME}


def test_a_chat_with_someone_new_is_asked_about_before_it_is_added(
    web: Web, tmp_path: Path
) -> None:
    pid = imported(web, tmp_path)  # Alex is you, Sam is Sam
    other = tmp_path / "WhatsApp Chat with Priya.txt"
    text = whatsapp_chat(tmp_path / "x.txt").read_text(encoding="utf-8")
    other.write_text(text.replace("/2026, ", "/2025, ").replace(" - Sam: ", " - Priya: "))

    asked = upload(web, pid, other)
    page = html_unescape(asked.text)
    assert asked.status_code == 400
    assert 'id="them-error"' in asked.text
    assert "Sam's chats so far were with 'Sam'; this one is with 'Priya'." in page
    assert "import it on their page instead" in page
    assert re.search(r'name="me" value="Alex" checked', asked.text)  # you: as remembered
    assert open_store(web.db).count_evidence(pid) == 400  # nothing added yet
    token = re.search(r'name="upload" value="([^"]+)"', asked.text)
    assert token is not None

    # Sent back unanswered, the question keeps saying why it is asked.
    again = web.post(f"/people/{pid}/evidence/import", {"upload": token.group(1), "asked": "them"})
    assert again.status_code == 400
    assert "this one is with 'Priya'" in html_unescape(again.text)
    token = re.search(r'name="upload" value="([^"]+)"', again.text)
    assert token is not None

    # Said in so many words, it is taken.
    done = web.post(f"/people/{pid}/evidence/import", {"upload": token.group(1), "them": "Priya"})
    assert messages.WEB_NOTICES["evidence-imported"] in done.text
    assert open_store(web.db).count_evidence(pid) == 800
    roles = open_store(web.db).participant_roles(pid)
    assert roles == {"Alex": Role.ME, "Sam": Role.THEM, "Priya": Role.THEM}
