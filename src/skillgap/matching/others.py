"""Whose a skill's form is: a degree beside words about other people is theirs ("supervised
Master's students", "Supervised by Jane Doe, PhD"), and one sought or taught is no one's yet
("seeking ... a Master's/Ph.D. program", "Lecturer in the MSc Machine Learning programme").
A skill that qualifies people or posts is theirs ("hiring machine learning engineers", "define
ML roles"), and so is the skill of a team one works with ("worked with the ML team") and what
the people a recruiter found "with" a skill have ("sourced candidates with deep learning
experience")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from skillgap.matching.phrases import JOINERS

if TYPE_CHECKING:
    from skillgap.matching.phrases import Candidate
    from skillgap.matching.view import TokenView

#: Words that make a degree programme that follows in their sentence a wish, not something
#: held: a programme someone is "seeking" or "applying" to is not theirs ("currently
#: pursuing" one is).
_ASPIRATIONS = frozenset(
    {"seeking", "seek", "aspiring", "aspire", "hoping", "hope", "planning", "plan",
     "intend", "intending", "applying", "prospective"}
)  # fmt: skip
_ASPIRATION_REACH = 10
_PROGRAMMES = frozenset(
    {"program", "programs", "programme", "programmes", "position", "positions", "admission",
     "admissions", "studies", "applications", "student", "students", "candidate", "course",
     "courses", "module", "modules"}
)  # fmt: skip
#: Words of teaching: a degree programme taught is not one held ("Lecturer in the MSc Machine
#: Learning programme").
_TEACHING = frozenset(
    {"taught", "teach", "teaches", "teaching", "lecturer", "lectured", "lecturing", "instructor",
     "tutor", "tutored", "ta", "grader", "examiner"}
)  # fmt: skip
#: How far the words of others reach, in tokens of the degree's line and sentence: "mentored
#: two undergraduate and three Master's students", "PhD thesis committees".
_BEFORE_REACH = 8
_AFTER_REACH = 4
#: Words before another person's name whose degree follows it ("Supervised by Jane Doe, PhD").
_ADVISERS = frozenset(
    {"advisor", "adviser", "advisors", "supervisor", "supervisors", "supervised", "advised",
     "co-advised", "co-supervised", "prof", "prof.", "professor", "dr", "dr."}
)  # fmt: skip


#: People a skill can qualify: "Python developers", "machine learning engineers"; and the posts
#: a recruiter fills: "hired for NLP roles".
_PEOPLE = frozenset(
    {"engineers", "developers", "programmers", "scientists", "researchers", "practitioners",
     "specialists", "professionals", "candidates", "recruiters", "talent", "hires", "experts",
     "architects", "analysts", "consultants", "roles", "positions", "openings", "vacancies",
     "requisitions", "reqs"}
)  # fmt: skip
#: Organisations a skill can qualify, in the plural: others' trade, not the writer's ("CEOs of
#: deep learning companies", "profiles of computer vision startups"); one's own is singular
#: ("Founded a deep learning company").
_ORGANISATIONS = frozenset(
    {"companies", "startups", "start-ups", "firms", "vendors", "businesses", "organizations",
     "organisations", "ventures", "unicorns", "founders", "ceos", "ctos", "executives",
     "investors"}
)  # fmt: skip
#: Groups a skill can name, theirs when one works "with" them: "worked with the ML team".
_TEAMS = frozenset({"team", "teams", "group", "groups", "squad", "squads"})
_WITH = frozenset({"with", "from", "alongside"})
_WITH_REACH = 6


def of_others(
    skill_id: str,
    start: int,
    end: int,
    view: TokenView,
    others: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
) -> bool:
    """Whether a form of a skill is someone else's by the words around it, on its line and in
    its sentence: "supervised Master's research", "mentored MSc students", "PhD committees";
    or no one's yet: "seeking ... a Master's/Ph.D. program"."""
    if skill_id not in others:
        return False
    before, after = others[skill_id]
    line, stretch = view.lines[start], view.stretch_of(start)

    def near(index: int, words: tuple[str, ...]) -> bool:
        return (
            view.lowers[index] in words
            and view.lines[index] == line
            and view.stretch_of(index) == stretch
        )

    if any(near(i, after) for i in range(end, min(len(view.lowers), end + _AFTER_REACH))):
        return True
    if _sought(start, end, view) or _after_anothers_name(start, view):
        return True
    return any(near(i, before) for i in range(max(0, start - _BEFORE_REACH), start))


def _sought(start: int, end: int, view: TokenView) -> bool:
    """A degree sought or taught, not held: a word of wishing or of teaching before it in its
    sentence and a programme, position or course right after it ("Seeking to advance AI
    research through a Masters/Ph.D. program", "TA for the MSc Data Science programme"). A
    posting's "we are seeking someone with a PhD" names no programme, so it keeps its degree,
    and "my MSc programme" is the writer's."""
    if start > 0 and view.lowers[start - 1] in {"my", "our"}:
        return False
    stretch = view.stretch_of(start)
    after = range(end - 1, min(len(view.lowers), end + 3))  # "PhD student" ends in one
    return any(
        view.lowers[index] in _PROGRAMMES and view.lines[index] == view.lines[start]
        for index in after
    ) and any(
        (view.lowers[index] in _ASPIRATIONS or view.lowers[index] in _TEACHING)
        and view.stretch_of(index) == stretch
        for index in range(max(0, start - _ASPIRATION_REACH), start)
    )


