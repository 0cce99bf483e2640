// The map's view: its zoom limits, a zoom kept inside them, and the scale bar at a zoom.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {MAX_ZOOM, ZOOM_OUT, clampZoom, metresPerPixel, fillZoom, openingView, reach, scaleBar, scaleWords, zoomLimits} from '../src/mapview.js';

const BAKU = 40.38;
const TEXTS = {scale_m: '{n} m', scale_km: '{n} km'};

test('one may zoom out a little way from where the map opened, and in to the streets', () => {
  const limits = zoomLimits(11.5);
  assert.deepEqual(limits, {minZoom: 11.5 - ZOOM_OUT, maxZoom: MAX_ZOOM});
  assert.ok(limits.minZoom < 11.5 && 11.5 < limits.maxZoom);
  assert.deepEqual(zoomLimits(MAX_ZOOM + 2), {minZoom: MAX_ZOOM, maxZoom: MAX_ZOOM}); // never a minimum above the maximum
});

test('a zoom past a limit stops at it', () => {
  const limits = {minZoom: 10, maxZoom: 17};
  assert.equal(clampZoom(3, limits), 10);
  assert.equal(clampZoom(12.25, limits), 12.25);
  assert.equal(clampZoom(25, limits), 17);
  let zoom = 11.5;
  for (let press = 0; press < 10; press++) zoom = clampZoom(zoom - 1, limits);
  assert.equal(zoom, 10);
});

test('a pixel shows half the ground one zoom in, and less ground away from the equator', () => {
  assert.ok(Math.abs(metresPerPixel(0, 0) - 40075016.686 / 512) < 1e-6);
  assert.ok(Math.abs(metresPerPixel(BAKU, 12) / metresPerPixel(BAKU, 13) - 2) < 1e-9);
  assert.ok(metresPerPixel(BAKU, 12) < metresPerPixel(0, 12));
});

test('the scale bar is the longest round length that fits, and its pixels measure it', () => {
  for (const zoom of [9.5, 10, 11.56, 12.3, 14, 16, 17]) {
    const {metres, pixels} = scaleBar(BAKU, zoom, 110);
    const digits = String(metres).replace(/0+$/, '');
    assert.ok(['1', '2', '5'].includes(digits), `${metres} m is a round length`);
    assert.ok(pixels <= 110 && pixels > 110 / 2.5, `${pixels} px at zoom ${zoom}`);
    assert.ok(Math.abs(pixels * metresPerPixel(BAKU, zoom) - metres) < 1e-6);
  }
  // At Explore's opening zoom over Baku a pixel is about 20 m: the bar says 2 km.
  assert.equal(scaleBar(BAKU, 11.56, 110).metres, 2000);
  // Zooming in a step halves the length or less.
  assert.ok(scaleBar(BAKU, 13, 110).metres < scaleBar(BAKU, 12, 110).metres);
});

test('the scale bar speaks metres below a kilometre and kilometres from one on, in the page language', () => {
  assert.equal(scaleWords(500, TEXTS), '500 m');
  assert.equal(scaleWords(1000, TEXTS), '1 km');
  assert.equal(scaleWords(20000, TEXTS), '20 km');
  assert.equal(scaleWords(200, {scale_m: '{n} м', scale_km: '{n} км'}), '200 м');
  assert.equal(scaleWords(5000, {scale_m: '{n} м', scale_km: '{n} км'}), '5 км');
});

test('the map opens zoomed out just enough for every place to show on a short or narrow map', () => {
  const view = {longitude: 49.85, latitude: 40.38, zoom: 12};
  const points = [[49.80, 40.36], [49.90, 40.40]];
  const margins = {roomX: 70, top: 50, bottom: 50};
  assert.deepEqual(openingView(view, points, {width: 2000, height: 2000, ...margins}), view, 'never closer in than the payload asks');
  const short = openingView(view, points, {width: 2000, height: 264, ...margins});
  assert.ok(short.zoom < 12);
  assert.ok(Math.abs(2 * reach(view, points, short.zoom).y - (264 - 100)) < 1e-6, 'the places span the room left between the margins');
  assert.ok(Math.abs(short.latitude - view.latitude) < 1e-9, 'equal margins keep the centre');
  const narrow = openingView(view, points, {width: 390, height: 2000, ...margins});
  assert.ok(Math.abs(2 * reach(view, points, narrow.zoom).x - (390 - 140)) < 1e-6);
  assert.deepEqual(openingView(view, [], {width: 390, height: 264, ...margins}), view);
  assert.deepEqual(openingView(view, points, {width: 0, height: 0, ...margins}), view, 'a map not laid out yet');
});

test('a deeper margin below moves the centre south, so that the places sit in the middle of the room left', () => {
  const view = {longitude: 49.85, latitude: 40.38, zoom: 12};
  const points = [[49.80, 40.36], [49.90, 40.40]];
  const opened = openingView(view, points, {width: 2000, height: 300, roomX: 70, top: 40, bottom: 100});
  assert.ok(opened.latitude < view.latitude);
  // The places' centre is now 30 pixels above the map's centre: half of 100 - 40.
  const scale = 512 * 2 ** opened.zoom;
  const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI) * scale;
  assert.ok(Math.abs(y(view.latitude) - y(opened.latitude) - 30) < 1e-6);
});

test('one zooms out only as far as the basemap still fills the map, and never below the opening zoom for it', () => {
  const bounds = [49.6, 40.2, 50.2, 40.6];
  const fill = fillZoom(bounds, 640, 300);
  // At that zoom the bounds cover the map, one of their sides exactly.
  const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  const w = (0.6 / 360) * 512 * 2 ** fill, h = (y(40.6) - y(40.2)) * 512 * 2 ** fill;
  assert.ok(w >= 640 - 1e-6 && h >= 300 - 1e-6 && (Math.abs(w - 640) < 1e-6 || Math.abs(h - 300) < 1e-6));
  assert.equal(zoomLimits(10, fill).minZoom, Math.max(10 - ZOOM_OUT, fill));
  assert.equal(zoomLimits(10, 12).minZoom, 10, 'a map that opens further out than the fill keeps its opening zoom');
  assert.equal(zoomLimits(10).minZoom, 10 - ZOOM_OUT);
  assert.equal(fillZoom(bounds, 0, 0), -Infinity);
});
