package dev.annals.projection;

import org.jboss.logging.Logger;

/** A rebuild runner's duties besides projecting: report in to the ledger, and ask for the switch once caught up. */
final class RebuildSteward {
    private static final Logger LOG = Logger.getLogger(RebuildSteward.class);

    private final ProjectorContext ctx;
    private final String topic;
    private long reportedAt = System.nanoTime();

    RebuildSteward(ProjectorContext ctx, String topic) {
        this.ctx = ctx;
        this.topic = topic;
    }

    /**
     * Called after every poll; returns the runner's final state when the rebuild ended (switched, refused,
     * superseded) or this instance no longer owns it (released), else null.
     */
    String step(int generation, RunnerStats stats) {
        long now = System.nanoTime();
        if (now - reportedAt > ctx.config().projection().rebuild().heartbeat().toNanos()) {
            reportedAt = now;
            if (!ctx.ledger().heartbeat(generation, ctx.instance())) {
                LOG.infof("The rebuild of generation %d is no longer owned by this instance; stopping it", generation);
                return "released";
            }
        }
        if (!ProjectorConsumers.caughtUp(stats)) {
            return null;
        }
        return switch (ctx.generations().trySwitch(generation, topic)) {
            case SWITCHED -> "switched";
            case REFUSED -> {
                LOG.warnf(
                        "The rebuild of generation %d refused to switch: %s",
                        generation,
                        ctx.ledger()
                                .find(generation)
                                .map(RebuildLedger.Rebuild::reason)
                                .orElse("?"));
                yield "refused";
            }
            case NOT_BUILDING -> "superseded";
            case BEHIND -> null; // the live generation read further meanwhile: keep reading
        };
    }
}
