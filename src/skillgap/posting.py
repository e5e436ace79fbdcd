"""A job posting as a role: the skills it asks for, required or preferred, with alternatives.

The posting is read like a resume (any format), its skills found by the same matcher, and
each sentence that names skills becomes one or more requirements:

- what a sentence asks for comes from the section it stands in and its own words
  (:mod:`skillgap.posting_sections`): requirements, preferred qualifications and
  responsibilities give requirements, the company's introduction, benefits and legal text none;
- alternatives the posting gives are one requirement (:mod:`skillgap.posting_groups`);
- degrees named together are one requirement at their lowest level, met by any higher one;
- years of experience ("5+ years of Python") are kept on the requirement, not scored;
- skill-like terms the taxonomy does not know are listed (:mod:`skillgap.posting_terms`),
  and warnings say when the score means little;
- the posting's sentence is kept as the requirement's evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from skillgap.errors import InputError
from skillgap.ids import DEGREE_BACHELOR, DEGREE_MASTER, DEGREE_PHD
from skillgap.matching import Hit, find_skills
from skillgap.posting_alone import alone_tool_hits
from skillgap.posting_asides import optional_asides
from skillgap.posting_degrees import (
    UNNAMED_DEGREE,
    degree_as_route,
    degree_fields,
    fields_accepted,
    fields_as_one,
    open_field_list,
    unnamed_degree,
)
from skillgap.posting_evals import llm_evaluation_hits
from skillgap.posting_fields import bare_field_hits
from skillgap.posting_groups import Alternatives, alternative_groups
from skillgap.posting_layout import without_pasted_html
from skillgap.posting_mentions import company_names, list_labels, names_no_skill
from skillgap.posting_publications import publication_hits
from skillgap.posting_sections import Importance, Section, line_sections, sentence_importance
from skillgap.posting_sentences import NO_STOP_AFTER, list_semicolons, outside_parentheses
from skillgap.posting_terms import posting_warnings, unrecognised_terms
from skillgap.posting_wraps import first_lines, unwrapped
from skillgap.posting_years import years_asked
from skillgap.readers import Document
from skillgap.taxonomy import Requirement, Role, Taxonomy
from skillgap.taxonomy_model import UnrecognisedTerm

JOB_ROLE_ID = "job"
#: A posting's required skills weigh three times its preferred ones.
WEIGHTS = {"required": 3.0, "preferred": 1.0}
#: Degrees from the lowest: a requirement of one is met by it or any later one.
DEGREE_ORDER = (DEGREE_BACHELOR, DEGREE_MASTER, DEGREE_PHD)
_EQUIVALENT = re.compile(
    r"\bor (an? )?(\d{1,2}\+?\s*(years?|yrs)\s+(of\s+)?)?(equivalent|comparable|relevant|"
    r"related|practical|professional|industry)\b[^.;]{0,40}\b(experience|background)\b|"
    r"\bequivalent (work |practical |professional )?experience\b",
    re.IGNORECASE,
)
#: How far after a general skill a specific one may stand and only specify it ("at NeurIPS").
_SPECIFIER_GAP = 24
#: Words between two skills that name them apart ("NLP to analyze sentiment", "machine
#: learning, especially deep learning"): then the second specifies nothing.
_LIST_GAP = re.compile(r"[\s,/]*((or|and|and/or|&)[\s,]*)?", re.IGNORECASE)
_APART = re.compile(
    r",|;|\(|\b(and|or|to|especially|particularly|plus|as well as|such as|e\.g|like|including|"
    r"for example)\b",
    re.I,
)
#: A sentence ends at ". " or "; ", but not after "etc.", "e.g." or "i.e." ("teams like
#: DevOps, Infra etc. to optimize pipelines"), nor inside parentheses, nor at a full stop
#: before a word in lower case ("M.S., or PhD. in Statistics").
_SENTENCE_STOP = re.compile(rf"{NO_STOP_AFTER}(?:\.(?! [a-z])|;) ")


@dataclass(frozen=True)
class PostingRequirement:
    """A requirement read from a posting, with the sentence that states it."""

    any_of: tuple[str, ...]
    importance: Importance
    sentence: str
    line: int
    years: int | None = None
    #: A degree requirement that "or equivalent experience" relaxes.
    or_equivalent: bool = False
    #: The first skill is a kind the others are examples of ("ML frameworks such as PyTorch").
    kind: bool = False
    #: A degree, or the fields a degree may be in: studied, not practised for years.
    of_degree: bool = False


def _sentence_bounds(line: str, start: int, stops: list[int]) -> tuple[int, int]:
    """Where the sentence of the line that holds the character at ``start`` begins and ends;
    ``stops`` are the places of the line's ". " and "; ", in order."""
    index = bisect_left(stops, start)
    begin = stops[index - 1] + 1 if index else 0
    end = stops[index] + 1 if index < len(stops) else len(line)
    return begin, end


