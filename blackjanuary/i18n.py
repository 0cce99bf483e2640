"""The interface in English, Azerbaijani and Russian: labels, help texts, and dates and times in words.

Only the interface is translated. The catalogue's titles and summaries are
written in English, and quotes stay in the language of their source.
"""

from __future__ import annotations

from .messages import MESSAGES

LANGUAGES = {"en": "English", "az": "Azərbaycanca", "ru": "Русский"}
DEFAULT_LANGUAGE = "en"

# Short and long month names; Russian dates take the genitive ("20 января"),
# a month on its own the nominative ("январь 1990").
MONTHS = {
    "en": {
        "short": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "day": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"],
        "alone": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"],
    },
    "az": {
        "short": ["yan", "fev", "mar", "apr", "may", "iyn", "iyl", "avq", "sen", "okt", "noy", "dek"],
        "day": ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
                "noyabr", "dekabr"],
        "alone": ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
                  "noyabr", "dekabr"],
    },
    "ru": {
        "short": ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
        "day": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                "октября", "ноября", "декабря"],
        "alone": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                  "октябрь", "ноябрь", "декабрь"],
    },
}
WEEKDAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "az": ["B.e.", "Ç.a.", "Ç.", "C.a.", "C.", "Ş.", "B."],
    "ru": ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
}


# The name of each language a source may be written in, in each interface language.
LANGUAGE_NAMES = {
    "en": {"en": "English", "az": "Azerbaijani", "ru": "Russian", "tr": "Turkish"},
    "az": {"en": "ingilis dilində", "az": "Azərbaycan dilində", "ru": "rus dilində", "tr": "türk dilində"},
    "ru": {"en": "на английском", "az": "на азербайджанском", "ru": "на русском", "tr": "на турецком"},
}


def language_name(code: str, lang: str) -> str:
    """A source's language named in the interface language; an unlisted code is shown as it is."""
    return LANGUAGE_NAMES[lang].get(code, code)


def language_or_default(asked: str | None) -> str:
    return asked if asked in LANGUAGES else DEFAULT_LANGUAGE


def plural_form(lang: str, count: int) -> str:
    """Which plural form a count takes: CLDR's rules for English and Russian."""
    if lang == "ru":
        if count % 10 == 1 and count % 100 != 11:
            return "one"
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return "few"
        return "many"
    return "one" if count == 1 else "other"


def tr(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang` (English where a translation is missing), filled with `values`.

    A message with plural forms picks one by the `count` value.
    """
    entry = MESSAGES[key]
    lang = lang if lang in entry else "en"
    text = entry[lang]
    if isinstance(text, dict):
        text = text[plural_form(lang, int(values["count"]))]
    return text.format(**values) if values else text


def month(lang: str, number: int, form: str = "alone") -> str:
    return MONTHS[lang][form][number - 1]


def weekday(lang: str, number: int) -> str:
    return WEEKDAYS[lang][number]


def measure_name(measure: str, lang: str) -> str:
    """A measure's label in the interface language; a curator's new measure reads as its id in words."""
    key = f"measure_{measure}"
    return tr(lang, key) if key in MESSAGES else measure.replace("-", " ").capitalize()
