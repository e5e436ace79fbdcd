"""Publications a posting asks for by the bare word, with their topic: "Publications on
reinforcement learning from human feedback" asks for publications and for the topic. Alone,
"publications" may be a magazine's, so the matcher reads it only beside a word of research;
a skill named right after "on", "in" or "about" is that word here."""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.matching import Hit

_PUBLICATIONS = "publications"
#: The bare word before its topic ("Publications on RLHF", "publications in computer vision").
_ON_A_TOPIC = re.compile(
    r"\b(?P<word>publications?)[ \t]+(on|in|about)[ \t]+((the|areas?|fields?|of|such|as)[ \t]+)*",
    re.IGNORECASE,
)


def publication_hits(text: str, hits: Sequence[Hit]) -> list[Hit]:
    """Hits for a bare "publications" followed by a skill the matcher read, its topic."""
    starts = {h.start for h in hits if h.skill_id != _PUBLICATIONS}
    found = []
    for match in _ON_A_TOPIC.finditer(text):
        start, end = match.span("word")
        taken = any(h.start < end and start < h.end for h in hits)
        if match.end() in starts and not taken:
            line = text.count("\n", 0, start) + 1
            found.append(
                Hit(_PUBLICATIONS, start, end, match.group("word"), line, None, "rule", 0.8,
                    "publications on a topic the posting names")
            )  # fmt: skip
    return found
