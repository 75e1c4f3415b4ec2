// Facet lists with counts beside each filter value, from GET /v1/events/facets.
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
  if (answer?.failed) {
    root.append(h('p', { class: 'muted small', role: 'status' }, 'Counts are unavailable right now.'));
  }
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
