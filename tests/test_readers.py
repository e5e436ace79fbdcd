"""Reading inputs: PDF (including LaTeX PDFs), text encodings, Markdown, LaTeX."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from skillgap.errors import InputError
from skillgap.limits import Limits
from skillgap.readers import detect_format, read_bytes, read_document
from skillgap.sections import find_headings

from .helpers import EXAMPLES, corpus_file


def long_token_share(text: str) -> float:
    tokens = re.findall(r"[^\W\d_]+", text)
    return sum(len(token) >= 18 for token in tokens) / len(tokens)


@pytest.mark.parametrize(
    "name",
    [
        "pdf/003_awesome-cv-resume.pdf",
        "pdf/004_awesome-cv-cv.pdf",
        "pdf/008_pyresparser-omkar-pathak.pdf",
    ],
)
def test_latex_pdfs_are_not_glued(name: str) -> None:
    document = read_document(corpus_file(name))
    assert document.format == "pdf"
    assert document.pages and document.pages >= 1
    assert len(document.text) > 2000
    assert long_token_share(document.text) < 0.01


def test_pdf_text_keeps_words_and_lines() -> None:
    document = read_document(corpus_file("pdf/010_resume-matcher-harvey-dent-mle.pdf"))
    assert document.pages == 1
    assert "Proficient in Python, TensorFlow, PyTorch, and Scikit-learn." in document.text


def test_accents_tex_draws_apart_sit_on_their_letters() -> None:
    # TeX sets an accent, then its letter: PDFium reads "T\u00b4el\u00b4ecom".
    text = read_document(corpus_file("pdf/016_mastane-achab-cv.pdf")).text
    assert "T\u00e9l\u00e9com Paris" in text and "sup\u00e9rieure" in text
    # An accent whose letter was drawn elsewhere (the \u00c9 of "Ecole") is dropped.
    assert "\u00b4" not in text


def test_encrypted_pdf_needs_its_password() -> None:
    path = corpus_file("pdf-odd/005-libreoffice-writer-password__libreoffice-writer-password.pdf")
    with pytest.raises(InputError, match="encrypted") as caught:
        read_document(path)
    assert caught.value.code == "encrypted"
    with pytest.raises(InputError, match="password is wrong"):
        read_document(path, password="nope")
    assert read_document(path, password="openpassword").text.strip()


def test_damaged_pdf_is_an_input_error(tmp_path: Path) -> None:
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes((EXAMPLES / "mle-resume.pdf").read_bytes()[:400])
    with pytest.raises(InputError) as caught:
        read_document(truncated)
    assert caught.value.code in {"unreadable", "no-text"}


def test_format_comes_from_content_before_extension() -> None:
    pdf = (EXAMPLES / "mle-resume.pdf").read_bytes()
    assert detect_format(pdf, "resume.txt") == "pdf"
    assert detect_format(b"Jane Doe\nPython", "resume.pdf") == "text"
    assert detect_format(b"\\documentclass{article}", "cv.txt") == "latex"
    assert detect_format(b"# Jane", "cv.md") == "markdown"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Réseaux • Python".encode("utf-8-sig"), "Réseaux • Python"),
        ("Réseaux • Python".encode("utf-16"), "Réseaux • Python"),
        ("Réseaux • Python".encode("cp1252"), "Réseaux • Python"),
        ("Skills â€¢ Python".encode(), "Skills • Python"),
    ],
)
def test_text_encodings_and_mojibake(data: bytes, expected: str) -> None:
    assert read_bytes(data, "cv.txt").text.strip() == expected


def test_empty_and_binary_inputs_are_errors() -> None:
    with pytest.raises(InputError, match="empty") as caught:
        read_bytes(b"  \n ", "empty.txt")
    assert caught.value.code == "no-text"
    with pytest.raises(InputError, match="not a text file"):
        read_bytes(bytes(range(256)) * 50, "blob.bin")


def test_markdown_is_read_as_its_text() -> None:
    source = (
        "---\ntitle: CV\n---\n# Jane Doe\n\n## Skills\n\n- **PyTorch**, [JAX](https://jax.dev)\n"
        "<!-- - Haskell -->\n\n[code](https://github.com/jane/x)\n"
    )
    text = read_bytes(source.encode(), "cv.md").text
    assert "title: CV" not in text
    assert "Skills\n" in text
    assert "PyTorch, JAX" in text
    assert "**" not in text and "jax.dev" not in text
    assert "Haskell" not in text
    assert "github.com/jane/x" in text


@pytest.mark.parametrize(
    ("source", "name"),
    [
        (b"Jane Doe [github.com/jane](https://github.com/jane/)\n", "cv.md"),
        (b"\\documentclass{article}\\begin{document}\nJane Doe "
         b"\\href{https://github.com/jane}{github.com/jane}\n\\end{document}\n", "cv.tex"),
    ],
)  # fmt: skip
def test_a_github_link_whose_text_shows_its_address_is_read_once(source: bytes, name: str) -> None:
    text = read_bytes(source, name).text
    assert text.count("github.com/jane") == 1, text
    # A label that does not show the address keeps it, after the label.
    other = source.replace(b"{github.com/jane}", b"{code}").replace(b"[github.com/jane]", b"[code]")
    assert re.search(r"code\s+github\.com/jane", read_bytes(other, name).text)


def test_markdown_liquid_template_tags_are_markup() -> None:
    source = (
        "---\nlayout: archive\n---\n{% include base_path %}\n\nTalks\n======\n"
        "  <ul>{% for post in site.talks reversed %}\n"
        "    {% include archive-single-talk-cv.html %}\n  {% endfor %}</ul>\n\n"
        "Skills\n======\n* Python, {{ site.author.name }}\n"
        "{% comment %}\n* Haskell\n{% endcomment %}\n"
    )
    text = read_bytes(source.encode(), "cv.md").text
    assert "{" not in text and "site." not in text and "include" not in text
    assert "Haskell" not in text
    assert "Talks\n" in text and "Python" in text
    # nothing but whitespace between the Talks heading and the next one
    assert re.search(r"Talks\s*Skills\n", text)


def test_latex_is_read_as_its_text() -> None:
    source = (
        r"\documentclass{article}\usepackage{xcolor}" + "\n"
        r"\begin{document}" + "\n"
        r"\section{Skills}" + "\n"
        r"\textbf{PyTorch}, \emph{scikit-learn} % and Haskell" + "\n"
        r"\end{document}"
    )
    document = read_bytes(source.encode(), "cv.tex")
    assert document.format == "latex"
    assert "PyTorch, scikit-learn" in document.text
    assert "textbf" not in document.text and "Haskell" not in document.text
    lines = document.text.split("\n")
    assert [h.section for h in find_headings(lines)] == ["skills"]


def test_missing_and_directory_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as caught:
        read_document(tmp_path / "none.pdf")
    assert caught.value.code == "not-found"
    with pytest.raises(InputError, match="not a regular file"):
        read_document(tmp_path)


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Python " * 1000)
    with pytest.raises(InputError, match="over the limit") as caught:
        read_document(big, limits=Limits(max_bytes=100))
    assert caught.value.code == "too-large"


def test_json_resume_is_read_as_sections_without_keys_or_levels() -> None:
    resume = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {"name": "Ada", "label": "ML Engineer", "email": "ada@example.com",
                   "profiles": [{"network": "GitHub", "url": "https://github.com/ada"}]},
        "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-01-01",
                  "highlights": ["Deployed PyTorch models to production"]}],
        "education": [{"institution": "MIT", "studyType": "Master", "area": "Statistics"}],
        "skills": [{"name": "ML", "level": "Master", "keywords": ["PyTorch", "Python"]}],
    }  # fmt: skip
    document = read_bytes(json.dumps(resume).encode(), "resume.json")
    assert document.format == "json"
    lines = document.text.split("\n")
    assert "github.com/ada" in lines
    assert "Master in Statistics, MIT" in lines
    assert "ML: PyTorch, Python" in lines
    assert "2020-01-01" not in document.text and "ada@example.com" not in document.text
    assert [h.section for h in find_headings(lines)] == ["experience", "education", "skills"]


def test_json_resume_education_dates_and_publications_read_as_a_resume_shows_them() -> None:
    """Studies without an end date are ongoing, an end date to come is expected; each
    publication is one line with venue and year, so it counts as an entry."""
    from skillgap.analysis import analyze

    resume = {
        "basics": {"name": "Lena Fischer"},
        "education": [
            {"institution": "ETH Zurich", "studyType": "PhD", "area": "Neuroscience",
             "startDate": "2022-09", "endDate": "2099-09"},
            {"institution": "EPFL", "studyType": "MSc", "area": "Physics",
             "startDate": "2020-09", "endDate": "2022-07"},
            {"institution": "Open University", "studyType": "BSc", "area": "Mathematics",
             "startDate": "2024-01"},
        ],
        "publications": [
            {"name": "Low-rank RNNs for neural data", "publisher": "NeurIPS",
             "releaseDate": "2024-12-01", "summary": "Spike-train models in PyTorch."},
            {"name": "Recurrent dynamics in mouse V1", "publisher": "Neuron",
             "releaseDate": "2025"},
        ],
    }  # fmt: skip
    data = json.dumps(resume).encode()
    lines = read_bytes(data, "resume.json").text.split("\n")
    assert "PhD in Neuroscience, ETH Zurich, 2022 - expected 2099" in lines
    assert "MSc in Physics, EPFL, 2020 - 2022" in lines
    assert "BSc in Mathematics, Open University, 2024 - present" in lines
    assert "Low-rank RNNs for neural data. NeurIPS, 2024." in lines
    assert "Recurrent dynamics in mouse V1. Neuron, 2025." in lines
    profile = analyze(data, name="resume.json").profile
    assert {(d.level, d.status) for d in profile.degrees} == {
        ("phd", "in progress"), ("master", "completed"), ("bachelor", "in progress")
    }  # fmt: skip
    assert profile.publications.count == 2


def test_a_degree_status_on_the_line_after_it_counts() -> None:
    from skillgap.analysis import analyze

    yaml_cv = (
        "education:\n  - degree: PhD\n    field: Neuroscience (in progress)\n"
        "  - degree: MSc\n    field: Physics\n    years: 2018 - 2020\n"
    )
    degrees = analyze(yaml_cv.encode(), name="cv.yaml").profile.degrees
    assert {(d.level, d.status) for d in degrees} == {
        ("phd", "in progress"), ("master", "completed")
    }  # fmt: skip


def test_other_json_keeps_values_and_section_keys_only() -> None:
    data = {"workExperience": [{"title": "Data Scientist", "description": ["Used R daily"]}],
            "website": "https://example.com", "github": "github.com/jane"}  # fmt: skip
    text = read_bytes(json.dumps(data).encode(), "cv.json").text
    assert text.split("\n")[:3] == ["", "Work Experience", "Data Scientist"] or (
        "Work Experience" in text and "Data Scientist" in text
    )
    assert "title" not in text and "description" not in text
    assert "example.com" not in text and "github.com/jane" in text


def test_text_that_only_looks_like_json_is_read_as_text() -> None:
    document = read_bytes(b"{Python} and [R] are my languages", "cv.txt")
    assert document.format == "text"
    assert "Python" in document.text


def test_yaml_drops_keys_and_comments() -> None:
    source = (
        "name: Jane\n# old: Haskell\nskills:\n  - title: Programming\n"
        "    details: Python, Scala  # main ones\n"
        "about: |\n  <p>I build <b>models</b> &amp; tools</p>\n"
    )
    document = read_bytes(source.encode(), "cv.yml")
    assert document.format == "yaml"
    assert "Haskell" not in document.text and "details" not in document.text
    assert "Python, Scala" in document.text
    assert "I build models & tools" in " ".join(document.text.split())
    assert "Skills" in document.text.split("\n")


def test_broken_yaml_still_gives_its_values() -> None:
    text = read_bytes(b"name: Jane\nskills: [Python, R\n  bad: : indent\n", "cv.yaml").text
    assert "Python" in text and "name" not in text


def test_r_markdown_drops_code_chunks_and_reads_latex() -> None:
    source = (
        "---\noutput: pdf_document\n---\n```{r}\nlibrary(ggplot2)\n```\n"
        "<!-- \\section{Hidden} -->\n\\section{Software}\n\\cventry{2020}{R package}{CRAN}\n"
    )
    document = read_bytes(source.encode(), "cv.Rmd")
    assert document.format == "rmarkdown"
    assert "ggplot2" not in document.text and "Hidden" not in document.text
    assert "R package CRAN" in " ".join(document.text.split())


def test_html_is_read_as_visible_text() -> None:
    source = (
        b"<!doctype html><html><head><title>x</title><style>p{color:red}</style></head>"
        b"<body><h2>Skills</h2><p>Python &amp; <b>PyTorch</b></p>"
        b'<a href="https://github.com/jane">code</a><script>var Java = 1;</script></body></html>'
    )
    document = read_bytes(source, "cv.html")
    assert document.format == "html"
    assert "Python & PyTorch" in document.text
    assert "Java" not in document.text and "color" not in document.text
    assert "github.com/jane" in document.text


def test_pdf_hyperlinks_to_github_are_read() -> None:
    document = read_document(corpus_file("pdf/002_deedy-debarghya-das.pdf"))
    assert "github.com/deedydas" in document.text.split("\n")
    assert "linkedin.com" not in document.text


def test_latex_escapes_do_not_survive_extraction() -> None:
    """Jake's resume trips pylatexenc (an IndexError), so the crude fallback reads it; neither
    path may leave line breaks, escaped characters or accents as LaTeX."""
    text = read_document(corpus_file("text/016_jakegut-jake-ryan.tex")).text
    assert "Texas A&M University" in text
    assert "\\" not in text
    rmd = read_document(corpus_file("text/020_jvcasillas-linguist-cv.Rmd")).text
    assert "María Juana Gil Fernández" in rmd


def _text_box_run(lines: list[str]) -> object:
    """A run holding a text box as Word writes it: a drawing, and a VML copy as fallback."""
    from docx.oxml import parse_xml

    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{paragraphs}'
        "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_docx_text_boxes_are_read_once() -> None:
    """Sidebars of Word templates are text boxes; their skills must count, and only once."""
    import io

    from docx import Document

    document = Document()
    document.add_paragraph("Jane Doe")
    document.add_paragraph("Experience")._p.append(_text_box_run(["SKILLS", "PyTorch, Kubernetes"]))
    # Some templates anchor the sidebar in the page header, to repeat it on every page.
    document.sections[0].header.paragraphs[0]._p.append(_text_box_run(["Docker, Airflow"]))
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_bytes(buffer.getvalue(), "cv.docx").text
    assert text.split("\n")[:4] == ["Jane Doe", "Experience", "SKILLS", "PyTorch, Kubernetes"]
    assert text.count("PyTorch") == 1
    assert text.count("Docker, Airflow") == 1


def test_pdf_page_that_loses_ligatures_is_read_by_pypdf() -> None:
    """PDFium cannot map this CV's fi and fl ligatures ("Scientic", "exible"); pypdf names
    them, so that page is read with pypdf, its icon names dropped."""
    text = read_document(corpus_file("pdf/017_latexcv-sidebar.pdf")).text
    assert "Scientific Employee" in text and "a flexible assessment" in text
    assert "/map_marker" not in text and "/code" not in text


def test_pdf_pages_with_their_ligatures_are_not_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    from skillgap.readers import pdf

    def fail(data: bytes, password: str | None) -> None:
        raise AssertionError("pypdf opened for a page PDFium reads whole")

    monkeypatch.setattr(pdf, "_pypdf_reader", fail)
    assert "Machine Learning Engineer" in read_document(EXAMPLES / "mle-resume.pdf").text


def test_docx_nested_tables_are_read_once_in_order() -> None:
    """Word layout tables often hold a table of skills in a cell; python-docx's cell text
    leaves it out."""
    import io

    from docx import Document

    document = Document()
    document.add_paragraph("Jane Doe")
    layout = document.add_table(rows=1, cols=2)
    left, right = layout.rows[0].cells
    left.paragraphs[0].text = "Skills"
    inner = left.add_table(rows=2, cols=2)
    skills = [("PyTorch", "expert"), ("Kubernetes", "good")]
    for row, (name, level) in zip(inner.rows, skills, strict=True):
        row.cells[0].text, row.cells[1].text = name, level
    right.paragraphs[0].text = "Experience"
    merged = document.add_table(rows=1, cols=2)
    merged.rows[0].cells[0].merge(merged.rows[0].cells[1]).text = "Airflow"
    document.add_paragraph("References")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = read_bytes(buffer.getvalue(), "cv.docx").text.splitlines()
    assert lines == [
        "Jane Doe",
        "Skills | Experience",
        "PyTorch | expert",
        "Kubernetes | good",
        "Airflow",
        "References",
    ]


def test_docx_two_column_layout_reads_each_column_whole() -> None:
    """A cell of several paragraphs is a column: joined to its neighbour by " | " it hid
    the heading that opens the next column ("... Yonsei, 2018 | EXPERIENCE")."""
    import io

    from docx import Document

    from skillgap.sections import find_headings

    document = Document()
    row = document.add_table(rows=1, cols=2).rows[0]
    for cell, paragraphs in zip(row.cells, (["SKILLS", "Python, SQL", "EDUCATION",
        "B.S. Industrial Engineering, 2018"], ["EXPERIENCE", "Deployed a model on AWS"]),
        strict=True):  # fmt: skip
        cell.paragraphs[0].text = paragraphs[0]
        for text in paragraphs[1:]:
            cell.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_bytes(buffer.getvalue(), "cv.docx").text
    assert [h.section for h in find_headings(text.split("\n"))] == [
        "skills", "education", "experience"
    ]  # fmt: skip
    assert "|" not in text


#: The shape of a Hugo Academic / HugoBlox author page (content/authors/admin/_index.md).
HUGO_AUTHOR_PAGE = """---
title: Alex Johnson
first_name: Alex
superuser: true
role: Research Scientist
organizations:
  - name: Example Lab
    url: https://example.org/
