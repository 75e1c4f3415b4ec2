// Dates at their precision, in the offset the event was given with (occurredAt keeps its own offset).
const LOCALE = 'en-GB';
const ISO = /^(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;
const FORMATS = {
  year: { year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  hour: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  minute: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  second: {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23',
  },
};
const formatters = new Map();

function formatter(options) {
  const key = JSON.stringify(options);
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: 'UTC' }));
  return formatters.get(key);
}

/** The wall-clock time of an ISO date-time in its own offset, as a Date in UTC, and that offset in minutes. */
export function wallClock(iso) {
  const m = ISO.exec(String(iso || ''));
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss, zone] = m;
  const wall = new Date(Date.UTC(+y, +mo - 1, +d, +hh, +mm, +(ss || 0)));
  if (+y < 100) wall.setUTCFullYear(+y);
  let offset = 0;
  if (zone !== 'Z') {
    const z = zone.replace(':', '');
    offset = (z[0] === '-' ? -1 : 1) * (+z.slice(1, 3) * 60 + +z.slice(3, 5));
  }
  return { wall, offset };
}

/** "GMT−5", "GMT+5:30", "UTC" */
export function offsetLabel(minutes) {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `GMT${minutes < 0 ? '−' : '+'}${hours}${rest ? ':' + String(rest).padStart(2, '0') : ''}`;
}

/** "February 2026", "26 Feb 2026", "26 Feb 2026, 18:00 GMT−5" */
export function formatOccurred(iso, precision = 'second') {
  const parts = wallClock(iso);
  if (!parts) return String(iso ?? '');
  const options = FORMATS[precision] || FORMATS.second;
  const text = formatter(options).format(parts.wall);
  return options.hour ? `${text} ${offsetLabel(parts.offset)}` : text;
}

/** A recorded instant (UTC) in the reader's own zone. */
export function formatInstant(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const RANK = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 };

/** The group an event falls in: by day or month of its own wall clock, coarser precisions on their own. */
export function groupOf(event, by) {
  const parts = wallClock(event.occurredAt);
  if (!parts) return { key: 'unknown', label: 'Unknown date' };
  const precision = event.occurredAtPrecision || 'second';
  const w = parts.wall;
  const y = w.getUTCFullYear();
  const mo = String(w.getUTCMonth() + 1).padStart(2, '0');
  const d = String(w.getUTCDate()).padStart(2, '0');
  if (RANK[precision] === 0) return { key: `${y}`, label: `${y}`, coarse: true };
  if (RANK[precision] === 1 || by === 'month') {
    const label = formatter(FORMATS.month).format(w);
    return { key: `${y}-${mo}`, label, coarse: by !== 'month' };
  }
  const label = formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(w);
  return { key: `${y}-${mo}-${d}`, label };
}

/** Short labels for the histogram axis. */
export function bucketLabel(iso, interval) {
  const date = new Date(iso);
  if (interval === 'year') return formatter({ year: 'numeric' }).format(date);
  if (interval === 'month') return formatter({ month: 'short', year: '2-digit' }).format(date);
  return formatter({ day: 'numeric', month: 'short' }).format(date);
}

export function rangeLabel(fromIso, toIso) {
  const f = fromIso ? formatter(FORMATS.day).format(new Date(fromIso)) : 'the start';
  const t = toIso ? formatter(FORMATS.day).format(new Date(new Date(toIso).getTime() - 1)) : 'now';
  return `${f} – ${t}`;
}
