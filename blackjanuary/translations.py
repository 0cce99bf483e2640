"""The catalogue's own text in Azerbaijani and Russian, from `data/translations/<lang>.yaml`.

Each translated text is a pair: `en`, the English it was made from, and the
translation. A pair is used only while its `en` still matches the catalogue's
English, the translation keeps every phrase the English quotes (the sources'
own words, never translated) and every number the English writes. Otherwise
the loader warns, and the text falls back to English, marked as untranslated
(`UNTRANSLATED_MARK`), so a page never mixes languages silently.

Quotes, names of publications and the sources' own wording are not
translated here; places' names come from `places.yaml`'s `names`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loading import Catalog, Problem

TRANSLATED_LANGUAGES = ("az", "ru")
FOLDER = "translations"

# What is translated, by kind of record: the fields, and for narratives the
# teacher's notes (keyed by the step's event) and for sources the speakers'
# roles (keyed by the speaker).
FIELDS = {
    "events": ("title", "summary", "when", "when_note", "context"),
    "places": ("description",),
    "narratives": ("title", "description"),
    "claims": ("scope", "reading"),
    "sources": ("byline", "published_note", "trimmed", "occasion"),
}

# A key names one text: (kind, record id, field) or, for a note or a role,
# (kind, record id, "notes" | "speakers", step event | speaker id).
Key = tuple[str, ...]

_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def _unwrapped(text: str) -> str:
    """A translation as the app shows it: the file's line wrapping undone, paragraph breaks kept."""
    return "\n\n".join(flat(paragraph) for paragraph in re.split(r"\n\s*\n", text.strip()))


def flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def quoted_phrases(text: str) -> list[str]:
    """The phrases an English text puts in double quotation marks: the sources' own words."""
    return [flat(a or b) for a, b in _QUOTED.findall(text)]


def english_texts(catalog: Catalog) -> Iterator[tuple[Key, str]]:
    """Every translatable English text of the catalogue, with its key."""
    for event in catalog.events:
        for name in FIELDS["events"]:
            if getattr(event, name):
                yield ("events", event.id, name), getattr(event, name)
    for place in catalog.places.values():
        yield ("places", place.id, "description"), place.description
    for narrative in catalog.narratives.values():
        yield ("narratives", narrative.id, "title"), narrative.title
        yield ("narratives", narrative.id, "description"), narrative.description
        for step in narrative.steps:
            if step.note:
                yield ("narratives", narrative.id, "notes", step.event), step.note
    for claim in catalog.claims:
        for name in FIELDS["claims"]:
            if getattr(claim, name):
                yield ("claims", claim.id, name), getattr(claim, name)
    for source in catalog.sources.values():
        for name in FIELDS["sources"]:
            if getattr(source, name):
                yield ("sources", source.id, name), getattr(source, name)
        for speaker in source.speakers:
            yield ("sources", source.id, "speakers", speaker.id, "role"), speaker.role


def describe_key(key: Key) -> str:
    kind, record, *rest = key
    what = {"events": "event", "places": "place", "narratives": "narrative", "claims": "claim",
            "sources": "source"}[kind]
    if rest[0] == "notes":
        return f"{what} '{record}', the note on step '{rest[1]}'"
    if rest[0] == "speakers":
        return f"{what} '{record}', speaker '{rest[1]}', {rest[2]}"
    return f"{what} '{record}', {rest[0]}"


@dataclass(frozen=True)
class LanguageText:
    """One language's translations that passed the checks, and the keys left in English."""

    lang: str
    texts: dict[Key, str]
    untranslated: frozenset[Key]
    translated_by: str | None = None
    reviewed_by: str | None = None


def pair_problem(english: str, pair: Any, lang: str) -> str | None:
    """Why a pair cannot stand for the English text now, or None if it can."""
    if not isinstance(pair, dict) or set(pair) - {"en", lang}:
        return f"expected a pair with 'en' (the English translated) and '{lang}' (the translation)"
    made_from, text = pair.get("en"), pair.get(lang)
    if not isinstance(text, str) or not text.strip():
        return "missing: no translation yet"
    if not isinstance(made_from, str) or flat(made_from) != flat(english):
        return "stale: the English has changed since this was translated; translate it again and update 'en'"
    flat_text = flat(text)
    for phrase in quoted_phrases(english):
        if phrase not in flat_text:
            return f"the English quotes “{phrase}”; the translation must keep those words verbatim"
    if Counter(_DIGITS.findall(english)) != Counter(_DIGITS.findall(text)):
        wanted = " ".join(_DIGITS.findall(english)) or "none"
        return f"the numbers differ from the English ({wanted}); write them as the English does"
    return None


def _nested(data: Any, lines: dict, path: tuple) -> Iterator[tuple[tuple, Any]]:
    """Every pair in a translation file, with its path in the file, for keys the catalogue does not know."""
    if isinstance(data, dict) and ("en" in data or any(k in TRANSLATED_LANGUAGES for k in data)):
        yield path, data
        return
    if isinstance(data, dict):
        for name, value in data.items():
            yield from _nested(value, lines, (*path, name))


def file_path(key: Key) -> tuple:
    kind, record, *rest = key
    if rest[0] == "speakers":  # sources: {id: {speakers: {speaker: {role: pair}}}}
        return (kind, record, "speakers", rest[1], rest[2])
    return (kind, record, *rest)