profiles:
  - icon: brands/github
    url: https://github.com/alexj
  - icon: at-symbol
    url: 'mailto:alex@example.org'
    label: E-mail Me
interests:
  - Reinforcement Learning
  - Computer Vision
education:
  - area: PhD Computer Science
    institution: Stanford University
    date_start: 2015-09-01
    summary: |
      Thesis on scaling laws. Published at NeurIPS.
work:
  - position: Research Scientist
    company_name: Example Lab
    company_url: 'https://example.org/'
    summary: Trained models with PyTorch on Kubernetes.
skills:
  - name: Technical Skills
    items:
      - name: Python
        percent: 95
        icon: code-bracket
---

Alex builds learning systems.
"""


def test_hugo_author_page_front_matter_is_read_as_the_resume() -> None:
    document = read_bytes(HUGO_AUTHOR_PAGE.encode(), "_index.md")
    lines = document.text.splitlines()
    assert "PhD Computer Science" in lines and "Stanford University" in lines
    assert "Trained models with PyTorch on Kubernetes." in lines
    assert "Python" in lines and "github.com/alexj" in lines
    assert lines[-1] == "Alex builds learning systems."
    for metadata in ("code-bracket", "brands/github", "E-mail Me", "2015", "superuser", "true"):
        assert metadata not in document.text
    sections = [h.section for h in find_headings(lines)]
    assert sections == ["other", "education", "experience", "skills", "skills"]


def test_toml_front_matter_is_parsed_never_shown_raw() -> None:
    source = (
        '+++\ntitle = "Jane Doe"\ndate = 2024-01-01\n\n[[education]]\n'
        'degree = "MSc Statistics"\ninstitution = "ETH Zurich"\n\n'
        '[skills]\nlanguages = ["Python", "R"]\n+++\n\nMore about me.\n'
    )
    text = read_bytes(source.encode(), "about.md").text
    assert "MSc Statistics" in text and "ETH Zurich" in text and "Python" in text
    assert "=" not in text and "+++" not in text
    assert text.endswith("More about me.\n")


@pytest.mark.parametrize(
    "head",
    [
        "---\nlayout: archive\ntitle: CV\npermalink: /cv/\nredirect_from:\n  - /resume\n---\n",
        '+++\ntitle = "CV"\ndraft = false\n+++\n',
        "---\nlayout: [archive\ntitle: CV\n---\n",  # does not parse: dropped, not shown raw
    ],
)
def test_metadata_front_matter_is_dropped(head: str) -> None:
    text = read_bytes((head + "\n# Skills\n\nPyTorch\n").encode(), "cv.md").text
    assert text.splitlines() == ["Skills", "PyTorch"]


def test_author_page_with_its_bio_typed_inside_the_front_matter_is_read() -> None:
    """A bio paragraph below the keys makes the block fail to parse as YAML: the keys up to it
    are read as YAML, the paragraph as text; the page's metadata stays out."""
    source = (
        "---\ntitle: Ada Lin\nsuperuser: true\nbio: My research is in Deep Learning.\n"
        "education:\n  courses:\n  - course: PhD in Computer Science\n"
        "    institution: Ohio University\n    year: 2021\n"
        "social:\n- icon: github\n  icon_pack: fab\n\n"
        "I received my PhD degree in 2021, on natural language processing.\n---\n\nNews\n"
    )
    text = read_bytes(source.encode(), "_index.md").text
    lines = text.splitlines()
    assert "PhD in Computer Science" in lines and "My research is in Deep Learning." in lines
    assert "I received my PhD degree in 2021, on natural language processing." in lines
    assert lines[-1] == "News"
    for metadata in ("superuser", "icon_pack", "fab", "course:"):
        assert metadata not in text
    from skillgap.analysis import analyze

    found = {skill.id for skill in analyze(source.encode(), name="_index.md").skills}
    assert {"deep-learning", "nlp", "degree-phd"} <= found


