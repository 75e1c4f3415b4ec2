// The event list: articles grouped by day or month, in the order the API answered.
import { h, clear, humanize } from './dom.js';
import { formatOccurred, groupOf } from './dates.js';

export const RELIABILITY = ['confirmed', 'reported', 'alleged', 'denied'];

export function badge(reliability) {
  const value = RELIABILITY.includes(reliability) ? reliability : 'unknown';
  return h('span', { class: `badge rel-${value}`, title: `Reliability: ${value}` }, value);
}

export function when(event) {
  return h('time', { datetime: event.occurredAt, class: 'when' },
    formatOccurred(event.occurredAt, event.occurredAtPrecision));
}

export function marks(event) {
  return [
    event.retracted ? h('span', { class: 'mark mark-retracted' }, 'Retracted') : null,
    event.corrected
      ? h('span', { class: 'mark mark-corrected', title: 'Corrected after it was first recorded' },
        event.revisions > 1 ? `Corrected ×${event.revisions}` : 'Corrected')
      : null,
  ];
}

export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function sourceItem(source) {
  const href = safeUrl(source.url);
  const name = source.publisher || source.url || 'Source';
  return h('li', { class: 'source' },
    href ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, name) : h('span', {}, name),
    ' ', badge(source.reliability));
}

function article(event, onOpen) {
  const titleId = `t-${event.id}`;
  const open = () => onOpen(event.id);
  const el = h('article', {
    class: `event${event.retracted ? ' is-retracted' : ''}${event.corrected ? ' is-corrected' : ''}`,
    tabindex: '0', 'aria-labelledby': titleId, dataset: { id: event.id },
    onkeydown: (e) => {
      if (e.key !== 'Enter' || e.target !== el) return;
      e.preventDefault(); // else the same key press also activates the dialog's Close button, focused on open
      open();
    },
  },
  h('div', { class: 'event-meta' },
    when(event),
    h('span', { class: 'type' }, humanize(event.type)),
    event.timelineId ? h('span', { class: 'timeline muted' }, event.timelineId) : null,
    marks(event)),
  h('h3', { class: 'event-title' },
    h('button', { type: 'button', class: 'linkish', id: titleId, onclick: open }, event.title)),
  event.summary ? h('p', { class: 'summary' }, event.summary) : null,
  event.retracted && event.retractionReason
    ? h('p', { class: 'retraction' }, `Retracted: ${event.retractionReason}`) : null,
  (event.actors || []).length
    ? h('ul', { class: 'chips actors', 'aria-label': 'Actors' },
      event.actors.map((a) => h('li', { class: 'chip actor', title: a.role || '' }, a.name || a.id)))
    : null,
  (event.tags || []).length
    ? h('ul', { class: 'chips tags', 'aria-label': 'Tags' }, event.tags.map((t) => h('li', { class: 'chip tag' }, `#${t}`)))
    : null,
  (event.sources || []).length
    ? h('ul', { class: 'sources', 'aria-label': 'Sources' }, event.sources.map(sourceItem))
    : null);
  return el;
}

/** Renders the feed from the events, reusing each event's article; `fresh` ids are marked new. */
export class Feed {
  constructor(root, onOpen) {
    this.root = root;
    this.onOpen = onOpen;
    this.cache = new Map();
    this.headings = new Map();
  }

  reset() {
    this.cache.clear();
    this.headings.clear();
    clear(this.root);
  }

  forget(id) {
    this.cache.delete(id);
  }

  heading(group) {
    const key = `${group.key}|${group.coarse ? 'coarse' : ''}`;
    if (!this.headings.has(key)) {
      this.headings.set(key, h('h2', { class: `group${group.coarse ? ' coarse' : ''}` }, group.label,
        group.coarse ? h('span', { class: 'muted small' }, ' · date known only to this') : null));
    }
    return this.headings.get(key);
  }

  render(events, groupBy, fresh = new Set()) {
    if (groupBy !== this.groupBy) {
      this.headings = new Map();
      this.groupBy = groupBy;
    }
    const nodes = [];
    let last = null;
    events.forEach((event, index) => {
      const group = groupOf(event, groupBy);
      if (group.key !== last) {
        nodes.push(this.heading(group));
        last = group.key;
      }
      let el = this.cache.get(event.id);
      if (!el) {
        el = article(event, this.onOpen);
        this.cache.set(event.id, el);
      }
      el.classList.toggle('is-new', fresh.has(event.id));
      el.setAttribute('aria-posinset', String(index + 1));
      el.setAttribute('aria-setsize', '-1');
      nodes.push(el);
    });
    this.place(nodes);
  }

  /** Puts the nodes in order, moving as few as possible: a focused event keeps its focus. */
  place(nodes) {
    const focused = this.root.contains(document.activeElement) ? document.activeElement : null;
    let cursor = this.root.firstChild;
    for (const node of nodes) {
      if (node === cursor) {
        cursor = cursor.nextSibling;
      } else {
        this.root.insertBefore(node, cursor);
      }
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
    if (focused?.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
  }
}

/** Feed keyboard pattern: PageDown / PageUp move between articles. */
export function feedKeys(root) {
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
    const articles = [...root.querySelectorAll('article')];
    const current = articles.indexOf(e.target.closest('article'));
    if (current < 0) return;
    const next = articles[current + (e.key === 'PageDown' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  });
}
