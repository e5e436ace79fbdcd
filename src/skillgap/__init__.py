"""skillgap: how well a resume covers a Machine Learning Engineer or Research Scientist role."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skillgap._version import __version__

__all__ = ["Report", "__version__", "analyze", "load_taxonomy"]

if TYPE_CHECKING:
    from skillgap.analysis import analyze
    from skillgap.report import Report
    from skillgap.taxonomy import load_taxonomy


def __getattr__(name: str) -> Any:
    # The API is imported lazily so that `skillgap --help` never pays for spaCy or pydantic.
    if name == "analyze":
        from skillgap.analysis import analyze

        return analyze
    if name == "Report":
        from skillgap.report import Report

        return Report
    if name == "load_taxonomy":
        from skillgap.taxonomy import load_taxonomy

        return load_taxonomy
    raise AttributeError(f"module 'skillgap' has no attribute {name!r}")
