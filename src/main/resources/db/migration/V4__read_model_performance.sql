-- Read-model performance: the projector writes read_event with one set-based statement per batch, so the
-- surrogate id (and its sequence) has no use; (generation, event_id) becomes the primary key.
alter table read_event drop column id;
drop sequence read_event_seq;
alter table read_event drop constraint read_event_id_uk,
    add constraint read_event_pkey primary key (generation, event_id);

-- An index for every filter that can end in the keyset order (occurred_at, timeline_id, sequence), so a page is a
-- range scan that stops after `limit` rows. occurred_from/occurred_until trail the key (they never change the
-- order: sequence is unique per timeline) so that a from/to window is checked in the index, not in the heap,
-- while the scan runs from the window's indexable bound on occurred_at (see PrecisionInterval.MAX_LENGTH).
drop index read_event_order_ix;
create index read_event_order_ix
    on read_event (generation, occurred_at, timeline_id, sequence, occurred_from, occurred_until);
create index read_event_timeline_ix
    on read_event (generation, timeline_id, occurred_at, sequence, occurred_from, occurred_until);
drop index read_event_type_ix;
create index read_event_type_ix
    on read_event (generation, event_type, occurred_at, timeline_id, sequence, occurred_from, occurred_until);

-- Actor, tag, source and word filters choose between walking the order index and collecting the GIN matches
-- by how selective the value is: keep the statistics fresh while the table grows.
alter table read_event set (autovacuum_analyze_scale_factor = 0.02);

-- Actors with how many events name them (an event naming an actor twice counts twice, as the recount does),
-- maintained by the projector from the rows each batch inserts; answers /v1/actors when no filter is given.
create table read_actor (
    generation  int          not null,
    actor_id    varchar(128) not null,
    name        text         not null,
    event_count bigint       not null,
    primary key (generation, actor_id)
);
insert into read_actor (generation, actor_id, name, event_count)
select e.generation, a.id, max(a.name), count(*)
from read_event e cross join lateral unnest(e.actor_ids, e.actor_names) as a(id, name)
group by e.generation, a.id;
