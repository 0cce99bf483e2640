"""Build the committed coarse coastline: land of the Absheron coast around Baku, clipped and simplified.

Run once by a maintainer, never at app start. Input: the land polygons of
the npm package @geo-maps/earth-lands-10m (OpenStreetMap-derived, ODbL),
fetched with `npm pack @geo-maps/earth-lands-10m` and unpacked:

    npm pack @geo-maps/earth-lands-10m && tar xzf geo-maps-earth-lands-10m-0.6.0.tgz
    .venv/bin/python tools/build_coarse_land.py package/map.geo.json

Output: static/absheron-land.geojson (a few kilobytes)
with its attribution in the file's properties and in NOTICE.md beside it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from shapely import clip_by_rect, make_valid
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

# West, south, east, north: the Absheron peninsula, Baku Bay and its islands.
BOUNDS = (49.55, 40.18, 50.40, 40.62)
# Degrees; about 20 m at Baku's latitude, well inside the 150 m the places are held to.
TOLERANCE = 0.0002
# Islets smaller than this (square degrees, roughly 0.1 km²) are dropped.
MIN_AREA = 1e-5
OUT = Path(__file__).resolve().parent.parent / "static" / "absheron-land.geojson"
LAND_RGBA = [244, 241, 232, 255]  # drawn by deck.gl straight from the file
ATTRIBUTION = "© OpenStreetMap contributors (ODbL), via @geo-maps/earth-lands-10m 0.6.0"


def clipped_land(source: Path) -> dict:
    collection = json.loads(source.read_text(encoding="utf-8"))
    pieces = []
    for geometry in collection["geometries"]:
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for rings in polygons:
            lons = [p[0] for p in rings[0]]
            lats = [p[1] for p in rings[0]]
            if max(lons) < BOUNDS[0] or min(lons) > BOUNDS[2] or max(lats) < BOUNDS[1] or min(lats) > BOUNDS[3]:
                continue
            # clip_by_rect is fast on the continent-sized ring that holds Baku and
            # needs no validity check of the whole; the small result is repaired.
            piece = clip_by_rect(shape({"type": "Polygon", "coordinates": rings}), *BOUNDS)
            if not piece.is_empty:
                pieces.append(make_valid(piece))
    land = unary_union(pieces).simplify(TOLERANCE, preserve_topology=True)
    parts = [g for g in getattr(land, "geoms", [land]) if g.geom_type == "Polygon" and g.area >= MIN_AREA]
    features = [
        {"type": "Feature", "properties": {"kind": "land", "fill": LAND_RGBA}, "geometry": _rounded(mapping(part))}
        for part in parts
    ]
    return {
        "type": "FeatureCollection",
        "properties": {"attribution": ATTRIBUTION, "bounds": BOUNDS, "tolerance_degrees": TOLERANCE},
        "features": features,
    }


def _rounded(geometry: dict) -> dict:
    return {
        "type": geometry["type"],
        "coordinates": [[[round(x, 5), round(y, 5)] for x, y in ring] for ring in geometry["coordinates"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="map.geo.json of @geo-maps/earth-lands-10m")
    args = parser.parse_args()
    result = clipped_land(args.source)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, separators=(",", ":")), encoding="utf-8")
    points = sum(len(r) for f in result["features"] for r in f["geometry"]["coordinates"])
    print(f"wrote {OUT.name}: {len(result['features'])} polygons, {points} points, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
