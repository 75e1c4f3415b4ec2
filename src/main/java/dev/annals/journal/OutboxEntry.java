package dev.annals.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One append waiting to be published: a range of sequences of one timeline. */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "timeline_id", nullable = false)
    public String timelineId;

    @Column(name = "from_sequence", nullable = false)
    public long fromSequence;

    @Column(name = "to_sequence", nullable = false)
    public long toSequence;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The caller's X-Request-Id (or one Annals generated), copied to the records' headers. */
    @Column(name = "request_id")
    public String requestId;

    /** The caller's W3C traceparent, if it sent a valid one. */
    @Column(name = "traceparent")
    public String traceparent;
}
