"""The analysis pipeline: document -> skills with evidence -> role scores and tips."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from skillgap import __version__
from skillgap.errors import InputError
from skillgap.ids import RESEARCH_VENUES
from skillgap.limits import DEFAULT_LIMITS, Limits, time_limit
from skillgap.matcher import Hit, SkillMatcher, strength_of
from skillgap.profile import build_profile
from skillgap.readers import Document, read_bytes, read_document
from skillgap.report import (
    BestRole,
    CategoryScore,
    Evidence,
    FoundSkill,
    InputInfo,
    Quality,
    Report,
    RequirementResult,
    RoleResult,
    Strength,
)
from skillgap.sections import find_headings, sections_by_line
from skillgap.taxonomy import Requirement, Role, Taxonomy, load_taxonomy

#: Below this score no role is said to fit well.
WEAK_FIT = 40
#: The skill whose hits name publication venues (NeurIPS, ICML...).
VENUE_SKILL = RESEARCH_VENUES
STRENGTH_ORDER: dict[Strength, int] = {"demonstrated": 3, "listed": 2, "mentioned": 1}
#: Below this many characters a resume is "nearly empty".
MIN_CHARACTERS = 200
GLUED_SHARE = 0.05
GARBLED_SHARE = 0.01


@cache
def matcher_for(taxonomy: Taxonomy) -> SkillMatcher:
    """The matcher of a taxonomy: built once per process, and loaded from the cache of
    compiled patterns when an earlier run left one (see :mod:`skillgap.cache`)."""
    from skillgap import cache as matcher_cache

    state = matcher_cache.load("matcher", taxonomy.fingerprint)
    if state is not None:
        try:
            return SkillMatcher.from_state(taxonomy, state)
        except Exception:  # a state from another build: rebuild below
            pass
    matcher = SkillMatcher(taxonomy)
    matcher_cache.store("matcher", taxonomy.fingerprint, matcher.state())
    return matcher


def analyze(
    source: str | Path | bytes,
    *,
    roles: Sequence[str] | None = None,
    name: str = "<bytes>",
    password: str | None = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits = DEFAULT_LIMITS,
    job: Role | None = None,
) -> Report:
    """Analyse one resume: a path, or the bytes of a file (``name`` labels them).

    ``roles`` selects role ids (default: every role of the taxonomy, or none when ``job``
    is given); ``job`` is a role read from a posting (:func:`read_job`); ``limits`` bounds
    the size, pages, characters and time one input may take. Raises
    :class:`skillgap.errors.InputError` when the input cannot be read.
    """
    label = name if isinstance(source, bytes) else str(source)
    with time_limit(limits.timeout, label):
        if isinstance(source, bytes):
            document = read_bytes(source, name, password=password, limits=limits)
        else:
            document = read_document(source, password=password, limits=limits)
        return analyze_document(document, roles=roles, taxonomy=taxonomy, job=job)


def analyze_document(
    document: Document,
    *,
    roles: Sequence[str] | None = None,
    taxonomy: Taxonomy | None = None,
    job: Role | None = None,
) -> Report:
    """Analyse text that has already been read."""
    taxonomy = taxonomy or load_taxonomy()
    default = [] if job is not None else list(taxonomy.roles)
    selected = [taxonomy.role(role_id) for role_id in (roles or default)]
    if job is not None:
        selected.append(job)
    if not document.text.strip():
        raise InputError(f"{document.path}: no text found", code="no-text")
    lines = document.text.split("\n")
    headings = find_headings(lines)
    line_sections = sections_by_line(lines, headings)
    hits = matcher_for(taxonomy).find(document.text, headings, line_sections)
    found = _found_skills(hits, taxonomy)
    by_id = {skill.id: skill for skill in found}
    return Report(
        version=__version__,
        input=InputInfo(
            path=document.path,
            format=document.format,
            pages=document.pages,
            characters=len(document.text),
            quality=assess_quality(document.text),
        ),
        skills=found,
        profile=build_profile(
            hits,
            lines,
            line_sections,
            [h for h in hits if h.skill_id == VENUE_SKILL and h.method != "implied"],
        ),
        roles=(scored := [score_role(role, by_id, taxonomy) for role in selected]),
        best_role=best_role(scored),
    )


def _found_skills(hits: list[Hit], taxonomy: Taxonomy) -> list[FoundSkill]:
    grouped: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        grouped[hit.skill_id].append(hit)
    found = []
    for skill_id, skill_hits in grouped.items():
        skill = taxonomy.skills[skill_id]
        evidence = [
            Evidence(
                text=hit.text,
                line=hit.line,
                section=hit.section,
                method=hit.method,  # type: ignore[arg-type]
                confidence=hit.confidence,
                strength=strength_of(hit.section),  # type: ignore[arg-type]
                context=hit.context,
            )
            for hit in sorted(skill_hits, key=lambda h: (h.line, h.start))
        ]
        found.append(
            FoundSkill(
                id=skill.id,
                name=skill.name,
                category=skill.category,
                strength=strongest([e.strength for e in evidence]) or "mentioned",
                confidence=max(e.confidence for e in evidence),
                evidence=_most_telling(evidence),
                evidence_count=len(evidence),
            )
        )
    category_order = list(taxonomy.categories)
    found.sort(key=lambda s: (category_order.index(s.category), s.name.casefold()))
    return found


#: Evidence kept per skill in a report; a resume rarely names a skill this often, a hostile
#: input may name it a million times.
MAX_EVIDENCE = 25


def _most_telling(evidence: list[Evidence]) -> list[Evidence]:
    """At most MAX_EVIDENCE pieces, the strongest first chosen, then back in line order."""
    if len(evidence) <= MAX_EVIDENCE:
        return evidence
    ranked = sorted(
        evidence,
        key=lambda e: (
            -STRENGTH_ORDER[e.strength],
            e.section in WEAK_SECTIONS,
            -e.confidence,
            e.line,
        ),
    )
    return sorted(ranked[:MAX_EVIDENCE], key=lambda e: e.line)


def strongest(strengths: list[Strength]) -> Strength | None:
    """The strongest of several strengths, None for none."""
    best: Strength | None = None
    for strength in strengths:
        if best is None or STRENGTH_ORDER[strength] > STRENGTH_ORDER[best]:
            best = strength
    return best


def _percent(part: float, whole: float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


#: Credit for a requirement met only by evidence in coursework, awards or interests, and
#: for a missing requirement next to a related strength ("no TensorFlow, but PyTorch").
WEAK_CREDIT = 0.5
ADJACENT_CREDIT = 0.5
#: Sections whose mention of a skill is weaker evidence than using or listing it.
WEAK_SECTIONS = frozenset({"education", "awards", "other"})


def _is_weak(skill: FoundSkill, taxonomy: Taxonomy) -> bool:
    """A practical skill (a tool, an ML field) seen only in coursework, awards or interests."""
    return taxonomy.categories[skill.category].practical and all(
        evidence.section in WEAK_SECTIONS for evidence in skill.evidence
    )


def score_requirement(
    requirement: Requirement, found: dict[str, FoundSkill], taxonomy: Taxonomy
) -> RequirementResult:
    """One requirement: met by any of its skills; partly met by weak or adjacent evidence."""
    matched = [skill_id for skill_id in requirement.any_of if skill_id in found]
    strong = [skill_id for skill_id in matched if not _is_weak(found[skill_id], taxonomy)]
    adjacent = (
        []
        if matched
        else sorted(
            {
                related
                for skill_id in requirement.any_of
                for related in taxonomy.skills[skill_id].related
                if related in found and related not in requirement.any_of
            }
        )
    )
    if strong:
        credit = 1.0
    elif matched:
        credit = WEAK_CREDIT
    elif adjacent:
        credit = ADJACENT_CREDIT
    else:
        credit = 0.0
    return RequirementResult(
        id=requirement.id,
        name=requirement.name,
        category=requirement.category,
        importance=requirement.importance,
        weight=requirement.weight,
        any_of=list(requirement.any_of),
        met=bool(matched),
        matched=matched,
        credit=credit,
        adjacent=adjacent,
        strength=strongest([found[skill_id].strength for skill_id in matched]),
        tip=taxonomy.tip_for(requirement),
        source=requirement.source,
    )


def score_role(role: Role, found: dict[str, FoundSkill], taxonomy: Taxonomy) -> RoleResult:
    """Score one role: the weighted share of its requirements that the resume meets."""
    results = [score_requirement(r, found, taxonomy) for r in role.requirements]

    def share(items: list[RequirementResult]) -> float:
        return _percent(sum(r.weight * r.credit for r in items), sum(r.weight for r in items))

    categories = []
    for category_id in dict.fromkeys(r.category for r in results):
        members = [r for r in results if r.category == category_id]
        categories.append(
            CategoryScore(
                id=category_id,
                name=taxonomy.categories[category_id].name,
                score=share(members),
                met=sum(r.met for r in members),
                total=len(members),
            )
        )
    gaps = sorted(
        (r for r in results if r.credit < 1),
        key=lambda r: (r.importance != "required", -r.weight * (1 - r.credit)),
    )
    return RoleResult(
        id=role.id,
        name=role.name,
        score=share(results),
        required_score=share([r for r in results if r.importance == "required"]),
        preferred_score=share([r for r in results if r.importance == "preferred"]),
        categories=categories,
        requirements=results,
        gaps=[r.id for r in gaps],
    )


_ALPHA_TOKEN = re.compile(r"[^\W\d_]+")
_MOJIBAKE = re.compile("[\ufffd]|Ã[\u0080-\u00bf]|â€|Â[\u00a0-\u00bf]")


def assess_quality(text: str) -> Quality:
    """Flag text that looks glued, garbled or nearly empty, so a low score is not a mystery."""
    tokens = _ALPHA_TOKEN.findall(text)
    long_share = sum(1 for t in tokens if len(t) >= 18) / len(tokens) if tokens else 0.0
    garbled = sum(len(m.group(0)) for m in _MOJIBAKE.finditer(text)) / max(1, len(text))
    warnings = []
    if long_share > GLUED_SHARE:
        warnings.append(
            f"{long_share:.0%} of words are 18+ letters long: the text looks glued together, "
            "so skills may be missed"
        )
    if garbled > GARBLED_SHARE:
        warnings.append(f"{garbled:.1%} of characters look garbled (wrong encoding)")
    if len(text.strip()) < MIN_CHARACTERS:
        warnings.append(f"only {len(text.strip())} characters of text: is this the whole resume?")
    return Quality(
        status="warning" if warnings else "ok",
        warnings=warnings,
        long_token_share=round(long_share, 4),
        garbled_share=round(garbled, 4),
    )


def read_job(
    source: str | Path | bytes,
    *,
    name: str = "<posting>",
    taxonomy: Taxonomy | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Role:
    """A job posting (any format analyze reads) as a role with id ``job``."""
    from skillgap.posting import read_posting

    taxonomy = taxonomy or load_taxonomy()
    if isinstance(source, bytes):
        document = read_bytes(source, name, limits=limits)
    else:
        document = read_document(source, limits=limits)
    return read_posting(document, taxonomy)


def best_role(roles: Sequence[RoleResult]) -> BestRole | None:
    """The role with the highest score, with the reasons the others fall behind."""
    if len(roles) < 2:
        return None
    ranked = sorted(roles, key=lambda r: -r.score)
    best, runner_up = ranked[0], ranked[1]
    why = [
        f"{best.name} scores {best.score:.0f}, {best.score - runner_up.score:.0f} points "
        f"above {runner_up.name} ({runner_up.score:.0f})"
    ]
    by_id = {r.id: r for r in runner_up.requirements}
    held_back = [by_id[g] for g in runner_up.gaps if by_id[g].importance == "required"][:3]
    if best.score < WEAK_FIT:
        why.append(f"no role fits well yet: the best scores under {WEAK_FIT}")
    if held_back:
        names = "; ".join(r.name for r in held_back)
        why.append(f"{runner_up.name} also requires what the resume lacks: {names}")
    if best.gaps:
        gaps = {r.id: r for r in best.requirements}
        why.append(f"its main gap: {gaps[best.gaps[0]].name}")
    return BestRole(
        id=best.id,
        name=best.name,
        score=best.score,
        runner_up=runner_up.id,
        margin=round(best.score - runner_up.score, 1),
        why=why,
    )
