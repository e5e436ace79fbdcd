"""Scores: weighted shares of requirements met, per role, category and importance."""

from __future__ import annotations

import pytest

from skillgap.analysis import analyze, analyze_text
from skillgap.fields_of_study import field_note
from skillgap.quality import assess_quality
from skillgap.render.base import partial_note
from skillgap.report import Degree, Evidence, FoundSkill, Report, RequirementResult
from skillgap.scoring import WEAK_CREDIT, score_role
from skillgap.taxonomy import Role, Taxonomy

from .helpers import REPO, corpus_file


def found(*skill_ids: str, taxonomy: Taxonomy, section: str = "skills") -> dict[str, FoundSkill]:
    evidence = Evidence(
        text="x", line=1, section=section, method="exact", confidence=1.0, strength="listed"
    )
    return {
        skill_id: FoundSkill(
            id=skill_id,
            name=taxonomy.skills[skill_id].name,
            category=taxonomy.skills[skill_id].category,
            strength="listed",
            confidence=1.0,
            evidence=[evidence],
            evidence_count=1,
        )
        for skill_id in skill_ids
    }


def test_score_is_the_weighted_share_of_requirements_met(taxonomy: Taxonomy) -> None:
    role = taxonomy.role("mle")
    total = sum(r.weight for r in role.requirements)
    core = ("machine-learning", "pytorch", "inference-serving")  # the whole core of mle
    result = score_role(role, found("java", *core, taxonomy=taxonomy), taxonomy)
    # Java alone meets "Python, Java or C++", PyTorch the ML-library requirement.
    weights = {r.id: r.weight for r in role.requirements}
    earned = sum(weights[r] for r in ("programming-language", "ml-library"))
    earned += weights["machine-learning"] + weights["model-deployment"]
    assert result.score == round(100 * earned / total, 1)
    assert result.core_share == 1 and result.core_note is None
    languages = next(c for c in result.categories if c.id == "languages")
    assert (languages.score, languages.met, languages.total) == (100.0, 1, 1)
    library = next(r for r in result.requirements if r.id == "ml-library")
    assert library.met and library.matched == ["pytorch"]
    assert set(library.any_of) == {"tensorflow", "pytorch", "scikit-learn"}


def test_required_and_preferred_are_scored_apart(taxonomy: Taxonomy) -> None:
    role = taxonomy.role("mle")
    core = ("machine-learning", "pytorch", "inference-serving")
    result = score_role(role, found("aws", "apache-spark", *core, taxonomy=taxonomy), taxonomy)
    required = [r for r in role.requirements if r.importance == "required"]
    assert result.required_score == round(100 * 13 / sum(r.weight for r in required), 1)
    preferred = [r for r in role.requirements if r.importance == "preferred"]
    assert result.preferred_score == round(100 * 4 / sum(r.weight for r in preferred), 1)


def test_gaps_are_ordered_by_gain_then_required_first(taxonomy: Taxonomy) -> None:
    result = score_role(taxonomy.role("rs"), {}, taxonomy)
    assert result.score == 0.0
    by_id = {r.id: r for r in result.requirements}
    gaps = [by_id[g] for g in result.gaps]
    assert len(gaps) == len(result.requirements)
    keys = [(-g.gain, g.importance != "required") for g in gaps]
    assert keys == sorted(keys)
    assert gaps[0].gain > gaps[-1].gain
    assert all(len(g.tip) > 30 for g in gaps)


REPORTS_FOR_GAINS = [
    "examples/mle-resume.pdf",
    "examples/rs-resume.pdf",
    "../shared/corpus/text/021_kaggle-data-science.txt",
    "../shared/corpus/text/025_kaggle-hr.txt",
    "../shared/corpus/text/006_ericjang-resume.md",
    "../shared/corpus/pdf/010_resume-matcher-harvey-dent-mle.pdf",
]


def _strong(skill_id: str, taxonomy: Taxonomy) -> FoundSkill:
    evidence = Evidence(
        text="x", line=1, section="experience", method="exact", confidence=1.0,
        strength="demonstrated",
    )  # fmt: skip
    skill = taxonomy.skills[skill_id]
    return FoundSkill(
        id=skill_id, name=skill.name, category=skill.category, strength="demonstrated",
        confidence=1.0, evidence=[evidence], evidence_count=1,
    )  # fmt: skip


