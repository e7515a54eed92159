// Sweeps: list, submit form (designs picked from the uploaded ones and the benchmarks), and one sweep's
// chart (mean, minimum and spread per configuration, y from 0), summary, table and CSV link.
import { downloadLink, el, getJson, postJson, reportOf, shortId, statusBadge, when } from './api.js';
import { color, statChart } from './charts.js';
import { fmt, placementSeconds, secs, signedPercent, TIME_TIPS, times } from './format.js';
import { outcomeCell } from './jobs.js';

const FINAL = new Set(['DONE', 'FAILED', 'CANCELLED']);
const PLACERS = ['none', 'greedy', 'ea', 'dt'];

/** Designs to pick: [{value, text, group}] from the benchmarks and the uploaded designs. */
async function designChoices() {
  const [benchmarks, designs] = await Promise.all([getJson('/api/benchmarks').catch(() => []),
    getJson('/api/designs').catch(() => [])]);
  return designs.map((d) => ({ value: d.id, group: 'uploaded designs',
    text: d.name + (d.format === 'lefdef' ? ' [LEF/DEF]' : d.format === 'circuittraining' ? ' [Circuit Training]' : '') + ' · ' + fmt(d.cells) + ' cells · ' + shortId(d.id) }))
    .concat(benchmarks.map((b) => ({ value: b.design, group: 'benchmarks', text: b.name })));
}

function sweepForm(choices) {
  const groups = [...new Set(choices.map((c) => c.group))];
  const designs = el('select', { id: 'sweep-designs', multiple: true, size: Math.min(8, Math.max(3, choices.length + groups.length)),
    title: 'Ctrl/Shift-click to pick several' }, groups.map((g) => el('optgroup', { label: g },
    choices.filter((c) => c.group === g).map((c) => el('option', { value: c.value, text: c.text })))));
  const placers = PLACERS.map((p) => {
    const box = el('input', { type: 'checkbox', value: p, 'data-placer': p, checked: p === 'none' || p === 'greedy' });
    return el('label', { class: 'check' }, box, ' ' + p);
  });
  const seeds = el('input', { id: 'sweep-seeds', size: 12, value: '1, 2', title: 'comma-separated seeds' });
  const msg = el('span', { class: 'form-msg', id: 'sweep-msg' });
  const form = el('form', { class: 'card', id: 'sweep-form' }, el('h2', { text: 'New sweep' }),
    el('div', { class: 'grid-form' },
      el('label', { class: 'wide' }, 'Designs (pick one or more; Ctrl or Shift to add)', choices.length ? designs
        : el('span', { class: 'muted', text: 'no designs: upload one on the Jobs page' })),
      el('div', {}, el('div', { class: 'field-label', text: 'Macro placers (one configuration each)' }),
        el('div', { class: 'checks' }, placers)),
      el('label', {}, 'Seeds', seeds)),
    el('div', { class: 'row' }, el('button', { type: 'submit', text: 'Run sweep' }), msg));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    msg.className = 'form-msg';
    try {
      const picked = [...designs.selectedOptions].map((o) => o.value);
      const configs = placers.map((l) => l.firstChild).filter((b) => b.checked).map((b) => b.value);
      if (!picked.length) throw new Error('pick at least one design');
      if (!configs.length) throw new Error('pick at least one macro placer');
      const s = await postJson('/api/sweeps', { designs: picked,
        configs: configs.map((p) => ({ name: p, macroPlacer: p })),
        seeds: seeds.value.split(',').map((x) => x.trim()).filter(Boolean).map(Number) });
      location.hash = '#/sweeps/' + s.id;
    } catch (e) { msg.className = 'form-msg error'; msg.textContent = e.message; }
  });
  return form;
}

