create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes this
-- wrapper safe to declare IMMUTABLE, so generated columns and indexes can use it.
create or replace function f_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Facts the listing projection is computed from. Each event only adds or updates a fact;
-- the listing is then recomputed from all facts of its product, so the order in which events
-- arrive (late, twice, replayed from the beginning) never changes the result.
create table certification_fact (
    certificate_no text        primary key,
    product_id     uuid        not null,
    certified_at   timestamptz,
    stars          int,
    score          numeric(5, 2),
    valid_until    date,
    snapshot       jsonb,
    status         text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED', 'EXPIRED')),
    status_at      timestamptz
);

create index certification_fact_by_product on certification_fact (product_id, certified_at desc);

create table product_fact (
    product_id       uuid        primary key,
    terms            jsonb,
    terms_at         timestamptz,
    withdrawn_at     timestamptz,
    withdrawn_reason text
);

alter table listing drop column search_text;
alter table listing add column withdrawn_reason text;
alter table listing add column withdrawn_at timestamptz;
alter table listing add column name_norm text
    generated always as (lower(f_unaccent(name))) stored;
alter table listing add column search_text text
    generated always as (lower(f_unaccent(name || ' ' || producer_name || ' ' || province || ' '
        || coalesce(commune, '') || ' ' || coalesce(story, '')))) stored;

create index listing_name_trgm on listing using gin (name_norm gin_trgm_ops) where status = 'ACTIVE';
create index listing_search_trgm on listing using gin (search_text gin_trgm_ops) where status = 'ACTIVE';
create index listing_active_stars on listing (stars desc, created_at desc, id desc) where status = 'ACTIVE';
create index listing_active_price on listing (wholesale_price_vnd, id) where status = 'ACTIVE';
create index listing_active_group on listing (product_group, created_at desc, id desc) where status = 'ACTIVE';
