// Jobs page: submit form (upload or benchmark, pipeline options), paged live list (server-sent events,
// polling fallback), macro placement outcome, the three times of each job, cancel.
import { del, el, events, getJson, jobList, postForm, postJson, reportOf, shortId, statusBadge, when } from './api.js';
import { fmt, outcomeFromReport, placementSeconds, secs, TIME_TIPS, times } from './format.js';

const FINAL = new Set(['DONE', 'FAILED', 'CANCELLED']);
const PLACERS = ['none', 'greedy', 'ea', 'dt'];
const PAGE_SIZES = [20, 50, 100];

/**
 * The options of the form that differ from the service's defaults (null when none): JobOptions fields only;
 * the dt fields (samples, device, checkpoint) only for macro placer dt (the service rejects them otherwise);
 * releaseMacros (false when unchecked) only with a macro placer.
 */
function formOptions(f, placer) {
  const o = {};
  if (Number(f.threads.value) > 0) o.threads = Number(f.threads.value);
  if (f.density.value.trim()) o.targetDensity = Number(f.density.value);
  if (f.overflow.value.trim()) o.targetOverflow = Number(f.overflow.value);
  if (!f.detailed.checked) o.detailedPlacement = false;
  if (!f.refine.checked) o.refineCellsAfterMacros = false;
  if (f.timeLimit.value.trim()) o.timeLimit = Number(f.timeLimit.value);
  if (placer !== 'none' && !f.release.checked) o.releaseMacros = false;
  if (placer === 'dt') {
    if (Number(f.samples.value) > 1) o.samples = Number(f.samples.value);
    if (f.device.value !== 'cpu') o.device = f.device.value;
    if (f.checkpoint.value) o.checkpoint = f.checkpoint.value;
  }
  return Object.keys(o).length ? o : null;
}

