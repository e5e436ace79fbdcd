"""What a posting asks for that skillgap does not know, and when its score means little.

Nothing is dropped silently: a skill-like term in a requirement section (or in a line outside
any section that passes its own verdict: "| WeNet | nice to have |") that the taxonomy does not
know ("OpenMMLab", "Synthetic Aperture Radar", "C#") is listed with its line and importance,
and matched literally against the resume; it never changes the score. A term is skill-like
when it is written as names of tools are (CamelCase, capitals, digits or ``+#.`` inside a
word), or is a capitalised name in a list beside a skill or such a term, or one the posting
passes a verdict on ("experience with Zorblib or similar tools") or introduces by a frame of
know-how ("knowledge of Quuxflow"), or a whole name listed with one of those two ("experience
with Salesforce and Outreach").
Warnings say when a score means little: few requirements recognised, most terms unknown,
requirements mostly outside the taxonomy's domain (a nursing or sales posting), or almost no
machine-learning skill among them (a marketing posting that asks for SQL and A/B tests).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.ids import DATA_SCIENCE
from skillgap.matching import Hit
from skillgap.matching.verdicts import framed, judged
from skillgap.posting_sections import Section, sentence_importance
from skillgap.taxonomy import Requirement, Taxonomy
from skillgap.taxonomy_model import UnrecognisedTerm

#: Fewer requirements than this and a score says little.
FEW_REQUIREMENTS = 3
#: Categories every posting has, in any trade: they do not make a posting one of the domain.
GENERIC_CATEGORIES = frozenset({"education", "soft-skills"})
#: Below this share of the skills asked for in the domain's categories a posting is off the domain.
DOMAIN_SHARE = 0.4
#: Categories of machine-learning skills proper: fields, methods, libraries, LLMs, MLOps, GPUs.
ML_CATEGORIES = frozenset(
    {
        "fields", "ml-methods", "ml-libraries", "llm", "llm-tools", "mlops", "ml-platforms",
        "gpu-computing", "gpu-tools",
    }
)  # fmt: skip
#: Machine-learning skills filed under broader categories: the tools that track experiments
#: and register models, and the applications of ML that name it ("energy-ml", robot learning).
ML_ELSEWHERE = frozenset({"mlflow", "experiment-tracking", "weights-and-biases", "robot-learning"})


def _is_ml(skill_id: str, taxonomy: Taxonomy) -> bool:
    category = taxonomy.skills[skill_id].category
    return skill_id != DATA_SCIENCE and (
        category in ML_CATEGORIES
        or skill_id in ML_ELSEWHERE
        or (category == "application-areas" and skill_id.endswith("-ml"))
    )


_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\[[^\]]*\]\([^)]*\)|<[^>]*>")
_WORD = re.compile(r"[A-Za-z][\w.+#&-]*[\w+#]|[A-Za-z]")
_STRONG = re.compile(r"[a-z][A-Z]|^[A-Z0-9&-]*[A-Z][A-Z0-9&-]*[A-Z0-9]$|\w[+#.]|\d|[+#]$")
#: Capitalised words of postings that are no skills: pronouns, titles of sections, places.
_GENERIC = frozenset(
    {
        "a", "an", "and", "or", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from",
        "as", "is", "are", "be", "will", "our", "we", "you", "your", "us", "they", "i", "it",
        "its", "this", "that", "these", "those", "who", "what", "when", "where", "why", "how",
        "all", "any", "both", "each", "some", "such", "experience", "experienced", "years", "year",
        "strong", "excellent", "good", "great", "solid", "deep", "proven", "familiarity",
        "knowledge", "understanding", "ability", "skills", "skill", "proficiency", "proficient",
        "expertise", "expert", "bachelor", "bachelors", "master", "masters", "degree", "degrees",
        "science", "engineering", "mathematics", "physics", "statistics", "field", "fields",
        "related", "equivalent", "ms", "bs", "ba", "ma", "phd", "mba", "must", "preferred",
        "required", "plus", "bonus", "nice", "ideal", "ideally", "senior", "junior", "lead",
        "staff", "principal", "team", "teams", "company", "role", "position", "candidate",
        "candidates", "work", "working", "job", "remote", "hybrid", "office", "full", "time",
        "part", "usa", "uk", "eu", "eeo", "hr", "pto", "fte", "id", "ok", "tbd", "ca", "ny",
        "sf", "nyc", "la", "dc", "ceo", "cto", "vp", "llc", "inc", "ltd", "co", "gmbh", "ai", "ml",
        "monday", "tuesday", "wednesday", "thursday", "friday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "english", "spanish", "french", "german", "north", "south", "east", "west", "america",
        "american", "europe", "european", "canada", "asia", "new", "york", "san", "francisco",
        "london", "etc", "e.g", "i.e", "cs", "u.s", "analysis", "evaluation",
        # terms of employment and hours, no skills: "start ASAP", "EST hours", "W2 or C2C"
        "asap", "est", "edt", "cst", "cdt", "mst", "pst", "pdt", "gmt", "bst", "cet", "cest",
        "utc", "ist", "ir35", "w2", "c2c", "1099", "h1b", "h-1b", "visa", "ote", "eoe", "dei",
        "okr", "okrs", "kpi", "kpis", "roi",
    }
)  # fmt: skip
_VERDICT_WORD = re.compile(
    r"\b(required|preferred|a plus|nice[\s-]to[\s-]have|bonus|desired|desirable)\b", re.IGNORECASE
)
_LIST_GAP = re.compile(r"^[\s,;/()&]*(\b(or|and|and/or)\b[\s,;/()]*)?$", re.IGNORECASE)
_MAX_TERM_WORDS = 3


def unrecognised_terms(
    text: str, hits: Sequence[Hit], sections: Sequence[Section]
) -> tuple[UnrecognisedTerm, ...]:
    """The skill-like terms of requirement sections no hit covers, each once (required
    wins), in the order of the posting; ``sections``: each line's (``line_sections``)."""
    lines = text.split("\n")
    covered: dict[int, list[tuple[int, int]]] = {}
    offset = 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    for hit in hits:
        if hit.start >= 0:
            covered.setdefault(hit.line, []).append(
                (hit.start - starts[hit.line - 1], hit.end - starts[hit.line - 1])
            )
    # The title and the company's name head a posting: "ScienceLogic" is no skill.
    title_words = {
        word.casefold()
        for line, section in zip(lines[:3], sections, strict=False)
        if section not in ("required", "preferred", "responsibilities")
        for word in _WORD.findall(line)
    }
    found: dict[str, UnrecognisedTerm] = {}
    for number, (line, section) in enumerate(zip(lines, sections, strict=True), start=1):
        # Outside any section, a line that passes its own verdict ("| WeNet | nice to have |",
        # "Experience with Zorblib is a plus") asks for what it names.
        if section not in ("required", "preferred") and not (
            section == "intro" and _VERDICT_WORD.search(line)
        ):
            continue
        importance = sentence_importance(line, section, line=line)
        if importance is None:
            continue
        for term in _terms(line, covered.get(number, []), title_words):
            key = term.casefold()
            if key not in found or (
                found[key].importance == "preferred" and importance == "required"
            ):
                found[key] = UnrecognisedTerm(term=term, line=number, importance=importance)
    return tuple(found.values())


