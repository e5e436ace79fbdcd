"""The cache of compiled patterns: same results from a loaded matcher, robust to damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap import cache
from skillgap.matcher import SkillMatcher
from skillgap.readers import read_document
from skillgap.taxonomy import Taxonomy

from .helpers import EXAMPLES


def hits(matcher: SkillMatcher, text: str) -> list[tuple[str, int, int, str, str]]:
    return [(h.skill_id, h.start, h.end, h.text, h.method) for h in matcher.find(text)]


def test_a_loaded_matcher_finds_what_a_built_one_finds(
    taxonomy: Taxonomy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    built = SkillMatcher(taxonomy)
    cache.store("matcher", taxonomy.fingerprint, built.state())
    [entry] = list(tmp_path.iterdir())
    assert taxonomy.fingerprint in entry.name
    loaded = SkillMatcher.from_state(taxonomy, cache.load("matcher", taxonomy.fingerprint))
    examples = ("mle-resume.pdf", "rs-resume.txt", "mle-resume.json")
    texts = [read_document(EXAMPLES / name).text for name in examples]
    # Rules keep the first of overlapping matches (greedy="FIRST"), which a pickled spaCy
    # Matcher forgets: "guide new" and "guide new engineers" both match a rule here.
    texts.append("Wrote onboarding docs to guide new engineers through the code base.")
    for text in texts:
        assert hits(loaded, text) == hits(built, text)


def test_a_damaged_or_disabled_cache_is_ignored(
    taxonomy: Taxonomy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    cache.store("matcher", taxonomy.fingerprint, {"x": 1})
    entry = next(tmp_path.iterdir())
    entry.write_bytes(b"not a pickle")
    assert cache.load("matcher", taxonomy.fingerprint) is None
    monkeypatch.setenv("SKILLGAP_NO_CACHE", "1")
    assert cache.cache_dir() is None and cache.load("matcher", taxonomy.fingerprint) is None
    monkeypatch.delenv("SKILLGAP_NO_CACHE")
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", "/proc/forbidden")
    cache.store("matcher", taxonomy.fingerprint, {"x": 1})  # unwritable: skipped without an error


def test_the_taxonomy_is_cached_and_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from skillgap.taxonomy import load_taxonomy

    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    built = load_taxonomy.__wrapped__()
    assert any(p.name.startswith("taxonomy-") for p in tmp_path.iterdir())
    loaded = load_taxonomy.__wrapped__()
    assert loaded is not built
    assert loaded.skills == built.skills and loaded.roles == built.roles
    assert loaded.fingerprint == built.fingerprint
