"""Link targets are not resume content, except a GitHub address: it is evidence of the
``github`` skill (an icon linking to a profile says as much as its URL written out). Every
reader that meets link targets (Markdown, HTML, LaTeX, PDF, structured data) asks here."""

from __future__ import annotations

import re

#: A GitHub address in a link target, from the host on.
GITHUB_URL = re.compile(r"github\.com/[\w.\-/]*", re.IGNORECASE)


def github_address(target: str) -> str | None:
    """The GitHub address in a link target, or None."""
    match = GITHUB_URL.search(target)
    return match.group(0) if match else None


def github_text(target: str) -> str:
    """What a link's target adds to the text: its GitHub address set apart, else nothing."""
    address = github_address(target)
    return f" {address} " if address else ""


def link_text(label: str, target: str) -> str:
    """A link as the text reads it: its label, and its target's GitHub address when the label
    does not already show it ("[github.com/jdoe](https://github.com/jdoe)" once, not twice)."""
    address = github_address(target)
    if address is None or address.rstrip("/").casefold() in label.casefold():
        return label
    return f"{label} {address} "
