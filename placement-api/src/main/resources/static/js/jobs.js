// Jobs page: submit form (upload or benchmark), live list (server-sent events, polling fallback), cancel.
import { del, el, events, getJson, num, postForm, postJson, secs, shortId, statusBadge, when } from './api.js';

const FINAL = new Set(['DONE', 'FAILED', 'CANCELLED']);
const PLACERS = ['none', 'greedy', 'ea', 'dt'];

function submitForm(onSubmitted) {
  const msg = el('span', { class: 'form-msg', id: 'submit-msg' });
  const files = el('input', { type: 'file', id: 'design-files', multiple: true,
    accept: '.aux,.nodes,.nets,.wts,.pl,.scl,.lef,.def,.zip,.tar,.gz,.tgz',
    title: 'Bookshelf files (.aux .nodes .nets .pl .scl [.wts]), or LEF files and one DEF, or one archive' });
  const design = el('select', { id: 'design-select' }, el('option', { value: '', text: '— upload files —' }));
  const placer = el('select', { id: 'macro-placer' }, PLACERS.map((p) => el('option', { value: p, text: p })));
  const seed = el('input', { type: 'number', id: 'seed', value: '1', min: '0', step: '1' });
  const fine = el('input', { type: 'number', id: 'fine-tune', value: '0', min: '0', step: '1' });
  const threads = el('input', { type: 'number', id: 'threads', value: '0', min: '0', step: '1',
    title: '0 = all cores' });
  const button = el('button', { type: 'submit', id: 'submit-job', text: 'Submit job' });

  Promise.all([getJson('/api/benchmarks').catch(() => []), getJson('/api/designs').catch(() => [])])
    .then(([benchmarks, designs]) => {
      if (benchmarks.length) {
        design.append(el('optgroup', { label: 'benchmarks' },
          benchmarks.map((b) => el('option', { value: b.design, text: b.name }))));
      }
      if (designs.length) {
        design.append(el('optgroup', { label: 'uploaded designs' },
          designs.map((d) => el('option', { value: d.id,
            text: d.name + (d.format === 'lefdef' ? ' [LEF/DEF]' : '') + ' (' + num(d.cells) + ' cells, ' + d.macros
              + ' macros, ' + shortId(d.id) + ')' }))));
      }
    });
  design.addEventListener('change', () => { files.disabled = design.value !== ''; });

  const form = el('form', { class: 'card submit', id: 'submit-form' },
    el('h2', { text: 'New placement job' }),
    el('div', { class: 'grid-form' },
      el('label', {}, 'Design', design),
      el('label', {}, 'Bookshelf or LEF/DEF files, or an archive', files),
      el('label', {}, 'Macro placer', placer),
      el('label', {}, 'Seed', seed),
      el('label', {}, 'Fine-tuning steps', fine),
      el('label', {}, 'Threads', threads)),
    el('div', { class: 'row' }, button, msg));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    button.disabled = true;
    msg.className = 'form-msg';
    try {
      let ref = design.value;
      if (!ref) {
        if (!files.files.length) throw new Error('choose a design or the files of one');
        msg.textContent = 'uploading…';
        const fd = new FormData();
        for (const f of files.files) fd.append('files', f, f.name);
        ref = (await postForm('/api/designs', fd)).id;
      }
      msg.textContent = 'submitting…';
      const job = await postJson('/api/jobs', {
        design: ref, macroPlacer: placer.value, seed: Number(seed.value), fineTuneSteps: Number(fine.value),
        options: Number(threads.value) > 0 ? { threads: Number(threads.value) } : null,
      });
      msg.textContent = 'submitted job ' + shortId(job.id);
      onSubmitted(job);
    } catch (e) {
      msg.className = 'form-msg error';
      msg.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function progressBar(pct, status) {
  return el('div', { class: 'progress st-' + status.toLowerCase(), title: pct.toFixed(1) + ' %' },
    el('div', { class: 'bar', style: 'width:' + Math.max(0, Math.min(100, pct)).toFixed(1) + '%' }),
    el('span', { text: pct.toFixed(0) + ' %' }));
}

/** Renders the jobs page into root; returns its cleanup function. */
export async function jobsPage(root) {
  const sources = new Map();
  const rows = new Map();
  const tbody = el('tbody');
  const selected = new Set();
  const compare = el('button', { id: 'compare-selected', disabled: true, text: 'Compare selected (0/2)' });
  compare.addEventListener('click', () => {
    const [a, b] = [...selected];
    location.hash = '#/compare?a=' + a + '&b=' + b;
  });

  function render(job) {
    const final = FINAL.has(job.status);
    const check = el('input', { type: 'checkbox', title: 'select for comparison', disabled: job.status !== 'DONE' });
    check.checked = selected.has(job.id);
    check.addEventListener('change', () => {
      if (check.checked) selected.add(job.id); else selected.delete(job.id);
      compare.disabled = selected.size !== 2;
      compare.textContent = 'Compare selected (' + selected.size + '/2)';
    });
    const cancel = final ? '' : el('button', { class: 'small danger', text: 'Cancel', onclick: async () => {
      try { update(await del('/api/jobs/' + job.id)); } catch (e) { alert(e.message); }
    } });
    const tr = el('tr', { 'data-job-id': job.id, 'data-status': job.status },
      el('td', {}, check),
      el('td', {}, el('a', { href: '#/jobs/' + job.id, class: 'job-link', text: shortId(job.id) })),
      el('td', { text: job.designName + (job.config ? ' · ' + job.config : '') }),
      el('td', { text: job.macroPlacer }),
      el('td', { class: 'num', text: job.seed }),
      el('td', { class: 'status' }, statusBadge(job.status)),
      el('td', { text: job.error ? job.stage + ': ' + job.error : job.stage, class: job.error ? 'error' : '' }),
      el('td', {}, progressBar(job.percent, job.status)),
      el('td', { class: 'num', text: num(job.hpwl) }),
      el('td', { class: 'num', text: num(job.overflow, 3) }),
      el('td', { class: 'num', text: secs(job.seconds) }),
      el('td', { text: when(job.createdAt) }),
      el('td', {}, cancel));
    return tr;
  }

  function update(job) {
    const old = rows.get(job.id);
    const tr = render(job);
    rows.set(job.id, tr);
    if (old) old.replaceWith(tr); else tbody.prepend(tr);
    if (FINAL.has(job.status)) {
      const s = sources.get(job.id);
      if (s) { s.close(); sources.delete(job.id); }
    } else {
      watch(job.id);
    }
  }

  function watch(id) {
    if (sources.has(id) || typeof ReadableStream === 'undefined' || sources.size >= 16) return;
    const es = events('/api/jobs/' + id + '/events', (name, data) => {
      if (['progress', 'done', 'failed', 'cancelled'].includes(name)) update(JSON.parse(data));
    }, () => sources.delete(id));
    sources.set(id, es);
  }

  async function refresh() {
    const jobs = await getJson('/api/jobs');
    empty.hidden = jobs.length > 0;
    for (const job of jobs.slice().reverse()) {
      const old = rows.get(job.id);
      if (!old || old.dataset.status !== job.status || !FINAL.has(job.status)) update(job);
    }
  }

  const empty = el('p', { class: 'muted', text: 'No jobs yet: submit one above.' });
  root.append(
    submitForm((job) => update(job)),
    el('section', { class: 'card' },
      el('div', { class: 'row spread' }, el('h2', { text: 'Jobs' }), compare),
      el('table', { class: 'data', id: 'jobs-table' },
        el('thead', {}, el('tr', {}, ['', 'job', 'design', 'macro placer', 'seed', 'status', 'stage',
          'progress', 'HPWL', 'overflow', 'time', 'submitted', ''].map((h) => el('th', { text: h })))),
        tbody),
      empty));
  await refresh();
  // polling fallback and new jobs from elsewhere (sweeps, other users)
  const timer = setInterval(() => refresh().catch(() => {}), 3000);
  return () => {
    clearInterval(timer);
    sources.forEach((s) => s.close());
  };
}
