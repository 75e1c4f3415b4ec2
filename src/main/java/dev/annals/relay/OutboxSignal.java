package dev.annals.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Wakes the outbox relay, in whichever instance holds it, the moment an append commits: PostgreSQL delivers a
 * {@code NOTIFY} issued inside a transaction only when it commits, and drops it on rollback.
 */
@ApplicationScoped
public class OutboxSignal {
    static final String CHANNEL = "annals_outbox";

    private final EntityManager em;

    public OutboxSignal(EntityManager em) {
        this.em = em;
    }

    /** Must run inside the append transaction. */
    public void notifyOnCommit() {
        em.createNativeQuery("select pg_notify('" + CHANNEL + "', '')").getSingleResult();
    }
}
