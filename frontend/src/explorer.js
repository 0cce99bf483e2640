// The Explore page's scrubber, map, timeline and "at this step" list, all in the browser.
//
// createExplorer(root, {onStep, onSelect, loadTiles}) draws into `root` and
// returns {update(payload, state), destroy()}. `payload` is what
// blackjanuary/explorer.py builds for a range; `state` is {step, place,
// event, tiles}. A scrub step changes the map, the timeline's cursor and the
// list in the same frame and asks nothing of the server: the caller learns
// the step through onStep(t) once the slider rests, and a click through
// onSelect({place} | {event}). `loadTiles()` resolves to the street tiles'
// module (tiles.js); without it, as in the offline file, there are none.
// Text from the data is only ever set as text.

import {Deck} from '@deck.gl/core';
import {PolygonLayer, TextLayer} from '@deck.gl/layers';
import {basemapLayers, zoomBand} from './basemap.js';

const REST_MS = 350; // the slider counts as resting this long after its last change
const FONT = 'Source Sans, Source Sans Pro, Helvetica, Arial, sans-serif';
const FONT_SETTINGS = {sdf: true, buffer: 8};
const HALO = [255, 255, 255, 235];
const RING = [20, 20, 20, 255];
const MAP_HEIGHT = 430;
const LABEL_ROOM = 70; // pixels kept clear at each side of the places, for half a label
const TIMELINE_TOP = 22; // room for the axis labels
const TIMELINE_MAX_HEIGHT = 420;
const TILE_URL = 'https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png';

// An element with attributes (`text` sets its text, `class` its class) and children: nodes, or strings as text.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

let counter = 0;

