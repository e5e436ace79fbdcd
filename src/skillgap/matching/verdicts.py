"""A name a posting passes a verdict on is a skill: "Scala is a plus", "Go experience
preferred", "Zorblib or similar tools".

Postings judge what they ask for in a few fixed phrasings. A name followed by one of them is
a requirement, so an ambiguous form ("Scala", "Go") counts without a cue word, and a name the
taxonomy does not know is listed as an unrecognised term even where it starts its sentence.
Resumes hardly use these phrasings, which is why they are safe as context.
"""

from __future__ import annotations

import re

_ABOUT = r"(?:(?:experience|knowledge|skills?|expertise|proficiency|background|familiarity)\s+)?"
_VERDICT = re.compile(
    rf"\s*{_ABOUT}(?:(?:is|are|would\s+be|will\s+be)\s+)?(?:(?:a|an|also|highly|strongly|very"
    r"|considered|definitely)\s+)*(?:plus|bonus|preferred|required|desired|desirable"
    r"|advantage(?:ous)?|asset|nice[\s-]to[\s-]have|beneficial)\b",
    re.IGNORECASE,
)
_SIMILAR = re.compile(
    r",?\s*(?:\(\s*)?or\s+(?:a\s+)?(?:similar|equivalent|comparable|alternative|another|other)\b",
    re.IGNORECASE,
)


def judged(after: str) -> bool:
    """Whether the text right after a name passes a posting's verdict on it: "is a plus",
    "experience preferred", "or similar tools"."""
    return _VERDICT.match(after) is not None or _SIMILAR.match(after) is not None