@pytest.mark.parametrize("relative", REPORTS_FOR_GAINS)
def test_meeting_a_gap_raises_the_score_by_its_gain(relative: str, taxonomy: Taxonomy) -> None:
    path = REPO / relative
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    report = analyze(path, roles=["mle", "rs", "ai-engineer"])
    checked = 0
    for result in report.roles:
        role = taxonomy.role(result.id)
        by_id = {r.id: r for r in result.requirements}
        # A gap outside the core adds nothing while none of the core is met.
        assert all(by_id[g].gain > 0 or result.core_share == 0 for g in result.gaps)
        # A core gap raises the score, unless the role's field (its gate) is missing: then
        # only the field does.
        no_field = any(r.gate and r.credit == 0 for r in result.requirements)
        assert all(by_id[g].gain > 0 for g in result.gaps if by_id[g].core and not no_field)
        assert all(by_id[g].gain > 0 for g in result.gaps if by_id[g].gate)
        assert all(r.gain == 0 for r in result.requirements if r.id not in result.gaps)
        # Gaps come most points first. With the core met, the points the gaps hold add up to
        # the rest; without, closing a core gap also raises what the others count, so
        # closing them one at a time adds up to less than closing them all.
        gains = [by_id[g].gain for g in result.gaps]
        assert gains == sorted(gains, reverse=True)
        if result.core_share == 1:
            assert abs(result.score + sum(gains) - 100) <= 0.05 * (len(gains) + 1)
        else:
            assert result.score + sum(gains) <= 100 + 0.05 * len(gains)
        found = {skill.id: skill for skill in report.skills}
        for gap_id in result.gaps:
            for skill_id in by_id[gap_id].any_of:
                more = {**found, skill_id: _strong(skill_id, taxonomy)}
                closed = score_role(role, more, taxonomy)
                after = {r.id: r for r in closed.requirements}
                if any(after[r].credit != by_id[r].credit for r in by_id if r != gap_id):
                    continue  # the skill meets other requirements too: its rise is theirs as well
                assert after[gap_id].credit == 1
                assert closed.score - result.score == pytest.approx(by_id[gap_id].gain, abs=0.11)
                checked += 1
                break
    assert checked >= 3


def test_full_resume_scores_100(taxonomy: Taxonomy) -> None:
    role = taxonomy.role("rs")
    skills = {s for r in role.requirements for s in r.any_of}
    everything = found(*skills, taxonomy=taxonomy, section="experience")
    result = score_role(role, everything, taxonomy)
    assert result.score == 100.0 and result.gaps == []
    # In a skills list alone, the field (ML) earns half, and so does the whole role.
    listed = score_role(role, found(*skills, taxonomy=taxonomy), taxonomy)
    assert 0 < listed.score <= 50


def test_mle_resume_beats_hr_resume_by_40_points() -> None:
    mle = analyze(corpus_file("pdf/010_resume-matcher-harvey-dent-mle.pdf"))
    hr = analyze(corpus_file("text/025_kaggle-hr.txt"))
    expected = {
        "python",
        "r",
        "tensorflow",
        "pytorch",
        "scikit-learn",
        "keras",
        "sql",
        "git",
        "docker",
        "kubernetes",
        "statistics",
        "deep-learning",
        "nlp",
        "machine-learning",
    }
    assert expected <= {s.id for s in mle.skills}
    assert mle.roles[0].id == hr.roles[0].id == "mle"
    assert mle.roles[0].score - hr.roles[0].score >= 40


def test_quality_flags_glued_garbled_and_nearly_empty_text() -> None:
    assert assess_quality("Python engineer. " * 40).status == "ok"
    glued = assess_quality("Responsibleforimplementingandmanaging the pipeline " * 20)
    assert glued.status == "warning" and "glued" in glued.warnings[0]
    garbled = assess_quality("Skills Ã¯ â€¢ Python " * 20)
    assert any("garbled" in w for w in garbled.warnings)
    assert any("characters of text" in w for w in assess_quality("Python").warnings)


def test_coursework_only_and_adjacent_skills_earn_half(taxonomy: Taxonomy) -> None:
    role = taxonomy.role("mle")
    weights = {r.id: r.weight for r in role.requirements}
    total = sum(weights.values())
    # Machine learning seen only in coursework (education section): half credit.
    coursework = score_role(
        role, found("machine-learning", taxonomy=taxonomy, section="education"), taxonomy
    )
    ml = next(r for r in coursework.requirements if r.id == "machine-learning")
    assert (ml.met, ml.credit) == (True, 0.5)
    assert coursework.score == round(100 * 0.5 * weights["machine-learning"] / total, 1)
    assert "machine-learning" in coursework.gaps
    # Google Cloud is not "AWS or Azure", but it is next to them.
    adjacent = score_role(role, found("gcp", taxonomy=taxonomy), taxonomy)
    cloud = next(r for r in adjacent.requirements if r.id == "cloud")
    assert (cloud.met, cloud.credit, cloud.adjacent) == (False, 0.5, ["gcp"])


def test_degrees_in_the_education_section_earn_full_credit(taxonomy: Taxonomy) -> None:
    result = score_role(
        taxonomy.role("mle"),
        found("degree-master", taxonomy=taxonomy, section="education"),
        taxonomy,
    )
    degree = next(r for r in result.requirements if r.id == "degree")
    assert degree.credit == 1.0 and "degree" not in result.gaps


