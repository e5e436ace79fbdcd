"""Ranking resumes for one role: who covers it best, and by what margin."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from skillgap.batch import Job, analyse_path
from skillgap.records import Failure
from skillgap.report import RoleResult


@dataclass(frozen=True)
class Standing:
    """What a ranking shows of one resume's result for the role."""

    name: str
    score: float
    required_score: float
    preferred_score: float
    gaps: list[str]
    #: The role's own warnings (a posting's): the same for every resume.
    warnings: list[str]
    #: Whether the role has preferred requirements at all (a posting may have none): without,
    #: its preferred score is no score.
    has_preferred: bool = True

    @classmethod
    def of(cls, role: RoleResult) -> Standing:
        has_preferred = any(r.importance == "preferred" for r in role.requirements)
        return cls(
            role.name, role.score, role.required_score, role.preferred_score, role.gaps,
            role.warnings, has_preferred,
        )  # fmt: skip


@dataclass(frozen=True)
class Ranked:
    rank: int
    path: str
    role: Standing


@dataclass(frozen=True)
class Ranking:
    """Resumes best first, then the inputs that failed."""

    role_id: str
    role_name: str
    ranked: list[Ranked]
    failures: list[Failure]

    def items(self) -> list[Ranked | Failure]:
        """What a ranking shows, in order: the ranked resumes, then the inputs that failed."""
        return [*self.ranked, *self.failures]


#: What ranking keeps of one input: its path and its standing, or its failure.
Entry = tuple[str, Standing] | Failure


def entry(path: str, job: Job) -> Entry:
    """Analyse one input for a ranking (in a worker process) and keep only its standing: a
    ranking of thousands of resumes holds no skills, evidence or requirements."""
    record = analyse_path(path, job)
    if isinstance(record, Failure):
        return record
    return record.input.path, Standing.of(record.roles[0])


def lost_entry(failure: Failure, job: Job) -> Entry:
    """The entry of an input whose worker died or ran out of time."""
    return failure


def rank(entries: Iterable[Entry], role_id: str) -> Ranking:
    """Resumes ordered by their score for the role, best first; ties keep input order."""
    scored: list[tuple[str, Standing]] = []
    failures: list[Failure] = []
    for item in entries:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            scored.append(item)
    scored.sort(key=lambda item: -item[1].score)
    ranked = [Ranked(rank=i, path=path, role=role) for i, (path, role) in enumerate(scored, 1)]
    name = ranked[0].role.name if ranked else role_id
    return Ranking(role_id=role_id, role_name=name, ranked=ranked, failures=failures)
