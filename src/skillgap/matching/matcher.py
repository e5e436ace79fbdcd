"""The matcher: named stages run in order over one token view of a text.

The pipeline is ``spacy.blank("en")``'s tokenizer (:mod:`.tokens`), two ``PhraseMatcher`` s
for the forms of skills (:mod:`.phrases`), a ``Matcher`` per skill for token rules
(:mod:`.rule_stage`), rapidfuzz for misspellings of long names (:mod:`.near`), section
headings (:mod:`.headings`) and implied skills (:mod:`.implied`). Nothing here needs a trained
model or the network, and nothing here reads the taxonomy: the matcher loads the plain data of
:func:`~skillgap.matching.compiled.compile_patterns`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from skillgap.matching.employers import employer_spans
from skillgap.matching.headings import empty_headings, heading_hits
from skillgap.matching.hit import CONFIDENCE, Hit
from skillgap.matching.implied import drop_repeats, expand_implied
from skillgap.matching.names import drop_names
from skillgap.matching.near import NearMissStage
from skillgap.matching.others import drop_people, of_others
from skillgap.matching.phrases import (
    PhraseStage,
    drop_contained,
    excluded_tokens,
    outside_excludes,
)
from skillgap.matching.rule_stage import RuleStage
from skillgap.matching.templates import in_placeholder, placeholder_spans
from skillgap.matching.tokens import EnglishTokenizer
from skillgap.matching.topics import in_topic, topic_spans
from skillgap.matching.view import TokenView
from skillgap.matching.wishes import drop_wishes

if TYPE_CHECKING:
    from skillgap.matching.compiled import CompiledPatterns
    from skillgap.sections import Heading


class Matcher:
    """Finds every skill of compiled patterns in a text. Build once, use for many texts."""

    def __init__(
        self, patterns: CompiledPatterns, tokenizer: EnglishTokenizer | None = None
    ) -> None:
        self.patterns = patterns
        self.tokenizer = tokenizer if tokenizer is not None else EnglishTokenizer()
        vocab = self.tokenizer.vocab
        self.phrases = PhraseStage(patterns.phrases, patterns.names, vocab)
        self.rules = RuleStage(patterns.rules, vocab)
        self.near_misses = NearMissStage(patterns.near)
        self._texts = 0  # texts analysed: see find

    def find(
        self,
        text: str,
        headings: Sequence[Heading] = (),
        line_sections: Sequence[str | None] = (),
        *,
        posting: bool = False,
    ) -> list[Hit]:
        """Every hit of every skill in ``text`` (lines separated by newlines), given the
        text's section headings and the section of each of its lines; in a job ``posting``
        an interest is asked for ("Strong interest in recommender systems"), so counts."""
        if self._texts == 1:
            # A second text, so more may come: adding every tokenizer special case once costs
            # less than finding those of each new text, and each one added later would empty
            # spaCy's cache of tokens.
            self.tokenizer.add_all_special_cases()
        self._texts += 1
        view = TokenView.of(text, line_sections, self.tokenizer)

        # Phrases: every form found (and a word's before a slash: "data/backend engineer"),
        # less exclude phrases ("The Linux Foundation"), ambiguous forms only in context, the
        # longest of overlapping ones, none only being learned, none in the name of a school
        # or a person ("Github University", "Professor Git"), none that is only the topic of
        # someone's reporting ("interviewed researchers about LLMs") or what an employer is
        # ("Acme is a pioneer in neuroscience-based AI").
        found = self.phrases.find(view.doc)
        found += self.phrases.shared(view.doc, found)
        excluded = excluded_tokens(found)
        heading_lines = [heading.line for heading in headings]
        confirmed = drop_contained(
            self.phrases.confirm(outside_excludes(found, excluded), view, heading_lines)
        )
        phrases = drop_names(confirmed, view)
        others = self.patterns.phrases.others
        topics = topic_spans(view) + employer_spans(view)
        hits = [
            hit
            for phrase in drop_people(drop_wishes(phrases, view, interests=not posting), view)
            if not of_others(phrase.skill_id, phrase.start, phrase.end, view, others)
            and not in_topic(phrase.start, phrase.end, topics)
            for hit in self.phrases.hits(phrase, view)
        ]

        # Rules: token patterns of concepts ("deployed ... models"), outside exclude phrases,
        # none of someone else's, none a topic.
        rule_matches = [
            (skill, start, end)
            for skill, start, end in self.rules.find(view, excluded)
            if not of_others(skill, start, end, view, others) and not in_topic(start, end, topics)
        ]
        hits += [
            view.hit(skill, start, end, "rule", CONFIDENCE["rule"])
            for skill, start, end in rule_matches
        ]

        # Near misses of long names, only where no phrase (not even one only being learned)
        # or rule matched (nor a name's: "Research Center on Quantum Computing"), and none
        # inside an exclude phrase of its skill: an excluded form ("model training") is no
        # misspelling of a name ("model chaining").
        spans = [(c.start, c.end) for c in confirmed] + [(s, e) for _, s, e in rule_matches]
        covered = {token for start, end in spans for token in range(start, end)}
        excluded_at = {(skill, view.offsets[token]) for skill, token in excluded}
        hits += [
            hit
            for hit in self.near_misses.find(view, covered)
            if not any(
                (hit.skill_id, offset) in excluded_at for offset in range(hit.start, hit.end)
            )
        ]

        # Section headings ("Publications"), then the skills the found ones imply, and one hit
        # per skill and place.
        # Nothing on the heading line of an empty section, or in a template's placeholder,
        # counts.
        lines = text.split("\n")
        empty = empty_headings(headings, lines) if headings else frozenset()
        placeholders = placeholder_spans(text)
        hits = [
            hit
            for hit in hits
            if hit.line not in empty and not in_placeholder(hit.start, placeholders)
        ]
        hits += heading_hits(headings, self.patterns.headings, empty)
        implied = expand_implied(hits, self.patterns.implies, self.patterns.names, lines)
        return drop_repeats(implied)
