// The data the Streamlit page hands the component: one line of state, then, only when the component does not
// hold it yet, the payload. Payloads are kept in the page by their key (range, language, data version), so each
// travels once however often the component is drawn again. No DOM here: `node --test` runs it.

/** @typedef {import('./types.js').Payload} Payload */
/** @typedef {{key: string, failed?: string} & import('./types.js').HostState} StateLine */

const decoder = new TextDecoder();
const KEPT = 6; // payloads kept: three ranges in two languages

/** Payloads by key, the most recently used last. */
export class PayloadCache {
  constructor(size = KEPT) {
    /** @type {Map<string, Payload>} */
    this.payloads = new Map();
    this.size = size;
  }

  /** @param {string} key */
  get(key) {
    const payload = this.payloads.get(key);
    if (payload) { this.payloads.delete(key); this.payloads.set(key, payload); }
    return payload || null;
  }

  /** @param {string} key @param {Payload} payload */
  set(key, payload) {
    this.payloads.delete(key);
    this.payloads.set(key, payload);
    while (this.payloads.size > this.size) this.payloads.delete(this.payloads.keys().next().value);
  }
}

/**
 * Decode the component's data: its state line, and the payload for the state's key, parsed from the data when it
 * came with it (and then kept in `cache`) or taken from `cache`. `payload` is null when neither has it.
 * @param {Uint8Array | ArrayBuffer | null | undefined} data
 * @param {PayloadCache} cache
 * @returns {{state: StateLine, payload: Payload | null}}
 */
export function decodeComponentData(data, cache) {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data || []);
  if (!bytes.length) throw new Error('the component was given no data');
  const newline = bytes.indexOf(10);
  const state = JSON.parse(decoder.decode(newline < 0 ? bytes : bytes.subarray(0, newline)));
  if (newline >= 0) {
    const payload = JSON.parse(decoder.decode(bytes.subarray(newline + 1)));
    cache.set(state.key, payload);
    return {state, payload};
  }
  return {state, payload: cache.get(state.key)};
}
