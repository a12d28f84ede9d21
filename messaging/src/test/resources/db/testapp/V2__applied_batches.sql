-- What the test batch handler did: one row per event applied, with the call that applied it.
create table applied_batch_event (
    event_id   uuid    not null,
    product_id uuid    not null,
    call_no    bigint  not null,
    position   bigint  generated always as identity
);

create index applied_batch_event_event_id on applied_batch_event (event_id);

-- What the test batch start saw: one row per new event it was told of, with the call.
create table batch_start_event (
    event_id uuid   not null,
    call_no  bigint not null
);
