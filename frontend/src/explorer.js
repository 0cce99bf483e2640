// The Explore component: the scrubber and Play, with the map, the timeline and the list at the step, all in the
// browser. The same component runs in both hosts: the Streamlit page (streamlit.js) and the offline file
// (offline.js).
//
// createExplorer(root, {onStep, onSelect, onSource, loadTiles}) draws into `root` and returns
// {update(payload, state), fail(message), destroy()}. `payload` is what blackjanuary/explorer.py builds for a
// range (types.js), its `panel` what blackjanuary/panel.py says of each event and place; `state` is {step, place,
// event, tiles}. A scrub step changes the map, the timeline's cursor and the list in the same frame and asks
// nothing of the host: the host learns the step through onStep(t) once the slider rests. A click on a place or
// an event draws its passage panel in the same frame, and the host learns the selection through
// onSelect({place} | {event}) (to keep the link), and a passage's "in the source" through onSource(source,
// event, n). `loadTiles()` resolves to the street tiles' module (tiles.js); without it, as in the offline file,
// there are none.

import {el} from './dom.js';
import {eventsByPlace, highlighted} from './highlight.js';
import {createList} from './list.js';
import {createMap} from './map.js';
import {panelContents} from './panel.js';
import {activeIds, clampStep, stepStarts, takesHostStep} from './steps.js';
import {createTimeline} from './timeline.js';

/** @typedef {import('./types.js').Payload} Payload */
/** @typedef {import('./types.js').HostState} HostState */
/** @typedef {import('./types.js').Callbacks} Callbacks */
/** @typedef {import('./types.js').Choice} Choice */

export {el};

const REST_MS = 350; // the slider counts as resting this long after its last change

let counter = 0;

/**
 * @param {HTMLElement} root
 * @param {Callbacks} callbacks
 */
