// Job page: layout viewer, metrics, stage timeline, HPWL/overflow curves, downloads.
import { downloadLink, el, events, getJson, num, secs, shortId, statusBadge, when } from './api.js';
import { LayoutViewer } from './viewer.js';
import { color, lineChart } from './charts.js';

const FINAL = new Set(['DONE', 'FAILED', 'CANCELLED']);

const METRICS = [
  ['hpwl', 'HPWL'], ['weightedHpwl', 'weighted HPWL'], ['macroHpwl', 'macro HPWL'],
  ['densityOverflow', 'density overflow'], ['rudyPeak', 'RUDY peak'], ['rudyOverflow', 'RUDY overflow'],
  ['legal', 'legal'], ['overlapArea', 'overlap area'], ['overlapPairs', 'overlap pairs'],
  ['outsideCore', 'outside core'], ['cellsOffRow', 'cells off row'], ['cellsOffSite', 'cells off site'],
  ['cellsWrongParity', 'multi-row cells on wrong-parity rows'],
  ['nodes', 'nodes'], ['nets', 'nets'], ['pins', 'pins'], ['macros', 'macros'], ['cells', 'cells'],
];

export function metricValue(k, v) {
  if (k === 'legal') return v ? 'yes' : 'NO';
  if (typeof v !== 'number') return String(v);
  if (v !== 0 && Math.abs(v) < 1e-4) return v.toExponential(2);
  return Math.abs(v) >= 1000 ? v.toLocaleString('en-US', { maximumFractionDigits: 1 })
    : v.toLocaleString('en-US', { maximumSignificantDigits: 5 });
}

/** The metrics table of a report (id metrics-table). */
export function metricsTable(report) {
  const m = report.metrics;
  return el('table', { class: 'data kv', id: 'metrics-table' },
    el('tbody', {}, METRICS.filter(([k]) => k in m).map(([k, label]) => el('tr', { 'data-metric': k },
      el('th', { text: label }),
      el('td', { class: 'num' + (k === 'legal' && !m[k] ? ' error' : ''), text: metricValue(k, m[k]) }))),
    el('tr', {}, el('th', { text: 'total time' }), el('td', { class: 'num', text: secs(report.totalSeconds) }))));
}

/** A stage's name (reports of jobs run before the shared report shape call it `stage`). */
const stageName = (s) => s.name ?? s.stage;

/** One horizontal bar per stage, its length the stage's seconds. */
export function timeline(stages) {
  const total = stages.reduce((a, s) => a + s.seconds, 0) || 1;
  const max = Math.max(...stages.map((s) => s.seconds), 1e-9);
  return el('div', { class: 'timeline', id: 'stage-timeline' },
    el('div', { class: 'stack' }, stages.map((s, i) => el('div', {
      class: 'seg', title: stageName(s) + ': ' + secs(s.seconds),
      style: 'width:' + (100 * s.seconds / total).toFixed(2) + '%;background:' + color(i) }))),
    stages.map((s, i) => el('div', { class: 'stage-row' },
      el('span', { class: 'stage-name', text: stageName(s) }),
      el('div', { class: 'stage-bar' }, el('div', { style: 'width:' + (100 * s.seconds / max).toFixed(2)
        + '%;background:' + color(i) })),
      el('span', { class: 'num', text: secs(s.seconds) }),
      el('span', { class: 'num muted', text: Number.isFinite(s.hpwl) ? 'HPWL ' + num(s.hpwl) : '' }))));
}

/** Download links of a DONE job; the placed DEF only for a LEF/DEF design (report.format). */
function downloads(id, report) {
  const a = (href, text) => downloadLink(href, text);
  return el('div', { class: 'downloads row' },
    a('/api/jobs/' + id + '/placement.pl', '.pl'),
    report.format === 'lefdef' ? a('/api/jobs/' + id + '/placement.def', '.def') : null,
    a('/api/jobs/' + id + '/report.json', 'report.json'),
    a('/api/jobs/' + id + '/layout.svg', 'layout.svg'),
    a('/api/jobs/' + id + '/congestion.png', 'congestion.png'));
}

