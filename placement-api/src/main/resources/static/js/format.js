// Numbers with units: lengths in database units (Bookshelf) or microns (LEF/DEF, Circuit Training, when
// the report says how many database units make a micron), floating noise shown as 0, tick labels that
// differ, the three times of a job, and the macro placer's outcome in a line.

/** Values closer to 0 than this are floating-point noise (e.g. a density overflow of 1.7e-16). */
export const NOISE = 1e-9;

/** v with noise (|v| < NOISE) as 0. */
export function clean(v) {
  return typeof v === 'number' && Math.abs(v) < NOISE ? 0 : v;
}

/**
 * Units of a report's lengths: {len, area, k, note}: multiply a database-unit length by k (an area by k²).
 * Bookshelf has no micron scale (lengths are its database units, DBU); LEF/DEF and Circuit Training
 * reports carry dbuPerMicron and are shown in µm; without it (older reports) they stay in DBU.
 */
export function unitsOf(report) {
  const f = report && report.format;
  const dbu = report && Number(report.dbuPerMicron);
  if ((f === 'lefdef' || f === 'circuittraining') && dbu > 0) {
    return { len: 'µm', area: 'µm²', k: 1 / dbu, note: 'microns (' + dbu + ' DBU per µm)' };
  }
  return { len: 'DBU', area: 'DBU²', k: 1,
    note: f === 'bookshelf' || !f ? 'database units of the Bookshelf files (no micron scale)'
      : 'database units (the report gives no micron scale)' };
}

/** Database units, for values the service gives without a report (jobs list, sweep table). */
export const DBU = unitsOf(null);

/** A number with thousands separators and about `sig` significant digits; noise as 0; '–' when missing. */
export function fmt(v, sig = 5) {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '–';
  if (typeof v !== 'number') return String(v);
  const c = clean(v);
  if (c === 0) return '0';
  const a = Math.abs(c);
  if (a < 1e-4) return c.toExponential(2);
  if (a >= 10 ** sig) return Math.round(c).toLocaleString('en-US');
  return c.toLocaleString('en-US', { maximumSignificantDigits: sig });
}

/** Compact engineering style with suffixes (12.3k, 4.56M); `digits` significant digits. */
export function short(v, digits = 3) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const c = clean(v);
  const a = Math.abs(c);
  const p = (x) => String(Number(x.toPrecision(digits)));
  if (a >= 1e9) return p(c / 1e9) + 'G';
  if (a >= 1e6) return p(c / 1e6) + 'M';
  if (a >= 1e4) return p(c / 1e3) + 'k';
  if (c === 0) return '0';
  if (a < 1e-3) return c.toExponential(Math.max(0, digits - 1));
  return String(Number(c.toPrecision(digits)));
}

/**
 * Labels of axis ticks, all with the same number of decimals and enough of them for neighbouring ticks
 * to read differently (18.90k, 18.92k, 18.94k; 0.5M, 1.0M). log: ticks of a log axis, each in its own
 * shortest form (0.01, 0.1, 1).
 */
export function tickLabels(values, log = false) {
  if (log || values.length < 2) {
    for (let d = 2; d <= 9; d++) {
      const out = values.map((v) => short(v, d));
      if (new Set(out).size === out.length) return out;
    }
    return values.map(String);
  }
  const step = Math.min(...values.slice(1).map((v, i) => Math.abs(v - values[i]))) || 1;
  const big = Math.max(...values.map(Math.abs));
  // decimals that show the step exactly (0.025 -> 3)
  const decimals = (x) => { let d = 0; while (d < 9 && Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) > 1e-6) d++; return d; };
  if (big < 1e-2) {
    const e = Math.floor(Math.log10(big));
    const dec = decimals(step / 10 ** e);
    return values.map((v) => (v === 0 ? '0' : (v / 10 ** e).toFixed(dec) + 'e' + e));
  }
  const [div, suf] = big >= 1e9 ? [1e9, 'G'] : big >= 1e6 ? [1e6, 'M'] : big >= 1e4 ? [1e3, 'k'] : [1, ''];
  const dec = decimals(step / div);
  return values.map((v) => (v === 0 ? '0' : (v / div).toFixed(dec) + suf));
}

