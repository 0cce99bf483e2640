"""Curator's tool: fill in missing coordinates of point places from OpenStreetMap's Nominatim.

`python -m blackjanuary geocode [--data DIR] [--force]` looks each place up
politely (a descriptive user agent, at most one request a second, answers
cached on disk) and writes the answers into `places.yaml`, leaving every
other byte of the file as the curator wrote it.

ruamel.yaml's round-trip parser says where each key and value stand, and only
those spans are rewritten. A full round-trip dump would not do: ruamel.yaml
indents every block sequence alike (this file has `- id:` at column 0 but
`    - [lat, lon]` under `path:`), and it drops some comments (one between the
points of a path, say). The edited text is read back and compared with the
original before anything is written.
"""

from __future__ import annotations

import http
import io
import json
import os
import sys
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO, TypeGuard

import yaml
from geopy.adapters import AdapterHTTPError, URLLibAdapter
from geopy.distance import distance
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

from .loading import FILES, _label, normalise, read_yaml

USER_AGENT = "blackjanuary-explorer/1.0 (curator geocoding)"
DOMAIN_VARIABLE = "BLACKJANUARY_NOMINATIM_DOMAIN"
SCHEME_VARIABLE = "BLACKJANUARY_NOMINATIM_SCHEME"
DEFAULT_DOMAIN = "nominatim.openstreetmap.org"
DEFAULT_SCHEME = "https"
# Nominatim's usage policy allows one request a second at most, counted at
# its end; a little over a second between our starts keeps us under that
# however the network delays each request.
MIN_DELAY_SECONDS = 1.1
TIMEOUT_SECONDS = 10.0
BAKU_VIEWBOX = [(40.25, 49.6), (40.6, 50.3)]
CACHE_FILE = ".geocode-cache.json"
DECIMALS = 5
LINE_WIDTH = 80
LICENCE = "© OpenStreetMap contributors, ODbL"


class LookupFailed(Exception):
    """No usable answer for a place: no network, refused, timed out, or unreadable."""


@dataclass(frozen=True)
class Answer:
    query: str
    lat: float
    lon: float
    display_name: str
    fetched: str  # ISO date
    cached: bool = False

    @property
    def reference(self) -> str:
        return (
            f"Nominatim (OpenStreetMap), query '{self.query}', {self.display_name}, "
            f"fetched {self.fetched}; {LICENCE}"
        )

    def rounded(self) -> tuple[str, str]:
        return f"{self.lat:.{DECIMALS}f}", f"{self.lon:.{DECIMALS}f}"


# --- asking Nominatim -----------------------------------------------------


class Cache:
    """Nominatim's answers on disk, keyed by query, so that a rerun asks nothing twice."""

    def __init__(self, path: Path):
        self.path = path
        self.answers: dict[str, dict[str, Any]] = {}
        self.changed = False
        self.warning: str | None = None
        try:
            self.answers = dict(json.loads(path.read_text(encoding="utf-8"))["answers"])
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as err:
            self.warning = f"{_label(path)}: cache could not be read ({_one_line(str(err))}); asking afresh"

    def get(self, key: str) -> Answer | None:
        entry = self.answers.get(key)
        if entry is None:  # not asked yet
            return None
        try:
            return Answer(
                str(entry["query"]), float(entry["lat"]), float(entry["lon"]),
                str(entry["display_name"]), str(entry["fetched"]), cached=True,
            )
        except (TypeError, KeyError, ValueError):
            return None

    def put(self, key: str, answer: Answer) -> None:
        self.answers[key] = {
            "query": answer.query,
            "lat": answer.lat,
            "lon": answer.lon,
            "display_name": answer.display_name,
            "fetched": answer.fetched,
        }
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        body = {
            "about": f"Answers from Nominatim (OpenStreetMap; {LICENCE}) kept by "
            "`python -m blackjanuary geocode`. Delete this file to look everything up again.",
            "answers": dict(sorted(self.answers.items())),
        }
        write_atomically(self.path, json.dumps(body, ensure_ascii=False, indent=1) + "\n")
        self.changed = False


