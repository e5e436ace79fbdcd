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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, cast

from skillgap.posting_layout import heading_kinds, without_tags
from skillgap.posting_lists import ANY_OF, BULLET, AnyOfList
from skillgap.posting_sentences import SENTENCE_END, first_ends, one_sentence, paragraph

Section = Literal[
    "required", "preferred", "responsibilities", "intro", "benefits", "eeo", "apply", "other"
]
Importance = Literal["required", "preferred"]

#: Heading kinds, tried in this order: the first whose words a heading holds is its kind
#: ("Pre-Employment Requirements" is legal text before it is a requirement section).
_HEADING_PATTERNS: tuple[tuple[Section, str], ...] = (
        ("eeo", r"\b(equal (employment )?opportunit|eeo\b|diversity|inclusion|accommodations?\b|"
                r"belonging|non-?discrimination)"),
        ("other", r"\b(disclosures?|pre-employment|privacy|locations?|legal|notice|"
                  r"general info|salary range|pay range|compensation range)\b"),
        ("benefits", r"\b(benefits?|perks?|what we offer|we offer|what you('ll| will)? get|"
                     r"in it for you|we have for you|compensation|salary|pay\b|"
                     r"what (to|you can) expect"
                     r"(?! (in|from|of) (this|the|your) (role|job|position)| to do)|"
                     r"rewards|why (join|work)|^why\b|life at|our offer|incentives?|longevity|"
                     r"holidays?|vacation|time off|insurance|401\(?k|retirement|wellness|"
                     r"relocation)"),
        # "Please apply if:" says who should apply: a requirement heading, not how to apply.
        ("apply", r"\b(how to apply|(?<!should )apply(?!\s+if\b)|application|interview process|"
                  r"hiring process|"
                  r"next steps|not sure if|recruit)"),
        ("preferred", r"\b(preferred|nice[- ]to[- ]haves?|bonus|plus(es)?\b|desired|desirable|"
                      r"great to have|good to have|ideally|ideal (to have|qualifications|skills|"
                      r"experience)|extra credit|stand out|sets? you apart|even better|"
                      r"not required|optional|would be (great|nice)|(great|nice) if|love to see|"
                      r"might also|"
                      r"also have|helpful|advantageous|an advantage)"),
        ("required", r"\b(requirements?|required|qualifications?|must[- ]haves?|must have|"
                     r"what you('ll| will)? (need( to (bring|have|succeed|know))?|bring)|"
                     r"is this you|about you(rself)?$|look(ing)? for|skills?(-set)?\b|skill set|"
                     r"your profile|expertise|you possess|you should have|you bring|"
                     r"competenc|experience\b|^you$|^you are$|eligibility|what it takes|"
                     r"what we (expect|need|require)|we (expect|need|require)\b.*\byou|"
                     r"(ideal|right|successful) candidate|(good|great|strong) fit|thrive if|"
                     r"apply if|should apply|you('ll| will) have|your background|^background$|"
                     r"education|criteria|person specification|knowledge|abilities|^essential$|"
                     r"need to succeed|who you are|you have|(about )?the (candidate|applicant)|"
                     r"your (tool ?(kit|box)|equipment|gear|arsenal|superpowers))"),
        ("responsibilities", r"\b(responsibilit|what you('ll| will)? (do|be doing|work on)|"
                             r"you will\b|you'll\b|the role\b|this role|your role|the position|"
                             r"duties|day[- ]to[- ]day|impact|objectives?|job description|"
                             r"description|summary|opportunity|challenges|mission of the role|"
                             r"the job\b|overview of the role|tasks|projects?\b|deliver|"
                             r"your mission|involves|(?<!our )tech(nology)? stack)"),
        ("intro", r"\b(about\b|who we are|our (mission|story|team|values|company)|company|"
                  r"(our|the team'?s) (tech(nology)? )?(stack|tools|technolog)|"
                  r"(tech(nology)?|tools|technologies) we (use|work with|love)|"
                  r"meet the team|the team|overview|we live by|culture|what we('ve| have) built|"
                  r"(recent|team|our|past)( \w+){0,2} (accomplishments|achievements|wins))"),
)  # fmt: skip
_HEADING_KINDS = [(kind, re.compile(pattern, re.I)) for kind, pattern in _HEADING_PATTERNS]

