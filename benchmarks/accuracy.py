"""Matching accuracy on the labelled development set (a script, not a test).

    python benchmarks/accuracy.py [--corpus ../shared/corpus] [--details] [--show-holdout]
                                  [--only GLOB ...]

Two labelled sets, both labelled by reading each resume against the rules of
shared/skill-ids.md, not by running the tool; only the canonical ids are scored:

- ``benchmarks/data/labels.tsv``: resumes of the shared corpus (text sources and PDFs). The
  matcher was tuned on these for a long time, so they are all the *tune* split.
- ``benchmarks/data/resumes/labels.tsv``: public resumes of the kinds that used to be misread
  (author pages, Jekyll CVs, macro and multi-file LaTeX, non-ML traps, other formats; see its
  README), with a fixed third held back (*holdout*).

For each split it prints precision, recall and F1 for tool ids and concept ids apart, the same
for a plain case-insensitive whole-word keyword search over the same vocabulary, false alarms on
ambiguous ids, F1 per kind of input, and how well role scores separate ML and research resumes
from the others. False alarms and misses are listed for the tune split only: the held-back part
is for measuring, not for looking at while changing the matcher (``--show-holdout`` lists them
too, for a final review). Last, how well each PDF agrees with its source. ``--only`` keeps the
labelled files matching a glob ("04[5-9]-*" "05[0-3]-*"): the first measurement of a new batch,
alone, before anything is changed for it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from skillgap.analysis import analyze_document
from skillgap.errors import InputError
from skillgap.readers import read_document
from skillgap.report import Report
from skillgap.taxonomy import Taxonomy, load_taxonomy

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "labels.tsv"
RESUMES = HERE / "data" / "resumes"
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus"
AMBIGUOUS_IDS = ("r", "go", "c", "java", "scala", "julia", "apache-spark", "azure")
#: Groups of resumes that are neither ML engineering nor research.
NON_ML_GROUPS = ("tech", "nontech", "non-ml")
SPLITS = ("tune", "holdout")
#: PDF and source of the same resume (shared/corpus/README.md).
PAIRS = {"001": "001", "002": "002", "003": "003", "004": "004", "005": "012", "006": "013",
         "007": "014", "015": "020"}  # fmt: skip


@dataclass(frozen=True)
class Labelled:
    file: str  # as printed: relative to the corpus or to benchmarks/data/resumes
    path: Path
    group: str
    ids: frozenset[str]
    split: str
    kind: str


def read_labels(corpus: Path) -> list[Labelled]:
    """Both labelled sets: the corpus resumes (tune) and the resume dev set (tune/holdout)."""
    labelled = []
    for row in LABELS.read_text(encoding="utf-8").splitlines()[1:]:
        file, group, ids, *_ = row.split("\t")
        kind = f"corpus-{file.split('/')[0]}"
        labelled.append(Labelled(file, corpus / file, group, frozenset(ids.split()), "tune", kind))
    for row in (RESUMES / "labels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        file, split, kind, group, ids, *_ = row.split("\t")
        labelled.append(Labelled(file, RESUMES / file, group, frozenset(ids.split()), split, kind))
    return labelled


def canonical_ids(corpus: Path) -> set[str]:
    text = (corpus.parent / "skill-ids.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| ([a-z0-9-]+) \|", text, re.MULTILINE)) - {"id", "---"}


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


class KeywordBaseline:
    """Case-insensitive whole-word search for every form of every skill: no context."""

    def __init__(self, taxonomy: Taxonomy, ids: set[str]) -> None:
        self.patterns = {}
        for skill_id in ids:
            skill = taxonomy.skills[skill_id]
            forms = {skill.name, *skill.forms}
            alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            self.patterns[skill_id] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)

    def find(self, text: str) -> set[str]:
        return {skill_id for skill_id, pattern in self.patterns.items() if pattern.search(text)}


def kind_of(skill_id: str, taxonomy: Taxonomy) -> str:
    return taxonomy.categories[taxonomy.skills[skill_id].category].kind


def evaluate(
    predictions: dict[str, set[str]],
    labelled: list[Labelled],
    ids: set[str],
    taxonomy: Taxonomy,
) -> tuple[dict[str, Scores], dict[str, Scores]]:
    by_kind: dict[str, Scores] = defaultdict(Scores)
    by_id: dict[str, Scores] = defaultdict(Scores)
    for item in labelled:
        found = predictions[item.file] & ids
        for skill_id in ids:
            kind = kind_of(skill_id, taxonomy)
            truth, guess = skill_id in item.ids, skill_id in found
            if truth and guess:
                by_kind[kind].tp += 1
                by_id[skill_id].tp += 1
            elif guess:
                by_kind[kind].fp += 1
                by_id[skill_id].fp += 1
            elif truth:
                by_kind[kind].fn += 1
                by_id[skill_id].fn += 1
    return by_kind, by_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--details", action="store_true", help="print per-id figures")
    parser.add_argument(
        "--show-holdout", action="store_true", help="list false alarms and misses of the holdout"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="GLOB",
        help="only the labelled files matching one of these globs (e.g. '04[5-9]-*'): a new batch",
    )
    args = parser.parse_args()
    corpus: Path = args.corpus
    taxonomy = load_taxonomy()
    ids = canonical_ids(corpus)
    labelled = read_labels(corpus)
    if args.only:
        labelled = [i for i in labelled if any(fnmatch(i.file, glob) for glob in args.only)]
    baseline = KeywordBaseline(taxonomy, ids)
    reports: dict[str, Report] = {}
    tool: dict[str, set[str]] = {}
    keyword: dict[str, set[str]] = {}
    for item in labelled:
        try:
            document = read_document(item.path)  # once, for skillgap and the baseline
            reports[item.file] = analyze_document(document)
            keyword[item.file] = baseline.find(document.text)
        except InputError as error:  # counted as finding nothing, and said
            print(f"unreadable: {item.file}: {error}")
            keyword[item.file] = set()
        tool[item.file] = (
            {s.id for s in reports[item.file].skills} if item.file in reports else set()
        )

    for split in SPLITS:
        members = [item for item in labelled if item.split == split]
        if not members:  # a split --only left empty
            continue
        shown = split == "tune" or args.show_holdout
        report_split(split, members, reports, tool, keyword, ids, taxonomy, args.details, shown)
    if not args.only:
        report_pdf_agreement(labelled, tool, ids, taxonomy)
    return 0


def report_split(
    split: str,
    labelled: list[Labelled],
    reports: dict[str, Report],
    tool: dict[str, set[str]],
    keyword: dict[str, set[str]],
    ids: set[str],
    taxonomy: Taxonomy,
    details: bool,
    shown: bool,
) -> None:
    """The figures of one split; its false alarms and misses only when ``shown``."""
    print(
        f"== {split}: {len(labelled)} resumes ({dict(Counter(i.group for i in labelled))}), "
        f"{len(ids)} canonical ids\n"
    )
    tool_kind, tool_id = evaluate(tool, labelled, ids, taxonomy)
    base_kind, base_id = evaluate(keyword, labelled, ids, taxonomy)
    for kind in ("tool", "concept"):
        print(f"{kind:>7} ids  skillgap  {tool_kind[kind].line()}")
        print(f"{kind:>7} ids  keywords  {base_kind[kind].line()}")
    ambiguous_tool = sum(tool_id[i].fp for i in AMBIGUOUS_IDS)
    ambiguous_base = sum(base_id[i].fp for i in AMBIGUOUS_IDS)
    print(
        f"false alarms on ambiguous ids ({', '.join(AMBIGUOUS_IDS)}): "
        f"skillgap {ambiguous_tool}, keywords {ambiguous_base}\n"
    )

    print("per kind of input (skillgap, tool | concept F1):")
    for kind in sorted({item.kind for item in labelled}):
        members = [item for item in labelled if item.kind == kind]
        by_kind, _ = evaluate(tool, members, ids, taxonomy)
        print(
            f"  {kind:<18} n={len(members):<3} tool F1 {by_kind['tool'].f1:.3f} "
            f"(fp {by_kind['tool'].fp}, fn {by_kind['tool'].fn})   concept F1 "
            f"{by_kind['concept'].f1:.3f} (fp {by_kind['concept'].fp}, fn {by_kind['concept'].fn})"
        )
    print()
    if details and shown:
        print("per id (skillgap | keywords):")
        for skill_id in sorted(ids, key=lambda i: (kind_of(i, taxonomy), i)):
            ours, theirs = tool_id[skill_id], base_id[skill_id]
            print(
                f"  {skill_id:<28} F1 {ours.f1:.2f} tp {ours.tp:>2} fp {ours.fp:>2} "
                f"fn {ours.fn:>2} | F1 {theirs.f1:.2f} fp {theirs.fp:>2} fn {theirs.fn:>2}"
            )
        print()

    if shown:
        list_errors(labelled, reports, tool, ids)
    report_separation(labelled, reports)


def list_errors(
    labelled: list[Labelled], reports: dict[str, Report], tool: dict[str, set[str]], ids: set[str]
) -> None:
    print("false alarms (skillgap):")
    for item in labelled:
        if item.file not in reports:
            continue
        for skill in reports[item.file].skills:
            if skill.id in ids and skill.id not in item.ids:
                evidence = skill.evidence[0]
                print(
                    f"  {item.file}: {skill.id} <- {evidence.text!r} line {evidence.line} "
                    f"({evidence.method}{', ' + evidence.context if evidence.context else ''})"
                )
    print("misses (skillgap):")
    for item in labelled:
        missed = sorted(item.ids - tool[item.file])
        if missed:
            print(f"  {item.file}: {' '.join(missed)}")


def report_separation(labelled: list[Labelled], reports: dict[str, Report]) -> None:
    """Role scores by group, and whether every ML (research) resume scores above every non-ML
    one for its role."""
    labelled = [item for item in labelled if item.file in reports]
    print("\nrole scores by group (min-max):")
    groups: dict[str, list[Report]] = defaultdict(list)
    for item in labelled:
        groups[item.group].append(reports[item.file])
    for group, members in sorted(groups.items()):
        cells = []
        for role in ("mle", "rs"):
            scores = [next(r.score for r in rep.roles if r.id == role) for rep in members]
            cells.append(f"{role} {min(scores):5.1f}-{max(scores):5.1f}")
        print(f"  {group:<8} n={len(members):<3} " + "   ".join(cells))
    for role, group in (("mle", "mle"), ("rs", "rs")):

        def score(report: Report, role: str = role) -> float:
            return next(r.score for r in report.roles if r.id == role)

        inside = [score(r) for r in groups[group]]
        outside = [score(r) for g in NON_ML_GROUPS for r in groups[g]]
        if not inside or not outside:
            continue
        ok = min(inside) > max(outside)
        ordered = sum(a > b for a in inside for b in outside) / (len(inside) * len(outside))
        print(
            f"  every {group} resume above every non-ML resume on {role}: "
            f"{'yes' if ok else 'NO'} (lowest {min(inside):.1f} vs highest {max(outside):.1f}); "
            f"pairs in the right order: {ordered:.1%}"
        )
        non_ml = [i for i in labelled if i.group in NON_ML_GROUPS]
        for item in labelled:
            value = score(reports[item.file])
            if item.group == group and value <= max(outside):
                print(
                    f"    {group} resume at or below the best non-ML one: {item.file} {value:.1f}"
                )
            if item in non_ml and value >= min(inside):
                print(
                    f"    non-ML resume at or above the lowest {group} one: {item.file} {value:.1f}"
                )

    print()


def report_pdf_agreement(
    labelled: list[Labelled], tool: dict[str, set[str]], ids: set[str], taxonomy: Taxonomy
) -> None:
    print("PDF and source agreement on tool ids (Jaccard):")
    jaccards = []
    for pdf_no, text_no in PAIRS.items():
        pdf = next(i.file for i in labelled if i.file.startswith(f"pdf/{pdf_no}_"))
        text = next(i.file for i in labelled if i.file.startswith(f"text/{text_no}_"))
        a = {i for i in tool[pdf] & ids if kind_of(i, taxonomy) == "tool"}
        b = {i for i in tool[text] & ids if kind_of(i, taxonomy) == "tool"}
        jaccard = len(a & b) / len(a | b) if a | b else 1.0
        jaccards.append(jaccard)
        print(f"  {pdf} ~ {text}: {jaccard:.2f}")
        if a != b:
            print(f"    only in the PDF: {sorted(a - b)}, only in the source: {sorted(b - a)}")
    print(f"  mean {sum(jaccards) / len(jaccards):.3f}")


if __name__ == "__main__":
    sys.exit(main())
