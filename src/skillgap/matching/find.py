"""The entry to matching, for resumes and postings alike: the matcher of a taxonomy, built
once per process or loaded from the cache, and the skills found in a text."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skillgap import cache
from skillgap.errors import InputError
from skillgap.matching.compiled import compile_patterns, patterns_from_data, patterns_to_data
from skillgap.matching.matcher import Matcher
from skillgap.matching.tokens import EnglishTokenizer
from skillgap.sections import find_headings, sections_by_line

if TYPE_CHECKING:
    from skillgap.matching.hit import Hit
    from skillgap.sections import Heading
    from skillgap.taxonomy import Taxonomy

#: Matchers kept per process, the least recently used dropped first.
_KEPT = 4
_matchers: OrderedDict[str, Matcher] = OrderedDict()


@dataclass(frozen=True)
class FoundInText:
    """A text's lines, section headings, the section of each line, and its skill hits."""

    lines: list[str]
    headings: list[Heading]
    line_sections: list[str | None]
    hits: list[Hit]


def find_skills(text: str, taxonomy: Taxonomy, *, posting: bool = False) -> FoundInText:
    """The skills of a taxonomy that a text (lines separated by newlines) shows, or, for a
    job ``posting``, asks for (an interest asked for is a requirement)."""
    lines = text.split("\n")
    headings = find_headings(lines)
    line_sections = sections_by_line(lines, headings)
    hits = matcher_for(taxonomy).find(text, headings, line_sections, posting=posting)
    return FoundInText(lines, headings, line_sections, hits)


def matcher_for(taxonomy: Taxonomy) -> Matcher:
    """The matcher of a taxonomy, kept by the taxonomy's content (a taxonomy copied to
    another process is the same taxonomy), and loaded from the cache of compiled patterns
    when an earlier run left them (see :mod:`skillgap.cache`)."""
    key = taxonomy.fingerprint
    if key in _matchers:
        _matchers.move_to_end(key)
        return _matchers[key]
    matcher = _load_or_build(taxonomy)
    _matchers[key] = matcher
    if len(_matchers) > _KEPT:
        _matchers.popitem(last=False)
    return matcher


def forget_matchers() -> None:
    """Drop the kept matchers (and with them the words their vocabulary has met)."""
    _matchers.clear()


def _load_or_build(taxonomy: Taxonomy) -> Matcher:
    from spacy.about import __version__ as spacy_version

    key = f"{taxonomy.fingerprint}-spacy{spacy_version}"
    tokenizer = EnglishTokenizer()
    data = cache.load("patterns", key)
    if data is not None:
        try:
            return Matcher(patterns_from_data(data), tokenizer)
        except InputError:
            raise  # an input's time limit ran out meanwhile (skillgap.limits)
        except Exception:  # data of another shape: build afresh
            pass
    patterns = compile_patterns(taxonomy, tokenizer)
    cache.store("patterns", key, patterns_to_data(patterns))
    return Matcher(patterns, tokenizer)
