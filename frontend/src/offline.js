// The offline explorer: the Explore component in a page of its own, with no server and no network.
//
// blackjanuary/offline_explorer.py writes the page around this script: JSON
// elements holding the component's payload for each range and language
// (`bjo-payload-<lang>-<range>`), the basemap's files once (`bjo-basemap`, by the
// URL the app would fetch each from), the panel's words and texts per language
// (`bjo-panel-<lang>`), and the source texts with their cited passages
// (`bjo-texts`). Each is parsed when first needed. This script draws what the
// app's Python draws: the side panel with an event's or a place's passages
// and the source text at a passage. It sets text only, never markup, so text
// from the data stays text. The view lives in the address's hash, with the
// app's link parameters (r, t, place, event, source, q, and lang), so a link
// to the file reopens the same hour, selection and language.

import {createExplorer, el} from './explorer.js';

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const parsed = new Map();

function json(id) {
  if (!parsed.has(id)) parsed.set(id, JSON.parse(document.getElementById(id).textContent));
  return parsed.get(id);
}

const setup = json('bjo-setup');
const state = {
  lang: setup.lang, range: setup.default_range, t: setup.default_t, place: null, event: null, source: null, q: null,
};
const ui = {
  title: document.getElementById('bjo-title'),
  intro: document.getElementById('bjo-intro'),
  ranges: document.getElementById('bjo-ranges'),
  languages: document.getElementById('bjo-languages'),
  sources: document.getElementById('bjo-sources'),
  notices: document.getElementById('bjo-notices'),
  explore: document.getElementById('bjo-explore'),
  panel: document.getElementById('bjo-panel'),
  source: document.getElementById('bjo-source'),
};
let loaded = null; // the language and range of the payload the component holds

// A payload's basemap layers name their data in `bjo-basemap`: given it here, so that the map fetches nothing.
function payloadOf(lang, range) {
  const payload = json(`bjo-payload-${lang}-${range}`);
  for (const layer of payload.basemap.layers) {
    if (layer.inline === undefined) continue;
    layer.geojson = json('bjo-basemap')[layer.inline];
    delete layer.inline;
  }
  return payload;
}
const panel = () => json(`bjo-panel-${state.lang}`);
const words = () => panel().texts;
const stepsOf = (range) => payloadOf(state.lang, range).steps.map((s) => s.t);

// Local Baku times written alike ("1990-01-20T02:00") compare as strings.
function snap(t, steps) {
  let chosen = steps[0];
  for (const step of steps) {
    if (step > t) break;
    chosen = step;
  }
  return chosen;
}

function rangeFor(t) {
  const found = setup.ranges.find((range) => {
    const steps = stepsOf(range);
    return steps[0] <= t && t <= steps[steps.length - 1];
  });
  return found || setup.ranges[setup.ranges.length - 1];
}

// --- the hash -----------------------------------------------------------------

