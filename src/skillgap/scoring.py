"""Scoring: the strength of each piece of evidence, the skills found with their evidence,
the credit each requirement earns, each role's score, and the role that fits best."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from skillgap.fields_of_study import field_not_studied, field_note, field_of_study
from skillgap.ids import (
    AWARDS_SECTION,
    EDUCATION_SECTION,
    OTHER_SECTION,
    SKILLS_SECTION,
)
from skillgap.matching import Hit
from skillgap.posting_terms import literal_match
from skillgap.report import (
    BestRole,
    CategoryScore,
    Degree,
    Evidence,
    FoundSkill,
    RequirementResult,
    RoleResult,
    Strength,
    UnrecognisedTermResult,
)
from skillgap.research import ResearchFact, shown_by_research
from skillgap.sections import DEMONSTRATING_SECTIONS
from skillgap.taxonomy import Requirement, Role, Taxonomy

#: A degree's field that names an institution ("Southwest Jiaotong University"): the profile
#: took the university for the field, or ran them together.
#: Below this score no role is said to fit well.
WEAK_FIT = 40
STRENGTH_ORDER: dict[Strength, int] = {"demonstrated": 3, "listed": 2, "mentioned": 1}
#: Credit for a requirement met only by evidence in coursework, awards or interests, and
#: for a missing requirement next to a related strength ("no TensorFlow, but PyTorch").
WEAK_CREDIT = 0.5
ADJACENT_CREDIT = 0.5
#: Sections whose mention of a skill is weaker evidence than using or listing it.
WEAK_SECTIONS = frozenset({EDUCATION_SECTION, AWARDS_SECTION, OTHER_SECTION})
#: Evidence kept per skill in a report; a resume rarely names a skill this often, a hostile
#: input may name it a million times.
MAX_EVIDENCE = 25


def strength_of(section: str | None) -> Strength:
    """How a piece of evidence shows a skill: demonstrated, listed or mentioned."""
    if section in DEMONSTRATING_SECTIONS:
        return "demonstrated"
    if section == SKILLS_SECTION:
        return "listed"
    return "mentioned"


def strongest(strengths: list[Strength]) -> Strength | None:
    """The strongest of several strengths, None for none."""
    best: Strength | None = None
    for strength in strengths:
        if best is None or STRENGTH_ORDER[strength] > STRENGTH_ORDER[best]:
            best = strength
    return best


def found_skills(hits: list[Hit], taxonomy: Taxonomy) -> list[FoundSkill]:
    """The skills the hits show, each with its evidence, in the taxonomy's order of
    categories."""
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
                strength=strength_of(hit.section),
                context=hit.context,
                start=hit.start if hit.start >= 0 else None,
                end=hit.end if hit.start >= 0 else None,
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


def _percent(part: float, whole: float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _is_weak(skill: FoundSkill, taxonomy: Taxonomy, degree_lines: frozenset[int]) -> bool:
    """A practical skill (a tool, an ML field) seen only in coursework, awards or interests;
    not the field a degree is in ("M.A. in Economics" shows economics as a field of study,
    which a posting's "degree in Statistics or Economics" asks for)."""
    return taxonomy.categories[skill.category].practical and all(
        evidence.section in WEAK_SECTIONS and evidence.line not in degree_lines
        for evidence in skill.evidence
    )


def _field_only_named(
    shown: Sequence[str], found: dict[str, FoundSkill], taxonomy: Taxonomy
) -> str | None:
    """Why a role's field (its gate) earns half: it is only named in a skills list or a
    certificate, never in the experience, projects, research or summary. One Coursera course
    in machine learning does not make a linguist's PhD and papers research in ML. (Coursework,
    awards and interests alone already earn half: ``_is_weak``.)"""
    if any(
        evidence.section not in _LIST_SECTIONS
        for skill_id in shown
        for evidence in found[skill_id].evidence
    ):
        return None
    names = " and ".join(taxonomy.skills[skill_id].name for skill_id in shown[:2])
    return (
        f"{names} is only named in a skills list or a certificate, not shown in your "
        "experience, projects or research, and it is this role's field"
    )


#: Where a skill is only named: a skills list, a certificate.
_LIST_SECTIONS = frozenset({"skills", "certifications"})


def _has_work_experience(found: dict[str, FoundSkill]) -> bool:
    """Whether the resume shows skills used at work (its experience section)."""
    return any(e.section == "experience" for skill in found.values() for e in skill.evidence)


def score_requirement(
    requirement: Requirement,
    found: dict[str, FoundSkill],
    taxonomy: Taxonomy,
    research: Sequence[ResearchFact] = (),
    degrees: Sequence[Degree] = (),
) -> RequirementResult:
    """One requirement: met by any of its skills, or by the research evidence that shows one
    of them (a publication list shows research experience); partly met by weak or adjacent
    evidence, or by degrees (the profile's) all in fields the requirement does not name."""
    unstudied = field_not_studied(requirement, degrees)
    if unstudied:  # the degree's fields decide, not the same words elsewhere in the resume
        found = {k: v for k, v in found.items() if k not in requirement.any_of}
    matched = [skill_id for skill_id in requirement.any_of if skill_id in found]
    via = {} if matched else _met_through_kinds(requirement, found, taxonomy)
    if via:
        matched = list(via)
    shown = [child for children in via.values() for child in children] or matched
    degree_lines = frozenset(d.line for d in degrees)
    strong = [
        skill_id for skill_id in shown if not _is_weak(found[skill_id], taxonomy, degree_lines)
    ]
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
    research_shown = None if strong else shown_by_research(requirement.any_of, research, taxonomy)
    degree_shown = None if strong or research_shown else field_of_study(requirement, degrees)
    if strong or research_shown or degree_shown:
        credit = 1.0
    elif matched:
        credit = WEAK_CREDIT
    elif adjacent and not requirement.gate:  # a field is met by itself, not by a neighbour
        credit = ADJACENT_CREDIT
    else:
        credit = 0.0
    note = field_note(requirement, degrees) if credit == 1 else None
    if credit == 1 and requirement.gate and not research_shown:
        note = note or _field_only_named(shown, found, taxonomy)
    if note:
        credit = WEAK_CREDIT
    if unstudied:
        credit, note, adjacent = 0.0, unstudied, []
    elif requirement.or_experience and credit < WEAK_CREDIT and _has_work_experience(found):
        credit = WEAK_CREDIT
        note = "the posting accepts equivalent experience instead, which your work may be"
    return RequirementResult(
        id=requirement.id,
        name=requirement.name,
        category=requirement.category,
        importance=requirement.importance,
        weight=requirement.weight,
        any_of=list(requirement.any_of),
        met=bool(matched or research_shown or degree_shown),
        matched=matched,
        credit=credit,
        adjacent=adjacent,
        via=via,
        shown_by=research_shown.describe() if research_shown else degree_shown,
        strength=strongest(
            [found[skill_id].strength for skill_id in shown]
            + ([strength_of(research_shown.section)] if research_shown else [])
        ),
        tip=taxonomy.tip_for(requirement),
        source=requirement.source,
        years=requirement.years,
        note=note,
        core=requirement.core,
        gate=requirement.gate,
    )


def _met_through_kinds(
    requirement: Requirement, found: dict[str, FoundSkill], taxonomy: Taxonomy
) -> dict[str, list[str]]:
    """The skills of a requirement met by a more specific skill found ("fine-tuning" by LoRA):
    a kind of a skill shows the skill. Never the other way: fine-tuning shows no LoRA."""
    via: dict[str, list[str]] = {}
    for skill_id in requirement.any_of:
        children = sorted(c for c in found if skill_id in taxonomy.ancestors(c))
        if children:
            via[skill_id] = children
    return via


def score_role(
    role: Role,
    found: dict[str, FoundSkill],
    taxonomy: Taxonomy,
    research: Sequence[ResearchFact] = (),
    *,
    text: str = "",
    degrees: Sequence[Degree] = (),
) -> RoleResult:
    """Score one role: the weighted share of its requirements that the resume meets, the
    requirements outside the role's core counted in proportion to the share of the core met,
    and what each gap is worth.

    ``text`` is the resume's, where a posting's unrecognised terms are looked for literally;
    ``degrees`` the profile's, whose fields a degree requirement with ``fields`` checks.
    """
    results = _with_gains(
        [score_requirement(r, found, taxonomy, research, degrees) for r in role.requirements]
    )
    share, gate = core_share(results), gate_credit(results)

    def score(items: list[RequirementResult]) -> float:
        return _percent(_points(items, share, gate), sum(r.weight for r in items))

    categories = []
    for category_id in dict.fromkeys(r.category for r in results):
        members = [r for r in results if r.category == category_id]
        categories.append(
            CategoryScore(
                id=category_id,
                name=taxonomy.categories[category_id].name,
                # A category says how much of it the resume covers, whatever the core.
                score=score_unscaled(members),
                met=sum(r.met for r in members),
                total=len(members),
            )
        )
    gaps = sorted(
        (r for r in results if r.credit < 1),
        key=lambda r: (-r.gain, r.importance != "required"),
    )
    return RoleResult(
        id=role.id,
        name=role.name,
        score=score(results),
        required_score=score([r for r in results if r.importance == "required"]),
        preferred_score=score([r for r in results if r.importance == "preferred"]),
        categories=categories,
        requirements=results,
        gaps=[r.id for r in gaps],
        warnings=list(role.warnings),
        unrecognised=[
            UnrecognisedTermResult(
                term=term.term,
                line=term.line,
                importance=term.importance,
                found=literal_match(term.term, text),
            )
            for term in role.unrecognised
        ],
        core_share=None if share is None else round(share, 3),
        core_note=core_note(results, share),
    )


def core_share(results: Sequence[RequirementResult]) -> float | None:
    """The weighted share of the role's core met, times its field's credit (None for a role
    without a core).

    The core is what defines a role, marked ``core`` in its file: for a Machine Learning
    Engineer building ML models, an ML library and deploying models ("designs and builds ML
    models ... deploys models to production"). The other requirements (Python, a cloud, a CS
    degree, communication) are what an ML engineer uses to do that work, and every software
    engineer shows them too: a web developer meets half the role by its weights without doing
    any ML. So they count only as far as the core is met, and a resume without any of the core
    scores low whatever else it shows, while one that meets the whole core scores as the plain
    weighted share. A core that mixes the role's field with what every field has (a Research
    Scientist's ML beside a PhD and papers) marks the field as its ``gate`` (gate_credit)."""
    core = [r for r in results if r.core]
    if not core:
        return None
    plain = sum(r.weight * r.credit for r in core) / sum(r.weight for r in core)
    return plain * gate_credit(results)


def gate_credit(results: Sequence[RequirementResult]) -> float:
    """The credit of the role's field, its ``gate`` requirement (the lowest when several); 1
    for a role without one. A pharmacist's PhD, papers and research meet three quarters of the
    Research Scientist's core, but none of it is research in machine learning, the role's
    field. So the whole score is multiplied by this credit: without ML a researcher scores 0
    on `rs`, as a web developer does on `mle`."""
    return min((r.credit for r in results if r.gate), default=1.0)


def _points(results: Sequence[RequirementResult], share: float | None, gate: float = 1.0) -> float:
    """The weight earned: the core's times the field's credit, the others times the core's
    share (which includes it)."""
    scale = 1.0 if share is None else share
    return sum(r.weight * r.credit * (gate if r.core else scale) for r in results)


def score_unscaled(results: Sequence[RequirementResult]) -> float:
    """The plain weighted share of the requirements met, the core aside."""
    return _percent(sum(r.weight * r.credit for r in results), sum(r.weight for r in results))


def core_note(results: Sequence[RequirementResult], share: float | None) -> str | None:
    """Why the score is below the plain share of requirements met, when it is: the role's
    field or the rest of its core not (fully) met, and the score without the rule."""
    if share is None or share == 1:
        return None
    total = sum(r.weight for r in results)
    scored = _percent(_points(results, share, gate_credit(results)), total)
    plain = score_unscaled(results)
    if scored >= plain:
        return None
    field = "; ".join(r.name for r in results if r.gate and r.credit < 1)
    if field:
        how = "not shown" if gate_credit(results) == 0 else "only partly shown"
        return (
            f"this role's field is {how} ({field}); without it the rest counts only as far "
            f"as it is shown, so the score is {scored:.0f} rather than the {plain:.0f} of "
            "the requirements met"
        )
    missing = "; ".join(r.name for r in results if r.core and r.credit < 1)
    shown = "not shown (missing" if share == 0 else f"only {share:.0%} met (not fully met"
    return (
        f"what defines this role is {shown}: {missing}); the other "
        f"requirements count only as far as it is met, so the score is {scored:.0f} rather "
        f"than the {plain:.0f} of the requirements met"
    )


def _with_gains(results: list[RequirementResult]) -> list[RequirementResult]:
    """Each requirement with its gain: the points the role score would rise by if it earned
    full credit, the others as they are. Outside the core that is its missing weight times
    the core's share; a core gap adds its missing weight and raises the core's share, and
    with it what the others count; the field's raises everything else too."""
    total = sum(r.weight for r in results)

    def points(items: list[RequirementResult]) -> float:
        return _points(items, core_share(items), gate_credit(items))

    now = points(results)

    def gain(index: int) -> float:
        if results[index].credit >= 1:
            return 0.0
        closed = [replace(r, credit=1.0) if i == index else r for i, r in enumerate(results)]
        return points(closed) - now

    return [replace(r, gain=_percent(gain(i), total)) for i, r in enumerate(results)]


def best_role(roles: Sequence[RoleResult]) -> BestRole | None:
    """The role with the highest score, with the reasons the others fall behind; None under
    two roles, and when every role scores 0 (none fits: naming one would say it does)."""
    if len(roles) < 2:
        return None
    ranked = sorted(roles, key=lambda r: -r.score)
    best, runner_up = ranked[0], ranked[1]
    if best.score <= 0:
        return None
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
        main = next(r for r in best.requirements if r.id == best.gaps[0])
        why.append(f"the main gap for {best.name}: {main.name} (+{main.gain:.0f} if closed)")
    return BestRole(
        id=best.id,
        name=best.name,
        score=best.score,
        runner_up=runner_up.id,
        margin=round(best.score - runner_up.score, 1),
        why=why,
    )
