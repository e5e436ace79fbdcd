"""The compile phase: a taxonomy's skills as plain, frozen pattern data.

:func:`compile_patterns` makes every decision that depends on the taxonomy once (tokenizing
each form, compiling each rule, choosing the names that may be matched fuzzily); the matcher
only loads the result. The data is tuples, str-keyed dicts, strings, ints and bools, so that
it round-trips through JSON exactly (:func:`patterns_to_data`, :func:`patterns_from_data`)
and a cache of it can hold nothing but data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from skillgap.matching.rules import Anchor, anchor_of, compile_rule

if TYPE_CHECKING:
    from skillgap.matching.tokens import EnglishTokenizer
    from skillgap.taxonomy import Taxonomy

#: A phrase as the attribute its matcher compares, token by token: lowercase text or text.
Form = tuple[str, ...]
#: A token of a spaCy ``Matcher`` pattern (word lists in it are tuples).
TokenSpec = Mapping[str, Any]

#: Misspellings are looked for only in names of this many letters or more.
FUZZY_MIN_LENGTH = 6
#: In prose, only names of two or more words and this many letters are matched fuzzily
#: ("Neutral Network"), with one edit: ordinary words there are often one letter from a name.
FUZZY_MIN_PROSE_LENGTH = 12


#: The most words of a name also read joined by hyphens.
_MAX_HYPHENATED = 3


@dataclass(frozen=True)
class PhraseSet:
    """The forms of one skill under one label: ``alias:``, ``exclude:`` (matched in
    lowercase), ``exact:`` or ``ambiguous:`` (matched as written), then the skill's id."""

    label: str
    forms: tuple[Form, ...]


#: The categories of fields and trades ML is applied in.
_AREA_CATEGORIES = frozenset({"application-areas", "domains"})


@dataclass(frozen=True)
class Context:
    """What confirms an ambiguous form of a skill (see the taxonomy's ``Skill``)."""

    sections: tuple[str, ...]
    cues: tuple[str, ...]
    lead_ins: tuple[str, ...]
    listable: bool
    cue_reach: int
    #: The skills of its category and its related ones: a list of one name a line that
    #: holds one of them holds the skill ("- AWS / - GCP / - Azure").
    kin: tuple[str, ...]
    #: The skills a form joined to it by "and", "or", "," or "/" must be one of for the list
    #: to be of skills like it: its kin, every tool for a tool, every concept but the
    #: fields and trades ML is applied in for a concept, and every skill for one of those
    #: fields ("Keynote, Excel" is no list of talks; "PyTorch, Go" is one of tools).
    #: (No field has a default, so that a cache written before one was added fails to load
    #: and is built afresh.)
    listmates: tuple[str, ...]


@dataclass(frozen=True)
class PhrasePatterns:
    lower: tuple[PhraseSet, ...]
    exact: tuple[PhraseSet, ...]
    #: Skill id -> what confirms its ambiguous forms (skills with ambiguous forms only).
    contexts: Mapping[str, Context]
    #: Skill id -> casefolded form -> further skills the form shows.
    also: Mapping[str, Mapping[str, tuple[str, ...]]]
    #: Skill id -> the words before, and the words right after, a form that make it someone
    #: else's (skills with such words only).
    others: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]


@dataclass(frozen=True)
class RuleSet:
    """The token rules of one skill, labelled ``rule:`` and its id, with where each can match."""

    label: str
    patterns: tuple[tuple[TokenSpec, ...], ...]
    anchors: tuple[Anchor, ...]


@dataclass(frozen=True)
class RulePatterns:
    sets: tuple[RuleSet, ...]
    #: A word -> the rule sets it can start (a stretch of text is checked only against those).
    by_first_word: Mapping[str, tuple[int, ...]]
    #: The rule sets with a rule that starts with a pattern (no word says where to look).
    always: tuple[int, ...]