BROKEN_AUTHOR_PAGE = """---
title: Sam Lee
role: Ph.D. Student  # a comment
bio: My research interests include Deep Learning.
education:
  courses:
  - course: MS in Mathematics
    institution: Ohio University
social:
- icon: github
  icon_pack: fab
  link: https://github.com/samlee
skills: [Python, SQL
highlight_name: false

I received my PhD degree from Ohio University in 2021.
---
News and papers.
"""


def test_broken_author_page_front_matter_is_read_line_by_line() -> None:
    """Bio paragraphs inside the YAML block make it fail to parse: its values are read, its
    keys and metadata are not, and section keys still head their sections."""
    lines = read_bytes(BROKEN_AUTHOR_PAGE.encode(), "_index.md").text.splitlines()
    assert "MS in Mathematics" in lines and "Python, SQL" in lines
    assert "I received my PhD degree from Ohio University in 2021." in lines
    assert "github.com/samlee" in lines and lines[-1] == "News and papers."
    assert "Ph.D. Student" in lines  # the comment after it is dropped
    text = "\n".join(lines)
    for markup in ("fab", "icon", "false", "course:", "[", "#"):
        assert markup not in text
    sections = [h.section for h in find_headings(lines)]
    assert sections[:1] == ["education"] and "skills" in sections


