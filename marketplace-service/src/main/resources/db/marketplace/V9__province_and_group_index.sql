-- Listings of one province in one product group, newest first. A search with both filters walked
-- the province's index (V4) and checked the group on every listing it met, so it read past all
-- of the province's newest listings of other groups: provinces lean towards a few groups (tea in
-- Thái Nguyên, rice and fruit in Cần Thơ), and in the benchmark, where the 6,000-odd newest
-- listings of Cần Thơ were all of one group, "gao" in group 1 and Cần Thơ read 6,900 listings
-- for a page (9-11 ms at a million listings, 0.4 ms with this index). Browsing a province and a
-- group now walks this index too and stops after a page.
-- Built in about 2 s per million listings; reads go on meanwhile, listing writes wait.
create index listing_active_province_group on listing (lower(f_unaccent(province)), product_group, created_at desc,
    id desc) where status = 'ACTIVE';
