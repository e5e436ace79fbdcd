from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import settings

from skillgap.matching import Matcher, matcher_for
from skillgap.taxonomy import Taxonomy, load_taxonomy

# In CI, property tests run the same examples every time: a failure there is reproducible, and a
# run never fails by the luck of the draw; elsewhere they explore new examples on each run.
# No example has a time limit: a test asserts behaviour, never speed (speed is measured in
# benchmarks/), and Hypothesis's default 200 ms deadline failed a reader test on a loaded machine.
settings.register_profile("untimed", deadline=None)
settings.register_profile("ci", derandomize=True, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "untimed")

# Tests never touch the user's cache of compiled patterns: they get one of their own.
os.environ.setdefault("SKILLGAP_CACHE_DIR", tempfile.mkdtemp(prefix="skillgap-test-cache-"))


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def matcher(taxonomy: Taxonomy) -> Matcher:
    # Built once per test session, like a cached model fixture.
    return matcher_for(taxonomy)


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden outputs (tests/golden, examples/*.report.*) from this code.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
