// The map: deck.gl with the basemap, the places coloured by their status at the step, their labels and the ring
// around each place the selection marks (the chosen place, or every place of the chosen event); over it, its
// zoom and reset buttons, a scale bar and the tag of a place that stands for the whole city. A step changes
// colours and sizes by attribute updates (updateTriggers), nothing more.

import {Deck} from '@deck.gl/core';
import {PolygonLayer, TextLayer} from '@deck.gl/layers';
import {basemapLayers, zoomBand} from './basemap.js';
import {button, el} from './dom.js';
import {clampZoom, fillZoom, openingView, scaleBar, scaleWords, zoomLimits} from './mapview.js';
import {labelled} from './steps.js';

/** @typedef {import('./context.js').Context} Context */
/** @typedef {{longitude: number, latitude: number, zoom: number}} MapView */

// Signed-distance glyphs, so labels can carry a halo; the typeface, sizes and colours come with the payload's
// `style` (blackjanuary/style.py), as the Present map and the SVG maps take them.
const FONT_SETTINGS = {sdf: true, buffer: 8};
const LABEL_ROOM = 70; // pixels kept clear at each side of the places, for half a label
const CITY_TAG_ROOM = 30; // pixels the whole city's tag takes at the top of the map
const TILE_URL = 'https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png';
const PICKABLE = ['places', 'lines'];
const ZOOM_STEP = 1; // a press of + or − doubles or halves the scale
const MOVE_MS = 250; // a button's zoom or reset eases over this long, unless the reader asks for less motion
const SCALE_MOST = 110; // the scale bar's longest length, in pixels

/**
 * @param {Context} ctx
 */
