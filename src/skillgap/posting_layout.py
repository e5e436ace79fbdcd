"""A posting's headings found from its layout, and an unknown heading's kind from its items.

Postings name their sections in words no list holds ("Your Equipment", "Ways to stand out",
"Your Course - and what we expect from you"), so a heading is found first from how it is
written, then what its section is:

- a line is a heading by its layout when the source marked it (a Markdown ``#``, a paragraph
  all in bold, an HTML ``<h2>``: the reader keeps these in ``Document.headings``, since the
  marks are gone from the text), or when it is written as one: bold, ending in a colon or
  question mark, in capitals, or a short Title-Case line that a list follows;
- a heading whose words say what it is keeps that kind (:func:`heading_kind`);
- a heading whose words say nothing is read from its items, as a recruiter does: mostly
  qualifications ("Experience with", "Familiarity with", "3+ years", a degree, "Ability to",
  "You have") make a requirement section (preferred when they say so), mostly duties
  ("Build", "Collaborate", "Designing") a responsibilities section, mostly perks the benefits;
- a heading whose words only weakly say requirements ("what we expect from you") but whose
  items are all duties is read as the responsibilities it lists.

A heading whose items say nothing clear goes on in the section it stands in, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Literal

from skillgap.posting_headings import INLINE_LABEL, TAG, Section, heading_kind, without_tags
from skillgap.posting_lists import ANY_OF, BULLET
from skillgap.posting_sentences import paragraph
from skillgap.readers import Document

#: A qualification, at the start of an item.
_QUALIFICATION = re.compile(
    r"^(\d{1,2}\s*\+?\s*(-\s*\d{1,2}\s*)?(\+\s*)?(years?|yrs)|(at least|minimum( of)?|over) \d|"
    r"(an? )?((advanced|undergraduate|graduate|university|college|bachelor'?s?|master'?s?|"
    r"doctoral)( or \w+'?s?)? )?(degree|bachelor|master|ph\.? ?d|doctorate|b\.?sc?\b|m\.?sc?\b|"
    r"b\.?a\b|mba\b)|"
    r"((hands-on|proven|demonstrated|prior|previous|professional|practical|solid|strong|deep|"
    r"extensive|significant|excellent|exceptional|good|working|advanced|some|first|basic|"
    r"outstanding|great|sound|thorough|verifiable|real-world|relevant|a|an)\s+)*"
    r"(experience|familiarity|fluency|proficiency|knowledge|understanding|expertise|background|"
    r"command|grasp|skills?|track record|ability|abilities|communication|foundation|mastery|"
    r"exposure|comfort|passion|curiosity|interest|aptitude|attention to detail|"
    r"(written|verbal|interpersonal|analytical|problem[- ]solving|technical|programming|"
    r"coding|leadership|organi[sz]ational)\b)|"
    r"(proficient|familiar|fluent|comfortable|experienced|skilled|knowledgeable|versed|adept|"
    r"expert|self-(starter|motivated|driven)|detail[- ]oriented|curious|passionate|able to|"
    r"capable of|certified|licensed)\b|"
    r"you('re|\u2019re|'ve|\u2019ve| are| have| bring| know| possess| can| hold)\b|"
    r"(have|has|hold|possess|demonstrate) (an? |\d|experience|knowledge|strong|solid|"
    r"proven|deep|excellent|good|prior|some)|be (proficient|familiar|comfortable|able|fluent))",
    re.IGNORECASE,
)
#: Verbs a duty opens with ("Build ...", "Collaborating with ...", "Owns the roadmap").
_DUTY_VERBS = (
    "accelerate", "advance", "advocate", "analy[sz]e", "apply", "architect", "assess",
    "assist", "audit", "automate", "benchmark", "build", "champion", "clean", "close", "coach",
    "collaborate", "collect", "communicate", "conduct", "contribute", "coordinate", "craft",
    "create", "curate", "debug", "define", "deliver", "deploy", "design", "develop",
    "discover", "document", "drive", "educate", "engage", "enhance", "ensure", "establish",
    "evaluate", "execute", "experiment", "explore", "facilitate", "fine-tune", "forecast",
    "generate", "grow", "guide", "handle", "help", "identify", "implement", "improve",
    "influence", "innovate", "integrate", "investigate", "keep", "label", "lead", "learn",
    "leverage", "maintain", "make", "manage", "measure", "mentor", "model", "monitor",
    "negotiate", "operate", "optimi[sz]e", "orchestrate", "own", "oversee", "participate",
    "partner", "perform", "pioneer", "plan", "prepare", "present", "process", "produce",
    "prospect", "prototype", "provide", "publish", "reconcile", "refine", "report", "research",
    "resolve", "respond", "review", "run", "scale", "serve", "set", "shape", "ship", "solve",
    "spearhead", "stay", "streamline", "support", "take", "teach", "test", "track", "train",
    "translate", "troubleshoot", "tune", "use", "utili[sz]e", "visuali[sz]e", "work", "write",
)  # fmt: skip
_DUTY = re.compile(
    r"^(you('ll|\u2019ll| will) \w+|("
    + "|".join(rf"{verb.removesuffix('e')}(e|es|[ntp]?ing|s)?" for verb in _DUTY_VERBS)
    + r")\b(?!\s+(of|skills?|experience|knowledge|understanding|familiarity|"
    r"proficiency)\b))",
    re.IGNORECASE,
)
#: What a company gives, not what it asks ("Flexible working hours", "401(k) matching").
_BENEFIT = re.compile(
    r"\b(health|dental|vision|medical|insurance|401\(?k|pto|paid (time|leave)|vacation|"
    r"holidays?|parental|maternity|paternity|equity|stock options?|salary|compensation|"
    r"flexible|wellness|wellbeing|well-being|gym|stipend|allowance|lunch(es)?|snacks|"
    r"team events|retreats?|perks?|retirement|pension|childcare|sabbatical|home office|"
    r"remote work|work-life|reimburse\w*|budget for|days off|annual leave|bonus(es)? "
    r"(scheme|plan)|team spirit|culture|no bureaucracy)\b",
    re.IGNORECASE,
)
_MARKS = re.compile(r"^[\W_]+|[\W_]+$")
_END_OF_SENTENCE = re.compile(r"[.;,]$")
_MAX_WORDS = 10
_MAX_TITLE_WORDS = 6
#: The items read to tell a section's kind from its content, and the fewest that tell it.
_MAX_ITEMS = 20
_MIN_ITEMS = 2


def heading_key(line: str) -> str:
    """A line's words, for finding it among the headings a reader kept."""
    return " ".join(re.findall(r"\w+", line.casefold()))


