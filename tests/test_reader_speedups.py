"""The readers' speed-ups give what the libraries they stand in front of give.

Each fast path is checked against the plain library call on the shared corpus, the dev set's
resumes and generated inputs made of the pieces that steer the library's choices.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc import latexwalker

from skillgap.readers import front_matter, latex_fast, latex_text, markup, structured, text

from .helpers import CORPUS, REPO

LATEX_FILES = sorted(
    path
    for folder in (CORPUS / "text", REPO / "benchmarks" / "data" / "resumes")
    if folder.is_dir()
    for path in folder.rglob("*")
    if path.suffix.lower() in {".tex", ".xtx", ".rmd"}
)

#: Pieces of LaTeX that choose how pylatexenc reads what follows: words (ASCII and not),
#: white space and blank lines, braces, math, comments, environments (well and badly formed),
#: macros with and without arguments (and blank lines after them), a star, verbatim, escapes,
#: specials, punctuation, characters other than ASCII (white space among them) and groups of
#: plain words.
LATEX_PIECES = [
    "word", "Deep", "learning", "2024", "é", "naïve", "x1", " ", "  ", "\n", "\n\n", "\n \n",
    "\t", "{", "}", "[", "]", "$", "$$", "\\(", "\\)", "\\[", "\\]", "%c\n", "\\textbf",
    "\\textbf{x}", "\\item", "\\section*", "*", "\\begin{itemize}", "\\end{itemize}",
    "\\begin{verbatim}", "\\end{verbatim}", "\\verb|a b|", "\\begin", "\\end", " \\end",
    "\\begin {tabular}{ll}", "\n\\end{tabular}", "\\beginning", "\\endgroup", "\\\\", "\\&",
    "~", "--", "---", "``", "''", "&", "#", "_", "^", "\\cventry", "\\href{http://x}{y}",
    "\\url{a_b}", "\\newcommand{\\x}{y}", ".", ",", "!`", "?`", "\\'e", '\\"o', "\\ ", "\\",
    "\\emph", "a_b", "\\begin{document}", "\\end{document}", "\\hspace{2pt}", "\\input{x}",
    '"', "+", ",", ".", "/", ":", ";", "=", "@", "|", "(", ")", "<", ">", "!", "?", "-", "'",
    "`", "\u2022", "\xa0", "\u2013", "\u2019", "\u2028", "\x85", "\\foo@bar", "\\[2pt]",
    "{}", "{ }", "{Deep learning}", "{a-b_c}", "\\textbf\n\n", "\\cv \n \n", "'''", "\\x{}",
]  # fmt: skip


def _walk(source: str, walker: type) -> tuple[str, str]:
    """The nodes (object ids left out) and text of ``source``, or the error raised."""
    try:
        nodes = walker(source, latex_context=latex_text._walker_context()).get_latex_nodes()[0]
        text = str(latex_text._converter().nodelist_to_text(nodes))
    except Exception as error:  # pylatexenc raises assorted errors: the same ones, then
        return type(error).__name__, str(error)
    return re.sub(r"<parsing state \d+>", "<parsing state>", repr(nodes)), text


@pytest.mark.parametrize("path", LATEX_FILES, ids=lambda path: path.name)
def test_word_walker_reads_real_latex_as_pylatexenc_does(path: Path) -> None:
    source = path.read_text(encoding="utf-8", errors="replace")
    assert _walk(source, latex_text.WordWalker) == _walk(source, latexwalker.LatexWalker)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(LATEX_PIECES), max_size=40))
def test_word_walker_reads_any_latex_as_pylatexenc_does(pieces: list[str]) -> None:
    source = "".join(pieces)
    assert _walk(source, latex_text.WordWalker) == _walk(source, latexwalker.LatexWalker)


def test_latex_text_is_pylatexenc_text_with_or_without_words_at_once() -> None:
    source = "\\section{Skills}\n\\textbf{Python}, PyTorch \\& JAX\n\n\\begin{itemize}\\item A"
    fast = latex_text.latex_to_text(source)
    assert fast == latex_text.latex_to_text(source, words_at_once=False)
    assert "PyTorch & JAX" in fast


def _pylatexenc_text(source: str) -> tuple[str, str]:
    """What pylatexenc makes of ``source``: its text, or the error it raises."""
    try:
        return "text", latex_text.latex_to_text(source)
    except Exception as error:  # the reader falls back on any of pylatexenc's errors
        return "error", type(error).__name__


def _one_pass_agrees(source: str) -> bool:
    """The one-pass reading gives pylatexenc's text, or leaves ``source`` to pylatexenc
    (always where pylatexenc fails); True when it read ``source`` itself."""
    fast = latex_fast.fast_latex_to_text(source)
    if fast is not None:
        assert ("text", fast) == _pylatexenc_text(source)
    return fast is not None


#: More pieces for the one-pass reading: the macros whose text pylatexenc makes by code
#: (items, sections, links, accents, ``\\%``), optional arguments and brackets, line breaks
#: with and without a space before their option, inline math, environments with arguments and
#: a replacement text, a lone character as an argument, resume macros.
ONE_PASS_PIECES = [
    *LATEX_PIECES, "\\%", "\\item[x]", "\\item[]", "\\item [a{b}]", "\\section*{A b}",
    "\\subsection{x}", "\\paragraph{p}", "\\chapter{c}", "$|$", "$\\circ$", "$x_1$", "$a \\cdot b$",
    "\\'{e}", "\\'e", "\\c c", "\\~n", "\\href{https://github.com/a}{b}", "\\href{x}",
    "\\url{https://github.com/a/b}", "\\cventry{a}{b}{}{}", "\\\\[2pt]", "\\\\ [2pt]",
    "\\textbf x", "\\begin{center}", "\\end{center}", "\\begin{tabular}{l}",
    "\\includegraphics{a}", "\\hspace*{1em}", "\\textcolor{red}{x}", "\\footnote{n}",
    "\\begin{equation}", "\\end{equation}", "\\emph{", "\\item", "[a]", "\\vspace{2pt}",
    "\\frac{a}{b}", "\\maketitle", "\\title{T}", "\\verb+x+", "\\\\*", "\\$", "\\{", "\\}",
]  # fmt: skip


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(ONE_PASS_PIECES), max_size=40))
def test_one_pass_latex_reads_any_latex_as_pylatexenc_does(pieces: list[str]) -> None:
    _one_pass_agrees("".join(pieces))


def _latex_reader_sources() -> list[Path]:
    files = [*LATEX_FILES, *(REPO / "examples").rglob("*.tex")]
    return sorted(path for path in files if path.is_file())


@pytest.mark.parametrize("path", _latex_reader_sources(), ids=lambda path: path.name)
def test_one_pass_latex_reads_real_latex_as_pylatexenc_does(path: Path) -> None:
    """On each file as it comes and as the reader hands it over (comments and preamble
    gone, text macros in place, groups kept apart); the whole reader's document too."""
    source = path.read_text(encoding="utf-8", errors="replace")
    _one_pass_agrees(source)
    _one_pass_agrees(_as_the_reader_hands_it(path))


