// A source's text, with every cited passage marked and the one a link asked for centred, beside what is known
// about the text. It sets text only, never markup.

import {button as plainButton, el} from './dom.js';

/**
 * The offline file's panel data: the component's (panel.js), with the source texts' facts.
 * @typedef {{publisher: string, title: string, language: string, facts: string[][], url: string,
 *   cited_heading: string, cited: string[]}} SourcePanel
 * @typedef {import('./panel.js').PanelData & {sources: Record<string, SourcePanel>}} PanelData
 * @typedef {{select: (choice: import('./types.js').Choice) => void,
 *   openSource: (source: string, eventId: string | null, n: number | null) => void, close: () => void}} SourceActions
 */

/**
 * @param {string} text
 * @param {() => void} onClick
 * @param {Record<string, string>} [attrs]
 */
function button(text, onClick, attrs = {}) {
  return plainButton(text, onClick, {class: 'bjo-button', ...attrs});
}

/**
 * The text in paragraphs at blank lines, line breaks kept, each cited passage in a <mark> naming the events it is
 * cited for.
 * @param {PanelData} data
 * @param {string} sourceId
 * @param {string} text
 * @param {[number, number, string, number][]} marks [start, end, event id, passage] in UTF-16 units
 * @param {[string, number] | null} target the event and passage to centre on
 */
function sourceBody(data, sourceId, text, marks, target) {
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m[0], m[1]])])].sort((a, b) => a - b);
  const box = el('div', {class: 'bjo-text', lang: data.sources[sourceId].language});
  let paragraph = el('p');
  box.append(paragraph);
  let targetShown = false;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const covering = marks.filter((m) => m[0] <= a && b <= m[1]);
    const isTarget = !!target && covering.some((m) => m[2] === target[0] && m[3] === target[1]);
    const titles = [...new Set(covering.map((m) => data.events[m[2]].title))].sort().join('; ');
    text.slice(a, b).split('\n\n').forEach((piece, n) => {
      if (n > 0) {
        paragraph = el('p');
        box.append(paragraph);
      }
      /** @type {HTMLElement} */
      let holder = paragraph;
      if (covering.length) {
        holder = el('mark', {class: isTarget ? 'bjo-mark bjo-target' : 'bjo-mark', title: data.texts.cited_for.replace('{titles}', () => titles)});
        if (isTarget && !targetShown) { holder.id = 'bjo-passage-target'; targetShown = true; }
        paragraph.append(holder);
      }
      piece.split('\n').forEach((line, i) => {
        if (i) holder.append(el('br'));
        holder.append(line);
      });
    });
  }
  return box;
}

/**
 * The source view: the text's facts and citing events beside the text, opened at a passage or at its top.
 * @param {PanelData} data
 * @param {{source: string, event: string | null, q: number | null}} view
 * @param {{text: string, marks: [number, number, string, number][]}} body
 * @param {SourceActions} actions
 * @returns {HTMLElement[]}
 */
export function sourceContents(data, view, body, actions) {
  const w = data.texts;
  const meta = data.sources[view.source];
  /** @type {[string, number] | null} */
  const target = view.q !== null ? [view.event, view.q] : null;
  const chooser = el('select', {id: 'bjo-source-choice'}, ...Object.entries(data.sources).map(([id, s]) => {
    const option = el('option', {value: id, text: s.publisher});
    option.selected = id === view.source;
    return option;
  }));
  chooser.addEventListener('change', () => actions.openSource(chooser.value, null, null));
  const facts = el('dl', {class: 'bjo-facts'});
  for (const [label, value] of meta.facts) facts.append(el('dt', {text: label}), el('dd', {text: value}));
  const side = el('div', {class: 'bjo-source-meta'},
    button(`← ${target ? w.back_to_event : w.back_to_explorer}`, actions.close, {class: 'bjo-button bjo-back'}),
    el('label', {class: 'bjo-label'}, `${w.source} `, chooser),
    el('h2', {text: meta.title}), facts,
    el('p', {class: 'bjo-caption', text: meta.url || w.address_unknown}),
    el('p', {}, el('strong', {text: meta.cited_heading})),
    el('ul', {class: 'bjo-cited'}, ...meta.cited.map((eventId) => el('li', {}, button(
      data.events[eventId].title, () => actions.select({event: eventId}), {class: 'bjo-button bjo-link'},
    )))),
  );
  const reading = el('div', {class: 'bjo-source-text'});
  if (target) {
    const passage = data.events[target[0]].passages[target[1]];
    reading.append(el('div', {class: 'bjo-cited-box'},
      el('p', {}, el('strong', {text: w.passage_cited_for}), ` ${data.events[target[0]].title}`),
      el('blockquote', {text: passage.quote}),
      el('p', {class: 'bjo-caption', text: `${passage.attribution}. ${w.highlighted_below}`})));
  }
  reading.append(sourceBody(data, view.source, body.text, body.marks, target));
  return [side, reading];
}