def _sentence_stops(line: str) -> list[int]:
    items = list_semicolons(line)  # "one or more of: PyTorch; JAX" is one sentence
    stops = outside_parentheses(line, _SENTENCE_STOP.finditer(line))
    return [m.start() for m in stops if m.start() not in items]


def extract_requirements(
    text: str,
    hits: Sequence[Hit],
    taxonomy: Taxonomy,
    read: tuple[Sequence[Section], Sequence[bool]],
) -> list[PostingRequirement]:
    """The requirements a posting states, in order, each once (``read``: line_sections')."""
    lines = text.split("\n")
    sections, any_of_lines = read
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    placed = [h for h in hits if h.start >= 0 and h.method != "implied"]
    labels = list_labels(text, placed) | company_names(text, placed)
    usable = sorted(
        (h for h in placed if h not in labels and not names_no_skill(text, h, taxonomy)),
        key=lambda h: (h.start, h.end),
    )
    by_sentence: dict[tuple[int, int, int], list[Hit]] = {}
    stops: dict[int, list[int]] = {}
    for hit in usable:
        line_start = line_starts[hit.line - 1]
        line = lines[hit.line - 1]
        if hit.line not in stops:
            stops[hit.line] = _sentence_stops(line)
        begin, end = _sentence_bounds(line, hit.start - line_start, stops[hit.line])
        by_sentence.setdefault((hit.line, begin, end), []).append(hit)
    # A degree asked for without a name that is a skill: "a college or university degree".
    for number, line in enumerate(lines, start=1):
        if (degree := UNNAMED_DEGREE.search(line)) is not None:
            if number not in stops:
                stops[number] = _sentence_stops(line)
            bounds = _sentence_bounds(line, degree.end() - 1, stops[number])
            by_sentence.setdefault((number, *bounds), [])
    requirements: list[PostingRequirement] = []
    any_of_list: PostingRequirement | None = None
    for (line_number, begin, end), sentence_hits in sorted(by_sentence.items()):
        found = _sentence_requirements(
            text,
            lines[line_number - 1],
            line_starts[line_number - 1],
            line_number,
            (begin, end),
            _without_implied(text, sentence_hits, taxonomy),
            section=sections[line_number - 1],
            any_of=any_of_lines[line_number - 1],
            taxonomy=taxonomy,
        )
        if any_of_lines[line_number - 1] and found:
            # Every item of an "any of the following" list is one set of alternatives.
            any_of_list = _joined(any_of_list, found[0])
            continue
        if any_of_list is not None:
            requirements.append(any_of_list)
            any_of_list = None
        requirements.extend(found)
    if any_of_list is not None:
        requirements.append(any_of_list)
    return _merge(requirements)


