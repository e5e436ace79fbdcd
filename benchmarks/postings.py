"""Requirement extraction from job postings (a script, not a test).

    python benchmarks/postings.py [--corpus ../shared/corpus] [--dev tune|holdout] [--only GLOB ...]

1. Sentences: the labelled job-posting sentences of SkillSpan (Zhang et al. 2022; skill and
   knowledge spans) and of Green et al. 2022 (Skill, Qualification, Domain... spans). The gold
   ids of a sentence are the canonical ids whose names occur inside its labelled spans (the
   skills the taxonomy knows); skillgap's ids are what it finds in the whole sentence.
   A plain case-insensitive whole-word keyword search over the sentence is the baseline.
2. Postings: whole SkillSpan postings, rebuilt from their sentences, with the canonical
   requirement ids and their importance labelled by reading them
   (benchmarks/data/postings.tsv). Prints precision/recall of the ids and how often
   required/preferred agree on the ids found.
3. Dev postings: public postings of 2024-2026 (ML roles and off-domain ones) kept in
   benchmarks/data/postings with labels by reading (required and preferred ids, alternative
   groups, degree; see its README), a fixed third held back. Per split: requirement id
   precision/recall over the ids the taxonomy knows, the share of labelled ids it does not know
   (a label proposed as new, ``new:lora``, counts as known once the taxonomy has that id or
   files the term under one id),
   required/preferred agreement, alternative groups kept as one requirement, and false required
   gaps: a resume that meets the posting (each required id, one skill of each alternative
   group) scored against it should have no required gap. Differences are listed for the tune
   split only. ``--only`` keeps the dev postings whose file matches a glob ("05[0-6]-*"): the
   first measurement of a new batch, alone, before anything is changed for it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from skillgap.analysis import analyze, matcher_for, read_job
from skillgap.errors import InputError
from skillgap.taxonomy import Role, Taxonomy, load_taxonomy

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus"
POSTING_LABELS = HERE / "data" / "postings.tsv"
DEV_POSTINGS = HERE / "data" / "postings"
sys.path.insert(0, str(HERE))
from accuracy import KeywordBaseline, Scores, canonical_ids  # noqa: E402


def conll_sentences(path: Path, columns: int) -> Iterator[list[list[str]]]:
    """Sentences as rows of [token, tag...]; tags beyond ``columns`` are ignored."""
    sentence: list[list[str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        parts = raw.split("\t") if "\t" in raw else raw.split()
        if not parts or not parts[0].strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append(parts[:columns])
    if sentence:
        yield sentence


def spans(sentence: list[list[str]]) -> list[tuple[int, int]]:
    """Token ranges of every labelled span (any BIO column, any type)."""
    found: list[tuple[int, int]] = []
    for column in range(1, max(len(row) for row in sentence)):
        start = None
        for index, row in enumerate([*sentence, ["", "O"]]):
            tag = row[column] if column < len(row) else "O"
            if start is not None and not tag.startswith("I"):
                found.append((start, index))
                start = None
            if tag.startswith("B"):
                start = index
    return found


def sentence_benchmark(corpus: Path, ids: set[str]) -> None:
    """Recall on labelled spans that are, as a whole, a name the taxonomy knows.

    SkillSpan and Green label what annotators saw as skills, not our ids, and leave much
    unlabelled, so precision over whole sentences would count correct finds as errors.
    Spans whose entire text is a taxonomy form ("Python", "machine learning", "AWS") are
    unambiguous gold: each should be found where it stands.
    """
    taxonomy = load_taxonomy()
    matcher = matcher_for(taxonomy)
    # Case-insensitive names and aliases; case-sensitive forms ("Go", "ScM") as written.
    form_owner = {
        " ".join(form.casefold().split()): skill.id
        for skill in taxonomy.skills.values()
        if skill.id in ids
        for form in (skill.name, *skill.aliases)
    }
    exact_owner = {
        form: skill.id
        for skill in taxonomy.skills.values()
        if skill.id in ids
        for form in (*skill.exact, *skill.ambiguous)
    }
    baseline = KeywordBaseline(taxonomy, ids)
    sources = [
        ("SkillSpan", sorted((corpus / "labelled" / "skillspan").glob("*.conll")), 3),
        ("Green 2022", [corpus / "labelled" / "green2022" / "testset.txt"], 2),
    ]
    for name, files, columns in sources:
        gold_spans = ours = keywords = 0
        for path in files:
            for sentence in conll_sentences(path, columns):
                words = [row[0] for row in sentence]
                offsets = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words) + 1)]
                text = " ".join(words)
                targets = []
                for first, last in spans(sentence):
                    written = " ".join(words[first:last])
                    skill_id = exact_owner.get(written) or form_owner.get(written.casefold())
                    if skill_id:
                        targets.append((skill_id, offsets[first], offsets[last] - 1))
                if not targets:
                    continue
                hits = [h for h in matcher.find(text) if h.method != "implied"]
                for skill_id, start, end in targets:
                    gold_spans += 1
                    ours += any(h.skill_id == skill_id and h.start < end and start < h.end
                                for h in hits)  # fmt: skip
                    keywords += any(
                        m.start() < end and start < m.end()
                        for m in baseline.patterns[skill_id].finditer(text)
                    )
        print(
            f"{name}: {gold_spans} labelled spans that are a taxonomy name; found where they "
            f"stand: skillgap {ours / gold_spans:.3f}, keywords {keywords / gold_spans:.3f}"
        )


def rebuild_postings(path: Path) -> list[str]:
    """SkillSpan's tech files hold whole postings: a new one begins 3 lines before 'Date
    posted:'. The posting body runs from its last 'Job description' line to 'Job benefits'."""
    texts = [" ".join(row[0] for row in s) for s in conll_sentences(path, 3)]
    starts = [i - 3 for i, text in enumerate(texts) if text.startswith("Date posted:")]
    postings = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(texts)
        lines = texts[start:end]
        marks = [i for i, line in enumerate(lines) if line.strip() == "Job description"]
        body_start = marks[-1] + 1 if marks else 0
        body_end = next(
            (
                i
                for i, line in enumerate(lines)
                if i > body_start and line.startswith("Job benefits")
            ),
            len(lines),
        )
        postings.append("\n".join([lines[0], *lines[body_start:body_end]]))
    return postings


