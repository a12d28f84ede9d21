create table producer (
    id         uuid        primary key,
    name       text        not null,
    type       text        not null check (type in ('ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD_BUSINESS')),
    tax_code   text        not null unique,
    province   text        not null,
    commune    text,
    address    text,
    phone      text,
    email      text,
    created_at timestamptz not null default now()
);

create table product (
    id                  uuid        primary key,
    producer_id         uuid        not null references producer (id),
    name                text        not null,
    product_group       int         not null check (product_group between 1 and 6),
    subgroup            text        not null,
    description         text,
    story               text,
    unit                text        not null,
    wholesale_price_vnd bigint      not null check (wholesale_price_vnd >= 0),
    min_order_quantity  int         not null check (min_order_quantity >= 1),
    origin_province     text        not null,
    origin_commune      text,
    status              text        not null,
    stars               int,
    certificate_no      text,
    evaluation_note     text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create index product_by_producer on product (producer_id, created_at desc, id desc);
create index product_by_status on product (status, created_at desc, id desc);

create table submission (
    id           uuid        primary key,
    product_id   uuid        not null references product (id),
    level        text        not null,
    submitted_at timestamptz not null default now()
);
