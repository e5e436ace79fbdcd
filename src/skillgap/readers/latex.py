"""LaTeX sources spread over files: ``\\input`` and its kin, and macros that hold the content.

Academic CVs are often a main file that ``\\input``\\s ``sections/experience.tex``, or a layout
file and a content file of ``\\newcommand{\\cvskills}{...}`` definitions. Both are read here as
one source: included files are put in place of the command that includes them, and the bodies
of definitions are read where they are used (or, in a file of definitions only, in order).

Included files are looked up under the main file's folder only: never an absolute path, never
out of the folder (``..``, or a link that leads out), at most :data:`MAX_DEPTH` levels deep,
each file once (a cycle stops), within the size limit of one input. Nothing is ever executed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from skillgap.errors import InputError
from skillgap.sections import heading_section

#: How deep includes are followed (main file -> section -> subsection ...).
MAX_DEPTH = 5
_COMMENT = re.compile(r"(?<!\\)%.*")
_INCLUDE = re.compile(
    r"\\(?:(?P<one>input|include|subfile)(?![A-Za-z@])\s*"
    r"(?:\{(?P<file>[^{}\n]{1,300})\}|(?P<bare>[\w./-]{1,300}))"
    r"|(?P<two>import|subimport|inputfrom|includefrom|subinputfrom|subincludefrom)\*?\s*"
    r"\{(?P<folder>[^{}\n]{0,300})\}\s*\{(?P<name>[^{}\n]{1,300})\})"
)


@dataclass
class Includes:
    """Included files: what was read, and what was not and why."""

    root: Path | None
    max_bytes: int
    read: set[Path] = field(default_factory=set)
    size: int = 0
    skipped: list[str] = field(default_factory=list)

    def warning(self) -> str | None:
        """What the document warnings say about includes that were not followed."""
        if not self.skipped:
            return None
        listed = ", ".join(self.skipped[:5]) + (", ..." if len(self.skipped) > 5 else "")
        if self.root is None:
            return (
                "it includes other files (\\input), which are not read when the input comes "
                f"from standard input or memory: {listed}; give the main file's path instead"
            )
        return (
            f"it includes files skillgap could not read: {listed}; their content is missing "
            "(files are read only from the main file's folder and below)"
        )


def assemble(source: str, *, folder: Path | None, max_bytes: int) -> tuple[str, Includes]:
    """``source`` without comments and with the files it includes in place."""
    includes = Includes(root=folder.resolve() if folder else None, max_bytes=max_bytes)
    includes.size = len(source.encode("utf-8", "replace"))
    return _inline(_COMMENT.sub("", source), includes, folder, depth=1), includes


def _inline(source: str, includes: Includes, current: Path | None, depth: int) -> str:
    if "\\" not in source:
        return source

    def replace(match: re.Match[str]) -> str:
        name = (match.group("file") or match.group("bare") or match.group("name") or "").strip()
        folder = (match.group("folder") or "").strip()
        shown = f"{folder}{name}"
        if includes.root is None:
            includes.skipped.append(shown)
            return " "
        sub = (match.group("two") or "").startswith("sub")
        path, reason = _resolve(includes.root, current, folder, name, relative_to_current=sub)
        if path is None:
            if not (reason == "not found" and _configuration(name)):
                includes.skipped.append(f"{shown} ({reason})")
            return " "
        if path in includes.read:
            return " "  # a cycle, or a file included twice: read once
        if depth > MAX_DEPTH:
            includes.skipped.append(f"{shown} (more than {MAX_DEPTH} levels deep)")
            return " "
        text = _read(path, shown, includes)
        if text is None:
            return " "
        return "\n" + _inline(_COMMENT.sub("", text), includes, path.parent, depth + 1) + "\n"

    return _INCLUDE.sub(replace, source)


def read_included(name: str, includes: Includes, *, extensions: tuple[str, ...]) -> str | None:
    """The text of a file the main file names (a ``.bib``), looked up as includes are (under
    the main file's folder, ``name`` plus each of ``extensions``); None, and a skipped entry
    saying why, when it cannot be read."""
    shown = name if "." in name.rsplit("/", 1)[-1] else f"{name}{extensions[-1]}"
    if includes.root is None:
        includes.skipped.append(shown)
        return None
    path, reason = _resolve(includes.root, None, "", name, relative_to_current=False,
                            extensions=extensions)  # fmt: skip
    if path is None:
        includes.skipped.append(f"{shown} ({reason})")
        return None
    return None if path in includes.read else _read(path, shown, includes)


def _read(path: Path, shown: str, includes: Includes) -> str | None:
    """The text of an included file within the size left, counted as read; None, with a
    skipped entry saying why, if it cannot be."""
    try:
        if includes.size + path.stat().st_size > includes.max_bytes:
            includes.skipped.append(f"{shown} (over the size limit, --max-bytes)")
            return None
        data = path.read_bytes()[: includes.max_bytes - includes.size]
    except OSError:
        includes.skipped.append(f"{shown} (unreadable)")
        return None
    includes.read.add(path)
    includes.size += len(data)
    text = _decode(data, shown)
    if text is None:
        includes.skipped.append(f"{shown} (not text)")
    return text


#: Files of the TeX distribution that resume templates input for the PDF's own sake.
_TEX_DISTRIBUTION_FILES = frozenset({"glyphtounicode", "glyphtounicode.tex", "pdfglyphlist"})


def _configuration(name: str) -> bool:
    """A file a template inputs for how the PDF is made, not for what it says: one of the TeX
    distribution's, or one named with another extension than .tex (``pubs-num.cfg``)."""
    base = name.rsplit("/", 1)[-1]
    extension = base.rpartition(".")[2].lower() if "." in base else ""
    return base in _TEX_DISTRIBUTION_FILES or extension not in ("", "tex")


def _resolve(
    root: Path,
    current: Path | None,
    folder: str,
    name: str,
    *,
    relative_to_current: bool,
    extensions: tuple[str, ...] = ("", ".tex"),
) -> tuple[Path | None, str]:
    relative = f"{folder.rstrip('/')}/{name}" if folder else name
    if relative.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", relative):
        return None, "an absolute path"
    bases = [current or root] if relative_to_current else [root, current or root]
    for base in dict.fromkeys(bases):
        for candidate in (f"{relative}{extension}" for extension in extensions):
            path = (base / candidate).resolve()
            if not path.is_relative_to(root):
                return None, "outside the main file's folder"
            if path.is_file():
                return path, ""
    return None, "not found"


def _decode(data: bytes, name: str) -> str | None:
    from skillgap.readers.text import decode

    try:
        return decode(data, name)
    except InputError:
        return None


# Definitions: \newcommand{\cvskills}{Python, PyTorch}, \def\cvname{Jane Doe}.
_DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand)\*?\s*"
    r"(?:\{\s*\\(?P<braced>[A-Za-z@]+)\s*\}|\\(?P<plain>[A-Za-z@]+))"
    r"\s*(?P<arguments>\[\s*\d\s*\])?\s*(?:\[[^\]\n]{0,200}\])?\s*\{"
    r"|\\[gex]?def\s*\\(?P<defined>[A-Za-z@]+)(?P<parameters>[^{\n]{0,20}?)\{"
)
#: What is not text in a definition's body: commands, environment names, options.
_NOT_TEXT = re.compile(r"\\(?:begin|end)\{[^{}]*\}|\[[^\]]*\]|\\[A-Za-z@]+\*?|#\d")
#: A word; letters after a number are a unit ("5pt", "-1.5cm"), not a word.
_WORD = re.compile(r"(?<![\d.\w])[^\W\d_]{2,}")
#: Most characters that putting macros' text in place of their uses may add, and most
#: macros looked for.
MAX_EXPANDED_CHARS = 1_000_000
MAX_MACROS = 500


