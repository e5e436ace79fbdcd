"""The text every reader hands on: broken words joined, typographic characters plain."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.readers import read_bytes, read_document
from skillgap.readers.normalise import KnownForms, normalise

from .helpers import corpus_file

FORMS = KnownForms(["machine learning", "Kubernetes", "cloud-native", "end-to-end"])


def known() -> KnownForms:
    return FORMS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PDFium's line-end hyphen mark and the soft hyphen: a word broken to fit the line.
        ("ma\ufffechine learning", "machine learning"),
        ("Ku\ufffebernetes and analy\ufffesis", "Kubernetes and analysis"),
        ("cloud\u00adnative", "cloud-native"),  # the taxonomy writes it with a hyphen
        ("data\u00ad\nscience", "datascience"),  # a soft hyphen at a line end joins the lines
        # A real hyphen at a line end stays.
        ("multi\ufffeaccount", "multi-account"),  # a compound prefix
        ("Baese\ufffeBerk", "Baese-Berk"),  # never hyphenated before a capital
        ("scientific-computing-with\ufffepython", "scientific-computing-with-python"),
        ("github.com/jane\ufffedoe", "github.com/jane-doe"),
        # The document's own spelling elsewhere decides.
        ("story\ufffetelling; story-telling", "story-telling; story-telling"),
        ("co\ufffeop and coop", "coop and coop"),
        ("stray \ufffe mark", "stray  mark"),
        # Typographic characters, compatibility forms, controls.
        ("Master\u2019s degree, \u201cquoted\u201d", 'Master\'s degree, "quoted"'),
        ("non\u2011linear", "non-linear"),
        ("Scienti\ufb01c", "Scientific"),
        ("\uff30\uff59\uff34\uff4f\uff52\uff43\uff48", "PyTorch"),
        ("A\u00a0B\u3000C", "A B C"),
        ("bell\x07 and\x1b escape", "bell and escape"),
        ("page one\x0cpage two\u2028line", "page one\npage two\nline"),
        ("Scores\u2122", "Scores\u2122"),  # not NFKC everywhere: no "ScoresTM"
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text, known_forms=known) == expected


def test_the_taxonomy_is_consulted_only_when_the_document_does_not_decide() -> None:
    def unused() -> KnownForms:
        raise AssertionError("the taxonomy should not be needed")

    assert normalise("Python, py\ufffethon", known_forms=unused) == "Python, python"
    assert normalise("text without marks", known_forms=unused) == "text without marks"


def test_builtin_taxonomy_forms_decide_by_default() -> None:
    assert normalise("Ku\ufffebernetes, Py\ufffeTorch") == "Kubernetes, Py-Torch"


_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"aZ9 -/.\n\r\t_'\"", "\ufffe", "\u00ad", "\u2019", "\u201c", "\u2011", "\ufb01",
         "\uff21", "\u00a0", "\x07", "\u0301", "\u2122", "\uff9e"]
    ),
    max_size=40,
)  # fmt: skip


@given(_TEXT)
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise(text, known_forms=known)
    assert normalise(once, known_forms=known) == once


@given(st.text(max_size=60))
def test_normalising_any_text_twice_changes_nothing(text: str) -> None:
    once = normalise(text, known_forms=known)
    assert normalise(once, known_forms=known) == once


def test_a_long_run_of_marks_is_linear() -> None:
    """A hostile input: every mark needs a decision, and the words around it are capped.

    Each takes under a second here; the bound is loose so that a busy machine cannot fail
    it, while a pass quadratic in the marks (60,000 of them) would take many minutes."""
    import time

    long_words = ("a" * 200 + "\ufffe") * 5000
    distinct = " ".join(f"w{n:06d}x\ufffey{n:06d}" for n in range(60000))
    for text in (long_words, distinct):
        start = time.perf_counter()
        normalise(text, known_forms=known)
        assert time.perf_counter() - start < 15


def test_readers_hand_on_normalised_text() -> None:
    document = read_bytes("Master\u2019s in ma\u00adchine learning".encode(), "cv.txt")
    assert document.text == "Master's in machine learning\n"


def test_pdf_line_end_hyphens_are_joined() -> None:
    """PDFium marks 60 line-end hyphens in this CV; none is left, and names keep theirs."""
    text = read_document(corpus_file("pdf/015_jvcasillas-linguist-cv.pdf")).text
    assert "\ufffe" not in text
    assert "working memory" in text and "Baese-Berk" in text and "Holliday" in text


def test_pdf_hyphen_glyph_mapped_to_a_soft_hyphen_is_a_hyphen() -> None:
    """Awesome-CV's font draws its hyphen as U+00AD: "cloud-native", "2023 - 2024"."""
    text = read_document(corpus_file("pdf/003_awesome-cv-resume.pdf")).text
    assert "\u00ad" not in text
    assert "cloud-native architectures (AWS multi-account, Kubernetes" in text
    assert "Sep. 2023 - Mar. 2024" in text


def test_what_the_issue_reported_is_now_matched() -> None:
    """Issue 13: a typographic apostrophe hid degrees; line-end marks hid skills."""
    from .helpers import skill_ids

    text = (
        "Education\nMaster\u2019s degree in Statistics\nBachelor\u2019s in Computer Science\n"
        "Skills\nma\ufffechine learning, Ku\ufffebernetes\n"
    )
    assert {
        "degree-master", "degree-bachelor", "computer-science", "machine-learning", "kubernetes"
    } <= skill_ids(text)  # fmt: skip


@given(_TEXT)
def test_reading_the_extracted_text_again_changes_nothing(text: str) -> None:
    """What ``skillgap extract`` prints is read back as itself (normalise, then tidy)."""
    from skillgap.readers import tidy

    once = tidy(normalise(text, known_forms=known))
    assert tidy(normalise(once, known_forms=known)) == once