def check_language(catalog: Catalog, data_dir: Path, lang: str) -> tuple[LanguageText, list[Problem]]:
    """Read one language's file and check it against the catalogue's English: (usable texts, warnings)."""
    from .loading import Problem, _label, _line_for, read_yaml

    path = data_dir / FOLDER / f"{lang}.yaml"
    label = _label(path)
    english = dict(english_texts(catalog))
    if not path.exists():
        problem = Problem(label, 0, f"no {lang} translation of the catalogue: every text is shown in English", "warning")
        return LanguageText(lang, {}, frozenset(english)), [problem]
    data, lines, problems = read_yaml(path, label, expect=dict)
    problems = [Problem(p.file, p.line, p.message, "warning") for p in problems]
    if not isinstance(data, dict):
        return LanguageText(lang, {}, frozenset(english)), problems
    if data.get("language") != lang:
        problems.append(Problem(label, _line_for(lines, ("language",)), f"language: should be '{lang}', as the file's name says", "warning"))
    texts: dict[Key, str] = {}
    for key, text in english.items():
        where = file_path(key)
        pair: Any = data
        for step in where:
            pair = pair.get(step) if isinstance(pair, dict) else None
        issue = pair_problem(text, pair, lang) if pair is not None else "missing: no translation yet"
        if issue:
            problems.append(Problem(label, _line_for(lines, where), f"{describe_key(key)}: {issue}", "warning"))
        else:
            texts[key] = _unwrapped(pair[lang])
    known = {file_path(key) for key in english}
    for where, _ in _nested({k: v for k, v in data.items() if k in FIELDS}, lines, ()):
        if where not in known:
            what = " → ".join(map(str, where))
            problems.append(Problem(label, _line_for(lines, where), f"{what}: the catalogue has no such text; remove it", "warning"))
    untranslated = frozenset(english) - set(texts)
    by = data.get("translated_by") if isinstance(data.get("translated_by"), str) else None
    reviewed = data.get("reviewed_by") if isinstance(data.get("reviewed_by"), str) else None
    return LanguageText(lang, texts, untranslated, by or None, reviewed or None), problems


def check_translations(catalog: Catalog, data_dir: Path) -> tuple[dict[str, LanguageText], list[Problem]]:
    """Every language's translations, checked; none where the data folder has no translations folder at all."""
    found: dict[str, LanguageText] = {}
    problems: list[Problem] = []
    if not (data_dir / FOLDER).is_dir():
        return found, problems
    for lang in TRANSLATED_LANGUAGES:
        found[lang], more = check_language(catalog, data_dir, lang)
        problems += more
    return found, problems


def counts(catalog: Catalog) -> dict[str, tuple[int, int]]:
    """Per language: (texts translated, texts in the catalogue)."""
    total = sum(1 for _ in english_texts(catalog))
    return {lang: (len(text.texts), total) for lang, text in catalog.translations.items()}


def localised(catalog: Catalog, lang: str, mark: str) -> Catalog:
    """The catalogue with its own text in `lang`: each translation that passed, else the English after `mark`.

    Quotes, citations and every field that is not text of ours stay as they are.
    """
    from dataclasses import replace

    language = catalog.translations.get(lang)
    if language is None:
        return catalog

    def text(key: Key, english: str) -> str:
        found = language.texts.get(key)
        return found if found is not None else f"{mark} {english}"

    def fields(kind: str, record: Any) -> dict[str, str]:
        return {name: text((kind, record.id, name), getattr(record, name))
                for name in FIELDS[kind] if getattr(record, name)}

    events = tuple(e.model_copy(update=fields("events", e)) for e in catalog.events)
    places = {i: p.model_copy(update=fields("places", p)) for i, p in catalog.places.items()}
    narratives = {
        i: n.model_copy(update={
            **fields("narratives", n),
            "steps": [s.model_copy(update={"note": text(("narratives", n.id, "notes", s.event), s.note)})
                      if s.note else s for s in n.steps],
        })
        for i, n in catalog.narratives.items()
    }
    claims = tuple(c.model_copy(update=fields("claims", c)) for c in catalog.claims)
    sources = {
        i: s.model_copy(update={
            **fields("sources", s),
            "speakers": [p.model_copy(update={"role": text(("sources", s.id, "speakers", p.id, "role"), p.role)})
                         for p in s.speakers],
        })
        for i, s in catalog.sources.items()
    }
    return replace(catalog, events=events, places=places, narratives=narratives, claims=claims, sources=sources,
                   language=lang, _by_id={}, _languages={})


def untranslated_notice(catalog: Catalog, lang: str) -> str | None:
    """In Azerbaijani or Russian, how many of the catalogue's texts are shown in English and how they are marked."""
    from .i18n import DEFAULT_LANGUAGE, language_name, tr

    if lang == DEFAULT_LANGUAGE:
        return None
    name = language_name(lang, lang)
    if lang not in catalog.translations:
        return tr(lang, "no_translation_notice", language=name)
    missing = len(catalog.untranslated(lang))
    if missing:
        return tr(lang, "untranslated_notice", count=missing, language=name, mark=tr(lang, "untranslated_mark"))
    return None


def translation_note(catalog: Catalog, lang: str) -> str:
    """That the catalogue's text is translated and the quotes are not, and, while nobody has, that no historian reviewed it.

    Empty in English, and in a language the catalogue has no translations into.
    """
    from .i18n import tr

    found = catalog.translations.get(lang)
    if found is None:
        return ""
    return " ".join([tr(lang, "translation_note")] + ([] if found.reviewed_by else [tr(lang, "translation_unreviewed")]))
