// The passage panel: an event's or a place's card, each passage with its attribution and a button to the source
// text at the passage. It sets text only, never markup, so text from the data stays text.

import {el} from './dom.js';

/**
 * The panel's data in one language, as blackjanuary/offline_explorer.py builds it.
 * @typedef {{title: string, window: string, when: string, summary: string, when_note: string, timing: string[],
 *   support: string, single: boolean, time_ref: string, places: string[], passages_heading: string,
 *   passages: {quote: string, attribution: string, source: string, n: number}[]}} EventPanel
 * @typedef {{name: string, other_names: string[], description: string, distances: string, coordinates: string,
 *   estimated: boolean, events_heading: string, first_of: string, events: string[]}} PlacePanel
 * @typedef {{publisher: string, title: string, language: string, facts: string[][], url: string,
 *   cited_heading: string, cited: string[]}} SourcePanel
 * @typedef {{texts: Record<string, string>, events: Record<string, EventPanel>, places: Record<string, PlacePanel>,
 *   sources: Record<string, SourcePanel>}} PanelData
 */

/**
 * What the panel's buttons do.
 * @typedef {{select: (choice: import('./types.js').Choice) => void,
 *   openSource: (source: string, eventId: string | null, n: number | null) => void}} PanelActions
 */

/**
 * A button with text and a click handler.
 * @param {string} text
 * @param {() => void} onClick
 * @param {Record<string, string>} [attrs]
 */
export function button(text, onClick, attrs = {}) {
  const b = el('button', {type: 'button', class: 'bjo-button', ...attrs, text});
  b.addEventListener('click', onClick);
  return b;
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
  const card = el('details', {class: 'bjo-card', 'data-event': eventId}, el('summary', {text: e.title}));
  card.open = open;
  const when = el('p', {}, el('strong', {text: e.window}));
  if (now.has(eventId)) when.append(' · ', el('span', {class: 'bjo-badge', text: w.at_this_step_badge}));
  when.append(el('br'), e.when);
  card.append(when, el('p', {text: e.summary}));
  if (e.timing.length) {
    const timing = el('details', {class: 'bjo-timing'}, el('summary', {text: w.when_by_source}));
    timing.open = open;
    if (e.when_note) timing.append(el('p', {}, el('em', {text: e.when_note})));
    timing.append(el('ul', {}, ...e.timing.map((line) => el('li', {text: line}))));
    card.append(timing);
  }
  const support = el('p', {text: e.support});
  if (e.single) support.append(' ', el('span', {class: 'bjo-badge bjo-single', text: w.single_source_badge}));
  card.append(support);
  if (e.time_ref) card.append(el('p', {class: 'bjo-caption', text: e.time_ref}));
  card.append(el('div', {class: 'bjo-places'}, ...e.places.map((placeId) => button(
    `⌖ ${data.places[placeId].name}`, () => actions.select({place: placeId}), {'data-place': placeId},
  ))));
  card.append(el('p', {}, el('strong', {text: e.passages_heading})));
  for (const passage of e.passages) {
    card.append(el('div', {class: 'bjo-passage'},
      el('blockquote', {text: passage.quote}),
      el('p', {class: 'bjo-caption', text: passage.attribution}),
      button(`❝ ${w.in_the_source}`, () => actions.openSource(passage.source, eventId, passage.n), {
        title: w.in_the_source_help, class: 'bjo-button bjo-link',
      })));
  }
  return card;
}

/**
 * The panel's contents for a selection: the event's card, the place with its events' cards, or the hint.
 * @param {PanelData} data
 * @param {{place: string | null, event: string | null}} selection
 * @param {Set<string>} now the events active at the step
 * @param {PanelActions} actions
 * @returns {HTMLElement[]}
 */
export function panelContents(data, selection, now, actions) {
  const w = data.texts;
  const clear = () => button(`✕ ${w.clear_selection}`, () => actions.select({}), {class: 'bjo-button bjo-clear'});
  const parts = [];
  if (selection.event) {
    parts.push(el('h2', {text: data.events[selection.event].title}), clear(), eventCard(data, selection.event, now, true, actions));
  } else if (selection.place) {
    const place = data.places[selection.place];
    parts.push(el('h2', {text: place.name}));
    if (place.other_names.length) parts.push(el('p', {class: 'bjo-caption', text: place.other_names.join(' · ')}));
    parts.push(
      el('p', {text: place.description}),
      el('p', {class: 'bjo-caption', text: place.distances}),
      el('p', {class: place.estimated ? 'bjo-caption bjo-estimated' : 'bjo-caption', text: place.coordinates}),
      clear(),
      el('p', {}, el('strong', {text: place.events_heading})),
    );
    if (place.first_of) parts.push(el('p', {class: 'bjo-caption', text: place.first_of}));
    parts.push(...place.events.map((eventId) => eventCard(data, eventId, now, now.has(eventId), actions)));
  } else {
    parts.push(el('p', {class: 'bjo-hint', text: w.click_hint}));
  }
  return parts;
}
