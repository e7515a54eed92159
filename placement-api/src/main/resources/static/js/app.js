// Hash router of the dashboard: #/jobs, #/jobs/{id}[?select=macro&layers=rudy,names&zoom=4], #/compare?a=&b=,
// #/sweeps, #/sweeps/{id}, #/models.
import { apiKey, el, setApiKey } from './api.js';
import { jobsPage } from './jobs.js';
import { jobPage } from './job.js';
import { comparePage } from './compare.js';
import { sweepsPage, sweepPage } from './sweeps.js';
import { modelsPage } from './models.js';

const routes = [
  [/^\/jobs\/([0-9a-f-]{36})$/, (m, q, root) => jobPage(root, m[1], q)],
  [/^\/jobs\/?$/, (m, q, root) => jobsPage(root)],
  [/^\/compare\/?$/, (m, q, root) => comparePage(root, q.get('a'), q.get('b'))],
  [/^\/sweeps\/([0-9a-f-]{36})$/, (m, q, root) => sweepPage(root, m[1])],
  [/^\/sweeps\/?$/, (m, q, root) => sweepsPage(root)],
  [/^\/models\/?$/, (m, q, root) => modelsPage(root)],
];

let cleanup = null;

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/jobs';
  const [path, query] = hash.split('?');
  const q = new URLSearchParams(query || '');
  if (typeof cleanup === 'function') {
    try { cleanup(); } catch (e) { /* ignore */ }
  }
  cleanup = null;
  const root = document.getElementById('app');
  root.replaceChildren();
  document.querySelectorAll('nav a').forEach((a) =>
    a.classList.toggle('active', path.startsWith('/' + a.dataset.nav)));
  const hit = routes.find(([re]) => re.test(path));
  if (!hit) {
    root.append(el('p', { class: 'error', text: 'No such page: ' + path }));
    return;
  }
  try {
    cleanup = await hit[1](path.match(hit[0]), q, root);
  } catch (e) {
    root.append(el('p', { class: 'error', text: 'Error: ' + e.message }));
  }
}

const keyInput = document.getElementById('api-key');
keyInput.value = apiKey();
keyInput.addEventListener('change', () => setApiKey(keyInput.value.trim()));
window.addEventListener('hashchange', route);
route();
