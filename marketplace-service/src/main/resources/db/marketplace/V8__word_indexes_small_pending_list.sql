-- The word indexes (V5) were built without a pending list, so that searches never scan one: a
-- listing write then inserts each of its words into the index one by one, about 40 % of the
-- cost of writing a listing. A pending list queues a write's entries and merges them into the
-- index in bulk once it outgrows its limit. With a limit of 64 kB (the smallest) instead of the
-- default 4 MB, a search scans about that much beside the index, and the backend that overflows
-- it merges a few hundred listings' words in one go (a few milliseconds, now and then).
-- Changing the parameters rewrites nothing but locks each index briefly; should a long
-- transaction hold the table, give up (and fail the start) rather than queue every search
-- behind the lock.
set local lock_timeout = '10s';
alter index listing_name_pairs set (fastupdate = on, gin_pending_list_limit = 64);
alter index listing_search_words set (fastupdate = on, gin_pending_list_limit = 64);
