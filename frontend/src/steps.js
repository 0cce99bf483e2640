// The step logic, with no DOM and no deck.gl: what is listed, shown and labelled at a step (tested by `node --test`).

/** @typedef {import('./types.js').Payload} Payload */

/**
 * A step number kept inside the range.
 * @param {number} step
 * @param {number} count the range's number of steps
 */
export function clampStep(step, count) {
  return Math.max(0, Math.min(count - 1, step));
}

/**
 * The events at a step, by how the list groups them: moments, longer periods the step falls in, and events begun
 * before it that the texts give no end.
 * @param {Payload} p
 * @param {number} step
 * @returns {{moment: number[], longer: number[], stillOpen: number[]}} indices into `p.events`
 */
export function eventsAt(p, step) {
  const ev = p.events;
  const moment = [];
  const longer = [];
  const stillOpen = [];
  for (let i = 0; i < ev.id.length; i++) {
    if (ev.first[i] >= 0 && ev.first[i] <= step && step <= ev.last[i]) {
      (ev.flags[i] & p.style.flags.long ? longer : moment).push(i);
    } else if (ev.open_first[i] >= 0 && ev.open_first[i] <= step && step <= ev.open_last[i]) {
      stillOpen.push(i);
    }
  }
  return {moment, longer, stillOpen};
}

/**
 * The ids of the events active at a step (moments and longer periods alike).
 * @param {Payload} p
 * @param {number} step
 * @returns {Set<string>}
 */
export function activeIds(p, step) {
  const ev = p.events;
  const now = new Set();
  for (let i = 0; i < ev.id.length; i++) {
    if (ev.first[i] >= 0 && ev.first[i] <= step && step <= ev.last[i]) now.add(ev.id[i]);
  }
  return now;
}

/**
 * The places the list names at a step: Baku's active ones, and every place beyond Baku.
 * @param {Payload} p
 * @param {number} step
 * @returns {{active: number[], away: number[]}} indices into `p.places`
 */
export function placesAt(p, step) {
  const status = p.statuses[step];
  const active = [];
  const away = [];
  p.places.forEach((place, i) => {
    if (!place.in_baku) away.push(i);
    else if (status[i] === 'a') active.push(i);
  });
  return {active, away};
}

/**
 * Which places the map names at a step: every place in Baku, unless there are many: then the first
 * `max_labels` of those active at the step.
 * @param {Payload} p
 * @param {number} step
 * @returns {Uint8Array} 1 for a labelled place, in `p.places`' order
 */
export function labelled(p, step) {
  const flags = new Uint8Array(p.places.length);
  const status = p.statuses[step];
  const all = p.places.filter((place) => place.in_baku).length <= p.style.max_labels;
  let shown = 0;
  p.places.forEach((place, i) => {
    if (!place.in_baku) return;
    if (all || (status[i] === 'a' && shown < p.style.max_labels)) { flags[i] = 1; shown++; }
  });
  return flags;
}

/**
 * Where each step starts on the timeline's axis, as a share of its width.
 * @param {Payload} p
 * @returns {number[]}
 */
export function stepStarts(p) {
  return p.step_x || p.steps.map((_, i) => i / p.steps.length);
}

/**
 * Whether the component takes the host's step: on a new payload, or when the host changed it (a link, the range
 * switch); not when the host only echoes a step the component reported, which the slider may have left since.
 * @param {{fresh: boolean, asked: string | null, seen: string | null, reported: string | null}} args
 */
export function takesHostStep({fresh, asked, seen, reported}) {
  return fresh || (asked !== seen && asked !== reported);
}

/**
 * The step at or before a local Baku time; times written alike ("1990-01-20T02:00") compare as strings.
 * @param {string} t
 * @param {string[]} steps the range's steps, in order
 */
export function snap(t, steps) {
  let chosen = steps[0];
  for (const step of steps) {
    if (step > t) break;
    chosen = step;
  }
  return chosen;
}
