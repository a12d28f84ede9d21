-- Search by words instead of trigrams. A query word matches where it is a substring of the text;
-- a substring without spaces or punctuation lies within one word of the text (words split on
-- spaces and punctuation, as the vocabulary's are), and the vocabulary (search_word) holds every
-- word of every active listing. So the service first finds the vocabulary words that contain a
-- query word (a small table), then the listings holding one of those words through a GIN index
-- of the listings' words: one exact posting list per word instead of several much longer trigram
-- lists to intersect and every candidate's text to recheck. A query word with punctuation is
-- still matched literally on the text, after its pieces have narrowed the search.

-- Every word of the name and every pair of two of them (a word with itself is the word; two
-- words in byte order with a space between). Several words of a query then meet in the short
-- list of their pair rather than by intersecting two long lists: "mật ong" is a pair of a
-- twentieth of the names with a twentieth, not two lists of 50,000 rows each at a million.
create function word_pairs(words text[]) returns text[]
    language sql immutable parallel safe strict
    as $$
    select coalesce(array_agg(distinct case when a = b then a else a || ' ' || b end), '{}')
    from unnest(words) a, unnest(words) b
    where a <= b collate "C" and a <> '' and b <> ''
    $$;

alter table listing
    add column name_pairs text[]
        generated always as (word_pairs(regexp_split_to_array(lower(f_unaccent(name)), '[[:space:][:punct:]]+')))
        stored,
    add column search_words text[]
        generated always as (array_remove(regexp_split_to_array(lower(f_unaccent(name || ' ' || producer_name
            || ' ' || province || ' ' || coalesce(commune, '') || ' ' || coalesce(story, ''))),
            '[[:space:][:punct:]]+'), '')) stored;

-- Without the pending list (fastupdate): a listing write updates the index at once, instead of
-- queueing entries that every search then scans until a vacuum merges them (up to 4 MB, which
-- made searches several times slower after a burst of writes). Listings are read far more often
-- than written.
create index listing_name_pairs on listing using gin (name_pairs) with (fastupdate = off) where status = 'ACTIVE';
create index listing_search_words on listing using gin (search_words) with (fastupdate = off)
    where status = 'ACTIVE';

-- The trigram indexes of the texts served the substring search; the word indexes replace them
-- (a listing write no longer updates some hundred trigram entries).
drop index listing_name_trgm;
drop index listing_search_trgm;

-- The vocabulary words that contain a query word: a trigram index answers LIKE '%word%' (the
-- GiST index stays for the words closest to a typo).
create index search_word_like on search_word using gin (word gin_trgm_ops) with (fastupdate = off);

analyze listing;
analyze search_word;