def _as_the_reader_hands_it(path: Path) -> str:
    """The LaTeX of a file as the reader converts it: an R Markdown file without its code
    chunks, a LaTeX file with its includes and bibliographies in place; then prepared."""
    from skillgap.readers import bibliography, latex

    source = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() == ".rmd":
        source = markup._without_code_chunks(markup.without_comments(source))
    else:
        source, includes = latex.assemble(source, folder=path.parent, max_bytes=10_000_000)
        source = bibliography.with_bibliographies(source, includes)
    return markup.prepared_latex(source)


def test_one_pass_latex_reads_the_corpus_latex_itself() -> None:
    """Real LaTeX is read in one pass (the point of it): every corpus CV, the R Markdown
    one among them, and all but a few of the dev set's files."""
    sources = [p for p in LATEX_FILES if p.parent == CORPUS / "text"]
    if not sources:
        pytest.skip("shared corpus not available beside the repo")
    read = [path.name for path in sources if _one_pass_agrees(_as_the_reader_hands_it(path))]
    assert read == [path.name for path in sources]
    dev_set = [path for path in LATEX_FILES if path.parent != CORPUS / "text"]
    read_dev = [path for path in dev_set if _one_pass_agrees(_as_the_reader_hands_it(path))]
    assert len(read_dev) >= 0.8 * len(dev_set)


