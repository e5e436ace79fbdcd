"""The parts of a posting's sentence that say they are optional.

"Bachelor's degree (Master's preferred)", "Python and Spark, Scala a plus", "Python and ideally
Spark", "Python (required) and Spark (preferred)": the sentence asks for its skills, except
the part that says it is optional, which asks for its own skills as preferred
(:func:`skillgap.posting.extract_requirements` reads the two parts apart).
"""

from __future__ import annotations

import re

from skillgap.posting_sections import preferred_at, says_preferred

#: An aside that is only a cue says it of the item it follows ("Python (required) and Spark
#: (preferred)", "Kubernetes (optional)"); the item begins after a comma, "and" or an aside.
_CUE_ASIDE = re.compile(
    r"\(\s*((highly|strongly|a big|a huge|a strong) )?(preferred|optional|nice[- ]to[- ]have|"
    r"an? (plus|bonus|advantage|asset)|plus|bonus|desired|desirable|not required|ideally|"
    r"helpful|beneficial)\s*\)",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\([^()]*\)")
_PREDICATE = re.compile(r"\b(is|are|be|was|were)\b", re.IGNORECASE)
_CLAUSE = re.compile(r",\s+(and|but|while|plus)\s", re.IGNORECASE)
#: Words that make the rest of a sentence optional, after something it asks outright.
_OPTIONAL_REST = re.compile(
    r"(?<=\w)[,;]?\s+((and|or|but)\s*,?\s*)?(ideally|preferably|optionally)\b", re.IGNORECASE
)
#: A last clause that speaks of what came before it ("..., but it is not required").
_OF_THE_REST = re.compile(
    r",\s+(and|but|though|although)\s+(it|this|that|these|those|they|either|both)\b", re.IGNORECASE
)
_LAST_ALTERNATIVE = re.compile(r",\s*(or|and/or|nor)\s", re.IGNORECASE)
_CONTRAST = re.compile(r"[,;]?\s+(and|but|while|whereas)\s+", re.IGNORECASE)
_REQUIRED = re.compile(r"\b(must|required|mandatory|essential)\b", re.IGNORECASE)
_ITEM_START = re.compile(r".*(,|;|\)|\band\b|\bas well as\b)", re.DOTALL | re.IGNORECASE)


def _aside_subject(line: str, begin: int, aside: re.Match[str]) -> int:
    """Where what an aside speaks of begins in a sentence that begins at ``begin``: the aside
    itself, or for an aside that is only a cue the item right before it."""
    if not _CUE_ASIDE.fullmatch(aside.group()):
        return aside.start()
    # A cue right after another aside speaks of the item that aside belongs to ("MS degree
    # in a related field (Computer Science, Statistics) (Preferred)"): its ")" ends no item.
    end = aside.start()
    while (close := line.rfind(")", begin, end)) != -1 and not line[close + 1 : end].strip():
        opening = line.rfind("(", begin, close)
        if opening == -1:
            break
        end = opening
    item = _ITEM_START.match(line, begin, end)
    return item.end() if item else begin


def optional_asides(line: str, bounds: tuple[int, int]) -> list[tuple[int, int]]:
    """Where a sentence says that part of it is optional: asides in parentheses (with the
    item before one that is only a cue: "Spark (preferred)"), and a last clause after a comma
    when the rest of the sentence does not say so itself."""
    spans = [
        (_aside_subject(line, bounds[0], m), m.end())
        for m in _ASIDE.finditer(line, bounds[0], bounds[1])
        if says_preferred(m.group())
    ]
    comma = line.rfind(", ", bounds[0], bounds[1])
    if comma > bounds[0] and not any(a <= comma < b for a, b in spans):
        head = line[bounds[0] : comma]
        # Without the asides already read: "(hands-on experience preferred)" says how much of
        # the item is wanted, not that its last part is optional.
        tail = "".join(
            c for i, c in enumerate(line[comma : bounds[1]], comma)
            if not any(a <= i < b for a, b in spans)
        )  # fmt: skip
        # "MLC-LLM, vLLM, TGI is a plus": a verb makes the whole sentence optional, unless
        # the tail is a clause of its own ("SQL, and Docker would be a bonus").
        clause = not _PREDICATE.search(tail) or _CLAUSE.match(tail) is not None
        # "Snowflake, Databricks, and/or BigQuery preferred": the last of one either-or
        # list, which the cue speaks of whole (the sentence's own cue reads it so).
        clause = clause and not _LAST_ALTERNATIVE.match(tail)
        if says_preferred(tail) and not says_preferred(head) and clause:
            if _OF_THE_REST.match(tail):
                return [bounds]  # "Kubernetes, but it is not required": all of it is optional
            spans.append((comma, bounds[1]))
    # "Python and ideally Spark", "Python, SQL and, ideally, Docker": the rest is optional.
    rest = _OPTIONAL_REST.search(line, bounds[0], bounds[1])
    asked = rest is not None and not says_preferred(line[bounds[0] : rest.start()])
    if rest and asked and not any(a <= rest.start() < b for a, b in spans):
        spans.append((rest.start(), bounds[1]))
    # "Python is required and Spark is preferred": a clause that says so after one that
    # asks outright, from the last joiner between the first word that asks and the first
    # that says it is optional.
    sentence = line[bounds[0] : bounds[1]]
    optional, asks = preferred_at(sentence), _REQUIRED.search(sentence)
    if asks and asks.end() <= optional:
        joiners = list(_CONTRAST.finditer(sentence, asks.end(), optional))
        cut = bounds[0] + joiners[-1].start() if joiners else None
        if cut is not None and not any(a <= cut < b for a, b in spans):
            spans.append((cut, bounds[1]))
    return sorted(spans)
