-- Corrections and retractions (event-corrected, event-retracted), as-of queries, the change feed and the live feed.

-- The write side finds the corrections and retractions of an event by the event they name. Computed from the
-- payload only for those two types; anything that is not a UUID names nothing.
create function annals_subject(event_type varchar, payload text) returns uuid
    language sql immutable parallel safe
as $$
    select case
        when event_type in ('event-corrected', 'event-retracted')
             and (payload::jsonb -> 'data' ->> 'eventId') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        then (payload::jsonb -> 'data' ->> 'eventId')::uuid
    end
$$;
-- A plain column (adding it rewrites nothing; no stored event is a change yet), set by annals_append below.
-- Building an index blocks writes to its table while it runs: on a large journal or read model, add these columns
-- and create these indexes beforehand (CREATE INDEX CONCURRENTLY, same names); this migration then skips them.
alter table journal add column if not exists subject_id uuid;
create index if not exists journal_subject_ix on journal (subject_id) where subject_id is not null;

-- read_event holds the current view of every event: corrections applied in place, a retracted event kept and
-- marked. Where the event's record sits on the topic lets the live feed resume from a per-partition position.
alter table read_event
    add column if not exists revisions         int not null default 0,
    add column if not exists corrected_at      timestamptz,
    add column if not exists retracted_at      timestamptz,
    add column if not exists retraction_reason text,
    add column if not exists change_sequence   bigint,
    add column if not exists record_partition  int,
    add column if not exists record_offset     bigint;
create index if not exists read_event_record_ix on read_event (generation, record_partition, record_offset);
create index if not exists read_event_changed_ix on read_event (generation, timeline_id, change_sequence)
    where change_sequence is not null;
create index if not exists read_event_retracted_ix on read_event (generation) where retracted_at is not null;

-- Every superseded version of an event, known during [known_from, known_until) of recorded time: an as-of query
-- reads the current rows known by then and these. Small (only corrected or retracted events have rows here).
create table read_event_revision (like read_event including defaults including generated);
alter table read_event_revision
    add column known_from  timestamptz not null,
    add column known_until timestamptz not null,
    add constraint read_event_revision_pkey primary key (generation, event_id, revisions);
create index read_event_revision_order_ix
    on read_event_revision (generation, occurred_at, timeline_id, sequence);
create index read_event_revision_timeline_ix
    on read_event_revision (generation, timeline_id, occurred_at, sequence);

-- Every correction and retraction the projection processed, in the generation that processed it: applied, or
-- ignored with the reason (a target it does not hold, one already retracted, a correction whose result is
-- invalid). Feeds an event's history, the change feed and the live feed; a duplicate record is skipped by its id.
create table read_change (
    generation       int          not null,
    change_id        uuid         not null,
    event_id         uuid         not null,
    timeline_id      varchar(128) not null,
    change_sequence  bigint       not null,
    kind             varchar(16)  not null,
    outcome          varchar(16)  not null,
    ignored_reason   text,
    recorded_at      timestamptz  not null,
    record_partition int,
    record_offset    bigint,
    payload          text         not null,
    primary key (generation, change_id)
);
create index read_change_event_ix on read_change (generation, event_id, change_sequence);
create index read_change_timeline_ix on read_change (generation, timeline_id, change_sequence);
create index read_change_record_ix on read_change (generation, record_partition, record_offset);

-- annals_append as in V8, but every journal row records the event a change names (subject_id)
create or replace function annals_append(r_timeline varchar[], r_min bigint[], r_max bigint[], r_count int[],
                              r_recorded timestamptz[], r_request_id varchar[], r_traceparent varchar[],
                              e_req int[], e_pos int[], e_ids uuid[], e_types varchar[], e_occurred timestamptz[],
                              e_hashes varchar[], e_heads text[], e_tails text[],
                              r_key varchar[], r_fingerprint varchar[], p_key_retention interval,
                              p_lock_timeout text, e_versions int[] default null)
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
    key_reqs int[] := '{}';
    key_prints varchar[] := '{}';
    key_froms bigint[] := '{}';
    key_tos bigint[] := '{}';
    taken uuid[] := '{}';
    taken_keys text[] := '{}';
    acc_req int[] := '{}';
    acc_base bigint[] := '{}';
    ids uuid[];
    off int := 0;
    i int;
    k int;
    t int;
    n int;
    v bigint;
