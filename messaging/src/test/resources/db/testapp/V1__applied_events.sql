-- What the test handler did, one row per application. Deliberately not unique: an event applied
-- twice shows up as two rows.
create table applied_event (
    event_id   uuid        not null,
    product_id uuid        not null,
    applied_at timestamptz not null default now(), -- the applying transaction's start
    position   bigint      generated always as identity
);

create index applied_event_event_id on applied_event (event_id);