@dataclass(frozen=True)
class NearPatterns:
    """The names whose misspellings count: aliases of six letters or more, spaces removed."""

    #: Name (lowercase, without spaces) -> its skill.
    skills: Mapping[str, str]
    #: Name -> the numbers of words it is written in ("TensorFlow", "Tensor Flow": 1 and 2).
    words: Mapping[str, tuple[int, ...]]
    #: Names of several words and twelve letters or more, with their words: those are also
    #: looked for in prose.
    prose: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class CompiledPatterns:
    """Everything the matcher needs from a taxonomy."""

    phrases: PhrasePatterns
    rules: RulePatterns
    near: NearPatterns
    #: Section heading -> the skills it is evidence of.
    headings: Mapping[str, tuple[str, ...]]
    #: Skill id -> the skills it always shows (skills that imply others only).
    implies: Mapping[str, tuple[str, ...]]
    #: Skill id -> name.
    names: Mapping[str, str]


def compile_patterns(
    taxonomy: Taxonomy, tokenizer: EnglishTokenizer | None = None
) -> CompiledPatterns:
    """The patterns of every skill of a taxonomy (forms tokenized by ``tokenizer``, by
    default a new :class:`~skillgap.matching.tokens.EnglishTokenizer`)."""
    if tokenizer is None:
        from skillgap.matching.tokens import EnglishTokenizer

        tokenizer = EnglishTokenizer()
    lower: list[PhraseSet] = []
    exact: list[PhraseSet] = []
    contexts: dict[str, Context] = {}
    also: dict[str, dict[str, tuple[str, ...]]] = {}
    others: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    rule_sets: list[RuleSet] = []
    headings: dict[str, list[str]] = {}
    tool_categories = {c.id for c in taxonomy.categories.values() if c.kind == "tool"}
    tools = {s.id for s in taxonomy.skills.values() if s.category in tool_categories}
    # A field or trade beside a skill makes no list of skills: an MBA's "Decision Making
    # Under Uncertainty, Game Theory" (economics), a marketer's "Google Ads, Optimization".
    concepts = {
        s.id
        for s in taxonomy.skills.values()
        if s.category not in tool_categories and s.category not in _AREA_CATEGORIES
    }

    def forms(phrases: tuple[str, ...], attribute: str) -> tuple[Form, ...]:
        docs = tokenizer.pipe(phrases)
        return tuple(tuple(getattr(token, attribute) for token in doc) for doc in docs)

    for skill in taxonomy.skills.values():
        if skill.aliases:
            aliases = alias_forms(skill.aliases)
            lower.append(PhraseSet(f"alias:{skill.id}", forms(aliases, "lower_")))
        if skill.exact:
            exact.append(PhraseSet(f"exact:{skill.id}", forms(skill.exact, "orth_")))
        if skill.ambiguous:
            exact.append(PhraseSet(f"ambiguous:{skill.id}", forms(skill.ambiguous, "orth_")))
            kin = {s.id for s in taxonomy.skills.values() if s.category == skill.category}
            kin |= set(skill.related)
            if skill.category in tool_categories:
                listmates = kin | tools
            elif skill.category in _AREA_CATEGORIES:  # "experience with marketplaces and Python"
                listmates = set(taxonomy.skills)
            else:
                listmates = kin | concepts
            contexts[skill.id] = Context(
                skill.sections, skill.cues, skill.lead_ins, skill.listable, skill.cue_reach,
                tuple(sorted(kin)), tuple(sorted(listmates)),
            )  # fmt: skip
        if skill.excludes:
            lower.append(PhraseSet(f"exclude:{skill.id}", forms(skill.excludes, "lower_")))
        if skill.rules:
            patterns = [compile_rule(rule) for rule in skill.rules]
            rule_sets.append(
                RuleSet(
                    f"rule:{skill.id}",
                    tuple(tuple(_frozen(spec) for spec in pattern) for pattern in patterns),
                    tuple(anchor_of(pattern) for pattern in patterns),
                )
            )
        if skill.others_before or skill.others_after:
            others[skill.id] = (skill.others_before, skill.others_after)
        if skill.also:
            also[skill.id] = {form.casefold(): extra for form, extra in skill.also.items()}
        for heading in skill.headings:
            headings.setdefault(heading, []).append(skill.id)
    return CompiledPatterns(
        phrases=PhrasePatterns(tuple(lower), tuple(exact), contexts, also, others),
        rules=_index_rules(rule_sets),
        near=_near_patterns(taxonomy),
        headings={heading: tuple(ids) for heading, ids in headings.items()},
        implies={s.id: s.implies for s in taxonomy.skills.values() if s.implies},
        names={s.id: s.name for s in taxonomy.skills.values()},
    )


