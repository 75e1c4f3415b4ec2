-- The event-type registry (issue 11): event types and their versioned JSON Schemas live here, not in files.
--   * event_type: one row per type, with its latest version and whether it is deprecated. revision says when the
--     row last changed; every change takes the next value of event_type_registry.revision (a single row, so
--     registrations are serialised and revisions follow commit order). Instances poll "revision > last seen".
--   * event_type_version: the versions of a type, immutable once written. schema_document is the data schema
--     exactly as GET /v1/event-types/{type}/versions/{n} answers it; content_hash covers schema, examples and
--     upcast, so registering the same definition again is recognised as a no-op.
--   * journal.type_version: the version each event's data was validated against (events written before the
--     registry were validated against version 1). The append function takes it as e_versions, last and with a
--     default, so that instances still running the previous release (19 arguments) keep appending during a
--     rolling deploy: their events are version 1, which is what they validated against.

create table event_type_registry (
    singleton boolean primary key default true check (singleton),
    revision  bigint  not null
);
insert into event_type_registry (revision) values (0);

create table event_type (
    event_type     varchar(100)  primary key,
    title          varchar(200)  not null,
    description    varchar(2000) not null,
    latest_version int           not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    deprecated_at  timestamptz,
    revision       bigint        not null
);
create index event_type_revision_ix on event_type (revision);

create table event_type_version (
    event_type      varchar(100) not null references event_type (event_type),
    version         int          not null,
    schema_document text         not null,
    examples        text         not null,
    upcast          text,
    content_hash    varchar(64)  not null,
    created_at      timestamptz  not null,
    primary key (event_type, version),
    constraint event_type_version_positive check (version > 0)
);

alter table journal add column type_version int not null default 1;

drop function annals_append(varchar[], bigint[], bigint[], int[], timestamptz[], varchar[], varchar[], int[], int[],
                            uuid[], varchar[], timestamptz[], varchar[], text[], text[], varchar[], varchar[],
                            interval, text);

create function annals_append(r_timeline varchar[], r_min bigint[], r_max bigint[], r_count int[],
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
                             content_hash, payload)
        select e.id, r_timeline[e.req], a.base + e.pos, e.type, coalesce(e.type_version, 1), e.occurred,
               r_recorded[e.req], e.hash,
               e.head || (a.base + e.pos) || e.tail
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
