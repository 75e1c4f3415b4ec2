-- Group commit: one call appends a group of independent requests (to any timelines) in one transaction and one
-- round trip, with set-based statements: create missing timelines, lock every timeline of the group in id
-- order, look up all event ids (idempotency), decide each request in order (precondition, versions), then write
-- all journal rows, outbox rows and versions. Each statement of a PL/pgSQL function takes a fresh snapshot (READ
-- COMMITTED), so the id lookup after the locks sees every append committed before the locks were granted.
--
-- Requests: r_* arrays, one element per request (r_count: its number of events, r_recorded: its recordedAt). Events: e_* arrays, one element per event, in request order;
-- e_req is the request's index (1-based), e_pos the event's position in its request (1-based). Payloads arrive
-- in two parts and the sequence, known only here, goes between them: head || sequence || tail is the event JSON
-- exactly as published.
--
-- Answers, per request (o_req):
--   'appended' o_version = the timeline's version after the request
--   'conflict' o_version = the current version: the precondition [r_min, r_max] failed
--   'known'    one row per event id of the request already in the journal (the caller decides: replay or 409)
--   'again'    an event id of the request is used by an earlier request of the group, or its r_recorded is
--              older than the timeline's last recordedAt: stamp it anew and send it again alone (so recordedAt
--              never decreases along a timeline's sequence)
-- A request that is not 'appended' wrote nothing. Timelines created for requests that wrote nothing are removed.

-- Bytes of the events' JSON per outbox row, so that a relay round can be capped by bytes as well as events.
alter table outbox add column payload_bytes bigint not null default 0;

create function annals_append(r_timeline varchar[], r_min bigint[], r_max bigint[], r_count int[],
                              r_recorded timestamptz[], r_request_id varchar[], r_traceparent varchar[],
                              e_req int[], e_pos int[], e_ids uuid[], e_types varchar[], e_occurred timestamptz[],
                              e_hashes varchar[], e_heads text[], e_tails text[])
    returns table (o_req int, o_outcome text, o_version bigint, o_event_id uuid, o_timeline_id varchar,
                   o_sequence bigint, o_content_hash varchar, o_recorded_at timestamptz)
    language plpgsql
as $$
declare
    created varchar[];
    lines varchar[];
    versions bigint[];
    stamps timestamptz[];
    known_ids uuid[];
    known_reqs int[];
    taken uuid[] := '{}';
    acc_req int[] := '{}';
    acc_base bigint[] := '{}';
    ids uuid[];
    off int := 0;
    i int;
    t int;
    n int;
    v bigint;
begin
    with inserted as (
        insert into timeline (timeline_id, version, created_at, updated_at)
        select distinct x, 0, now(), '-infinity'::timestamptz from unnest(r_timeline) as x order by 1
        on conflict (timeline_id) do nothing
        returning timeline_id)
    select coalesce(array_agg(timeline_id), '{}') into created from inserted;

    select array_agg(l.timeline_id order by l.timeline_id), array_agg(l.version order by l.timeline_id),
           array_agg(l.updated_at order by l.timeline_id)
    into lines, versions, stamps
    from (select tl.timeline_id, tl.version, tl.updated_at from timeline tl where tl.timeline_id = any (r_timeline)
          order by tl.timeline_id for update) as l;

    select coalesce(array_agg(j.event_id), '{}'), coalesce(array_agg(e.req), '{}') into known_ids, known_reqs
    from journal j join unnest(e_ids, e_req) as e (id, req) on e.id = j.event_id;

    for i in 1 .. cardinality(r_timeline) loop
        n := r_count[i];
        ids := e_ids[off + 1 : off + n];
        off := off + n;
        t := array_position(lines, r_timeline[i]);
        v := versions[t];
        if i = any (known_reqs) then
            return query select i, 'known', v, j.event_id, j.timeline_id, j.sequence, j.content_hash, j.recorded_at
                         from journal j where j.event_id = any (ids);
        elsif ids && taken then
            return query select i, 'again', v, null::uuid, null::varchar, null::bigint, null::varchar,
                                null::timestamptz;
        elsif v < r_min[i] or v > r_max[i] then
            return query select i, 'conflict', v, null::uuid, null::varchar, null::bigint, null::varchar,
                                null::timestamptz;
        elsif r_recorded[i] < stamps[t] then
            return query select i, 'again', v, null::uuid, null::varchar, null::bigint, null::varchar,
                                null::timestamptz;
        else
            taken := taken || ids;
            acc_req := acc_req || i;
            acc_base := acc_base || v;
            versions[t] := v + n;
            stamps[t] := r_recorded[i];
            return query select i, 'appended', v + n, null::uuid, null::varchar, null::bigint, null::varchar,
                                null::timestamptz;
        end if;
    end loop;

    if cardinality(acc_req) > 0 then
        update timeline tl set version = x.version, updated_at = x.stamp
        from unnest(lines, versions, stamps) as x (timeline_id, version, stamp)
        where tl.timeline_id = x.timeline_id and tl.version <> x.version;

        insert into journal (event_id, timeline_id, sequence, event_type, occurred_at, recorded_at, content_hash,
                             payload)
        select e.id, r_timeline[e.req], a.base + e.pos, e.type, e.occurred, r_recorded[e.req], e.hash,
               e.head || (a.base + e.pos) || e.tail
        from unnest(e_ids, e_req, e_pos, e_types, e_occurred, e_hashes, e_heads, e_tails)
                 as e (id, req, pos, type, occurred, hash, head, tail)
        join unnest(acc_req, acc_base) as a (req, base) on a.req = e.req
        order by a.req, e.pos;

        insert into outbox (timeline_id, from_sequence, to_sequence, created_at, request_id, traceparent,
                            payload_bytes)
        select r_timeline[a.req], a.base + 1, a.base + count(*), r_recorded[a.req], r_request_id[a.req],
               r_traceparent[a.req], sum(octet_length(e.head) + octet_length(e.tail) + 20)
        from unnest(acc_req, acc_base) with ordinality as a (req, base, ord)
        join unnest(e_req, e_heads, e_tails) as e (req, head, tail) on e.req = a.req
        group by a.req, a.base, a.ord
        order by a.ord;
    end if;

    delete from timeline tl where tl.timeline_id = any (created) and tl.version = 0;
end;
$$;
