"""Matching accuracy on the labelled development set (a script, not a test).

    python benchmarks/accuracy.py [--corpus ../shared/corpus] [--details]

Labels (benchmarks/data/labels.tsv) were written by reading each resume against the rules of
shared/skill-ids.md, not by running the tool. Only the canonical ids are scored. Prints
precision, recall and F1 for tool ids and concept ids apart, per-id figures, every false alarm
and miss (with evidence for false alarms), the same figures for a plain case-insensitive
whole-word keyword search over the same vocabulary, how well role scores separate the groups,
and how well each PDF agrees with its source.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from skillgap.analysis import analyze
from skillgap.report import Report
from skillgap.taxonomy import Taxonomy, load_taxonomy

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "labels.tsv"
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus"
AMBIGUOUS_IDS = ("r", "go", "c", "java", "scala", "julia", "apache-spark", "azure")
#: PDF and source of the same resume (shared/corpus/README.md).
PAIRS = {"001": "001", "002": "002", "003": "003", "004": "004", "005": "012", "006": "013",
         "007": "014", "015": "020"}  # fmt: skip


@dataclass(frozen=True)
class Labelled:
    file: str
    group: str
    ids: frozenset[str]


def read_labels() -> list[Labelled]:
    rows = LABELS.read_text(encoding="utf-8").splitlines()[1:]
    labelled = []
    for row in rows:
        file, group, ids, *_ = row.split("\t")
        labelled.append(Labelled(file, group, frozenset(ids.split())))
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
    args = parser.parse_args()
    corpus: Path = args.corpus
    taxonomy = load_taxonomy()
    ids = canonical_ids(corpus)
    labelled = read_labels()
    baseline = KeywordBaseline(taxonomy, ids)
    reports: dict[str, Report] = {}
    tool: dict[str, set[str]] = {}
    keyword: dict[str, set[str]] = {}
    for item in labelled:
        report = analyze(corpus / item.file)
        reports[item.file] = report
        tool[item.file] = {skill.id for skill in report.skills}
        from skillgap.readers import read_document

        keyword[item.file] = baseline.find(read_document(corpus / item.file).text)

    print(
        f"Development set: {len(labelled)} resumes "
        f"({Counter(i.group for i in labelled)}), {len(ids)} canonical ids\n"
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

    if args.details:
        print("per id (skillgap | keywords):")
        for skill_id in sorted(ids, key=lambda i: (kind_of(i, taxonomy), i)):
            ours, theirs = tool_id[skill_id], base_id[skill_id]
            print(
                f"  {skill_id:<28} F1 {ours.f1:.2f} tp {ours.tp:>2} fp {ours.fp:>2} "
                f"fn {ours.fn:>2} | F1 {theirs.f1:.2f} fp {theirs.fp:>2} fn {theirs.fn:>2}"
            )
        print()

    print("false alarms (skillgap):")
    for item in labelled:
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
    failures = 0
    for role, group in (("mle", "mle"), ("rs", "rs")):

        def score(report: Report, role: str = role) -> float:
            return next(r.score for r in report.roles if r.id == role)

        inside = [score(r) for r in groups[group]]
        outside = [score(r) for g in ("tech", "nontech") for r in groups[g]]
        ok = min(inside) > max(outside)
        failures += not ok
        ordered = sum(a > b for a in inside for b in outside) / (len(inside) * len(outside))
        print(
            f"  every {group} resume above every non-ML resume on {role}: "
            f"{'yes' if ok else 'NO'} (lowest {min(inside):.1f} vs highest {max(outside):.1f}); "
            f"pairs in the right order: {ordered:.1%}"
        )
        non_ml = [i for i in labelled if i.group in ("tech", "nontech")]
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

    print("\nPDF and source agreement on tool ids (Jaccard):")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
