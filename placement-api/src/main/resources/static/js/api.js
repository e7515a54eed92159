// Small fetch helpers for the REST API, plus formatting and DOM helpers shared by the pages.
// Credentials (an API key, or a JWT in auth mode jwt) live in sessionStorage: kept for the tab only.

const KEY = 'chipplace.apiKey';
localStorage.removeItem(KEY); // older dashboards kept the key across sessions

export function apiKey() {
  return sessionStorage.getItem(KEY) || '';
}

export function setApiKey(k) {
  if (k) sessionStorage.setItem(KEY, k); else sessionStorage.removeItem(KEY);
}

/** The request headers with the credentials: a JWT as a bearer token, anything else as X-API-Key. */
export function headers(extra) {
  const h = Object.assign({}, extra || {});
  const k = apiKey();
  if (k && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(k)) h.Authorization = 'Bearer ' + k;
  else if (k) h['X-API-Key'] = k;
  return h;
}

let asking = null;

/** fetch with the credentials; on a 401 asks once for a key (or token), keeps it for the tab and retries. */
export async function send(url, opts) {
  const o = Object.assign({}, opts || {});
  let r = await fetch(url, Object.assign({}, o, { headers: headers(o.headers) }));
  if (r.status === 401) {
    asking = asking || Promise.resolve(window.prompt('This service needs an API key (or a token). Key:', ''))
      .finally(() => setTimeout(() => { asking = null; }, 0));
    const k = await asking;
    if (k && k.trim()) {
      setApiKey(k.trim());
      const input = document.getElementById('api-key');
      if (input) input.value = k.trim();
      r = await fetch(url, Object.assign({}, o, { headers: headers(o.headers) }));
    }
  }
  return r;
}

/**
 * Server-sent events read with fetch (EventSource cannot send credentials in headers):
 * on(name, data) for each event; returns { close }. onEnd is called when the stream ends or fails.
 */
export function events(url, on, onEnd) {
  const ctl = new AbortController();
  (async () => {
    const r = await send(url, { headers: { Accept: 'text/event-stream' }, signal: ctl.signal });
    if (!r.ok || !r.body) throw new Error('events: ' + r.status);
    const reader = r.body.getReader();
    const dec = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let cut;
      while ((cut = buf.search(/\r?\n\r?\n/)) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut).replace(/^\r?\n\r?\n/, '');
        let name = 'message';
        const data = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) on(name, data.join('\n'));
      }
    }
  })().catch(() => {}).finally(() => { if (onEnd && !ctl.signal.aborted) onEnd(); });
  return { close: () => ctl.abort() };
}

/** A download link that also works when the service needs credentials (fetched, then saved as a blob). */
export function downloadLink(href, text, attrs) {
  return el('a', Object.assign({ href, text, download: '', class: 'button small' }, attrs || {}, {
    onclick: async (e) => {
      if (!apiKey()) return; // no credentials: the browser downloads the link itself
      e.preventDefault();
      const r = await check(await send(href));
      const url = URL.createObjectURL(await r.blob());
      const a = el('a', { href: url, download: href.split('/').pop() });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
  }));
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
  return (await check(await send(url, { headers: { Accept: 'application/json' } }))).json();
}

export async function postJson(url, body) {
  const r = await send(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return (await check(r)).json();
}

export async function postForm(url, form) {
  return (await check(await send(url, { method: 'POST', body: form }))).json();
}

export async function del(url) {
  return (await check(await send(url, { method: 'DELETE', headers: { Accept: 'application/json' } }))).json();
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

const reports = new Map();

/** report.json of a DONE job, fetched once per page load (a DONE job's report does not change). */
export function reportOf(id) {
  if (!reports.has(id)) reports.set(id, getJson('/api/jobs/' + id + '/report.json').catch((e) => { reports.delete(id); throw e; }));
  return reports.get(id);
}

/** The jobs of a GET /api/jobs answer: a list, or a page {content, page} (the paged API). */
export function jobList(body) {
  return Array.isArray(body) ? body : (body && body.content) || [];
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
