"""Publication lists kept in BibTeX files: the entries a LaTeX CV prints, read in place.

Academic CVs often list their publications with ``\\nocite{*}`` and ``\\printbibliography``
(biblatex) or ``\\bibliography{pubs}`` (BibTeX): the PDF shows them, but the LaTeX source
holds only the command. Read from source, such a CV lost its whole publication list, the best
evidence of research it has. Here each printing command is replaced by the entries it prints,
one line each (authors, title, venue, year), as the reader of the PDF sees them.

Which entries a command prints, simplified from what BibTeX and biblatex do: those cited
anywhere in its ``refsection`` (or outside every refsection; ``\\cite``, ``\\nocite``, and
``\\nocite{*}`` cites every entry) that an earlier command has not printed, of the types its
``type=``/``nottype=`` options allow. The ``.bib`` files are looked
up as included files are: under the main file's folder only, within the size limit of one
input. Their fields are read as text; nothing in them is executed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from skillgap.readers.latex import closing_brace, read_included

if TYPE_CHECKING:
    from collections.abc import Callable

    from skillgap.readers.latex import Includes

#: Most entries read from all the ``.bib`` files of one input.
MAX_ENTRIES = 2000
_RESOURCE = re.compile(
    r"\\(?:addbibresource|addglobalbib|bibliography)\s*(?:\[[^\]\n]{0,200}\])?\s*"
    r"\{(?P<names>[^{}\n]{1,300})\}"
)
_PRINT = re.compile(
    r"\\printbibliography(?![A-Za-z@])\s*(?:\[(?P<options>[^\]]{0,500})\])?"
    r"|\\bibliography\s*\{[^{}\n]{1,300}\}"
)
_CITE = re.compile(
    r"\\[A-Za-z]*cite[A-Za-z]*\*?\s*(?:\[[^\]\n]{0,200}\]\s*){0,2}\{(?P<keys>[^{}]{1,2000})\}"
)
_ENTRY = re.compile(
    r"@(?P<type>[A-Za-z]+)\s*[{(]\s*(?:(?P<key>[^,\s{}()=]{1,200})\s*,|(?=[A-Za-z][\w-]*\s*=))"
)
_FIELD = re.compile(r"(?P<name>[A-Za-z][\w-]{0,40})\s*=\s*")
#: The fields shown, in the order a reference list shows them.
_SHOWN = ("author", "title", "journal", "journaltitle", "booktitle", "school", "publisher", "year")


#: Commands that print one whole entry where they stand (moderncv's \hangbibentry, bibentry's
#: \bibentry, biblatex's \fullcite): a CV's publication list, an entry a line.
_FULL_ENTRY = re.compile(
    r"\\(?P<command>(?:hang)?bibentry|(?:foot)?fullcite)\*?\s*(?:\[[^\]\n]{0,200}\]\s*){0,2}"
    r"\{(?P<key>[^{}\n]{1,200})\}"
)


def with_bibliographies(source: str, includes: Includes) -> str:
    """``source`` with each command that prints a bibliography, or one entry of it, replaced
    by its entries. An entry whose ``.bib`` file is not available is shown by its key, and
    the document's warnings say so."""
    if "bib" not in source and "fullcite" not in source:
        return source
    entries: dict[str, tuple[str, str]] = {}  # key -> (type, line shown)
    for match in _RESOURCE.finditer(source):
        for name in match.group("names").split(","):
            if name.strip():
                entries.update(_read_bib(name.strip(), includes))
    source = _full_entries(source, entries, includes)
    if not entries:
        return _NOCITE.sub(" ", source)
    sections = [(m.start(), m.end()) for m in _REFSECTION.finditer(source)]
    cited_in: dict[tuple[int, int] | None, set[str]] = {}
    printed: set[str] = set()
    parts: list[str] = []
    last = 0
    for match in _PRINT.finditer(source):
        index = bisect_right(sections, (match.start(), len(source))) - 1
        scope = sections[index] if index >= 0 and match.start() < sections[index][1] else None
        if scope not in cited_in:  # once per scope: linear in the source however many prints
            cited_in[scope] = _cited(source, scope, sections)
        cited = cited_in[scope]
        allowed = _type_filter(match.group("options") or "")
        chosen = [
            key
            for key, (kind, _) in entries.items()
            if ("*" in cited or key in cited) and key not in printed and allowed(kind)
        ]
        printed.update(chosen)
        lines = "\n\n".join(entries[key][1] for key in chosen)
        heading = _heading(match.group("options"))
        parts += [source[last : match.start()], f"\n\n{heading}{lines}\n\n"]
        last = match.end()
    parts.append(source[last:])
    return _NOCITE.sub(" ", "".join(parts))  # its keys are not text (\cite's are a number)


def _full_entries(source: str, entries: dict[str, tuple[str, str]], includes: Includes) -> str:
    """Each command that prints one entry replaced by the entry, on a line of its own; by its
    key where no ``.bib`` file gives it (an R Markdown CV downloads its .bib when built)."""
    missing: dict[str, int] = {}

    def entry(match: re.Match[str]) -> str:
        key = match.group("key").strip()
        if key in entries:
            return f"\n\n{entries[key][1]}\n\n"
        command = match.group("command")
        missing[command] = missing.get(command, 0) + 1
        return f"\n\n{key}\n\n"

    source = _FULL_ENTRY.sub(entry, source)
    if missing:
        count = sum(missing.values())
        commands = ", ".join(f"\\{command}" for command in missing)
        includes.skipped.append(
            f"the .bib file of its {count} cited {'entry' if count == 1 else 'entries'} "
            f"({commands}; shown by their keys)"
        )
    return source


