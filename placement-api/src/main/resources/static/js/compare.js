// Compare page: two jobs of one design side by side, with a metrics diff (differences within floating
// noise count as none: "=", neutral).
import { el, getJson, jobList, shortId } from './api.js';
import { LayoutViewer } from './viewer.js';
import { difference, METRICS, metric, outcomeFromReport, secs, TIME_TIPS, times, unitsOf } from './format.js';

const KEYS = ['hpwl', 'weightedHpwl', 'macroHpwl', 'densityOverflow', 'rudyPeak', 'rudyOverflow', 'overlapArea', 'legal'];

function picker(jobs, a, b) {
  const done = jobs.filter((j) => j.status === 'DONE');
  const sel = (value, id) => el('select', { id }, el('option', { value: '', text: '—' }),
    done.map((j) => {
      const o = el('option', { value: j.id, text: j.designName + ' · ' + j.macroPlacer + ' · seed ' + j.seed
        + (j.config ? ' · ' + j.config : '') + ' · ' + shortId(j.id) });
      if (j.id === value) o.selected = true;
      return o;
    }));
  const sa = sel(a, 'compare-a'); const sb = sel(b, 'compare-b');
  const go = el('button', { text: 'Compare', onclick: () => {
    location.hash = '#/compare?a=' + sa.value + '&b=' + sb.value;
  } });
  return el('section', { class: 'card' }, el('h2', { text: 'Compare two jobs' }),
    el('div', { class: 'row' }, el('label', {}, 'A ', sa), el('label', {}, 'B ', sb), go));
}

/** Rows of the metrics diff: label, A, B, unit, B − A. */
function diffRows(ra, rb, ja, jb) {
  const u = unitsOf(ra);
  const kinds = new Map(METRICS.map((m) => [m[0], m[2]]));
  const rows = KEYS.filter((k) => k in ra.metrics || k in rb.metrics).map((k) => {
    const va = ra.metrics[k]; const vb = rb.metrics[k];
    const ma = metric(k, va, u); const mb = metric(k, vb, u);
    let d = { text: '', cls: '' };
    if (typeof va === 'number' && typeof vb === 'number') d = difference(va, vb, u, kinds.get(k));
    else if (typeof va === 'boolean') d = va === vb ? { text: '=', cls: 'same' } : { text: 'differs', cls: 'worse' };
    return el('tr', { 'data-metric': k, title: ma.title },
      el('th', { text: METRICS.find((m) => m[0] === k)[1] }), el('td', { class: 'num', text: ma.value }),
      el('td', { class: 'num', text: mb.value }), el('td', { class: 'unit', text: ma.unit }),
      el('td', { class: 'num diff ' + d.cls, text: d.text }));
  });
  const ta = times(ja, ra); const tb = times(jb, rb);
  for (const k of ['queued', 'run', 'placement']) {
    rows.push(el('tr', { 'data-metric': k + 'Seconds', title: TIME_TIPS[k] }, el('th', { text: k + ' time' }),
      el('td', { class: 'num', text: secs(ta[k]) }), el('td', { class: 'num', text: secs(tb[k]) }),
      el('td', { class: 'unit', text: 's' }), el('td', { class: 'num muted', text: '' })));
  }
  return rows;
}

export async function comparePage(root, a, b) {
  const jobs = jobList(await getJson('/api/jobs?status=DONE&size=200').catch(() => getJson('/api/jobs')));
  root.append(picker(jobs, a, b));
  if (!a || !b) {
    root.append(el('p', { class: 'muted', text: 'Choose two finished jobs (of the same design).' }));
    return null;
  }
  const [ja, jb] = await Promise.all([getJson('/api/jobs/' + a), getJson('/api/jobs/' + b)]);
  if (ja.design !== jb.design) {
    root.append(el('p', { class: 'error', text: 'The two jobs place different designs (' + ja.designName + ', '
      + jb.designName + '): the comparison is of one design.' }));
    return null;
  }
  const [ra, rb] = await Promise.all([getJson('/api/jobs/' + a + '/report.json'),
    getJson('/api/jobs/' + b + '/report.json')]);
  const u = unitsOf(ra);
  const title = (j, r) => {
    const o = j.macroOutcome || outcomeFromReport(r);
    return el('h3', {}, el('a', { href: '#/jobs/' + j.id, text: shortId(j.id) }),
      ' · ' + j.macroPlacer + ' · seed ' + j.seed + (j.config ? ' · ' + j.config : ''),
      o ? el('span', { class: 'muted outcome-note', text: ' — ' + o.summary }) : null);
  };
  const boxA = el('div', { class: 'viewer-box half' }); const boxB = el('div', { class: 'viewer-box half' });
  root.append(el('section', { class: 'compare-grid' },
    el('div', { class: 'card' }, title(ja, ra), boxA), el('div', { class: 'card' }, title(jb, rb), boxB)),
  el('section', { class: 'card' }, el('h3', { text: 'Metrics (B − A; green: B lower, red: B higher, '
    + '"=": equal within floating-point noise)' }),
  el('div', { class: 'table-fit' }, el('table', { class: 'data', id: 'compare-table' }, el('thead', {}, el('tr', {},
    ['', 'A ' + shortId(a), 'B ' + shortId(b), 'unit', 'B − A'].map((h, i) => el('th', { class: [1, 2, 4].includes(i) ? 'num' : null,
      text: h })))),
  el('tbody', {}, diffRows(ra, rb, ja, jb)))),
  el('p', { class: 'muted small', text: 'Lengths in ' + u.note + '. Differences below 1e-9, or below a millionth of '
    + 'the values, are shown as "=".' })));
  const link = el('input', { type: 'checkbox', id: 'link-views' });
  link.checked = true;
  root.querySelector('.compare-grid').before(el('label', { class: 'toggle link' }, link, ' zoom and pan both together'));
  let va = null; let vb = null;
  const sync = (from) => { if (link.checked) (from === va ? vb : va).viewFrom(from); };
  va = new LayoutViewer(boxA, a, { onView: sync, units: u }); vb = new LayoutViewer(boxB, b, { onView: sync, units: u });
  await Promise.all([va.load(), vb.load()]);
  return () => { va.destroy(); vb.destroy(); };
}
