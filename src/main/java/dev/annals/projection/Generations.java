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
        if (state.buildingGeneration != null) {
            drop(state.buildingGeneration);
        }
        int next = Math.max(state.activeGeneration, state.buildingGeneration == null ? 0 : state.buildingGeneration)
                + 1;
        state.buildingGeneration = next;
        state.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return next;
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

    /** Deletes every row of a generation that is neither active nor being built. */
    @Transactional
    public void dropInactive(int generation) {
        ProjectionStateEntity state = lockState();
        if (state.activeGeneration != generation && !Integer.valueOf(generation).equals(state.buildingGeneration)) {
            drop(generation);
        }
    }

    private void drop(int generation) {
        for (String table : new String[] {"read_event", "read_timeline"}) {
            em.createNativeQuery("delete from " + table + " where generation = ?1")
                    .setParameter(1, generation).executeUpdate();
        }
        em.createNativeQuery("delete from projection_offset where projection = ?1 and generation = ?2")
                .setParameter(1, ProjectionStore.PROJECTION).setParameter(2, generation).executeUpdate();
    }

    private ProjectionStateEntity lockState() {
        return em.find(ProjectionStateEntity.class, ProjectionStore.PROJECTION, LockModeType.PESSIMISTIC_WRITE);
    }
}