export function createExplorer(root, callbacks) {
  const id = `bjx-${++counter}`;
  performance.mark('bjx-created');
  /** @type {Record<string, HTMLElement>} */
  const ui = {};
  root.classList.add('bjx');
  // Play keeps one name; while it plays it is pressed (aria-pressed) and its icon shows pause.
  ui.playIcon = el('span', {class: 'bjx-play-icon', 'aria-hidden': 'true', text: '▶'});
  ui.playLabel = el('span', {class: 'bjx-play-label'});
  ui.play = el('button', {type: 'button', class: 'bjx-play', 'aria-pressed': 'false'}, ui.playIcon, ' ', ui.playLabel);
  ui.speed = el('select', {class: 'bjx-speed', id: `${id}-speed`});
  ui.speedLabel = el('label', {for: `${id}-speed`, class: 'bjx-speed-label'});
  ui.label = el('label', {for: `${id}-slider`, class: 'bjx-label'});
  ui.slider = el('input', {type: 'range', id: `${id}-slider`, class: 'bjx-slider', min: '0', max: '0', step: '1'});
  // The step's one-line summary is the only live region: a screen reader hears it at each step, not the panel.
  ui.words = el('p', {class: 'bjx-words', id: `${id}-words`, 'aria-live': 'polite', 'aria-atomic': 'true'});
  ui.alert = el('p', {class: 'bjx-alert', role: 'alert', hidden: ''});
  ui.ends = el('div', {class: 'bjx-ends', 'aria-hidden': 'true'});
  ui.map = el('div', {class: 'bjx-map', role: 'img'});
  ui.mapBox = el('div', {class: 'bjx-map-box'}, ui.map); // the map, and its controls over it (map.js)
  ui.key = el('p', {class: 'bjx-key bjx-map-key'});
  ui.list = el('section', {class: 'bjx-list'});
  ui.allPlaces = el('details', {class: 'bjx-all-places'});
  ui.timeline = el('div', {class: 'bjx-timeline', role: 'img'});
  ui.canvas = el('canvas', {class: 'bjx-timeline-canvas'});
  ui.cursor = el('div', {class: 'bjx-cursor', 'aria-hidden': 'true'});
  ui.tip = el('div', {class: 'bjx-tip', role: 'tooltip'});
  ui.timelineKey = el('p', {class: 'bjx-key'});
  ui.panel = el('aside', {class: 'bjx-panel'});
  ui.timeline.append(ui.canvas, ui.cursor, ui.tip);
  // The slider, the map and the timeline read together, in one column; what is at the step and the passages
  // beside them. On a phone the side comes after the timeline: slider, map, timeline, list, panel.
  root.replaceChildren(
    el('div', {class: 'bjx-main'},
      el('div', {class: 'bjx-scrub'}, el('div', {class: 'bjx-play-box'}, ui.play, ui.speedLabel, ui.speed),
        el('div', {class: 'bjx-slider-box'}, ui.label, ui.slider, ui.ends)),
      ui.alert, ui.words, ui.mapBox, ui.key, ui.timeline, ui.timelineKey),
    el('div', {class: 'bjx-side'}, ui.list, ui.allPlaces, ui.panel),
  );
  const slider = /** @type {HTMLInputElement} */ (ui.slider);
  const play = /** @type {HTMLButtonElement} */ (ui.play);

  /** @type {import('./context.js').ExplorerState} */
  const my = {
    payload: null, panel: null, step: 0, place: null, event: null, tiles: false, playing: null, speed: '',
    restTimer: undefined, reported: null, seenStep: null, deck: null, tileLayer: null, tileState: null, tileAttempt: 0,
    walk: null, walkTarget: 0, dragging: false, shown: [], timings: [], redraws: 0, panelDrawnAt: null, panelStep: null, inputAt: null, lastDrawn: null, zoom: 0,
    view: null, openView: null, limits: null, highlight: {places: new Set(), events: new Set(), dim: false}, byPlace: [],
    placeIndex: new Map(), eventIndex: new Map(), points: [], streets: [], city: [], labelRows: [], stepX: [],
    geometry: null, rowsIndex: new Map(),
  };
  if (TEST_HOOKS) root.bjx = my; // read by the tests and the benchmark; not in the production bundles

  /** @param {Choice} choice */
  function select(choice) {
    stopPlay();
    my.place = choice.place || null;
    my.event = choice.event || null;
    mark();
    drawPanel();
    map.update();
    list.draw();
    list.drawAllPlaces();
    timeline.draw();
    callbacks.onSelect(choice);
  }

  /** What the selection marks on the other view: a chosen event's places on the map, a chosen place's events on
   * the timeline. Worked out here, in the browser, and drawn by both in the same frame as the choice. */
  function mark() {
    my.highlight = highlighted(my.payload, my.byPlace, {place: my.place, event: my.event});
  }

  /** The passage panel for the selection, its events at the step the slider rests on marked. */
  function drawPanel() {
    const data = my.panel || my.payload.panel;
    if (!data) {
      // The passages follow the map on the Streamlit page: say so where they will be, if something is chosen.
      const chosen = my.place || my.event;
      ui.panel.replaceChildren(...(chosen ? [el('p', {class: 'bjx-caption', text: my.payload.texts.panel_loading})] : []));
      return;
    }
    const actions = {select, openSource: callbacks.onSource};
    const selection = {place: my.place, event: my.event};
    ui.panel.replaceChildren(...panelContents(data, selection, activeIds(my.payload, my.step), actions));
    if (TEST_HOOKS) my.panelDrawnAt = performance.now();
  }

  /**
   * Say that something the component needed did not load; an empty message takes the notice away.
   * @param {string} message
   */
  function notify(message) {
    ui.alert.textContent = message;
    ui.alert.hidden = !message;
  }

  const ctx = {root, my, ui, select, notify};
  const map = createMap(ctx);
  const timeline = createTimeline(ctx);
  const list = createList(ctx);

  // --- the step -------------------------------------------------------------

  /** @param {number} step */
  function show(step) {
    const p = my.payload;
    step = clampStep(step, p.steps.length);
    my.step = step;
    slider.value = String(step);
    const s = p.steps[step];
    slider.setAttribute('aria-valuetext', s.words);
    ui.words.textContent = `${s.words} · ${s.count}`;
    timeline.moveCursor();
    list.draw();
    map.update();
    root.dataset.step = s.t;
    if (TEST_HOOKS) {
      my.shown.push(step);
      if (my.shown.length > 500) my.shown.splice(0, 250);
    }
    scheduleReport();
  }

  function scheduleReport() {
    clearTimeout(my.restTimer);
    my.restTimer = setTimeout(() => {
      if (my.playing || my.walk) return scheduleReport();
      const t = my.payload.steps[my.step].t;
      if (t !== my.panelStep) {
        my.panelStep = t; // the panel marks what is at the step the slider rests on
        drawPanel();
      }
      if (t !== my.reported) {
        my.reported = t;
        callbacks.onStep(t);
      }
    }, REST_MS);
  }

  slider.addEventListener('input', (e) => {
    my.inputAt = e.timeStamp;
    const target = Number(slider.value);
    if (my.dragging && Math.abs(target - my.step) > 1) {
      // A fast drag jumps steps: walk through each, one a frame, so none is skipped.
      slider.value = String(my.step);
      startWalk(target);
    } else {
      stopWalk();
      show(target);
    }
  });
  slider.addEventListener('pointerdown', () => { my.dragging = true; stopPlay(); });
  const pointerUp = () => { my.dragging = false; };
  window.addEventListener('pointerup', pointerUp);
  slider.addEventListener('keydown', () => { my.inputAt = performance.now(); stopPlay(); });

  /** @param {number} target */
  function startWalk(target) {
    my.walkTarget = target;
    if (my.walk) return;
    const tick = () => {
      if (my.step === my.walkTarget) { my.walk = null; return; }
      show(my.step + Math.sign(my.walkTarget - my.step));
      my.walk = requestAnimationFrame(tick);
    };
    my.walk = requestAnimationFrame(tick);
  }

  function stopWalk() {
    if (my.walk) cancelAnimationFrame(my.walk);
    my.walk = null;
  }

  // --- Play -----------------------------------------------------------------

  function setPlayLabel() {
    const t = my.payload.texts;
    ui.playLabel.textContent = t.play;
    ui.playIcon.textContent = my.playing ? '❚❚' : '▶';
    play.setAttribute('aria-pressed', my.playing ? 'true' : 'false');
    play.title = t.play_help;
  }

  function stopPlay() {
    if (!my.playing) return;
    clearTimeout(my.playing);
    my.playing = null;
    setPlayLabel();
    scheduleReport();
  }

  /**
   * How long Play stays on a step: the speed's seconds, longer where the evidence changes at it.
   * @param {number} step
   */
  function dwellMs(step) {
    const p = my.payload;
    const seconds = p.style.play_seconds[my.speed] || p.style.play_seconds[p.style.play_default];
    const change = p.changes && p.changes[step];
    return 1000 * seconds * (change && change.changed ? p.style.play_dwell : 1);
  }

  function playOn() {
    my.playing = setTimeout(() => {
      const last = my.payload.steps.length - 1;
      if (my.step >= last) return stopPlay();
      my.inputAt = performance.now();
      show(my.step + 1);
      if (my.step >= last) stopPlay();
      else playOn();
    }, dwellMs(my.step));
  }

  play.addEventListener('click', () => {
    if (my.playing) return stopPlay();
    if (my.step >= my.payload.steps.length - 1) show(0);
    playOn();
    setPlayLabel();
  });

  ui.speed.addEventListener('change', () => {
    my.speed = /** @type {HTMLSelectElement} */ (ui.speed).value;
    if (my.playing) { // the new speed from the next step on
      clearTimeout(my.playing);
      playOn();
    }
  });

  /** The speed choices in the payload's language, keeping the one chosen. */
  function setSpeeds() {
    const p = my.payload;
    const t = p.texts;
    if (!my.speed) my.speed = p.style.play_default;
    ui.speedLabel.textContent = t.play_speed;
    ui.speed.replaceChildren(...Object.keys(p.style.play_seconds).map((key) => {
      const option = el('option', {value: key, text: t[`speed_${key}`]});
      if (key === my.speed) option.setAttribute('selected', '');
      return option;
    }));
  }

  // --- data in --------------------------------------------------------------

  /** @param {Payload} payload */
  function load(payload) {
    stopPlay();
    stopWalk();
    my.payload = payload;
    const t = payload.texts;
    my.placeIndex = new Map(payload.places.map((place, i) => [place.id, i]));
    my.eventIndex = new Map(payload.events.id.map((eventId, i) => [eventId, i]));
    my.byPlace = eventsByPlace(payload);
    mark();
    const baku = payload.places.filter((place) => place.in_baku);
    // A place that stands for the whole city is no point on the map: it is drawn as the city's tag (map.js).
    my.city = baku.filter((place) => place.whole_city);
    const located = baku.filter((place) => !place.whole_city);
    my.points = located.filter((place) => !place.ribbon);
    my.streets = located.filter((place) => place.ribbon);
    my.labelRows = located;
    my.stepX = stepStarts(payload);
    ui.label.textContent = t.time_in_baku;
    slider.max = String(payload.steps.length - 1);
    ui.ends.replaceChildren(
      el('span', {text: payload.steps[0].label}), el('span', {text: payload.steps[payload.steps.length - 1].label}),
    );
    ui.map.setAttribute('aria-label', t.map_alt);
    ui.timeline.setAttribute('aria-label', t.timeline_alt);
    const c = payload.style.colours;
    ui.key.replaceChildren(
      el('span', {class: 'bjx-dot', style: `color: rgb(${c.a.slice(0, 3)})`, text: '●'}), ` ${t.status_active} · `,
      el('span', {class: 'bjx-dot', style: `color: rgb(${c.o.slice(0, 3)})`, text: '●'}), ` ${t.status_open} · `,
      el('span', {class: 'bjx-dot', style: `color: rgb(${c.p.slice(0, 3)})`, text: '●'}), ` ${t.status_past} · `,
      el('span', {class: 'bjx-dot', style: `color: rgb(${c.f.slice(0, 3)})`, text: '○'}), ` ${t.status_future} · ${payload.basemap.attribution}. ${payload.basemap.note}`,
    );
    ui.timelineKey.textContent = t.precision_hint;
    list.drawAllPlaces();
    setSpeeds();
    setPlayLabel();
    map.load();
    timeline.draw();
  }

  /**
   * @param {Payload | null} payload a new payload, or null to keep the one held
   * @param {HostState} state
   */
  function update(payload, state) {
    let fresh = false;
    if (payload) {
      load(payload);
      fresh = true;
      if (root.dataset.failed) { delete root.dataset.failed; notify(''); }
    }
    if (!my.payload) return;
    const place = state.place || null;
    const event = state.event || null;
    const selectionChanged = place !== my.place || event !== my.event;
    my.place = place;
    my.event = event;
    if (selectionChanged) mark();
    const tilesChanged = !!state.tiles !== my.tiles;
    if (tilesChanged) {
      my.tiles = !!state.tiles;
      map.switchTiles(callbacks.loadTiles);
      if (my.tiles) root.dataset.tiles = 'on'; else delete root.dataset.tiles;
    }
    const position = my.payload.steps.findIndex((s) => s.t === state.step);
    const takes = takesHostStep({fresh, asked: state.step, seen: my.seenStep, reported: my.reported});
    my.seenStep = state.step;
    if (takes) {
      my.reported = state.step;
      show(position >= 0 ? position : 0);
    } else if (selectionChanged) {
      map.update();
      list.draw();
    } else if (tilesChanged) {
      map.update();
    }
    // Otherwise this is the host's echo of what the component told it: nothing on the screen changes.
    if (takes || selectionChanged) {
      my.panelStep = my.payload.steps[my.step].t;
      drawPanel();
    }
    if (selectionChanged) {
      timeline.draw();
      list.drawAllPlaces();
    }
  }

  /**
   * The data could not be read or did not arrive: say so where the map would be, instead of a blank map.
   * @param {string} message
   */
  function fail(message) {
    root.dataset.failed = 'true';
    notify(message);
  }

  function destroy() {
    stopPlay();
    stopWalk();
    clearTimeout(my.restTimer);
    window.removeEventListener('pointerup', pointerUp);
    timeline.destroy();
    map.destroy();
  }

  /**
   * The passage panel's data, when it comes apart from the payload (the Streamlit page sends it after the map).
   * @param {import('./panel.js').PanelData} data
   */
  function setPanel(data) {
    my.panel = data;
    if (my.payload) drawPanel();
  }

  return {update, setPanel, fail, destroy};
}