function netPanel(panel) {
  return (node, nets) => {
    panel.replaceChildren();
    if (!node) { panel.append(el('p', { class: 'muted', text: 'Click a macro to see its nets.' })); return; }
    panel.append(el('h3', { text: node.name }),
      el('p', { class: 'muted', text: node.kind.toLowerCase() + ', ' + num(node.w) + ' × ' + num(node.h)
        + ' at (' + num(node.x) + ', ' + num(node.y) + ')' }));
    if (!nets) { panel.append(el('p', { class: 'muted', text: 'loading nets…' })); return; }
    if (nets.error) { panel.append(el('p', { class: 'error', text: nets.error })); return; }
    panel.append(el('p', { text: nets.nets.length + ' nets' + (nets.skipped ? ' (' + nets.skipped
      + ' very large nets not drawn)' : '') }),
    el('ul', { class: 'nets' }, nets.nets.slice(0, 40).map((n) => el('li', {},
      n.name + ' · ' + n.pins.length / 2 + ' pins'))));
  };
}

export async function jobPage(root, id, q = new URLSearchParams()) {
  const job = await getJson('/api/jobs/' + id);
  const head = el('section', { class: 'card job-head' },
    el('div', { class: 'row spread' },
      el('h2', {}, 'Job ', el('code', { text: shortId(id) }), ' · ' + job.designName),
      statusBadge(job.status)),
    el('p', { class: 'muted', text: 'macro placer ' + job.macroPlacer + ' · seed ' + job.seed
      + ' · fine-tuning steps ' + job.fineTuneSteps + (job.config ? ' · config ' + job.config : '')
      + ' · submitted ' + when(job.createdAt) + ' · ' + secs(job.seconds) }));
  root.append(head);
  if (job.status !== 'DONE') {
    const live = el('p', { id: 'job-live', text: job.status + ' · ' + job.stage + ' · ' + job.percent.toFixed(0)
      + ' %' + (job.error ? ' · ' + job.error : '') });
    head.append(live);
    if (FINAL.has(job.status)) return null;
    let ended = false;
    const es = events('/api/jobs/' + id + '/events', (name, data) => {
      if (name === 'progress') {
        const j = JSON.parse(data);
        live.textContent = j.status + ' · ' + j.stage + ' · ' + j.percent.toFixed(0) + ' % · HPWL ' + num(j.hpwl);
      } else if (['done', 'failed', 'cancelled'].includes(name) && !ended) {
        ended = true;
        es.close();
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
    });
    return () => es.close();
  }
  const report = await getJson('/api/jobs/' + id + '/report.json');
  head.append(downloads(id, report));
  const viewerBox = el('div', { class: 'viewer-box' });
  const nets = el('div', { class: 'card net-panel', id: 'net-panel' });
  root.append(el('section', { class: 'layout-grid' }, el('div', { class: 'card' }, viewerBox),
    el('div', { class: 'side-col' }, el('div', { class: 'card' }, el('h3', { text: 'Metrics' }), metricsTable(report)),
      nets)));
  const viewer = new LayoutViewer(viewerBox, id, { onSelect: netPanel(nets) });
  netPanel(nets)(null);
  const others = await getJson('/api/jobs').catch(() => []);
  const same = others.filter((j) => j.id !== id && j.status === 'DONE' && j.design === job.design);
  root.append(el('section', { class: 'charts-row' },
    el('div', { class: 'card' }, el('h3', { text: 'Stages' }), timeline(report.stages || [])),
    el('div', { class: 'card' }, lineChart([{ name: 'HPWL', values: report.globalHpwlTrace || [] }],
      { title: 'Global placement: HPWL per iteration', logY: false })),
    el('div', { class: 'card' }, lineChart([{ name: 'overflow', values: report.globalOverflowTrace || [],
      color: color(1) }], { title: 'Global placement: density overflow per iteration' }))));
  if (same.length) {
    root.append(el('section', { class: 'card' }, el('h3', { text: 'Compare with another job of ' + job.designName }),
      el('div', { class: 'row' }, same.slice(0, 12).map((j) => el('a', { class: 'button small',
        href: '#/compare?a=' + id + '&b=' + j.id, text: shortId(j.id) + ' (' + j.macroPlacer + ', seed ' + j.seed
          + ')' })))));
  }
  await viewer.load();
  for (const layer of (q.get('layers') || '').split(',').filter(Boolean)) viewer.setLayer(layer, true);
  if (q.get('select')) await viewer.select(q.get('select'));
  return () => viewer.destroy();
}
