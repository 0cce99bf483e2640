// The page's deck.gl, set aside while the component's own copy starts.
//
// Streamlit draws its own pydeck maps (the Present page) with another build of deck.gl, in the same page.
// deck.gl refuses to start where a global `deck` of another version is already registered, in whichever
// copy comes second. So the Streamlit host imports this module first, then the component (and with it
// deck.gl) by a dynamic import, then calls restorePageDeck(): the component's copy starts with no global
// `deck`, and Streamlit's, before or after it, finds its own or none.

/** @type {any} */
const page = globalThis;
const elsewhere = page.deck; // Streamlit's copy's registration, if it started first
delete page.deck;

/** Put back the page's own registration (or none), once the component's deck.gl has started. */
export function restorePageDeck() {
  if (elsewhere) page.deck = elsewhere;
  else delete page.deck;
}