def test_yaml_aliases_cannot_blow_up_reading() -> None:
    """A "billion laughs": nine levels of ten aliases each make a 10**9-value tree."""
    import time

    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        levels.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    start = time.perf_counter()
    text = read_bytes("\n".join(levels).encode(), "laughs.yaml").text
    assert time.perf_counter() - start < 5
    assert text.count("lol") <= 200_000


#: A content file of definitions, as academic CVs split from their layout file.
LATEX_CONTENT = r"""% content.tex: what the CV says; cv.tex says how it looks
\geometry{left=32pt, top=50pt}
\newcommand{\cvname}{Jane Doe}
\newcommand{\cveducation}{%
  \textbf{PhD in Computer Science}, Stanford University \\ Thesis on reinforcement learning}
\newcommand{\cvskills}{Python, PyTorch, Kubernetes}
\def\cvinterests{Bayesian optimisation}
\newcommand{\cventry}[3]{\textbf{#1} #2 #3}
\newcommand{\sep}{\enskip\vspace{-5pt}}
"""


def test_latex_content_file_is_read_through_its_definitions() -> None:
    document = read_bytes(LATEX_CONTENT.encode(), "content.tex")
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    assert lines == [
        "Jane Doe",
        "Education",
        "PhD in Computer Science, Stanford University",
        "Thesis on reinforcement learning",
        "Skills",
        "Python, PyTorch, Kubernetes",
        "Interests",
        "Bayesian optimisation",
    ]
    assert "32pt" not in document.text and "#1" not in document.text


