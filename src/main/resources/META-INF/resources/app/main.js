// The timeline view: wires the controls, the list, the facets, the histogram and the live feed together.
import * as api from './api.js';
import { $, h, clear, plural } from './dom.js';
import { fromUrl, writeUrl, filterParams, hasFilters, emptyState } from './state/url.js';
import { Feed, feedKeys } from './render.js';
import { renderFacets } from './facets.js';
import { renderHistogram, coarserText, pickInterval } from './histogram.js';
import { rangeLabel } from './dates.js';
import { follow } from './live.js';
import { openDetail } from './detail.js';
import { bindControls, syncControls, askToken, hideToken } from './controls.js';

const PAGE = 50;
const state = fromUrl();
const view = {
  events: [], ids: new Set(), cursor: null, done: false, generation: 0, loadingGen: -1,
  controller: null, live: null, fresh: new Set(), newCount: 0, timelines: [], facets: null,
};
const feed = new Feed($('feed'), openEvent);

const isAbort = (e) => e?.name === 'AbortError';

function problem(error) {
  if (error.status === 401) {
    askToken(api.token.get()
      ? 'The token was refused (expired, or not valid for this Annals). Paste a new reader token.'
      : 'This Annals needs a reader token to show its timelines. Paste one below.');
    return;
  }
  const el = $('list-error');
  el.hidden = false;
  el.textContent = `Could not load the events: ${error.message}`;
}

function timelineTitle(id) {
  const t = view.timelines.find((x) => x.timelineId === id);
  return t?.title || id;
}

function updateTitle() {
  const title = state.timeline ? timelineTitle(state.timeline) : 'All timelines';
  $('view-title').textContent = title;
  const description = view.timelines.find((t) => t.timelineId === state.timeline)?.description || '';
  $('view-description').textContent = description;
  $('view-description').hidden = !description;
  document.title = `${title} — Annals`;
}

async function loadTimelines() {
  try {
    view.timelines = await api.timelines();
  } catch (error) {
    if (error.status === 401) problem(error);
    return false;
  }
  const select = $('f-timeline');
  select.replaceChildren(h('option', { value: '' }, 'All timelines'),
    ...view.timelines.map((t) => h('option', { value: t.timelineId }, `${t.title || t.timelineId} (${t.eventCount})`)));
  select.value = state.timeline;
  updateTitle();
  return true;
}

function interval() {
  const chosen = state.timeline ? view.timelines.filter((t) => t.timelineId === state.timeline) : view.timelines;
  if (!chosen.length) return 'day';
  const first = chosen.map((t) => t.firstOccurredAt).sort()[0];
  const last = chosen.map((t) => t.lastOccurredAt).sort().at(-1);
  return pickInterval(first, last);
}

function topVisible() {
  for (const el of $('feed').querySelectorAll('article')) {
    if (el.getBoundingClientRect().bottom > 0) return el;
  }
  return null;
}

function render() {
  const anchor = topVisible();
  const before = anchor?.getBoundingClientRect().top;
  feed.render(view.events, state.group, view.fresh);
  if (anchor?.isConnected) {
    const delta = anchor.getBoundingClientRect().top - before;
    if (delta) window.scrollBy(0, delta);
  }
  const total = view.facets && !view.facets.failed ? view.facets.total : null;
  $('result-count').textContent = total != null
    ? plural(total, 'event')
    : `${plural(view.events.length, 'event')}${view.done ? '' : ' so far'}`;
  const end = $('list-end');
  end.hidden = !view.done;
  clear(end);
  if (view.done && !view.events.length) {
    end.append('No events match these filters. ',
      hasFilters(state) ? h('button', { type: 'button', class: 'btn ghost small', onclick: clearFilters }, 'Clear filters') : '');
  } else if (view.done) {
    end.append(`That is all: ${plural(view.events.length, 'event')}.`);
  }
}

function renderNotice() {
  const box = clear($('new-events'));
  if (!view.newCount) return;
  box.append(h('div', { class: 'notice' },
    h('span', {}, `${plural(view.newCount, 'new event')}`),
    h('button', { type: 'button', class: 'btn primary small', onclick: showNew }, 'Show')));
}

function showNew() {
  const first = $('feed').querySelector('article.is-new');
  view.newCount = 0;
  renderNotice();
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
}

async function loadPage() {
  if (view.done || view.loadingGen === view.generation) return;
  const gen = view.generation;
  view.loadingGen = gen;
  $('feed').setAttribute('aria-busy', 'true');
  try {
    const answer = await api.events({ ...filterParams(state), order: state.order, limit: PAGE, cursor: view.cursor },
      view.controller.signal);
    if (gen !== view.generation) return;
    for (const event of answer.items || []) {
      if (!view.ids.has(event.id)) {
        view.events.push(event);
        view.ids.add(event.id);
      }
    }
    view.cursor = answer.nextCursor;
    view.done = !view.cursor;
    $('list-error').hidden = true;
    render();
  } catch (error) {
    if (!isAbort(error) && gen === view.generation) {
      view.done = true;
      problem(error);
    }
  } finally {
    if (gen === view.generation) {
      view.loadingGen = -1;
      $('feed').setAttribute('aria-busy', 'false');
      const sentinel = $('sentinel').getBoundingClientRect();
      if (!view.done && sentinel.top < window.innerHeight + 600) loadPage();
    }
  }
}

