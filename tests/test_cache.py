"""The cache of compiled patterns and of the taxonomy: plain data that can never run code,
the same results from loaded data as from built data, and no trace of any problem."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from skillgap import cache
from skillgap.matching import Matcher, compile_patterns
from skillgap.matching.compiled import patterns_from_data, patterns_to_data
from skillgap.readers import read_document
from skillgap.taxonomy import Taxonomy

from .helpers import EXAMPLES, REPO

#: Another user's id, for entries and folders that are not ours.
OTHER_USER = 4321


def hits(matcher: Matcher, text: str) -> list[tuple[str, int, int, str, str]]:
    return [(h.skill_id, h.start, h.end, h.text, h.method) for h in matcher.find(text)]


def example_texts() -> list[str]:
    examples = ("mle-resume.pdf", "rs-resume.txt", "mle-resume.json")
    texts = [read_document(EXAMPLES / name).text for name in examples]
    # Rules keep the first of overlapping matches (greedy="FIRST"): "guide new" and "guide new
    # engineers" both match a rule here.
    texts.append("Wrote onboarding docs to guide new engineers through the code base.")
    return texts


def test_compiled_patterns_are_plain_frozen_data(taxonomy: Taxonomy) -> None:
    """Frozen dataclasses of tuples, str-keyed dicts, strings, ints and bools: nothing that
    could carry code, nothing a cache would have to trust."""
    from dataclasses import fields, is_dataclass

    def check(value: object) -> None:
        if is_dataclass(value):
            assert type(value).__dataclass_params__.frozen  # type: ignore[attr-defined]
            for field in fields(value):
                check(getattr(value, field.name))
        elif isinstance(value, tuple):
            for item in value:
                check(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                assert type(key) is str
                check(item)
        else:
            assert type(value) in (str, int, bool), value

    check(compile_patterns(taxonomy))


def test_compiled_patterns_round_trip_through_json(taxonomy: Taxonomy) -> None:
    patterns = compile_patterns(taxonomy)
    data = json.loads(json.dumps(patterns_to_data(patterns)))
    assert patterns_from_data(data) == patterns


def test_a_matcher_from_cached_data_finds_what_a_built_one_finds(
    taxonomy: Taxonomy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    built = Matcher(compile_patterns(taxonomy))
    cache.store("patterns", "key", patterns_to_data(built.patterns))
    [entry] = list(tmp_path.iterdir())
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    loaded = Matcher(patterns_from_data(cache.load("patterns", "key")))
    for text in example_texts():
        assert hits(loaded, text) == hits(built, text)


def test_a_disabled_cache_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SKILLGAP_NO_CACHE", "1")
    assert cache.cache_dir() is None
    cache.store("patterns", "key", {"x": 1})
    assert cache.load("patterns", "key") is None
    assert list(tmp_path.iterdir()) == []


def test_damaged_entries_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    cache.store("patterns", "key", {"x": 1})
    [entry] = list(tmp_path.iterdir())
    assert cache.load("patterns", "key") == {"x": 1}
    content = entry.read_bytes()
    entry.write_bytes(content.replace(b'"x"', b'"y"'))  # the checksum no longer holds
    assert cache.load("patterns", "key") is None
    entry.write_bytes(content[:-3])  # cut short
    assert cache.load("patterns", "key") is None
    entry.write_bytes(b"")
    assert cache.load("patterns", "key") is None


def test_entries_and_folders_others_may_write_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests may run as root, which ignores permission bits: what is tested is that the cache
    checks owner and mode itself."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(folder))
    cache.store("patterns", "key", {"x": 1})
    [entry] = list(folder.iterdir())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert cache.load("patterns", "key") == {"x": 1}

    entry.chmod(0o622)  # writable by others
    assert cache.load("patterns", "key") is None
    entry.chmod(0o620)  # by the group
    assert cache.load("patterns", "key") is None
    entry.chmod(0o600)
    if os.getuid() == 0:
        os.chown(entry, OTHER_USER, OTHER_USER)  # someone else's
        assert cache.load("patterns", "key") is None
        os.chown(entry, 0, 0)
    assert cache.load("patterns", "key") == {"x": 1}

    folder.chmod(0o777)  # a folder made under umask 000: neither read nor written
    assert cache.load("patterns", "key") is None
    cache.store("patterns", "other", {"x": 2})
    assert len(list(folder.iterdir())) == 1
    folder.chmod(0o700)
    if os.getuid() == 0:
        os.chown(folder, OTHER_USER, OTHER_USER)
        assert cache.load("patterns", "key") is None
        cache.store("patterns", "other", {"x": 2})
        assert len(list(folder.iterdir())) == 1
        os.chown(folder, 0, 0)

    elsewhere = tmp_path / "elsewhere.json"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)  # a symbolic link, even to one's own entry, is not followed
    assert cache.load("patterns", "key") is None


def test_its_own_folder_made_under_a_group_umask_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SKILLGAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "skillgap"
    folder.mkdir(mode=0o775)
    folder.chmod(0o775)  # as an older skillgap made it under umask 002
    cache.store("patterns", "key", {"x": 1})
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert cache.load("patterns", "key") == {"x": 1}


def test_a_folder_the_user_names_keeps_its_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared-cache"
    folder.mkdir()
    folder.chmod(0o775)
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(folder))
    cache.store("patterns", "key", {"x": 1})
    assert stat.S_IMODE(folder.stat().st_mode) == 0o775
    assert cache.load("patterns", "key") is None  # others may write there: not used


def test_unusable_folders_mean_no_cache_and_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.mkdir(mode=0o000)
    read_only = tmp_path / "read-only"
    read_only.mkdir(mode=0o500)
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    for folder in (blocked / "cache", blocked, read_only, a_file, Path("/proc/forbidden")):
        monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(folder))
        cache.store("patterns", "key", {"x": 1})
        if os.getuid() != 0:
            assert cache.load("patterns", "key") is None
    blocked.chmod(0o700)
    read_only.chmod(0o700)
    if os.getuid() != 0:
        assert list(blocked.iterdir()) == [] and list(read_only.iterdir()) == []


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full_disk)
    cache.store("patterns", "key", {"x": 1})
    assert list(tmp_path.iterdir()) == []
    cache.store("patterns", "key", {"not JSON": {1, 2}})
    assert list(tmp_path.iterdir()) == []


class _Payload:
    """Unpickling this runs code: it writes the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (self.marker, "code ran"))


