"""Rules: token patterns of concepts ("deploy* ... model|models"), each skill's run by a spaCy
``Matcher`` only where it can match.

No rule crosses a full stop, a bullet or a blank line, so a text is cut there into stretches.
A skill's ``Matcher`` sees only the stretches that hold a word each of its rules requires, and
of those only the part from the first word that can start a rule to the last that can end one:
most of a resume can match no rule at all, and a ``Matcher`` costs time for every token it
sees. A property test checks that this finds what running every ``Matcher`` on every whole
stretch finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from skillgap.matching.compiled import RulePatterns, TokenSpec
    from skillgap.matching.rules import WordTest
    from skillgap.matching.view import TokenView

#: A word test as the stage uses it: a set of words, or a regular expression.
_Test = frozenset[str] | str
#: A rule of a set that can match in a text: the words of the text each of its required
#: words accepts, and the most tokens before the first and after the last.
_LiveRule = tuple[list[frozenset[str]], int, int]


class RuleStage:
    """Runs each skill's rules where they can match."""

    def __init__(self, patterns: RulePatterns, vocab: Vocab) -> None:
        #: Per rule set: its Matcher, and each rule's word tests, lead and trail.
        self.matchers = [rule_matcher(vocab, s.label, s.patterns) for s in patterns.sets]
        self._rules = [
            [
                (tuple(_test(test) for test in tests), lead, trail)
                for tests, lead, trail in s.anchors
            ]
            for s in patterns.sets
        ]
        self._by_first_word = patterns.by_first_word
        self._first_words = frozenset(patterns.by_first_word)
        self._always = patterns.always
        self._strings = vocab.strings

    def find(self, view: TokenView, excluded: set[tuple[str, int]]) -> list[tuple[str, int, int]]:
        """Each rule match as (skill id, first token, token after the last), but those with a
        token inside an exclude phrase of their skill ("led market research" is no research
        experience)."""
        found = []
        for key, start, end in self.matches(view):
            skill_id = self._strings[key].split(":", 1)[1]
            if not any((skill_id, i) in excluded for i in range(start, end)):
                found.append((skill_id, start, end))
        return found

    def matches(self, view: TokenView) -> Iterator[tuple[int, int, int]]:
        """Every rule match as (label id, first token, token after the last), in text order
        of the stretches (then rule set order)."""
        lowers = view.lowers
        live = dict(self._live_rules(set(lowers)))
        # The words that can start a live set's rules, and the stretches that hold them.
        starting: dict[str, list[int]] = {}
        for number, rules in live.items():
            for word in {word for needs, _, _ in rules for word in needs[0]}:
                starting.setdefault(word, []).append(number)
        places = {
            (view.stretch_of(i), number)
            for i, word in enumerate(lowers)
            if word in starting
            for number in starting[word]
        }
        for k, number in sorted(places):
            start, end = view.stretch(k)
            first, last = _reach(live[number], lowers, start, end)
            if first < last:
                for key, begin, finish in self.matchers[number](view.doc[first:last]):
                    yield key, first + begin, first + finish

    def _live_rules(self, vocabulary: set[str]) -> list[tuple[int, list[_LiveRule]]]:
        """The rule sets that can match in a text of this vocabulary, each with its rules
        whose required words all occur: for each, the words of the text it accepts."""
        present: dict[_Test, frozenset[str]] = {}
        candidates = set(self._always)
        for word in vocabulary.intersection(self._first_words):
            candidates.update(self._by_first_word[word])
        live = []
        for number in sorted(candidates):
            possible = []
            for tests, lead, trail in self._rules[number]:
                # Words before patterns: a missing word spares the pattern's search.
                ordered = sorted(tests, key=lambda test: isinstance(test, str))
                if all(_words_of(test, vocabulary, present) for test in ordered):
                    possible.append(([present[test] for test in tests], lead, trail))
            if possible:
                live.append((number, possible))
        return live


def _reach(rules: list[_LiveRule], lowers: list[str], start: int, end: int) -> tuple[int, int]:
    """The part of the stretch ``start`` to ``end`` where a rule can match: from the first
    word that can start one (less its lead) to the last that can end one (plus its trail)."""
    stretch = set(lowers[start:end])
    first, last = end, start
    for needs, lead, trail in rules:
        if all(not need.isdisjoint(stretch) for need in needs):
            opening = next(i for i in range(start, end) if lowers[i] in needs[0])
            closing = max(i for i in range(start, end) if lowers[i] in needs[-1])
            first = min(first, opening - lead)
            last = max(last, closing + 1 + trail)
    return max(first, start), min(last, end)


def rule_matcher(vocab: Vocab, label: str, patterns: tuple[tuple[TokenSpec, ...], ...]) -> Any:
    """A ``Matcher`` for one skill's rules, keeping the first of overlapping matches."""
    from spacy.matcher import Matcher

    rules = Matcher(vocab)
    rules.add(
        label, [[_as_lists(spec) for spec in pattern] for pattern in patterns], greedy="FIRST"
    )
    return rules


def _as_lists(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A token pattern as spaCy documents it: dicts and lists."""
    lists: dict[str, Any] = {}
    for key, value in spec.items():
        if isinstance(value, Mapping):
            lists[key] = _as_lists(value)
        else:
            lists[key] = list(value) if isinstance(value, tuple) else value
    return lists


def _test(test: WordTest) -> _Test:
    return test if isinstance(test, str) else frozenset(test)


def _words_of(
    test: _Test, vocabulary: set[str], found: dict[_Test, frozenset[str]]
) -> frozenset[str]:
    """The words of a text's vocabulary that a test accepts, remembered in ``found``."""
    if test not in found:
        if isinstance(test, str):
            found[test] = frozenset(filter(re.compile(test).search, vocabulary))
        else:
            found[test] = test.intersection(vocabulary)
    return found[test]
