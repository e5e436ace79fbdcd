"""Find the skills of a taxonomy in a text, with evidence.

Compile, then run: :func:`compile_patterns` turns a taxonomy into plain, frozen
:class:`CompiledPatterns` (cached between runs as JSON), and a :class:`Matcher` runs its
stages over a text. :func:`find_skills` does both for resumes and postings alike.
"""

from skillgap.matching.compiled import CompiledPatterns, compile_patterns
from skillgap.matching.find import FoundInText, find_skills, forget_matchers, matcher_for
from skillgap.matching.hit import Hit
from skillgap.matching.implied import served_venue
from skillgap.matching.matcher import Matcher

__all__ = [
    "CompiledPatterns",
    "FoundInText",
    "Hit",
    "Matcher",
    "compile_patterns",
    "find_skills",
    "forget_matchers",
    "matcher_for",
    "served_venue",
]
