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

__all__ = ["HelperStoppedError", "StartedHelper", "helper_started", "prepared_in_helper"]

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


def _spawn() -> subprocess.Popen[bytes]:
    """A helper process, starting up; it waits for its job on standard input.

    A fresh interpreter running this module with this one's import path (and not the
    current folder's, ``-P``), in a session of its own, so a Ctrl-C reaches only this
    process, which decides.
    """
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    process = subprocess.Popen(
        [sys.executable, "-P", "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=environment,
        start_new_session=True,
    )
    assert process.stdout is not None
    _widen(process.stdout)
    return process


class StartedHelper:
    """A helper process started before its job is known, for the first import to use.

    Starting an interpreter and importing the readers takes a tenth of a second or more;
    started first, that happens while this process opens the store and works out who is
    who. Used at most once; :func:`helper_started` stops it if nothing used it.
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = _spawn()

    def take(self) -> subprocess.Popen[bytes] | None:
        """The process, the first time; None after (it has its job already)."""
        process, self._process = self._process, None
        return process

    def stop(self) -> None:
        """Stop the process if nothing took it."""
        process = self.take()
        if process is not None:
            process.kill()
            for pipe in (process.stdin, process.stdout):
                if pipe is not None:
                    pipe.close()
            process.wait()


@contextmanager
def helper_started() -> Iterator[StartedHelper]:
    """A helper process starting now, stopped on leaving if no import took it."""
    started = StartedHelper()
    try:
        yield started
    finally:
        started.stop()


@contextmanager
def prepared_in_helper(
    preparer: Preparer, reader: ChatReader, path: Path, started: StartedHelper | None = None
) -> Iterator[_Received]:
    """The prepared batches of ``reader.read(path)``, made in a helper process.

    The process ``started`` ahead if given (and not taken yet), else a new one. Leaving
    early, whatever the reason, stops the helper at once.
    """
    job = pickle.dumps((preparer, reader, path), protocol=pickle.HIGHEST_PROTOCOL)
    process = (started.take() if started is not None else None) or _spawn()
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


# How much the pipe holds (Linux lets it grow to 1 MiB unasked): about two batches of
# 20,000 messages, so the helper reads ahead while this process is still starting up
# (loading the models) rather than waiting on a pipe full after one batch.
_PIPE_BYTES = 1 << 20


def _widen(pipe: IO[bytes]) -> None:
    """Let the pipe hold ``_PIPE_BYTES`` where the system allows it; as it is elsewhere."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or a limit set lower: the default pipe works, a little slower


def _main() -> None:
    # The batches go out on a copy of standard output; standard output itself goes to
    # standard error, so a stray print in a reader cannot break the stream.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    # The readers, imported while the job may still be on its way (a helper can be
    # started before the importing process knows who is who).
    import reciprocity.evidence.readers  # noqa: F401

    with out:
        _serve(sys.stdin.buffer, out)


if __name__ == "__main__":
    _main()