def test_whole_latex_documents_are_the_same_with_and_without_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from skillgap.readers import read_document

    paths = [*_latex_reader_sources(), *(CORPUS / "text").glob("*.Rmd")]
    if not paths:
        pytest.skip("no LaTeX files beside the repo")
    fast = [read_document(path) for path in paths]
    monkeypatch.setattr(latex_fast, "ONE_PASS", False)
    assert [read_document(path) for path in paths] == fast


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("\\textbf{a {b {c}} d}", "a b c d"),
        ("50\\% of {\\emph{x}}", "50% of x"),
        ("\\item[--] Python", "\n  \N{EN DASH} Python"),
        ("\\section{Skills} SQL", "\n\n\N{SECTION SIGN} SKILLS\n SQL"),
        ("\\href{https://github.com/a/b}{code} $|$ x", "code github.com/a/b  | x"),
    ],
)
def test_one_pass_latex_tricky_inputs(source: str, expected: str) -> None:
    assert latex_fast.fast_latex_to_text(source) == expected
    assert latex_text.latex_to_text(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "\\begin{verbatim}\\textbf{x} % y\n\\end{verbatim}",
        "\\textbf{unclosed",
        "stray } brace",
        "a % comment\nb",
        "$$x$$",
        "\\begin{itemize}\\item a\\end{enumerate}",
        "\\maketitle",
        "{" * 1000 + "deep" + "}" * 1000,
    ],
    ids=["verbatim", "unclosed", "stray", "comment", "display-math", "mismatch", "code", "deep"],
)
def test_one_pass_latex_leaves_what_it_cannot_tell_to_pylatexenc(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert latex_fast.fast_latex_to_text(source) is None
    read = markup.latex_to_text(source)
    monkeypatch.setattr(latex_fast, "ONE_PASS", False)
    assert read == markup.latex_to_text(source)


def test_one_pass_latex_reads_a_huge_input_within_the_limits() -> None:
    entry = "\\cventry{2020}{Engineer}{ACME}{}{}{Built \\textbf{PyTorch} models \\& APIs}\n"
    source = entry * 10_000  # 700 KB, under the default limit of markup
    text = latex_fast.fast_latex_to_text(source)
    assert text is not None
    assert text.count("PyTorch models & APIs") == 10_000
    assert _pylatexenc_text(entry * 50) == ("text", latex_fast.fast_latex_to_text(entry * 50))


YAML_FILES = sorted(
    path
    for folder in (CORPUS / "text", REPO / "benchmarks" / "data" / "resumes", REPO / "examples")
    if folder.is_dir()
    for path in folder.rglob("*")
    if path.suffix.lower() in {".yaml", ".yml"}
)
#: Pieces of YAML that steer its parsers: indicators, quotes, anchors and aliases, tags,
#: block scalars, document markers, odd line breaks, tabs and byte-order marks (which PyYAML
#: reads otherwise than libyaml).
YAML_PIECES = [
    "a", "skills", "Python, PyTorch", "2024", "é", " ", "  ", "\n", "\n  ", "\n- ", "- ", ": ",
    ":", "? ", "[", "]", "{", "}", ", ", "#c", "'", '"', "''", "&a ", "*a", "!!str ", "!x ",
    "|", ">", "---\n", "...\n", "\t", "~", "yes", "0x1F", "1e3", "2001-12-14", "<<: *a\n",
    "\\", "%YAML 1.1\n", "@", "`", "\x85", "\ufeff", "\u2028", "\u2029", "\r\n", "\x00",
]  # fmt: skip


def _load(source: str, load: object) -> tuple[str, object]:
    import yaml

    try:
        return "documents", load(source)  # type: ignore[operator]
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        return "error", type(error).__name__


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: path.name)
def test_yaml_documents_are_pyyaml_safe_loads_on_real_yaml(path: Path) -> None:
    import yaml

    source = path.read_text(encoding="utf-8")
    fast = _load(source, structured.yaml_documents)
    assert fast == _load(source, lambda text: list(yaml.safe_load_all(text)))


