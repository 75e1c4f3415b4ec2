package dev.annals.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One journal row: an appended event, immutable once written. */
@Entity
@Table(name = "journal")
public class JournalEntry extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "timeline_id", nullable = false, updatable = false)
    public String timelineId;

    @Column(nullable = false, updatable = false)
    public long sequence;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "content_hash", nullable = false, updatable = false)
    public String contentHash;

    /** The event JSON exactly as published to Kafka. */
    @Column(nullable = false, updatable = false, columnDefinition = "text")
    public String payload;
}
