"""The validated catalogue kept on disk between server starts, under the exact bytes it was validated from.

`check` reads and verifies every file of the data folder: on the 10,000-event benchmark data that is four
seconds, most of it parsing YAML, paid by the first visitor of every new server process. `cached_check` keeps
the result of a check that found the data valid, under a key made of everything the result depends on: every
file under the data folder, the streets basemap's manifest (a line place may follow one of its roads), the
package's own code and the versions of Python and pydantic. A change to any of them is a new key, so the
data is checked afresh; invalid data is never kept, so its problems are always found anew.

The cache folder is `BLACKJANUARY_CACHE`, or `.cache/catalogue` in the project; `BLACKJANUARY_CACHE=off`
turns it off. It holds pickles the app wrote itself: a folder others can write to must not be used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path

import pydantic

from . import streets
from .loading import Catalog, Problem, check

CACHE_ENV = "BLACKJANUARY_CACHE"
PACKAGE = Path(__file__).resolve().parent
DEFAULT_CACHE = PACKAGE.parent / ".cache" / "catalogue"
KEPT = 8  # entries kept: a few data versions, each in every state of the streets basemap


def cache_dir() -> Path | None:
    """Where validated catalogues are kept, or None when the cache is turned off."""
    value = os.environ.get(CACHE_ENV)
    if value == "off":
        return None
    return Path(value) if value else DEFAULT_CACHE


@cache
def _code_digest() -> str:
    """The package's code, and what a pickle of its models depends on."""
    digest = hashlib.sha256(f"{sys.version}\n{pydantic.VERSION}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def data_digest(data_dir: Path, streets_dir: Path | None = None) -> str:
    """A key for everything a check of `data_dir` reads: the folder, each file's name and bytes, the streets' manifest."""
    streets_dir = streets_dir or streets.STREETS_DIR
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(str(data_dir.resolve()).encode() + b"\0")  # the problems name their files by it
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    manifest = streets_dir / streets.MANIFEST
    digest.update(b"streets\0" + (manifest.read_bytes() if manifest.is_file() else b"none"))
    return digest.hexdigest()


def cached_check(data_dir: Path | str, folder: Path | None = None) -> tuple[Catalog | None, list[Problem]]:
    """`check(data_dir)`, taken from the cache when the same bytes were found valid before.

    A cache entry that cannot be read (cut short, written by another version) is checked afresh and replaced.
    """
    data_dir = Path(data_dir)
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return check(data_dir)
    entry = folder / f"{data_digest(data_dir)}.pickle"
    try:
        with entry.open("rb") as file:
            catalog, problems = pickle.load(file)
        if isinstance(catalog, Catalog):
            return catalog, problems
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    catalog, problems = check(data_dir)
    if catalog is not None:
        _keep(folder, entry, (catalog, problems))
    return catalog, problems


def _keep(folder: Path, entry: Path, result: tuple[Catalog, list[Problem]]) -> None:
    """Write the entry whole or not at all, and leave only the newest few."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as file:
            try:
                pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                Path(file.name).unlink(missing_ok=True)
                raise
        os.replace(file.name, entry)
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written costs the next start its time, nothing else
