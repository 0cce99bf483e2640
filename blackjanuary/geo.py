"""Distances between places on the WGS84 ellipsoid (geopy), and the plausibility checks built on them."""

from __future__ import annotations

import math

from geopy.distance import geodesic

from .i18n import tr
from .models import Place

# Wikipedia, "Baku": 40°23′43″N 49°52′56″E.
BAKU_CENTRE = (40.39528, 49.88222)
MAX_KM_FROM_CENTRE = 30.0
MAX_PATH_STEP_KM = 2.0
# A sphere's distance is within 0.6% of the ellipsoid's; a place whose distance on the sphere is this much past
# the nearest few cannot be among them, so the exact distance is worked out only for the few that can.
_SPHERE_KM = 6371.0088
_SPHERE_MARGIN = 1.03


def km_between(a: Place, b: Place) -> float:
    """The shortest distance between any point of `a` and any point of `b` (a line is its vertices)."""
    return min(geodesic(p, q).km for p in a.points for q in b.points)


def _sphere_km(a: Place, b: Place) -> float:
    """`km_between` on a sphere (haversine): cheap, and close enough to rule a place out."""
    best = math.inf
    for lat1, lon1 in a.points:
        for lat2, lon2 in b.points:
            p1, p2 = math.radians(lat1), math.radians(lat2)
            h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
            best = min(best, 2 * _SPHERE_KM * math.asin(min(1.0, math.sqrt(h))))
    return best


def nearby(place: Place, others: list[Place], limit: int = 4) -> list[tuple[Place, float]]:
    """The closest other places, nearest first, with their distance in kilometres on the ellipsoid.

    Only the places that can be among the nearest by their distance on the sphere are measured exactly, so
    a catalogue of 500 places takes 2,000 geodesics rather than 250,000.
    """
    rough = sorted(((_sphere_km(place, other), other) for other in others if other.id != place.id), key=lambda r: r[0])
    if not rough:
        return []
    reach = rough[min(limit, len(rough)) - 1][0] * _SPHERE_MARGIN
    pairs = [(other, km_between(place, other)) for km, other in rough if km <= reach]
    return sorted(pairs, key=lambda pair: (pair[1], pair[0].id))[:limit]


def describe_km(km: float, lang: str = "en") -> str:
    if km < 1:
        return tr(lang, "metres", value=f"{round(km * 1000, -1):.0f}")
    value = f"{km:.1f}" if km < 10 else f"{km:,.0f}"
    return tr(lang, "kilometres", value=value if lang == "en" else value.replace(",", " ").replace(".", ","))


def distances_text(place: Place, places: list[Place], lang: str = "en") -> str:
    """How far a place is from the others: its nearest neighbours in Baku, or Baku itself from afar."""
    if not place.in_baku:
        km = min(geodesic(p, BAKU_CENTRE).km for p in place.points)
        return tr(lang, "distance_from", distance=describe_km(km, lang), place=tr(lang, "baku"))
    near = nearby(place, [p for p in places if p.in_baku])
    return ", ".join(
        tr(lang, "distance_from", distance=describe_km(km, lang), place=other.name_in(lang)) for other, km in near
    )


def place_warnings(place: Place) -> list[str]:
    """Why the place's coordinates look wrong, if they do."""
    found = []
    if place.in_baku:
        far = max(geodesic(p, BAKU_CENTRE).km for p in place.points)
        if far > MAX_KM_FROM_CENTRE:
            found.append(
                f"place '{place.id}' is {far:.0f} km from Baku's centre but in_baku is true "
                f"(more than {MAX_KM_FROM_CENTRE:.0f} km; lat and lon swapped?)"
            )
    for i, (a, b) in enumerate(zip(place.points, place.points[1:]), start=1):
        step = geodesic(a, b).km
        if step > MAX_PATH_STEP_KM:
            found.append(
                f"place '{place.id}': path jumps {step:.1f} km between points {i} and {i + 1} "
                f"(more than {MAX_PATH_STEP_KM:.0f} km)"
            )
    return found
