// Decoding what the Streamlit page hands the component: a state line, then the payload, parsed only when new.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeComponentData} from '../src/payload.js';

const encode = (text) => new TextEncoder().encode(text);
const state = {key: 'night:az:1234', step: '1990-01-20T00:00', place: 'circle', event: null, tiles: false};
const payload = {range: 'night', lang: 'az', steps: [{t: '1990-01-20T00:00', words: 'Şənbə, 20 yanvar'}]};
const data = encode(`${JSON.stringify(state)}\n${JSON.stringify(payload)}`);

test('a payload under a new key is parsed, with its text as it was sent', () => {
  const decoded = decodeComponentData(data, null);
  assert.deepEqual(decoded.state, state);
  assert.deepEqual(decoded.payload, payload);
});

test('a payload under the key the component holds is not parsed again', () => {
  const decoded = decodeComponentData(data, 'night:az:1234');
  assert.deepEqual(decoded.state, state);
  assert.equal(decoded.payload, null);
});

test('the data may come as an ArrayBuffer', () => {
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  assert.deepEqual(decodeComponentData(buffer, 'other').payload, payload);
});

test('data with no state line is refused', () => {
  assert.throws(() => decodeComponentData(encode('{}'), null), /no state line/);
  assert.throws(() => decodeComponentData(null, null), /no state line/);
});

test('a broken payload is an error, not an empty map', () => {
  assert.throws(() => decodeComponentData(encode(`${JSON.stringify(state)}\n{"steps": [`), null), SyntaxError);
});
