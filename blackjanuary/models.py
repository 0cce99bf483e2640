"""The catalogue's records: sources, places and events, as curators write them in YAML.

Each model checks what can be checked within one record; checks that span
files (ids that must exist, quotes that must be in their source) live in
`blackjanuary.loading`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .timeline import BAKU, offset_problem, precision_problem

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
]


class Record(BaseModel):
    """Base for every record: unknown fields are typos until proven otherwise."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Precision(StrEnum):
    MINUTE = "minute"
    HOUR = "hour"
    APPROXIMATE = "approximate"
    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    @property
    def is_precise(self) -> bool:
        return self in (Precision.MINUTE, Precision.HOUR)


class Category(StrEnum):
    """Timeline lanes, in the order they are drawn from top to bottom."""

    BACKGROUND = "background"
    INFORMATION = "information"
    MILITARY = "military"
    VIOLENCE = "violence"
    CASUALTIES = "casualties"
    POLITICAL = "political"
    MOURNING = "mourning"
    MEMORY = "memory"


def _latitude(value: float) -> float:
    if not -90 <= value <= 90:
        raise ValueError(f"latitude {value} is out of range (-90 to 90)")
    return value


def _longitude(value: float) -> float:
    if not -180 <= value <= 180:
        raise ValueError(f"longitude {value} is out of range (-180 to 180)")
    return value


Latitude = Annotated[float, AfterValidator(_latitude)]
Longitude = Annotated[float, AfterValidator(_longitude)]


class Speaker(Record):
    """Someone a source quotes or reports, so a passage can be attributed to who says it."""

    id: Identifier
    name: Text
    role: Text
    # The words by which the text names this person ("Garayev", "the analyst"):
    # a passage whose paragraph contains one of them must name the speaker.
    named_as: list[Text] = Field(min_length=1)


class Source(Record):
    id: Identifier
    file: Text
    publisher: Text
    title: Text
    published: date | None = None
    published_note: Text | None = None
    byline: Text
    url: Text | None = None
    genre: Text
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "en"  # ISO 639-1: the quotes stay in it
    # Where the publisher is based, ISO 3166-1 alpha-2; None where the text does not say who published it.
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    occasion: Text | None = None  # what the text was written for, and when, as far as it shows
    trimmed: Text | None = None
    speakers: list[Speaker] = Field(default_factory=list)

    def speaker(self, speaker_id: str) -> Speaker | None:
        return next((s for s in self.speakers if s.id == speaker_id), None)

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("url must start with https:// or http://")
        return value


class Names(Record):
    az: Text
    ru: Text


class Place(Record):
    id: Identifier
    name: Text
    names: Names
    kind: Literal["point", "line"]
    lat: Latitude | None = None
    lon: Longitude | None = None
    path: list[tuple[Latitude, Longitude]] | None = None
    in_baku: bool = True
    description: Text
    coordinates_ref: Text
    # True where the position was estimated (from an address, between
    # landmarks) rather than read off a map: the panel says so.
    coordinates_estimated: bool = False
    # A line place along a named road: the OpenStreetMap name of the road, whose
    # path the streets basemap traces (tools/build_basemap.py). Where the basemap
    # is built the place follows it; `path` is the fallback without it.
    follows_road: Text | None = None
    # The place stands for the city as a whole: the texts say only "in Baku". The maps draw it as the city's
    # tag, not as a pin at its point, which is only where the city is said to be.
    whole_city: bool = False

    @field_validator("whole_city")
    @classmethod
    def _whole_city_is_a_point_in_baku(cls, value, info: ValidationInfo):
        if value and info.data.get("kind") != "point":
            raise ValueError("only a point place can stand for the whole city (whole_city)")
        if value and info.data.get("in_baku") is False:
            raise ValueError("a place outside Baku cannot stand for the whole city (whole_city)")
        return value

    @field_validator("follows_road")
    @classmethod
    def _road_for_lines(cls, value, info: ValidationInfo):
        if value is not None and info.data.get("kind") != "line":
            raise ValueError("only a line place can follow a road (follows_road)")
        return value

    @field_validator("lat", "lon", "path")
    @classmethod
    def _field_fits_kind(cls, value, info: ValidationInfo):
        # A field that the kind rules out is reported at its own line.
        kind = info.data.get("kind")
        if value is not None and kind == "point" and info.field_name == "path":
            raise ValueError("a point place has lat/lon, not a path")
        if value is not None and kind == "line" and info.field_name != "path":
            raise ValueError("a line place has a path, not lat/lon")
        return value

    @model_validator(mode="after")
    def _geometry_fits_kind(self) -> Place:
        # A field the kind rules out was already refused at its own line (_field_fits_kind).
        if self.kind == "point" and (self.lat is None or self.lon is None):
            raise ValueError("a point place needs both lat and lon; run `python -m blackjanuary geocode` to look it up")
        if self.kind == "line" and (self.path is None or len(self.path) < 2):
            raise ValueError("a line place needs a path of at least two [lat, lon] points")
        return self

    @property
    def points(self) -> list[tuple[float, float]]:
        """Every [lat, lon] of the place: one for a point, the path for a line."""
        if self.path:
            return list(self.path)
        assert self.lat is not None and self.lon is not None, f"point place {self.id} has lat and lon (validated)"
        return [(self.lat, self.lon)]

    def name_in(self, lang: str) -> str:
        """The place's name in an interface language: `names.az` or `names.ru`, else `name`."""
        return getattr(self.names, lang, None) or self.name

    @property
    def anchor(self) -> tuple[float, float]:
        """Where a label for the place goes: the point, or the end of the path, clear of what it passes."""
        return self.points[-1]