async function loadFacets() {
  const gen = view.generation;
  const { signal } = view.controller;
  const every = interval();
  $('facets').setAttribute('aria-busy', 'true');
  let answer = null;
  try {
    answer = await api.facets({ ...filterParams(state), interval: every, tz: 'UTC', top: 10 }, signal);
  } catch (error) {
    if (isAbort(error)) return;
    $('facets').setAttribute('aria-busy', 'false');
    if (error.status === 401) return;
    answer = { failed: true };
  }
  if (gen !== view.generation) return;
  $('facets').setAttribute('aria-busy', 'false');
  view.facets = answer;
  drawFacets();
  render();
}

function drawFacets() {
  const focused = document.activeElement;
  const key = focused?.closest?.('#facets') ? `${focused.name}\u0000${focused.value}` : null;
  renderFacets($('facets'), view.facets, state, toggleFacet);
  if (key) {
    [...$('facets').querySelectorAll('input')].find((i) => `${i.name}\u0000${i.value}` === key)?.focus();
  }
  drawHistogram();
}

function drawHistogram() {
  const histogram = view.facets?.histogram;
  const section = $('histogram');
  section.hidden = !histogram?.buckets?.length;
  if (section.hidden) return;
  renderHistogram($('histogram-chart'), histogram, state, setRange);
  $('histogram-coarser').textContent = coarserText(histogram);
  $('histogram-range').textContent = state.from || state.to ? `Showing ${rangeLabel(state.from, state.to)}` : '';
  $('histogram-clear').hidden = !(state.from || state.to);
}

function compare(a, b) {
  const order = state.order === 'asc' ? 1 : -1;
  const t = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (t) return t * order;
  return (a.timelineId.localeCompare(b.timelineId) || a.sequence - b.sequence) * order;
}

function onLive(message) {
  let data;
  try {
    data = JSON.parse(message.data);
  } catch {
    return;
  }
  if (message.event === 'event') {
    if (view.ids.has(data.id) || (data.retracted && !state.include)) return;
    const index = view.events.findIndex((e) => compare(data, e) < 0);
    if (index < 0 && !view.done) return;
    view.events.splice(index < 0 ? view.events.length : index, 0, data);
    view.ids.add(data.id);
    view.fresh.add(data.id);
    view.newCount += 1;
  } else if ((message.event === 'corrected' || message.event === 'retracted') && data.event) {
    const index = view.events.findIndex((e) => e.id === data.event.id);
    if (index < 0) return;
    feed.forget(data.event.id);
    if (data.event.retracted && !state.include) {
      view.events.splice(index, 1);
      view.ids.delete(data.event.id);
    } else {
      view.events[index] = data.event;
    }
  } else {
    return;
  }
  render();
  renderNotice();
  clearTimeout(view.facetTimer);
  view.facetTimer = setTimeout(loadFacets, 1500);
}

function restartLive() {
  view.live?.stop();
  view.live = follow(filterParams(state, { withInclude: false }), {
    message: onLive,
    status: (s) => {
      const el = $('live-status');
      el.dataset.status = s;
      el.textContent = { live: 'Live', connecting: 'Connecting…', offline: 'Reconnecting…', unauthorized: 'Live feed needs a token' }[s];
    },
  });
}

export function reload() {
  view.generation += 1;
  view.controller?.abort();
  view.controller = new AbortController();
  Object.assign(view, { events: [], cursor: null, done: false, newCount: 0 });
  view.ids.clear();
  view.fresh.clear();
  feed.reset();
  writeUrl(state);
  updateTitle();
  renderNotice();
  render();
  loadPage();
  loadFacets();
  restartLive();
}

function toggleFacet(param, value, on) {
  const values = new Set(state[param]);
  if (on) values.add(value);
  else values.delete(value);
  state[param] = [...values];
  reload();
}

function setRange(from, to) {
  state.from = from || '';
  state.to = to || '';
  syncControls(state);
  reload();
}

function clearFilters() {
  Object.assign(state, { ...emptyState(), timeline: state.timeline, order: state.order, group: state.group });
  syncControls(state);
  reload();
}

function openEvent(id) {
  state.event = id;
  writeUrl(state);
  openDetail(id, {
    onOpen: openEvent,
    onClose: () => {
      state.event = '';
      writeUrl(state);
    },
    onAuth: () => problem({ status: 401 }),
  });
}

async function start() {
  bindControls(state, {
    reload, render, clearFilters, setRange,
    tokenSaved: async () => {
      hideToken();
      await loadTimelines();
      reload();
    },
  });
  syncControls(state);
  feedKeys($('feed'));
  new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadPage();
  }, { rootMargin: '600px 0px' }).observe($('sentinel'));
  let resize;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = setTimeout(drawHistogram, 150);
  });
  await loadTimelines();
  reload();
  if (state.event) openEvent(state.event);
}

start();
