package dev.annals.config;

/**
 * Health groups of Annals. Readiness ({@code /q/health/ready}) is only "this instance can serve": its databases.
 * Kafka, the outbox backlog and the projection lag are {@value #DEPENDENCIES} ({@code /q/health/group/dependencies})
 * and metrics with alert rules: appends keep working through a broker outage, which is what the outbox is for.
 */
public final class HealthGroups {
    /** Kafka reachability, outbox backlog and projection lag. */
    public static final String DEPENDENCIES = "dependencies";

    private HealthGroups() {}
}
