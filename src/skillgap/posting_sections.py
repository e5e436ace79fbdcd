"""The sections of a job posting, and what each sentence of them asks of the candidate.

A posting is read as a recruiter reads it: its headings say what the text below them is
(requirements, preferred qualifications, responsibilities, the company's introduction,
benefits, equal-opportunity text, how to apply), and cues in a sentence can override that
("... is a plus", "must have", "our platform is built on ..."). The position of a line never
decides anything by itself.

- requirement sections give required items, preferred sections preferred ones;
- responsibilities and the description of the role give preferred items (skills the
  candidate will use), but not a sentence about the company's own stack or teams;
- the introduction and text before any heading give only sentences that address the
  candidate ("Experience with diffusion models is preferred");
- benefits, equal-opportunity, how-to-apply and legal text give nothing.

A heading's kind comes from its words (:mod:`skillgap.posting_headings`), or, when they say
nothing, from its layout and its items (:mod:`skillgap.posting_layout`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from skillgap.posting_headings import Section as Section  # re-exported: the posting reader
from skillgap.posting_headings import heading_kind as heading_kind  # and its tests use them
from skillgap.posting_layout import heading_kinds, lists_before_headings
from skillgap.posting_lists import ANY_OF, BULLET, AnyOfList
from skillgap.posting_sentences import SENTENCE_END, first_ends, one_sentence, paragraph

Importance = Literal["required", "preferred"]

#: An item that says it is optional is preferred wherever it stands.
_PREFERRED_PHRASE = re.compile(
    r"\b(is|are|would be|will be|considered)( an?)?( [a-z]+)? (plus|bonus|advantage|asset)\b|"
    r"\bnice[- ]to[- ]have\b|\bpreferred\b|\bpreferably\b|\bideally\b|"
    r"\bdesirable\b|\bdesired\b|\bbonus( points)?\b|\ba plus\b|\bnot required\b|\boptional\b|"
    r"\bgreat to have\b|\bgood to have\b|\bwould be great\b|\bhelpful\b|\bbeneficial\b|"
    r"\badvantageous\b|\ban advantage\b|\ban asset\b|^\W*plus\s*:|\bwelcomed?\b|\bappreciated\b|"
    r"\b(is|are) valued\b|\bextra (points|credit)\b|\bdifferentiator\b|\blove to see\b|"
    r"\bwould be nice\b|\bnice to see\b|\bnice if\b|\bmakes? you stand out\b|\bsets? you apart\b|"
    r"\b(would|'d|\u2019d) (love|like) (it )?if\b",
    re.IGNORECASE,
)
#: An item that asks for an interest, not yet a skill ("Passionate about self-driving cars").
_INTEREST_ITEM = re.compile(
    r"^\W*(\w+ (or|and/or) )?(an? )?((strong|keen|genuine|deep|real) )?(passion(ate)? (about|for)|"
    r"interest(ed)? in|"
    r"(excited|curious) about|enthusias(m|tic) (for|about))\b",
    re.IGNORECASE,
)
#: A reader the words only hope is interested ("If you're excited about leveraging tools
#: like OpenAI and Hugging Face, we want you on our team").
_EXCITED = re.compile(
    r"\byou('re|\u2019re| are) (really |truly |genuinely )?(excited|passionate|curious|"
    r"enthusiastic|interested)\b",
    re.IGNORECASE,
)
#: What a sentence says is indispensable ("Written communication skills are paramount").
_INDISPENSABLE = r"(is|are) (absolutely |truly )?(paramount|critical|crucial|vital|indispensable)"
_REQUIRED_PHRASE = re.compile(
    rf"\b(must|required|requires?|minimum|mandatory|essential|{_INDISPENSABLE})\b", re.IGNORECASE
)
_REQUIRED_WORD = re.compile(rf"\b(must|required|mandatory|{_INDISPENSABLE})\b", re.IGNORECASE)
#: A skill the sentence calls essential ("Experience with XGBoost is essential"), not a
#: company's view of its work ("Reliability is essential to us").
_ESSENTIAL = re.compile(r"\b(is|are) (absolutely )?essential\b", re.IGNORECASE)
#: A sentence about the company rather than the candidate: its own stack, teams, customers.
_COMPANY_PHRASE = re.compile(
    r"\b(our|we|we'?re|we\u2019re|we'?ve|we\u2019ve|us)\b|\b(founded|headquartered|backed by|"
    r"customers|clients|investors)\b",
    re.IGNORECASE,
)
#: What only a company is ("Acme is used by...", not "We love data here").
_STATEMENT = (
    r"is used by|are used by|trusted by|is a leading|is the leading|founded|headquartered|backed by"
)
_COMPANY_STATEMENT = re.compile(rf"\b({_STATEMENT})\b", re.IGNORECASE)
#: A sentence that states what the company is or does, even inside a requirement section.
_COMPANY_FACT = re.compile(rf"\b(our|we|we'?re|we\u2019re|{_STATEMENT})\b", re.IGNORECASE)
#: Whom a posting is looking or searching for ("a senior ML engineer", "someone").
_SOUGHT = (
    r"((looking|searching) for|(looking|want|wanting) to (hire|recruit)|"
    r"(are|is|'re|\u2019re) hiring) "
    r"(an? |the )?([\w/+-]+ ){0,3}?(someone|individuals?|people|persons?|"
    r"candidates?|engineers?|scientists?|developers?|researchers?|analysts?|hires?|experts?|"
    r"specialists?|leaders?|experience|\w+(?= who\b))"
)
#: What a company asks of the candidate ("we need"), not of its people ("we want our team").
_WE_ASK = r"we (need|require|expect|want|seek)(?! (our|us)\b)"
#: A sentence that addresses the candidate's own skills, wherever it stands.
_CANDIDATE_PHRASE = re.compile(
    r"\b(you have|you'?ve|you\u2019ve|you bring|you need|you should|you are|you'?re|"
    r"you\u2019re|if you|candidates?|applicants?|(this|the) (individual|person|hire)|"
    r"experience (with|in|using|of|building|developing)|proficien\w*|expertise in|knowledge of|"
    r"familiar(ity)? with|fluen\w*|background in|degree|\d+\+? years|abilit(y|ies)|adaptab\w*|"
    rf"comfortable|{_SOUGHT}|the ideal|{_WE_ASK}|we are seeking|"
    r"we'?re seeking|"
    r"we('d|\u2019d| would) (love|like) (to see|(for )?you to))\b",
    re.IGNORECASE,
)
#: A sentence that speaks to the candidate: in an introduction, only these ask for anything
#: ("looking for an engineer with 3+ years of Python", not "looking for an ML engineer to
#: build our ranking systems").
_ADDRESSED = re.compile(
    r"\b(you have|you'?ve|you\u2019ve|you bring|you need|you should|you are|you'?re|"
    rf"you\u2019re|if you|you know|candidates?|applicants?|the ideal|{_SOUGHT} (with|who)|"
    r"you('ll|\u2019ll| will) need|(would|'d|\u2019d) (like|love) someone|"
    r"(looking|searching) for (someone|individuals|people|candidates|engineers|experience)|"
    rf"{_WE_ASK}|"
    r"we('d|\u2019d| would) (love|like) (to see|(for )?you to))\b",
    re.IGNORECASE,
)
#: A sentence that says what the candidate has, among the duties ("You have 5+ years of
#: Python", "You'll need a PhD"), not what the job gives ("you will have the chance to learn
#: Rust") or what they will do ("you'll need to collaborate with...").
_HAS_QUALIFICATION = re.compile(
    r"\byou (have|bring|possess|should have|must have)\b(?!\s+(the|an?)\s+(opportunity|chance|"
    r"access))|\b(candidates?|applicants?) (should|must) have\b|"
    r"\byou(\u2019ll|'ll| will)? need\b(?! to\b)",
    re.IGNORECASE,
)
#: A sentence that speaks to the reader ("Python and SQL are your daily tools").
_YOU = re.compile(r"\byou(r|rs|rself)?\b", re.IGNORECASE)
#: A paragraph about the role ("The ML Engineer role is responsible for..."), not the company.
_ROLE = re.compile(r"^\W*(in )?(the|this) ([\w-]+ ){0,3}(role|position)\b", re.IGNORECASE)
#: A sentence that says what the candidate will do: the skills they will use ("you'll
#: need" asks for them).
_WILL_DO = re.compile(r"\byou(\u2019ll|'ll| will|\u2019d|'d| would)\b(?! need\b)", re.IGNORECASE)
#: A line that states a qualification, wherever it stands ("Experience with Kubeflow",
#: "Fluency in Python", "Familiarity with Airflow" among the duties of a job description).
_QUALIFICATION_START = re.compile(
    r"^\W*(\d{1,2}\+?\s*(years?|yrs)|(hands-on |proven |demonstrated |prior |previous )?"
    r"experience (with|in|building|developing|using|of|working|designing|deploying)|"
    r"familiarity with|fluen(cy|t) (in|with)|proficien(cy|t) (in|with)|knowledge of|"
    r"exposure to|expertise (in|with)|(strong|solid|deep) (background|knowledge|"
    r"understanding|experience|command)|background in|understanding of|"
    r"(an? )?(ph\.?d\.?|doctorate|master'?s|msc|bachelor'?s|bsc)( degree)? (in|of)|"
    r"(strong|proven|excellent|solid) ([\w-]+ ){0,2}(record|skills))\b",
    re.IGNORECASE,
)
#: A sentence that opens with a verb giving the candidate a duty ("Collaborate with our
#: infrastructure team", "Working closely with customers"), not with a subject that is
#: described ("Our models run on...", "The team uses...", "Acme builds...", "Acme is...").
_DUTY_START = re.compile(r"^\W*(?P<verb>[A-Z][a-z]+)\b(?P<next>\s+\S+)?")
_DESCRIBING_START = re.compile(
    r"^(our|we|the|this|these|those|its|it|they|their|us|there|here|he|she|you|your|"
    r"[a-z]+('|\u2019)s)$",
    re.IGNORECASE,
)
_DESCRIBING_NEXT = re.compile(r"^\s+(is|are|was|were|has|have|had|will|can|'s|\u2019s)$", re.I)
#: A labelled line that names the tools the candidate will use ("Tech stack: PyTorch, Ray").
_STACK_LABEL = re.compile(
    r"^[^\w]*(tech(nology)? stack|stack|tools?|technologies|tech)(\s+(we|you.ll)\s+use)?\s*:",
    re.IGNORECASE,
)
#: A line that opens with a short label of its own ("Requirements: Python, SQL").
_LABEL = re.compile(r"^\W*(?P<label>\w[\w'&/ -]{0,40}?)\s*:[*_]*\s+\S")  # "**Skills:** Python"


def line_sections(
    lines: Sequence[str], headings: Sequence[str] = ()
) -> tuple[list[Section], list[bool]]:
    """The section of every line, and whether the line is an item of an "any of" list.

    ``headings`` are the lines the source marked as headings. Text before any known heading
    is the introduction. A heading whose words the patterns do not know is read from its
    items (:mod:`skillgap.posting_layout`); one whose items say nothing clear ("Challenges",
    "0-30 days") continues the section it stands in. An item that opens an
    "any of" list gives its items its kind; after them, its section goes on
    (:mod:`skillgap.posting_lists` says where the list ends).
    """
    current: Section = "intro"
    any_of: AnyOfList | None = None
    resumed: Section | None = None  # the section that goes on after an item's list
    sections: list[Section] = []
    grouped: list[bool] = []
    kinds = heading_kinds(lines, headings, says_preferred)
    for index, (line, (kind, source)) in enumerate(zip(lines, kinds, strict=True)):
        if source == "title" and kind == current:
            kind = None  # a Title-Case item among items of its kind, no heading
        elif (
            kind == "required"
            and current == "preferred"
            and (
                source != "words"
                or (_labels_its_list(lines, index) and not _REQUIRED_PHRASE.search(line))
            )
        ):
            # "Technical" over items of a preferred section, or an item that labels a list of
            # its own ("- Technical Skills or Knowledge:"): a sub-heading of the section.
            kind = current
        if any_of is not None and not any_of.holds(line):
            # A lead-in whose first item is a sentence of its own leads into the section.
            if resumed is not None and any_of.held:
                current = resumed
            any_of, resumed = None, None
        if kind is None and ANY_OF.search(line) and line.rstrip(" *_").endswith(":"):
            kind = current  # "At least one of the following must be true:" opens a list
        if kind is not None:
            any_of = AnyOfList.opened_by(line)
            resumed = current if any_of and any_of.item_indent is not None else None
            if resumed in ("required", "preferred") and kind != "preferred":
                kind = resumed  # "- Experience with one of:" among the preferred items
            current = kind
            sections.append("other")  # the heading itself asks for nothing
        elif (label := _LABEL.match(line)) and (
            current in ("intro", "other")
            or _REQUIREMENTS_LABEL.match(label.group("label"))
            or (
                # "Tools we use: Airflow" passes its own verdict (sentence_importance)
                heading_kind(label.group("label") + ":") not in (None, "required")
                and not _STACK_LABEL.match(line)
            )
        ):
            # "Requirements: Python, SQL" outside any section, "Nice to have: Streamlit" or
            # "Salary: ..." in any (an item's "Experience: Kubernetes" keeps its section):
            # the label says what its line is.
            sections.append(heading_kind(label.group("label") + ":") or current)
        else:
            sections.append(current)
        grouped.append(any_of is not None and kind is None)
    for index, kind in lists_before_headings(lines, sections, says_preferred).items():
        sections[index] = kind
    return sections, grouped


#: A label that says its line holds requirements, in any section ("Requirements: SQL, Go"
#: under LinkedIn's "About the job"), unlike an item's "Experience: Kubernetes".
_REQUIREMENTS_LABEL = re.compile(
    r"^(requirements?|required( skills| qualifications)?|must[- ]haves?|"
    r"(minimum|basic) qualifications)$",
    re.IGNORECASE,
)
#: "Is required", not "where required" ("Where required, training of new editors").
_MUST = re.compile(
    r"\b(must|mandatory|(?<!where )(?<!when )(?<!if )(?<!as )(?<!unless )required)\b",
    re.IGNORECASE,
)


def _labels_its_list(lines: Sequence[str], index: int) -> bool:
    """Whether a line is an item that labels the list under it: a bullet, or a colon over
    items set further in ("- Technical Skills or Knowledge:" over "  - Python, SQL")."""
    line = lines[index]
    if BULLET.match(line.lstrip()):
        return True
    after = next((item for item in lines[index + 1 :] if item.strip()), "")
    indent = len(line) - len(line.lstrip())
    return line.rstrip(" *_").endswith(":") and len(after) - len(after.lstrip()) > indent


def _is_duty(sentence: str) -> bool:
    """Whether a sentence of a responsibilities section gives the candidate a duty."""
    start = _DUTY_START.match(sentence)
    if start is None or _DESCRIBING_START.match(start.group("verb")):
        return False
    return not _DESCRIBING_NEXT.match(start.group("next") or "")


def _opens_item(sentence: str, line: str) -> bool:
    """Whether a sentence is a list item, or opens one that says more ("Experience as a
    Data Engineer. GCP experience preferred."), rather than a sentence inside a paragraph."""
    text = line.strip()
    ends = first_ends(text, SENTENCE_END, 1)
    return not ends or text[: ends[0].start() + 1].strip() in sentence


def _continues_company_fact(sentence: str, line: str) -> bool:
    """Whether a sentence follows, on its line, a first sentence that states what the company
    is or does ("Acme is used by Fortune 1000 firms. Think of it as a streaming data
    platform."): it goes on describing the company."""
    first = SENTENCE_END.search(line.strip())
    if first is None:
        return False
    head = line.strip()[: first.start() + 1]
    return (
        head.strip() not in sentence
        and _COMPANY_STATEMENT.search(head) is not None
        and _CANDIDATE_PHRASE.search(head) is None
    )


def says_preferred(text: str) -> bool:
    """Whether the words say that what they name is optional ("preferred", "a plus")."""
    return _PREFERRED_PHRASE.search(text) is not None


def preferred_at(text: str) -> int:
    """Where the words first say that what they name is optional, or -1."""
    match = _PREFERRED_PHRASE.search(text)
    return match.start() if match else -1


def sentence_importance(sentence: str, section: Section, *, line: str = "") -> Importance | None:
    """What a sentence of a section asks of the candidate: required, preferred or nothing."""
    preferred = _PREFERRED_PHRASE.search(sentence) is not None or bool(
        _INTEREST_ITEM.match(sentence) or _EXCITED.search(sentence)
    )
    required = _REQUIRED_PHRASE.search(sentence) is not None
    about_company = (
        _COMPANY_FACT.search(sentence) or _continues_company_fact(sentence, line)
    ) and not _CANDIDATE_PHRASE.search(sentence)
    will_do = _WILL_DO.search(sentence) and not _CANDIDATE_PHRASE.search(sentence)
    match section:
        case "required" | "preferred" if will_do or _STACK_LABEL.match(line):
            return "preferred"  # what the candidate will do: the skills they will use
        case "required" | "preferred" if about_company:
            return None
        case "required" | "preferred" if paragraph(line) and not (
            preferred
            or required
            or _CANDIDATE_PHRASE.search(sentence)
            or _YOU.search(sentence)
            or _QUALIFICATION_START.match(sentence)
        ):
            return None  # prose among the requirements that asks nothing of the candidate
        case "required":
            return "preferred" if preferred else "required"
        case "preferred":
            return "required" if required and not preferred else "preferred"
        case "responsibilities":
            if _STACK_LABEL.match(line):
                return "preferred"
            if _MUST.search(sentence) and not preferred:
                return "required"  # "Kubernetes experience is required" among the duties
            if (
                _QUALIFICATION_START.match(sentence) and _opens_item(sentence, line)
            ) or _HAS_QUALIFICATION.search(sentence):
                return "preferred" if preferred else "required"
            addressed = _CANDIDATE_PHRASE.search(sentence) or _WILL_DO.search(sentence)
            company = (
                _COMPANY_PHRASE.search(sentence)
                or _COMPANY_FACT.search(sentence)
                or _continues_company_fact(sentence, line)
            )
            duty = _is_duty(sentence) and one_sentence(line)
            if paragraph(line) and not (addressed or _YOU.search(sentence) or _ROLE.match(line)):
                return None  # what a paragraph says of the team or the product
            return None if company and not (addressed or duty) else "preferred"
        case "intro":
            if _STACK_LABEL.match(line):
                return "preferred"
            if _WILL_DO.search(sentence) and not _CANDIDATE_PHRASE.search(sentence):
                return "preferred"  # what the candidate will do, said in the introduction
            # "This includes ... and thus requires broad understanding": a description.
            asks = (
                preferred
                or _REQUIRED_WORD.search(sentence)
                or _ADDRESSED.search(sentence)
                or (_ESSENTIAL.search(sentence) and _CANDIDATE_PHRASE.search(sentence))
            )
            if about_company or not asks:
                return None
            return "preferred" if preferred else "required"
        case _:
            return None
