"""Where output goes: standard output, or a report file that only a complete report replaces.

A report file is written to a temporary file beside it and renamed over it when the command
commits it: a failed or interrupted run, a full disk, even ``kill -9`` mid-write, leave the
file that was there as it was (a ``kill -9`` may leave the hidden temporary file, never a
partial report). An output that is also an input is refused before any input is read.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Protocol

from skillgap.errors import OutputError, UsageError
from skillgap.inputs import STDIN

#: The end of a temporary report's name; folder scans never take it (not a resume extension).
TEMPORARY_SUFFIX = ".skillgap-tmp"


class OutputClosed(Exception):
    """Whoever read standard output has gone (``skillgap ... | head -1``): stop quietly."""


class Output(Protocol):
    def write(self, text: str) -> None: ...

    def commit(self) -> None:
        """Keep what was written: until then a report file is not replaced."""


def write_stdout(text: str) -> None:
    """Write to standard output at once; raises :class:`OutputClosed` when the pipe is closed."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed from None


class StandardOutput:
    """Standard output: written as it comes, nothing to commit."""

    def write(self, text: str) -> None:
        write_stdout(text)

    def commit(self) -> None:
        pass


class ReportFile:
    """A report on its way to ``target``, in a temporary file in the target's folder until
    :meth:`commit` renames it into place. A symbolic link as target is kept: the file it
    points to is replaced. A target that is not a regular file (``/dev/null``, a pipe) cannot
    be replaced and is written directly. Raises :class:`OutputError` when it cannot be written.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.final = Path(os.path.realpath(target))
        self.temporary: Path | None = None
        self.committed = False
        try:
            mode = os.stat(self.final).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as error:
            raise self._error(error) from None
        if mode is not None and stat.S_ISDIR(mode):
            raise OutputError(f"{target}: cannot write the report: it is a folder")
        try:
            if mode is not None and not stat.S_ISREG(mode):
                self.stream: IO[str] = open(self.final, "w", encoding="utf-8")  # noqa: SIM115
                return
            descriptor, name = tempfile.mkstemp(
                dir=self.final.parent, prefix=f".{self.final.name}.", suffix=TEMPORARY_SUFFIX
            )
        except OSError as error:
            raise self._error(error) from None
        self.temporary = Path(name)
        self.stream = os.fdopen(descriptor, "w", encoding="utf-8")
        # The permissions a plain open() would give: the old file's, or the umask's.
        self.mode = stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask()

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
        except OSError as error:
            raise self._error(error) from None

    def commit(self) -> None:
        try:
            self.stream.flush()
            if self.temporary is not None:
                os.fsync(self.stream.fileno())
                os.chmod(self.temporary, self.mode)
            self.stream.close()
            if self.temporary is not None:
                os.replace(self.temporary, self.final)
        except OSError as error:
            raise self._error(error) from None
        self.committed = True

    def discard(self) -> None:
        """Remove the temporary file, unless the report was committed."""
        if self.committed:
            return
        with suppress(OSError):  # a full disk fails the final flush too; the file goes anyway
            self.stream.close()
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)

    def _error(self, error: OSError) -> OutputError:
        return OutputError(f"{self.target}: cannot write the report: {error.strerror}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def open_output(target: Path | None) -> Iterator[Output]:
    """Standard output, or the report file ``target``, which is replaced only if the block
    calls ``commit()`` and leaves without an exception."""
    if target is None:
        yield StandardOutput()
        return
    report = ReportFile(target)
    try:
        yield report
    finally:
        report.discard()


def refuse_inputs_as_output(target: Path, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`UsageError` when ``target`` is one of ``inputs``: the same file, by its
    resolved path (or, for existing files, by device and inode); standard input counts as the
    file it is redirected from (``analyze - -o cv.txt < cv.txt``)."""
    for path in inputs:
        same = _is_stdin_file(target) if str(path) == STDIN else _same_file(target, Path(path))
        if same:
            raise UsageError(
                f"--output {target}: this file is also an input, and the report would replace "
                "it; write the report to another file"
            )


def _is_stdin_file(target: Path) -> bool:
    """Whether standard input is read from the file ``target`` (or ``target`` is stdin)."""
    try:
        stdin = os.fstat(0)
        output = os.stat(target)
    except OSError:
        return False
    return (stdin.st_dev, stdin.st_ino) == (output.st_dev, output.st_ino)


def _same_file(one: Path, other: Path) -> bool:
    if os.path.realpath(one) == os.path.realpath(other):
        return True
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
