// Legends of the layout viewer: the RUDY colour map and its colour bar, the layer key, and the scale bar.
import { el } from './api.js';
import { fmt } from './format.js';

const WHITE = [255, 255, 255];
const YELLOW = [255, 214, 0];
const ORANGE = [255, 120, 0];
const RED = [183, 18, 18];

const mix = (a, b, t) => a.map((x, i) => Math.round(x + (b[i] - x) * t));

/**
 * RGBA of a RUDY value (demand over supply): transparent at 0, white to yellow up to 1 (supply), then
 * orange to red up to the peak. No blue anywhere, so that macros (blue) stay apart.
 */
export function rudyColor(v, top) {
  if (!(v > 0)) return [0, 0, 0, 0];
  if (v <= 1) return mix(WHITE, YELLOW, v).concat([Math.round(255 * (0.15 + 0.6 * v))]);
  const t = top > 1 ? Math.min(1, (v - 1) / (top - 1)) : 1;
  const rgb = t < 0.5 ? mix(YELLOW, ORANGE, 2 * t) : mix(ORANGE, RED, 2 * t - 1);
  return rgb.concat([Math.round(255 * 0.85)]);
}

/** Round numbers between 0 and `top` for the colour bar, 1.0 always among them. */
function barTicks(top) {
  const out = [0, 1];
  const step = top > 4 ? Math.ceil(top / 4) : 0.5;
  for (let v = step; v < top - 0.15 * step; v += step) if (Math.abs(v - 1) > 0.2 * step) out.push(v);
  return out.sort((a, b) => a - b);
}

/**
 * The colour bar of a RUDY map with `peak`: the colours from 0 to max(peak, 1) with their values below,
 * the supply threshold 1.0 marked, the peak named. Ticks are DOM text with data-value attributes.
 */
export function colourBar(peak, overflow) {
  const top = Math.max(1.0, peak) * 1.0001;
  const stops = [];
  for (let i = 0; i <= 24; i++) {
    const v = (top * i) / 24;
    const c = rudyColor(v, top);
    stops.push('rgba(' + c[0] + ',' + c[1] + ',' + c[2] + ',' + (c[3] / 255).toFixed(3) + ') '
      + (100 * i / 24).toFixed(1) + '%');
  }
  const pos = (v) => (100 * v / top).toFixed(2) + '%';
  const ticks = barTicks(top).map((v) => el('span', { class: 'tick' + (v === 1 ? ' threshold' : ''),
    'data-value': String(v), style: 'left:' + pos(v), text: v === 1 ? '1.0 supply' : fmt(v, 3) }));
  const peakTick = el('span', { class: 'tick peak', 'data-value': String(peak), style: 'left:' + pos(peak),
    text: 'peak ' + (peak >= 0.01 ? peak.toFixed(2) : fmt(peak, 3)) });
  return el('div', { class: 'colour-bar', id: 'rudy-legend',
    title: 'RUDY, rectangular uniform wire density: each bin\'s wire demand over its routing supply. '
      + 'Yellow = demand equals supply (1.0); orange to red = over supply, up to the peak bin.' },
  el('span', { class: 'cb-title', text: 'RUDY demand/supply' }),
  el('div', { class: 'cb-scale' },
    el('div', { class: 'cb-gradient', style: 'background:linear-gradient(to right,' + stops.join(',') + ')' }),
    el('div', { class: 'cb-mark', style: 'left:' + pos(1) }),
    el('div', { class: 'cb-ticks' }, ticks, peak > 1.15 || peak < 0.85 ? peakTick : null)),
  overflow === undefined ? null : el('span', { class: 'cb-note muted',
    text: 'RUDY overflow ' + overflow + ' (summed over the bins above 1.0)' }));
}

/** The layer key: what the colours of the viewer are. */
export function layerKey() {
  const item = (cls, text) => el('span', {}, el('i', { class: 'key ' + cls }), text);
  return el('div', { class: 'legend layer-key' }, item('k-cell', 'standard cells'), item('k-macro', 'macros'),
    item('k-fixed', 'fixed blocks'), item('k-pad', 'pads / terminals'), item('k-sel', 'selected'));
}

/** The longest 1-2-5 x 10^k length (world units) that is at most maxPx pixels at scale s (pixels per unit). */
export function scaleLength(s, maxPx) {
  const raw = maxPx / s;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [5, 2, 1].map((m) => m * mag).find((v) => v <= raw) || mag;
}

/** An offscreen canvas of nx x ny pixels painting grid values (row iy = 0 at the bottom). */
export function rasterImage(grid, paint) {
  const c = document.createElement('canvas');
  c.width = grid.nx;
  c.height = grid.ny;
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(grid.nx, grid.ny);
  const d = img.data;
  for (let ix = 0; ix < grid.nx; ix++) {
    for (let iy = 0; iy < grid.ny; iy++) {
      const o = 4 * ((grid.ny - 1 - iy) * grid.nx + ix);
      const rgba = paint(grid.values[ix * grid.ny + iy]);
      d[o] = rgba[0]; d[o + 1] = rgba[1]; d[o + 2] = rgba[2]; d[o + 3] = rgba[3];
    }
  }
  ctx.putImageData(img, 0, 0);
  return c;
}
