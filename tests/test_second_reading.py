"""A second reading of the catalogue: each thing that would have misled a student, read off the shipped data.

Every test reads what the data says now and fails on the text it replaced;
the rules that came with the reading (the publication's own voice, context
with its reference, who the sources are, the unreviewed translation) are
also tried on the tiny data folder, good and bad.
"""

from __future__ import annotations

import json
import re

import pytest
from helpers import open_page, run_app, texts
from problems import assert_reported, errors

from blackjanuary import check
from blackjanuary.attribution import citation_attribution
from blackjanuary.export import html_export
from blackjanuary.formats import csv_rows, geojson_export, timelinejs_export
from blackjanuary.offline_explorer import explorer_html
from blackjanuary.panel import panel_data
from blackjanuary.present import slides
from blackjanuary.provenance import context_line, outside_the_texts, who_the_sources_are
from blackjanuary.range_view import range_view
from blackjanuary.text import html_escape
from blackjanuary.timeline import BAKU, Status, baku, step_status
from blackjanuary.translations import translation_note

NIGHT_VIOLENCE = ["shooting-at-civilians", "deaths-in-the-streets", "ambulances-fired-on", "tanks-crush-cars",
                  "families-search-hospitals"]
# The night's events that no text times: they start no earlier than the troops' entry, and only that bounds them.
BORROWED_START = NIGHT_VIOLENCE + ["detentions", "casualty-figures"]


def _unquoted(text: str) -> str:
    """The text with everything inside quotation marks taken out: what is said in our own voice."""
    return re.sub(r"\"[^\"]*\"|“[^”]*”", "", " ".join(text.split()))


