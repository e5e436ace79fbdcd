"""Headings of a job posting read from their words: the kind of section a heading opens.

A heading is a short line that ends no sentence, whose words name a kind of section
(requirements, preferred qualifications, responsibilities, the company's introduction,
benefits, equal-opportunity text, how to apply). A heading whose words say nothing is read
from its layout and its items (:mod:`skillgap.posting_layout`).
"""

from __future__ import annotations

import re
from typing import Literal

from skillgap.posting_lists import ANY_OF, BULLET

Section = Literal[
    "required", "preferred", "responsibilities", "intro", "benefits", "eeo", "apply", "other"
]

#: An HTML tag left in pasted text; a line a heading or bold tag opens is marked by it.
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]{0,200})?/?>")
_MARKING_TAG = re.compile(r"^<(h[1-6]|b|strong)\b", re.IGNORECASE)


def without_tags(line: str) -> tuple[str, bool]:
    """A line without the HTML tags left in it, and whether a heading or bold tag opened it
    ("<b>Requirements</b>", "<h3>About you</h3>")."""
    raw = line.strip()
    if "<" not in raw:
        return raw, False
    return TAG.sub("", raw).strip(), bool(_MARKING_TAG.match(raw))


#: Heading kinds, tried in this order: the first whose words a heading holds is its kind
#: ("Pre-Employment Requirements" is legal text before it is a requirement section).
_HEADING_PATTERNS: tuple[tuple[Section, str], ...] = (
        ("eeo", r"\b(equal (employment )?opportunit|eeo\b|diversity|inclusion|accommodations?\b|"
                r"belonging|non-?discrimination)"),
        ("other", r"\b(disclosures?|pre-employment|privacy|locations?|legal|notice|"
                  r"general info|salary range|pay range|compensation range)\b"),
        ("benefits", r"\b(benefits?|perks?|what we offer|we offer|"
                     r"what you('ll| will)? get(?! to\b)|"
                     r"in it for you|we have for you|compensation|salary|pay\b|"
                     r"what (to|you can) expect"
                     r"(?! (in|from|of) (this|the|your) (role|job|position)| to do)|"
                     r"rewards|why (join|work)|^why\b|life at|our offer|incentives?|longevity|"
                     r"you('ll| will) love(?! (doing|to do|working on))|love (about|working)|"
                     r"holidays?|vacation|time off|insurance|401\(?k|retirement|wellness|"
                     r"relocation)"),
        # "Please apply if:" says who should apply: a requirement heading, not how to apply.
        ("apply", r"\b(how to apply|(?<!should )apply(?!\s+if\b)|application|interview process|"
                  r"hiring process|(our|the) process\b|interviews?\b|"
                  r"next steps|not sure if|recruit)"),
        ("preferred", r"\b(preferred|nice[- ]to[- ]haves?|bonus|plus(es)?\b|desired|desirable|"
                      r"great to have|good to have|ideally|ideal (to have|qualifications|skills|"
                      r"experience)|extra (credit|points)|stand out|sets? you apart|even better|"
                      r"not required|optional|would be (great|nice)|(great|nice) if|love to see|"
                      r"might also|^nice$|^(should|could)[- ]haves?$|"  # MoSCoW labels
                      r"also have|helpful|advantageous|an advantage)"),
        ("required", r"\b(requirements?|required|qualifications?|must[- ]haves?|must have|"
                     r"what you('ll| will)? (need( to (bring|have|succeed|know))?|bring)|"
                     r"is this you|about you(rself)?$|look(ing)? for|skills?(-set)?\b|skill set|"
                     r"your profile|expertise|you possess|you should have|you bring|"
                     r"competenc|experience\b|^you$|^you are$|eligibility|what it takes|"
                     r"what we (expect|need|require)|we (expect|need|require)\b.*\byou|"
                     r"(ideal|right|successful) candidate|(good|great|strong) fit|"
                     r"(thrive|excel|succeed|be successful|shine)( \w+){0,3} if\b|"
                     r"apply if|should apply|you('ll| will) have|your background|^background$|"
                     r"education|criteria|person specification|knowledge|abilities|^essential$|"
                     r"need to succeed|who you are|you have|(about )?the (candidate|applicant)|"
                     r"your (tool ?(kit|box)|equipment|gear|arsenal|superpowers))"),
        ("responsibilities", r"\b(responsibilit|what you('ll| will)? (do|be doing|work on)|"
                             r"you will\b|you'll\b|the role\b|this role|your role|the position|"
                             r"duties|day[- ]to[- ]day|impact|objectives?|job description|"
                             r"description|summary|opportunity|challenges|mission of the role|"
                             r"the job\b|overview of the role|tasks|projects?\b|deliver|"
                             r"your mission|involves|accountabilit|will you (do|be doing)|"
                             r"^(the )?(role|position|job) (overview|summary|description|"
                             r"profile|purpose)|"
                             r"get to do|(?<!our )tech(nology)? stack)"),
        # "About Acme", "More about us"; not "Things we're excited about in a candidate".
        ("intro", r"(^|\b(more|all|a bit|a little|learn|read)\s+)about\b|"
                  r"\b(who we are|our (mission|story|team|values|company)|company|"
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
INLINE_LABEL = re.compile(r":\s+\S")
_EMPHASISED = re.compile(r"^(\*\*|__).*(\*\*|__)\W*$")

_JOINING_WORDS = frozenset(
    {
        "&", "and", "of", "the", "our", "your", "a", "to", "for", "-", "|", "key", "minimum",
        "basic", "additional", "main", "core", "general", "primary", "essential", "specific",
        "points", "extra", "important", "other", "job", "position", "more", "some", "this",
        "technical", "professional", "personal", "what", "we", "we're", "we\u2019re", "are",
        "what's", "if", "you", "in", "who", "candidate", "candidates", "needed", "role", "all",
        "would", "make", "makes", "profile", "from", "have", "had", "it", "will",
    }
)  # fmt: skip
#: Headings that name the company or the place ("More about Hugging Face", "Life at Acme").
_NAMED_HEADING = re.compile(
    r"^((more|all|a bit|a little) )?about\b|^life at\b|^why\b|^(perks|benefits)\b", re.I
)
_MAX_BARE_WORDS = 5
_PARENTHESES = re.compile(r"\([^()]*\)")
#: Heading words an item can open with; a line with this many other words is an item.
_ITEM_WORD = re.compile(r"(experience|skills?|knowledge|expertise|abilities|background)", re.I)
_MAX_ITEM_WORDS_LEFT = 2
_MAX_NAMED_WORDS = 8


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
    if INLINE_LABEL.search(_MARKS.sub("", words)):
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
    if bare and not _words_left(title) and any(p.search(title) for _, p in _HEADING_KINDS):
        longest = _MAX_HEADING_WORDS  # "It would be great if you also have": heading words
    if bare and (len(title.split()) > longest or not title[:1].isupper()):
        return None
    outside = _PARENTHESES.sub(" ", title)
    if (
        outside != title
        and _words_left(outside) >= 2
        and not any(pattern.search(outside) for _, pattern in _HEADING_KINDS)
    ):
        return None  # "Remote, Canada (PST Working Hours Preferred)": an aside is no heading
    for kind, pattern in _HEADING_KINDS:
        match = pattern.search(title)
        if match is None:
            continue
        if bare and not _NAMED_HEADING.match(title) and _words_left(title):
            return None
        if _ITEM_WORD.fullmatch(match.group()) and _words_left(title) >= _MAX_ITEM_WORDS_LEFT:
            # A line in bold that reads as an item ("**Experience with Kubernetes**",
            # "**Strong communication skills**"), not "Skills & Experience".
            return None if not raw.rstrip(" *_").endswith((":", "?")) else kind
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