def alias_forms(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """A skill's aliases, and each of a few plain words also written joined by hyphens
    ("prompt-engineering", "computer-vision"), as postings and resumes often write it."""
    known = {alias.casefold() for alias in aliases}
    joined = (
        "-".join(words)
        for alias in aliases
        if 2 <= len(words := alias.split()) <= _MAX_HYPHENATED and all(w.isalpha() for w in words)
    )
    return aliases + tuple(dict.fromkeys(j for j in joined if j.casefold() not in known))


def _index_rules(sets: list[RuleSet]) -> RulePatterns:
    by_first_word: dict[str, list[int]] = {}
    always: list[int] = []
    for number, rule_set in enumerate(sets):
        firsts = [tests[0] for tests, _, _ in rule_set.anchors]
        for word in sorted({w for first in firsts if not isinstance(first, str) for w in first}):
            by_first_word.setdefault(word, []).append(number)
        if any(isinstance(first, str) for first in firsts):
            always.append(number)
    return RulePatterns(
        tuple(sets), {word: tuple(found) for word, found in by_first_word.items()}, tuple(always)
    )


def _near_patterns(taxonomy: Taxonomy) -> NearPatterns:
    skills: dict[str, str] = {}
    words_of: dict[str, tuple[int, ...]] = {}
    prose: list[tuple[str, tuple[str, ...]]] = []
    for skill in taxonomy.skills.values():
        is_tool = taxonomy.categories[skill.category].kind == "tool"
        for alias in skill.aliases:
            words = alias.casefold().replace("-", " ").split()
            key = "".join(words)
            # Misspelt tool names are common; concepts are matched fuzzily only in phrases of
            # several words, where one typo cannot turn one word into another.
            if len(key) >= FUZZY_MIN_LENGTH and key.isalpha() and (is_tool or len(words) > 1):
                skills.setdefault(key, skill.id)
                counts = words_of.get(key, ())
                if len(words) not in counts:
                    words_of[key] = tuple(sorted((*counts, len(words))))
                if len(words) > 1 and len(key) >= FUZZY_MIN_PROSE_LENGTH:
                    prose.append((key, tuple(words)))
    return NearPatterns(skills, words_of, tuple(prose))


def _frozen(value: Any) -> Any:
    """Lists as tuples, all the way down, as they come back from JSON."""
    if isinstance(value, list | tuple):
        return tuple([_frozen(item) if isinstance(item, _NESTED) else item for item in value])
    if isinstance(value, dict):
        return {
            k: _frozen(item) if isinstance(item, _NESTED) else item for k, item in value.items()
        }
    return value


_NESTED = (list, tuple, dict)


def patterns_to_data(patterns: CompiledPatterns) -> dict[str, Any]:
    """The patterns as JSON-ready data."""
    return asdict(patterns)


def patterns_from_data(data: Any) -> CompiledPatterns:
    """The patterns back from :func:`patterns_to_data`'s output after a JSON round trip.

    Raises (KeyError, TypeError, ValueError...) on data of another shape.
    """
    data = _frozen(data)
    phrases, rules, near = data["phrases"], data["rules"], data["near"]
    return CompiledPatterns(
        phrases=PhrasePatterns(
            lower=tuple(PhraseSet(**item) for item in phrases["lower"]),
            exact=tuple(PhraseSet(**item) for item in phrases["exact"]),
            contexts={key: Context(**item) for key, item in phrases["contexts"].items()},
            also=dict(phrases["also"]),
            others=dict(phrases["others"]),
        ),
        rules=RulePatterns(
            sets=tuple(RuleSet(**item) for item in rules["sets"]),
            by_first_word=dict(rules["by_first_word"]),
            always=rules["always"],
        ),
        near=NearPatterns(
            skills=near["skills"],
            words={name: tuple(counts) for name, counts in near["words"].items()},
            prose=near["prose"],
        ),
        headings=dict(data["headings"]),
        implies=dict(data["implies"]),
        names=dict(data["names"]),
    )