def test_latex_main_file_reads_its_inputs_and_content_macros(tmp_path: Path) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "content.tex").write_text(LATEX_CONTENT)
    (tmp_path / "sections" / "experience.tex").write_text(
        "\\section{Experience}\nML engineer: built Spark pipelines\n\\input{sections/deeper}\n"
    )
    (tmp_path / "sections" / "deeper.tex").write_text("Served models with Triton\n")
    (tmp_path / "cv.tex").write_text(
        "\\documentclass{article}\n\\input{content}\n\\begin{document}\n\\cvname\n"
        "\\section{Skills}\n\\cvskills\n\\input{sections/experience.tex}\n"
        "% \\input{sections/old}\n\\include{sections/missing}\n\\end{document}\n"
    )
    document = read_document(tmp_path / "cv.tex")
    text = " ".join(document.text.split())
    assert text.startswith("Jane Doe § SKILLS Python, PyTorch, Kubernetes § EXPERIENCE ML engineer")
    assert "Served models with Triton" in text
    assert [h.section for h in find_headings(document.text.split("\n"))] == [
        "skills",
        "experience",
    ]
    assert len(document.warnings) == 1
    assert "sections/missing (not found)" in document.warnings[0]
    assert "sections/old" not in document.warnings[0]  # commented out: not an include


