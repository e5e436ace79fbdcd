"""skillgap: how well a resume covers a Machine Learning Engineer or Research Scientist role."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skillgap._version import __version__
from skillgap.inputs import RESUME_EXTENSIONS

__all__ = [
    "RESUME_EXTENSIONS",
    "ErrorRecord",
    "Report",
    "__version__",
    "analyze",
    "analyze_record",
    "analyze_text",
    "load_taxonomy",
]

if TYPE_CHECKING:
    from skillgap.analysis import analyze, analyze_record, analyze_text
    from skillgap.report import ErrorRecord, Report
    from skillgap.taxonomy import load_taxonomy

#: Where each lazily imported name lives.
_LAZY = {
    "analyze": "skillgap.analysis",
    "analyze_record": "skillgap.analysis",
    "analyze_text": "skillgap.analysis",
    "ErrorRecord": "skillgap.report",
    "Report": "skillgap.report",
    "load_taxonomy": "skillgap.taxonomy",
}


def __getattr__(name: str) -> Any:
    # The API is imported lazily so that `skillgap --help` never pays for spaCy or pydantic.
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'skillgap' has no attribute {name!r}")