function readHash() {
  // What the address asks to show, each unknown or malformed value dropped with a notice, as the app does.
  const asked = new URLSearchParams(location.hash.slice(1));
  const lang = asked.get('lang');
  const next = {lang: lang && lang in setup.languages ? lang : state.lang, place: null, event: null, source: null, q: null};
  const texts = json(`bjo-panel-${next.lang}`);
  const notices = [];
  const say = (key, value) => notices.push(texts.texts[key].replace('{value}', () => value));
  const range = asked.get('r');
  next.range = setup.default_range;
  if (range && setup.ranges.includes(range)) next.range = range;
  else if (range) say('bad_range', range);
  const t = asked.get('t');
  if (t && TIME.test(t)) {
    if (!setup.ranges.includes(range)) next.range = rangeFor(t);
    const steps = stepsOf(next.range);
    if (t < steps[0] || t > steps[steps.length - 1]) say('time_outside_range', t);
    next.t = snap(t, steps);
  } else {
    if (t) say('bad_time', t);
    next.t = snap(setup.default_t, stepsOf(next.range));
  }
  for (const [key, known, notice] of [['place', texts.places, 'bad_place'], ['event', texts.events, 'bad_event'],
    ['source', texts.sources, 'bad_source']]) {
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

function writeHash() {
  const params = new URLSearchParams({r: state.range, t: state.t, lang: state.lang});
  for (const key of ['place', 'event', 'source', 'q']) {
    if (state[key] !== null) params.set(key, String(state[key]));
  }
  history.replaceState(null, '', `#${params}`);
}

// --- the page around the component ----------------------------------------------

function button(text, onClick, attrs = {}) {
  const b = el('button', {type: 'button', class: 'bjo-button', ...attrs, text});
  b.addEventListener('click', onClick);
  return b;
}

// The range and language switches are made once and relabelled, so a pressed one keeps the keyboard's focus.
const rangeButtons = setup.ranges.map((range) => button('', () => chooseRange(range), {'data-range': range}));
const languageButtons = Object.entries(setup.languages).map(([code, name]) => button(
  name, () => { state.lang = code; render(); }, {lang: code, 'data-lang': code},
));
ui.ranges.replaceChildren(...rangeButtons);
ui.languages.replaceChildren(...languageButtons);

function drawChrome() {
  const w = words();
  document.documentElement.lang = state.lang;
  document.title = w.explore_title;
  ui.title.textContent = w.explore_title;
  ui.intro.textContent = `${w.intro} ${w.offline_note}`;
  ui.ranges.setAttribute('aria-label', w.span);
  ui.ranges.title = w.span_help;
  for (const b of rangeButtons) {
    b.textContent = w[`range_${b.dataset.range}`];
    b.setAttribute('aria-pressed', String(b.dataset.range === state.range));
  }
  for (const b of languageButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  ui.sources.textContent = w.sources_title;
}

function showNotices(notices) {
  ui.notices.replaceChildren(...notices.map((text) => el('p', {class: 'bjo-notice', text})));
}

function chooseRange(range) {
  state.t = snap(state.t, stepsOf(range));
  state.range = range;
  render();
}

function select(choice) {
  state.place = choice.place || null;
  state.event = choice.event || null;
  state.source = null;
  state.q = null;
  render();
}

// --- the panel ------------------------------------------------------------------

function activeNow() {
  // The events at the step the page knows (the slider's resting one), as the panel marks them.
  const p = payloadOf(state.lang, state.range);
  const step = p.steps.findIndex((s) => s.t === state.t);
  const ev = p.events;
  const now = new Set();
  for (let i = 0; i < ev.id.length; i++) {
    if (ev.first[i] >= 0 && ev.first[i] <= step && step <= ev.last[i]) now.add(ev.id[i]);
  }
  return now;
}

function eventCard(eventId, now, open) {
  const data = panel();
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
    `⌖ ${data.places[placeId].name}`, () => select({place: placeId}), {'data-place': placeId},
  ))));
  card.append(el('p', {}, el('strong', {text: e.passages_heading})));
  for (const passage of e.passages) {
    card.append(el('div', {class: 'bjo-passage'},
      el('blockquote', {text: passage.quote}),
      el('p', {class: 'bjo-caption', text: passage.attribution}),
      button(`❝ ${w.in_the_source}`, () => openSource(passage.source, eventId, passage.n), {
        title: w.in_the_source_help, class: 'bjo-button bjo-link',
      })));
  }
  return card;
}

function drawPanel() {
  const data = panel();
  const w = data.texts;
  const now = activeNow();
  const clear = () => button(`✕ ${w.clear_selection}`, () => select({}), {class: 'bjo-button bjo-clear'});
  const parts = [];
  if (state.event) {
    parts.push(el('h2', {text: data.events[state.event].title}), clear(), eventCard(state.event, now, true));
  } else if (state.place) {
    const place = data.places[state.place];
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
    parts.push(...place.events.map((eventId) => eventCard(eventId, now, now.has(eventId))));
  } else {
    parts.push(el('p', {class: 'bjo-hint', text: w.click_hint}));
  }
  ui.panel.replaceChildren(...parts);
}

// --- a source's text --------------------------------------------------------------

function openSource(source, eventId, n) {
  state.source = source;
  state.q = eventId ? n : null;
  if (eventId) { state.event = eventId; state.place = null; }
  render();
  showPassage();
}

function showPassage() {
  // The source view opens at its top, or centred on the passage it was opened for.
  window.scrollTo(0, 0);
  const target = document.getElementById('bjo-passage-target');
  if (target) target.scrollIntoView({block: 'center'});
}

function closeSource() {
  state.source = null;
  state.q = null;
  render();
}