def _sentence_requirements(
    text: str,
    line: str,
    line_start: int,
    line_number: int,
    bounds: tuple[int, int],
    hits: list[Hit],
    *,
    section: Section,
    any_of: bool,
    taxonomy: Taxonomy,
) -> list[PostingRequirement]:
    """The requirements of one sentence. An aside that says it is optional, in parentheses
    ("Bachelor's degree (Master's preferred)") or as the last clause ("Python and Spark,
    Scala a plus"), asks for its skills apart, as preferred."""
    raw = line[bounds[0] : bounds[1]]
    sentence = raw.strip()
    sentence_start = line_start + bounds[0] + len(raw) - len(raw.lstrip())  # in ``text``
    spans = optional_asides(line, bounds)
    asides = [(line_start + a, line_start + b) for a, b in spans]
    inside = [h for h in hits if any(a <= h.start < b for a, b in asides)]
    aside_hits = set(inside)
    outside = [h for h in hits if h not in aside_hits]
    main = raw
    for a, b in reversed(spans):
        main = main[: a - bounds[0]] + main[b - bounds[0] :]
    parts: list[tuple[list[Hit], Importance | None, str]] = [
        (outside, sentence_importance(main, section, line=line), main),
        (inside, "preferred" if sentence_importance(sentence, section, line=line) else None, ""),
    ]
    fields = degree_fields(text, hits, (sentence_start, line_start + bounds[1]), taxonomy)
    found = []
    for part_hits, importance, words in parts:
        # "A college or university degree in a related field" names no skill, but a degree.
        if importance is None or not (part_hits or unnamed_degree(words) is not None):
            continue
        groups = fields_as_one(
            alternative_groups(text, part_hits, taxonomy, all_one=any_of), fields
        )
        first: dict[str, int] = {}  # where each skill first stands in the sentence
        for hit in part_hits:
            first.setdefault(hit.skill_id, hit.start - sentence_start)
        degree_at = [at for skill, at in first.items() if skill in DEGREE_ORDER]
        route = bool(degree_at) and degree_as_route(sentence, min(degree_at))
        for group in _degrees_apart(groups, words):
            studied = _of_degree(group, fields)  # studied, not practised for years
            at = min((first[skill] for skill in group.skills if skill in first), default=0)
            found.append(
                PostingRequirement(
                    any_of=group.skills,
                    importance="preferred" if route and studied else importance,
                    sentence=sentence,
                    line=line_number,
                    years=None if studied else years_asked(sentence, at),
                    kind=group.kind,
                    of_degree=studied,
                )
            )
    return found


def _of_degree(group: Alternatives, fields: set[str]) -> bool:
    """Whether a requirement is a degree, or the fields a degree may be in."""
    return group.skills[0] in DEGREE_ORDER or set(group.skills) <= fields


def _joined(current: PostingRequirement | None, item: PostingRequirement) -> PostingRequirement:
    if current is None:
        return item
    return replace(current, any_of=tuple(dict.fromkeys((*current.any_of, *item.any_of))))


def _degrees_apart(groups: list[Alternatives], words: str) -> list[Alternatives]:
    """The degrees a sentence names are one requirement at their lowest level: "Bachelor's
    or Master's" is met by a bachelor's, "MS or PhD" by a master's (or a PhD); "a degree in
    Statistics" by a bachelor's, "an advanced degree" by a master's."""
    degrees = {skill for group in groups for skill in group.skills if skill in DEGREE_ORDER}
    if not degrees:
        level = unnamed_degree(words)
        return list(groups) if level is None else [Alternatives(DEGREE_ORDER[level:]), *groups]
    others = [
        Alternatives(kept, kind=group.kind and kept[0] == group.skills[0])
        for group in groups
        if (kept := tuple(s for s in group.skills if s not in DEGREE_ORDER))
    ]
    lowest = min(DEGREE_ORDER.index(d) for d in degrees)
    return [Alternatives(DEGREE_ORDER[lowest:]), *others]


