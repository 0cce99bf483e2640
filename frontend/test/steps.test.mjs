// The step logic: what the list, the map's labels and the host's echo do at a step.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {activeIds, clampStep, eventsAt, labelled, placesAt, snap, stepStarts, takesHostStep} from '../src/steps.js';

const FLAGS = {precise: 1, single: 2, long: 4, open_end: 8, open_start: 16};

function payload({maxLabels = 10} = {}) {
  // Three steps, three places (two in Baku), four events: a moment, a long period, one open after it began, and
  // one active at no step.
  return {
    steps: [{t: '1990-01-19T23:00'}, {t: '1990-01-20T00:00'}, {t: '1990-01-20T01:00'}],
    places: [
      {id: 'circle', name: 'Circle', in_baku: true},
      {id: 'avenue', name: 'Avenue', in_baku: true},
      {id: 'moscow', name: 'Moscow', in_baku: false},
    ],
    statuses: ['ffa', 'afp', 'pap'],
    events: {
      id: ['troops', 'emergency', 'strike', 'later'],
      first: [1, 0, 0, -1], last: [1, 2, 0, -1],
      open_first: [-1, -1, 1, -1], open_last: [-1, -1, 2, -1],
      flags: [FLAGS.precise, FLAGS.long, FLAGS.open_end, 0],
    },
    style: {flags: FLAGS, max_labels: maxLabels},
  };
}

test('a step stays inside the range', () => {
  assert.equal(clampStep(-3, 5), 0);
  assert.equal(clampStep(2, 5), 2);
  assert.equal(clampStep(9, 5), 4);
});

test('the list groups the events at a step into moments, longer periods and begun with no end', () => {
  const p = payload();
  assert.deepEqual(eventsAt(p, 0), {moment: [2], longer: [1], stillOpen: []});
  assert.deepEqual(eventsAt(p, 1), {moment: [0], longer: [1], stillOpen: [2]});
  assert.deepEqual(eventsAt(p, 2), {moment: [], longer: [1], stillOpen: [2]});
  assert.deepEqual([...activeIds(p, 1)], ['troops', 'emergency']);
  assert.deepEqual([...activeIds(p, -1)], []);
});

test("the list names Baku's active places and every place beyond Baku", () => {
  const p = payload();
  assert.deepEqual(placesAt(p, 0), {active: [], away: [2]});
  assert.deepEqual(placesAt(p, 1), {active: [0], away: [2]});
  assert.deepEqual(placesAt(p, 2), {active: [1], away: [2]});
});

test("the map names every place in Baku, or only the step's active ones when there are many", () => {
  assert.deepEqual([...labelled(payload(), 0)], [1, 1, 0]);
  assert.deepEqual([...labelled(payload({maxLabels: 1}), 0)], [0, 0, 0]);
  assert.deepEqual([...labelled(payload({maxLabels: 1}), 2)], [0, 1, 0]);
});

test('steps share the axis equally unless the payload says where each starts', () => {
  const p = payload();
  assert.deepEqual(stepStarts(p), [0, 1 / 3, 2 / 3]);
  assert.deepEqual(stepStarts({...p, step_x: [0, 0.5, 0.9]}), [0, 0.5, 0.9]);
});

test("the host's echo of a reported step does not move the slider; a new step or payload does", () => {
  assert.equal(takesHostStep({fresh: true, asked: 'a', seen: 'a', reported: 'a'}), true);
  assert.equal(takesHostStep({fresh: false, asked: 'b', seen: 'a', reported: 'b'}), false); // the echo
  assert.equal(takesHostStep({fresh: false, asked: 'a', seen: 'a', reported: 'b'}), false); // unchanged
  assert.equal(takesHostStep({fresh: false, asked: 'c', seen: 'a', reported: 'b'}), true); // a link
});

test('a time snaps to the step it falls in, or the first', () => {
  const steps = ['1990-01-19T18:00', '1990-01-19T19:00', '1990-01-19T20:00'];
  assert.equal(snap('1990-01-19T19:30', steps), '1990-01-19T19:00');
  assert.equal(snap('1990-01-19T20:00', steps), '1990-01-19T20:00');
  assert.equal(snap('1990-01-21T00:00', steps), '1990-01-19T20:00');
  assert.equal(snap('1989-01-01T00:00', steps), '1990-01-19T18:00');
});