#: Marks around a heading's words: Markdown, emphasis, emoji, bullets, rules.
_MARKS = re.compile(r"^[^\w(]+|[^\w)?!]+$")
#: A heading's words are its link's text, never the address ("# [ML Engineer](.../apply/...)").
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_MAX_HEADING_WORDS = 10
_MAX_LEAD_IN_WORDS = 25
_PREFERRED_LEAD_IN = re.compile(
    r"\b(preferred|nice[- ]to[- ]have|bonus|a plus|pluses|ideally|desired|desirable|"
    r"great to have|even better|stand out|not required|would be (great|nice)|(great|nice) if|"
    r"love to see|"
    r"might also|also have|helpful|advantageous|an advantage|sets? you apart)\b",
    re.IGNORECASE,
)
_REQUIRED_LEAD_IN = re.compile(
    r"\b(requires?|required|must|need|qualifications?|capabilities|strengths|skills|"
    r"experience|look(ing)? for|you have|you bring|you should|ideal candidate|"
    r"you('ll| will) (have|need|bring)|successful|succeed|good fit|great fit)\b",
    re.IGNORECASE,
)
#: "Location: Remote", "Title: ML Engineer": a label with its value on the line is no heading.
_INLINE_LABEL = re.compile(r":\s+\S")
_EMPHASISED = re.compile(r"^(\*\*|__).*(\*\*|__)\W*$")

