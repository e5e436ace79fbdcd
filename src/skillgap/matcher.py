"""Find taxonomy skills in text, with evidence.

The pipeline is ``spacy.blank("en")``: its tokenizer (see :mod:`skillgap.tokens`), two
``PhraseMatcher`` s (one on lowercase text for aliases, one on exact text for case-sensitive and
ambiguous forms), a ``Matcher`` for the token rules of concepts, section headings, and rapidfuzz
for misspellings of long names.
Nothing here needs a trained model or the network.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from skillgap.sections import DEMONSTRATING_SECTIONS, Heading
from skillgap.taxonomy import Skill, Taxonomy
from skillgap.tokens import EnglishTokenizer

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

#: Confidence of each way of matching.
CONFIDENCE = {"exact": 1.0, "alias": 0.95, "section": 0.9, "rule": 0.85, "context": 0.8}

#: Tokens that separate items of a skills list.
LIST_SEPARATORS = frozenset(
    {
        ",",
        ";",
        "/",
        "|",
        "•",
        "·",
        "●",
        "○",
        "▪",
        "■",
        "◦",
        "*",
        "(",
        ")",
        "[",
        "]",
        ":",
        "and",
        "or",
        "&",
        "+",
        "\u2013",  # en dash
        "\u2014",  # em dash
        "-",
        "'",
        '"',
        "“",
        "”",
    }
)
_DASHES = frozenset({"-", "\u2013", "\u2014"})
_JOINERS = frozenset({",", "/", "and", "or", "&", ";"})
_GAP = re.compile(r"\.\.\.(\d+)?")
#: Tokens that no rule match crosses (nor white space tokens: blank lines).
_GAP_STOPS = frozenset({".", ";", "!", "?", "•", "|", "●", "▪"})
_FULL_STOP = frozenset({"."})
_FUZZY_MIN_LENGTH = 6
#: In prose, only phrases of two or more words and this many letters are matched fuzzily
#: ("Neutral Network"), with one edit: ordinary words there are often one letter from a name.
_FUZZY_MIN_PROSE_LENGTH = 12
#: Near-miss searches remembered per matcher, forgotten past this many to bound memory.
_NEAR_MEMO_SIZE = 100_000
#: What a near-miss search finds: the number of edits and the alias, or nothing.
_Near = tuple[int, str] | None


class Hit(NamedTuple):
    """One place where the text shows a skill (a named tuple: a resume has hundreds, and a
    frozen dataclass takes twice as long to build)."""

    skill_id: str
    start: int
    end: int
    text: str
    line: int
    section: str | None
    method: str
    confidence: float
    context: str | None = None


def compile_rule(rule: str) -> list[dict[str, Any]]:
    """Compile a token rule to a spaCy ``Matcher`` pattern.

    Words are matched in lowercase. ``a|b`` is either word, ``deploy*`` the stem "deploy"
    with any common ending (deploys, deployed, deploying, deployment...; see
    :data:`INFLECTIONS`), ``github.com*`` any URL starting so, ``*convex`` any word ending in
    "convex", a trailing ``?`` makes a word optional, and ``...`` lets up to four other tokens
    stand between two words within one sentence (``...8``: up to eight).
    """
    pattern: list[dict[str, Any]] = []
    for item in rule.split():
        gap = _GAP.fullmatch(item)
        if gap:
            # Any tokens: rules run only on stretches of text without a stop (a full stop, a
            # bullet, a blank line: see SkillMatcher._rule_matches), so no gap crosses one.
            pattern.append({"OP": f"{{0,{int(gap.group(1) or 4)}}}"})
            continue
        optional = item.endswith("?") and len(item) > 1
        words = item.rstrip("?").split("|") if optional else item.split("|")
        spec: dict[str, Any]
        if any(_needs_regex(word) for word in words):
            alternatives = "|".join(_word_regex(word) for word in words)
            spec = {"LOWER": {"REGEX": f"^(?:{alternatives})$"}}
        elif any(word.endswith("*") for word in words):
            # Word stems become the set of their inflections: a set lookup per token is many
            # times faster than a regular expression, and rules run on every token.
            spec = {"LOWER": {"IN": sorted({f for word in words for f in _inflections(word)})}}
        elif len(words) == 1:
            spec = {"LOWER": words[0]}
        else:
            spec = {"LOWER": {"IN": words}}
        if optional:
            spec["OP"] = "?"
        pattern.append(spec)
    return pattern


_LONG_RUN = re.compile(r"(?<!\S)\S{1000,}")  # tried only where a run starts


def _break_long_runs(text: str) -> str:
    """Cut runs of 1,000+ characters without a space every 100 characters.

    No word is that long; such runs come from binary junk or deeply nested brackets, and the
    tokenizer's prefix and suffix search is slow on them. Lengths and offsets do not change.
    """

    def cut(match: re.Match[str]) -> str:
        characters = list(match.group(0))
        characters[99::100] = " " * len(characters[99::100])
        return "".join(characters)

    return _LONG_RUN.sub(cut, text)


#: Endings that a stem such as ``deploy*`` or ``communicat*`` takes in resumes.
INFLECTIONS = (
    "", "e", "s", "es", "ed", "d", "ing", "er", "ers", "or", "ors", "ion", "ions", "ation",
    "ations", "ment", "ments", "al", "ally", "ive", "ively", "able", "ably", "ity", "y", "ies",
    "ied", "ize", "ized", "izes", "izing", "ization", "ise", "ised", "ises", "ising",
    "isation", "ist", "ists", "ship", "ships", "ence", "ences", "ance", "ances", "ent",
    "ant", "ly", "ness", "ful", "ism",
)  # fmt: skip


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


class SkillMatcher:
    """Finds every skill of a taxonomy in a text. Build once, use for many texts."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        from spacy.matcher import PhraseMatcher

        self.taxonomy = taxonomy
        self.tokenizer = EnglishTokenizer()
        vocab = self.tokenizer.vocab
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        #: One Matcher per skill with rules, run only where the words its rules need occur.
        self._rule_sets: list[tuple[_Anchors, Matcher]] = []
        #: The label and patterns of each rule set, to rebuild its Matcher from the cache.
        self._rule_patterns: list[tuple[str, list[list[dict[str, Any]]]]] = []
        #: Which rule sets a word can start: a stretch is checked only against those.
        self._rule_sets_by_word: dict[str, list[int]] = {}
        self._rule_sets_always: list[int] = []
        self._also: dict[tuple[str, str], tuple[str, ...]] = {}
        self._fuzzy_forms: dict[str, str] = {}
        self._fuzzy_words: dict[str, int] = {}
        self._heading_skills: dict[str, list[str]] = {}
        #: Long names of several words by (words, position, word): a misspelling in prose has
        #: one edit, so all its other words are the name's own.
        self._prose_forms: dict[tuple[int, int, str], list[tuple[str, tuple[str, ...]]]] = {}
        tokenizer = self.tokenizer
        for skill in taxonomy.skills.values():
            if skill.aliases:
                self._lower.add(f"alias:{skill.id}", list(tokenizer.pipe(skill.aliases)))
            if skill.exact:
                self._orth.add(f"exact:{skill.id}", list(tokenizer.pipe(skill.exact)))
            if skill.ambiguous:
                self._orth.add(f"ambiguous:{skill.id}", list(tokenizer.pipe(skill.ambiguous)))
            if skill.excludes:
                self._lower.add(f"exclude:{skill.id}", list(tokenizer.pipe(skill.excludes)))
            if skill.rules:
                label = f"rule:{skill.id}"
                patterns = [compile_rule(rule) for rule in skill.rules]
                anchors = _Anchors()
                for pattern in patterns:
                    anchors.add(pattern)
                self._rule_patterns.append((label, patterns))
                self._rule_sets.append((anchors, _rule_matcher(vocab, label, patterns)))
                for word in anchors.first_words():
                    self._rule_sets_by_word.setdefault(word, []).append(len(self._rule_sets) - 1)
                if anchors.patterned():
                    self._rule_sets_always.append(len(self._rule_sets) - 1)
            for form, extra in skill.also.items():
                self._also[(skill.id, form.casefold())] = extra
            for heading in skill.headings:
                self._heading_skills.setdefault(heading, []).append(skill.id)
            is_tool = taxonomy.categories[skill.category].kind == "tool"
            for alias in skill.aliases:
                words = alias.casefold().replace("-", " ").split()
                key = "".join(words)
                # Misspelt tool names are common; concepts are matched fuzzily only in
                # phrases of several words, where one typo cannot turn one word into another.
                if len(key) >= _FUZZY_MIN_LENGTH and key.isalpha() and (is_tool or len(words) > 1):
                    self._fuzzy_forms.setdefault(key, skill.id)
                    self._fuzzy_words[key] = len(words)
                    if len(words) > 1 and len(key) >= _FUZZY_MIN_PROSE_LENGTH:
                        # Indexed by its words of four letters or more: "and" finds nothing.
                        for position, word in enumerate(words):
                            if len(word) < 4:
                                continue
                            forms = self._prose_forms.setdefault((len(words), position, word), [])
                            forms.append((key, tuple(words)))
        #: Aliases by first letter and length, for near-miss search (a misspelling keeps its
        #: first letter and nearly its length).
        self._fuzzy_index: dict[tuple[str, int], list[str]] = {}
        for key in self._fuzzy_forms:
            self._fuzzy_index.setdefault((key[0], len(key)), []).append(key)
        self._prose_words = {word for (_, _, word) in self._prose_forms}
        self._rule_words = frozenset(self._rule_sets_by_word)
        self._string = vocab.strings
        self._near_memo: dict[tuple[object, ...], _Near] = {}
        self._texts = 0  # texts analysed: see find

    def state(self) -> dict[str, Any]:
        """Everything built from the taxonomy, for the cache; the pipeline is rebuilt."""
        rebuilt = {"taxonomy", "tokenizer", "_string", "_rule_sets", "_near_memo", "_texts"}
        state = {k: v for k, v in self.__dict__.items() if k not in rebuilt}
        state["vocab"] = self.tokenizer.vocab
        # A pickled spaCy Matcher forgets greedy="FIRST" (its __reduce__ leaves the filter
        # out) and then returns every overlapping match: the Matchers are rebuilt on load.
        state["rule_anchors"] = [anchors for anchors, _ in self._rule_sets]
        return state

    @classmethod
    def from_state(cls, taxonomy: Taxonomy, state: dict[str, Any]) -> SkillMatcher:
        matcher = cls.__new__(cls)
        values = dict(state)
        vocab = values.pop("vocab")
        matcher.tokenizer = EnglishTokenizer(vocab)
        anchors = values.pop("rule_anchors")
        matcher.__dict__.update(values)
        matcher._rule_sets = [
            (rule_anchors, _rule_matcher(vocab, label, patterns))
            for rule_anchors, (label, patterns) in zip(anchors, matcher._rule_patterns, strict=True)
        ]
        matcher.taxonomy = taxonomy
        matcher._string = matcher.tokenizer.vocab.strings
        matcher._near_memo = {}
        matcher._texts = 0
        return matcher

    def find(
        self,
        text: str,
        headings: Sequence[Heading] = (),
        line_sections: Sequence[str | None] = (),
    ) -> list[Hit]:
        """Every hit of every skill in ``text`` (lines separated by newlines)."""
        # Lines are joined for matching so that a phrase wrapped across two lines of a PDF
        # still matches; offsets are unchanged, so each hit still knows its line.
        if self._texts == 1:
            # A second text, so more may come: adding every tokenizer special case once (45
            # ms) costs less than finding those of each new text, and each one added later
            # would empty spaCy's cache of tokens.
            self.tokenizer.add_all_special_cases()
        self._texts += 1
        one_line = _break_long_runs(text.replace("\n", " "))
        doc = self.tokenizer(one_line)
        view = _TokenView(doc, one_line, _LineIndex(text, line_sections))
        phrases = self._phrase_candidates(doc)
        excluded = _excluded_tokens(phrases)
        candidates = [
            c
            for c in phrases
            if c.kind != "exclude"
            and not all((c.skill_id, i) in excluded for i in range(c.start, c.end))
        ]
        confirmed = [c for c in candidates if c.kind != "ambiguous"]
        firm = _FirmPhrases(confirmed, view)
        pending: list[_Candidate] = []
        for candidate in candidates:
            if candidate.kind == "ambiguous":
                (confirmed if self._confirm(candidate, firm, view) else pending).append(candidate)
        # A chain of short forms ("BS/MS/PhD"): each joined to a confirmed one is confirmed.
        while pending:
            firm = _FirmPhrases(confirmed, view)
            joined = [
                (candidate, partner)
                for candidate in pending
                if (partner := _coordinated_with(candidate, firm, view)) is not None
            ]
            if not joined:
                break
            for candidate, partner in joined:
                candidate.context = f"listed with {partner}"
                pending.remove(candidate)
                confirmed.append(candidate)
        accepted = _drop_contained(confirmed)
        wishes = accepted
        accepted = _drop_wishes(accepted, view)
        hits: list[Hit] = []
        for candidate in accepted:
            hits.extend(self._hits_for(candidate, view))
        covered = {i for c in wishes for i in range(c.start, c.end)}
        for key, start, end in self._rule_matches(doc, view):
            label = self._string[key]
            skill_id = label.split(":", 1)[1]
            if any((skill_id, i) in excluded for i in range(start, end)):
                continue  # "led market research" is no research experience
            hits.append(view.hit(skill_id, start, end, "rule", CONFIDENCE["rule"]))
            covered.update(range(start, end))
        hits.extend(self._fuzzy_hits(covered, view))
        hits.extend(self._heading_hits(headings))
        return _drop_repeats(_expand_implied(hits, self.taxonomy))

    # -- phrase matches ---------------------------------------------------------------------

    def _rule_matches(self, doc: Doc, view: _TokenView) -> Iterable[tuple[int, int, int]]:
        """Rule matches, each skill's rules run only where they can match.

        No rule crosses a full stop, a bullet or a blank line, so the text is cut there into
        stretches. A skill's Matcher sees only the stretches that hold a word each of its
        rules requires, and of those only the part from the first word that can start a rule
        to the last that can end one: most of a resume can match no rule at all, and the
        Matcher's cost grows with every token it sees (about 0.5 microseconds each).
        """
        lowers = view.lowers
        live = self._live_rules(set(lowers))
        # The stretches where a live set's rules can start, in text order (then set order);
        # stretch k ends at the k-th stop (a stop that starts a rule adds a stretch without it).
        starting: dict[str, list[int]] = {}
        for number, rules in live:
            for word in {word for needs, _, _ in rules for word in needs[0]}:
                starting.setdefault(word, []).append(number)
        ends = [*view.stops, len(lowers)]
        places = {
            (bisect_left(ends, i), number)
            for i in [i for i, word in enumerate(lowers) if word in starting]
            for number in starting[lowers[i]]
        }
        rules_of = dict(live)
        for k, number in sorted(places):
            start, end = (ends[k - 1] + 1 if k else 0), ends[k]
            stretch = set(lowers[start:end])
            first, last = end, start
            for needs, lead, trail in rules_of[number]:
                if all(not need.isdisjoint(stretch) for need in needs):
                    opening = next(i for i in range(start, end) if lowers[i] in needs[0])
                    closing = max(i for i in range(start, end) if lowers[i] in needs[-1])
                    first = min(first, opening - lead)
                    last = max(last, closing + 1 + trail)
            first, last = max(first, start), min(last, end)
            if first < last:
                for key, begin, finish in self._rule_sets[number][1](doc[first:last]):
                    yield key, first + begin, first + finish

    def _live_rules(self, vocabulary: set[str]) -> list[tuple[int, list[_LiveRule]]]:
        """The rule sets that can match in a text of this vocabulary, each with its rules
        whose required words all occur: for each, the words of the text it accepts."""
        present: dict[_WordTest, frozenset[str]] = {}
        candidates = set(self._rule_sets_always)
        for word in vocabulary.intersection(self._rule_words):
            candidates.update(self._rule_sets_by_word[word])
        live = []
        for number in sorted(candidates):
            possible = []
            for tests, lead, trail in self._rule_sets[number][0].rules:
                # Words before patterns: a missing word spares the pattern's search.
                ordered = sorted(tests, key=lambda test: isinstance(test, str))
                if all(_words_of(test, vocabulary, present) for test in ordered):
                    possible.append(([present[test] for test in tests], lead, trail))
            if possible:
                live.append((number, possible))
        return live

    def _phrase_candidates(self, doc: Doc) -> list[_Candidate]:
        found = []
        for matcher in (self._lower, self._orth):
            for key, start, end in matcher(doc):
                kind, skill_id = self._string[key].split(":", 1)
                found.append(_Candidate(skill_id, kind, start, end))
        return found

    def _confirm(self, candidate: _Candidate, firm: _FirmPhrases, view: _TokenView) -> bool:
        """Context for an ambiguous form: a list, a skills section, a cue word nearby."""
        skill = self.taxonomy.skills[candidate.skill_id]
        line = view.lines[candidate.start]
        section = view.line_index.section(line)
        if section in skill.sections:
            candidate.context = f"in the {section} section"
            return True
        if _cue_nearby(skill, candidate, view, line):
            return True
        before = candidate.start - 1
        if before >= 0 and view.lowers[before] in skill.lead_ins:
            candidate.context = f"after {view.text_of(before, candidate.start)!r}"
            return True
        partner = _coordinated_with(candidate, firm, view)
        if partner is not None:
            candidate.context = f"listed with {partner}"
            return True
        if not skill.listable or not view.bounded(candidate.start, candidate.end):
            return False
        if section == "skills":
            candidate.context = "listed in the skills section"
            return True
        other = firm.by_line.get(line)
        if other is not None:
            candidate.context = f"in a list with {view.text_of(other.start, other.end)}"
            return True
        return False

    def _hits_for(self, candidate: _Candidate, view: _TokenView) -> Iterable[Hit]:
        start, end = candidate.start, candidate.end
        text = view.text_of(start, end)
        skill = self.taxonomy.skills[candidate.skill_id]
        if candidate.kind == "ambiguous":
            method, confidence = "exact", CONFIDENCE["context"]
        elif candidate.kind == "exact" or text.casefold() == skill.name.casefold():
            method, confidence = "exact", CONFIDENCE["exact"]
        else:
            method, confidence = "alias", CONFIDENCE["alias"]
        yield view.hit(skill.id, start, end, method, confidence, candidate.context)
        for extra in self._also.get((skill.id, text.casefold()), ()):
            yield view.hit(extra, start, end, "alias", CONFIDENCE["alias"], f"shown by {text}")

    # -- misspellings -----------------------------------------------------------------------

    def _fuzzy_hits(self, covered: set[int], view: _TokenView) -> Iterable[Hit]:
        """Near misses of long names ("Pytoch", "Kubernets", "Tensor Flow"), never short ones.

        Windows of one to three words are compared, spaces removed, with the aliases of six
        letters or more: one edit allowed, two in phrases of twelve letters or more. Where a
        list item stands (bounded by separators) any such window may match; in prose only
        phrases of two or more words and twelve letters or more, with one edit ("Neutral
        Network"), so that ordinary words one letter away ("docket") stay silent.
        """
        lowers, alpha, spaced = view.lowers, view.alpha, view.spaced
        opens, closed, memo = view.opens, view.closed, self._near_memo
        prose_words = self._prose_words
        known = [token in prose_words for token in lowers] + [False]
        size = len(lowers)
        # Windows are of uncovered words of letters, one space apart, at most three.
        free = [a and i not in covered for i, a in enumerate(alpha)] + [False, False]
        # A window starts a list item, or in prose keeps all its words but one: the first or
        # second is known.
        starts = [i for i in range(size) if free[i] and (opens[i] or known[i] or known[i + 1])]
        resume = 0  # past the last near miss found
        for start in starts:
            if start < resume:
                continue
            reach = 1
            while reach < 3 and spaced[start + reach - 1] and free[start + reach]:
                reach += 1
            for width in range(reach, 0, -1):
                end = start + width
                listed = opens[start] and closed[end]  # a list item
                if not listed and (width == 1 or not any(known[start:end])):
                    continue
                words = lowers[start:end]
                word = "".join(words)
                key: tuple[object, ...]
                if listed:
                    if len(word) < _FUZZY_MIN_LENGTH:
                        continue
                    key = ("list", word, width)
                elif len(word) >= _FUZZY_MIN_PROSE_LENGTH - 1:
                    key = ("prose", *words)
                else:
                    continue
                best = memo[key] if key in memo else self._near(key, word, words)
                if best is None:
                    continue
                distance, form = best
                resume = end
                yield view.hit(
                    self._fuzzy_forms[form],
                    start,
                    end,
                    "fuzzy",
                    round(0.9 - 0.1 * distance, 2),
                    f"near {form!r}",
                )
                break

    def _near(self, key: tuple[object, ...], word: str, words: list[str]) -> _Near:
        """A near-miss search, remembered by its key: the same words recur within a resume
        and across a batch (a resume seen before: 0.9 -> 0.5 ms of near-miss search)."""
        if len(self._near_memo) >= _NEAR_MEMO_SIZE:
            self._near_memo.clear()
        if key[0] == "list":
            found = self._nearest_form(word, len(words))
        else:
            found = self._nearest_in_prose(word, words)
        self._near_memo[key] = found
        return found

    def _nearest_in_prose(self, word: str, words: list[str]) -> _Near:
        """A long name of as many words that shares all but one word, in place, with these."""
        from rapidfuzz.distance import Levenshtein

        forms = [
            form
            for position, token in enumerate(words)
            for form in self._prose_forms.get((len(words), position, token), ())
        ]
        return _nearest_in_prose(word, words, forms, Levenshtein.distance)

    def _nearest_form(self, word: str, width: int) -> _Near:
        """The closest alias within the edit limit: one edit, two in long phrases."""
        from rapidfuzz.distance import Levenshtein

        distance = Levenshtein.distance
        best: _Near = None
        for length in range(len(word) - 2, len(word) + 3):
            for form in self._fuzzy_index.get((word[0], length), ()):
                # Two edits only in long phrases of as many words as the alias.
                same_words = self._fuzzy_words[form] == width
                limit = 2 if len(word) >= 12 and same_words else 1
                if abs(length - len(word)) > limit:
                    continue
                found = distance(word, form, score_cutoff=limit)
                if found <= limit and (best is None or found < best[0]):
                    best = (found, form)
        return best

    def _heading_hits(self, headings: Sequence[Heading]) -> Iterable[Hit]:
        for heading in headings:
            for skill_id in self._heading_skills.get(heading.title, ()):
                yield Hit(
                    skill_id=skill_id,
                    start=-1,
                    end=-1,
                    text=heading.title.title(),
                    line=heading.line,
                    section=heading.section,
                    method="section",
                    confidence=CONFIDENCE["section"],
                    context="a section of the resume",
                )


