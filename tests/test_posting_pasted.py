"""Postings pasted from a PDF or an e-mail (issue 15): list items hard-wrapped flush with the
margin, and words hyphenated across a line break, read as the lines their author wrote."""

from __future__ import annotations

import pytest

from skillgap.analysis import analyze, read_job
from skillgap.posting_hyphens import rejoined
from skillgap.posting_wraps import first_lines, unwrapped

#: Few enough wraps that the document does not count as wrapped at a width.
PASTED = (
    "Machine Learning Engineer\n"
    "\n"
    "Requirements\n"
    "- Experience in one of the languages: Java, C++,\n"
    "Python or Go\n"
    "- Experience with distributed training frameworks such as\n"
    "DeepSpeed or FSDP\n"
    "- BS in Computer Science or equivalent\n"
    "practical experience\n"
    "- Experience with Docker\n"
)


def groups(text: str) -> dict[tuple[str, ...], str]:
    role = read_job(text.encode(), name="posting.txt")
    return {r.any_of: r.source for r in role.requirements}


def test_an_item_wrapped_flush_with_the_margin_is_one_item() -> None:
    found = groups(PASTED)
    languages = next(g for g in found if "java" in g)
    assert set(languages) == {"java", "cpp", "python", "go"}, list(found)
    assert found[languages].startswith("line 4: "), found[languages]
    examples = next(g for g in found if "deepspeed" in g)
    assert "fsdp" in examples and ("fsdp",) not in found, list(found)
    assert found[examples].startswith("line 6: ")
    text = unwrapped(PASTED)
    assert len(text) == len(PASTED)
    assert first_lines(PASTED, text) == [1, 2, 3, 4, 6, 8, 10, 11]


def test_or_equivalent_experience_on_the_next_line_still_relaxes_the_degree() -> None:
    role = read_job(PASTED.encode(), name="posting.txt")
    worked = "Experience\nSenior ML Engineer, Acme (2014-2024): Java and Docker.\n"
    [result] = analyze(worked.encode(), name="cv.txt", job=role).roles
    degrees = [r for r in result.requirements if r.id.startswith("degree")]
    assert degrees and all(r.credit == 0.5 for r in degrees), degrees


@pytest.mark.parametrize(
    "ending",
    ["such as", "e.g.", "including", "with", "(for example", "and", "or", "in"],
)
def test_a_line_that_ends_on_a_joining_word_goes_on(ending: str) -> None:
    text = f"Requirements\n- Experience {ending}\nKubeflow and Airflow\n- Python\n"
    assert unwrapped(text).split("\n")[1] == f"- Experience {ending} Kubeflow and Airflow"


@pytest.mark.parametrize(
    "text",
    [
        "Requirements\n- Python\n- SQL\nNice to have\n- Docker\n",
        "Requirements\n- Python and SQL.\nWe offer a good salary and\n- Docker\n",
        "Requirements\n- Strong Python skills,\n- SQL,\nBenefits\n- Pension\n",
        "Skills\nPython,\nSQL,\nDocker\n",  # one a line, each ending with a comma
        "Requirements\n- Experience with Python\nPreferred qualifications\n- Docker\n",
    ],
)
def test_lines_that_end_an_item_or_start_one_are_not_joined(text: str) -> None:
    assert unwrapped(text) == text


@pytest.mark.parametrize(
    ("broken", "word"),
    [
        ("Kuber-\nnetes", "Kubernetes"),
        ("Ten-\nsorFlow", "TensorFlow"),
        ("computer vi-\nsion", "computer vision"),
        ("years of experi-\nence", "years of experience"),
        ("end-to-\nend", "end-to-end"),
        ("Cloud-\nnative", "Cloud-native"),
        ("real-\ntime", "real-time"),  # "time" is a word of its own elsewhere
        ("multi-\ntenant", "multi-tenant"),
        ("Spark-\nbased", "Sparkbased"),  # neither piece stands alone elsewhere: broken
    ],
)
def test_a_word_hyphenated_across_a_line_break_is_rejoined(broken: str, word: str) -> None:
    text = f"Requirements\n- Work with {broken} in good time.\n- SQL\n"
    joined = rejoined(text)
    assert len(joined) == len(text)
    line = joined.split("\n")[1]
    assert line.startswith(f"- Work with {word} ") and line.split() == (
        f"- Work with {word} in good time.".split()
    )


def test_the_documents_own_spelling_decides_a_broken_word() -> None:
    assert "data-driven" in rejoined("We are data-\ndriven and data-driven.\n")
    assert "datadriven" in rejoined("We are data-\ndriven, datadriven.\n")


def test_hyphenated_skills_are_found_and_cited_on_their_line() -> None:
    found = groups(
        "Requirements\n- 3+ years with Docker and Kuber-\nnetes\n"
        "- Familiarity with Ten-\nsorFlow or PyTorch\n- Knowledge of computer vi-\nsion\n"
    )
    assert found[("kubernetes",)].startswith("line 2: "), found
    assert found[("tensorflow", "pytorch")].startswith("line 4: "), found
    assert found[("computer-vision",)].startswith("line 6: "), found


def test_a_wrapped_sentence_outside_a_list_is_one_line() -> None:
    found = groups(
        "Requirements\nYou have experience with frameworks such as\nDeepSpeed or FSDP.\n"
        "You know Python.\n"
    )
    examples = next(g for g in found if "deepspeed" in g)
    assert "fsdp" in examples and found[examples].startswith("line 2: "), found


def test_a_pdf_posting_wrapped_at_its_margin_reads_like_the_text() -> None:
    from .hostile import pdf

    lines = [
        "Requirements",
        "- Experience in one of the languages: Java, C++,",
        "Python or Go",
        "- Experience with frameworks such as",
        "DeepSpeed or FSDP",
    ]
    shown = b"".join(b"(%s) Tj T* " % line.encode() for line in lines)
    ops = b"BT /F1 11 Tf 72 720 Td 14 TL " + shown + b"ET"
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
    )
    data = pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream",
        ]
    )
    role = read_job(data, name="posting.pdf")
    found = {r.any_of: r.source for r in role.requirements}
    assert found[("java", "cpp", "python", "go")].startswith("line 2: "), found
    assert found[("deepspeed", "fsdp")].startswith("line 4: "), found
