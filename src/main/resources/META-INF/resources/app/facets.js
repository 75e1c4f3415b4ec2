// Facet lists with counts beside each filter value; when /v1/events/facets is not there, counts from a sample.
import { h, clear, humanize, plural } from './dom.js';
import { RELIABILITY } from './render.js';

export const FACETS = [
  { facet: 'type', param: 'type', legend: 'Type', label: humanize },
  { facet: 'actor', param: 'actor', legend: 'Actor' },
  { facet: 'tag', param: 'tag', legend: 'Tag', label: (v) => `#${v}` },
  { facet: 'publisher', param: 'source', legend: 'Publisher' },
  { facet: 'reliability', param: 'reliability', legend: 'Reliability', label: humanize },
];

function option(spec, value, label, count, checked, onToggle) {
  const input = h('input', { type: 'checkbox', name: spec.param, value });
  input.checked = checked;
  input.addEventListener('change', () => onToggle(spec.param, value, input.checked));
  return h('li', {},
    h('label', { class: `facet-option${count === 0 ? ' empty' : ''}` }, input,
      h('span', { class: 'facet-label' }, label),
      count == null ? null : h('span', { class: 'count' }, String(count), h('span', { class: 'sr-only' }, ' events'))));
}

function more(facet) {
  const hidden = (facet?.distinct ?? 0) - (facet?.values?.length ?? 0);
  return hidden > 0 ? h('p', { class: 'muted small more' }, `and ${plural(hidden, 'more value')}`) : null;
}

/** Renders every facet; `answer` is a facets answer (or null: values unknown, only the selected ones). */
export function renderFacets(root, answer, state, onToggle) {
  clear(root);
  for (const spec of FACETS) {
    const facet = answer?.facets?.[spec.facet];
    const selected = state[spec.param];
    const values = [...(facet?.values || [])];
    if (spec.facet === 'reliability') {
      values.sort((a, b) => RELIABILITY.indexOf(a.value) - RELIABILITY.indexOf(b.value));
    }
    for (const value of selected) {
      if (!values.some((v) => v.value === value)) values.push({ value, count: facet ? 0 : null });
    }
    if (!values.length) continue;
    const list = h('ul', { class: 'facet-list' }, values.map((v) => option(spec, v.value,
      v.label || (spec.label ? spec.label(v.value) : v.value), v.count, selected.includes(v.value), onToggle)));
    root.append(h('fieldset', { class: 'facet', dataset: { facet: spec.facet } },
      h('legend', {}, spec.legend),
      list,
      more(facet)));
  }
  if (answer?.local) {
    root.append(h('p', { class: 'muted small' },
      `Counts from ${answer.truncated ? 'the first ' : ''}${plural(answer.sample, 'matching event')}.`));
  }
}

function bump(map, value, label) {
  const entry = map.get(value) || { value, label, count: 0 };
  entry.count += 1;
  map.set(value, entry);
}

function facetOf(map, total, top = 10) {
  const values = [...map.values()].sort((a, b) => b.count - a.count || String(a.value).localeCompare(b.value));
  const shown = values.slice(0, top);
  const other = values.slice(top).reduce((n, v) => n + v.count, 0);
  return { total, distinct: values.length, other, values: shown };
}

export const STARTS = {
  day: (d) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()),
  week: (d) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)),
  month: (d) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
  year: (d) => Date.UTC(d.getUTCFullYear(), 0, 1),
};

export function nextStart(start, interval) {
  const d = new Date(start);
  if (interval === 'day') return start + 86400000;
  if (interval === 'week') return start + 7 * 86400000;
  if (interval === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

const COARSER = { day: ['month', 'year'], week: ['month', 'year'], month: ['year'], year: [] };

function histogram(events, interval) {
  const buckets = new Map();
  const coarser = new Map();
  for (const event of events) {
    const instant = new Date(event.occurredAt);
    const precision = event.occurredAtPrecision || 'second';
    if (COARSER[interval].includes(precision)) {
      const start = STARTS[precision](instant);
      const key = `${precision}:${start}`;
      const entry = coarser.get(key) || { precision, start, end: nextStart(start, precision), count: 0 };
      entry.count += 1;
      coarser.set(key, entry);
      continue;
    }
    const start = STARTS[interval](instant);
    const entry = buckets.get(start) || { start, end: nextStart(start, interval), count: 0 };
    entry.count += 1;
    buckets.set(start, entry);
  }
  const iso = (b) => ({ ...b, start: new Date(b.start).toISOString().replace('.000Z', 'Z'), end: new Date(b.end).toISOString().replace('.000Z', 'Z') });
  const sorted = (m) => [...m.values()].sort((a, b) => a.start - b.start).map(iso);
  return { interval, tz: 'UTC', buckets: sorted(buckets), coarser: sorted(coarser) };
}

/** A facets answer computed from a sample of events (fetched without from/to), for servers without the endpoint. */
export function localFacets(events, state, interval, truncated) {
  const from = state.from ? Date.parse(state.from) : -Infinity;
  const to = state.to ? Date.parse(state.to) : Infinity;
  const inRange = events.filter((e) => {
    const t = Date.parse(e.occurredAt);
    return Number.isNaN(t) || (t >= from && t < to);
  });
  const maps = { type: new Map(), actor: new Map(), tag: new Map(), publisher: new Map(), reliability: new Map() };
  for (const e of inRange) {
    bump(maps.type, e.type);
    for (const a of e.actors || []) bump(maps.actor, a.id, a.name);
    for (const t of e.tags || []) bump(maps.tag, t);
    const publishers = new Map((e.sources || []).map((s) => [String(s.publisher || '').toLowerCase(), s.publisher]));
    for (const [value, label] of publishers) if (value) bump(maps.publisher, value, label);
    for (const r of new Set((e.sources || []).map((s) => s.reliability).filter(Boolean))) bump(maps.reliability, r);
  }
  const facets = {};
  for (const [name, map] of Object.entries(maps)) facets[name] = facetOf(map, inRange.length);
  return {
    total: inRange.length, facets, histogram: interval ? histogram(events, interval) : null,
    local: true, sample: events.length, truncated,
  };
}
