"""The interface in English, Azerbaijani and Russian: messages from the gettext catalogues, dates from Babel.

The messages live in `locale/`: `messages.pot` holds the English, keyed by a
stable `msgctxt`, and `<lang>/LC_MESSAGES/messages.po` each translation, with
the English it was made from as `msgid`. They are read and compiled with
Babel when the package is first asked for a message; `catalogue_problems`
reports what a translator has left missing or stale.

Dates, month and weekday names and plural rules come from Babel's CLDR data.
The catalogue's own text (titles, summaries, ...) is translated in
`data/translations/`, see `blackjanuary.translations`; quotes stay in the
language of their source.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LANGUAGES = {"en": "English", "az": "Azərbaycanca", "ru": "Русский"}
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
TEMPLATE = LOCALE_DIR / "messages.pot"

# Date patterns (CLDR's pattern letters) for each use, in each language. The
# interface writes a date with its month in full in Azerbaijani and Russian,
# where the genitive ("20 января") is how a date is written, and abbreviated
# in English ("20 Jan 1990"). Short labels take CLDR's abbreviations as they
# are, the period included ("янв."): it is the correct Russian abbreviation.
# Russian dates go without CLDR's "г." after the year, as the interface always
# wrote them; a day of the week leads in every language ("сб 20 января 1990").
DATE_PATTERNS = {
    "day": {"en": "d MMM y", "az": "d MMMM y", "ru": "d MMMM y"},
    "long_day": {"en": "d MMMM y", "az": "d MMMM y", "ru": "d MMMM y"},
    "weekday_day": {"en": "EEE d MMM y", "az": "EEE d MMMM y", "ru": "EEE d MMMM y"},
    "day_month": {"en": "d MMM", "az": "d MMM", "ru": "d MMM"},
    "month_year": {"en": "LLLL y", "az": "LLLL y", "ru": "LLLL y"},
    "short_month_year": {"en": "LLL y", "az": "LLL y", "ru": "LLL y"},
}


def language_or_default(asked: str | None) -> str:
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE


def language_name(code: str, lang: str) -> str:
    """A source's language named in the interface language (Babel's CLDR names); an unknown code as it is."""
    return Locale.parse(lang).languages.get(code, code)


def plural_category(lang: str, count: int) -> str:
    """CLDR's plural category of a count: 'one' or 'other' in English and Azerbaijani; 'one', 'few' or 'many' in Russian."""
    return Locale.parse(lang).plural_form(count)


def format_day(day: date, lang: str, pattern: str = "day") -> str:
    """A date in words by one of `DATE_PATTERNS`: '20 Jan 1990', '20 yanvar 1990', '20 января 1990'."""
    return format_date(day, DATE_PATTERNS[pattern][lang], locale=lang)


# --- messages ---------------------------------------------------------------


def format_number(value: int | None, lang: str) -> str:
    """A whole number with the language's grouping (CLDR): 26,000; 26 000; empty for none."""
    return "" if value is None else format_decimal(value, locale=language_or_default(lang))


def _read(path: Path, lang: str | None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, abort_invalid=True)


def _by_key(catalogue: Catalog) -> dict[str, Message]:
    return {message.context: message for message in catalogue if message.id and message.context}


@cache
def template() -> dict[str, Message]:
    """The English messages by key."""
    return _by_key(_read(TEMPLATE, None))


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


@cache
def _translations(lang: str) -> Translations | None:
    """The language's catalogue compiled with Babel (fuzzy entries left out), or None for English."""
    if lang == DEFAULT_LANGUAGE:
        return None
    compiled = io.BytesIO()
    write_mo(compiled, _read(catalogue_path(lang), lang), use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled)


def has_message(key: str) -> bool:
    return key in template()


