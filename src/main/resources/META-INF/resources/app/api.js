// The public read API (/v1), with the reader's token from sessionStorage when there is one.
const TOKEN_KEY = 'annals.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) || '',
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value.trim()),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export function headers(extra = {}) {
  const result = { Accept: 'application/json', ...extra };
  const t = token.get();
  if (t) result.Authorization = `Bearer ${t}`;
  return result;
}

/** URLSearchParams from {name: value | [values]}, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v != null && v !== '' && v !== false) search.append(name, String(v));
    }
  }
  return search;
}

export async function getJson(path, params = {}, signal) {
  const search = query(params).toString();
  const response = await fetch(`${path}${search ? '?' + search : ''}`, { headers: headers(), signal });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function timelines(signal) {
  const items = [];
  let cursor;
  for (let page = 0; page < 20; page++) {
    const answer = await getJson('/v1/timelines', { limit: 500, cursor }, signal);
    items.push(...(answer.items || []));
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export const events = (params, signal) => getJson('/v1/events', params, signal);
export const facets = (params, signal) => getJson('/v1/events/facets', params, signal);
export const event = (id, signal) => getJson(`/v1/events/${encodeURIComponent(id)}`, {}, signal);
export const history = (id, signal) => getJson(`/v1/events/${encodeURIComponent(id)}/history`, {}, signal);
export const context = (id, signal) =>
  getJson(`/v1/events/${encodeURIComponent(id)}/context`, { before: 3, after: 3 }, signal);
