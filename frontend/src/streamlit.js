// The Streamlit page's host: data in as bytes (a state line, then the payload and the passage panel when the
// component lacks them), events out as state (the resting step) and triggers (a selection, a passage's source, a
// missing payload or panel). Each is kept in the page by its key, so a rerun carries only the state. When the
// page's data names a key this page does not hold, the component asks for it with the `missing` trigger and the
// page sends it. The panel is always asked for so: the map draws from the payload first, and the passages, which
// on a large catalogue weigh ten times as much, follow while the map is already on the screen.

import {restorePageDeck} from './deck_scope.js';
import {PayloadCache, decodeComponentData} from './payload.js';

// deck.gl comes with the component, imported only once the page's own deck.gl is set aside (deck_scope.js).
const {createExplorer} = await import('./explorer.js');
restorePageDeck();

/**
 * @typedef {object} Instance
 * @property {string | null} key the key of the payload the explorer shows
 * @property {string | null} asked the payload's key last asked for with `missing`
 * @property {string | null} askedPanel the panel's key last asked for with `missing`
 * @property {string | null} panelKey the key of the panel the explorer shows
 * @property {{setStateValue: (name: string, value: unknown) => void, setTriggerValue: (name: string, value: unknown) => void}} callbacks
 * @property {ReturnType<typeof import('./explorer.js').createExplorer>} explorer
 * @property {() => void} cleanup
 */

/** @type {WeakMap<HTMLElement, Instance>} */
const instances = new WeakMap();
const cache = new PayloadCache();
/** @type {PayloadCache<import('./panel.js').PanelData>} */
const panels = new PayloadCache();

/**
 * Called by Streamlit at every run of the page that draws the component, and whenever its data changes.
 * @param {{parentElement: HTMLElement, data: Uint8Array | ArrayBuffer, setStateValue: (name: string, value: unknown) => void,
 *   setTriggerValue: (name: string, value: unknown) => void}} args
 */
export default function render({parentElement, data, setStateValue, setTriggerValue}) {
  let entry = instances.get(parentElement);
  if (!entry) {
    const root = document.createElement('div');
    parentElement.append(root);
    /** @type {Instance} */
    const made = {key: null, asked: null, askedPanel: null, panelKey: null, callbacks: {setStateValue, setTriggerValue}, explorer: null, cleanup: null};
    made.explorer = createExplorer(root, {
      onStep: (t) => made.callbacks.setStateValue('step', t),
      onSelect: (choice) => made.callbacks.setTriggerValue('select', choice),
      onSource: (source, event, n) => made.callbacks.setTriggerValue('source', {source, event, q: n}),
      loadTiles: () => import('./tiles.js'),
    });
    made.cleanup = () => { made.explorer.destroy(); instances.delete(parentElement); };
    instances.set(parentElement, made);
    entry = made;
  }
  entry.callbacks = {setStateValue, setTriggerValue};
  let decoded;
  try {
    decoded = decodeComponentData(data, cache, panels);
  } catch (error) {
    entry.explorer.fail(String(error));
    return entry.cleanup;
  }
  const {state, payload, panel} = decoded;
  if (state.key === entry.key) {
    entry.explorer.update(null, state);
  } else if (payload) {
    entry.key = state.key;
    entry.asked = null;
    entry.explorer.update(payload, state);
  } else if (entry.asked !== state.key) {
    entry.asked = state.key; // asked once: if it still does not come, that is a failure to show
    setTriggerValue('missing', state.key);
    return entry.cleanup;
  } else {
    entry.explorer.fail(state.failed || 'The explorer\u2019s data did not arrive.');
    return entry.cleanup;
  }
  const panelKey = state.panel_key || null;
  if (panel && panelKey !== entry.panelKey) {
    entry.panelKey = panelKey;
    entry.askedPanel = null;
    entry.explorer.setPanel(panel);
  } else if (!panel && panelKey && entry.askedPanel !== panelKey) {
    entry.askedPanel = panelKey;
    setTriggerValue('missing', panelKey);
  } else if (!panel && panelKey) {
    entry.explorer.fail(state.failed || 'The explorer\u2019s data did not arrive.');
  }
  return entry.cleanup;
}