export function createMap(ctx) {
  const {my, ui, root} = ctx;
  const note = document.createElement('p');
  note.className = 'bjx-map-note';
  note.setAttribute('role', 'status');
  note.hidden = true;
  ui.map.append(note);
  // The controls sit over the map but outside its image (role img), so that a screen reader reaches them.
  const zoomIn = button('+', () => zoomBy(ZOOM_STEP), {class: 'bjx-map-button bjx-zoom-in'});
  const zoomOut = button('\u2212', () => zoomBy(-ZOOM_STEP), {class: 'bjx-map-button bjx-zoom-out'});
  const reset = button('\u27f2', () => goTo(my.openView), {class: 'bjx-map-button bjx-reset'});
  const scaleLine = el('span', {class: 'bjx-scale-bar'});
  const scaleText = el('span', {class: 'bjx-scale-text'});
  // The scale is read off the map as the map is: it is not announced on its own.
  const scale = el('div', {class: 'bjx-scale', 'aria-hidden': 'true'}, scaleLine, scaleText);
  const cityTags = el('div', {class: 'bjx-city-tags'});
  const cityHalo = el('div', {class: 'bjx-city-halo', 'aria-hidden': 'true'});
  ui.mapBox.append(cityHalo, cityTags, el('div', {class: 'bjx-map-controls'}, zoomIn, zoomOut, reset), scale);

  /** @param {number} placeIndex */
  function statusOf(placeIndex) {
    return my.payload.statuses[my.step][placeIndex];
  }

  /** @param {{id: string}} row */
  function marked(row) {
    return my.highlight.places.has(my.placeIndex.get(row.id));
  }

  /**
   * @param {string} layerId
   * @param {any} data
   * @param {(row: any) => string} getText
   * @param {Record<string, any>} [extra]
   */
  function textLayer(layerId, data, getText, extra = {}) {
    return new TextLayer({
      id: layerId, data, getText,
      getPosition: extra.getPosition || ((r) => r.position),
      getSize: extra.getSize || ((r) => r.size),
      getColor: extra.getColor || ((r) => r.colour),
      getPixelOffset: extra.getPixelOffset || ((r) => r.offset || [0, 0]),
      characterSet: 'auto', fontFamily: my.payload.style.font, fontSettings: FONT_SETTINGS,
      outlineWidth: my.payload.style.label_halo, outlineColor: extra.halo || my.payload.style.halo,
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
    const labels = labelled(p, step);
    return [
      // A marked street: its wider outline in the ring's colour, under the street itself.
      new PolygonLayer({
        id: 'lines-ring', data: my.streets.filter(marked), pickable: false, stroked: false,
        getPolygon: (r) => r.ribbon_selected, getFillColor: style.ring,
      }),
      new PolygonLayer({
        id: 'lines', data: my.streets, pickable: true, autoHighlight: true, stroked: false,
        getPolygon: (r) => r.ribbon,
        getFillColor: colour,
        updateTriggers: {getFillColor: step},
      }),
      textLayer('places', my.points, () => style.mark, {
        pickable: true, getColor: colour, getSize: (r) => style.mark_size[statusOf(index.get(r.id))],
        updateTriggers: {getColor: step, getSize: step},
      }),
      textLayer('selected', my.points.filter(marked), () => style.mark, {
        halo: style.ring, getColor: colour, getSize: (r) => style.mark_size[statusOf(index.get(r.id))],
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

  /** The tags of the places that stand for the whole city: coloured by their status, ringed when marked. */
  function drawCity() {
    const p = my.payload;
    const words = {a: p.texts.status_active, o: p.texts.status_open, p: p.texts.status_past, f: p.texts.status_future};
    let glow = null;
    for (const tag of /** @type {HTMLCollectionOf<HTMLElement>} */ (cityTags.children)) {
      const row = my.city[Number(tag.dataset.row)];
      const status = statusOf(my.placeIndex.get(row.id));
      tag.dataset.status = status;
      tag.title = words[status];
      tag.classList.toggle('bjx-city-marked', marked(row));
      if (row.id === my.place) tag.setAttribute('aria-current', 'true'); else tag.removeAttribute('aria-current');
      const [r, g, b] = p.style.colours[status];
      /** @type {HTMLElement} */ (tag.firstElementChild).style.color = `rgb(${r}, ${g}, ${b})`;
      if (status === 'a' || status === 'o') glow = [r, g, b];
    }
    // Something at the step happens in the city as a whole: a halo round the whole map's edge, in its status's colour.
    cityHalo.style.boxShadow = glow ? `inset 0 0 0 4px rgba(${glow.join(', ')}, 0.55)` : '';
  }

  function update() {
    if (!my.deck) return;
    // Under street tiles that have drawn, the bundled basemap keeps only what goes over them; until they draw,
    // and once one has failed, the whole bundled basemap is drawn, so that there is always a map.
    const tilesDrawn = my.tiles && my.tileLayer && my.tileState !== 'failed';
    const view = {tiles: tilesDrawn && my.tileState === 'ok', zoom: my.zoom};
    const basemap = basemapLayers(my.payload.basemap, view, textLayer);
    my.deck.setProps({layers: [...(tilesDrawn ? [my.tileLayer] : []), ...basemap, ...placeLayers()]});
    drawCity();
  }

  /** @param {import('@deck.gl/core').PickingInfo} info */
  function tooltip({object, layer}) {
    if (!object || !layer || !PICKABLE.includes(layer.id)) return null;
    const t = my.payload.texts;
    const words = {a: t.status_active, o: t.status_open, p: t.status_past, f: t.status_future};
    return {text: `${object.name}\n${words[statusOf(my.placeIndex.get(object.id))]}`};
  }

  /** @param {string} message */
  function showMapNote(message) {
    note.textContent = message;
    note.hidden = !message;
  }

  /** @param {MapView} view */
  function drawScale(view) {
    const {metres, pixels} = scaleBar(view.latitude, view.zoom, SCALE_MOST);
    scaleLine.style.width = `${Math.round(pixels)}px`;
    scaleText.textContent = scaleWords(metres, my.payload.texts);
  }

  /**
   * Take the map to a view, easing there; the controller keeps it inside the zoom limits and the basemap.
   * @param {MapView} view
   */
  function goTo(view) {
    if (!my.deck) return;
    const still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    my.deck.setProps({initialViewState: {
      ...constraints(), ...view, zoom: clampZoom(view.zoom, my.limits), pitch: 0, bearing: 0,
      transitionDuration: still ? 0 : MOVE_MS,
    }});
  }

  /** @param {number} delta */
  function zoomBy(delta) {
    goTo({...my.view, zoom: my.view.zoom + delta});
  }

  /** The view's limits: the zooms, and the basemap's bounds, which the view's centre and edges keep within. */
  function constraints() {
    const [west, south, east, north] = my.payload.basemap.bounds;
    return {...my.limits, maxBounds: [[west, south], [east, north]]};
  }

  /**
   * How finely the map draws. At one pixel per CSS pixel, luma.gl's own measure (the canvas's device-pixel box);
   * above it, the density itself, since a browser emulating a phone's density reports that box at one pixel per
   * CSS pixel, and the map would be drawn blurred.
   */
  function devicePixels() {
    const ratio = window.devicePixelRatio || 1;
    return ratio > 1 ? ratio : true;
  }

  // A change of density (the window moved to another screen, the page zoomed) resizes nothing: follow it.
  /** @type {MediaQueryList | null} */
  let density = null;
  function followDensity() {
    if (density) density.removeEventListener('change', followDensity);
    density = window.matchMedia ? window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`) : null;
    if (density) density.addEventListener('change', followDensity);
    if (my.deck) my.deck.setProps({useDevicePixels: devicePixels()});
  }

  function makeDeck() {
    const v = my.payload.view;
    // The payload's view is fitted for a guess at the map's size; a narrower or shorter map (a phone, a laptop's
    // short map) zooms out until every place shows, clear of the labels' room and of the key over the map's foot.
    const key = /** @type {HTMLElement | null} */ (root.querySelector('.bjx-map-key'));
    const points = /** @type {[number, number][]} */ (my.payload.places.filter((p) => p.in_baku && !p.whole_city).map((p) => p.position));
    my.openView = openingView(v, points, {
      width: ui.map.clientWidth, height: ui.map.clientHeight, roomX: LABEL_ROOM,
      top: CITY_TAG_ROOM + LABEL_ROOM / 2, bottom: (key ? key.offsetHeight : 0) + LABEL_ROOM / 2,
    });
    my.zoom = my.openView.zoom;
    my.view = {...my.openView};
    my.limits = zoomLimits(my.zoom, fillZoom(my.payload.basemap.bounds, ui.map.clientWidth, ui.map.clientHeight));
    drawScale(my.view);
    my.deck = new Deck({
      parent: /** @type {HTMLDivElement} */ (ui.map),
      width: '100%', height: '100%', // the stylesheet sizes the map to the screen (explorer.css)
      useDevicePixels: devicePixels(), // at the screen's own density: crisp labels on a phone
      initialViewState: {...constraints(), ...my.openView, pitch: 0, bearing: 0},
      controller: {doubleClickZoom: false, dragRotate: false, touchRotate: false},
      getTooltip: tooltip,
      onViewStateChange: ({viewState}) => {
        // The minor streets come in and go out at a zoom: redraw only when a threshold is crossed.
        const crossed = zoomBand(my.payload.basemap, viewState.zoom) !== zoomBand(my.payload.basemap, my.zoom);
        my.zoom = viewState.zoom;
        my.view = {longitude: viewState.longitude, latitude: viewState.latitude, zoom: viewState.zoom};
        drawScale(my.view);
        if (crossed) update();
      },
      onClick: (info) => {
        if (info.object && info.layer && PICKABLE.includes(info.layer.id)) ctx.select({place: info.object.id});
      },
      onError: (error) => {
        // A part of the map that could not be loaded (the bundled land, a layer's data): say so over the map.
        showMapNote(my.payload.texts.map_part_failed);
        console.warn(error);
      },
      onAfterRender: () => {
        if (TEST_HOOKS) my.redraws += 1;
        const t = my.payload.steps[my.step].t;
        if (my.inputAt !== null) {
          if (TEST_HOOKS) {
            my.timings.push(performance.now() - my.inputAt);
            if (my.timings.length > 500) my.timings.splice(0, 250);
          }
          my.inputAt = null;
        }
        if (my.lastDrawn === null) performance.mark('bjx-first-draw');
        my.lastDrawn = t;
        root.dataset.drawn = t;
      },
      layers: [],
    });
  }

  /**
   * The street tiles switched on or off: loaded when first switched on, and afresh when switched on after they
   * failed; switched off, the note about them goes.
   * @param {import('./types.js').Callbacks['loadTiles']} importTiles
   */
  async function switchTiles(importTiles) {
    if (!my.tiles) {
      if (note.textContent === my.payload.texts.tiles_failed) showMapNote('');
      return update();
    }
    if (!importTiles || (my.tileLayer && my.tileState !== 'failed')) return update();
    const {tileLayer} = await importTiles();
    my.tileState = 'loading';
    my.tileAttempt += 1;
    my.tileLayer = tileLayer(TILE_URL, `tiles-${my.tileAttempt}`, {
      onLoad: () => {
        if (my.tileState !== 'loading') return;
        my.tileState = 'ok';
        update();
      },
      onFailure: () => {
        if (my.tileState === 'failed') return;
        my.tileState = 'failed'; // the bundled map comes back whole, and the note says why there are no tiles
        showMapNote(my.payload.texts.tiles_failed);
        update();
      },
    });
    update();
  }

  /** A new payload: the map is made on the first one, and kept for the next; the whole city's tags follow it. */
  function load() {
    const t = my.payload.texts;
    zoomIn.setAttribute('aria-label', t.zoom_in);
    zoomOut.setAttribute('aria-label', t.zoom_out);
    reset.setAttribute('aria-label', t.reset_view);
    zoomIn.title = t.zoom_in;
    zoomOut.title = t.zoom_out;
    reset.title = t.reset_view;
    cityTags.replaceChildren(...my.city.map((row, n) => {
      const tag = button('', () => ctx.select({place: row.id}), {class: 'bjx-city', 'data-row': String(n), 'data-place': row.id});
      tag.append(el('span', {class: 'bjx-city-dot', 'aria-hidden': 'true', text: my.payload.style.mark}), ` ${row.name} · `,
        el('span', {class: 'bjx-city-words', text: t.whole_city}));
      return tag;
    }));
    if (!my.deck) {
      makeDeck();
      followDensity();
    }
    drawScale(my.view);
  }

  function destroy() {
    if (density) density.removeEventListener('change', followDensity);
    if (my.deck) my.deck.finalize();
    my.deck = null;
  }

  return {update, load, switchTiles, destroy, statusOf};
}
