// Job page: layout viewer, metrics, stage timeline, HPWL/overflow curves, downloads.
import { downloadLink, el, events, getJson, jobList, shortId, statusBadge, when } from './api.js';
import { LayoutViewer } from './viewer.js';
import { color } from './charts.js';
import { convergence } from './convergence.js';
import { fmt, METRICS, metric, outcomeFromReport, placementSeconds, repeatedStages, secs, signedPercent, TIME_TIPS, times,
  unitsOf } from './format.js';

const FINAL = new Set(['DONE', 'FAILED', 'CANCELLED']);

/** The metrics table of a report (id metrics-table): value, unit and what the metric means (hover). */
export function metricsTable(report) {
  const m = report.metrics;
  const u = unitsOf(report);
  const row = (key, label, r, tip) => el('tr', { 'data-metric': key, title: tip || null },
    el('th', {}, label, tip ? el('span', { class: 'help', 'aria-label': 'explanation' }) : null),
    el('td', { class: 'num' + (key === 'legal' && !m[key] ? ' error' : ''), text: r.value }),
    el('td', { class: 'unit', text: r.unit }));
  const rows = METRICS.filter(([k]) => k in m).map(([k, label]) => row(k, label, metric(k, m[k], u), metric(k, m[k], u).title));
  if (m.proxyCost) {
    rows.push(row('proxyCost', 'proxy cost', { value: fmt(m.proxyCost.total, 4), unit: 'unitless' },
      'Circuit Training\'s proxy cost: wirelength ' + fmt(m.proxyCost.wirelength, 4) + ' + 0.5 × density '
      + fmt(m.proxyCost.density, 4) + ' + 0.5 × congestion ' + fmt(m.proxyCost.congestion, 4)));
  }
  rows.push(row('placementSeconds', 'placement time', { value: fmt(placementSeconds(report), 4), unit: 's' }, TIME_TIPS.placement));
  return el('div', { class: 'table-fit' }, el('table', { class: 'data kv metrics', id: 'metrics-table' },
    el('caption', { class: 'muted', text: 'lengths in ' + u.note }), el('tbody', {}, rows)));
}

/** A stage's name (reports of jobs run before the shared report shape call it `stage`). */
const stageName = (s) => s.name ?? s.stage;

/**
 * One horizontal bar per stage, its length the stage's seconds; HPWL after the stage in units u. The kept
 * candidate's own stages, already inside its candidate-k stage, are listed but not counted again.
 */
export function timeline(stages, u = unitsOf(null)) {
  const rep = repeatedStages(stages);
  const counted = stages.filter((s, i) => !rep.has(i));
  const total = counted.reduce((a, s) => a + s.seconds, 0) || 1;
  const max = Math.max(...stages.map((s) => s.seconds), 1e-9);
  return el('div', { class: 'timeline', id: 'stage-timeline' },
    el('div', { class: 'stack' }, counted.map((s) => el('div', {
      class: 'seg', title: stageName(s) + ': ' + secs(s.seconds),
      style: 'width:' + (100 * s.seconds / total).toFixed(2) + '%;background:' + color(stages.indexOf(s)) }))),
    stages.map((s, i) => el('div', { class: 'stage-row' + (rep.has(i) ? ' repeated' : ''),
      title: rep.has(i) ? 'the kept candidate\'s own stage: its time is part of its candidate stage above' : null },
    el('span', { class: 'stage-name', text: stageName(s) + (rep.has(i) ? ' (kept)' : '') }),
    el('div', { class: 'stage-bar' }, el('div', { style: 'width:' + (100 * s.seconds / max).toFixed(2)
        + '%;background:' + color(i) })),
    el('span', { class: 'num', text: secs(s.seconds) }),
    el('span', { class: 'num muted', text: Number.isFinite(s.hpwl) ? 'HPWL ' + fmt(s.hpwl * u.k, 4) + ' ' + u.len : '' }))),
    el('p', { class: 'muted small', text: 'Placement time ' + secs(total) + (rep.size ? ' (the stages marked "kept" are the '
      + 'kept candidate\'s, inside its candidate stage, and not counted twice)' : ': the stages add up to it') + '.' }));
}

