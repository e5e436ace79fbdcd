"""A role's core: what defines it. The other requirements count only as far as it is met, so
that a web developer does not half-cover a Machine Learning Engineer role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.analysis import analyze_text, read_job
from skillgap.report import Report, RoleResult
from skillgap.scoring import score_role
from skillgap.taxonomy import Role, Taxonomy

from .helpers import run
from .test_scoring import found

WEB_DEVELOPER = """Sam Rivera
Full-stack web developer

Experience
Full-stack Developer, Shopfront Inc. (2019-2024)
- Built a React and Node.js storefront in TypeScript and Python, deployed on AWS with Docker.
- Kept the code in Git on GitHub, with unit tests run by CI on every pull request.
- Worked with designers and product managers; presented the roadmap to customers.

Skills
Python, JavaScript, TypeScript, React, Node.js, SQL, AWS, Docker, Git,
data structures and algorithms

Education
B.S. in Computer Science, University of Oregon, 2019
"""

ML_ENGINEER = """Lee Park
Machine Learning Engineer

Experience
Machine Learning Engineer, Acme (2020-2024)
- Designed and trained deep learning models in PyTorch for product recommendations.
- Deployed models to production behind a REST API and monitored model drift.
- Built feature pipelines in Python, SQL and Apache Spark on AWS.

Skills
Python, PyTorch, scikit-learn, pandas, Docker, Git, statistics, linear algebra

