"""A cache of plain data that a cold start would otherwise rebuild (the compiled skill
patterns, the validated taxonomy), never anything from a resume.

It lives in ``$SKILLGAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/skillgap``, else
``~/.cache/skillgap``; ``SKILLGAP_NO_CACHE=1`` turns it off.

A cache folder is not a trusted place: whoever can write to it (a shared ``XDG_CACHE_HOME``, a
CI cache restored from a pull request, a folder made under ``umask 000``) must not be able to
change what skillgap does. So an entry holds JSON, read as data and never as code; an entry is
read only when it and its folder belong to the current user and no one else may write to them,
and only when its checksum holds. An entry's name is a hash of its kind, its key and the code
of the installed package, so that an upgrade or a code change never reads data it did not
write. Any problem (unreadable, unsearchable, corrupt, a full disk) means building afresh,
silently; a write that fails leaves no temporary file behind. Platforms without user ids
(Windows) get no cache.

Entries do not pile up: each code change or taxonomy names new ones, so a write keeps the
:data:`KEEP` most recently written entries of its kind and removes the older ones, and the
pickle files of versions before 0.1 with them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

from skillgap.errors import InputError

#: The first line of every entry: the format, then the checksum of the data after it.
_MAGIC = b"skillgap-cache-v1 "


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    if os.environ.get("SKILLGAP_NO_CACHE") or not hasattr(os, "getuid"):
        return None
    explicit = os.environ.get("SKILLGAP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "skillgap"


def load(kind: str, key: str) -> Any | None:
    """The data stored for ``kind`` and ``key`` by this code, or None."""
    try:
        entry = _entry(kind, key)
        if entry is None or not _owned_and_private(os.stat(entry.parent)):
            return None
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK  # no symbolic link, no FIFO wait
        descriptor = os.open(entry, flags)
        with open(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode) or not _owned_and_private(status):
                return None
            content = handle.read()
        header, _, payload = content.partition(b"\n")
        if header != _MAGIC + hashlib.sha256(payload).hexdigest().encode():
            return None
        return json.loads(payload)
    except InputError:
        raise  # an input's time limit ran out meanwhile (skillgap.limits): no cache problem
    except Exception:  # missing, unreadable, damaged: build afresh
        return None


def store(kind: str, key: str, data: Any) -> None:
    """Keep JSON-ready ``data`` for ``kind`` and ``key``; skipped silently on any problem."""
    try:
        entry = _entry(kind, key)
        if entry is None:
            return
        payload = json.dumps(data, separators=(",", ":")).encode()
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.stat(entry.parent)
        if status.st_uid == os.getuid() and not os.environ.get("SKILLGAP_CACHE_DIR"):
            # skillgap's own folder, made by an older version under a umask such as Ubuntu's
            # 002: made private, or it would never be used. A folder the user names is theirs.
            os.chmod(entry.parent, stat.S_IMODE(status.st_mode) & 0o700)
            status = os.stat(entry.parent)
        if not _owned_and_private(status):
            return
        descriptor, temporary = tempfile.mkstemp(dir=entry.parent, prefix=f".{kind}-")
        try:
            with open(descriptor, "wb") as handle:  # mkstemp: readable by the user only
                handle.write(_MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n")
                handle.write(payload)
            os.replace(temporary, entry)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise
        _prune(entry.parent, kind, keep=entry.name)
    except InputError:
        raise  # an input's time limit ran out meanwhile (skillgap.limits): no cache problem
    except Exception:  # unwritable, full, or not ours: run without a cache
        pass


#: Entries of one kind kept in the folder: enough for a few taxonomies used in turn.
KEEP = 8

#: What older versions wrote: pickles, which nothing reads any more.
_OLD_ENTRY = re.compile(r"(matcher|patterns|taxonomy)-.*-spacy.*\.pickle")


def _prune(folder: Path, kind: str, *, keep: str) -> None:
    """Remove all but the KEEP newest entries of ``kind`` (``keep`` among them) and every
    old pickle; only regular files of ours whose names skillgap writes are touched."""
    ours = re.compile(rf"{re.escape(kind)}-[0-9a-f]{{32}}\.json")
    entries: list[tuple[float, str]] = []
    for name in os.listdir(folder):
        old = _OLD_ENTRY.fullmatch(name) is not None
        if not (old or (ours.fullmatch(name) and name != keep)):
            continue
        with suppress(OSError):
            status = os.lstat(folder / name)
            if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
                continue
            if old:
                os.unlink(folder / name)
            else:
                entries.append((status.st_mtime, name))
    for _, name in sorted(entries, reverse=True)[KEEP - 1 :]:
        with suppress(OSError):
            os.unlink(folder / name)


def _owned_and_private(status: os.stat_result) -> bool:
    """Owned by the current user, and no one else may write to it."""
    return status.st_uid == os.getuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _entry(kind: str, key: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    name = hashlib.sha256(f"{kind}\0{key}\0{code_digest()}".encode()).hexdigest()[:32]
    return folder / f"{kind}-{name}.json"


@cache
def code_digest() -> str:
    """A digest of the installed package's Python files: any change to the code that builds
    the cached data gives new entries."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
