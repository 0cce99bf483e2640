// The timeline: events as spans in lanes on a canvas, hatched where only approximate, faded towards an edge the
// texts leave open; a cursor over it at the step, a tooltip on hover, and a click that selects a span. The
// selected event's span is outlined; with a place chosen, its events' spans are, and the others are dimmed. The
// canvas draws at the screen's pixel density, and again when that changes (the window moved to another screen).

/** @typedef {import('./context.js').Context} Context */

const TIMELINE_TOP = 22; // room for the axis labels
// At most this share of the window's height, so that the map and the timeline fit one laptop screen together.
const TIMELINE_SHARE = 0.2;
const TIMELINE_MIN_HEIGHT = 150;
const TIMELINE_MAX_HEIGHT = 420;
const DIMMED = 0.3; // the opacity left to the spans of other places' events while a place is chosen

/** @param {string} hex */
function transparent(hex) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, 0)`;
}

/** @param {CanvasRenderingContext2D} ctx @param {string} colour */
function hatch(ctx, colour) {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 7;
  const c = tile.getContext('2d');
  c.strokeStyle = colour;
  c.lineWidth = 2;
  c.beginPath(); c.moveTo(0, 7); c.lineTo(7, 0); c.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/**
 * @param {Context} ctx
 */
export function createTimeline(ctx) {
  const {my, ui} = ctx;
  const canvas = /** @type {HTMLCanvasElement} */ (ui.canvas);

  function geometry() {
    const p = my.payload;
    const width = ui.timeline.clientWidth || 600;
    const rows = Math.max(p.rows, 1);
    const most = Math.max(TIMELINE_MIN_HEIGHT, Math.min(TIMELINE_MAX_HEIGHT, window.innerHeight * TIMELINE_SHARE));
    const rowHeight = Math.min(p.style.row_height, most / rows);
    const left = width < 500 ? Math.min(p.style.margin_left, 96) : p.style.margin_left;
    return {width, left, top: TIMELINE_TOP, plot: width - left - 12, rowHeight, height: TIMELINE_TOP + rowHeight * rows + 6};
  }

  function draw() {
    const p = my.payload;
    if (!p) return;
    const g = geometry();
    my.geometry = g;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(g.width * ratio);
    canvas.height = Math.round(g.height * ratio);
    canvas.style.width = `${g.width}px`;
    canvas.style.height = `${g.height}px`;
    ui.timeline.style.height = `${g.height}px`;
    const c = canvas.getContext('2d');
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.clearRect(0, 0, g.width, g.height);
    const ink = p.style.timeline; // its colours and type, from blackjanuary/style.py
    c.font = `${ink.font_size}px ${p.style.font}`;
    c.textBaseline = 'middle';
    // Axis: a faint line at each tick, its label above the plot.
    c.fillStyle = ink.axis;
    c.strokeStyle = ink.grid;
    let labelEnd = -Infinity;
    for (const tick of p.axis) {
      const x = g.left + tick.x * g.plot;
      c.beginPath(); c.moveTo(x, TIMELINE_TOP - 4); c.lineTo(x, g.height); c.stroke();
      const width = c.measureText(tick.label).width;
      if (x + 2 > labelEnd + 6 && x + 2 + width <= g.width) { // a label only where it has room
        c.fillText(tick.label, x + 2, 10);
        labelEnd = x + 2 + width;
      }
    }
    // Lanes: their names in the margin, dotted lines between them.
    for (const [n, lane] of p.lanes.entries()) {
      const y0 = TIMELINE_TOP + lane.first_row * g.rowHeight;
      if (n > 0) {
        c.setLineDash([2, 3]);
        c.beginPath(); c.moveTo(0, y0); c.lineTo(g.width, y0); c.stroke();
        c.setLineDash([]);
      }
      c.fillStyle = ink.lane;
      c.save();
      c.beginPath(); c.rect(0, y0, g.left - 4, lane.rows * g.rowHeight); c.clip();
      c.fillText(lane.label, 4, y0 + Math.max(lane.rows * g.rowHeight, 12) / 2, g.left - 8);
      c.restore();
    }
    const ev = p.events;
    const f = p.style.flags;
    const pattern = hatch(c, ink.hatch);
    const barHeight = Math.max(g.rowHeight * 0.8, 0.6);
    const {events: marked, dim} = my.highlight;
    my.rowsIndex = new Map();
    for (let i = 0; i < ev.id.length; i++) {
      if (ev.row[i] < 0) continue;
      const x = g.left + ev.x0[i] * g.plot;
      const w = Math.max((ev.x1[i] - ev.x0[i]) * g.plot, 2);
      const y = TIMELINE_TOP + ev.row[i] * g.rowHeight + (g.rowHeight - barHeight) / 2;
      const colour = p.lanes[ev.lane[i]].colour;
      const precise = ev.flags[i] & f.precise;
      c.globalAlpha = (precise ? 0.9 : 0.5) * (dim && !marked.has(i) ? DIMMED : 1);
      const fade = ev.fade[i];
      if (fade) {
        // The part of the span the evidence does not fix fades out (towards an open or uncertain end) or in.
        const f0 = g.left + fade[0] * g.plot;
        const f1 = Math.max(g.left + fade[1] * g.plot, f0 + 1);
        const gradient = c.createLinearGradient(f0, 0, f1, 0);
        gradient.addColorStop(0, fade[2] > 0 ? colour : transparent(colour));
        gradient.addColorStop(1, fade[2] > 0 ? transparent(colour) : colour);
        c.fillStyle = gradient;
      } else {
        c.fillStyle = colour;
      }
      c.fillRect(x, y, w, barHeight);
      if (!precise) { c.fillStyle = pattern; c.fillRect(x, y, w, barHeight); }
      c.globalAlpha = 1;
      if (marked.has(i)) { // the chosen event, or an event of the chosen place
        c.strokeStyle = ink.selected; c.lineWidth = ev.id[i] === my.event ? 3 : 2;
        c.strokeRect(x, y, w, barHeight);
        c.lineWidth = 1; c.strokeStyle = ink.grid;
      }
      if (!my.rowsIndex.has(ev.row[i])) my.rowsIndex.set(ev.row[i], []);
      my.rowsIndex.get(ev.row[i]).push(i);
    }
    if (g.rowHeight >= 14) {
      c.fillStyle = ink.ink;
      for (const members of my.rowsIndex.values()) {
        members.forEach((i, n) => {
          const x = g.left + ev.x0[i] * g.plot + 3;
          const next = n + 1 < members.length ? g.left + ev.x0[members[n + 1]] * g.plot : g.left + g.plot;
          const room = next - x - 4;
          if (room < 24) return;
          const single = ev.flags[i] & f.single ? `${p.style.single_mark} ` : '';
          let text = `${single}${ev.title[i]}`;
          if (c.measureText(text).width > room) {
            while (text.length > 1 && c.measureText(`${text}…`).width > room) text = text.slice(0, -1);
            text = `${text.trimEnd()}…`;
          }
          c.globalAlpha = dim && !marked.has(i) ? DIMMED * 1.5 : 1;
          c.fillText(text, x, TIMELINE_TOP + ev.row[i] * g.rowHeight + g.rowHeight / 2);
        });
        c.globalAlpha = 1;
      }
    }
    moveCursor();
  }

  function moveCursor() {
    const p = my.payload;
    const g = my.geometry;
    if (!g) return;
    const n = p.steps.length;
    // Steps are equal shares of the axis except calendar months; the axis ends one step after the last.
    const x0 = my.stepX[my.step];
    const x1 = my.stepX[my.step + 1] !== undefined ? my.stepX[my.step + 1] : 1;
    ui.cursor.style.left = `${g.left + x0 * g.plot}px`;
    ui.cursor.style.width = `${Math.max((x1 - x0) * g.plot, 2)}px`;
    ui.cursor.style.top = `${TIMELINE_TOP}px`;
    ui.cursor.style.height = `${g.height - TIMELINE_TOP}px`;
    ui.cursor.dataset.step = p.steps[Math.min(my.step, n - 1)].t;
  }

  /**
   * The event whose span is under a point of the page, or -1.
   * @param {number} clientX
   * @param {number} clientY
   */
  function eventAt(clientX, clientY) {
    const g = my.geometry;
    const box = canvas.getBoundingClientRect();
    const x = (clientX - box.left - g.left) / g.plot;
    const row = Math.floor((clientY - box.top - TIMELINE_TOP) / g.rowHeight);
    const ev = my.payload.events;
    const slack = 3 / g.plot;
    for (const i of my.rowsIndex.get(row) || []) {
      if (ev.x0[i] - slack <= x && x <= Math.max(ev.x1[i], ev.x0[i] + 2 / g.plot) + slack) return i;
    }
    return -1;
  }

  canvas.addEventListener('mousemove', (e) => {
    const i = eventAt(e.clientX, e.clientY);
    if (i < 0) { ui.tip.style.display = 'none'; canvas.style.cursor = ''; return; }
    const ev = my.payload.events;
    ui.tip.textContent = `${ev.title[i]}\n${ev.window[i]}`;
    const box = ui.timeline.getBoundingClientRect();
    ui.tip.style.display = 'block';
    ui.tip.style.left = `${Math.min(e.clientX - box.left + 12, box.width - 260)}px`;
    ui.tip.style.top = `${e.clientY - box.top + 12}px`;
    canvas.style.cursor = 'pointer';
  });
  canvas.addEventListener('mouseleave', () => { ui.tip.style.display = 'none'; });
  canvas.addEventListener('click', (e) => {
    const i = eventAt(e.clientX, e.clientY);
    if (i >= 0) ctx.select({event: my.payload.events.id[i]});
  });
  const resize = new ResizeObserver(() => { if (my.payload) draw(); });
  resize.observe(ui.timeline);
  // A change of pixel density resizes nothing, so the observer misses it: listen for the density itself.
  /** @type {MediaQueryList | null} */
  let density = null;
  const redensify = () => {
    if (density) density.removeEventListener('change', redensify);
    density = window.matchMedia ? window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`) : null;
    if (density) density.addEventListener('change', redensify);
    if (my.payload) draw();
  };
  redensify();

  return {draw, moveCursor, destroy: () => { resize.disconnect(); if (density) density.removeEventListener('change', redensify); }};
}
