-- Read-model performance: the projector writes read_event with one set-based statement per batch, so the
-- surrogate id (and its sequence) has no use; (generation, event_id) becomes the primary key.
alter table read_event drop column id;
drop sequence read_event_seq;
alter table read_event drop constraint read_event_id_uk,
    add constraint read_event_pkey primary key (generation, event_id);
