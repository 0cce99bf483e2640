// The shapes the component works on, for the type checker (`tsc --checkJs`, run by `make check`).
// blackjanuary/explorer.py builds the payload; its docstring says what each field means.

/**
 * @typedef {{t: string, label: string, words: string, count: string}} Step
 * @typedef {{id: string, name: string, in_baku: boolean, position: number[], ribbon?: number[][],
 *   ribbon_selected?: number[][], label_offset?: number[], whole_city?: boolean}} PlaceRow
 * @typedef {{id: string[], title: string[], window: string[], first: number[], last: number[],
 *   open_first: number[], open_last: number[], row: number[], x0: number[], x1: number[],
 *   fade: (number[] | null)[], lane: number[], flags: number[], places?: number[][]}} EventColumns
 * @typedef {{heading: string, lines: string[], changed: boolean}} Change
 * @typedef {{label: string, first_row: number, rows: number, colour: string}} Lane
 * @typedef {{x: number, label: string}} Tick
 * @typedef {import('./basemap.js').BasemapLayer} BasemapLayer
 * @typedef {import('@deck.gl/core').Color} Color
 * @typedef {{layers: BasemapLayer[], attribution: string, note: string, bounds: number[]}} Basemap
 * @typedef {{latitude: number, longitude: number, zoom: number}} View
 * @typedef {{font_size: number, ink: string, axis: string, lane: string, grid: string, hatch: string,
 *   selected: string}} TimelineInk
 * @typedef {{colours: Record<string, Color>, mark: string, mark_size: Record<string, number>,
 *   label_size: number, label_colour: Color, label_halo: number, font: string, halo: Color, ring: Color,
 *   timeline: TimelineInk, max_labels: number, max_listed: number, single_mark: string,
 *   row_height: number, margin_left: number, play_seconds: Record<string, number>, play_default: string,
 *   play_dwell: number,
 *   flags: {precise: number, single: number, long: number, open_end: number, open_start: number}}} Style
 * @typedef {{range: string, lang: string, steps: Step[], step_x?: number[], places: PlaceRow[],
 *   statuses: string[], events: EventColumns, changes?: Change[], lanes: Lane[], rows: number, axis: Tick[],
 *   basemap: Basemap, view: View, style: Style, texts: Record<string, string>,
 *   panel?: import('./panel.js').PanelData}} Payload
 */

/**
 * What the host tells the component at each update: the step (as in links), the selection, the street tiles.
 * @typedef {{step: string | null, place: string | null, event: string | null, tiles: boolean}} HostState
 */

/**
 * A choice made in the component: a place or an event, or neither (the selection cleared).
 * @typedef {{place?: string, event?: string}} Choice
 */

/**
 * What the host gives createExplorer.
 * @typedef {{onStep: (t: string) => void, onSelect: (choice: Choice) => void,
 *   onSource: (source: string, eventId: string, n: number) => void,
 *   loadTiles?: () => Promise<typeof import('./tiles.js')>}} Callbacks
 */

export {};
