// The view's state, all of it in the query string (shareable), restored on load.
export const LISTS = ['type', 'actor', 'tag', 'source', 'reliability'];
const SINGLES = ['timeline', 'q', 'from', 'to', 'order', 'group', 'include', 'event'];
const DEFAULTS = { order: 'desc', group: 'day' };

export function emptyState() {
  const state = { timeline: '', q: '', from: '', to: '', order: 'desc', group: 'day', include: '', event: '' };
  for (const name of LISTS) state[name] = [];
  return state;
}

export function fromUrl(search = location.search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  for (const name of SINGLES) state[name] = params.get(name) || state[name];
  for (const name of LISTS) state[name] = [...new Set(params.getAll(name).filter(Boolean))];
  if (!['asc', 'desc'].includes(state.order)) state.order = 'desc';
  if (!['day', 'month'].includes(state.group)) state.group = 'day';
  if (state.include !== 'retracted') state.include = '';
  return state;
}

export function toSearch(state) {
  const params = new URLSearchParams();
  for (const name of SINGLES) {
    if (state[name] && state[name] !== DEFAULTS[name]) params.set(name, state[name]);
  }
  for (const name of LISTS) for (const value of state[name]) params.append(name, value);
  return params.toString();
}

export function writeUrl(state) {
  const search = toSearch(state);
  const url = `${location.pathname}${search ? '?' + search : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
}

/** The filters of /v1/events (and of the facets and the live feed). */
export function filterParams(state, { withRange = true, withInclude = true } = {}) {
  const params = { timeline: state.timeline, q: state.q };
  for (const name of LISTS) params[name] = state[name];
  if (withRange) Object.assign(params, { from: state.from, to: state.to });
  if (withInclude) params.include = state.include;
  return params;
}

export function hasFilters(state) {
  return Boolean(state.q || state.from || state.to || LISTS.some((name) => state[name].length));
}