def _title_case(title: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", title) if len(w) > 3]
    return bool(words) and title[:1].isupper() and all(w[:1].isupper() for w in words)


def laid_out_as_heading(line: str, marked: bool) -> str | None:
    """How a line is written as a heading: "marked" by the source, bold, ending in a colon or
    question mark, or in capitals; "title" for a short Title-Case line, a heading only when a
    list follows it; None for a list item, a sentence, or a line longer than a heading."""
    raw, tagged = without_tags(line)
    marked = marked or tagged
    title = _MARKS.sub("", raw.replace("**", "").replace("__", ""))
    if not title or len(title.split()) > _MAX_WORDS or _END_OF_SENTENCE.search(raw):
        return None
    if INLINE_LABEL.search(title):
        return None  # "Location: Remote", "Note: US only" label a line, not a section
    if marked:
        return "marked"
    bullet = BULLET.match(raw)
    if bullet and not raw[bullet.end() :].startswith(("**", "__")):
        return None
    if raw.startswith(("#", "**", "__")) or raw.rstrip(" *_").endswith((":", "?")):
        return "marked"
    if line[:1].isspace():
        return None  # an indented line is an item under another
    if title.isupper() and 1 < len(title.split()) <= _MAX_TITLE_WORDS:
        return "marked"  # not "AWS": one word in capitals names a thing
    if 1 < len(title.split()) <= _MAX_TITLE_WORDS and _title_case(title):
        return "title"
    return None


def content_kind(items: Sequence[str], preferred: Callable[[str], bool]) -> Section | None:
    """The kind of section its items make: "required" or "preferred" when most are
    qualifications, "responsibilities" when most are duties, "benefits" when most are perks,
    else None. Only a list tells it (two items at least, most of its lines no paragraph of
    prose): a paragraph about the role can speak of "flexible hours" and "experience"."""
    texts = [_MARKS.sub("", BULLET.sub("", item.strip(), count=1)) for item in items]
    texts = [t for t in texts if t][:_MAX_ITEMS]
    listed = [t for t in texts if not paragraph(t)]
    if len(listed) < _MIN_ITEMS or len(listed) <= len(texts) / 2:
        return None  # prose, or a line or two: no list to tell the section by
    texts = listed
    qualifications = [t for t in texts if _QUALIFICATION.match(t)]
    duties = sum(1 for t in texts if _DUTY.match(t) and not _QUALIFICATION.match(t))
    benefits = sum(1 for t in texts if _BENEFIT.search(t) and not _QUALIFICATION.match(t))
    half = len(texts) / 2
    if len(qualifications) > half and len(qualifications) > duties:
        most_preferred = sum(map(preferred, qualifications)) > len(qualifications) / 2
        return "preferred" if most_preferred else "required"
    if duties > half and duties > len(qualifications):
        return "responsibilities"
    if benefits > half:
        return "benefits"
    return None


def lists_before_headings(
    lines: Sequence[str], sections: Sequence[Section], preferred: Callable[[str], bool]
) -> dict[int, Section]:
    """The lines of a list of qualifications in the introduction, with the section their items
    make ("We are a robotics company." over "- 5+ years of C++", "- Experience with ROS2"
    and no heading): a list is bulleted lines, or lines that each state a qualification."""
    found: dict[int, Section] = {}
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        text = line.strip()
        if not text and index < len(lines):
            continue  # a blank line between items (Markdown's loose lists)
        plain = _MARKS.sub("", text)
        item = bool(BULLET.match(text) or _QUALIFICATION.match(plain)) and not paragraph(text)
        if index < len(lines) and sections[index] == "intro" and item:
            run.append(index)
            continue
        kind = content_kind([lines[i] for i in run], preferred) if len(run) >= _MIN_ITEMS else None
        if kind in ("required", "preferred"):
            found.update(dict.fromkeys(run, kind))
        run = []
    return found


def only_duties(items: Sequence[str]) -> bool:
    """Whether a section's items are all duties, two at least, and none a qualification."""
    texts = [_MARKS.sub("", BULLET.sub("", item.strip(), count=1)) for item in items]
    texts = [t for t in texts if t][:_MAX_ITEMS]
    return len(texts) >= 2 and all(_DUTY.match(t) and not _QUALIFICATION.match(t) for t in texts)


#: Heading words that say requirements outright: their items are requirements whatever
#: they are ("Requirements" over "Build ML pipelines" is still a requirement).
_STRONG_REQUIRED = re.compile(
    r"\b(requirements?|required|qualifications?|must|skills?|experience|expertise|knowledge|"
    r"competenc\w*|education|eligib\w*|criteria|profile|background)\b",
    re.IGNORECASE,
)
_WEAK_KINDS = frozenset({None, "required"})
#: What told a heading's kind (:func:`heading_kinds`).
Source = Literal["words", "items", "title"]


def heading_kinds(
    lines: Sequence[str], headings: Sequence[str], preferred: Callable[[str], bool]
) -> list[tuple[Section | None, Source]]:
    """The kind of section each line opens as a heading (None for a line that is none), and
    what told it: "words" (its words, as written), "items" (a heading by its layout, its
    kind from its items) or "title" (a Title-Case line over a list: a heading only where it
    changes the section, else an item in Title Case).

    ``headings`` are the lines the source marked as headings
    (:attr:`skillgap.readers.Document.headings`); ``preferred`` tells an item that says it
    is optional.
    """
    keys = {heading_key(h) for h in headings}
    marked = [bool(line.strip()) and heading_key(line) in keys for line in lines]
    kinds = [heading_kind(line, mark) for line, mark in zip(lines, marked, strict=True)]
    laid_out = [laid_out_as_heading(line, mark) for line, mark in zip(lines, marked, strict=True)]
    over_list = [out == "title" and _opens_list(lines, i) for i, out in enumerate(laid_out)]
    # Where a section ends: at a heading its words name, or one laid out as a heading.
    bounds = [
        kind is not None or out == "marked" or (listed and _bulleted(lines, i))
        for i, (kind, out, listed) in enumerate(zip(kinds, laid_out, over_list, strict=True))
    ]
    result: list[tuple[Section | None, Source]] = []
    for index, line in enumerate(lines):
        kind, out = kinds[index], laid_out[index]
        source: Source = "items"
        if out == "title" and kind is None:
            if not over_list[index]:
                result.append((None, "words"))  # a Title-Case line no list follows: an item
                continue
            kind, source = heading_kind(line, True), "title"  # "Ways To Stand Out"
        if kind not in _WEAK_KINDS or out is None or ANY_OF.search(line):
            # an "any of the following:" line opens a list of alternatives
            result.append((kind, "words"))
            continue
        end = next((j for j in range(index + 1, len(lines)) if bounds[j]), len(lines))
        items = [item for item in lines[index + 1 : end] if item.strip()]
        if kind == "required":
            if not _STRONG_REQUIRED.search(line) and only_duties(items):
                kind = "responsibilities"  # "what we expect from you" over duties
            result.append((kind, "words" if source == "items" else source))
            continue
        result.append((content_kind(items, preferred), source))
    return result


def _opens_list(lines: Sequence[str], index: int) -> bool:
    """Whether a line is followed by a list: two items at least, bulleted, or lines of their
    own (text pasted from a job board loses its bullets)."""
    return _bulleted(lines, index) or (
        index + 2 < len(lines) and all(line.strip() for line in lines[index + 1 : index + 3])
    )


def _bulleted(lines: Sequence[str], index: int) -> bool:
    """Whether the next two items after a line are bulleted."""
    after = [line.strip() for line in lines[index + 1 : index + 5] if line.strip()][:2]
    return len(after) == 2 and all(BULLET.match(line) for line in after)


def _blank(tag: re.Match[str]) -> str:
    """A tag as spaces of its length; a list item's opening tag as a bullet."""
    text = tag.group()
    if re.fullmatch(r"<li\b[^>]*>", text, re.IGNORECASE):
        return "-" + " " * (len(text) - 1)
    return " " * len(text)


def without_pasted_html(document: Document) -> Document:
    """A plain-text posting with the HTML tags pasted into it made spaces (a list item's
    a bullet), every character in its place; the lines a heading or bold tag opened are
    kept among its headings. ("Python</li>" reads as no skill, "<b>Requirements</b>" as no
    heading.)"""
    if document.format != "text" or "<" not in document.text:
        return document
    lines = document.text.split("\n")
    tagged = [without_tags(line)[0] for line in lines if without_tags(line)[1]]
    text = TAG.sub(_blank, document.text)
    return replace(document, text=text, headings=(*document.headings, *tagged))
