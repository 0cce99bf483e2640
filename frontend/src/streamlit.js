// The Streamlit page's host: data in as bytes (a state line, then the payload), events out as state and triggers.

import {createExplorer} from './explorer.js';
import {decodeComponentData} from './payload.js';

/** @type {WeakMap<HTMLElement, {key: string | null, callbacks: any, explorer: ReturnType<typeof createExplorer>, cleanup: () => void}>} */
const instances = new WeakMap();

/**
 * Called by Streamlit at every run of the page that draws the component.
 * @param {{parentElement: HTMLElement, data: Uint8Array | ArrayBuffer, setStateValue: (name: string, value: unknown) => void,
 *   setTriggerValue: (name: string, value: unknown) => void}} args
 */
export default function render({parentElement, data, setStateValue, setTriggerValue}) {
  let entry = instances.get(parentElement);
  if (!entry) {
    const root = document.createElement('div');
    parentElement.append(root);
    const made = {key: null, callbacks: {}, explorer: null, cleanup: null};
    made.explorer = createExplorer(root, {
      onStep: (t) => made.callbacks.setStateValue('step', t),
      onSelect: (choice) => made.callbacks.setTriggerValue('select', choice),
      loadTiles: () => import('./tiles.js'),
    });
    made.cleanup = () => { made.explorer.destroy(); instances.delete(parentElement); };
    instances.set(parentElement, made);
    entry = made;
  }
  entry.callbacks = {setStateValue, setTriggerValue};
  const {state, payload} = decodeComponentData(data, entry.key);
  if (payload) entry.key = state.key;
  entry.explorer.update(payload, state);
  return entry.cleanup;
}
