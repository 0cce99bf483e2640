// Building DOM nodes: text from the data is only ever set as text, never parsed as markup.

/**
 * An element with attributes (`text` sets its text, `class` its class) and children: nodes, or strings as text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attrs]
 * @param {...(Node | string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

/**
 * A button with its text and what a click does; `attrs` as for el(), `class` included.
 * @param {string} text
 * @param {() => void} onClick
 * @param {Record<string, string>} [attrs]
 */
export function button(text, onClick, attrs = {}) {
  const b = el('button', {type: 'button', ...attrs, text});
  b.addEventListener('click', onClick);
  return b;
}