class NominatimClient:
    """One run's questions to Nominatim: the cache first, then geopy's geocoder behind its RateLimiter."""

    def __init__(self, cache: Cache):
        self.cache = cache
        self.domain = os.environ.get(DOMAIN_VARIABLE) or DEFAULT_DOMAIN
        self.scheme = os.environ.get(SCHEME_VARIABLE) or DEFAULT_SCHEME
        self.failed = False  # after a refusal or no network, ask nothing more
        self._geocode: Callable[..., Any] | None = None

    def _limited_geocode(self) -> Callable[..., Any]:
        if self._geocode is None:
            geolocator = Nominatim(
                user_agent=USER_AGENT,
                domain=self.domain,
                scheme=self.scheme,
                timeout=TIMEOUT_SECONDS,
                # urllib makes exactly the requests it is asked for; the
                # requests library would retry failures behind the rate limiter.
                adapter_factory=URLLibAdapter,
            )
            self._geocode = RateLimiter(
                geolocator.geocode,
                min_delay_seconds=MIN_DELAY_SECONDS,
                max_retries=0,  # a refusal ends the run; the cache makes a rerun cheap
                swallow_exceptions=False,
            )
        return self._geocode

    def look_up(self, query: str, near_baku: bool) -> Answer | None:
        """The first answer for `query`, from the cache or Nominatim; None when it finds nothing."""
        key = f"{query} (near Baku)" if near_baku else query
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        if self.failed:
            raise LookupFailed("not looked up, since an earlier request failed")
        bias = {"viewbox": BAKU_VIEWBOX, "bounded": False} if near_baku else {}
        try:
            location = self._limited_geocode()(query, exactly_one=True, language="en", **bias)
            if location is None:
                return None
            # From the raw answer: geopy reads a missing lat/lon as 0, 0.
            lat, lon = float(location.raw["lat"]), float(location.raw["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"no such place as {lat}, {lon}")
        except GeocoderServiceError as err:
            self.failed = True
            raise LookupFailed(self._explain(err)) from err
        except (TypeError, ValueError, KeyError, AttributeError) as err:
            self.failed = True
            raise LookupFailed(f"the answer from {self.domain} could not be read") from err
        display_name = _one_line(str(location.raw.get("display_name") or location.address or ""))
        answer = Answer(query, lat, lon, display_name, date.today().isoformat())
        self.cache.put(key, answer)
        return answer

    def _explain(self, err: GeocoderServiceError) -> str:
        cause = err.__cause__
        if isinstance(cause, AdapterHTTPError):
            status = cause.status_code
            try:
                reason = f"HTTP {status} {http.HTTPStatus(status).phrase}"
            except ValueError:
                reason = f"HTTP {status}"
            if status in (403, 429):
                return f"{self.domain} refused the request ({reason}); wait a while before trying again"
            if status >= 500:
                return f"{self.domain} failed to answer ({reason}); try again later"
            return f"{self.domain} refused the request ({reason})"
        if isinstance(err, GeocoderTimedOut):
            return f"no answer from {self.domain} within {TIMEOUT_SECONDS:g} s"
        if isinstance(err, GeocoderParseError):
            return f"the answer from {self.domain} could not be read"
        return f"could not reach {self.domain} ({_one_line(str(err))}); is there a network connection?"


# --- the places to look up ------------------------------------------------


def _is_number(value: object) -> TypeGuard[int | float]:
    """A YAML number as written: an int or a float, not a bool (`true` is not a latitude)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(frozen=True)
class Point:
    index: int  # position in the file's list of places
    record: dict  # as the app reads it (PyYAML)
    node: MappingNode  # where it stands in the text (ruamel.yaml)
    label: str

    @property
    def ident(self) -> str:
        value = self.record.get("id")
        return str(value) if value else f"#{self.index + 1}"

    @property
    def coordinates(self) -> tuple[float, float] | None:
        lat, lon = self.record.get("lat"), self.record.get("lon")
        return (float(lat), float(lon)) if _is_number(lat) and _is_number(lon) else None

    @property
    def queries(self) -> list[str]:
        """The English name, then the Azerbaijani one if it differs."""
        names = self.record.get("names")
        second = names.get("az") if isinstance(names, dict) else None
        found = [q.strip() for q in (self.record.get("name"), second) if isinstance(q, str) and q.strip()]
        return list(dict.fromkeys(found))

    @property
    def near_baku(self) -> bool:
        return self.record.get("in_baku", True) is not False

    def problem(self, message: str) -> str:
        return f"{self.label}:{self.node.start_mark.line + 1}: place '{self.ident}': {message}"


def _points(records: list, text: str, label: str) -> list[Point]:
    nodes = YAML().compose(text).value
    return [
        Point(index, record, node, label)
        for index, (record, node) in enumerate(zip(records, nodes))
        if isinstance(record, dict) and isinstance(node, MappingNode) and record.get("kind") == "point"
    ]


# --- writing the answers in -----------------------------------------------


Edit = tuple[int, int, str]  # put the string in place of text[start:end]


def _value_end(text: str, node: Node) -> int:
    """Where a value's own text ends: a block scalar's end mark also takes in the blank lines after it."""
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _line_end(text: str, index: int) -> int:
    """Just after the line break that ends the line holding `index`."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _entry(node: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _entry_end(text: str, key_node: Node, value_node: Node) -> int:
    if isinstance(value_node, ScalarNode) and value_node.value == "" and value_node.style is None:
        return text.index(":", key_node.end_mark.index) + 1  # `lat:` with nothing after it
    return max(_value_end(text, value_node), key_node.end_mark.index)


def _scalar_text(key: str, value: str, indent: int, comment: str) -> str:
    """`key: value` from the key on: one line if it fits, else a `|-` block like the curators' own."""
    buffer = io.StringIO()
    emitter = YAML()
    emitter.width = 10**6
    emitter.dump({key: value}, buffer)
    line = buffer.getvalue().rstrip("\n")
    if indent + len(line) + len(comment) <= LINE_WIDTH:
        return line + comment
    inner = " " * (indent + 2)
    lines = textwrap.wrap(
        value, width=LINE_WIDTH, initial_indent=inner, subsequent_indent=inner,
        break_long_words=False, break_on_hyphens=False,
    )
    return "\n".join([f"{key}: |-{comment}", *lines])


def _edits(text: str, point: Point, answer: Answer, newline: str) -> list[Edit]:
    """lat/lon replaced where they are or put in after `kind`, and `coordinates_ref` rewritten."""
    node = point.node
    pad = " " * node.value[0][0].start_mark.column
    edits: list[Edit] = []
    kind = _entry(node, "kind")
    assert kind is not None, f"place {point.ident}: only a place with `kind: point` is looked up"
    after = _line_end(text, _entry_end(text, *kind))
    missing: list[str] = []
    for key, value in zip(("lat", "lon"), answer.rounded()):
        entry = _entry(node, key)
        if entry is None:
            missing.append(f"{pad}{key}: {value}{newline}")
            continue
        if missing:  # lat is missing but lon is there: lat goes in just before it
            edits.append((after, after, "".join(missing)))
            missing = []
        key_node, value_node = entry
        end = _entry_end(text, key_node, value_node)
        edits.append((key_node.start_mark.index, end, f"{key}: {value}"))
        after = _line_end(text, end)
    if missing:
        edits.append((after, after, "".join(missing)))

    entry = _entry(node, "coordinates_ref")
    if entry is None:
        at = _line_end(text, _entry_end(text, *node.value[-1]))
        reference = _scalar_text("coordinates_ref", answer.reference, len(pad), "")
        edits.append((at, at, pad + reference.replace("\n", newline) + newline))
        return edits
    key_node, value_node = entry
    end = _entry_end(text, key_node, value_node)
    # A comment on the old value's line, or on its block header, stays with the new one.
    comments = []
    if getattr(value_node, "style", None) in ("|", ">"):
        header = text[value_node.start_mark.index : _line_end(text, value_node.start_mark.index)]
        if "#" in header:
            comments.append(header[header.index("#") :].strip())
    tail = text[end : _line_end(text, end)].rstrip("\r\n")
    if tail.strip().startswith("#"):
        comments.append(tail.strip())
        end += len(tail)
    comment = "  " + " ".join(comments) if comments else ""
    reference = _scalar_text("coordinates_ref", answer.reference, len(pad), comment)
    edits.append((key_node.start_mark.index, end, reference.replace("\n", newline)))
    return edits


def _apply(text: str, edits: list[Edit]) -> str:
    # From the end backwards, so earlier positions hold; of two edits at one
    # place, the one listed first ends up first.
    order = sorted(range(len(edits)), key=lambda i: (edits[i][0], edits[i][1], i), reverse=True)
    for i in order:
        start, end, new = edits[i]
        text = text[:start] + new + text[end:]
    return text


def _check_rewrite(old_text: str, new_text: str, answers: dict[int, Answer]) -> None:
    """The rewritten file must read, as the app reads it, as the old one with only our answers changed."""
    old, new = yaml.safe_load(old_text), yaml.safe_load(new_text)
    if not isinstance(new, list) or len(old) != len(new):
        raise AssertionError("the list of places changed")
    for index, (before, after) in enumerate(zip(old, new)):
        answer = answers.get(index)
        if answer is None:
            if before != after:
                raise AssertionError(f"place #{index + 1} changed though it was not looked up")
            continue
        lat, lon = answer.rounded()
        expected = {**before, "lat": float(lat), "lon": float(lon), "coordinates_ref": normalise(answer.reference)}
        got = {**after, "coordinates_ref": normalise(str(after.get("coordinates_ref")))}
        if got != expected:
            raise AssertionError(f"place '{before.get('id')}' did not come out as intended")


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` all at once: a crash or an interruption leaves the old file whole."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable, where a folder can be opened
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


# --- the command ----------------------------------------------------------


def run(data_dir: Path | str, force: bool = False, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Fill in the point places that lack coordinates (every point place with `force`); the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    path = Path(data_dir) / FILES["places"]
    label = _label(path)
    records, _, problems = read_yaml(path, label)
    if problems:
        for problem in problems:
            print(problem, file=err)
        print(f"{label} must be readable YAML before it can be geocoded; nothing was changed", file=err)
        return 1
    with open(path, encoding="utf-8", newline="") as stream:
        text = stream.read()
    newline = "\r\n" if "\r\n" in text else "\n"
    if not text.endswith("\n"):
        text += newline  # so that a line can go in after the last one
    try:
        points = _points(records, text, label)
    except YAMLError as error:
        print(f"{label}: could not be read for rewriting: {_one_line(str(error))}", file=err)
        return 1
    if not points:
        print(f"{label} has no point places; nothing to look up", file=out)
        return 0
    todo = points if force else [p for p in points if p.coordinates is None]
    if not todo:
        print(f"all {len(points)} point places already have coordinates; use --force to redo them", file=out)
        return 0

    cache = Cache(Path(data_dir) / CACHE_FILE)
    if cache.warning:
        print(f"warning: {cache.warning}", file=err)
    answers, failures = _look_up(todo, NominatimClient(cache), cache, err)
    if failures:
        for failure in failures:
            print(failure, file=err)
        rerun = "; the answers found are cached, so a rerun asks only for the rest" if answers else ""
        print(f"{label} was not changed: {len(failures)} of {_count(len(todo), 'place')} could not be geocoded{rerun}", file=err)
        return 1

    edits = [e for p in todo for e in _edits(text, p, answers[p.index], newline)]
    new_text = _apply(text, edits)
    try:
        _check_rewrite(text, new_text, answers)
    except AssertionError as error:  # a bug here must never cost the curator the file
        print(f"{label} was not changed: the rewrite went wrong ({error}); please report this", file=err)
        return 1
    try:
        write_atomically(path, new_text)
    except OSError as error:
        print(f"{label} was not changed: it could not be written ({error})", file=err)
        return 1
    _summarise(points, todo, answers, label, out)
    return 0


def _look_up(todo: list[Point], client: NominatimClient, cache: Cache, err: TextIO) -> tuple[dict[int, Answer], list[str]]:
    answers: dict[int, Answer] = {}
    failures: list[str] = []
    try:
        for point in todo:
            if not point.queries:
                failures.append(point.problem("no name to look up"))
                continue
            if point.node.flow_style:  # its lines cannot take a lat and a lon
                failures.append(point.problem("written as a flow mapping ({...}); write it as a block to geocode it"))
                continue
            try:
                answer = next(
                    (a for a in (client.look_up(q, point.near_baku) for q in point.queries) if a), None
                )
            except LookupFailed as error:
                failures.append(point.problem(str(error)))
                continue
            if answer is None:
                tried = " nor ".join(f"'{q}'" for q in point.queries)
                failures.append(point.problem(f"Nominatim found nothing for {tried}; check the name, or set lat/lon by hand"))
                continue
            answers[point.index] = answer
    finally:  # keep what was found, even when interrupted
        try:
            cache.save()
        except OSError as error:
            print(f"warning: the cache {_label(cache.path)} could not be saved ({error})", file=err)
    return answers, failures


def _summarise(points: list[Point], todo: list[Point], answers: dict[int, Answer], label: str, out: TextIO) -> None:
    print(f"filled {_count(len(answers), 'place')} in {label} from Nominatim (OpenStreetMap):", file=out)
    for point in todo:
        answer = answers[point.index]
        lat, lon = answer.rounded()
        how = "from the cache" if answer.cached else "looked up"
        line = f"  {point.ident}: {lat}, {lon} for '{answer.query}': {answer.display_name} ({how}, fetched {answer.fetched})"
        if point.coordinates is not None:
            was = point.coordinates
            moved = distance(was, (answer.lat, answer.lon)).km
            line += f"; was {was[0]:.{DECIMALS}f}, {was[1]:.{DECIMALS}f}, {moved:.2f} km away"
        print(line, file=out)
    kept = len(points) - len(todo)
    if kept:
        print(f"kept {_count(kept, 'point place')} that already had coordinates (--force redoes them)", file=out)
    print("check the result with `python -m blackjanuary validate`", file=out)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _one_line(text: str) -> str:
    """Whitespace collapsed and control characters dropped: safe in one line of output or of YAML."""
    return normalise("".join(" " if unicodedata.category(c)[0] == "C" else c for c in text))
