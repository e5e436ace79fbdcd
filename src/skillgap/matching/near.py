"""Near misses: misspellings of long names ("Pytoch", "Kubernets", "Tensor Flow"), never of
short ones, found with rapidfuzz's Levenshtein distance.

Windows of one to three words are compared, spaces removed, with the aliases of six letters or
more: one edit allowed, two in phrases of twelve letters or more. Where a list item stands
(bounded by separators) any such window may match; in prose only phrases of two or more words
and twelve letters or more, with one edit ("Neutral Network"), so that ordinary words one
letter away ("docket") stay silent. A word with a prefix more or less ("Machine Unlearning") is
another term, never a misspelling, and so is a phrase with a letter of a short word changed ("Led
monitoring" is no "LLM monitoring"), a word of four or five letters changed other than by a plural
"s" ("language modes" is no "language models", "Built pipelines" no "build pipelines"), or a word
with a "d" ending more or less ("structure generation" is no "structured generation").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from skillgap.matching.compiled import FUZZY_MIN_LENGTH, FUZZY_MIN_PROSE_LENGTH

if TYPE_CHECKING:
    from skillgap.matching.compiled import NearPatterns
    from skillgap.matching.hit import Hit
    from skillgap.matching.view import TokenView

#: Near-miss searches remembered per matcher, forgotten past this many to bound memory.
_MEMO_SIZE = 100_000
#: Endings of nouns for people ("scientist", "engineer"): their plurals name others.
_PERSON_ENDINGS = ("ist", "er", "or", "ian")
#: Prefixes that make another real word of a word ("unlearning", "relabelling", "nonlinear"):
#: such a word is a different term, not a misspelling of the name.
_PREFIXES = ("un", "re", "de", "in", "im", "il", "ir", "co", "bi", "non", "dis", "mis", "pre")
#: The shortest word of a long name that a misspelling in prose may change.
_MIN_EDITED_WORD = 5
#: The shortest word of a phrase that may change other than by a plural "s": a letter more,
#: less or changed makes another word of most words of four or five letters ("modes",
#: "built"), and rarely of longer ones ("Reasearch", "Qualiity", "Neutral").
_MIN_RESPELLED_WORD = 6
#: What a near-miss search finds: the number of edits and the name, or nothing.
Near = tuple[int, str] | None
#: A long name of several words, and its words.
_ProseName = tuple[str, tuple[str, ...]]


class NearMissStage:
    """Finds near misses of names outside the tokens already matched."""

    def __init__(self, patterns: NearPatterns) -> None:
        self._skills = patterns.skills
        self._words = patterns.words
        #: Names by first letter and length: a misspelling keeps its first letter and nearly
        #: its length.
        self._by_letter_and_length: dict[tuple[str, int], list[str]] = {}
        for name in patterns.skills:
            self._by_letter_and_length.setdefault((name[0], len(name)), []).append(name)
        #: Long names by (words, position, word) for words of four letters or more: a
        #: misspelling in prose has one edit, so all its other words are the name's own.
        self._prose: dict[tuple[int, int, str], list[_ProseName]] = {}
        for name, words in patterns.prose:
            for position, word in enumerate(words):
                if len(word) >= 4:  # "and" finds nothing
                    self._prose.setdefault((len(words), position, word), []).append((name, words))
        self._prose_words = {word for (_, _, word) in self._prose}
        #: Searches made, by what was searched for: the same words recur within a resume and
        #: across a batch.
        self._memo: dict[tuple[object, ...], Near] = {}

    def find(self, view: TokenView, covered: set[int]) -> Iterator[Hit]:
        """The near misses among the tokens not ``covered`` (by phrases and rules)."""
        windows = _Windows(view, covered, self._prose_words)
        memo = self._memo
        resume = 0  # past the last near miss found
        for start in windows.starts:
            if start < resume:
                continue
            for end, key, word, words in windows.at(start):
                best = memo[key] if key in memo else self._search(key, word, words)
                if best is not None:
                    distance, name = best
                    resume = end
                    yield view.hit(
                        self._skills[name],
                        start,
                        end,
                        "fuzzy",
                        round(0.9 - 0.1 * distance, 2),
                        f"near {name!r}",
                    )
                    break

    def _search(self, key: tuple[object, ...], word: str, words: list[str]) -> Near:
        """A near-miss search, remembered by its key."""
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        if key[0] == "list":
            found = self._nearest_name(word, words)
        else:
            found = self._nearest_in_prose(word, words)
        self._memo[key] = found
        return found

    def _nearest_in_prose(self, word: str, words: list[str]) -> Near:
        """A long name of as many words that shares all but one word, in place, with these."""
        from rapidfuzz.distance import Levenshtein

        names = [
            name
            for position, token in enumerate(words)
            for name in self._prose.get((len(words), position, token), ())
        ]
        return nearest_in_prose(word, words, names, Levenshtein.distance)

    def _nearest_name(self, word: str, words: list[str]) -> Near:
        """The closest name within the edit limit: one edit, two in long phrases; never one
        that a prefix on a word turns into another term."""
        from rapidfuzz.distance import Levenshtein

        distance = Levenshtein.distance
        width = len(words)
        best: Near = None
        for length in range(len(word) - 2, len(word) + 3):
            for name in self._by_letter_and_length.get((word[0], length), ()):
                # Two edits only in long phrases of as many words as the name.
                same_words = width in self._words[name]
                limit = 2 if len(word) >= 12 and same_words else 1
                if abs(length - len(word)) > limit:
                    continue
                found = distance(word, name, score_cutoff=limit)
                if found > limit or (best is not None and found >= best[0]):
                    continue
                if (
                    not differs_by_a_prefix(words, name)
                    and keeps_short_words(words, name)
                    and respells_words(words, name)
                ):
                    best = (found, name)
        return best


#: A window of words: the token after it, the key of its search, its letters and its words.
_Window = tuple[int, tuple[object, ...], str, list[str]]


class _Windows:
    """The windows of a text worth a near-miss search: one to three words of letters, one
    space apart, none of them matched already, that stand alone as a list item, or in prose
    are two or more words of which one is a word of a long name (see the module docstring)."""

    def __init__(self, view: TokenView, covered: set[int], prose_words: set[str]) -> None:
        self._view = view
        # One entry more than tokens (two for free), so that a window may reach the end of
        # the text without a test of where it ends.
        self._known = [token in prose_words for token in view.lowers] + [False]
        self._free = [a and i not in covered for i, a in enumerate(view.alpha)] + [False, False]
        known, free, opens = self._known, self._free, view.opens
        #: Where windows start: a list item, or in prose a known first or second word.
        self.starts = [
            i for i in range(len(view.lowers)) if free[i] and (opens[i] or known[i] or known[i + 1])
        ]

    def at(self, start: int) -> list[_Window]:
        """The windows from ``start``, widest first."""
        view, known = self._view, self._known
        reach = 1
        while reach < 3 and view.spaced[start + reach - 1] and self._free[start + reach]:
            reach += 1
        windows: list[_Window] = []
        for width in range(reach, 0, -1):
            end = start + width
            listed = view.opens[start] and view.closed[end]  # a list item
            if not listed and (width == 1 or not any(known[start:end])):
                continue
            words = view.lowers[start:end]
            word = "".join(words)
            if listed and len(word) >= FUZZY_MIN_LENGTH:
                windows.append((end, ("list", *words), word, words))
            elif not listed and len(word) >= FUZZY_MIN_PROSE_LENGTH - 1:
                windows.append((end, ("prose", *words), word, words))
        return windows


def nearest_in_prose(
    word: str,
    words: list[str],
    names: list[_ProseName],
    distance: Callable[..., int],
) -> Near:
    """A long name of as many words written apart ("mixed effects models") or with one edit in
    one word of five letters or more: the other words are the name's own, and no short word
    is turned into another ("ñ Programming" is not "C programming"; one letter makes another
    word of most four-letter ones: "optimizing core" is not "optimizing code"). The closest
    such name, the first in sorted order among equals."""
    best: Near = None
    for key, name_words in sorted(set(names)):
        if abs(len(key) - len(word)) > 1:
            continue
        changed = [(a, b) for a, b in zip(words, name_words, strict=True) if a != b]
        if len(changed) > 1 or any(min(len(a), len(b)) < _MIN_EDITED_WORD for a, b in changed):
            continue
        if any(a == b + "s" and b.endswith(_PERSON_ENDINGS) for a, b in changed):
            continue  # "shared by all data scientists": other people, not the skill
        if differs_by_a_prefix(words, key) or not respells_words(words, key):
            continue
        found = distance(word, key, score_cutoff=1)
        if found <= 1 and (best is None or found < best[0]):
            best = (found, key)
    return best


def keeps_short_words(words: list[str], name: str) -> bool:
    """Whether each word of fewer than four letters of a window of several words stands in the
    name as written, or with a letter left out ("Tensor Flw"): a letter changed in a short word
    makes another word, not a misspelling ("Led monitoring" is no "LLM monitoring")."""
    if len(words) < 2:
        return True
    last = len(words) - 1
    for index, word in enumerate(words):
        if len(word) >= 4:
            continue
        if index == 0:
            piece = name[: len(word) + 1]
        elif index == last:
            piece = name[-len(word) - 1 :]
        else:
            piece = name
        if not _within(word, piece):
            return False
    return True


def respells_words(words: list[str], name: str) -> bool:
    """Whether a window of several words reads as a misspelling of ``name`` rather than as
    another word in place of one of the name's: each word where the two may differ (see
    :func:`changed_words`) has six letters or more, or fewer than four (those are for
    :func:`keeps_short_words`), or only gains or loses a plural "s" ("operating system"); and
    it never gains or loses a final "d" or "ed" ("structure generation" is no "structured
    generation")."""
    for changed in changed_words(words, name):
        shorter, longer = sorted(changed, key=len)
        if _unaccented(shorter) == _unaccented(longer):
            continue  # "Naïve Bayes"
        if longer in (shorter + "d", shorter + "ed"):
            return False  # another form of the word: "structure" for "structured"
        if longer != shorter + "s" and 4 <= len(shorter) < _MIN_RESPELLED_WORD:
            return False  # "modes" for "models", "built" for "build"
    return True


def changed_words(words: list[str], name: str) -> list[tuple[str, str]]:
    """The words of a window of several words that differ from what stands for them in
    ``name`` (its words joined), with what stands for them, by the fewest edits from one to
    the other: [("modes", "models")] for "language modes" and "languagemodels". Letters added
    where two words meet end the word before ("structure generation": "structure" for
    "structured", "mixed effect models": "effect" for "effects")."""
    from rapidfuzz.distance import Levenshtein

    joined = "".join(words)
    if len(words) < 2 or joined == name:
        return []
    # The first and last places of the name where each place between letters of the window
    # may fall: several where letters are added.
    low = [len(name)] * (len(joined) + 1)
    high = [0] * (len(joined) + 1)
    for op in Levenshtein.opcodes(joined, name):
        for place in range(op.src_start, op.src_end + 1):
            first = op.dest_start + min(place - op.src_start, op.dest_end - op.dest_start)
            last = op.dest_end if op.tag == "insert" else first
            low[place], high[place] = min(low[place], first), max(high[place], last)
    changed: list[tuple[str, str]] = []
    start = 0
    for word in words:
        end = start + len(word)
        read = name[low[start] if start == 0 else high[start] : high[end]]
        if read != word:
            changed.append((word, read))
        start = end
    return changed


def _unaccented(word: str) -> str:
    """A word without its accents: "naïve" -> "naive"."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _within(word: str, text: str) -> bool:
    """Whether the letters of ``word`` appear in ``text`` in order."""
    letters = iter(text)
    return all(letter in letters for letter in word)


def differs_by_a_prefix(words: list[str], name: str) -> bool:
    """Whether a prefix at the start of one of the words, added or dropped, makes the name of
    these words: "machine unlearning" is another term than "machine learning", "supervised
    learning" than "unsupervised learning", not a misspelling of it."""
    for index, word in enumerate(words):
        before, after = "".join(words[:index]), "".join(words[index + 1 :])
        for prefix in _PREFIXES:
            if word.startswith(prefix) and name == before + word[len(prefix) :] + after:
                return True
            if name == before + prefix + word + after:
                return True
    return False
