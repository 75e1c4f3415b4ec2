package dev.annals.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One event in the timeline read model, in one projection generation. */
@Entity
@Table(name = "read_event")
public class ReadEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "read_event_seq")
    @SequenceGenerator(name = "read_event_seq", sequenceName = "read_event_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public int generation;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "timeline_id", nullable = false)
    public String timelineId;

    @Column(nullable = false)
    public long sequence;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "occurred_at_precision", nullable = false)
    public String occurredAtPrecision;

    @Column(name = "occurred_from", nullable = false)
    public OffsetDateTime occurredFrom;

    @Column(name = "occurred_until", nullable = false)
    public OffsetDateTime occurredUntil;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_ids", nullable = false, columnDefinition = "text[]")
    public String[] actorIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_names", nullable = false, columnDefinition = "text[]")
    public String[] actorNames;

    /** Source publishers, lower-cased for case-insensitive matching. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] publishers;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    /** Title, summary and actor names; the database derives the full-text column from it. */
    @Column(name = "search_text", nullable = false, columnDefinition = "text")
    public String searchText;

    /** The event JSON as received from the topic. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;
}
