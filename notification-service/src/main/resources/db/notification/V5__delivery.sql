-- Deliveries of inbox messages by e-mail and webhook: written in the transaction that creates the
-- message (an outbox), sent afterwards by a worker that claims rows with FOR UPDATE SKIP LOCKED
-- and a lease, so several instances share the work and a crashed sender's rows come back.
create table delivery (
    id              uuid        primary key,
    message_id      uuid        not null references inbox_message (id),
    recipient       text        not null,
    channel         text        not null check (channel in ('EMAIL', 'WEBHOOK')),
    target          text        not null,
    -- what fails together: the SMTP server, or a webhook's scheme://host:port
    endpoint        text        not null,
    language        text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    unique (message_id, channel, target)
);

create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_by_recipient on delivery (recipient, created_at desc, id desc);

-- Every attempt, for inspection.
create table delivery_attempt (
    id           bigserial   primary key,
    delivery_id  uuid        not null references delivery (id),
    attempt      int         not null,
    attempted_at timestamptz not null,
    outcome      text        not null check (outcome in ('SENT', 'FAILED')),
    status_code  int,
    error        text,
    duration_ms  bigint      not null
);

create index delivery_attempt_by_delivery on delivery_attempt (delivery_id, attempt);

-- Endpoints that keep failing are left alone until blocked_until: their pending deliveries wait
-- instead of each hammering a receiver that is down.
create table delivery_endpoint (
    endpoint             text        primary key,
    consecutive_failures int         not null,
    blocked_until        timestamptz not null
);
