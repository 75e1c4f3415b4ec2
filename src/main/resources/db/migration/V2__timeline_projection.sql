-- The read side: a projection of the topic annals.events. Rows carry a generation so that a rebuild can fill
-- generation g+1 while queries keep reading the active generation g (blue/green), then switch atomically.

create table projection_state (
    projection          varchar(64) primary key,
    active_generation   int         not null,
    building_generation int,
    updated_at          timestamptz not null
);
insert into projection_state (projection, active_generation, updated_at) values ('timeline', 1, now());

-- Next offset to consume per partition, committed in the same transaction as the read-model changes.
create table projection_offset (
    projection  varchar(64)  not null,
    generation  int          not null,
    topic       varchar(249) not null,
    partition   int          not null,
    next_offset bigint       not null,
    primary key (projection, generation, topic, partition)
);

create sequence read_event_seq increment by 50;
create table read_event (
    id                    bigint       primary key,
    generation            int          not null,
    event_id              uuid         not null,
    timeline_id           varchar(128) not null,
    sequence              bigint       not null,
    event_type            varchar(100) not null,
    occurred_at           timestamptz  not null,
    occurred_at_precision varchar(10)  not null,
    -- the interval the precision allows: [occurred_from, occurred_until)
    occurred_from         timestamptz  not null,
    occurred_until        timestamptz  not null,
    recorded_at           timestamptz  not null,
    title                 varchar(200) not null,
    actor_ids             text[]       not null,
    actor_names           text[]       not null,
    publishers            text[]       not null,
    tags                  text[]       not null,
    search_text           text         not null,
    search                tsvector generated always as (to_tsvector('english', search_text)) stored,
    payload               text         not null,
    constraint read_event_id_uk unique (generation, event_id),
    constraint read_event_sequence_uk unique (generation, timeline_id, sequence)
);
create index read_event_order_ix on read_event (generation, occurred_at, timeline_id, sequence);
create index read_event_type_ix on read_event (generation, event_type);
create index read_event_actors_ix on read_event using gin (actor_ids);
create index read_event_tags_ix on read_event using gin (tags);
create index read_event_publishers_ix on read_event using gin (publishers);
create index read_event_search_ix on read_event using gin (search);

create table read_timeline (
    generation        int          not null,
    timeline_id       varchar(128) not null,
    event_count       bigint       not null,
    version           bigint       not null,
    first_occurred_at timestamptz  not null,
    last_occurred_at  timestamptz  not null,
    primary key (generation, timeline_id)
);
