// What the parts of the component share: its elements, its state and the callbacks between them.

/**
 * The component's state, one object shared by its parts (and exposed to the tests in the bundles with TEST_HOOKS).
 * @typedef {object} ExplorerState
 * @property {import('./types.js').Payload | null} payload
 * @property {import('./panel.js').PanelData | null} panel the passage panel's data, when it came apart from the payload
 * @property {number} step
 * @property {string | null} place
 * @property {string | null} event
 * @property {boolean} tiles
 * @property {ReturnType<typeof setTimeout> | null} playing the next step's timer while Play runs
 * @property {string} speed Play's speed, a key of style.play_seconds
 * @property {ReturnType<typeof setTimeout> | undefined} restTimer
 * @property {string | null} reported the step last reported to the host
 * @property {string | null} seenStep the step the host last asked for
 * @property {any} deck the deck.gl instance
 * @property {any} tileLayer
 * @property {'loading' | 'ok' | 'failed' | null} tileState the street tiles' state: none drawn yet, drawn, or one
 *   failed (the bundled map is drawn whole, and says so); null before they are first switched on
 * @property {number} tileAttempt how many times the tiles were loaded afresh
 * @property {number | null} walk
 * @property {number} walkTarget
 * @property {boolean} dragging
 * @property {number[]} shown the steps shown, latest last (kept only with TEST_HOOKS)
 * @property {number[]} timings input to deck.gl drawn, in ms (kept only with TEST_HOOKS)
 * @property {number} redraws the map's draws so far (kept only with TEST_HOOKS)
 * @property {number | null} panelDrawnAt when the panel was last drawn (kept only with TEST_HOOKS)
 * @property {string | null} panelStep the step whose events the panel marks
 * @property {number | null} inputAt
 * @property {string | null} lastDrawn
 * @property {number} zoom the map's zoom now: the minor streets show from a zoom on
 * @property {{longitude: number, latitude: number, zoom: number}} view the map's view now
 * @property {{longitude: number, latitude: number, zoom: number}} openView the view it opened at, which reset returns to
 * @property {{minZoom: number, maxZoom: number}} limits how far the map zooms out and in (mapview.js)
 * @property {import('./highlight.js').Highlight} highlight what the selection marks on the map and the timeline
 * @property {number[][]} byPlace each place's events (highlight.js eventsByPlace)
 * @property {Map<string, number>} placeIndex
 * @property {Map<string, number>} eventIndex
 * @property {import('./types.js').PlaceRow[]} points
 * @property {import('./types.js').PlaceRow[]} streets
 * @property {import('./types.js').PlaceRow[]} city the places that stand for the whole city, drawn as its tag
 * @property {import('./types.js').PlaceRow[]} labelRows
 * @property {number[]} stepX
 * @property {{width: number, left: number, top: number, plot: number, rowHeight: number, height: number} | null} geometry
 * @property {Map<number, number[]>} rowsIndex
 */

/**
 * @typedef {object} Context
 * @property {HTMLElement} root
 * @property {ExplorerState} my
 * @property {Record<string, HTMLElement>} ui
 * @property {(choice: import('./types.js').Choice) => void} select
 * @property {(message: string) => void} notify
 */

export {};
