create table event_log (
    event_id    uuid        primary key,
    type        text        not null,
    source      text        not null,
    subject     text,
    time        timestamptz not null,
    topic       text        not null,
    province    text,
    body        jsonb       not null,
    received_at timestamptz not null default now()
);

create index event_log_by_time on event_log (time desc, event_id desc);
create index event_log_by_type on event_log (type, time desc);
create index event_log_by_subject on event_log (subject, time desc);

-- Counters per day, province and metric, kept current by the consumers: the dashboard sums
-- a few rows instead of scanning the event log.
create table dashboard_daily (
    day      date   not null,
    province text   not null,
    metric   text   not null,
    value    bigint not null,
    primary key (metric, day, province)
);

create table lead (
    id           uuid        primary key,
    producer_id  uuid        not null,
    kind         text        not null check (kind in ('ORDER', 'DEMAND_MATCH')),
    source_id    uuid        not null,
    buyer_id     uuid        not null,
    buyer_name   text        not null,
    product_id   uuid,
    product_name text,
    quantity     int,
    unit         text,
    value_vnd    bigint,
    status       text        not null check (status in ('NEW', 'CONTACTED', 'WON', 'LOST')),
    occurred_at  timestamptz not null,
    unique (kind, source_id)
);

create index lead_by_producer on lead (producer_id, occurred_at desc, id desc);
