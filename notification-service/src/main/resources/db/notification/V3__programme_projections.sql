-- What notification knows of products, certificates, listings and purchase requests: just enough
-- of each, from the events, to say who a thin event concerns (a rejection or a revocation names
-- only a product or a certificate) and where it counts on the dashboard.

create table product (
    product_id  uuid        primary key,
    producer_id uuid        not null,
    name        text        not null,
    province    text        not null,
    -- the time of the newest fact applied, so a late older event does not overwrite a newer one
    as_of       timestamptz not null
);

-- Rejections that arrived before anything told this service whose product it was (the events
-- travel on different topics); applied as soon as the product becomes known.
create table pending_rejection (
    event_id    uuid        primary key,
    product_id  uuid        not null,
    body        jsonb       not null,
    received_at timestamptz not null default now()
);

create index pending_rejection_by_product on pending_rejection (product_id);

create table certificate (
    certificate_no   text        primary key,
    product_id       uuid        not null,
    producer_id      uuid        not null,
    product_name     text        not null,
    province         text        not null,
    stars            int         not null,
    level            text        not null,
    valid_until      date        not null,
    status           text        not null check (status in ('ACTIVE', 'REVOKED', 'EXPIRED')),
    certified_at     timestamptz not null,
    -- when the producer was told the certificate expires soon (once per certificate)
    expiry_notice_at timestamptz
);

create index certificate_coming_expiry on certificate (valid_until)
    where status = 'ACTIVE' and expiry_notice_at is null;

-- Listings keyed by id, so a withdrawal (which does not carry the group) knows what to take off
-- the active counts, and a repeated or late event is counted once.
create table active_listing (
    listing_id   uuid        primary key,
    product_group int,
    province     text,
    created_at   timestamptz,
    withdrawn_at timestamptz
);

create table purchase_request (
    request_id uuid        primary key,
    province   text,
    posted_at  timestamptz,
    closed_at  timestamptz
);