begin
    perform set_config('lock_timeout', p_lock_timeout, true);

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

    -- keys are looked up after the locks, so a key committed by a concurrent append is seen
    if exists (select 1 from unnest(r_key) as x where x is not null) then
        select coalesce(array_agg(r.req), '{}'), coalesce(array_agg(a.fingerprint), '{}'),
               coalesce(array_agg(a.from_sequence), '{}'), coalesce(array_agg(a.to_sequence), '{}')
        into key_reqs, key_prints, key_froms, key_tos
        from unnest(r_timeline, r_key) with ordinality as r (timeline_id, key, req)
        join append_idempotency a on a.timeline_id = r.timeline_id and a.idempotency_key = r.key
        where a.created_at > now() - p_key_retention;
    end if;

    for i in 1 .. cardinality(r_timeline) loop
        n := r_count[i];
        ids := e_ids[off + 1 : off + n];
        off := off + n;
        t := array_position(lines, r_timeline[i]);
        v := versions[t];
        k := array_position(key_reqs, i::int);
        if k is not null and key_prints[k] = r_fingerprint[i] then
            return query select i, 'keyed', key_tos[k], j.event_id, j.timeline_id, j.sequence, j.content_hash,
                                j.recorded_at
                         from journal j
                         where j.timeline_id = r_timeline[i] and j.sequence between key_froms[k] and key_tos[k];
        elsif k is not null then
            return query select i, 'key-conflict', v, null::uuid, null::varchar, null::bigint, null::varchar,
                                null::timestamptz;
        elsif i = any (known_reqs) then
            return query select i, 'known', v, j.event_id, j.timeline_id, j.sequence, j.content_hash, j.recorded_at
                         from journal j where j.event_id = any (ids);
        elsif ids && taken or r_key[i] is not null and (r_timeline[i] || ' ' || r_key[i]) = any (taken_keys) then
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
            if r_key[i] is not null then
                taken_keys := taken_keys || (r_timeline[i] || ' ' || r_key[i]);
            end if;
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

        insert into journal (event_id, timeline_id, sequence, event_type, type_version, occurred_at, recorded_at,
                             content_hash, payload, subject_id)
        select e.id, r_timeline[e.req], a.base + e.pos, e.type, coalesce(e.type_version, 1), e.occurred,
               r_recorded[e.req], e.hash,
               e.head || (a.base + e.pos) || e.tail,
               annals_subject(e.type, e.head || (a.base + e.pos) || e.tail)
        from unnest(e_ids, e_req, e_pos, e_types, e_versions, e_occurred, e_hashes, e_heads, e_tails)
                 as e (id, req, pos, type, type_version, occurred, hash, head, tail)
        join unnest(acc_req, acc_base) as a (req, base) on a.req = e.req
        order by e.id;

        insert into outbox (timeline_id, from_sequence, to_sequence, created_at, request_id, traceparent,
                            payload_bytes)
        select r_timeline[a.req], a.base + 1, a.base + count(*), r_recorded[a.req], r_request_id[a.req],
               r_traceparent[a.req], sum(octet_length(e.head) + octet_length(e.tail) + 20)
        from unnest(acc_req, acc_base) with ordinality as a (req, base, ord)
        join unnest(e_req, e_heads, e_tails) as e (req, head, tail) on e.req = a.req
        group by a.req, a.base, a.ord
        order by a.ord;

        -- an expired key not yet purged is taken over
        insert into append_idempotency (timeline_id, idempotency_key, fingerprint, from_sequence, to_sequence,
                                        created_at)
        select r_timeline[a.req], r_key[a.req], r_fingerprint[a.req], a.base + 1, a.base + r_count[a.req], now()
        from unnest(acc_req, acc_base) as a (req, base)
        where r_key[a.req] is not null
        order by 1, 2
        on conflict (timeline_id, idempotency_key) do update
            set fingerprint = excluded.fingerprint, from_sequence = excluded.from_sequence,
                to_sequence = excluded.to_sequence, created_at = excluded.created_at;
    end if;

    delete from timeline tl where tl.timeline_id = any (created) and tl.version = 0;
end;
$$;