def _sentences_with(text: str, words: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+", " ".join(text.split())) if words in s]


# --- 1. the killing was not over by 07:00 -----------------------------------------------


@pytest.mark.parametrize("event_id", NIGHT_VIOLENCE)
def test_the_nights_violence_is_not_ended_at_seven(catalog, event_id):
    event = catalog.require_event(event_id)
    noon = baku(1990, 1, 20, 12)
    assert event.end is None or (event.end >= noon and event.end_uncertain), (event.end, event.end_uncertain)
    assert "07:00" not in (event.time_ref or "") + event.when


@pytest.mark.parametrize("place_id", ["20-yanvar-circle", "neftchiler-avenue"])
def test_the_streets_do_not_go_dark_at_the_seven_oclock_step(catalog, place_id):
    at = baku(1990, 1, 20, 7)
    statuses = {step_status(e, at, baku(1990, 1, 20, 8)) for e in catalog.events_at(place_id)}
    assert Status.ACTIVE in statuses or Status.OPEN in statuses


def test_the_seven_oclock_step_says_nothing_is_over_where_shooting_was(catalog):
    view = range_view(catalog, "night")
    seven = next(i for i, s in enumerate(view.steps) if s.astimezone(BAKU).hour == 7)
    assert "shooting-at-civilians" in view.index.active[seven]
    assert "shooting-at-civilians" not in view.index.past[seven]


# --- 2. the troops' entry ----------------------------------------------------------------------


def test_the_troops_entry_is_titled_by_what_the_texts_agree_on(catalog):
    event = catalog.require_event("troops-enter-baku")
    assert "sea" not in event.title.lower()
    assert "baku-bay" not in event.places and "baku-bay" not in catalog.places
    assert "several directions" not in event.summary
    # The sea is the magazine's claim, in its words, with the navy's date beside it.
    assert "\"by the land and sea\"" in event.summary and "24 January" in event.summary
    assert "24 January" in (event.time_ref or "")


def test_teen_voice_s_assault_stays_in_its_own_words(catalog):
    summary = catalog.require_event("troops-enter-baku").summary
    own = _unquoted(summary)
    assert "assault" not in own and " notes " not in own
    assert "\"For the first time, the army of the USSR assaulted a Soviet city in peacetime\"" in " ".join(summary.split())


# --- 3. trust in Moscow, 4. the unannounced hours ---------------------------------------


def test_trust_in_moscow_begins_after_20_january(catalog):
    event = catalog.require_event("trust-in-moscow-collapses")
    assert event.start >= baku(1990, 1, 21) and event.start_uncertain
    assert "after 20 January" in event.when and event.summary.startswith("After 20 January")


def test_the_hours_between_the_decree_and_its_announcement_are_an_event(catalog):
    before = catalog.require_event("no-emergency-in-baku")
    announced = catalog.require_event("emergency-announced")
    gap = catalog.require_event("emergency-unannounced")
    assert (gap.start, gap.end) == (before.end, announced.start)
    assert {"news-az", "teen-voice"} <= set(gap.source_ids)
    assert any("before the declaration of a state of emergency" in c.quote for c in gap.citations)
    # Through the night the state of emergency is in force and the page says so at each step.
    view = range_view(catalog, "night")
    hours = [i for i, s in enumerate(view.steps) if baku(1990, 1, 20) <= s < baku(1990, 1, 20, 7)]
    assert hours and all("emergency-unannounced" in view.index.active[i] for i in hours)


# --- 5. who the sources are ----------------------------------------------------------------------


def test_who_the_sources_are_in_one_line(catalog):
    line = who_the_sources_are(catalog, "en")
    assert "Azerbaijan (3): News.az, Trend News Agency, Azernews" in line
    assert "Kazakhstan (1): Teen Voice" in line
    assert "country not known (1)" in line
    assert "No Soviet, Russian or Armenian voice is among them" in line
    assert "36 years later" in line


@pytest.mark.parametrize("lang, country, missing", [
    ("az", "Azərbaycan (3)", "sovet, rus və ya erməni səsi yoxdur"),
    ("ru", "Азербайджан (3)", "нет ни советского, ни российского, ни армянского голоса"),
])
def test_who_the_sources_are_in_each_language(catalog, lang, country, missing):
    line = who_the_sources_are(catalog.in_language(lang), lang)
    assert country in line and missing in line


def test_the_line_counts_what_sources_yaml_says(make_data):
    """Made from the data: a publisher's country changes the groups, and a Russian text drops 'no Russian voice'."""
    from blackjanuary import load

    folder = make_data(edits=[("sources.yaml", "  genre: report\n", "  genre: report\n  country: RU\n")])
    line = who_the_sources_are(load(folder), "en")
    assert "Russia (1): The Paper" in line
    assert "No Soviet, Russian or Armenian voice" not in line


def test_every_export_and_page_says_who_the_sources_are(catalog):
    line = who_the_sources_are(catalog, "en")
    assert geojson_export(catalog)["metadata"]["sources_note"] == line
    assert {s["country"] for s in geojson_export(catalog)["metadata"]["sources"]} == {"AZ", "KZ", None}
    assert html_escape(line) in json.dumps(timelinejs_export(catalog), ensure_ascii=False)
    assert {r["publisher_country"] for r in csv_rows(catalog)} == {"AZ", "KZ", None}
    for narrative in catalog.narratives.values():
        page = html_export(catalog, narrative)
        title_slide = page[page.index('id="title"'):page.index('id="step-1"')]
        assert line.split(":")[0] in title_slide and "Azerbaijan (3)" in title_slide
    assert "Azerbaijan (3)" in explorer_html(catalog)


def test_explore_says_who_the_sources_are_with_a_link_to_them():
    at = run_app()
    assert not at.exception
    shown = texts(at)
    assert "Who the sources are: Azerbaijan 3; Kazakhstan 1; country not known 1." in shown  # the short form
    assert "No Soviet, Russian or Armenian voice is among them" in shown
    links = [p for p in at.get("page_link") if p.proto.page == "sources"]
    assert links and links[0].proto.label == "About each source"


def test_present_s_title_slide_says_who_the_sources_are():
    at = open_page("app_pages/present.py", {"narrative": "night-hour-by-hour"})
    assert not at.exception
    assert "Who the sources are: Azerbaijan (3)" in texts(at)


def test_the_sources_page_gives_each_source_s_country_and_occasion():
    at = open_page("app_pages/sources.py", {"source": "teen-voice"})
    assert not at.exception
    shown = texts(at)
    assert "**Publisher's country:** Kazakhstan" in shown
    assert "**Written for:** the anniversary of January 1990" in shown
    assert any("No Soviet, Russian or Armenian voice" in i.value for i in at.info)


# --- 6. Heydar Aliyev in January 1990, and the "USSR President" ------------------------------


def test_aliyev_held_no_office_in_january_1990(catalog):
    event = catalog.require_event("aliyev-statement-moscow")
    assert "held no office" in event.context and "Moscow" in event.context
    assert "6990816" in event.context_ref and "Wikipedia" in event.context_ref
    assert "From outside the five texts: In January 1990 Heydar Aliyev held no office." in context_line(event, "en")
    assert "\"National Leader\"" in event.summary


def test_the_anachronism_is_said_on_the_event(catalog):
    event = catalog.require_event("stated-aims")
    assert "March 1990" in event.context_ref and "no President of the USSR" in event.context
    assert any("President of the USSR" in line for line in outside_the_texts(event, "en"))


def test_the_panel_and_the_slides_show_the_context(catalog):
    narrative = catalog.narratives["rallies-to-independence"]
    page = html_export(catalog, narrative)
    assert "held no office" in page
    # The passage panel, which the component draws on the page and in the offline file alike.
    outside = panel_data(catalog, "en")["events"]["aliyev-statement-moscow"]["outside"]
    assert any(line.startswith("From outside the five texts: In January 1990 Heydar Aliyev held no office.")
               for line in outside)
    assert any("no President of the USSR" in line for line in panel_data(catalog, "en")["events"]["stated-aims"]["outside"])
    russian = panel_data(catalog.in_language("ru"), "ru")["events"]["aliyev-statement-moscow"]["outside"]
    assert any(line.startswith("Не из пяти текстов:") for line in russian)


# --- the one-line fixes ---------------------------------------------------------------------------


def test_the_pogroms_window_says_what_it_spans(catalog):
    event = catalog.require_event("pogroms-13-january")
    assert "spans both" not in event.when_note
    assert event.end_uncertain and event.start == baku(1990, 1, 13)


def test_the_television_centre_blast_ends_about_half_past_seven(catalog):
    event = catalog.require_event("tv-power-unit-blown-up")
    assert event.end_uncertain
    description = catalog.places["tv-centre"].description
    assert "public references put the blast on the evening of 19 January" in " ".join(description.split())


def test_the_aims_keep_the_growing_influence(catalog):
    assert "\"the growing influence of the Azerbaijan Popular Front\"" in " ".join(
        catalog.require_event("stated-aims").summary.split())


def test_troops_deployed_gives_26000_as_news_az_s(catalog):
    event = catalog.require_event("troops-deployed")
    assert "26,000" not in _unquoted(event.title) and "26,000" not in _unquoted(event.summary)
    trend = next(c for c in event.citations if c.source == "trend")
    assert "the true aim was to suppress the national liberation movement" in " ".join(trend.quote.split())


def test_deaths_keep_deliberately_and_the_date_caveat(catalog):
    event = catalog.require_event("deaths-in-the-streets")
    assert "\"deliberately delayed\"" in " ".join(event.summary.split())
    assert "20 January 1990" in event.when_note


def test_the_magazine_on_karabakh_and_on_1988(catalog):
    claims = catalog.require_event("karabakh-claims-1987")
    assert "voiced in Armenia" not in claims.title + claims.summary
    assert "\"once again resumed\"" in " ".join(claims.summary.split())
    assert any("once again resumed" in c.quote for c in claims.citations)
    crackdown = catalog.require_event("crackdown-1988").summary
    assert "dispersed" not in crackdown and "crushed" in crackdown


@pytest.mark.parametrize("event_id", ["emergency-decree", "no-emergency-in-baku"])
def test_the_decree_s_words_are_the_decree_s(catalog, event_id):
    summary = catalog.require_event(event_id).summary
    quoted = _sentences_with(summary, "\"from 20 January\"")
    assert quoted and all("decree" in s and "public references" in s for s in quoted)


def test_may_have_been_higher_rests_on_independent_assessments(catalog):
    claim = next(c for c in catalog.claims if c.id == "killed-news-az-higher")
    assert claim.authority == "Independent assessments later suggested"
    summary = " ".join(catalog.require_event("casualty-figures").summary.split())
    assert "\"Independent assessments later suggested\" the real number \"may have been higher\"" in summary


def test_principled_is_news_az_s_own_voice(catalog):
    event = catalog.require_event("aliyev-statement-moscow")
    principled = next(c for c in event.citations if "principled" in c.quote)
    assert principled.publisher_voice and principled.speaker is None
    assert citation_attribution(catalog, principled).startswith("News.az")
    assert "reporting Mehmet Emir Aksoy, calls the stance" not in " ".join(event.summary.split())


def test_the_city_pauses_rather_than_keeps_a_silence(catalog):
    event = catalog.require_event("yearly-commemoration")
    assert "moment of silence" not in event.summary and "\"the city pauses\"" in event.summary
    assert "not before independence" not in event.when and "first anniversary" in event.when


@pytest.mark.parametrize("event_id", BORROWED_START)
def test_night_events_that_no_text_times_have_an_uncertain_start(catalog, event_id):
    event = catalog.require_event(event_id)
    assert event.start == baku(1990, 1, 19, 23, 30) and event.start_uncertain


def test_teen_voice_s_morning_is_noted_on_the_funeral_crowd_and_the_burials(catalog):
    scope = " ".join(next(c for c in catalog.claims if c.id == "funeral-crowd-teen-voice-1").scope.split())
    assert "\"In the morning\"" in scope and "22 January" in scope
    for event_id in ("burials-alley-of-martyrs", "mass-funeral"):
        note = " ".join(catalog.require_event(event_id).when_note.split())
        assert "\"In the morning\" after \"the night assault\"" in note, event_id


@pytest.mark.parametrize("lang, slip", [("ru", "отмечает"), ("az", "qeyd edir")])
def test_the_translations_do_not_copy_the_slip(catalog, lang, slip):
    summary = catalog.in_language(lang).require_event("troops-enter-baku").summary
    assert slip not in summary
    assert "For the first time, the army of the USSR assaulted a Soviet city in peacetime" in " ".join(summary.split())


# --- the rules, on good and bad input --------------------------------------------------------


NAMED = ("sources/paper.txt", "Later the Avenue was quiet.\n",
         "Later the Avenue was quiet.\n\nIn this the stance was principled. As Smith concludes, it mattered.\n")
SPEAKER = ("sources.yaml", "  genre: report\n",
           "  genre: report\n  speakers:\n    - id: smith\n      name: Jo Smith\n      role: analyst\n      named_as: [Smith]\n")
PRINCIPLED = ("events.yaml", "        on the square\n",
              "        on the square\n    - source: paper\n      quote: In this the stance was principled.\n")


def test_a_passage_whose_paragraph_names_a_speaker_must_say_who_speaks(make_data):
    found = errors(make_data(edits=[NAMED, SPEAKER, PRINCIPLED]))
    assert_reported(found, "events.yaml:18", "the text names Jo Smith around this passage")


def test_the_publication_s_own_voice_is_said_with_publisher_voice(make_data):
    voiced = ("events.yaml", "      quote: In this the stance was principled.\n",
              "      quote: In this the stance was principled.\n      publisher_voice: true\n")
    assert errors(make_data(edits=[NAMED, SPEAKER, PRINCIPLED, voiced])) == []


def test_publisher_voice_and_a_speaker_cannot_both_speak(make_data):
    both = ("events.yaml", "      quote: In this the stance was principled.\n",
            "      quote: In this the stance was principled.\n      publisher_voice: true\n      speaker: smith\n")
    found = errors(make_data(edits=[NAMED, SPEAKER, PRINCIPLED, both]))
    assert any("publisher_voice says the source itself speaks" in e for e in found), found


@pytest.mark.parametrize("fields, ok", [
    ("  context: A fact from elsewhere.\n  context_ref: A reference work\n", True),
    ("  context: A fact from elsewhere.\n", False),
    ("  context_ref: A reference work\n", False),
])
def test_context_carries_its_reference(make_data, fields, ok):
    folder = make_data(edits=[("events.yaml", "  category: background\n", f"  category: background\n{fields}")])
    found = errors(folder)
    if ok:
        assert found == []
    else:
        assert any("context and context_ref go together" in e for e in found), found


@pytest.mark.parametrize("reviewed_by, says_unreviewed", [(None, True), ("A. Historian", False)])
def test_the_translation_note_says_while_nobody_has_reviewed_it(catalog, reviewed_by, says_unreviewed):
    from dataclasses import replace

    ru = replace(catalog.translations["ru"], reviewed_by=reviewed_by)
    note = translation_note(replace(catalog, translations={**catalog.translations, "ru": ru}), "ru")
    assert note.startswith("Заголовки, описания и заметки переведены")
    assert ("не проверил историк" in note) is says_unreviewed
    assert translation_note(catalog, "en") == ""


@pytest.mark.parametrize("lang, words", [("az", "heç bir tarixçi yoxlamayıb"), ("ru", "не проверил историк")])
def test_explore_says_the_translation_is_unreviewed(lang, words):
    at = run_app({"lang": lang})
    assert not at.exception
    assert words in texts(at)


def test_every_night_slide_still_has_a_passage(catalog):
    night = catalog.narratives["night-hour-by-hour"]
    shown = slides(catalog, night)
    assert [s.event.id for s in shown].index("emergency-unannounced") + 1 == (
        [s.event.id for s in shown].index("emergency-announced"))


def test_the_shipped_data_has_no_warnings():
    _, problems = check("data")
    assert [str(p) for p in problems] == []
