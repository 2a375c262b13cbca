"""Read a big export in a helper process: the importing one runs the models and writes.

An import is two halves in a row: reading the file and preparing each message (the
reader, the word filter, the rules, the keys; ``_prepare``), then the models and the
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
import signal
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from reciprocity.errors import ReciprocityError
from reciprocity.evidence._prepare import Prepared, Preparer, Tally
from reciprocity.evidence.model import ChatReader

__all__ = ["HelperFailedError", "prepared_in_helper"]

_BATCH, _DONE, _ERROR, _BUG = "batch", "done", "error", "bug"


class HelperFailedError(RuntimeError):
    """The helper process stopped without finishing: a bug, or the system stopped it."""


def _serve(job: IO[bytes], out: IO[bytes]) -> None:
    """The helper's work: read the job, prepare every batch of the file and send it."""
    # Ctrl-C reaches both processes; the importing one decides, and this one ends
    # when its pipe closes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    preparer, reader, path = pickle.load(job)

    def send(*message: object) -> None:
        pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    try:
        for batch in preparer.batches(reader.read(path)):
            send(_BATCH, batch, preparer.tally)
        send(_DONE, None, preparer.tally)
    except BrokenPipeError:
        pass  # the importing process stopped listening: it has its reason
    except ReciprocityError as error:
        send(_ERROR, error, preparer.tally)
    except Exception:  # a bug: its traceback goes to the importing process
        send(_BUG, traceback.format_exc(), preparer.tally)


class _Received:
    """The batches as they arrive from the helper, with what it has counted so far."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self._stream = process.stdout
        self._process = process
        self.tally = Tally()
        self._finished = False

    def __iter__(self) -> Iterator[Prepared]:
        while not self._finished:
            try:
                kind, payload, tally = pickle.load(self._stream)
            except EOFError:
                code = self._process.wait()
                message = f"the helper reading the export stopped (exit code {code})"
                raise HelperFailedError(message) from None
            self.tally = tally
            if kind == _BATCH:
                yield payload
            elif kind == _DONE:
                self._finished = True
            elif kind == _ERROR:
                raise payload
            else:
                raise HelperFailedError(f"the helper reading the export failed:\n{payload}")


@contextmanager
def prepared_in_helper(preparer: Preparer, reader: ChatReader, path: Path) -> Iterator[_Received]:
    """The prepared batches of ``reader.read(path)``, made in a helper process.

    The helper is a fresh interpreter running this module, with this one's import
    path; it is stopped on leaving, whatever happened.
    """
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    process = subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=environment,
    )
    assert process.stdin is not None
    try:
        with process.stdin as job:
            pickle.dump((preparer, reader, path), job, protocol=pickle.HIGHEST_PROTOCOL)
        yield _Received(process)
    finally:
        assert process.stdout is not None
        process.stdout.close()  # a helper still sending stops at its next batch
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    _serve(sys.stdin.buffer, sys.stdout.buffer)
