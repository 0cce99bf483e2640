// The map's view, with no DOM and no deck.gl (tested by `node --test`): how far one may zoom, a zoom kept inside
// that, and the scale bar's length and words at a zoom.

const EARTH_CIRCUMFERENCE_M = 40075016.686; // at the equator, as Web Mercator's tiles take it
const TILE_PIXELS = 512; // deck.gl's world is 512 pixels wide at zoom 0
// One may zoom out this far below the zoom the map opened at, and no further: the city stays the subject, not a
// box of land in a sea. In to streets and buildings, not past what the streets' data can show.
export const ZOOM_OUT = 1.5;
export const MAX_ZOOM = 17;
// The scale bar's lengths, in metres: round ones, from a street's to the city's.
const LENGTHS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

/**
 * The zooms one may take the map between, for the zoom it opened at.
 * @param {number} openZoom
 * @returns {{minZoom: number, maxZoom: number}}
 */
export function zoomLimits(openZoom) {
  return {minZoom: Math.min(openZoom - ZOOM_OUT, MAX_ZOOM), maxZoom: MAX_ZOOM};
}

/**
 * A zoom kept inside the limits.
 * @param {number} zoom
 * @param {{minZoom: number, maxZoom: number}} limits
 */
export function clampZoom(zoom, limits) {
  return Math.max(limits.minZoom, Math.min(limits.maxZoom, zoom));
}

/**
 * How many metres of the ground one screen pixel shows at a latitude and zoom, in Web Mercator.
 * @param {number} latitude
 * @param {number} zoom
 */
export function metresPerPixel(latitude, zoom) {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_PIXELS * 2 ** zoom);
}

/**
 * The scale bar: the longest of its round lengths that fits in `most` pixels (the shortest, if none does), and
 * how many pixels it takes.
 * @param {number} latitude
 * @param {number} zoom
 * @param {number} [most]
 * @returns {{metres: number, pixels: number}}
 */
export function scaleBar(latitude, zoom, most = 100) {
  const perPixel = metresPerPixel(latitude, zoom);
  const fitting = LENGTHS.filter((metres) => metres / perPixel <= most);
  const metres = fitting.length ? fitting[fitting.length - 1] : LENGTHS[0];
  return {metres, pixels: metres / perPixel};
}

/**
 * The scale bar's length in words, in the page's language: `{n} m` below a kilometre, `{n} km` from one on.
 * @param {number} metres a length scaleBar() gives
 * @param {Record<string, string>} texts the payload's texts, with `scale_m` and `scale_km`
 */
export function scaleWords(metres, texts) {
  if (metres < 1000) return texts.scale_m.replace('{n}', String(Math.round(metres)));
  return texts.scale_km.replace('{n}', String(metres / 1000));
}