def test_latex_includes_stay_inside_the_main_files_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.tex"
    secret.write_text("SECRET Haskell\n")
    main_folder = tmp_path / "cv"
    (main_folder / "sub").mkdir(parents=True)
    (main_folder / "link.tex").symlink_to(secret)
    (main_folder / "sub" / "loop.tex").write_text("Loop \\input{sub/loop} \\input{main}\n")
    (main_folder / "main.tex").write_text(
        f"\\begin{{document}}\nPython\n\\input{{{secret}}}\n\\input{{../secret}}\n"
        "\\import{sub/../../}{secret}\n\\input{link}\n\\input{sub/loop}\n\\end{document}\n"
    )
    document = read_document(main_folder / "main.tex")
    assert "SECRET" not in document.text and "Haskell" not in document.text
    assert document.text.count("Loop") == 1  # a cycle is read once
    warning = document.warnings[0]
    assert "(an absolute path)" in warning
    assert warning.count("(outside the main file's folder)") >= 2


def test_latex_includes_have_depth_and_size_limits(tmp_path: Path) -> None:
    for level in range(8):
        (tmp_path / f"level{level}.tex").write_text(f"Depth{level} \\input{{level{level + 1}}}\n")
    (tmp_path / "level8.tex").write_text("Depth8\n")
    (tmp_path / "big.tex").write_text("Python " * 2000)
    (tmp_path / "main.tex").write_text("\\input{level0}\n\\input{big}\n")
    document = read_document(tmp_path / "main.tex", limits=Limits(max_bytes=5000))
    assert "Depth4" in document.text and "Depth5" not in document.text
    assert "Python" not in document.text
    assert "more than 5 levels deep" in document.warnings[0]
    assert "big (over the size limit, --max-bytes)" in document.warnings[0]


