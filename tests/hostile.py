"""A copy of the data whose curator-written text carries markup that must stay inert, yet still validates."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

# Each tries a different way in: raw HTML, a script tag, a Markdown link to
# javascript:, a Markdown image that would fetch from a host we must never call.
PAYLOADS = (
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    "[link](javascript:window.__pwned=1)",
    "![img](http://example.invalid/x.png)",
)
HOSTILE = " ".join(PAYLOADS)

# The one quote made hostile: its source text gets the same payload right after
# the passage, so the quote is still verbatim and the data still validates.
QUOTED_SOURCE = "azernews"
QUOTED_EVENT = "deaths-in-the-streets"
QUOTE = "Blood stained the pavements of Neftchiler Avenue, 20 Yanvar Circle, and countless unnamed streets."


def _edit_yaml(path: Path, edit) -> None:
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    for record in records:
        edit(record)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _append(record: dict, *fields: str) -> None:
    for name in fields:
        record[name] = f"{record[name]} {HOSTILE}"


def _hostile_event(event: dict) -> None:
    _append(event, "title", "summary")
    if event.get("when_note"):
        _append(event, "when_note")
    for citation in event["citations"]:
        if event["id"] == QUOTED_EVENT and citation["quote"] == QUOTE:
            citation["quote"] = f"{QUOTE} {HOSTILE}"


def _hostile_source(source: dict) -> None:
    _append(source, "publisher", "title")
    for speaker in source.get("speakers", []):
        _append(speaker, "name", "role")  # not named_as: the text must still name them


def _hostile_translations(folder: Path) -> None:
    """Bring each translation up to date with the hostile English, and make the translation hostile too."""
    from blackjanuary.loading import check
    from blackjanuary.translations import FOLDER, english_texts, file_path

    catalog, problems = check(folder)
    assert catalog is not None, [str(p) for p in problems if p.severity == "error"]
    english = dict(english_texts(catalog))
    for path in sorted((folder / FOLDER).glob("*.yaml")):
        lang = path.stem
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, text in english.items():
            pair = data
            for step in file_path(key):
                pair = pair.get(step) if isinstance(pair, dict) else None
            if isinstance(pair, dict) and HOSTILE in text and HOSTILE not in pair.get(lang, ""):
                pair["en"], pair[lang] = text, f"{pair[lang]} {HOSTILE}"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def write_hostile_copy(original: Path, folder: Path) -> Path:
    """Copy the data folder `original` to `folder`, with every event title, summary and note on
    when, place name and description, source publisher and title, speaker name and role, and
    one quote carrying HOSTILE; the Azerbaijani and Russian translations of those texts carry it too."""
    shutil.copytree(original, folder)
    _edit_yaml(folder / "events.yaml", _hostile_event)
    _edit_yaml(folder / "places.yaml", lambda place: _append(place, "name", "description"))
    _edit_yaml(folder / "sources.yaml", _hostile_source)
    text_path = folder / "sources" / f"{QUOTED_SOURCE}.txt"
    text = text_path.read_text(encoding="utf-8")
    assert text.count(QUOTE) == 1, f"the passage to make hostile is not exactly once in {text_path.name}"
    text_path.write_text(text.replace(QUOTE, f"{QUOTE} {HOSTILE}"), encoding="utf-8")
    if (folder / "translations").is_dir():
        _hostile_translations(folder)
    return folder
