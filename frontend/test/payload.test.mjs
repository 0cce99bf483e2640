// Decoding what the Streamlit page hands the component: a state line, then the payload and the panel when new.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PayloadCache, decodeComponentData} from '../src/payload.js';

const encode = (text) => new TextEncoder().encode(text);
const state = {key: 'night:az:1234', panel_key: 'panel:az:1234', sent: ['payload'], step: '1990-01-20T00:00',
  place: 'circle', event: null, tiles: false};
const payload = {range: 'night', lang: 'az', steps: [{t: '1990-01-20T00:00', words: 'Şənbə, 20 yanvar'}]};
const panel = {texts: {clear_selection: 'Seçimi ləğv et'}, events: {}, places: {}};
const withPayload = encode(`${JSON.stringify(state)}\n${JSON.stringify(payload)}`);
const stateAlone = encode(JSON.stringify({...state, sent: [], step: '1990-01-20T01:00'}));

test('a payload that comes with the state is parsed, with its text as it was sent, and kept', () => {
  const cache = new PayloadCache();
  const decoded = decodeComponentData(withPayload, cache);
  assert.deepEqual(decoded.state, state);
  assert.deepEqual(decoded.payload, payload);
  assert.deepEqual(cache.get(state.key), payload);
});

test('a state line alone takes the payload kept under its key', () => {
  const cache = new PayloadCache();
  decodeComponentData(withPayload, cache);
  const decoded = decodeComponentData(stateAlone, cache);
  assert.equal(decoded.state.step, '1990-01-20T01:00');
  assert.equal(decoded.payload, cache.get(state.key));
});

test('a state line whose payload the page does not hold has none', () => {
  assert.equal(decodeComponentData(stateAlone, new PayloadCache()).payload, null);
});

test('the data may come as an ArrayBuffer', () => {
  const buffer = withPayload.buffer.slice(withPayload.byteOffset, withPayload.byteOffset + withPayload.byteLength);
  assert.deepEqual(decodeComponentData(buffer, new PayloadCache()).payload, payload);
});

test('no data, or a broken state line or payload, is an error, not an empty map', () => {
  assert.throws(() => decodeComponentData(null, new PayloadCache()), /no data/);
  assert.throws(() => decodeComponentData(encode('{"key": '), new PayloadCache()), SyntaxError);
  assert.throws(() => decodeComponentData(encode(`${JSON.stringify(state)}\n{"steps": [`), new PayloadCache()), SyntaxError);
  // A line that names parts which did not come, or parts that it does not name.
  const short = encode(`${JSON.stringify({...state, sent: ['payload', 'panel']})}\n${JSON.stringify(payload)}`);
  assert.throws(() => decodeComponentData(short, new PayloadCache()), /names 2 part/);
  assert.throws(() => decodeComponentData(encode(`${JSON.stringify({...state, sent: []})}\n{}`), new PayloadCache()), /names 0 part/);
});

test('the panel comes after the payload, or alone, and is kept by its own key for every range', () => {
  const cache = new PayloadCache();
  const panels = new PayloadCache();
  const both = encode(`${JSON.stringify({...state, sent: ['payload', 'panel']})}\n${JSON.stringify(payload)}\n${JSON.stringify(panel)}`);
  let decoded = decodeComponentData(both, cache, panels);
  assert.deepEqual(decoded.payload, payload);
  assert.deepEqual(decoded.panel, panel);
  // Another range in the same language: its payload comes, the panel is the one kept.
  const january = {...state, key: 'january:az:1234'};
  decoded = decodeComponentData(encode(`${JSON.stringify(january)}\n${JSON.stringify(payload)}`), cache, panels);
  assert.deepEqual(decoded.panel, panel);
  // Alone, after the state line, when the component asked for it.
  const fresh = new PayloadCache();
  decoded = decodeComponentData(encode(`${JSON.stringify({...state, sent: ['panel']})}\n${JSON.stringify(panel)}`), cache, fresh);
  assert.deepEqual(decoded.panel, panel);
  assert.deepEqual(fresh.get(state.panel_key), panel);
  // Not sent and not kept: none.
  assert.equal(decodeComponentData(stateAlone, cache, new PayloadCache()).panel, null);
});

test('the cache keeps the payloads used last', () => {
  const cache = new PayloadCache(2);
  cache.set('a', {n: 1});
  cache.set('b', {n: 2});
  cache.get('a');
  cache.set('c', {n: 3});
  assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [{n: 1}, null, {n: 3}]);
});