/** What each metric is: [key, label, unit kind, explanation]. Unit kinds: len, area, count, ratio, flag. */
export const METRICS = [
  ['hpwl', 'HPWL', 'len', 'half-perimeter wirelength: over all nets, width + height of the box around the net\'s pins'],
  ['weightedHpwl', 'weighted HPWL', 'len', 'HPWL with each net multiplied by its weight (.wts)'],
  ['macroHpwl', 'macro HPWL', 'len', 'HPWL of the nets between macros only'],
  ['densityOverflow', 'density overflow', 'ratio',
    'movable area above the target density, summed over the density bins, over all movable area (0 = no bin over)'],
  ['rudyPeak', 'RUDY peak', 'demand/supply',
    'RUDY (rectangular uniform wire density) gives each bin its wire demand over its routing supply; '
    + 'the peak is the largest bin value (above 1: more wire than supply)'],
  ['rudyOverflow', 'RUDY overflow', 'area',
    'sum over the bins whose RUDY demand exceeds supply of (demand/supply − 1) × bin area: '
    + 'how much area is over capacity, weighted by how far'],
  ['legal', 'legal', 'flag', 'no overlaps, everything in the core, cells on rows and sites'],
  ['overlapArea', 'overlap area', 'area', 'total area where placed objects overlap'],
  ['overlapPairs', 'overlap pairs', 'count', 'pairs of overlapping objects'],
  ['outsideCore', 'outside core', 'count', 'movable objects not inside the core'],
  ['cellsOffRow', 'cells off row', 'count', 'standard cells not aligned to a row'],
  ['cellsOffSite', 'cells off site', 'count', 'standard cells not on a site of their row'],
  ['cellsWrongParity', 'multi-row cells on wrong-parity rows', 'count', 'multi-row cells whose power rails do not match'],
  ['nodes', 'nodes', 'count', 'objects of the design'], ['nets', 'nets', 'count', 'nets of the design'],
  ['pins', 'pins', 'count', 'pins of the design'], ['macros', 'macros', 'count', 'movable macros'],
  ['cells', 'cells', 'count', 'movable standard cells'],
];

const INFO = new Map(METRICS.map((m) => [m[0], m]));

/** The unit text of a unit kind. */
export function unitText(kind, u) {
  if (kind === 'len') return u.len;
  if (kind === 'area') return u.area;
  if (kind === 'ratio') return 'fraction';
  if (kind === 'count') return 'count';
  if (kind === 'flag') return 'yes/no';
  return kind;
}

/** A metric as {value, unit, title}: lengths and areas converted to the report's units, noise as 0. */
export function metric(key, v, u = DBU) {
  const info = INFO.get(key) || [key, key, 'count', ''];
  const kind = info[2];
  const unit = unitText(kind, u);
  if (kind === 'flag') return { value: v ? 'yes' : 'NO', unit, title: info[3] };
  if (typeof v !== 'number') return { value: fmt(v), unit, title: info[3] };
  const x = kind === 'len' ? v * u.k : kind === 'area' ? v * u.k * u.k : v;
  const exact = u.k !== 1 && (kind === 'len' || kind === 'area') ? ' (' + fmt(v, 9) + ' DBU' + (kind === 'area' ? '²' : '')
    + ')' : '';
  return { value: fmt(x, kind === 'count' ? 12 : 6), unit, title: info[3] + exact };
}

/** Label of a metric key. */
export function metricLabel(key) {
  return (INFO.get(key) || [key, key])[1];
}

/** Seconds as "12.3 s" or "2 min 5 s"; '–' when missing. */
export function secs(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (v < 60) return v.toFixed(v < 10 ? 2 : 1) + ' s';
  return Math.floor(v / 60) + ' min ' + Math.round(v % 60) + ' s';
}

/** What the three times of a job mean (tooltips, the same everywhere). */
export const TIME_TIPS = {
  queued: 'queued: from submission until a worker started the job',
  run: 'run: from the start of the job until it finished (loading the design, placing, writing the results)',
  placement: 'placement: the placement pipeline alone (its stages in report.json, each counted once)',
};

const between = (a, b) => (a && b ? Math.max(0, (Date.parse(b) - Date.parse(a)) / 1000) : null);
const given = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The job's {queued, run, placement} seconds: the service's queuedSeconds, runSeconds, placementSeconds
 * when it sends them, else derived from its timestamps, `seconds` (run) and the report's totalSeconds.
 */
