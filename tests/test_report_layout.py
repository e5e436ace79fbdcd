"""The terminal report puts what to do first: at 80 columns its first 40 lines hold every
role's score and its top three gaps, with the points each is worth."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.analysis import analyze
from skillgap.cli import app
from skillgap.render.base import RenderOptions, gain_text
from skillgap.render.table import ReportTable, importance_scores
from skillgap.scoring import score_role
from skillgap.taxonomy import Taxonomy

from .helpers import CORPUS, EXAMPLES

FIRST_SCREEN = 40
RESUMES = [
    EXAMPLES / "mle-resume.pdf",
    EXAMPLES / "rs-resume.pdf",
    CORPUS / "pdf/010_resume-matcher-harvey-dent-mle.pdf",
    CORPUS / "text/001_sb2nov-sourabh-bajaj.tex",
    CORPUS / "text/005_bamos-brandon-amos-cv.yaml",
    CORPUS / "text/015_jsonresume-sample.json",
    CORPUS / "text/021_kaggle-data-science.txt",
    CORPUS / "text/025_kaggle-hr.txt",
]


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
@pytest.mark.parametrize("roles", [None, ["mle", "rs", "ai-engineer"]], ids=["default", "three"])
def test_the_first_screen_holds_every_score_and_the_top_gaps(
    path: object, roles: list[str] | None
) -> None:
    if not path.exists():  # type: ignore[attr-defined]
        pytest.skip(f"shared corpus not available: {path}")
    report = analyze(path, roles=roles)  # type: ignore[arg-type]
    out = ReportTable(RenderOptions(width=80)).text(report)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    first = " ".join(" ".join(lines[:FIRST_SCREEN]).split())
    for role in report.roles:
        assert f"{role.name} ({role.id}) {role.score:.0f}/100" in first
        by_id = {r.id: r for r in role.requirements}
        for number, gap_id in enumerate(role.gaps[:3], start=1):
            gap = by_id[gap_id]
            assert f"{number}. {' '.join(gap.name.split())} {gain_text(gap, role)}" in first
    # The details follow: the categories, and every gap beyond the top three.
    assert "Scores by category" in out
    for role in report.roles:
        for gap_id in role.gaps[3:]:
            assert " ".join(next(r for r in role.requirements if r.id == gap_id).name.split()) in (
                " ".join(out.split())
            )


def test_details_show_every_skill_with_its_evidence() -> None:
    report = analyze(EXAMPLES / "mle-resume.pdf")
    compact = ReportTable(RenderOptions(width=80)).text(report)
    full = ReportTable(RenderOptions(width=80, details=True)).text(report)
    assert len(full.splitlines()) > len(compact.splitlines())
    assert '"PyTorch" L10 skills exact' not in compact
    assert '"PyTorch" L10 skills exact' in full
    for skill in report.skills:  # every name is in both
        assert skill.name.split()[0] in compact and skill.name.split()[0] in full


def test_a_kind_of_requirement_the_role_lacks_is_not_scored_0(taxonomy: Taxonomy) -> None:
    result = score_role(taxonomy.role("mle"), {}, taxonomy)
    assert importance_scores(result) == "required 0, preferred 0"
    only_required = [r for r in result.requirements if r.importance == "required"]
    assert importance_scores(replace(result, requirements=only_required)) == "required 0"


def test_the_main_gap_is_named_with_its_role() -> None:
    report = analyze(EXAMPLES / "mle-resume.pdf")
    assert report.best_role is not None
    reason = report.best_role.why[-1]
    assert reason.startswith("the main gap for Machine Learning Engineer: ")
    mle = report.roles[0]
    main = next(r for r in mle.requirements if r.id == mle.gaps[0])
    assert reason.endswith(f"{main.name} (+{main.gain:.0f} if closed)")


def test_a_posting_without_preferred_items_shows_no_preferred_score(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("We need Python and SQL. You must know PyTorch.\n", encoding="utf-8")
    resumes = [str(EXAMPLES / "rs-resume.txt"), str(EXAMPLES / "mle-resume.txt")]
    runner = CliRunner()
    analysed = runner.invoke(app, ["analyze", resumes[0], "--job", str(posting)])
    assert analysed.exit_code == 0, analysed.stderr
    assert "Job posting (job)  67/100   required 67   1 gap\n" in analysed.stdout
    assert "preferred" not in analysed.stdout.split("Education:")[0]
    ranked = runner.invoke(app, ["compare", *resumes, "--job", str(posting)])
    assert ranked.exit_code == 0, ranked.stderr
    rows = ranked.stdout.splitlines()[2:]
    assert [row.split()[3] for row in rows] == ["-", "-"]
    markdown = runner.invoke(app, ["compare", *resumes, "--job", str(posting), "-f", "markdown"])
    md_rows = markdown.stdout.splitlines()[4:]
    assert len(md_rows) == 2 and all(row.split(" | ")[4] == "-" for row in md_rows)
