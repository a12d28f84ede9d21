-- Products certified at least once: the funnel counts products, not certificates (a product
-- that climbs from the commune to the province and central councils receives one per level).
create table dashboard_certified_product (
    product_id         uuid        primary key,
    first_certified_at timestamptz not null
);