_Word = tuple[str, int, int, bool]  # text, start, end, written as a tool's name
_SENTENCE_END = re.compile(r"[.!?:]\s")
#: What may follow a whole name in a list: list punctuation, a joiner or the line's end.
_NAME_END = re.compile(r"\s*(?:[,;.:)/]|$|(?:and|or)\b)", re.IGNORECASE)
#: The most characters a list's joiner takes (", and/or ").
_MAX_LIST_GAP = 12


def _terms(line: str, covered: list[tuple[int, int]], excluded: set[str]) -> list[str]:
    """The skill-like terms of one line that no hit covers: runs of up to three words."""
    plain = _URL.sub(lambda m: " " * len(m.group()), line)
    hit_chars = bytearray(len(plain) + 1)
    for a, b in covered:
        hit_chars[a:b] = b"\x01" * (b - a)
    words: list[_Word | None] = []
    for match in _WORD.finditer(plain):
        word = match.group().rstrip(".")
        start, end = match.start(), match.start() + len(word)
        key = word.casefold()
        if any(hit_chars[start:end]) or key in _GENERIC or key in excluded:
            words.append(None)
            continue
        strong = _STRONG.search(word) is not None
        titled = word[:1].isupper() and not _starts_sentence(plain, start)
        words.append((word, start, end, strong) if strong or titled else None)
    # Where skills and tool-like words begin and end: a capitalised name beside one is listed.
    ends = {b for _, b in covered} | {w[2] for w in words if w is not None and w[3]}
    starts = {a for a, _ in covered} | {w[1] for w in words if w is not None and w[3]}
    runs: list[list[_Word]] = []
    run: list[_Word] = []
    for item in [*words, None]:
        joined = item is not None and run and plain[run[-1][2] : item[1]] == " "
        if item is not None and joined and len(run) < _MAX_TERM_WORDS:
            run.append(item)
            continue
        if run:
            runs.append(run)
        run = [item] if item is not None else []
    asked = [
        judged(plain[run[-1][2] : run[-1][2] + 60])
        or framed(plain[max(0, run[0][1] - 40) : run[0][1]])
        for run in runs
    ]
    taken = [
        ask or any(w[3] for w in run) or _in_list(plain, run, starts, ends)
        for run, ask in zip(runs, asked, strict=True)
    ]
    # A name the posting asks for by a frame or a verdict carries the whole names listed with
    # it: "experience with Salesforce, Outreach and Gong" (not "Applied" of "Applied Maths").
    carried = list(asked)
    while True:
        starts |= {run[0][1] for run, carry in zip(runs, carried, strict=True) if carry}
        ends |= {run[-1][2] for run, carry in zip(runs, carried, strict=True) if carry}
        more = [
            not carry
            and _NAME_END.match(plain, run[-1][2]) is not None
            and _in_list(plain, run, starts, ends)
            for run, carry in zip(runs, carried, strict=True)
        ]
        if not any(more):
            break
        carried = [a or b for a, b in zip(carried, more, strict=True)]
    taken = [a or b for a, b in zip(taken, carried, strict=True)]
    return [" ".join(w[0] for w in run) for run, took in zip(runs, taken, strict=True) if took]