function submitForm(onSubmitted) {
  const msg = el('span', { class: 'form-msg', id: 'submit-msg' });
  const files = el('input', { type: 'file', id: 'design-files', multiple: true,
    accept: '.aux,.nodes,.nets,.wts,.pl,.scl,.lef,.def,.txt,.pb,.zip,.tar,.gz,.tgz',
    title: 'Bookshelf files (.aux .nodes .nets .pl .scl [.wts]), or LEF files and one DEF, or a Circuit Training '
      + '.pb.txt (optionally with its floorplan DEF and LEFs), or one archive' });
  const design = el('select', { id: 'design-select' }, el('option', { value: '', text: '— upload files —' }));
  const placer = el('select', { id: 'macro-placer' }, PLACERS.map((p) => el('option', { value: p, text: p })));
  const f = {
    seed: el('input', { type: 'number', id: 'seed', value: '1', min: '0', step: '1' }),
    fine: el('input', { type: 'number', id: 'fine-tune', value: '0', min: '0', step: '1' }),
    threads: el('input', { type: 'number', id: 'threads', value: '0', min: '0', step: '1', title: '0 = all cores' }),
    density: el('input', { type: 'number', id: 'target-density', min: '0.01', max: '1', step: '0.01',
      placeholder: 'automatic', title: 'target density of global placement, in (0, 1]; empty = automatic: the design\'s uniform density + 0.21, at most 1' }),
    overflow: el('input', { type: 'number', id: 'target-overflow', min: '0.001', max: '0.999', step: '0.001',
      placeholder: 'default 0.07', title: 'global placement (cells-only pass) stops at this density overflow, in (0, 1)' }),
    timeLimit: el('input', { type: 'number', id: 'time-limit', min: '1', step: '1', placeholder: 'default 60',
      title: 'seconds of the ea search and of dt sampling plus fine-tuning' }),
    samples: el('input', { type: 'number', id: 'samples', value: '1', min: '1', step: '1',
      title: 'dt: keep the best of this many rollouts' }),
    device: el('select', { id: 'device', title: 'dt: gpu needs the cuda build and a GPU' },
      ['cpu', 'gpu'].map((d) => el('option', { value: d, text: d }))),
    checkpoint: el('select', { id: 'checkpoint', title: 'dt: the model (Models page)' },
      el('option', { value: '', text: 'decision-transformer (shipped)' })),
    detailed: el('input', { type: 'checkbox', id: 'detailed-placement', checked: true }),
    refine: el('input', { type: 'checkbox', id: 'refine-cells', checked: true }),
    release: el('input', { type: 'checkbox', id: 'release-macros', checked: true }),
  };
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
            text: d.name + (d.format === 'lefdef' ? ' [LEF/DEF]' : d.format === 'circuittraining' ? ' [Circuit Training]' : '') + ' (' + fmt(d.cells) + ' cells, ' + d.macros
              + ' macros, ' + shortId(d.id) + ')' }))));
      }
    });
  design.addEventListener('change', () => { files.disabled = design.value !== ''; });
  getJson('/api/models').catch(() => []).then((models) => {
    f.checkpoint.append(...models.filter((m) => m.macroPlacer === 'dt' && m.name !== 'decision-transformer')
      .map((m) => el('option', { value: m.name, text: m.name })));
  });

  const check = (box, text, tip) => el('label', { class: 'check', title: tip }, box, ' ' + text);
  const form = el('form', { class: 'card submit', id: 'submit-form' },
    el('h2', { text: 'New placement job' }),
    el('div', { class: 'grid-form' },
      el('label', {}, 'Design', design),
      el('label', {}, 'Bookshelf, LEF/DEF or Circuit Training files, or an archive', files),
      el('label', {}, 'Macro placer', placer),
      el('label', {}, 'Seed', f.seed),
      el('label', {}, 'Fine-tuning steps (dt)', f.fine),
      el('label', {}, 'Samples (dt)', f.samples),
      el('label', {}, 'Device (dt)', f.device),
      el('label', {}, 'Checkpoint (dt)', f.checkpoint),
      el('label', {}, 'Threads (0 = all cores)', f.threads),
      el('label', {}, 'Target density', f.density),
      el('label', {}, 'Target overflow', f.overflow),
      el('label', {}, 'Time limit, s (ea, dt)', f.timeLimit),
      el('div', { class: 'checks' },
        check(f.detailed, 'detailed placement', 'run detailed placement after legalization'),
        check(f.refine, 're-place cells after macros', 'a cells-only global placement pass after macro legalization'),
        check(f.release, 'release placer macros (greedy, ea, dt)',
          'start a mixed-size global placement from each candidate of the macro placer before the cell stages'))),
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
        for (const file of files.files) fd.append('files', file, file.name);
        ref = (await postForm('/api/designs', fd)).id;
      }
      msg.textContent = 'submitting…';
      const job = await postJson('/api/jobs', {
        design: ref, macroPlacer: placer.value, seed: Number(f.seed.value), fineTuneSteps: Number(f.fine.value),
        options: formOptions(f, placer.value),
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

/**
 * The outcome cell of a job's macro placement: the service's macroOutcome.summary, else (a DONE job with a
 * macro placer) read from its report, else the placer's name.
 */
export function outcomeCell(o, id, placer, done) {
  const td = el('td', { class: 'outcome' });
  if (o && typeof o === 'object' && o.summary) td.textContent = o.summary;
  else if (typeof o === 'string') td.textContent = o;
  else if (placer === 'none') td.textContent = 'none (analytic)';
  else {
    td.textContent = placer || '–';
    if (done) reportOf(id).then((r) => { const x = outcomeFromReport(r); td.textContent = x ? x.summary : 'none (analytic)'; }).catch(() => {});
  }
  return td;
}

/** The queued, run and placement cells of a job; the placement seconds read from its report when not sent. */
export function timeCells(t, id, done) {
  return ['queued', 'run', 'placement'].map((k) => {
    const td = el('td', { class: 'num t-' + k, text: secs(t[k]) });
    if (k === 'placement' && t[k] == null && done) {
      reportOf(id).then((r) => { td.textContent = secs(placementSeconds(r)); }).catch(() => {});
    }
    return td;
  });
}

/** Renders the jobs page into root; returns its cleanup function. */
export async function jobsPage(root) {
  const sources = new Map();
  const rows = new Map();
  const tbody = el('tbody');
  const selected = new Set();
  let page = 0; let size = PAGE_SIZES[0];
  const compare = el('button', { id: 'compare-selected', disabled: true, text: 'Compare selected (0/2)' });
  compare.addEventListener('click', () => {
    const [a, b] = [...selected];
    location.hash = '#/compare?a=' + a + '&b=' + b;
  });
  const total = el('span', { class: 'muted', id: 'jobs-total' });
  const prev = el('button', { class: 'small', id: 'jobs-prev', text: '‹ newer', onclick: () => { page--; refresh(true); } });
  const next = el('button', { class: 'small', id: 'jobs-next', text: 'older ›', onclick: () => { page++; refresh(true); } });
  const sizeSel = el('select', { id: 'jobs-size' }, PAGE_SIZES.map((n) => el('option', { value: n, text: n + ' a page' })));
  sizeSel.addEventListener('change', () => { size = Number(sizeSel.value); page = 0; refresh(true); });

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
    const t = times(job, null);
    return el('tr', { 'data-job-id': job.id, 'data-status': job.status },
      el('td', {}, check),
      el('td', {}, el('a', { href: '#/jobs/' + job.id, class: 'job-link', text: shortId(job.id) })),
      el('td', { text: job.designName + (job.config ? ' · ' + job.config : '') }),
      outcomeCell(job.macroOutcome, job.id, job.macroPlacer, job.status === 'DONE'),
      el('td', { class: 'num', text: job.seed }),
      el('td', { class: 'status' }, statusBadge(job.status)),
      el('td', { text: job.error ? job.stage + ': ' + job.error : job.stage, class: job.error ? 'error wrap' : '' }),
      el('td', {}, progressBar(job.percent, job.status)),
      el('td', { class: 'num', text: fmt(job.hpwl, 7) }),
      el('td', { class: 'num', text: fmt(job.overflow, 3) }),
      timeCells(t, job.id, job.status === 'DONE'),
      el('td', { text: when(job.createdAt) }),
      el('td', {}, cancel));
  }

  function update(job) {
    const old = rows.get(job.id);
    if (!old) return;
    const tr = render(job);
    rows.set(job.id, tr);
    old.replaceWith(tr);
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

  /** Fetches the current page (a page answer, or the whole list of the older API, paged here). */
  async function refresh(force) {
    const body = await getJson('/api/jobs?page=' + page + '&size=' + size);
    let jobs = jobList(body);
    let count;
    if (Array.isArray(body)) {
      count = jobs.length;
      jobs = jobs.slice(page * size, (page + 1) * size);
    } else {
      count = body.page ? body.page.totalElements : jobs.length;
    }
    const pages = Math.max(1, Math.ceil(count / size));
    if (page >= pages && page > 0) { page = pages - 1; return refresh(true); }
    total.textContent = count + ' jobs · page ' + (page + 1) + ' of ' + pages;
    prev.disabled = page === 0; next.disabled = page >= pages - 1;
    empty.hidden = count > 0;
    const same = !force && jobs.length === rows.size && jobs.every((j) => rows.has(j.id));
    if (same) {
      for (const job of jobs) {
        const old = rows.get(job.id);
        if (old.dataset.status !== job.status || !FINAL.has(job.status)) update(job);
      }
      return null;
    }
    sources.forEach((s) => s.close());
    sources.clear();
    rows.clear();
    tbody.replaceChildren(...jobs.map((job) => {
      const tr = render(job);
      rows.set(job.id, tr);
      if (!FINAL.has(job.status)) watch(job.id);
      return tr;
    }));
    return null;
  }

  const empty = el('p', { class: 'muted', text: 'No jobs yet: submit one above.' });
  const head = ['', 'job', 'design', 'macro placement', 'seed', 'status', 'stage', 'progress', 'HPWL (DBU)',
    'overflow'].map((h) => el('th', { text: h })).concat(['queued', 'run', 'placement'].map((k) =>
    el('th', { class: 'num', title: TIME_TIPS[k], text: k })), [el('th', { text: 'submitted' }), el('th')]);
  root.append(
    submitForm(() => { page = 0; refresh(true); }),
    el('section', { class: 'card' },
      el('div', { class: 'row spread' }, el('h2', { text: 'Jobs' }),
        el('div', { class: 'row' }, total, prev, next, sizeSel, compare)),
      el('div', { class: 'table-fit' }, el('table', { class: 'data', id: 'jobs-table' },
        el('thead', {}, el('tr', {}, head)), tbody)),
      el('p', { class: 'muted small', text: 'HPWL in database units (DBU; for LEF/DEF designs the DEF\'s). '
        + 'Times: ' + Object.values(TIME_TIPS).join('; ') + '.' }),
      empty));
  await refresh(true);
  // polling fallback and new jobs from elsewhere (sweeps, other users)
  const timer = setInterval(() => refresh(false).catch(() => {}), 3000);
  return () => {
    clearInterval(timer);
    sources.forEach((s) => s.close());
  };
}