@settings(max_examples=400)
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=40))
def test_yaml_documents_are_pyyaml_safe_loads_on_any_yaml(pieces: list[str]) -> None:
    import yaml

    source = "".join(pieces)
    fast = _load(source, structured.yaml_documents)
    slow = _load(source, lambda text: list(yaml.safe_load_all(text)))
    try:
        assert fast == slow
    except RecursionError:  # an anchor merged into itself ("&a a <<: *a"): a cyclic document
        assert repr(fast) == repr(slow)


@pytest.mark.parametrize(
    "nesting",
    ["[" * 200_000, "{a: " * 200_000, "- " * 200_000 + "x"],
    ids=["flow-lists", "flow-mappings", "block-lists"],
)
def test_deeply_nested_yaml_is_read_quickly_without_crashing(nesting: str) -> None:
    """libyaml nests in C without a limit (the process crashed) and its scanner slows with
    every level (minutes): such YAML goes to PyYAML's loader, which stops early."""
    start = time.process_time()
    structured.yaml_to_text(nesting)
    page = front_matter.split(f"---\nskills: {nesting}\n---\n# CV\nPython\n")
    assert page == ("", "\n# CV\nPython\n")
    assert time.process_time() - start < 10


TEXT_FILES = sorted(
    path
    for folder in (CORPUS / "text", REPO / "benchmarks" / "data" / "resumes", REPO / "examples")
    if folder.is_dir()
    for path in folder.rglob("*")
    if path.is_file() and path.suffix.lower() not in {".pdf", ".docx", ".tsv"}
)
#: Pieces of text that steer ftfy: plain ASCII, mojibake, HTML entities and tags (which turn
#: entity fixing off for the rest of the text), line breaks of every kind, controls, curly
#: quotes (kept), ligatures, wide and accented letters, and long lines.
TEXT_PIECES = [
    "Python", " ", "\n", "\r\n", "\r", "\t", "&amp;", "&", "&lt;b&gt;", "<", ">", "<b>",
    "â€™", "Ã©", "â€œ", "Ã", "\u2019", "\u201c", "\ufb01", "\uff30\uff59", "é", "e\u0301", "\x85",
    "\u2028", "\x00", "\x1b[31m", "\x7f", "\x9d", "\ufffd", "\ufeff", "x" * 300,
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(TEXT_PIECES), max_size=50))
def test_fix_text_is_ftfy_fix_text(pieces: list[str]) -> None:
    import ftfy

    source = "".join(pieces)
    expected = ftfy.fix_text(source, uncurl_quotes=False, normalization="NFC")
    assert text.fix_text(source) == expected


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda path: path.name)
def test_fix_text_is_ftfy_fix_text_on_the_corpus(path: Path) -> None:
    import ftfy

    source = path.read_bytes().decode("utf-8", errors="replace")
    expected = ftfy.fix_text(source, uncurl_quotes=False, normalization="NFC")
    assert text.fix_text(source) == expected


@settings(max_examples=200)
@given(st.binary(max_size=3000))
def test_binary_share_counts_control_bytes(data: bytes) -> None:
    control = sum(1 for byte in data[:65536] if byte < 9 or 13 < byte < 32)
    assert text._binary_share(data) == (control / len(data) if data else 0.0)
