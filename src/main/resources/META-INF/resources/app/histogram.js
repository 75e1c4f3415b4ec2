// The histogram of matching events over time (SVG); drag across it to set from/to, or press Enter on a bar.
import { svg, clear, plural } from './dom.js';
import { bucketLabel, rangeLabel, formatOccurred } from './dates.js';
import { STARTS, nextStart } from './facets.js';

const HEIGHT = 132;
const AXIS = 22;
const PAD = 8;

/** Renders `histogram` (a facets answer's) into `root`; calls onRange(fromIso, toIso) when a range is brushed. */
export function renderHistogram(root, histogram, state, onRange) {
  clear(root);
  const buckets = (histogram?.buckets || []).map((b) => ({ ...b, s: Date.parse(b.start), e: Date.parse(b.end) }));
  if (!buckets.length) return false;
  const interval = histogram.interval;
  const width = Math.max(280, root.clientWidth || 640);
  const start = Math.min(...buckets.map((b) => b.s));
  const end = Math.max(...buckets.map((b) => b.e));
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const x = (t) => PAD + ((t - start) / (end - start)) * (width - 2 * PAD);
  const time = (px) => start + ((Math.min(Math.max(px, PAD), width - PAD) - PAD) / (width - 2 * PAD)) * (end - start);
  const plotHeight = HEIGHT - AXIS - PAD;
  const from = state.from ? Date.parse(state.from) : null;
  const to = state.to ? Date.parse(state.to) : null;
  const inRange = (b) => (from == null || b.e > from) && (to == null || b.s < to);
  const total = buckets.reduce((n, b) => n + b.count, 0);

  const chart = svg('svg', {
    width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, class: 'histogram-svg', role: 'group',
    'aria-label': `${plural(total, 'event')} by ${interval}, ${rangeLabel(new Date(start).toISOString().replace('.000Z', 'Z'), new Date(end).toISOString().replace('.000Z', 'Z'))}`,
  });
  chart.append(svg('line', { x1: PAD, x2: width - PAD, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS, class: 'axis' }));
  if (from != null || to != null) {
    const x0 = x(Math.max(from ?? start, start));
    const x1 = x(Math.min(to ?? end, end));
    if (x1 > x0) chart.append(svg('rect', { x: x0, y: PAD / 2, width: x1 - x0, height: plotHeight + PAD / 2, class: 'selection' }));
  }
  for (const b of buckets) {
    const barHeight = Math.max(2, (b.count / max) * plotHeight);
    const bx = x(b.s);
    const bw = Math.max(2, x(b.e) - bx - 2);
    const label = `${bucketLabel(b.start, interval)}: ${plural(b.count, 'event')}`;
    const bar = svg('rect', {
      x: bx + 1, y: HEIGHT - AXIS - barHeight, width: bw, height: barHeight, rx: Math.min(3, bw / 2),
      class: `bar${inRange(b) ? '' : ' out'}`, tabindex: '0', role: 'button', 'aria-label': `${label}. Press Enter to show only this ${interval}.`,
      dataset: { start: b.start, end: b.end, count: b.count },
    }, svg('title', {}, label));
    bar.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onRange(b.start, b.end);
      }
    });
    chart.append(bar);
  }
  const ticks = Math.max(2, Math.min(buckets.length, Math.floor(width / 90)));
  const step = Math.ceil(buckets.length / ticks);
  buckets.forEach((b, i) => {
    if (i % step) return;
    chart.append(svg('text', { x: x(b.s) + 2, y: HEIGHT - 6, class: 'tick' }, bucketLabel(b.start, interval)));
  });
  brush(chart, buckets, time, interval, onRange);
  root.append(chart);
  return true;
}

function brush(chart, buckets, time, interval, onRange) {
  let origin = null;
  let rect = null;
  const px = (e) => e.clientX - chart.getBoundingClientRect().left;
  chart.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    origin = px(e);
    chart.setPointerCapture(e.pointerId);
    rect = svg('rect', { x: origin, y: 0, width: 0, height: HEIGHT - AXIS, class: 'brush' });
    chart.append(rect);
  });
  chart.addEventListener('pointermove', (e) => {
    if (origin == null) return;
    const now = px(e);
    rect.setAttribute('x', Math.min(origin, now));
    rect.setAttribute('width', Math.abs(now - origin));
  });
  const finish = (e) => {
    if (origin == null) return;
    const now = px(e);
    const [a, b] = [Math.min(origin, now), Math.max(origin, now)];
    origin = null;
    rect?.remove();
    const first = STARTS[interval](new Date(time(a)));
    const lastStart = STARTS[interval](new Date(time(b - 0.001)));
    if (b - a < 4) {
      const t = time(a);
      const bucket = buckets.find((k) => k.s <= t && t < k.e);
      if (bucket) onRange(bucket.start, bucket.end);
      return;
    }
    onRange(new Date(first).toISOString().replace('.000Z', 'Z'), new Date(nextStart(lastStart, interval)).toISOString().replace('.000Z', 'Z'));
  };
  chart.addEventListener('pointerup', finish);
  chart.addEventListener('pointercancel', () => {
    origin = null;
    rect?.remove();
  });
}

/** "2 events known only to February 2026" */
export function coarserText(histogram) {
  const parts = (histogram?.coarser || []).map((c) =>
    `${plural(c.count, 'event')} known only to ${formatOccurred(c.start, c.precision)}`);
  return parts.length ? `Not in the bars: ${parts.join('; ')}.` : '';
}

export function pickInterval(firstIso, lastIso) {
  const span = (Date.parse(lastIso) - Date.parse(firstIso)) / 86400000;
  if (!Number.isFinite(span) || span <= 100) return 'day';
  if (span <= 550) return 'week';
  if (span <= 365 * 12) return 'month';
  return 'year';
}

