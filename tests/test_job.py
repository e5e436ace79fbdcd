"""Job postings as roles, custom roles files, ranking, and the best-fitting role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.analysis import analyze, read_job
from skillgap.errors import ExitCode, InputError

from .helpers import EXAMPLES, corpus_file, run

POSTING = EXAMPLES / "postings" / "ml-engineer-search.md"


def requirements(text: str) -> dict[tuple[str, ...], str]:
    role = read_job(text.encode(), name="posting.txt")
    return {r.any_of: r.importance for r in role.requirements}


def test_posting_structure_decides_required_and_preferred() -> None:
    found = requirements(
        "Requirements\n- Experience with SQL and Docker.\n\n"
        "Nice to have\n- Kubernetes.\n- Experience with Spark is a plus.\n"
    )
    assert found == {
        ("sql",): "required", ("docker",): "required",
        ("kubernetes",): "preferred", ("apache-spark",): "preferred",
    }  # fmt: skip


def test_phrases_override_the_heading() -> None:
    found = requirements(
        "Preferred qualifications\n- You must know Python.\n- Familiarity with Go.\n"
    )
    assert found == {("python",): "required", ("go",): "preferred"}


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        ("Strong programming in Python, Java or C++.", [("python", "java", "cpp")]),
        ("Experience with Python and SQL.", [("python",), ("sql",)]),
        ("BS/MS/PhD in Computer Science.",
         [("degree-bachelor", "degree-master", "degree-phd"), ("computer-science",)]),
        ("Degree in Computer Science, Statistics or a related field.",
         [("degree-bachelor", "degree-master", "degree-phd"),
          ("computer-science", "statistics")]),
        ("Published at NeurIPS or ICML.", [("publications",)]),
    ],
)  # fmt: skip
def test_alternatives_are_one_requirement(sentence: str, groups: list[tuple[str, ...]]) -> None:
    assert list(requirements(f"Requirements\n{sentence}\n")) == groups


def test_no_known_skill_is_an_input_error() -> None:
    with pytest.raises(InputError, match="names no skill") as caught:
        read_job(b"We want a kind, punctual person for our bakery.", name="posting.txt")
    assert caught.value.code == "no-requirements"


def test_analyze_against_a_posting_keeps_its_sentences() -> None:
    code, out, _ = run("analyze", str(EXAMPLES / "rs-resume.txt"), "--job", str(POSTING),
                       "-f", "json")  # fmt: skip
    assert code == ExitCode.OK
    [job] = json.loads(out)["roles"]
    assert job["id"] == "job" and job["name"] == "Job posting"
    by_skills = {tuple(r["any_of"]): r for r in job["requirements"]}
    languages = by_skills[("python", "java", "cpp")]
    assert languages["importance"] == "required" and languages["met"]
    assert "Python, Java or C++" in languages["source"]
    assert by_skills[("jax",)]["importance"] == "preferred"
    code, out, _ = run("analyze", str(EXAMPLES / "rs-resume.txt"), "--job", str(POSTING),
                       "--role", "rs", "-f", "json")  # fmt: skip
    assert [r["id"] for r in json.loads(out)["roles"]] == ["rs", "job"]


def test_unreadable_posting_is_an_input_error(tmp_path: Path) -> None:
    code, _, err = run("analyze", str(EXAMPLES / "mle-resume.txt"), "--job",
                       str(tmp_path / "none.txt"))  # fmt: skip
    assert code == ExitCode.INPUT_ERROR and "no such file" in err


def test_compare_ranks_an_mle_resume_above_an_hr_resume() -> None:
    hr = corpus_file("text/025_kaggle-hr.txt")
    mle = corpus_file("pdf/010_resume-matcher-harvey-dent-mle.pdf")
    code, out, _ = run("compare", str(hr), str(mle), "--role", "mle", "-f", "json")
    assert code == ExitCode.OK
    rows = json.loads(out)
    assert [Path(r["path"]).name for r in rows] == [mle.name, hr.name]
    assert [r["rank"] for r in rows] == [1, 2] and rows[0]["score"] > rows[1]["score"]
    code, out, _ = run("compare", str(hr), str(mle), "--job", str(POSTING))
    assert code == ExitCode.OK
    assert out.splitlines()[2].endswith(str(mle))
    code, out, _ = run("compare", str(hr), str(mle), "--role", "mle", "-f", "markdown")
    assert out.startswith("## Ranking for Machine Learning Engineer (`mle`)")


def test_compare_in_worker_processes_ranks_as_one_process(tmp_path: Path) -> None:
    """A batch ranking runs in --jobs workers; the ranking, and the failed inputs, are those
    of one process."""
    inputs = [str(EXAMPLES / name) for name in ("rs-resume.txt", "mle-resume.pdf")]
    inputs += [str(tmp_path / "missing.pdf"), str(EXAMPLES / "mle-resume.txt")]
    one = run("compare", *inputs, "--role", "mle", "-f", "json", "--jobs", "1")
    two = run("compare", *inputs, "--role", "mle", "-f", "json", "--jobs", "2")
    assert one == two
    code, out, err = two
    assert code == ExitCode.INPUT_ERROR and "missing.pdf: no such file" in err
    rows = json.loads(out)
    assert [Path(r.get("path") or r["input"]["path"]).name for r in rows] == [
        "mle-resume.pdf", "mle-resume.txt", "rs-resume.txt", "missing.pdf",
    ]  # fmt: skip


def test_compare_needs_one_role_or_posting() -> None:
    code, _, err = run("compare", str(EXAMPLES / "mle-resume.txt"))
    assert code == ExitCode.USAGE and "exactly one of --role" in err


def test_roles_file_adds_a_role_and_validate_checks_it(tmp_path: Path) -> None:
    roles_file = EXAMPLES / "roles" / "data-scientist.toml"
    code, out, _ = run("validate", str(roles_file))
    assert code == ExitCode.OK and out.startswith("ok: 6 roles (1 new: data-scientist)")
    code, out, _ = run("analyze", str(EXAMPLES / "mle-resume.txt"), "--roles-file",
                       str(roles_file), "--role", "data-scientist", "-f", "json")  # fmt: skip
    [role] = json.loads(out)["roles"]
    assert role["id"] == "data-scientist" and role["score"] > 50
    broken = tmp_path / "broken.toml"
    broken.write_text(roles_file.read_text().replace('any_of = ["sql"]', 'any_of = ["sqll"]'))
    code, _, err = run("validate", str(broken))
    assert code == ExitCode.USAGE
    assert err.strip() == (
        f"skillgap: error: {broken}: role 'data-scientist': requirement 'sql': unknown skill 'sqll'"
    )


def test_roles_file_from_config_is_relative_to_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "ds.toml").write_text(
        (EXAMPLES / "roles" / "data-scientist.toml").read_text()
    )
    (tmp_path / ".skillgap.toml").write_text('roles-file = ["roles/ds.toml"]\n')
    work = tmp_path / "cv"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, _ = run("roles")
    assert code == ExitCode.OK and "data-scientist" not in out  # roles reads no config
    code, out, _ = run("analyze", str(EXAMPLES / "mle-resume.txt"), "--role",
                       "data-scientist", "-f", "json")  # fmt: skip
    assert code == ExitCode.OK and json.loads(out)["roles"][0]["id"] == "data-scientist"


def test_best_fitting_role_is_named_with_reasons() -> None:
    mle = analyze(EXAMPLES / "mle-resume.txt").best_role
    rs = analyze(EXAMPLES / "rs-resume.txt").best_role
    assert mle is not None and rs is not None
    assert (mle.id, mle.runner_up, rs.id, rs.runner_up) == ("mle", "rs", "rs", "mle")
    assert mle.margin > 20 and "Research Scientist also requires" in mle.why[1]
    assert analyze(EXAMPLES / "mle-resume.txt", roles=["mle"]).best_role is None