#: Endings of nouns for people ("scientist", "engineer"): their plurals name others.
_PERSON_ENDINGS = ("ist", "er", "or", "ian")


def _nearest_in_prose(
    word: str,
    words: list[str],
    forms: list[tuple[str, tuple[str, ...]]],
    distance: Callable[..., int],
) -> tuple[int, str] | None:
    """A long name of as many words written apart ("mixed effects models") or with one edit in
    one word of four letters or more: the other words are the name's own, and no short word
    is turned into another ("ñ Programming" is not "C programming"). The closest such name,
    the first in sorted order among equals."""
    best: tuple[int, str] | None = None
    for key, name_words in sorted(set(forms)):
        if abs(len(key) - len(word)) > 1:
            continue
        changed = [(a, b) for a, b in zip(words, name_words, strict=True) if a != b]
        if len(changed) > 1 or any(min(len(a), len(b)) < 4 for a, b in changed):
            continue
        if any(a == b + "s" and b.endswith(_PERSON_ENDINGS) for a, b in changed):
            continue  # "shared by all data scientists": other people, not the skill
        found = distance(word, key, score_cutoff=1)
        if found <= 1 and (best is None or found < best[0]):
            best = (found, key)
    return best


@dataclass
class _Candidate:
    skill_id: str
    kind: str  # alias, exact or ambiguous
    start: int
    end: int
    context: str | None = None


