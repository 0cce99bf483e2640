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
 * The zooms one may take the map between, for the zoom it opened at: out by ZOOM_OUT, or only as far as the
 * basemap still fills the map (`fillZoom`) when that comes first, but never less than the opening zoom allows.
 * @param {number} openZoom
 * @param {number} [filled] the least zoom at which the basemap fills the map (`fillZoom`)
 * @returns {{minZoom: number, maxZoom: number}}
 */
export function zoomLimits(openZoom, filled = -Infinity) {
  return {minZoom: Math.min(Math.max(openZoom - ZOOM_OUT, Math.min(filled, openZoom)), MAX_ZOOM), maxZoom: MAX_ZOOM};
}

/**
 * The least zoom at which the bounds [west, south, east, north] still fill a map `width` by `height` pixels:
 * further out, the view would have to show beyond them, which the map does not allow.
 * @param {number[]} bounds
 * @param {number} width
 * @param {number} height
 */
export function fillZoom([west, south, east, north], width, height) {
  const y = (/** @type {number} */ lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  const spanX = (east - west) / 360 * TILE_PIXELS;
  const spanY = (y(north) - y(south)) * TILE_PIXELS;
  if (!(spanX > 0 && spanY > 0 && width > 0 && height > 0)) return -Infinity;
  return Math.log2(Math.max(width / spanX, height / spanY));
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

/**
 * How far the places reach from the view's centre, in pixels at `zoom`: the largest distance east or west, and
 * north or south (deck.gl's Web Mercator, y downwards). The view is centred on the places' box, so twice these
 * is what the places span.
 * @param {{longitude: number, latitude: number}} centre
 * @param {[number, number][]} points [lon, lat]
 * @param {number} zoom
 */
export function reach(centre, points, zoom) {
  const scale = TILE_PIXELS * 2 ** zoom;
  const y = (/** @type {number} */ lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI) * scale;
  let x = 0, h = 0;
  for (const [lon, lat] of points) {
    x = Math.max(x, Math.abs((lon - centre.longitude) / 360 * scale));
    h = Math.max(h, Math.abs(y(lat) - y(centre.latitude)));
  }
  return {x, y: h};
}

/**
 * The view the map opens at: the payload's centre and zoom, zoomed out by whatever a narrower or shorter map than
 * it was fitted for needs for every place to show, `roomX` pixels clear at each side and `top` and `bottom` clear
 * above and below (the city's tag, the key over the map's foot); the centre moved so that the places sit in the
 * middle of what is left. Never closer in than the payload's.
 * @param {{longitude: number, latitude: number, zoom: number}} view the payload's
 * @param {[number, number][]} points [lon, lat]
 * @param {{width: number, height: number, roomX: number, top: number, bottom: number}} map
 * @returns {{longitude: number, latitude: number, zoom: number}}
 */
export function openingView(view, points, {width, height, roomX, top, bottom}) {
  const same = {longitude: view.longitude, latitude: view.latitude, zoom: view.zoom};
  if (!width || !height || !points.length) return same;
  const {x, y} = reach(view, points, view.zoom);
  const fits = (/** @type {number} */ half, /** @type {number} */ space) => (half > 0 ? Math.log2(Math.max(space, 1) / (2 * half)) : 0);
  const zoom = view.zoom + Math.min(0, fits(x, width - 2 * roomX), fits(y, height - top - bottom));
  // Down by half the difference of the margins, so that the places' middle is the middle of the room between them.
  const scale = TILE_PIXELS * 2 ** zoom;
  const worldY = Math.log(Math.tan(Math.PI / 4 + (view.latitude * Math.PI) / 360)) / (2 * Math.PI) * scale;
  const shifted = (worldY - (bottom - top) / 2) / scale * 2 * Math.PI;
  return {longitude: view.longitude, latitude: (2 * Math.atan(Math.exp(shifted)) - Math.PI / 2) * 180 / Math.PI, zoom};
}
