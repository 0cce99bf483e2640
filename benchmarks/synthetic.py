"""A large, valid, deterministic data folder for benchmarks: many events and places built from the real sources.

Every synthetic quote is a real sentence of a real source text, so the loader
verifies it as it does the curated data. Titles say they are synthetic.
"""

from __future__ import annotations

import random
import re
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml

from blackjanuary.loading import DEFAULT_DATA_DIR, FILES, speaker_named
from blackjanuary.models import Category, Speaker
from blackjanuary.timeline import BAKU, RANGES, baku

SEED = 19900120
BAKU_BOX = (40.33, 49.76, 40.44, 49.95)  # south, west, north, east


def _sentences(text: str) -> list[str]:
    found = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 300]
    return [s for s in found if "\n\n" not in s]


def generate(out: Path | str, events: int = 10_000, places: int = 500, seed: int = SEED) -> Path:
    """Write a data folder with `events` events over `places` places; the same seed gives the same files."""
    rng = random.Random(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DEFAULT_DATA_DIR / "sources", out / "sources", dirs_exist_ok=True)
    shutil.copy(DEFAULT_DATA_DIR / FILES["sources"], out / FILES["sources"])
    sources = yaml.safe_load((out / FILES["sources"]).read_text(encoding="utf-8"))
    texts = {s["id"]: (out / s["file"]).read_text(encoding="utf-8") for s in sources}
    sentences = {source_id: _sentences(text) for source_id, text in texts.items()}

    def citation(source: dict) -> dict:
        """A real sentence of the source, attributed to the speaker its paragraph names, as the loader requires."""
        quote = rng.choice(sentences[source["id"]])
        row = {"source": source["id"], "quote": quote}
        for speaker in source.get("speakers", []):
            if speaker_named(texts[source["id"]], quote, Speaker(**speaker)):
                row["speaker"] = speaker["id"]
                break
        return row

    south, west, north, east = BAKU_BOX
    place_rows: list[dict[str, Any]] = []
    for i in range(places):
        lat, lon = round(rng.uniform(south, north), 5), round(rng.uniform(west, east), 5)
        row: dict[str, Any] = {
            "id": f"synthetic-place-{i:04d}",
            "name": f"Synthetic place {i}",
            "names": {"az": f"Sintetik yer {i}", "ru": f"Синтетическое место {i}"},
        }
        if i % 25 == 0:
            row |= {"kind": "line", "path": [[lat, lon], [round(lat + 0.004, 5), round(lon + 0.006, 5)]]}
        else:
            row |= {"kind": "point", "lat": lat, "lon": lon}
        row |= {"description": "Generated for benchmarks.", "coordinates_ref": "Random, seeded."}
        place_rows.append(row)

    night, january = RANGES["night"], RANGES["january"]
    event_rows = []
    categories = [c.value for c in Category]
    for i in range(events):
        roll = rng.random()
        if roll < 0.6:
            start = night.start + timedelta(hours=rng.randrange(0, 18))
            end = start + timedelta(hours=rng.choice([1, 2, 3, 6]))
        elif roll < 0.9:
            start = january.start + timedelta(hours=6 * rng.randrange(0, 40))
            end = start + timedelta(hours=6 * rng.choice([1, 2, 4]))
        else:
            year = rng.randrange(1987, 1994)
            start, end = baku(year, 1, 1), baku(year + 1, 1, 1)
        start, end = start.astimezone(BAKU), end.astimezone(BAKU)
        precision = "year" if roll >= 0.9 else "approximate"
        cited = rng.sample(sources, k=rng.randint(1, 3))
        event_rows.append(
            {
                "id": f"synthetic-event-{i:05d}",
                "title": f"Synthetic event {i}",
                "summary": "Generated for benchmarks; not a historical claim.",
                "start": start.isoformat(),
                "end": end.isoformat(),
                "precision": precision,
                # The window in words, as the loader asks of every edge.
                "when": f"generated: from {start:%H:%M on %d %B %Y} to {end:%H:%M on %d %B %Y}",
                "places": sorted({rng.choice(place_rows)["id"] for _ in range(rng.randint(1, 3))}),
                "category": rng.choice(categories),
                "citations": [citation(s) for s in cited],
            }
        )

    for name, rows in ((FILES["places"], place_rows), (FILES["events"], event_rows)):
        (out / name).write_text(
            "# Synthetic benchmark data: not a historical record.\n"
            + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    return out
