"""The skill and section ids the code names, so that the data cannot drop one unnoticed.

A taxonomy that lacks one of :data:`REQUIRED_SKILL_IDS` is a :class:`~skillgap.errors.TaxonomyError`
at load (:mod:`skillgap.taxonomy`); section data that lacks one of :data:`REQUIRED_SECTION_IDS`
is one too (:mod:`skillgap.sections`).
"""

from __future__ import annotations

#: The skill whose hits name publication venues (NeurIPS, ICML...): the venues of the profile.
RESEARCH_VENUES = "research-venues"
#: The skill of published papers, whose evidence beside a venue is research evidence
#: (:mod:`skillgap.research`).
PUBLICATIONS = "publications"
#: Reviewing for venues, research evidence when a venue is named (:mod:`skillgap.research`).
PEER_REVIEW = "peer-review"
#: The degree skills, read as the levels of the profile's degrees.
DEGREE_BACHELOR = "degree-bachelor"
DEGREE_MASTER = "degree-master"
DEGREE_PHD = "degree-phd"
#: Data analysis of any trade ("data analysis tools"): no sign of a machine-learning role alone.
DATA_SCIENCE = "data-science"
#: The soft skills a posting may name without asking for them (:mod:`skillgap.posting_soft`).
COMMUNICATION = "communication"
COLLABORATION = "collaboration"
#: Software design, which a posting's words for good code do not ask for.
SOFTWARE_DESIGN = "software-design"
#: The level of the profile's degrees (``Degree.level``) each degree skill is.
DEGREE_LEVELS = {DEGREE_BACHELOR: "bachelor", DEGREE_MASTER: "master", DEGREE_PHD: "phd"}

REQUIRED_SKILL_IDS = frozenset(
    {
        RESEARCH_VENUES,
        PUBLICATIONS,
        PEER_REVIEW,
        DEGREE_BACHELOR,
        DEGREE_MASTER,
        DEGREE_PHD,
        DATA_SCIENCE,
        COMMUNICATION,
        COLLABORATION,
        SOFTWARE_DESIGN,
    }
)

#: Where a skill is listed rather than used; group titles ("Languages:") stay inside it.
SKILLS_SECTION = "skills"
#: Where degrees are stated; weak evidence of a practical skill (coursework).
EDUCATION_SECTION = "education"
#: The sections whose entries the profile counts.
PUBLICATIONS_SECTION = "publications"
TALKS_SECTION = "talks"
#: Weak evidence of a practical skill, with education (see ``scoring.WEAK_SECTIONS``).
AWARDS_SECTION = "awards"
OTHER_SECTION = "other"

REQUIRED_SECTION_IDS = frozenset(
    {
        SKILLS_SECTION,
        EDUCATION_SECTION,
        PUBLICATIONS_SECTION,
        TALKS_SECTION,
        AWARDS_SECTION,
        OTHER_SECTION,
    }
)
