"""Text as a person sees it: one pass over every reader's text before the document is built.

What ``skillgap extract`` prints, and what evidence line numbers refer to, is this function's
output. It undoes what extraction leaves in the way of matching:

* a word broken at a line end: PDFium marks the hyphen with U+FFFE (``ma\\uFFFEchine``), and a
  soft hyphen (U+00AD) is an invisible place where a word may break. The word is joined
  (``machine``) unless the evidence says the hyphen is a real one (``multi-account``);
* typographic apostrophes and quotes (U+2019 in ``Master's``), non-breaking hyphens;
* compatibility forms, by NFKC: ligatures (U+FB01 for ``fi``), full-width letters, wide spaces;
* control characters, which no reader means as text.

Every step is linear in the length of the text, and normalising twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache
from itertools import pairwise

#: PDFium's mark for a hyphen at a line end, and the soft hyphen: "the word may break here".
BREAK_MARKS = "\ufffe\u00ad"
_MARK = re.compile(r"(?<=\w)[\ufffe\u00ad][ \t]*(?:\r?\n[ \t]*)?(?=\w)")
_STRAY_MARK = re.compile(r"[\ufffe\u00ad]")
#: C0 and C1 controls other than tab and line ends, and non-characters: never text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark, the usual typographic apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",  # modifier letter apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
    }
)
#: Parts before a hyphen that make a compound, never a syllable: ``multi-account``.
COMPOUND_PREFIXES = frozenset({"multi", "cross", "self", "semi", "anti"})
#: Longest word looked at on either side of a mark; longer runs of letters are not words.
_MAX_WORD = 64
_HYPHENATED = re.compile(r"(?<!\w)\w+(?:-\w+)+")
_WORD = re.compile(r"\w+")


def normalise(text: str, *, known_forms: Callable[[], KnownForms] | None = None) -> str:
    """``text`` with broken words joined, typographic characters plain, NFKC and no controls.

    ``known_forms`` gives the words and hyphenated pairs of the skill taxonomy, consulted only
    when the document itself does not show how a broken word is written; by default the
    built-in taxonomy's, loaded on first need.
    """
    if text.isascii():
        return _CONTROL.sub("", text)
    text = _COMPATIBILITY.sub(_nfkc, text)
    if _STRAY_MARK.search(text):
        text = _join_broken_words(text, known_forms or builtin_forms)
    return _CONTROL.sub("", text.translate(_TYPOGRAPHIC))


#: Compatibility characters read as their plain forms (NFKC): ligatures, full-width and
#: half-width forms, and spaces of other widths. NFKC is not applied to the whole text: it
#: would also turn "™" into "TM" and a spacing accent into a combining one.
_COMPATIBILITY = re.compile(r"[\ufb00-\ufb4f\uff00-\uffef\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _nfkc(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group(0))


class KnownForms:
    """Words and hyphenated word pairs from a list of phrases, lowercase."""

    def __init__(self, phrases: list[str]) -> None:
        self.words: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()
        for phrase in phrases:
            words = re.findall(r"\w+", phrase.lower())
            self.words.update(words)
            self.pairs.update(pairwise(words))


@cache
def builtin_forms() -> KnownForms:
    """The forms of the built-in taxonomy (imported here: the taxonomy does not need readers)."""
    from skillgap.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    return KnownForms([form for skill in taxonomy.skills.values() for form in skill.forms])


def _join_broken_words(text: str, known_forms: Callable[[], KnownForms]) -> str:
    evidence = _DocumentWords(text)

    def replace(mark: re.Match[str]) -> str:
        left = _word_before(text, mark.start())
        right = _word_after(text, mark.end())
        before, after = mark.start() - len(left) - 1, mark.end() + len(right)
        # Hyphenation never breaks a word that already has a hyphen ("computing-with-python"),
        # nor a path, an address or a link ("github.com/jane-doe").
        in_compound = (before >= 0 and text[before] in "-/.@_") or text[after : after + 1] == "-"
        return "-" if in_compound or _real_hyphen(left, right, evidence, known_forms) else ""

    joined = _MARK.sub(replace, text)
    return _STRAY_MARK.sub("", joined)


class _DocumentWords:
    """How the document writes words elsewhere: whole, and as hyphenated pairs."""

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        self.words = Counter(_WORD.findall(lowered))
        self.pairs: Counter[tuple[str, str]] = Counter()
        for compound in _HYPHENATED.findall(lowered):
            parts = compound.split("-")
            self.pairs.update(pairwise(parts))


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < _MAX_WORD and (text[start - 1].isalnum()):
        start -= 1
    return text[start:end]


def _word_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and end - start < _MAX_WORD and text[end].isalnum():
        end += 1
    return text[start:end]


def _real_hyphen(
    left: str, right: str, evidence: _DocumentWords, known_forms: Callable[[], KnownForms]
) -> bool:
    """Whether the hyphen between ``left`` and ``right`` is part of the word as written.

    Hyphenation never breaks before a capital (``Baese-Berk``), and the document's own
    spelling elsewhere decides next; then the taxonomy's forms (``cloud-native``), then a
    compound prefix (``multi-``). Otherwise the word was broken to fit the line: joined.
    """
    if not left or not right:
        return False
    if right[0].isupper() and left[-1].islower():
        return True
    joined, pair = (left + right).lower(), (left.lower(), right.lower())
    whole, hyphenated = evidence.words[joined], evidence.pairs[pair]
    if whole or hyphenated:
        return hyphenated > whole
    forms = known_forms()
    if joined in forms.words:
        return False
    if pair in forms.pairs:
        return True
    return pair[0] in COMPOUND_PREFIXES and len(right) >= 4
