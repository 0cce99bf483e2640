// The thin Streamlit adapter: data in as bytes (a state line, then the payload), events out as state and triggers.

import {createExplorer} from './explorer.js';

const instances = new WeakMap();
const decoder = new TextDecoder();

export default function render({parentElement, data, setStateValue, setTriggerValue}) {
  let entry = instances.get(parentElement);
  if (!entry) {
    const root = document.createElement('div');
    parentElement.append(root);
    entry = {key: null, callbacks: {}};
    entry.explorer = createExplorer(root, {
      onStep: (t) => entry.callbacks.setStateValue('step', t),
      onSelect: (choice) => entry.callbacks.setTriggerValue('select', choice),
      loadTiles: () => import('./tiles.js'),
    });
    entry.cleanup = () => { entry.explorer.destroy(); instances.delete(parentElement); };
    instances.set(parentElement, entry);
  }
  entry.callbacks = {setStateValue, setTriggerValue};
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data || []);
  const newline = bytes.indexOf(10);
  const state = JSON.parse(decoder.decode(bytes.subarray(0, newline)));
  let payload = null;
  if (state.key !== entry.key) {
    payload = JSON.parse(decoder.decode(bytes.subarray(newline + 1)));
    entry.key = state.key;
  }
  entry.explorer.update(payload, state);
  return entry.cleanup;
}
