"""Section headings as data: skills/sections.toml parses and is checked, and the heading
finder reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.errors import TaxonomyError
from skillgap.ids import REQUIRED_SECTION_IDS
from skillgap.scoring import WEAK_SECTIONS
from skillgap.sections import (
    SECTIONS,
    SECTIONS_FILE,
    find_headings,
    heading_section,
    is_heading_title,
    normalise_title,
    read_section_data,
)
from skillgap.taxonomy import KEBAB_CASE

from .helpers import REPO

SOURCE = REPO / "skills" / SECTIONS_FILE


def test_the_shipped_file_is_the_source_file() -> None:
    data = read_section_data(SOURCE, "skills/sections.toml")
    assert data == SECTIONS


def test_section_ids_are_kebab_case_and_include_those_the_code_names() -> None:
    assert all(KEBAB_CASE.match(section_id) for section_id in SECTIONS.kinds)
    assert set(SECTIONS.kinds) >= REQUIRED_SECTION_IDS | WEAK_SECTIONS
    assert SECTIONS.demonstrating == {
        "experience", "projects", "research", "publications", "talks", "teaching",
    }  # fmt: skip


def test_titles_are_normalised_and_belong_to_one_section() -> None:
    titles = [title for kind in SECTIONS.kinds.values() for title in kind.titles]
    assert len(titles) == len(set(titles))
    assert all(normalise_title(title) == title for title in titles)
    assert SECTIONS.skill_group_titles <= set(SECTIONS.section_of_title)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("SKILLS", ("skills", "skills")),
        ("Technical Skills:", ("skills", "technical skills")),
        ("## WORK EXPERIENCE", ("experience", "work experience")),
        ("Skills: Python, SQL", ("skills", "skills")),
        ("E X P E R I E N C E", ("experience", "experience")),
        ("Honors & Awards", ("awards", "honors and awards")),
        ("Open-Source Contributions", ("projects", "open-source contributions")),
        ("Peer Review", ("service", "peer review")),
        ("REVIEWER", ("service", "reviewer")),
        ("Python, SQL and Spark", None),
        ("", None),
    ],
)
def test_the_heading_finder_recognises_titles(line: str, expected: object) -> None:
    assert heading_section(line) == expected


TITLES = sorted(SECTIONS.section_of_title)


@settings(max_examples=200, deadline=None)
@given(
    title=st.sampled_from(TITLES),
    dress=st.sampled_from(["{}", "## {}", "{}:", "  {} :", "**{}**", "{}: Python, SQL"]),
    upper=st.booleans(),
)
def test_every_title_opens_its_section_however_it_is_written(
    title: str, dress: str, upper: bool
) -> None:
    line = dress.format(title.upper() if upper else title.title())
    found = heading_section(line)
    assert found is not None
    assert found[0] == SECTIONS.section_of_title[title]
    if "Python" not in dress:
        assert found[1] == title


HEADING_LIKE = st.one_of(
    st.text(max_size=80),
    st.builds(
        "{}{}{}".format,
        st.sampled_from([*TITLES, "Courses", "Food", "Python"]),
        st.sampled_from([" & ", " and ", ": ", " - ", " ", " | "]),
        st.sampled_from([*TITLES, "Interests", "Drink", "SQL, Spark"]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(HEADING_LIKE)
def test_a_title_the_finder_gives_is_one_a_skill_may_name(line: str) -> None:
    assert normalise_title(normalise_title(line)) == normalise_title(line)
    found = heading_section(line)
    if found is not None:
        assert is_heading_title(found[1])


def test_group_titles_stay_inside_a_skills_section() -> None:
    lines = ["Skills", "Languages: Python, SQL", "Tools: Docker", "Languages", "English"]
    assert [(h.line, h.section) for h in find_headings(lines)] == [(1, "skills")]
    assert [h.section for h in find_headings(["Languages", "English, French"])] == ["other"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / SECTIONS_FILE
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: s.replace('"bio",', '"bio", "skills",'),
            r"section 'skills': title 'skills' is also a title of section 'summary'",
        ),
        (
            lambda s: s.replace('"bio",', '"Bio:",'),
            r"section 'summary': title 'Bio:' is not normalised \(headings are compared as 'bio'\)",
        ),
        (
            lambda s: s.replace('"toolbox",', '"toolbox", "tech  stack",'),
            r"section 'skills': title 'tech  stack' is not normalised",
        ),
        (
            lambda s: s.replace('id = "teaching"', 'id = "talks"'),
            r"section 'talks': duplicate id",
        ),
        (lambda s: s.replace('id = "talks"', 'id = "lectures"'), r"no section 'talks'"),
        (
            lambda s: s.replace('id = "teaching"', 'id = "Teaching"'),
            r"section 'Teaching': id 'Teaching' is not lowercase kebab-case",
        ),
        (
            lambda s: s.replace("demonstrating = false", "demonstrating = 'no'", 1),
            r"section 'summary': demonstrating: Input should be a valid boolean",
        ),
        (
            lambda s: s.replace("demonstrating = false", "demonstrate = false", 1),
            r"section 'summary': demonstrate: Extra inputs are not permitted",
        ),
        (
            lambda s: s.replace('"expertise",\n]', '"expertise", "gadgets",\n]', 1),
            r"skill_group_titles: 'gadgets' is not a section title",
        ),
        (lambda s: "sections = []\n" + s, r"unknown key\(s\): sections"),
        (lambda s: s + "\n[oops\n", "not valid TOML"),
    ],
)
def test_bad_section_data_is_reported_with_file_and_entry(
    tmp_path: Path, edit: object, message: str
) -> None:
    edited = edit(SOURCE.read_text())  # type: ignore[operator]
    assert edited != SOURCE.read_text()
    with pytest.raises(TaxonomyError, match=message) as caught:
        read_section_data(_write(tmp_path, edited), "skills/sections.toml")
    assert str(caught.value).startswith("skills/sections.toml: ")
