"""Education and research at a glance: degrees with field and status, publication counts."""

from __future__ import annotations

from skillgap.analysis import analyze

from .helpers import EXAMPLES, corpus_file

RESUME = """Jane Doe

Education
Ph.D. candidate in Computer Science, ETH Zurich, 2021 - present
M.Sc. in Statistics, University of Warwick, 2019
Coursework: optimisation

Publications
- J. Doe, A. Smith. Robust bandits. NeurIPS 2023.
- J. Doe. Calibrated ensembles. ICML 2022.
- J. Doe. A note on priors. arXiv 2021.

Talks
- Invited talk, ML reading group, 2023.

Service
Mentoring of PhD students in the lab
"""


def test_degrees_carry_field_and_status() -> None:
    profile = analyze(RESUME.encode(), name="cv.txt").profile
    degrees = {(d.level, d.field, d.status) for d in profile.degrees}
    assert degrees == {
        ("phd", "Computer Science", "in progress"),
        ("master", "Statistics", "completed"),
    }


def test_a_degree_is_in_progress_by_its_own_entry_not_the_next_section_s() -> None:
    """Found in a new-user review: a job "(2019-present)" under Experience, right after a
    finished degree, made the degree "in progress"."""
    text = "Education\nMSc in Physics, ETH Zurich, 2019\nExperience\nML Engineer (2019-present)\n"
    [degree] = analyze(text.encode(), name="cv.txt").profile.degrees
    assert degree.status == "completed"
    ongoing = "Education\nPhD in Physics, MIT\n2021 - present\n"
    [degree] = analyze(ongoing.encode(), name="cv.txt").profile.degrees
    assert degree.status == "in progress"


def test_publications_and_talks_are_counted_with_venues() -> None:
    profile = analyze(RESUME.encode(), name="cv.txt").profile
    assert profile.publications.count == 3
    assert profile.publications.venues == ["ICML", "NeurIPS"]
    assert profile.talks.count == 1


def test_profile_of_real_resumes() -> None:
    example = analyze(EXAMPLES / "rs-resume.pdf").profile
    assert [(d.level, d.field) for d in example.degrees] == [
        ("phd", "Computer Science"),
        ("master", "Statistics"),
    ]
    assert example.publications.count == 3 and example.talks.count == 2
    linguist = analyze(corpus_file("pdf/015_jvcasillas-linguist-cv.pdf")).profile
    assert ("phd", "Spanish Linguistics") in [(d.level, d.field) for d in linguist.degrees]
    assert linguist.publications.count >= 20


def test_a_venue_named_in_full_and_abbreviated_is_listed_once() -> None:
    from skillgap.profile import _distinct_venues

    named = {
        "CVPR", "Computer Vision and Pattern Recognition", "AAAI", "ICML",
        "Advancement of Artificial Intelligence", "Empirical Methods in Natural Language",
    }  # fmt: skip
    # The last one's abbreviation (EMNLP) is not named: its full name stays.
    assert _distinct_venues(named) == [
        "AAAI", "CVPR", "Empirical Methods in Natural Language", "ICML",
    ]  # fmt: skip


def test_a_degree_is_the_persons_own_unless_the_line_speaks_of_others() -> None:
    """Whom a degree belongs to is read from the words around it: an "Advisor:" on the line
    of one's own PhD names who advised them (it hid the PhD), while students supervised or a
    committee served on are other people's degrees."""
    resume = (
        "Education\n"
        "Ph.D. in Computer Science, Stanford University 2024. Advisor: Prof. A. Ng\n"
        "M.Sc. in Physics, ETH Zurich 2019 (supervisor: Dr. B. Lee)\n\n"
        "Service\n"
        "Supervised three Master's theses; served on two PhD committees\n"
        "Mentored BSc students in the lab\n"
    )
    degrees = analyze(resume.encode(), name="cv.txt").profile.degrees
    assert sorted((d.level, d.field) for d in degrees) == [
        ("master", "Physics"), ("phd", "Computer Science")
    ]  # fmt: skip
    others = "Lab manager. Supervised three Master's theses; served on two PhD committees.\n"
    assert analyze(others.encode(), name="cv.txt").profile.degrees == []
    mentor = "Mentored BSc students in data science\nPhD students' reading group organiser\n"
    assert analyze(mentor.encode(), name="cv.txt").profile.degrees == []


