// The data the Streamlit page hands the component: one line of state, then, only when the component does not
// hold them yet, the payload and the passage panel. Payloads are kept in the page by their key (range, language,
// data version) and panels by theirs (language, data version), so each travels once however often the component
// is drawn again. No DOM here: `node --test` runs it.

/** @typedef {import('./types.js').Payload} Payload */
/** @typedef {{key: string, panel_key?: string, sent?: string[], failed?: string} & import('./types.js').HostState} StateLine */

const decoder = new TextDecoder();
const KEPT = 6; // payloads kept: three ranges in two languages

/**
 * Payloads (or panels) by key, the most recently used last.
 * @template [T=Payload]
 */
export class PayloadCache {
  constructor(size = KEPT) {
    /** @type {Map<string, T>} */
    this.payloads = new Map();
    this.size = size;
  }

  /** @param {string} key @returns {T | null} */
  get(key) {
    const payload = this.payloads.get(key);
    if (payload) { this.payloads.delete(key); this.payloads.set(key, payload); }
    return payload || null;
  }

  /** @param {string} key @param {T} payload */
  set(key, payload) {
    this.payloads.delete(key);
    this.payloads.set(key, payload);
    while (this.payloads.size > this.size) this.payloads.delete(this.payloads.keys().next().value);
  }
}

/**
 * Decode the component's data: its state line, then the parts the line's `sent` names, one line each, in order:
 * the payload for the state's `key` and the passage panel for its `panel_key`. A part that came is kept in its
 * cache; one that did not is taken from the cache, and is null when the cache lacks it too.
 * @param {Uint8Array | ArrayBuffer | null | undefined} data
 * @param {PayloadCache} cache the payloads, by key
 * @param {PayloadCache<import('./panel.js').PanelData>} [panels] the panels, by panel key
 * @returns {{state: StateLine, payload: Payload | null, panel: import('./panel.js').PanelData | null}}
 */
export function decodeComponentData(data, cache, panels = /** @type {PayloadCache<import('./panel.js').PanelData>} */ (new PayloadCache())) {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data || []);
  if (!bytes.length) throw new Error('the component was given no data');
  const lines = [];
  let from = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, from)) {
    lines.push(bytes.subarray(from, at));
    from = at + 1;
  }
  lines.push(bytes.subarray(from));
  const state = JSON.parse(decoder.decode(lines[0]));
  const sent = Array.isArray(state.sent) ? state.sent : [];
  if (sent.length !== lines.length - 1) {
    throw new Error(`the state line names ${sent.length} part(s) and ${lines.length - 1} came`);
  }
  /** @type {Record<string, any>} */
  const parts = {};
  sent.forEach((name, n) => { parts[name] = JSON.parse(decoder.decode(lines[n + 1])); });
  if (parts.payload) cache.set(state.key, parts.payload);
  if (parts.panel && state.panel_key) panels.set(state.panel_key, parts.panel);
  return {
    state,
    payload: parts.payload || cache.get(state.key),
    panel: state.panel_key ? parts.panel || panels.get(state.panel_key) : null,
  };
}
