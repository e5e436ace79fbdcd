"""Research evidence meets the research requirements it shows: a PhD, a publication list at
venues or with author lists, co-authored papers, talks; and only when it is really there."""

from __future__ import annotations

import pytest

from skillgap.analysis import analyze
from skillgap.errors import TaxonomyError
from skillgap.report import Report, RequirementResult
from skillgap.scoring import score_role
from skillgap.taxonomy import load_taxonomy, load_taxonomy_from

from .helpers import REPO, skill_ids

RESEARCHER = """Ada Researcher

Education
Ph.D. in Computer Science, ETH Zurich, 2016 - 2021

Experience
Research Scientist, Example Lab, 2021 - present
Built models with PyTorch in Python.

Publications
- A. Researcher, B. Colleague. Robust bandits. NeurIPS 2023.
- A. Researcher. Calibrated ensembles. In Proceedings of the Conference on Learning, 2022.

Talks
- Robust bandits, ML reading group, ETH Zurich, 2023.
"""

WINE_WRITER = """Vera Vintner

Experience
Wine writer, 2015 - present
Columns in national publications on wine and food.

Publications
The Wall Street Journal, wine column, 2019
Wine Enthusiast, feature on Rioja, 2020
"""


def _requirement(report: Report, role: str, requirement: str) -> RequirementResult:
    scored = next(r for r in report.roles if r.id == role)
    return next(r for r in scored.requirements if r.id == requirement)


def test_a_publication_list_at_venues_meets_research_requirements() -> None:
    report = analyze(RESEARCHER.encode(), name="cv.txt")
    design = _requirement(report, "rs", "experimental-design")
    assert design.credit == 1 and design.met and design.matched == []
    assert design.shown_by is not None
    assert design.shown_by.startswith("papers at NeurIPS (2 entries), line 11:")
    collaboration = _requirement(report, "rs", "collaboration")
    assert collaboration.credit == 1
    assert collaboration.shown_by is not None
    assert collaboration.shown_by.startswith("papers with co-authors (1 entry)")
    # The skills found stay what the text names: no experimental design in these words.
    assert "experimental-design" not in {skill.id for skill in report.skills}


def test_a_phd_in_the_education_section_shows_research_experience() -> None:
    text = "Jo Doe\n\nEducation\nPhD in Statistics, University of Oslo, 2019\n"
    report = analyze(text.encode(), name="cv.txt")
    research = _requirement(report, "rs", "research-experience")
    assert research.credit == 1
    # A doctorate implies research experience (skills/education.toml): the skill is found,
    # so the requirement is met by it, not only shown by the research evidence.
    found = {skill.id: skill for skill in report.skills}
    assert found["research-experience"].evidence[0].context == "implied by PhD"
    assert found["research-experience"].evidence[0].line == 4


def test_someone_elses_phd_shows_nothing() -> None:
    text = "Jo Doe\n\nExperience\nLab manager: supervised PhD students and their theses logistics\n"
    research = _requirement(analyze(text.encode(), name="cv.txt"), "rs", "research-experience")
    assert research.shown_by is None


def test_magazine_publications_are_no_research() -> None:
    report = analyze(WINE_WRITER.encode(), name="cv.txt")
    for requirement in ("experimental-design", "research-experience", "publications"):
        assert _requirement(report, "rs", requirement).shown_by is None
    assert _requirement(report, "rs", "experimental-design").credit == 0


def test_a_publications_heading_alone_is_no_publication_list() -> None:
    text = (
        "Jo Doe\n\nExperience\nEngineer at Example, 2020\n\n"
        "Publications\nConference Proceedings\nSelected Journal Articles\n"
    )
    design = _requirement(analyze(text.encode(), name="cv.txt"), "rs", "experimental-design")
    assert design.shown_by is None and design.credit == 0


def test_papers_or_talks_meet_communication() -> None:
    """A publication list shows communication as research evidence; a talk is presenting,
    so it shows communication as a skill found (conference presentations imply it)."""
    papers_only = RESEARCHER.split("Talks")[0]
    communication = _requirement(
        analyze(papers_only.encode(), name="cv.txt"), "mle", "communication"
    )
    assert communication.credit == 1 and communication.shown_by is not None
    assert communication.shown_by.startswith("papers at NeurIPS (2 entries)")
    talks_only = "Jo Doe\n\nTalks\n- Robust bandits, ML reading group, Zurich, 2023.\n"
    report = analyze(talks_only.encode(), name="cv.txt")
    assert {"conference-presentations", "communication"} <= {skill.id for skill in report.skills}
    assert _requirement(report, "mle", "communication").credit == 1


def test_a_paper_named_with_its_venue_outside_a_list_counts() -> None:
    text = "Jo Doe\n\nExperience\nResearch engineer: published 3 papers at ICML and NeurIPS.\n"
    design = _requirement(analyze(text.encode(), name="cv.txt"), "rs", "experimental-design")
    assert design.shown_by is not None and design.shown_by.startswith("papers at ICML, NeurIPS")


def test_research_evidence_adds_exactly_the_weights_it_meets() -> None:
    taxonomy = load_taxonomy()
    report = analyze(RESEARCHER.encode(), name="cv.txt")
    found = {skill.id: skill for skill in report.skills}
    without = score_role(taxonomy.role("rs"), found, taxonomy)
    with_evidence = next(r for r in report.roles if r.id == "rs")
    added = [r for r in with_evidence.requirements if r.shown_by]
    total = sum(r.weight for r in with_evidence.requirements)
    gained = sum(
        r.weight * (r.credit - old.credit)
        for r, old in zip(with_evidence.requirements, without.requirements, strict=True)
    )
    # Communication is found, not only shown: the talks imply it.
    assert {r.id for r in added} == {"experimental-design", "collaboration"}
    assert with_evidence.score == pytest.approx(without.score + 100 * gained / total, abs=0.1)
    assert with_evidence.score > without.score


