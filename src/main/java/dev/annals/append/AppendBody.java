package dev.annals.append;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** An append body read by {@link AppendBodyReader}: its events as JSON trees, and the budget they hold. */
public record AppendBody(ArrayNode events, BodyBudget.Lease lease) implements AutoCloseable {
    /** Gives the body's bytes back to the budget. */
    @Override
    public void close() {
        lease.close();
    }
}
