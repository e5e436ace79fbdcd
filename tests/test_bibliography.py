"""A LaTeX CV's publication list kept in a .bib file is read where the CV prints it."""

from __future__ import annotations

from pathlib import Path

from skillgap.analysis import analyze
from skillgap.readers import read_bytes, read_document

PUBS = r"""
@string{nips = "Advances in Neural Information Processing Systems"}
@inproceedings{doe2023,
  author    = {Doe, Jane and Roe, Richard and others},
  title     = {{Sparse Attention} for Long-Context Transformers},
  booktitle = nips,
  year      = 2023,
}
@article{doe2021,
  title   = "Contrastive Learning of Speech",
  author  = "Jane Doe",
  journal = {Journal of Machine Learning Research},
  year    = {2021},
}
@misc{unrelated,
  title = {A Talk Nobody Cited},
}
"""

MAIN = r"""\documentclass{article}
\usepackage{biblatex}
\addbibresource{pubs.bib}
\bibliographystyle{plain}
\begin{document}
Jane Doe. Research scientist. Python, PyTorch.
\section{Publications}
\subsection{Conference papers}
\nocite{doe2023}
\printbibliography[heading=none, type=inproceedings]
\subsection{Journal articles}
\nocite{doe2021}
\printbibliography[heading=none, type=article]
\end{document}
"""


def test_the_entries_a_cv_prints_are_read_in_place(tmp_path: Path) -> None:
    (tmp_path / "pubs.bib").write_text(PUBS)
    (tmp_path / "cv.tex").write_text(MAIN)
    document = read_document(tmp_path / "cv.tex")
    text = " ".join(document.text.split())
    conference = text.index("Conference papers")
    sparse = text.index("Jane Doe, Richard Roe, et al. Sparse Attention for Long-Context")
    journal = text.index("Journal articles")
    speech = text.index("Jane Doe. Contrastive Learning of Speech. Journal of Machine Learning")
    assert conference < sparse < journal < speech
    assert "Talk Nobody Cited" not in text  # never cited: not printed
    assert "doe2023" not in text and "doe2021" not in text  # \nocite's keys are not text
    assert "plain" not in text  # nor a style's name
    assert document.warnings == ()


