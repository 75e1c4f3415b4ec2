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
alter table journal add column subject_id uuid generated always as (annals_subject(event_type, payload)) stored;
create index journal_subject_ix on journal (subject_id) where subject_id is not null;

-- read_event holds the current view of every event: corrections applied in place, a retracted event kept and
-- marked. Where the event's record sits on the topic lets the live feed resume from a per-partition position.
alter table read_event
    add column revisions         int not null default 0,
    add column corrected_at      timestamptz,
    add column retracted_at      timestamptz,
    add column retraction_reason text,
    add column change_sequence   bigint,
    add column record_partition  int,
    add column record_offset     bigint;
create index read_event_record_ix on read_event (generation, record_partition, record_offset);
create index read_event_changed_ix on read_event (generation, timeline_id, change_sequence)
    where change_sequence is not null;
create index read_event_retracted_ix on read_event (generation) where retracted_at is not null;

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