class _LineIndex:
    """Maps character offsets to 1-based line numbers and sections."""

    def __init__(self, text: str, line_sections: Sequence[str | None]) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self._sections = line_sections

    def section(self, line: int) -> str | None:
        return self._sections[line - 1] if 0 < line <= len(self._sections) else None


@cache
def _keys(words: frozenset[str]) -> Any:
    """The spaCy string ids of these words, sorted (for binary search), as an array."""
    import numpy
    from spacy.strings import get_string_id

    return numpy.array(sorted(get_string_id(word) for word in words), dtype=numpy.uint64)


def _among(keys: Any, words: frozenset[str]) -> Any:
    """Which of these string ids are those of the words (found by binary search: numpy.isin
    would import numpy.ma, 8 ms of a cold start)."""
    import numpy

    ids = _keys(words)
    return ids[numpy.searchsorted(ids, keys).clip(max=len(ids) - 1)] == keys


class _TokenView:
    """Token attributes read once per text: spaCy attribute access is slow in Python loops."""

    def __init__(self, doc: Doc, text: str, lines: _LineIndex) -> None:
        self.text = text  # what was tokenized: the text of every span, without building it
        self.line_index = lines
        import numpy
        from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LOWER, SPACY

        # One array of all the attributes, not a Token object per token and attribute; the
        # flags below are computed on it as a whole, not token by token in Python.
        array = doc.to_array([LOWER, IS_ALPHA, SPACY, IDX, IS_SPACE])
        keys = array[:, 0]
        strings = doc.vocab.strings
        self.lowers = [strings[key] for key in keys.tolist()]
        self.alpha: list[bool] = (array[:, 1] == 1).tolist()
        spaced = array[:, 2] == 1
        self.spaced: list[bool] = spaced.tolist()
        offsets = array[:, 3].astype(numpy.int64)
        self.offsets: list[int] = offsets.tolist()
        space = array[:, 4] == 1
        starts = numpy.asarray(lines.starts, dtype=numpy.int64)
        lines_of = numpy.searchsorted(starts, offsets, side="right")
        self.lines: list[int] = lines_of.tolist()
        self.stops: list[int] = numpy.flatnonzero(space | _among(keys, _GAP_STOPS)).tolist()
        separator = space | _among(keys, LIST_SEPARATORS)
        # A dash separates list items only with spaces around it: "end-to-end" does not.
        dashes = _among(keys, _DASHES)
        spaced_before = numpy.roll(spaced, 1)
        spaced_before[:1] = True
        separator[dashes] = spaced_before[dashes] & spaced[dashes]
        size = len(keys)
        new_line = numpy.ones(size + 1, dtype=bool)  # at each token (and the end): a new line
        new_line[0] = False
        new_line[1:size] = lines_of[1:] != lines_of[:-1]
        #: Nothing but a separator or a line break before a token: a list item starts there.
        self.opens: list[bool] = [True, *(separator[:-1] | new_line[1:size]).tolist()]
        #: A list item ends before each token (or the end): a separator, a line break, or a
        #: full stop that closes the list (white space or a line break after it).
        after_stop = numpy.append(space[1:], True) | new_line[1:]
        closed = separator | new_line[:size] | (_among(keys, _FULL_STOP) & after_stop)
        self.closed: list[bool] = [*closed.tolist(), True]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """The character offsets of tokens ``start`` to ``end``: tokens and the single spaces
        after some of them cover the text, so a token ends where the next one starts, less
        its space."""
        stop = self.offsets[end] if end < len(self.offsets) else len(self.text)
        return self.offsets[start], stop - self.spaced[end - 1]

    def text_of(self, start: int, end: int) -> str:
        first, stop = self.char_span(start, end)
        return self.text[first:stop]

    def hit(
        self,
        skill_id: str,
        start: int,
        end: int,
        method: str,
        confidence: float,
        context: str | None = None,
    ) -> Hit:
        first, stop = self.char_span(start, end)
        text = self.text[first:stop]
        line = self.lines[start]
        return Hit(
            skill_id=skill_id,
            start=first,
            end=stop,
            text=text if len(text) <= 120 else text[:117] + "...",
            line=line,
            section=self.line_index.section(line),
            method=method,
            confidence=confidence,
            context=context,
        )

    def bounded(self, start: int, end: int) -> bool:
        """The tokens stand alone as a list item: separators or line ends around them."""
        return self.opens[start] and self.closed[end]


