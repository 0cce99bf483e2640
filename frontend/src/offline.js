// The offline explorer's host: the Explore component in a page of its own, with no server and no network.
//
// blackjanuary/offline_explorer.py writes the page around this script: JSON elements holding the component's
// payload for each range and language (`bjo-payload-<lang>-<range>`), the basemap's files once (`bjo-basemap`, by
// the URL the app would fetch each from), the panel's words and texts per language
// (`bjo-panel-<lang>`), and the source texts with their cited passages (`bjo-texts`). Each is parsed when first
// needed. The component draws the passage panel from the panel data, as on the Streamlit page; around it this
// draws the range and language switches and a source's text (source.js). The view lives in the address's hash
// (link.js), so a link to the file reopens the same hour, selection and language.

import {createExplorer} from './explorer.js';
import {readLink, writeLink} from './link.js';
import {button as plainButton, el} from './dom.js';
import {sourceContents} from './source.js';
import {snap} from './steps.js';

/** @typedef {import('./source.js').PanelData} PanelData */
/** @typedef {import('./types.js').Payload} Payload */

/** @type {Map<string, any>} */
const parsed = new Map();

/** @param {string} id */
function json(id) {
  if (!parsed.has(id)) parsed.set(id, JSON.parse(document.getElementById(id).textContent));
  return parsed.get(id);
}

const setup = json('bjo-setup');
/** @type {import('./link.js').LinkView} */
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
  source: document.getElementById('bjo-source'),
};
let loaded = null; // the language and range of the payload the component holds
const FAILED = 'The explorer\u2019s data could not be read.';

/**
 * A range's payload in a language. Its basemap layers name their data in `bjo-basemap`: given it here, so that
 * the map fetches nothing.
 * @param {string} lang
 * @param {string} range
 * @returns {Payload}
 */
function payloadOf(lang, range) {
  const payload = json(`bjo-payload-${lang}-${range}`);
  for (const layer of payload.basemap.layers) {
    if (layer.inline === undefined) continue;
    layer.geojson = json('bjo-basemap')[layer.inline];
    delete layer.inline;
  }
  return payload;
}
/** @type {(lang: string) => PanelData} */
const panelOf = (lang) => json(`bjo-panel-${lang}`);
const words = () => panelOf(state.lang).texts;
/** @type {(lang: string, range: string) => string[]} */
const stepsOf = (lang, range) => payloadOf(lang, range).steps.map((s) => s.t);

// --- the page around the component ----------------------------------------------

/** @type {(text: string, onClick: () => void, attrs?: Record<string, string>) => HTMLButtonElement} */
const button = (text, onClick, attrs = {}) => plainButton(text, onClick, {class: 'bjo-button', ...attrs});

// The range and language switches are made once and relabelled, so a pressed one keeps the keyboard's focus.
const rangeButtons = setup.ranges.map((range) => button('', () => chooseRange(range), {'data-range': range}));
const languageButtons = Object.entries(setup.languages).map(([code, name]) => button(
  /** @type {string} */ (name), () => { state.lang = code; render(); }, {lang: code, 'data-lang': code},
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

/** @param {string[]} notices */
function showNotices(notices) {
  ui.notices.replaceChildren(...notices.map((text) => el('p', {class: 'bjo-notice', text})));
}

/** @param {string} range */
function chooseRange(range) {
  state.t = snap(state.t, stepsOf(state.lang, range));
  state.range = range;
  render();
}

/** @param {import('./types.js').Choice} choice */
function select(choice) {
  state.place = choice.place || null;
  state.event = choice.event || null;
  state.source = null;
  state.q = null;
  render();
}

// --- a source's text ------------------------------------------------------------------

const actions = {select, openSource, close: closeSource};

/**
 * @param {string} source
 * @param {string | null} eventId
 * @param {number | null} n
 */
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

function drawSource() {
  ui.explore.hidden = !!state.source;
  ui.source.hidden = !state.source;
  if (!state.source) return ui.source.replaceChildren();
  const body = json('bjo-texts')[state.source];
  ui.source.replaceChildren(...sourceContents(panelOf(state.lang), state, body, actions));
}

// --- everything at once -------------------------------------------------------------

const explorer = createExplorer(document.getElementById('bjo-explorer'), {
  onStep: (t) => {
    state.t = t;
    writeHash();
  },
  onSelect: select,
  onSource: openSource,
});

function writeHash() {
  history.replaceState(null, '', `#${writeLink(state)}`);
}

/**
 * Run `draw`; if the file's data cannot be read (a file cut short or edited by hand), say so where the map would
 * be instead of leaving it blank.
 * @param {() => void} draw
 */
function guarded(draw) {
  try {
    draw();
  } catch (error) {
    console.warn(error);
    let message = FAILED;
    try { message = words().explorer_data_failed; } catch { /* the words are in the broken data too */ }
    explorer.fail(message);
  }
}

function render() {
  guarded(drawAll);
}

function drawAll() {
  // The component is handed a payload only when the language or range changed; the state line every time.
  const key = `${state.lang}:${state.range}`;
  // The panel's data is held once per language, beside the three ranges' payloads.
  const payload = key === loaded ? null : {...payloadOf(state.lang, state.range), panel: panelOf(state.lang)};
  loaded = key;
  drawChrome();
  explorer.update(payload, {step: state.t, place: state.place, event: state.event, tiles: false});
  drawSource();
  writeHash();
}

function fromHash() {
  guarded(() => {
    const {next, notices} = readLink(location.hash.slice(1), {lang: state.lang, setup, panelOf, stepsOf});
    Object.assign(state, next);
    showNotices(notices);
    drawAll();
    if (state.source) showPassage();
  });
}

ui.sources.addEventListener('click', () => openSource(state.source || Object.keys(panelOf(state.lang).sources)[0], null, null));
window.addEventListener('hashchange', fromHash);
fromHash();
