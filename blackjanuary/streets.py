"""The streets basemap built from OpenStreetMap by tools/build_basemap.py, and its labels in each language.

The build writes static/streets/ (not committed: OpenStreetMap's data, under
the ODbL). Every map reads it through here: the Explore component and the
offline file, the Present page's pydeck map and the export's SVG maps. When
it has not been built, `built()` is None and the maps draw the coarse
coastline and say that the streets are missing.

OpenStreetMap names Baku's streets in Azerbaijani only. A label takes the
catalogue's own name for a place of that Azerbaijani name where there is one
(Neftçilər prospekti is the catalogue's Neftchiler Avenue, проспект
Нефтяников); otherwise English and Russian get a letter-by-letter
transliteration, with the street's kind ("prospekti", "küçəsi") put in
words of the language. The map's note says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

STREETS_DIR = Path(__file__).resolve().parent.parent / "static" / "streets"
STREETS_URL = "/app/static/streets"
MANIFEST = "manifest.json"
# Drawn at every zoom, and only when zoomed in: the build's two levels of detail.
LAND_GEOJSON, ROADS_GEOJSON, STREETS_GEOJSON, METRO_GEOJSON = "land.geojson", "roads.geojson", "streets.geojson", "metro.geojson"
STREETS_MIN_ZOOM = 14

# Azerbaijani letters as English and Russian readers spell them: in English
# as English texts write Baku's names (q kept, as in Azadliq), in Russian as
# customary (q and h as г). Letters not listed are kept as they are.
_TO_LATIN = {
    "ç": "ch", "ş": "sh", "ə": "a", "ı": "i", "ğ": "gh", "x": "kh", "ö": "o", "ü": "u", "c": "j", "j": "zh",
    "İ": "I", "Ç": "Ch", "Ş": "Sh", "Ə": "A", "Ğ": "Gh", "X": "Kh", "Ö": "O", "Ü": "U", "C": "J", "J": "Zh",
}
_TO_CYRILLIC = {
    "a": "а", "b": "б", "c": "дж", "ç": "ч", "d": "д", "e": "е", "ə": "а", "f": "ф", "g": "г", "ğ": "г", "h": "г",
    "x": "х", "ı": "ы", "i": "и", "j": "ж", "k": "к", "q": "г", "l": "л", "m": "м", "n": "н", "o": "о", "ö": "ё",
    "p": "п", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ü": "ю", "v": "в", "y": "й", "z": "з", "w": "в",
}
# The kind of street, last in an Azerbaijani name: in English it stays last, in Russian it goes first.
KINDS = {
    "prospekti": {"en": "Avenue", "ru": "проспект"},
    "küçəsi": {"en": "Street", "ru": "улица"},
    "meydanı": {"en": "Square", "ru": "площадь"},
    "dairəsi": {"en": "Circle", "ru": "круг"},
    "bulvarı": {"en": "Boulevard", "ru": "бульвар"},
}


def _latin(word: str) -> str:
    return "".join(_TO_LATIN.get(letter, letter) for letter in word)


def _cyrillic(word: str) -> str:
    letters = "".join(_TO_CYRILLIC.get(letter.lower(), letter) for letter in word)
    if word[:1].lower() == "e":  # a word's first e is э in Russian: Elmlər, Эльмляр
        letters = "э" + letters[1:]
    return letters[:1].upper() + letters[1:] if word[:1].isupper() else letters


def transliterated(name: str, lang: str) -> str:
    """An Azerbaijani street or district name for an English or Russian reader; Azerbaijani as it is."""
    if lang not in ("en", "ru"):
        return name
    words = name.split()
    kind = KINDS.get(words[-1].lower()) if len(words) > 1 else None
    stem = words[:-1] if kind else words
    spelled = " ".join(_latin(w) if lang == "en" else _cyrillic(w) for w in stem)
    if not kind:
        return spelled
    return f"{spelled} {kind['en']}" if lang == "en" else f"{kind['ru']} {spelled}"


@dataclass(frozen=True)
class Streets:
    """A built streets basemap: its folder and its manifest (labels, road paths, extent, sizes)."""

    directory: Path
    manifest: dict

    def geojson(self, name: str) -> dict:
        return _read_json(self.directory / name, (self.directory / name).stat().st_mtime_ns)

    def road_path(self, name: str) -> list[tuple[float, float]] | None:
        """The [lat, lon] path of the OpenStreetMap road of that name, or None if the data has none."""
        path = self.manifest["road_paths"].get(name)
        return [(lat, lon) for lat, lon in path] if path else None

    @property
    def streets_bounds(self) -> list[float]:
        """West, south, east, north of the street data: beyond it the map shows no streets."""
        return self.manifest["streets_bounds"]

    def labels(self, lang: str, catalogue_names: dict[str, str]) -> list[dict]:
        """Road and district labels in `lang`: `text` (the shown name), `name` (OpenStreetMap's), `kind`, `position` ([lon, lat])."""
        rows = []
        for label in self.manifest["labels"]:
            name = label["name"]
            if lang == "az":
                text = name
            elif name in catalogue_names:
                text = catalogue_names[name]
            elif lang == "en" and label.get("name_en"):
                text = label["name_en"]
            else:
                text = transliterated(name, lang)
            rows.append({"text": text, "name": name, "kind": label["kind"], "position": label["position"]})
        return rows


@lru_cache(maxsize=8)
def _read_json(path: Path, _mtime_ns: int) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def manifest_path() -> Path:
    """Where the built basemap's manifest is, or would be: its change time says when the basemap was built."""
    return STREETS_DIR / MANIFEST


def built(directory: Path | None = None) -> Streets | None:
    """The streets basemap in `directory` (by default static/streets), or None where it has not been built."""
    folder = directory or STREETS_DIR
    manifest = folder / MANIFEST
    try:
        stamp = manifest.stat().st_mtime_ns
    except OSError:
        return None
    return Streets(folder, _read_json(manifest, stamp))