def test_latex_from_memory_does_not_follow_includes_and_says_so() -> None:
    document = read_bytes(b"\\begin{document}\nPython\n\\input{sections/x}\n", "<stdin>")
    assert "Python" in document.text
    assert "sections/x" in document.warnings[0] and "standard input" in document.warnings[0]


def test_latex_layout_file_gets_a_warning_that_says_why() -> None:
    layout = (
        "\\NeedsTeXFormat{LaTeX2e}\n" + "\\RequirePackage{xcolor}\n\\setlength{\\x}{2pt}\n" * 80
    )
    document = read_bytes(layout.encode(), "cv.cls.tex")
    assert "layout or class file" in " ".join(document.warnings)


def test_a_pdf_run_imports_only_the_pdf_reader() -> None:
    """Readers are imported lazily, one branch of the format match each."""
    import subprocess
    import sys

    code = (
        "import sys; from skillgap.readers import read_document; "
        f"read_document({str(EXAMPLES / 'mle-resume.pdf')!r}); "
        "print(sorted(m for m in sys.modules if m.startswith('skillgap.readers.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    # The PDF reader and the helpers every input goes through (links, normalise, and sniff,
    # which tells formats and images apart): no other reader.
    assert result.stdout.split() == [
        "['skillgap.readers.links',", "'skillgap.readers.normalise',", "'skillgap.readers.pdf',",
        "'skillgap.readers.sniff']",
    ]  # fmt: skip


def test_every_format_has_a_reader() -> None:
    from typing import get_args

    from skillgap.readers import EXTENSIONS, Format

    assert set(EXTENSIONS.values()) == set(get_args(Format))
    samples = {"pdf": (EXAMPLES / "mle-resume.pdf").read_bytes(),
               "docx": (EXAMPLES / "mle-resume.docx").read_bytes()}  # fmt: skip
    for extension, fmt in EXTENSIONS.items():
        data = samples.get(fmt, b"Python and PyTorch\n")
        document = read_bytes(data, f"cv{extension}")
        assert "Python" in document.text, extension


def test_hugo_author_page_is_analysed_as_the_resume_it_holds() -> None:
    from skillgap.analysis import analyze

    report = analyze(HUGO_AUTHOR_PAGE.encode(), name="_index.md")
    found = {skill.id for skill in report.skills}
    assert {"python", "pytorch", "kubernetes", "degree-phd", "reinforcement-learning"} <= found


def test_template_configuration_inputs_are_no_missing_content(tmp_path: Path) -> None:
    """\\input{glyphtounicode} (pdfTeX's) and a .cfg file make the PDF, not its content."""
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\n\\input{glyphtounicode}\n\\input{pubs-num.cfg}\n"
        "\\begin{document}\n\\input{experience}\nPython.\n\\end{document}\n"
    )
    document = read_document(main)
    assert len(document.warnings) == 1
    assert "experience (not found)" in document.warnings[0]
    assert "glyphtounicode" not in document.warnings[0]
    assert "cfg" not in document.warnings[0]


def test_latex_links_items_and_bullets_are_read_as_a_person_sees_them() -> None:
    r"""A document with ``\href`` used to fail in pylatexenc and fall back to a crude reading
    that kept every group (``\hspace{2pt}`` gave "2pt"); tags side by side are items; a hyphen
    glued to a line's first word is a bullet."""
    source = (
        r"\begin{document}\href{https://x.example/cv}{My site} \href{https://github.com/jo}{code}"
        "\n\\hspace{2pt}\\cvtag{Python}\\cvtag{SQL}\\cvtag{C/C++}\n"
        r"-\textbf{FPGA Programming}"
        "\n\\end{document}\n"
    )
    text = read_bytes(source.encode(), "cv.tex").text
    assert "My site code github.com/jo" in " ".join(text.split())
    assert "x.example" not in text and "2pt" not in text
    assert "Python SQL C/C++" in " ".join(text.split())
    assert "- FPGA Programming" in text


def test_markdown_images_in_html_give_their_alternative_text() -> None:
    """GitHub profile READMEs list skills as logos: a person sees Python's logo, skillgap reads
    its alt text. Other tags, and images without alt text, give nothing."""
    source = (
        '### Tools\n<p><img src="https://x/python.svg" alt="python" width="40"/> '
        "<img alt='docker' src='d.svg'/> <img src=\"k.svg\"/></p>\n\n"
        'Inline <img src="p.svg" alt="PyTorch"> logo, <b>bold</b>.\n'
    )
    lines = [
        " ".join(line.split())
        for line in read_bytes(source.encode(), "README.md").text.splitlines()
    ]
    assert lines == ["Tools", "python docker", "Inline PyTorch logo, bold ."]