def test_a_kind_of_a_skill_meets_a_requirement_for_the_skill(taxonomy: Taxonomy) -> None:
    """LoRA is a kind of fine-tuning: it meets a requirement for fine-tuning, and the result
    says through what; fine-tuning is no LoRA, so never the other way."""
    assert "fine-tuning" in taxonomy.ancestors("lora")
    assert "lora" not in taxonomy.ancestors("fine-tuning")
    role = Role.model_validate(
        {
            "id": "job",
            "name": "Job",
            "requirement": [
                {"id": "ft", "name": "Fine-tuning", "category": "llm", "importance": "required",
                 "weight": 1, "any_of": ["fine-tuning"]},
                {"id": "lora", "name": "LoRA", "category": "llm", "importance": "required",
                 "weight": 1, "any_of": ["lora"]},
            ],
        }
    )  # fmt: skip
    by_lora = analyze(b"Experience\nAdapted Llama 3 with LoRA for support tickets.\n",
                      name="cv.txt", job=role).roles[0]  # fmt: skip
    met = {r.id: r for r in by_lora.requirements}
    assert met["ft"].met and met["ft"].credit == 1 and met["ft"].via == {"fine-tuning": ["lora"]}
    assert by_lora.score == 100
    by_fine_tuning = analyze(b"Experience\nFine-tuning pretrained models for search.\n",
                             name="cv.txt", job=role).roles[0]  # fmt: skip
    met = {r.id: r for r in by_fine_tuning.requirements}
    assert met["ft"].met and met["ft"].via == {}
    assert not met["lora"].met and by_fine_tuning.score == 50


def _degree_result(education: str, role_id: str) -> RequirementResult:
    resume = f"Jane Doe\n\nEducation\n{education}\n\nSkills\nPython, PyTorch\n"
    report = analyze_text(resume, roles=[role_id])
    assert isinstance(report, Report)
    requirement_id = "degree" if role_id == "mle" else "phd"
    return next(r for r in report.roles[0].requirements if r.id == requirement_id)


def test_a_degree_in_another_field_earns_half_credit_and_says_why(taxonomy: Taxonomy) -> None:
    result = _degree_result("B.Sc. in Hospitality Management, City University, 2019", "mle")
    assert result.met and result.credit == WEAK_CREDIT
    assert result.note is not None and "Hospitality Management" in result.note
    assert "the role asks for bachelor's or master's degree" in result.note
    assert partial_note(result, {}) == f"Half credit: {result.note}. "
    # The tip for a degree in another field, not the one for a skill seen only in coursework
    # nor the one for a person without the degree.
    from skillgap.advice import builtin_tips

    assert result.tip == builtin_tips().other_field


@pytest.mark.parametrize(
    "education",
    [
        "B.Sc. in Computer Science, 2019",
        "Bachelor of Science, 2019",  # no field stated: the benefit of the doubt
        "B.A. in Laws, 2015\nM.Sc. in Applied Statistics, 2017",  # one degree in a field named
    ],
)
def test_a_degree_in_a_named_field_or_without_one_earns_full_credit(education: str) -> None:
    result = _degree_result(education, "mle")
    assert (result.credit, result.note) == (1.0, None)


def test_a_phd_outside_the_quantitative_fields_earns_half_the_rs_credit() -> None:
    result = _degree_result("PhD in Linguistics, 2020", "rs")
    assert result.credit == WEAK_CREDIT
    assert result.note == (
        "your degree is in Linguistics; the role asks for a PhD in computer science, "
        "mathematics or a related field"
    )
    assert _degree_result("PhD in Physics, 2020", "rs").credit == 1.0


def test_fields_are_matched_as_words_and_stems(taxonomy: Taxonomy) -> None:
    requirement = next(r for r in taxonomy.role("mle").requirements if r.id == "degree")

    def note(field: str) -> str | None:
        degree = Degree(level="bachelor", field=field, status="completed", text="", line=1)
        return field_note(requirement, [degree])

    assert note("Computational Biology") is None  # comput*
    assert note("Data Science") is None
    assert note("Metadata Studies") is not None  # "data" is a whole word
    assert note("Civil Engineering") is not None
    # A field run into a university's name may not be a field at all.
    assert note("Southwest Jiaotong University") is None
    # A degree of a level the requirement does not accept says nothing.
    phd = next(r for r in taxonomy.role("rs").requirements if r.id == "phd")
    master = Degree(level="master", field="Law", status="completed", text="", line=1)
    assert field_note(phd, [master]) is None


def test_a_phd_in_biophysics_is_in_a_related_field() -> None:
    from skillgap.analysis import analyze

    text = "Education\nPhD in Medical Biophysics, University of Toronto\n"
    report = analyze(text.encode(), name="cv.txt")
    rs = next(role for role in report.roles if role.id == "rs")
    phd = next(r for r in rs.requirements if r.id == "phd")
    assert phd.met and phd.credit == 1.0
