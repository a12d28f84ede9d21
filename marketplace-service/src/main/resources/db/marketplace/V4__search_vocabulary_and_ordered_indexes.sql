-- Search that stays fast at a million listings: every filter and order of GET /api/listings is
-- one an index holds (no computed score), so PostgreSQL either walks an index and stops after
-- limit + 1 rows or sorts only the matches of rarer words; and typos are corrected against a
-- small vocabulary instead of comparing the query with every listing.

-- Province filter (compared without case or diacritics), newest first, and as the narrowest
-- start for a text search limited to one province.
create index listing_active_province on listing (lower(f_unaccent(province)), created_at desc, id desc)
    where status = 'ACTIVE';

-- Group filter in the stars order (group in the newest order has listing_active_group).
create index listing_active_group_stars on listing (product_group, stars desc, created_at desc, id desc)
    where status = 'ACTIVE';

-- A finer sample of the searchable texts, so that the planner sees how common a word is: a
-- common word is then found by walking the newest-first index (a page in a few hundred rows)
-- rather than by collecting its tens of thousands of matches from the trigram index. The
-- default sample (100) often misses a word in 5 % of the listings; 250 adds about 0.05 ms of
-- planning to a three-word search.
alter table listing
    alter column name_norm set statistics 250,
    alter column search_text set statistics 250;

-- The vocabulary: every distinct normalised word of the searchable text of listings that are or
-- were active. A query word that is not a word of the catalogue (a typo) is replaced by its
-- closest words here ("did you mean"), and the search is then run exactly as typed with those
-- alternatives. A few thousand rows even for a large catalogue; words only come, never go (a
-- word left by withdrawn listings at worst offers an alternative that matches nothing).
create table search_word (
    word text primary key
);

create index search_word_trgm on search_word using gist (word gist_trgm_ops);

-- Kept by the database itself, in the transaction that writes the listing, once per statement
-- (a bulk load adds its words in one insert). Words go in sorted order so that two transactions
-- adding the same new words wait for each other instead of deadlocking.
create function listing_search_words() returns trigger
    language plpgsql
    as $$
    begin
        insert into search_word (word)
        select distinct word
        from changed, regexp_split_to_table(changed.search_text, '[[:space:][:punct:]]+') word
        where changed.status = 'ACTIVE' and word <> ''
        order by word
        on conflict do nothing;
        return null;
    end
    $$;

create trigger listing_search_words_inserted after insert on listing
    referencing new table as changed
    for each statement execute function listing_search_words();

create trigger listing_search_words_updated after update on listing
    referencing new table as changed
    for each statement execute function listing_search_words();

insert into search_word (word)
select distinct word
from listing, regexp_split_to_table(listing.search_text, '[[:space:][:punct:]]+') word
where listing.status = 'ACTIVE' and word <> ''
order by word
on conflict do nothing;

analyze search_word;
analyze listing;
