"""Files in and out of the browser: downloads with safe names, uploads read as text."""

from __future__ import annotations

import re
from urllib.parse import quote

from starlette.datastructures import UploadFile
from starlette.responses import Response

from reciprocity import messages
from reciprocity.errors import InvalidFileError, Problem

__all__ = ["download", "read_upload"]


def download(content: str | bytes, filename: str, media_type: str) -> Response:
    """A file the browser saves rather than shows."""
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", filename).strip("-") or "reciprocity"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return Response(
        content.encode("utf-8") if isinstance(content, str) else content,
        media_type=media_type,
        headers={"content-disposition": disposition},
    )


def read_upload(upload: UploadFile, name: str) -> str:
    """The text of an uploaded file (UTF-8, a byte-order mark allowed).

    Raises:
        InvalidFileError: The file is not UTF-8 text.
    """
    raw = upload.file.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem(messages.WEB_NOT_TEXT.format(position=error.start))
        raise InvalidFileError([problem], file=name) from error
