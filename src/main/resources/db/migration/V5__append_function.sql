-- The whole append as one statement, so that an append is one round trip and one transaction (autocommit):
-- lock the timeline row, look up the event ids (idempotency), check the precondition, then write the timeline
-- version, the journal rows and the outbox row. Each statement of a PL/pgSQL function takes a fresh snapshot
-- (READ COMMITTED), so the id lookup after the lock sees every append committed before the lock was granted.
--
-- Payloads arrive in two parts, head and tail, and the event's sequence (known only here) is placed between
-- them: head || sequence || tail is the event JSON exactly as published.
--
-- Answers one row per outcome:
--   'appended' o_version = the new version (no other column set)
--   'conflict' o_version = the current version, the precondition [p_min_version, p_max_version] failed
--   'known'    one row per event id of the request already in the journal (the caller decides replay/conflict)
-- Bytes of the events' JSON per outbox row, so that a relay round can be capped by bytes as well as events.
alter table outbox add column payload_bytes bigint not null default 0;

create function annals_append(p_timeline varchar, p_min_version bigint, p_max_version bigint,
                              p_ids uuid[], p_types varchar[], p_occurred timestamptz[], p_hashes varchar[],
                              p_heads text[], p_tails text[], p_recorded timestamptz, p_request_id varchar,
                              p_traceparent varchar)
    returns table (o_outcome text, o_version bigint, o_event_id uuid, o_timeline_id varchar, o_sequence bigint,
                   o_content_hash varchar, o_recorded_at timestamptz)
    language plpgsql
as $$
declare
    v bigint;
    n int := cardinality(p_ids);
begin
    loop
        select t.version into v from timeline t where t.timeline_id = p_timeline for update;
        if not found then
            v := 0;
        end if;
        if exists (select 1 from journal j where j.event_id = any (p_ids)) then
            return query select 'known', v, j.event_id, j.timeline_id, j.sequence, j.content_hash, j.recorded_at
                         from journal j where j.event_id = any (p_ids);
            return;
        end if;
        if v < p_min_version or v > p_max_version then
            return query select 'conflict', v, null::uuid, null::varchar, null::bigint, null::varchar,
                                null::timestamptz;
            return;
        end if;
        if v = 0 then
            insert into timeline (timeline_id, version, created_at, updated_at)
            values (p_timeline, n, p_recorded, p_recorded)
            on conflict (timeline_id) do nothing;
            if not found then
                continue; -- a concurrent first append created the timeline: lock it and check again
            end if;
        else
            update timeline set version = v + n, updated_at = p_recorded where timeline_id = p_timeline;
        end if;
        insert into journal (event_id, timeline_id, sequence, event_type, occurred_at, recorded_at, content_hash,
                             payload)
        select u.id, p_timeline, v + u.ord, u.type, u.occurred, p_recorded, u.hash, u.head || (v + u.ord) || u.tail
        from unnest(p_ids, p_types, p_occurred, p_hashes, p_heads, p_tails)
                 with ordinality as u (id, type, occurred, hash, head, tail, ord);
        insert into outbox (timeline_id, from_sequence, to_sequence, created_at, request_id, traceparent,
                            payload_bytes)
        select p_timeline, v + 1, v + n, p_recorded, p_request_id, p_traceparent,
               coalesce(sum(octet_length(h) + octet_length(t)), 0) + 20 * n
        from unnest(p_heads, p_tails) as u (h, t);
        return query select 'appended', v + n, null::uuid, null::varchar, null::bigint, null::varchar,
                            null::timestamptz;
        return;
    end loop;
end;
$$;
