"""Taxonomy breadth: how many of the hard-skill terms of current ML postings skillgap knows
(a script, not a test).

    python benchmarks/breadth.py [--unrecognised]

The terms are those of ``benchmarks/data/terms.tsv`` (the distinct terms of public 2024-2026 ML
job documents and conference calls for papers, with how many documents use each and the id each
should map to; see ``benchmarks/data/terms.md``). Each term is analysed as the only item of a
resume's skills section, the context in which a listed skill is read at its most generous, so a
miss means the taxonomy does not know the term, not that the context was too thin.

A term is *recognised* when skillgap finds any skill in it, and *mapped right* when the term
names an id the taxonomy has (its ``proposed_id`` is not ``new:``) and skillgap finds that id.
Both are printed overall and per theme, counted once per term and weighted by the documents that
use it ("term uses"), followed by the unrecognised terms with ``--unrecognised``.

When ``benchmarks/data/terms-holdout.tsv`` is there (terms of other postings, built without
looking at the taxonomy and never read while it grows), the same figures follow for it; its
unrecognised terms are never listed.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from skillgap.analysis import analyze
from skillgap.taxonomy import load_taxonomy

DATA = Path(__file__).resolve().parent / "data"
TERMS = DATA / "terms.tsv"
#: Terms of other postings, never read while the taxonomy grows: the held-out measure.
HELD_OUT_TERMS = DATA / "terms-holdout.tsv"


@dataclass(frozen=True)
class Term:
    term: str
    theme: str
    documents: int
    proposed_id: str


@dataclass
class Tally:
    terms: int = 0
    uses: int = 0
    recognised_terms: int = 0
    recognised_uses: int = 0
    known_terms: int = 0  # terms whose proposed id the taxonomy has
    mapped_terms: int = 0

    def add(self, term: Term, found: set[str], known: bool) -> None:
        self.terms += 1
        self.uses += term.documents
        if found:
            self.recognised_terms += 1
            self.recognised_uses += term.documents
        if known:
            self.known_terms += 1
            self.mapped_terms += term.proposed_id in found

    def line(self, label: str) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part / whole:6.1%}" if whole else "     -"

        recognised = share(self.recognised_terms, self.terms)
        return (
            f"  {label:<28} {self.terms:4d} terms  recognised {recognised}"
            f"  of uses {share(self.recognised_uses, self.uses)}"
            f"  mapped right {share(self.mapped_terms, self.known_terms)}"
            f" of {self.known_terms}"
        )


def read_terms(path: Path = TERMS) -> list[Term]:
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.DictReader(stream, delimiter="\t")
        return [
            Term(row["term"], row["theme"], int(row["documents"] or 1), row["proposed_id"])
            for row in rows
        ]


def skills_in(term: str) -> set[str]:
    """The skills found in the term as the one item of a skills section."""
    report = analyze(f"Technical Skills\n{term}\n".encode(), name="term.txt", roles=[])
    return {skill.id for skill in report.skills}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unrecognised", action="store_true", help="list unrecognised terms")
    arguments = parser.parse_args()
    report(TERMS, arguments.unrecognised)
    if HELD_OUT_TERMS.is_file():
        print()
        report(HELD_OUT_TERMS, unrecognised=False)  # measured, never listed: not for tuning
    return 0


def report(path: Path, unrecognised: bool) -> None:
    taxonomy = load_taxonomy()
    terms = read_terms(path)
    overall, by_theme = Tally(), defaultdict(Tally)
    missed: list[Term] = []
    for term in terms:
        found = skills_in(term.term)
        known = term.proposed_id in taxonomy.skills
        overall.add(term, found, known)
        by_theme[term.theme].add(term, found, known)
        if not found:
            missed.append(term)
    print(f"{len(taxonomy.skills)} skills in the taxonomy; {len(terms)} terms from {path.name}")
    print(overall.line("overall"))
    for theme, tally in sorted(
        by_theme.items(), key=lambda item: item[1].recognised_uses / item[1].uses
    ):
        print(tally.line(theme))
    if unrecognised:
        print("unrecognised terms (documents using them):")
        for term in sorted(missed, key=lambda t: (-t.documents, t.term)):
            print(f"  {term.documents:3d}  {term.term}  [{term.theme}]")


if __name__ == "__main__":
    raise SystemExit(main())
