"""Property tests of the text path: any input gives a report or a clean error."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.analysis import analyze
from skillgap.errors import InputError
from skillgap.readers import tidy
from skillgap.report import Report

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
resume_words = st.sampled_from(
    [
        "Python",
        "R",
        "Go",
        "C",
        "and",
        ",",
        "PyTorch",
        "Skills",
        "\n",
        "deployed",
        "models",
        "to",
        "production",
        "PhD",
        "Spark",
        "Azure",
        "Java",
        "JavaScript",
        "C++",
        "•",
        "-",
        ".",
    ]
)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_report_or_an_input_error(data: bytes) -> None:
    try:
        report = analyze(data, name="random.txt")
    except InputError as error:
        assert str(error).startswith("random.txt: ")
        assert "\n" not in str(error)
        return
    for role in report.roles:
        assert 0 <= role.score <= 100


@SETTINGS
@given(st.lists(resume_words, min_size=1, max_size=80).map(" ".join))
def test_scores_stay_in_range_and_json_round_trips(text: str) -> None:
    try:
        report = analyze(text.encode(), name="r.txt")
    except InputError:
        return
    for role in report.roles:
        assert 0 <= role.score <= 100
        assert all(0 <= c.score <= 100 for c in role.categories)
        assert set(role.gaps) == {r.id for r in role.requirements if r.credit < 1}
    payload = json.loads(json.dumps(report.model_dump(mode="json")))
    assert Report.model_validate(payload) == report


@SETTINGS
@given(st.text(max_size=500))
def test_tidy_is_idempotent(text: str) -> None:
    assert tidy(tidy(text)) == tidy(text)


@SETTINGS
@given(st.lists(resume_words, min_size=1, max_size=40).map(" ".join))
def test_evidence_points_at_real_lines(text: str) -> None:
    try:
        report = analyze(text.encode(), name="r.txt")
    except InputError:
        return
    lines = tidy(text).split("\n")
    for skill in report.skills:
        for evidence in skill.evidence:
            assert 1 <= evidence.line <= len(lines)
            if evidence.method not in {"section", "implied"}:
                assert evidence.text.split()[0] in lines[evidence.line - 1]


@SETTINGS
@given(st.text(max_size=3000))
def test_any_text_gives_a_report_or_an_input_error(text: str) -> None:
    try:
        report = analyze(text.encode("utf-8", errors="surrogatepass"), name="any.md")
    except InputError as error:
        assert "\n" not in str(error) and error.code in {"no-text", "unsupported"}
        return
    assert report.status == "ok"
    assert all(0 <= role.score <= 100 for role in report.roles)


def test_validation_holds_reports_to_the_schema() -> None:
    """Reports are plain dataclasses; model_validate is where the contract is enforced."""
    import pytest
    from pydantic import ValidationError

    report = analyze(b"Skills: Python, PyTorch, Docker", name="r.txt")
    payload = report.model_dump(mode="json")
    assert Report.model_validate(payload) == report
    payload["skills"][0]["confidence"] = 1.5
    with pytest.raises(ValidationError, match="confidence"):
        Report.model_validate(payload)
    with pytest.raises(ValidationError, match="unexpected"):
        Report.model_validate({**report.model_dump(), "surplus": 1})


@SETTINGS
@given(st.lists(resume_words | st.text(min_size=1, max_size=12), min_size=1, max_size=60))
def test_json_text_is_that_of_json_dumps(words: list[str]) -> None:
    """The renderers write JSON with pydantic's serializer; indented, its text must be exactly
    what ``json.dumps`` writes, escapes of control characters and non-ASCII text included."""
    from skillgap.records import Failure

    try:
        report = analyze(" ".join(words).encode(), name="r\u00e9sum\u00e9\t.txt")
    except InputError:
        return
    failure = Failure(path="\x01 caf\u00e9 \U0001f600.pdf", code="unreadable", message="x\ny")
    for record, data in ((report, report.model_dump(mode="json")), (failure, failure.to_json())):
        assert record.model_dump_json(indent=2) == json.dumps(data, indent=2, ensure_ascii=False)
        assert json.loads(record.model_dump_json()) == data


#: Words of the built-in rules, with words between and stops (".", "•", a blank line).
rule_words = st.sampled_from([
    "led", "lead", "a", "team", "teams", "of", "member", "part", "with", "align", "aligned",
    "the", "and", "to", "into", "in", "model", "models", "deployed", "deploy", "production",
    "github.com/someone", "https://github.com/x", "nonconvex", "convex", "optimization",
    "stochastic", "communicated", "results", "clearly", "conducted", "research", "design",
    "designed", "experiments", "experiment", "/", "b", "master", "masters", "science", ",",
    ".", "•", "\n\n"
])  # fmt: skip


@SETTINGS
@given(st.lists(rule_words, max_size=60))
def test_rules_match_as_on_whole_stretches(words: list[str]) -> None:
    """Each rule set's Matcher sees only part of a stretch (from a word that can start one of
    its rules to one that can end one): it finds what it finds on every whole stretch."""
    from skillgap.matching import matcher_for
    from skillgap.matching.view import LineIndex, TokenView
    from skillgap.taxonomy import load_taxonomy

    matcher = matcher_for(load_taxonomy())
    text = " ".join(words)
    doc = matcher.tokenizer(text)
    view = TokenView(doc, text, LineIndex(text, []))
    whole = []
    start = 0
    for end in [*view.stops, len(doc)]:
        for rules in matcher.rules.matchers:
            whole += [(key, start + s, start + e) for key, s, e in rules(doc[start:end])]
        start = end + 1
    assert list(matcher.rules.matches(view)) == whole


@SETTINGS
@given(st.lists(st.sampled_from([",", ";", "|", "-", "and", "or", ".", "python", "•", "x"])))
def test_membership_on_string_ids_is_membership_on_words(words: list[str]) -> None:
    """The token view tests many tokens at once for membership of a set of words, on spaCy's
    string ids: the same answer as testing each word."""
    import numpy
    from spacy.strings import get_string_id

    from skillgap.matching.view import LIST_SEPARATORS, among

    keys = numpy.array([get_string_id(word) for word in words], dtype=numpy.uint64)
    assert among(keys, LIST_SEPARATORS).tolist() == [word in LIST_SEPARATORS for word in words]