/** Download links of a DONE job; the placed DEF only for a LEF/DEF design (report.format). */
function downloads(id, report) {
  const a = (href, text) => downloadLink(href, text);
  return el('div', { class: 'downloads row' },
    a('/api/jobs/' + id + '/placement.pl', '.pl'),
    report.format === 'lefdef' ? a('/api/jobs/' + id + '/placement.def', '.def') : null,
    report.format === 'circuittraining' ? a('/api/jobs/' + id + '/placement.def', '.def (with a floorplan)') : null,
    report.format === 'circuittraining' ? a('/api/jobs/' + id + '/placement.plc', '.plc') : null,
    a('/api/jobs/' + id + '/report.json', 'report.json'),
    a('/api/jobs/' + id + '/layout.svg', 'layout.svg'),
    a('/api/jobs/' + id + '/congestion.png', 'congestion.png'));
}

/** The job's three times, labelled (ids time-queued, time-run, time-placement). */
export function timesLine(t) {
  return el('span', { class: 'times' }, ['queued', 'run', 'placement'].flatMap((k, i) => [i ? ' · ' : '', el('span', {
    id: 'time-' + k, title: TIME_TIPS[k] }, k + ' ', el('b', { text: secs(t[k]) }))]));
}

/** The macro placer's candidates (id candidates-table): source, final HPWL, seconds, which was kept. */
function candidatesCard(outcome, u) {
  const cands = outcome.candidates || [];
  const kept = cands.find((c) => c.kept);
  return el('div', { class: 'card', id: 'macro-outcome' }, el('h3', { text: 'Macro placement outcome' }),
    el('p', { class: 'outcome', id: 'outcome-summary', text: outcome.summary }),
    el('div', { class: 'table-fit' }, el('table', { class: 'data', id: 'candidates-table' },
      el('thead', {}, el('tr', {}, el('th', { text: 'candidate' }), el('th', { text: 'source' }),
        el('th', { class: 'num', text: 'final HPWL (' + u.len + ')' }), el('th', { class: 'num', text: 'vs kept' }),
        el('th', { class: 'num', text: 'own stages (s)', title: 'its macro legalization and cell stages' }), el('th', { text: '' }))),
      el('tbody', {}, cands.map((c) => el('tr', { class: c.kept ? 'kept' : '', 'data-kept': String(!!c.kept) },
        el('td', { text: c.name || '' }), el('td', { text: c.source }),
        el('td', { class: 'num', text: fmt(c.hpwl * u.k, 7) }),
        el('td', { class: 'num', text: kept && !c.kept ? signedPercent(c.hpwl, kept.hpwl) : '' }),
        el('td', { class: 'num', text: c.seconds == null ? '–' : fmt(c.seconds, 3) }),
        el('td', { text: c.kept ? '✔ kept' : '' })))))),
    el('p', { class: 'muted small', text: 'Every candidate goes through the same cell stages; the least final HPWL is kept.' }));
}

function netPanel(panel, u) {
  return (node, nets) => {
    panel.replaceChildren();
    if (!node) { panel.append(el('p', { class: 'muted', text: 'Click a macro to see its nets.' })); return; }
    const L = (v) => fmt(v * u.k, 6);
    panel.append(el('h3', { text: node.name }),
      el('p', { class: 'muted', text: node.kind.toLowerCase() + ', ' + L(node.w) + ' × ' + L(node.h) + ' ' + u.len
        + ' at (' + L(node.x) + ', ' + L(node.y) + ')' }));
    if (!nets) { panel.append(el('p', { class: 'muted', text: 'loading nets…' })); return; }
    if (nets.error) { panel.append(el('p', { class: 'error', text: nets.error })); return; }
    panel.append(el('p', { text: nets.nets.length + ' nets' + (nets.skipped ? ' (' + nets.skipped
      + ' very large nets not drawn)' : '') }),
    el('ul', { class: 'nets' }, nets.nets.slice(0, 40).map((n) => el('li', {},
      n.name + ' · ' + n.pins.length / 2 + ' pins'))));
  };
}

function optionsText(job) {
  const o = job.options || {};
  const parts = [];
  if (o.targetDensity != null) parts.push('target density ' + (o.targetDensity === 0 ? 'automatic' : o.targetDensity));
  if (o.targetOverflow != null) parts.push('target overflow ' + o.targetOverflow);
  if (o.detailedPlacement === false) parts.push('no detailed placement');
  if (o.timeLimit != null && o.timeLimit !== 60) parts.push('time limit ' + o.timeLimit + ' s');
  if (o.threads) parts.push(o.threads + ' threads');
  if (o.samples != null && o.samples !== 1) parts.push('best of ' + o.samples + ' samples');
  if (o.device != null && o.device !== 'cpu') parts.push('device ' + o.device);
  if (o.checkpoint != null && o.checkpoint !== 'decision-transformer') parts.push('checkpoint ' + o.checkpoint);
  return parts.join(' · ');
}

