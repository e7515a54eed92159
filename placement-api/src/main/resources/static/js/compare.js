// Compare page: two jobs of one design side by side, with a metrics diff.
import { el, getJson, num, shortId } from './api.js';
import { LayoutViewer } from './viewer.js';

const KEYS = [['hpwl', 'HPWL'], ['weightedHpwl', 'weighted HPWL'], ['macroHpwl', 'macro HPWL'],
  ['densityOverflow', 'density overflow'], ['rudyPeak', 'RUDY peak'], ['rudyOverflow', 'RUDY overflow'],
  ['overlapArea', 'overlap area'], ['legal', 'legal']];

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

export async function comparePage(root, a, b) {
  const jobs = await getJson('/api/jobs');
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
  const rows = KEYS.map(([k, label]) => {
    const va = ra.metrics[k]; const vb = rb.metrics[k];
    let diff = '';
    let cls = '';
    if (typeof va === 'number' && typeof vb === 'number') {
      const d = vb - va;
      diff = (d >= 0 ? '+' : '') + num(d, 4) + (va !== 0 ? ' (' + (d >= 0 ? '+' : '') + (100 * d / Math.abs(va)).toFixed(2) + ' %)' : '');
      cls = d < 0 ? 'better' : d > 0 ? 'worse' : '';
    }
    const f = (v) => (typeof v === 'boolean' ? (v ? 'yes' : 'NO') : num(v, 6));
    return el('tr', {}, el('th', { text: label }), el('td', { class: 'num', text: f(va) }),
      el('td', { class: 'num', text: f(vb) }), el('td', { class: 'num ' + cls, text: diff }));
  });
  rows.push(el('tr', {}, el('th', { text: 'seconds' }), el('td', { class: 'num', text: num(ra.totalSeconds) }),
    el('td', { class: 'num', text: num(rb.totalSeconds) }), el('td', { class: 'num', text: '' })));
  const title = (j) => el('h3', {}, el('a', { href: '#/jobs/' + j.id, text: shortId(j.id) }),
    ' · ' + j.macroPlacer + ' · seed ' + j.seed + (j.config ? ' · ' + j.config : ''));
  const boxA = el('div', { class: 'viewer-box half' }); const boxB = el('div', { class: 'viewer-box half' });
  root.append(el('section', { class: 'compare-grid' },
    el('div', { class: 'card' }, title(ja), boxA), el('div', { class: 'card' }, title(jb), boxB)),
  el('section', { class: 'card' }, el('h3', { text: 'Metrics (B − A; green: B lower)' }),
    el('table', { class: 'data', id: 'compare-table' }, el('thead', {}, el('tr', {},
      ['', 'A ' + shortId(a), 'B ' + shortId(b), 'B − A'].map((h) => el('th', { text: h })))), el('tbody', {}, rows))));
  const link = el('input', { type: 'checkbox', id: 'link-views' });
  link.checked = true;
  root.querySelector('.compare-grid').before(el('label', { class: 'toggle link' }, link, ' zoom and pan both together'));
  let va = null; let vb = null;
  const sync = (from) => { if (link.checked) (from === va ? vb : va).viewFrom(from); };
  va = new LayoutViewer(boxA, a, { onView: sync }); vb = new LayoutViewer(boxB, b, { onView: sync });
  await Promise.all([va.load(), vb.load()]);
  return () => { va.destroy(); vb.destroy(); };
}
