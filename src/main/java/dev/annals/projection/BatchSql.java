package dev.annals.projection;

/** The one statement that writes a poll batch (see {@link ProjectionStore}). */
final class BatchSql {
    private BatchSql() {}

    /** The channel a live batch notifies on commit, so that waiting queries in every instance re-check. */
    static final String CHANNEL = "annals_projection";

    /**
     * Inserts the batch with {@code on conflict do nothing} (either unique key: event id, or timeline and
     * sequence), so duplicates on the topic are skipped; the counters are derived from the rows actually inserted.
     * Rows are locked in key order, so concurrent batches cannot deadlock on shared counters. The same statement
     * advances the per-timeline watermarks, records the dead letters, counts a rebuild's progress (its generation
     * is bound, -1 for the live runner) and, for a live batch, notifies {@value #CHANNEL}.
     */
    static final String APPLY = """
            with batch as (
                select * from unnest(?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::text[],
                                     ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                                     ?::bigint[])
                    with ordinality as b(event_id, timeline_id, sequence, event_type, occurred_at,
                                         occurred_at_precision, occurred_from, occurred_until, recorded_at, title,
                                         actor_ids, actor_names, publishers, reliabilities, tags, search_text,
                                         payload, record_partition, record_offset, ord)
            ), inserted as (
                insert into read_event (generation, event_id, timeline_id, sequence, event_type, occurred_at,
                                        occurred_at_precision, occurred_from, occurred_until, recorded_at, title,
                                        actor_ids, actor_names, publishers, reliabilities, tags, search_text,
                                        payload, record_partition, record_offset)
                select ?, event_id, timeline_id, sequence, event_type, occurred_at, occurred_at_precision,
                       occurred_from, occurred_until, recorded_at, title, actor_ids::text[], actor_names::text[],
                       publishers::text[], reliabilities::text[], tags::text[], search_text, payload, record_partition,
                       record_offset
                from batch order by ord
                on conflict do nothing
                returning timeline_id, sequence, occurred_at, actor_ids, actor_names
            ), timelines as (
                insert into read_timeline (generation, timeline_id, event_count, version, first_occurred_at,
                                           last_occurred_at)
                select ?, timeline_id, count(*), max(sequence), min(occurred_at), max(occurred_at)
                from inserted group by timeline_id order by timeline_id
                on conflict (generation, timeline_id) do update set
                    event_count = read_timeline.event_count + excluded.event_count,
                    version = greatest(read_timeline.version, excluded.version),
                    first_occurred_at = least(read_timeline.first_occurred_at, excluded.first_occurred_at),
                    last_occurred_at = greatest(read_timeline.last_occurred_at, excluded.last_occurred_at)
            ), actors as (
                insert into read_actor (generation, actor_id, name, event_count)
                select ?, a.id, max(a.name), count(*)
                from inserted cross join lateral unnest(inserted.actor_ids, inserted.actor_names) as a(id, name)
                group by a.id order by a.id
                on conflict (generation, actor_id) do update set
                    name = greatest(read_actor.name, excluded.name),
                    event_count = read_actor.event_count + excluded.event_count
            ), offsets as (
                insert into projection_offset (projection, generation, topic, partition, next_offset)
                select ?, ?, topic, partition, next_offset
                from unnest(?::text[], ?::int[], ?::bigint[]) as o(topic, partition, next_offset)
                order by topic, partition
                on conflict (projection, generation, topic, partition)
                do update set next_offset = greatest(projection_offset.next_offset, excluded.next_offset)
            ), watermarks as (
                insert into read_watermark (generation, timeline_id, processed)
                select ?, timeline_id, processed from unnest(?::text[], ?::bigint[]) as w(timeline_id, processed)
                order by timeline_id
                on conflict (generation, timeline_id)
                do update set processed = greatest(read_watermark.processed, excluded.processed)
            ), dead as (
                insert into read_dead_letter (generation, topic, partition, record_offset, event_id, timeline_id,
                                              sequence, reason)
                select ?, topic, partition, record_offset, event_id, timeline_id, sequence, reason
                from unnest(?::text[], ?::int[], ?::bigint[], ?::uuid[], ?::text[], ?::bigint[], ?::text[])
                    as d(topic, partition, record_offset, event_id, timeline_id, sequence, reason)
                on conflict do nothing
                returning 1
            ), progress as (
                update projection_rebuild set applied = applied + (select count(*) from inserted),
                    dead_lettered = dead_lettered + (select count(*) from dead), updated_at = now()
                where generation = ?
            )
            select (select count(*) from inserted), (select pg_notify('annals_projection', '') where ?)""";
}