def posting_benchmark(corpus: Path, ids: set[str]) -> None:
    taxonomy = load_taxonomy()
    rows = POSTING_LABELS.read_text(encoding="utf-8").splitlines()[1:]
    scores, baseline_scores = Scores(), Scores()
    agree = compared = 0
    cache: dict[str, list[str]] = {}
    baseline = KeywordBaseline(taxonomy, ids)
    details = []
    for row in rows:
        file, number, labels, *_ = row.split("\t")
        postings = cache.setdefault(file, rebuild_postings(corpus / file))
        text = postings[int(number)]
        gold = dict(label.split(":") for label in labels.split())
        role = read_job(text.encode(), name=f"{file}#{number}", taxonomy=taxonomy)
        found = importances(role, ids)
        scores.tp += len(found.keys() & gold.keys())
        scores.fp += len(found.keys() - gold.keys())
        scores.fn += len(gold.keys() - found.keys())
        keyword_ids = baseline.find(text)
        baseline_scores.tp += len(keyword_ids & gold.keys())
        baseline_scores.fp += len(keyword_ids - gold.keys())
        baseline_scores.fn += len(gold.keys() - keyword_ids)
        for skill_id in found.keys() & gold.keys():
            compared += 1
            agree += found[skill_id] == gold[skill_id]
            if found[skill_id] != gold[skill_id]:
                details.append(
                    f"    #{number} {skill_id}: {found[skill_id]}, labelled {gold[skill_id]}"
                )
        for skill_id in sorted(found.keys() - gold.keys()):
            details.append(f"    #{number} false alarm: {skill_id}")
        for skill_id in sorted(gold.keys() - found.keys()):
            details.append(f"    #{number} missed: {skill_id}")
    print(f"\nWhole postings: {len(rows)} SkillSpan tech postings labelled by reading")
    print(f"  requirement ids  skillgap  {scores.line()}")
    print(f"  requirement ids  keywords  {baseline_scores.line()}")
    print(f"  required/preferred agreement on ids found: {agree}/{compared} = "
          f"{agree / compared:.2f}")  # fmt: skip
    print("  differences:")
    print("\n".join(details))


def importances(role: Role | None, ids: set[str]) -> dict[str, str]:
    """The importance of each skill id the posting's requirements name (required wins); a
    degree requirement names its lowest level."""
    found: dict[str, str] = {}
    for requirement in role.requirements if role else ():
        # A degree requirement is met by its lowest level or any higher: its level is the first.
        degree = requirement.any_of[0].startswith("degree-")
        for skill_id in requirement.any_of[:1] if degree else requirement.any_of:
            if skill_id in ids and found.get(skill_id) != "required":
                found[skill_id] = requirement.importance
    return found


