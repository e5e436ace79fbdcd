"""Structured resumes: JSON Resume, other JSON, and YAML, read as their values.

Keys are markup, not content: only string values are kept, and a key becomes a heading line
only when it names a resume section ("education", "workExperience", "publications"), so that
section detection works as it does for Markdown or LaTeX. URLs are dropped except GitHub
links, which are evidence for the ``github`` skill.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from skillgap.limits import TextBudget
from skillgap.readers.links import github_address
from skillgap.readers.markup import clean_fragment
from skillgap.sections import heading_section

#: Deeper structures than this are not resumes; their deeper values are ignored.
MAX_DEPTH = 40
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_URL = re.compile(r"^[a-z][a-z0-9+.\-]*://\S+$|^www\.\S+$|^\S+\.(com|org|io|net|dev)(/\S*)?$", re.I)
#: JSON Resume fields that hold no resume content (levels, dates, scores, contact data).
_SKIPPED_KEYS = frozenset(
    {"level", "fluency", "startDate", "endDate", "date", "releaseDate", "score", "email",
     "phone", "image", "postalCode", "countryCode", "$schema", "meta", "lastModified",
     "version", "canonical", "id", "username"}
)  # fmt: skip


def json_to_text(source: str) -> str | None:
    """The text of a JSON document, or None when it is not valid JSON."""
    try:
        data = json.loads(source)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, dict) and _is_json_resume(data):
        return "\n".join(_json_resume_lines(data)) + "\n"
    return "\n".join(_value_lines(data, depth=0)) + "\n"


def yaml_to_text(source: str, text: TextBudget | None = None) -> str:
    """The text of a YAML document (several documents allowed); comments are dropped. Its
    text is spent from ``text`` as it is made."""
    import yaml

    try:
        documents = yaml_documents(source)
    except (yaml.YAMLError, RecursionError, ValueError):
        return _yaml_lines_fallback(source)
    lines: list[str] = []
    budget = _Budget(text)
    for document in documents:
        lines.extend(_value_lines(document, depth=0, budget=budget))
    return "\n".join(lines) + "\n"


#: Deepest nesting of lists and mappings given to libyaml's loader, which nests in C, past
#: Python's recursion limit: a document nested thousands deep would crash the process.
LIBYAML_MAX_DEPTH = 64
#: What PyYAML reads otherwise than libyaml in some places: tabs, byte-order marks, "? " (a
#: key indicator; PyYAML refuses it inside a flow list, libyaml takes it) and a
#: comment right after a block scalar's indicator (PyYAML refuses "|#", libyaml takes it).
_LIBYAML_OTHERWISE = re.compile(r"[\t\ufeff]|[|>][-+0-9]*#|\?\s")


def yaml_documents(source: str) -> list[Any]:
    """The documents of a YAML source as PyYAML's safe loader reads them (its errors raised).

    libyaml's loader reads them many times faster, and is used where it reads them as PyYAML
    does: where the source holds nothing the two read otherwise and the nesting is shallow;
    where it fails, PyYAML decides (a test compares the two on generated YAML).
    """
    import yaml

    deepest, parsed = yaml_nesting(source)
    if parsed and deepest <= LIBYAML_MAX_DEPTH and not _LIBYAML_OTHERWISE.search(source):
        try:
            return list(yaml.load_all(source, Loader=yaml.CSafeLoader))
        except (yaml.YAMLError, RecursionError, ValueError):
            pass
    return list(yaml.safe_load_all(source))


def yaml_nesting(source: str) -> tuple[int, bool]:
    """How deep lists and mappings nest in a YAML source, as far as libyaml's parser (which
    keeps its own stack and never recurses) reads it, up to one level past
    :data:`LIBYAML_MAX_DEPTH`; and whether it read it all (False without libyaml).

    It stops there, as each level of nesting makes libyaml's scanner slower on every token.
    """
    import yaml

    if not yaml.__with_libyaml__:
        return 0, False
    depth = deepest = 0
    try:
        for event in yaml.parse(source, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > LIBYAML_MAX_DEPTH:
                    return deepest, False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return deepest, False
    return deepest, True


#: Most values (strings, numbers, lists, mappings) visited in one structured document.
MAX_VALUES = 200_000

#: Keys whose presence says front matter holds a resume: an author profile (Hugo Academic,
#: Wowchemy, HugoBlox) or a CV page, rather than a page's metadata.
RESUME_KEYS = frozenset(
    {"education", "skills", "experience", "work", "interests", "bio", "biography", "summary",
     "publications", "awards", "projects", "employment", "positions", "research", "teaching",
     "certifications", "jobs"}
)  # fmt: skip
#: Front matter keys that hold page metadata, layout or styling, never resume content.
_FRONT_MATTER_METADATA = frozenset(
    {"layout", "permalink", "draft", "tags", "categories", "lastmod", "weight", "slug",
     "aliases", "type", "redirect_from", "author_profile", "superuser",
     "highlight_name", "authors", "user_groups", "status", "header", "sidebar", "toc", "math",
     "output", "documentclass", "classoption", "icon", "icon_pack", "color", "color_border",
     "pronouns", "name_pronunciation", "first_name", "last_name", "percent", "date_start",
     "date_end", "button", "company_url", "label", "cascade", "menu", "seo", "excerpt",
     "share", "comments", "reading_time", "profile", "active"}
)  # fmt: skip


def front_matter_to_text(data: Any, text: TextBudget | None = None) -> str | None:
    """The text of a page's front matter when it holds resume content, else None.

    It is read as YAML is: keys that name a resume section become headings, values text, and
    keys of page metadata (layout, permalink, icons, colours) are dropped.
    """
    if not isinstance(data, dict) or not any(str(key).lower() in RESUME_KEYS for key in data):
        return None
    skipped = _SKIPPED_KEYS | _FRONT_MATTER_METADATA
    return "\n".join(_value_lines(data, depth=0, skipped=skipped, budget=_Budget(text))) + "\n"


def _is_json_resume(data: dict[str, Any]) -> bool:
    schema = str(data.get("$schema", ""))
    return "jsonresume" in schema or ("basics" in data and isinstance(data["basics"], dict))


def _key_heading(key: str) -> str | None:
    words = _CAMEL.sub(" ", key).replace("_", " ").replace("-", " ")
    found = heading_section(words)
    return words.strip().title() if found else None


def _string_line(value: str) -> str | None:
    text = value.strip()
    if not text:
        return None
    if _URL.match(text):
        return github_address(text)
    return clean_fragment(text)


class _Budget:
    """How many more values a document may have read, which lists and mappings it has read,
    and the text it may still give. YAML aliases make a small file a huge tree ("billion
    laughs"): an aliased list or mapping is read once, where it first appears, and what is
    visited is bounded, not only what is kept."""

    def __init__(self, text: TextBudget | None = None, values: int = MAX_VALUES) -> None:
        self.remaining = values
        self.text = text
        self.seen: set[int] = set()

    def spend(self) -> bool:
        self.remaining -= 1
        return self.remaining >= 0

    def first_visit(self, collection: dict[Any, Any] | list[Any]) -> bool:
        if id(collection) in self.seen:
            return False
        self.seen.add(id(collection))
        return True

    def keep(self, line: str) -> str:
        if self.text is not None:
            self.text.spend(len(line) + 1)
        return line


def _value_lines(
    value: Any,
    *,
    depth: int,
    skipped: frozenset[str] = _SKIPPED_KEYS,
    budget: _Budget | None = None,
) -> Iterator[str]:
    budget = budget or _Budget()
    if depth > MAX_DEPTH or not budget.spend():
        return
    if isinstance(value, (dict, list)) and not budget.first_visit(value):
        return
    if isinstance(value, str):
        line = _string_line(value)
        if line:
            yield budget.keep(line)
    elif isinstance(value, int) and not isinstance(value, bool) and 1950 <= value < 2050:
        # A year (``year: 2026``) dates its entry: the profile counts dated entries of
        # talks and publications as a text resume's.
        yield budget.keep(str(value))
    elif isinstance(value, dict):
        degree = _degree_line(value)
        if degree:
            yield budget.keep(degree)
        for key, item in value.items():
            if str(key) in skipped or (degree and key in _DEGREE_PARTS):
                continue
            if _layout(item, value):
                continue
            heading = _key_heading(str(key)) if isinstance(item, (dict, list)) else None
            if heading:
                yield ""
                yield heading
            yield from _value_lines(item, depth=depth + 1, skipped=skipped, budget=budget)
    elif isinstance(value, list):
        for item in value:
            yield from _value_lines(item, depth=depth + 1, skipped=skipped, budget=budget)


_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


def _layout(item: Any, mapping: dict[Any, Any]) -> bool:
    """Whether a value lays out the document itself: pairs of a key of the same mapping and
    its title (``order_md: [[education, Education], [talks, Invited Talks]]``). Read as text,
    its titles became headings, and the bio after them fell under "Skills"."""
    if not isinstance(item, list) or not item:
        return False
    pairs = [p for p in item if isinstance(p, list) and len(p) == 2 and isinstance(p[0], str)]
    if len(pairs) < len(item) or not all(_IDENTIFIER.match(p[0]) for p in pairs):
        return False
    return sum(p[0] in mapping for p in pairs) * 2 >= len(pairs)


#: Keys of an education entry that hold its degree and its field apart (RenderCV's
#: ``degree``/``area``, al-folio's and JSON Resume's ``studyType``/``area``).
_DEGREE_KEYS = ("degree", "studyType", "study_type")
_DEGREE_PARTS = frozenset({*_DEGREE_KEYS, "area"})


def _degree_line(entry: dict[Any, Any]) -> str | None:
    """An education entry's degree and field as one line, as a CV prints them ("M.Sc. in
    Computer Science"), where they are kept under two keys; else None."""
    area = entry.get("area")
    degree = next((entry[k] for k in _DEGREE_KEYS if isinstance(entry.get(k), str)), None)
    if not isinstance(area, str) or not degree or not area.strip() or not degree.strip():
        return None
    return _string_line(_degree_with_field(degree, area))


#: Words of degrees' names, not of their fields ("Bachelor of Science", "Master of Engineering").
_DEGREE_NAME_WORDS = frozenset(
    {"bachelor", "bachelors", "master", "masters", "doctor", "doctorate", "science", "sciences",
     "arts", "engineering", "technology", "business", "administration", "philosophy"}
)  # fmt: skip


def _degree_with_field(degree: str, area: str) -> str:
    """A degree and its field as a CV prints them ("Master of Science in Machine Learning"),
    or the degree alone where it already names its fields ("BA Philosophy, BS Mathematics")."""
    degree, area = degree.strip(), area.strip()
    words = set(re.findall(r"[a-z]{4,}", degree.lower())) - _DEGREE_NAME_WORDS
    if not area or words & set(re.findall(r"[a-z]{4,}", area.lower())):
        return degree
    return f"{degree} in {area}" if degree else area


# JSON Resume (jsonresume.org schema): each section rendered as a reader would see it.
_SECTION_ORDER = (
    ("work", "Experience"), ("volunteer", "Volunteer experience"), ("projects", "Projects"),
    ("education", "Education"), ("publications", "Publications"), ("awards", "Awards"),
    ("certificates", "Certifications"), ("skills", "Skills"), ("languages", "Languages"),
    ("interests", "Interests"), ("references", "References"),
)  # fmt: skip


def _json_resume_lines(data: dict[str, Any]) -> Iterator[str]:
    basics = data.get("basics") or {}
    if isinstance(basics, dict):
        for key in ("name", "label", "summary"):
            yield from _value_lines(basics.get(key), depth=1)
        for profile in basics.get("profiles") or []:
            if isinstance(profile, dict):
                yield from _value_lines(profile.get("url"), depth=2)
    for key, title in _SECTION_ORDER:
        entries = data.get(key)
        if not entries:
            continue
        yield ""
        yield title
        for entry in entries if isinstance(entries, list) else [entries]:
            yield from _entry_lines(key, entry)


def _entry_lines(section: str, entry: Any) -> Iterator[str]:
    if not isinstance(entry, dict):
        yield from _value_lines(entry, depth=2)
        return
    if section == "education":
        degree = _degree_with_field(str(entry.get("studyType") or ""), str(entry.get("area") or ""))
        parts = (degree, str(entry.get("institution") or ""), _study_dates(entry))
        yield ", ".join(part for part in parts if part)
        yield from _value_lines(entry.get("courses"), depth=2)
        return
    if section == "publications":
        # One entry a line, as a publication list shows it: "Title. Venue, 2024."
        title, venue = (str(entry.get(k) or "").strip(" .") for k in ("name", "publisher"))
        year = _year(entry.get("releaseDate"))
        line = ". ".join(p for p in (title, ", ".join(p for p in (venue, year) if p)) if p)
        if line:
            yield f"{line}."
        yield from _value_lines(entry.get("summary"), depth=2)
        return
    if section == "skills":
        keywords = [str(k) for k in entry.get("keywords") or [] if isinstance(k, str)]
        name = str(entry.get("name") or "")
        yield f"{name}: {', '.join(keywords)}" if keywords else name
        return
    for key, value in entry.items():
        if key in _SKIPPED_KEYS:
            continue
        if (
            isinstance(value, list)
            and all(isinstance(v, str) for v in value)
            and key in {"keywords", "roles"}
        ):
            yield ", ".join(value)
        else:
            yield from _value_lines(value, depth=2)


def _year(value: Any) -> str:
    match = re.match(r"\s*(\d{4})\b", str(value or ""))
    return match.group(1) if match else ""


def _study_dates(entry: dict[str, Any]) -> str:
    """An education entry's years as a resume writes them: "2019 - 2024", "2022 - present"
    (JSON Resume leaves out the end date of studies not finished), "expected 2027" (an end
    date still to come)."""
    start, end = _year(entry.get("startDate")), _year(entry.get("endDate"))
    if end and int(end) > date.today().year:
        return f"{start} - expected {end}" if start else f"expected {end}"
    if start and not end:
        return f"{start} - present"
    return " - ".join(year for year in (start, end) if year)


_YAML_COMMENT = re.compile(r"(^|\s)#.*$")
_YAML_KEY = re.compile(r"^\s*-?\s*([\w\-. ]{1,40}):\s*(\||>)?\s*")
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_]\w*):", re.MULTILINE)
#: Brackets of a flow list or mapping left at either end of a value of broken YAML.
_FLOW_BRACKETS = "[]{}"
#: Longer lines of broken front matter are no resume's (a bio paragraph is far shorter).
_MAX_FALLBACK_LINE = 5_000


