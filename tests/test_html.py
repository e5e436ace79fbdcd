"""The HTML report: self-contained, escaped, and every piece of evidence highlighted in the
resume text where it is, with its skill in the highlight's title."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.analysis import analyze
from skillgap.cli import app
from skillgap.render.base import render_all
from skillgap.render.html import ReportHtml, printable_text, report_view
from skillgap.report import Report

from .helpers import CORPUS, EXAMPLES, REPO


class ResumeText(HTMLParser):
    """The text of ``<pre class="resume">`` as a reader sees it (without the labels), and for
    each character the title of the highlight it is in, if any."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.titles: list[str | None] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.in_resume = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "pre" and attributes.get("class") == "resume":
            self.in_resume = True
        elif self.in_resume:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self.in_resume = False
        elif self.in_resume:
            assert self.stack.pop()[0] == tag

    def handle_data(self, data: str) -> None:
        if not self.in_resume or any(a.get("class") == "label" for _, a in self.stack):
            return
        marks = [a for tag, a in self.stack if tag == "mark"]
        title = marks[-1].get("title") if marks else None
        self.text.append(data)
        self.titles.extend([title] * len(data))


def _parsed(report: Report) -> ResumeText:
    parser = ResumeText()
    parser.feed(render_all(ReportHtml(), [report]))
    return parser


RESUMES = [
    EXAMPLES / "mle-resume.pdf",
    EXAMPLES / "rs-resume.pdf",
    CORPUS / "text/001_sb2nov-sourabh-bajaj.tex",
    CORPUS / "text/021_kaggle-data-science.txt",
]


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_every_piece_of_evidence_is_highlighted_where_it_is(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    report = analyze(path)
    assert report.text is not None
    parsed = _parsed(report)
    assert "".join(parsed.text) == printable_text(report.text), "the whole text, as it is"
    placed = 0
    for skill in report.skills:
        for evidence in skill.evidence:
            if evidence.start is None or evidence.end is None:
                assert evidence.method == "section"
                continue
            place = " ".join(report.text[evidence.start : evidence.end].split())
            assert place.startswith(evidence.text.removesuffix("..."))  # long ones are cut
            titles = parsed.titles[evidence.start : evidence.end]
            assert all(title and f"{skill.name} (" in title for title in titles), skill.id
            assert any(f"line {evidence.line}" in (title or "") for title in titles)
            placed += 1
    assert placed >= 20


def test_resume_text_and_names_are_never_markup(tmp_path: Path) -> None:
    path = tmp_path / 'cv"><script>x.txt'
    path.write_text(
        "Experience\n- Monitored <script> models\n- <img src=x onerror=alert(1)> PyTorch\n"
        "Skills\nPython, </pre><script>alert(1)</script>\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["analyze", str(path), "-f", "html"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert "<script" not in page and "<img" not in page
    assert "Monitored &lt;script&gt; models" in page
    assert "cv&#34;&gt;&lt;script&gt;x.txt" in page
    assert page.count("</pre>") == 1


def test_the_page_is_self_contained() -> None:
    page = render_all(ReportHtml(), [analyze(EXAMPLES / "rs-resume.pdf")])
    assert "default-src 'none'" in page  # a browser fetches nothing, runs nothing
    for fetching in ("<script", "<link", " src=", "@import", "url(", "http://", "https://"):
        assert fetching not in page
    assert page.count('role="img"') >= 2 + 2 * 10  # gauges and bars are described
    assert '<html lang="en">' in page and "<title>" in page


def test_a_role_without_preferred_items_shows_no_preferred_score() -> None:
    report = analyze(EXAMPLES / "mle-resume.pdf", roles=["mle"])
    role = report.roles[0]
    assert [label for label, _ in report_view(report)["roles"][0]["importance"]] == [
        "Required requirements",
        "Preferred requirements",
    ]
    required = [r for r in role.requirements if r.importance == "required"]
    kept = [g for g in role.gaps if g in {r.id for r in required}]
    only_required = replace(report, roles=[replace(role, requirements=required, gaps=kept)])
    labels = [label for label, _ in report_view(only_required)["roles"][0]["importance"]]
    assert labels == ["Required requirements"]


def test_gaps_show_their_points_and_tips_in_order() -> None:
    report = analyze(EXAMPLES / "rs-resume.pdf")
    page = render_all(ReportHtml(), [report])
    mle = report.roles[0]
    by_id = {r.id: r for r in mle.requirements}
    positions = []
    for gap_id in mle.gaps:
        gap = by_id[gap_id]
        entry = f'<strong>{gap.name}</strong> <span class="gain">+{gap.gain:.0f} if closed</span>'
        assert entry in page
        positions.append(page.index(entry))
        assert gap.tip.replace("'", "&#39;") in page
    assert positions == sorted(positions)


def test_the_readme_shows_the_picture_of_an_html_report() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    picture = "examples/mle-resume.report.png"
    assert f"]({picture})" in readme and "](examples/mle-resume.report.html)" in readme
    assert (REPO / picture).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_wheel_ships_every_template() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = project["tool"]["setuptools"]["package-data"]["skillgap.render"]
    templates = REPO / "src" / "skillgap" / "render" / "templates"
    files = sorted(p.relative_to(templates.parent) for p in templates.iterdir())
    assert files and all(any(f.match(glob) for glob in shipped) for f in files)


def test_categories_no_role_asks_for_are_named_as_the_taxonomy_names_them() -> None:
    """The legend of a report scored for one role names every category of the skills found
    by its name ("LLMs and generative AI"), not one made from its id ("Llm")."""
    from skillgap.taxonomy import load_taxonomy

    report = analyze(
        b"Skills\nPython, LoRA fine-tuning of LLMs, vLLM, CUDA kernels\n", name="cv.txt",
        roles=["rs"],
    )  # fmt: skip
    legend = {item["name"] for item in report_view(report)["legend"]}
    categories = load_taxonomy().categories
    asked = {c.id for role in report.roles for c in role.categories}
    unasked = {s.category for s in report.skills} - asked
    assert unasked, "the example must find a skill of a category the role does not ask for"
    assert {categories[c].name for c in unasked} <= legend