Education
M.S. in Computer Science, Stanford University, 2020
"""


def role_of(text: str, role_id: str, job: Role | None = None) -> RoleResult:
    report = analyze_text(text, roles=[] if job else [role_id], job=job)
    assert isinstance(report, Report)
    return next(r for r in report.roles if r.id == role_id)


def test_a_web_developer_scores_low_on_mle_and_the_report_says_why() -> None:
    role = role_of(WEB_DEVELOPER, "mle")
    met = {r.id for r in role.requirements if r.credit == 1}
    # Python, a cloud, a CS degree, data structures, engineering practice and soft skills...
    assert {"programming-language", "cloud", "degree", "software-engineering"} <= met
    plain = sum(r.weight * r.credit for r in role.requirements) / sum(
        r.weight for r in role.requirements
    )
    assert plain > 0.35  # ...are over a third of the role by weight
    # ...but none of what defines it: no ML, no ML library, no model deployed.
    assert role.core_share == 0 and role.score == 0
    assert role.core_note is not None and "not shown" in role.core_note
    for name in ("Designing and building ML models", "Deploying models to production"):
        assert name in role.core_note
    assert f"rather than the {100 * plain:.0f} of the requirements met" in role.core_note
    # The first gaps are the core; a gap outside it adds nothing until some core is met.
    first = next(r for r in role.requirements if r.id == role.gaps[0])
    total = sum(r.weight for r in role.requirements)
    assert first.id == "machine-learning" and first.gain > 2 * 100 * first.weight / total
    assert all(r.gain == 0 for r in role.requirements if not r.core)
    # Categories still say what is covered.
    languages = next(c for c in role.categories if c.id == "languages")
    assert languages.score == 100


def test_an_ml_engineer_is_unaffected() -> None:
    role = role_of(ML_ENGINEER, "mle")
    assert role.core_share == 1 and role.core_note is None
    plain = sum(r.weight * r.credit for r in role.requirements)
    assert role.score == round(100 * plain / sum(r.weight for r in role.requirements), 1)
    assert role.score >= 70


def test_no_role_is_named_the_best_fit_when_every_role_scores_0() -> None:
    from skillgap.analysis import analyze

    report = analyze(WEB_DEVELOPER.encode(), name="cv.txt")
    assert {role.score for role in report.roles} == {0}
    assert report.best_role is None  # "Best fit: Machine Learning Engineer (0)" said it fits
    assert analyze(ML_ENGINEER.encode(), name="cv.txt").best_role is not None


def test_part_of_the_core_scales_the_rest_and_its_gap_gains_more(taxonomy: Taxonomy) -> None:
    role = taxonomy.role("mle")
    skills = ("python", "aws", "degree-bachelor", "pytorch", "machine-learning")
    result = score_role(role, found(*skills, taxonomy=taxonomy), taxonomy)
    weights = {r.id: r.weight for r in role.requirements}
    core = weights["machine-learning"] + weights["ml-library"] + weights["model-deployment"]
    share = (weights["machine-learning"] + weights["ml-library"]) / core
    assert result.core_share == pytest.approx(share, abs=0.001)
    rest = weights["programming-language"] + weights["cloud"] + weights["degree"]
    total = sum(weights.values())
    earned = weights["machine-learning"] + weights["ml-library"] + rest * share
    assert result.score == round(100 * earned / total, 1)
    assert result.core_note is not None and "only 69% met" in result.core_note
    assert "Deploying models to production" in result.core_note
    # Deploying a model adds its own weight and lets the rest count in full.
    deployment = next(r for r in result.requirements if r.id == "model-deployment")
    own = 100 * weights["model-deployment"] / total
    assert deployment.gain == pytest.approx(own + 100 * rest * (1 - share) / total, abs=0.1)
    assert result.gaps[0] == "model-deployment"


def test_a_role_without_a_core_scores_the_plain_weighted_share(taxonomy: Taxonomy) -> None:
    data = taxonomy.role("mle").model_dump()
    data["requirement"] = [{**r, "core": False} for r in data.pop("requirements")]
    plain_role = Role.model_validate(data)
    result = score_role(plain_role, found("python", "aws", taxonomy=taxonomy), taxonomy)
    weights = {r.id: r.weight for r in plain_role.requirements}
    total = sum(weights.values())
    earned = weights["programming-language"] + weights["cloud"]
    assert result.score == round(100 * earned / total, 1)
    assert result.core_share is None and result.core_note is None


def test_the_core_note_is_in_every_format(tmp_path: Path) -> None:
    path = tmp_path / "web.txt"
    path.write_text(WEB_DEVELOPER)
    code, out, _ = run("analyze", str(path), "--role", "mle", "-f", "json")
    assert code == 0
    role = json.loads(out)["roles"][0]
    assert role["core_share"] == 0 and "not shown" in role["core_note"]
    assert [r["id"] for r in role["requirements"] if r["core"]] == [
        "ml-library", "machine-learning", "model-deployment",
    ]  # fmt: skip
    expected = {
        "table": "note: what defines this role is not shown",
        "markdown": "> **Note:** what defines this role is not shown",
        "github": "what defines this role is not shown",
        "html": "Note: what defines this role is not shown",
    }
    for fmt, text in expected.items():
        code, out, _ = run("analyze", str(path), "--role", "mle", "-f", fmt)
        assert code == 0 and text in " ".join(out.split()), fmt
        # A gap outside the core adds nothing yet, and says why rather than "+0 if closed".
        if fmt != "github":
            assert "+0 until the core is met" in out and "+0 if closed" not in out, fmt


def test_a_job_posting_has_no_core() -> None:
    posting = "Requirements\n- Python\n- AWS\n- Docker\n- SQL\n"
    role = role_of(WEB_DEVELOPER, "job", read_job(posting.encode(), name="posting.txt"))
    assert role.core_share is None and role.core_note is None
    assert role.score == 100


NON_ML_RESEARCHER = """Dana Okafor
Associate Professor of Pharmaceutics

Education
Ph.D. in Pharmaceutical Sciences, University of Iowa, 2012

Research Experience
Associate Professor, School of Pharmacy (2016-present)
- Lead a research group on controlled drug release; design and run in vivo experiments.
- Peer reviewer for the Journal of Controlled Release; collaborate with clinicians.

Publications
1. Okafor D, Lin J. Sustained release of insulin from PLGA microspheres. J Control Release. 2019.
2. Okafor D, et al. Nanoparticle uptake in the gut. Int J Pharm. 2017.

