// The data the Streamlit page hands the component: one line of state, then the payload (tested by `node --test`).

/** @typedef {import('./types.js').Payload} Payload */

const decoder = new TextDecoder();

/**
 * Decode the component's data. The payload is parsed only when its key differs from `heldKey`, the key of the
 * payload the component already holds; otherwise `payload` is null.
 * @param {Uint8Array | ArrayBuffer | null | undefined} data
 * @param {string | null} heldKey
 * @returns {{state: {key: string} & import('./types.js').HostState, payload: Payload | null}}
 */
export function decodeComponentData(data, heldKey) {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data || []);
  const newline = bytes.indexOf(10);
  if (newline < 0) throw new Error('the component data has no state line');
  const state = JSON.parse(decoder.decode(bytes.subarray(0, newline)));
  const payload = state.key !== heldKey ? JSON.parse(decoder.decode(bytes.subarray(newline + 1))) : null;
  return {state, payload};
}