export function times(job, report) {
  const queued = given(job.queuedSeconds) ?? between(job.createdAt, job.startedAt);
  const run = given(job.runSeconds) ?? given(job.seconds) ?? between(job.startedAt, job.finishedAt);
  const placement = given(job.placementSeconds) ?? (report ? placementSeconds(report) : null);
  return { queued, run, placement };
}

/**
 * Stages of a report that repeat time already counted: with several macro placement candidates, the kept
 * candidate's own cell stages (global, legalize, detailed after the candidate-k stages) are part of its
 * candidate-k stage.
 */
export function repeatedStages(stages) {
  const names = stages.map((s) => s.name ?? s.stage);
  const lastCandidate = names.reduce((a, n, i) => (/^candidate-/.test(n) ? i : a), -1);
  return new Set(lastCandidate < 0 ? [] : names.map((n, i) => (i > lastCandidate && n !== 'macro' ? i : -1))
    .filter((i) => i >= 0));
}

/** The placement pipeline's seconds from a report: its stages, each counted once. */
export function placementSeconds(report) {
  const stages = report.stages || [];
  if (!stages.length) return given(report.totalSeconds);
  const rep = repeatedStages(stages);
  return stages.reduce((a, s, i) => a + (rep.has(i) ? 0 : s.seconds), 0);
}

/** "queued 0.31 s · run 12.4 s · placement 11.9 s" (the parts known). */
export function timesText(t) {
  return ['queued', 'run', 'placement'].filter((k) => t[k] !== null && t[k] !== undefined)
    .map((k) => k + ' ' + secs(t[k])).join(' · ');
}

/**
 * The macro placement's outcome from report.json's candidates: {macroPlacer, winner, summary, candidates}
 * in the shape of the service's macroOutcome; null without a macro placer (one analytic candidate).
 */
export function outcomeFromReport(report) {
  const cands = (report && report.candidates) || [];
  if (!report || report.macroPlacer === 'none' || !cands.length) return null;
  const list = cands.map((c) => ({ source: c.source, name: c.name, hpwl: c.hpwl, seconds: c.seconds ?? null,
    kept: !!c.winner }));
  const kept = list.find((c) => c.kept) || list[0];
  const placer = report.macroPlacer;
  const own = list.filter((c) => c.source === placer);
  let summary = placer + ' ran; ' + kept.source + ' kept';
  if (kept.source !== placer && own.length) {
    const best = Math.min(...own.map((c) => c.hpwl));
    summary += ', ' + placer + ' ' + rel(best, kept.hpwl);
  } else if (kept.source === placer) {
    const other = list.filter((c) => c.source !== placer);
    if (other.length) summary += ', ' + other[0].source + ' ' + rel(Math.min(...other.map((c) => c.hpwl)), kept.hpwl);
  }
  return { macroPlacer: placer, winner: kept.source, summary, candidates: list };
}

const rel = (a, b) => (signedPercent(a, b) === '=' ? 'equal' : signedPercent(a, b));

/** "+7.4 %": how much larger a is than b; "=" when they are equal within noise. */
export function signedPercent(a, b) {
  if (Math.abs(a - b) < NOISE || Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b))) return '=';
  const p = 100 * (a - b) / Math.abs(b);
  return (p >= 0 ? '+' : '−') + (Math.abs(p) < 0.1 ? Math.abs(p).toPrecision(2) : Math.abs(p).toFixed(1)) + ' %';
}

/** A difference b - a: {text, cls}; within noise (1e-9 absolute or 1e-6 relative) it is "=" and neutral. */
export function difference(a, b, u = DBU, kind = 'count') {
  const d = b - a;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(d) < NOISE || Math.abs(d) <= 1e-6 * scale) return { text: '=', cls: 'same' };
  const k = kind === 'len' ? u.k : kind === 'area' ? u.k * u.k : 1;
  const pct = Math.abs(a) >= NOISE ? ' (' + signedPercent(b, a) + ')' : '';
  return { text: (d > 0 ? '+' : '−') + fmt(Math.abs(d) * k) + pct, cls: d < 0 ? 'better' : 'worse' };
}
