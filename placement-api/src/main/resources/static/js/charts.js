// Canvas charts with honest axes: a line chart (series over iterations or any x, log or linear y,
// marked iterations and reference lines) and a statistics chart (per group and configuration: mean bar,
// min-max line, minimum dot, every value). Tick labels always differ from their neighbours, and each
// chart's ticks and marks are also on the canvas as data attributes (data-y-ticks, data-x-ticks,
// data-marks: JSON lists of the labels drawn) for tests and scripts.
import { el } from './api.js';
import { short, tickLabels } from './format.js';

const PALETTE = ['#1e88e5', '#e53935', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#6d4c41', '#3949ab'];

export function color(i) {
  return PALETTE[i % PALETTE.length];
}

function setup(canvas, height) {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 480; const h = height || canvas.clientHeight || 220;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  canvas.style.height = h + 'px';
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.font = '11px system-ui, sans-serif';
  return [ctx, w, h];
}

/** Round ticks covering [lo, hi], about n of them. */
export function niceTicks(lo, hi, n) {
  const span = hi - lo || Math.abs(hi) || 1;
  const step0 = span / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0 * 0.999);
  const out = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * span; k++) out.push(+(k * step).toPrecision(12));
  return out;
}

/** Ticks of a log axis over [lo, hi] (values > 0): decades, with 2 and 5 between when few decades. */
function logTicks(lo, hi) {
  const out = [];
  const few = Math.log10(hi / lo) < 2.5;
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of few ? [1, 2, 5] : [1]) {
      const v = +(m * 10 ** e).toPrecision(12);
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  return out;
}

function caption(title, legend) {
  return [el('figcaption', { text: title || '' }), legend && legend.length ? el('div', { class: 'legend' },
    legend.map((g) => el('span', { title: g.title || null }, el('i', { style: (g.line ? 'height:2px;vertical-align:3px;' : '')
      + (g.dash ? 'border-top:2px dashed ' + g.color + ';background:none;height:0;' : 'background:' + g.color) }),
    g.name))) : null];
}

/**
 * Line chart. series: [{name, values, xs, color}] (xs defaults to 0..n-1; missing values are skipped and
 * the line joins the points around them). opts: {title, xLabel, yLabel, logY, height, id,
 * marks: [{x, label, color, dash, y}] vertical lines at x (a dot at y when given), refs: [{y, x0, x1, label, color}] dashed
 * horizontal lines (over x0..x1, default all), legend: extra legend entries}.
 */
