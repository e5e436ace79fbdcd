"""Recognise the usual resume sections from their headings.

A heading is a short line whose words are a known section title ("Technical Skills",
"WORK EXPERIENCE", "Education Details"), or a known title followed by a colon or bullet and
content on the same line ("Skills: Python, SQL").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Section id -> the titles that open it (compared after normalising case and punctuation).
SECTION_TITLES: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "profile",
        "professional profile",
        "personal profile",
        "objective",
        "career objective",
        "about",
        "about me",
        "overview",
        "goals",
        "personal statement",
        "introduction",
        "bio",
    ),
    "skills": (
        "skills",
        "skill",
        "technical skills",
        "skill details",
        "core skills",
        "key skills",
        "skills summary",
        "skills and tools",
        "skills and technologies",
        "skills and interests",
        "core competencies",
        "competencies",
        "technologies",
        "tools",
        "tech stack",
        "technical proficiencies",
        "technical expertise",
        "expertise",
        "areas of expertise",
        "programming skills",
        "computer skills",
        "it skills",
        "i t skills",
        "software skills",
        "programming languages",
        "languages and technologies",
        "tools and technologies",
        "technical skill set",
        "technical skillset",
        "technical skills and tools",
        "tools and languages",
        "languages and tools",
        "skill set",
        "skillset",
        "software",
        "programming",
        "technical",
        "relevant skills",
        "qualifications summary",
        "strengths",
        "toolbox",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "company details",
        "positions",
        "appointments",
        "academic appointments",
        "industry experience",
        "relevant experience",
        "internships",
        "internship",
        "internship experience",
        "experience details",
        "professional background",
        "career",
        "positions held",
        "work",
        "employment experience",
        "selected experience",
    ),
    "projects": (
        "projects",
        "project",
        "personal projects",
        "selected projects",
        "academic projects",
        "key projects",
        "side projects",
        "project details",
        "open source",
        "open-source",
        "open source contributions",
        "open-source contributions",
        "project experience",
        "software projects",
        "technical projects",
    ),
    "research": (
        "research",
        "research experience",
        "research projects",
        "research positions",
        "research interests",
        "research and projects",
    ),
    "education": (
        "education",
        "education details",
        "academic background",
        "academics",
        "qualifications",
        "academic qualifications",
        "educational qualifications",
        "educational qualification",
        "academic qualification",
        "education and training",
        "educational background",
        "degrees",
        "coursework",
        "relevant coursework",
        "academic history",
        "education history",
        "schooling",
    ),
    "publications": (
        "publications",
        "publication",
        "selected publications",
        "papers",
        "refereed publications",
        "peer-reviewed publications",
        "journal articles",
        "conference papers",
        "conference publications",
        "preprints",
        "journal publications",
        "publications and preprints",
        "articles",
        "writing",
        "working papers",
    ),
    "talks": (
        "talks",
        "presentation",
        "presentations",
        "invited talks",
        "selected talks",
        "conference presentations",
        "talks and presentations",
        "presentations and talks",
        "posters",
        "conference talks",
    ),
    "awards": (
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "honors and awards",
        "honours and awards",
        "awards and honours",
        "achievements",
        "scholarships",
        "fellowships",
        "grants",
        "recognitions",
        "recognition",
        "accomplishments",
        "awards and achievements",
        "academic accolades",
        "grants and awards",
    ),
    "teaching": ("teaching", "teaching experience", "mentoring", "teaching and mentoring"),
    "service": (
        "service",
        "professional service",
        "academic service",
        "reviewing",
        "leadership",
        "activities",
        "extracurricular activities",
        "extracurricular",
        "volunteering",
        "volunteer experience",
        "committees",
        "memberships",
        "professional memberships",
        "outreach",
        "service and outreach",
        "leadership and activities",
    ),
    "certifications": (
        "certifications",
        "certificates",
        "certification",
        "licenses",
        "training",
        "courses",
        "professional development",
        "licenses and certifications",
    ),
    "other": (
        "interests",
        "hobbies",
        "references",
        "languages",
        "contact",
        "personal details",
        "personal information",
        "additional information",
        "miscellaneous",
        "links",
        "declaration",
        "additional interests",
    ),
}

#: Sections whose content shows a skill being used, as opposed to listed or mentioned.
DEMONSTRATING_SECTIONS = frozenset(
    {"experience", "projects", "research", "publications", "talks", "teaching"}
)

_TITLE_TO_SECTION = {
    title: section for section, titles in SECTION_TITLES.items() for title in titles
}
_MAX_TITLE_WORDS = max(len(title.split()) for title in _TITLE_TO_SECTION)
_WORD = re.compile(r"[a-z0-9&+\-]+")
_INLINE_HEADING = re.compile(
    r"^\s*([A-Za-z][A-Za-z &/\-]{1,60}?)\s*(?::|\*|•|\||\u2013|\u2014)\s*\S"
)


def normalise_title(line: str) -> str:
    """The lowercase words of a heading: ``## Technical Skills:`` -> ``technical skills``."""
    text = line.strip().lower().replace("&", " and ")
    words = _WORD.findall(text)
    if len(words) > 3 and all(len(word) == 1 for word in words):
        words = ["".join(words)]  # letter-spaced headings: "E X P E R I E N C E"
    return " ".join(words)


def heading_section(line: str) -> tuple[str, str] | None:
    """``(section id, normalised title)`` if the line opens a section, else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return None
    found = _known_title(normalise_title(stripped))
    if found:
        return found
    inline = _INLINE_HEADING.match(stripped)
    if inline:
        return _known_title(normalise_title(inline.group(1)))
    return None


def _known_title(title: str) -> tuple[str, str] | None:
    """A known title, or a pair of them ("Certifications & Courses", "Skills and Interests":
    the section of the first part that is known)."""
    if title in _TITLE_TO_SECTION:
        return _TITLE_TO_SECTION[title], title
    if " and " in title and len(title.split()) <= 2 * _MAX_TITLE_WORDS:
        for part in title.split(" and "):
            if part in _TITLE_TO_SECTION:
                return _TITLE_TO_SECTION[part], title
    return None


@dataclass(frozen=True)
class Heading:
    line: int  # 1-based
    section: str
    title: str


#: Titles that, inside a skills section, name a group of skills rather than a new section
#: ("Languages: Python, SQL" under "Skills" is still the skills section).
SKILL_GROUP_TITLES = frozenset(
    {
        "languages",
        "programming languages",
        "tools",
        "software",
        "technologies",
        "programming",
        "tools and technologies",
        "languages and technologies",
        "technical",
        "expertise",
    }
)


def find_headings(lines: list[str]) -> list[Heading]:
    """Every heading line, in order."""
    headings: list[Heading] = []
    current: str | None = None
    for number, line in enumerate(lines, start=1):
        found = heading_section(line)
        if not found:
            continue
        section, title = found
        if current == "skills" and title in SKILL_GROUP_TITLES:
            continue
        headings.append(Heading(line=number, section=section, title=title))
        current = section
    return headings


def sections_by_line(lines: list[str], headings: list[Heading]) -> list[str | None]:
    """The section of every line (index 0 is line 1); None before the first heading."""
    result: list[str | None] = [None] * len(lines)
    current: str | None = None
    starts = {heading.line: heading.section for heading in headings}
    for index in range(len(lines)):
        current = starts.get(index + 1, current)
        result[index] = current
    return result
