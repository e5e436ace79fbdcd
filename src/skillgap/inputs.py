"""Which files a command line names: files, directories (recursively) and glob patterns.

A file named on the command line is read whatever it is. A folder scan (a directory, or what
a pattern matches) is more careful: it takes regular files only, follows a symbolic link only
when its target stays inside the folder scanned, and leaves out what looks like one of
skillgap's own reports, so that a report written into a folder is not read as a resume on the
next run. (An ``--output`` file that is not a report yet is an input like any other: the
command refuses to overwrite it.)
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

STDIN = "-"
#: Extensions taken from directories; a file named on the command line is read whatever it is.
RESUME_EXTENSIONS = frozenset(
    {".pdf", ".docx", ".txt", ".text", ".md", ".markdown", ".rmd", ".qmd", ".tex", ".xtx",
     ".ltx", ".json", ".yaml", ".yml", ".html", ".htm"}
)  # fmt: skip
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class Inputs:
    """What the arguments name."""

    paths: list[str] = field(default_factory=list)
    """Every input, in order, each once."""
    without_resumes: list[str] = field(default_factory=list)
    """Folders and patterns in which a scan found no resume."""


def expand_inputs(arguments: Sequence[str]) -> Inputs:
    """Every input the arguments name, in order, each once.

    A directory stands for the resume-like files below it, sorted; a pattern that matches no
    file is kept as it is, so that it is reported as missing instead of silently dropped.
    """
    expanded: list[str] = []
    without_resumes: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if argument != STDIN and path.is_dir():
            found = _resumes_below(path, os.path.realpath(path))
        elif argument != STDIN and not path.exists() and _GLOB_CHARACTERS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                expanded.append(argument)
                continue
            found = _matched(matches, os.path.realpath(_pattern_base(argument)))
        else:
            expanded.append(argument)
            continue
        expanded.extend(found)
        if not found:
            without_resumes.append(argument)
    return Inputs(paths=list(dict.fromkeys(expanded)), without_resumes=without_resumes)


def _matched(matches: list[str], root: str) -> list[str]:
    """What a scan takes of a pattern's matches: files as they are, folders for the resumes
    below them; ``glob`` follows links to folders, so each match is checked to be inside."""
    found = []
    for match in matches:
        if not _inside(os.path.realpath(os.path.dirname(match) or "."), root):
            continue
        if os.path.isdir(match):
            found += _resumes_below(Path(match), root)
        elif _scanned(match, root):
            found.append(match)
    return found


def _resumes_below(folder: Path, root: str) -> list[str]:
    """The resume-like files below ``folder`` that a scan of the folder ``root`` (a resolved
    path) takes, sorted. Links to folders are not entered: those inside would be read twice,
    others are outside."""
    if not _inside(os.path.realpath(folder), root):
        return []
    found = []
    for directory, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(directory, name)
            if Path(name).suffix.lower() in RESUME_EXTENSIONS and _scanned(path, root):
                found.append(path)
    return sorted(found)


def _scanned(path: str, root: str) -> bool:
    """Whether a scan of the folder ``root`` takes ``path``, whose folder is inside it: a
    regular file, or a link to one inside the folder, that is not one of skillgap's reports."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            if not _inside(os.path.realpath(path), root):
                return False
            info = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or _REPORT_NAME.search(path):
        return False
    return not looks_like_report(_head(path))


def _inside(path: str, root: str) -> bool:
    return os.path.commonpath([root, path]) == root


def _pattern_base(pattern: str) -> Path:
    """The folder a pattern searches: its leading parts without glob characters."""
    base: list[str] = []
    for part in Path(pattern).parts[:-1]:
        if _GLOB_CHARACTERS & set(part):
            break
        base.append(part)
    return Path(*base) if base else Path(".")


#: The names skillgap's example reports have (``cv.report.json``, ``cv.report.md``).
_REPORT_NAME = re.compile(r"\.report\.[A-Za-z]+$")

#: How each of skillgap's outputs begins: the table, Markdown, GitHub annotations, a
#: ranking table or Markdown, HTML (its generator named first in its head), and JSON (a
#: report, an error record, a ranking; one, a list or lines). Tested against every
#: renderer, so that a new format cannot slip through.
_REPORT_START = re.compile(
    rb"""\A(?:
        skillgap\ \d+\.\d+\S*\ \xc2\xb7\ [^\n]*\n
      | \#\#\ skillgap:[ ]
      | ::(?:error|warning|notice)\ file=[^\n]*,title=skillgap
      | (?:\#\#\ )?Ranking\ for\ [^\n]*\n(?:\n?(?:>\ \*\*Warning:|warning:)[^\n]*\n)*
        (?:\n\|\ Rank\ |\ *rank\ +score\ )
      | <!DOCTYPE\ html>\s*<html[^>]*>\s*<head>\s*<meta\ charset="utf-8">\s*
        <meta\ name="generator"\ content="skillgap[ ]
      | \[?\s*\{\s*"(?:schema_version"\s*:\s*"\d+\.\d+"\s*,\s*"status"
                    |rank"\s*:\s*\d+\s*,\s*"path")
    )""",
    re.VERBOSE,
)


def looks_like_report(head: bytes) -> bool:
    """Whether a file that begins with ``head`` is one of skillgap's own outputs."""
    return _REPORT_START.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")) is not None


def _head(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(512)
    except OSError:
        return b""
