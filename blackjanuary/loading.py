"""Read the data folder, validate it, and build the catalogue the app shows.

Every problem is reported as `file:line: what is wrong`, and loading never
raises anything but `InvalidData`: a curator sees a list, not a traceback.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .evidence import count_problems, edge_problems
from .geo import place_warnings
from .models import Citation, Claim, Event, Narrative, Place, Source, Speaker
from .streets import Streets
from .streets import built as built_streets
from .translations import LanguageText, check_translations, localised

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
FILES = {
    "sources": "sources.yaml",
    "places": "places.yaml",
    "events": "events.yaml",
    "narratives": "narratives.yaml",
    "claims": "claims.yaml",
}
# What a catalogue file holds: records with an `id`.
CatalogueRecord = Source | Place | Event | Narrative | Claim
MODELS: dict[str, type[CatalogueRecord]] = {
    "sources": Source, "places": Place, "events": Event, "narratives": Narrative, "claims": Claim,
}
OPTIONAL = {"narratives", "claims"}  # a catalogue without them has no Present slides or Figures

MAX_YAML_BYTES = 16_000_000  # room for the 10,000-event benchmark data, still far from a hang
MAX_SOURCE_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 2_000_000


def data_dir_from_env() -> Path:
    return Path(os.environ.get("BLACKJANUARY_DATA") or DEFAULT_DATA_DIR)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}: {prefix}{self.message}"


class InvalidData(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


# --- quotes ---------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` stands in `text`, ignoring differences of whitespace, as (start, end)."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    if not pattern:
        return None
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _opens_quotation(paragraph: str) -> bool:
    """Whether a paragraph opens a quotation it does not close: the quote runs on into the next paragraph."""
    text = paragraph.lstrip()
    if not text.startswith(("\"", "“")):
        return False
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def attribution_unit(text: str, at: int) -> tuple[int, int]:
    """The paragraph around position `at`, joined with the paragraphs a quotation runs across.

    A quotation over several paragraphs opens each of them and closes only the
    last, where the speaker is usually named ("…," he said.): the whole run is
    one unit of attribution.
    """
    bounds = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)] + [len(text)]
    paragraphs = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    units: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in paragraphs:
        current = (current[0], end) if current else (start, end)
        if not _opens_quotation(text[start:end]):
            units.append(current)
            current = None
    if current:
        units.append(current)
    return next((u for u in units if u[0] <= at < u[1]), (0, len(text)))


def speaker_named(text: str, quote: str, speaker: Speaker) -> bool:
    """Whether the text names `speaker` in the unit of attribution around `quote`."""
    found = locate(text, quote)
    if not found:
        return False
    start, end = attribution_unit(text, found[0])
    unit = text[start:end]
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", unit) for name in speaker.named_as)


def speaker_voice(text: str, quote: str) -> str:
    """'quoted' when the passage stands inside the speaker's quotation marks, else 'reported'."""
    found = locate(text, quote)
    if not found:
        return "reported"
    start, _ = attribution_unit(text, found[0])
    return "quoted" if text[start:].lstrip().startswith(("\"", "“")) else "reported"


# Phrases by which a sentence puts a figure or a fact on someone's authority.
_AUTHORITY = re.compile(
    r"\baccording to\b|\breports? state|\bofficial (?:data|reports|sources|statistics)\b", re.IGNORECASE
)


# --- the catalogue --------------------------------------------------------