def _without_implied(text: str, hits: Sequence[Hit], taxonomy: Taxonomy) -> list[Hit]:
    """One skill per place: the one whose form it is ("Vertex AI", not also Google Cloud);
    and no skill that only specifies a skill it implies, named just before it
    ("publications at NeurIPS or ICML" is a publications requirement). Skills named apart
    ("machine learning, especially deep learning") stay requirements of their own."""
    first_at: dict[tuple[int, int], Hit] = {}
    for hit in hits:
        first_at.setdefault((hit.start, hit.end), hit)
    kept = sorted(first_at.values(), key=lambda h: (h.start, -h.end))
    result = []
    specifier: Hit | None = None
    reach = 0  # where the words of the hits so far end
    for index, hit in enumerate(kept):
        # "Markov Chain Monte Carlo methods": a name that begins inside another and runs on
        # past it ("Monte Carlo methods") is not what the words say; a pattern of words is
        # ("Cloud deployment of ML systems": cloud computing and model deployment).
        overlaps = hit.start < reach < hit.end and hit.method != "rule"
        reach = max(reach, hit.end)
        if overlaps:
            continue
        # A general skill that a specific one specifies is named at most a few places before;
        # the specific skill's further names in a list specify it too ("at NeurIPS or ICML").
        listed = (
            specifier is not None
            and specifier.skill_id == hit.skill_id
            and _LIST_GAP.fullmatch(text, specifier.end, hit.start) is not None
        )
        if listed or any(
            _specifies(text, hit, other, taxonomy) or _names_part_of(hit, other, taxonomy)
            for other in kept[max(0, index - 8) : index]
        ):
            specifier = hit
            continue
        result.append(hit)
    return result


def _names_part_of(hit: Hit, specific: Hit, taxonomy: Taxonomy) -> bool:
    """Whether a hit is a broader skill named inside a specific one's words ("LLMs" in
    "applications built on LLMs"): the specific skill is the requirement."""
    inside = specific.start <= hit.start and hit.end <= specific.end and specific != hit
    return inside and hit.skill_id in taxonomy.ancestors(specific.skill_id)


def _specifies(text: str, hit: Hit, general: Hit, taxonomy: Taxonomy) -> bool:
    inside = general.start <= hit.start and hit.end <= general.end and general != hit
    if general.skill_id not in taxonomy.skills[hit.skill_id].implies:
        return False
    if inside:
        return True
    gap = hit.start - general.end
    return 0 <= gap <= _SPECIFIER_GAP and not _APART.search(text, general.end, hit.start)


def _merge(requirements: list[PostingRequirement]) -> list[PostingRequirement]:
    """One requirement per set of skills; stated as required anywhere means required. A
    skill already required on its own needs no preferred group beside it, except that the
    examples of a required kind stay preferred ("deep learning" required, "deep learning
    frameworks such as PyTorch, JAX" a plus: PyTorch or JAX is preferred)."""
    merged: dict[tuple[frozenset[str], bool], PostingRequirement] = {}
    for requirement in requirements:
        # A degree's field and the same skill practised are two asks: "a BS in Computer
        # Science" and "5+ years of software engineering" (whose years are no field's).
        key = (frozenset(requirement.any_of), requirement.of_degree)
        if key in merged:
            kept = merged[key]
            if kept.importance == "preferred" and requirement.importance == "required":
                kept = replace(requirement, years=requirement.years or kept.years)
            merged[key] = replace(kept, years=kept.years or requirement.years)
            continue
        merged[key] = requirement
    _lowest_degree_required(merged)
    required_alone = {
        r.any_of[0] for r in merged.values() if len(r.any_of) == 1 and r.importance == "required"
    }
    result = []
    for r in merged.values():
        if r.importance == "required" or len(r.any_of) == 1:
            result.append(r)
        elif r.kind and r.any_of[0] in required_alone and not set(r.any_of[1:]) & required_alone:
            result.append(replace(r, any_of=r.any_of[1:], kind=False))
        elif r.of_degree or not set(r.any_of) & required_alone:
            # A preferred degree's fields are its own ("PhD in CS, Statistics, or ML").
            result.append(r)
    return result


