// The live feed (GET /v1/events/live) read with fetch(), because EventSource cannot send the bearer token.
import { headers, query } from './api.js';

/** Splits an SSE byte stream into messages {event, data, id}; comments (": heartbeat") are skipped. */
export class SseParser {
  constructor(onMessage) {
    this.onMessage = onMessage;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.event = '';
    this.data = [];
    this.id = null;
  }

  push(chunk) {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop();
    for (const line of lines) this.line(line);
  }

  line(line) {
    if (line === '') {
      if (this.data.length || this.id != null) {
        this.onMessage({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
  }
}

/**
 * Follows the live feed with these filters until stop(): reconnects with the last id (no gap, no duplicate).
 * handlers: {message({event, data, id}), status('live' | 'connecting' | 'offline' | 'unauthorized')}
 */
export function follow(params, handlers) {
  let controller = null;
  let stopped = false;
  let lastEventId = null;
  let delay = 1000;

  async function connect() {
    if (stopped) return;
    controller = new AbortController();
    handlers.status('connecting');
    try {
      const extra = { Accept: 'text/event-stream' };
      if (lastEventId) extra['Last-Event-ID'] = lastEventId;
      const response = await fetch(`/v1/events/live?${query(params)}`, {
        headers: headers(extra), signal: controller.signal, cache: 'no-store',
      });
      if (response.status === 401 || response.status === 403) {
        handlers.status('unauthorized');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      handlers.status('live');
      delay = 1000;
      const parser = new SseParser((message) => {
        if (message.id) lastEventId = message.id;
        if (message.event === 'overflow') {
          try {
            lastEventId = JSON.parse(message.data).lastEventId || lastEventId;
          } catch {
            // keep the last id received
          }
          return;
        }
        if (message.data) handlers.message(message);
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch (error) {
      if (stopped) return;
    }
    if (stopped) return;
    handlers.status('offline');
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 30000);
  }

  connect();
  return {
    stop() {
      stopped = true;
      controller?.abort();
    },
  };
}
