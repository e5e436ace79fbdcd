"""Text quality: whether a resume's text looks glued, garbled or nearly empty."""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.report import Quality

#: Below this many characters a resume is "nearly empty".
MIN_CHARACTERS = 200
GLUED_SHARE = 0.05
GARBLED_SHARE = 0.01

_ALPHA_TOKEN = re.compile(r"[^\W\d_]+")
_MOJIBAKE = re.compile("[\ufffd]|Ã[\u0080-\u00bf]|â€|Â[\u00a0-\u00bf]")


def assess_quality(text: str, reading: Sequence[str] = ()) -> Quality:
    """Flag text that looks glued, garbled or nearly empty, so a low score is not a mystery;
    ``reading`` adds what the reader could not read (a LaTeX file it did not include...)."""
    tokens = _ALPHA_TOKEN.findall(text)
    long_share = sum(1 for t in tokens if len(t) >= 18) / len(tokens) if tokens else 0.0
    garbled = sum(len(m.group(0)) for m in _MOJIBAKE.finditer(text)) / max(1, len(text))
    warnings = list(reading)
    if long_share > GLUED_SHARE:
        warnings.append(
            f"{long_share:.0%} of words are 18+ letters long: the text looks glued together, "
            "so skills may be missed"
        )
    if garbled > GARBLED_SHARE:
        warnings.append(f"{garbled:.1%} of characters look garbled (wrong encoding)")
    if len(text.strip()) < MIN_CHARACTERS:
        warnings.append(f"only {len(text.strip())} characters of text: is this the whole resume?")
    return Quality(
        status="warning" if warnings else "ok",
        warnings=warnings,
        long_token_share=round(long_share, 4),
        garbled_share=round(garbled, 4),
    )