def _rule_matcher(vocab: Any, label: str, patterns: list[list[dict[str, Any]]]) -> Matcher:
    """A Matcher for one skill's rules, keeping the first of overlapping matches."""
    from spacy.matcher import Matcher

    rules = Matcher(vocab)
    rules.add(label, patterns, greedy="FIRST")
    return rules


#: A rule in a text: the words of the text each of its required words accepts, and the most
#: tokens before the first and after the last.
_LiveRule = tuple[list[frozenset[str]], int, int]
#: A test on a lowercase word of a rule: the words it accepts, or the regular expression of
#: a URL or suffix pattern (``github.com*``, ``*convex``).
_WordTest = frozenset[str] | str


def _words_of(
    test: _WordTest, vocabulary: set[str], found: dict[_WordTest, frozenset[str]]
) -> frozenset[str]:
    """The words of a text's vocabulary that a test accepts, remembered in ``found``."""
    if test not in found:
        if isinstance(test, str):
            found[test] = frozenset(filter(re.compile(test).search, vocabulary))
        else:
            found[test] = test.intersection(vocabulary)
    return found[test]


def _most_tokens(op: str) -> int:
    """The most tokens an optional item of a pattern takes: ``?``, ``{0,N}`` or ``*``."""
    if op == "?":
        return 1
    if op.startswith("{0,"):
        return int(op[3:-1])
    return 1_000_000_000


