-- The planner ignores the statistics of a partial index's expression (listing_active_province
-- is partial), so "lower(f_unaccent(province)) = ?" was estimated at the default 0.5 % of the
-- listings, whatever the province. With a filter on a word and a product group as well, the
-- estimate fell below a page at 100,000 listings, and PostgreSQL fetched every listing of the
-- province to sort them (a province holds some 6 % of the listings) instead of walking the
-- province's index newest first and stopping after a page. Statistics of the expression itself
-- give the planner the real share of each province.
create statistics listing_province_norm on (lower(f_unaccent(province))) from listing;

analyze listing;
