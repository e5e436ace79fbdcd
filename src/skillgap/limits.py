"""Limits that keep one hostile input from hanging the tool or exhausting memory."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from skillgap.errors import InputError


@dataclass(frozen=True)
class Limits:
    """Per-input limits; every one has a command-line flag of the same name."""

    max_bytes: int = 20 * 1024 * 1024
    """Largest file read (20 MiB: a resume is rarely over 2 MB, a scanned one maybe 15)."""
    max_pages: int = 200
    """Most PDF pages read; a long academic CV has 30."""
    max_chars: int = 1_000_000
    """Most characters of text analysed; a long CV has 100,000."""
    timeout: float = 60.0
    """Seconds one input may take; 0 means no limit."""
    max_memory: int = 512
    """MiB of memory one input may use beyond what the analyser itself needs (about 260 MiB
    of address space, shared with the parent); 0 means no limit. A resume needs under 100, one
    of 1,000,000 characters about 150; with two workers each at the limit, the whole process
    tree stays under 1.5 GB."""

    @property
    def memory_bytes(self) -> int:
        return self.max_memory * 1024 * 1024


@contextmanager
def time_limit(seconds: float, name: str) -> Iterator[None]:
    """Raise :class:`InputError` when the block runs longer than ``seconds``.

    Uses a real-time interval timer, so it works only in the main thread of a process (the
    CLI and its batch workers); elsewhere the block runs without a limit.
    """
    usable = seconds > 0 and threading.current_thread() is threading.main_thread()
    if not usable or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise InputError(
            f"{name}: gave up after {seconds:g} seconds (raise it with --timeout)",
            code="timeout",
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class TextBudget:
    """The characters of text one input may still give. Readers spend it as they extract, so
    that a file is refused as soon as its text passes ``--max-chars``, not after all of it is
    built: YAML aliases, or one Word header shared by thousands of sections, make gigabytes
    of text from kilobytes."""

    def __init__(self, name: str, max_chars: int) -> None:
        self.name, self.max_chars, self.left = name, max_chars, max_chars

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise too_much_text(self.name, self.max_chars)


def too_much_text(name: str, max_chars: int) -> InputError:
    return InputError(
        f"{name}: more than {max_chars:,} characters of text, the limit (raise it with "
        "--max-chars)",
        code="too-large",
    )


def over_memory(path: str, limits: Limits) -> str:
    """The message of an input stopped by the memory cap of its worker (``skillgap.pool``)."""
    return f"{path}: {over_memory_reason(limits.max_memory)}"


def over_memory_reason(mib: int) -> str:
    """Why an input over a memory cap of ``mib`` MiB was stopped, and what to do."""
    return f"needs more memory than the limit of {mib:,} MiB (raise it with --max-memory)"


#: The limits used unless a caller says otherwise.
DEFAULT_LIMITS = Limits()
