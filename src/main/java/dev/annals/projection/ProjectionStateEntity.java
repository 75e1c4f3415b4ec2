package dev.annals.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Which generation of a projection queries read, and which one a rebuild is filling. */
@Entity
@Table(name = "projection_state")
public class ProjectionStateEntity extends PanacheEntityBase {
    @Id
    public String projection;

    @Column(name = "active_generation", nullable = false)
    public int activeGeneration;

    @Column(name = "building_generation")
    public Integer buildingGeneration;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
