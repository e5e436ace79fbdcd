"""Phrases: the forms of skills found in a text, and the context checks that decide which
count.

Two spaCy ``PhraseMatcher`` s find every form at once: one on lowercase text (aliases, and the
exclude phrases inside which a form is not the skill), one on the text as written (exact and
ambiguous forms). An ambiguous form ("Go", "R", "Spark") counts only in context: a section
where it is the skill, a cue word near it, a lead-in word before it, or a list of skills it is
an item of; never as a place's state code ("Amherst, MA") or an organisation's initials
("Strategy Consulting (MSC)"). Whose a form is (another person's degree, one sought or
taught, a skill of the people or the team named) is decided in :mod:`.others`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from skillgap.ids import SKILLS_SECTION
from skillgap.matching.hit import CONFIDENCE, Hit
from skillgap.matching.places import names_a_place_or_body
from skillgap.matching.slashes import SharedNames
from skillgap.matching.verdicts import framing_of

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from skillgap.matching.compiled import Context, PhrasePatterns, PhraseSet
    from skillgap.matching.view import TokenView

#: Words that join the items of a list.
JOINERS = frozenset({"and", "or", ",", "/", "&", "and/or"})
#: The most tokens of one joiner (", and/or").
_MOSTJOINERS = 4
QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


@dataclass
class Candidate:
    """A form of a skill found on tokens ``start`` to ``end``."""

    skill_id: str
    kind: str  # alias, exact, ambiguous or exclude
    start: int
    end: int
    #: Why an ambiguous form counts, once confirmed.
    context: str | None = None


class PhraseStage:
    """Finds the forms of skills in a text and turns the ones that count into hits."""

    def __init__(self, patterns: PhrasePatterns, names: Mapping[str, str], vocab: Vocab) -> None:
        self._matchers = (
            phrase_matcher(vocab, "LOWER", patterns.lower),
            phrase_matcher(vocab, "ORTH", patterns.exact),
        )
        self._shared = SharedNames(patterns.lower)
        self._strings = vocab.strings
        self._contexts = patterns.contexts
        self._also = patterns.also
        self._names = {skill_id: name.casefold() for skill_id, name in names.items()}

    def find(self, doc: Doc) -> list[Candidate]:
        """Every form of every skill in the text, exclude phrases included."""
        found = []
        for matcher in self._matchers:
            for key, start, end in matcher(doc):
                kind, skill_id = self._strings[key].split(":", 1)
                found.append(Candidate(skill_id, kind, start, end))
        return found

    def shared(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """The names a word before a slash shares with a name found after it ("data/backend
        engineer")."""
        names = [(c.skill_id, c.start, c.end) for c in found if c.kind == "alias"]
        return [
            Candidate(skill_id, "alias", start, end, f"of {words}")
            for skill_id, start, end, words in self._shared.find(doc, names)
        ]

    def confirm(
        self, candidates: list[Candidate], view: TokenView, heading_lines: Sequence[int] = ()
    ) -> list[Candidate]:
        """The candidates that count: the unambiguous ones, then each ambiguous one that its
        context confirms, then each joined to a confirmed one in a chain of short forms
        ("BS/MS/PhD"). ``heading_lines`` are the lines of the text's section headings."""
        confirmed = [c for c in candidates if c.kind != "ambiguous"]
        firm = FirmPhrases(confirmed, view, candidates, heading_lines)
        pending: list[Candidate] = []
        for candidate in candidates:
            if candidate.kind == "ambiguous" and not names_a_place_or_body(
                candidate.start, candidate.end, view
            ):
                context = self._contexts[candidate.skill_id]
                (confirmed if _confirm(candidate, context, firm, view) else pending).append(
                    candidate
                )
        while pending:
            firm = FirmPhrases(confirmed, view, candidates, heading_lines)
            joined = [
                (candidate, partner)
                for candidate in pending
                if (
                    partner := _coordinated_with(
                        candidate, self._contexts[candidate.skill_id], firm, view
                    )
                )
                is not None
            ]
            if not joined:
                break
            for candidate, partner in joined:
                candidate.context = f"listed with {partner}"
                pending.remove(candidate)
                confirmed.append(candidate)
        return confirmed

    def hits(self, candidate: Candidate, view: TokenView) -> Iterator[Hit]:
        """The hit of a phrase that counts, and of the further skills its form shows."""
        start, end = candidate.start, candidate.end
        text = view.text_of(start, end)
        skill_id = candidate.skill_id
        if candidate.kind == "ambiguous":
            method, confidence = "exact", CONFIDENCE["context"]
        elif candidate.kind == "exact" or text.casefold() == self._names[skill_id]:
            method, confidence = "exact", CONFIDENCE["exact"]
        else:
            method, confidence = "alias", CONFIDENCE["alias"]
        yield view.hit(skill_id, start, end, method, confidence, candidate.context)
        for extra in self._also.get(skill_id, {}).get(text.casefold(), ()):
            yield view.hit(extra, start, end, "alias", CONFIDENCE["alias"], f"shown by {text}")


def phrase_matcher(vocab: Vocab, attribute: str, sets: Sequence[PhraseSet]) -> Any:
    """A ``PhraseMatcher`` on one token attribute, given each form as that attribute's strings.

    spaCy's ``PhraseMatcher.add`` takes a form as a ``Doc`` and keeps only the string id of
    the attribute of each token; giving those ids directly builds the same matcher without
    tokenizing a form or making a ``Doc`` of it (a test compares the two).
    """
    from spacy.matcher import PhraseMatcher
    from spacy.strings import get_string_id

    matcher = PhraseMatcher(vocab, attr=attribute)
    for phrase_set in sets:
        forms = [[get_string_id(string) for string in form] for form in phrase_set.forms]
        matcher.add(phrase_set.label, forms)  # type: ignore[arg-type]  # ids, not a Doc
    return matcher


def excluded_tokens(candidates: list[Candidate]) -> set[tuple[str, int]]:
    """(skill, token) pairs inside a skill's exclude phrases ("The Linux Foundation" is no
    Linux, "market research" no research experience)."""
    return {
        (c.skill_id, index)
        for c in candidates
        if c.kind == "exclude"
        for index in range(c.start, c.end)
    }


def outside_excludes(
    candidates: list[Candidate], excluded: set[tuple[str, int]]
) -> list[Candidate]:
    """The forms found, less exclude phrases and forms wholly inside one of their skill's."""
    return [
        c
        for c in candidates
        if c.kind != "exclude"
        and not all((c.skill_id, i) in excluded for i in range(c.start, c.end))
    ]


def drop_contained(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest phrase: "JavaScript" is not Java, "C#" is not C, "MS SQL" is not MS.

    Sorted by start and then by length, a phrase lies inside an earlier kept one exactly when
    it ends no later than the furthest end kept so far: one pass, no pairwise comparison.
    """
    kept: list[Candidate] = []
    furthest_end = -1
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if candidate.end <= furthest_end:
            continue
        kept.append(candidate)
        furthest_end = candidate.end
    return kept


class FirmPhrases:
    """The phrases known to be skills, indexed for the context checks of ambiguous ones."""

    def __init__(
        self,
        firm: list[Candidate],
        view: TokenView,
        found: list[Candidate],
        heading_lines: Sequence[int] = (),
    ) -> None:
        #: The lines of section headings, in order.
        self.heading_lines = sorted(heading_lines)
        self.by_start = {c.start: c for c in firm}
        #: Where any form found starts, confirmed or not.
        self.form_starts = {c.start for c in found}
        self.by_end = {c.end: c for c in firm}
        #: The known skills of each line, in the order found.
        self.by_line: dict[int, list[Candidate]] = {}
        for c in firm:
            self.by_line.setdefault(view.lines[c.start], []).append(c)

    def on_line(self, line: int, skill_ids: tuple[str, ...]) -> Candidate | None:
        """The first known skill of a line that is one of ``skill_ids``."""
        wanted = set(skill_ids)
        return next((c for c in self.by_line.get(line, ()) if c.skill_id in wanted), None)


def _confirm(candidate: Candidate, context: Context, firm: FirmPhrases, view: TokenView) -> bool:
    """Context for an ambiguous form: a list, a skills section, a cue word nearby."""
    line = view.lines[candidate.start]
    section = view.line_index.section(line)
    if section in context.sections and not _unborne_heading(candidate, context, firm, view):
        candidate.context = f"in the {section} section"
        return True
    if context.sections and _heads_a_list(candidate, view, line):
        candidate.context = "heading a list"
        return True
    if _cue_nearby(context, candidate, view, line):
        return True
    before = candidate.start - 1
    if (
        before >= 0
        and view.lowers[before] in context.lead_ins
        and not _starts_a_name(candidate, firm, view)
    ):
        candidate.context = f"after {view.text_of(before, candidate.start)!r}"
        return True
    framing = framing_of(candidate.start, candidate.end, view)
    if framing is not None and not _starts_a_name(candidate, firm, view):
        candidate.context = framing
        return True
    partner = _coordinated_with(candidate, context, firm, view)
    if partner is not None:
        candidate.context = f"listed with {partner}"
        return True
    if not context.listable:
        return False
    bounded = view.bounded(candidate.start, candidate.end)
    if bounded and section == SKILLS_SECTION:
        candidate.context = "listed in the skills section"
        return True
    other = firm.on_line(line, context.listmates) if bounded else None
    if other is None:
        other = _item_beside(candidate, context, firm, view)
    if other is not None:
        candidate.context = f"in a list with {view.text_of(other.start, other.end)}"
        return True
    return False


def _unborne_heading(
    candidate: Candidate, context: Context, firm: FirmPhrases, view: TokenView
) -> bool:
    """A form that is a section's heading, for a skill with cues, whose section holds none of
    them: the heading alone does not show the skill ("Program Committees" over a hacking
    contest's problem writers; over "NeurIPS 2021, ICML 2022" it does)."""
    line = view.lines[candidate.start]
    if not context.cues or line not in firm.heading_lines:
        return False
    if not _alone_on_line(candidate.start, candidate.end, view):
        return False
    later = [h for h in firm.heading_lines if h > line]
    end = later[0] if later else view.lines[-1] + 1
    cues = set(context.cues)
    return not any(
        line < view.lines[i] < end and view.lowers[i] in cues for i in range(len(view.lowers))
    )


def _alone_on_line(start: int, end: int, view: TokenView) -> bool:
    """The tokens are the whole of their line but for a bullet: a list item of one name."""
    line = view.lines[start]
    before = start - 1
    while before >= 0 and view.lines[before] == line:
        if view.lowers[before].isalnum():
            return False
        before -= 1
    while end < len(view.lines) and not view.lowers[end].strip():
        end += 1
    return end >= len(view.lines) or view.lines[end] != line


def _item_beside(
    candidate: Candidate, context: Context, firm: FirmPhrases, view: TokenView
) -> Candidate | None:
    """A known skill of the candidate's kin that is the item of the line before or after the
    candidate's, both alone on their lines: a list written one name a line ("- AWS / - GCP /
    - Azure"; not "Meteor / Blaze / MongoDB", where Blaze is no build system)."""
    start, end = candidate.start, candidate.end
    if not _alone_on_line(start, end, view):
        return None
    line = view.lines[start]
    first = start
    while first > 0 and view.lines[first - 1] == line:
        first -= 1
    while first > 0 and not view.lowers[first - 1].strip():
        first -= 1  # the blank lines between items
    after = end
    while after < len(view.lines) and not view.lowers[after].strip():
        after += 1
    beside = [view.lines[first - 1]] if first > 0 else []
    if after < len(view.lines):
        beside.append(view.lines[after])
    for other_line in beside:
        other = firm.on_line(other_line, context.kin)
        if other is not None and _alone_on_line(other.start, other.end, view):
            return other
    return None


def _starts_a_name(candidate: Candidate, firm: FirmPhrases, view: TokenView) -> bool:
    """A capitalised word that starts no form of a skill follows the form, one space after it,
    on its line: the form starts a name ("with Ray Dalio", "on Spark Capital", "using Spark
    AR"; not "using Spark Azure Data Lake")."""
    end = candidate.end
    if end >= len(view.lowers) or end in firm.form_starts or not view.spaced[end - 1]:
        return False
    word = view.text_of(end, end + 1)
    return view.lines[end] == view.lines[candidate.start] and word[:1].isupper() and word.isalpha()


def _heads_a_list(candidate: Candidate, view: TokenView, line: int) -> bool:
    """The form and a colon end a short line, as a heading of a list of the skill's own section
    would: "Some publications:"."""
    start, end = candidate.start, candidate.end
    if end >= len(view.lowers) or view.lowers[end] != ":":
        return False
    if end + 1 < len(view.lines) and view.lines[end + 1] == line:
        return False
    words_before = sum(1 for i in range(max(0, start - 4), start) if view.lines[i] == line)
    return words_before <= 3


def _cue_nearby(context: Context, candidate: Candidate, view: TokenView, line: int) -> bool:
    """A cue word of the skill within three tokens of the form, on its line, or within the
    skill's wider reach in the form's sentence ("models (XGBoost, scikit-learn) for demand
    forecasting")."""
    if not context.cues:
        return False
    cues = set(context.cues)
    start, end, reach = candidate.start, candidate.end, context.cue_reach
    stretch = view.stretch_of(start) if reach > 3 else -1
    window = range(max(0, start - reach), min(len(view.lowers), end + reach))
    for index in window:
        if start <= index < end or view.lines[index] != line or view.lowers[index] not in cues:
            continue
        if start - 3 <= index < end + 3 or view.stretch_of(index) == stretch:
            candidate.context = f"beside {view.text_of(index, index + 1)!r}"
            return True
    return False


def _coordinated_with(
    candidate: Candidate, context: Context, firm: FirmPhrases, view: TokenView
) -> str | None:
    """The text of a known skill like the candidate (one of its ``listmates``) joined to it
    by "and", "or", "," or "/", or of the two known skills it stands between in a list
    written with spaces only ("Java/J2EE Python Go React"). A skill of another kind beside
    it does not make a list of skills like it: "Keynote, Excel" names no talk, an MBA's
    "Decision Making Under Uncertainty, Game Theory" no reinforcement learning."""
    mates = set(context.listmates)
    by_start = {at: c for at, c in firm.by_start.items() if c.skill_id in mates}
    by_end = {at: c for at, c in firm.by_end.items() if c.skill_id in mates}
    if candidate.start in by_end and candidate.end in by_start:
        before_phrase, after_phrase = by_end[candidate.start], by_start[candidate.end]
        return (
            f"{view.text_of(before_phrase.start, before_phrase.end)} and "
            f"{view.text_of(after_phrase.start, after_phrase.end)}"
        )
    # The joiner may be several tokens: "Excel, and/or R", "SQL, or R".
    lowers = view.lowers
    after = candidate.end
    while after < min(len(lowers), candidate.end + _MOSTJOINERS) and lowers[after] in JOINERS:
        if after + 1 in by_start:
            partner = by_start[after + 1]
            return view.text_of(partner.start, partner.end)
        after += 1
    before = candidate.start - 1
    while before > max(0, candidate.start - 1 - _MOSTJOINERS) and lowers[before] in JOINERS:
        if before in by_end:
            partner = by_end[before]
            return view.text_of(partner.start, partner.end)
        before -= 1
    return None