export async function jobPage(root, id, q = new URLSearchParams()) {
  const job = await getJson('/api/jobs/' + id);
  const info = el('p', { class: 'muted' }, 'macro placer ' + job.macroPlacer + ' · seed ' + job.seed
      + ' · fine-tuning steps ' + job.fineTuneSteps + (job.config ? ' · config ' + job.config : '')
      + (optionsText(job) ? ' · ' + optionsText(job) : '') + ' · submitted ' + when(job.createdAt) + ' · ');
  const head = el('section', { class: 'card job-head' },
    el('div', { class: 'row spread' },
      el('h2', {}, 'Job ', el('code', { text: shortId(id) }), ' · ' + job.designName),
      statusBadge(job.status)), info);
  root.append(head);
  if (job.status !== 'DONE') {
    info.append(timesLine(times(job, null)));
    const live = el('p', { id: 'job-live', text: job.status + ' · ' + job.stage + ' · ' + job.percent.toFixed(0)
      + ' %' + (job.error ? ' · ' + job.error : '') });
    head.append(live);
    if (FINAL.has(job.status)) return null;
    let ended = false;
    const es = events('/api/jobs/' + id + '/events', (name, data) => {
      if (name === 'progress') {
        const j = JSON.parse(data);
        live.textContent = j.status + ' · ' + j.stage + ' · ' + j.percent.toFixed(0) + ' % · HPWL ' + fmt(j.hpwl) + ' DBU';
      } else if (['done', 'failed', 'cancelled'].includes(name) && !ended) {
        ended = true;
        es.close();
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
    });
    return () => es.close();
  }
  const report = await getJson('/api/jobs/' + id + '/report.json');
  const u = unitsOf(report);
  info.append(timesLine(times(job, report)));
  head.append(downloads(id, report));
  const outcome = job.macroOutcome || outcomeFromReport(report);
  const viewerBox = el('div', { class: 'viewer-box' });
  const nets = el('div', { class: 'card net-panel', id: 'net-panel' });
  root.append(el('section', { class: 'layout-grid' }, el('div', { class: 'card' }, viewerBox),
    el('div', { class: 'side-col' }, el('div', { class: 'card' }, el('h3', { text: 'Metrics' }), metricsTable(report)),
      nets)));
  const viewer = new LayoutViewer(viewerBox, id, { onSelect: netPanel(nets, u), units: u,
    rudyOverflow: fmt(report.metrics.rudyOverflow * u.k * u.k, 5) + ' ' + u.area });
  netPanel(nets, u)(null);
  if (outcome) root.append(candidatesCard(outcome, u));
  const [hpwl, overflow, notes] = convergence(report, u);
  root.append(el('section', { class: 'charts-row wide' },
    el('div', { class: 'card' }, hpwl), overflow ? el('div', { class: 'card' }, overflow) : null),
  el('section', { class: 'charts-row wide' },
    el('div', { class: 'card' }, el('h3', { text: 'Stages' }), timeline(report.stages || [], u)),
    notes ? el('div', { class: 'card' }, el('h3', { text: 'Global placement passes' }), notes) : null));
  const others = jobList(await getJson('/api/jobs?status=DONE&size=200').catch(() => getJson('/api/jobs'))
    .catch(() => []));
  const same = others.filter((j) => j.id !== id && j.status === 'DONE' && j.design === job.design);
  if (same.length) {
    root.append(el('section', { class: 'card' }, el('h3', { text: 'Compare with another job of ' + job.designName }),
      el('div', { class: 'row' }, same.slice(0, 12).map((j) => el('a', { class: 'button small',
        href: '#/compare?a=' + id + '&b=' + j.id, text: shortId(j.id) + ' (' + j.macroPlacer + ', seed ' + j.seed
          + ')' })))));
  }
  await viewer.load();
  for (const layer of (q.get('layers') || '').split(',').filter(Boolean)) viewer.setLayer(layer, true);
  if (q.get('select')) await viewer.select(q.get('select'));
  if (Number(q.get('zoom')) > 0) viewer.zoomAt(undefined, undefined, Number(q.get('zoom')));
  return () => viewer.destroy();
}
