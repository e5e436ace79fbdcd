"""A cache of the compiled matcher, so that a cold start does not rebuild it.

Building the spaCy phrase matchers and rules from the taxonomy takes about 0.1 s, a seventh
of a cold run; loading them takes a third of that. The cache holds only compiled skill
patterns, never anything from a resume. It lives in ``$SKILLGAP_CACHE_DIR``, else
``$XDG_CACHE_HOME/skillgap``, else ``~/.cache/skillgap``; ``SKILLGAP_NO_CACHE=1`` turns it
off, and any problem with it (unwritable, stale, corrupt) only means building afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from skillgap import __version__


def cache_dir() -> Path | None:
    if os.environ.get("SKILLGAP_NO_CACHE"):
        return None
    explicit = os.environ.get("SKILLGAP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "skillgap"


#: The modules whose code shapes what is cached: a change in any of them changes every key.
_CODE = ("ids.py", "matcher.py", "sections.py", "taxonomy.py", "tokens.py")


def _entry(kind: str, key: str) -> Path | None:
    """The cache file for ``key``: its name also says which spaCy and which code built it,
    so that an upgrade or a code change never loads a state it cannot use."""
    from importlib.metadata import version

    folder = cache_dir()
    if folder is None:
        return None
    here = Path(__file__).parent
    code = hashlib.sha256(b"".join((here / name).read_bytes() for name in _CODE)).hexdigest()
    spacy_version = version("spacy")
    return folder / f"{kind}-{__version__}-spacy{spacy_version}-{code[:12]}-{key}.pickle"


def load(kind: str, key: str) -> Any | None:
    """The cached state of ``kind`` for ``key``, or None."""
    entry = _entry(kind, key)
    if entry is None or not entry.is_file():
        return None
    try:
        return pickle.loads(entry.read_bytes())
    except Exception:  # stale or corrupt: build afresh
        return None


def store(kind: str, key: str, state: Any) -> None:
    """Keep ``state`` for next time; silently skip when the cache cannot be written."""
    entry = _entry(kind, key)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False) as handle:
            handle.write(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(handle.name, entry)
    except OSError:
        pass
