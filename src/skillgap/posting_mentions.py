"""Places where a posting names a skill without asking the candidate for it.

A recruiter skips a skill's name when it only names someone or something else:

- a team or the colleagues the candidate will work with ("our MLOps team", "the cloud
  platform and ML Systems backend teams", "with software engineers, data scientists and
  researchers", "cross-functional teams like Bigdata, DevOps, Infra");
- a link ("similar to github.com/acme/server"): it points to a project, and asks for no
  GitHub;
- the label of a list ("Devops: GitHub CI, Docker, Conda", "ML Domains: LLMs, VLMs"): the
  items after it are what is asked;
- the company's own product, named with the company's possessive and a noun for a product
  ("Clarifai's AI platform", "Acme's generative AI capabilities") or beside its other ones
  ("integrate AI into Marketplace and our other products");
- what the company's own systems are, that the candidate's work feeds, powers or serves
  ("pipelines that feed our fraud-detection models", "services powering our search"): the
  candidate builds what feeds them, and is asked for no fraud detection;
- the company itself, when its name is a skill's ("Redpanda is building the streaming data
  platform", "Join Redpanda if you'd enjoy..."): the name names the company wherever it stands.

What the candidate needs is said about the candidate ("experience with ML infrastructure"),
so such names give no requirement wherever they stand. What the candidate will work on
stays one ("scale our ML infrastructure", "deploy models on our Kubernetes clusters"): a
sentence about the company's own things is left to the reading of sections
(:mod:`skillgap.posting_sections`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.matching import Hit
from skillgap.posting_soft import asks_no_design, asks_no_soft_skill
from skillgap.taxonomy import Taxonomy

#: Nouns for a team or for people, right after a skill's name or one word on ("ML Systems
#: backend teams", "data engineers"): a plural of people names colleagues, not the candidate.
_UNITS = r"teams?|groups?|departments?"
_PEOPLE = r"engineers|scientists|researchers|analysts|developers"
_TEAM_AFTER = re.compile(
    rf"[ \t-]+([\w&/-]+[ \t]+)?({_UNITS}|org(anization|anisation)?s?|{_PEOPLE})\b",
    re.IGNORECASE,
)
#: Two teams named together before their noun ("cloud platform and ML systems backend teams",
#: "data science and engineering teams"): the first is a team too; not a skill and work with
#: teams ("Python and working in teams": a word in -ing is a verb, but for a trade's name
#: alone before the noun).
_TEAMS_AFTER = re.compile(
    r"[ \t]+(and|&|or)[ \t]+(((?!(with|in|on|for|across|of|to|within|among|other|our|"
    r"cross-functional|\w+ing)\b)[\w&/-]+[ \t]+){1,3}|(engineering|marketing|accounting|"
    r"manufacturing)[ \t]+)(teams|groups|departments)\b",
    re.IGNORECASE,
)
#: A head of a department before its name ("report to the Head of Data Science", "our VP of
#: Machine Learning"): the name is the department's, unless the candidate is to have been
#: one ("experience as a Head of Data Science").
_HEAD_OF_BEFORE = re.compile(
    r"(?<!\bas )(?<!\bas a )(?<!\bas an )\b(head|vp|svp|evp|vice[ \t]+president|director|"
    r"chief)[ \t]+of[ \t]+(the[ \t]+)?$",
    re.IGNORECASE,
)
#: Teams named as examples after their noun ("teams like Bigdata, DevOps, Infra etc."), up to
#: the skill's name: every item of that list is a team.
_TEAMS_BEFORE = re.compile(
    r"\b(teams|groups|departments)[ \t]+(like|such as|including|e\.g\.,?|i\.e\.,?)[ \t]+"
    r"([\w&/.+-]+([ \t]+[\w&/.+-]+)?[ \t]*(,|and|&|or)[ \t]*)*$",
    re.IGNORECASE,
)
#: Verbs before a team that make it the candidate's experience ("leading machine learning
#: teams" asks for machine learning).
_RUNS_TEAMS = re.compile(
    r"\b(lead|leading|led|manage|managing|managed|build|building|built|grow|growing|scale|"
    r"scaling|hire|hiring|head|heading)[ \t]+([\w-]+[ \t]+)?$",
    re.IGNORECASE,
)
#: A skill's matched words that end in such a noun ("data scientists", "Research Team").
_TEAM_IN = re.compile(rf"\b({_UNITS}|{_PEOPLE})$", re.IGNORECASE)
#: A company's possessive up to two words before a skill's name: the thing is its own.
_POSSESSIVE_BEFORE = re.compile(
    r"(\b(?!(?i:bachelor|master)['\u2019])[A-Z][\w.&-]*['\u2019]s)"
    r"[ \t]+([\w-]+[ \t]+){0,2}$"
)
#: Nouns for what a company makes, ending a skill's name or right after it ("systems" is not
#: one: "improve our recommendation systems" is work the candidate will do).
_PRODUCT_IN = re.compile(r"\b(platforms?|infrastructure)$", re.IGNORECASE)
_PRODUCT_AFTER = re.compile(
    r"[ \t-]+(platforms?|infrastructure|capabilit(y|ies)|products?|solutions?|"
    r"offerings?|suite|engine)\b",
    re.IGNORECASE,
)
#: A name listed with the company's own things ("into Marketplace and our other products").
_AMONG_OWN = re.compile(
    r"[ \t]+(and|&|or)[ \t]+(our|its|their)[ \t]+other[ \t]+(products?|services?|platforms?|"
    r"offerings?|apps?|applications?|tools?)\b",
    re.IGNORECASE,
)
#: The company's own system that the candidate's work feeds, powers or serves, up to three
#: words before the skill's name ("that feed our real-time fraud-detection models"); said by
#: what is built ("that ..." or "-ing"), not a duty ("Serve our models" asks for serving);
#: a name after "using", "with"... is the candidate's tool ("that feed our models using Spark").
_FEEDS_OWN = re.compile(
    r"\b((that|which)[ \t]+(will[ \t]+|directly[ \t]+)?(feeds?|powers?|serves?|fuels?|drives?|"
    r"supports?)|feeding|powering|fuell?ing)[ \t]+(into[ \t]+)?(our|the company['\u2019]s)[ \t]+"
    r"((?!(using|with|in|on|via|by|through|for|to|and|or)\b)[\w-]+[ \t]+){0,3}$",
    re.IGNORECASE,
)
#: What only a company is or does, said right after its name ("Redpanda is building", "Acme
#: is used by"), and "Join" before it: the name is the company's.
_COMPANY_AFTER = re.compile(
    r"[ \t]+(is|are|was)[ \t]+(building|used by|trusted by|backed by|hiring|headquartered|"
    r"founded|proud|an equal|the leading|a leading|on a mission)\b"
)
_JOIN_BEFORE = re.compile(r"\b(join|joining)[ \t]+$", re.IGNORECASE)
#: A web address: a scheme, "www." or a domain with a path.
_LINK = re.compile(r"://|^www\.|\.(com|org|io|net|ai|dev)/", re.IGNORECASE)
#: Up to two more words and a colon after a skill's name at the start of a line.
_LIST_LABEL = re.compile(r"[ \t]*([\w&/-]+[ \t]+){0,2}?[\w&/-]*:[ \t]")
#: Only marks (bullets, emphasis) before a list's label on its line.
_LINE_START = re.compile(r"(^|\n)[^\w\n]*$")
#: How far before a skill's name a possessive is looked for.
_LOOK_BACK = 60


def names_no_skill(text: str, hit: Hit, taxonomy: Taxonomy) -> bool:
    """Whether a hit only names a team, colleagues, a link or the company's product. A soft
    skill is practised with teams and people ("work with teams"), unless its words only name
    a duty of mentoring or the team the job sits in (:mod:`skillgap.posting_soft`)."""
    if _LINK.search(hit.text) or asks_no_design(hit):
        return True
    if taxonomy.skills[hit.skill_id].category == "soft-skills":
        return asks_no_soft_skill(hit)
    before = text[max(0, hit.start - _LOOK_BACK) : hit.start]
    team = (
        _TEAM_IN.search(hit.text)
        or _TEAM_AFTER.match(text, hit.end)
        or _TEAMS_AFTER.match(text, hit.end)
        or _TEAMS_BEFORE.search(before)
    )
    if team is not None and not _RUNS_TEAMS.search(before):
        return True
    if _AMONG_OWN.match(text, hit.end) or _FEEDS_OWN.search(before):
        return True
    if _HEAD_OF_BEFORE.search(before):
        return True
    product = _PRODUCT_IN.search(hit.text) or _PRODUCT_AFTER.match(text, hit.end)
    return product is not None and _POSSESSIVE_BEFORE.search(before) is not None


def company_names(text: str, hits: Sequence[Hit]) -> set[Hit]:
    """The hits whose words the posting also uses as the company's name (capitalised, as
    names are): every place they stand names the company, not a skill."""
    names = {
        hit.text
        for hit in hits
        if hit.text[:1].isupper()
        and (
            _COMPANY_AFTER.match(text, hit.end)
            or _JOIN_BEFORE.search(text, max(0, hit.start - 12), hit.start)
        )
    }
    return {hit for hit in hits if hit.text in names}


def list_labels(text: str, hits: Sequence[Hit]) -> set[Hit]:
    """The hits that label a list of skills at the start of their line ("Devops: GitHub CI,
    Docker"; not "Python: 3+ years"): two skills or more follow the colon."""
    labels = set()
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.start) + 1
        label = _LIST_LABEL.match(text, hit.end)
        if label is None or not _LINE_START.search(text[line_start : hit.start]):
            continue
        line_end = text.find("\n", label.end())
        line_end = len(text) if line_end < 0 else line_end
        if sum(1 for h in hits if label.end() <= h.start < line_end) >= 2:
            labels.add(hit)
    return labels
