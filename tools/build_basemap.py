"""Build the streets basemap from OpenStreetMap data: roads by class, the true shore, the metro, labels.

Run by `make basemap` (and so by `make run` and `make test`) from a folder of
OpenStreetMap extracts, by default ../shared/osm (`OSM_DIR` overrides it):

    .venv/bin/python tools/build_basemap.py --osm ../shared/osm

or, for someone online, straight from an Overpass API server (the query is
`OVERPASS_QUERY` below, and in the README):

    .venv/bin/python tools/build_basemap.py --overpass https://overpass-api.de/api/interpreter

The result goes to static/streets/, which git ignores: the data is
OpenStreetMap's (ODbL, "© OpenStreetMap contributors") and the project
commits none of it. Without input the app draws the coarse coastline in
static/absheron-land.geojson and says on the map that the streets are missing.

What it writes, and why so little: software WebGL in a classroom's browser
draws every vertex at every frame, so the roads are simplified to a few
metres and split in two levels of detail: `roads.geojson` (avenues,
primary, secondary and tertiary roads), drawn at every zoom, and
`streets.geojson` (residential roads and pedestrian streets), drawn only
when zoomed in. `land.geojson` is the land with the true shore inside the
OpenStreetMap extract and the coarse shore beyond it; `metro.geojson` the
metro lines. Each road and line carries its colour and width, so that every
map draws them alike. `manifest.json` carries the labels (avenues and
districts, in Azerbaijani as OpenStreetMap names them), the path of
every named road (for the catalogue's places that follow one), the extent
of the street data, the attribution and the size of each file.
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import sys
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from shapely.geometry import LineString, MultiLineString, Point, Polygon, box, shape
from shapely.ops import linemerge, split, unary_union

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "streets"
COARSE_LAND = ROOT / "static" / "absheron-land.geojson"
ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)"
# The files of an OpenStreetMap folder, as ../shared/osm/README.md describes them.
STREETS, LAND, METRO_LINES, PLACES = (
    "baku_streets_osm.geojson", "baku_land_osm.geojson", "baku_metro_lines_osm.geojson", "baku_places_osm.geojson",
)
# West, south, east, north of what an Overpass query asks for: central Baku and the bay.
OVERPASS_BOX = (49.70, 40.30, 50.00, 40.46)
# OSM `highway` values by the five classes the map draws, major first (the folder's `class_code`).
HIGHWAY_CLASSES = (
    ("motorway", "trunk", "primary"),
    ("motorway_link", "trunk_link", "primary_link", "secondary"),
    ("secondary_link", "tertiary", "tertiary_link"),
    ("unclassified", "residential"),
    ("living_street", "pedestrian"),
)
MAIN_CLASSES = {0, 1, 2}  # roads.geojson; the rest go to streets.geojson
# Each class's colour and width in pixels, kept in the features so that every map (deck.gl in the
# browser, pydeck, the SVG export) draws them alike: avenues bold, then lighter, residential faint.
ROAD_STYLE = {
    0: ([168, 156, 138, 255], 3.2),
    1: ([182, 172, 156, 255], 2.2),
    2: ([196, 188, 175, 255], 1.6),
    3: ([212, 205, 194, 255], 1.0),
    4: ([218, 212, 202, 255], 0.8),
}
# The metro lines by the folder's `line` names; from Overpass a line's own `colour` tag is used.
# Pale and thin: the metro orients, and its red line must not read as a place with events at the step.
METRO_COLOURS = {"red": [214, 130, 140, 150], "green": [110, 170, 125, 150], "purple": [160, 135, 195, 150]}
METRO_OTHER = [150, 150, 165, 150]
METRO_WIDTH = 1.5
# Degrees of simplification (Douglas-Peucker): about 4 m for the roads, 3 m for the shore.
ROAD_TOLERANCE = 0.00004
SHORE_TOLERANCE = 0.00003
DECIMALS = 5  # about 1 m
# An avenue (a "prospekti") this long in all gets a label: more would bury the places' own labels.
AVENUE_LABEL_MIN_M = 1000
AVENUE = "prospekti"
ROAD_PATH_MIN_M = 200  # a named road this long gets its path traced for the catalogue
JOIN_GAP_M = 300  # pieces of one named road closer than this are joined into one path
PATH_STEP_M = 100  # at most this far between the points of a road's path
DISTRICT_KINDS = {"suburb", "quarter", "neighbourhood", "locality"}
M_PER_DEGREE = 111_320

OVERPASS_QUERY = """[out:json][timeout:180];
(
  way["highway"~"^(motorway|trunk|primary|secondary|tertiary|unclassified|residential|living_street|pedestrian)(_link)?$"]({s},{w},{n},{e});
  way["natural"="coastline"]({s},{w},{n},{e});
  way["railway"="subway"]({s},{w},{n},{e});
  node["place"~"^(suburb|quarter|neighbourhood|locality)$"]({s},{w},{n},{e});
);
out geom;"""


@dataclass
class OsmData:
    """What the basemap is made of, whichever way it was read: lines as [(lon, lat), ...]."""

    roads: list[tuple[int, str | None, list[tuple[float, float]]]] = field(default_factory=list)
    land_box: tuple[float, float, float, float] = OVERPASS_BOX
    land: list[Polygon] = field(default_factory=list)
    metro: list[tuple[list[int], list[tuple[float, float]]]] = field(default_factory=list)
    districts: list[dict] = field(default_factory=list)


# --- reading --------------------------------------------------------------


def _features(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def read_folder(folder: Path) -> OsmData:
    """The five GeoJSON files of an OpenStreetMap folder (see ../shared/osm/README.md)."""
    data = OsmData()
    for feature in _features(folder / STREETS)["features"]:
        props = feature["properties"]
        data.roads.append((int(props["class_code"]), props.get("name"), [tuple(p) for p in feature["geometry"]["coordinates"]]))
    land = _features(folder / LAND)
    data.land_box = tuple(land["bbox"])  # type: ignore[assignment]
    data.land = [shape(f["geometry"]) for f in land["features"]]
    for feature in _features(folder / METRO_LINES)["features"]:
        colour = METRO_COLOURS.get(feature["properties"].get("line"), METRO_OTHER)
        data.metro.append((colour, [tuple(p) for p in feature["geometry"]["coordinates"]]))
    for feature in _features(folder / PLACES)["features"]:
        props = feature["properties"]
        if props.get("place") in DISTRICT_KINDS:
            lon, lat = feature["geometry"]["coordinates"]
            data.districts.append({"name": props["name"], "name_en": props.get("name_en"), "lon": lon, "lat": lat})
    return data


def overpass_query(bounds: tuple[float, float, float, float] = OVERPASS_BOX) -> str:
    west, south, east, north = bounds
    return OVERPASS_QUERY.format(w=west, s=south, e=east, n=north)


def fetch_overpass(url: str, bounds: tuple[float, float, float, float] = OVERPASS_BOX, timeout: float = 240) -> dict:
    """Overpass JSON for the query, POSTed to an Overpass API `interpreter` URL."""
    body = urllib.parse.urlencode({"data": overpass_query(bounds)}).encode()
    request = urllib.request.Request(url, data=body, headers={"User-Agent": "blackjanuary-basemap"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def read_overpass(answer: dict, bounds: tuple[float, float, float, float] = OVERPASS_BOX) -> OsmData:
    """The same data out of an Overpass answer (`out geom`): the land is cut from the box along the coastline."""
    classes = {value: n for n, values in enumerate(HIGHWAY_CLASSES) for value in values}
    data = OsmData(land_box=bounds)
    coastline = []
    for element in answer.get("elements", []):
        tags = element.get("tags", {})
        if element["type"] == "node":
            if tags.get("place") in DISTRICT_KINDS and tags.get("name"):
                data.districts.append({"name": tags["name"], "name_en": tags.get("name:en"),
                                       "lon": element["lon"], "lat": element["lat"]})
            continue
        line = [(p["lon"], p["lat"]) for p in element.get("geometry", [])]
        if len(line) < 2:
            continue
        if tags.get("highway") in classes:
            data.roads.append((classes[tags["highway"]], tags.get("name"), line))
        elif tags.get("natural") == "coastline":
            coastline.append(line)
        elif tags.get("railway") == "subway":
            data.metro.append((_hex_colour(tags.get("colour")), line))
    data.land = land_from_coastline(coastline, bounds)
    return data


def _hex_colour(tag: str | None) -> list[int]:
    """An OSM `colour` tag ("#E21E26") paled halfway to white, as the folder's metro colours are, else a grey."""
    if not tag or len(tag) != 7 or not tag.startswith("#"):
        return METRO_OTHER
    try:
        return [(int(tag[i:i + 2], 16) + 255) // 2 for i in (1, 3, 5)] + [METRO_OTHER[3]]
    except ValueError:
        return METRO_OTHER


def land_from_coastline(lines: list[list[tuple[float, float]]], bounds: tuple[float, float, float, float]) -> list[Polygon]:
    """The box cut along the coastline; a piece is land where it lies left of the line (OSM puts the sea on the right)."""
    area = box(*bounds)
    if not lines:
        return [area]
    shore = linemerge(MultiLineString(lines))
    pieces = list(split(area, shore).geoms)
    segments = [seg for line in getattr(shore, "geoms", [shore]) for seg in pairwise(line.coords)]

    def is_land(piece: Polygon) -> bool:
        point = piece.representative_point()
        (x0, y0), (x1, y1) = min(segments, key=lambda s: LineString(s).distance(point))
        return (x1 - x0) * (point.y - y0) - (y1 - y0) * (point.x - x0) > 0

    return [piece for piece in pieces if is_land(piece)]


# --- building -------------------------------------------------------------


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    dx = (b[0] - a[0]) * M_PER_DEGREE * math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot(dx, (b[1] - a[1]) * M_PER_DEGREE)


def _length(line: list[tuple[float, float]]) -> float:
    return sum(_metres(a, b) for a, b in pairwise(line))


def _round_line(coords) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in coords:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _round_geometry(geometry) -> dict:
    """A polygon geometry as GeoJSON, rounded; rings that rounding collapses are dropped."""
    polygons = getattr(geometry, "geoms", [geometry])
    coordinates = []
    for polygon in polygons:
        rings = [_round_line(ring.coords) for ring in (polygon.exterior, *polygon.interiors)]
        if len(rings[0]) >= 4:
            coordinates.append([r for r in rings if len(r) >= 4])
    return {"type": "MultiPolygon", "coordinates": coordinates}


def land_collection(data: OsmData) -> dict:
    """The true shore inside the OpenStreetMap box, the committed coarse shore outside it, as one land."""
    inside = box(*data.land_box)
    coarse = unary_union([shape(f["geometry"]) for f in _features(COARSE_LAND)["features"]])
    fine = unary_union(data.land).intersection(inside).simplify(SHORE_TOLERANCE, preserve_topology=True)
    land = unary_union([coarse.difference(inside), fine])
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": _round_geometry(land)}]}


def road_collections(data: OsmData) -> tuple[dict, dict]:
    """(main roads, minor streets): each class's ways merged into long lines and simplified."""
    by_class: dict[int, list] = defaultdict(list)
    for road_class, _, line in data.roads:
        by_class[road_class].append(line)
    main: list[dict] = []
    minor: list[dict] = []
    for road_class in sorted(by_class):
        merged = linemerge(MultiLineString(by_class[road_class]))
        for line in getattr(merged, "geoms", [merged]):
            coords = _round_line(line.simplify(ROAD_TOLERANCE).coords)
            if len(coords) >= 2:
                colour, width = ROAD_STYLE[road_class]
                feature = {"type": "Feature", "properties": {"c": road_class, "colour": colour, "width": width},
                           "geometry": {"type": "LineString", "coordinates": coords}}
                (main if road_class in MAIN_CLASSES else minor).append(feature)
    return {"type": "FeatureCollection", "features": main}, {"type": "FeatureCollection", "features": minor}


def metro_collection(data: OsmData) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"colour": colour, "width": METRO_WIDTH},
         "geometry": {"type": "LineString", "coordinates": _round_line(coords)}}
        for colour, coords in data.metro
    ]}


