// Models page: model cards of the shipped checkpoints (Markdown) and their training curves.
import { el, getJson } from './api.js';
import { color, lineChart } from './charts.js';

/** Inline Markdown: `code`, **bold**, *italic*, [text](url). Input is escaped first. */
function inline(text) {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return esc.replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (m, t, u) => (/^(https?:|#|\.|\/)/.test(u)
      ? '<a href="' + u.replace(/"/g, '%22') + '">' + t + '</a>' : t));
}

/** A small Markdown subset: headings, paragraphs, lists, fenced code, tables. */
export function markdown(src) {
  const out = [];
  const lines = src.split('\n');
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    if (/^```/.test(line)) {
      const code = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) code.push(lines[i]);
      i++;
      out.push(el('pre', {}, el('code', { text: code.join('\n') })));
    } else if (/^#{1,6}\s/.test(line)) {
      const level = Math.min(6, line.match(/^#+/)[0].length + 2);
      const h = el('h' + level);
      h.innerHTML = inline(line.replace(/^#+\s*/, ''));
      out.push(h);
      i++;
    } else if (/^\s*\|/.test(line)) {
      const rows = [];
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) {
        if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i])) rows.push(lines[i].trim().replace(/^\||\|$/g, '').split('|'));
      }
      out.push(el('table', { class: 'data' }, rows.map((r, k) => el('tr', {}, r.map((c) => {
        const td = el(k === 0 ? 'th' : 'td');
        td.innerHTML = inline(c.trim());
        return td;
      })))));
    } else if (/^\s*([-*]|\d+\.)\s/.test(line)) {
      const ul = el(/^\s*\d/.test(line) ? 'ol' : 'ul');
      for (; i < lines.length && /^\s*([-*]|\d+\.)\s/.test(lines[i]); i++) {
        const li = el('li');
        li.innerHTML = inline(lines[i].replace(/^\s*([-*]|\d+\.)\s/, ''));
        ul.append(li);
      }
      out.push(ul);
    } else if (!line.trim()) {
      i++;
    } else {
      const para = [];
      for (; i < lines.length && lines[i].trim() && !/^(#|```|\s*\||\s*([-*]|\d+\.)\s)/.test(lines[i]); i++) {
        para.push(lines[i]);
      }
      const p = el('p');
      p.innerHTML = inline(para.join(' '));
      out.push(p);
    }
  }
  return el('div', { class: 'markdown' }, out);
}

function curves(log) {
  const cols = log.columns;
  const xcol = cols.findIndex((c) => /^(step|epoch|iter|iteration)$/i.test(c));
  return cols.map((c, k) => [c, k]).filter(([, k]) => k !== xcol).map(([c, k], i) =>
    el('div', { class: 'card' }, lineChart([{ name: c, values: log.rows.map((r) => r[k] ?? NaN), color: color(i) }],
      { title: c, xLabel: xcol >= 0 ? cols[xcol] + ' (row)' : 'row' })));
}

export async function modelsPage(root) {
  const models = await getJson('/api/models');
  root.append(el('section', { class: 'card' }, el('h2', { text: 'Models' }),
    el('p', { class: 'muted', text: 'Shipped checkpoints and their model cards (docs/models/*.md).' })));
  if (!models.length) {
    root.append(el('section', { class: 'card empty', id: 'models-empty' },
      el('p', { text: 'No model is shipped with this build yet. A model card docs/models/<name>.md (and its '
        + 'training log docs/models/<name>.csv) appears here once added.' })));
    return null;
  }
  for (const m of models) {
    root.append(el('section', { class: 'card model', 'data-model': m.name }, el('h2', { text: m.name }),
      markdown(m.card), m.trainingLog ? el('div', { class: 'charts-row' }, curves(m.trainingLog)) : null));
  }
  return null;
}
