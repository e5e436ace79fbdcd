"""The one exception hierarchy of skillgap's core.

Core modules raise these and never print or exit; only ``cli.py`` turns them into one line on
stderr and an exit code. Messages name the file and the problem, never resume content.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README and pinned by a test."""

    OK = 0
    THRESHOLD_FAILED = 1
    USAGE = 2
    INPUT_ERROR = 3
    OUTPUT_ERROR = 4
    INTERRUPTED = 130
    """Ctrl-C (SIGINT): 128 + the signal's number, as shells report it."""
    OUTPUT_CLOSED = 141
    TERMINATED = 143
    """SIGTERM (kill, docker stop, systemd)."""


class SkillgapError(Exception):
    """Base class: something the user can act on, with a short machine-readable code."""

    code = "error"
    exit_code = ExitCode.INPUT_ERROR


class InputError(SkillgapError):
    """An input could not be read: missing, unreadable, unsupported or without text.

    Its ``code`` is one of those the README lists: ``not-found``, ``unreadable``,
    ``unsupported``, ``encrypted``, ``no-text``, ``too-large`` (over a limit: bytes, pages,
    characters, or memory), ``timeout``; a batch adds ``worker-died`` (the process analysing
    the input crashed or was killed, see ``skillgap.pool``) and ``internal`` (a bug).
    """

    def __init__(self, message: str, *, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code


class UsageError(SkillgapError):
    """The request itself is wrong: an unknown role, a bad option value."""

    code = "usage"
    exit_code = ExitCode.USAGE


class OutputError(SkillgapError):
    """The report could not be written (a full disk, no permission); a file it would have
    replaced is left as it was."""

    code = "output"
    exit_code = ExitCode.OUTPUT_ERROR


class TaxonomyError(UsageError):
    """A skills or roles file is invalid; the message names the file and the entry."""

    code = "taxonomy"