def _lowest_degree_required(merged: dict[tuple[frozenset[str], bool], PostingRequirement]) -> None:
    """A posting that requires a degree and also accepts a lower one ("PhD in toxicology";
    "a Bachelor's degree and 3+ years will be considered") requires only the lower: a higher
    degree it names is preferred."""
    degrees = [
        (key, r)
        for key, r in merged.items()
        if r.any_of[0] in DEGREE_ORDER and r.importance == "required"
    ]
    if len(degrees) < 2:
        return
    lowest = min(DEGREE_ORDER.index(r.any_of[0]) for _, r in degrees)
    for key, requirement in degrees:
        if DEGREE_ORDER.index(requirement.any_of[0]) > lowest:
            merged[key] = replace(requirement, importance="preferred")


def read_posting(document: Document, taxonomy: Taxonomy) -> Role:
    """A posting read as a role with id ``job``; raises when it names no known skill."""
    document = without_pasted_html(document)
    text = unwrapped(document.text)  # a sentence wrapped over lines is read as one line
    on_line = first_lines(document.text, text)
    read = line_sections(text.split("\n"), document.headings)  # once: each reader takes it
    hits = find_skills(text, taxonomy, posting=True).hits
    hits = [
        *hits,
        *bare_field_hits(text, hits, taxonomy),
        *publication_hits(text, hits),
        *llm_evaluation_hits(text, hits),
        *alone_tool_hits(text, hits, taxonomy, read[0]),
    ]
    found = extract_requirements(text, hits, taxonomy, read)
    requirements = [replace(r, line=on_line[r.line - 1]) for r in found]
    unknown = tuple(
        u.model_copy(update={"line": on_line[u.line - 1]})
        for u in unrecognised_terms(text, hits, read[0])
    )
    if not requirements:
        raise InputError(
            f"{document.path}: the posting names no skill skillgap knows", code="no-requirements"
        )
    role = posting_role(requirements, taxonomy)
    return role.model_copy(
        update={
            "unrecognised": unknown,
            "warnings": posting_warnings(role.requirements, unknown, taxonomy),
        }
    )


def _name(requirement: PostingRequirement, taxonomy: Taxonomy) -> str:
    names = [taxonomy.skills[s].name for s in requirement.any_of]
    if requirement.any_of[0] in DEGREE_ORDER:
        name = names[0] + (" or higher" if len(names) > 1 else "")
        return name + (", or equivalent experience" if requirement.or_equivalent else "")
    name = " or ".join(names)
    return name + (f" ({requirement.years}+ years)" if requirement.years else "")


def posting_role(requirements: Sequence[PostingRequirement], taxonomy: Taxonomy) -> Role:
    """The posting as a role, scored like the built-in ones."""
    built = []
    used: set[str] = set()
    for requirement in requirements:
        equivalent = _EQUIVALENT.search(requirement.sentence) is not None
        if requirement.any_of[0] in DEGREE_ORDER:
            requirement = replace(requirement, or_equivalent=equivalent)
        base = "-or-".join(requirement.any_of)[:60].strip("-")
        identifier = base
        counter = 2
        while identifier in used:
            identifier, counter = f"{base}-{counter}", counter + 1
        used.add(identifier)
        fields = fields_accepted(requirement.sentence, requirement.any_of, taxonomy)
        opened = fields and open_field_list(requirement.sentence)
        related = ", or a related field" if opened else ""
        built.append(
            Requirement(
                id=identifier,
                name=_name(requirement, taxonomy) + related,
                category=taxonomy.skills[requirement.any_of[0]].category,
                importance=requirement.importance,
                weight=WEIGHTS[requirement.importance],
                any_of=requirement.any_of,
                source=f"line {requirement.line}: {requirement.sentence}",
                years=requirement.years,
                fields=fields,
                # The degree's fields too: "BS in CS or equivalent practical experience".
                or_experience=requirement.or_equivalent or bool(fields and equivalent),
            )
        )
    return Role.model_validate(
        {
            "id": JOB_ROLE_ID,
            "name": "Job posting",
            "description": "The requirements of the posting given with --job",
            "requirement": [r.model_dump() for r in built],
        }
    )


__all__ = ["JOB_ROLE_ID", "PostingRequirement", "UnrecognisedTerm", "read_posting"]