export async function sweepsPage(root) {
  const [sweeps, choices] = await Promise.all([getJson('/api/sweeps'), designChoices()]);
  root.append(sweepForm(choices), el('section', { class: 'card' }, el('h2', { text: 'Sweeps' }),
    sweeps.length ? el('table', { class: 'data', id: 'sweeps-table' },
      el('thead', {}, el('tr', {}, ['sweep', 'created', 'jobs', 'done', 'failed'].map((h) => el('th', { text: h })))),
      el('tbody', {}, sweeps.map((s) => el('tr', {},
        el('td', {}, el('a', { href: '#/sweeps/' + s.id, text: shortId(s.id) })), el('td', { text: when(s.createdAt) }),
        el('td', { class: 'num', text: s.jobs }), el('td', { class: 'num', text: s.done }),
        el('td', { class: 'num', text: s.failed })))))
      : el('p', { class: 'muted', text: 'No sweeps yet.' })));
  return null;
}

/** Chart metrics: key, label, unit, value of a row. */
const METRICS = [
  ['hpwl', 'HPWL', 'DBU', (r) => r.hpwl], ['macroHpwl', 'macro HPWL', 'DBU', (r) => r.macroHpwl],
  ['overflow', 'density overflow', 'fraction', (r) => r.overflow],
  ['placement', 'placement time', 's', (r) => r.t.placement], ['run', 'run time', 's', (r) => r.t.run],
];

/** Per design and configuration: the values of the metric (finished jobs). */
function grouped(rows, configs, value) {
  const designs = [...new Set(rows.map((r) => r.designName))];
  return designs.map((d) => ({ group: d, configs: configs.map((c, i) => ({ name: c, color: color(i),
    values: rows.filter((r) => r.designName === d && r.config === c && r.status === 'DONE').map(value)
      .filter((v) => typeof v === 'number' && Number.isFinite(v)) })).filter((c) => rows.some((r) => r.designName === d
      && r.config === c.name)) }));
}

/** Summary table: runs, mean, min, max, spread and mean against the best configuration of the design. */
function summary(groups, unit) {
  const rows = [];
  for (const g of groups) {
    const means = g.configs.filter((c) => c.values.length).map((c) => c.values.reduce((a, b) => a + b, 0) / c.values.length);
    const best = means.length ? Math.min(...means) : NaN;
    for (const c of g.configs) {
      const v = c.values; const n = v.length;
      const mean = n ? v.reduce((a, b) => a + b, 0) / n : NaN;
      const mn = n ? Math.min(...v) : NaN; const mx = n ? Math.max(...v) : NaN;
      rows.push(el('tr', {}, el('td', { text: g.group }), el('td', {}, el('i', { class: 'swatch', style: 'background:' + c.color }), c.name),
        el('td', { class: 'num', text: n }), el('td', { class: 'num', text: fmt(mean, 6) }),
        el('td', { class: 'num', text: fmt(mn, 6) }), el('td', { class: 'num', text: fmt(mx, 6) }),
        el('td', { class: 'num', text: n > 1 && mean ? fmt(100 * (mx - mn) / Math.abs(mean), 3) + ' %' : '–' }),
        el('td', { class: 'num', text: n && best && mean !== best ? signedPercent(mean, best) : n ? 'best' : '–' })));
    }
  }
  return el('div', { class: 'table-fit' }, el('table', { class: 'data', id: 'sweep-summary' },
    el('thead', {}, el('tr', {}, ['design', 'config', 'runs', 'mean (' + unit + ')', 'min', 'max', 'spread (max−min)/mean',
      'mean vs best'].map((h) => el('th', { text: h })))), el('tbody', {}, rows)));
}

