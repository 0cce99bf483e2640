// What a selection marks on the other view, with no DOM and no deck.gl (tested by `node --test`): a chosen event
// rings its places on the map, a chosen place outlines its events on the timeline and dims the rest.

/** @typedef {import('./types.js').Payload} Payload */

/**
 * Each place's events, by the places each event names (the payload's `events.places` column).
 * @param {Payload} p
 * @returns {number[][]} for each index into `p.places`, the indices into `p.events` of its events, in their order
 */
export function eventsByPlace(p) {
  /** @type {number[][]} */
  const byPlace = p.places.map(() => []);
  const places = p.events.places || [];
  places.forEach((indices, i) => {
    for (const place of indices) byPlace[place].push(i);
  });
  return byPlace;
}

/**
 * @typedef {object} Highlight
 * @property {Set<number>} places indices into `p.places` the map rings
 * @property {Set<number>} events indices into `p.events` the timeline outlines
 * @property {boolean} dim whether the timeline dims the events it does not outline (a place is chosen)
 */

/**
 * What the map and the timeline mark for the selection: for an event, the event and its places; for a place,
 * the place and all its events, the others dimmed; for nothing (or an id the payload lacks), nothing.
 * @param {Payload} p
 * @param {number[][]} byPlace eventsByPlace(p)
 * @param {{place: string | null, event: string | null}} selection
 * @returns {Highlight}
 */
export function highlighted(p, byPlace, selection) {
  if (selection.event) {
    const i = p.events.id.indexOf(selection.event);
    if (i >= 0) return {places: new Set((p.events.places || [])[i] || []), events: new Set([i]), dim: false};
  }
  if (selection.place) {
    const n = p.places.findIndex((place) => place.id === selection.place);
    if (n >= 0) return {places: new Set([n]), events: new Set(byPlace[n]), dim: true};
  }
  return {places: new Set(), events: new Set(), dim: false};
}
