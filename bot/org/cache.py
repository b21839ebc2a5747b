"""The validated org, kept between CLI calls: an unchanged org file is not validated again (issue 13).

Validating the org file (YAML, the schema, the checks, the platform registry, phone numbers) costs a CLI call
about a fifth of a second, most of it importing the validators. An entry holds the built Org beside the digest
it was validated under: the SHA-256 of the file's bytes, of the source of the code that validates it (bot/org,
the platform registry and its plug-ins) and of the installed libraries it relies on. Any other digest, an entry
that cannot be read or unpickled, or one that is not ours (another owner, writable by others) is a miss: the
file is validated as before and the entry rewritten. Only a valid file is kept, so a bad one always fails with
its own problems. Nothing here is required: an unwritable directory only means every call validates.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import bot
from bot.org.model import Org

log = logging.getLogger(__name__)
FORMAT = b"inquirybot org cache 1"
# Libraries whose version can change what the validation accepts (their package file is rewritten on upgrade).
LIBRARIES = ("yaml", "pydantic", "pydantic_core", "pycountry", "phonenumbers")


def load_cached(path: Path, cache_dir: Path | None) -> Org:
    """The Org of the file at `path`: from the cache when its bytes were validated before, else validated
    (raising OrgFileError exactly as bot.org.loader.load_org does) and kept for the next call."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text's universal newlines
    except (OSError, UnicodeDecodeError):
        return _validate(path)  # the loader words the problem
    digest = _digest(raw)
    entry = None if cache_dir is None else cache_dir / f"org-{hashlib.sha256(bytes(path.resolve())).hexdigest()[:32]}"
    if entry is not None:
        found = _read(entry, digest)
        if found is not None:
            return found
    from bot.org.loader import org_from_text  # the validators: only on a miss

    org = org_from_text(text, str(path))  # the very bytes the digest covers, so a file edited meanwhile is no risk
    if entry is not None:
        _write(entry, digest, org)
    return org


def _validate(path: Path) -> Org:
    from bot.org.loader import load_org

    return load_org(path)


def _digest(raw: bytes) -> bytes:
    return hashlib.sha256(_code_fingerprint() + raw).digest()


@cache
def _code_fingerprint() -> bytes:
    """What besides the file decides whether it is valid and what it builds: our validating code (by content)
    and the libraries it calls (by their package file's size and modification time), and the Python version."""
    digest = hashlib.sha256(FORMAT + sys.version.encode())
    package = Path(bot.__file__).parent
    for source in sorted([*package.glob("org/*.py"), *package.glob("platform*.py")]):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    for name in LIBRARIES:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        if origin is None:
            digest.update(name.encode() + b" missing")
            continue
        info = os.stat(origin)
        digest.update(f"{name} {origin} {info.st_size} {info.st_mtime_ns}".encode())
    return digest.digest()


def _read(entry: Path, digest: bytes) -> Org | None:
    try:
        with entry.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if _foreign(info):
                log.debug("org cache %s is not ours alone; ignoring it", entry)
                return None
            stored = handle.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.debug("org cache %s unreadable (%s); validating the org file", entry, error)
        return None
    if not stored.startswith(digest):
        return None  # another version of the file (or of the code): the entry is rewritten after validation
    try:
        org = pickle.loads(stored[len(digest):])  # our own file: checked above to be writable by us alone
    except Exception as error:  # a corrupt pickle raises almost anything: only a miss
        log.debug("org cache %s is corrupt (%r); validating the org file", entry, error)
        return None
    return org if isinstance(org, Org) else None


def _foreign(info: os.stat_result) -> bool:
    """Owned by someone else, or writable by others: unpickling it would run what they wrote."""
    owner = getattr(os, "getuid", None)  # POSIX; elsewhere the directory's own permissions decide
    return (owner is not None and info.st_uid != owner()) or bool(info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _write(entry: Path, digest: bytes, org: Org) -> None:
    """Write the entry atomically (a reader sees the old entry or the new one); any failure only skips it."""
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".org-", dir=entry.parent)  # mode 0600
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(digest + pickle.dumps(org, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.debug("org cache %s not written (%s)", entry, error)
