-- How a recipient (producer:{id}, retailer:{id}, office:{province}) wants to hear from us,
-- besides the inbox. The webhook secret signs webhook bodies; it is never returned after creation.
create table recipient_channel (
    recipient      text        primary key,
    email          text,
    webhook_url    text,
    webhook_secret text,
    language       text        not null check (language in ('vi', 'en')),
    updated_at     timestamptz not null
);

-- What happened to a recipient, as facts; the text is rendered from templates at read time, in
-- the reader's language. dedupe_key (the event id, or the cause of a scheduled notice) makes
-- every message happen once per recipient, whatever is redelivered.
create table inbox_message (
    id          uuid        primary key,
    recipient   text        not null,
    kind        text        not null,
    facts       jsonb       not null,
    dedupe_key  text        not null,
    occurred_at timestamptz not null,
    created_at  timestamptz not null default now(),
    read_at     timestamptz,
    unique (recipient, kind, dedupe_key)
);

create index inbox_message_by_recipient on inbox_message (recipient, occurred_at desc, id desc);
create index inbox_message_unread on inbox_message (recipient, occurred_at desc, id desc) where read_at is null;

-- A retailer's saved search for new supply. province_key and query_key are lower-case and
-- without diacritics, so "ha giang" matches "Hà Giang".
create table subscription (
    id           uuid        primary key,
    retailer_id  uuid        not null,
    product_group int,
    province     text,
    province_key text,
    min_stars    int,
    query        text,
    query_key    text,
    email        text,
    webhook_url  text,
    created_at   timestamptz not null
);

create index subscription_by_retailer on subscription (retailer_id, created_at desc, id desc);
