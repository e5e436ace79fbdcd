"""One record per input, analysed or failed, so a batch never loses an input."""

from __future__ import annotations

from dataclasses import dataclass

from skillgap.report import Report


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed."""

    path: str
    code: str
    message: str

    def to_json(self) -> dict[str, object]:
        from skillgap.report import ErrorDetail, ErrorInput, ErrorRecord

        record = ErrorRecord(
            input=ErrorInput(path=self.path),
            error=ErrorDetail(code=self.code, message=self.message),
        )
        return record.model_dump(mode="json")


Record = Report | Failure
