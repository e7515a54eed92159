// Canvas layout viewer: die, rows, fixed objects and pads, macros (names on hover, click for nets),
// standard cells as rectangles (outlined when zoomed in; all of them fetched once zoomed in) or as a
// density raster, RUDY overlay with its colour bar, a scale bar and the cursor's coordinates.
// Wheel zooms about the cursor, drag pans. Coordinates are database units with y up; screen
// x = ox + x * s, screen y = oy - y * s; lengths are shown in the report's units (format.js unitsOf).
import { el, getJson } from './api.js';
import { DBU, fmt } from './format.js';
import { colourBar, layerKey, rasterImage, rudyColor, scaleLength } from './legend.js';

const BG = '#eef0f3';
/** Most cells fetched as rectangles when zoomed in (the service's limit). */
const MAX_CELLS = 200000;

export class LayoutViewer {
  /** @param jobId the job whose layout this shows (for the nets of clicked macros) */
  constructor(container, jobId, opts = {}) {
    this.jobId = jobId;
    this.layout = null;
    this.selected = null;
    this.nets = null;
    this.hover = null;
    this.onSelect = opts.onSelect || (() => {});
    this.onView = opts.onView || (() => {});
    this.units = opts.units || DBU;
    this.rudyOverflow = opts.rudyOverflow;
    this.show = { cells: true, rows: true, fixed: true, macros: true, rudy: false, nets: true, names: false };
    this.canvas = el('canvas', { class: 'layout-canvas', tabindex: '0' });
    this.canvas.viewer = this;
    this.tip = el('div', { class: 'tip', hidden: true });
    this.info = el('span', { class: 'muted viewer-info' });
    this.cursor = el('span', { class: 'cursor-pos muted', title: 'cursor position, ' + this.units.note });
    this.scaleBar = el('div', { class: 'scale-bar' }, el('div', { class: 'scale-line' }), el('span'));
    this.rudyLegend = el('div', { class: 'rudy-legend-box' });
    const toggles = Object.keys(this.show).map((k) => {
      const box = el('input', { type: 'checkbox', 'data-layer': k });
      box.checked = this.show[k];
      box.addEventListener('change', () => this.setLayer(k, box.checked));
      return el('label', { class: 'toggle' }, box, k === 'rudy' ? 'RUDY' : k);
    });
    const reset = el('button', { class: 'small', text: 'Fit',
      onclick: () => { this.fit(); this.draw(); this.onView(this); } });
    this.root = el('div', { class: 'viewer' },
      el('div', { class: 'viewer-bar' }, toggles, reset, this.info),
      el('div', { class: 'viewer-legend' }, layerKey(), this.cursor), this.rudyLegend,
      el('div', { class: 'viewer-stage' }, this.canvas, this.tip, this.scaleBar));
    container.append(this.root);
    this.bind();
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.canvas);
  }

  async load(maxCells) {
    const q = maxCells === undefined ? '' : '?maxCells=' + maxCells;
    this.setLayout(await getJson('/api/jobs/' + this.jobId + '/layout.json' + q));
    return this.layout;
  }

  setLayout(layout) {
    this.layout = layout;
    const d = layout.cellDensity;
    this.densityImg = rasterImage(d, (u) => (u > 0
      ? [67, 160, 71, Math.round(255 * Math.min(1, 0.12 + 0.88 * u))] : [0, 0, 0, 0]));
    if (layout.rudy) {
      const top = Math.max(1, layout.rudy.peak);
      this.rudyImg = rasterImage(layout.rudy, (v) => rudyColor(v, top));
    }
    const c = layout.core;
    this.pads = layout.fixed.filter((f) => f.kind === 'FIXED_NI' || f.w * f.h <= 0 || f.x + f.w <= c.xl
      || f.x >= c.xh || f.y + f.h <= c.yl || f.y >= c.yh);
    const pads = new Set(this.pads);
    this.blocks = layout.fixed.filter((f) => !pads.has(f));
    this.info.textContent = layout.design + ': ' + fmt(layout.numCells) + ' cells'
      + (layout.cells ? '' : ' (density raster; zoom in for cells)') + ', ' + layout.numMacros + ' macros, '
      + fmt(this.blocks.length) + ' fixed blocks, ' + fmt(this.pads.length) + ' pads';
    this.legend();
    this.resize();
  }

  /** The RUDY colour bar, shown while the RUDY layer is on. */
  legend() {
    const r = this.layout && this.layout.rudy;
    this.rudyLegend.replaceChildren(this.show.rudy && r ? colourBar(r.peak, this.rudyOverflow) : '');
  }

  /** Once zoomed in on a design sent as a density raster, fetches its cells as rectangles (once). */
  maybeCells() {
    const L = this.layout;
    if (!L || L.cells || this.fetchingCells || L.numCells > MAX_CELLS || !L.numCells) return;
    const bin = (L.cellDensity.box.xh - L.cellDensity.box.xl) / L.cellDensity.nx;
    if (bin * this.s < 24) return;
    this.fetchingCells = true;
    getJson('/api/jobs/' + this.jobId + '/layout.json?maxCells=' + MAX_CELLS).then((full) => {
      if (this.layout === L && full.cells) {
        L.cells = full.cells;
        this.info.textContent = this.info.textContent.replace(' (density raster; zoom in for cells)', '');
        this.draw();
      }
    }).catch(() => {});
  }

  resize() {
    const dpr = window.devicePixelRatio || 1;
    const w = this.canvas.clientWidth; const h = this.canvas.clientHeight;
    if (!w || !h) return;
    const first = !this.cssW;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.dpr = dpr;
    if (first || !this.s) { this.cssW = w; this.cssH = h; this.fit(); }
    this.cssW = w; this.cssH = h;
    this.draw();
  }

  fit() {
    if (!this.layout || !this.cssW) return;
    const die = this.layout.die;
    const dw = Math.max(die.xh - die.xl, 1e-9); const dh = Math.max(die.yh - die.yl, 1e-9);
    this.s = 0.94 * Math.min(this.cssW / dw, this.cssH / dh);
    this.ox = (this.cssW - dw * this.s) / 2 - die.xl * this.s;
    this.oy = this.cssH - (this.cssH - dh * this.s) / 2 + die.yl * this.s;
  }

  /** Takes the zoom and pan of another viewer (of the same design). */
  viewFrom(other) {
    if (!this.layout || !other.s) return;
    this.s = other.s; this.ox = other.ox; this.oy = other.oy;
    this.draw();
  }

  /** Canvas (CSS pixel) coordinates of world point (x, y). */
  toScreen(x, y) {
    return [this.ox + x * this.s, this.oy - y * this.s];
  }

  toWorld(mx, my) {
    return [(mx - this.ox) / this.s, (this.oy - my) / this.s];
  }

  /** A length (database units) in the viewer's units, as text. */
  len(v) {
    return fmt(v * this.units.k, 6);
  }

  bind() {
    const c = this.canvas;
    c.addEventListener('wheel', (ev) => {
      if (!this.layout) return;
      ev.preventDefault();
      const r = c.getBoundingClientRect();
      this.zoomAt(ev.clientX - r.left, ev.clientY - r.top, Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015)));
    }, { passive: false });
    let drag = null;
    c.addEventListener('pointerdown', (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, ox: this.ox, oy: this.oy, moved: false };
      c.setPointerCapture(ev.pointerId);
    });
    c.addEventListener('pointermove', (ev) => {
      const r = c.getBoundingClientRect();
      if (drag) {
        const dx = ev.clientX - drag.x; const dy = ev.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        if (drag.moved) {
          this.ox = drag.ox + dx; this.oy = drag.oy + dy;
          this.draw();
          this.onView(this);
          return;
        }
      }
      this.hoverAt(ev.clientX - r.left, ev.clientY - r.top);
      if (this.layout && this.s) {
        const [wx, wy] = this.toWorld(ev.clientX - r.left, ev.clientY - r.top);
        this.cursor.textContent = 'x ' + this.len(wx) + ', y ' + this.len(wy) + ' ' + this.units.len;
      }
    });
    c.addEventListener('pointerup', (ev) => {
      const r = c.getBoundingClientRect();
      if (drag && !drag.moved) this.clickAt(ev.clientX - r.left, ev.clientY - r.top);
      drag = null;
    });
    c.addEventListener('pointerleave', () => { this.tip.hidden = true; this.hover = null; this.draw(); });
  }

  /** Zooms by factor f about screen point (mx, my) (default: the middle of the view). */
  zoomAt(mx = this.cssW / 2, my = this.cssH / 2, f = 2) {
    const [wx, wy] = this.toWorld(mx, my);
    this.s *= f; this.ox = mx - wx * this.s; this.oy = my + wy * this.s;
    this.draw();
    this.onView(this);
  }

  /** The macro (or, failing that, the fixed object) under screen point (mx, my). */
  pick(mx, my) {
    if (!this.layout) return null;
    const [wx, wy] = this.toWorld(mx, my);
    const slack = 3 / this.s;
    const inside = (n) => wx >= n.x - slack && wx <= n.x + n.w + slack && wy >= n.y - slack && wy <= n.y + n.h + slack;
    let best = null;
    for (const m of this.layout.macros) if (inside(m) && (!best || m.w * m.h < best.w * best.h)) best = m;
    if (best || !this.show.fixed) return best;
    const padSlack = 4 / this.s;
    for (const f of this.layout.fixed) {
      const near = wx >= f.x - padSlack && wx <= f.x + f.w + padSlack && wy >= f.y - padSlack && wy <= f.y + f.h + padSlack;
      if ((inside(f) || near) && (!best || f.w * f.h < best.w * best.h)) best = f;
    }
    return best;
  }

  hoverAt(mx, my) {
    const n = this.pick(mx, my);
    if (n !== this.hover) { this.hover = n; this.draw(); }
    if (!n) { this.tip.hidden = true; return; }
    this.tip.hidden = false;
    this.tip.textContent = n.name + ' · ' + n.kind.toLowerCase() + ' · ' + this.len(n.w) + ' × ' + this.len(n.h)
      + ' ' + this.units.len + ' at (' + this.len(n.x) + ', ' + this.len(n.y) + ')';
    this.tip.style.left = Math.min(mx + 14, this.cssW - 220) + 'px';
    this.tip.style.top = (my + 14) + 'px';
  }

  /** Turns a layer (cells, rows, fixed, macros, rudy, nets, names) on or off. */
  setLayer(name, on) {
    if (!(name in this.show)) return;
    this.show[name] = on;
    const box = this.root.querySelector('input[data-layer="' + name + '"]');
    if (box) box.checked = on;
    if (name === 'rudy') this.legend();
    this.draw();
  }

  /** Selects the macro (or fixed object) called name, as a click on it would. */
  async select(name) {
    const n = this.layout && (this.layout.macros.find((m) => m.name === name)
      || this.layout.fixed.find((m) => m.name === name));
    if (n) await this.selectNode(n);
  }

  async clickAt(mx, my) {
    await this.selectNode(this.pick(mx, my));
  }

  async selectNode(n) {
    this.selected = n;
    this.nets = null;
    this.draw();
    this.onSelect(n, null);
    if (!n) return;
    try {
      const nets = await getJson('/api/jobs/' + this.jobId + '/macros/' + encodeURIComponent(n.name) + '/nets');
      if (this.selected === n) { this.nets = nets; this.draw(); this.onSelect(n, nets); }
    } catch (e) {
      this.onSelect(n, { error: e.message });
    }
  }

  rect(ctx, x, y, w, h, minPx) {
    let sw = w * this.s; let sh = h * this.s;
    let sx = this.ox + x * this.s; let sy = this.oy - (y + h) * this.s;
    if (minPx) {
      if (sw < minPx) { sx -= (minPx - sw) / 2; sw = minPx; }
      if (sh < minPx) { sy -= (minPx - sh) / 2; sh = minPx; }
    }
    ctx.rect(sx, sy, sw, sh);
  }

  image(ctx, img, box) {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, this.ox + box.xl * this.s, this.oy - box.yh * this.s,
      (box.xh - box.xl) * this.s, (box.yh - box.yl) * this.s);
  }

  draw() {
    const c = this.canvas; const ctx = c.getContext('2d');
    ctx.setTransform(this.dpr || 1, 0, 0, this.dpr || 1, 0, 0);
    ctx.fillStyle = BG;
    ctx.fillRect(0, 0, c.width, c.height);
    const L = this.layout;
    if (!L || !this.s) return;
    const sh = this.show;
    ctx.beginPath(); this.rect(ctx, L.die.xl, L.die.yl, L.die.xh - L.die.xl, L.die.yh - L.die.yl);
    ctx.fillStyle = '#fafafa'; ctx.fill(); ctx.strokeStyle = '#9aa0a6'; ctx.lineWidth = 1; ctx.stroke();
    ctx.beginPath(); this.rect(ctx, L.core.xl, L.core.yl, L.core.xh - L.core.xl, L.core.yh - L.core.yl);
    ctx.fillStyle = '#ffffff'; ctx.fill(); ctx.strokeStyle = '#455a64'; ctx.stroke();
    if (sh.rows && L.rows.length) {
      const rowPx = L.rows[3] * this.s;
      if (rowPx >= 2) {
        ctx.beginPath();
        for (let i = 0; i < L.rows.length; i += 4) this.rect(ctx, L.rows[i], L.rows[i + 1], L.rows[i + 2], L.rows[i + 3]);
        ctx.strokeStyle = '#e3e6ea'; ctx.lineWidth = 0.5; ctx.stroke();
      }
    }
    this.maybeCells();
    if (sh.cells) {
      ctx.globalAlpha = sh.rudy ? 0.45 : 1;
      if (L.cells) this.drawCells(ctx, L.cells);
      else this.image(ctx, this.densityImg, L.cellDensity.box);
      ctx.globalAlpha = 1;
    }
    if (sh.fixed && this.blocks.length) {
      ctx.beginPath();
      for (const f of this.blocks) this.rect(ctx, f.x, f.y, f.w, f.h, 3);
      ctx.fillStyle = '#ff9800'; ctx.fill();
      ctx.strokeStyle = '#8d5a00'; ctx.lineWidth = 0.5; ctx.stroke();
    }
    if (sh.macros) {
      ctx.beginPath();
      for (const m of L.macros) this.rect(ctx, m.x, m.y, m.w, m.h, 1);
      ctx.fillStyle = 'rgba(30,136,229,0.55)'; ctx.fill();
    }
    if (sh.rudy && this.rudyImg) this.image(ctx, this.rudyImg, L.rudy.box);
    if (sh.macros) {
      ctx.beginPath();
      for (const m of L.macros) this.rect(ctx, m.x, m.y, m.w, m.h, 1);
      ctx.strokeStyle = '#0d47a1'; ctx.lineWidth = 0.8; ctx.stroke();
      if (sh.names) this.names(ctx, L.macros);
    }
    if (sh.fixed && this.pads.length) {
      // pads: at least 5 pixels, outlined, so that they show at any zoom
      ctx.beginPath();
      for (const f of this.pads) this.rect(ctx, f.x, f.y, f.w, f.h, 5);
      ctx.fillStyle = '#e65100'; ctx.fill();
      ctx.strokeStyle = '#3e2723'; ctx.lineWidth = 0.7; ctx.stroke();
    }
    if (sh.nets && this.nets && this.nets.nets) this.drawNets(ctx, this.nets.nets);
    for (const [n, color] of [[this.hover, '#212121'], [this.selected, '#e53935']]) {
      if (!n) continue;
      ctx.beginPath(); this.rect(ctx, n.x, n.y, n.w, n.h, 4);
      ctx.strokeStyle = color; ctx.lineWidth = 2; ctx.stroke();
    }
    this.drawScale();
    c.dataset.drawn = String((Number(c.dataset.drawn) || 0) + 1);
  }

  /** Standard cells as rectangles (only those in view); outlined once they are a few pixels wide. */
  drawCells(ctx, cs) {
    const [x0, y1] = this.toWorld(0, 0); const [x1, y0] = this.toWorld(this.cssW, this.cssH);
    ctx.beginPath();
    let wide = 0; let seen = 0;
    for (let i = 0; i < cs.length; i += 4) {
      if (cs[i] > x1 || cs[i] + cs[i + 2] < x0 || cs[i + 1] > y1 || cs[i + 1] + cs[i + 3] < y0) continue;
      this.rect(ctx, cs[i], cs[i + 1], cs[i + 2], cs[i + 3]);
      seen++;
      if (cs[i + 2] * this.s >= 4) wide++;
    }
    ctx.fillStyle = '#7cb342'; ctx.fill();
    this.outlined = seen > 0 && wide >= seen / 2;
    if (this.outlined) { ctx.strokeStyle = '#33691e'; ctx.lineWidth = 0.6; ctx.stroke(); }
  }

  /** The scale bar: a round length in the viewer's units, about 120 pixels long. */
  drawScale() {
    const k = this.units.k;
    const len = scaleLength(this.s / k, 120);
    const px = len * this.s / k;
    this.scaleBar.firstChild.style.width = px.toFixed(1) + 'px';
    this.scaleBar.lastChild.textContent = fmt(len, 6) + ' ' + this.units.len;
    this.scaleBar.dataset.length = String(len);
  }

  names(ctx, nodes) {
    ctx.fillStyle = '#0d2a4a';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (const m of nodes) {
      const w = m.w * this.s;
      if (w < 40 || m.h * this.s < 14) continue;
      ctx.fillText(m.name, this.ox + m.x * this.s + 3, this.oy - (m.y + m.h / 2) * this.s, w - 6);
    }
  }

  /** Each net as a star from the centroid of its pins to every pin. */
  drawNets(ctx, nets) {
    ctx.lineWidth = 1;
    nets.forEach((net, k) => {
      const p = net.pins;
      let cx = 0; let cy = 0;
      for (let i = 0; i < p.length; i += 2) { cx += p[i]; cy += p[i + 1]; }
      cx /= p.length / 2; cy /= p.length / 2;
      ctx.strokeStyle = 'hsla(' + ((k * 47) % 360) + ',80%,40%,0.8)';
      ctx.beginPath();
      const sx = this.ox + cx * this.s; const sy = this.oy - cy * this.s;
      for (let i = 0; i < p.length; i += 2) {
        ctx.moveTo(sx, sy);
        ctx.lineTo(this.ox + p[i] * this.s, this.oy - p[i + 1] * this.s);
      }
      ctx.stroke();
      ctx.fillStyle = ctx.strokeStyle;
      for (let i = 0; i < p.length; i += 2) {
        ctx.fillRect(this.ox + p[i] * this.s - 1.5, this.oy - p[i + 1] * this.s - 1.5, 3, 3);
      }
    });
  }

  destroy() {
    this.resizeObserver.disconnect();
  }
}