def test_planted_pickles_and_garbage_never_run_and_change_nothing(tmp_path: Path) -> None:
    """A cache folder anyone could write to, every entry it would read replaced by a
    malicious pickle or by garbage: no code runs, and the output is that of no cache."""
    folder = tmp_path / "cache"
    marker = tmp_path / "marker"
    command = [sys.executable, "-m", "skillgap", "analyze", "examples/mle-resume.pdf", "-f",
               "json"]  # fmt: skip
    environment = {**os.environ, "SKILLGAP_CACHE_DIR": str(folder)}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, cwd=REPO, env=environment, capture_output=True, text=True, check=False
        )

    expected = run()
    entries = sorted(folder.iterdir())
    assert {entry.name.split("-")[0] for entry in entries} == {"patterns", "taxonomy"}
    malicious = pickle.dumps(_Payload(marker))
    for plant in (malicious, b"\x80\x04garbage", b"skillgap-cache-v1 0\n" + malicious):
        for entry in entries:
            entry.write_bytes(plant)
            entry.chmod(0o600)
            # The old cache's names too: nothing reads them any more.
            (folder / (entry.stem + ".pickle")).write_bytes(malicious)
        result = run()
        assert not marker.exists()
        assert (result.returncode, result.stdout, result.stderr) == (
            expected.returncode,
            expected.stdout,
            expected.stderr,
        )
    # Nor do they survive as anything but what a fresh run writes.
    assert all(b"garbage" not in entry.read_bytes() for entry in entries)


def test_the_taxonomy_is_cached_and_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from skillgap.taxonomy import load_taxonomy

    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    built = load_taxonomy.__wrapped__()
    assert any(p.name.startswith("taxonomy-") for p in tmp_path.iterdir())
    loaded = load_taxonomy.__wrapped__()
    assert loaded is not built
    assert loaded.categories == built.categories
    assert loaded.skills == built.skills and loaded.roles == built.roles
    assert loaded.fingerprint == built.fingerprint


def test_a_time_limit_running_out_in_the_cache_is_no_cache_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The time limit of an input raises wherever the code is (skillgap.limits): the cache
    must let it through, not take it for damage and build afresh without a limit."""
    from skillgap.errors import InputError

    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    cache.store("patterns", "key", {"x": 1})

    def time_is_up(*_: object, **__: object) -> None:
        raise InputError("gave up", code="timeout")

    monkeypatch.setattr(cache.json, "loads", time_is_up)
    with pytest.raises(InputError):
        cache.load("patterns", "key")
    monkeypatch.setattr(cache.json, "dumps", time_is_up)
    with pytest.raises(InputError):
        cache.store("patterns", "key", {"x": 1})


def test_a_write_keeps_the_newest_entries_of_its_kind_and_removes_old_pickles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every code change names new entries: without pruning the folder would grow by a
    megabyte a change. Other kinds, other names and other files are left alone."""
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path))
    for number in range(cache.KEEP + 3):
        cache.store("patterns", f"key{number}", {"n": number})
        entry = cache._entry("patterns", f"key{number}")
        assert entry is not None
        os.utime(entry, (1_000_000 + number, 1_000_000 + number))  # written in that order
    cache.store("taxonomy", "t", {"t": 1})
    old = tmp_path / "matcher-0.1.0-spacy3.8.7-abc.pickle"
    old.write_bytes(b"old")
    users = tmp_path / "patterns-notes.json"  # not a name skillgap writes
    users.write_text("{}")
    cache.store("patterns", "newest", {"n": "newest"})
    kept = [n for n in range(cache.KEEP + 3) if cache.load("patterns", f"key{n}") is not None]
    assert kept == list(range(4, cache.KEEP + 3))  # the KEEP - 1 newest, and "newest"
    assert cache.load("patterns", "newest") == {"n": "newest"}
    assert cache.load("taxonomy", "t") == {"t": 1}
    assert not old.exists()
    assert users.exists()
