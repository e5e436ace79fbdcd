"""Thresholds for CI: a role score, a category score, skills that must be found."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from skillgap.errors import UsageError
from skillgap.report import Check, Report
from skillgap.taxonomy import Role, Taxonomy


@dataclass(frozen=True)
class Thresholds:
    """What a report must reach; empty means nothing is checked."""

    fail_under: float | None = None
    categories: Mapping[str, float] = field(default_factory=dict)
    require: Sequence[str] = ()

    def __bool__(self) -> bool:
        return self.fail_under is not None or bool(self.categories) or bool(self.require)

    def validate(self, taxonomy: Taxonomy, roles: Sequence[Role] = ()) -> None:
        """Unknown category or skill ids are usage errors, caught before any input is read;
        so is a category none of the ``roles`` to score has (its check would never run)."""
        asked = {r.category for role in roles for r in role.requirements}
        for category in self.categories:
            if roles and category in taxonomy.categories and category not in asked:
                names = ", ".join(role.id for role in roles)
                raise UsageError(
                    f"category {category!r} is in none of the roles scored ({names}), so "
                    "--fail-under-category would check nothing; choose a role that has it"
                )
        for value in [self.fail_under, *self.categories.values()]:
            if value is not None and not 0 <= value <= 100:
                raise UsageError(f"threshold {value:g} is outside 0-100")
        for category in self.categories:
            if category not in taxonomy.categories:
                known = ", ".join(sorted(taxonomy.categories))
                raise UsageError(f"unknown category {category!r} (known: {known})")
        for skill in self.require:
            if skill not in taxonomy.skills:
                hint = _id_like(skill, taxonomy)
                raise UsageError(
                    f"unknown skill id {skill!r} in --require"
                    + (f" (did you mean {hint!r}?)" if hint else " (see 'skillgap skills ROLE')")
                )


def _id_like(word: str, taxonomy: Taxonomy) -> str | None:
    """The id of the skill a word names ("spark": apache-spark), else the closest id."""
    key = word.casefold().replace("-", " ")
    for skill in taxonomy.skills.values():
        if key in {form.casefold().replace("-", " ") for form in (skill.name, *skill.forms)}:
            return skill.id
    close = difflib.get_close_matches(word.casefold(), list(taxonomy.skills), n=1, cutoff=0.75)
    return close[0] if close else None


def parse_category_thresholds(values: Sequence[str]) -> dict[str, float]:
    """``["ml-libraries=80", "cloud=50"]`` -> ``{"ml-libraries": 80.0, "cloud": 50.0}``."""
    thresholds: dict[str, float] = {}
    for value in values:
        category, separator, number = value.partition("=")
        try:
            if not separator or not category.strip():
                raise ValueError
            thresholds[category.strip()] = float(number)
        except ValueError:
            raise UsageError(
                f"--fail-under-category takes CATEGORY=N, e.g. ml-libraries=80, not {value!r}"
            ) from None
    return thresholds


def evaluate(report: Report, thresholds: Thresholds) -> list[Check]:
    """Every threshold judged on one report, in a stable order."""
    checks: list[Check] = []
    if thresholds.fail_under is not None:
        for role in report.roles:
            checks.append(_check("score", role.id, thresholds.fail_under, role.score,
                                 f"{role.name} score"))  # fmt: skip
    for category, minimum in thresholds.categories.items():
        for role in report.roles:
            for score in role.categories:
                if score.id == category:
                    checks.append(_check("category", f"{role.id}:{category}", minimum,
                                         score.score, f"{role.name}: {score.name}"))  # fmt: skip
    found = {skill.id for skill in report.skills}
    for skill in thresholds.require:
        passed = skill in found
        checks.append(
            Check(
                kind="require",
                target=skill,
                minimum=None,
                actual=None,
                passed=passed,
                message=f"required skill {skill!r} {'found' if passed else 'not found'}",
            )
        )
    return checks


def _check(kind: str, target: str, minimum: float, actual: float, label: str) -> Check:
    passed = actual >= minimum
    gap = "" if passed else f", {minimum - actual:.1f} short"
    verb = "reaches" if passed else "is under"
    return Check(
        kind=kind,  # type: ignore[arg-type]
        target=target,
        minimum=minimum,
        actual=actual,
        passed=passed,
        message=f"{label} {actual:.1f} {verb} {minimum:g}{gap}",
    )