class _Anchors:
    """Where a skill's rules can match: only in a stretch of text that holds, for every
    word a rule requires, one of its alternatives, and there only from a word that can
    start the rule (less the optional tokens before it) to one that can end it (plus those
    after it)."""

    def __init__(self) -> None:
        #: Each rule's required words in order, and the most tokens before and after them.
        self.rules: list[tuple[list[_WordTest], int, int]] = []

    def add(self, pattern: list[dict[str, Any]]) -> None:
        tests: list[_WordTest] = []
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
                tests.append(frozenset([test]))
            elif "IN" in test:
                tests.append(frozenset(test["IN"]))
            else:
                tests.append(test["REGEX"])
        if not tests:
            raise ValueError("a rule needs a word that is not optional")
        self.rules.append((tests, lead, trail))

    def first_words(self) -> set[str]:
        """The words that can start a rule (its first required word), but for patterns."""
        return {word for tests, _, _ in self.rules if not isinstance(tests[0], str)
                for word in tests[0]}  # fmt: skip

    def patterned(self) -> bool:
        """Whether a rule starts with a pattern, so that no word can say where to look."""
        return any(isinstance(tests[0], str) for tests, _, _ in self.rules)


class _FirmPhrases:
    """The phrases known to be skills, indexed for the context checks of ambiguous ones."""

    def __init__(self, firm: list[_Candidate], view: _TokenView) -> None:
        self.by_start = {c.start: c for c in firm}
        self.by_end = {c.end: c for c in firm}
        self.by_line: dict[int, _Candidate] = {}
        for c in firm:
            self.by_line.setdefault(view.lines[c.start], c)