@dataclass(frozen=True)
class Catalog:
    sources: dict[str, Source]
    texts: dict[str, str]
    places: dict[str, Place]
    events: tuple[Event, ...]
    warnings: tuple[Problem, ...] = ()
    narratives: dict[str, Narrative] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()
    # The catalogue's own text in other languages (see translations.py), and
    # which language this copy of the catalogue speaks.
    translations: dict[str, LanguageText] = field(default_factory=dict)
    language: str = "en"
    _by_id: dict[str, Event] = field(default_factory=dict, repr=False)
    _by_place: dict[str, tuple[Event, ...]] = field(default_factory=dict, repr=False, init=False)
    _languages: dict[str, Catalog] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.id: e for e in self.events})
        at: dict[str, list[Event]] = {}
        for event in self.events:
            for place_id in dict.fromkeys(event.places):
                at.setdefault(place_id, []).append(event)
        self._by_place.update({place_id: tuple(events) for place_id, events in at.items()})

    def event(self, event_id: str) -> Event | None:
        return self._by_id.get(event_id)

    def require_event(self, event_id: str) -> Event:
        """The event of an id the catalogue is known to have (a validated reference); KeyError with the id if not."""
        return self._by_id[event_id]

    def in_language(self, lang: str) -> Catalog:
        """This catalogue with its own text in `lang`, English marked where a translation is missing or stale."""
        if lang == self.language or lang not in self.translations:
            return self
        if lang not in self._languages:
            from .i18n import tr

            self._languages[lang] = localised(self, lang, tr(lang, "untranslated_mark"))
        return self._languages[lang]

    def untranslated(self, lang: str) -> frozenset:
        """The keys of the texts that `lang` shows in English."""
        found = self.translations.get(lang)
        return found.untranslated if found else frozenset()

    def events_at(self, place_id: str) -> list[Event]:
        """The events at a place, in the catalogue's order."""
        return list(self._by_place.get(place_id, ()))

    @property
    def quote_count(self) -> int:
        return sum(len(e.citations) for e in self.events) + len(self.claims)

    def passage_span(self, source_id: str, quote: str) -> tuple[int, int] | None:
        return locate(self.texts[source_id], quote)

    def speaker(self, citation: Citation | Claim) -> Speaker | None:
        if citation.speaker is None:
            return None
        return self.sources[citation.source].speaker(citation.speaker)

    def voice(self, citation: Citation | Claim) -> str:
        """'quoted' or 'reported': how the source gives the speaker's words in this passage."""
        return speaker_voice(self.texts[citation.source], citation.quote)


# --- YAML with line numbers ----------------------------------------------


class _LimitExceeded(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


Path_ = tuple[Any, ...]
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it
_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def _event_line(event: yaml.Event) -> int:
    """The line (from 1) at which a parsed event starts."""
    assert event.start_mark is not None, "yaml.parse marks every event it gives"
    return event.start_mark.line + 1


def _guard(text: str) -> None:
    """Refuse aliases, absurd nesting and absurd size from the event stream, before anything is built.

    Checking events rather than nodes keeps a "billion laughs" file or one
    nested 10,000 deep from ever reaching the composer or the constructor.
    """
    depth = nodes = 0
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _LimitExceeded(
                _event_line(event),
                "YAML aliases (*name) are not supported; write the value out in full",
            )
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            nodes += 1
            if nodes > MAX_NODES:
                raise _LimitExceeded(_event_line(event), f"more than {MAX_NODES} values in one file")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _LimitExceeded(_event_line(event), f"nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Builder:
    """Python values from YAML nodes, recording the line of every list item and mapping key on the way.

    Strings, the bulk of the data, are taken straight from the node; other
    scalars go through PyYAML's safe constructor.
    """

    def __init__(self) -> None:
        self.constructor = yaml.constructor.SafeConstructor()
        self.lines: dict[Path_, int] = {}
        self.dupes: list[tuple[int, str]] = []

    def build(self, node: yaml.Node, path: Path_ = ()) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else self._scalar(node)
        if node.tag not in _COLLECTION_TAGS:
            raise yaml.constructor.ConstructorError(
                None, None, f"could not determine a constructor for the tag '{node.tag}'", node.start_mark
            )
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, path + ("<key>",)) if not isinstance(key_node, yaml.ScalarNode) else (
                key_node.value if key_node.tag == _STR else self._scalar(key_node)
            )
            if not isinstance(key, (str, int, float, bool, type(None))):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in mapping:
                self.dupes.append((key_node.start_mark.line + 1, str(key)))
            self.lines[path + (key,)] = key_node.start_mark.line + 1
            mapping[key] = self.build(value_node, path + (key,))
        return mapping

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        # A value PyYAML cannot build (30 February, hour 24, an integer of
        # 5,000 digits) raises a bare ValueError with no line; give it one.
        try:
            return self.constructor.construct_object(node, deep=True)
        except ValueError as err:
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid value '{_shorten(node.value, 40)}': {err}", node.start_mark
            ) from None


