-- Issue 13: facets and histograms, the reliability filter, timeline metadata.

-- The reliabilities of an event's sources (distinct, sorted), for the reliability filter and facet.
alter table read_event add column if not exists reliabilities text[] not null default '{}';
alter table read_event_revision add column if not exists reliabilities text[] not null default '{}';
update read_event set reliabilities = array(
        select distinct s ->> 'reliability' from jsonb_array_elements(payload::jsonb -> 'sources') s
        where s ->> 'reliability' is not null order by 1)
    where jsonb_typeof(payload::jsonb -> 'sources') = 'array';
update read_event_revision set reliabilities = array(
        select distinct s ->> 'reliability' from jsonb_array_elements(payload::jsonb -> 'sources') s
        where s ->> 'reliability' is not null order by 1)
    where jsonb_typeof(payload::jsonb -> 'sources') = 'array';
create index if not exists read_event_reliabilities_ix on read_event using gin (reliabilities);

-- Maintained counts of the current view (events not retracted) of each generation, by facet value, so that the
-- facets of all events answer without counting them. Kept by the statement triggers below, whatever writes
-- read_event (a batch insert, a correction, a retraction); a dropped generation's rows go with it.
create table read_facet (
    generation  int         not null,
    facet       varchar(16) not null,
    value       text        not null,
    event_count bigint      not null,
    primary key (generation, facet, value)
);

-- The same for the histogram: events by the UTC hour of the middle of the interval their precision allows (a day
-- in any zone with a whole-hour offset is a union of such hours), and by precision: month, year, or 'day' for day
-- and finer (never coarser than a bucket, so they need not be told apart).
create table read_histogram (
    generation  int         not null,
    precision   varchar(10) not null,
    bucket      timestamptz not null,
    event_count bigint      not null,
    primary key (generation, precision, bucket)
);

-- d: +1 for a row entering the current view, -1 for one leaving it (or changing); groups that net to zero are
-- skipped, and keys are locked in order, so concurrent batches cannot deadlock on shared counters.
create function annals_facets_apply() returns trigger language plpgsql as $$
declare
    delta text := case tg_op
        when 'INSERT' then 'select *, 1 as d from new_rows where retracted_at is null'
        else 'select *, 1 as d from new_rows where retracted_at is null
              union all select *, -1 as d from old_rows where retracted_at is null' end;
begin
    execute 'insert into read_facet (generation, facet, value, event_count)
        select generation, facet, value, sum(d) from (
            select generation, ''type'' as facet, event_type as value, d from (' || delta || ') e
            union all select generation, ''actor'', v, d from (' || delta || ') e, unnest(actor_ids) v
            union all select generation, ''tag'', v, d from (' || delta || ') e, unnest(tags) v
            union all select generation, ''publisher'', v, d from (' || delta || ') e, unnest(publishers) v
            union all select generation, ''reliability'', v, d from (' || delta || ') e, unnest(reliabilities) v
        ) f
        group by generation, facet, value having sum(d) <> 0
        order by generation, facet, value
        on conflict (generation, facet, value)
        do update set event_count = read_facet.event_count + excluded.event_count';
    execute 'insert into read_histogram (generation, precision, bucket, event_count)
        select generation, case when occurred_at_precision in (''month'', ''year'') then occurred_at_precision
                                else ''day'' end,
               date_trunc(''hour'', occurred_from + (occurred_until - occurred_from) / 2, ''UTC''), sum(d)
        from (' || delta || ') e
        group by 1, 2, 3 having sum(d) <> 0
        order by 1, 2, 3
        on conflict (generation, precision, bucket)
        do update set event_count = read_histogram.event_count + excluded.event_count';
    return null;
end $$;

create trigger read_event_facets_insert after insert on read_event
    referencing new table as new_rows for each statement execute function annals_facets_apply();
create trigger read_event_facets_update after update on read_event
    referencing old table as old_rows new table as new_rows for each statement execute function annals_facets_apply();

insert into read_facet (generation, facet, value, event_count)
    select generation, facet, value, count(*) from (
        select generation, 'type' as facet, event_type as value from read_event where retracted_at is null
        union all select generation, 'actor', v from read_event, unnest(actor_ids) v where retracted_at is null
        union all select generation, 'tag', v from read_event, unnest(tags) v where retracted_at is null
        union all select generation, 'publisher', v from read_event, unnest(publishers) v where retracted_at is null
        union all select generation, 'reliability', v from read_event, unnest(reliabilities) v
            where retracted_at is null
    ) f group by 1, 2, 3;
insert into read_histogram (generation, precision, bucket, event_count)
    select generation, case when occurred_at_precision in ('month', 'year') then occurred_at_precision else 'day' end,
           date_trunc('hour', occurred_from + (occurred_until - occurred_from) / 2, 'UTC'), count(*)
    from read_event where retracted_at is null group by 1, 2, 3;

-- What a writer says a timeline is: shown by GET /v1/timelines and the web view. Not projected (it is not an
-- event of the story), so it survives rebuilds.
create table timeline_metadata (
    timeline_id varchar(128) primary key,
    title       varchar(200) not null,
    description varchar(2000),
    tags        text[]       not null default '{}',
    updated_at  timestamptz  not null,
    updated_by  text
);