def test_nursing_degrees_count_in_education_but_not_as_other_names() -> None:
    resume = (
        "Education\nBSN, Nursing, Ohio State University, 2015\n"
        "MSN, Family Nurse Practitioner, Duke University, 2019\n"
    )
    degrees = analyze(resume.encode(), name="cv.txt").profile.degrees
    assert [(d.level, d.field) for d in degrees] == [
        ("bachelor", "Nursing"), ("master", "Family Nurse Practitioner")
    ]  # fmt: skip
    chat = "Support agent. Answered customers on MSN Messenger and the BSN app.\n"
    assert analyze(chat.encode(), name="cv.txt").profile.degrees == []


def test_venues_served_are_not_listed_as_venues_published_at() -> None:
    resume = (
        "Publications\n- J. Doe. Robust bandits. ICML 2023.\n\n"
        "Service\nReviewer: NeurIPS 2023, ICLR 2024\n\n"
        "Experience\nReviewer for AAAI 2022 while at Acme.\n"
    )
    assert analyze(resume.encode(), name="cv.txt").profile.publications.venues == ["ICML"]


def test_a_degree_in_prose_keeps_its_field_and_its_own_status() -> None:
    text = (
        "About me\nI earned my bachelor\u2019s degree in Psychology. My love for teaching led me "
        "to pursue my Master\u2019s in Elementary Education from Western Governors University. "
        "I completed my student teaching in the Lake Washington School District.\n"
    )
    degrees = analyze(text.encode(), name="cv.md").profile.degrees
    found = {(d.level, d.field, d.status) for d in degrees}
    assert found == {
        ("bachelor", "Psychology", "completed"),
        ("master", "Elementary Education", "completed"),
    }


def test_a_degree_field_stops_before_its_dates() -> None:
    text = "Education\nB.S. in Computer Science and Engineering Mar. 2004 - Feb. 2010\n"
    degrees = analyze(text.encode(), name="cv.txt").profile.degrees
    assert [d.field for d in degrees] == ["Computer Science and Engineering"]


def test_a_school_after_a_degree_is_not_its_field() -> None:
    """Found in a new-user review: "ScM in Computer Science (Concurrent Masters), Brown
    University" gave a second master's "in Brown University"."""
    text = "Education\nScM in Computer Science (Concurrent Masters), Brown University\n"
    degrees = analyze(text.encode(), name="cv.txt").profile.degrees
    assert [(d.level, d.field) for d in degrees] == [("master", "Computer Science")]


def test_a_field_in_lower_case_or_in_initials_is_read() -> None:
    """Found in a new-user review: "Ph.D. in machine learning" and "B.Tech (CSE)" had no
    field, so a posting's "degree in Computer Science" was not met by a CSE graduate."""
    text = (
        "Education\nPh.D. in machine learning, Stanford University, 2020\n"
        "M.S. in applied maths, ETH Zurich, 2016\nB.Tech (CSE), IIT Delhi, 2014\n"
        "Diploma: PhD in progress at MIT\nBachelor of General Studies (BGS), 2010\n"
    )
    report = analyze(text.encode(), name="cv.txt")
    fields = {(d.level, d.field) for d in report.profile.degrees}
    assert fields == {("phd", "machine learning"), ("master", "applied maths"), ("bachelor", "CSE")}
    assert "computer-science" in {skill.id for skill in report.skills}


def test_the_talks_of_a_yaml_cv_are_counted_by_their_years() -> None:
    """Found in a new-user review: a YAML CV with 69 talks showed "0 talks" (its years are
    numbers, which were not read)."""
    talks = "".join(
        f"  - title: On optimisation {n}\n    location: Seminar {n}\n    year: {2010 + n}\n"
        for n in range(3)
    )
    source = f"name: Jane Doe\ntalks:\n{talks}skills:\n  - Python\n  - 2\n".encode()
    report = analyze(source, name="cv.yaml")
    assert report.profile.talks.count == 3
