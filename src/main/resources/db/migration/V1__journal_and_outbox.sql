-- The write side: timelines, the append-only journal, and the transactional outbox.

create table timeline (
    timeline_id varchar(128) primary key,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- One row per event, never updated or deleted. payload is the event JSON, byte for byte as published.
create table journal (
    event_id     uuid         primary key,
    timeline_id  varchar(128) not null references timeline (timeline_id),
    sequence     bigint       not null,
    event_type   varchar(100) not null,
    occurred_at  timestamptz  not null,
    recorded_at  timestamptz  not null,
    content_hash varchar(64)  not null,
    payload      text         not null,
    constraint journal_timeline_sequence_uk unique (timeline_id, sequence),
    constraint journal_sequence_positive check (sequence > 0)
);

-- One row per append still to be published: events from_sequence..to_sequence of a timeline.
-- The identity id follows commit order per timeline, because appends to one timeline are serialised
-- by a row lock on timeline; the relay publishes rows in id order.
create table outbox (
    id            bigint generated always as identity primary key,
    timeline_id   varchar(128) not null references timeline (timeline_id),
    from_sequence bigint       not null,
    to_sequence   bigint       not null,
    created_at    timestamptz  not null,
    constraint outbox_range check (from_sequence <= to_sequence)
);