def as_labelled(found: dict[str, str], gold: dict[str, str], taxonomy: Taxonomy) -> dict[str, str]:
    """Found ids as the labels name them: the labels file a concept under the broader id the
    taxonomy had when they were written (LLMs as nlp, see the dev set's README), so a found id
    that is not labelled but implies a labelled one that was not found counts as that one."""
    named = dict(found)
    for skill_id, importance in found.items():
        if skill_id in gold:
            continue
        broader = [i for i in taxonomy.skills[skill_id].implies if i in gold and i not in named]
        if broader:
            del named[skill_id]
            named.setdefault(broader[0], importance)
    return named


def meeting_resume(required: set[str], groups: list[set[str]], taxonomy: Taxonomy) -> set[str]:
    """The ids of a resume that meets the posting: every required id, but of each alternative
    group only its first member (in sorted order)."""
    chosen = set(required)
    for group in groups:
        if group & required:
            chosen -= group
            chosen.add(min(group & required))
    return chosen


def shown_as(skill_id: str, taxonomy: Taxonomy) -> str:
    """How a resume names a skill: its name, or else the first of its forms that skillgap
    finds as that skill on its own ("Web and API frameworks" is a name no resume writes)."""
    skill = taxonomy.skills[skill_id]
    matcher = matcher_for(taxonomy)
    for form in (skill.name, *skill.aliases, *skill.exact):
        if any(h.skill_id == skill_id for h in matcher.find(f"Skills: {form}")):
            return form
    return skill.name


def resume_text(skill_ids: set[str], taxonomy: Taxonomy) -> str:
    names = [shown_as(s, taxonomy) for s in sorted(skill_ids) if not s.startswith("degree-")]
    degrees = [taxonomy.skills[s].name for s in sorted(skill_ids) if s.startswith("degree-")]
    # The degree is in a field the posting names, when it names one: a degree's stated field
    # decides a requirement of the fields a degree may be in.
    subjects = ("foundations", "fields", "application-areas", "domains")
    fields = [
        taxonomy.skills[s].name
        for s in sorted(skill_ids)
        if taxonomy.skills[s].category in subjects
    ]
    field = " and ".join(fields) if fields else "Computer Science"
    education = "".join(f"{name} in {field}, 2015\n" for name in degrees)
    return f"Skills\n{', '.join(names)}\n\nEducation\n{education}"


def resolved(label: str, taxonomy: Taxonomy) -> str:
    """A label proposed as new (``new:lora``) is the taxonomy's id once the taxonomy has that
    id, or once it files the term, read alone, under exactly one skill: the dev set labels a
    concept the taxonomy holds as a form of an id with that id (see its README), so
    ``new:openmmlab`` is ``cv-libraries`` once OpenMMLab is a form of it. A near miss files
    nothing ("Google Ads" is no misspelling of Google ADK), but a name the label's spaces
    only spell apart counts ("cross modal retrieval" is "cross-modal retrieval"), and so does
    a form the matcher reads only in context ("new:chemistry" is ``chemistry-materials``)."""
    if not label.startswith("new:"):
        return label
    name = label[4:]
    if name in taxonomy.skills:
        return name
    term = name.replace("-", " ")
    owners = {
        hit.skill_id
        for hit in matcher_for(taxonomy).find(f"Skills: {term}")
        if hit.method != "implied"
        # What a form also shows ("video models" also shows computer vision) is no form.
        and not (hit.context or "").startswith("shown by ")
        and hit.text.casefold() == term.casefold()
        and (hit.method != "fuzzy" or _only_spaced(hit.context or "", term))
    }
    if not owners:
        # A form the matcher reads only in context ("chemistry", "H2O") is still filed.
        owners = {
            skill.id
            for skill in taxonomy.skills.values()
            for form in (skill.name, *skill.aliases, *skill.exact, *skill.ambiguous)
            if _spelled(form) == _spelled(term)
        }
    return owners.pop() if len(owners) == 1 else label


