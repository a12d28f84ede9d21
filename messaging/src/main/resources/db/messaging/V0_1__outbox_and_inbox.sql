-- Shared by every service: located before the service's own migrations (version 0.x).

-- Events written in the same transaction as the state change that caused them; the relay
-- publishes them in id order and stamps published_at. The payload is kept as the exact JSON text.
create table outbox_event (
    id           bigserial   primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    source       text        not null,
    occurred_at  timestamptz not null,
    payload      text        not null,
    created_at   timestamptz not null default clock_timestamp(),
    published_at timestamptz
);

create index outbox_event_pending on outbox_event (id) where published_at is null;

-- Event ids a consumer has applied, written in the transaction of the effect: a redelivered
-- event finds its id here and changes nothing.
create table inbox_event (
    consumer   text        not null,
    event_id   uuid        not null,
    event_type text        not null,
    applied_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
