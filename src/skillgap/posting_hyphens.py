"""Words hyphenated across a line break in a posting pasted as text ("Kuber-" / "netes").

A PDF's reader marks the hyphens it broke words at (see :mod:`skillgap.readers.normalise`);
text pasted from a PDF or an e-mail keeps a plain hyphen at the end of the line, and
"Ten-" / "sorFlow" named no skill. Whether such a hyphen was put in to fit the line or is
part of the word ("end-to-" / "end", "real-" / "time") is decided, in this order, by:

- the document's own spelling of the word elsewhere, whole or hyphenated;
- the skill taxonomy: a pair it knows hyphenated keeps its hyphen ("cloud-native"), a word
  it knows whole is joined ("tensorflow", "vision");
- the form: a hyphen inside a compound ("end-to-") or after a prefix that makes compounds
  ("multi-", "cross-") is a real one;
- the pieces: when neither piece stands alone as a word anywhere else in the posting
  ("experi-" / "ence"), the word was broken; when one does ("data-" / "driven"), the hyphen
  is kept, which costs little (the words are read either way) where a wrong join would make a
  word nobody wrote.

Either way the line break goes: the word is moved up to the line it begins on and the
characters it frees become spaces after it, so the text keeps its length and every line its
place in the posting (:func:`skillgap.posting_wraps.first_lines` still holds).
"""

from __future__ import annotations

import re

from skillgap.readers.normalise import COMPOUND_PREFIXES, builtin_forms

_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[a-z])")
_WORD = re.compile(r"[^\W\d_]+")
_LEFT_WORD = re.compile(r"([^\W\d_]+)$")
_RIGHT_WORD = re.compile(r"[^\W\d_]+")


def rejoined(text: str) -> str:
    """``text`` with its words hyphenated across a line break on one line (the same length)."""
    pieces = []
    for found in _LINE_END_HYPHEN.finditer(text):
        left = _LEFT_WORD.search(text, 0, found.start())
        right = _RIGHT_WORD.match(text, found.end())
        if left is not None and right is not None:
            pieces.append((left, right))
    if not pieces:
        return text
    chars = list(text)
    for left, right in pieces:  # the rest of the posting, where the words stand alone
        chars[left.start() : right.end()] = " " * (right.end() - left.start())
    rest = "".join(chars).lower()
    words = set(_WORD.findall(rest))
    chars = list(text)
    for left, right in pieces:
        start, end = left.start(), right.end()
        first, second = left.group(1), right.group(0)
        in_compound = text[start - 1 : start] in ("-", "/") or text[end : end + 1] == "-"
        keep = in_compound or _real_hyphen(first, second, rest, words)
        word = f"{first}-{second}" if keep else first + second
        chars[start:end] = list(word.ljust(end - start))
    return "".join(chars)


def _real_hyphen(left: str, right: str, lowered: str, words: set[str]) -> bool:
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    whole, split = _count_word(lowered, joined), _count_word(lowered, hyphenated)
    if whole or split:
        return split > whole
    forms = builtin_forms()
    if (left.lower(), right.lower()) in forms.pairs:
        return True
    if joined in forms.words:
        return False
    if left.lower() in COMPOUND_PREFIXES:
        return True
    return left.lower() in words or right.lower() in words


def _count_word(lowered: str, word: str) -> int:
    return len(re.findall(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", lowered))