def _spelled(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


def _only_spaced(near: str, term: str) -> bool:
    """Whether a near miss's name ("near 'crossmodalretrieval'") is the term bar spaces and
    hyphens."""
    compact = term.casefold().replace(" ", "").replace("-", "")
    return near.replace("-", "").casefold() == f"near {compact!r}"


def dev_posting_benchmark(
    splits: tuple[str, ...] = ("tune", "holdout"), only: list[str] | None = None
) -> None:
    taxonomy = load_taxonomy()
    known = set(taxonomy.skills)
    rows = (DEV_POSTINGS / "labels.tsv").read_text(encoding="utf-8").splitlines()[1:]
    if only:
        rows = [row for row in rows if any(fnmatch(row.split("\t")[0], g) for g in only)]
    for split in splits:
        scores, agree, compared = Scores(), 0, 0
        unknown = labelled = groups_total = groups_kept = 0
        false_gaps = required_total = not_shown = 0
        warned = {"off-domain": [0, 0], "ML": [0, 0]}
        details: list[str] = []
        for row in rows:
            file, row_split, kind, required, preferred, alternatives, *_ = row.split("\t")
            if row_split != split:
                continue
            gold = {resolved(i, taxonomy): "preferred" for i in preferred.split()}
            gold.update({resolved(i, taxonomy): "required" for i in required.split()})
            labelled += len(gold)
            unknown += sum(i not in known for i in gold)
            gold = {i: v for i, v in gold.items() if i in known}
            try:
                role: Role | None = read_job(DEV_POSTINGS / file, taxonomy=taxonomy)
            except InputError:
                role = None
            found = as_labelled(importances(role, known), gold, taxonomy)
            domain = warned["off-domain" if kind == "off-domain" else "ML"]
            domain[0] += bool(role is None or getattr(role, "warnings", ()))
            domain[1] += 1
            scores.tp += len(found.keys() & gold.keys())
            scores.fp += len(found.keys() - gold.keys())
            scores.fn += len(gold.keys() - found.keys())
            for skill_id in found.keys() & gold.keys():
                compared += 1
                agree += found[skill_id] == gold[skill_id]
            groups = [
                {resolved(i, taxonomy) for i in g.split("|")} & known for g in alternatives.split()
            ]
            groups = [g for g in groups if len(g) > 1]
            for group in groups:
                groups_total += 1
                kept = role is not None and any(group <= set(r.any_of) for r in role.requirements)
                groups_kept += kept
                if not kept:
                    details.append(f"    {file}: group {'|'.join(sorted(group))} split apart")
            if role is not None:
                must = {i for i, v in gold.items() if v == "required"}
                resume = meeting_resume(must, groups, taxonomy)
                report = analyze(resume_text(resume, taxonomy).encode(), name="r.txt", job=role)
                not_shown += len(resume - {s.id for s in report.skills})
                result = next(r for r in report.roles if r.id == "job")
                for requirement in result.requirements:
                    if requirement.importance != "required":
                        continue
                    required_total += 1
                    if not requirement.met:
                        false_gaps += 1
                        details.append(f"    {file}: false required gap {requirement.name}")
            for skill_id in sorted(found.keys() - gold.keys()):
                details.append(f"    {file}: false alarm {skill_id} ({found[skill_id]})")
            for skill_id in sorted(gold.keys() - found.keys()):
                details.append(f"    {file}: missed {skill_id} ({gold[skill_id]})")
        count = sum(1 for row in rows if row.split("\t")[1] == split)
        if not count:  # a split --only left empty
            continue
        print(f"\nDev postings, {split}: {count} postings")
        print(f"  requirement ids (known to the taxonomy)  {scores.line()}")
        print(f"  labelled ids the taxonomy does not know: {unknown}/{labelled}")
        print(f"  required/preferred agreement on ids found: {agree}/{compared} = "
              f"{agree / max(1, compared):.2f}")  # fmt: skip
        print(f"  alternative groups kept as one requirement: {groups_kept}/{groups_total}")
        print(f"  false required gaps for a resume that meets the posting: "
              f"{false_gaps}/{required_total} required requirements"
              f" ({not_shown} ids the made-up resume failed to show)")  # fmt: skip
        print(f"  postings with a warning (or no requirement): off-domain "
              f"{warned['off-domain'][0]}/{warned['off-domain'][1]}, "
              f"ML {warned['ML'][0]}/{warned['ML'][1]}")  # fmt: skip
        if split == "tune":
            print("  differences:")
            print("\n".join(details))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--dev",
        choices=["tune", "holdout"],
        help="only the dev postings of this split (tune while tuning: holdout is read once)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="GLOB",
        help="only the dev postings whose file matches one of these globs (e.g. '05[0-6]-*')",
    )
    args = parser.parse_args()
    if args.dev or args.only:
        dev_posting_benchmark((args.dev,) if args.dev else ("tune", "holdout"), args.only)
        return 0
    ids = canonical_ids(args.corpus)
    sentence_benchmark(args.corpus, ids)
    posting_benchmark(args.corpus, ids)
    dev_posting_benchmark()
    return 0


if __name__ == "__main__":
    sys.exit(main())