def _coordinated_with(candidate: _Candidate, firm: _FirmPhrases, view: _TokenView) -> str | None:
    """The text of a known skill joined to the candidate by "and", "or", "," or "/", or of
    the two known skills it stands between in a list written with spaces only
    ("Java/J2EE Python Go React")."""
    if candidate.start in firm.by_end and candidate.end in firm.by_start:
        before_phrase, after_phrase = firm.by_end[candidate.start], firm.by_start[candidate.end]
        return (
            f"{view.text_of(before_phrase.start, before_phrase.end)} and "
            f"{view.text_of(after_phrase.start, after_phrase.end)}"
        )
    after, before = candidate.end, candidate.start - 1
    lowers = view.lowers
    if after < len(lowers) and lowers[after] in _JOINERS and after + 1 in firm.by_start:
        partner = firm.by_start[after + 1]
        return view.text_of(partner.start, partner.end)
    if before > 0 and lowers[before] in _JOINERS and before in firm.by_end:
        partner = firm.by_end[before]
        return view.text_of(partner.start, partner.end)
    return None


def _cue_nearby(skill: Skill, candidate: _Candidate, view: _TokenView, line: int) -> bool:
    if not skill.cues:
        return False
    cues = set(skill.cues)
    window = range(max(0, candidate.start - 3), min(len(view.lowers), candidate.end + 3))
    for index in window:
        if candidate.start <= index < candidate.end:
            continue
        if view.lowers[index] in cues and view.lines[index] == line:
            candidate.context = f"beside {view.text_of(index, index + 1)!r}"
            return True
    return False


