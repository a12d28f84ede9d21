create extension if not exists unaccent;

-- A listing is a projection of certification: created and changed only by events.
create table listing (
    id                  uuid        primary key,
    product_id          uuid        not null unique,
    producer_id         uuid        not null,
    producer_name       text        not null,
    name                text        not null,
    product_group       int         not null,
    subgroup            text        not null,
    description         text,
    story               text,
    unit                text        not null,
    wholesale_price_vnd bigint      not null,
    min_order_quantity  int         not null,
    province            text        not null,
    commune             text,
    stars               int         not null,
    score               numeric(5, 2) not null,
    certificate_no      text        not null,
    valid_until         date        not null,
    -- When the certificate that shaped this listing was issued: older certificates arriving
    -- late never overwrite a newer one.
    certified_at        timestamptz not null,
    status              text        not null check (status in ('ACTIVE', 'WITHDRAWN')),
    search_text         text        not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create index listing_active_newest on listing (created_at desc, id desc) where status = 'ACTIVE';

create table retailer (
    id         uuid        primary key,
    name       text        not null,
    type       text        not null check (type in ('SUPERMARKET_CHAIN', 'STORE', 'DISTRIBUTOR', 'ONLINE_SHOP')),
    tax_code   text        not null unique,
    province   text        not null,
    address    text,
    email      text,
    created_at timestamptz not null default now()
);

create table purchase_order (
    id                uuid        primary key,
    retailer_id       uuid        not null references retailer (id),
    listing_id        uuid        not null references listing (id),
    product_id        uuid        not null,
    producer_id       uuid        not null,
    product_name      text        not null,
    quantity          int         not null check (quantity > 0),
    unit              text        not null,
    unit_price_vnd    bigint      not null,
    total_vnd         bigint      not null,
    delivery_province text        not null,
    delivery_address  text        not null,
    note              text,
    status            text        not null,
    idempotency_key   text,
    created_at        timestamptz not null default now(),
    unique (retailer_id, idempotency_key)
);

create index purchase_order_by_retailer on purchase_order (retailer_id, created_at desc, id desc);
create index purchase_order_by_producer on purchase_order (producer_id, created_at desc, id desc);
