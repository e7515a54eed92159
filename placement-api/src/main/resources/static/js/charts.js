// Tiny canvas charts: a line chart (one or more series over an index) and a bar chart.
import { el, num } from './api.js';

const PALETTE = ['#1e88e5', '#e53935', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#6d4c41', '#3949ab'];

export function color(i) {
  return PALETTE[i % PALETTE.length];
}

function setup(canvas, height) {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 480; const h = height || canvas.clientHeight || 220;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.font = '11px system-ui, sans-serif';
  return [ctx, w, h];
}

function ticks(lo, hi, n) {
  const span = hi - lo || Math.abs(hi) || 1;
  const step0 = span / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(v);
  return out;
}

/**
 * Line chart of series [{name, values, color}] over the index 0..n-1 (or over xs).
 * opts: {title, xLabel, logY}
 */
export function lineChart(series, opts = {}) {
  const canvas = el('canvas', { class: 'chart' });
  const wrap = el('figure', { class: 'chart-box' }, el('figcaption', { text: opts.title || '' }), canvas);
  const draw = () => {
    const [ctx, w, h] = setup(canvas, 220);
    const pad = { l: 56, r: 12, t: 10, b: 30 };
    const all = series.flatMap((s) => s.values).filter((v) => Number.isFinite(v) && (!opts.logY || v > 0));
    if (!all.length) {
      ctx.fillStyle = '#888'; ctx.fillText('no data', w / 2 - 20, h / 2);
      return;
    }
    const f = opts.logY ? Math.log10 : (v) => v;
    let lo = Math.min(...all.map(f)); let hi = Math.max(...all.map(f));
    if (hi === lo) { hi += 1; lo -= opts.logY ? 1 : 0; }
    const n = Math.max(...series.map((s) => s.values.length));
    const X = (i) => pad.l + (w - pad.l - pad.r) * (n > 1 ? i / (n - 1) : 0.5);
    const Y = (v) => h - pad.b - (h - pad.t - pad.b) * (f(v) - lo) / (hi - lo);
    ctx.strokeStyle = '#ccc'; ctx.fillStyle = '#555'; ctx.lineWidth = 1;
    const yt = opts.logY ? ticks(Math.floor(lo), Math.ceil(hi), 4).map((e) => 10 ** e).filter((v) => f(v) >= lo && f(v) <= hi)
      : ticks(lo, hi, 4);
    for (const v of yt) {
      const y = Y(v);
      ctx.beginPath(); ctx.moveTo(pad.l, y); ctx.lineTo(w - pad.r, y); ctx.stroke();
      ctx.fillText(num(v, 3), 4, y + 4);
    }
    for (const i of ticks(0, n - 1, 6)) {
      ctx.fillText(String(Math.round(i)), X(i) - 6, h - pad.b + 14);
    }
    ctx.fillText(opts.xLabel || 'iteration', w / 2 - 20, h - 4);
    series.forEach((s, k) => {
      ctx.strokeStyle = s.color || color(k); ctx.lineWidth = 1.6;
      ctx.beginPath();
      let started = false;
      s.values.forEach((v, i) => {
        if (!Number.isFinite(v) || (opts.logY && v <= 0)) return;
        if (started) ctx.lineTo(X(i), Y(v)); else { ctx.moveTo(X(i), Y(v)); started = true; }
      });
      ctx.stroke();
      if (series.length > 1) {
        ctx.fillStyle = s.color || color(k);
        ctx.fillText(s.name, w - pad.r - 140, pad.t + 12 + 13 * k);
      }
    });
  };
  requestAnimationFrame(draw);
  return wrap;
}

/**
 * Bar chart of bars [{label, value, color, group}] (groups separated by a gap, labelled below).
 * opts: {title, valueLabel}
 */
export function barChart(bars, opts = {}) {
  const canvas = el('canvas', { class: 'chart', id: opts.id || null });
  const legend = el('div', { class: 'legend' }, (opts.legend || []).map((g) => el('span', {},
    el('i', { style: 'background:' + g.color }), g.name)));
  const wrap = el('figure', { class: 'chart-box' }, el('figcaption', { text: opts.title || '' }), legend, canvas);
  const draw = () => {
    const [ctx, w, h] = setup(canvas, 260);
    const pad = { l: 60, r: 12, t: 12, b: 36 };
    const vals = bars.map((b) => b.value).filter(Number.isFinite);
    if (!vals.length) { ctx.fillStyle = '#888'; ctx.fillText('no finished jobs yet', w / 2 - 50, h / 2); return; }
    let hi = Math.max(...vals, 0) || 1;
    const min = Math.min(...vals);
    // close values: start the axis near the smallest so that differences show (the ticks say where)
    let lo = 0;
    if (min > 0 && (hi - min) < 0.25 * hi) {
      const t = ticks(Math.max(0, min - 1.5 * (hi - min) - 1e-9 * hi), hi, 5);
      lo = t.length ? Math.min(t[0], min) : 0;
      if (lo >= min) lo = 0;
      hi += 0.05 * (hi - lo);
    }
    const groups = [...new Set(bars.map((b) => b.group))];
    const slots = bars.length + Math.max(0, groups.length - 1);
    const bw = (w - pad.l - pad.r) / Math.max(slots, 1);
    const Y = (v) => h - pad.b - (h - pad.t - pad.b) * (v - lo) / (hi - lo);
    ctx.strokeStyle = '#ddd'; ctx.fillStyle = '#555';
    for (const v of ticks(lo, hi, lo > 0 ? 6 : 4)) {
      ctx.beginPath(); ctx.moveTo(pad.l, Y(v)); ctx.lineTo(w - pad.r, Y(v)); ctx.stroke();
      ctx.fillText(num(v, 3), 4, Y(v) + 4);
    }
    let slot = 0; let last = null; let groupStart = 0;
    const labelGroup = (g, from, to) => {
      ctx.fillStyle = '#333';
      ctx.fillText(g, pad.l + (from + to) / 2 * bw - ctx.measureText(g).width / 2, h - 8);
    };
    bars.forEach((b) => {
      if (last !== null && b.group !== last) { labelGroup(last, groupStart, slot); slot++; groupStart = slot; }
      last = b.group;
      const x = pad.l + slot * bw;
      if (Number.isFinite(b.value)) {
        ctx.fillStyle = b.color || color(0);
        ctx.fillRect(x + bw * 0.12, Y(b.value), bw * 0.76, h - pad.b - Y(b.value));
      }
      if (bw >= 28 && b.label) {
        ctx.fillStyle = '#666';
        ctx.fillText(b.label, x + bw / 2 - ctx.measureText(b.label).width / 2, h - pad.b + 14);
      }
      slot++;
    });
    if (last !== null) labelGroup(last, groupStart, slot);

  };
  requestAnimationFrame(draw);
  return wrap;
}
