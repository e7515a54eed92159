// Models page: model cards of the shipped checkpoints (Markdown) and their training curves.
import { el, getJson } from './api.js';
import { color, lineChart } from './charts.js';
import { markdown } from './markdown.js';

/** What the columns of a training log mean (axis labels). */
const LABELS = {
  loss: 'training loss (mean of the last steps)', learning_rate: 'learning rate', elapsed_s: 'elapsed time (s)',
  heldout_hpwl_over_greedy: 'validation HPWL / greedy (lower is better)',
};

/** One chart per column of the log against its step (or epoch) column; rows without a value are skipped. */
function curves(log) {
  const cols = log.columns;
  const xcol = cols.findIndex((c) => /^(step|epoch|iter|iteration)$/i.test(c));
  const xs = log.rows.map((r, i) => (xcol >= 0 ? r[xcol] ?? NaN : i));
  const order = (c) => (c === 'loss' ? 0 : /heldout|valid/.test(c) ? 1 : 2);
  return cols.map((c, k) => [c, k]).filter(([, k]) => k !== xcol).sort((a, b) => order(a[0]) - order(b[0]))
    .map(([c, k], i) => el('div', { class: 'card training-curve', 'data-column': c }, lineChart([{ name: c,
      values: log.rows.map((r) => r[k] ?? NaN), xs, color: color(i), dots: true }],
    { title: LABELS[c] || c, yLabel: c, xLabel: xcol >= 0 ? cols[xcol] : 'row', height: 220 })));
}

export async function modelsPage(root) {
  const models = await getJson('/api/models');
  root.append(el('section', { class: 'card' }, el('h2', { text: 'Models' }),
    el('p', { class: 'muted', text: 'Shipped checkpoints, their model cards (docs/models/*.md) and training logs '
      + '(docs/models/<name>-train-log.csv).' })));
  if (!models.length) {
    root.append(el('section', { class: 'card empty', id: 'models-empty' },
      el('p', { text: 'No model is shipped with this build yet. A model card docs/models/<name>.md (and its '
        + 'training log docs/models/<name>-train-log.csv) appears here once added.' })));
    return null;
  }
  for (const m of models) {
    root.append(el('section', { class: 'card model', 'data-model': m.name }, el('h2', { text: m.name }),
      m.trainingLog ? el('div', {}, el('h3', { text: 'Training curves' }), el('div', { class: 'charts-row' },
        curves(m.trainingLog))) : el('p', { class: 'muted', text: 'No training log is shipped with this model.' }),
      markdown(m.card)));
  }
  return null;
}
