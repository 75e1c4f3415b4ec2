-- Reliability of the read side: per-timeline watermarks for waitFor, the records each generation dead-lettered,
-- and the rebuild ledger every instance sees.

-- Per generation and timeline: the highest sequence the projector has processed (applied, skipped as a
-- duplicate, or dead-lettered), so that waitFor also ends for a position whose last event was dead-lettered.
create table read_watermark (
    generation  int          not null,
    timeline_id varchar(128) not null,
    processed   bigint       not null,
    primary key (generation, timeline_id)
);
insert into read_watermark (generation, timeline_id, processed)
select generation, timeline_id, version from read_timeline;

-- Every record a generation's runner dead-lettered (written in the batch transaction): a rebuild proves with it
-- that whatever the live generation holds is either in the rebuilt generation or dead-lettered by it.
create table read_dead_letter (
    generation    int          not null,
    topic         varchar(249) not null,
    partition     int          not null,
    record_offset bigint       not null,
    event_id      uuid,
    timeline_id   varchar(128),
    sequence      bigint,
    reason        varchar(32)  not null,
    primary key (generation, topic, partition, record_offset)
);
create index read_dead_letter_event_ix on read_dead_letter (generation, event_id);

-- One row per rebuild: its state, who runs it, its counts and, when it ended without switching, why.
create type projection_rebuild_state as enum ('rebuilding', 'switched', 'refused', 'abandoned', 'superseded');
create table projection_rebuild (
    generation     int                      primary key,
    projection     varchar(64)              not null,
    state          projection_rebuild_state not null,
    started_at     timestamptz              not null,
    updated_at     timestamptz              not null,
    owner          varchar(200),
    applied        bigint                   not null default 0,
    dead_lettered  bigint                   not null default 0,
    live_events    bigint,
    rebuilt_events bigint,
    rejected_live  bigint,
    missing        bigint,
    reason         text
);
create index projection_rebuild_state_ix on projection_rebuild (projection, state);
