"""Education and research at a glance: degrees with their field and status, publication and
talk counts, and the venues named. Built from the matcher's hits and the resume's sections."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from skillgap.ids import (
    DEGREE_BACHELOR,
    DEGREE_MASTER,
    DEGREE_PHD,
    EDUCATION_SECTION,
    PUBLICATIONS_SECTION,
    TALKS_SECTION,
)
from skillgap.matching import Hit, served_venue
from skillgap.report import Degree, Profile, ResearchOutput

DEGREE_LEVELS = {DEGREE_BACHELOR: "bachelor", DEGREE_MASTER: "master", DEGREE_PHD: "phd"}
_IN_PROGRESS = re.compile(
    r"\b(expected|candidate|student|present|ongoing|pursuing|current(ly)?|in progress|exp\.)\b",
    re.IGNORECASE,
)
# "M.Sc. in Computer Science, TU Munich" / "Ph.D., Spanish Linguistics" / "BS Computer Science"
# "bachelor's degree in Psychology." / "Master's in Elementary Education from WGU"
_FIELD = re.compile(
    r"^[\s.,:;)]*(?:(?:candidate|student|studies|program|programme|degree)\s+)?"
    r"(?:(?:in|of)\s+(?:science\s+in\s+|arts\s+in\s+)?|,\s*)?"
    r"(?P<field>[A-Z][\w&/\- ]{2,60}?)\s*"
    r"(?:[,;(|\u2013\u2014]|\s-\s|\s{2,}|\d|\.(?:\s|$)|\s(?:from|at)\s|$)"
)
#: A field in lower case after "in" ("Ph.D. in machine learning", "M.S. in applied maths"), or
#: initials in brackets ("B.Tech (CSE)"), where the capitalised form above finds none.
_OTHER_FIELD = re.compile(
    r"^[\s.,:;)]*(?:(?:in\s+(?!progress\b|the\b|an?\b)(?P<field>[a-z][\w&/\- ]{2,60}?)\s*"
    r"(?:[,;(|\u2013\u2014]|\s-\s|\s{2,}|\d|\.(?:\s|$)|\s(?:from|at)\s|$))"
    r"|\s*\((?P<initials>[A-Z]{2,5})\))"
)
#: A school, which the degree's field can run into or stand for ("ScM (Concurrent Masters),
#: Brown University"): no field. Scoring reads it too (fields_of_study).
INSTITUTION = re.compile(r"\b(universit\w*|institut\w*|college|school|academy)\b", re.IGNORECASE)
_NOT_A_FIELD = re.compile(r"^(from|at)\b", re.IGNORECASE)
#: A month that starts the dates after a field ("Computer Science Mar. 2004 - Feb. 2010").
_MONTH_TAIL = re.compile(
    r"\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)$", re.IGNORECASE
)
#: A year, also one set off by underscores: a citation key ("casillas_ssla-article_2020")
#: printed where its .bib file is missing is a dated entry too.
_YEAR = re.compile(r"(?<![0-9A-Za-z])(19[5-9]\d|20[0-4]\d)(?![0-9A-Za-z])")
_ENTRY_START = re.compile(r"^\s*(?:[-*•●▪◦]|\[\d+\]|\d+[.)])\s*")


#: What stands between two degrees named as alternatives: "Bachelor or Masters Studies".
_EITHER_OR = re.compile(r"\s*(?:or|and/or)\s*", re.IGNORECASE)
_LISTED = re.compile(r"\s*[,/]\s*(?:or\s*)?")


def held_degrees(hits: Sequence[Hit], text: str) -> list[Hit]:
    """The hits less two degrees a resume names as alternatives ("Bachelor or Masters
    Studies", a template's heading), which say which of the two the person holds no more than
    a posting's "Bachelor's or Master's degree" does. (Job postings keep them: they ask for
    either; so does a longer list read as a resume, "BS, MS or PhD in CS".)"""
    degrees = sorted(
        (h for h in hits if h.skill_id in DEGREE_LEVELS and h.start >= 0 and h.method != "implied"),
        key=lambda h: h.start,
    )
    joined = [text[a.end : b.start] for a, b in pairwise(degrees)]
    alternatives: set[tuple[str, int]] = set()
    for index, (first, second) in enumerate(pairwise(degrees)):
        # Two levels alone: in a longer list ("BS, MS or PhD") they are a requirement's.
        in_list = (index > 0 and _LISTED.fullmatch(joined[index - 1])) or (
            index + 1 < len(joined) and _LISTED.fullmatch(joined[index + 1])
        )
        either_or = _EITHER_OR.fullmatch(joined[index]) and first.skill_id != second.skill_id
        if either_or and not in_list:
            alternatives |= {(first.skill_id, first.start), (second.skill_id, second.start)}
    return [h for h in hits if (h.skill_id, h.start) not in alternatives]


def build_profile(
    hits: Sequence[Hit],
    lines: Sequence[str],
    line_sections: Sequence[str | None],
    venue_hits: Sequence[Hit],
) -> Profile:
    """The education and research summary of one resume."""
    return Profile(
        degrees=_degrees(hits, lines, line_sections),
        publications=_output(lines, line_sections, PUBLICATIONS_SECTION, venue_hits),
        talks=_output(lines, line_sections, TALKS_SECTION, ()),
    )


def _degrees(
    hits: Sequence[Hit], lines: Sequence[str], line_sections: Sequence[str | None] = ()
) -> list[Degree]:
    """The degrees a resume states: those of its education section when it has one."""
    candidates = [hit for hit in hits if hit.skill_id in DEGREE_LEVELS and hit.method != "implied"]
    in_education = [hit for hit in candidates if hit.section == EDUCATION_SECTION]
    degree_lines = {hit.line for hit in candidates}
    degrees: list[Degree] = []
    for hit in in_education or candidates:
        line = _line(lines, hit.line)
        after = line[hit.end - _line_start(lines, hit.line) :] if hit.end >= 0 else ""
        match = _FIELD.match(after)
        other = None if match else _OTHER_FIELD.match(after)
        if other and other["initials"] and other["initials"][0] == hit.text[:1].upper():
            other = None  # the degree's own initials: "Bachelor of General Studies (BGS)"
        field = match.group("field") if match else other and (other["field"] or other["initials"])
        field = _MONTH_TAIL.sub("", field.strip()) if field else None
        if field and (_NOT_A_FIELD.match(field) or INSTITUTION.search(field)):
            field = None
        level = DEGREE_LEVELS[hit.skill_id]
        if any(d.level == level and d.field == field for d in degrees):
            continue
        start = hit.start - _line_start(lines, hit.line) if hit.start >= 0 else 0
        sentence = _sentence(line, start, start + len(hit.text))
        ongoing = _in_progress(hit.line, sentence, lines, degree_lines, line_sections)
        degrees.append(
            Degree(
                level=level,  # type: ignore[arg-type]
                field=field,
                status="in progress" if ongoing else "completed",
                text=line.strip()[:120],
                line=hit.line,
            )
        )
    # A degree named without its field adds nothing when the same level has one with a field.
    return [
        d for d in degrees if d.field or not any(o.level == d.level and o.field for o in degrees)
    ]


#: The lines after a degree's that may still belong to its entry: its dates or status on a
#: line of their own ("PhD" / "Neuroscience" / "expected 2027", as YAML CVs and many text
#: resumes put them), when short and naming no other degree.
_ENTRY_LINES_AFTER = 2
_SHORT_LINE = 60


def _sentence(line: str, start: int, end: int) -> str:
    """The sentence of a degree's words on its line: a long line of prose holds others ("...
    led me to pursue my Master's. I completed my student teaching" says nothing of its status
    in the second sentence)."""
    if len(line) <= _SHORT_LINE:
        return line
    first = line.rfind(". ", 0, start) + 1
    stop = line.find(". ", end)
    return line[first : len(line) if stop < 0 else stop]


def _in_progress(
    number: int,
    sentence: str,
    lines: Sequence[str],
    degree_lines: set[int],
    sections: Sequence[str | None],
) -> bool:
    """Whether a degree is in progress: its sentence says so ("expected 2026", "2022 -
    present"), or a short line of its entry after it. The entry ends at a blank line, the
    next degree or the next section (a job "(2019-present)" under Experience)."""
    if _IN_PROGRESS.search(sentence):
        return True

    def section(line: int) -> str | None:
        return sections[line - 1] if 0 < line <= len(sections) else None

    for after in range(number + 1, number + 1 + _ENTRY_LINES_AFTER):
        line = _line(lines, after)
        if after in degree_lines or not line.strip() or len(line) > _SHORT_LINE:
            return False
        if section(after) != section(number):
            return False
        if _IN_PROGRESS.search(line):
            return True
    return False


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _line_start(lines: Sequence[str], number: int) -> int:
    return sum(len(line) + 1 for line in lines[: number - 1])


def _output(
    lines: Sequence[str],
    line_sections: Sequence[str | None],
    section: str,
    venue_hits: Sequence[Hit],
) -> ResearchOutput:
    """Entries of a section: bulleted or numbered lines, or else lines that carry a year."""
    body = [line for line, where in zip(lines, line_sections, strict=False) if where == section]
    bulleted = [line for line in body if _ENTRY_START.match(line) and len(line.strip()) > 15]
    dated = [line for line in body if _YEAR.search(line)]
    count = len(bulleted) if len(bulleted) >= len(dated) else len(dated)
    published = [hit for hit in venue_hits if not served_venue(hit, lines)]
    return ResearchOutput(count=count, venues=_distinct_venues({hit.text for hit in published}))


_MINOR_WORDS = frozenset({"and", "of", "on", "the", "in", "for", "to", "a"})


def _distinct_venues(names: set[str]) -> list[str]:
    """The venues named, each once: a venue's full name ("Computer Vision and Pattern
    Recognition", "Advancement of Artificial Intelligence") is left out when its initials are
    found, in order, in an abbreviation also named (CVPR, AAAI)."""
    abbreviations = [name.casefold() for name in names if " " not in name]

    def abbreviated(name: str) -> bool:
        words = [w for w in name.split() if w.casefold() not in _MINOR_WORDS]
        initials = "".join(w[0] for w in words).casefold()
        return len(words) >= 2 and any(_in_order(initials, a) for a in abbreviations)

    return sorted(name for name in names if " " not in name or not abbreviated(name))


def _in_order(letters: str, word: str) -> bool:
    """Whether ``letters`` occur in ``word`` in this order (not necessarily together)."""
    rest = iter(word)
    return all(letter in rest for letter in letters)
