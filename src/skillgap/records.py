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
        from skillgap.report import SCHEMA_VERSION

        return {
            "schema_version": SCHEMA_VERSION,
            "status": "error",
            "input": {"path": self.path},
            "error": {"code": self.code, "message": self.message},
        }


Record = Report | Failure
