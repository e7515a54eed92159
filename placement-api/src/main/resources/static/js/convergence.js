// Convergence plots of global placement, as DREAMPlace draws them: every pass (mixed-size, then
// cells-only after macro legalization) one after the other, the pass boundary, the iteration each pass
// kept and where a guard stopped it marked; overflow on a log axis with each pass's target overflow.
import { el } from './api.js';
import { fmt } from './format.js';
import { color, lineChart } from './charts.js';

const stageName = (s) => s.name ?? s.stage;

/**
 * The global-placement passes of a report: report.globalPasses, or for reports written before it the one
 * pass of globalHpwlTrace (which one follows from the stages: with a macro placer the cells-only pass of
 * the candidate kept, else the mixed-size one when the design has macros).
 */
export function passesOf(report) {
  if (Array.isArray(report.globalPasses) && report.globalPasses.length) return report.globalPasses;
  const hp = report.globalHpwlTrace || []; const of = report.globalOverflowTrace || [];
  if (!hp.length) return [];
  const names = (report.stages || []).map(stageName);
  const placer = (report.options && report.options.placer) || {};
  const mixed = !names.includes('global-mixed') && names.includes('macro-legalize');
  const target = mixed ? placer.mixedTargetOverflow : placer.targetOverflow;
  const last = of.length - 1;
  const stop = Number.isFinite(target) && of[last] <= target ? 'target'
    : report.globalKeptIteration < last ? 'guard' : 'unknown';
  return [{ stage: 'global', macrosMove: mixed, hpwlTrace: hp, overflowTrace: of, partial: true,
    keptIteration: report.globalKeptIteration ?? last, targetOverflow: target, stop }];
}

const passName = (p) => (p.macrosMove ? 'mixed-size pass (cells + macros)' : 'cells-only pass');
const STOP = { target: 'reached its target overflow', limit: 'hit the iteration limit',
  guard: 'stopped by a guard (wirelength, stall or divergence)', none: 'did not run', unknown: 'stopped' };

/** Charts and a note of the report's passes; u: units of HPWL (format.js unitsOf). */
export function convergence(report, u) {
  const passes = passesOf(report);
  if (!passes.length) return [el('p', { class: 'muted', text: 'Global placement did not run.' })];
  let off = 0;
  const spans = passes.map((p) => { const s = off; off += p.hpwlTrace.length; return s; });
  /** The marks of both charts; key: the trace whose value at a kept iterate gets a dot. */
  const marks = (key, k) => passes.flatMap((p, i) => {
    const last = p.hpwlTrace.length - 1;
    const at = (j) => p[key][j] * k;
    const out = [];
    if (i > 0) out.push({ x: spans[i], label: '▶ ' + (p.macrosMove ? 'mixed-size' : 'cells only'), color: '#455a64', dash: false });
    if (p.keptIteration >= 0 && p.keptIteration < last) {
      out.push({ x: spans[i] + p.keptIteration, y: at(p.keptIteration), label: 'kept ' + p.keptIteration, color: '#2e7d32' });
      out.push({ x: spans[i] + last, label: (p.stop === 'limit' ? 'limit ' : 'stop ') + last, color: '#c62828' });
    } else if (p.keptIteration === last) {
      out.push({ x: spans[i] + last, y: at(last), label: 'kept ' + last + (p.stop === 'target' ? ' (target)' : ''), color: '#2e7d32' });
    }
    return out;
  });
  const series = (key, k) => passes.map((p, i) => ({ name: passName(p), color: color(i === 0 ? 0 : 2),
    values: p[key].map((v) => v * k), xs: p[key].map((v, j) => spans[i] + j) }));
  const xLabel = 'iteration (passes one after the other)';
  const kept = { name: 'kept iterate', color: '#2e7d32', dash: true }; const stop = { name: 'guard stop', color: '#c62828', dash: true };
  const hpwl = lineChart(series('hpwlTrace', u.k), { id: 'hpwl-chart', title: 'Global placement: HPWL (' + u.len + ') per iteration',
    xLabel, yLabel: 'HPWL (' + u.len + ')', marks: marks('hpwlTrace', u.k), legend: [kept, stop] });
  const refs = passes.map((p, i) => ({ y: p.targetOverflow, x0: spans[i], x1: spans[i] + p.hpwlTrace.length - 1,
    label: Number.isFinite(p.targetOverflow) ? 'target ' + fmt(p.targetOverflow, 3) : '', color: '#6d4c41' }));
  const overflow = lineChart(series('overflowTrace', 1), { id: 'overflow-chart', logY: true, refs, marks: marks('overflowTrace', 1), xLabel,
    title: 'Global placement: density overflow per iteration (log scale)', yLabel: 'overflow (fraction)',
    legend: [{ name: 'target overflow', color: '#6d4c41', dash: true }] });
  const notes = el('ul', { class: 'conv-notes', id: 'convergence-notes' }, passes.map((p) => {
    const last = p.hpwlTrace.length - 1;
    return el('li', { 'data-kept': String(p.keptIteration), 'data-stop': p.stop || '' }, passName(p) + ' (stage '
      + p.stage + '): ' + (last + 1) + ' iterations, ' + STOP[p.stop || 'unknown'] + ' at ' + last
      + (p.keptIteration < last ? '; kept iteration ' + p.keptIteration + ' (HPWL ' + fmt(p.hpwlTrace[p.keptIteration] * u.k)
        + ' ' + u.len + ', overflow ' + fmt(p.overflowTrace[p.keptIteration], 3) + '), not the last' : '; kept the last')
      + (Number.isFinite(p.targetOverflow) ? '; target overflow ' + fmt(p.targetOverflow, 3) : '') + '.');
  }), passes[0].partial ? el('li', { class: 'muted', text: 'This report predates per-pass traces: only one pass is shown.' }) : null);
  return [hpwl, overflow, notes];
}
