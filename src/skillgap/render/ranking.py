"""A ranking (``skillgap compare``): resumes best first, as a text table, Markdown or JSON.

The items are the ranked resumes, then the inputs that failed: every input appears in every
format, a failed one below the ranking with its error (and on stderr). A table's heading names
the role as the first ranked resume gives it (the role id when none was ranked), so it is
written with the first row.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from skillgap.ranking import Ranked
from skillgap.records import Failure
from skillgap.render.base import Renderer, printable
from skillgap.render.markdown import cell

RankingItem = Ranked | Failure


def ranking_json(item: RankingItem, role_id: str) -> dict[str, Any]:
    if isinstance(item, Failure):
        return item.to_json()
    return {
        "rank": item.rank,
        "path": item.path,
        "role": role_id,
        "score": item.role.score,
        "required_score": item.role.required_score,
        "preferred_score": item.role.preferred_score,
        "gaps": item.role.gaps,
        "warnings": item.role.warnings,
    }


def preferred(item: Ranked) -> str:
    """The preferred score as shown, "-" for a role without preferred requirements."""
    return f"{item.role.preferred_score:.0f}" if item.role.has_preferred else "-"


class RankingRows(Renderer[RankingItem]):
    """Rows of ranked resumes under a heading, then the inputs that could not be ranked."""

    def __init__(self, role_id: str, role_name: str | None = None) -> None:
        self.role_id = role_id
        self.role_name = role_name or role_id
        self.rows = 0
        self.failures = 0

    @abstractmethod
    def heading(self, role_name: str, warnings: list[str] | None = None) -> str: ...

    @abstractmethod
    def row(self, item: Ranked) -> str: ...

    @abstractmethod
    def failure(self, item: Failure, first: bool) -> str:
        """An input that could not be ranked; ``first``: the first of them."""

    def text(self, item: RankingItem) -> str:
        return "" if isinstance(item, Failure) else self.row(item)

    def record(self, item: RankingItem) -> str:
        if isinstance(item, Failure):
            # Failures come after every ranked resume: an empty ranking says so first.
            empty = "" if self.rows or self.failures else self._empty()
            self.failures += 1
            return empty + self.failure(item, first=self.failures == 1)
        heading = "" if self.rows else self.heading(item.role.name, item.role.warnings)
        self.rows += 1
        return heading + self.text(item)

    def end(self) -> str:
        return "" if self.rows or self.failures else self._empty()

    def _empty(self) -> str:
        return self.heading(self.role_name) + self.nothing_ranked()

    def nothing_ranked(self) -> str:
        """Below an empty ranking's heading: why it is empty (the errors follow)."""
        return "no resume could be ranked\n"


class RankingTable(RankingRows):
    def heading(self, role_name: str, warnings: list[str] | None = None) -> str:
        return (
            f"Ranking for {printable(role_name)} ({self.role_id})\n"
            + "".join(f"warning: {printable(warning)}\n" for warning in warnings or ())
            + f"{'rank':>4}  {'score':>5}  {'req':>3}  {'pref':>4}  {'gaps':>4}  resume\n"
        )

    def row(self, item: Ranked) -> str:
        role = item.role
        return (
            f"{item.rank:>4}  {role.score:5.1f}  {role.required_score:3.0f}  "
            f"{preferred(item):>4}  {len(role.gaps):>4}  {printable(item.path)}\n"
        )

    def failure(self, item: Failure, first: bool) -> str:
        head = "not ranked:\n" if first else ""
        return f"{head}   -  {printable(item.message)} ({item.code})\n"


class RankingMarkdown(RankingRows):
    def heading(self, role_name: str, warnings: list[str] | None = None) -> str:
        return (
            f"## Ranking for {cell(role_name)} (`{self.role_id}`)\n\n"
            + "".join(f"> **Warning:** {cell(warning)}\n\n" for warning in warnings or ())
            + "| Rank | Resume | Score | Required | Preferred | Gaps |\n"
            "| ---: | --- | ---: | ---: | ---: | ---: |\n"
        )

    def nothing_ranked(self) -> str:
        return "\nNo resume could be ranked.\n"

    def row(self, item: Ranked) -> str:
        role = item.role
        return (
            f"| {item.rank} | {cell(item.path)} | **{role.score:.0f}** | {role.required_score:.0f} "
            f"| {preferred(item)} | {len(role.gaps)} |\n"
        )

    def failure(self, item: Failure, first: bool) -> str:
        head = "\n**Not ranked:**\n\n" if first else ""
        return f"{head}- {cell(item.message)} (`{item.code}`)\n"
