// The offline file's link: the view in the address's hash, with the app's link parameters (r, t, place, event,
// source, q and lang). Reading it drops each unknown or malformed value with a notice, as the app does.
// No DOM here: `node --test` runs it.

import {snap} from './steps.js';

/**
 * The view the hash holds.
 * @typedef {{lang: string, range: string, t: string, place: string | null, event: string | null,
 *   source: string | null, q: number | null}} LinkView
 */

/**
 * What reading a link needs to know: the file's setup, each language's panel data (for the ids it knows and the
 * notices' words) and each range's steps.
 * @typedef {object} LinkContext
 * @property {string} lang the language shown now, kept when the link names none it knows
 * @property {{languages: Record<string, string>, ranges: string[], default_range: string, default_t: string}} setup
 * @property {(lang: string) => {texts: Record<string, string>, places: Record<string, unknown>,
 *   events: Record<string, {passages: {source: string}[]}>, sources: Record<string, unknown>}} panelOf
 * @property {(lang: string, range: string) => string[]} stepsOf
 */

const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * Whether a link's time is a real local time to the minute ('1990-01-20T02:00'), as blackjanuary/timeline.py's
 * parse_local would read it: no 30 February, no 24:00.
 * @param {string} t
 */
export function isLocalTime(t) {
  const m = TIME.exec(t);
  if (!m) return false;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    && date.getUTCHours() === hour && date.getUTCMinutes() === minute;
}

/**
 * The narrowest range that holds a time, or the widest.
 * @param {string} t
 * @param {LinkContext} ctx
 * @param {string} lang
 */
export function rangeFor(t, ctx, lang) {
  const found = ctx.setup.ranges.find((range) => {
    const steps = ctx.stepsOf(lang, range);
    return steps[0] <= t && t <= steps[steps.length - 1];
  });
  return found || ctx.setup.ranges[ctx.setup.ranges.length - 1];
}

/**
 * What a link asks to show, each unknown or malformed value dropped with a notice.
 * @param {string} query the hash without its '#', as `r=night&t=...`
 * @param {LinkContext} ctx
 * @returns {{next: LinkView, notices: string[]}}
 */
export function readLink(query, ctx) {
  const {setup} = ctx;
  const asked = new URLSearchParams(query);
  const lang = asked.get('lang');
  const chosen = lang && Object.hasOwn(setup.languages, lang) ? lang : ctx.lang;
  const texts = ctx.panelOf(chosen);
  /** @type {string[]} */
  const notices = [];
  const say = (/** @type {string} */ key, /** @type {string} */ value) => notices.push(texts.texts[key].replace('{value}', () => value));
  const range = asked.get('r');
  let nextRange = setup.default_range;
  if (range && setup.ranges.includes(range)) nextRange = range;
  else if (range) say('bad_range', range);
  const t = asked.get('t');
  let nextT;
  if (t && isLocalTime(t)) {
    if (!setup.ranges.includes(range)) nextRange = rangeFor(t, ctx, chosen);
    const steps = ctx.stepsOf(chosen, nextRange);
    if (t < steps[0] || t > steps[steps.length - 1]) say('time_outside_range', t);
    nextT = snap(t, steps);
  } else {
    if (t) say('bad_time', t);
    nextT = snap(setup.default_t, ctx.stepsOf(chosen, nextRange));
  }
  /** @type {LinkView} */
  const next = {lang: chosen, range: nextRange, t: nextT, place: null, event: null, source: null, q: null};
  for (const [key, known, notice] of /** @type {const} */ ([['place', texts.places, 'bad_place'],
    ['event', texts.events, 'bad_event'], ['source', texts.sources, 'bad_source']])) {
    const value = asked.get(key);
    if (value && Object.hasOwn(known, value)) next[key] = value;
    else if (value) say(notice, value);
  }
  const q = asked.get('q');
  if (q !== null && next.source && next.event) {
    const passage = texts.events[next.event].passages[Number(q)];
    if (/^\d+$/.test(q) && passage && passage.source === next.source) next.q = Number(q);
    else say('bad_passage', q);
  }
  return {next, notices};
}

/**
 * The hash for a view (without its '#').
 * @param {LinkView} view
 */
export function writeLink(view) {
  const params = new URLSearchParams({r: view.range, t: view.t, lang: view.lang});
  for (const key of /** @type {const} */ (['place', 'event', 'source', 'q'])) {
    if (view[key] !== null) params.set(key, String(view[key]));
  }
  return params.toString();
}
