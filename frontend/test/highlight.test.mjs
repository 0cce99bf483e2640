// What a selection marks on the other view: an event's places on the map, a place's events on the timeline.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {eventsByPlace, highlighted} from '../src/highlight.js';

function payload() {
  // Three places; four events: the troops at the circle and the avenue, a strike in the city, a decree in Moscow,
  // and a rally at the circle.
  return {
    places: [{id: 'circle'}, {id: 'avenue'}, {id: 'moscow'}],
    events: {
      id: ['troops', 'strike', 'decree', 'rally'],
      places: [[0, 1], [], [2], [0]],
    },
  };
}

test("each place's events are every event that names it, in the events' order", () => {
  assert.deepEqual(eventsByPlace(payload()), [[0, 3], [0], [2]]);
});

test("a chosen event marks its places on the map and itself on the timeline, dimming nothing", () => {
  const p = payload();
  const marks = highlighted(p, eventsByPlace(p), {place: null, event: 'troops'});
  assert.deepEqual([...marks.places], [0, 1]);
  assert.deepEqual([...marks.events], [0]);
  assert.equal(marks.dim, false);
});

test('a chosen place marks itself on the map and all its events on the timeline, the others dimmed', () => {
  const p = payload();
  const marks = highlighted(p, eventsByPlace(p), {place: 'circle', event: null});
  assert.deepEqual([...marks.places], [0]);
  assert.deepEqual([...marks.events], [0, 3]);
  assert.equal(marks.dim, true);
});

test('an event with no place marks no place; nothing chosen, or an unknown id, marks nothing', () => {
  const p = payload();
  const byPlace = eventsByPlace(p);
  assert.deepEqual([...highlighted(p, byPlace, {place: null, event: 'strike'}).places], []);
  for (const selection of [{place: null, event: null}, {place: 'nowhere', event: null}, {place: null, event: 'gone'}]) {
    const marks = highlighted(p, byPlace, selection);
    assert.equal(marks.places.size + marks.events.size, 0);
    assert.equal(marks.dim, false);
  }
});

test('a payload without the places column marks no place for an event', () => {
  const p = {places: [{id: 'circle'}], events: {id: ['troops']}};
  assert.deepEqual(eventsByPlace(p), [[]]);
  assert.deepEqual([...highlighted(p, eventsByPlace(p), {place: null, event: 'troops'}).places], []);
});
