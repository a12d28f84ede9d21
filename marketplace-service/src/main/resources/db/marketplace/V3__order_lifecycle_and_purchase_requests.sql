alter table purchase_order
    add column province      text,
    add column retailer_name text,
    add column status_reason text,
    add column updated_at    timestamptz not null default now();

update purchase_order o set province = l.province from listing l where l.id = o.listing_id and o.province is null;
update purchase_order o set retailer_name = r.name from retailer r where r.id = o.retailer_id and o.retailer_name is null;

alter table purchase_order
    alter column province set not null,
    alter column retailer_name set not null,
    add constraint purchase_order_status check (status in ('PLACED', 'ACCEPTED', 'REJECTED', 'SHIPPED', 'DELIVERED', 'CANCELLED'));

-- What a retailer wants to buy. query_words are the normalised words of query, kept so that a
-- new listing can be matched against every open request in one statement.
create table purchase_request (
    id            uuid        primary key,
    retailer_id   uuid        not null references retailer (id),
    product_group int         check (product_group between 1 and 6),
    query         text,
    query_words   text[]      not null default '{}',
    min_stars     int         check (min_stars between 1 and 5),
    quantity      int         not null check (quantity > 0),
    unit          text        not null,
    max_price_vnd bigint      check (max_price_vnd >= 0),
    province      text,
    needed_by     date,
    status        text        not null check (status in ('OPEN', 'FULFILLED', 'CANCELLED', 'EXPIRED')),
    created_at    timestamptz not null default now(),
    closed_at     timestamptz
);

create index purchase_request_open on purchase_request (created_at) where status = 'OPEN';
create index purchase_request_by_retailer on purchase_request (retailer_id, created_at desc, id desc);

-- One match per request and producer: the producer hears of a request once, however many of
-- its listings match or change.
create table demand_match (
    request_id    uuid        not null references purchase_request (id),
    producer_id   uuid        not null,
    producer_name text        not null,
    listing_ids   uuid[]      not null,
    product_names text[]      not null,
    matched_at    timestamptz not null default now(),
    primary key (request_id, producer_id)
);
