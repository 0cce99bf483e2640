// The passage panel: an event's or a place's card, each passage with its attribution and a button to the source
// text at the passage, drawn from blackjanuary/panel.py's data in the page's language. The component draws it in
// both hosts. It sets text only, never markup, so text from the data stays text.

import {button as plainButton, el} from './dom.js';

/**
 * The panel's data in one language, as blackjanuary/panel.py builds it (its TypedDicts).
 * @typedef {{quote: string, attribution: string, source: string, n: number}} Passage
 * @typedef {{title: string, window: string, when: string, summary: string, when_note: string, timing: string[],
 *   support: string, single: boolean, outside: string[], places: string[], passages_heading: string,
 *   passages: Passage[]}} EventPanel
 * @typedef {{name: string, other_names: string[], description: string, distances: string, coordinates: string,
 *   estimated: boolean, events_heading: string, first_of: string, events: string[]}} PlacePanel
 * @typedef {{texts: Record<string, string>, events: Record<string, EventPanel>,
 *   places: Record<string, PlacePanel>}} PanelData
 */

/**
 * What the panel's buttons do.
 * @typedef {{select: (choice: import('./types.js').Choice) => void,
 *   openSource: (source: string, eventId: string, n: number) => void}} PanelActions
 */

/**
 * @param {string} text
 * @param {() => void} onClick
 * @param {Record<string, string>} [attrs]
 */
function button(text, onClick, attrs = {}) {
  return plainButton(text, onClick, {class: 'bjx-button', ...attrs});
}

/**
 * @param {PanelData} data
 * @param {string} eventId
 * @param {Set<string>} now the events active at the step
 * @param {boolean} open
 * @param {PanelActions} actions
 */
function eventCard(data, eventId, now, open, actions) {
  const w = data.texts;
  const e = data.events[eventId];
  const card = el('details', {class: 'bjx-card', 'data-event': eventId}, el('summary', {text: e.title}));
  card.open = open;
  const when = el('p', {}, el('strong', {text: e.window}));
  if (now.has(eventId)) when.append(' · ', el('span', {class: 'bjx-badge', text: w.at_this_step_badge}));
  when.append(el('br'), e.when);
  card.append(when, el('p', {text: e.summary}));
  if (e.timing.length) {
    const timing = el('details', {class: 'bjx-timing'}, el('summary', {text: w.when_by_source}));
    timing.open = open;
    if (e.when_note) timing.append(el('p', {}, el('em', {text: e.when_note})));
    timing.append(el('ul', {}, ...e.timing.map((line) => el('li', {text: line}))));
    card.append(timing);
  }
  const support = el('p', {text: e.support});
  if (e.single) support.append(' ', el('span', {class: 'bjx-badge bjx-single', text: w.single_source_badge}));
  card.append(support);
  // What the event takes from outside the five texts, each line with its public reference.
  for (const line of e.outside) card.append(el('p', {class: 'bjx-caption', text: line}));
  card.append(el('div', {class: 'bjx-card-places'}, ...e.places.map((placeId) => button(
    `⌖ ${data.places[placeId].name}`, () => actions.select({place: placeId}), {'data-place': placeId},
  ))));
  card.append(el('p', {}, el('strong', {text: e.passages_heading})));
  for (const passage of e.passages) {
    card.append(el('div', {class: 'bjx-passage'},
      el('blockquote', {text: passage.quote}),
      el('p', {class: 'bjx-caption', text: passage.attribution}),
      button(`❝ ${w.in_the_source}`, () => actions.openSource(passage.source, eventId, passage.n), {
        title: w.in_the_source_help, class: 'bjx-button bjx-link',
      })));
  }
  return card;
}

/**
 * The panel's contents for a selection: the event's card, the place with its events' cards, or the hint.
 * A selection the data does not know shows the hint.
 * @param {PanelData} data
 * @param {{place: string | null, event: string | null}} selection
 * @param {Set<string>} now the events active at the step
 * @param {PanelActions} actions
 * @returns {HTMLElement[]}
 */
export function panelContents(data, selection, now, actions) {
  const w = data.texts;
  const clear = () => button(`✕ ${w.clear_selection}`, () => actions.select({}), {class: 'bjx-button bjx-clear'});
  const parts = [];
  const event = selection.event && data.events[selection.event];
  const place = selection.place && data.places[selection.place];
  if (event) {
    parts.push(el('h2', {text: event.title}), clear(), eventCard(data, selection.event, now, true, actions));
  } else if (place) {
    parts.push(el('h2', {text: place.name}));
    if (place.other_names.length) parts.push(el('p', {class: 'bjx-caption', text: place.other_names.join(' · ')}));
    parts.push(
      el('p', {text: place.description}),
      el('p', {class: 'bjx-caption', text: place.distances}),
      el('p', {class: place.estimated ? 'bjx-caption bjx-estimated' : 'bjx-caption', text: place.coordinates}),
      clear(),
      el('p', {}, el('strong', {text: place.events_heading})),
    );
    if (place.first_of) parts.push(el('p', {class: 'bjx-caption', text: place.first_of}));
    parts.push(...place.events.map((eventId) => eventCard(data, eventId, now, now.has(eventId), actions)));
  } else {
    parts.push(el('p', {class: 'bjx-hint', text: w.click_hint}));
  }
  return parts;
}