#: An item that says it is optional is preferred wherever it stands.
_PREFERRED_PHRASE = re.compile(
    r"\b(is|are|would be|will be|considered)( an?)?( [a-z]+)? (plus|bonus|advantage|asset)\b|"
    r"\bnice[- ]to[- ]have\b|\bpreferred\b|\bpreferably\b|\bideally\b|"
    r"\bdesirable\b|\bdesired\b|\bbonus( points)?\b|\ba plus\b|\bnot required\b|\boptional\b|"
    r"\bgreat to have\b|\bgood to have\b|\bwould be great\b|\bhelpful\b|\bbeneficial\b|"
    r"\badvantageous\b|\ban advantage\b|\ban asset\b|^\W*plus\s*:|\bwelcomed?\b|\bappreciated\b|"
    r"\b(is|are) valued\b|\bextra (points|credit)\b|\bdifferentiator\b|\blove to see\b|"
    r"\bwould be nice\b|\bnice to see\b",
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
_REQUIRED_PHRASE = re.compile(
    r"\b(must|required|requires?|minimum|mandatory|essential)\b", re.IGNORECASE
)
_REQUIRED_WORD = re.compile(r"\b(must|required|mandatory)\b", re.IGNORECASE)
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
    r"(looking|searching) for (an? |the )?([\w/+-]+ ){0,3}?(someone|individuals?|people|persons?|"
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
    r"(looking|searching) for (someone|individuals|people|candidates|engineers|experience)|"
    rf"{_WE_ASK}|"
    r"we('d|\u2019d| would) (love|like) (to see|(for )?you to))\b",
    re.IGNORECASE,
)
#: A sentence that says what the candidate has, among the duties ("You have 5+ years of
#: Python"), not what the job gives ("you will have the chance to learn Rust").
_HAS_QUALIFICATION = re.compile(
    r"\byou (have|bring|possess|should have|must have)\b(?!\s+(the|an?)\s+(opportunity|chance|"
    r"access))|\b(candidates?|applicants?) (should|must) have\b",
    re.IGNORECASE,
)
#: A sentence that speaks to the reader ("Python and SQL are your daily tools").
_YOU = re.compile(r"\byou(r|rs|rself)?\b", re.IGNORECASE)
#: A paragraph about the role ("The ML Engineer role is responsible for..."), not the company.
_ROLE = re.compile(r"^\W*(in )?(the|this) ([\w-]+ ){0,3}(role|position)\b", re.IGNORECASE)
#: A sentence that says what the candidate will do: the skills they will use.
_WILL_DO = re.compile(r"\byou(\u2019ll|'ll| will|\u2019d|'d| would)\b", re.IGNORECASE)
#: A line that states a qualification, wherever it stands ("Experience with Kubeflow",
#: "Fluency in Python", "Familiarity with Airflow" among the duties of a job description).
_QUALIFICATION_START = re.compile(
    r"^\W*(\d{1,2}\+?\s*(years?|yrs)|(hands-on |proven |demonstrated |prior |previous )?"
    r"experience (with|in|building|developing|using|of|working|designing|deploying)|"
    r"familiarity with|fluen(cy|t) (in|with)|proficien(cy|t) (in|with)|knowledge of|"
    r"exposure to|expertise (in|with)|(strong|solid|deep) (background|knowledge|"
    r"understanding|experience|command)|background in|understanding of)\b",
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
_JOINING_WORDS = frozenset(
    {
        "&", "and", "of", "the", "our", "your", "a", "to", "for", "-", "|", "key", "minimum",
        "basic", "additional", "main", "core", "general", "primary", "essential", "specific",
        "points", "extra", "important", "other", "job", "position", "more", "some", "this",
        "technical", "professional", "personal", "what", "we", "we're", "we\u2019re", "are",
        "what's", "if", "you", "in", "who", "candidate", "candidates", "needed", "role", "all",
        "would", "make", "makes", "profile", "from", "have", "had",
    }
)  # fmt: skip
#: Headings that name the company or the place ("More about Hugging Face", "Life at Acme").
_NAMED_HEADING = re.compile(
    r"^((more|all|a bit|a little) )?about\b|^life at\b|^why\b|^(perks|benefits)\b", re.I
)
_MAX_BARE_WORDS = 5
_MAX_NAMED_WORDS = 8
#: A line that opens with a short label of its own ("Requirements: Python, SQL").
_LABEL = re.compile(r"^\W*(?P<label>\w[\w'&/ -]{0,40}?)\s*:\s+\S")


def heading_kind(line: str, marked: bool = False) -> Section | None:
    """The kind of section a heading line opens, or None when the line is no known heading.

    A heading is a short line that ends no sentence (a colon, a question mark, Markdown or
    emphasis around it are fine), whose words name a kind of section. ``marked``: the source
    marked the line as a heading (its Markdown ``#`` or bold are gone from the text).
    """
    raw, tagged = without_tags(line)
    if not raw or (raw.endswith((".", ";", ",")) and not raw.endswith("...")):
        return None
    words = _LINK.sub(r"\1", raw).replace("\u2019", "'").replace("**", "").replace("__", "")
    if _INLINE_LABEL.search(_MARKS.sub("", words)):
        return None
    title = _MARKS.sub("", _URL.sub("", words)).strip()
    if not title:
        return None
    if raw.rstrip(" *_").endswith(":") and len(title.split()) <= _MAX_LEAD_IN_WORDS:
        # A sentence that leads into a list says what the list is ("This role requires a
        # variety of strengths and capabilities including:").
        if _PREFERRED_LEAD_IN.search(title):
            return "preferred"
        if _REQUIRED_LEAD_IN.search(title):
            return "required"
    if len(title.split()) > _MAX_HEADING_WORDS:
        return None
    bullet = BULLET.match(raw)
    if bullet and not (_EMPHASISED.match(raw[bullet.end() :]) or raw.endswith(":")):
        return None  # a list item, not a heading
    marked = (
        marked
        or tagged
        or raw.startswith(("#", "*", "_"))
        or raw.rstrip(" *_").endswith((":", "?", "\u2026"))
    )
    # A bare line is a heading only when short, capitalised, and its words are mostly a
    # heading's ("Preferred Qualifications"), not an item ("Experience with government work").
    bare = not marked and not title.isupper() and not ANY_OF.search(title)
    longest = _MAX_NAMED_WORDS if _NAMED_HEADING.match(title) else _MAX_BARE_WORDS
    if bare and (len(title.split()) > longest or not title[:1].isupper()):
        return None
    for kind, pattern in _HEADING_KINDS:
        match = pattern.search(title)
        if match is None:
            continue
        if bare and not _NAMED_HEADING.match(title) and _words_left(title):
            return None
        return kind
    return None


def _words_left(title: str) -> int:
    """How many words of a title are neither heading words nor words that qualify a heading
    ("Key", "Minimum"): "Government experience" is an item, "Minimum Qualifications" a
    heading."""
    spans = [m.span() for _, pattern in _HEADING_KINDS for m in pattern.finditer(title)]
    return sum(
        1
        for word in re.finditer(r"\S+", title)
        if word.group().strip("!?.:,;\u2026").casefold() not in _JOINING_WORDS
        and not any(a < word.end() and word.start() < b for a, b in spans)
    )


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
    kinds = cast(list[Section | None], heading_kinds(lines, headings, heading_kind, says_preferred))
    for line, kind in zip(lines, kinds, strict=True):
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
    return sections, grouped


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
            asks = preferred or _REQUIRED_WORD.search(sentence) or _ADDRESSED.search(sentence)
            if about_company or not asks:
                return None
            return "preferred" if preferred else "required"
        case _:
            return None