Presentations
Invited talk, Controlled Release Society Annual Meeting, 2021
"""

ML_MASTERS_STUDENT = """Ravi Menon
M.S. student in Computer Science

Education
M.S. in Computer Science (Computer Vision), Georgia Tech, expected 2025
B.Tech in Electronics, IIT Madras, 2023

Projects
- Trained a convolutional neural network in PyTorch for object detection on driving video.
- Fine-tuned a vision transformer for image segmentation; compared augmentation strategies.

Skills
Python, PyTorch, OpenCV, NumPy, Git
"""


def test_research_outside_the_role_s_field_counts_for_nothing_on_rs() -> None:
    # A PhD, papers, talks and research meet three quarters of the Research Scientist's core,
    # but none of it is research in ML, the role's field (its gate).
    researcher = role_of(NON_ML_RESEARCHER, "rs")
    by_id = {r.id: r for r in researcher.requirements}
    assert by_id["phd"].met and by_id["publications"].credit == 1
    assert by_id["machine-learning"].gate and by_id["machine-learning"].credit == 0
    assert researcher.score == 0 and researcher.core_share == 0
    assert researcher.core_note is not None and "field is not shown" in researcher.core_note
    assert "Developing new ML algorithms and models" in researcher.core_note
    # Closing the field is the one gap worth points, and it is worth the whole plain share.
    assert researcher.gaps[0] == "machine-learning"
    assert all(by_id[g].gain == 0 for g in researcher.gaps[1:])
    # An ML master's student, with neither PhD nor papers, fits the role better.
    student = role_of(ML_MASTERS_STUDENT, "rs")
    assert student.score > 0 and student.core_share is not None and student.core_share > 0


def test_the_gate_multiplies_the_score_by_its_credit(taxonomy: Taxonomy) -> None:
    role = taxonomy.role("rs")
    gate = next(r for r in role.requirements if r.gate)
    research = ["degree-phd", "publications", "research-experience", "python"]
    shown = {"taxonomy": taxonomy, "section": "experience"}
    without = score_role(role, found(*research, **shown), taxonomy)  # type: ignore[arg-type]
    with_field = score_role(role, found(*research, gate.any_of[0], **shown), taxonomy)  # type: ignore[arg-type]
    assert without.score == 0 and with_field.score > 40
    gain = next(r.gain for r in without.requirements if r.id == gate.id)
    assert gain == pytest.approx(with_field.score, abs=0.11)


def test_a_gate_outside_the_core_is_refused() -> None:
    with pytest.raises(ValueError, match="must be part of its core"):
        Role.model_validate(
            {
                "id": "x",
                "name": "X",
                "requirement": [
                    {
                        "id": "ml",
                        "name": "ML",
                        "category": "fields",
                        "importance": "required",
                        "weight": 3,
                        "gate": True,
                        "any_of": ["machine-learning"],
                    }
                ],
            }
        )


def test_the_field_is_met_by_ml_shown_not_by_a_course_or_statistics() -> None:
    """Found in a new-user review: one certificate, an econometrician's ARIMA or a neighbour
    of ML (data analysis) opened the Research Scientist's field to a non-ML PhD."""
    certificate = NON_ML_RESEARCHER + "\nCertifications\nPractical Machine Learning (Coursera)\n"
    role = role_of(certificate, "rs")
    field = next(r for r in role.requirements if r.gate)
    assert field.credit == 0.5 and field.note is not None and "only named" in field.note
    assert (
        0
        < role.score
        < role_of(
            NON_ML_RESEARCHER + "\nExperience\n- Trained deep learning "
            "models in PyTorch to predict drug release.\n",
            "rs",
        ).score
    )
    for line in (
        "Forecast drug demand with ARIMA time series models.",
        "Fitted linear regression models in R.",
        "Led the data analysis of every trial.",
    ):
        assert role_of(NON_ML_RESEARCHER + f"- {line}\n", "rs").score == 0, line