def read_yaml(path: Path, label: str, expect: type = list) -> tuple[Any, dict[Path_, int], list[Problem]]:
    """Parse one YAML file safely: (data, {path: line}, problems). The top level must be an `expect`."""
    try:
        size = path.stat().st_size
    except OSError:
        return None, {}, [Problem(label, 0, "file is missing")]
    if size > MAX_YAML_BYTES:
        return None, {}, [Problem(label, 0, f"file is {size:,} bytes; the limit is {MAX_YAML_BYTES:,}")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, {}, [Problem(label, 0, f"not UTF-8 text (byte {err.start})")]
    except OSError as err:
        return None, {}, [Problem(label, 0, f"file could not be read: {err.strerror or err}")]
    builder = _Builder()
    try:
        _guard(text)
        node = yaml.compose(text, Loader=_FastLoader)
        if node is None:
            what = "a list of records" if expect is list else "a mapping"
            return None, {}, [Problem(label, 1, f"file is empty; expected {what}")]
        data = builder.build(node)
    except _LimitExceeded as err:
        return None, {}, [Problem(label, err.line, err.message)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        if "maximum nesting depth" in (err.problem or ""):  # libyaml's own limit, met while scanning ahead
            return None, {}, [Problem(label, line, f"nested deeper than {MAX_DEPTH} levels")]
        what = " ".join(filter(None, [err.context, err.problem]))
        return None, {}, [Problem(label, line, f"YAML syntax: {what}")]
    except (yaml.YAMLError, RecursionError, ValueError) as err:
        return None, {}, [Problem(label, 0, f"YAML could not be read: {err}")]
    lines = builder.lines
    problems = [Problem(label, line, f"duplicate key '{key}'") for line, key in builder.dupes]
    if not isinstance(data, expect):
        at = lines.get((), 1)  # where the top-level value starts, after any comments
        what = "a list of records (each starting with '- id:')" if expect is list else "a mapping of names to values"
        problems.append(Problem(label, at, f"expected {what}"))
        return None, lines, problems
    return data, lines, problems


def _line_for(lines: dict[Path_, int], path: Path_) -> int:
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 0)


def _field_name(loc: Iterable[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(error: ErrorDetails) -> str:
    kind, loc = error["type"], error["loc"]
    name = _field_name(loc)
    if kind == "missing":
        return f"missing field '{name}'"
    if kind == "extra_forbidden":
        return f"unknown field '{name}' (a typo?)"
    message = error["msg"].removeprefix("Value error, ")
    if kind == "enum":
        message = f"must be one of {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        message = "ids are lower-case words joined by hyphens, e.g. 'tv-centre'"
    return f"{name}: {message}" if name else message


def _records(
    model: type[CatalogueRecord], data: list, lines: dict[Path_, int], label: str
) -> tuple[list, list[Problem]]:
    records, problems = [], []
    first_line: dict[str, int] = {}
    for i, item in enumerate(data):
        line = _line_for(lines, (i,))
        if not isinstance(item, dict):
            problems.append(Problem(label, line, "each record must be a mapping of fields"))
            continue
        ident = item.get("id")
        what = f"{model.__name__.lower()} '{ident}'" if ident else f"{model.__name__.lower()} #{i + 1}"
        try:
            record = model.model_validate(item)
        except ValidationError as err:
            for error in err.errors():
                problems.append(
                    Problem(label, _line_for(lines, (i, *error["loc"])), f"{what}: {_describe(error)}")
                )
            continue
        if record.id in first_line:
            problems.append(
                Problem(label, line, f"duplicate id '{record.id}' (first at line {first_line[record.id]})")
            )
            continue
        first_line[record.id] = line
        records.append((record, i, line))
    return records, problems


def _read_source_text(data_dir: Path, source: Source) -> tuple[str | None, str | None]:
    try:
        return _read_source_file(data_dir, source)
    except (OSError, ValueError) as err:  # a NUL in the name, a name too long, no permission
        return None, f"file '{source.file}' could not be read: {getattr(err, 'strerror', None) or err}"


def _read_source_file(data_dir: Path, source: Source) -> tuple[str | None, str | None]:
    root = data_dir.resolve()
    path = (data_dir / source.file).resolve()
    if root not in path.parents:
        return None, f"file '{source.file}' is outside the data folder"
    if not path.is_file():
        return None, f"file '{source.file}' is missing"
    if path.stat().st_size > MAX_SOURCE_BYTES:
        return None, f"file '{source.file}' is larger than {MAX_SOURCE_BYTES:,} bytes"
    try:
        return path.read_text(encoding="utf-8"), None
    except UnicodeDecodeError as err:
        return None, f"file '{source.file}' is not UTF-8 text (byte {err.start})"


def check(data_dir: Path | str) -> tuple[Catalog | None, list[Problem]]:
    """Validate the data folder: (catalogue or None, problems including warnings)."""
    data_dir = Path(data_dir)
    labels = {kind: _label(data_dir / name) for kind, name in FILES.items()}
    problems: list[Problem] = []
    parsed: dict[str, list] = {}
    unreadable: set[str] = set()
    for kind, model in MODELS.items():
        if kind in OPTIONAL and not (data_dir / FILES[kind]).exists():
            parsed[kind] = []
            continue
        data, lines, found = read_yaml(data_dir / FILES[kind], labels[kind])
        problems += found
        if data is None:
            parsed[kind] = []
            unreadable.add(kind)
            continue
        records, found = _records(model, data, lines, labels[kind])
        problems += found
        parsed[kind] = [(r, lines, i, line) for r, i, line in records]

    sources = {s.id: s for s, *_ in parsed["sources"]}
    texts: dict[str, str] = {}
    for source, lines, index, _ in parsed["sources"]:
        text, error = _read_source_text(data_dir, source)
        if error:
            at = _line_for(lines, (index, "file"))
            problems.append(Problem(labels["sources"], at, f"source '{source.id}': {error}"))
        else:
            assert text is not None, f"source '{source.id}': read without an error, so its text is there"
            texts[source.id] = text
    streets = built_streets()
    places = {p.id: along_road(p, streets) for p, *_ in parsed["places"]}
    # Whitespace-normalised texts: a substring test per quote, same answer as locate().
    flat = {source_id: normalise(text) for source_id, text in texts.items()}

    events_label = labels["events"]
    for event, lines, index, _ in parsed["events"]:
        for j, place_id in enumerate(event.places):
            if place_id not in places and "places" not in unreadable:
                at = _line_for(lines, (index, "places", j))
                problems.append(Problem(events_label, at, f"event '{event.id}': unknown place '{place_id}'"))
        for j, citation in enumerate(event.citations):
            def citation_line(field_name: str, j: int = j, lines: dict = lines, index: int = index) -> int:
                return _line_for(lines, (index, "citations", j, field_name))

            what = f"event '{event.id}', citation {j + 1}"
            if citation.source not in sources:
                if "sources" not in unreadable:
                    problems.append(Problem(events_label, citation_line("source"), f"{what}: unknown source '{citation.source}'"))
                continue
            problems += [
                Problem(events_label, citation_line(field_name), f"{what}: {message}", severity)
                for field_name, message, severity in _passage_problems(citation, sources[citation.source], texts, flat)
            ]
        for field_name, message in edge_problems(event):
            problems.append(Problem(events_label, _line_for(lines, (index, field_name)), f"event '{event.id}': {message}", "warning"))
        for field_name, message in count_problems(event):
            problems.append(Problem(events_label, _line_for(lines, (index, field_name)), f"event '{event.id}': {message}"))

    events = {e.id: e for e, *_ in parsed["events"]}
    if "events" not in unreadable:
        problems += _check_narratives(parsed["narratives"], events, labels["narratives"])
    if not {"events", "sources"} & unreadable:
        problems += _check_claims(parsed["claims"], events, sources, texts, flat, labels["claims"])

    warnings = _warnings(parsed, labels) if not unreadable else []
    problems += warnings
    if any(p.severity == "error" for p in problems):
        return None, problems
    catalog = Catalog(
        sources,
        texts,
        places,
        tuple(sorted(events.values(), key=lambda e: (e.first, e.last, e.id))),
        tuple(warnings),
        narratives={n.id: n for n, *_ in parsed["narratives"]},
        claims=tuple(c for c, *_ in parsed["claims"]),
    )
    translations, found = check_translations(catalog, data_dir)
    problems += found
    return replace(catalog, translations=translations, warnings=(*catalog.warnings, *found)), problems


def _check_narratives(parsed: list, events: dict[str, Event], label: str) -> list[Problem]:
    problems = []
    for narrative, lines, index, _ in parsed:
        for j, step in enumerate(narrative.steps):
            event = events.get(step.event)
            if event is None:
                at = _line_for(lines, (index, "steps", j, "event"))
                problems.append(Problem(label, at, f"narrative '{narrative.id}', step {j + 1}: unknown event '{step.event}'"))
            elif step.quote >= len(event.citations):
                at = _line_for(lines, (index, "steps", j, "quote"))
                problems.append(
                    Problem(
                        label,
                        at,
                        f"narrative '{narrative.id}', step {j + 1}: quote {step.quote} is out of range; "
                        f"event '{event.id}' has {len(event.citations)} citation(s), numbered from 0",
                    )
                )
    return problems


def _passage_problems(
    passage: Citation | Claim, source: Source, texts: dict[str, str], flat: dict[str, str]
) -> list[tuple[str, str, str]]:
    """What is wrong with one quoted passage: (field, message, severity) for each problem.

    The quote must stand in its source; so must what the source says about
    when. Who says it: a named speaker of the source, required where the
    text names one around the passage. On whose authority: words of the
    quote itself, so that "according to official data" never travels to a
    sentence that does not say so.
    """
    out: list[tuple[str, str, str]] = []
    if source.id not in flat:
        return out  # the text could not be read; that is reported at the source
    text, quote = texts[source.id], normalise(passage.quote)
    if quote not in flat[source.id]:
        return [("quote", f"quote not found verbatim in source '{source.id}' ({source.file}): \"{_shorten(passage.quote)}\"", "error")]
    when = getattr(passage, "when", None)
    if when is not None and normalise(when) not in flat[source.id]:
        out.append(("when", f"when \"{_shorten(when)}\" is not found verbatim in source '{source.id}' ({source.file})", "error"))
    if passage.speaker is not None and source.speaker(passage.speaker) is None:
        known = ", ".join(s.id for s in source.speakers) or "none listed"
        out.append(("speaker", f"speaker '{passage.speaker}' is not one of source '{source.id}''s speakers ({known})", "error"))
    elif passage.speaker is None and not getattr(passage, "publisher_voice", False):
        for speaker in source.speakers:
            if speaker_named(text, passage.quote, speaker):
                out.append((
                    "quote",
                    f"the text names {speaker.name} around this passage; say who says it with 'speaker: {speaker.id}'",
                    "error",
                ))
    if passage.authority is not None and normalise(passage.authority).lower() not in quote.lower():
        out.append(("authority", f"authority \"{_shorten(passage.authority)}\" is not in the quote; it belongs only to the sentence that says it", "error"))
    elif passage.authority is None and (found := _AUTHORITY.search(quote)):
        out.append(("quote", f"the quote says \"{found.group(0)}\"; name that authority with 'authority:'", "warning"))
    return out


def _contains_words(text: str, words: str) -> bool:
    """Whether `words` stand in `text` as whole words: "47 people" is not in "147 people"."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _check_claims(
    parsed: list,
    events: dict[str, Event],
    sources: dict[str, Source],
    texts: dict[str, str],
    flat: dict[str, str],
    label: str,
) -> list[Problem]:
    problems = []
    for claim, lines, index, _ in parsed:
        def at(field_name: str, lines: dict = lines, index: int = index) -> int:
            return _line_for(lines, (index, field_name))

        if claim.source not in sources:
            problems.append(Problem(label, at("source"), f"claim '{claim.id}': unknown source '{claim.source}'"))
        else:
            problems += [
                Problem(label, at(field_name), f"claim '{claim.id}': {message}", severity)
                for field_name, message, severity in _passage_problems(claim, sources[claim.source], texts, flat)
            ]
        if not _contains_words(normalise(claim.quote), normalise(claim.wording)):
            problems.append(
                Problem(label, at("wording"), f"claim '{claim.id}': wording \"{claim.wording}\" is not in its quote")
            )
        if claim.event is not None and claim.event not in events:
            problems.append(Problem(label, at("event"), f"claim '{claim.id}': unknown event '{claim.event}'"))
    return problems


def along_road(place: Place, streets: Streets | None) -> Place:
    """A place that follows a road takes the road's path from the built streets basemap, where it has one.

    That path is read off OpenStreetMap, not estimated; without the basemap
    the place keeps its own path from places.yaml.
    """
    path = streets.road_path(place.follows_road) if streets and place.follows_road else None
    return place.model_copy(update={"path": path, "coordinates_estimated": False}) if path else place


def _warnings(parsed: dict[str, list], labels: dict[str, str]) -> list[Problem]:
    used_places = {p for e, *_ in parsed["events"] for p in e.places}
    cited = {c.source for e, *_ in parsed["events"] for c in e.citations}
    cited |= {c.source for c, *_ in parsed["claims"]}
    out = [
        Problem(labels["places"], line, f"place '{p.id}' is not used by any event", "warning")
        for p, _, _, line in parsed["places"]
        if p.id not in used_places
    ]
    out += [
        Problem(labels["places"], line, message, "warning")
        for p, _, _, line in parsed["places"]
        for message in place_warnings(p)
    ]
    out += [
        Problem(
            labels["places"], line,
            f"place '{p.id}': coordinates_ref says the position is estimated; add 'coordinates_estimated: true' so the panel says so",
            "warning",
        )
        for p, _, _, line in parsed["places"]
        if "estimat" in p.coordinates_ref.lower() and not p.coordinates_estimated
    ]
    out += [
        Problem(labels["sources"], line, f"source '{s.id}' is not cited by any event or claim", "warning")
        for s, _, _, line in parsed["sources"]
        if s.id not in cited
    ]
    return out


def _shorten(text: str, limit: int = 70) -> str:
    text = normalise(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load(data_dir: Path | str | None = None) -> Catalog:
    """The validated catalogue, or InvalidData listing every problem."""
    catalog, problems = check(data_dir if data_dir is not None else data_dir_from_env())
    if catalog is None:
        raise InvalidData([p for p in problems if p.severity == "error"])
    return catalog