_REFSECTION = re.compile(r"\\begin\{refsection\}.*?(?:\\end\{refsection\}|$)", re.DOTALL)


def _cited(source: str, scope: tuple[int, int] | None, sections: list[tuple[int, int]]) -> set[str]:
    """The keys cited in ``scope`` (a refsection), or outside every refsection when None:
    a command prints what is cited before it and after it, in its refsection."""
    if scope is not None:
        spans = [scope]
    else:
        edges = [0, *(edge for section in sections for edge in section), len(source)]
        spans = list(zip(edges[::2], edges[1::2], strict=True))
    return {
        key.strip()
        for start, end in spans
        for cite in _CITE.finditer(source, start, end)
        for key in cite.group("keys").split(",")
    }


#: Commands whose argument is no text: cited keys, the bibliography's style.
_NOCITE = re.compile(r"\\(?:nocite|bibliographystyle)\s*\{[^{}]{0,2000}\}")


def _heading(options: str | None) -> str:
    """The heading a command prints above its entries: its ``title=``; none with
    ``heading=none``; else "Publications", since a CV's bibliography lists its owner's
    publications (biblatex would print "References", a word that on a resume names referees).
    """
    options = options or ""
    title = re.search(r"title\s*=\s*(\{(?:[^{}]|\{[^{}]*\})*\}|[^,\]]+)", options)
    if title:
        words = title.group(1).strip()
        return f"\\section*{words if words.startswith('{') else '{' + words + '}'}\n\n"
    if re.search(r"heading\s*=\s*\{?none", options):
        return ""
    return "\\section*{Publications}\n\n"


def _type_filter(options: str) -> Callable[[str], bool]:
    only = re.search(r"(?<![A-Za-z])type\s*=\s*\{?([A-Za-z]+)", options)
    never = re.search(r"nottype\s*=\s*\{?([A-Za-z]+)", options)
    return lambda kind: (
        (only is None or kind == only.group(1).lower())
        and (never is None or kind != never.group(1).lower())
    )


def _read_bib(name: str, includes: Includes) -> dict[str, tuple[str, str]]:
    text = read_included(name, includes, extensions=("", ".bib"))
    if text is None:
        return {}
    entries: dict[str, tuple[str, str]] = {}
    strings: dict[str, str] = {}  # @string{nips = "Advances in ..."}: names for values
    # Each entry on its own, from its "@" at a line's start to the next: a brace left open in
    # one entry loses that entry, not the rest of the file.
    for chunk in _ENTRY_START.split(text):
        match = _ENTRY.match(chunk)
        if match is None:
            continue
        kind = match.group("type").lower()
        fields, _ = _fields(chunk, match.end(), strings)
        if kind == "string":
            strings.update(list(fields.items())[:1])  # its name, lower case as all names
        elif match.group("key") and kind not in ("comment", "preamble") and _shown(fields):
            entries[match.group("key")] = (kind, _shown(fields))
            if len(entries) >= MAX_ENTRIES:
                break
    return entries


_ENTRY_START = re.compile(r"^[ \t]*(?=@)", re.MULTILINE)


def _fields(text: str, start: int, strings: dict[str, str]) -> tuple[dict[str, str], int]:
    """The fields of the entry whose body starts at ``start``, and where the entry ends; a
    bare value that names an ``@string`` is that string's value."""
    fields: dict[str, str] = {}
    position = start
    while match := _FIELD.match(text, _skip_separators(text, position)):
        name, value_start = match.group("name").lower(), match.end()
        opener = text[value_start : value_start + 1]
        if opener == "{":
            end = closing_brace(text, value_start + 1)
            if end < 0:  # a brace left open: the rest of its line is the value
                end = text.find("\n", value_start)
                end = len(text) if end < 0 else end
                value = text[value_start + 1 : end].rstrip(" ,")
                fields[name] = " ".join(value.replace("{", " ").replace("}", " ").split())
                return fields, len(text)
            value, position = text[value_start + 1 : end], end + 1
        elif opener == '"':
            end = text.find('"', value_start + 1)
            if end < 0:
                return fields, len(text)
            value, position = text[value_start + 1 : end], end + 1
        else:  # a number or a @string name, up to the next separator
            word = re.match(r"[^,}\s]*", text[value_start:])
            value = word.group(0) if word else ""
            position = value_start + len(value)
            value = strings.get(value.lower(), value)
        fields[name] = " ".join(value.split())
    return fields, position


def _skip_separators(text: str, position: int) -> int:
    while position < len(text) and (text[position].isspace() or text[position] in ",#"):
        position += 1
    return position


def _shown(fields: dict[str, str]) -> str:
    """One entry as a reference list shows it: ``Authors. Title. Venue, Year.``"""
    if "author" in fields:
        fields = {**fields, "author": ", ".join(_names(fields["author"]))}
    values = [fields[name].strip(" .") for name in _SHOWN if fields.get(name, "").strip(" .")]
    return ". ".join(values) + "." if values else ""


def _names(authors: str) -> list[str]:
    """``Chen, Mengqi and Lin, J.`` as ``Mengqi Chen``, ``J. Lin``."""
    names = []
    for name in re.split(r"\s+and\s+", authors):
        last, comma, first = name.partition(",")
        if name.strip() == "others":
            names.append("et al.")
        else:
            names.append(f"{first.strip()} {last.strip()}" if comma else name.strip())
    return names
