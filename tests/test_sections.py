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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("TECHNICAL STRENGTHS", ("skills", "technical strengths")),
        ("Core Competencies", ("skills", "core competencies")),
        ("Tech Stack", ("skills", "tech stack")),
        ("What I use", ("skills", "what i use")),
        ("Work History", ("experience", "work history")),
        ("Where I've worked", ("experience", "where i ve worked")),
        ("Grants & Fellowships", ("awards", "grants and fellowships")),
        ("Positions of Responsibility", ("service", "positions of responsibility")),
        ("Honors-Awards", ("awards", "honors-awards")),  # LinkedIn's PDF export
        ("Top Skills", ("skills", "top skills")),
        ("Invited Presentations", ("talks", "invited presentations")),
        ("Courses Taught", ("teaching", "courses taught")),
        # qualifiers: the title after them
        ("SELECTED INDUSTRY EXPERIENCE", ("experience", "industry experience")),
        ("Relevant Projects", ("projects", "projects")),
        ("Some publications:", ("publications", "publications")),
        ("Selected Honors & Awards", ("awards", "honors and awards")),
        # two titles joined by a slash are a pair, as with "&"
        ("Talks/Conference Presentations", ("talks", "talks and conference presentations")),
        ("Research/Teaching", ("research", "research and teaching")),
        ("Professional Services", ("service", "professional services")),
    ],
)
def test_headings_as_people_write_them(line: str, expected: object) -> None:
    assert heading_section(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "\uf0b1 EXPERIENCE",  # a Font Awesome icon, as a PDF gives it
        "\U0001f4bc Experience",  # an emoji
        "\u2022 Experience",
        "\u27a4 EXPERIENCE:",
        "1. Experience",
        "2.1 Experience",
        "3 EXPERIENCE",  # a numbered LaTeX section in a PDF
        "II. Experience",
        "(b) Experience",
        "\u2014 EXPERIENCE \u2014",
        "EXPERIENCE \u2014\u2014\u2014",
        "== Experience ==",
        "--- Experience ---",
        "### Experience ###",
        "E X P E R I E N C E",
        ":briefcase: Experience",  # GitHub emoji shortcodes, shown as icons
        "## :computer: Experience :computer:",
        "**:briefcase: EXPERIENCE**",
    ],
)
def test_icons_bullets_numbering_and_rules_are_not_part_of_a_heading(line: str) -> None:
    assert heading_section(line) == ("experience", "experience")


def test_a_shortcode_in_prose_opens_no_section() -> None:
    assert heading_section(":smile: I love :pizza:") is None
    assert heading_section("Skills: Python, SQL") == ("skills", "skills")


def test_letter_spaced_words_two_spaces_apart() -> None:
    assert heading_section("W O R K  E X P E R I E N C E") == ("experience", "work experience")
    assert heading_section("S K I L L S") == ("skills", "skills")


def test_an_icon_before_an_inline_heading() -> None:
    assert heading_section("\U0001f6e0 Skills: Python, SQL") == ("skills", "skills")
    assert heading_section("\u2022 Languages & Technologies: Python, R") == (
        "skills",
        "languages and technologies",
    )


@pytest.mark.parametrize(
    "line",
    [
        "Experience with Python is required.",
        "Experience with Python is required",
        "Experience and passion for machine learning",
        "Optimized all broadcast content for the web and social media",
        "Web Designer - Trust Systems and Software",
        "I am a graduate with experience in",
        "research projects.",  # the end of a sentence wrapped in a PDF column
        "Languages.",  # a journal in a list of reviewing
        "Language and Speech.",
        "2020 Education",  # a year, not a section number
        "Current Project: PRTS",
        "CI/CD",  # a slash between words that are not titles
        "Python/SQL",
        "github.com/bamos/presentations",  # a URL's path names no section
        "freecodecamp.org/certification/",
    ],
)
def test_prose_never_opens_a_section(line: str) -> None:
    assert heading_section(line) is None


def test_a_title_in_a_bulleted_list_is_an_item_not_a_heading() -> None:
    lines = ["Skills", "- Python", "- Leadership", "- SQL", "", "\u2022 EXPERIENCE", "Google, 2020"]
    found = [(h.line, h.section) for h in find_headings(lines)]
    assert found == [(1, "skills"), (6, "experience")]
    assert [h.line for h in find_headings(["Skills", "* Python", "- Teaching"])] == [1, 3]


def test_a_tech_stack_line_in_a_project_stays_in_the_project() -> None:
    lines = [
        "Projects",
        "Chatbot for support",
        "Tech Stack: PyTorch, Docker",
        "Served 10k users",
        "TECH STACK",
        "Python, SQL",
    ]
    found = [(h.line, h.section) for h in find_headings(lines)]
    assert found == [(1, "projects"), (5, "skills")]
    # outside a project or job the same line opens the skills section
    assert [h.section for h in find_headings(["Education", "Tech Stack: PyTorch"])] == [
        "education",
        "skills",
    ]


TITLES = sorted(SECTIONS.section_of_title)
#: Ways a heading is written: Markdown, colons, bold, icons (Font Awesome's private-use glyphs,
#: emoji), bullets, numbering, rules, and a title with its content on the line.
DRESSES = [
    "{}", "## {}", "{}:", "  {} :", "**{}**", "{}: Python, SQL", "\uf0b1 {}", "\U0001f3af {}",
    "\u2022 {}", "1. {}", "IV. {}", "\u2014 {} \u2014", "{} ===", "\U0001f6e0 {}: Python, SQL",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    title=st.sampled_from(TITLES),
    dress=st.sampled_from(DRESSES),
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


PROSE_AFTER = [
    "with Python is required.", "and passion for machine learning", "is a plus.",
    "of five years in production", "and I led a team of four",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    title=st.sampled_from(TITLES),
    prose=st.sampled_from(PROSE_AFTER),
    upper=st.booleans(),
)
def test_a_title_that_starts_a_sentence_opens_no_section(
    title: str, prose: str, upper: bool
) -> None:
    line = f"{title.upper() if upper else title.title()} {prose}"
    assert heading_section(line) is None
    assert heading_section(f"{title.title()}.") is None


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
        (
            lambda s: s.replace('"selected",', '"selected", "Top",'),
            r"title_qualifiers: 'Top' is not one normalised word",
        ),
        (
            lambda s: s.replace('"selected",', '"selected", "skills",'),
            r"title_qualifiers: 'skills' is also a title of section 'skills'",
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