def _starts_sentence(line: str, start: int) -> bool:
    """Whether only marks, or a sentence's end, stand between a word and what precedes it
    (a capitalised word that starts a sentence is just a sentence's first word)."""
    begin = start
    while begin > 0 and not (line[begin - 1].isalnum() or line[begin - 1] == "_"):
        begin -= 1
    return begin == 0 or _SENTENCE_END.search(line, begin, start) is not None


def _in_list(line: str, run: list[_Word], starts: set[int], ends: set[int]) -> bool:
    """A capitalised name counts in a list beside a skill or a tool-like term: only list
    punctuation, "and" or "or" stand between them."""
    start, end = run[0][1], run[-1][2]
    for gap in range(1, _MAX_LIST_GAP + 1):
        before, after = start - gap, end + gap
        if before in ends and line[before:start].strip() and _LIST_GAP.match(line[before:start]):
            return True
        if after in starts and line[end:after].strip() and _LIST_GAP.match(line[end:after]):
            return True
    return False


def literal_match(term: str, text: str) -> bool:
    """Whether a resume holds the term as a whole word (capitals as written for acronyms)."""
    flags = 0 if term.isupper() and len(term) <= 4 else re.IGNORECASE
    return re.search(rf"(?<![\w+#]){re.escape(term)}(?![\w+#])", text, flags) is not None


def posting_warnings(
    requirements: Sequence[Requirement],
    unrecognised: Sequence[UnrecognisedTerm],
    taxonomy: Taxonomy,
) -> tuple[str, ...]:
    """Why a posting's score may mean little; empty when it reads as an ML posting."""
    warnings = []
    known = {s for r in requirements for s in r.any_of}
    # The figures the user sees: the requirements listed, and the skills they name.
    listed = f"{len(requirements)} requirement{'s' * (len(requirements) != 1)}"
    if len(known) < FEW_REQUIREMENTS:
        warnings.append(
            f"only {len(known)} skill(s) skillgap knows recognised in the posting's {listed}: "
            "the score is not meaningful"
        )
    if len(unrecognised) > len(known):
        warnings.append(
            f"most skill-like terms of the posting are unknown to skillgap "
            f"({len(unrecognised)} unknown, {len(known)} known): see the unrecognised terms"
        )
    in_domain = [s for s in known if taxonomy.skills[s].category not in GENERIC_CATEGORIES]
    # A posting with no ML skill is no ML role, whatever else it asks for (a growth
    # marketer's "A/B testing, SQL, data analysis").
    ml = [s for s in known if _is_ml(s, taxonomy)]
    if len(known) < FEW_REQUIREMENTS:
        pass  # already said: too few skills to tell the domain
    elif len(in_domain) < max(FEW_REQUIREMENTS, DOMAIN_SHARE * len(known)):
        warnings.append(
            "most of the posting's requirements are outside the ML and data skills skillgap "
            "knows: the score is not meaningful"
        )
    elif not ml:
        warnings.append(
            f"none of the {len(known)} skills skillgap recognised in the posting's {listed} is a "
            "machine-learning skill: it reads as no ML role, and the score is not meaningful"
        )
    return tuple(warnings)
