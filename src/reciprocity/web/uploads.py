"""Chat exports uploaded for an import, held until the person has said who is who.

An import asks a question between reading the file and storing it (which participant
is you), so the upload is kept for that moment: in a folder only this user can read,
under a random token, for the relationship it was meant for, and deleted once used,
when it is replaced, or when the server stops.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from starlette.datastructures import UploadFile

__all__ = ["Held", "Uploads"]

# Longer names are cut (file systems allow 255 bytes); the suffix is what readers look at.
_NAME_BYTES = 200

# Uploads waiting for an answer; the oldest goes when another comes.
MAX_HELD = 4


@dataclass(frozen=True)
class Held:
    """One uploaded export waiting for its import.

    Attributes:
        token: What the form sends back to find it.
        path: Where it is kept (its name is the uploaded file's, for the readers).
        name: The uploaded file's name, as messages show it.
        person_id: The relationship it is for.
    """

    token: str
    path: Path
    name: str
    person_id: str


def _safe_name(uploaded: str) -> str:
    """The uploaded file's own name, safe as a file name in the uploads folder."""
    name = Path(uploaded.replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable())
    if name in ("", ".", ".."):
        return "chat"
    if len(name.encode()) > _NAME_BYTES:
        suffix = Path(name).suffix[:20]
        stem = name.encode()[: _NAME_BYTES - len(suffix.encode())].decode("utf-8", "ignore")
        name = stem + suffix
    return name


class Uploads:
    """The uploads held for imports; thread-safe.

    An upload is saved, then held only while a question about it waits for an answer;
    whoever takes it back out owns it and deletes it when done.
    """

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._held: dict[str, Held] = {}
        self._lock = threading.Lock()

    def save(self, upload: UploadFile, person_id: str) -> Held:
        """Write an uploaded file to disk for an import into ``person_id`` (not held yet).

        Raises:
            OSError: The file could not be written (nothing is left on disk then).
        """
        name = _safe_name(upload.filename or "")
        token = secrets.token_urlsafe(18)
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="reciprocity-uploads-"))
            folder = self._folder / token
            folder.mkdir(mode=0o700)
        held = Held(token, folder / name, name, person_id)
        try:
            upload.file.seek(0)
            with held.path.open("wb") as out:
                shutil.copyfileobj(upload.file, out)
        except OSError:
            self.discard(held)
            raise
        return held

    def hold(self, held: Held) -> None:
        """Keep an upload until the next answer of its import (the oldest goes if too many)."""
        with self._lock:
            while len(self._held) >= MAX_HELD:
                self.discard(self._held.pop(next(iter(self._held))))
            self._held[held.token] = held

    def take(self, token: str, person_id: str) -> Held | None:
        """The upload a form refers to, no longer held: only one request can use it."""
        with self._lock:
            held = self._held.get(token)
            if held is None or held.person_id != person_id:
                return None
            del self._held[token]
        return held

    @staticmethod
    def discard(held: Held) -> None:
        """Delete an upload's file."""
        shutil.rmtree(held.path.parent, ignore_errors=True)

    def close(self) -> None:
        """Delete every upload still held (the server is stopping)."""
        with self._lock:
            self._held.clear()
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None
