"""The token rule syntax of the taxonomy, compiled to spaCy ``Matcher`` patterns.

A leaf module: taxonomy validation uses it, and it imports nothing of skillgap.

Words are matched in lowercase. ``a|b`` is either word, ``deploy*`` the stem "deploy" with any
common ending (deploys, deployed, deploying, deployment...; see :data:`INFLECTIONS`),
``github.com*`` any URL starting so, ``*convex`` any word ending in "convex", a trailing ``?``
makes a word optional, and ``...`` lets up to four other tokens stand between two words within
one sentence (``...8``: up to eight).
"""

from __future__ import annotations

import re
from typing import Any

#: Endings that a stem such as ``deploy*`` or ``communicat*`` takes in resumes.
INFLECTIONS = (
    "", "e", "s", "es", "ed", "d", "ing", "er", "ers", "or", "ors", "ion", "ions", "ation",
    "ations", "ment", "ments", "al", "ally", "ive", "ively", "able", "ably", "ity", "y", "ies",
    "ied", "ize", "ized", "izes", "izing", "ization", "ise", "ised", "ises", "ising",
    "isation", "ist", "ists", "ship", "ships", "ence", "ences", "ance", "ances", "ent",
    "ant", "ly", "ness", "ful", "ism",
)  # fmt: skip

_GAP = re.compile(r"\.\.\.(\d+)?")

#: A test on a lowercase word of a rule: the words it accepts (sorted), or the regular
#: expression of a URL or suffix pattern (``github.com*``, ``*convex``).
WordTest = tuple[str, ...] | str
#: Where a rule can match: the tests of its required words in order, and the most tokens
#: its optional items may add before the first and after the last.
Anchor = tuple[tuple[WordTest, ...], int, int]


def compile_rule(rule: str) -> list[dict[str, Any]]:
    """Compile a token rule (see the module's docstring) to a spaCy ``Matcher`` pattern."""
    pattern: list[dict[str, Any]] = []
    for item in rule.split():
        gap = _GAP.fullmatch(item)
        if gap:
            # Any tokens: rules run only on stretches of text without a stop (a full stop, a
            # bullet, a blank line: see skillgap.matching.rule_stage), so no gap crosses one.
            pattern.append({"OP": f"{{0,{int(gap.group(1) or 4)}}}"})
            continue
        optional = item.endswith("?") and len(item) > 1
        words = item.rstrip("?").split("|") if optional else item.split("|")
        spec: dict[str, Any]
        if any(_needs_regex(word) for word in words):
            alternatives = "|".join(_word_regex(word) for word in words)
            spec = {"LOWER": {"REGEX": f"^(?:{alternatives})$"}}
        elif any(word.endswith("*") for word in words):
            # Word stems become the set of their inflections: a set lookup per token is much
            # faster than a regular expression, and rules run on every token.
            spec = {"LOWER": {"IN": sorted({f for word in words for f in _inflections(word)})}}
        elif len(words) == 1:
            spec = {"LOWER": words[0]}
        else:
            spec = {"LOWER": {"IN": words}}
        if optional:
            spec["OP"] = "?"
        pattern.append(spec)
    return pattern


def anchor_of(pattern: list[dict[str, Any]]) -> Anchor:
    """Where a compiled rule can match: only in a stretch of text that holds, for every word
    it requires, one of its alternatives, and there only from a word that can start it (less
    the optional tokens before that word) to one that can end it (plus those after).

    Raises ValueError for a rule without a required word (taxonomy validation rejects it).
    """
    tests: list[WordTest] = []
    lead = trail = 0
    for spec in pattern:
        op = spec.get("OP", "")
        if op.startswith(("?", "*", "{0,")):
            if tests:
                trail += _most_tokens(op)
            else:
                lead += _most_tokens(op)
            continue
        trail = 0
        test = spec["LOWER"]
        if isinstance(test, str):
            tests.append((test,))
        elif "IN" in test:
            tests.append(tuple(sorted(set(test["IN"]))))
        else:
            tests.append(test["REGEX"])
    if not tests:
        raise ValueError("a rule needs a word that is neither optional nor a gap")
    return tuple(tests), lead, trail


def _most_tokens(op: str) -> int:
    """The most tokens an optional item of a pattern takes: ``?``, ``{0,N}`` or ``*``."""
    if op == "?":
        return 1
    if op.startswith("{0,"):
        return int(op[3:-1])
    return 1_000_000_000


def _needs_regex(word: str) -> bool:
    """URL prefixes (``github.com*``) and suffix patterns (``*convex``) need a pattern."""
    return word.startswith("*") or (word.endswith("*") and any(c in word for c in "./:"))


def _inflections(word: str) -> list[str]:
    if not word.endswith("*"):
        return [word]
    stem = word[:-1]
    return [stem + ending for ending in INFLECTIONS]


def _word_regex(word: str) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\S*"
    if word.startswith("*"):
        return r"\S*" + re.escape(word[1:])
    return re.escape(word)
