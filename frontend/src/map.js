// The map: deck.gl with the basemap, the places coloured by their status at the step, their labels and the ring
// around the selected one. A step changes colours and sizes by attribute updates (updateTriggers), nothing more.

import {Deck} from '@deck.gl/core';
import {PolygonLayer, TextLayer} from '@deck.gl/layers';
import {basemapLayers, zoomBand} from './basemap.js';
import {labelled} from './steps.js';

/** @typedef {import('./context.js').Context} Context */

// Signed-distance glyphs, so labels can carry a halo; the typeface, sizes and colours come with the payload's
// `style` (blackjanuary/style.py), as the Present map and the SVG maps take them.
const FONT_SETTINGS = {sdf: true, buffer: 8};
const LABEL_ROOM = 70; // pixels kept clear at each side of the places, for half a label
const TILE_URL = 'https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png';
const PICKABLE = ['places', 'lines'];

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

  /** @param {number} placeIndex */
  function statusOf(placeIndex) {
    return my.payload.statuses[my.step][placeIndex];
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

  function update() {
    if (!my.deck) return;
    const basemap = basemapLayers(my.payload.basemap, {tiles: my.tiles, zoom: my.zoom}, textLayer);
    my.deck.setProps({layers: [...(my.tiles && my.tileLayer ? [my.tileLayer] : []), ...basemap, ...placeLayers()]});
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

  function makeDeck() {
    const v = my.payload.view;
    // The view spans the places over style.fit_span pixels; a narrower map (a phone) zooms out so that no label is cut.
    const width = ui.map.clientWidth;
    const room = Math.max(width - 2 * LABEL_ROOM, 1);
    my.zoom = v.zoom + (width ? Math.min(0, Math.log2(room / my.payload.style.fit_span)) : 0);
    my.deck = new Deck({
      parent: /** @type {HTMLDivElement} */ (ui.map),
      width: '100%', height: '100%', // the stylesheet sizes the map to the screen (explorer.css)
      initialViewState: {latitude: v.latitude, longitude: v.longitude, zoom: my.zoom, pitch: 0, bearing: 0},
      controller: {doubleClickZoom: false, dragRotate: false, touchRotate: false},
      getTooltip: tooltip,
      onViewStateChange: ({viewState}) => {
        // The minor streets come in and go out at a zoom: redraw only when a threshold is crossed.
        const crossed = zoomBand(my.payload.basemap, viewState.zoom) !== zoomBand(my.payload.basemap, my.zoom);
        my.zoom = viewState.zoom;
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
   * The street tiles, loaded once when first asked for.
   * @param {import('./types.js').Callbacks['loadTiles']} importTiles
   */
  async function loadTiles(importTiles) {
    if (my.tileLayer || !importTiles) return;
    const {tileLayer} = await importTiles();
    my.tileLayer = tileLayer(TILE_URL, () => showMapNote(my.payload.texts.tiles_failed));
    update();
  }

  /** A new payload: the map is made on the first one, and kept for the next. */
  function load() {
    if (!my.deck) makeDeck();
  }

  function destroy() {
    if (my.deck) my.deck.finalize();
    my.deck = null;
  }

  return {update, load, loadTiles, destroy, statusOf};
}
