// The offline file's link: reading the hash, with a notice for each value it cannot show, and writing it back.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {rangeFor, readLink, writeLink} from '../src/link.js';

const STEPS = {
  night: ['1990-01-19T18:00', '1990-01-19T19:00', '1990-01-20T00:00', '1990-01-20T02:00'],
  january: ['1990-01-13T00:00', '1990-01-15T06:00', '1990-01-20T00:00', '1990-01-22T18:00'],
  years: ['1987-01-01T00:00', '1990-01-01T00:00', '1993-12-01T00:00'],
};
const panel = (lang) => ({
  texts: {
    bad_range: `${lang}: no range {value}`, bad_time: `${lang}: bad time {value}`,
    time_outside_range: `${lang}: outside {value}`, bad_place: `${lang}: no place {value}`,
    bad_event: `${lang}: no event {value}`, bad_source: `${lang}: no source {value}`,
    bad_passage: `${lang}: no passage {value}`,
  },
  places: {circle: {}},
  events: {troops: {passages: [{source: 'news'}, {source: 'trend'}]}},
  sources: {news: {}, trend: {}},
});
const ctx = {
  lang: 'en',
  setup: {languages: {en: 'English', az: 'Azərbaycanca'}, ranges: ['night', 'january', 'years'],
    default_range: 'night', default_t: '1990-01-20T00:00'},
  panelOf: panel,
  stepsOf: (_lang, range) => STEPS[range],
};
const view = (extra) => ({lang: 'en', range: 'night', t: '1990-01-20T00:00', place: null, event: null, source: null,
  q: null, ...extra});

test('no link opens the default view', () => {
  assert.deepEqual(readLink('', ctx), {next: view({}), notices: []});
});

test('a full link is read whole', () => {
  const {next, notices} = readLink('r=night&t=1990-01-19T19:00&event=troops&source=trend&q=1&lang=az', ctx);
  assert.deepEqual(next, view({lang: 'az', t: '1990-01-19T19:00', event: 'troops', source: 'trend', q: 1}));
  assert.deepEqual(notices, []);
});

test('a time alone picks the narrowest range that holds it, and snaps to its step', () => {
  assert.deepEqual(readLink('t=1990-01-15T07:00', ctx).next, view({range: 'january', t: '1990-01-15T06:00'}));
  assert.equal(rangeFor('1988-05-01T00:00', ctx, 'en'), 'years');
  assert.equal(rangeFor('2001-01-01T00:00', ctx, 'en'), 'years');
});

test('each unknown or malformed value is dropped with a notice in the link language', () => {
  const {next, notices} = readLink('lang=az&r=decade&t=soon&place=nowhere&event=x&source=y', ctx);
  assert.deepEqual(next, view({lang: 'az'}));
  assert.deepEqual(notices, ['az: no range decade', 'az: bad time soon', 'az: no place nowhere', 'az: no event x',
    'az: no source y']);
});

test('a time outside the range asked for is moved into it, with a notice', () => {
  const {next, notices} = readLink('r=night&t=1990-01-21T05:00', ctx);
  assert.deepEqual(next, view({t: '1990-01-20T02:00'}));
  assert.deepEqual(notices, ['en: outside 1990-01-21T05:00']);
});

test("a passage number must be one of the event's passages in that source", () => {
  for (const q of ['0', '2', '-1', 'x', '1.0']) {
    const {next, notices} = readLink(`event=troops&source=trend&q=${q}`, ctx);
    assert.equal(next.q, null, q);
    assert.deepEqual(notices, [`en: no passage ${q}`], q);
  }
});

test('an unknown language is ignored: the language shown stays', () => {
  assert.equal(readLink('lang=fr', {...ctx, lang: 'az'}).next.lang, 'az');
});

test('a notice shows the value as it was written, even with $ patterns', () => {
  assert.deepEqual(readLink(`place=${encodeURIComponent("$'$&")}`, ctx).notices, ["en: no place $'$&"]);
});

test('the link written for a view reads back as the same view', () => {
  const shown = view({lang: 'az', t: '1990-01-19T19:00', event: 'troops', source: 'trend', q: 1});
  assert.equal(writeLink(shown), 'r=night&t=1990-01-19T19%3A00&lang=az&event=troops&source=trend&q=1');
  assert.deepEqual(readLink(writeLink(shown), ctx).next, shown);
});

test('a time must be a real local time to the minute, as parse_local reads it', () => {
  for (const bad of ['1990-02-30T02:00', '1990-01-20T24:00', '1990-01-20T02:60', '1990-13-01T00:00', '0000-01-01T00:00',
    '1990-1-20T02:00', '1990-01-20 02:00']) {
    assert.deepEqual(readLink(`t=${encodeURIComponent(bad)}`, ctx).notices, [`en: bad time ${bad}`], bad);
  }
  assert.deepEqual(readLink('t=1992-02-29T23:59', ctx).notices, []);
});

// The same cases as the Explore page's parser (tests/test_link_cases.py), from one table.
const TABLE = JSON.parse(readFileSync(new URL('../../tests/link_cases.json', import.meta.url), 'utf8'));
const NOTICES = ['bad_range', 'bad_time', 'time_outside_range', 'bad_place', 'bad_event', 'bad_source', 'bad_passage'];
const tableContext = {
  lang: 'en',
  setup: {languages: {en: 'English'}, ranges: Object.keys(TABLE.steps), default_range: TABLE.default_range,
    default_t: TABLE.default_t},
  panelOf: () => ({
    texts: Object.fromEntries(NOTICES.map((key) => [key, `${key}\u0000{value}`])),
    places: Object.fromEntries(TABLE.known.place.map((id) => [id, {}])),
    events: Object.fromEntries(TABLE.known.event.map((id) => [id, {passages: []}])),
    sources: {},
  }),
  stepsOf: (_lang, range) => TABLE.steps[range],
};

for (const c of TABLE.cases) {
  test(`the offline file reads the link "${c.link}" as the table says`, () => {
    const {next, notices} = readLink(c.link, tableContext);
    assert.deepEqual({range: next.range, t: next.t, place: next.place, event: next.event}, c.view);
    assert.deepEqual(notices.map((n) => n.split('\u0000')), c.notices);
  });
}
