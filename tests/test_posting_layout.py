"""A posting's headings found from its layout, and a heading whose words are unknown read from
its items (issue 15): made-up postings in the layouts real ones use (Markdown headings and
bold lines, ALL CAPS, lines ending in a colon, Title-Case lines over a list, HTML left in
pasted text, emoji), each checked for what it asks of one named skill."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job
from skillgap.posting_layout import content_kind
from skillgap.posting_sections import heading_kind, says_preferred
from skillgap.readers import read_bytes


def importance(text: str, skill: str, name: str = "posting.md") -> str | None:
    """How the posting asks for a skill: "required", "preferred", or None when it does not."""
    role = read_job(text.encode(), name=name)
    found = [r.importance for r in role.requirements if skill in r.any_of]
    return "required" if "required" in found else (found[0] if found else None)


def test_a_markdown_heading_keeps_its_mark_through_the_reader() -> None:
    document = read_bytes(
        b"# Title\n\n### Your Course - and what we expect\n\n**What you'll need**\n\n"
        b"* **Python** is a must\n\nSome **bold** words.\n",
        "posting.md",
    )
    assert document.headings == ("Title", "Your Course - and what we expect", "What you'll need")
    html = read_bytes(
        b"<h3>Who you are</h3><p>Python, <b>SQL</b></p><p><strong>Your Gear</strong></p>"
        b"<ul><li><b>Docker</b></li></ul>",
        "posting.html",
    )
    assert html.headings == ("Who you are", "Your Gear")


def test_a_bold_paragraph_of_an_html_posting_is_a_heading() -> None:
    text = (
        "<html><body><h1>ML Engineer</h1><p>Acme makes tractors.</p>"
        "<p><strong>The Week Ahead</strong></p>"
        "<ul><li>Build PyTorch models</li><li>Deploy them with Docker</li></ul>"
        "<p><b>Your Kit</b></p>"
        "<ul><li>Experience with Kubernetes</li><li>Proficiency in Python</li></ul>"
        "</body></html>"
    )
    assert importance(text, "pytorch", name="posting.html") == "preferred"
    assert importance(text, "kubernetes", name="posting.html") == "required"


def test_a_word_posting_keeps_its_heading_styles_and_bold_paragraphs() -> None:
    import io

    from docx import Document

    document = Document()
    document.add_heading("Acme", level=1)
    document.add_paragraph("Acme makes tractors.")
    document.add_heading("The Week Ahead", level=2)
    document.add_paragraph("Build PyTorch models", style="List Bullet")
    document.add_paragraph("Deploy them with Docker", style="List Bullet")
    document.add_paragraph().add_run("Your Kit").bold = True
    document.add_paragraph("Experience with Kubernetes", style="List Bullet")
    document.add_paragraph("Proficiency in Python", style="List Bullet")
    item = document.add_paragraph(style="List Bullet")
    item.add_run("Rust").bold = True
    data = io.BytesIO()
    document.save(data)
    assert read_bytes(data.getvalue(), "posting.docx").headings == (
        "Acme",
        "The Week Ahead",
        "Your Kit",
    )
    role = read_job(data.getvalue(), name="posting.docx")
    found = {r.any_of: r.importance for r in role.requirements}
    assert found[("pytorch",)] == "preferred"
    assert found[("kubernetes",)] == "required"


def test_a_long_markdown_heading_of_unknown_words_opens_its_items() -> None:
    text = (
        "# Data Engineer\n\nWe build tools for farmers.\n\n"
        "### The things that will help you succeed here\n\n"
        "* Experience with Apache Spark in production\n"
        "* 3+ years of Python\n"
        "* Familiarity with Airflow\n"
    )
    assert importance(text, "apache-spark") == "required"
    assert importance(text, "airflow") == "required"


def test_an_unknown_heading_over_duties_gives_preferred_items() -> None:
    text = (
        "## Requirements\n\n* 5+ years of Python\n\n"
        "### **A Week In The Life**\n\n"
        "* Build batch jobs in Apache Spark\n"
        "* Collaborate with analysts on Tableau dashboards\n"
        "* Support the on-call rotation\n"
    )
    assert importance(text, "python") == "required"
    assert importance(text, "apache-spark") == "preferred"


def test_a_heading_that_weakly_says_requirements_over_duties_lists_duties() -> None:
    text = (
        "### Your Course - and what we expect from you\n\n"
        "* Collaborate with product teams to ship LangChain agents\n"
        "* Design evaluation suites for our assistants\n\n"
        "### Requirements\n\n* Proficiency in Python\n"
    )
    assert importance(text, "langchain") == "preferred"
    assert importance(text, "python") == "required"


def test_requirements_over_duties_stay_required() -> None:
    text = "### Requirements\n\n* Build ETL pipelines in Spark\n* Design data models in SQL\n"
    assert importance(text, "apache-spark") == "required"


def test_a_bold_paragraph_that_reads_as_an_item_is_no_heading() -> None:
    text = (
        "## Qualifications\n\n**Experience with Kubernetes in production**\n\n"
        "**Strong communication skills**\n\n* 3+ years of Python\n"
    )
    assert importance(text, "kubernetes") == "required"
    assert importance(text, "communication") == "required"


def test_a_bold_line_of_bonus_words_opens_preferred_items() -> None:
    text = (
        "**Requirements**\n\n* Experience with Python\n\n"
        "**Ways to stand out**\n\n* Experience with Kubernetes\n"
    )
    assert importance(text, "python") == "required"
    assert importance(text, "kubernetes") == "preferred"


def test_an_all_caps_heading_of_unknown_words_is_read_from_its_items() -> None:
    text = (
        "RESPONSIBILITIES\n"
        "- Design services for our customers\n\n"
        "WHAT MAKES YOU TICK\n"
        "- Comfortable with Terraform and cloud infrastructure\n"
        "- Fluent in SQL\n"
        "- Ability to explain models to stakeholders\n"
    )
    assert importance(text, "infrastructure-as-code", name="posting.txt") == "required"


def test_a_line_ending_in_a_colon_opens_preferred_items_when_they_say_so() -> None:
    # Most items say they are optional: the one that does not is optional too.
    text = (
        "What you'll do:\n"
        "- Design services in Python\n"
        "The cherry on top:\n"
        "- Experience with Rust is a plus\n"
        "- Familiarity with Julia would be nice\n"
        "- Exposure to Haskell\n"
    )
    assert importance(text, "rust", name="posting.txt") == "preferred"
    assert importance(text, "haskell", name="posting.txt") == "preferred"


def test_a_title_case_line_over_a_list_is_a_heading() -> None:
    text = (
        "About Us\n"
        "Acme makes tractors smarter.\n\n"
        "Your Day One Kit\n"
        "- Experience with Docker\n"
        "- Familiarity with Airflow\n"
    )
    assert importance(text, "docker", name="posting.txt") == "required"
    assert importance(text, "airflow", name="posting.txt") == "required"


def test_html_left_in_pasted_text_marks_a_heading() -> None:
    text = (
        "<b>Requirements</b>\n"
        "<li>Experience with Python</li>\n"
        "<b>On Your Side</b>\n"
        "<li>Experience with Scala is nice to have</li>\n"
        "<li>Familiarity with Kotlin is a plus</li>\n"
    )
    assert importance(text, "python", name="posting.txt") == "required"
    assert importance(text, "kotlin", name="posting.txt") == "preferred"


def test_an_emoji_heading_of_known_family_words_opens_requirements() -> None:
    text = (
        "# ML Engineer\n\nWe are a small team.\n\n"
        "**🧰 Your toolbox**\n\n"
        "* PyTorch and Weights & Biases\n"
        "* Solid SQL\n"
    )
    assert importance(text, "pytorch") == "required"


@pytest.mark.parametrize("heading", ["## Our stack", "### Tech we use", "**About the team**"])
def test_a_company_stack_heading_asks_nothing(heading: str) -> None:
    text = (
        "## Requirements\n\n* 3+ years of Python\n\n"
        f"{heading}\n\n"
        "* Ray and Kubernetes on AWS\n"
        "* Our models are trained with JAX\n"
    )
    assert importance(text, "python") == "required"
    assert importance(text, "jax") is None
    assert importance(text, "ray") in (None, "preferred")


def test_a_benefits_heading_of_unknown_words_with_skill_words_gives_nothing() -> None:
    text = (
        "## Requirements\n\n* Experience with Python\n\n"
        "### The Good Stuff\n\n"
        "* Health, dental and vision insurance\n"
        "* A learning budget for AWS certifications\n"
        "* Flexible working hours\n"
    )
    assert importance(text, "python") == "required"
    assert importance(text, "aws") is None


def test_a_title_case_line_no_list_follows_keeps_its_section() -> None:
    text = "Requirements\n- Experience with Python\nMachine Learning Platforms\nSQL\n"
    assert importance(text, "sql", name="posting.txt") == "required"


def test_pasted_text_without_bullets_keeps_its_title_case_headings() -> None:
    # Text copied from a job board: no bullets, no blank lines.
    text = (
        "About the job\n"
        "Acme builds autonomous tractors.\n"
        "What You'll Do\n"
        "Build perception models in PyTorch\n"
        "Deploy models to edge devices\n"
        "What Will Help You Succeed\n"
        "3+ years of Python\n"
        "Solid SQL\n"
        "Hands-on experience with Docker\n"
        "Nice To Have\n"
        "Familiarity with CUDA\n"
    )
    assert importance(text, "pytorch", name="posting.txt") == "preferred"
    assert importance(text, "sql", name="posting.txt") == "required"
    assert importance(text, "cuda", name="posting.txt") == "preferred"


def test_a_title_case_heading_over_bullets_is_read_by_its_words() -> None:
    text = (
        "Key Accountabilities\n"
        "\u2022 Develop credit risk models using XGBoost\n"
        "\u2022 Present findings to leadership\n\n"
        "Skills and Experience\n"
        "\u2022 Proficiency in SQL\n"
        "\u2022 Experience with Tableau\n\n"
        "Ways To Stand Out\n"
        "\u2022 Experience with Spark\n"
        "\u2022 Knowledge of causal inference\n"
    )
    assert importance(text, "xgboost", name="posting.txt") == "preferred"
    assert importance(text, "sql", name="posting.txt") == "required"
    assert importance(text, "apache-spark", name="posting.txt") == "preferred"


def test_a_sub_heading_of_unknown_words_keeps_a_preferred_section_preferred() -> None:
    text = (
        "## Requirements\n\n#### Technical\n\n- Experience with PyTorch\n\n"
        "## Nice to have\n\n#### Technical\n\n- Experience with JAX\n"
        "- Familiarity with Triton\n\n#### Domain\n\n- Knowledge of genomics\n"
    )
    assert importance(text, "pytorch") == "required"
    assert importance(text, "jax") == "preferred"
    assert importance(text, "genomics") == "preferred"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Skills & experience", "required"),
        ("Who you are", "required"),
        ("The ideal candidate", "required"),
        ("Is this you?", "required"),
        ("**Bonus points if**", "preferred"),
        ("Even better:", "preferred"),
        ("Extra credit", "preferred"),
        ("### What you can expect", "benefits"),
        ("What you can expect in this role:", "responsibilities"),
        ("## Our tech stack", "intro"),
        ("Tech Stack", "responsibilities"),
        ("<h3>Your Background</h3>", "required"),
        ("**What you'll get to do**", "responsibilities"),
        ("What you'll get", "benefits"),
        ("**Things we're excited about in a candidate**", None),
        ("More about Acme", "intro"),
        ("Extra points", "preferred"),
        ("Key Accountabilities", "responsibilities"),
        ("You'll thrive here if you:", "required"),
        ("**You will be successful in this role if**", "required"),
        ("Role Overview", "responsibilities"),
        ("### Position Summary", "responsibilities"),
        ("#### `Remote, Canada (PST Working Hours Preferred)`", None),
        ("Qualifications (preferred)", "preferred"),
        ("**Why you'll love it here**", "benefits"),
        ("You'll love working here because:", "benefits"),
        ("What you'll love doing:", "responsibilities"),
        ("### Our Process", "apply"),
        ("Interview steps:", "apply"),
    ],
)  # fmt: skip
def test_heading_families_are_known(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind


def test_items_tell_a_section_kind() -> None:
    qualifications = ["Experience with Go", "Strong SQL", "A degree in physics", "Ability to lead"]
    assert content_kind(qualifications, says_preferred) == "required"
    duties = ["Build services", "Collaborating with design", "Own the roadmap", "Python"]
    assert content_kind(duties, says_preferred) == "responsibilities"
    perks = ["Health insurance", "Flexible hours", "Equity"]
    assert content_kind(perks, says_preferred) == "benefits"
    assert content_kind(["Python", "SQL", "Experience with Go"], says_preferred) is None
    # A paragraph of prose, or one line, is no list to tell a section by.
    prose = (
        "As our engineer you will enjoy flexible hours and a remote-first culture. "
        "You will build Spark jobs. Experience with Kafka helps."
    )
    assert content_kind([prose, "Health insurance"], says_preferred) is None
    assert content_kind(["Health insurance"], says_preferred) is None


@pytest.mark.parametrize("name", ["posting.txt", "posting.md"])
def test_a_list_of_qualifications_under_no_heading_is_read_from_its_items(name: str) -> None:
    # A title, one sentence about the company and a list: no heading says what the list is,
    # its items do (new-user review: the posting "named no skill skillgap knows").
    posting = (
        "Data Scientist\nWe are a fast-growing online retailer.\n\n"
        "- 3+ years of Python\n- Experience with PyTorch and Kubernetes\n- Strong SQL\n\n"
        "Nice to have: Docker\n"
    )
    assert importance(posting, "python", name) == "required"
    assert importance(posting, "kubernetes", name) == "required"
    assert importance(posting, "docker", name) == "preferred"
    # A list about the company gives nothing.
    facts = "Acme\nAbout us:\n- Founded in 2010 with Python\n- Offices in 5 countries\n\n"
    assert importance(facts + "Requirements\n- SQL\n", "python", name) is None
