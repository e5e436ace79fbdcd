"""Which files a command line names: files, directories (recursively) and glob patterns."""

from __future__ import annotations

import glob
from pathlib import Path

STDIN = "-"
#: Extensions taken from directories; a file named on the command line is read whatever it is.
RESUME_EXTENSIONS = frozenset(
    {".pdf", ".docx", ".txt", ".text", ".md", ".markdown", ".rmd", ".qmd", ".tex", ".xtx",
     ".ltx", ".json", ".yaml", ".yml", ".html", ".htm"}
)  # fmt: skip
_GLOB_CHARACTERS = frozenset("*?[")


def expand_inputs(arguments: list[str]) -> list[str]:
    """Every input the arguments name, in order, each once.

    A directory stands for the resume-like files below it, sorted; a pattern that matches no
    file is kept as it is, so that it is reported as missing instead of silently dropped.
    """
    expanded: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if argument == STDIN or path.is_file() or path.is_symlink():
            expanded.append(argument)
        elif path.is_dir():
            expanded.extend(_resumes_below(path))
        elif _GLOB_CHARACTERS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            expanded.extend(
                match
                for found in matches
                for match in ([found] if not Path(found).is_dir() else _resumes_below(Path(found)))
            )
            if not matches:
                expanded.append(argument)
        else:
            expanded.append(argument)
    return list(dict.fromkeys(expanded))


def _resumes_below(folder: Path) -> list[str]:
    return sorted(
        str(path)
        for path in folder.rglob("*")
        if path.suffix.lower() in RESUME_EXTENSIONS and (path.is_file() or path.is_symlink())
    )