def tr(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang`, filled with `values`; English where the translation is missing or stale.

    A message with plural forms picks one by the `count` value, by the language's plural rule.
    """
    message = template()[key]
    translations = _translations(language_or_default(lang))
    if isinstance(message.id, tuple):
        singular, plural = message.id
        count = int(values["count"])  # type: ignore[call-overload]
        text = (translations.npgettext(key, singular, plural, count) if translations
                else (singular if count == 1 else plural))
    else:
        assert isinstance(message.id, str), f"message {key}: read_po gives a msgid as a str, or a tuple for plurals"
        # Babel annotates pgettext as returning `str | object`, but it returns the catalogue's str (or the msgid).
        text = translations.pgettext(key, message.id) if translations else message.id  # type: ignore[assignment]
    return text.format(**values) if values else text


def measure_name(measure: str, lang: str) -> str:
    """A measure's label in the interface language; a curator's new measure reads as its id in words."""
    key = f"measure_{measure}"
    return tr(lang, key) if has_message(key) else measure.replace("-", " ").capitalize()


# --- the catalogues' check ---------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class CatalogueProblem:
    path: Path
    line: int
    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(LOCALE_DIR.parent.parent)}:{self.line}: message '{self.key}': {self.problem}"


def _forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def catalogue_problems(lang: str, path: Path | None = None, english: dict[str, Message] | None = None) -> list[CatalogueProblem]:
    """What keeps a language's catalogue from matching the English template.

    Missing: a key of the template with no translation, or an empty one.
    Stale: the translation was made from other English than the template's
    now (its msgid differs), or a tool marked it fuzzy. Also: placeholders that
    differ from the English, plural forms the language's rule does not have,
    and keys the template no longer has.
    """
    path = path or catalogue_path(lang)
    catalogue = _read(path, lang)
    english = template() if english is None else english
    found = _by_key(catalogue)
    problems: list[CatalogueProblem] = []

    def report(message: Message | None, key: str, text: str) -> None:
        problems.append(CatalogueProblem(path, (message.lineno or 0) if message else 0, key, text))

    for key, source in english.items():
        message = found.get(key)
        if message is None:
            report(None, key, "missing: no translation of this message")
            continue
        if message.id != source.id:
            report(message, key, f"stale: translated from {_forms(message.id)[0]!r}, but the English is now "
                                 f"{_forms(source.id)[0]!r}; translate it again and update msgid")
        elif message.fuzzy:
            report(message, key, "stale: marked fuzzy; check the translation and remove the fuzzy flag")
        forms = _forms(message.string)
        if not all(form.strip() for form in forms) or not forms:
            report(message, key, "missing: the translation is empty")
            continue
        if isinstance(source.id, tuple) and len(forms) != catalogue.num_plurals:
            report(message, key, f"has {len(forms)} plural forms; {lang} needs {catalogue.num_plurals}")
        wanted = set(_PLACEHOLDER.findall(" ".join(_forms(source.id))))
        for form in forms:
            if set(_PLACEHOLDER.findall(form)) != wanted:
                report(message, key, f"placeholders {sorted(set(_PLACEHOLDER.findall(form)))} differ from "
                                     f"the English {sorted(wanted)}")
                break
    for key, message in found.items():
        if key not in english:
            report(message, key, "not in the template: remove it, or add the English to messages.pot")
    return problems


def update_catalogue(lang: str, path: Path | None = None, template_path: Path = TEMPLATE) -> list[CatalogueProblem]:
    """Merge the template into a language's catalogue with Babel, as `pybabel update` does.

    New messages are added empty; a message whose English changed keeps its
    old translation as a draft, marked fuzzy, until a translator checks it;
    messages the template no longer has are dropped. Returns what is left for
    a translator to do.
    """
    from babel.messages.pofile import write_po

    path = path or catalogue_path(lang)
    pot = _read(template_path, None)
    catalogue = _read(path, lang)
    catalogue.update(pot, no_fuzzy_matching=False, update_header_comment=False)
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=100, sort_output=False, ignore_obsolete=True)
    return catalogue_problems(lang, path, _by_key(pot))

