// The event's detail dialog: its data, its history of corrections and its context on its timeline.
import { h, clear, humanize, $ } from './dom.js';
import { formatInstant } from './dates.js';
import { when, marks, sourceItem, badge } from './render.js';
import * as api from './api.js';

let controller = null;

function section(title, ...body) {
  return h('section', { class: 'detail-section' }, h('h3', {}, title), ...body);
}

function json(value) {
  return h('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}

function keyLabel(key) {
  return humanize(String(key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

function value(v) {
  if (v == null) return h('span', { class: 'muted' }, '—');
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v) && v.every((x) => x == null || typeof x !== 'object')) return v.join(', ');
  return json(v);
}

/** The event's data as a list of its fields (nested values as JSON), and the raw JSON behind a disclosure. */
function dataList(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return json(data ?? {});
  return [
    h('dl', { class: 'facts data' }, Object.entries(data).map(([k, v]) => [h('dt', {}, keyLabel(k)), h('dd', {}, value(v))])),
    h('details', { class: 'raw' }, h('summary', {}, 'Raw JSON'), json(data)),
  ];
}

function facts(event) {
  const rows = [
    ['Timeline', event.timelineId],
    ['Sequence', event.sequence],
    ['Type', `${event.type}${event.typeVersion ? ` (v${event.typeVersion})` : ''}`],
    ['Recorded', formatInstant(event.recordedAt)],
    ['Recorded by', event.recordedBy],
    ['Corrected', event.correctedAt ? `${formatInstant(event.correctedAt)} (${event.revisions} revision${event.revisions === 1 ? '' : 's'})` : null],
    ['Retracted', event.retractedAt ? `${formatInstant(event.retractedAt)}: ${event.retractionReason || ''}` : null],
    ['Id', event.id],
  ].filter(([, v]) => v != null && v !== '');
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
}

function historyList(answer) {
  const entries = answer?.entries || [];
  if (!entries.length) return h('p', { class: 'muted' }, 'No history.');
  return h('ol', { class: 'history' }, entries.map((entry) => h('li', { class: `history-${entry.kind}` },
    h('div', { class: 'history-head' },
      h('span', { class: `mark mark-${entry.kind}` }, humanize(entry.kind)),
      h('span', { class: 'muted' }, ` revision ${entry.revision} · ${formatInstant(entry.recordedAt)}`,
        entry.recordedBy ? ` · ${entry.recordedBy}` : '')),
    entry.reason ? h('p', {}, entry.reason) : null,
    entry.source ? h('p', { class: 'small' }, 'Source: ', entry.source.publisher || entry.source.url || '', ' ',
      entry.source.reliability ? badge(entry.source.reliability) : null) : null,
    entry.changes ? h('details', {}, h('summary', {}, 'Changes'), json(entry.changes)) : null)));
}

function contextList(answer, onOpen) {
  if (!answer) return h('p', { class: 'muted' }, 'No context.');
  const item = (event, current) => h('li', { class: current ? 'current' : '' },
    when(event), ' ',
    current ? h('strong', {}, event.title)
      : h('button', { type: 'button', class: 'linkish', onclick: () => onOpen(event.id) }, event.title));
  return h('ol', { class: 'context' },
    (answer.before || []).map((e) => item(e)), item(answer.event, true), (answer.after || []).map((e) => item(e)));
}

function settle(promise) {
  return promise.then((value) => ({ value }), (error) => ({ error }));
}

function failed(error) {
  return h('p', { class: 'error' }, error.status === 404 ? 'Not found.' : `Could not load: ${error.message}`);
}

/** Opens the dialog for event `id`; onOpen(id) opens another; onClose() when it closes. */
export async function openDetail(id, { onOpen, onClose, onAuth }) {
  const dialog = $('detail');
  const body = $('detail-body');
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  clear(body).append(h('p', { class: 'muted', id: 'detail-title' }, 'Loading…'));
  if (!dialog.open) {
    const opener = document.activeElement;
    dialog.showModal();
    dialog.onclose = () => {
      controller?.abort();
      onClose();
      const back = opener?.isConnected ? opener : null;
      (back?.closest('article') || back)?.focus();
    };
  }
  const [event, history, context] = await Promise.all([
    settle(api.event(id, signal)), settle(api.history(id, signal)), settle(api.context(id, signal))]);
  if (signal.aborted) return;
  if ([event, history, context].some((r) => r.error?.status === 401)) onAuth();
  clear(body);
  if (event.error) {
    body.append(h('h2', { id: 'detail-title' }, 'Event'), failed(event.error));
    return;
  }
  const e = event.value;
  body.append(
    h('header', { class: 'detail-head' },
      h('div', { class: 'event-meta' }, when(e), h('span', { class: 'type' }, humanize(e.type)), marks(e)),
      h('h2', { id: 'detail-title' }, e.title)),
    e.summary ? h('p', { class: 'summary' }, e.summary) : null,
    (e.actors || []).length ? section('Actors', h('ul', { class: 'plain' }, e.actors.map((a) =>
      h('li', {}, h('strong', {}, a.name || a.id), a.role ? h('span', { class: 'muted' }, ` — ${a.role}`) : null)))) : null,
    (e.sources || []).length ? section('Sources', h('ul', { class: 'sources' }, e.sources.map(sourceItem))) : null,
    (e.tags || []).length ? section('Tags', h('ul', { class: 'chips' }, e.tags.map((t) => h('li', { class: 'chip tag' }, `#${t}`)))) : null,
    section('Data', dataList(e.data)),
    section('Record', facts(e)),
    section('History', history.error ? failed(history.error) : historyList(history.value)),
    section('Context on its timeline', context.error ? failed(context.error) : contextList(context.value, onOpen)));
  $('detail-close').focus();
}