def _named_roads(data: OsmData) -> dict[str, list[list[tuple[float, float]]]]:
    named: dict[str, list] = defaultdict(list)
    for _, name, line in data.roads:
        if name:
            named[name].append(line)
    return named


def _longest_route(lines: list[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """Per connected piece of a road's ways, its longest route end to end (a dual carriageway gives one side)."""
    graph: dict[tuple[float, float], dict[tuple[float, float], float]] = defaultdict(dict)
    for line in lines:
        for a, b in pairwise(line):
            graph[a][b] = graph[b][a] = _metres(a, b)

    def farthest(start):
        distance, previous = {start: 0.0}, {}
        queue = [(0.0, start)]
        while queue:
            d, node = heapq.heappop(queue)
            if d > distance[node]:
                continue
            for other, w in graph[node].items():
                if d + w < distance.get(other, math.inf):
                    distance[other], previous[other] = d + w, node
                    heapq.heappush(queue, (d + w, other))
        end = max(distance, key=distance.__getitem__)
        return end, distance, previous

    routes, seen = [], set()
    for node in list(graph):
        if node in seen:
            continue
        one_end, reached, _ = farthest(node)
        seen |= set(reached)
        other_end, _, previous = farthest(one_end)
        route = [other_end]
        while route[-1] != one_end:
            route.append(previous[route[-1]])
        routes.append(route)
    return routes


def _local(line: list[tuple[float, float]]) -> LineString:
    """A line in metres east and north of a point in Baku, where distances between roads are measured."""
    scale = M_PER_DEGREE * math.cos(math.radians(40.37))
    return LineString([(lon * scale, lat * M_PER_DEGREE) for lon, lat in line])


def road_path(lines: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One path along a named road: its longest piece, with the pieces that carry it on joined at either end.

    A piece that runs mostly beside the path (the other carriageway) is left out.
    """
    routes = sorted(_longest_route(lines), key=_length, reverse=True)
    path = list(routes.pop(0))
    routes = [r for r in routes if _share_beside(r, path) < 0.5]
    while routes:
        gap, n, piece_end, at_start = min(
            (_metres(end, route[i]), n, i, end is path[0])
            for n, route in enumerate(routes) for end in (path[0], path[-1]) for i in (0, -1)
        )
        if gap > JOIN_GAP_M:
            break
        piece = routes.pop(n)
        # Prepended, the piece must end where the path starts; appended, start where it ends.
        if at_start:
            path = (piece if piece_end == -1 else piece[::-1]) + path
        else:
            path = path + (piece if piece_end == 0 else piece[::-1])
        routes = [r for r in routes if _share_beside(r, path) < 0.5]
    return path


def _share_beside(piece: list[tuple[float, float]], path: list[tuple[float, float]], within_m: float = 60) -> float:
    """How much of a piece's points lie within `within_m` of the path."""
    along = _local(path)
    points = _local(piece).coords
    return sum(along.distance(Point(p)) <= within_m for p in points) / len(points)


def _densified(line: list[tuple[float, float]], max_m: float = PATH_STEP_M) -> list[tuple[float, float]]:
    """The line with points added so that none is more than `max_m` from the next."""
    out = [line[0]]
    for a, b in pairwise(line):
        pieces = math.ceil(_metres(a, b) / max_m)
        out += [(a[0] + (b[0] - a[0]) * i / pieces, a[1] + (b[1] - a[1]) * i / pieces) for i in range(1, pieces + 1)]
    return out


def road_paths(data: OsmData) -> dict[str, list[list[float]]]:
    """Each named road's path as [lat, lon] points, simplified like the roads: what a line place can follow.

    Long straight stretches get points every PATH_STEP_M: the app measures a
    line's distance to other places from its points.
    """
    out = {}
    for name, lines in sorted(_named_roads(data).items()):
        if sum(_length(line) for line in lines) < ROAD_PATH_MIN_M:
            continue
        simplified = LineString(road_path(lines)).simplify(ROAD_TOLERANCE)
        out[name] = [[lat, lon] for lon, lat in _round_line(_densified(list(simplified.coords)))]
    return out


def labels(data: OsmData) -> list[dict]:
    """Avenue labels at the middle of each long avenue, and district labels, with their OSM names."""
    rows = []
    main = defaultdict(list)
    for road_class, name, line in data.roads:
        if name and name.endswith(AVENUE) and road_class in {0, 1}:
            main[name].append(line)
    for name, lines in sorted(main.items()):
        if sum(_length(line) for line in lines) < AVENUE_LABEL_MIN_M:
            continue
        merged = linemerge(MultiLineString(lines))
        longest = max(getattr(merged, "geoms", [merged]), key=lambda g: g.length)
        middle = longest.interpolate(0.5, normalized=True)
        rows.append({"kind": "road", "name": name, "position": [round(middle.x, DECIMALS), round(middle.y, DECIMALS)]})
    west, south, east, north = data.land_box
    for district in data.districts:
        if west <= district["lon"] <= east and south <= district["lat"] <= north:
            row = {"kind": "district", "name": district["name"],
                   "position": [round(district["lon"], DECIMALS), round(district["lat"], DECIMALS)]}
            if district.get("name_en") and district["name_en"] != district["name"]:
                row["name_en"] = district["name_en"]
            rows.append(row)
    return rows


def build(data: OsmData, out: Path = OUT) -> dict:
    """Write the basemap's files into `out`; the manifest, with what was chosen and every file's size."""
    roads, streets = road_collections(data)
    files = {
        "land.geojson": land_collection(data),
        "roads.geojson": roads,
        "streets.geojson": streets,
        "metro.geojson": metro_collection(data),
    }
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, collection in files.items():
        (out / name).write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
        sizes[name] = (out / name).stat().st_size
    lons = [x for _, _, line in data.roads for x, _ in line]
    lats = [y for _, _, line in data.roads for _, y in line]
    manifest = {
        "attribution": ATTRIBUTION,
        "streets_bounds": [min(lons), min(lats), max(lons), max(lats)] if lons else None,
        "chosen": {
            "road_tolerance_degrees": ROAD_TOLERANCE, "shore_tolerance_degrees": SHORE_TOLERANCE,
            "decimals": DECIMALS, "main_classes": sorted(MAIN_CLASSES),
        },
        "labels": labels(data),
        "road_paths": road_paths(data),
        "sizes": sizes,
    }
    # Written last: the app takes the basemap as built only once the manifest is there.
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return manifest


def _report(manifest: dict, manifest_bytes: int, files: dict[str, dict]) -> str:
    chosen = manifest["chosen"]
    lines = [
        f"roads simplified at {chosen['road_tolerance_degrees']}° (~{chosen['road_tolerance_degrees'] * M_PER_DEGREE:.0f} m), "
        f"shore at {chosen['shore_tolerance_degrees']}°, coordinates to {chosen['decimals']} decimals; "
        "roads.geojson (classes 0-2) at every zoom, streets.geojson (residential, pedestrian) zoomed in only",
    ]
    sizes = {**manifest["sizes"], "manifest.json": manifest_bytes}
    lines += [f"  {name}: {size:,} bytes" for name, size in sizes.items()]
    lines.append(f"  total: {sum(sizes.values()):,} bytes; {len(manifest['labels'])} labels, "
                 f"{len(manifest['road_paths'])} road paths, {sum(len(c['features']) for c in files.values())} features")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--osm", type=Path, help="a folder of OpenStreetMap GeoJSON files, as ../shared/osm holds")
    source.add_argument("--overpass", metavar="URL", help="an Overpass API interpreter URL to fetch the data from")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the basemap (default: static/streets)")
    args = parser.parse_args(argv)
    if args.osm is not None and not (args.osm / STREETS).is_file():
        print(f"no OpenStreetMap data in {args.osm}: the map keeps the coarse coastline and says the streets are missing "
              "(see the README, 'The streets basemap')", file=sys.stderr)
        return 0
    data = read_folder(args.osm) if args.osm is not None else read_overpass(fetch_overpass(args.overpass))
    manifest = build(data, args.out)
    files = {name: _features(args.out / name) for name in manifest["sizes"] if name.endswith(".geojson")}
    print(f"wrote {args.out.resolve().relative_to(ROOT) if args.out.resolve().is_relative_to(ROOT) else args.out}:\n{_report(manifest, (args.out / 'manifest.json').stat().st_size, files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
