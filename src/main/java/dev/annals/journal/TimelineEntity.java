package dev.annals.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A timeline's write-side row: its current version (the sequence of its last event). */
@Entity
@Table(name = "timeline")
public class TimelineEntity extends PanacheEntityBase {
    @Id
    @Column(name = "timeline_id")
    public String timelineId;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
