// Sweeps: list, submit form, and one sweep's table, bar chart and CSV link.
import { downloadLink, el, getJson, num, postJson, secs, shortId, statusBadge, when } from './api.js';
import { barChart, color } from './charts.js';
import { metricValue } from './job.js';

const FINAL = new Set(['DONE', 'FAILED', 'CANCELLED']);

function sweepForm() {
  const designs = el('input', { id: 'sweep-designs', size: 40, placeholder: 'bench:ibm01, <design id>, …' });
  const configs = el('input', { id: 'sweep-configs', size: 40, value: 'none, greedy',
    title: 'macro placers; each becomes a configuration' });
  const seeds = el('input', { id: 'sweep-seeds', size: 12, value: '1, 2' });
  const msg = el('span', { class: 'form-msg' });
  const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
  const form = el('form', { class: 'card' }, el('h2', { text: 'New sweep' }),
    el('div', { class: 'row' }, el('label', {}, 'Designs ', designs), el('label', {}, 'Macro placers ', configs),
      el('label', {}, 'Seeds ', seeds), el('button', { type: 'submit', text: 'Run sweep' }), msg));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const s = await postJson('/api/sweeps', { designs: list(designs.value),
        configs: list(configs.value).map((p) => ({ name: p, macroPlacer: p })), seeds: list(seeds.value).map(Number) });
      location.hash = '#/sweeps/' + s.id;
    } catch (e) { msg.className = 'form-msg error'; msg.textContent = e.message; }
  });
  return form;
}

export async function sweepsPage(root) {
  const sweeps = await getJson('/api/sweeps');
  root.append(sweepForm(), el('section', { class: 'card' }, el('h2', { text: 'Sweeps' }),
    sweeps.length ? el('table', { class: 'data', id: 'sweeps-table' },
      el('thead', {}, el('tr', {}, ['sweep', 'created', 'jobs', 'done', 'failed'].map((h) => el('th', { text: h })))),
      el('tbody', {}, sweeps.map((s) => el('tr', {},
        el('td', {}, el('a', { href: '#/sweeps/' + s.id, text: shortId(s.id) })), el('td', { text: when(s.createdAt) }),
        el('td', { class: 'num', text: s.jobs }), el('td', { class: 'num', text: s.done }),
        el('td', { class: 'num', text: s.failed })))))
      : el('p', { class: 'muted', text: 'No sweeps yet.' })));
  return null;
}

const METRICS = [['hpwl', 'HPWL'], ['macroHpwl', 'macro HPWL'], ['overflow', 'overflow'], ['seconds', 'seconds']];

export async function sweepPage(root, id) {
  const box = el('div');
  root.append(box);
  let metric = 'hpwl';
  let timer = null;
  const render = async () => {
    const [s, jobs] = await Promise.all([getJson('/api/sweeps/' + id), getJson('/api/jobs').catch(() => [])]);
    const names = new Map(jobs.map((j) => [j.id, j.designName]));
    s.rows.forEach((r) => { r.designName = names.get(r.job) || r.design; });
    const configs = [...new Set(s.rows.map((r) => r.config))];
    const select = el('select', { id: 'sweep-metric' }, METRICS.map(([k, l]) => {
      const o = el('option', { value: k, text: l });
      if (k === metric) o.selected = true;
      return o;
    }));
    select.addEventListener('change', () => { metric = select.value; render(); });
    const rows = s.rows.slice().sort((a, b) => a.designName.localeCompare(b.designName) || a.config.localeCompare(b.config)
      || a.seed - b.seed);
    box.replaceChildren(
      el('section', { class: 'card' },
        el('div', { class: 'row spread' }, el('h2', {}, 'Sweep ', el('code', { text: shortId(id) })),
          downloadLink('/api/sweeps/' + id + '.csv', 'CSV', { id: 'sweep-csv' })),
        el('p', { class: 'muted', text: s.jobs + ' jobs · ' + s.done + ' done · ' + s.failed + ' failed · created '
          + when(s.createdAt) })),
      el('section', { class: 'card' }, el('div', { class: 'row' }, el('label', {}, 'Chart ', select)),
        barChart(rows.map((r) => ({ group: r.designName, label: 's' + r.seed, value: r[metric] ?? NaN,
          color: color(configs.indexOf(r.config)) })), { id: 'sweep-chart',
          title: METRICS.find(([k]) => k === metric)[1] + ' per job, grouped by design, coloured by config',
          legend: configs.map((c, i) => ({ name: c, color: color(i) })) })),
      el('section', { class: 'card' }, el('table', { class: 'data', id: 'sweep-table' },
        el('thead', {}, el('tr', {}, ['design', 'config', 'seed', 'status', 'HPWL', 'macro HPWL', 'overflow',
          'legal', 'seconds', 'job'].map((h) => el('th', { text: h })))),
        el('tbody', {}, rows.map((r) => el('tr', {},
          el('td', { text: r.designName, title: r.design }), el('td', { text: r.config }), el('td', { class: 'num', text: r.seed }),
          el('td', {}, statusBadge(r.status)),
          el('td', { class: 'num', text: r.hpwl == null ? '–' : metricValue('hpwl', r.hpwl) }),
          el('td', { class: 'num', text: r.macroHpwl == null ? '–' : metricValue('macroHpwl', r.macroHpwl) }),
          el('td', { class: 'num', text: num(r.overflow, 3) }),
          el('td', { text: r.legal === null ? '–' : r.legal ? 'yes' : 'NO', class: r.legal === false ? 'error' : '' }),
          el('td', { class: 'num', text: secs(r.seconds) }),
          el('td', {}, el('a', { href: '#/jobs/' + r.job, text: shortId(r.job) }))))))));
    const pending = s.rows.some((r) => !FINAL.has(r.status));
    clearTimeout(timer);
    if (pending) timer = setTimeout(() => render().catch(() => {}), 3000);
  };
  await render();
  return () => clearTimeout(timer);
}