def front_matter_lines(source: str, text: TextBudget | None = None) -> str | None:
    """Front matter that does not parse as YAML, read line by line when a top-level key names
    resume content (an author page whose bio paragraphs sit inside the block); else None.
    Page metadata keys (icons, layout, dates) are dropped, as when it parses."""
    if not any(m.group(1).lower() in RESUME_KEYS for m in _TOP_LEVEL_KEY.finditer(source)):
        return None
    kept = "\n".join(line for line in source.splitlines() if len(line) <= _MAX_FALLBACK_LINE)
    read = _yaml_lines_fallback(kept, skipped=_SKIPPED_KEYS | _FRONT_MATTER_METADATA)
    if text is not None:
        text.spend(len(read))
    return read if read.strip() else None


def _yaml_lines_fallback(source: str, skipped: frozenset[str] = frozenset()) -> str:
    """Malformed YAML: keep what follows each ``key:`` (not of a ``skipped`` key); a key of a
    list or mapping that names a resume section is its heading, as when the YAML parses;
    comments and other bare keys are dropped."""
    lines = []
    for raw in source.splitlines():
        line = _YAML_COMMENT.sub("", raw)
        key = _YAML_KEY.match(line)
        if key and key.group(1).strip() in skipped:
            continue
        if key:
            line = line[key.end() :]
            collection = not line.strip() or line.lstrip()[:1] in _FLOW_BRACKETS
            heading = _key_heading(key.group(1).strip()) if collection else None
            if heading:
                lines += ["", heading]
        line = line.strip().strip("\"'").strip(_FLOW_BRACKETS).strip()
        if line.startswith("- "):
            line = line[2:]
        cleaned = _string_line(line) if line else None
        if cleaned:
            lines.append(cleaned)
    return "\n".join(lines) + "\n"