def _after_anothers_name(start: int, view: TokenView) -> bool:
    """A degree after a comma or bracket that follows a capitalised name, on a line that
    names an adviser before it: "Supervised by Jane Doe, PhD", "with Dr. Smith (PhD)". The
    writer's own "Jane Doe, PhD" atop a resume names no adviser."""
    if start < 2 or view.lowers[start - 1] not in {",", "("}:
        return False
    name = view.text_of(start - 2, start - 1)
    line = view.lines[start]
    return name[:1].isupper() and any(
        view.lowers[index] in _ADVISERS and view.lines[index] == line
        for index in range(max(0, start - 8), start - 2)
    )


#: Words after people that bring in what they have: "candidates with deep learning experience".
_PEOPLES_OWN = frozenset({"with", "having", "skilled", "experienced", "versed", "proficient"})
#: Verbs of finding people for others, before the people: a recruiter's "sourced candidates
#: with ...", never a posting's "Candidates with a PhD are preferred".
_RECRUITING = frozenset(
    {"hired", "hiring", "sourced", "sourcing", "recruited", "recruiting", "placed", "placing",
     "screened", "screening", "interviewed", "interviewing", "staffed", "staffing", "matched",
     "headhunted", "shortlisted", "vetted", "hire", "source", "recruit", "place", "screen"}
)  # fmt: skip
_RECRUITING_REACH = 4


def _what_people_have(view: TokenView) -> list[tuple[int, int]]:
    """The token ranges after "<people> with" ("candidates with", "engineers with"), when a
    verb of recruiting comes just before the people, to the end of their sentence on the line:
    what the people a recruiter found have, not the recruiter ("Sourced candidates with deep
    learning and computer vision experience")."""
    lowers, spans = view.lowers, []
    for index in range(len(lowers) - 1):
        recruited = any(
            lowers[i] in _RECRUITING and view.lines[i] == view.lines[index]
            for i in range(max(0, index - _RECRUITING_REACH), index)
        )
        if recruited and lowers[index] in _PEOPLE and lowers[index + 1] in _PEOPLES_OWN:
            _, stop = view.stretch(view.stretch_of(index))
            end = index + 2
            while end < stop and view.lines[end] == view.lines[index]:
                end += 1
            spans.append((index + 2, end))
    return spans


def drop_people(candidates: list[Candidate], view: TokenView) -> list[Candidate]:
    """A skill that qualifies people is theirs, not the writer's: "hiring machine learning
    engineers", "recruited Python developers", "worked alongside data engineers and NLP
    researchers", and each skill joined to such a one ("Python and Java developers"), and the
    team one works with or gets something from ("worked with the ML team", "with the NLP and
    CV teams", "served from the ML team's API"); so is what the people a recruiter found
    "with" it have, to the end of the sentence on its line ("sourced candidates with deep
    learning and computer vision experience"). A job title in the singular ("Machine Learning
    Engineer") is the person's. So are the organisations a skill qualifies in the plural, and
    their heads ("CEOs of deep learning companies"), but for those the writer worked at or
    for ("at two fintech companies"); one's own is singular ("founded a deep learning
    company")."""
    people_at: set[int] = set()  # where a dropped candidate starts
    for candidate in sorted(candidates, key=lambda c: -c.start):
        end = candidate.end
        if end >= len(view.lowers) or view.lines[end] != view.lines[candidate.start]:
            continue
        word = view.lowers[end]
        if (
            word in _PEOPLE
            or (word in _ORGANISATIONS and not _worked_in(candidate.start, view))
            or (word in JOINERS and end + 1 in people_at)
            or (word in _TEAMS and (_after_with(candidate.start, view) or _owns(end + 1, view)))
        ):
            people_at.add(candidate.start)
    theirs = _what_people_have(view)
    return [
        candidate
        for candidate in candidates
        if candidate.start not in people_at and not any(a <= candidate.start < b for a, b in theirs)
    ]


#: Words before organisations the writer worked in: "founding member at two fintech companies".
_WORKED_IN = frozenset({"at", "in", "for", "within", "joined"})
#: Words that, nearer to them, link organisations to someone else: "CEOs of ...".
_OTHER_LINKS = frozenset({"of", "to", "with", "about", "from", "among", "by", "on"})


def _worked_in(start: int, view: TokenView) -> bool:
    """Whether the organisations a skill qualifies are ones the writer worked at or for, by
    the nearest linking word a few tokens before on its line ("at two fintech companies",
    "consulting for AI startups"; not "dinners for CEOs of deep learning companies")."""
    for index in range(start - 1, max(-1, start - 1 - _WITH_REACH), -1):
        word = view.lowers[index]
        if view.lines[index] != view.lines[start] or word in _OTHER_LINKS:
            return False
        if word in _WORKED_IN:
            return True
    return False


def _after_with(start: int, view: TokenView) -> bool:
    """Whether "with", "from" or "alongside" stands a few tokens before ``start``, on its
    line: a team one works with or gets something from."""
    return any(
        view.lowers[i] in _WITH and view.lines[i] == view.lines[start]
        for i in range(max(0, start - _WITH_REACH), start)
    )


def _owns(index: int, view: TokenView) -> bool:
    """Whether token ``index`` is a possessive: "the ML team's API"."""
    return index < len(view.lowers) and view.lowers[index] in {"'s", "\u2019s", "'"}
