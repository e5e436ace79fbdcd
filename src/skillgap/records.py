"""One record per input, analysed or failed, so a batch never loses an input."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from skillgap.report import Report

if TYPE_CHECKING:
    from skillgap.report import ErrorRecord


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed."""

    path: str
    code: str
    message: str

    def to_json(self) -> dict[str, object]:
        return self._record().model_dump(mode="json")

    def model_dump_json(self, *, indent: int | None = None) -> str:
        return self._record().model_dump_json(indent=indent)

    def _record(self) -> ErrorRecord:
        from skillgap.report import ErrorDetail, ErrorInput, ErrorRecord

        return ErrorRecord(
            input=ErrorInput(path=self.path),
            error=ErrorDetail(code=self.code, message=self.message),
        )


Record = Report | Failure
