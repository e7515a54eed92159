// Small fetch helpers for the REST API, plus formatting and DOM helpers shared by the pages.

const KEY = 'chipplace.apiKey';

export function apiKey() {
  return localStorage.getItem(KEY) || '';
}

export function setApiKey(k) {
  if (k) localStorage.setItem(KEY, k); else localStorage.removeItem(KEY);
}

function headers(extra) {
  const h = Object.assign({}, extra || {});
  if (apiKey()) h['X-API-Key'] = apiKey();
  return h;
}

/** Throws an Error with the problem detail for a non-2xx answer. */
async function check(r) {
  if (r.ok) return r;
  let detail = r.status + ' ' + r.statusText;
  try {
    const p = await r.json();
    if (p && p.detail) detail = p.detail + ' (' + r.status + ')';
  } catch (e) { /* not JSON */ }
  const err = new Error(detail);
  err.status = r.status;
  throw err;
}

export async function getJson(url) {
  return (await check(await fetch(url, { headers: headers({ Accept: 'application/json' }) }))).json();
}

export async function postJson(url, body) {
  const r = await fetch(url, {
    method: 'POST', headers: headers({ 'Content-Type': 'application/json', Accept: 'application/json' }),
    body: JSON.stringify(body),
  });
  return (await check(r)).json();
}

export async function postForm(url, form) {
  return (await check(await fetch(url, { method: 'POST', headers: headers(), body: form }))).json();
}

export async function del(url) {
  return (await check(await fetch(url, { method: 'DELETE', headers: headers({ Accept: 'application/json' }) }))).json();
}

/** Creates an element: el('div', {class: 'x', onclick: f}, child, 'text', ...). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A number in a compact engineering style: 1.234e7 -> "12.34M". */
export function num(v, digits = 4) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (typeof v !== 'number') return String(v);
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toPrecision(digits) + 'G';
  if (a >= 1e6) return (v / 1e6).toPrecision(digits) + 'M';
  if (a >= 1e4) return (v / 1e3).toPrecision(digits) + 'k';
  if (Number.isInteger(v)) return String(v);
  return v.toPrecision(digits);
}

export function secs(v) {
  if (v === null || v === undefined) return '–';
  if (v < 60) return v.toFixed(v < 10 ? 2 : 1) + ' s';
  return Math.floor(v / 60) + ' min ' + Math.round(v % 60) + ' s';
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

export function shortId(id) {
  return id ? String(id).slice(0, 8) : '';
}

export function statusBadge(status) {
  return el('span', { class: 'badge st-' + String(status).toLowerCase(), text: status });
}