export async function sweepPage(root, id) {
  const box = el('div');
  root.append(box);
  let metric = 'hpwl';
  let timer = null;
  const names = new Map((await getJson('/api/designs').catch(() => [])).map((d) => [d.id, d.name]));
  const render = async () => {
    const s = await getJson('/api/sweeps/' + id);
    // placement seconds from the reports when the service does not send them (small sweeps)
    if (s.rows.length <= 100) {
      await Promise.all(s.rows.filter((r) => r.status === 'DONE' && r.placementSeconds == null)
        .map((r) => reportOf(r.job).then((rep) => { r.placementSeconds = placementSeconds(rep); }).catch(() => {})));
    }
    s.rows.forEach((r) => {
      r.designName = r.designName || names.get(r.design) || String(r.design).replace(/^bench:/, '');
      r.t = times({ queuedSeconds: r.queuedSeconds, runSeconds: r.runSeconds, placementSeconds: r.placementSeconds,
        seconds: r.seconds }, null);
    });
    const configs = [...new Set(s.rows.map((r) => r.config))];
    const select = el('select', { id: 'sweep-metric' }, METRICS.map(([k, l, u]) => {
      const o = el('option', { value: k, text: l + ' (' + u + ')' });
      if (k === metric) o.selected = true;
      return o;
    }));
    select.addEventListener('change', () => { metric = select.value; render(); });
    const [, label, unit, value] = METRICS.find(([k]) => k === metric);
    const rows = s.rows.slice().sort((a, b) => a.designName.localeCompare(b.designName) || a.config.localeCompare(b.config)
      || a.seed - b.seed);
    const groups = grouped(rows, configs, value);
    box.replaceChildren(
      el('section', { class: 'card' },
        el('div', { class: 'row spread' }, el('h2', {}, 'Sweep ', el('code', { text: shortId(id) })),
          downloadLink('/api/sweeps/' + id + '.csv', 'CSV', { id: 'sweep-csv' })),
        el('p', { class: 'muted', text: s.jobs + ' jobs · ' + s.done + ' done · ' + s.failed + ' failed · created '
          + when(s.createdAt) })),
      el('section', { class: 'card' }, el('div', { class: 'row' }, el('label', {}, 'Chart ', select)),
        el('div', { class: 'charts-row' }, groups.map((g, i) => statChart([g], { id: i ? null : 'sweep-chart',
          yLabel: label + ' (' + unit + ')', height: 260,
          title: g.group + ': ' + label + ' (' + unit + ') per configuration, mean over seeds (number), from 0' }))),
        summary(groups, unit)),
      el('section', { class: 'card' }, el('div', { class: 'table-fit' }, el('table', { class: 'data', id: 'sweep-table' },
        el('thead', {}, el('tr', {}, ['design', 'config', 'seed', 'status', 'macro placement', 'HPWL (DBU)',
          'macro HPWL (DBU)', 'overflow', 'legal'].map((h) => el('th', { text: h })), ['queued', 'run', 'placement']
          .map((k) => el('th', { class: 'num', title: TIME_TIPS[k], text: k })), el('th', { text: 'job' }))),
        el('tbody', {}, rows.map((r) => el('tr', {},
          el('td', { text: r.designName, title: r.design }), el('td', { text: r.config }), el('td', { class: 'num', text: r.seed }),
          el('td', {}, statusBadge(r.status)),
          outcomeCell(r.macroOutcome, r.job, r.config === 'none' ? 'none' : null, r.status === 'DONE'),
          el('td', { class: 'num', text: fmt(r.hpwl, 7) }), el('td', { class: 'num', text: fmt(r.macroHpwl, 7) }),
          el('td', { class: 'num', text: fmt(r.overflow, 3) }),
          el('td', { text: r.legal == null ? '–' : r.legal ? 'yes' : 'NO', class: r.legal === false ? 'error' : '' }),
          ['queued', 'run', 'placement'].map((k) => el('td', { class: 'num t-' + k, text: secs(r.t[k]) })),
          el('td', {}, el('a', { href: '#/jobs/' + r.job, text: shortId(r.job) }))))))),
      el('p', { class: 'muted small', text: 'Times: ' + Object.values(TIME_TIPS).join('; ') + '.' })));
    const pending = s.rows.some((r) => !FINAL.has(r.status));
    clearTimeout(timer);
    if (pending) timer = setTimeout(() => render().catch(() => {}), 3000);
  };
  await render();
  return () => clearTimeout(timer);
}
