package dev.annals.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** Blue/green generations of the timeline projection: start a rebuild, switch to it, drop the old one. */
@ApplicationScoped
public class Generations {
    private final EntityManager em;
    private final ProjectionStore store;

    public Generations(EntityManager em, ProjectionStore store) {
        this.em = em;
        this.store = store;
    }

    /** Reserves a new generation to rebuild into, discarding any unfinished rebuild. */
    @Transactional
    public int startRebuild() {
        ProjectionStateEntity state = lockState();
        int next = Math.max(state.activeGeneration, state.buildingGeneration == null ? 0 : state.buildingGeneration)
                + 1;
        state.buildingGeneration = next;
        state.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return next; // rows of an abandoned rebuild are removed by dropInactive()
    }

    /**
     * Makes {@code generation} the active one if it holds at least everything the active one holds (its offsets
     * are at or past the active generation's on every partition); returns whether it switched.
     */
    @Transactional
    public boolean trySwitch(int generation, String topic) {
        ProjectionStateEntity state = lockState();
        if (!Integer.valueOf(generation).equals(state.buildingGeneration)) {
            return false;
        }
        Map<Integer, Long> active = store.offsets(state.activeGeneration, topic);
        Map<Integer, Long> rebuilt = store.offsets(generation, topic);
        for (Map.Entry<Integer, Long> partition : active.entrySet()) {
            if (rebuilt.getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                return false;
            }
        }
        state.activeGeneration = generation;
        state.buildingGeneration = null;
        state.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }

    /**
     * Deletes the rows of every generation that is neither active nor being built (abandoned rebuilds included).
     * No state lock is held while deleting: live batches only touch the active generation, and generation numbers
     * are never reused.
     */
    @Transactional
    public void dropInactive() {
        ProjectionStateEntity state = em.find(ProjectionStateEntity.class, ProjectionStore.PROJECTION);
        int building = state.buildingGeneration == null ? state.activeGeneration : state.buildingGeneration;
        for (String table : new String[] {"read_event", "read_timeline"}) {
            em.createNativeQuery("delete from " + table + " where generation not in (?1, ?2)")
                    .setParameter(1, state.activeGeneration).setParameter(2, building).executeUpdate();
        }
        em.createNativeQuery("delete from projection_offset where projection = ?1 and generation not in (?2, ?3)")
                .setParameter(1, ProjectionStore.PROJECTION).setParameter(2, state.activeGeneration)
                .setParameter(3, building).executeUpdate();
    }

    private ProjectionStateEntity lockState() {
        return em.find(ProjectionStateEntity.class, ProjectionStore.PROJECTION, LockModeType.PESSIMISTIC_WRITE);
    }
}