export function lineChart(series, opts = {}) {
  const canvas = el('canvas', { class: 'chart', id: opts.id || null });
  const legend = series.length > 1 || opts.legend ? series.map((s, k) => ({ name: s.name, color: s.color || color(k), line: true }))
    .concat(opts.legend || []) : null;
  const wrap = el('figure', { class: 'chart-box' }, caption(opts.title, legend), canvas);
  const marks = opts.marks || []; const refs = opts.refs || [];
  canvas.dataset.marks = JSON.stringify(marks.map((m) => m.label));
  const draw = () => {
    const [ctx, w, h] = setup(canvas, opts.height || 230);
    const pts = series.map((s) => s.values.map((v, i) => [s.xs ? s.xs[i] : i, v])
      .filter(([x, v]) => Number.isFinite(x) && Number.isFinite(v) && (!opts.logY || v > 0)));
    const all = pts.flat();
    if (!all.length) {
      ctx.fillStyle = '#888'; ctx.fillText('no data', w / 2 - 20, h / 2);
      canvas.dataset.yTicks = '[]';
      return;
    }
    const ys = all.map((p) => p[1]).concat(refs.map((r) => r.y).filter((y) => Number.isFinite(y) && (!opts.logY || y > 0)));
    let lo = Math.min(...ys); let hi = Math.max(...ys);
    let yt;
    if (opts.logY) {
      // at least one decade, so that a narrow range is not blown up into swings
      if (hi / lo < 10) { const m = Math.sqrt(hi * lo); lo = m / Math.sqrt(10); hi = m * Math.sqrt(10); }
      yt = logTicks(lo, hi);
      if (yt.length < 2) yt = [lo, hi];
    } else {
      const pad = 0.05 * (hi - lo || Math.abs(hi) || 1);
      yt = niceTicks(opts.zero ? Math.min(0, lo) : lo - pad, hi + pad, 5);
      lo = Math.min(yt[0], opts.zero ? 0 : lo); hi = Math.max(yt[yt.length - 1], hi);
    }
    const xsAll = all.map((p) => p[0]).concat(marks.map((m) => m.x));
    const xlo = Math.min(...xsAll); const xhi = Math.max(...xsAll);
    const labels = tickLabels(yt, opts.logY);
    const pad = { l: Math.max(...labels.map((t) => ctx.measureText(t).width)) + (opts.yLabel ? 22 : 10), r: 12,
      t: 10, b: 32 };
    const f = opts.logY ? Math.log10 : (v) => v;
    const X = (x) => pad.l + (w - pad.l - pad.r) * (xhi > xlo ? (x - xlo) / (xhi - xlo) : 0.5);
    // labels of the marks in as many rows above the plot as it takes for none to overlap
    const placed = [];
    for (const m of marks.slice().sort((a, b) => a.x - b.x)) {
      const tw = ctx.measureText(m.label).width; const x = X(m.x);
      const tx = Math.max(2, Math.min(w - tw - 2, x - tw / 2));
      let row = 0;
      while (placed.some((p) => p.row === row && tx < p.tx + p.tw + 6 && tx + tw + 6 > p.tx)) row++;
      placed.push({ m, x, tx, tw, row });
    }
    if (placed.length) pad.t = 8 + 12 * (Math.max(...placed.map((p) => p.row)) + 1);
    const Y = (v) => h - pad.b - (h - pad.t - pad.b) * (f(v) - f(lo)) / (f(hi) - f(lo) || 1);
    ctx.strokeStyle = '#e1e4e8'; ctx.fillStyle = '#555'; ctx.lineWidth = 1;
    yt.forEach((v, i) => {
      const y = Y(v);
      ctx.beginPath(); ctx.moveTo(pad.l, y); ctx.lineTo(w - pad.r, y); ctx.stroke();
      ctx.fillText(labels[i], pad.l - 6 - ctx.measureText(labels[i]).width, y + 4);
    });
    const xt = niceTicks(xlo, xhi, 6).filter((x) => x >= xlo && x <= xhi);
    const xl = tickLabels(xt);
    xt.forEach((x, i) => ctx.fillText(xl[i], X(x) - ctx.measureText(xl[i]).width / 2, h - pad.b + 14));
    ctx.fillText(opts.xLabel || 'iteration', (pad.l + w - pad.r) / 2 - ctx.measureText(opts.xLabel || 'iteration').width / 2, h - 4);
    if (opts.yLabel) {
      ctx.save(); ctx.translate(11, (pad.t + h - pad.b) / 2); ctx.rotate(-Math.PI / 2);
      ctx.fillText(opts.yLabel, -ctx.measureText(opts.yLabel).width / 2, 0); ctx.restore();
    }
    canvas.dataset.yTicks = JSON.stringify(labels);
    canvas.dataset.xTicks = JSON.stringify(xl);
    for (const r of refs) {
      if (!Number.isFinite(r.y) || (opts.logY && r.y <= 0)) continue;
      const x0 = X(r.x0 ?? xlo); const x1 = X(r.x1 ?? xhi);
      ctx.save(); ctx.setLineDash([5, 4]); ctx.strokeStyle = r.color || '#555'; ctx.lineWidth = 1.2;
      ctx.beginPath(); ctx.moveTo(x0, Y(r.y)); ctx.lineTo(x1, Y(r.y)); ctx.stroke(); ctx.restore();
      if (r.label) {
        ctx.fillStyle = r.color || '#555';
        ctx.fillText(r.label, Math.max(pad.l + 2, Math.min(x0 + 4, w - pad.r - ctx.measureText(r.label).width - 2)), Y(r.y) - 4);
      }
    }
    series.forEach((s, k) => {
      ctx.strokeStyle = s.color || color(k); ctx.lineWidth = 1.6;
      ctx.beginPath();
      pts[k].forEach(([x, v], i) => (i ? ctx.lineTo(X(x), Y(v)) : ctx.moveTo(X(x), Y(v))));
      ctx.stroke();
      if (s.dots) {
        ctx.fillStyle = s.color || color(k);
        for (const [x, v] of pts[k]) { ctx.beginPath(); ctx.arc(X(x), Y(v), 2.2, 0, 2 * Math.PI); ctx.fill(); }
      }
    });
    for (const { m, x, tx, row } of placed) {
      ctx.save(); ctx.strokeStyle = m.color || '#333'; ctx.lineWidth = 1.2;
      if (m.dash !== false) ctx.setLineDash([3, 3]);
      ctx.beginPath(); ctx.moveTo(x, pad.t - 3); ctx.lineTo(x, h - pad.b); ctx.stroke(); ctx.restore();
      ctx.fillStyle = m.color || '#333'; ctx.fillText(m.label, tx, 12 * row + 9);
      if (Number.isFinite(m.y) && (!opts.logY || m.y > 0)) { ctx.beginPath(); ctx.arc(x, Y(m.y), 3.5, 0, 2 * Math.PI); ctx.fill(); }
    }
  };
  requestAnimationFrame(draw);
  return wrap;
}

/**
 * Statistics chart of groups [{group, configs: [{name, color, values}]}]: per configuration a bar at the
 * mean, a line from minimum to maximum, a dot at the minimum and a small circle per value; the y axis
 * starts at 0. opts: {title, yLabel, id, height}.
 */
