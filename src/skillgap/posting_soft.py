"""Soft skills and habits a posting names without asking for them.

On a resume, mentoring shows communication and being a member of a team shows collaboration.
A posting says the same words of the job, not of the candidate: "mentor junior engineers"
is a senior role's duty (a recruiter reads seniority into it, not a communication skill),
and "as a member of our research team, you will..." or "you'll be part of a team driven by
values" says where the job sits. What a posting asks of the candidate's soft skills it
states as a quality or an ability ("strong communication skills", "the ability to work with
others in a collaborative team", "communicate clearly with stakeholders"), and those stay
requirements wherever they stand.

Likewise the code a posting wants written ("write clean, maintainable code following best
practices", "maintain code quality") is a habit every engineering posting names; a recruiter
reads no software design into it. Design itself stays one ("object-oriented design",
"software design patterns", "software architecture").
"""

from __future__ import annotations

import re

from skillgap.ids import COLLABORATION, COMMUNICATION, SOFTWARE_DESIGN
from skillgap.matching import Hit

#: Communication found only by a word of mentoring or coaching ("mentor", "mentorship",
#: "coach and guide junior analysts").
_MENTORING = re.compile(r"(mentor|coach)\w*\b", re.IGNORECASE)
#: Collaboration found only by a place in a team ("member of our team", "part of a team").
_IN_A_TEAM = re.compile(r"(part|members?)\s+of\b", re.IGNORECASE)
#: Software design found only by words for good code ("maintainable code", "code quality").
_GOOD_CODE = re.compile(
    r"((clean|maintainable|modular|reusable|readable)\s+code|code\s+quality)", re.IGNORECASE
)


def asks_no_soft_skill(hit: Hit) -> bool:
    """Whether a posting's soft-skill hit only names a duty of mentoring or the team the job
    sits in, and asks the candidate for no soft skill."""
    if hit.skill_id == COMMUNICATION:
        return _MENTORING.match(hit.text) is not None
    if hit.skill_id == COLLABORATION:
        return _IN_A_TEAM.match(hit.text) is not None
    return False


def asks_no_design(hit: Hit) -> bool:
    """Whether a posting's software-design hit only names the good code it wants written."""
    return hit.skill_id == SOFTWARE_DESIGN and _GOOD_CODE.fullmatch(hit.text) is not None
