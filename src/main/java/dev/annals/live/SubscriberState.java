package dev.annals.live;

/** Where a live subscriber stands: reading its own way up to the hub, waiting to join it, fed by it, or gone. */
enum SubscriberState {
    /** Reading the items between its position and the hub's with its own queries. */
    CATCHING_UP,
    /** Caught up with the hub position it saw; the hub takes it in at the start of its next step. */
    READY,
    /** Fed by the hub's steps. */
    LIVE,
    /** Disconnected (by the client, after an overflow, or at shutdown); the hub drops it. */
    CLOSED
}
