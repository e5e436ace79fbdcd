"""Text as a person sees it: one pass over every reader's text before the document is built.

What ``skillgap extract`` prints, and what evidence line numbers refer to, is this function's
output. It undoes what extraction leaves in the way of matching:

* a word broken at a line end: PDFium marks the hyphen with U+FFFE (``ma\\uFFFEchine``), and a
  soft hyphen (U+00AD) is an invisible place where a word may break. The word is joined
  (``machine``) unless the evidence says the hyphen is a real one (``multi-account``);
* typographic apostrophes and quotes (U+2019 in ``Master's``), non-breaking hyphens;
* compatibility forms, by NFKC: ligatures (U+FB01 for ``fi``), full-width letters, wide spaces;
* other line breaks (form feed, line separator) as line ends, and control characters, which
  no reader means as text, dropped.

Every step is linear in the length of the text, and normalising twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

#: PDFium's mark for a hyphen at a line end (U+FFFE) or a soft hyphen (U+00AD) inside a word:
#: "the word was broken here".
_MARK = re.compile(r"[\ufffe\u00ad](?<=\w.)[ \t]*(?:\r?\n[ \t]*)?(?=\w)")
_STRAY_MARK = re.compile(r"[\ufffe\u00ad]")
#: C0 and C1 controls other than tab and line breaks, and non-characters: never text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
#: Typographic characters and line breaks, and what a reader would type instead.
_PLAIN = {
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
    "\x0b": "\n",  # line breaks other than \n: vertical tab (Word), form feed (a new page),
    "\x0c": "\n",
    "\x85": "\n",  # next line,
    "\u2028": "\n",  # line separator
    "\u2029": "\n",  # and paragraph separator
}
_PLAIN_CHARACTER = re.compile("[" + "".join(_PLAIN) + "]")
#: Parts before a hyphen that make a compound, never a syllable: ``multi-account``.
COMPOUND_PREFIXES = frozenset({"multi", "cross", "self", "semi", "anti"})
#: Longest word looked at on either side of a mark; longer runs of letters are not words.
_MAX_WORD = 64
_HYPHENATED = re.compile(r"(?<!\w)\w+(?:-\w+)+")
_WORD = re.compile(r"\w+")


def normalise(text: str, *, known_forms: Callable[[], KnownForms] | None = None) -> str:
    """``text`` with broken words joined, typographic and compatibility characters plain, and
    no control characters.

    ``known_forms`` gives the words and hyphenated pairs of the skill taxonomy, consulted only
    when the document itself does not show how a broken word is written; by default the
    built-in taxonomy's, loaded on first need.
    """
    if not text.isascii():
        text = _COMPATIBILITY.sub(_nfkc, text)
        if _STRAY_MARK.search(text):
            text = _join_broken_words(text, known_forms or builtin_forms)
    text = _PLAIN_CHARACTER.sub(lambda match: _PLAIN[match.group(0)], text)
    return _CONTROL.sub("", text)


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
    marks = list(_MARK.finditer(text))
    broken = [_BrokenWord.at(text, mark) for mark in marks]
    evidence = _DocumentWords(text, {form for word in broken for form in word.forms})
    pieces, last = [], 0
    for mark, word in zip(marks, broken, strict=True):
        real = word.in_compound or _real_hyphen(word, evidence, known_forms)
        pieces += [text[last : mark.start()], "-" if real else ""]
        last = mark.end()
    pieces.append(text[last:])
    return _STRAY_MARK.sub("", "".join(pieces))


@dataclass(frozen=True)
class _BrokenWord:
    left: str
    right: str
    in_compound: bool

    @classmethod
    def at(cls, text: str, mark: re.Match[str]) -> _BrokenWord:
        left = _word_before(text, mark.start())
        right = _word_after(text, mark.end())
        before, after = mark.start() - len(left) - 1, mark.end() + len(right)
        # Hyphenation never breaks a word that already has a hyphen ("computing-with-python"),
        # nor a path, an address or a link ("github.com/jane-doe").
        in_compound = (before >= 0 and text[before] in "-/.@_") or text[after : after + 1] == "-"
        return cls(left, right, in_compound)

    @property
    def joined(self) -> str:
        return (self.left + self.right).lower()

    @property
    def hyphenated(self) -> str:
        return f"{self.left}-{self.right}".lower()

    @property
    def forms(self) -> tuple[str, str]:
        return self.joined, self.hyphenated


#: Up to this many forms are counted one by one (a fast search each); more are counted in one
#: pass over the words of the document, so that the time stays linear.
_FEW_FORMS = 200


class _DocumentWords:
    """How often the document writes each form elsewhere: a word whole, or hyphenated."""

    def __init__(self, text: str, forms: set[str]) -> None:
        lowered = text.lower()
        if len(forms) <= _FEW_FORMS:
            self.counts: Mapping[str, int] = {form: lowered.count(form) for form in forms}
            return
        counts = Counter(_WORD.findall(lowered))
        for compound in _HYPHENATED.findall(lowered):
            counts.update(f"{a}-{b}" for a, b in pairwise(compound.split("-")))
        self.counts = counts

    def __getitem__(self, form: str) -> int:
        return self.counts.get(form, 0)


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
    word: _BrokenWord, evidence: _DocumentWords, known_forms: Callable[[], KnownForms]
) -> bool:
    """Whether the hyphen in a broken word is part of the word as written.

    Hyphenation never breaks before a capital (``Baese-Berk``), and the document's own
    spelling elsewhere decides next; then the taxonomy's forms (``cloud-native``), then a
    compound prefix (``multi-``). Otherwise the word was broken to fit the line: joined.
    """
    left, right = word.left, word.right
    if not left or not right:
        return False
    if right[0].isupper() and left[-1].islower():
        return True
    whole, hyphenated = evidence[word.joined], evidence[word.hyphenated]
    if whole or hyphenated:
        return hyphenated > whole
    forms = known_forms()
    if word.joined in forms.words:
        return False
    if (left.lower(), right.lower()) in forms.pairs:
        return True
    return left.lower() in COMPOUND_PREFIXES and len(right) >= 4