@pytest.mark.parametrize("fast", [True, False])
def test_latex_profile_macros_give_the_profile_address(fast: bool) -> None:
    from skillgap.readers.latex_fast import fast_latex_to_text
    from skillgap.readers.latex_text import latex_to_text

    source = "\\github{janedoe}\\gitlab{jd}\\github{}\\github{your_id}\n\\section{Skills} Python"
    text = fast_latex_to_text(source) if fast else latex_to_text(source)
    assert text is not None
    assert "github.com/janedoe" in text and "gitlab.com/jd" in text
    assert "github.com/ " not in text and "your_id" not in text  # no user, no address


def test_a_latex_github_macro_is_github_evidence() -> None:
    from skillgap.analysis import analyze

    source = b"\\documentclass{article}\\begin{document}\\github{janedoe}\n\\end{document}"
    found = {skill.id for skill in analyze(source, name="cv.tex").skills}
    assert {"github", "git"} <= found


@pytest.mark.parametrize(
    "source",
    [
        "cv:\n  sections:\n    Education:\n    - institution: York University\n"
        "      area: Computer Science\n      degree: M.Sc.\n",
        "education:\n- studyType: Master\n  area: Computer Science\n  institution: York U\n",
    ],
)
def test_a_degree_and_its_field_kept_apart_read_as_one_line(source: str) -> None:
    from skillgap.analysis import analyze

    report = analyze(source.encode(), name="cv.yaml")
    assert [(d.level, d.field) for d in report.profile.degrees] == [("master", "Computer Science")]


def test_latex_maketitle_gives_what_was_given_and_never_todays_date() -> None:
    from skillgap.readers.latex_fast import fast_latex_to_text
    from skillgap.readers.latex_text import latex_to_text

    bare = latex_to_text("\\maketitle\n\\section{Skills} Python, updated \\today")
    assert "GIVEN" not in bare and "20" not in bare and "Python" in bare
    titled = latex_to_text("\\title{Jane Doe, Data Scientist}\\author{Jane Doe}\\maketitle x")
    assert titled.startswith("Jane Doe, Data Scientist\nJane Doe\n")
    fast = fast_latex_to_text("Updated \\today. Python")
    assert fast is None or fast == latex_to_text("Updated \\today. Python")


def test_a_latex_title_is_never_read_into_the_next_document() -> None:
    from skillgap.analysis import analyze

    document = "\\documentclass{article}%s\\begin{document}\\maketitle\n%s\n\\end{document}"
    first = document % ("\\title{Simon Box MEng PhD}", "Python")
    second = document % ("", "\\section{Skills} Java")
    assert {s.id for s in analyze(first.encode(), name="a.tex").skills} >= {
        "degree-master",
        "degree-phd",
    }
    report = analyze(second.encode(), name="b.tex")
    assert {s.id for s in report.skills} & {"degree-master", "degree-phd"} == set()
    assert {s.id for s in report.skills} >= {"java"}


def test_a_json_resume_study_type_that_names_its_fields_is_not_joined_to_its_area() -> None:
    from skillgap.analysis import analyze

    source = json.dumps(
        {
            "basics": {"name": "A"},
            "education": [
                {"studyType": "BA Philosophy, BS Mathematics", "area": "Philosophy & Mathematics"},
                {"studyType": "Master of Science", "area": "Machine Learning"},
            ],
        }
    )
    degrees = analyze(source.encode(), name="resume.json").profile.degrees
    assert sorted((d.level, d.field) for d in degrees) == [
        ("bachelor", "Mathematics"),
        ("bachelor", "Philosophy"),
        ("master", "Machine Learning"),
    ]


def test_a_degree_name_sharing_a_word_with_its_field_is_still_joined() -> None:
    from skillgap.analysis import analyze

    entry = {"studyType": "Bachelor of Science", "area": "Computer Science & Psychology"}
    source = json.dumps({"basics": {"name": "A"}, "education": [entry]})
    degrees = analyze(source.encode(), name="resume.json").profile.degrees
    assert [(d.level, d.field) for d in degrees] == [("bachelor", "Computer Science & Psychology")]


def test_a_yaml_cvs_own_layout_is_no_text_of_it() -> None:
    """Found in a new-user review: ``order_md`` pairs (a key and its title) were read as
    headings, so the bio after them fell under "Skills"."""
    source = (
        b"name: Jane Doe\norder_md:\n  - [about, NONE]\n  - [skills, Skills]\n"
        b"about: |\n  I build RL systems in PyTorch.\nskills:\n  - Python\n"
        b"talks:\n  - [Keynote, Main Hall]\n"
    )
    text = read_bytes(source, "cv.yaml").text
    assert "NONE" not in text and text.count("Skills") == 1
    assert text.index("I build RL systems") < text.index("Skills")
    # A list of pairs that are not keys of the document is content: kept.
    assert "Keynote" in text and "Main Hall" in text
