"""Alternatives in a posting's sentence: which named skills are one requirement.

A recruiter reads "Python, Java or C++" as one requirement met by any of them, and
"Python and SQL" as two. Lists of examples are one requirement too, however they are joined:

- introduced by "such as", "e.g.", "i.e.", "including", "like", "for example", or in
  parentheses after a kind ("a cloud platform (AWS, GCP)": the kind and its examples);
- closed by "etc.", "or similar", "or equivalent", "or another/other/related X";
- joined by "or", "and/or" or slashes.

A kind named before its examples ("cloud platforms such as AWS and Azure", "ML frameworks
(PyTorch, JAX)") is said by them and is no requirement of its own; a skill that is no kind
("Python (pandas, NumPy)") stays one, and its examples are another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple

from skillgap.matching import Hit
from skillgap.posting_foundations import foundation_of_tools
from skillgap.posting_kinds import kind_said_what_for, take_kind
from skillgap.posting_list_ends import (
    AND,
    OR_WORD,
    any_of_lead,
    closing_joiner,
    list_end,
    to_closing_parenthesis,
)
from skillgap.taxonomy import Taxonomy

#: What may stand between two skills of one list: commas, "or", "and", slashes, parentheses,
#: and the noun of a role the first names ("as a DevOps Engineer or Data Engineer").
_JOINER = re.compile(
    r"^(\s*(engineers?|developers?|scientists?|analysts?|specialists?|architects?)\b)?"
    r"[\s,;/&()\[\]]*((\b(and\s*/?\s*or|or|and|either|as well as|plus)\b|&)[\s,;/()\[\]]*)?"
    r"((an?|any|some)\s+)?(\b(other|another|similar|comparable|equivalent|related)\s+)?$",
    re.IGNORECASE,
)
#: A list closed by the kind its items are examples of ("PyTorch, TensorFlow or other deep
#: learning frameworks"): the kind is one requirement with them.
_OTHER = re.compile(r"\b(other|another|similar|comparable|equivalent|related)\s+$", re.I)
_OTHER_SUCH_AS = re.compile(
    r"^[\s,]*(or|and/or)\s+(an?\s+)?(other|another|similar)\s+[\w\s-]{0,40}?"
    r"\b(such as|like|e\.g\.?|including)[\s,:]*$",
    re.IGNORECASE,
)
#: A kind that a colon introduces ("any major cloud platform: AWS, GCP or Azure").
_COLON = re.compile(r"^[^\w]*(\w+[\s-]+)?[\w&]*\s*:\s*$")
#: Words before a list that make it a list of examples ("such as", "e.g.", "(").
_INTRODUCER = re.compile(
    r"(\bsuch as|\be\.?g\.?|\bi\.?e\.?|\bincl(uding)?|\blike|\bfor (example|instance)|"
    r"\bespecially|\bparticularly|\bnamely|\bsome of|\bone or more of|\bany of|\bone of"
    r"|\bof the following|\bsimilar to|\bfrom)\b[\s,:(.]*(but not limited to\b[\s,:)]*)?"
    r"(\S+[\s,/]+){0,2}$|\(\s*([^\s)]+[\s,]+){0,2}$",
    re.IGNORECASE,
)
#: Introducers of examples proper; "especially" or "particularly" stresses a part of a skill,
#: which stays a requirement of its own ("machine learning, especially deep learning").
_NAMES_EXAMPLES = re.compile(
    r"\bsuch as\b|\be\.?g\b|\bi\.?e\b|\bincl(uding)?\b|\blike\b|\bfor (example|instance)\b|\(",
    re.IGNORECASE,
)
#: Items of a list the taxonomy does not know, between two it knows ("PyTorch, CNTK, Spacy"):
#: up to three short names, each set off by commas; the rest of an item's name after the
#: skill it names ("AWS ML offerings, Docker"), and the first word of one before the skill,
#: capitalised as a name is ("Factor Analysis, Multivariate Regression", not "..., build MLOps").
_UNKNOWN_ITEMS = re.compile(
    r"^(\s+[\w.+#-]+(\s[\w.+#-]+)?)?\s*,\s*(?:[\w.+#/-]+(?:\s[\w.+#/-]+)?\s*,\s*){0,3}"
    r"(?:(?:or|and/or|and)\s+)?(?:(?-i:[A-Z])[\w+#-]*(?:\s+|\s*/\s*))?$",
    re.IGNORECASE,
)
#: Words that make a stretch between commas a phrase, not the name of an item.
#: The first word of an item's name, before the skill it names ("spiderbot scraping").
_ITEM_WORD = re.compile(r"(?<=[\s,])[\w.+#-]+\s+$")
_NOT_A_NAME = re.compile(
    r"\b(with|in|of|to|for|the|a|an|as|at|on|by|from|experience|using|knowledge|skills?|"
    r"ability|strong|years?|is|are|be|our|your|you|we)\b",
    re.IGNORECASE,
)
_OR = re.compile(r"\bor\b|/|\bnor\b", re.IGNORECASE)
_BARE_ASIDE = re.compile(r"\([^()]*\)")
_OR_ASIDE = re.compile(r"[^(]*\(\s*(or|and/or)\b", re.IGNORECASE)
#: Nouns that make a skill's name a kind of things ("cloud platforms", "ML frameworks").
_KINDS = (
    r"(platforms?|frameworks?|tools?|tooling|librar(y|ies)|languages?|databases?|stores?|"
    r"models?|methods?|techniques?|approach(es)?|algorithms?|"
    r"technolog(y|ies)|services?|providers?|stacks?|systems?|solutions?|engines?|"
    r"environments?|ecosystems?|packages?|toolkits?|pipelines?|workflows?|endpoints?|"
    r"infrastructure|architectures?|practices?|concepts?|paradigms?|offerings?|apis?|"
    r"warehouses?|lakes?|lakehouses?|clouds?|roles?|positions?)\b"
)
#: Words after a list that make it a list of examples ("etc.", "or similar", "and related tools").
#: Up to two names the taxonomy does not know may come first ("Data Science, Computational
#: Physics or related").
_CLOSER = re.compile(
    r"^[\s,)]*(?P<items>([\w/.+#&-]+(\s[\w/.+#&-]+)?\s*,?\s+){0,2}?)"
    r"(\betc\b|\band so on\b|\bor (an?|any|some|the)?\s*(other|another|similar|"
    r"equivalent|related|comparable|alike|like|others)\b|\bor (an?|any|some) \w+ (equivalent|"
    r"alternative)|\bor (its|their) equivalents?\b|\band/or other\b"
    r"|\band(/or)? (similar|related|comparable)\b"
    rf"|\band(/or)? other\s+([\w-]+\s+){{0,2}}?{_KINDS}|\bor equivalents?\b"
    r"|\bor any\b)",
    re.IGNORECASE,
)
#: Experience of a practice, then its examples ("MLOps experience (", "NLP expertise, e.g.").
_EXPERIENCE_IN = re.compile(
    r"[\s-]*(experience|expertise|knowledge|skills)[\s,:]*\(?\s*"
    r"(such as\b|e\.?g\b\.?|like\b|incl(uding\b|\.))?[\s,:]*$",
    re.IGNORECASE,
)
#: A kind noun right after a skill's name or one word on ("ML operation frameworks").
_KIND_AFTER = re.compile(rf"[\s-]*([\w&]+[\s-]+)?{_KINDS}", re.IGNORECASE)
#: A skill's name that is itself a kind ("cloud platform", "vector databases").
_KIND_NAME = re.compile(rf"\b{_KINDS}$", re.IGNORECASE)
#: A kind noun both names share, between them ("RAG pipelines and/or agent frameworks").
_SHARED_NOUN = re.compile(
    rf"^\s*{_KINDS}[\s,]*(\b(and\s*/?\s*or|or|and|as well as)\b|&)\s+((an?|any|some)\s+)?$",
    re.IGNORECASE,
)
_SHARED_LEAD = re.compile(rf"^\s*{_KINDS}(?=[\s,]*(and|or|&|as well as)\b)", re.IGNORECASE)
#: "or other" and a few words before the kind a list closes with ("RAG or other applications
#: built on LLMs", "MLflow or other tools for experiment tracking").
_OR_OTHER_WORDS = re.compile(
    r"^[\s,)]*(or|and\s*/?\s*or)\s+(an?\s+|any\s+)?(other|another|similar|equivalent|"
    r"comparable)\s+(?:(?!(?:and|or|with|plus|as|but)\b)[\w-]+\s+){1,4}$",
    re.IGNORECASE,
)
#: A kind noun right before a list, no word between: the list's items are examples of it
#: ("familiarity with different training techniques SFT, DPO, PPO").
_APPOSITION = re.compile(rf"^\s*([\w&-]+\s+)?{_KINDS}\s+$", re.IGNORECASE)
_KIND_BEFORE = re.compile(rf"\W*(\w+\W+){{3,}}?\b{_KINDS}\s+$", re.IGNORECASE)


class Alternatives(NamedTuple):
    """The skills of one requirement, any of which meets it."""

    skills: tuple[str, ...]
    #: The first skill is a kind the others are examples of ("ML frameworks such as PyTorch").
    kind: bool = False


def alternative_groups(
    text: str, hits: Sequence[Hit], taxonomy: Taxonomy, *, all_one: bool = False
) -> list[Alternatives]:
    """Split one sentence's skills (in order) into requirements. ``all_one``: the sentence is
    an item of an "any of the following" list, so its skills are one set of alternatives."""

    def covers(kind: Hit, examples: Sequence[Hit]) -> bool:
        """Whether the taxonomy files the examples under the kind, or has them imply it
        ("GPU kernels (CUDA, Triton)", "statistics (i.e. hypothesis testing, regression)",
        "publications at top venues (e.g. CVPR)")."""
        if (
            # "MLOps experience (MLflow, Kubeflow)": tools that show a practice's experience.
            examples
            and _EXPERIENCE_IN.match(text, kind.end, examples[0].start)
            and _kind_of(kind) == "concept"
            and all(_kind_of(h) == "tool" for h in examples)
        ):
            return True
        return any(
            h.skill_id == kind.skill_id
            or kind.skill_id in taxonomy.ancestors(h.skill_id)
            or kind.skill_id in taxonomy.skills[h.skill_id].implies
            for h in examples
        )

    def _kind_of(hit: Hit) -> str:
        return taxonomy.categories[taxonomy.skills[hit.skill_id].category].kind

    if not all_one and (lead := any_of_lead(text, hits)) is not None:
        # "Experience in one or more of the following ML applications: RL, active learning,
        # ...": what the colon introduces is one requirement, however its items are named.
        before = [h for h in hits if h.start < lead]
        listed = [h for h in hits if h.start >= lead]
        kind = None
        if before and _COLON.match(text[before[-1].end : listed[0].start]):
            kind = before.pop() if _general(text, before[-1], listed[0]) else None
        end = list_end(text, listed)
        one = _examples(listed[:end])
        one = one if kind is None else _with_kind(kind, one)
        head = alternative_groups(text, before, taxonomy) if before else []
        tail = alternative_groups(text, listed[end:], taxonomy) if listed[end:] else []
        return [*head, one, *tail]
    runs: list[list[Hit]] = []
    for hit in hits:
        run_start = runs[-1][0].start if runs else 0
        examples = _INTRODUCER.search(text, max(0, run_start - 60), run_start) is not None
        between = text[runs[-1][-1].end : hit.start] if runs else ""
        if runs and _apposed(text, runs[-1][-1], hit):
            runs.append([hit])  # "vector databases Pinecone, Weaviate": the kind, its examples
        elif runs and _joined(between, examples=examples):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    # "frameworks such as TensorFlow and Keras": a kind named just before a list of examples.
    kinds: list[Hit | None] = [None] * len(runs)
    for index in range(1, len(runs)):
        kind, first = runs[index - 1][-1], runs[index][0]
        between = text[kind.end : first.start]
        if foundation_of_tools(text, kind, runs[index], taxonomy):
            continue  # "distributed systems such as Hadoop, Spark": Hadoop or Spark is asked
        if (
            _INTRODUCER.search(between) or _COLON.match(between) or _APPOSITION.match(between)
        ) and (
            _general(text, kind, first)
            or (_NAMES_EXAMPLES.search(between) is not None and covers(kind, runs[index]))
        ):
            kinds[index] = take_kind(text, runs, index)
            rest = runs[index - 1]
            if rest and _OTHER.search(text[rest[-1].end : kind.start]):
                # "AWS, or other cloud platforms like GCP": a kind that closes a list before
                # its examples is one requirement with the list and the examples.
                runs[index], runs[index - 1] = [*rest, *runs[index]], []
        elif far := kind_said_what_for(text, runs[:index], first, _general):
            kinds[index] = far
    whole = to_closing_parenthesis(text, runs, kinds)
    groups: list[Alternatives] = []
    for index, (run, kind_of_run) in enumerate(zip(runs, kinds, strict=True)):
        if index in whole:
            groups.append(_examples(run))  # "tools (NumPy (incl. SciPy), pandas)"
        elif run:
            groups.extend(_run_groups(text, run, kind_of_run, covers))
        elif kind_of_run is not None:
            groups.append(Alternatives((kind_of_run.skill_id,)))
    if all_one and groups:
        return [Alternatives(tuple(dict.fromkeys(s for g in groups for s in g.skills)))]
    # A skill named again as the kind of a list of examples is that one requirement
    # ("large-scale training on multi-node GPU clusters (FSDP, DeepSpeed)").
    kinds_of = [set(g.skills) for g in groups if g.kind]
    kept = [g for g in groups if g.kind or not any(set(g.skills) < k for k in kinds_of)]
    introduced = {kind.skill_id for kind in kinds if kind is not None}
    return [_without_broader(g, taxonomy) if g.skills[0] in introduced else g for g in kept]


def _without_broader(group: Alternatives, taxonomy: Taxonomy) -> Alternatives:
    """A kind's examples ("such as", "e.g.") without those the taxonomy files above the
    kind: "LLMs such as
    GPT, Bard, or LLaMA" asks for an LLM, though "GPT" alone is read as deep learning: left
    in, deep learning would meet the group, and a required "deep learning" would hide it."""
    if not group.kind:
        return group
    kind = group.skills[0]
    broader = taxonomy.ancestors(kind) | set(taxonomy.skills[kind].implies)
    examples = tuple(s for s in group.skills[1:] if s not in broader)
    return Alternatives((kind, *examples), kind=bool(examples))


def _joined(between: str, *, examples: bool = False) -> bool:
    """Whether what stands between two skills keeps them in one list ("Python, Java, or other
    languages such as Go": the unnamed kind closes the list, and the examples go on with it).
    In a list of ``examples`` ("such as document extraction, spiderbot scraping"), an item's
    name may begin with a word before the skill it names."""
    between = _BARE_ASIDE.sub(" ", between)  # "PyTorch (Lightning) or TensorFlow": a detail
    if _JOINER.match(between) or _OTHER_SUCH_AS.search(between) or _OR_OTHER_WORDS.match(between):
        return True
    if _SHARED_NOUN.match(between):
        return True
    if _NAMES_EXAMPLES.search(between):
        return False  # "tracking tools e.g., MLflow": "e.g." is no name of an item
    if _UNKNOWN_ITEMS.match(between) is not None and not _NOT_A_NAME.search(between):
        return True
    word = _ITEM_WORD.search(between) if examples else None
    return (
        word is not None
        and not _NOT_A_NAME.search(word.group())
        and _joined(between[: word.start()])
    )


def _general(text: str, kind: Hit, first_example: Hit) -> bool:
    """Whether a skill named before examples is the general kind they are examples of
    ("cloud platforms (AWS, GCP)", "ML frameworks such as"): a noun of kinds follows it."""
    named_a_kind = _KIND_NAME.search(text, kind.start, kind.end) is not None
    return named_a_kind or _KIND_AFTER.match(text, kind.end, first_example.start) is not None


def _run_groups(
    text: str, run: list[Hit], kind: Hit | None, covers: Callable[[Hit, Sequence[Hit]], bool]
) -> list[Alternatives]:
    """The requirements of one run of skills joined only by commas, 'and', 'or'...; a
    ``kind`` they are examples of is met by any of them, so it joins their requirement."""
    joiners = _joiners(text, run)
    opening = next((i for i, j in enumerate(joiners) if j.count("(") > j.count(")")), None)
    if opening is None:
        # A run that began inside parentheses ends with them ("(e.g. PyTorch or JAX) and
        # Docker": the examples are one requirement, Docker another).
        close = closing_joiner(joiners, 0, 0)
        if close is not None:
            first = _run_groups(text, run[: close + 1], kind, covers)
            return [*first, *_run_groups(text, run[close + 1 :], None, covers)]
    if kind is None and opening is not None:
        # Skills, then skills in parentheses, up to the one that closes them; parentheses
        # inside them are counted ("packages (Hugging Face (Transformers, PEFT), NumPy)").
        depth = joiners[opening].count("(") - joiners[opening].count(")")
        inner = closing_joiner(joiners, opening + 1, depth - 1)
        close = len(run) if inner is None else inner + 1
        before, inside, after = run[: opening + 1], run[opening + 1 : close], run[close:]
        if all(h.skill_id == before[-1].skill_id for h in inside):
            # The same skill again ("Hadoop (MapR), Spark"): a detail, and the list goes on.
            return _run_groups(text, before + after, None, covers)
        if _OR_ASIDE.match(joiners[opening]):
            # "MLflow or W&B (or similar experiment tracking)": the aside goes on with "or".
            *head, last = _run_groups(text, before, None, covers)
            one = Alternatives(tuple(dict.fromkeys((*last.skills, *_examples(inside).skills))))
            return [*head, one, *(_run_groups(text, after, None, covers) if after else [])]
        # Examples belong to the phrase right before them when it names their kind
        # ("multi-node GPU clusters (FSDP, DeepSpeed)": skills of one phrase, apart only by
        # spaces); else that phrase's list goes on after them, and they are one requirement.
        start = len(before) - 1
        while start > 0 and not text[before[start - 1].end : before[start].start].strip():
            start -= 1
        phrase = before[start:]
        rest = _run_groups(text, after, None, covers) if after else []
        if _general(text, phrase[-1], inside[0]) or any(covers(h, inside) for h in phrase):
            head = _run_groups(text, before[:start], None, covers) if start else []
            skills = tuple(dict.fromkeys(h.skill_id for h in (*phrase, *inside)))
            if rest and _OR.search(joiners[close - 1]) and not AND.search(joiners[close - 1]):
                # "AWS (SageMaker, S3) or equivalent cloud services": "or" goes on after them.
                skills, rest = tuple(dict.fromkeys((*skills, *rest[0].skills))), rest[1:]
            return [*head, Alternatives(skills, kind=len(skills) > 1), *rest]
        return [*_run_groups(text, before + after, None, covers), _examples(inside)]
    ids = tuple(dict.fromkeys(h.skill_id for h in run))
    joiners = _joiners(text, run)
    slashes = [j.strip() == "/" for j in joiners]
    # A slash joins two names, not the list they stand in ("Python, C/C++, and SQL"): "or"
    # makes a list one requirement when it stands before its last name but the slashed ones
    # ("Python, Java, or C/C++").
    words = [j for j in joiners if j.strip() != "/"]
    either = len(ids) > 1 and (
        (words and OR_WORD.search(words[-1]))
        or _OTHER.search(joiners[-1])
        or all("/" in j for j in joiners)
    )
    ands = [i for i, joiner in enumerate(joiners) if AND.fullmatch(joiner)]
    ors = [i for i, joiner in enumerate(joiners) if OR_WORD.search(joiner)]
    closing = [i for i in ands if ors and i > ors[0] and "," in joiners[i]]
    if closing and _listed(text, run):
        # "e.g. AWS, Azure or GCP, and Linux": ", and" after the "or" that closed a list of
        # examples begins the next requirement.
        cut = closing[0] + 1
        return [*_run_groups(text, run[:cut], kind, covers),
                *_run_groups(text, run[cut:], None, covers)]  # fmt: skip
    if kind is None and ands and any(map(_OR.search, joiners)) and not _listed(text, run):
        # "machine learning and TensorFlow or JAX": "and" parts what "or" joins.
        cuts = [0, *(i + 1 for i in ands), len(run)]
        return [g for a, b in pairwise(cuts) for g in _run_groups(text, run[a:b], None, covers)]
    if kind is not None or len(ids) < 2 or _listed(text, run) or either:
        groups = [Alternatives(ids)]
    elif any(slashes):
        # "C/C++ and Python": names joined by a slash are one requirement inside the list.
        cuts = [0, *(i + 1 for i, slash in enumerate(slashes) if not slash), len(run)]
        groups = [
            Alternatives(tuple(dict.fromkeys(h.skill_id for h in run[a:b])))
            for a, b in pairwise(cuts)
        ]
    else:
        groups = [Alternatives((skill_id,)) for skill_id in ids]
    if kind is not None:
        groups[0] = _with_kind(kind, groups[0])
    return groups


def _joiners(text: str, run: list[Hit]) -> list[str]:
    """What stands between the skills of a run, without a kind noun both names share ("RAG
    pipelines and agent frameworks" is joined by "and")."""
    return [_SHARED_LEAD.sub("", text[a.end : b.start]) for a, b in pairwise(run)]


def _examples(run: list[Hit]) -> Alternatives:
    return Alternatives(tuple(dict.fromkeys(h.skill_id for h in run)))


def _with_kind(kind: Hit, examples: Alternatives) -> Alternatives:
    skills = tuple(dict.fromkeys((kind.skill_id, *examples.skills)))
    return Alternatives(skills, kind=len(skills) > 1)


def _listed(text: str, run: list[Hit]) -> bool:
    """Whether a run is introduced or closed as a list of examples, on its own line ("(Prophet,
    statsmodels)" closing the item above introduces nothing)."""
    line_start = text.rfind("\n", 0, run[0].start) + 1
    before = text[max(line_start, run[0].start - 60) : run[0].start]
    after = text[run[-1].end : run[-1].end + 60]
    closer = _CLOSER.match(after)
    closed = closer is not None and not _NOT_A_NAME.search(closer.group("items"))
    apposed = len(run) > 1 and _KIND_BEFORE.match(text, line_start, run[0].start) is not None
    return closed or apposed or _INTRODUCER.search(before) is not None


def _apposed(text: str, kind: Hit, first: Hit) -> bool:
    """Whether a skill named as a kind stands right before a list of its examples, only a
    space between ("vector databases Pinecone, Weaviate")."""
    gap = text[kind.end : first.start]
    listed = text[first.end : first.end + 3].lstrip().startswith(",")
    return gap.isspace() and listed and _KIND_NAME.search(text, kind.start, kind.end) is not None
