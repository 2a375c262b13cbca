"""Read a big export in a helper process: the importing one runs the models and writes.

An import is two halves in a row: reading the file and preparing each message (the
reader, the word filter, the keys; ``_prepare``), then the rules, the models and the
database. One interpreter runs one at a time, so on a machine with two cores half of
it sits idle. Here the first half runs in a helper process (started fresh, not
forked: the importing process may hold database connections and threads) and sends
its batches through a pipe; the pipe holds about a batch, so the helper waits when
it is ahead and memory stays flat.

Whatever the helper finds wrong (a broken line, an unknown participant) reaches the
importing process as the same error, raised there, so the import's transaction is
rolled back as when everything ran in one process.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from reciprocity import messages
from reciprocity.errors import ReciprocityError
from reciprocity.evidence._prepare import Prepared, Preparer, Tally
from reciprocity.evidence.model import ChatReader

__all__ = ["HelperStoppedError", "prepared_in_helper"]

_BATCH, _DONE, _ERROR, _BUG = "batch", "done", "error", "bug"


class HelperStoppedError(ReciprocityError):
    """The helper process stopped before the end of the file (the system stopped it)."""


def _serve(job: IO[bytes], out: IO[bytes]) -> None:
    """The helper's work: read the job, prepare every batch of the file and send it."""
    tally = Tally()

    def send(*message: object) -> None:
        pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    try:
        try:
            preparer, reader, path = pickle.load(job)
            tally = preparer.tally
            for batch in preparer.batches(reader.read(path)):
                send(_BATCH, batch, tally)
            send(_DONE, None, tally)
        except ReciprocityError as error:
            send(_ERROR, error, tally)
        except Exception:  # a bug: its traceback goes to the importing process
            send(_BUG, traceback.format_exc(), tally)
    except BrokenPipeError:
        # The importing process stopped listening (it has its reason): leave quietly,
        # without the interpreter trying the pipe once more at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())


class _Received:
    """The batches as they arrive from the helper, with what it has counted so far."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self._stream = process.stdout
        self._process = process
        self.tally = Tally()
        self.finished = False

    def __iter__(self) -> Iterator[Prepared]:
        while not self.finished:
            try:
                kind, payload, tally = pickle.load(self._stream)
            except (EOFError, pickle.UnpicklingError):  # ended, or cut off mid-message
                code = self._process.wait()
                text = messages.ERR_EVIDENCE_HELPER_STOPPED.format(code=code)
                raise HelperStoppedError(text) from None
            self.tally = tally
            if kind == _BATCH:
                yield payload
            elif kind == _DONE:
                self.finished = True
            elif kind == _ERROR:
                raise payload
            else:
                raise RuntimeError(f"the helper reading the export failed:\n{payload}")


@contextmanager
def prepared_in_helper(preparer: Preparer, reader: ChatReader, path: Path) -> Iterator[_Received]:
    """The prepared batches of ``reader.read(path)``, made in a helper process.

    The helper is a fresh interpreter running this module with this one's import path
    (and not the current folder's, ``-P``), in a session of its own, so a Ctrl-C
    reaches only this process, which decides. Leaving early, whatever the reason,
    stops the helper at once.
    """
    job = pickle.dumps((preparer, reader, path), protocol=pickle.HIGHEST_PROTOCOL)
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    process = subprocess.Popen(
        [sys.executable, "-P", "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=environment,
        start_new_session=True,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    received = _Received(process)
    try:
        with process.stdin as sending:
            sending.write(job)
        yield received
    finally:
        if not received.finished:
            process.kill()
        process.stdout.close()
        process.wait()


def _main() -> None:
    # The batches go out on a copy of standard output; standard output itself goes to
    # standard error, so a stray print in a reader cannot break the stream.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with out:
        _serve(sys.stdin.buffer, out)


if __name__ == "__main__":
    _main()