export function createExplorer(root, callbacks) {
  const id = `bjx-${++counter}`;
  performance.mark('bjx-created');
  const ui = {};
  root.classList.add('bjx');
  ui.play = el('button', {type: 'button', class: 'bjx-play', 'aria-pressed': 'false'});
  ui.label = el('label', {for: `${id}-slider`, class: 'bjx-label'});
  ui.slider = el('input', {type: 'range', id: `${id}-slider`, class: 'bjx-slider', min: '0', max: '0', step: '1'});
  ui.words = el('p', {class: 'bjx-words', id: `${id}-words`});
  ui.ends = el('div', {class: 'bjx-ends', 'aria-hidden': 'true'});
  ui.map = el('div', {class: 'bjx-map', role: 'img'});
  ui.key = el('p', {class: 'bjx-key'});
  ui.list = el('section', {class: 'bjx-list'});
  ui.timeline = el('div', {class: 'bjx-timeline', role: 'img'});
  ui.canvas = el('canvas', {class: 'bjx-timeline-canvas'});
  ui.cursor = el('div', {class: 'bjx-cursor', 'aria-hidden': 'true'});
  ui.tip = el('div', {class: 'bjx-tip', role: 'tooltip'});
  ui.timelineKey = el('p', {class: 'bjx-key'});
  ui.timeline.append(ui.canvas, ui.cursor, ui.tip);
  root.replaceChildren(
    el('div', {class: 'bjx-scrub'}, ui.play, el('div', {class: 'bjx-slider-box'}, ui.label, ui.slider, ui.ends)),
    ui.words, ui.map, ui.key, ui.list, ui.timeline, ui.timelineKey,
  );

  const my = {
    payload: null, step: 0, place: null, event: null, tiles: false, playing: null,
    restTimer: null, reported: null, seenStep: null, deck: null, tileLayer: null,
    walk: null, dragging: false, shown: [], timings: [], inputAt: null, lastDrawn: null, zoom: 0,
  };
  root.bjx = my; // read by the tests and the benchmark

  // --- the step -------------------------------------------------------------

  function show(step) {
    const p = my.payload;
    step = Math.max(0, Math.min(p.steps.length - 1, step));
    my.step = step;
    ui.slider.value = String(step);
    const s = p.steps[step];
    ui.slider.setAttribute('aria-valuetext', s.words);
    ui.words.textContent = `${s.words} · ${s.count}`;
    moveCursor();
    drawList();
    updateMap();
    root.dataset.step = s.t;
    my.shown.push(step);
    if (my.shown.length > 500) my.shown.splice(0, 250);
    scheduleReport();
  }

  function scheduleReport() {
    clearTimeout(my.restTimer);
    my.restTimer = setTimeout(() => {
      if (my.playing || my.walk) return scheduleReport();
      const t = my.payload.steps[my.step].t;
      if (t !== my.reported) {
        my.reported = t;
        callbacks.onStep(t);
      }
    }, REST_MS);
  }

  ui.slider.addEventListener('input', (e) => {
    my.inputAt = e.timeStamp;
    const target = Number(ui.slider.value);
    if (my.dragging && Math.abs(target - my.step) > 1) {
      // A fast drag jumps steps: walk through each, one a frame, so none is skipped.
      ui.slider.value = String(my.step);
      startWalk(target);
    } else {
      stopWalk();
      show(target);
    }
  });
  ui.slider.addEventListener('pointerdown', () => { my.dragging = true; stopPlay(); });
  window.addEventListener('pointerup', () => { my.dragging = false; });
  ui.slider.addEventListener('keydown', () => { my.inputAt = performance.now(); stopPlay(); });

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
    ui.play.textContent = my.playing ? `❚❚ ${t.pause}` : `▶ ${t.play}`;
    ui.play.setAttribute('aria-pressed', my.playing ? 'true' : 'false');
    ui.play.title = t.play_help;
  }

  function stopPlay() {
    if (!my.playing) return;
    clearInterval(my.playing);
    my.playing = null;
    setPlayLabel();
    scheduleReport();
  }

  ui.play.addEventListener('click', () => {
    if (my.playing) return stopPlay();
    const p = my.payload;
    if (my.step >= p.steps.length - 1) show(0);
    my.playing = setInterval(() => {
      my.inputAt = performance.now();
      if (my.step >= p.steps.length - 1) return stopPlay();
      show(my.step + 1);
      if (my.step >= p.steps.length - 1) stopPlay();
    }, 1000 / p.style.play_per_second);
    setPlayLabel();
  });

  // --- the list -------------------------------------------------------------

  function select(choice) {
    stopPlay();
    my.place = choice.place || null;
    my.event = choice.event || null;
    updateMap();
    drawTimeline();
    callbacks.onSelect(choice);
  }

  function button(text, detail, choice, extraClass = '') {
    const b = el('button', {type: 'button', class: `bjx-item ${extraClass}`});
    b.append(el('span', {class: 'bjx-item-title', text}));
    if (detail) b.append(el('span', {class: 'bjx-item-detail', text: detail}));
    const selected = (choice.place && choice.place === my.place) || (choice.event && choice.event === my.event);
    if (selected) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', () => select(choice));
    return b;
  }

  function eventButtons(indices) {
    const p = my.payload;
    const ev = p.events;
    const max = p.style.max_listed;
    const out = [];
    if (indices.length > max) {
      out.push(el('p', {class: 'bjx-note', text: p.texts.first_of.replace('{shown}', max).replace('{count}', indices.length)}));
    }
    const ul = el('ul', {class: 'bjx-items'});
    for (const i of indices.slice(0, max)) {
      const single = ev.flags[i] & p.style.flags.single ? `${p.style.single_mark} ` : '';
      ul.append(el('li', {}, button(`${single}${ev.title[i]}`, ev.window[i], {event: ev.id[i]})));
    }
    out.push(ul);
    return out;
  }

  function drawList() {
    const p = my.payload;
    const t = p.texts;
    const ev = p.events;
    const step = my.step;
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
    const active = [];
    const away = [];
    p.places.forEach((place, i) => {
      if (!place.in_baku) away.push(i);
      else if (status[i] === 'a') active.push(i);
    });
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

  function changesLine() {
    // What changed since the step before, as the page words it (blackjanuary/range_view.py change_lines).
    const change = my.payload.changes && my.payload.changes[my.step];
    const box = el('div', {class: 'bjx-changes'});
    if (!change) return box;
    box.append(el('strong', {text: change.heading}));
    for (const line of change.lines) box.append(el('br'), document.createTextNode(line));
    return box;
  }

  function titleOf(eventId) {
    const i = my.eventIndex.get(eventId);
    return i === undefined ? eventId : my.payload.events.title[i];
  }

  // --- the map --------------------------------------------------------------

  function statusOf(placeIndex) {
    return my.payload.statuses[my.step][placeIndex];
  }

  function labelled() {
    // Every place is named, unless there are many: then the first max_labels with events at the step.
    const p = my.payload;
    const flags = new Uint8Array(p.places.length);
    let shown = 0;
    const all = my.bakuCount <= p.style.max_labels;
    p.places.forEach((place, i) => {
      if (!place.in_baku) return;
      if (all || (statusOf(i) === 'a' && shown < p.style.max_labels)) { flags[i] = 1; shown++; }
    });
    return flags;
  }

  function textLayer(layerId, data, getText, extra = {}) {
    return new TextLayer({
      id: layerId, data, getText,
      getPosition: extra.getPosition || ((r) => r.position),
      getSize: extra.getSize || ((r) => r.size),
      getColor: extra.getColor || ((r) => r.colour),
      getPixelOffset: extra.getPixelOffset || ((r) => r.offset || [0, 0]),
      characterSet: 'auto', fontFamily: FONT, fontSettings: FONT_SETTINGS,
      outlineWidth: 10, outlineColor: extra.halo || HALO,
      pickable: !!extra.pickable, autoHighlight: !!extra.pickable,
      updateTriggers: extra.updateTriggers || {},
      extensions: extra.extensions || [],
      ...(extra.props || {}),
    });
  }

  function placeLayers() {
    const p = my.payload;
    const style = p.style;
    const step = my.step;
    const index = my.placeIndex;
    const colour = (r) => style.colours[statusOf(index.get(r.id))];
    const labels = labelled();
    return [
      new PolygonLayer({
        id: 'lines', data: my.streets, pickable: true, autoHighlight: true, stroked: false,
        getPolygon: (r) => (r.id === my.place ? r.ribbon_selected : r.ribbon),
        getFillColor: colour,
        updateTriggers: {getFillColor: step, getPolygon: my.place},
      }),
      textLayer('places', my.points, () => style.mark, {
        pickable: true, getColor: colour, getSize: (r) => style.mark_size[statusOf(index.get(r.id))],
        updateTriggers: {getColor: step, getSize: step},
      }),
      textLayer('selected', my.points.filter((r) => r.id === my.place), () => style.mark, {
        halo: RING, getColor: colour, getSize: (r) => style.mark_size[statusOf(index.get(r.id))],
        updateTriggers: {getColor: step, getSize: step},
      }),
      // Labels that the step leaves out get size 0: an attribute update, with the same
      // drawing code as every other text layer (a filter extension would compile another).
      textLayer('labels', my.labelRows, (r) => r.name, {
        getSize: (r) => (labels[index.get(r.id)] ? style.label_size : 0), getColor: () => style.label_colour,
        getPixelOffset: (r) => r.label_offset,
        updateTriggers: {getSize: step},
      }),
    ];
  }

  function updateMap() {
    if (!my.deck) return;
    const basemap = basemapLayers(my.payload.basemap, {tiles: my.tiles, zoom: my.zoom}, textLayer);
    my.deck.setProps({layers: [...(my.tiles && my.tileLayer ? [my.tileLayer] : []), ...basemap, ...placeLayers()]});
  }

  function tooltip({object, layer}) {
    if (!object || !layer || !['places', 'lines'].includes(layer.id)) return null;
    const t = my.payload.texts;
    const words = {a: t.status_active, o: t.status_open, p: t.status_past, f: t.status_future};
    return {text: `${object.name}\n${words[statusOf(my.placeIndex.get(object.id))]}`};
  }

  function makeDeck() {
    const v = my.payload.view;
    // The view spans the places over style.fit_span pixels; a narrower map (a phone) zooms out so that no label is cut.
    const width = ui.map.clientWidth;
    const room = Math.max(width - 2 * LABEL_ROOM, 1);
    my.zoom = v.zoom + (width ? Math.min(0, Math.log2(room / my.payload.style.fit_span)) : 0);
    my.deck = new Deck({
      parent: ui.map,
      width: '100%', height: `${MAP_HEIGHT}px`,
      initialViewState: {latitude: v.latitude, longitude: v.longitude, zoom: my.zoom, pitch: 0, bearing: 0},
      controller: {doubleClickZoom: false, dragRotate: false, touchRotate: false},
      getTooltip: tooltip,
      onViewStateChange: ({viewState}) => {
        // The minor streets come in and go out at a zoom: redraw only when a threshold is crossed.
        const crossed = zoomBand(my.payload.basemap, viewState.zoom) !== zoomBand(my.payload.basemap, my.zoom);
        my.zoom = viewState.zoom;
        if (crossed) updateMap();
      },
      onClick: (info) => {
        if (info.object && info.layer && ['places', 'lines'].includes(info.layer.id)) select({place: info.object.id});
      },
      onAfterRender: () => {
        const t = my.payload.steps[my.step].t;
        if (my.inputAt !== null) {
          my.timings.push(performance.now() - my.inputAt);
          if (my.timings.length > 500) my.timings.splice(0, 250);
          my.inputAt = null;
        }
        if (my.lastDrawn === null) performance.mark('bjx-first-draw');
        my.lastDrawn = t;
        root.dataset.drawn = t;
      },
      layers: [],
    });
  }

  async function loadTiles() {
    if (my.tileLayer || !callbacks.loadTiles) return;
    const {tileLayer} = await callbacks.loadTiles();
    my.tileLayer = tileLayer(TILE_URL);
    updateMap();
  }

  // --- the timeline ---------------------------------------------------------

  function timelineGeometry() {
    const p = my.payload;
    const width = ui.timeline.clientWidth || 600;
    const rows = Math.max(p.rows, 1);
    const rowHeight = Math.min(p.style.row_height, TIMELINE_MAX_HEIGHT / rows);
    const left = width < 500 ? Math.min(p.style.margin_left, 96) : p.style.margin_left;
    return {width, left, top: TIMELINE_TOP, plot: width - left - 12, rowHeight, height: TIMELINE_TOP + rowHeight * rows + 6};
  }

  function transparent(hex) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, 0)`;
  }

  function hatch(ctx) {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 7;
    const c = tile.getContext('2d');
    c.strokeStyle = 'rgba(255,255,255,0.65)';
    c.lineWidth = 2;
    c.beginPath(); c.moveTo(0, 7); c.lineTo(7, 0); c.stroke();
    return ctx.createPattern(tile, 'repeat');
  }

  function drawTimeline() {
    const p = my.payload;
    if (!p) return;
    const g = timelineGeometry();
    my.geometry = g;
    const ratio = window.devicePixelRatio || 1;
    ui.canvas.width = Math.round(g.width * ratio);
    ui.canvas.height = Math.round(g.height * ratio);
    ui.canvas.style.width = `${g.width}px`;
    ui.canvas.style.height = `${g.height}px`;
    ui.timeline.style.height = `${g.height}px`;
    const ctx = ui.canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, g.width, g.height);
    ctx.font = `11px ${FONT}`;
    ctx.textBaseline = 'middle';
    // Axis: a faint line at each tick, its label above the plot.
    ctx.fillStyle = '#444';
    ctx.strokeStyle = 'rgba(128,128,128,0.25)';
    let labelEnd = -Infinity;
    for (const tick of p.axis) {
      const x = g.left + tick.x * g.plot;
      ctx.beginPath(); ctx.moveTo(x, TIMELINE_TOP - 4); ctx.lineTo(x, g.height); ctx.stroke();
      const width = ctx.measureText(tick.label).width;
      if (x + 2 > labelEnd + 6 && x + 2 + width <= g.width) { // a label only where it has room
        ctx.fillText(tick.label, x + 2, 10);
        labelEnd = x + 2 + width;
      }
    }
    // Lanes: their names in the margin, dotted lines between them.
    for (const [n, lane] of p.lanes.entries()) {
      const y0 = TIMELINE_TOP + lane.first_row * g.rowHeight;
      if (n > 0) {
        ctx.setLineDash([2, 3]);
        ctx.beginPath(); ctx.moveTo(0, y0); ctx.lineTo(g.width, y0); ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#333';
      ctx.save();
      ctx.beginPath(); ctx.rect(0, y0, g.left - 4, lane.rows * g.rowHeight); ctx.clip();
      ctx.fillText(lane.label, 4, y0 + Math.max(lane.rows * g.rowHeight, 12) / 2, g.left - 8);
      ctx.restore();
    }
    const ev = p.events;
    const f = p.style.flags;
    const pattern = hatch(ctx);
    const barHeight = Math.max(g.rowHeight * 0.8, 0.6);
    my.rowsIndex = new Map();
    for (let i = 0; i < ev.id.length; i++) {
      if (ev.row[i] < 0) continue;
      const x = g.left + ev.x0[i] * g.plot;
      const w = Math.max((ev.x1[i] - ev.x0[i]) * g.plot, 2);
      const y = TIMELINE_TOP + ev.row[i] * g.rowHeight + (g.rowHeight - barHeight) / 2;
      const colour = p.lanes[ev.lane[i]].colour;
      const precise = ev.flags[i] & f.precise;
      ctx.globalAlpha = precise ? 0.9 : 0.5;
      const fade = ev.fade[i];
      if (fade) {
        // The part of the span the evidence does not fix fades out (towards an open or uncertain end) or in.
        const f0 = g.left + fade[0] * g.plot;
        const f1 = Math.max(g.left + fade[1] * g.plot, f0 + 1);
        const gradient = ctx.createLinearGradient(f0, 0, f1, 0);
        gradient.addColorStop(0, fade[2] > 0 ? colour : transparent(colour));
        gradient.addColorStop(1, fade[2] > 0 ? transparent(colour) : colour);
        ctx.fillStyle = gradient;
      } else {
        ctx.fillStyle = colour;
      }
      ctx.fillRect(x, y, w, barHeight);
      if (!precise) { ctx.fillStyle = pattern; ctx.fillRect(x, y, w, barHeight); }
      ctx.globalAlpha = 1;
      if (ev.id[i] === my.event) {
        ctx.strokeStyle = '#111'; ctx.lineWidth = 3; ctx.strokeRect(x, y, w, barHeight); ctx.lineWidth = 1;
        ctx.strokeStyle = 'rgba(128,128,128,0.25)';
      }
      if (!my.rowsIndex.has(ev.row[i])) my.rowsIndex.set(ev.row[i], []);
      my.rowsIndex.get(ev.row[i]).push(i);
    }
    if (g.rowHeight >= 14) {
      ctx.fillStyle = '#1b1b1b';
      for (const members of my.rowsIndex.values()) {
        members.forEach((i, n) => {
          const x = g.left + ev.x0[i] * g.plot + 3;
          const next = n + 1 < members.length ? g.left + ev.x0[members[n + 1]] * g.plot : g.left + g.plot;
          const room = next - x - 4;
          if (room < 24) return;
          const single = ev.flags[i] & f.single ? `${p.style.single_mark} ` : '';
          let text = `${single}${ev.title[i]}`;
          if (ctx.measureText(text).width > room) {
            while (text.length > 1 && ctx.measureText(`${text}…`).width > room) text = text.slice(0, -1);
            text = `${text.trimEnd()}…`;
          }
          ctx.fillText(text, x, TIMELINE_TOP + ev.row[i] * g.rowHeight + g.rowHeight / 2);
        });
      }
    }
    moveCursor();
  }

  function moveCursor() {
    const p = my.payload;
    const g = my.geometry;
    if (!g) return;
    const n = p.steps.length;
    // Steps are equal shares of the axis except calendar months; the axis ends one step after the last.
    const x0 = my.stepX[my.step];
    const x1 = my.stepX[my.step + 1] !== undefined ? my.stepX[my.step + 1] : 1;
    ui.cursor.style.left = `${g.left + x0 * g.plot}px`;
    ui.cursor.style.width = `${Math.max((x1 - x0) * g.plot, 2)}px`;
    ui.cursor.style.top = `${TIMELINE_TOP}px`;
    ui.cursor.style.height = `${g.height - TIMELINE_TOP}px`;
    ui.cursor.dataset.step = p.steps[Math.min(my.step, n - 1)].t;
  }

  function eventAt(clientX, clientY) {
    const g = my.geometry;
    const box = ui.canvas.getBoundingClientRect();
    const x = (clientX - box.left - g.left) / g.plot;
    const row = Math.floor((clientY - box.top - TIMELINE_TOP) / g.rowHeight);
    const ev = my.payload.events;
    const slack = 3 / g.plot;
    for (const i of my.rowsIndex.get(row) || []) {
      if (ev.x0[i] - slack <= x && x <= Math.max(ev.x1[i], ev.x0[i] + 2 / g.plot) + slack) return i;
    }
    return -1;
  }

  ui.canvas.addEventListener('mousemove', (e) => {
    const i = eventAt(e.clientX, e.clientY);
    if (i < 0) { ui.tip.style.display = 'none'; ui.canvas.style.cursor = ''; return; }
    const ev = my.payload.events;
    ui.tip.textContent = `${ev.title[i]}\n${ev.window[i]}`;
    const box = ui.timeline.getBoundingClientRect();
    ui.tip.style.display = 'block';
    ui.tip.style.left = `${Math.min(e.clientX - box.left + 12, box.width - 260)}px`;
    ui.tip.style.top = `${e.clientY - box.top + 12}px`;
    ui.canvas.style.cursor = 'pointer';
  });
  ui.canvas.addEventListener('mouseleave', () => { ui.tip.style.display = 'none'; });
  ui.canvas.addEventListener('click', (e) => {
    const i = eventAt(e.clientX, e.clientY);
    if (i >= 0) select({event: my.payload.events.id[i]});
  });
  const resize = new ResizeObserver(() => { if (my.payload) drawTimeline(); });
  resize.observe(ui.timeline);

  // --- data in --------------------------------------------------------------

  function load(payload) {
    stopPlay();
    stopWalk();
    my.payload = payload;
    const t = payload.texts;
    my.placeIndex = new Map(payload.places.map((place, i) => [place.id, i]));
    my.eventIndex = new Map(payload.events.id.map((eventId, i) => [eventId, i]));
    const baku = payload.places.filter((place) => place.in_baku);
    my.bakuCount = baku.length;
    my.points = baku.filter((place) => !place.ribbon);
    my.streets = baku.filter((place) => place.ribbon);
    my.labelRows = baku;
    // Where each step starts on the axis (a share of its width).
    const axisEnd = payload.steps.length;
    my.stepX = payload.step_x || payload.steps.map((_, i) => i / axisEnd);
    ui.label.textContent = t.time_in_baku;
    ui.slider.max = String(payload.steps.length - 1);
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
    setPlayLabel();
    if (!my.deck) makeDeck();
    drawTimeline();
  }

  function update(payload, state) {
    let fresh = false;
    if (payload) { load(payload); fresh = true; }
    if (!my.payload) return;
    const selectionChanged = state.place !== my.place || state.event !== my.event;
    my.place = state.place || null;
    my.event = state.event || null;
    if (state.tiles !== my.tiles) {
      my.tiles = !!state.tiles;
      if (my.tiles) loadTiles();
      if (my.tiles) root.dataset.tiles = 'on'; else delete root.dataset.tiles;
    }
    // Take the step from the caller on a new range, or when the caller changed it (a link, the range switch);
    // not when it only echoes a step reported earlier, which the slider may have left since.
    const position = my.payload.steps.findIndex((s) => s.t === state.step);
    const callerMoved = state.step !== my.seenStep && state.step !== my.reported;
    my.seenStep = state.step;
    if (fresh || callerMoved) {
      my.reported = state.step;
      show(position >= 0 ? position : 0);
    } else {
      updateMap();
      drawList();
    }
    if (selectionChanged) drawTimeline();
  }

  function destroy() {
    stopPlay();
    stopWalk();
    clearTimeout(my.restTimer);
    resize.disconnect();
    if (my.deck) my.deck.finalize();
    my.deck = null;
  }

  return {update, destroy};
}
