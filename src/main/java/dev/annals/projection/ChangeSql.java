package dev.annals.projection;

/** The statements that apply a correction or a retraction to the read model (see {@link ChangeProjection}). */
final class ChangeSql {
    private ChangeSql() {}

    static final String SEEN = "select 1 from read_change where generation = ? and change_id = ?";

    static final String CURRENT = "select timeline_id, payload, retracted_at, actor_ids, actor_names, "
            + "record_partition, record_offset from read_event where generation = ? and event_id = ? for update";

    private static final String COLUMNS = "generation, event_id, timeline_id, sequence, event_type, occurred_at, "
            + "occurred_at_precision, occurred_from, occurred_until, recorded_at, title, actor_ids, actor_names, "
            + "publishers, reliabilities, tags, search_text, payload, revisions, corrected_at, retracted_at, retraction_reason, "
            + "change_sequence, record_partition, record_offset";

    /** The current version becomes a revision, known from its own change (or recording) until this change. */
    static final String ARCHIVE = "insert into read_event_revision (" + COLUMNS + ", known_from, known_until) "
            + "select " + COLUMNS + ", coalesce(corrected_at, recorded_at), ? from read_event "
            + "where generation = ? and event_id = ?";

    static final String CORRECT = """
            update read_event set occurred_at = ?::timestamptz, occurred_at_precision = ?,
                occurred_from = ?::timestamptz, occurred_until = ?::timestamptz, title = ?, actor_ids = ?::text[],
                actor_names = ?::text[], publishers = ?::text[], reliabilities = ?::text[], tags = ?::text[],
                search_text = ?, payload = ?,
                revisions = revisions + 1, corrected_at = ?, change_sequence = ?
            where generation = ? and event_id = ?""";

    static final String RETRACT = "update read_event set retracted_at = ?, retraction_reason = ?, "
            + "change_sequence = ? where generation = ? and event_id = ?";

    static final String ACTORS_ADDED = """
            insert into read_actor (generation, actor_id, name, event_count)
            select ?, a.id, max(a.name), count(*) from unnest(?::text[], ?::text[]) as a(id, name)
            group by a.id order by a.id
            on conflict (generation, actor_id) do update set
                name = greatest(read_actor.name, excluded.name),
                event_count = read_actor.event_count + excluded.event_count""";

    static final String ACTORS_REMOVED = """
            update read_actor a set event_count = a.event_count - x.n
            from (select id, count(*) as n from unnest(?::text[]) as id group by id) as x
            where a.generation = ? and a.actor_id = x.id""";

    /** The actors an event named before the change that no event names any more. */
    static final String ACTORS_GONE =
            "delete from read_actor where generation = ? and actor_id = any(?) and event_count <= 0";

    /** Counts, span and version of the timeline after a change (min/max walk the timeline index). */
    static final String TIMELINE = """
            update read_timeline t set event_count = t.event_count - ?, version = greatest(t.version, ?),
                first_occurred_at = coalesce((select min(e.occurred_at) from read_event e where e.generation = t.generation
                    and e.timeline_id = t.timeline_id and e.retracted_at is null), t.first_occurred_at),
                last_occurred_at = coalesce((select max(e.occurred_at) from read_event e where e.generation = t.generation
                    and e.timeline_id = t.timeline_id and e.retracted_at is null), t.last_occurred_at)
            where t.generation = ? and t.timeline_id = ?""";

    static final String RECORD = """
            insert into read_change (generation, change_id, event_id, timeline_id, change_sequence, kind, outcome,
                                     ignored_reason, recorded_at, record_partition, record_offset, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
}