#: Words that, right before a skill, make it something the person is only learning.
_WISH_WORDS = frozenset({"learning", "learn", "studying"})
_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def _drop_wishes(candidates: list[_Candidate], view: _TokenView) -> list[_Candidate]:
    """A skill only being learned is not present: "Learning 'Machine Learning'", "learning Go".

    "learning" that is itself part of a found phrase ("deep learning, Python") does not count.
    """
    inside = {i for c in candidates for i in range(c.start, c.end)}
    kept = []
    for candidate in candidates:
        index = candidate.start - 1
        while index >= 0 and view.lowers[index] in _QUOTES:
            index -= 1
        wish = index >= 0 and view.lowers[index] in _WISH_WORDS and index not in inside
        if not wish:
            kept.append(candidate)
    return kept


def _excluded_tokens(candidates: list[_Candidate]) -> set[tuple[str, int]]:
    """(skill, token) pairs inside a skill's exclude phrases ("The Linux Foundation" is no
    Linux, "market research" no research experience)."""
    return {
        (c.skill_id, index)
        for c in candidates
        if c.kind == "exclude"
        for index in range(c.start, c.end)
    }


def _drop_contained(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest phrase: "JavaScript" is not Java, "C#" is not C, "MS SQL" is not MS.

    Sorted by start and then by length, a phrase lies inside an earlier kept one exactly when
    it ends no later than the furthest end kept so far: one pass, no pairwise comparison.
    """
    kept: list[_Candidate] = []
    furthest_end = -1
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if candidate.end <= furthest_end:
            continue
        kept.append(candidate)
        furthest_end = candidate.end
    return kept


def _expand_implied(hits: list[Hit], taxonomy: Taxonomy) -> list[Hit]:
    """Add the skills that a found skill always shows (linear algebra -> mathematics)."""
    result = list(hits)
    for hit in hits:
        for implied in taxonomy.skills[hit.skill_id].implies:
            result.append(
                Hit(
                    skill_id=implied,
                    start=hit.start,
                    end=hit.end,
                    text=hit.text,
                    line=hit.line,
                    section=hit.section,
                    method="implied",
                    confidence=round(hit.confidence * 0.9, 2),
                    context=f"implied by {taxonomy.skills[hit.skill_id].name}",
                )
            )
    return result


def _drop_repeats(hits: list[Hit]) -> list[Hit]:
    """One hit per place: a rule or implication over a phrase already found adds nothing.

    Earlier hits win. The kept spans of a skill never overlap, so checking the neighbours of
    a new span in their sorted list is enough.
    """
    kept: list[Hit] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for hit in hits:
        if hit.start < 0:
            kept.append(hit)
            continue
        taken = spans.setdefault(hit.skill_id, [])
        index = bisect_right(taken, (hit.start, hit.end))
        neighbours = taken[max(0, index - 1) : index + 1]
        if any(hit.start < end and start < hit.end for start, end in neighbours):
            continue
        insort(taken, (hit.start, hit.end))
        kept.append(hit)
    return kept


def strength_of(section: str | None) -> str:
    """How a piece of evidence shows a skill: demonstrated, listed or mentioned."""
    if section in DEMONSTRATING_SECTIONS:
        return "demonstrated"
    if section == "skills":
        return "listed"
    return "mentioned"