def test_shown_by_names_known_evidence_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "skills"
    (folder / "roles").mkdir(parents=True)
    for path in (REPO / "skills").glob("*.toml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for path in (REPO / "skills" / "roles").glob("*.toml"):
        (folder / "roles" / path.name).write_text(path.read_text(encoding="utf-8"), "utf-8")
    research = folder / "research.toml"
    text = research.read_text(encoding="utf-8")
    research.write_text(
        text.replace('shown_by = ["talk-list"]', 'shown_by = ["a-blog"]'), encoding="utf-8"
    )
    with pytest.raises(TaxonomyError, match=r"research\.toml: skill 'conference-presentations'"):
        load_taxonomy_from(folder)
    assert "talk-list" in load_taxonomy().skills["conference-presentations"].shown_by


def test_an_author_page_bio_states_its_own_phd() -> None:
    bio = "Luca Rossi\n\nI hold a PhD in bioengineering. Now I work as a postdoc at a lab.\n"
    report = analyze(bio.encode(), name="cv.txt")
    research = _requirement(report, "rs", "research-experience")
    assert research.credit == 1 and research.shown_by is None  # the postdoc names it
    assert "research-experience" in {skill.id for skill in report.skills}
    facts_of_phd = "Luca Rossi\n\nI hold a PhD in bioengineering.\n"
    report = analyze(facts_of_phd.encode(), name="cv.txt")
    assert _requirement(report, "rs", "research-experience").credit == 1
    assert "research-experience" in {skill.id for skill in report.skills}  # implied by PhD
    # A PhD mentioned in passing in a resume with an education section is not its own.
    other = "Jo Doe\n\nEducation\nBSc Biology, 2015\n\nExperience\nSupport to PhD candidates\n"
    research = _requirement(analyze(other.encode(), name="cv.txt"), "rs", "research-experience")
    assert research.shown_by is None


def test_reviewing_for_named_venues_shows_research_experience() -> None:
    text = "Jo Doe\n\nService\nReviewer for NeurIPS 2022 and ICML 2023\n"
    research = _requirement(analyze(text.encode(), name="cv.txt"), "rs", "research-experience")
    assert research.credit == 1
    assert research.shown_by == (
        "reviewing for research venues, line 4: 'Reviewer for NeurIPS 2022 and ICML 2023'"
    )
    code_review = "Jo Doe\n\nExperience\nCode reviewer for the platform team, 2021\n"
    research = _requirement(
        analyze(code_review.encode(), name="cv.txt"), "rs", "research-experience"
    )
    assert research.shown_by is None


@pytest.mark.parametrize(
    "text",
    [
        "Service\nCo-organizer\nGEM workshop, ICLR",
        "Professional Service\nReviewer: NeurIPS, ICML, ICLR",
        # the reviewing words on the line above the venues, under a plural heading
        "Academic Services\n* Conference Reviewer:\n  * ISMB 2022, ACM-SIGKDD 2022",
    ],
)
def test_a_venue_served_is_no_publication(text: str) -> None:
    found = skill_ids(text)
    assert "research-venues" in found and "publications" not in found


def test_a_venue_beside_ones_work_still_shows_publications() -> None:
    assert "publications" in skill_ids("Projects\nProteinGenerator, ICLR 2024 workshop paper")


def test_a_venue_served_outside_a_service_section_implies_no_publication() -> None:
    from skillgap.analysis import analyze

    served = "Experience\nResearch engineer at Acme.\nArea-chair for ICML and NeurIPS.\n"
    found = {skill.id for skill in analyze(served.encode(), name="cv.txt").skills}
    assert "research-venues" in found and "publications" not in found
    published = "Experience\nResearch engineer at Acme; paper at ICML 2023.\n"
    found = {skill.id for skill in analyze(published.encode(), name="cv.txt").skills}
    assert "publications" in found


@pytest.mark.parametrize(
    "text",
    [
        "Service and leadership\nPC member:\n* IEEE Transactions on Knowledge and Data Engineering",
        "Experience\nData scientist.\nReviewer for the Journal of Machine Learning Research",
    ],
)
def test_a_journal_served_is_no_publication(text: str) -> None:
    assert "publications" not in skill_ids(text)


def test_a_journal_published_in_is_a_publication() -> None:
    text = "Publications\nJ. Doe. Fast trees. IEEE Transactions on Knowledge and Data Engineering."
    assert "publications" in skill_ids(text)


@pytest.mark.parametrize("title", ["Speaking Engagements", "Oral Presentations", "Keynotes"])
def test_a_talks_section_by_another_title_shows_presentations(title: str) -> None:
    text = f"{title}\n* PyData Berlin 2023, my work on ranking\n* NLP Summit 2021, dialog systems"
    assert "conference-presentations" in skill_ids(text)


def test_an_empty_section_under_a_slash_paired_heading_shows_nothing() -> None:
    """A Jekyll CV's "Talks/Conference Presentations" over a loop that lists nothing here: the
    heading closes the empty Publications section above it and is itself empty."""
    text = (
        "Skills\n======\n* Python\n\nPublications\n======\n"
        "  <ul>{% for post in site.publications %}{% endfor %}</ul>\n\n"
        "Talks/Conference Presentations\n======\n"
        "  <ul>{% for post in site.talks %}{% endfor %}</ul>\n"
    )
    found = {skill.id for skill in analyze(text.encode(), name="cv.md").skills}
    assert "python" in found
    assert not found & {"publications", "conference-presentations"}