class Citation(Record):
    source: Identifier
    quote: Text
    # Who says it, when the text quotes or reports someone: an id from the
    # source's `speakers`.
    speaker: Identifier | None = None
    # On whose authority the passage puts what it says, in its own words
    # ("According to official Azerbaijani data"); must stand in the quote.
    authority: Text | None = None
    # What this source says about when, verbatim from its text ("that evening").
    when: Text | None = None
    # The publication's own words, though the paragraph around them names a
    # speaker ("In this context, the principled stance ... As Aksoy concludes,
    # ..."): the passage is attributed to the source, not to the speaker.
    publisher_voice: bool = False

    @model_validator(mode="after")
    def _one_voice(self) -> Citation:
        if self.publisher_voice and self.speaker is not None:
            raise ValueError("publisher_voice says the source itself speaks; it cannot also name a speaker")
        return self


class Event(Record):
    id: Identifier
    title: Text
    summary: Text
    # precision comes before start and end so that their validator can check
    # them against it, and report a problem at the line of the time at fault.
    precision: Precision
    # Either edge may be null: the evidence gives none, and the app says so
    # instead of closing the window for the renderer's sake.
    start: datetime | None = None
    end: datetime | None = None
    # An uncertain edge is one the evidence bounds but does not place ("by the
    # morning"): the window is the widest the evidence allows, and the timeline
    # fades that edge.
    start_uncertain: bool = False
    end_uncertain: bool = False
    when: Text
    # How the sources' own times differ, in neutral words of ours.
    when_note: Text | None = None
    time_ref: Text | None = None
    # What a reader needs from outside the five texts to read the event
    # rightly (an office a quote gives someone who did not hold it then), in
    # our own words; context_ref names the public reference it rests on.
    context: Text | None = None
    context_ref: Text | None = None
    places: list[Identifier] = Field(min_length=1)
    category: Category
    citations: list[Citation] = Field(min_length=1)

    @field_validator("start", "end")
    @classmethod
    def _baku_time(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        if value is None:
            return None
        problem = offset_problem(value)
        if problem:
            raise ValueError(problem)
        value = value.astimezone(BAKU)
        precision = info.data.get("precision")
        problem = precision and precision_problem(value, precision.value)
        if problem:
            raise ValueError(problem)
        start = info.data.get("start")
        if info.field_name == "end" and start is not None and value < start:
            raise ValueError(f"{value.isoformat()} is before start {start.isoformat()}")
        return value

    @model_validator(mode="after")
    def _has_an_edge(self) -> Event:
        if self.start is None and self.end is None:
            raise ValueError("an event needs a start, an end or both; null means the evidence gives none")
        if self.start_uncertain and self.start is None:
            raise ValueError("start_uncertain needs a start: the bound the evidence gives")
        if self.end_uncertain and self.end is None:
            raise ValueError("end_uncertain needs an end: the bound the evidence gives")
        if (self.context is None) != (self.context_ref is None):
            raise ValueError("context and context_ref go together: a fact from outside the texts carries its public reference")
        return self

    @property
    def first(self) -> datetime:
        """The earliest instant the evidence gives: the start, or the end where the start is open."""
        first = self.start if self.start is not None else self.end
        assert first is not None, f"event {self.id} has a start, an end or both (_has_an_edge)"
        return first

    @property
    def last(self) -> datetime:
        """The latest instant the evidence gives: the end, or the start where the end is open."""
        last = self.end if self.end is not None else self.start
        assert last is not None, f"event {self.id} has a start, an end or both (_has_an_edge)"
        return last

    @property
    def open_start(self) -> bool:
        return self.start is None

    @property
    def open_end(self) -> bool:
        return self.end is None

    @property
    def is_precise(self) -> bool:
        return self.precision.is_precise

    @property
    def source_ids(self) -> list[str]:
        """The sources that back the event, each once, in the order it cites them."""
        return list(dict.fromkeys(c.source for c in self.citations))


# --- narratives (the Present page) -----------------------------------------


class MapView(Record):
    """Where the map looks for one slide."""

    latitude: Latitude
    longitude: Longitude
    zoom: float = Field(ge=1, le=18)


class NarrativeStep(Record):
    event: Identifier
    note: Text | None = None
    view: MapView | None = None
    quote: int = Field(default=0, ge=0, description="which of the event's citations the slide shows")
    # A step that asks how the sources differ shows one passage of each source, side by side.
    compare: bool = False


class Narrative(Record):
    id: Identifier
    title: Text
    description: Text
    steps: list[NarrativeStep] = Field(min_length=1)


# --- numeric claims (the Figures page) -------------------------------------


class Qualifier(StrEnum):
    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at-least"
    MORE_THAN = "more-than"
    UP_TO = "up-to"
    RANGE = "range"
    VAGUE = "vague"


# The measures the interface has words for (i18n.measure_name), in the order the Figures page offers them;
# a curator's new measure comes after them.
KNOWN_MEASURES = (
    "killed", "wounded", "detained", "missing", "troops", "tanks", "expelled", "rally-crowd", "funeral-crowd",
    "commemoration-crowd", "pogrom-killed",
)


def _numbers_in(wording: str) -> set[int]:
    return {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", wording) if n.replace(",", "")}


class Claim(Record):
    id: Identifier
    measure: Identifier
    source: Identifier
    wording: Text
    qualifier: Qualifier
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    reading: Text | None = None
    scope: Text | None = None
    event: Identifier | None = None
    quote: Text
    speaker: Identifier | None = None
    authority: Text | None = None

    @model_validator(mode="after")
    def _figure_fits_wording(self) -> Claim:
        q, low, high = self.qualifier, self.low, self.high
        if low is None and high is None:
            if q is Qualifier.VAGUE and self.reading is not None and not _numbers_in(self.wording):
                return self  # in words only ("numerous"): no number can be read from it, and none is invented
            raise ValueError("a claim needs low, high or both (a 'vague' claim in words only may have neither, with a reading)")
        if low is not None and high is not None and high < low:
            raise ValueError(f"high {high} is below low {low}")
        if q in (Qualifier.EXACT, Qualifier.ABOUT) and low != high:
            raise ValueError(f"an '{q.value}' figure needs high equal to low")
        if q is Qualifier.RANGE and (low is None or high is None or low == high):
            raise ValueError("a range needs a low and a higher high")
        if q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.VAGUE) and (low is None or high is not None):
            raise ValueError(f"a '{q.value}' figure needs a low and no high (high: null)")
        if q is Qualifier.UP_TO and (high is None or low is not None):
            raise ValueError("an 'up-to' figure needs a high and no low (low: null)")
        stated = _numbers_in(self.wording)
        if stated:
            missing = sorted({n for n in (low, high) if n is not None and n not in stated})
            if missing:
                raise ValueError(
                    f"{', '.join(f'{n:,}' for n in missing)} is not in the wording \"{self.wording}\""
                )
        elif self.reading is None:
            raise ValueError("wording without digits needs a reading: how the words give low and high")
        return self
