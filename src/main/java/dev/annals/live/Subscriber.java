package dev.annals.live;

import dev.annals.query.EventFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One client of the live feed: its filter, the position it was handed up to, and a bounded queue of messages not
 * yet written to its connection. Whoever adds items (the hub, or the client's own catch-up) never waits on the
 * connection: a client too slow to take what the hub adds is disconnected with a final {@code overflow} event.
 */
final class Subscriber {
    /** Messages handed to the connection at once; the rest wait in the queue, which the buffer bounds. */
    private static final int IN_FLIGHT = 8;

    private final EventFilter filter;
    private final SseEventSink sink;
    private final Sse sse;
    private final int buffer;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private SubscriberState state = SubscriberState.CATCHING_UP;
    /** Everything before it is queued or written. */
    private Position position;
    /** The last id queued: what the client will have seen once the queue is written. */
    private Position announced;
    /** The last id handed to the connection. */
    private Position delivered;

    private int inFlight;
    private boolean pumping;
    private Runnable whenDrained;

    private final Position start;

    @Override
    public synchronized String toString() {
        return "subscriber from " + start + " with " + filter.timelines() + filter.tags() + filter.types() + " queued "
                + queue.size() + " in flight " + inFlight + (pumping ? " pumping" : "");
    }

    Subscriber(EventFilter filter, Position start, SseEventSink sink, Sse sse, int buffer) {
        this.start = start;
        this.filter = filter;
        this.sink = sink;
        this.sse = sse;
        this.buffer = buffer;
        this.position = start;
        this.announced = start;
        this.delivered = start;
        queue.add(new Outgoing(
                sse.newEventBuilder().comment("live").id(start.token()).build(), start));
        pump();
    }

    EventFilter filter() {
        return filter;
    }

    SseEventSink sink() {
        return sink;
    }

    synchronized SubscriberState state() {
        return state;
    }

    synchronized Position position() {
        return position;
    }

    /** Catching up: done once the position covers {@code hub}, then it waits for the hub to take it in. */
    synchronized boolean readyAt(Position hub) {
        if (state == SubscriberState.CATCHING_UP && position.covers(hub)) {
            state = SubscriberState.READY;
            return true;
        }
        return false;
    }

    /** Taken in by the hub at the start of a step whose reads start at or before its position. */
    synchronized boolean join() {
        if (state != SubscriberState.READY) {
            return false;
        }
        state = SubscriberState.LIVE;
        return true;
    }

    /** Left too far behind the hub while it waited to join: catching up again. */
    synchronized boolean retry() {
        if (state != SubscriberState.READY) {
            return false;
        }
        state = SubscriberState.CATCHING_UP;
        return true;
    }

    /**
     * Queues the items not yet handed (those before the position are skipped, so a hand-over or an overlapping
     * range never repeats one), then moves the position to {@code end}: the items the filter left out are passed
     * too. From the hub ({@code bounded}) the buffer applies; a catch-up page waits for the queue to drain instead.
     */
    void offer(List<LiveItem> items, Position end, boolean bounded) {
        boolean overflow;
        synchronized (this) {
            if (state == SubscriberState.CLOSED) {
                return;
            }
            for (LiveItem item : items) {
                if (item.offset() < position.of(item.partition())) {
                    continue;
                }
                position = position.after(item.partition(), item.offset());
                announced = position;
                queue.add(new Outgoing(
                        sse.newEventBuilder()
                                .name(item.kind().eventName())
                                .id(position.token())
                                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                                .data(String.class, item.data())
                                .build(),
                        position));
            }
            position = position.max(end);
            overflow = bounded && queue.size() + inFlight > buffer;
        }
        if (overflow) {
            overflow();
        } else {
            pump();
        }
    }

    /**
     * A comment line, with the position as id when items the filter left out moved it since the last id; none
     * while messages wait (the stream is not idle, and a catch-up page may exceed the buffer).
     */
    void heartbeat() {
        synchronized (this) {
            if (state == SubscriberState.CLOSED || !queue.isEmpty() || inFlight > 0) {
                return;
            }
            OutboundSseEvent.Builder beat = sse.newEventBuilder().comment("heartbeat");
            Position id = null;
            if (!position.equals(announced)) {
                announced = position;
                id = position;
                beat.id(id.token());
            }
            queue.add(new Outgoing(beat.build(), id));
        }
        pump();
    }

    /** Runs {@code then} once every queued message was written (at once when none waits). */
    void whenDrained(Runnable then) {
        synchronized (this) {
            if (state == SubscriberState.CLOSED) {
                return;
            }
            if (!queue.isEmpty() || inFlight > 0) {
                whenDrained = then;
                return;
            }
        }
        then.run();
    }

    /** Drops what waits and sends a final {@code overflow} event naming the last id handed over, then closes. */
    void overflow() {
        OutboundSseEvent last;
        synchronized (this) {
            if (state == SubscriberState.CLOSED) {
                return;
            }
            state = SubscriberState.CLOSED;
            queue.clear();
            whenDrained = null;
            last = sse.newEventBuilder()
                    .name("overflow")
                    .id(delivered.token())
                    .mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, overflowData())
                    .build();
        }
        try {
            sink.send(last).whenComplete((ignored, failure) -> sink.close());
        } catch (IllegalStateException closed) {
            sink.close();
        }
    }

    /** A message for the connection and the position its id names (null: none). */
    private record Outgoing(OutboundSseEvent event, Position id) {}

    private String overflowData() {
        return "{\"reason\":\"slow-consumer\",\"detail\":\"more than " + buffer
                + " items waited to be written to this connection\",\"lastEventId\":\"" + delivered.token() + "\"}";
    }

    /** Closes the stream (client gone, or shutdown). */
    void close() {
        synchronized (this) {
            if (state == SubscriberState.CLOSED) {
                return;
            }
            state = SubscriberState.CLOSED;
            queue.clear();
            whenDrained = null;
        }
        sink.close();
    }

    /** Hands queued messages to the connection, at most {@link #IN_FLIGHT} unwritten; one caller pumps at a time. */
    private void pump() {
        synchronized (this) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            Outgoing next;
            Runnable drained = null;
            synchronized (this) {
                if (state == SubscriberState.CLOSED || inFlight >= IN_FLIGHT || queue.isEmpty()) {
                    pumping = false;
                    if (state != SubscriberState.CLOSED && queue.isEmpty() && inFlight == 0) {
                        drained = whenDrained;
                        whenDrained = null;
                    }
                    next = null;
                } else {
                    next = queue.poll();
                    inFlight++;
                    if (next.id() != null) {
                        delivered = next.id();
                    }
                }
            }
            if (next == null) {
                if (drained != null) {
                    drained.run();
                }
                return;
            }
            try {
                sink.send(next.event()).whenComplete((ignored, failure) -> {
                    synchronized (this) {
                        inFlight--;
                    }
                    if (failure != null) {
                        close();
                    } else {
                        pump();
                    }
                });
            } catch (IllegalStateException closed) {
                close();
                return;
            }
        }
    }
}