def test_nocite_star_prints_every_entry_once_and_type_filters_hold(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(PUBS)
    (tmp_path / "cv.tex").write_text(
        "\\begin{document}\n\\nocite{*}\nArticles:\n\\printbibliography[type=article]\n"
        "Others:\n\\printbibliography[nottype=article]\nAgain:\n\\bibliography{refs}\n"
        "\\end{document}\n"
    )
    text = read_document(tmp_path / "cv.tex").text
    articles, others, again = text.index("Articles:"), text.index("Others:"), text.index("Again:")
    assert articles < text.index("Contrastive Learning of Speech") < others
    assert others < text.index("Sparse Attention") < again
    assert others < text.index("A Talk Nobody Cited") < again
    assert text.count("Contrastive Learning of Speech") == 1


def test_a_bib_file_outside_the_cv_folder_or_missing_is_named_not_read(tmp_path: Path) -> None:
    (tmp_path / "secret.bib").write_text("@misc{s, title = {SECRET Haskell}}\n")
    folder = tmp_path / "cv"
    folder.mkdir()
    (folder / "cv.tex").write_text(
        "\\addbibresource{../secret.bib}\n\\addbibresource{pubs.bib}\n\\begin{document}\n"
        "Python\n\\nocite{*}\\printbibliography\n\\end{document}\n"
    )
    document = read_document(folder / "cv.tex")
    assert "SECRET" not in document.text
    warning = " ".join(document.warnings)
    assert "../secret.bib (outside the main file's folder)" in warning
    assert "pubs.bib (not found)" in warning
    from_stdin = read_bytes((folder / "cv.tex").read_bytes(), "<stdin>")
    assert "pubs.bib" in " ".join(from_stdin.warnings)


def test_a_brace_left_open_loses_only_its_own_entry(tmp_path: Path) -> None:
    (tmp_path / "pubs.bib").write_text(
        "@article{cut, title = {Deep {Learning for PyTorch},\n author = {A. Author},\n"
        "@article{ok, title = {Graph Neural Networks for Chemistry}, year = 2022}\n"
        "@misc{empty, note = {nothing shown}}\n"
    )
    (tmp_path / "cv.tex").write_text(
        "\\addbibresource{pubs.bib}\\begin{document}\nPython\n\\nocite{*}\\printbibliography\n"
        "\\end{document}\n"
    )
    lines = read_document(tmp_path / "cv.tex").text.split("\n")
    assert "Deep Learning for PyTorch." in lines
    assert "Graph Neural Networks for Chemistry. 2022." in lines
    assert "." not in lines  # an entry with no field shown prints nothing


def test_a_printed_bibliography_is_its_own_section(tmp_path: Path) -> None:
    """Under its title, or "Publications" (biblatex's "References" names referees on a
    resume); with heading=none under the CV's own heading. Never inside the section before."""
    (tmp_path / "pubs.bib").write_text(PUBS)
    for options, heading in (("[title={Selected Papers}]", "publications"), ("", "publications"),
                             ("[heading=none]", "skills")):  # fmt: skip
        (tmp_path / "cv.tex").write_text(
            "\\addbibresource{pubs.bib}\\begin{document}\n\\section*{Skills}\nPython, JAX\n"
            f"\\nocite{{*}}\n\\printbibliography{options}\n\\end{{document}}\n"
        )
        report = analyze(tmp_path / "cv.tex")
        [venue] = [s for s in report.skills if s.id == "research-venues"]
        assert venue.evidence[0].section == heading, options
        assert (report.profile.publications.count >= 2) == (heading == "publications"), options


def test_publications_in_a_bib_file_count_as_research_evidence(tmp_path: Path) -> None:
    (tmp_path / "pubs.bib").write_text(PUBS)
    (tmp_path / "cv.tex").write_text(MAIN)
    report = analyze(tmp_path / "cv.tex")
    without = analyze(MAIN.encode(), name="cv.tex")  # from memory: the .bib is not read
    venues = [s for s in report.skills if s.id == "research-venues"]
    assert [e.text for e in venues[0].evidence] == ["Neural Information Processing"
                                                    " Systems"]  # fmt: skip
    assert "research-venues" not in {skill.id for skill in without.skills}
    score = {role.id: role.score for role in report.roles}
    assert score["rs"] > {role.id: role.score for role in without.roles}["rs"]


MODERNCV_ENTRIES = r"""\documentclass{moderncv}
\bibliography{pubs}
\begin{document}
\section{Publications}
\cventry{}{\hangbibentry{doe2023}}{}{}{}{}
\cventry{}{\bibentry{doe2021}}{}{}{}{}
\cventry{}{\fullcite{roe_lrec-paper_2019}}{}{}{}{}
\end{document}
"""


def test_commands_that_print_one_entry_show_it_or_its_key(tmp_path: Path) -> None:
    """moderncv's \\hangbibentry, \\bibentry and \\fullcite print a whole entry where they
    stand; without the .bib file (an R Markdown CV downloads it when built) the key stands in
    for it, still a dated entry, and the warnings say the file is missing."""
    (tmp_path / "pubs.bib").write_text(PUBS)
    (tmp_path / "cv.tex").write_text(MODERNCV_ENTRIES)
    document = read_document(tmp_path / "cv.tex")
    text = " ".join(document.text.split())
    assert "Jane Doe, Richard Roe, et al. Sparse Attention for Long-Context" in text
    assert "Jane Doe. Contrastive Learning of Speech" in text
    assert "roe_lrec-paper_2019" in text  # not in the .bib file
    [warning] = document.warnings
    assert "the .bib file of its 1 cited entry (\\fullcite; shown by their keys)" in warning
    assert analyze(tmp_path / "cv.tex", roles=["rs"]).profile.publications.count == 3


def test_an_r_markdown_cv_in_latex_is_read_as_latex_with_its_includes(tmp_path: Path) -> None:
    (tmp_path / "pubs.bib").write_text(PUBS)
    (tmp_path / "skills.tex").write_text(r"\section{Skills} PyTorch, scikit-learn")
    body = MODERNCV_ENTRIES.split(r"\begin{document}")[1].split(r"\end{document}")[0]
    chunk = "```{r}\nx <- 1\n```\n"
    head = "---\noutput: pdf_document\n---\n\n"
    rmd = f"{head}{chunk}\\bibliography{{pubs}}\n{body}\n\\input{{skills}}\n"
    (tmp_path / "cv.Rmd").write_text(rmd)
    document = read_document(tmp_path / "cv.Rmd")
    text = " ".join(document.text.split())
    assert "Sparse Attention for Long-Context" in text and "PyTorch, scikit-learn" in text
    assert "x <- 1" not in text
    assert len(document.warnings) == 1  # the one key without an entry
