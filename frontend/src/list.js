// The list at the step: what changed since the step before, the events at it by kind, Baku's active places and
// the places beyond Baku, each a button that selects it.

import {el} from './dom.js';
import {eventsAt, placesAt} from './steps.js';

/** @typedef {import('./context.js').Context} Context */
/** @typedef {import('./types.js').Choice} Choice */

/**
 * @param {Context} ctx
 */
export function createList(ctx) {
  const {my, ui} = ctx;

  /**
   * @param {string} text
   * @param {string} detail
   * @param {Choice} choice
   * @param {string} [extraClass]
   */
  function button(text, detail, choice, extraClass = '') {
    const b = el('button', {type: 'button', class: `bjx-item ${extraClass}`});
    b.append(el('span', {class: 'bjx-item-title', text}));
    if (detail) b.append(el('span', {class: 'bjx-item-detail', text: detail}));
    const selected = (choice.place && choice.place === my.place) || (choice.event && choice.event === my.event);
    if (selected) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', () => ctx.select(choice));
    return b;
  }

  /** @param {number[]} indices */
  function eventButtons(indices) {
    const p = my.payload;
    const ev = p.events;
    const max = p.style.max_listed;
    /** @type {HTMLElement[]} */
    const out = [];
    if (indices.length > max) {
      out.push(el('p', {class: 'bjx-note', text: p.texts.first_of.replace('{shown}', String(max)).replace('{count}', String(indices.length))}));
    }
    const ul = el('ul', {class: 'bjx-items'});
    for (const i of indices.slice(0, max)) {
      const single = ev.flags[i] & p.style.flags.single ? `${p.style.single_mark} ` : '';
      ul.append(el('li', {}, button(`${single}${ev.title[i]}`, ev.window[i], {event: ev.id[i]})));
    }
    out.push(ul);
    return out;
  }

  function changesLine() {
    // What changed since the step before, as the page words it (blackjanuary/range_view.py change_lines).
    const change = my.payload.changes && my.payload.changes[my.step];
    const box = el('div', {class: 'bjx-changes'});
    if (!change) return box;
    box.append(el('strong', {text: change.heading}));
    for (const line of change.lines) box.append(el('br'), document.createTextNode(line));
    return box;
  }

  function draw() {
    const p = my.payload;
    const t = p.texts;
    const step = my.step;
    const {moment, longer, stillOpen} = eventsAt(p, step);
    /** @type {HTMLElement[]} */
    const parts = [el('h3', {class: 'bjx-heading', text: t.at_this_step})];
    parts.push(changesLine());
    if (!moment.length) parts.push(el('p', {class: 'bjx-note', text: t.no_event_in_step}));
    parts.push(...eventButtons(moment));
    if (longer.length) {
      parts.push(el('h4', {class: 'bjx-heading', text: t.longer_periods}), ...eventButtons(longer));
    }
    if (stillOpen.length) {
      parts.push(el('h4', {class: 'bjx-heading', text: t.begun_no_end}), ...eventButtons(stillOpen));
    }
    const status = p.statuses[step];
    const {active, away} = placesAt(p, step);
    if (active.length) {
      parts.push(el('h4', {class: 'bjx-heading', text: t.active_places}));
      const ul = el('ul', {class: 'bjx-items bjx-places'});
      for (const i of active.slice(0, p.style.max_listed)) {
        ul.append(el('li', {}, button(`● ${p.places[i].name}`, '', {place: p.places[i].id}, 'bjx-status-a')));
      }
      parts.push(ul);
    }
    if (away.length) {
      parts.push(el('h4', {class: 'bjx-heading', text: t.beyond_baku}));
      const ul = el('ul', {class: 'bjx-items bjx-places'});
      const marks = {a: '●', o: '●', p: '●', f: '○'};
      const words = {a: t.status_active, o: t.status_open, p: t.status_past, f: t.status_future};
      for (const i of away) {
        const s = status[i];
        ul.append(el('li', {}, button(`${marks[s]} ${p.places[i].name}`, words[s], {place: p.places[i].id}, `bjx-status-${s}`)));
      }
      parts.push(ul);
    }
    parts.push(el('p', {class: 'bjx-note', text: t.click_hint}));
    ui.list.replaceChildren(...parts);
  }

  /**
   * Every place on the map, whatever the step, as buttons in a disclosure: what the map's pointer reaches, the
   * keyboard reaches here. Drawn on a new payload and a new selection, not at each step.
   */
  function drawAllPlaces() {
    const p = my.payload;
    const open = ui.allPlaces.hasAttribute('open');
    const names = p.places.map((place, i) => [place.name, i]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const ul = el('ul', {class: 'bjx-items bjx-every-place'});
    for (const [, i] of names) {
      ul.append(el('li', {}, button(p.places[i].name, '', {place: p.places[i].id})));
    }
    ui.allPlaces.replaceChildren(el('summary', {class: 'bjx-heading', text: p.texts.all_places}), ul);
    if (open) ui.allPlaces.setAttribute('open', '');
  }

  return {draw, drawAllPlaces};
}
