-- Carries the caller's request id and W3C traceparent from the append to the Kafka record headers.
alter table outbox add column request_id varchar(200);
alter table outbox add column traceparent varchar(55);