export function statChart(groups, opts = {}) {
  const canvas = el('canvas', { class: 'chart', id: opts.id || null });
  const names = [...new Set(groups.flatMap((g) => g.configs.map((c) => c.name)))];
  const colors = new Map(groups.flatMap((g) => g.configs.map((c) => [c.name, c.color])));
  const legend = names.map((n) => ({ name: n + ' (mean)', color: colors.get(n) }))
    .concat([{ name: 'min–max, ● minimum, ○ each run', color: '#333', line: true }]);
  const wrap = el('figure', { class: 'chart-box' }, caption(opts.title, legend), canvas);
  const draw = () => {
    const [ctx, w, h] = setup(canvas, opts.height || 280);
    const vals = groups.flatMap((g) => g.configs.flatMap((c) => c.values)).filter(Number.isFinite);
    if (!vals.length) {
      ctx.fillStyle = '#888'; ctx.fillText('no finished jobs yet', w / 2 - 50, h / 2);
      canvas.dataset.yTicks = '[]';
      return;
    }
    const top = Math.max(...vals, 0) * 1.12 || 1; // room for the mean's number above the bar
    const yt = niceTicks(0, top, 5);
    const labels = tickLabels(yt);
    const hi = Math.max(yt[yt.length - 1], top);
    const pad = { l: Math.max(...labels.map((t) => ctx.measureText(t).width)) + (opts.yLabel ? 24 : 10), r: 12, t: 18, b: 36 };
    const Y = (v) => h - pad.b - (h - pad.t - pad.b) * v / hi;
    ctx.strokeStyle = '#e1e4e8'; ctx.fillStyle = '#555'; ctx.lineWidth = 1;
    yt.forEach((v, i) => {
      ctx.beginPath(); ctx.moveTo(pad.l, Y(v)); ctx.lineTo(w - pad.r, Y(v)); ctx.stroke();
      ctx.fillText(labels[i], pad.l - 6 - ctx.measureText(labels[i]).width, Y(v) + 4);
    });
    if (opts.yLabel) {
      ctx.save(); ctx.translate(11, (pad.t + h - pad.b) / 2); ctx.rotate(-Math.PI / 2);
      ctx.fillText(opts.yLabel, -ctx.measureText(opts.yLabel).width / 2, 0); ctx.restore();
    }
    canvas.dataset.yTicks = JSON.stringify(labels);
    const slots = groups.reduce((a, g) => a + g.configs.length, 0) + Math.max(0, groups.length - 1);
    const bw = (w - pad.l - pad.r) / Math.max(slots, 1);
    let slot = 0;
    groups.forEach((g, gi) => {
      if (gi) slot++;
      const from = slot;
      for (const c of g.configs) {
        const v = c.values.filter(Number.isFinite);
        const cx = pad.l + slot * bw + bw / 2;
        if (v.length) {
          const mean = v.reduce((a, b) => a + b, 0) / v.length;
          const mn = Math.min(...v); const mx = Math.max(...v);
          const half = Math.min(bw * 0.35, 45); const cap = Math.min(bw * 0.12, 12);
          ctx.fillStyle = c.color; ctx.globalAlpha = 0.75;
          ctx.fillRect(cx - half, Y(mean), 2 * half, Y(0) - Y(mean));
          ctx.globalAlpha = 1;
          ctx.strokeStyle = '#222'; ctx.lineWidth = 1.4;
          ctx.beginPath(); ctx.moveTo(cx, Y(mn)); ctx.lineTo(cx, Y(mx));
          ctx.moveTo(cx - cap, Y(mx)); ctx.lineTo(cx + cap, Y(mx));
          ctx.moveTo(cx - cap, Y(mn)); ctx.lineTo(cx + cap, Y(mn)); ctx.stroke();
          for (const u of v) { ctx.beginPath(); ctx.arc(cx + cap + 6, Y(u), 2.5, 0, 2 * Math.PI); ctx.stroke(); }
          ctx.fillStyle = '#222'; ctx.beginPath(); ctx.arc(cx, Y(mn), 3, 0, 2 * Math.PI); ctx.fill();
          const t = short(mean, 4);
          ctx.fillText(t, cx - ctx.measureText(t).width / 2, Y(mx) - 5);
        }
        if (bw >= 40) {
          ctx.fillStyle = '#666';
          const t = c.name.length * 6 > bw ? c.name.slice(0, Math.floor(bw / 6)) : c.name;
          ctx.fillText(t, cx - ctx.measureText(t).width / 2, h - pad.b + 13);
        }
        slot++;
      }
      ctx.fillStyle = '#222'; ctx.font = '600 11px system-ui, sans-serif';
      const gx = pad.l + (from + slot) / 2 * bw;
      ctx.fillText(g.group, gx - ctx.measureText(g.group).width / 2, h - 6);
      ctx.font = '11px system-ui, sans-serif';
    });
  };
  requestAnimationFrame(draw);
  return wrap;
}
