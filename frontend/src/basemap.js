// The basemap under the Explore map: sea, land, streets, metro and labels, as deck.gl layers.
//
// The layers are described by blackjanuary/basemap basemap_spec() (its docstring says the format):
// the same built files that the Present page's pydeck map and the export's SVG maps draw. Each
// file is fetched once from the app's own server, or, in the offline file, given inline.

import {GeoJsonLayer} from '@deck.gl/layers';

/**
 * A basemap layer as basemap_spec() describes it.
 * @typedef {{id: string, kind: 'fill' | 'line' | 'labels', url?: string, geojson?: object, rows?: object[],
 *   colour?: number[], colour_property?: string, width?: number, width_property?: string,
 *   min_zoom?: number, with_tiles: boolean, halo?: number[]}} BasemapLayer
 */

/**
 * Whether a layer is drawn: not under street tiles unless it says so, not below its zoom.
 * @param {BasemapLayer} layer
 * @param {{tiles: boolean, zoom: number}} view
 * @returns {boolean}
 */
export function isDrawn(layer, view) {
  if (view.tiles && !layer.with_tiles) return false;
  return layer.min_zoom === undefined || view.zoom >= layer.min_zoom;
}

/**
 * Which of the spec's zoom thresholds a zoom has passed: the layers change only when this does.
 * @param {{layers: BasemapLayer[]}} spec
 * @param {number} zoom
 * @returns {number}
 */
export function zoomBand(spec, zoom) {
  return spec.layers.filter((layer) => layer.min_zoom !== undefined && zoom >= layer.min_zoom).length;
}

/**
 * A feature's value of a property, else the layer's own.
 * @param {string | undefined} property
 * @param {*} fallback
 */
function byFeature(property, fallback) {
  return property ? (f) => (f.properties && f.properties[property]) || fallback : fallback;
}

/**
 * The deck.gl layers of the basemap, bottom first.
 * @param {{layers: BasemapLayer[]}} spec
 * @param {{tiles: boolean, zoom: number}} view
 * @param {(id: string, rows: object[], getText: Function, extra: object) => object} textLayer
 *   the explorer's text layer, so that labels share the places' glyphs and drawing code
 * @returns {object[]}
 */
export function basemapLayers(spec, view, textLayer) {
  const layers = [];
  for (const layer of spec.layers) {
    if (!isDrawn(layer, view)) continue;
    const data = layer.url || layer.geojson || layer.rows;
    const id = `basemap-${layer.id}`;
    if (layer.kind === 'fill') {
      layers.push(new GeoJsonLayer({
        id, data, filled: true, stroked: false, pickable: false,
        getFillColor: byFeature(layer.colour_property, layer.colour),
      }));
    } else if (layer.kind === 'line') {
      layers.push(new GeoJsonLayer({
        id, data, filled: false, stroked: true, pickable: false,
        getLineColor: byFeature(layer.colour_property, layer.colour),
        getLineWidth: byFeature(layer.width_property, layer.width || 1),
        lineWidthUnits: 'pixels', lineCapRounded: true, lineJointRounded: true,
      }));
    } else if (layer.kind === 'labels') {
      layers.push(textLayer(id, data, (r) => r.text, {halo: layer.halo}));
    }
  }
  return layers;
}