function sourceBody(text, marks, target) {
  // Paragraphs at blank lines, line breaks kept, each cited passage in a <mark> naming the events it is cited for.
  const data = panel();
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m[0], m[1]])])].sort((a, b) => a - b);
  const box = el('div', {class: 'bjo-text', lang: data.sources[state.source].language});
  let paragraph = el('p');
  box.append(paragraph);
  let targetShown = false;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const covering = marks.filter((m) => m[0] <= a && b <= m[1]);
    const isTarget = !!target && covering.some((m) => m[2] === target[0] && m[3] === target[1]);
    const titles = [...new Set(covering.map((m) => data.events[m[2]].title))].sort().join('; ');
    text.slice(a, b).split('\n\n').forEach((piece, n) => {
      if (n > 0) {
        paragraph = el('p');
        box.append(paragraph);
      }
      let holder = paragraph;
      if (covering.length) {
        holder = el('mark', {class: isTarget ? 'bjo-mark bjo-target' : 'bjo-mark', title: data.texts.cited_for.replace('{titles}', () => titles)});
        if (isTarget && !targetShown) { holder.id = 'bjo-passage-target'; targetShown = true; }
        paragraph.append(holder);
      }
      piece.split('\n').forEach((line, i) => {
        if (i) holder.append(el('br'));
        holder.append(line);
      });
    });
  }
  return box;
}

function drawSource() {
  ui.explore.hidden = !!state.source;
  ui.source.hidden = !state.source;
  if (!state.source) return ui.source.replaceChildren();
  const data = panel();
  const w = data.texts;
  const meta = data.sources[state.source];
  const target = state.q !== null ? [state.event, state.q] : null;
  const chooser = el('select', {id: 'bjo-source-choice'}, ...Object.entries(data.sources).map(([id, s]) => {
    const option = el('option', {value: id, text: s.publisher});
    option.selected = id === state.source;
    return option;
  }));
  chooser.addEventListener('change', () => openSource(chooser.value, null, null));
  const facts = el('dl', {class: 'bjo-facts'});
  for (const [label, value] of meta.facts) facts.append(el('dt', {text: label}), el('dd', {text: value}));
  const side = el('div', {class: 'bjo-source-meta'},
    button(`← ${target ? w.back_to_event : w.back_to_explorer}`, closeSource, {class: 'bjo-button bjo-back'}),
    el('label', {class: 'bjo-label'}, `${w.source} `, chooser),
    el('h2', {text: meta.title}), facts,
    el('p', {class: 'bjo-caption', text: meta.url || w.address_unknown}),
    el('p', {}, el('strong', {text: meta.cited_heading})),
    el('ul', {class: 'bjo-cited'}, ...meta.cited.map((eventId) => el('li', {}, button(
      data.events[eventId].title, () => select({event: eventId}), {class: 'bjo-button bjo-link'},
    )))),
  );
  const reading = el('div', {class: 'bjo-source-text'});
  if (target) {
    const passage = data.events[target[0]].passages[target[1]];
    reading.append(el('div', {class: 'bjo-cited-box'},
      el('p', {}, el('strong', {text: w.passage_cited_for}), ` ${data.events[target[0]].title}`),
      el('blockquote', {text: passage.quote}),
      el('p', {class: 'bjo-caption', text: `${passage.attribution}. ${w.highlighted_below}`})));
  }
  const body = json('bjo-texts')[state.source];
  reading.append(sourceBody(body.text, body.marks, target));
  ui.source.replaceChildren(side, reading);
}

// --- everything at once -------------------------------------------------------------

const explorer = createExplorer(document.getElementById('bjo-explorer'), {
  onStep: (t) => {
    state.t = t;
    drawPanel();
    writeHash();
  },
  onSelect: select,
});

function render() {
  // The component is handed a payload only when the language or range changed; the state line every time.
  const key = `${state.lang}:${state.range}`;
  const payload = key === loaded ? null : payloadOf(state.lang, state.range);
  loaded = key;
  drawChrome();
  explorer.update(payload, {step: state.t, place: state.place, event: state.event, tiles: false});
  drawPanel();
  drawSource();
  writeHash();
}

function fromHash() {
  const {next, notices} = readHash();
  Object.assign(state, next);
  showNotices(notices);
  render();
  if (state.source) showPassage();
}

ui.sources.addEventListener('click', () => openSource(state.source || Object.keys(panel().sources)[0], null, null));
window.addEventListener('hashchange', fromHash);
fromHash();