@dataclass(frozen=True)
class Definition:
    name: str
    body: str
    start: int
    end: int
    takes_arguments: bool

    @property
    def holds_text(self) -> bool:
        return not self.takes_arguments and bool(_WORD.search(_NOT_TEXT.sub(" ", self.body)))


def definitions(source: str) -> list[Definition]:
    """Every macro definition in ``source``, in order, with its body."""
    found: list[Definition] = []
    position = 0
    while match := _DEFINITION.search(source, position):
        end = closing_brace(source, match.end())
        if end < 0:
            break  # unbalanced: the rest of the file is inside this body
        name = match.group("braced") or match.group("plain") or match.group("defined")
        takes_arguments = bool(match.group("arguments") or "#" in (match.group("parameters") or ""))
        body = source[match.end() : end]
        found.append(Definition(name, body, match.start(), end + 1, takes_arguments))
        position = end + 1
    return found


_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.DOTALL)


def closing_brace(source: str, start: int) -> int:
    """Index of the brace closing the group opened just before ``start``, or -1."""
    depth = 1
    for match in _BRACE_OR_ESCAPE.finditer(source, start):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                return match.start()
    return -1


def content_of_definitions(source: str, found: list[Definition]) -> str | None:
    """A file of definitions only (no document body) whose bodies hold its text, read as
    those bodies in order, each under a heading where its name names a section
    (``\\cveducation``); None for any other file."""
    with_text = [d for d in found if d.holds_text]
    if not with_text or "\\begin{document}" in source:
        return None
    rest, last = [], 0
    for definition in found:
        rest.append(source[last : definition.start])
        last = definition.end
    rest.append(source[last:])
    letters_outside = len(_WORD.findall(_NOT_TEXT.sub(" ", "".join(rest))))
    letters_inside = sum(len(_WORD.findall(_NOT_TEXT.sub(" ", d.body))) for d in with_text)
    if letters_inside <= letters_outside:
        return None  # a section file with helper macros: read as it is
    parts = []
    for definition in with_text:
        heading = _heading(definition.name)
        parts.append(f"\n\n{heading}\n\n{definition.body}" if heading else f"\n\n{definition.body}")
    return "".join(parts)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PREFIX = re.compile(r"^(?:cv|my|resume|the)", re.IGNORECASE)


def _heading(name: str) -> str | None:
    for candidate in (name, _PREFIX.sub("", name)):
        words = _CAMEL.sub(" ", candidate).replace("@", " ").strip()
        if words and heading_section(words):
            return words.title()
    return None


def expand_text_macros(body: str, found: list[Definition]) -> str:
    """``body`` with each use of a macro whose definition holds text (and takes no
    arguments) replaced by that text, once (the text is not expanded again)."""
    macros = {d.name: d.body for d in found if d.holds_text}
    if not macros or len(macros) > MAX_MACROS:
        return body
    uses = re.compile(
        r"\\(" + "|".join(sorted(map(re.escape, macros), key=len, reverse=True)) + r")(?![A-Za-z@])"
    )
    added = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal added
        text = macros[match.group(1)]
        added += len(text)
        return f" {text} " if added <= MAX_EXPANDED_CHARS else match.group(0)

    return uses.sub(replace, body)
