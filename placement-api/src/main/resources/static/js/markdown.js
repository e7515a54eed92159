// A small Markdown renderer for the model cards: headings, paragraphs, lists (items with wrapped
// continuation lines, nested lists and indented code blocks kept in one list), fenced code, tables,
// and inline `code` (nothing inside it is formatted), **bold**, *italic* and [links](url).
import { el } from './api.js';

const ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s*```/;
const TABLE = /^\s*\|/;

/** Inline Markdown to HTML; the text is escaped first and code spans are set aside before any emphasis. */
export function inline(text) {
  const code = [];
  let s = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  s = s.replace(/`([^`]+)`/g, (m, c) => { code.push(c); return '\u0000' + (code.length - 1) + '\u0000'; });
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (m, t, u) => (/^(https?:|#|\.|\/)/.test(u)
    ? '<a href="' + u.replace(/"/g, '%22') + '">' + t + '</a>' : t));
  s = s.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>');
  // *x*: the stars hug the text and are not inside words (2*3*4 and "a * b" stay as they are)
  s = s.replace(/(^|[^\w*\\])\*(?=[^\s*])([^*]*?[^\s*\\])\*(?![\w*])/g, '$1<em>$2</em>');
  return s.replace(/\u0000(\d+)\u0000/g, (m, k) => '<code>' + code[Number(k)] + '</code>');
}

const indentOf = (line) => line.match(/^\s*/)[0].length;

function html(tag, text, attrs) {
  const e = el(tag, attrs);
  e.innerHTML = inline(text);
  return e;
}

/** A fenced code block starting at lines[i]: [pre, next index]. Its indentation is removed. */
function fenced(lines, i) {
  const ind = indentOf(lines[i]);
  const code = [];
  for (i++; i < lines.length && !FENCE.test(lines[i]); i++) code.push(lines[i].slice(Math.min(ind, indentOf(lines[i]))));
  return [el('pre', {}, el('code', { text: code.join('\n') })), i + 1];
}

/** A table starting at lines[i] (header row, separator, rows): [table, next index]. */
function table(lines, i) {
  const rows = [];
  const cells = (line) => line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
  for (; i < lines.length && TABLE.test(lines[i]); i++) {
    if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i])) rows.push(cells(lines[i]));
  }
  return [el('div', { class: 'table-fit' }, el('table', { class: 'data' },
    el('thead', {}, rows.length ? el('tr', {}, rows[0].map((c) => html('th', c))) : null),
    el('tbody', {}, rows.slice(1).map((r) => el('tr', {}, r.map((c) => html('td', c))))))), i];
}

/** A list whose first item is lines[i]: items, their continuation lines and nested blocks; [list, next index]. */
function list(lines, i) {
  const first = lines[i].match(ITEM);
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const out = el(ordered ? 'ol' : 'ul');
  while (i < lines.length) {
    const m = lines[i].match(ITEM);
    if (!m || m[1].length !== indent || /\d/.test(m[2]) !== ordered) break;
    const li = el('li');
    const text = [m[3]];
    const blocks = [];
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (!line.trim()) {
        // a blank line: the item goes on only when an indented line follows
        if (i + 1 < lines.length && lines[i + 1].trim() && indentOf(lines[i + 1]) > indent && !ITEM.test(lines[i + 1])) { i++; continue; }
        break;
      }
      const sub = line.match(ITEM);
      if (sub && sub[1].length <= indent) break;
      if (sub) { const [l, k] = list(lines, i); blocks.push(l); i = k; continue; }
      if (FENCE.test(line)) { const [pre, k] = fenced(lines, i); blocks.push(pre); i = k; continue; }
      if (indentOf(line) <= indent && /^(#|```|\s*\|)/.test(line)) break;
      if (indentOf(line) === 0 && indent === 0 && blocks.length) break;
      text.push(line.trim());
      i++;
    }
    li.innerHTML = inline(text.join(' '));
    li.append(...blocks);
    out.append(li);
    if (i + 1 < lines.length && !lines[i].trim()) {
      const n = lines[i + 1].match(ITEM); // a blank line between items of the same list
      if (n && n[1].length === indent && /\d/.test(n[2]) === ordered) i++;
    }
  }
  return [out, i];
}

/** Markdown source to a div.markdown. */
export function markdown(src) {
  const out = [];
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    if (FENCE.test(line)) {
      const [pre, k] = fenced(lines, i); out.push(pre); i = k;
    } else if (/^#{1,6}\s/.test(line)) {
      out.push(html('h' + Math.min(6, line.match(/^#+/)[0].length + 2), line.replace(/^#+\s*/, '')));
      i++;
    } else if (TABLE.test(line)) {
      const [t, k] = table(lines, i); out.push(t); i = k;
    } else if (ITEM.test(line)) {
      const [l, k] = list(lines, i); out.push(l); i = k;
    } else if (!line.trim()) {
      i++;
    } else {
      const para = [];
      for (; i < lines.length && lines[i].trim() && !FENCE.test(lines[i]) && !/^#{1,6}\s/.test(lines[i])
        && !TABLE.test(lines[i]) && !ITEM.test(lines[i]); i++) para.push(lines[i].trim());
      out.push(html('p', para.join(' ')));
    }
  }
  return el('div', { class: 'markdown' }, out);
}
